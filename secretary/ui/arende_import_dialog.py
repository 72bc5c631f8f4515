"""Import ärenden from the diarium's export into a meeting's föredragningslista: choose the
file, choose which column is which (remembered per organ), see every row, its errors and
what a re-import changes, then import all at once (services.arende_import).

The same form as the member import (forms/import_dialog.ui), with the column choosers put
above the table."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QMessageBox,
    QWidget,
)

from secretary.services import arende_import
from secretary.services.arende_import import ArendePreview, ArendeRad
from secretary.services.errors import ServiceError
from secretary.ui.context import AppContext
from secretary.ui.import_dialog import ErrorRowsModel, ListImportDialog

FILE_FILTER = "Ärendelistor (*.xlsx *.csv)"
EJ = "(importeras inte)"


class ArendePreviewModel(ErrorRowsModel):
    RAD, STATUS, DNR, RUBRIK, HANDLAGGARE, FEL = range(6)
    HEADERS = ("Rad", "Status", "Dnr", "Rubrik", "Handläggare", "Fel och ändringar")

    def rad(self, row: int) -> ArendeRad | None:
        item = self.row_at(row)
        return item if isinstance(item, ArendeRad) else None

    def texts(self, item: ArendeRad) -> dict[int, str]:
        return {
            self.RAD: str(item.row),
            self.STATUS: item.status,
            self.DNR: item.dnr,
            self.RUBRIK: item.rubrik,
            self.HANDLAGGARE: item.handlaggare,
            self.FEL: "\n".join([*item.errors, *item.warnings, *item.andringar]),
        }


class ArendeImportDialog(ListImportDialog):
    """Choose a list of ärenden, map its columns, check it, import it into `meeting_id`."""

    file_title = "Välj ärendelista"
    file_filter = FILE_FILTER

    def __init__(self, ctx: AppContext, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, arende_import.HELP_TEXT, parent)
        self.meeting_id = meeting_id
        self.preview: ArendePreview | None = None
        self.resultat: arende_import.ArendeImportResultat | None = None
        self.path: Path | None = None
        self.chosen: dict[str, str] | None = None  # the columns chosen here; None: remembered
        self.setWindowTitle(self.tr("Importera ärenden"))

        self.combos: dict[str, QComboBox] = {}
        box = QGroupBox(self.tr("Kolumner"))
        form = QFormLayout(box)
        for key, label in arende_import.FALT.items():
            combo = QComboBox()
            combo.setAccessibleName(label)
            combo.setEnabled(False)
            combo.activated.connect(self._remap)
            form.addRow(f"{label}:", combo)
            self.combos[key] = combo
        self.ui.verticalLayout.insertWidget(2, box)

        self.model = ArendePreviewModel(self)
        self._preview_table(self.model, ArendePreviewModel.FEL)

    def set_path(self, path: str | Path) -> None:
        """Read the file with the columns chosen here, else the organ's remembered ones, and
        show every row."""
        self.path = Path(path)
        self.ui.pathEdit.setText(str(path))
        self._read(self.chosen)

    def kolumner(self) -> dict[str, str]:
        return {
            key: ("" if combo.currentText() == EJ else combo.currentText())
            for key, combo in self.combos.items()
        }

    def choose_column(self, key: str, header: str) -> None:
        """Map field `key` to the column `header` ('' = not imported) and read again."""
        combo = self.combos[key]
        combo.setCurrentIndex(max(0, combo.findText(header or EJ)))
        self._remap()

    def _remap(self) -> None:
        if self.path is not None:
            self.chosen = self.kolumner()
            self._read(self.chosen)

    def _read(self, kolumner: dict[str, str] | None) -> None:
        assert self.path is not None
        try:
            preview = arende_import.preview_arenden(
                self.ctx.store, self.meeting_id, self.path, kolumner
            )
        except ServiceError as exc:
            self._show_preview(None, str(exc))
            return
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItems([EJ, *[h for h in preview.header if h]])
            combo.setCurrentIndex(max(0, combo.findText(preview.kolumner.get(key) or EJ)))
            combo.setEnabled(True)
            combo.blockSignals(False)
        text = preview.summary
        if preview.ignored_columns and not preview.problems:
            text += " Kolumner som inte importeras: " + ", ".join(preview.ignored_columns) + "."
        self._show_preview(preview, text)

    def _apply(self, preview: ArendePreview) -> None:
        self.resultat = arende_import.apply_arenden(self.ctx.store, self.meeting_id, preview)

    def _done(self) -> None:
        if self.resultat is not None and self.resultat.andringar:
            QMessageBox.information(self, self.tr("Ärenden importerade"), self.resultat.text)
