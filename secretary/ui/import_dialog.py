"""Import a member list from Excel or CSV into one organ: choose the file, see every row and
every problem, then import all rows at once (services.member_import)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QWidget,
)

from secretary.services import member_import, register
from secretary.services.errors import ServiceError
from secretary.services.member_import import ImportPreview, ImportResult, ImportRow
from secretary.ui.context import AppContext
from secretary.ui.forms.ui_import_dialog import Ui_ImportDialog
from secretary.ui.models import RowsModel

_Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
_TOP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
_ERROR_BACKGROUND = QColor("#fde7e9")
_ERROR_TEXT = QColor("#a4000f")
_ERROR_STYLE = "color: #a4000f;"
FILE_FILTER = "Medlemslistor (*.xlsx *.csv)"
SETTINGS_DIR = "import/last_dir"


class ImportPreviewModel(RowsModel):
    """The rows of an import preview, read-only; rows with errors are highlighted."""

    RAD, FORNAMN, EFTERNAMN, PARTI, ROLL, FUNKTION, ORDNING, TITEL, FEL = range(9)
    HEADERS = (
        "Rad",
        "Förnamn",
        "Efternamn",
        "Parti",
        "Roll",
        "Funktion",
        "Ordning",
        "Titel",
        "Fel",
    )

    def set_preview(self, preview: ImportPreview | None) -> None:
        self.set_rows(list(preview.rows) if preview is not None else [])

    def import_row(self, row: int) -> ImportRow | None:
        item = self.row_at(row)
        return item if isinstance(item, ImportRow) else None

    def _text(self, item: ImportRow, column: int) -> str:
        return {
            self.RAD: str(item.row),
            self.FORNAMN: item.first_name,
            self.EFTERNAMN: item.last_name,
            self.PARTI: item.party,
            self.ROLL: item.roll_text,
            self.FUNKTION: item.funktion_text,
            self.ORDNING: item.ordning_text,
            self.TITEL: item.title,
            self.FEL: "\n".join(item.errors),
        }[column]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        item = self.import_row(index.row())
        column = index.column()
        if item is None or not 0 <= column < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if item.errors:
                return "\n".join(item.errors)
            if column == self.ORDNING and item.ordning_assigned:
                return "Ordning saknas i filen: placeras efter de som redan finns."
            if item.is_update:
                return "Finns redan i organet och uppdateras."
            return None
        if role == Qt.ItemDataRole.BackgroundRole and item.errors:
            return QBrush(_ERROR_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and item.errors and column == self.FEL:
            return QBrush(_ERROR_TEXT)
        if role == Qt.ItemDataRole.FontRole and column == self.ORDNING and item.ordning_assigned:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if column in (self.RAD, self.ORDNING) else _TOP
        return None


class ErrorRowsModel(RowsModel):
    """A preview whose rows carry their own errors: the texts per column (display and
    tooltip), a row with errors on a red background, its error column in red. Subclasses say
    which column holds the errors and what each column shows."""

    FEL = -1

    def texts(self, item: Any) -> dict[int, str]:
        raise NotImplementedError

    def errors(self, item: Any) -> Sequence[str]:
        return tuple(getattr(item, "errors", ()))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = (
            self.row_at(index.row()) if index.isValid() and not index.parent().isValid() else None
        )
        if item is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.texts(item).get(column)
        if role == Qt.ItemDataRole.BackgroundRole and self.errors(item):
            return QBrush(_ERROR_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and self.errors(item) and column == self.FEL:
            return QBrush(_ERROR_TEXT)
        return None


class ListImportDialog(QDialog):
    """What the member and the ärende import share: the form (forms/import_dialog.ui), a
    preview table whose error column takes the spare width, Importera and Avbryt, and a file
    chooser that remembers its folder. A subclass reads the file in `set_path` and imports
    in `_import`."""

    file_title = "Välj lista"
    file_filter = ""
    andrar = "agenda"  # what an import changes, for the other windows (AppContext.changes)
    preview: Any = None

    def __init__(self, ctx: AppContext, help_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_ImportDialog()
        self.ui.setupUi(self)
        self.ui.helpLabel.setText(help_text)
        self.ui.helpLabel.setStyleSheet("color: palette(placeholder-text);")

    def _preview_table(self, model: RowsModel, error_column: int) -> None:
        table = self.ui.previewTable
        table.setModel(model)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(error_column, QHeaderView.ResizeMode.Stretch)
        self.import_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("&Importera"))
        self.import_button.setEnabled(False)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Avbryt"))
        self.ui.buttonBox.accepted.connect(self._import)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.chooseButton.clicked.connect(self.choose_file)
        self.ui.chooseButton.setDefault(True)

    def choose_file(self) -> None:
        start = str(self.ctx.settings.value(SETTINGS_DIR, "") or "")
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr(self.file_title), start, self.tr(self.file_filter)
        )
        if path:
            self.ctx.settings.setValue(SETTINGS_DIR, str(Path(path).parent))
            self.set_path(path)

    def _show_rows(self, rows: Sequence[Any] | None, text: str, *, error: bool) -> None:
        """The preview's rows and summary; Importera only when nothing is wrong."""
        model = self.ui.previewTable.model()
        assert isinstance(model, RowsModel)
        model.set_rows(list(rows or ()))
        self.ui.summaryLabel.setText(text)
        self.ui.summaryLabel.setStyleSheet(_ERROR_STYLE if error else "")
        self.import_button.setEnabled(not error)
        if not error:
            self.import_button.setDefault(True)

    def _show_preview(self, preview: Any, text: str) -> None:
        """A preview of rows (each with its errors), or None when the file could not be read."""
        self.preview = preview
        error = preview is None or preview.has_errors
        self._show_rows(preview.rows if preview is not None else None, text, error=error)

    def set_path(self, path: str | Path) -> None:
        raise NotImplementedError

    def _import(self) -> None:
        """Import the checked preview; a refusal is shown and the dialog stays open."""
        if self.preview is None or self.preview.has_errors:
            return
        try:
            self._apply(self.preview)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Importen misslyckades"), str(exc))
            return
        self.ctx.changes.changed.emit(self.andrar)
        self._done()
        self.accept()

    def _apply(self, preview: Any) -> None:
        raise NotImplementedError

    def _done(self) -> None:
        """After the import, before the dialog closes."""


class ImportDialog(ListImportDialog):
    """Choose a member list, check it, import it into the organ `organ_id`."""

    file_title = "Välj medlemslista"
    file_filter = FILE_FILTER
    andrar = "register"

    def __init__(self, ctx: AppContext, organ_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, member_import.HELP_TEXT, parent)
        self.organ_id = organ_id
        self.preview: ImportPreview | None = None
        self.result_counts: ImportResult | None = None

        organ = register.get_organ(ctx.store, organ_id)
        self.setWindowTitle(self.tr("Importera medlemmar till %s") % organ.name)

        self.model = ImportPreviewModel(self)
        self._preview_table(self.model, ImportPreviewModel.FEL)
        self.ui.previewTable.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )

    # --- reading ---------------------------------------------------------------------------

    def set_path(self, path: str | Path) -> None:
        """Read the file and show every row; the Import button follows the result."""
        self.ui.pathEdit.setText(str(path))
        try:
            preview = member_import.preview_import(self.ctx.store, self.organ_id, path)
        except ServiceError as exc:
            self._show(None, str(exc), error=True)
            return
        text = preview.summary
        if preview.ignored_columns:
            text += " Kolumner som inte importeras: " + ", ".join(preview.ignored_columns) + "."
        self._show(preview, text, error=preview.has_errors)
        if preview.has_errors:
            self.ui.previewTable.scrollTo(self.model.index(self._first_error_row(), 0))

    def _first_error_row(self) -> int:
        for i in range(self.model.rowCount()):
            item = self.model.import_row(i)
            if item is not None and item.errors:
                return i
        return 0

    def _show(self, preview: ImportPreview | None, text: str, *, error: bool) -> None:
        self.preview = preview
        self.model.set_preview(preview)
        self.ui.summaryLabel.setText(text)
        self.ui.summaryLabel.setStyleSheet(_ERROR_STYLE if error else "")
        ready = preview is not None and not preview.has_errors
        self.ui.previewTable.setColumnHidden(
            ImportPreviewModel.FEL, preview is not None and not preview.has_errors
        )
        self.import_button.setEnabled(ready)
        if ready:
            self.import_button.setDefault(True)
            self.import_button.setFocus()
        else:
            self.ui.chooseButton.setDefault(True)

    # --- importing -----------------------------------------------------------------------

    def _apply(self, preview: ImportPreview) -> None:
        self.result_counts = member_import.apply_import(self.ctx.store, self.organ_id, preview)
