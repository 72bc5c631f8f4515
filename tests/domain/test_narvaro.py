"""Attendance rules (domain.md, 'Attendance, ersättare, jäv'), each named by its reason."""

from __future__ import annotations

from secretary.domain.ersattare import (
    Organregler,
    beslutforhet,
    foreslag,
    lediga_platser,
    mojliga_overtaganden,
)
from secretary.domain.narvaro import HandelseTyp, andringsgrans, seat_order
from secretary.domain.register import OrganKind
from tests.domain.narvaro_helpers import (
    ANDERS,
    ELIN,
    EVA,
    FANNY,
    JOHAN,
    KARIN,
    LARS,
    MARIA,
    ORDF,
    OSKAR,
    PEOPLE,
    Mote,
)

T = HandelseTyp


def test_a_ledamot_present_at_upprop_holds_their_own_seat_in_every_paragraf() -> None:
    m = Mote()
    m.upprop(ORDF, ANDERS, MARIA, JOHAN, KARIN, EVA)
    for position in range(6):
        assert m.tl.at(position).serving == {ORDF, ANDERS, MARIA, JOHAN, KARIN}
    assert EVA in m.tl.at(0).present


def test_roll_call_order_is_seat_order_with_the_chair_last() -> None:
    """domain.md, Votering: roll call in seat order with the chair last."""
    assert seat_order(PEOPLE) == (ANDERS, MARIA, JOHAN, KARIN, ORDF)


def test_ersattarordning_same_party_first_then_the_decided_party_order() -> None:
    m = Mote()
    m.upprop(ORDF, MARIA, JOHAN, KARIN, LARS, FANNY, OSKAR, ELIN)
    assert lediga_platser(m.tl, 0) == [ANDERS]
    proposal = [d.person_id for d in foreslag(m.tl, 0, ANDERS, m.regler)]
    assert proposal == [FANNY, LARS, OSKAR, ELIN]  # S in the party's order, then M, then MP


def test_a_partys_own_order_for_other_parties_takes_precedence_over_the_general_one() -> None:
    m = Mote(regler=Organregler(OrganKind.NAMND, partiordning={None: ["M"], "S": ["MP", "M"]}))
    m.upprop(ORDF, MARIA, JOHAN, KARIN, OSKAR, ELIN)
    assert [d.person_id for d in foreslag(m.tl, 0, ANDERS, m.regler)] == [ELIN, OSKAR]


def test_personlig_ersattare_is_proposed_first_where_the_organ_has_them() -> None:
    from dataclasses import replace

    from secretary.domain.narvaro import bygg_tidslinje

    people = [
        replace(p, personlig_ersattare_for=ANDERS) if p.person_id == LARS else p for p in PEOPLE
    ]
    regler = Organregler(OrganKind.NAMND, personliga_ersattare=True)
    from secretary.domain.narvaro import Handelse

    events = [Handelse(i, T.NARVARANDE, p, 0) for i, p in enumerate([ORDF, FANNY, LARS], 1)]
    tl = bygg_tidslinje(people, events, 3)
    assert [d.person_id for d in foreslag(tl, 0, ANDERS, regler)][:2] == [LARS, FANNY]


def test_in_kommunfullmaktige_only_same_party_ersattare_serve() -> None:
    """domain.md: in kommunfullmäktige only same-party ersättare serve."""
    m = Mote(regler=Organregler(OrganKind.KF))
    m.upprop(ORDF, MARIA, JOHAN, KARIN, OSKAR)
    assert foreslag(m.tl, 0, ANDERS, m.regler) == []
    refusal = m.add(T.TJANSTGOR, OSKAR, 0, seat=ANDERS)
    assert refusal is not None and "samma parti" in refusal


def test_a_change_recorded_during_an_arende_takes_effect_from_the_next() -> None:
    """domain.md: changes happen between ärenden, never during one."""
    assert andringsgrans(3, under_behandling=True) == 4
    assert andringsgrans(3, under_behandling=False) == 3


def test_a_late_ledamot_takes_the_seat_back_from_the_next_arende() -> None:
    m = Mote()
    m.upprop(ORDF, MARIA, JOHAN, KARIN, FANNY)
    m.ok(T.TJANSTGOR, FANNY, 0, seat=ANDERS)
    m.ok(T.NARVARANDE, ANDERS, andringsgrans(1, under_behandling=True))
    assert [m.holder(p, ANDERS) for p in range(4)] == [FANNY, FANNY, ANDERS, ANDERS]
    assert FANNY in m.tl.at(3).present and FANNY not in m.tl.at(3).serving


def test_a_late_ledamot_returning_while_another_partys_ersattare_serves() -> None:
    m = Mote()
    m.upprop(ORDF, MARIA, JOHAN, KARIN, OSKAR)
    m.ok(T.TJANSTGOR, OSKAR, 0, seat=ANDERS)  # no S ersättare present: M's serves
    m.ok(T.NARVARANDE, ANDERS, 2)
    assert [m.holder(p, ANDERS) for p in range(4)] == [OSKAR, OSKAR, ANDERS, ANDERS]
    assert m.tl.at(2).serving == {ORDF, ANDERS, MARIA, JOHAN, KARIN}


def test_a_same_party_ersattare_may_take_over_from_another_partys_ersattare() -> None:
    m = Mote()
    m.upprop(ORDF, MARIA, JOHAN, KARIN, OSKAR)
    m.ok(T.TJANSTGOR, OSKAR, 0, seat=ANDERS)
    m.ok(T.NARVARANDE, LARS, 2)
    assert [(seat, d.person_id) for seat, d in mojliga_overtaganden(m.tl, 2)] == [(ANDERS, LARS)]
    m.ok(T.TJANSTGOR, LARS, 2, seat=ANDERS)
    assert [m.holder(p, ANDERS) for p in range(4)] == [OSKAR, OSKAR, LARS, LARS]
    assert OSKAR not in m.tl.at(2).serving


def test_another_partys_ersattare_cannot_take_over_from_a_serving_ersattare() -> None:
    m = Mote()
    m.upprop(ORDF, MARIA, JOHAN, KARIN, OSKAR, ELIN)
    m.ok(T.TJANSTGOR, OSKAR, 0, seat=ANDERS)
    refusal = m.add(T.TJANSTGOR, ELIN, 1, seat=ANDERS)
    assert refusal is not None and "Endast en ersättare från S" in refusal


def test_a_serving_ersattare_is_not_displaced_by_a_later_same_party_one_higher_in_order() -> None:
    m = Mote()
    m.upprop(ORDF, MARIA, JOHAN, KARIN, LARS)
    m.ok(T.TJANSTGOR, LARS, 0, seat=ANDERS)
    m.ok(T.NARVARANDE, FANNY, 1)  # first in the S order, arrives later
    assert mojliga_overtaganden(m.tl, 1) == []
    refusal = m.add(T.TJANSTGOR, FANNY, 1, seat=ANDERS)
    assert refusal is not None and "ersätts inte av en senare ankommande" in refusal
    assert m.holder(5, ANDERS) == LARS


def test_a_ledamot_who_left_cannot_return_the_same_day() -> None:
    """domain.md: a ledamot who leaves may not return the same day (no växeltjänstgöring)."""
    m = Mote()
    m.upprop(ORDF, ANDERS, MARIA, JOHAN, KARIN)
    m.ok(T.AVGAR, MARIA, 2)
    refusal = m.add(T.NARVARANDE, MARIA, 4)
    assert refusal is not None and "växeltjänstgöring" in refusal
    assert MARIA not in m.tl.at(5).present


def test_a_ledamot_out_for_jav_is_back_in_the_seat_for_the_next_paragraf() -> None:
    """KL 6 kap. 30 §: the jävig member is out for that § only."""
    m = Mote()
    m.upprop(ORDF, ANDERS, MARIA, JOHAN, KARIN, FANNY)
    m.ok(T.JAV, ANDERS, 2)
    m.ok(T.TJANSTGOR, FANNY, 2, seat=ANDERS, only_this=True)
    assert [m.holder(p, ANDERS) for p in range(4)] == [ANDERS, ANDERS, FANNY, ANDERS]
    assert m.tl.at(2).javiga == {ANDERS}
    assert m.add(T.NARVARANDE, ANDERS, 3) is not None  # never left: nothing to return from


def test_two_jav_in_a_row_each_with_its_own_substitute() -> None:
    m = Mote()
    m.upprop(ORDF, ANDERS, MARIA, JOHAN, KARIN, FANNY, LARS)
    m.ok(T.JAV, ANDERS, 1)
    m.ok(T.TJANSTGOR, FANNY, 1, seat=ANDERS, only_this=True)
    m.ok(T.JAV, ANDERS, 2)
    m.ok(T.JAV, FANNY, 2)  # the usual substitute is herself jävig in § 2
    refusal = m.add(T.TJANSTGOR, FANNY, 2, seat=ANDERS, only_this=True)
    assert refusal is not None and "jävig" in refusal
    m.ok(T.TJANSTGOR, LARS, 2, seat=ANDERS, only_this=True)
    assert [m.holder(p, ANDERS) for p in range(4)] == [ANDERS, FANNY, LARS, ANDERS]
    assert [d.person_id for d in foreslag(m.tl, 2, ANDERS, m.regler)] == []


def test_a_serving_ersattare_who_is_herself_javig_resumes_after_that_paragraf() -> None:
    m = Mote()
    m.upprop(ORDF, MARIA, JOHAN, KARIN, FANNY, LARS)
    m.ok(T.TJANSTGOR, FANNY, 0, seat=ANDERS)
    m.ok(T.JAV, FANNY, 2)
    assert lediga_platser(m.tl, 2) == [ANDERS]
    m.ok(T.TJANSTGOR, LARS, 2, seat=ANDERS, only_this=True)
    assert [m.holder(p, ANDERS) for p in range(4)] == [FANNY, FANNY, LARS, FANNY]


def test_an_ersattare_who_is_herself_called_away_frees_the_seat_for_the_next() -> None:
    m = Mote()
    m.upprop(ORDF, MARIA, JOHAN, KARIN, FANNY, LARS)
    m.ok(T.TJANSTGOR, FANNY, 0, seat=ANDERS)
    m.ok(T.AVGAR, FANNY, 3)
    assert lediga_platser(m.tl, 3) == [ANDERS]
    assert [d.person_id for d in foreslag(m.tl, 3, ANDERS, m.regler)] == [LARS]
    m.ok(T.TJANSTGOR, LARS, 3, seat=ANDERS)
    assert [m.holder(p, ANDERS) for p in range(5)] == [FANNY, FANNY, FANNY, LARS, LARS]
    m.ok(T.NARVARANDE, FANNY, 4)  # back in the room: she may listen, not serve again
    refusal = m.add(T.TJANSTGOR, FANNY, 5, seat=MARIA)
    assert refusal is not None and "inte tjänstgöra igen" in refusal


def test_quorum_lost_and_regained() -> None:
    """KL 6 kap. 27 §: more than half of the ledamöter must serve; ersättare count."""
    m = Mote()
    m.upprop(ORDF, ANDERS, MARIA, FANNY)
    assert beslutforhet(m.tl.at(0)).ok  # 3 of 5
    m.ok(T.AVGAR, MARIA, 2)
    lost = beslutforhet(m.tl.at(2))
    assert not lost.ok
    assert lost.text == "2 av 5 tjänstgör – beslutförhet saknas (minst 3 behövs)"
    m.ok(T.TJANSTGOR, FANNY, 3, seat=MARIA)
    regained = beslutforhet(m.tl.at(3))
    assert regained.ok and regained.text == "3 av 5 tjänstgör – beslutförhet finns"
    assert [beslutforhet(m.tl.at(p)).ok for p in range(6)] == [True, True, False] + [True] * 3


def test_an_absent_person_cannot_leave_or_be_javig() -> None:
    m = Mote()
    m.upprop(ORDF)
    assert m.add(T.AVGAR, MARIA, 1) is not None
    assert m.add(T.JAV, MARIA, 1) is not None


def test_an_ersattare_serves_in_only_one_seat_at_a_time() -> None:
    m = Mote()
    m.upprop(ORDF, JOHAN, KARIN, FANNY)
    m.ok(T.TJANSTGOR, FANNY, 0, seat=ANDERS)
    refusal = m.add(T.TJANSTGOR, FANNY, 0, seat=MARIA)
    assert refusal is not None and "tjänstgör redan för Anders Almqvist (S)" in refusal


def test_remote_attendance_is_kept_per_person() -> None:
    m = Mote()
    m.upprop(ORDF, ANDERS)
    m.ok(T.NARVARANDE, MARIA, 0, distans=True)
    assert m.tl.at(0).distans == {MARIA}
    assert MARIA in m.tl.at(0).serving
