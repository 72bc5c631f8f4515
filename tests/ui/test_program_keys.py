"""The program as a whole (issue 13): Ctrl+Q ends it from any window and lets go of every
window (and so of the database lock); the meeting's state shows in the tree and the header;
a menu names each shortcut once."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from secretary.services import arbetsgang
from secretary.ui.justering.window import JusteringWindow
from secretary.ui.main_window import MainWindow
from secretary.ui.navigator import MEETING
from secretary.ui.session.window import SessionWindow
from tests.services.justering_helpers import MOTE, utkast
from tests.ui.helpers import choose


def _meeting_item_text(window: MainWindow) -> str:
    for item in window.navigator._items():
        if item.data(0, Qt.ItemDataRole.UserRole) == MEETING or item.parent() is not None:
            if item.childCount() == 0 and item.parent() is not None:
                return item.text(0)
    raise AssertionError("inget sammanträde i trädet")


def test_ctrl_q_in_the_session_window_closes_every_window_and_ends_the_program(
    qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id, _, _ = utkast(ctx.store)
    quit_called: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quit_called.append(True)))
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    sitting = SessionWindow(ctx, meeting_id)
    qtbot.addWidget(sitting)
    sitting.show()
    review = JusteringWindow(ctx, meeting_id)  # deletes itself on close: not for qtbot
    review.show()
    sitting.activateWindow()
    qtbot.waitUntil(sitting.isActiveWindow)
    qtbot.keyClick(sitting, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert quit_called == [True]
    assert not main.isVisible() and not sitting.isVisible()
    assert review not in QApplication.topLevelWidgets() or not review.isVisible()


def test_the_meeting_state_shows_in_the_tree_and_the_header(qtbot: Any, ctx: Any) -> None:
    meeting_id, _, _ = utkast(ctx.store)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    assert _meeting_item_text(window).endswith("· utkast")
    arbetsgang.skicka_for_justering(ctx.store, meeting_id, MOTE)
    window.navigator.refresh()
    assert _meeting_item_text(window).endswith("· för justering")
    choose(window, MEETING, meeting_id)
    assert window.agenda_page.title.text().endswith("· för justering")


def test_the_visa_menu_names_each_shortcut_once(qtbot: Any, ctx: Any) -> None:
    meeting_id, _, _ = utkast(ctx.store)
    window = SessionWindow(ctx, meeting_id)
    qtbot.addWidget(window)
    for act in window.focus_actions:
        shortcut = act.shortcut().toString()
        assert shortcut and shortcut not in act.text(), act.text()
