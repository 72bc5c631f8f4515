"""The justering window (issue 6) driven as the secretary would: a meeting from pågår to
anslaget, a justerare's comment blocking justering, rättelse, the tamper warning, the draft
diff and the public version's masking list. Dialogs and message boxes are patched."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from secretary.services import (
    agenda,
    anslag,
    arbetsgang,
    beslut,
    demo,
    granskning,
    lage,
    session,
    versioner,
)
from secretary.services.agenda import list_meetings
from secretary.services.errors import ServiceError
from secretary.services.register import list_members, list_organs
from secretary.store.database import Store
from secretary.store.models import Arende
from secretary.ui.context import AppContext
from secretary.ui.justering.dialogs import JusteraDialog, RattelseDialog
from secretary.ui.justering.window import JusteringWindow
from tests.services.justering_helpers import utkast
from tests.ui.helpers import answer_dialogs, answer_questions

MOTE = dt.datetime(2026, 11, 30, 13, 0)
NOW = dt.datetime(2026, 12, 1, 10, 30)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def warning(_parent: Any, _title: str, message: str, *_a: Any) -> QMessageBox.StandardButton:
        shown.append(message)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return shown


def _window(qtbot: QtBot, ctx: AppContext, meeting_id: int) -> JusteringWindow:
    ctx.clock = lambda: NOW
    window = JusteringWindow(ctx, meeting_id)
    qtbot.addWidget(window)
    window.show()
    return window


def _justerat(store: Store) -> tuple[int, list[int], dict[str, int]]:
    meeting_id, arenden, people = utkast(store)
    arbetsgang.skicka_for_justering(store, meeting_id, NOW)
    arbetsgang.justera(store, meeting_id, NOW)
    return meeting_id, arenden, people


def test_a_meeting_goes_from_pagar_to_anslaget_through_the_window(
    qtbot: QtBot,
    store: Store,
    ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
) -> None:
    demo.create_demo(store)
    organ = list_organs(store)[0]
    meeting_id = list_meetings(store, organ.id)[0].id
    state = session.start_session(store, meeting_id, MOTE)
    for seat in state.tidslinje.seats:
        session.mark_upprop(store, meeting_id, seat, session.Upprop.NARVARANDE)
    arenden = [a.id for a in state.arenden]
    birger = {m.name: m.person_id for m in list_members(store, organ.id)}["Birger Hedlund"]
    asked = answer_questions(monkeypatch, yes=True)
    window = _window(qtbot, ctx, meeting_id)
    assert window.state_label.text() == "Pågår"
    assert not window.close_button.isHidden()

    # Close the meeting (the checklist's gaps are confirmed: "Avsluta ändå?").
    window.close_button.click()
    assert agenda.get_meeting(store, meeting_id).state == "utkast"
    assert window.state_label.text() == "Utkast"
    assert window.paminnelser_tab.table.rowCount() >= 1  # the draft is not yet sent

    # Send for review: draft 1, listed and shown.
    window.send_button.click()
    assert "utkast 1" in asked[-1]
    assert window.state_label.text() == "För justering (utkast 1)"
    assert [v.nummer for v in window.versions] == [1]
    assert window.versions_table.item(0, 1).text() == "Utkast 1"

    # A justerare comments on § 335 at the secretary's screen: justering is blocked.
    review = window.granskning_tab
    review.person_combo.setCurrentIndex(review.person_combo.findData(birger))
    review.select_paragraf(arenden[0])
    review.comment_edit.setPlainText("Stavfel i sammanfattningen.")
    review.comment_button.click()
    review.select_paragraf(arenden[1])
    review.ok_button.click()
    assert granskning.godkanda(store, meeting_id) == {arenden[1]: {birger}}
    assert not window.justera_button.isEnabled()
    assert not window.blocking_label.isHidden()
    assert "1 öppen kommentar" in window.blocking_label.text()
    answer_dialogs(monkeypatch, JusteraDialog, lambda d: d.date_edit.setDate(QDate(2026, 12, 1)))
    window.justera()
    assert "obesvarad kommentar" in warnings[-1]
    assert agenda.get_meeting(store, meeting_id).state == "för justering"

    # The secretary marks it applied; justering opens.
    comments = window.kommentarer_tab
    assert comments.table.rowCount() == 1
    comments.table.selectRow(0)
    comments.applied_button.click()
    assert [k.status for k in granskning.list_kommentarer(store, meeting_id)] == [
        granskning.Status.INFORD
    ]
    assert window.justera_button.isEnabled()
    assert window.blocking_label.isHidden()

    window.justera_button.click()
    assert "2026-12-01" in asked[-1]
    now = lage.lage(store, meeting_id)
    assert (now.state.value, now.justerat_datum) == ("justerat", dt.date(2026, 12, 1))
    assert window.state_label.text() == "Justerat 2026-12-01"
    assert versioner.list_versioner(store, meeting_id)[-1].slag is versioner.Slag.JUSTERAT
    with pytest.raises(ServiceError, match="gör en rättelse"):
        beslut.set_beslut(store, arenden[0], None, ["att göra något annat"])

    # Anslag: proposed from the justering date, posted the day after.
    tab = window.anslag_tab
    assert tab.datum() == anslag.forslag(store, meeting_id).uppsatt == dt.date(2026, 12, 1)
    tab.upp_edit.setDate(QDate(2026, 12, 2))
    assert tab.sista_label.text() == "2026-12-23"
    window.anslag_button.click()
    now = lage.lage(store, meeting_id)
    assert now.state.value == "anslaget"
    assert (now.anslag_uppsatt, now.sista_overklagandedag, now.nedtagning) == (
        dt.date(2026, 12, 2),
        dt.date(2026, 12, 23),
        dt.date(2026, 12, 24),
    )
    assert window.state_label.text() == "Anslaget 2026-12-02 – tas ned 2026-12-24"
    assert window.ta_ned_button.isHidden()  # not due yet
    kinds = [r.kind for r in lage.logg(store, meeting_id)]
    assert [k for k in kinds if k.startswith("läge-") or k in ("öppnat", "avslutat")] == [
        "öppnat",
        "avslutat",
        "läge-för justering",
        "läge-för underskrift",  # the quick paper justering fixes the version first
        "läge-justerat",
        "läge-anslaget",
    ]
    assert window.logg_tab.table.rowCount() == len(kinds)
    assert warnings == [warnings[0]]  # only the refused justering


def test_nothing_changes_when_the_secretary_says_no(
    qtbot: QtBot, store: Store, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id, _, _ = utkast(store)
    answer_questions(monkeypatch, yes=False)
    window = _window(qtbot, ctx, meeting_id)
    window.send_button.click()
    assert agenda.get_meeting(store, meeting_id).state == "utkast"
    assert versioner.list_versioner(store, meeting_id) == []


def test_the_rattelse_dialog_makes_a_version_and_keeps_the_earlier_ones(
    qtbot: QtBot,
    store: Store,
    ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
) -> None:
    meeting_id, arenden, _ = _justerat(store)
    window = _window(qtbot, ctx, meeting_id)
    assert not window.rattelse_button.isHidden()

    def fill(d: RattelseDialog) -> None:
        d.paragraf_combo.setCurrentIndex(d.paragraf_combo.findData(arenden[1]))
        d.del_combo.setCurrentIndex(d.del_combo.findData("sammanfattning"))
        assert "Kommunkontoret redovisar utfall" in d.text_edit.toPlainText()  # prefilled
        d.del_combo.setCurrentIndex(d.del_combo.findData("beslut_att"))
        d.text_edit.setPlainText("att lägga budgetuppföljningen till handlingarna")
        d.varfor_edit.setText("Fel att-sats fördes in vid justeringen.")
        d.av_edit.setText("Eva Kristensson")

    opened = answer_dialogs(monkeypatch, RattelseDialog, fill)
    version = window.rattelse()
    assert warnings == []
    assert opened and version is not None and version.nummer == 3
    assert version.slag is versioner.Slag.RATTELSE
    assert [v.nummer for v in window.versions] == [1, 2, 3]
    assert window.current_version() == version
    assert "Beslut:" in window.diff_source and "<ins" in window.diff_source
    # The justerat version stays readable as it was.
    dialog = window.show_version(2)
    assert dialog is not None and "version 2" in dialog.doc.titel
    assert dialog.doc.pdf == versioner.las_pdf(store, meeting_id, 2)
    dialog.close()


def test_a_rattelse_without_a_reason_is_refused_and_the_dialog_stays(
    qtbot: QtBot,
    store: Store,
    ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
) -> None:
    meeting_id, _, _ = _justerat(store)
    window = _window(qtbot, ctx, meeting_id)
    answer_dialogs(monkeypatch, RattelseDialog, lambda d: d.text_edit.setPlainText("Ny text"))
    assert window.rattelse() is None
    assert "varför" in warnings[-1]
    assert len(versioner.list_versioner(store, meeting_id)) == 2


def test_the_window_warns_in_red_when_stored_bytes_were_altered(
    qtbot: QtBot, store: Store, ctx: AppContext
) -> None:
    meeting_id, _, _ = _justerat(store)
    clean = _window(qtbot, ctx, meeting_id)
    assert clean.tamper_label.isHidden()
    pdf = versioner.las_pdf(store, meeting_id, 2)
    with store.session() as s:
        s.execute(
            text("update protokollversion set pdf = :pdf where nummer = 2"),
            {"pdf": pdf[:2000] + bytes([pdf[2000] ^ 1]) + pdf[2001:]},
        )
    window = _window(qtbot, ctx, meeting_id)
    assert not window.tamper_label.isHidden()
    shown = window.tamper_label.text()
    assert "ändrats utanför programmet" in shown
    assert "Version 2 (justerat protokoll): PDF-filen stämmer inte" in shown
    assert "#a40000" in window.tamper_label.styleSheet()


def test_the_diff_view_marks_the_inserted_words_of_the_next_draft(
    qtbot: QtBot, store: Store, ctx: AppContext
) -> None:
    meeting_id, arenden, _ = utkast(store)
    arbetsgang.skicka_for_justering(store, meeting_id, NOW)
    beslut.set_beslut(store, arenden[0], None, ["att tillsätta en mindre projektgrupp"])
    arbetsgang.skicka_for_justering(store, meeting_id, NOW)
    window = _window(qtbot, ctx, meeting_id)
    assert window.state_label.text() == "För justering (utkast 2)"
    window.select_version(2)
    assert window.compare_combo.currentData() == 1
    assert "Ändringar sedan utkast 1 (i utkast 2)" in window.diff_view.toPlainText()
    assert "§ 335 Kommunalt partnerskap" in window.diff_view.toPlainText()
    assert "<ins style=" in window.diff_source
    assert ">att tillsätta en mindre projektgrupp</ins>" in window.diff_source
    window.select_version(1)
    assert "första versionen" in window.diff_view.toPlainText()


def test_the_public_version_lists_a_planted_personnummer_before_export(
    qtbot: QtBot,
    store: Store,
    ctx: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    warnings: list[str],
) -> None:
    meeting_id, arenden, _ = _justerat(store)
    with store.session() as s:
        a = s.get(Arende, arenden[0])
        assert a is not None
        a.sammanfattning = "Sökande 19811218-9876 bor på Storgatan 1 i Exempelstad."
    window = _window(qtbot, ctx, meeting_id)
    tab = window.publicering_tab
    tab.terms_edit.setPlainText("Storgatan 1")
    tab.preview_button.click()
    rows = [
        [tab.table.item(r, c).text() for c in range(tab.table.columnCount())]
        for r in range(tab.table.rowCount())
    ]
    assert ["§ 335", "personnummer", "Sammanfattning", "19811218-9876"] in rows
    assert ["§ 335", "markerad uppgift", "Sammanfattning", "Storgatan 1"] in rows
    assert "2 uppgifter" in tab.summary.text()
    target = tmp_path / "webb.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(target), ""))
    )
    tab.save_button.click()
    assert target.read_bytes().startswith(b"%PDF")
    page = tmp_path / "webb"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(page), ""))
    )
    tab.html_button.click()
    html = page.with_suffix(".html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="sv">' in html
    assert "19811218-9876" not in html and "Storgatan 1" not in html.split("</table>", 1)[1]
    assert warnings == []
    # The next time the window opens (say for a rättelse), the marked terms are there.
    again = _window(qtbot, ctx, meeting_id)
    assert again.publicering_tab.terms_edit.toPlainText() == "Storgatan 1"


def test_omedelbar_justering_from_the_window(
    qtbot: QtBot, store: Store, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id, arenden, _ = utkast(store)
    beslut.set_flaggor(store, arenden[2], omedelbar_justering=True)
    answer_questions(monkeypatch, yes=True)
    window = _window(qtbot, ctx, meeting_id)
    assert not window.omedelbar_button.isHidden()
    assert "§ 337" in window.omedelbar_button.text()
    window.omedelbar_button.click()
    (v,) = versioner.list_versioner(store, meeting_id)
    assert (v.slag, v.paragrafer) == (versioner.Slag.OMEDELBAR, (337,))
    assert window.omedelbar_button.isHidden()


def test_a_notice_due_comes_down_from_the_window(
    qtbot: QtBot, store: Store, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id, _, _ = _justerat(store)
    anslag.satt_upp(store, meeting_id, NOW)
    answer_questions(monkeypatch, yes=True)
    window = _window(qtbot, ctx, meeting_id)
    ctx.clock = lambda: dt.datetime(2026, 12, 30, 9, 0)
    window.refresh()
    assert not window.ta_ned_button.isHidden()
    assert window.paminnelser_tab.table.rowCount() == 1
    window.ta_ned_button.click()
    assert agenda.get_meeting(store, meeting_id).state == "nedtaget"
    assert window.state_label.text().startswith("Nedtaget")
