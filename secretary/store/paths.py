"""Where the database, backups and logs live by default (per user, via platformdirs)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "secretary"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "secretary.sqlite"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def backup_dir_for(db_path: Path) -> Path:
    """Backups sit beside the database they copy, so a database on a USB stick keeps its own."""
    return db_path.parent / "säkerhetskopior"


def readonly_uri(path: Path) -> str:
    """A read-only SQLite URI for a file. Built by pathlib, which percent-encodes: in a plain
    f"file:{path}" a '#' in a folder name starts a fragment (SQLite then opens, and creates, a
    different, empty file) and a '%' is read as an escape."""
    return path.resolve().as_uri() + "?mode=ro"
