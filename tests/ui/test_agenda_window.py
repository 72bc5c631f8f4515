"""The föredragningslista as the secretary uses it: add, edit, reorder, remove ärenden."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from secretary.services import agenda, register
from secretary.ui.dialogs.arende_dialog import ArendeDialog
from secretary.ui.dialogs.meeting_dialog import MeetingDialog
from secretary.ui.main_window import MainWindow
from secretary.ui.models import AgendaTableModel
from secretary.ui.navigator import MEETING, ORGAN
from tests import builders
from tests.ui.helpers import answer_dialogs, answer_questions, choose


def agenda_window(qtbot, ctx, arenden: int = 3) -> tuple[MainWindow, int]:  # type: ignore[no-untyped-def]
    organ_id = builders.organ(ctx.store, pattern="KS ÅÅÅÅ/####")
    builders.meeting(ctx.store, organ_id, dt.date(2026, 2, 2), arenden=4)
    meeting = builders.meeting(ctx.store, organ_id, dt.date(2026, 3, 2), arenden=arenden)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    choose(window, MEETING, meeting.id)
    return window, meeting.id


def column(window: MainWindow, col: int) -> list[str]:
    model = window.agenda_page.model
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_meeting_shows_its_agenda_numbered_on_from_the_year(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    window, _ = agenda_window(qtbot, ctx)
    assert window.stack.currentWidget() is window.agenda_page
    assert column(window, AgendaTableModel.PARAGRAF) == ["§ 5", "§ 6", "§ 7"]
    assert window.agenda_page.tabs.tabText(0) == "Föredragningslista (§ 5–7)"
    year = window.navigator.topLevelItem(0).child(0)
    assert year.text(0) == "2026" and year.isExpanded()
    assert [year.child(i).text(0) for i in range(2)] == [
        "2026-03-02   § 5–7   · planerat",
        "2026-02-02   § 1–4   · planerat",
    ]


def test_moving_an_arende_renumbers_the_paragrafer(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    window, meeting_id = agenda_window(qtbot, ctx)
    page = window.agenda_page
    page.view.selectRow(0)

    page.down_action.trigger()

    qtbot.waitUntil(lambda: column(window, AgendaTableModel.RUBRIK)[0] == "Ärende 2")
    assert column(window, AgendaTableModel.RUBRIK) == ["Ärende 2", "Ärende 1", "Ärende 3"]
    assert column(window, AgendaTableModel.PARAGRAF) == ["§ 5", "§ 6", "§ 7"]
    assert page.current_arende().rubrik == "Ärende 1"  # the moved one stays chosen
    assert [a.rubrik for a in agenda.list_arenden(ctx.store, meeting_id)][:2] == [
        "Ärende 2",
        "Ärende 1",
    ]


def test_ctrl_up_moves_with_the_keyboard(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    window, _ = agenda_window(qtbot, ctx)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = window.agenda_page.view
    view.setFocus()
    view.selectRow(2)

    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: column(window, AgendaTableModel.RUBRIK)[1] == "Ärende 3")
    assert column(window, AgendaTableModel.PARAGRAF)[1] == "§ 6"


def test_odd_dnr_warns_but_saves(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, meeting_id = agenda_window(qtbot, ctx, arenden=0)
    assert window.agenda_page.empty_label.isVisibleTo(window.agenda_page)
    warnings: list[str] = []

    def fill(dialog: ArendeDialog) -> None:
        dialog.ui.rubrikEdit.setText("Motion om laddstolpar")
        dialog.ui.dnrEdit.setText("2026/371")
        warnings.append(dialog.ui.dnrWarningLabel.text())
        assert dialog.ui.dnrWarningLabel.isVisibleTo(dialog)
        dialog.ui.beslutsunderlagEdit.setPlainText("Motion\n\n  Tjänsteskrivelse  \n")

    answer_dialogs(monkeypatch, ArendeDialog, fill)
    window.agenda_page.add_action.trigger()

    assert "följer inte organets mönster ”KS ÅÅÅÅ/####”" in warnings[0]
    qtbot.waitUntil(lambda: window.agenda_page.model.rowCount() == 1)
    saved = agenda.list_arenden(ctx.store, meeting_id)[0]
    assert (saved.dnr, saved.beslutsunderlag) == ("2026/371", ("Motion", "Tjänsteskrivelse"))
    dnr = window.agenda_page.model.index(0, AgendaTableModel.DNR)
    assert dnr.data(Qt.ItemDataRole.ToolTipRole) == saved.dnr_warning
    assert not window.agenda_page.empty_label.isVisibleTo(window.agenda_page)


def test_arende_dialog_uses_the_organs_own_words(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    organ = register.create_organ(
        ctx.store,
        register.OrganInput(
            name="Byggnadsnämnden",
            kind=register.OrganKind.NAMND,
            labels={"expedieras": "Skickas till", "sammanfattning": "Ärendebeskrivning"},
        ),
    )
    meeting = builders.meeting(ctx.store, organ.id, dt.date(2026, 3, 2))
    dialog = ArendeDialog(ctx, organ, meeting.id, None, None)
    qtbot.addWidget(dialog)
    assert dialog.ui.expedierasLabel.text() == "Skickas till:"
    assert dialog.ui.sammanfattningLabel.text() == "Ärendebeskrivning:"


def test_empty_rubrik_is_explained_and_nothing_is_lost(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    window, meeting_id = agenda_window(qtbot, ctx, arenden=0)
    page = window.agenda_page
    dialog = ArendeDialog(ctx, page.organ, meeting_id, None, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.forslagEdit.setPlainText("att bifalla motionen")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.ui.errorLabel.text() == "Skriv ärendets rubrik."
    assert dialog.ui.forslagEdit.toPlainText() == "att bifalla motionen"


def test_edit_arende_when_the_meeting_is_locked_keeps_the_text(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, meeting_id = agenda_window(qtbot, ctx, arenden=1)
    page = window.agenda_page
    page.view.selectRow(0)
    with ctx.store.session() as s:  # the protocol has been drawn up meanwhile
        from secretary.store.models import Meeting

        s.get(Meeting, meeting_id).state = "justerat"

    dialogs = answer_dialogs(
        monkeypatch, ArendeDialog, lambda d: d.ui.rubrikEdit.setText("Ny rubrik")
    )
    page.edit_action.trigger()

    dialog = dialogs[0]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "låst" in dialog.ui.errorLabel.text()
    assert dialog.ui.rubrikEdit.text() == "Ny rubrik"
    dialog.close()


def test_remove_asks_and_renumbers(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, _ = agenda_window(qtbot, ctx)
    page = window.agenda_page
    page.view.selectRow(0)
    asked = answer_questions(monkeypatch, yes=False)
    page.remove_action.trigger()
    assert asked == [
        "Ta bort § 5 ”Ärende 1” från föredragningslistan?\n\nÄrendena efter numreras om."
    ]
    assert page.model.rowCount() == 3

    answer_questions(monkeypatch, yes=True)
    page.remove_action.trigger()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert column(window, AgendaTableModel.RUBRIK) == ["Ärende 2", "Ärende 3"]
    assert column(window, AgendaTableModel.PARAGRAF) == ["§ 5", "§ 6"]
    assert page.current_arende().rubrik == "Ärende 2"


def test_new_meeting_with_justerare(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    organ_id = builders.organ(ctx.store)
    anna = builders.member(ctx.store, organ_id, "Anna Ek", "S", ordning=1)
    builders.member(ctx.store, organ_id, "Bo Berg", "M", ordning=2)
    builders.meeting(ctx.store, organ_id, dt.date(2026, 2, 2), arenden=4)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    choose(window, ORGAN, organ_id)
    notes: list[str] = []

    def fill(dialog: MeetingDialog) -> None:
        dialog.ui.dateEdit.setDate(dialog.ui.dateEdit.date().fromString("2026-03-09", "yyyy-MM-dd"))
        dialog.ui.placeEdit.setText("Stadshuset")
        notes.append(dialog.ui.firstParagrafNote.text())
        names = dialog.ui.justerareList
        for i in range(names.count()):
            if names.item(i).text() == "Anna Ek (S)":
                names.item(i).setCheckState(Qt.CheckState.Checked)

    answer_dialogs(monkeypatch, MeetingDialog, fill)
    window.new_meeting_action.trigger()

    assert notes == ["Första § blir § 5."]
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.agenda_page)
    meeting = window.agenda_page.meeting
    assert meeting is not None and meeting.date == dt.date(2026, 3, 9)
    assert [j.person_id for j in meeting.justerare] == [anna.person_id]
    assert "Anna Ek (S)" in window.agenda_page.summary.text()


def test_delete_meeting_refused_is_explained(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, meeting_id = agenda_window(qtbot, ctx)
    with ctx.store.session() as s:
        from secretary.store.models import Meeting

        s.get(Meeting, meeting_id).state = "justerat"
    answer_questions(monkeypatch, yes=True)
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: shown.append(text))
    )
    window.delete_meeting_action.trigger()
    assert shown == ["Sammanträdet har redan hållits och kan inte tas bort."]
    assert window.navigator.current() == (MEETING, meeting_id)


def test_session_mode_opens_in_its_own_window_once(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from secretary.services import session
    from secretary.ui.session.window import SessionWindow

    window, meeting_id = agenda_window(qtbot, ctx)
    assert window.session_action.isEnabled()
    window.session_action.trigger()
    opened = window.session_windows[meeting_id]
    assert isinstance(opened, SessionWindow)
    qtbot.waitUntil(opened.isVisible)
    assert session.load_session(ctx.store, meeting_id).state == "pågår"
    window.session_action.trigger()  # a second press brings the same window forward
    assert list(window.session_windows) == [meeting_id]
    opened.close()


def test_the_tree_groups_meetings_by_year_with_the_newest_open(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    organ_id = builders.organ(ctx.store)
    old = builders.meeting(ctx.store, organ_id, dt.date(2024, 5, 6), arenden=1)
    builders.meeting(ctx.store, organ_id, dt.date(2025, 5, 5), arenden=1)
    builders.meeting(ctx.store, organ_id, dt.date(2026, 5, 4), arenden=1)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    tree = window.navigator
    organ = tree.topLevelItem(0)
    years = [organ.child(i) for i in range(organ.childCount())]
    assert [(y.text(0), y.isExpanded()) for y in years] == [
        ("2026", True),
        ("2025", False),
        ("2024", False),
    ]
    years[1].setExpanded(True)  # the secretary opens 2025; it stays open after a change
    tree.refresh()
    organ = tree.topLevelItem(0)
    assert [organ.child(i).isExpanded() for i in range(3)] == [True, True, False]
    assert tree.select((MEETING, old.id))  # a search hit in a closed year opens it
    assert tree.topLevelItem(0).child(2).isExpanded()
    assert tree.current() == (MEETING, old.id)
    tree.setCurrentItem(tree.topLevelItem(0).child(2))  # a year is a heading, not a choice
    assert tree.current() is None
