"""Anmälan av delegationsbeslut: a list of the decisions taken under delegation (from the
diarium, CSV or XLSX) read into the selected §, which then lists them in the protocol. The
same form and checks as the other list imports: every row and error shown, nothing saved
until Importera."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

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
            self._show_preview(None, str(exc))
            return
        self._show_preview(preview, preview.summary)

    def _apply(self, preview: DelegationPreview) -> None:
        self.antal = arende_import.apply_delegationsbeslut(self.ctx.store, self.arende_id, preview)
