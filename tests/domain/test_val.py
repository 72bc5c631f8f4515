"""Val rules, each test with its legal reason. LPV = lag (2022:629) om proportionella val i
kommuner och regioner; SKR = "Fördelning av platser i nämnder" (2022)."""

from __future__ import annotations

import datetime as dt
import random
from fractions import Fraction

import pytest

from secretary.domain.register import Roll
from secretary.domain.val import (
    Kandidat,
    Nominering,
    Post,
    Valsatt,
    Valsedel,
    Valsedelsgrupp,
    dra_lott,
    entledigande_sista_dag,
    ersattarval_hinder,
    fordela,
    fyllnadsval_period,
    inkallelseordning,
    jamforelsetal_tabell,
    post_hinder,
    proportionellt_begart,
    resultat,
    sluten,
    troskel,
    valsedelsgrupper,
)

D = dt.date


def k(name: str, party: str = "") -> Kandidat:
    first, _, last = name.partition(" ")
    return Kandidat(first, last, party)


def lista(party: str, n: int) -> tuple[Kandidat, ...]:
    return tuple(k(f"{party}{i} Namn", party) for i in range(1, n + 1))


# --- LPV 2 §: the request threshold --------------------------------------------------------


@pytest.mark.parametrize(
    ("narvarande", "platser", "kravs"),
    [
        (51, 11, 5),  # SKR's example: 51 / 12 = 4,25 -> 5
        (51, 7, 7),  # SKR's example: 51 / 8 = 6,375 -> 7
        (61, 5, 11),  # 61 / 6 = 10,17 -> 11
        (61, 11, 6),  # 61 / 12 = 5,08 -> 6
        (60, 5, 10),  # 60 / 6 = 10 exactly: no rounding
        (101, 13, 8),  # 101 / 14 = 7,21 -> 8
        (45, 1, 23),  # one seat: more than half must ask
    ],
)
def test_threshold_is_present_divided_by_seats_plus_one_rounded_up(
    narvarande: int, platser: int, kravs: int
) -> None:
    """LPV 2 §: 'minst så många väljande som motsvarar den kvot man får om antalet närvarande
    ledamöter delas med det antal personer som valet avser, ökat med 1'; a fraction is
    rounded up to the next whole number."""
    assert troskel(narvarande, platser) == kravs


@pytest.mark.parametrize(("narvarande", "platser"), [(51, 11), (51, 7), (61, 5), (60, 5), (61, 9)])
def test_just_below_the_threshold_is_refused_and_at_it_granted(
    narvarande: int, platser: int
) -> None:
    """LPV 2 §: the val 'ska vara proportionellt' when at least the quotient ask; one fewer
    is not enough."""
    t = troskel(narvarande, platser)
    assert not proportionellt_begart(t - 1, narvarande, platser)
    assert proportionellt_begart(t, narvarande, platser)
    assert proportionellt_begart(t + 1, narvarande, platser)


def test_a_val_of_no_seats_has_no_threshold() -> None:
    """LPV 2 § divides by 'det antal personer som valet avser': a val is of at least one."""
    with pytest.raises(ValueError):
        troskel(61, 0)


# --- LPV 3 §: ersättare only after a proportional val of ledamöter --------------------------


def test_ersattare_proportionally_only_if_the_ledamoter_were() -> None:
    """LPV 3 §: 'Val av ersättare och suppleanter får vara proportionellt endast om valet av
    ledamöter varit proportionellt.'"""
    assert ersattarval_hinder(Valsatt.ACKLAMATION, Valsatt.PROPORTIONELL) is not None
    assert ersattarval_hinder(None, Valsatt.PROPORTIONELL) is not None
    assert ersattarval_hinder(Valsatt.PROPORTIONELL, Valsatt.PROPORTIONELL) is None
    # Ersättare may always be elected by majority, whatever the ledamöter were.
    assert ersattarval_hinder(Valsatt.PROPORTIONELL, Valsatt.ACKLAMATION) is None


# --- valsedelsgrupper -------------------------------------------------------------------


def test_same_label_and_same_list_form_one_group_a_different_list_another() -> None:
    """LPV 7 § (a gruppbeteckning on every ballot) with prop. 2021/22:125: ballots with the
    same gruppbeteckning and name list form one valsedelsgrupp; the same label over another
    list is a group of its own, so a label cannot be borrowed to gain seats."""
    s_lista = lista("S", 3)
    annan = (s_lista[1], s_lista[0], s_lista[2])
    sedlar = (
        [Valsedel("S", s_lista)] * 4 + [Valsedel("S", annan)] * 2 + [Valsedel("M", lista("M", 2))]
    )
    grupper, blanka = valsedelsgrupper(sedlar)
    assert [(g.beteckning, g.roster) for g in grupper] == [("S", 4), ("S", 2), ("M", 1)]
    assert blanka == 0


def test_blank_ballots_count_for_no_group() -> None:
    """A blank ballot names no group and no person: it is counted apart and decides no seat
    (domain.md, Val: 'Blank ballots decide nothing')."""
    sedlar = (
        [Valsedel("S", lista("S", 2))] * 3 + [Valsedel("")] * 5 + [Valsedel("M", lista("M", 2))] * 2
    )
    grupper, blanka = valsedelsgrupper(sedlar)
    assert blanka == 5
    assert sum(g.roster for g in grupper) == 5
    f = fordela(grupper, 3)
    assert [p.kandidat.parti for p in f.platser] == ["S", "M", "S"]


# --- the distribution by jämförelsetal ---------------------------------------------------


def test_worked_example_five_seats_from_a_kf_of_61() -> None:
    """Jämförelsetal: the group's votes divided by 1, 2, 3 … (one more than the seats it has),
    the largest takes the next seat (SKR's examples of a val under LPV).
    S 24, M 20, SD 10, V 7: S 24, M 20, S 24/2 = 12; then M 20/2 = 10 and SD 10 are equal."""
    grupper = [
        Valsedelsgrupp("S", lista("S", 5), 24),
        Valsedelsgrupp("M", lista("M", 5), 20),
        Valsedelsgrupp("SD", lista("SD", 5), 10),
        Valsedelsgrupp("V", lista("V", 5), 7),
    ]
    f = fordela(grupper, 5)
    # Seats 1–3: S 24, M 20, S 12; seat 4: M/2 = 10 and SD 10 tie: a lottning is needed.
    assert [(p.nummer, p.grupp, p.jamforelsetal) for p in f.platser] == [
        (1, 0, Fraction(24)),
        (2, 1, Fraction(20)),
        (3, 0, Fraction(12)),
    ]
    assert f.behov is not None
    assert (f.behov.plats, f.behov.mellan) == (4, (1, 2))


def test_a_tie_in_jamforelsetal_is_settled_by_the_recorded_lottning() -> None:
    """Equal jämförelsetal are settled by lot (as in vallagen 14 kap. 2 § and SKR's examples
    for LPV), never by an utslagsröst; the outcome drawn is recorded and the count goes on."""
    grupper = [
        Valsedelsgrupp("S", lista("S", 5), 24),
        Valsedelsgrupp("M", lista("M", 5), 20),
        Valsedelsgrupp("SD", lista("SD", 5), 10),
        Valsedelsgrupp("V", lista("V", 5), 7),
    ]
    # SD wins the lot for seat 4; seat 5 then: M 10 against S 8 -> M.
    f = fordela(grupper, 5, {4: 2})
    assert f.klar
    assert [(p.nummer, grupper[p.grupp].beteckning) for p in f.platser] == [
        (1, "S"),
        (2, "M"),
        (3, "S"),
        (4, "SD"),
        (5, "M"),
    ]
    assert f.platser[3].lottning == (1, 2)
    assert [p.kandidat.namn for p in f.for_grupp(0)] == ["S1 Namn", "S2 Namn"]
    # The other outcome of the same lot: M takes seat 4, then SD 10 against S 8 -> SD.
    g = fordela(grupper, 5, {4: 1})
    assert [grupper[p.grupp].beteckning for p in g.platser] == ["S", "M", "S", "M", "SD"]


def test_an_outcome_naming_a_group_not_in_the_tie_is_not_taken() -> None:
    """The lot is drawn among those with equal jämförelsetal only."""
    grupper = [Valsedelsgrupp("A", lista("A", 2), 10), Valsedelsgrupp("B", lista("B", 2), 10)]
    grupper.append(Valsedelsgrupp("C", lista("C", 2), 3))
    f = fordela(grupper, 1, {1: 2})
    assert not f.klar
    assert f.behov is not None and f.behov.mellan == (0, 1)


def test_the_program_may_draw_the_lot_with_an_injected_random() -> None:
    """A lottning's outcome must be random among the tied; tests inject the generator."""
    assert dra_lott((1, 2), random.Random(7)) in (1, 2)
    outcomes = {dra_lott((1, 2), random.Random(seed)) for seed in range(20)}
    assert outcomes == {1, 2}


def test_a_group_with_its_names_used_up_takes_no_more_seats() -> None:
    """A seat goes to a person on the group's list; with none left the seat passes to the
    next jämförelsetal (SKR)."""
    grupper = [Valsedelsgrupp("S", lista("S", 1), 30), Valsedelsgrupp("M", lista("M", 3), 10)]
    f = fordela(grupper, 3)
    assert [grupper[p.grupp].beteckning for p in f.platser] == ["S", "M", "M"]


def test_jamforelsetal_table_explains_each_seat() -> None:
    """The protocol shows the jämförelsetal that gave each seat: votes / 1, 2, 3 …"""
    grupper = [Valsedelsgrupp("S", lista("S", 3), 9), Valsedelsgrupp("M", lista("M", 3), 4)]
    f = fordela(grupper, 3)
    assert jamforelsetal_tabell(grupper, f) == [
        [Fraction(9), Fraction(9, 2), Fraction(3)],
        [Fraction(4), Fraction(2)],
    ]


# --- ersättare: called in in the order of their group -----------------------------------


def test_proportional_ersattare_are_called_in_the_order_of_their_group() -> None:
    """LPV 3 § allows the ersättare proportionally after a proportional val of ledamöter;
    ersättare so elected are called in in the order of their valsedelsgrupp's list, not in
    seat order across the groups."""
    s = (k("Sara Ek", "S"), k("Sven Al", "S"), k("Siv Bok", "S"))
    m = (k("Mats Lind", "M"), k("Maja Gran", "M"))
    grupper = [Valsedelsgrupp("S", s, 24), Valsedelsgrupp("M", m, 20)]
    post = Post(
        "socialnämnden", Roll.ERSATTARE, 4, valsatt=Valsatt.PROPORTIONELL, grupper=tuple(grupper)
    )
    res = resultat(post)
    # Seats: S 24, M 20, S 12, M 10.
    assert [p.kandidat.namn for p in res.fordelning.platser] == [  # type: ignore[union-attr]
        "Sara Ek",
        "Mats Lind",
        "Sven Al",
        "Maja Gran",
    ]
    assert [x.namn for x in res.valda] == ["Sara Ek", "Sven Al", "Mats Lind", "Maja Gran"]
    assert res.ordning == (1, 2, 1, 2)
    assert inkallelseordning(grupper, res.fordelning) == {  # type: ignore[arg-type]
        0: [s[0], s[1]],
        1: [m[0], m[1]],
    }


def test_a_proportional_ersattare_post_after_an_acklamation_is_refused() -> None:
    """LPV 3 §: the ersättare post says why it cannot be proportional."""
    post = Post("socialnämnden", Roll.ERSATTARE, 5, valsatt=Valsatt.PROPORTIONELL, begarande=20)
    problems = post_hinder(post, 61, Valsatt.ACKLAMATION)
    assert any("3 § lagen (2022:629)" in p for p in problems)
    assert post_hinder(post, 61, Valsatt.PROPORTIONELL) == []


def test_a_post_without_enough_requests_is_refused_with_the_numbers() -> None:
    """LPV 2 §: 61 present, 5 seats: 11 must ask."""
    post = Post("socialnämnden", Roll.LEDAMOT, 5, valsatt=Valsatt.PROPORTIONELL, begarande=10)
    assert post_hinder(post, 61, None) == [
        "Proportionellt val kräver att minst 11 av 61 närvarande ledamöter begär det "
        "(2 § lagen (2022:629) om proportionella val i kommuner och regioner); "
        "10 har begärt det."
    ]


# --- sluten omröstning ------------------------------------------------------------------


def test_sluten_most_votes_elected_blank_and_invalid_decide_nothing() -> None:
    """A majority val by closed ballot: the most votes win; blank and invalid ballots are
    counted apart and decide nothing (domain.md, Val)."""
    a, b, c = k("Anna Berg", "S"), k("Bo Dahl", "M"), k("Cilla Ek", "V")
    res = sluten([(a, 20), (b, 22), (c, 3)], 1)
    assert res.valda == (b,)
    post = Post(
        "valnämnden",
        Roll.LEDAMOT,
        1,
        valsatt=Valsatt.SLUTEN,
        nomineringar=(Nominering(a), Nominering(b)),
        roster=(20, 21),
        blanka=15,
        ogiltiga=4,
    )
    assert resultat(post).valda == (b,)  # 15 blank do not help anyone


def test_sluten_tie_is_settled_by_lottning_never_utslagsrost() -> None:
    """In val a tie is decided by lottning, never by the chair's utslagsröst (domain.md, Val;
    KL 5 kap. 56 § för fullmäktige (verify))."""
    a, b = k("Anna Berg", "S"), k("Bo Dahl", "M")
    res = sluten([(a, 22), (b, 22)], 1)
    assert not res.klar
    assert res.behov is not None and res.behov.mellan == (0, 1)
    drawn = sluten([(a, 22), (b, 22)], 1, {1: 1})
    assert drawn.valda == (b,)
    assert drawn.lottningar == ((1, (0, 1), 1),)


def test_sluten_tie_that_fits_in_the_seats_needs_no_lottning() -> None:
    a, b, c = k("Anna Berg", "S"), k("Bo Dahl", "M"), k("Cilla Ek", "V")
    assert sluten([(a, 10), (b, 10), (c, 2)], 2).valda == (a, b)


# --- fyllnadsval and entledigande ------------------------------------------------------


def test_fyllnadsval_runs_for_the_rest_of_the_term_of_the_one_who_left() -> None:
    """A vacancy is filled by fyllnadsval for the remaining term (prop. 2021/22:125 let a
    nämnd's proportionally elected ledamot be replaced so)."""
    assert fyllnadsval_period(D(2027, 3, 15), D(2030, 12, 31)) == (D(2027, 3, 15), D(2030, 12, 31))
    # A later start set by the decision is kept; an earlier one is not possible.
    assert fyllnadsval_period(D(2027, 3, 15), D(2030, 12, 31), D(2027, 4, 1))[0] == D(2027, 4, 1)
    assert fyllnadsval_period(D(2027, 3, 15), D(2030, 12, 31), D(2027, 1, 1))[0] == D(2027, 3, 15)
    with pytest.raises(ValueError):
        fyllnadsval_period(D(2031, 1, 10), D(2030, 12, 31))


def test_fyllnadsval_elects_one_in_the_place_of_another() -> None:
    post = Post(
        "socialnämnden",
        Roll.LEDAMOT,
        1,
        fran=D(2027, 3, 15),
        till=D(2030, 12, 31),
        efter=k("Karin Ek", "M"),
        nomineringar=(Nominering(k("Lars Holm", "M"), "Valberedningen"),),
    )
    assert resultat(post).valda == (k("Lars Holm", "M"),)


def test_an_entledigande_from_a_date_ends_the_uppdrag_the_day_before() -> None:
    """An uppdrag ended 'från och med' a date is not held on that date."""
    assert entledigande_sista_dag(D(2027, 3, 15)) == D(2027, 3, 14)


def test_present_for_lpv_2_counts_each_seat_once() -> None:
    """LPV 2 § 'närvarande ledamöter': a ledamot in the room counts, also when jävig for the
    § (the författningskommentar: also one who does not take part); an ersättare serving in
    an absent ledamot's seat counts for it; the ersättare serving for a jävig ledamot in the
    room is the same seat; a seat with no one in it does not count."""
    from secretary.domain.narvaro import ParagrafNarvaro
    from secretary.domain.val import narvarande_ledamoter

    narvaro = ParagrafNarvaro(
        position=0,
        present=frozenset({1, 2, 3, 10, 11}),  # ledamöter 1-3, ersättare 10 and 11
        distans=frozenset(),
        javiga=frozenset({2, 3}),
        seats={1: 1, 2: 10, 3: None, 4: 11, 5: None},
    )
    # Seat 1 its ledamot; 2 a jävig ledamot and ersättare 10 for the §: once; 3 a jävig
    # ledamot with no ersättare: still in the room; 4 ersättare 11 for an absent ledamot;
    # 5 empty.
    assert narvarande_ledamoter(narvaro) == 4
