"""A personlig ersättare tied by keyboard in the session window (issue 15): in an organ with
personliga ersättare, P on an elected ersättare of an acklamation opens the ledamöter elected
to the same organ in the §, Enter ties them, the protocol text of the § says "… till
personlig ersättare för …", Ctrl+Z and Ctrl+Y take it back and again, and P once more unties.
In an organ without personliga ersättare the key is not in the hint bar and says why."""

from __future__ import annotations

from typing import Any

from secretary.domain.register import OrganKind, Roll
from secretary.services import register, val
from tests.services.test_val_personliga import _ack
from tests.ui.test_paragraf_panel import Typing, everyone_present
from tests.ui.test_session_window import ALT, CTRL, K, open_window


def _val(ctx: Any, *, personliga: bool) -> tuple[int, int]:
    """A val § electing two ledamöter and two ersättare to Socialnämnden by acklamation."""
    meeting_id, _, arende = everyone_present(ctx)
    namnd = register.create_organ(
        ctx.store,
        register.OrganInput("Socialnämnden", OrganKind.NAMND, personliga_ersattare=personliga),
    )
    val.gor_till_val(ctx.store, arende)
    ledamoter = _ack(namnd.id, Roll.LEDAMOT, ("Anna Berg", "S"), ("Bo Ek", "M"))
    ersattare = _ack(namnd.id, Roll.ERSATTARE, ("Carl Dahl", "S"), ("Eva Fors", "M"))
    val.spara_post(ctx.store, arende, None, ledamoter)
    val.spara_post(ctx.store, arende, None, ersattare)
    return meeting_id, arende


def _to_the_ersattare(window: Any, kb: Typing) -> Any:
    """The § behandlas, Alt+L to its posts, the ersättare post, Tab to its count."""
    vp = window.paragraf.valpanel
    kb.press(K.Key_Return, CTRL)
    kb.press(K.Key_L, ALT)
    assert vp.isVisible()
    vp.posts.setFocus()
    kb.press(K.Key_Down)  # the second post: 2 ersättare
    kb.press(K.Key_Tab)
    assert vp.count.hasFocus()
    return vp


def test_a_personlig_ersattare_tied_by_keyboard_and_printed(qtbot: Any, ctx: Any) -> None:
    meeting_id, arende = _val(ctx, personliga=True)
    window = open_window(qtbot, ctx, meeting_id)
    kb = Typing(qtbot)
    vp = _to_the_ersattare(window, kb)
    assert "personlig ersättare" in window.hints.text()

    vp.count.setCurrentIndex(vp.count_model.index(1, 0))  # Eva Fors (M), elected
    kb.press(K.Key_P)
    assert vp.personlig.list.hasFocus()
    items = [vp.personlig.list.item(i).text() for i in range(vp.personlig.list.count())]
    assert items == ["Anna Berg (S)", "Bo Ek (M)"]
    kb.press(K.Key_Down)
    kb.enter()
    assert vp.count.hasFocus() and not vp.personlig.isVisible()

    printed = "Eva Fors (M) till personlig ersättare för Bo Ek (M) i socialnämnden"
    vy = val.load_val(ctx.store, arende)
    assert vy is not None and printed in vy.beslut[1]
    assert printed in vp.text.text()
    assert vp.count_model.rows()[1].vald == "vald, personlig ersättare för Bo Ek (M)"
    assert "Eva Fors (M) blir personlig ersättare för Bo Ek (M)" in vp.register.text()

    # Bo Ek has his ersättare: Carl Dahl cannot be tied to him too, and nothing changes.
    vp.count.setCurrentIndex(vp.count_model.index(0, 0))
    kb.press(K.Key_P)
    assert vp.personlig.list.item(1).text() == "Bo Ek (M) – har Eva Fors (M)"
    kb.press(K.Key_Down)
    kb.enter()
    assert "Eva Fors (M) är redan personlig ersättare för Bo Ek (M)" in window.banner.text()
    kb.press(K.Key_Escape)
    assert vp.count.hasFocus()

    kb.press(K.Key_Z, CTRL)  # the pairing is one undo, and one redo
    vy = val.load_val(ctx.store, arende)
    assert vy is not None and printed not in vy.beslut[1]
    assert printed not in vp.text.text()
    kb.press(K.Key_Y, CTRL)
    vy = val.load_val(ctx.store, arende)
    assert vy is not None and printed in vy.beslut[1]

    vp.count.setCurrentIndex(vp.count_model.index(1, 0))
    kb.press(K.Key_P)  # P on the tied ersättare unties
    vy = val.load_val(ctx.store, arende)
    assert vy is not None and vy.data.poster[1].personliga == ()
    assert "Eva Fors (M) är inte knuten till någon ledamot" in " ".join(vy.brister)


def test_without_personliga_ersattare_the_key_is_not_offered_and_says_why(
    qtbot: Any, ctx: Any
) -> None:
    meeting_id, arende = _val(ctx, personliga=False)
    window = open_window(qtbot, ctx, meeting_id)
    kb = Typing(qtbot)
    vp = _to_the_ersattare(window, kb)
    assert "personlig ersättare" not in window.hints.text()
    kb.press(K.Key_P)
    assert "Socialnämnden har inga personliga ersättare" in window.banner.text()
    assert not vp.personlig.isVisible()
    vy = val.load_val(ctx.store, arende)
    assert vy is not None and vy.data.poster[1].personliga == ()
