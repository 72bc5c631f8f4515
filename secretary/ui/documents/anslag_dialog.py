"""The anslag dates for the anslagsbevis: proposed from the day of justering by the law's
deadlines (secretary.domain.anslag), or left blank to be written by hand."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from secretary.domain.anslag import OVERKLAGANDE_DAGAR, anslagsdatum, foreslaget_anslag
from secretary.services.dokument import Anslag
from secretary.ui.common import dialog_buttons, from_qdate, to_qdate


class AnslagDialog(QDialog):
    def __init__(self, justerat: dt.date, parent: QWidget | None = None) -> None:
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
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

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
