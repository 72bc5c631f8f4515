"""Arkiv → Exportera sammanträde… and Importera sammanträde…: the file dialogs and the
messages around services.overforing (docs/overforingsformat.md describes the file).

An import is all or nothing; after one the views refresh from ctx.changes and the imported
meeting is selected.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from secretary.services import agenda, overforing
from secretary.services.errors import ServiceError
from secretary.ui.context import AppContext
from secretary.ui.documents.files import FOLDER_KEY, filnamn, folder
from secretary.ui.navigator import MEETING, Selection

EXPORT_TITLE = "Exportera sammanträde"
IMPORT_TITLE = "Importera sammanträde"
JSON_FILTER = "Sammanträdesexport (*.json);;Alla filer (*)"


class _Busy:
    def __enter__(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_exc: object) -> None:
        QApplication.restoreOverrideCursor()


def export_meeting(parent: QWidget | None, ctx: AppContext, meeting_id: int | None) -> Path | None:
    """Ask where, write the file; returns where it went (None: cancelled or refused)."""
    if meeting_id is None:
        QMessageBox.information(parent, EXPORT_TITLE, "Välj först ett sammanträde i listan.")
        return None
    try:
        title = agenda.get_meeting(ctx.store, meeting_id).title
    except ServiceError as exc:
        QMessageBox.warning(parent, EXPORT_TITLE, str(exc))
        return None
    proposed = folder(ctx.settings) / Path(filnamn(title)).with_suffix(".json").name
    chosen, _ = QFileDialog.getSaveFileName(parent, EXPORT_TITLE, str(proposed), JSON_FILTER)
    if not chosen:
        return None
    path = Path(chosen)
    if not path.suffix:
        path = path.with_name(path.name + ".json")
    try:
        with _Busy():
            size = overforing.export_file(ctx.store, meeting_id, path)
    except ServiceError as exc:
        QMessageBox.warning(parent, EXPORT_TITLE, str(exc))
        return None
    ctx.settings.setValue(FOLDER_KEY, str(path.parent))
    QMessageBox.information(
        parent,
        EXPORT_TITLE,
        f"Sammanträdet {title} är exporterat till {path} ({size / 1024:.0f} kB).\n\n"
        "Filen kan läsas in i en annan Secretary-databas med Arkiv → Importera sammanträde…",
    )
    return path


def import_meeting(
    parent: QWidget | None,
    ctx: AppContext,
    select: Callable[[Selection], object] | None = None,
) -> overforing.ImportResult | None:
    """Ask for the file and import it; `select` shows the new meeting (the navigator's
    select). Nothing is written when the file is refused, and the message says so."""
    chosen, _ = QFileDialog.getOpenFileName(
        parent, IMPORT_TITLE, str(folder(ctx.settings)), JSON_FILTER
    )
    if not chosen:
        return None
    path = Path(chosen)
    try:
        with _Busy():
            result = overforing.import_file(ctx.store, path)
    except ServiceError as exc:
        QMessageBox.warning(
            parent, IMPORT_TITLE, f"{exc}\n\nIngenting har importerats; databasen är oförändrad."
        )
        return None
    ctx.settings.setValue(FOLDER_KEY, str(path.parent))
    if result.new_organ or result.new_persons or result.new_memberships:
        ctx.changes.changed.emit("register")
    ctx.changes.changed.emit("meetings")
    if select is not None:
        select((MEETING, result.meeting_id))
    QMessageBox.information(parent, IMPORT_TITLE, result.text)
    return result
