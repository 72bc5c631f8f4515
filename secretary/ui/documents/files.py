"""Writing documents to disk: Swedish file names, a file written whole or not at all, and
Swedish messages for what can go wrong (a full disk, a folder without write permission)."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from secretary.services.dokument import Dokument, Webbsida, filnamn

__all__ = ["Dokument", "filnamn"]

FOLDER_KEY = "documents/folder"
PDF_FILTER = "PDF-dokument (*.pdf)"
HTML_FILTER = "Webbsida (*.html)"


def folder(settings: QSettings) -> Path:
    """The folder the user last saved in, else Documents, else home."""
    saved = str(settings.value(FOLDER_KEY, "") or "")
    if saved and Path(saved).is_dir():
        return Path(saved)
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs and Path(docs).is_dir() else Path.home()


def _open_temp(directory: Path) -> tuple[int, str]:
    return tempfile.mkstemp(prefix=".secretary-", suffix=".pdf.tmp", dir=directory)


def write_whole(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path` and rename it into place, so a full disk
    never leaves half a file nor destroys the one already there."""
    fd, tmp = _open_temp(path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def fel_text(exc: OSError, path: Path) -> str:
    """What went wrong, in Swedish, with what the user can do about it."""
    where = f"”{path.name}” i mappen {path.parent}"
    if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
        return (
            f"Det finns inte plats på disken för {where}. Frigör utrymme eller välj en annan mapp."
        )
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"Du saknar behörighet att skriva {where}. "
            "Välj en mapp där du får spara, till exempel Dokument."
        )
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return f"Mappen {path.parent} finns inte. Välj en annan mapp."
    if isinstance(exc, IsADirectoryError):
        return f"”{path.name}” är en mapp. Välj ett annat filnamn."
    reason = exc.strerror or str(exc)
    return f"Det gick inte att spara {where}: {reason}."


def save_pdf(parent: QWidget | None, settings: QSettings, doc: Dokument) -> Path | None:
    """Ask where, then write. On failure the user reads why; the document stays where it was
    (in the preview), so nothing is lost and they can try another folder."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent, "Spara som PDF", str(folder(settings) / doc.filnamn), PDF_FILTER
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    try:
        write_whole(path, doc.pdf)
    except OSError as exc:
        QMessageBox.warning(
            parent, "Kunde inte spara", fel_text(exc, path) + "\n\nDokumentet är inte förlorat."
        )
        return None
    settings.setValue(FOLDER_KEY, str(path.parent))
    return path


def save_html(parent: QWidget | None, settings: QSettings, page: Webbsida) -> Path | None:
    """The web version's page, saved as save_pdf saves a document."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent, "Spara webbsida", str(folder(settings) / page.filnamn), HTML_FILTER
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() not in (".html", ".htm"):
        path = path.with_name(path.name + ".html")
    try:
        write_whole(path, page.html.encode("utf-8"))
    except OSError as exc:
        QMessageBox.warning(parent, "Kunde inte spara", fel_text(exc, path))
        return None
    settings.setValue(FOLDER_KEY, str(path.parent))
    return path
