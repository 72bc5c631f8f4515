"""Anmälan av delegationsbeslut: a list of the decisions taken under delegation (from the
diarium, CSV or XLSX) read into the selected §, which then lists them in the protocol. The
same form and checks as the other list imports: every row and error shown, nothing saved
until Importera."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from secretary.services import arende_import
from secretary.services.arende_import import DelegationPreview, Delegationsrad
from secretary.services.errors import ServiceError
from secretary.ui.context import AppContext
from secretary.ui.import_dialog import ErrorRowsModel, ListImportDialog

FILE_FILTER = "Listor över delegationsbeslut (*.xlsx *.csv)"


class DelegationPreviewModel(ErrorRowsModel):
    RAD, DNR, BESLUT, DATUM, DELEGAT, FEL = range(6)
    HEADERS = ("Rad", "Dnr", "Beslut", "Datum", "Delegat", "Fel")

    def texts(self, item: Delegationsrad) -> dict[int, str]:
        return {
            self.RAD: str(item.row),
            self.DNR: item.dnr,
            self.BESLUT: item.beslut,
            self.DATUM: item.datum,
            self.DELEGAT: item.delegat,
            self.FEL: "\n".join(item.errors),
        }


class DelegationImportDialog(ListImportDialog):
    """Read a list of delegationsbeslut into the § `arende_id`."""

    file_title = "Välj lista över delegationsbeslut"
    file_filter = FILE_FILTER

    def __init__(self, ctx: AppContext, arende_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, arende_import.DELEGATION_HELP, parent)
        self.arende_id = arende_id
        self.preview: DelegationPreview | None = None
        self.antal: int | None = None
        self.setWindowTitle(self.tr("Importera delegationsbeslut"))
        self.model = DelegationPreviewModel(self)
        self._preview_table(self.model, DelegationPreviewModel.FEL)

    def set_path(self, path: str | Path) -> None:
        self.ui.pathEdit.setText(str(path))
        try:
            preview = arende_import.preview_delegationsbeslut(path)
        except ServiceError as exc:
            self._show(None, str(exc))
            return
        self._show(preview, preview.summary)

    def _show(self, preview: DelegationPreview | None, text: str) -> None:
        self.preview = preview
        error = preview is None or preview.has_errors
        self._show_rows(preview.rows if preview is not None else None, text, error=error)

    def _import(self) -> None:
        if self.preview is None or self.preview.has_errors:
            return
        try:
            self.antal = arende_import.apply_delegationsbeslut(
                self.ctx.store, self.arende_id, self.preview
            )
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("Importen misslyckades"), str(exc))
            return
        self.ctx.changes.changed.emit("agenda")
        self.accept()
