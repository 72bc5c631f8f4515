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


def test_a_backup_can_be_restored_and_the_restore_undone(db_path: Path) -> None:
    from secretary.services import demo, register
    from secretary.store.backup import restore_backup
    from secretary.store.database import open_store

    target_dir = db_path.parent / "kopior"
    store = open_store(db_path)
    demo.create_demo(store)
    store.close()
    taken = make_backup(db_path, target_dir, "test")
    store = open_store(db_path)
    with store.session() as s:
        from sqlalchemy import text

        s.execute(text("DELETE FROM membership"))
    store.close()
    kept = restore_backup(taken, db_path, target_dir)
    store = open_store(db_path)
    try:
        organ = register.list_organs(store)[0]
        assert len(register.list_members(store, organ.id)) == 21
    finally:
        store.close()
    assert kept != taken and "före-återställning" in kept.name
    with sqlite3.connect(kept) as conn:
        assert conn.execute("SELECT count(*) FROM membership").fetchone() == (0,)


def test_a_damaged_file_is_set_aside_and_the_backup_restored(db_path: Path) -> None:
    from secretary.store.backup import restore_backup

    target_dir = db_path.parent / "kopior"
    taken = make_backup(db_path, target_dir, "test")
    db_path.write_bytes(b"trasig" * 1000)
    restore_backup(taken, db_path, target_dir)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db_path.with_name(db_path.name + ".skadad").exists()
