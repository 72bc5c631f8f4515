"""Consistent copies of a SQLite database with the SQLite backup API, kept in rotation."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

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
    src = sqlite3.connect(db_path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    _rotate(db_path, backup_dir, keep)
    return target


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
        old.path.unlink(missing_ok=True)


def restore_backup(backup: Path, db_path: Path, backup_dir: Path) -> Path:
    """Put `backup` back as the database at `db_path`; the database closed by the caller.

    The current file is first kept as a backup of its own ('före-återställning'), when it can
    be read, so a restore can itself be undone. Returns the path of that copy, or the
    backup itself if the current file was unreadable and could not be copied."""
    check = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        if check.execute("PRAGMA integrity_check").fetchone() != ("ok",):
            raise sqlite3.DatabaseError("säkerhetskopian är skadad")
    finally:
        check.close()
    kept = backup
    if db_path.exists():
        try:
            kept = make_backup(db_path, backup_dir, "före-återställning")
        except sqlite3.DatabaseError:
            damaged = db_path.with_name(db_path.name + ".skadad")
            db_path.replace(damaged)
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(db_path)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return kept
