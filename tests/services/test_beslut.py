"""Recording a contested § live through the service door (issue: yrkanden, votering)."""

from __future__ import annotations

import datetime as dt

import pytest

from secretary.domain.beslutsgang import ReservationTyp
from secretary.domain.votering import Rost
from secretary.domain.yrkanden import FORSLAG, YrkandeTyp, nyckel
from secretary.services import avslut, beslut, demo, session
from secretary.services.agenda import list_meetings
from secretary.services.errors import ServiceError
from secretary.services.register import list_members, list_organs
from secretary.store.database import Store

NOW = dt.datetime(2026, 11, 30, 13, 0)
T = YrkandeTyp


@pytest.fixture
def mote(store: Store) -> tuple[Store, int, int, dict[str, int]]:
    """The demo meeting with every ledamot present; returns the first ärende's id."""
    demo.create_demo(store)
    organ = list_organs(store)[0]
    meeting = list_meetings(store, organ.id)[0]
    state = session.start_session(store, meeting.id, NOW)
    for seat in state.tidslinje.seats:
        session.mark_upprop(store, meeting.id, seat, session.Upprop.NARVARANDE)
    people = {m.name: m.person_id for m in list_members(store, organ.id)}
    return store, meeting.id, state.arenden[0].id, people


def test_a_contested_paragraf_with_two_voteringar(
    mote: tuple[Store, int, int, dict[str, int]],
) -> None:
    store, _, arende, p = mote
    beslut.add_yrkande(store, arende, T.BIFALL, p["Petra Sandström"], instammande=[p["Johan Berg"]])
    avslag = beslut.add_yrkande(store, arende, T.AVSLAG, p["Anders Almqvist"]).id
    andring = beslut.add_yrkande(
        store, arende, T.ANDRING, p["Karin Strand Svensson"], text="att projektet startar 2027"
    ).id
    vy = beslut.load_paragraf(store, arende)
    assert [a for a in vy.nasta[1].steg.alternativ] == [FORSLAG, nyckel(avslag), nyckel(andring)]  # type: ignore[index]
    beslut.besvara(store, arende, FORSLAG, votering_begard=True)
    beslut.besvara(store, arende, nyckel(andring), votering_begard=True)  # kontra, a pair
    for name in ("Karin Strand Svensson", "Birger Hedlund", "Johan Berg"):
        beslut.rosta(store, arende, p[name], Rost.JA)
    assert beslut.resten(store, arende, Rost.NEJ).id == 4
    vy = beslut.load_paragraf(store, arende)
    assert vy.oppen_votering is None  # 3 ja, 4 nej: the avslag is the motförslag
    beslut.besvara(store, arende, "")  # the huvudvotering opens
    assert vy.nasta is not None
    beslut.rosta(store, arende, p["Anders Almqvist"], Rost.NEJ)
    beslut.rosta(store, arende, p["Maria Ek"], Rost.NEJ)
    beslut.rosta(store, arende, p["Karin Strand Svensson"], Rost.AVSTAR)
    beslut.resten(store, arende, Rost.JA)
    vy = beslut.load_paragraf(store, arende)
    assert vy.utfall.avgjort
    assert len(vy.utfall.voteringar) == 2
    assert vy.beslutsgang_text[0].endswith(
        "Med 4 ja-röster mot 2 nej-röster, 1 avstår, beslutar arbetsutskottet enligt "
        "förvaltningens förslag."
    )
    assert vy.beslut_att[0].startswith("att tillsätta en projektgrupp")
    assert vy.reservation_forslag == {p["Anders Almqvist"], p["Maria Ek"]}
    with pytest.raises(ServiceError, match="avstod från att rösta"):
        beslut.add_reservation(store, arende, p["Karin Strand Svensson"])
    beslut.add_reservation(store, arende, p["Anders Almqvist"])
    beslut.add_reservation(store, arende, p["Maria Ek"])
    vy = beslut.load_paragraf(store, arende)
    assert vy.reservation_text == (  # Ek made no yrkande: she voted for Almqvist's
        "Anders Almqvist (S) och Maria Ek (S) reserverar sig mot beslutet till förmån för "
        "Anders Almqvists (S) avslagsyrkande.",
    )
    assert vy.brister == ()


def test_only_those_serving_may_propose(mote: tuple[Store, int, int, dict[str, int]]) -> None:
    store, meeting_id, arende, p = mote
    session.mark_upprop(store, meeting_id, p["Fanny Jönsson"], session.Upprop.NARVARANDE)
    with pytest.raises(ServiceError, match="Fanny Jönsson \\(S\\) tjänstgör inte i § 335"):
        beslut.add_yrkande(store, arende, T.AVSLAG, p["Fanny Jönsson"])
    with pytest.raises(ServiceError, match="kan inte instämma"):
        beslut.add_yrkande(store, arende, T.BIFALL, p["Maria Ek"], instammande=[p["Fanny Jönsson"]])


def test_no_decision_without_quorum_until_the_override_is_confirmed(store: Store) -> None:
    demo.create_demo(store)
    organ = list_organs(store)[0]
    meeting = list_meetings(store, organ.id)[0]
    state = session.start_session(store, meeting.id, NOW)
    chair = state.tidslinje.seats[-1]
    session.mark_upprop(store, meeting.id, chair, session.Upprop.NARVARANDE)
    arende = state.arenden[0].id
    with pytest.raises(ServiceError, match="Beslutförhet saknas i § 335"):
        beslut.besvara(store, arende, FORSLAG)
    session.quorum_override(store, meeting.id, 0, NOW, "Ordföranden fortsatte")
    beslut.besvara(store, arende, FORSLAG)
    assert beslut.load_paragraf(store, arende).utfall.avgjort


def test_the_beslut_is_not_written_without_quorum_unless_overridden_for_that_paragraf(
    store: Store,
) -> None:
    demo.create_demo(store)
    organ = list_organs(store)[0]
    meeting = list_meetings(store, organ.id)[0]
    state = session.start_session(store, meeting.id, NOW)
    session.mark_upprop(store, meeting.id, state.tidslinje.seats[-1], session.Upprop.NARVARANDE)
    first, second = state.arenden[0].id, state.arenden[1].id
    with pytest.raises(ServiceError, match=r"Beslutförhet saknas i § 335.*Bekräfta undantag"):
        beslut.set_beslut(store, first, None, ["att bevilja medel"])
    with pytest.raises(ServiceError, match="Beslutförhet saknas i § 335"):
        beslut.set_beslut(store, first, "Arbetsutskottet beslutar", None)
    assert beslut.load_paragraf(store, first).beslut_att != ("att bevilja medel",)
    beslut.set_beslut(store, first, None, None)  # back to the proposal: nothing is decided
    session.quorum_override(store, meeting.id, 0, NOW, "Ordföranden fortsatte")
    done = beslut.set_beslut(store, first, None, ["att bevilja medel"])
    assert done.vy is not None and done.vy.beslut_att == ("att bevilja medel",)
    with pytest.raises(ServiceError, match="Beslutförhet saknas i § 336"):
        beslut.set_beslut(store, second, None, ["att bevilja medel"])  # the override was § 335's


def test_yrkanden_are_locked_once_the_chair_has_put_a_proposition(
    mote: tuple[Store, int, int, dict[str, int]],
) -> None:
    store, _, arende, p = mote
    beslut.add_yrkande(store, arende, T.AVSLAG, p["Anders Almqvist"])
    beslut.besvara(store, arende, FORSLAG)
    with pytest.raises(ServiceError, match="Ångra stegen först"):
        beslut.add_yrkande(store, arende, T.AVSLAG, p["Maria Ek"])
    undone = beslut.angra_steg(store, arende)
    assert undone.undo is not None
    beslut.add_yrkande(store, arende, T.BIFALL, p["Maria Ek"])
    beslut.besvara(store, arende, FORSLAG)
    assert beslut.load_paragraf(store, arende).utfall.avgjort


def test_an_edited_text_is_kept_and_flagged_when_the_facts_change(
    mote: tuple[Store, int, int, dict[str, int]],
) -> None:
    store, _, arende, p = mote
    beslut.add_yrkande(store, arende, T.BIFALL, p["Petra Sandström"])
    beslut.set_text(store, arende, "yrkanden", "Ordföranden yrkar bifall.")
    vy = beslut.load_paragraf(store, arende)
    assert vy.yrkanden_text == ("Ordföranden yrkar bifall.",)
    assert vy.inaktuella == ()
    beslut.add_yrkande(store, arende, T.AVSLAG, p["Anders Almqvist"])
    vy = beslut.load_paragraf(store, arende)
    assert vy.yrkanden_text == ("Ordföranden yrkar bifall.",)
    assert vy.inaktuella == ("yrkanden",)
    beslut.set_text(store, arende, "yrkanden", None)
    assert len(beslut.load_paragraf(store, arende).yrkanden_text) == 2


def test_protokollsanteckning_by_a_non_serving_ersattare_follows_the_organs_rule(
    mote: tuple[Store, int, int, dict[str, int]],
) -> None:
    store, meeting_id, arende, p = mote
    session.mark_upprop(store, meeting_id, p["Fanny Jönsson"], session.Upprop.NARVARANDE)
    with pytest.raises(ServiceError, match="får bara tjänstgörande"):
        beslut.add_anteckning(store, arende, p["Fanny Jönsson"], "Jag vill anteckna...")
    beslut.add_anteckning(store, arende, p["Maria Ek"], "Vi välkomnar projektet.")
    assert [a.text for a in beslut.load_paragraf(store, arende).anteckningar] == [
        "Vi välkomnar projektet."
    ]


def test_closing_shows_the_checklist_first(mote: tuple[Store, int, int, dict[str, int]]) -> None:
    store, meeting_id, arende, p = mote
    beslut.add_yrkande(store, arende, T.AVSLAG, p["Anders Almqvist"])
    with pytest.raises(ServiceError, match=r"§ 335 Kommunalt partnerskap: .*saknar resultat"):
        avslut.close_meeting(store, meeting_id, NOW)
    state = avslut.close_meeting(store, meeting_id, NOW, trots_brister=True)
    assert state.state == "utkast"


def test_written_reservation_grounds_can_arrive_later(
    mote: tuple[Store, int, int, dict[str, int]],
) -> None:
    store, _, arende, p = mote
    beslut.add_yrkande(store, arende, T.AVSLAG, p["Anders Almqvist"])
    beslut.besvara(store, arende, FORSLAG)
    rid = beslut.add_reservation(store, arende, p["Anders Almqvist"], ReservationTyp.SKRIFTLIG).id
    beslut.set_reservation(store, rid, ReservationTyp.SKRIFTLIG, "Vi anser att …")
    vy = beslut.load_paragraf(store, arende)
    assert vy.reservation_text == (
        "Anders Almqvist (S) reserverar sig mot beslutet med hänvisning till skriftlig "
        "reservation.",
    )


def test_reading_a_paragraf_writes_nothing(mote: tuple[Store, int, int, dict[str, int]]) -> None:
    """Making a PDF reads every §; that must work on a read-only database."""
    from sqlalchemy import func, select

    from secretary.store.models import ParagrafBeslut

    store, meeting_id, arende, _ = mote
    beslut.load_paragraf(store, arende)
    beslut.kontrollista(store, meeting_id)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(ParagrafBeslut)) == 0


def test_reservations_are_listed_with_their_ids(
    mote: tuple[Store, int, int, dict[str, int]],
) -> None:
    store, _, arende, p = mote
    beslut.add_yrkande(store, arende, T.AVSLAG, p["Anders Almqvist"])
    beslut.besvara(store, arende, FORSLAG)
    rid = beslut.add_reservation(store, arende, p["Anders Almqvist"], ReservationTyp.SKRIFTLIG).id
    assert beslut.list_reservationer(store, arende) == [
        beslut.ReservationPost(rid, p["Anders Almqvist"], ReservationTyp.SKRIFTLIG, "")
    ]
    beslut.remove_reservation(store, rid)
    assert beslut.list_reservationer(store, arende) == []


def test_a_removed_yrkande_comes_back_under_its_own_id(
    mote: tuple[Store, int, int, dict[str, int]],
) -> None:
    """Undo gives a yrkande back as the same one: the propositionsordning names it by id."""
    store, _, arende, p = mote
    first = beslut.add_yrkande(store, arende, T.TILLAGG, p["Petra Sandström"], text="a").id
    second = beslut.add_yrkande(store, arende, T.TILLAGG, p["Anders Almqvist"], text="b").id
    beslut.remove_yrkande(store, first)
    back = beslut.add_yrkande(
        store, arende, T.TILLAGG, p["Petra Sandström"], text="a", yrkande_id=first
    ).id
    assert back == first
    # An id that is taken is not overwritten: the yrkande gets a new one.
    again = beslut.add_yrkande(
        store, arende, T.TILLAGG, p["Petra Sandström"], text="c", yrkande_id=second
    ).id
    assert again not in (first, second)
    assert len(beslut.load_paragraf(store, arende).beslut.yrkanden) == 3


def test_a_question_about_a_removed_yrkande_is_not_put(
    mote: tuple[Store, int, int, dict[str, int]],
) -> None:
    """The chair's hand-made order named a tillägg that was then removed: the § still reads,
    the order goes on without that question, and the protocol can be made."""
    from secretary.services.protokoll import protokoll_data

    store, meeting_id, arende, p = mote
    first = beslut.add_yrkande(store, arende, T.TILLAGG, p["Petra Sandström"], text="a").id
    second = beslut.add_yrkande(store, arende, T.TILLAGG, p["Anders Almqvist"], text="b").id
    huvud, fraga_1, fraga_2 = beslut.load_paragraf(store, arende).beslut.ordning
    beslut.set_ordning(store, arende, (fraga_2, fraga_1, huvud))
    beslut.remove_yrkande(store, second)
    vy = beslut.load_paragraf(store, arende)
    assert vy.beslut.ordning == (fraga_1, huvud)
    assert fraga_1.yrkande_id == first
    assert protokoll_data(store, meeting_id).arenden[0].paragraf > 0


def test_the_answer_that_finished_a_roll_call_can_be_taken_back(
    mote: tuple[Store, int, int, dict[str, int]],
) -> None:
    """A wrong key on the last name is the commonest slip of a roll call; taking it back
    must open the votering again, not be refused because the count is done."""
    store, _, arende, p = mote
    beslut.add_yrkande(store, arende, T.BIFALL, p["Petra Sandström"])
    beslut.add_yrkande(store, arende, T.AVSLAG, p["Anders Almqvist"])
    beslut.besvara(store, arende, FORSLAG, votering_begard=True)
    beslut.rosta(store, arende, p["Anders Almqvist"], Rost.NEJ)
    beslut.resten(store, arende, Rost.JA)
    assert beslut.load_paragraf(store, arende).oppen_votering is None
    beslut.rosta(store, arende, p["Johan Berg"], None)
    open_again = beslut.load_paragraf(store, arende).oppen_votering
    assert open_again is not None and p["Johan Berg"] not in open_again.roster
    beslut.rosta(store, arende, p["Johan Berg"], Rost.NEJ)
    beslut.ta_tillbaka(store, arende, [p["Johan Berg"], p["Maria Ek"]])
    roster = beslut.load_paragraf(store, arende).oppen_votering.roster  # type: ignore[union-attr]
    assert p["Johan Berg"] not in roster and p["Maria Ek"] not in roster
    assert roster[p["Anders Almqvist"]] is Rost.NEJ


def test_a_removed_yrkandes_id_is_not_given_to_the_next(
    mote: tuple[Store, int, int, dict[str, int]],
) -> None:
    """Else the next yrkande would take the removed one's place in a hand-made order."""
    store, _, arende, p = mote
    beslut.add_yrkande(store, arende, T.TILLAGG, p["Petra Sandström"], text="a")
    last = beslut.add_yrkande(store, arende, T.TILLAGG, p["Anders Almqvist"], text="b").id
    beslut.remove_yrkande(store, last)
    assert (beslut.add_yrkande(store, arende, T.ATERREMISS, p["Johan Berg"]).id or 0) > last
