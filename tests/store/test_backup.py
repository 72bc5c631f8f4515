"""Backups are consistent copies, kept in rotation."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from secretary.store.backup import list_backups, make_backup


def test_a_backup_is_a_readable_copy_and_old_ones_rotate_out(db_path: Path) -> None:
    target_dir = db_path.parent / "kopior"
    for _ in range(4):
        make_backup(db_path, target_dir, "test", keep=3)
    backups = list_backups(db_path, target_dir)
    assert len(backups) == 3
    assert backups[0].taken >= backups[-1].taken
    with sqlite3.connect(backups[0].path) as conn:
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
