"""Add or change an ärende on the föredragningslista, in the organ's own words."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from secretary.domain.diarienummer import dnr_warning
from secretary.services import agenda
from secretary.services.agenda import ArendeData, ArendeInput
from secretary.services.register import OrganData
from secretary.ui.common import lines
from secretary.ui.context import AppContext
from secretary.ui.dialogs.base import EditDialog
from secretary.ui.forms.ui_arende_dialog import Ui_ArendeDialog


class ArendeDialog(EditDialog):
    settings_key = "dialogs/arende"

    def __init__(
        self,
        ctx: AppContext,
        organ: OrganData,
        meeting_id: int,
        arende: ArendeData | None,
        parent: QWidget | None,
        position: int | None = None,
    ) -> None:
        """`position`: where a new ärende goes in the list (None: last)."""
        super().__init__(ctx, parent)
        self.organ = organ
        self.meeting_id = meeting_id
        self.arende = arende
        self.position = position
        self.saved: ArendeData | None = None
        self.ui = ui = Ui_ArendeDialog()
        ui.setupUi(self)
        self.setWindowTitle(f"§ {arende.paragraf} {arende.rubrik}" if arende else "Nytt ärende")
        labels = organ.labels
        ui.forslagLabel.setText(f"{labels['forslag_till_beslut']}:")
        ui.sammanfattningLabel.setText(f"{labels['sammanfattning']}:")
        ui.beslutsunderlagLabel.setText(f"{labels['beslutsunderlag']}:")
        ui.expedierasLabel.setText(f"{labels['expedieras']}:")
        for label in (ui.forslagLabel, ui.sammanfattningLabel, ui.beslutsunderlagLabel):
            label.setWordWrap(True)
        if organ.dnr_pattern:
            ui.dnrEdit.setPlaceholderText(f"mönster {organ.dnr_pattern}")
        ui.dnrWarningLabel.setStyleSheet("color: #8a5300;")
        if arende is not None:
            ui.rubrikEdit.setText(arende.rubrik)
            ui.dnrEdit.setText(arende.dnr)
            ui.forslagEdit.setPlainText(arende.forslag_till_beslut)
            ui.sammanfattningEdit.setPlainText(arende.sammanfattning)
            ui.beslutsunderlagEdit.setPlainText("\n".join(arende.beslutsunderlag))
            ui.expedierasEdit.setPlainText("\n".join(arende.expedieras_till))
        ui.dnrEdit.textChanged.connect(self._check_dnr)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self._check_dnr()
        self._finish_setup(ui.errorLabel)

    def dnr_warning(self) -> str | None:
        return dnr_warning(self.ui.dnrEdit.text(), self.organ.dnr_pattern)

    def _check_dnr(self) -> None:
        """A dnr off the organ's pattern is shown, never refused: the diarium is the truth."""
        warning = self.dnr_warning()
        self.ui.dnrWarningLabel.setText(f"⚠ {warning} Ärendet kan ändå sparas." if warning else "")
        self.ui.dnrWarningLabel.setVisible(bool(warning))

    def value(self) -> ArendeInput:
        ui = self.ui
        return ArendeInput(
            rubrik=ui.rubrikEdit.text(),
            dnr=ui.dnrEdit.text(),
            sammanfattning=ui.sammanfattningEdit.toPlainText(),
            forslag_till_beslut=ui.forslagEdit.toPlainText(),
            beslutsunderlag=lines(ui.beslutsunderlagEdit.toPlainText()),
            expedieras_till=lines(ui.expedierasEdit.toPlainText()),
        )

    def problems(self) -> list[str]:
        return [] if self.ui.rubrikEdit.text().strip() else ["Skriv ärendets rubrik."]

    def save(self) -> str:
        store = self.ctx.store
        if self.arende is None:
            self.saved = agenda.add_arende(store, self.meeting_id, self.value(), self.position)
        else:
            self.saved = agenda.update_arende(store, self.arende.id, self.value())
        return "agenda"
