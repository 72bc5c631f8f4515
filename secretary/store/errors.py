"""Store failures, each with a message in Swedish that a user can act on.

`translate()` turns what SQLite, PostgreSQL or the operating system say about a full disk, a
read-only folder or a damaged file into one of these, in one place: the unit of work
(`Store.session`) and `open_store` both use it, so no window ever shows a raw driver message
for them.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path
from typing import Any


class UserFacingError(Exception):
    """Something the user reads as it is: str(exc) is a Swedish sentence saying what happened
    and what to do. The base of both `StoreError` and the services' `ServiceError`, so a
    window that shows a service's refusal shows a full disk the same way."""


class StoreError(UserFacingError):
    """A database problem to show the user as it is (str(exc) is the Swedish message).

    `backup_helps`: whether putting a backup back could cure it (offered at start-up)."""

    backup_helps = True


class DatabaseInUseError(StoreError):
    backup_helps = False


class NewerDatabaseError(StoreError):
    backup_helps = False


class NotOurDatabaseError(StoreError):
    pass


class DamagedDatabaseError(StoreError):
    """The file is not a readable SQLite database, or a page inside it is damaged."""


class DiskFullError(StoreError):
    """Nothing of the change was written; everything committed before is still there."""

    backup_helps = False


class ReadOnlyError(StoreError):
    """The database file, its folder or the backup folder cannot be written."""

    backup_helps = False


class DiskError(StoreError):
    """The operating system could not read or write the file (a failing disk, a lost share)."""

    backup_helps = False


DISK_FULL = (
    "Disken är full – ändringen sparades inte. Frigör utrymme och försök igen. "
    "Allt som sparats tidigare finns kvar."
)
SERVER_DISK_FULL = (
    "Databasserverns disk är full – ändringen sparades inte. Be IT-avdelningen frigöra "
    "utrymme och försök igen. Allt som sparats tidigare finns kvar."
)

# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_PERM = 3
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26

# PostgreSQL SQLSTATEs.
_PG_DISK_FULL = "53100"
_PG_READ_ONLY = "25006"
_PG_CORRUPT = ("XX001", "XX002")

NO_SPACE = (errno.ENOSPC, errno.EDQUOT)
NO_WRITE = (errno.EACCES, errno.EPERM, errno.EROFS)


def read_only_folder(folder: Path) -> ReadOnlyError:
    return ReadOnlyError(
        f"Mappen {folder} går inte att skriva i, så databasen där kan inte öppnas. "
        "Kopiera databasfilen till en mapp där du får spara (till exempel Dokument) och "
        "öppna kopian, eller be IT-avdelningen om skrivbehörighet till mappen."
    )


def read_only_file(path: Path) -> ReadOnlyError:
    return ReadOnlyError(
        f"Databasfilen {path.name} i mappen {path.parent} är skrivskyddad, så inget kan "
        "sparas i den. Kopiera filen till en mapp där du får spara (till exempel Dokument) "
        "och öppna kopian, eller be IT-avdelningen om skrivbehörighet."
    )


def damaged(path: Path | None) -> DamagedDatabaseError:
    if path is None:
        return DamagedDatabaseError(
            "Databasservern säger att databasen är skadad – det som skulle sparas eller läsas "
            "gick inte. Kontakta IT-avdelningen; servern har sina egna säkerhetskopior."
        )
    return DamagedDatabaseError(
        f"Databasfilen {path} är skadad – det som skulle sparas eller läsas gick inte. "
        "Återställ den från en säkerhetskopia (Arkiv › Återställ från säkerhetskopia); den "
        "skadade filen behålls vid sidan om."
    )


def translate(exc: BaseException, path: Path | None) -> StoreError | None:
    """The Swedish error for a full disk, a write-protected file or folder, a disk error or
    a damaged file; None for anything else (a bug, a constraint), which stays as it was.
    `path` is the SQLite file, None for a database server."""
    if isinstance(exc, StoreError):
        return exc
    orig: Any = getattr(exc, "orig", None) or exc
    if isinstance(orig, sqlite3.Error):
        code = (getattr(orig, "sqlite_errorcode", None) or 0) & 0xFF
        if code == _SQLITE_FULL:
            return DiskFullError(DISK_FULL)
        if code in (_SQLITE_READONLY, _SQLITE_PERM, _SQLITE_CANTOPEN) and path is not None:
            if _file_is_read_only(path):
                return read_only_file(path)
            return read_only_folder(path.parent)
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            return damaged(path)
        if code == _SQLITE_IOERR and path is not None and _no_space_left(path.parent):
            return DiskFullError(DISK_FULL)  # SQLite says IOERR when the -shm cannot grow
        if code == _SQLITE_IOERR:
            where = f"filen {path}" if path else "databasen"
            return DiskError(
                f"Datorn kunde inte läsa eller skriva {where} (diskfel) – ändringen sparades "
                "inte. Kontrollera att disken eller nätverksmappen är ansluten och försök igen."
            )
        return None
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate == _PG_DISK_FULL:
        return DiskFullError(SERVER_DISK_FULL)
    if sqlstate == _PG_READ_ONLY:
        return ReadOnlyError(
            "Databasservern tar bara emot läsning just nu – ändringen sparades inte. "
            "Be IT-avdelningen om skrivbehörighet."
        )
    if sqlstate in _PG_CORRUPT:
        return damaged(None)
    if isinstance(orig, OSError):
        if orig.errno in NO_SPACE:
            return DiskFullError(DISK_FULL)
        if orig.errno in NO_WRITE and path is not None:
            return read_only_folder(path.parent)
    return None


def _no_space_left(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < 64 * 1024
    except OSError:
        return False


def _file_is_read_only(path: Path) -> bool:
    """True when the file itself refuses writing (rather than its folder)."""
    try:
        with open(path, "r+b"):
            return False
    except FileNotFoundError:
        return False
    except OSError as exc:
        return exc.errno in NO_WRITE
