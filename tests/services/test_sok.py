"""Full-text search across every § of every meeting (issue 7): what a secretary types in
the search box, and what comes back."""

from __future__ import annotations

import datetime as dt

import pytest

from secretary.domain.yrkanden import YrkandeTyp
from secretary.services import agenda, beslut, demo, session, sok
from secretary.services.errors import ServiceError
from secretary.services.register import list_members, list_organs
from secretary.store.database import Store
from tests import builders

BYGGLOV = agenda.ArendeInput(
    rubrik="Bygglov för nybyggnad av förskola på Ödegården 1:4",
    dnr="BN 2021/123",
    sammanfattning=(
        "Samhällsbyggnadsförvaltningen har prövat ansökan om bygglov för en förskola med "
        "sex avdelningar. Grannar har hörts och två har lämnat synpunkter på trafiken."
    ),
    forslag_till_beslut="att bevilja bygglov\natt avgiften fastställs till 48 000 kronor",
)
SKOLSKJUTS = agenda.ArendeInput(
    rubrik="Riktlinjer för skolskjuts",
    dnr="BN 2021/124",
    sammanfattning="Barn- och utbildningsförvaltningen föreslår nya riktlinjer.",
    forslag_till_beslut="att anta riktlinjerna",
)


def arende(store: Store, meeting_id: int, data: agenda.ArendeInput) -> agenda.ArendeData:
    return agenda.add_arende(store, meeting_id, data)


@pytest.fixture
def register_2021(store: Store) -> tuple[Store, int, agenda.ArendeData, agenda.ArendeData]:
    """Byggnadsnämnden with an earlier meeting, so the §§ do not start at 1."""
    bn = builders.organ(store, "Byggnadsnämnden", pattern="BN ÅÅÅÅ/###")
    builders.meeting(store, bn, dt.date(2021, 2, 3), arenden=7)
    meeting = builders.meeting(store, bn, dt.date(2021, 3, 10))
    return (
        store,
        meeting.id,
        arende(store, meeting.id, BYGGLOV),
        arende(store, meeting.id, SKOLSKJUTS),
    )


def ids(result: sok.Sokresultat) -> list[int]:
    return [t.arende_id for t in result.traffar]


def marked(m: sok.Markerad) -> list[str]:
    return [m.text[s:e] for s, e in m.traffar]


def test_a_word_finds_the_paragraf_with_where_it_stands_in_the_protocol(register_2021) -> None:  # type: ignore[no-untyped-def]
    store, meeting_id, bygglov, _ = register_2021

    (hit,) = sok.sok(store, "förskola").traffar

    assert hit.arende_id == bygglov.id
    assert hit.meeting_id == meeting_id
    assert (hit.organ, hit.datum, hit.paragraf) == ("Byggnadsnämnden", dt.date(2021, 3, 10), 8)
    assert hit.paragraf == bygglov.paragraf
    assert hit.dnr.text == "BN 2021/123"
    assert marked(hit.rubrik) == ["förskola"]
    assert hit.falt == "Sammanfattning"
    assert marked(hit.utdrag) == ["förskola"]


def test_typing_part_of_a_word_finds_it_and_swedish_letters_are_letters(register_2021) -> None:  # type: ignore[no-untyped-def]
    store, _, bygglov, _ = register_2021
    assert ids(sok.sok(store, "bygglo")) == [bygglov.id]
    assert ids(sok.sok(store, "ÖDEGÅ")) == [bygglov.id]
    assert ids(sok.sok(store, "samhällsbygg")) == [bygglov.id]
    # å ä ö are letters of their own: 'hord' is not 'hörd', 'forsko' is not 'försko'.
    assert ids(sok.sok(store, "hort")) == []
    assert ids(sok.sok(store, "forsko")) == []


def test_every_word_must_be_found(register_2021) -> None:  # type: ignore[no-untyped-def]
    store, _, bygglov, skolskjuts = register_2021
    assert set(ids(sok.sok(store, "riktlinje"))) == {skolskjuts.id}
    assert set(ids(sok.sok(store, "att"))) == {bygglov.id, skolskjuts.id}
    assert ids(sok.sok(store, "att bevilja")) == [bygglov.id]
    assert ids(sok.sok(store, "bygglov skolskjuts")) == []


def test_a_dnr_finds_its_paragraf_and_not_its_neighbour(register_2021) -> None:  # type: ignore[no-untyped-def]
    store, _, bygglov, skolskjuts = register_2021
    (hit,) = sok.sok(store, "BN 2021/123").traffar
    assert hit.arende_id == bygglov.id
    assert marked(hit.dnr) == ["BN", "2021/123"]
    assert ids(sok.sok(store, "2021/124")) == [skolskjuts.id]
    assert set(ids(sok.sok(store, "2021/12"))) == {bygglov.id, skolskjuts.id}  # while typing
    assert ids(sok.sok(store, "123/2021")) == []


def test_quoted_words_must_stand_together(register_2021) -> None:  # type: ignore[no-untyped-def]
    store, _, bygglov, _ = register_2021
    assert ids(sok.sok(store, '"bygglov för en förskola"')) == [bygglov.id]
    assert ids(sok.sok(store, '"förskola bygglov"')) == []


def test_the_beslut_is_found_as_the_protocol_shows_it(store: Store) -> None:
    """Unedited, the beslut is the förslag or a winning yrkande; edited, its att-satser."""
    demo.create_demo(store)
    organ = list_organs(store)[0]
    meeting = agenda.list_meetings(store, organ.id)[0]
    state = session.start_session(store, meeting.id, dt.datetime(2026, 11, 30, 13, 0))
    for seat in state.tidslinje.seats:
        session.mark_upprop(store, meeting.id, seat, session.Upprop.NARVARANDE)
    people = {m.name: m.person_id for m in list_members(store, organ.id)}
    first = state.arenden[0].id

    assert first in ids(sok.sok(store, "projektpartner"))  # the förslag till beslut
    assert ids(sok.sok(store, "vänort")) == []

    yrkande = beslut.add_yrkande(
        store,
        first,
        YrkandeTyp.ANDRING,
        people["Anders Almqvist"],
        text="att projektet inriktas på en vänort i Tanzania",
    ).id
    (hit,) = sok.sok(store, "vänort").traffar
    assert (hit.arende_id, hit.falt) == (first, "Yrkanden")
    beslut.remove_yrkande(store, yrkande)
    assert ids(sok.sok(store, "vänort")) == []

    beslut.set_beslut(store, first, None, ["att uppdra åt kommundirektören att utreda saken"])
    (hit,) = sok.sok(store, "kommundirektören utreda").traffar
    assert (hit.arende_id, hit.falt) == (first, "Beslut")
    beslut.set_beslut(store, first, None, None)
    assert ids(sok.sok(store, "kommundirektören utreda")) == []


def test_changes_to_the_agenda_show_at_once(register_2021) -> None:  # type: ignore[no-untyped-def]
    store, meeting_id, bygglov, skolskjuts = register_2021
    agenda.update_arende(
        store, bygglov.id, agenda.ArendeInput("Rivningslov för ladugård", dnr="BN 2021/123")
    )
    assert ids(sok.sok(store, "förskola")) == []
    assert ids(sok.sok(store, "ladugård")) == [bygglov.id]

    agenda.move_arende(store, skolskjuts.id, 0)  # § numbers follow the agenda
    assert sok.sok(store, "skolskjuts").traffar[0].paragraf == 8
    assert sok.sok(store, "ladugård").traffar[0].paragraf == 9

    agenda.remove_arende(store, bygglov.id)
    assert ids(sok.sok(store, "ladugård")) == []
    agenda.delete_meeting(store, meeting_id)
    assert ids(sok.sok(store, "skolskjuts")) == []


def test_paragraf_numbers_are_those_of_the_agenda_across_organs_and_years(store: Store) -> None:
    ks = builders.organ(store, "Kommunstyrelsen")
    bn = builders.organ(store, "Byggnadsnämnden")
    made = [
        builders.meeting(store, ks, dt.date(2025, 11, 3), arenden=2, start=300),
        builders.meeting(store, ks, dt.date(2025, 12, 1), arenden=3),
        builders.meeting(store, ks, dt.date(2026, 1, 12), arenden=2),
        builders.meeting(store, bn, dt.date(2026, 1, 12), arenden=4),
        builders.meeting(store, bn, dt.date(2026, 2, 9), arenden=2),
    ]
    for m in made:
        builders.meeting(store, m.organ_id, m.date.replace(day=20), arenden=1)
    expected = {
        a.id: a.paragraf
        for m in made
        for a in agenda.list_arenden(store, m.id)
        if a.position % 2 == 0
    }
    for arende_id in expected:
        agenda.update_arende(store, arende_id, agenda.ArendeInput("Delegationsbeslut"))

    result = sok.sok(store, "delegationsbeslut")

    assert {t.arende_id: t.paragraf for t in result.traffar} == expected


def test_a_word_in_the_rubrik_ranks_above_the_same_word_in_a_long_text(store: Store) -> None:
    ks = builders.organ(store)
    meeting = builders.meeting(store, ks, dt.date(2026, 4, 1))
    filler = "Förvaltningen redovisar ärendet i sin helhet. " * 20
    in_text = arende(
        store,
        meeting.id,
        agenda.ArendeInput("Årsredovisning 2025", sammanfattning=filler + "Även taxor berörs."),
    )
    in_rubrik = arende(store, meeting.id, agenda.ArendeInput("Taxor för 2027"))
    assert ids(sok.sok(store, "taxor")) == [in_rubrik.id, in_text.id]


def test_at_most_the_limit_is_returned_and_it_says_there_are_more(store: Store) -> None:
    ks = builders.organ(store)
    meeting = builders.meeting(store, ks, dt.date(2026, 4, 1))
    for i in range(5):
        arende(store, meeting.id, agenda.ArendeInput(f"Anmälan av delegationsbeslut {i}"))
    few = sok.sok(store, "anmälan", limit=3)
    assert len(few.traffar) == 3 and few.fler
    every = sok.sok(store, "anmälan", limit=5)
    assert len(every.traffar) == 5 and not every.fler


def test_the_utdrag_is_short_and_marks_the_word_where_it_stands(store: Store) -> None:
    ks = builders.organ(store)
    meeting = builders.meeting(store, ks, dt.date(2026, 4, 1))
    long_text = (
        "Inledning om ärendet. " * 10
        + "Här står det om vindkraft\noch dess tillstånd. "
        + "Avslutning. " * 20
    )
    arende(store, meeting.id, agenda.ArendeInput("Yttrande", sammanfattning=long_text))
    (hit,) = sok.sok(store, "vindkraft").traffar
    assert marked(hit.utdrag) == ["vindkraft"]
    assert hit.utdrag.text.startswith("… ") and hit.utdrag.text.endswith(" …")
    assert "vindkraft och dess tillstånd" in hit.utdrag.text  # on one line
    assert len(hit.utdrag.text) <= sok.UTDRAG_LANGD + 4


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        '"',
        '"""',
        "*",
        "AND",
        "bygglov OR",
        "NOT förskola",
        "NEAR(bygglov förskola)",
        "rubrik:bygglov",
        "bygg* -lov",
        "^bygg",
        "(bygglov",
        "'; DROP TABLE arende; --",
        "a & b | !c <-> d:*",
        "\x00\\",
        "bygglov " * 200,
        "x" * 5000,
    ],
)
def test_whatever_is_typed_gives_hits_or_none_never_an_error(register_2021, typed: str) -> None:  # type: ignore[no-untyped-def]
    store, *_ = register_2021
    result = sok.sok(store, typed)
    assert isinstance(result.traffar, tuple)
    assert len(sok.sok(store, "förskola").traffar) == 1  # and the database is still fine


def test_nothing_to_search_for_gives_no_hits(register_2021) -> None:  # type: ignore[no-untyped-def]
    store, *_ = register_2021
    for typed in ("", "  ", "–", "§ !?", '""'):
        assert sok.sok(store, typed) == sok.Sokresultat((), False)


def test_a_failing_search_is_a_swedish_message(
    register_2021, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    store, *_ = register_2021
    monkeypatch.setattr(sok, "fts5_fraga", lambda _fr: '"')
    monkeypatch.setattr(sok, "tsquery", lambda _fr: "&&")
    with pytest.raises(ServiceError, match="Sökningen kunde inte göras"):
        sok.sok(store, "förskola")
    monkeypatch.undo()
    assert len(sok.sok(store, "förskola").traffar) == 1


def test_a_word_in_very_many_paragrafer_is_ranked_among_the_newest(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ranking every § of a ten-year archive that holds 'att' costs more than a key press
    may; above RANKAS such §§ only the newest are ranked."""
    ks = builders.organ(store)
    meeting = builders.meeting(store, ks, dt.date(2026, 4, 1))
    oldest = arende(store, meeting.id, agenda.ArendeInput("Taxa för bygglov"))
    newer = [
        arende(
            store,
            meeting.id,
            agenda.ArendeInput(f"Ärende {i}", sammanfattning="Lång text om ärendet. " * 9 + "taxa"),
        )
        for i in range(4)
    ]
    assert ids(sok.sok(store, "taxa"))[0] == oldest.id
    monkeypatch.setattr(sok, "RANKAS", 3)
    result = sok.sok(store, "taxa")
    assert set(ids(result)) == {a.id for a in newer[1:]}
    assert result.fler


def test_the_very_dnr_typed_ranks_above_those_that_begin_like_it(store: Store) -> None:
    ks = builders.organ(store)
    meeting = builders.meeting(store, ks, dt.date(2021, 6, 1))
    for dnr in ("KSAU 2021/795", "KS 2021/790", "KS 2021/79", "KS 2021/7900"):
        arende(store, meeting.id, agenda.ArendeInput("Medborgarförslag om belysning", dnr=dnr))
    hits = sok.sok(store, "KS 2021/79").traffar
    assert hits[0].dnr.text == "KS 2021/79"
    assert len(hits) == 4  # the others still found: the dnr may be half typed
    assert sok.sok(store, "bygglov").traffar == ()


def test_a_very_long_text_is_kept_and_its_start_found(store: Store) -> None:
    """A tsvector holds 1 MB: a long sammanfattning once failed every write of its ärende on
    PostgreSQL. The text is kept whole; the search reads its first 60 000 characters."""
    organ = builders.organ(store)
    meeting = builders.meeting(store, organ, dt.date(2026, 5, 4), arenden=0)
    words = " ".join(f"ord{n:06d}" for n in range(90_000))  # 900 000 characters
    a = arende(store, meeting.id, agenda.ArendeInput("Långt ärende", sammanfattning=words))
    assert len(agenda.list_arenden(store, meeting.id)[0].sammanfattning) == len(words)
    assert ids(sok.sok(store, "ord000001")) == [a.id]
