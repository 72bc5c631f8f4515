"""Bad conditions as the user meets them: a full disk in the live session and in the
register, a damaged file found after start-up, a backup that could not be made, a folder
that cannot be written at start, an unwritable log folder."""

from __future__ import annotations

import errno
import logging
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from secretary.services import agenda, register, session
from secretary.store import backup
from secretary.store.backup import list_backups, make_backup
from secretary.store.database import FileCheck, open_store
from secretary.store.errors import DISK_FULL, DiskFullError
from secretary.store.paths import backup_dir_for
from secretary.ui.application import TellOnce, check_in_background, install_excepthook
from secretary.ui.context import AppContext
from secretary.ui.main_window import MainWindow
from secretary.ui.session.rows import Status
from tests.bad_conditions import FullDisk, damage_a_page, many_rows, run_as_other_user
from tests.ui.test_session_window import CTRL, K, Keyboard, demo_meeting, open_window


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Every message box shown: (kind, title, text); questions are answered Yes."""
    shown: list[tuple[str, str, str]] = []

    def box(kind: str) -> Any:
        def show(_parent: Any, title: str, text: str, *_a: Any, **_k: Any) -> Any:
            shown.append((kind, title, text))
            return QMessageBox.StandardButton.Yes

        return staticmethod(show)

    for kind in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, box(kind))
    return shown


# --- a full disk --------------------------------------------------------------------------


def test_a_full_disk_in_the_live_session_changes_nothing_and_the_key_works_once_freed(
    qtbot, ctx
) -> None:  # type: ignore[no-untyped-def]
    meeting_id, _ = demo_meeting(ctx)
    window = open_window(qtbot, ctx, meeting_id)
    kb = Keyboard(qtbot)
    disk = FullDisk(ctx.store)
    person = window.current_person()
    assert person is not None and person.status is Status.FRANVARANDE
    shown = list(window.people_model.rows())
    events = session.load_session(ctx.store, meeting_id).handelser

    disk.fill()
    kb.letters("N")
    assert window.banner.isVisible() and DISK_FULL in window.banner.text()
    assert DISK_FULL in window.statusBar().currentMessage()
    assert window.people_model.rows() == shown
    assert window.current_person() == person  # the cursor stayed on the same person
    assert window.undo_stack.count() == 0
    assert session.load_session(ctx.store, meeting_id).handelser == events

    disk.free()
    kb.letters("N")
    assert not window.banner.isVisible()
    marked = next(r for r in window.people_model.rows() if r.person_id == person.person_id)
    assert marked.status is Status.NARVARANDE
    assert window.undo_stack.count() == 1
    assert len(session.load_session(ctx.store, meeting_id).handelser) == len(events) + 1

    # Undo on a full disk: refused, the stack and the database stay where they were.
    disk.fill()
    kb.press(K.Key_Z, CTRL)
    assert DISK_FULL in window.banner.text()
    assert window.undo_stack.index() == 1
    assert len(session.load_session(ctx.store, meeting_id).handelser) == len(events) + 1
    disk.free()
    kb.press(K.Key_Z, CTRL)
    assert window.undo_stack.index() == 0
    assert session.load_session(ctx.store, meeting_id).handelser == events


def test_a_full_disk_in_the_main_window_is_a_message_and_the_meeting_stays(
    qtbot, ctx, boxes
) -> None:  # type: ignore[no-untyped-def]
    meeting_id, _ = demo_meeting(ctx)
    organ_id = register.list_organs(ctx.store)[0].id
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.navigator.select(("meeting", meeting_id))
    disk = FullDisk(ctx.store)
    disk.fill()
    window.delete_meeting()
    assert boxes[-1] == ("warning", "Kan inte ta bort sammanträdet", DISK_FULL)
    assert [m.id for m in agenda.list_meetings(ctx.store, organ_id)] == [meeting_id]
    disk.free()
    window.delete_meeting()
    assert agenda.list_meetings(ctx.store, organ_id) == []


def test_a_store_failure_no_window_caught_is_its_message_not_an_unexpected_error(
    qapp, boxes, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(Path("/tmp/secretary.log"))
    try:
        raise DiskFullError(DISK_FULL)
    except DiskFullError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert boxes == [("warning", "Disken är full", DISK_FULL)]


def test_a_backup_that_could_not_be_made_is_told_once(
    qtbot, ctx, boxes, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    def no_space(*_a: object, **_k: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "_copy", no_space)
    tell = TellOnce()
    logger = logging.getLogger(backup.__name__)
    logger.addHandler(tell)
    try:
        meeting_id, _ = demo_meeting(ctx)
        window = open_window(qtbot, ctx, meeting_id)  # opening the meeting takes a backup
        assert session.load_session(ctx.store, meeting_id).state == "pågår"
        qtbot.waitUntil(lambda: len(boxes) == 1)
        kind, title, text = boxes[0]
        assert (kind, title) == ("warning", "Säkerhetskopian kunde inte göras")
        assert "disken är full" in text and "Det du har sparat finns kvar" in text
        ctx.store.backup("sammanträde-avslutat")  # fails again: the log only
        window.close()
        QApplication.processEvents()
        assert len(boxes) == 1
    finally:
        logger.removeHandler(tell)


# --- damage found after start-up ----------------------------------------------------------


@pytest.fixture
def damaged_ctx(tmp_path: Path) -> Iterator[tuple[AppContext, int]]:
    """A file with a backup from before the damage, and a damaged page SQLite opens past."""
    path = tmp_path / "skadad.sqlite"
    meeting_id = many_rows(path, "logg")
    make_backup(path, backup_dir_for(path), "sammanträde-avslutat")
    damage_a_page(path, "logg")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(store=open_store(path), settings=settings)
    yield ctx, meeting_id
    ctx.store.close()


def test_damage_found_after_start_offers_the_backup_and_restores_it(
    qtbot, damaged_ctx, boxes, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    ctx, meeting_id = damaged_ctx
    path = ctx.store.path
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: (a[3][0], True)))
    checker = check_in_background(window)
    assert checker is not None
    qtbot.waitUntil(lambda: any(kind == "critical" for kind, _, _ in boxes))
    _, title, text = boxes[0]
    assert title == "Databasfilen är skadad"
    assert f"databasfilen {path} hittade skadade delar" in text
    assert "Vill du återställa databasen från en säkerhetskopia nu?" in text
    # Answered Yes: the backup is back and whole, the damaged file kept beside it.
    assert FileCheck(path).run() == []
    with sqlite3.connect(path) as conn:
        assert (
            conn.execute(
                "SELECT count(*) FROM logg WHERE meeting_id = ?", (meeting_id,)
            ).fetchone()[0]
            >= 300
        )
    assert any(b.reason == "före-återställning" for b in list_backups(path, backup_dir_for(path)))


def test_a_whole_file_is_checked_in_silence(qtbot, ctx, db_path, boxes) -> None:  # type: ignore[no-untyped-def]
    demo_meeting(ctx)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    checker = check_in_background(window)
    assert checker is not None
    checker.worker.join()
    QApplication.processEvents()
    assert boxes == []


# --- start-up in a folder that cannot be written, and an unwritable log folder -------------


def test_start_in_a_folder_that_cannot_be_written_says_so_and_opens_no_window(
    shared_tmp: Path, template_db: Path
) -> None:
    folder = shared_tmp / "skrivskyddad"
    folder.mkdir()
    path = folder / "secretary.sqlite"
    shutil.copyfile(template_db, path)
    path.chmod(0o644)
    folder.chmod(0o555)
    got = run_as_other_user(
        """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QMessageBox
from secretary.ui.application import make_application, run_gui
import secretary.ui.main_window
shown = []
def box(kind):
    def show(parent, title, text, *a, **k):
        shown.append([kind, title, text])
        return QMessageBox.StandardButton.No
    return staticmethod(show)
for kind in ("critical", "warning", "information", "question"):
    setattr(QMessageBox, kind, box(kind))
app = make_application()
""",
        f"""
rc = run_gui({str(path)!r}, None)
windows = [w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible()]
print(json.dumps({{"rc": rc, "shown": shown, "windows": windows}}))
""",
    )
    assert got["rc"] == 1
    assert got["windows"] == []
    ((kind, title, text),) = got["shown"]
    assert (kind, title) == ("critical", "Databasen kan inte öppnas")
    assert f"Mappen {folder} går inte att skriva i" in text
    assert "återställa" not in text  # a backup would not help: none is offered


def test_a_log_folder_that_cannot_be_written_does_not_stop_the_program(
    shared_tmp: Path,
) -> None:
    state = shared_tmp / "state"
    state.mkdir(mode=0o555)
    state.chmod(0o555)
    got = run_as_other_user(
        "from secretary.app import setup_logging\nimport logging\n",
        """
log_file = setup_logging()
logging.getLogger("secretary").warning("efter start")
print(json.dumps({"log_file": log_file}))
""",
        env={"XDG_STATE_HOME": str(state)},
    )
    assert got == {"log_file": None}
