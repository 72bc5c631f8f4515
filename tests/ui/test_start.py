"""Start-up with a database that cannot be opened: the reason, and a restore when possible."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from secretary.services import demo, register
from secretary.store.backup import make_backup
from secretary.store.database import open_store
from secretary.store.errors import StoreError
from secretary.ui.application import _offer_restore, open_window


def test_a_damaged_database_is_restored_from_its_backup_at_start(  # type: ignore[no-untyped-def]
    qapp, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(db_path)
    demo.create_demo(store)
    store.close()
    make_backup(db_path, db_path.parent / "säkerhetskopior", "sammanträde-avslutat")
    db_path.write_bytes(b"skadad" * 2000)
    with pytest.raises(StoreError) as refused:
        open_store(db_path)
    said: list[str] = []

    def critical(parent, title, text, *buttons):  # type: ignore[no-untyped-def]
        said.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: (a[3][0], True)))
    restored = _offer_restore(str(db_path), refused.value)
    assert restored is not None
    try:
        assert "återställa databasen från en säkerhetskopia" in said[0]
        assert len(register.list_organs(restored)) == 1
    finally:
        restored.close()
    assert db_path.with_name(db_path.name + ".skadad").exists()


def _said_and_answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []

    def box(parent, title, text, *buttons):  # type: ignore[no-untyped-def]
        said.append(text)
        return QMessageBox.StandardButton.Yes

    for kind in ("critical", "question", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(box))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: (a[3][0], True)))
    return said


def test_a_page_damaged_where_the_window_first_reads_is_restored_before_it_opens(  # type: ignore[no-untyped-def]
    qapp, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite opens the file; the main window's first read (the organs) meets the damage."""
    from tests.bad_conditions import damage_a_page

    store = open_store(db_path)
    demo.create_demo(store)
    store.close()
    make_backup(db_path, db_path.parent / "säkerhetskopior", "sammanträde-avslutat")
    damage_a_page(db_path, "organ")
    said = _said_and_answer_yes(monkeypatch)
    window = open_window(str(db_path), None)
    assert window is not None
    try:
        assert f"Databasfilen {db_path} är skadad" in said[0]
        assert "Vill du återställa databasen från en säkerhetskopia?" in said[0]
        assert len(register.list_organs(window.ctx.store)) == 1
        assert window.isVisible()
    finally:
        window.close()
        window.ctx.store.close()


def test_a_second_copy_of_the_program_is_told_at_start_and_offered_no_restore(  # type: ignore[no-untyped-def]
    qapp, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = _said_and_answer_yes(monkeypatch)
    first = open_store(db_path)
    try:
        assert open_window(str(db_path), None) is None
    finally:
        first.close()
    (text,) = said
    assert "redan öppen i ett annat fönster" in text and "återställa" not in text


def test_a_database_from_a_newer_version_is_told_at_start_and_offered_no_restore(  # type: ignore[no-untyped-def]
    qapp, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_framtid'")
    said = _said_and_answer_yes(monkeypatch)
    assert open_window(str(db_path), None) is None
    (text,) = said
    assert "nyare version av Secretary" in text and "återställa" not in text


def test_the_windows_carry_the_program_icon(qapp) -> None:  # type: ignore[no-untyped-def]
    """The icon the installers put in the Start menu is the one on the window's title bar."""
    from PySide6.QtGui import QIcon

    from secretary.ui.application import ICON

    assert not QIcon(str(ICON)).isNull()
