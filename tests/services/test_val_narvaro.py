"""The LPV 2 § threshold from the live attendance, at its boundary, and the checklist before
justering for a val § (issue 15). A KF of 61 elects 5: the quotient is present / 6, so 60
present need 10 and 61 need 11; one person more or less counted moves the boundary."""

from __future__ import annotations

import pytest

from secretary.domain.narvaro import HandelseTyp as T
from secretary.domain.register import Roll
from secretary.domain.val import Kandidat, Nominering, Post
from secretary.services import avslut, beslut, dokument, register, session, val
from secretary.services.errors import ServiceError
from secretary.store.database import Store
from tests.services.test_val import FRAN, MOTE, TILL, build_kf, held, k, ledamotspost


def _ersattare(store: Store, meeting_id: int, party: str = "S") -> int:
    """An ersättare of `party` in the KF, present from the upprop (not serving)."""
    kf_id = next(o.id for o in register.list_organs(store) if o.name == "Kommunfullmäktige")
    row = register.add_member(
        store, kf_id, register.MemberInput("Ersa", "Ersson", Roll.ERSATTARE, party, ordning=1)
    )
    session.mark_upprop(store, meeting_id, row.person_id, session.Upprop.NARVARANDE)
    return row.person_id


def _refused_at(store: Store, arende_id: int, namnd_id: int, below: int) -> None:
    """`below` asking is refused, one more is accepted: the boundary of LPV 2 §."""
    need = below + 1
    with pytest.raises(ServiceError, match=f"minst {need} av"):
        val.spara_post(store, arende_id, None, ledamotspost(namnd_id, below))
    val.spara_post(store, arende_id, None, ledamotspost(namnd_id, need))


def test_a_javig_ledamot_is_counted_as_present(store: Store) -> None:
    """LPV 2 §: 'närvarande ledamöter' counts one who does not take part, so a ledamot jävig
    for the § still counts: 61 / 6 = 10,17 -> 11 (not 60 / 6 = 10)."""
    meeting_id, arende_id, namnd_id, ids = held(store)
    session.record(store, meeting_id, T.JAV, ids[3])
    assert ids[3] in session.load_session(store, meeting_id).narvaro(0).javiga  # type: ignore[union-attr]
    _refused_at(store, arende_id, namnd_id, 10)
    vy = val.load_val(store, arende_id)
    assert vy is not None and vy.narvarande == 61


def test_a_tjanstgorande_ersattare_counts_and_one_not_serving_does_not(store: Store) -> None:
    """60 ledamöter present need 10 for 5 seats; an ersättare present but not serving adds
    nobody; once serving in the absent ledamot's seat (voting in the ledamot's place) the
    seat counts: 61 need 11."""
    meeting_id, arende_id, namnd_id, ids = held(store, present=60)
    ersa = _ersattare(store, meeting_id)  # S, as the absent ids[60] (PARTIER[60 % 5])
    val.spara_post(store, arende_id, None, ledamotspost(namnd_id, 10))
    vy = val.load_val(store, arende_id)
    assert vy is not None and vy.narvarande == 60
    val.ta_bort_post(store, arende_id, 0)
    session.record(store, meeting_id, T.TJANSTGOR, ersa, seat=ids[60])
    _refused_at(store, arende_id, namnd_id, 10)


def test_the_ersattare_for_a_javig_ledamot_is_not_counted_twice(store: Store) -> None:
    """Each seat once: the jävig ledamot in the room and the ersättare serving in the seat
    for that § are one seat, 61 in all -> 11."""
    meeting_id, arende_id, namnd_id, ids = held(store)
    ersa = _ersattare(store, meeting_id)
    session.record(store, meeting_id, T.JAV, ids[5])
    session.record(store, meeting_id, T.TJANSTGOR, ersa, seat=ids[5])
    assert session.load_session(store, meeting_id).narvaro(0).holder(ids[5]) == ersa  # type: ignore[union-attr]
    _refused_at(store, arende_id, namnd_id, 10)
    vy = val.load_val(store, arende_id)
    assert vy is not None and vy.narvarande == 61


def test_the_checklist_names_what_a_val_lacks(store: Store) -> None:
    """Before justering: a post with fewer elected than seats, a lottning not recorded, and a
    proportional val asked for by 9 of 50 present (enough then: 50 / 6 -> 9) after 11 more
    arrived (61 -> 11 needed). Nothing of an ordinary § (propositionsordning, att-satser)."""
    meeting_id, arende_id, namnd_id, ids = build_kf(store)
    session.start_session(store, meeting_id, MOTE)
    for pid in ids[:50]:
        session.mark_upprop(store, meeting_id, pid, session.Upprop.NARVARANDE)
    val.spara_post(store, arende_id, None, ledamotspost(namnd_id, 9, (25, 15, 9)))
    val.spara_post(store, arende_id, None, ledamotspost(namnd_id, 9, (14, 10, 5)))  # seat 4 tied
    val.spara_post(
        store,
        arende_id,
        None,
        Post(
            "valnämnden",
            Roll.LEDAMOT,
            3,
            FRAN,
            TILL,
            nomineringar=(
                Nominering(k("Anna Berg", "S"), "Valberedningen"),
                Nominering(k("Bo Ek", "M"), "Valberedningen"),
            ),
        ),
    )
    for pid in ids[50:]:
        session.mark_upprop(store, meeting_id, pid, session.Upprop.NARVARANDE)

    (punkt,) = beslut.kontrollista(store, meeting_id)
    assert punkt.brister == (
        "Valet av ledamöter i socialnämnden är proportionellt men begärdes av 9; minst 11 av 61 "
        "närvarande krävs (2 § lagen (2022:629) om proportionella val i kommuner och regioner).",
        "Valet av ledamöter i socialnämnden är proportionellt men begärdes av 9; minst 11 av 61 "
        "närvarande krävs (2 § lagen (2022:629) om proportionella val i kommuner och regioner).",
        "Valet av ledamöter i socialnämnden väntar på lottning om plats 4.",
        "Valet av ledamöter i valnämnden: 2 valda till 3 platser.",
    )
    with pytest.raises(ServiceError, match="väntar på lottning om plats 4"):
        avslut.close_meeting(store, meeting_id, MOTE.replace(hour=21))


def test_a_finished_val_leaves_nothing_on_the_checklist(store: Store) -> None:
    meeting_id, arende_id, _, _ = held(store)
    (ordinary,) = beslut.kontrollista(store, meeting_id)  # an ordinary § as yet
    assert "Beslutet saknar att-satser." in ordinary.brister
    val.gor_till_val(store, arende_id)
    assert [p.brister for p in beslut.kontrollista(store, meeting_id)] == [
        ("Valet saknar poster.",)
    ]
    val.spara_post(
        store,
        arende_id,
        None,
        Post("valnämnden", Roll.LEDAMOT, 1, nomineringar=(Nominering(k("Anna Berg", "S")),)),
    )
    assert beslut.kontrollista(store, meeting_id) == []


def test_the_utdrag_dialog_proposes_the_elected_and_their_organ(store: Store) -> None:
    """The utdrag of a val § goes to the elected and the organ they join: the utdrag dialog's
    recipients say so, as the protocol's 'Beslut expedieras till' does."""
    meeting_id, arende_id, namnd_id, _ = held(store)
    val.spara_post(store, arende_id, None, ledamotspost(namnd_id))
    val.lotta(store, arende_id, 0, 4, 2)
    from secretary.services.protokoll import protokoll_data

    underlag = dokument.utdragsunderlag(store, meeting_id)
    (p,) = underlag.paragrafer
    # the same list as the protocol prints (tests/services/test_val.py has it word for word)
    assert p.expedieras_till == protokoll_data(store, meeting_id).arenden[0].expedieras_till
    assert {"S1 Nämndsson (S)", "Socialnämnden"} <= set(p.expedieras_till)
    assert underlag.mottagare([p.paragraf])["Socialnämnden"] == [p.paragraf]


def test_a_fyllnadsval_runs_to_the_end_of_the_term_of_the_one_who_left(store: Store) -> None:
    """Prop. 2021/22:125: the one elected in a fyllnadsval serves the rest of the term of the
    one whose place it fills; with no term given it is taken from the register."""
    _, arende_id, namnd_id, _ = held(store)
    karin = register.add_member(
        store,
        namnd_id,
        register.MemberInput("Karin", "Ek", Roll.LEDAMOT, "M", period_from=FRAN, period_to=TILL),
    )
    post = Post(
        "socialnämnden",
        Roll.LEDAMOT,
        1,
        organ_id=namnd_id,
        efter=Kandidat("Karin", "Ek", "M", karin.person_id),
        nomineringar=(Nominering(k("Lars Holm", "M")),),
    )
    val.spara_post(store, arende_id, None, post)
    vy = val.load_val(store, arende_id)
    assert vy is not None
    saved = vy.data.poster[0]
    assert (saved.fran, saved.till) == (MOTE.date(), TILL)
    assert vy.beslut == (
        "Kommunfullmäktige väljer Lars Holm (M) till ny ledamot i socialnämnden efter Karin Ek "
        "(M) för tiden 2026-11-30–2030-12-31.",
    )
    assert vy.register == (
        "Karin Ek (M) upphör som ledamot i socialnämnden från och med 2026-11-30.",
        "Lars Holm (M) blir ledamot i socialnämnden för tiden 2026-11-30–2030-12-31.",
    )


def test_an_entledigande_and_the_fyllnadsval_after_it_end_the_uppdrag_once(store: Store) -> None:
    """The same § entledigar Karin Ek and elects her successor: the register proposal says
    once that her uppdrag ends."""
    from secretary.domain.val import Entledigande

    _, arende_id, namnd_id, _ = held(store)
    karin = register.add_member(
        store, namnd_id, register.MemberInput("Karin", "Ek", Roll.LEDAMOT, "M", period_to=TILL)
    )
    karin_k = Kandidat("Karin", "Ek", "M", karin.person_id)
    val.spara_entledigande(
        store,
        arende_id,
        None,
        Entledigande(karin_k, "socialnämnden", Roll.LEDAMOT, FRAN, namnd_id, "egen begäran"),
    )
    val.spara_post(
        store,
        arende_id,
        None,
        Post(
            "socialnämnden",
            Roll.LEDAMOT,
            1,
            FRAN,
            organ_id=namnd_id,
            efter=karin_k,
            nomineringar=(Nominering(k("Lars Holm", "M")),),
        ),
    )
    vy = val.load_val(store, arende_id)
    assert vy is not None
    assert vy.register == (
        "Karin Ek (M) upphör som ledamot i socialnämnden från och med 2027-01-01.",
        "Lars Holm (M) blir ledamot i socialnämnden för tiden 2027-01-01–2030-12-31.",
    )
    assert vy.nomineringar[-1] == "Skäl till entledigandet av Karin Ek (M): egen begäran."
