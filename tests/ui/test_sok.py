"""Sök i protokoll as the secretary uses it: Ctrl+F, type, see the hits, Enter opens the §."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from secretary.services import agenda, sok
from secretary.services.errors import ServiceError
from secretary.ui.main_window import MainWindow
from secretary.ui.navigator import MEETING, ORGAN
from secretary.ui.sok import HJALP, HTML_ROLE, SokDialog, TraffModel, markerad_html
from tests import builders


def archive(ctx) -> dict[str, agenda.ArendeData]:  # type: ignore[no-untyped-def]
    """Two organs over two years; the ärenden to look for are not in the meeting on show."""
    ks = builders.organ(ctx.store, "Kommunstyrelsen")
    bn = builders.organ(ctx.store, "Byggnadsnämnden", pattern="BN ÅÅÅÅ/###")
    builders.meeting(ctx.store, bn, dt.date(2024, 1, 15), arenden=5)
    old = builders.meeting(ctx.store, bn, dt.date(2024, 2, 12), arenden=2)
    builders.meeting(ctx.store, ks, dt.date(2026, 3, 2), arenden=3)
    return {
        "brygga": agenda.add_arende(
            ctx.store,
            old.id,
            agenda.ArendeInput(
                "Strandskyddsdispens för brygga på Ödegården 1:4",
                dnr="BN 2024/031",
                sammanfattning="Sökanden vill bygga en brygga för småbåtar.",
            ),
        ),
        "bastu": agenda.add_arende(
            ctx.store,
            old.id,
            agenda.ArendeInput(
                "Strandskyddsdispens för bastu", dnr="BN 2024/032", sammanfattning="En bastu."
            ),
        ),
    }


@pytest.fixture
def window(qtbot, ctx) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def open_search(qtbot, window: MainWindow) -> SokDialog:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.sok_dialog
    assert isinstance(dialog, SokDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def rows(dialog: SokDialog, column: int) -> list[str]:
    m = dialog.model
    return [m.index(r, column).data() for r in range(m.rowCount())]


def test_type_a_word_and_enter_opens_the_paragraf_in_the_main_window(qtbot, ctx, window) -> None:  # type: ignore[no-untyped-def]
    wanted = archive(ctx)["brygga"]
    window.refresh()
    dialog = open_search(qtbot, window)
    qtbot.waitUntil(dialog.field.hasFocus)  # ready to type

    qtbot.keyClicks(dialog.field, "brygg")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert rows(dialog, TraffModel.ORGAN) == ["Byggnadsnämnden"]
    assert rows(dialog, TraffModel.DATUM) == ["2024-02-12"]
    assert rows(dialog, TraffModel.PARAGRAF) == [f"§ {wanted.paragraf}"] == ["§ 8"]
    assert rows(dialog, TraffModel.DNR) == ["BN 2024/031"]
    assert rows(dialog, TraffModel.TRAFF) == [
        "Sammanfattning: Sökanden vill bygga en brygga för småbåtar."
    ]
    assert dialog.status.text() == "1 paragraf."

    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.navigator.current() == (MEETING, wanted.meeting_id)
    assert window.stack.currentWidget() is window.agenda_page
    shown = window.agenda_page.current_arende()
    assert shown is not None and shown.id == wanted.id


def test_arrow_keys_in_the_field_choose_among_the_hits(qtbot, ctx, window) -> None:  # type: ignore[no-untyped-def]
    made = archive(ctx)
    dialog = open_search(qtbot, window)
    qtbot.keyClicks(dialog.field, "strandskydd")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    assert dialog.current() is not None and dialog.current() == dialog.model.traff(0)
    wanted = dialog.model.traff(1)
    assert wanted is not None

    qtbot.keyClick(dialog.field, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Enter)

    shown = window.agenda_page.current_arende()
    assert shown is not None and shown.id == wanted.arende_id
    assert {made["brygga"].id, made["bastu"].id} == {t.arende_id for t in dialog.model._rows}


def test_ctrl_f_comes_back_to_the_last_search_with_fresh_results(qtbot, ctx, window) -> None:  # type: ignore[no-untyped-def]
    made = archive(ctx)
    dialog = open_search(qtbot, window)
    qtbot.keyClicks(dialog.field, "bastu")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    dialog.reject()  # Esc
    agenda.update_arende(
        ctx.store, made["brygga"].id, agenda.ArendeInput("Bastu vid badplatsen", dnr="BN 2024/031")
    )

    again = open_search(qtbot, window)

    assert again is dialog
    assert again.field.text() == "bastu" and again.field.selectedText() == "bastu"
    assert sorted(rows(again, TraffModel.DNR)) == ["BN 2024/031", "BN 2024/032"]


def test_the_status_line_says_what_happened(qtbot, ctx, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    archive(ctx)
    dialog = open_search(qtbot, window)
    assert dialog.status.text() == HJALP

    qtbot.keyClicks(dialog.field, "vindkraft")
    qtbot.waitUntil(lambda: dialog.status.text() != HJALP)
    assert dialog.status.text() == "Ingen paragraf innehåller ”vindkraft”."
    assert not dialog.open_button.isEnabled()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)  # nothing to open: nothing happens
    assert dialog.isVisible()

    def broken(*_args: object, **_kw: object) -> sok.Sokresultat:
        raise ServiceError("Sökningen kunde inte göras. Försök med andra ord.")

    monkeypatch.setattr(sok, "sok", broken)
    dialog.field.setText("bygglov")
    qtbot.waitUntil(lambda: "kunde inte" in dialog.status.text())
    assert dialog.model.rowCount() == 0


def test_a_meeting_removed_meanwhile_is_said_not_shown(qtbot, ctx, window) -> None:  # type: ignore[no-untyped-def]
    ks = builders.organ(ctx.store)
    gone = builders.meeting(ctx.store, ks, dt.date(2026, 5, 1), arenden=1)
    arende_id = agenda.list_arenden(ctx.store, gone.id)[0].id
    window.refresh()
    window.navigator.select((ORGAN, ks))
    agenda.delete_meeting(ctx.store, gone.id)

    assert not window.show_arende(gone.id, arende_id)

    assert window.statusBar().currentMessage() == "Sammanträdet finns inte längre."
    assert window.navigator.current() == (ORGAN, ks)


def test_the_words_found_are_bold_and_the_text_is_escaped(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    ks = builders.organ(ctx.store)
    meeting = builders.meeting(ctx.store, ks, dt.date(2026, 5, 1))
    agenda.add_arende(
        ctx.store, meeting.id, agenda.ArendeInput("Avtal med <Bygg & Anläggning> AB om avtalen")
    )
    dialog = SokDialog(ctx)
    qtbot.addWidget(dialog)
    QAbstractItemModelTester(dialog.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    dialog.field.setText("avtal")
    dialog.search()

    cell = dialog.model.index(0, TraffModel.RUBRIK)
    assert cell.data(HTML_ROLE) == (
        "<b>Avtal</b> med &lt;Bygg &amp; Anläggning&gt; AB om <b>avtalen</b>"
    )
    assert cell.data() == "Avtal med <Bygg & Anläggning> AB om avtalen"
    assert markerad_html(sok.Markerad("a<b", ((0, 1),))) == "<b>a</b>&lt;b"
