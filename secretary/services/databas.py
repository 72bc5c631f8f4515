"""The database as the window sees it: opening one, its backups and putting one back, and
the background check for damage. The window's only door to secretary.store.

Every failure here is a `StoreError` whose text is the Swedish sentence to show.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from secretary.store import backup as _backup
from secretary.store.backup import BackupFile
from secretary.store.database import FileCheck, Store, open_store, resolve_url
from secretary.store.errors import (
    DamagedDatabaseError,
    DiskFullError,
    ReadOnlyError,
    StoreError,
)
from secretary.store.paths import backup_dir_for, log_dir
from secretary.store.readonly import open_readonly

__all__ = [
    "BackupFile",
    "DamagedDatabaseError",
    "DiskFullError",
    "FileCheck",
    "ReadOnlyError",
    "Store",
    "StoreError",
    "backup_logger",
    "backups",
    "file_of",
    "log_dir",
    "open_readonly",
    "open_store",
    "restore",
]


def file_of(db: str | Path | None) -> Path | None:
    """The SQLite file a --db argument names; None for a database server."""
    return resolve_url(db)[1]


def backup_logger() -> logging.Logger:
    """Where a backup that could not be made is reported (the window tells the user once)."""
    return logging.getLogger(_backup.__name__)


def backups(db_path: Path) -> list[BackupFile]:
    """The database's backups, newest first."""
    return _backup.list_backups(db_path, backup_dir_for(db_path))


def restore(chosen: BackupFile, db_path: Path) -> None:
    """Put a backup back in place of the (closed) database. The current file is kept as a
    backup of its own first, so a restore can itself be undone. Nothing is changed when it
    fails, and the StoreError says why."""
    folder = backup_dir_for(db_path)
    try:
        _backup.restore_backup(chosen.path, db_path, folder)
    except StoreError as exc:
        raise StoreError(f"{exc} Databasen är oförändrad.") from exc
    except (OSError, sqlite3.Error) as exc:
        why, what = _backup.why_not(exc, db_path.parent)
        raise StoreError(
            f"Säkerhetskopian kunde inte återställas: {why}. Databasen är oförändrad. {what}"
        ) from exc
