"""The § panel of the session window: a contested ärende recorded by keyboard alone."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from secretary.domain.votering import Rost
from secretary.domain.yrkanden import YrkandeTyp
from secretary.services import beslut, session
from secretary.services.session import Upprop
from secretary.ui.session.paragraf.kontroll import KontrollDialog
from tests.ui.helpers import answer_dialogs, answer_questions
from tests.ui.test_session_window import (
    ALT,
    CLOCK,
    CTRL,
    NONE,
    SHIFT,
    K,
    Keyboard,
    demo_meeting,
    open_window,
)


def everyone_present(ctx: Any) -> tuple[int, dict[str, int], int]:
    meeting_id, p = demo_meeting(ctx)
    state = session.start_session(ctx.store, meeting_id, CLOCK)
    for seat in state.tidslinje.seats:
        session.mark_upprop(ctx.store, meeting_id, seat, Upprop.NARVARANDE)
    return meeting_id, p, state.arenden[0].id


class Typing(Keyboard):
    def text(self, text: str) -> None:
        for ch in text:
            target = QApplication.focusWidget()
            assert target is not None
            if ch.isascii():
                self.qtbot.keyClicks(target, ch)
            else:  # QTest knows only ASCII: send what a Swedish keyboard sends
                key = {"ä": K.Key_Adiaeresis, "å": K.Key_Aring, "ö": K.Key_Odiaeresis}[ch]
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(target, QKeyEvent(kind, key, NONE, ch))
            self.count += 1

    def enter(self, times: int = 1) -> None:
        self.press(K.Key_Return, times=times)


def test_a_contested_paragraf_with_two_voteringar_by_keyboard_alone(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    meeting_id, _, arende = everyone_present(ctx)
    window = open_window(qtbot, ctx, meeting_id)
    kb = Typing(qtbot)
    panel = window.paragraf

    kb.press(K.Key_Return, CTRL)  # § 335 behandlas
    kb.press(K.Key_7, ALT)
    assert panel.entry.vem.hasFocus()
    # Petra Sandström (L) yrkar bifall, Johan Berg instämmer.
    kb.text("pet")
    kb.enter()
    kb.text("b")
    kb.text("joh")
    kb.enter(2)
    # Anders Almqvist (S) yrkar avslag.
    kb.text("alm")
    kb.enter()
    kb.text("a")
    kb.enter()
    # Karin Strand Svensson (MP): ändringsyrkande.
    kb.text("kar")
    kb.enter()
    kb.text("ä")
    kb.text("att projektet startar 2027")
    kb.enter(2)
    assert [r.yrkare for r in panel.yrkande_model.rows()] == [
        "Petra Sandström (L)",
        "Anders Almqvist (S)",
        "Karin Strand Svensson (MP)",
    ]
    # The chair finds for the förslag; votering begärs.
    kb.press(K.Key_9, ALT)
    assert panel.prop.alternativ[0][1] == "förvaltningens förslag"  # type: ignore[union-attr]
    kb.text("v1")
    # Kontrapropositionsvotering: the chair finds for the ändring, votering by roll call.
    assert "Kontrapropositionsvotering" in panel.prop_text.text()
    kb.text("v")
    kb.press(K.Key_3 if len(panel.prop.alternativ) == 3 else K.Key_2)  # type: ignore[union-attr]
    assert panel.prop.mode == "röstning"  # type: ignore[union-attr]
    assert (
        "Ja-röst för bifall till Karin Strand Svenssons (MP) ändringsyrkande"
        in panel.prop_text.text()
    )
    roll = [r.namn for r in panel.rost_model.rows()]
    assert roll[-1] == "Fredrik Lindholm (M)" or len(roll) == 7
    # Seat order: Ja for some, the rest Nej.
    votes = {r.person_id: None for r in panel.rost_model.rows()}
    assert len(votes) == 7
    for letter in "NJNJ":  # four by name, then the rest
        kb.text(letter.lower())
    kb.press(K.Key_J, SHIFT)
    assert "7 av 7" in panel.totals.text()
    first = beslut.load_paragraf(ctx.store, arende).utfall.voteringar[0][2]
    assert first.komplett and first.vinnare is not None
    # The huvudvotering: Enter opens it; two Nej, one abstains, the rest Ja.
    assert panel.prop.mode == "huvudvotering"  # type: ignore[union-attr]
    kb.enter()
    assert panel.prop.mode == "röstning"  # type: ignore[union-attr]
    kb.text("jnan")
    kb.press(K.Key_J, SHIFT)
    vy = beslut.load_paragraf(ctx.store, arende)
    assert vy.utfall.avgjort and len(vy.utfall.voteringar) == 2
    assert panel.prop.mode == "klar"  # type: ignore[union-attr]
    huvud = vy.utfall.voteringar[1][2]
    assert (huvud.antal_ja, huvud.antal_nej, huvud.antal_avstar) == (4, 2, 1)
    assert (
        "Med 4 ja-röster mot 2 nej-röster, 1 avstår, beslutar arbetsutskottet"
        in (vy.beslutsgang_text[-1])
    )
    assert vy.beslut_att[0].startswith("att tillsätta en projektgrupp")
    # Reservations: those offered are listed first; R reserves the one selected.
    kb.press(K.Key_0, ALT)
    offered = [r for r in panel.person_model.rows() if r.erbjuds]
    assert offered
    kb.text("r")
    vy = beslut.load_paragraf(ctx.store, arende)
    assert len(vy.beslut.reservationer) == 1
    assert vy.reservation_text[0].endswith(
        "reserverar sig mot beslutet till förmån för eget yrkande."
    )
    assert "reserverar sig" in panel.texts["reservation"].edit.toPlainText()
    assert vy.yrkanden_text[0] == (
        "Petra Sandström (L) med instämmande av Johan Berg (M) yrkar bifall till "
        "förvaltningens förslag."
    )
    print(f"\nKeystrokes for the contested § with two voteringar: {kb.count}")


def _yrkanden_and_finding(ctx: Any, p: dict[str, int], arende: int) -> None:
    beslut.add_yrkande(ctx.store, arende, YrkandeTyp.BIFALL, p["Petra Sandström"])
    beslut.add_yrkande(ctx.store, arende, YrkandeTyp.AVSLAG, p["Anders Almqvist"])


def test_a_reservation_refused_to_someone_who_abstained_says_why(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    meeting_id, p, arende = everyone_present(ctx)
    _yrkanden_and_finding(ctx, p, arende)
    beslut.besvara(ctx.store, arende, "F", votering_begard=True)
    beslut.rosta(ctx.store, arende, p["Anders Almqvist"], Rost.AVSTAR)
    beslut.resten(ctx.store, arende, Rost.JA)
    window = open_window(qtbot, ctx, meeting_id)
    qtbot.keyClick(window.people, K.Key_0, ALT)
    panel = window.paragraf
    row = next(
        i for i, r in enumerate(panel.person_model.rows()) if r.person_id == p["Anders Almqvist"]
    )
    assert panel.person_model.rows()[row].avstod
    panel.people.selectRow(row)
    qtbot.keyClick(panel.people, K.Key_R)
    assert window.banner.isVisible()
    assert "avstod från att rösta och kan därför inte reservera sig" in window.banner.text()
    assert beslut.load_paragraf(ctx.store, arende).beslut.reservationer == ()
    assert panel.people.hasFocus()


def _first_vote_nej(qtbot, ctx) -> tuple[Any, Any, int, int]:  # type: ignore[no-untyped-def]
    """A contested § in the window, the votering opened by keyboard and the first name in
    the roll call answering Nej: (window, panel, ärende, that person)."""
    meeting_id, p, arende = everyone_present(ctx)
    _yrkanden_and_finding(ctx, p, arende)
    window = open_window(qtbot, ctx, meeting_id)
    panel = window.paragraf
    qtbot.keyClick(window.people, K.Key_9, ALT)
    qtbot.keyClick(panel.roster, K.Key_V)
    qtbot.keyClick(panel.roster, K.Key_1)
    assert beslut.load_paragraf(ctx.store, arende).oppen_votering is not None
    qtbot.keyClick(panel.roster, K.Key_N)
    return window, panel, arende, panel.rost_model.rows()[0].person_id


def test_undo_and_redo_of_a_vote_and_of_a_finding(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    _, panel, arende, first = _first_vote_nej(qtbot, ctx)
    assert beslut.load_paragraf(ctx.store, arende).oppen_votering.roster == {first: Rost.NEJ}  # type: ignore[union-attr]
    assert panel.rost_model.rows()[0].rost is Rost.NEJ

    qtbot.keyClick(panel.roster, K.Key_Z, CTRL)  # the vote
    assert beslut.load_paragraf(ctx.store, arende).oppen_votering.roster == {}  # type: ignore[union-attr]
    assert panel.rost_model.rows()[0].rost is None
    qtbot.keyClick(panel.roster, K.Key_Z, CTRL)  # the finding
    vy = beslut.load_paragraf(ctx.store, arende)
    assert vy.beslut.resultat == {} and panel.prop.mode == "fynd"  # type: ignore[union-attr]
    qtbot.keyClick(panel.roster, K.Key_Z, CTRL | SHIFT)
    assert beslut.load_paragraf(ctx.store, arende).oppen_votering is not None
    qtbot.keyClick(panel.roster, K.Key_Z, CTRL | SHIFT)
    assert beslut.load_paragraf(ctx.store, arende).oppen_votering.roster == {first: Rost.NEJ}  # type: ignore[union-attr]
    assert panel.rost_model.rows()[0].rost is Rost.NEJ


def test_undoing_the_rest_vote_takes_back_only_those_it_added(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    _, panel, arende, first = _first_vote_nej(qtbot, ctx)
    qtbot.keyClick(panel.roster, K.Key_J, SHIFT)
    assert beslut.load_paragraf(ctx.store, arende).oppen_votering is None  # everyone answered

    qtbot.keyClick(QApplication.focusWidget(), K.Key_Z, CTRL)
    assert beslut.load_paragraf(ctx.store, arende).oppen_votering.roster == {first: Rost.NEJ}  # type: ignore[union-attr]
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Z, CTRL | SHIFT)
    assert beslut.load_paragraf(ctx.store, arende).oppen_votering is None


def test_undoing_a_removed_yrkande_keeps_the_hand_made_propositionsordning(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """The chair's order names yrkanden by id: a removal taken back must give the yrkande
    back as the same one, or the order would point at nothing."""
    meeting_id, p, arende = everyone_present(ctx)
    first = beslut.add_yrkande(
        ctx.store, arende, YrkandeTyp.TILLAGG, p["Petra Sandström"], text="a"
    ).id
    second = beslut.add_yrkande(
        ctx.store, arende, YrkandeTyp.TILLAGG, p["Anders Almqvist"], text="b"
    ).id
    proposed = beslut.load_paragraf(ctx.store, arende).beslut.ordning
    hand_made = (proposed[0], proposed[2], proposed[1])
    beslut.set_ordning(ctx.store, arende, hand_made)
    window = open_window(qtbot, ctx, meeting_id)
    panel = window.paragraf
    qtbot.keyClick(window.people, K.Key_9, ALT)
    row = next(i for i, r in enumerate(panel.yrkande_model.rows()) if r.id == first)
    panel.yrkanden.setFocus()
    panel.yrkanden.selectRow(row)
    qtbot.keyClick(panel.yrkanden, K.Key_Delete)
    assert [y.id for y in beslut.load_paragraf(ctx.store, arende).beslut.yrkanden] == [second]

    qtbot.keyClick(panel.yrkanden, K.Key_Z, CTRL)
    vy = beslut.load_paragraf(ctx.store, arende)
    assert [y.id for y in vy.beslut.yrkanden] == [first, second]
    assert vy.beslut.ordning == hand_made
    assert vy.varningar == ()
    qtbot.keyClick(panel.yrkanden, K.Key_Z, CTRL | SHIFT)  # removed again, then back
    qtbot.keyClick(panel.yrkanden, K.Key_Z, CTRL)
    assert beslut.load_paragraf(ctx.store, arende).beslut.ordning == hand_made


def test_an_edited_text_is_flagged_when_a_yrkande_changes_after(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    meeting_id, p, arende = everyone_present(ctx)
    beslut.add_yrkande(ctx.store, arende, YrkandeTyp.BIFALL, p["Petra Sandström"])
    window = open_window(qtbot, ctx, meeting_id)
    panel = window.paragraf
    qtbot.keyClick(window.people, K.Key_T, ALT)
    editor = panel.texts["yrkanden"].edit
    assert editor.hasFocus()
    editor.selectAll()
    Typing(qtbot).text("Petra Sandström (L) yrkar bifall.")
    qtbot.keyClick(editor, K.Key_S, CTRL)
    assert beslut.load_paragraf(ctx.store, arende).yrkanden_text == (
        "Petra Sandström (L) yrkar bifall.",
    )
    assert "Redigerad" in panel.texts["yrkanden"].state.text()

    qtbot.keyClick(editor, K.Key_7, ALT)
    qtbot.keyClicks(panel.entry.vem, "alm")
    qtbot.keyClick(panel.entry.vem, K.Key_Return)
    qtbot.keyClick(panel.entry.kind_field, "a")
    qtbot.keyClick(panel.entry.instammer, K.Key_Return)
    assert beslut.load_paragraf(ctx.store, arende).inaktuella == ("yrkanden",)
    assert "det registrerade har ändrats" in panel.texts["yrkanden"].state.text()
    assert editor.toPlainText() == "Petra Sandström (L) yrkar bifall."

    qtbot.keyClick(panel.entry.vem, K.Key_T, ALT)
    assert editor.hasFocus()
    qtbot.keyClick(editor, K.Key_R, CTRL | SHIFT)  # back to the generated text
    assert len(beslut.load_paragraf(ctx.store, arende).yrkanden_text) == 2
    assert "Anders Almqvist (S) yrkar avslag" in editor.toPlainText()
    # In an editor Ctrl+Z undoes typing; from a panel it undoes the last action.
    qtbot.keyClick(editor, K.Key_9, ALT)
    qtbot.keyClick(panel.roster, K.Key_Z, CTRL)  # the edited text is back
    assert beslut.load_paragraf(ctx.store, arende).yrkanden_text == (
        "Petra Sandström (L) yrkar bifall.",
    )


def test_closing_with_brister_shows_the_checklist_and_closes_only_when_confirmed(  # type: ignore[no-untyped-def]
    qtbot, ctx, monkeypatch
) -> None:
    meeting_id, p, arende = everyone_present(ctx)
    beslut.add_yrkande(ctx.store, arende, YrkandeTyp.AVSLAG, p["Anders Almqvist"])
    window = open_window(qtbot, ctx, meeting_id)
    answer_questions(monkeypatch, yes=True)
    seen: list[str] = []
    monkeypatch.setattr(KontrollDialog, "exec", lambda self: seen.append(self.text()) or 0)
    window.close_session_action.trigger()
    assert "§ 335 Kommunalt partnerskap" in seen[0]
    assert "saknar resultat" in seen[0]
    assert session.load_session(ctx.store, meeting_id).state == "pågår"

    dialogs = answer_dialogs(monkeypatch, KontrollDialog, lambda _d: None)
    window.close_session_action.trigger()
    assert dialogs and session.load_session(ctx.store, meeting_id).state == "utkast"


def test_the_checklist_can_be_opened_any_time(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    meeting_id, _, _ = everyone_present(ctx)
    window = open_window(qtbot, ctx, meeting_id)
    qtbot.keyClick(window.people, K.Key_K, CTRL | SHIFT)
    assert "§ 335" in window.kontroll_dialog.text()
    window.kontroll_dialog.close()


@pytest.mark.parametrize(
    "model_attr", ["yrkande_model", "ordning_model", "rost_model", "person_model"]
)
def test_paragraf_models_pass_the_model_tester(qtbot, qtmodeltester, ctx, model_attr: str) -> None:  # type: ignore[no-untyped-def]
    meeting_id, p, arende = everyone_present(ctx)
    beslut.add_yrkande(ctx.store, arende, YrkandeTyp.TILLAGG, p["Maria Ek"], text="att rapportera")
    _yrkanden_and_finding(ctx, p, arende)
    beslut.besvara(ctx.store, arende, "F", votering_begard=True)
    beslut.rosta(ctx.store, arende, p["Maria Ek"], Rost.NEJ)
    window = open_window(qtbot, ctx, meeting_id)
    qtbot.keyClick(window.people, K.Key_9, ALT)
    model = getattr(window.paragraf, model_attr)
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    window.paragraf.refresh()
    qtmodeltester.check(model)


def answer_pending(monkeypatch: pytest.MonkeyPatch, answer: Any) -> list[tuple[str, Any, Any]]:
    """Patch QMessageBox.question for the unsaved-yrkande question; returns what was asked."""
    asked: list[tuple[str, Any, Any]] = []

    def question(_parent: Any, _title: str, text: str, buttons: Any, default: Any) -> Any:
        asked.append((text, buttons, default))
        return answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def _type_pending(qtbot: Any, window: Any) -> None:
    """Anders Almqvist (S) yrkar avslag, not saved; the secretary looks elsewhere."""
    qtbot.keyClick(window.people, K.Key_7, ALT)
    panel = window.paragraf
    qtbot.keyClicks(panel.entry.vem, "alm")
    qtbot.keyClick(panel.entry.vem, K.Key_Return)
    qtbot.keyClick(panel.entry.kind_field, "a")
    assert panel.entry.pending()
    qtbot.keyClick(panel.entry.instammer, K.Key_8, ALT)  # focus leaves the entry line
    assert panel.ordning.hasFocus()


def test_a_half_entered_yrkande_is_shown_and_saved_on_its_own_paragraf(  # type: ignore[no-untyped-def]
    qtbot, ctx, monkeypatch
) -> None:
    meeting_id, _, arende = everyone_present(ctx)
    window = open_window(qtbot, ctx, meeting_id)
    panel = window.paragraf
    _type_pending(qtbot, window)
    assert panel.pending_note.isVisible()
    assert "Yrkandet är inte sparat – Ctrl+Enter sparar, Esc kastar" in panel.pending_note.text()

    B = QMessageBox.StandardButton
    asked = answer_pending(monkeypatch, B.Save)
    qtbot.keyClick(panel.ordning, K.Key_PageDown, CTRL)
    assert len(asked) == 1
    text, buttons, default = asked[0]
    assert "§ 335" in text and "Anders Almqvist (S)" in text
    assert buttons == B.Save | B.Discard | B.Cancel and default == B.Cancel
    saved = beslut.load_paragraf(ctx.store, arende).beslut.yrkanden
    assert [(y.yrkare.label, y.typ) for y in saved] == [("Anders Almqvist (S)", YrkandeTyp.AVSLAG)]
    st = session.load_session(ctx.store, meeting_id)
    assert st.cursor == 1
    assert panel.arende_id == st.arenden[1].id
    assert beslut.load_paragraf(ctx.store, panel.arende_id).beslut.yrkanden == ()
    assert not panel.entry.pending() and not panel.pending_note.isVisible()


def test_avbryt_stays_on_the_paragraf_with_the_entry_kept(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    meeting_id, _, arende = everyone_present(ctx)
    window = open_window(qtbot, ctx, meeting_id)
    panel = window.paragraf
    _type_pending(qtbot, window)
    B = QMessageBox.StandardButton
    asked = answer_pending(monkeypatch, B.Cancel)
    qtbot.keyClick(panel.ordning, K.Key_PageDown, CTRL)
    assert len(asked) == 1
    assert session.load_session(ctx.store, meeting_id).cursor == 0
    assert panel.arende_id == arende and panel.entry.pending()
    assert panel.pending_note.isVisible() and panel.entry.vem.hasFocus()
    assert beslut.load_paragraf(ctx.store, arende).beslut.yrkanden == ()
    # Closing the window asks too; Avbryt keeps it open.
    window.close()
    assert len(asked) == 2 and window.isVisible()
    # Kasta: thrown away only when asked, and then the move happens.
    answer_pending(monkeypatch, B.Discard)
    qtbot.keyClick(panel.entry.vem, K.Key_PageDown, CTRL)
    assert session.load_session(ctx.store, meeting_id).cursor == 1
    assert not panel.entry.pending() and not panel.pending_note.isVisible()


def test_esc_discards_the_half_entered_yrkande_and_the_warning(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    meeting_id, _, _ = everyone_present(ctx)
    window = open_window(qtbot, ctx, meeting_id)
    panel = window.paragraf
    qtbot.keyClick(window.people, K.Key_7, ALT)
    qtbot.keyClicks(panel.entry.vem, "pe")
    assert panel.pending_note.isVisible()
    qtbot.keyClick(panel.entry.vem, K.Key_Escape)
    assert not panel.pending_note.isVisible() and not panel.entry.pending()


def _dark_pixels(qtbot: Any, html: str) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    label = QLabel(html)
    qtbot.addWidget(label)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setStyleSheet("QLabel { background: white; }")
    label.resize(label.sizeHint())
    image = label.grab().toImage()
    return sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).lightness() < 110
    )


def test_the_kind_hint_draws_a_umlaut_distinct_from_a(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The dots of Ä stick out above a badge's background: they must be dark on the page,
    not white (they used to vanish, and 'A avslag  A ändringsyrkande' read as one key)."""
    from secretary.ui.session.panels import key
    from secretary.ui.session.paragraf.entry import KIND_HINT

    assert "&nbsp;Ä&nbsp;" in KIND_HINT and "font-size:12pt" in KIND_HINT
    plain, umlaut = _dark_pixels(qtbot, key("A", "12pt")), _dark_pixels(qtbot, key("Ä", "12pt"))
    assert umlaut >= plain + 4, (plain, umlaut)


def test_lage_and_reservation_texts_are_whole_or_in_a_tooltip(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from secretary.domain.beslutsgang import ReservationTyp
    from secretary.ui.session.paragraf.models import OrdningModel, PersonModel

    meeting_id, p, arende = everyone_present(ctx)
    _yrkanden_and_finding(ctx, p, arende)
    window = open_window(qtbot, ctx, meeting_id)  # the § page is hidden while this happens:
    beslut.besvara(ctx.store, arende, "F", votering_begard=True)
    beslut.resten(ctx.store, arende, Rost.JA)
    beslut.add_reservation(ctx.store, arende, p["Anders Almqvist"], ReservationTyp.SKRIFTLIG)
    qtbot.keyClick(window.people, K.Key_8, ALT)
    panel = window.paragraf
    view, model = panel.ordning, panel.ordning_model
    lage = model.index(0, OrdningModel.LAGE)
    text = model.data(lage)
    assert text.startswith("Avgjord")
    needed = view.fontMetrics().horizontalAdvance(text)
    QApplication.processEvents()  # not waiting for the 250 ms fit: whole at once
    assert view.columnWidth(OrdningModel.LAGE) > needed
    assert model.data(lage, Qt.ItemDataRole.ToolTipRole) == text

    people = panel.person_model
    row = next(i for i, r in enumerate(people.rows()) if r.person_id == p["Anders Almqvist"])
    cell = people.index(row, PersonModel.RESERVATION)
    assert people.data(cell, Qt.ItemDataRole.ToolTipRole) == people.data(cell)
    assert "skriftlig reservation" in people.data(cell)


def test_an_open_roll_call_shows_at_least_twelve_names_at_1440_by_900(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    meeting_id, p, arende = everyone_present(ctx)
    _yrkanden_and_finding(ctx, p, arende)
    window = open_window(qtbot, ctx, meeting_id)
    window.resize(1440, 900)
    panel = window.paragraf
    qtbot.keyClick(window.people, K.Key_9, ALT)
    qtbot.keyClick(panel.roster, K.Key_V)
    qtbot.keyClick(panel.roster, K.Key_1)
    assert panel.prop.mode == "röstning"  # type: ignore[union-attr]
    QApplication.processEvents()

    def visible_rows() -> float:
        row = panel.roster.verticalHeader().defaultSectionSize()
        return panel.roster.viewport().height() / row

    assert visible_rows() >= 12
    assert not panel.ordning.isVisible() and not panel.yrkanden.isVisible()
    assert "dolt under voteringen" in panel.yrkande_box.heading.text()
    # Alt+7 unfolds for a yrkande mid-vote; the vote goes on from the roll call.
    qtbot.keyClick(panel.roster, K.Key_7, ALT)
    assert panel.entry.vem.hasFocus() and panel.yrkanden.isVisible()
    qtbot.keyClick(panel.entry.vem, K.Key_9, ALT)
    qtbot.keyClick(panel.roster, K.Key_J, SHIFT)
    assert panel.prop.mode != "röstning"  # type: ignore[union-attr]
    assert panel.ordning.isVisible() and panel.entry.isVisible()
