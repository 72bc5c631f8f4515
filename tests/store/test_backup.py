"""Backups are consistent copies, kept in rotation."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from secretary.store.backup import list_backups, make_backup
from secretary.store.database import open_store


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


@pytest.mark.parametrize("folder", ["Möten #2", "50%25 klart", "Vad?"])
def test_a_folder_name_with_uri_characters_opens_backs_up_and_restores_the_right_file(
    tmp_path: Path, folder: str
) -> None:
    """'#', '%' and '?' mean something in a URI: a restore once read an empty stray file
    and replaced the database with it."""
    from secretary.store.backup import restore_backup
    from tests import builders

    path = tmp_path / folder / "secretary.sqlite"
    store = open_store(path)
    organ = builders.organ(store)
    store.backup("test")
    store.close()
    kopior = path.parent / "säkerhetskopior"
    (backup,) = list_backups(path, kopior)
    restore_backup(backup.path, path, kopior)
    store = open_store(path)
    try:
        from secretary.services import register

        assert [o.id for o in register.list_organs(store)] == [organ]
    finally:
        store.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]  # no stray file beside it
