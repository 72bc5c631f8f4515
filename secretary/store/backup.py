"""Consistent copies of a SQLite database with the SQLite backup API, kept in rotation.

A copy is written under a temporary name and renamed when it is whole, so a full disk or a
lost share never leaves half a copy in the list of backups. `try_backup` is for the copies
taken after a change is committed: a copy that cannot be made is logged as a warning on this
module's logger (the window tells the user once) and never undoes or hides the change.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from secretary.store.errors import DamagedDatabaseError
from secretary.store.paths import readonly_uri

log = logging.getLogger(__name__)

KEEP = 30


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken: dt.datetime
    reason: str


def make_backup(db_path: Path, backup_dir: Path, reason: str, keep: int = KEEP) -> Path:
    """Copy `db_path` into `backup_dir` while others may be writing; returns the copy."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    partial = target.with_name(target.name + ".delvis")
    try:
        _copy(db_path, partial)
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise
    _rotate(db_path, backup_dir, keep)
    return target


def _copy(db_path: Path, target: Path, *, readonly: bool = False) -> None:
    src = sqlite3.connect(readonly_uri(db_path), uri=True) if readonly else sqlite3.connect(db_path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def try_backup(db_path: Path, backup_dir: Path, reason: str) -> Path | None:
    """A copy after a committed change: None, and a warning logged, when it cannot be made."""
    try:
        return make_backup(db_path, backup_dir, reason)
    except (OSError, sqlite3.Error) as exc:
        why, what = why_not(exc, backup_dir)
        log.warning(
            "Säkerhetskopian (%s) kunde inte göras i mappen %s: %s. Det du har sparat finns "
            "kvar i databasen, men utan en ny säkerhetskopia. %s",
            reason,
            backup_dir,
            why,
            what,
        )
        return None


def why_not(exc: BaseException, backup_dir: Path) -> tuple[str, str]:
    """Why a copy could not be made and what to do, in Swedish."""
    code = getattr(exc, "sqlite_errorcode", 0) or 0
    if (code & 0xFF) == 13 or getattr(exc, "errno", None) in (errno.ENOSPC, errno.EDQUOT):
        return "disken är full", "Frigör utrymme på disken."
    readonly = (code & 0xFF) in (3, 8, 14) or getattr(exc, "errno", None) in (
        errno.EACCES,
        errno.EPERM,
        errno.EROFS,
    )
    if readonly:
        return (
            "mappen går inte att skriva i",
            f"Be IT-avdelningen om skrivbehörighet till mappen {backup_dir}.",
        )
    return str(exc), "Kontrollera att disken eller nätverksmappen är ansluten."


def list_backups(db_path: Path, backup_dir: Path) -> list[BackupFile]:
    """The backups of this database, newest first."""
    found: list[BackupFile] = []
    for path in backup_dir.glob(f"{db_path.stem}-*.sqlite"):
        rest = path.stem[len(db_path.stem) + 1 :]
        parts = rest.split("-", 3)
        if len(parts) < 4:
            continue
        try:
            taken = dt.datetime.strptime("-".join(parts[:3]), "%Y%m%d-%H%M%S-%f")
        except ValueError:
            continue
        found.append(BackupFile(path, taken, parts[3]))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def _rotate(db_path: Path, backup_dir: Path, keep: int) -> None:
    for old in list_backups(db_path, backup_dir)[keep:]:
        with contextlib.suppress(OSError):
            old.path.unlink(missing_ok=True)


def restore_backup(backup: Path, db_path: Path, backup_dir: Path) -> Path:
    """Put `backup` back as the database at `db_path`; the database closed by the caller.

    The current file is first kept as a backup of its own ('före-återställning'), when it can
    be read, so a restore can itself be undone; a file too damaged to copy is set aside as
    '<name>.skadad'. Returns the path of that copy, or the backup itself if the current file
    could not be copied. The backup is copied in beside the database before anything else is
    touched, so a full disk or a damaged backup leaves the database as it was (the error is
    raised: DamagedDatabaseError for the backup, or what the disk said)."""
    check = sqlite3.connect(readonly_uri(backup), uri=True)
    try:
        whole = check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    except sqlite3.DatabaseError:
        whole = False
    finally:
        check.close()
    if not whole:
        raise DamagedDatabaseError(
            f"Säkerhetskopian {backup.name} är själv skadad. Välj en annan säkerhetskopia."
        )
    incoming = db_path.with_name(db_path.name + ".återställs")
    try:
        _copy(backup, incoming, readonly=True)
        kept = backup
        if db_path.exists():
            try:
                kept = make_backup(db_path, backup_dir, "före-återställning")
            except sqlite3.DatabaseError as exc:
                if (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF not in _DAMAGED:
                    raise
                db_path.replace(db_path.with_name(db_path.name + ".skadad"))
        for suffix in ("-wal", "-shm"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)
        os.replace(incoming, db_path)
    except BaseException:
        with contextlib.suppress(OSError):
            incoming.unlink(missing_ok=True)
        raise
    return kept


_DAMAGED = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB
