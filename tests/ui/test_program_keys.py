"""The program as a whole (issue 13): Ctrl+Q ends it from any window and lets go of every
window (and so of the database lock); the meeting's state shows in the tree and the header;
a menu names each shortcut once."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from secretary.services import arbetsgang, underskrift
from secretary.ui.justering.window import JusteringWindow
from secretary.ui.main_window import MainWindow
from secretary.ui.navigator import MEETING
from secretary.ui.session.window import SessionWindow
from tests.services.justering_helpers import MOTE, utkast
from tests.ui.helpers import choose


def _meeting_item_text(window: MainWindow) -> str:
    for item in window.navigator._items():  # the meeting is the one leaf of the tree
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
    now = dt.datetime.now().replace(microsecond=0)
    underskrift.till_underskrift(ctx.store, meeting_id, now)
    underskrift.signerat_pa_papper(ctx.store, meeting_id, "Ordforande", now.date(), now)
    window.agenda_page.refresh()
    assert window.agenda_page.title.text().endswith("· för underskrift: 1 av 3 signerat")


def test_the_visa_menu_names_each_shortcut_once(qtbot: Any, ctx: Any) -> None:
    meeting_id, _, _ = utkast(ctx.store)
    window = SessionWindow(ctx, meeting_id)
    qtbot.addWidget(window)
    for act in window.focus_actions:
        shortcut = act.shortcut().toString()
        assert shortcut and shortcut not in act.text(), act.text()


@pytest.fixture
def swedish_qt(qapp: Any) -> Any:
    """Qt's Swedish names for keys (Skift, Del), as the program loads them at start."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    translator = QTranslator()
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load("qtbase_sv", path):
        pytest.skip("Qt:s svenska översättning saknas i denna Qt-installation")
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_hints_headings_and_menus_name_the_keys_alike_in_swedish(
    qtbot: Any, ctx: Any, swedish_qt: Any
) -> None:
    from secretary.ui.tangenter import av

    meeting_id, _, _ = utkast(ctx.store)
    window = SessionWindow(ctx, meeting_id)
    qtbot.addWidget(window)
    window.show()
    window.people.setFocus()
    window._focus_changed(None, window.people)
    hints = window.hints.text()
    redo = av(window.redo_action.shortcut())
    assert redo == "Ctrl+Skift+Z"
    assert redo in hints and av(window.handle_action.shortcut()) in hints
    assert "Shift" not in hints and "Ctrl+Y" not in hints
    beslut_heading = window.paragraf.beslut_box.heading.text()  # type: ignore[attr-defined]
    assert "Ctrl+Skift+R" in beslut_heading and "Shift" not in beslut_heading
    assert "Ctrl+Skift+B" in window.header.override_button.text()


def test_f1_lists_the_keys_where_the_focus_is_then_those_of_the_window(
    qtbot: Any, ctx: Any
) -> None:
    from secretary.ui.hjalp import HjalpDialog

    meeting_id, _, _ = utkast(ctx.store)
    window = SessionWindow(ctx, meeting_id)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.people.setFocus()
    qtbot.keyClick(window.people, Qt.Key.Key_F1)
    dialog = window.findChild(HjalpDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.keys.toPlainText()
    here, overall = text.split("I hela fönstret")
    assert "Upprop: närvarande" in here  # the upprop keys of the people list
    assert "Ångra" in overall and "Ctrl+Z" in overall
    assert "upprop" in dialog.guide.toPlainText()
    dialog.close()


def test_window_titles_do_not_repeat_the_program_name(qtbot: Any, ctx: Any) -> None:
    meeting_id, _, _ = utkast(ctx.store)
    for window in (MainWindow(ctx), SessionWindow(ctx, meeting_id)):
        qtbot.addWidget(window)
        assert "Secretary" not in window.windowTitle(), window.windowTitle()


def test_a_justerat_meeting_offers_no_edit_and_says_why(qtbot: Any, ctx: Any) -> None:
    from PySide6.QtWidgets import QPushButton

    meeting_id, _, _ = utkast(ctx.store)
    arbetsgang.skicka_for_justering(ctx.store, meeting_id, MOTE)
    arbetsgang.justera(ctx.store, meeting_id, MOTE)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    choose(window, MEETING, meeting_id)
    page = window.agenda_page
    select = page.view.selectionModel()
    page.view.setCurrentIndex(page.model.index(0, 0))
    assert select.hasSelection()
    for act in (page.add_action, page.edit_action, page.remove_action):
        assert not act.isEnabled(), act.text()
        assert "justerat" in act.toolTip() and "rättelse" in act.toolTip(), act.toolTip()
    button = next(b for b in page.findChildren(QPushButton) if b.text() == "Nytt ärende…")
    assert not button.isEnabled() and "rättelse" in button.toolTip()
    assert not window.delete_meeting_action.isEnabled()
    assert "redan hållits" in window.delete_meeting_action.toolTip()
    assert not window.edit_meeting_action.isEnabled()
