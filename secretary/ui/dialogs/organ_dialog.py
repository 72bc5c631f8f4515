"""Create or change an organ: name, kind, dnr pattern, and the organ's own headings."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from secretary.domain.diarienummer import example
from secretary.domain.labels import LABEL_SPECS
from secretary.domain.partiordning import format_partiordning, parse_partiordning
from secretary.domain.register import OrganKind
from secretary.services import register
from secretary.services.register import OrganData, OrganInput
from secretary.ui.context import AppContext
from secretary.ui.dialogs.base import EditDialog
from secretary.ui.forms.ui_organ_dialog import Ui_OrganDialog


class OrganDialog(EditDialog):
    settings_key = "dialogs/organ"

    def __init__(self, ctx: AppContext, organ: OrganData | None, parent: QWidget | None) -> None:
        super().__init__(ctx, parent)
        self.organ = organ
        self.saved: OrganData | None = None
        self.ui = Ui_OrganDialog()
        self.ui.setupUi(self)
        self.setWindowTitle("Redigera organ" if organ else "Nytt organ")
        for kind in OrganKind:
            self.ui.kindCombo.addItem(kind.label, kind)
        self.label_combos: dict[str, QComboBox] = {}
        labels = organ.labels if organ else {}
        for spec in LABEL_SPECS:
            combo = QComboBox(self)
            combo.setEditable(True)
            combo.addItems([spec.default, *spec.alternatives])
            combo.setToolTip(f"{spec.description}. Standard: {spec.default}")
            combo.setCurrentText(labels.get(spec.key, spec.default))
            self.label_combos[spec.key] = combo
            self.ui.labelsForm.addRow(f"{spec.default}:", combo)
        self.ui.dnrPatternEdit.textChanged.connect(self._show_example)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        if organ:
            self.ui.nameEdit.setText(organ.name)
            self.ui.shortNameEdit.setText(organ.short_name)
            self.ui.kindCombo.setCurrentIndex(self.ui.kindCombo.findData(organ.kind))
            self.ui.forvaringsplatsEdit.setText(organ.forvaringsplats)
            self.ui.dnrPatternEdit.setText(organ.dnr_pattern)
            self.ui.personligaCheck.setChecked(organ.personliga_ersattare)
            order = register.get_party_order(ctx.store, organ.id)
            self.ui.partiordningEdit.setPlainText(format_partiordning(order))
        else:
            self.ui.kindCombo.setCurrentIndex(self.ui.kindCombo.findData(OrganKind.NAMND))
        self._show_example()
        self._finish_setup(self.ui.errorLabel)

    def _show_example(self) -> None:
        pattern = self.ui.dnrPatternEdit.text().strip()
        if pattern:
            self.ui.dnrExampleLabel.setText(f"Exempel: {example(pattern)}")
        else:
            self.ui.dnrExampleLabel.setText(
                "ÅÅÅÅ = år, ÅÅ = år med två siffror, # = en siffra, #+ = en eller flera siffror. "
                "Tomt: diarienumren kontrolleras inte."
            )

    def value(self) -> OrganInput:
        return OrganInput(
            name=self.ui.nameEdit.text(),
            kind=OrganKind(self.ui.kindCombo.currentData()),
            short_name=self.ui.shortNameEdit.text(),
            forvaringsplats=self.ui.forvaringsplatsEdit.text(),
            dnr_pattern=self.ui.dnrPatternEdit.text(),
            personliga_ersattare=self.ui.personligaCheck.isChecked(),
            labels={key: combo.currentText() for key, combo in self.label_combos.items()},
            partiordning=parse_partiordning(self.ui.partiordningEdit.toPlainText())[0],
        )

    def problems(self) -> list[str]:
        problems = [] if self.ui.nameEdit.text().strip() else ["Skriv organets namn."]
        return problems + parse_partiordning(self.ui.partiordningEdit.toPlainText())[1]

    def save(self) -> str:
        if self.organ is None:
            self.saved = register.create_organ(self.ctx.store, self.value())
        else:
            self.saved = register.update_organ(self.ctx.store, self.organ.id, self.value())
        return "register"
