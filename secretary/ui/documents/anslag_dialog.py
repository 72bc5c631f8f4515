"""The anslag dates for the anslagsbevis: proposed from the day of justering by the law's
deadlines (secretary.domain.anslag), or left blank to be written by hand. Once the meeting
is justerat the anslagsbevis can be issued for signing by the one who posts the notice, and
the issued ones are listed with their state (issue 12)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from secretary.domain.anslag import OVERKLAGANDE_DAGAR, anslagsdatum, foreslaget_anslag
from secretary.services import bestyrkande
from secretary.services.bestyrkande import BestyrkandeInfo, Slag
from secretary.services.dokument import Anslag
from secretary.services.errors import ServiceError
from secretary.ui.common import dialog_buttons, from_qdate, to_qdate
from secretary.ui.context import AppContext


class AnslagDialog(QDialog):
    def __init__(
        self,
        justerat: dt.date,
        parent: QWidget | None = None,
        *,
        ctx: AppContext | None = None,
        meeting_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Anslagsbevis")
        self.dates_box = QGroupBox("Skriv in datumen (annars tomma rader att fylla i för hand)")
        self.dates_box.setCheckable(True)
        self.upp_edit = QDateEdit(to_qdate(foreslaget_anslag(justerat)))
        self.ned_edit = QDateEdit()
        for edit in (self.upp_edit, self.ned_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        form = QFormLayout(self.dates_box)
        form.addRow("Datum då anslaget sätts upp", self.upp_edit)
        form.addRow("Datum då anslaget tas ned", self.ned_edit)
        form.addRow(self.hint)
        self.upp_edit.dateChanged.connect(self._upp_changed)
        self._upp_changed()
        buttons, _ = dialog_buttons(self, "Förhandsgranska…")
        layout = QVBoxLayout(self)
        layout.addWidget(self.dates_box)
        self.setMinimumWidth(460)
        self.ctx, self.meeting_id = ctx, meeting_id
        if ctx is not None and meeting_id is not None:
            layout.addWidget(self._for_underskrift(ctx, meeting_id), 1)
        layout.addWidget(buttons)

    def _for_underskrift(self, ctx: AppContext, meeting_id: int) -> QGroupBox:
        from secretary.ui.documents.bestyrkanden import BestyrkandenPanel

        try:
            u = bestyrkande.utfardande(ctx.store, meeting_id)
        except ServiceError:
            u = bestyrkande.Utfardande(None, "")
        group = QGroupBox("Anslagsbevis för underskrift")
        self.namn_edit = QLineEdit(u.sekreterare)
        self.namn_edit.setAccessibleName("Underskrift av")
        label = QLabel("&Underskrift av:")
        label.setBuddy(self.namn_edit)
        self.utfarda_button = QPushButton("U&tfärda för underskrift")
        self.utfarda_button.setAutoDefault(False)
        self.utfarda_button.clicked.connect(self.utfarda)
        self.utfarda_hint = QLabel(
            "Anslagsbeviset sparas med datumen ovan och väntar på underskrift av den som "
            "sätter upp anslaget."
            if u.justerat is not None
            else "Ett anslagsbevis kan utfärdas för underskrift när protokollet är justerat."
        )
        self.utfarda_hint.setWordWrap(True)
        for w in (self.namn_edit, self.utfarda_button):
            w.setEnabled(u.justerat is not None)
        if u.justerat is not None:  # the real day of justering, not the one planned
            self.upp_edit.setMinimumDate(to_qdate(u.justerat))
            if from_qdate(self.upp_edit.date()) < u.justerat:
                self.upp_edit.setDate(to_qdate(foreslaget_anslag(u.justerat)))
        self.panel = BestyrkandenPanel(ctx, meeting_id, Slag.ANSLAGSBEVIS)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.namn_edit, 1)
        row.addWidget(self.utfarda_button)
        box = QVBoxLayout(group)
        box.addLayout(row)
        box.addWidget(self.utfarda_hint)
        box.addWidget(self.panel, 1)
        self.setMinimumSize(720, 620)
        return group

    def utfarda(self) -> BestyrkandeInfo | None:
        """Issue the anslagsbevis with the dates above for signing."""
        from secretary.ui.documents.preview import guarded

        ctx, meeting_id = self.ctx, self.meeting_id
        if ctx is None or meeting_id is None:
            return None
        anslag, namn = self.anslag(), self.namn_edit.text()
        done, issued = guarded(
            self,
            "Anslagsbeviset kan inte utfärdas",
            lambda: bestyrkande.utfarda_anslagsbevis(
                ctx.store, meeting_id, ctx.clock(), anslag=anslag, underskrift_av=namn
            ),
        )
        if not done or issued is None:
            return None
        self.panel.refresh(issued.nummer)
        ctx.changes.changed.emit("meetings")
        self.utfarda_hint.setText(
            f"{issued.text} utfärdat för underskrift av {issued.signatar.namn}. Välj i listan "
            "hur det signeras."
        )
        self.panel.table.setFocus()
        return issued

    def _upp_changed(self) -> None:
        upp = from_qdate(self.upp_edit.date())
        datum = anslagsdatum(upp)
        self.ned_edit.setDate(to_qdate(datum.nedtagning))
        moved = datum.sista_overklagandedag != upp + dt.timedelta(days=OVERKLAGANDE_DAGAR)
        self.hint.setText(
            f"Sista dag för överklagande är {datum.sista_overklagandedag.isoformat()}, tre veckor "
            "från anslaget"
            + (", flyttad till nästa vardag." if moved else ".")
            + " Anslaget tas ned dagen därpå."
        )

    def anslag(self) -> Anslag:
        if not self.dates_box.isChecked():
            return Anslag()
        return Anslag(from_qdate(self.upp_edit.date()), from_qdate(self.ned_edit.date()))
