"""A val § in the session window, by keyboard alone (issue 15): the § made a val §, a post
with its term, two nominations, a sluten omröstning counted with blank and invalid ballots
apart, the tie settled by the lottning's recorded outcome (never an utslagsröst), and the
whole taken back with Ctrl+Z."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from secretary.domain.val import Kandidat, Valsatt
from secretary.services import val
from tests.ui.test_paragraf_panel import Typing, everyone_present
from tests.ui.test_session_window import ALT, CTRL, K, open_window


def test_a_sluten_val_recorded_by_keyboard(qtbot: Any, ctx: Any) -> None:
    meeting_id, _, arende = everyone_present(ctx)
    window = open_window(qtbot, ctx, meeting_id)
    kb = Typing(qtbot)
    vp = window.paragraf.valpanel

    kb.press(K.Key_Return, CTRL)  # the first § behandlas
    kb.press(K.Key_L, ALT)  # it becomes a val §; the form for the first post has the keyboard
    assert vp.isVisible() and not window.paragraf.yrkande_box.isVisible()
    assert vp.form.organ.hasFocus()
    kb.text("valnämnden")
    kb.enter()  # roll: Ledamot
    kb.enter()  # 1 plats
    kb.enter()
    kb.text("2027-01-01")
    kb.enter()
    kb.text("2030-12-31")
    kb.enter()
    kb.text("s")  # Sluten omröstning
    kb.enter()
    assert vp.form.efter.hasFocus()  # no fyllnadsval: left empty
    kb.enter()  # saved; the nomination entry has the keyboard
    assert vp.nominering.first.hasFocus()
    kb.text("Anna Berg (S)")
    kb.enter()
    kb.text("Valberedningen")
    kb.enter()
    kb.text("Bo Ek (M)")
    kb.enter()
    kb.text("Moderaterna")
    kb.enter()
    kb.press(K.Key_Escape)  # the count: votes typed row by row
    assert vp.count.hasFocus()

    def count(number: str) -> None:
        kb.text(number)
        kb.enter()
        qtbot.waitUntil(vp.count.hasFocus)  # the editor commits once the key is handled

    count("12")  # more ballots than the 7 serving: refused, and the banner says why
    assert "12 valsedlar är fler än de 7 som deltar" in window.banner.text()
    for number in ("3", "3", "1"):  # Anna, Bo, blanka; the next row follows each Enter
        count(number)

    vy = val.load_val(ctx.store, arende)
    assert vy is not None
    post = vy.data.poster[0]
    assert (post.organ, post.valsatt, post.platser) == ("valnämnden", Valsatt.SLUTEN, 1)
    assert str(post.fran) == "2027-01-01" and str(post.till) == "2030-12-31"
    assert [n.kandidat for n in post.nomineringar] == [
        Kandidat("Anna", "Berg", "S"),
        Kandidat("Bo", "Ek", "M"),
    ]
    assert (post.roster, post.blanka, post.ogiltiga) == ((3, 3), 1, 0)
    # A tie: the panel asks for the lottning's outcome, and nothing is elected yet.
    behov = vy.resultat[0].behov
    assert behov is not None and behov.mellan == (0, 1)
    assert vp.lottning.isVisible() and "Bo Ek (M)" in vp.lottning.text()
    assert "Lottning om plats 1" in vp.post_model.rows()[0].lage

    kb.press(K.Key_2, CTRL)  # the lot fell on Bo Ek
    vy = val.load_val(ctx.store, arende)
    assert vy is not None and vy.resultat[0].valda == (Kandidat("Bo", "Ek", "M"),)
    assert not vp.lottning.isVisible()
    assert "utfaller till förmån för Bo Ek (M)" in vp.text.text()
    assert "väljer Bo Ek (M) till ledamot i valnämnden" in vp.text.text()
    assert vp.count_model.rows()[1].vald == "vald"

    # Every step is one undo: the lottning first, then the counts back to the tie.
    kb.press(K.Key_Z, CTRL)
    vy = val.load_val(ctx.store, arende)
    assert vy is not None and vy.resultat[0].behov is not None
    assert vp.lottning.isVisible()


def test_a_proportional_val_shows_the_threshold_and_explains_each_seat(
    qtbot: Any, ctx: Any
) -> None:
    """LPV 2 §: with 7 present and 3 seats, 7 / (3 + 1) = 1,75 -> at least 2 must ask; one
    is refused. The ballots per valsedelsgrupp give the seats by jämförelsetal: S 5, S 2,5,
    then M 2 before S 1,67."""
    meeting_id, _, arende = everyone_present(ctx)
    window = open_window(qtbot, ctx, meeting_id)
    kb = Typing(qtbot)
    vp = window.paragraf.valpanel

    kb.press(K.Key_Return, CTRL)
    kb.press(K.Key_L, ALT)
    kb.text("socialnämnden")
    kb.enter(2)  # Ledamot
    kb.text("3")  # platser
    kb.enter(3)  # no term given
    kb.text("p")  # Proportionellt val: how many ask, beside what the attendance requires
    assert "minst <b>2</b> av 7" in vp.form.troskel.text()
    kb.enter(2)  # no fyllnadsval
    kb.text("1")
    kb.enter()
    assert "minst 2 av 7 närvarande" in window.banner.text()
    assert vp.form.begarande.hasFocus()
    kb.press(K.Key_Backspace)
    kb.text("2")
    kb.enter()  # saved; the valsedelsgrupp entry has the keyboard
    assert vp.grupp.first.hasFocus()
    kb.text("S")
    kb.enter()
    kb.text("Anna Berg, Bo Ek, Cia Fors")
    kb.enter()
    kb.text("M")
    kb.enter()
    kb.text("Dan Gren, Eva Holm")
    kb.enter()
    kb.press(K.Key_Escape)
    for number in ("5", "2"):
        kb.text(number)
        kb.enter()
        qtbot.waitUntil(vp.count.hasFocus)

    vy = val.load_val(ctx.store, arende)
    assert vy is not None and vy.resultat[0].klar
    assert [k.label for k in vy.resultat[0].valda] == ["Anna Berg (S)", "Bo Ek (S)", "Dan Gren (M)"]
    rows = vp.count_model.rows()
    assert (rows[0].namn, rows[0].vald) == ("S", "plats 1 (5), plats 2 (2,5)")
    assert (rows[1].namn, rows[1].vald) == ("M", "plats 3 (2)")
    text = vp.text.text()
    assert "2 ledamöter begär proportionellt val" in text
    assert "Plats 2: S, jämförelsetal 2,5: Bo Ek (S)." in text
    assert "Plats 3: M, jämförelsetal 2: Dan Gren (M)." in text


# The register's list opens as a popup, which grabs the keyboard: offscreen cannot.
POPUP = pytest.mark.qt_log_ignore(
    "does not support raise", "does not support grabbing the keyboard", "propagateSizeHints"
)


def _karin(ctx: Any) -> tuple[int, int]:
    """Karin Ek (M), ledamot in a Socialnämnd until 2030-12-31: (nämnd, person)."""
    from secretary.domain.register import OrganKind, Roll
    from secretary.services import register

    namnd = register.create_organ(ctx.store, register.OrganInput("Socialnämnden", OrganKind.NAMND))
    m = register.add_member(
        ctx.store,
        namnd.id,
        register.MemberInput(
            "Karin", "Ek", Roll.LEDAMOT, "M", ordning=3, period_to=dt.date(2030, 12, 31)
        ),
    )
    return namnd.id, m.person_id


def _choose(kb: Typing, qtbot: Any, field: Any, part: str) -> None:
    """Type part of an uppdrag and take the first the register offers: Down and Enter go to
    the list that opens (it holds the keyboard while open, as in the application)."""
    kb.text(part)
    popup = field.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, K.Key_Down)
    qtbot.keyClick(popup, K.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())


@POPUP
def test_an_entledigande_recorded_by_keyboard_from_the_registers_uppdrag(
    qtbot: Any, ctx: Any
) -> None:
    """E in the posts: the uppdrag is chosen from the register's current ones, then from
    which date and why; the protocol text and the register proposal show it before
    justering, and Delete takes it away again."""
    meeting_id, _, arende = everyone_present(ctx)
    namnd_id, karin = _karin(ctx)
    window = open_window(qtbot, ctx, meeting_id)
    kb = Typing(qtbot)
    vp = window.paragraf.valpanel

    kb.press(K.Key_Return, CTRL)
    kb.press(K.Key_L, ALT)
    kb.press(K.Key_Escape)  # no post: the posts list has the keyboard
    assert vp.posts.hasFocus()
    kb.press(K.Key_E)
    assert vp.entledigande.uppdrag.hasFocus()
    kb.enter(3)  # nothing chosen: refused, and nothing is lost
    assert "Välj uppdraget ur registrets lista" in window.banner.text()
    _choose(kb, qtbot, vp.entledigande.uppdrag, "Karin")
    assert vp.entledigande.uppdrag.text() == (
        "Karin Ek (M), ledamot i socialnämnden t.o.m. 2030-12-31"
    )
    kb.enter()
    kb.text("2027-03-15")
    kb.enter()
    kb.text("egen begäran")
    kb.enter()

    vy = val.load_val(ctx.store, arende)
    assert vy is not None
    (e,) = vy.data.entlediganden
    assert (e.kandidat.person_id, e.organ_id, str(e.fran), e.skal) == (
        karin,
        namnd_id,
        "2027-03-15",
        "egen begäran",
    )
    assert vp.posts.hasFocus() and vp.post_model.rows()[0].post == "Entledigande: Karin Ek (M)"
    assert "Skäl till entledigandet av Karin Ek (M): egen begäran." in vp.text.text()
    assert "entledigar Karin Ek (M) från uppdraget som ledamot i socialnämnden" in vp.text.text()
    assert vp.register.text() == (
        "Karin Ek (M) upphör som ledamot i socialnämnden från och med 2027-03-15."
    )
    kb.press(K.Key_Delete)
    vy = val.load_val(ctx.store, arende)
    assert vy is not None and vy.data.entlediganden == ()


@POPUP
def test_a_fyllnadsval_after_a_named_person_by_keyboard(qtbot: Any, ctx: Any) -> None:
    """The post's last field names whose place the fyllnadsval fills, chosen from the
    register: with no term typed it ends when theirs would (2030-12-31); the register
    proposal before justering shows both changes."""
    meeting_id, _, arende = everyone_present(ctx)
    _karin(ctx)
    window = open_window(qtbot, ctx, meeting_id)
    kb = Typing(qtbot)
    vp = window.paragraf.valpanel

    kb.press(K.Key_Return, CTRL)
    kb.press(K.Key_L, ALT)
    kb.text("Socialnämnden")
    kb.enter(3)  # Ledamot, 1 plats
    kb.enter(2)  # no term typed
    kb.enter()  # acklamation
    assert vp.form.efter.hasFocus()
    _choose(kb, qtbot, vp.form.efter, "Ek (M)")
    kb.enter()  # saved; the nomination entry has the keyboard
    kb.text("Lars Holm (M)")
    kb.enter()
    kb.text("Valberedningen")
    kb.enter()

    vy = val.load_val(ctx.store, arende)
    assert vy is not None
    post = vy.data.poster[0]
    assert post.efter is not None and post.efter.label == "Karin Ek (M)"
    assert str(post.till) == "2030-12-31"
    fran = post.fran.isoformat() if post.fran else ""
    assert vy.beslut == (  # from the decision (the meeting day) to the end of Karin's term
        f"Arbetsutskottet väljer Lars Holm (M) till ny ledamot i socialnämnden efter Karin Ek "
        f"(M) för tiden {fran}–2030-12-31.",
    )
    assert vp.register.text() == (
        f"Karin Ek (M) upphör som ledamot i socialnämnden från och med {fran}.<br>"
        f"Lars Holm (M) blir ledamot i socialnämnden för tiden {fran}–2030-12-31."
    )
