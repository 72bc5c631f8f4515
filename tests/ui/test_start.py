"""Start-up with a database that cannot be opened: the reason, and a restore when possible."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from secretary.services import demo, register
from secretary.store.backup import make_backup
from secretary.store.database import open_store
from secretary.store.errors import StoreError
from secretary.ui.application import _offer_restore


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
