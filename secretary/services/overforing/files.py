"""The use cases: import a document (bytes or a file) and export one to a file."""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from secretary.services.errors import ServiceError
from secretary.services.overforing import document
from secretary.services.overforing.export import export_bytes
from secretary.services.overforing.format import MAX_BYTES, decode
from secretary.services.overforing.importing import ImportResult, write
from secretary.store.database import Store


def import_bytes(store: Store, data: bytes) -> ImportResult:
    """Check the whole document, then write it in one unit of work (all or nothing)."""
    doc = document.read(decode(data))
    with store.session() as s:
        return write(s, doc)


def import_file(store: Store, path: Path) -> ImportResult:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ServiceError(
                f"Filen {path.name} är för stor ({size / 1_048_576:.0f} MB); en "
                f"sammanträdesexport får vara högst {MAX_BYTES // 1_048_576} MB."
            )
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ServiceError(f"Filen {path} kan inte läsas: {_reason(exc, path)}.") from None
    return import_bytes(store, data)


def export_file(store: Store, meeting_id: int, path: Path) -> int:
    """Write the document beside its place first and move it there, so an interrupted export
    never leaves half a file under the chosen name. Returns the number of bytes."""
    data = export_bytes(store, meeting_id)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise ServiceError(f"Filen {path} kan inte sparas: {_reason(exc, path)}.") from None
    return len(data)


def _reason(exc: OSError, path: Path) -> str:
    """Why, in Swedish and with what to do: the system's own text is often English."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "det finns inte plats på disken. Frigör utrymme eller välj en annan mapp"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "du saknar behörighet. Välj en annan mapp"
    if isinstance(exc, IsADirectoryError):
        return "det är en mapp"
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return "den finns inte" if path.parent.is_dir() else f"mappen {path.parent} finns inte"
    return exc.strerror or str(exc)
