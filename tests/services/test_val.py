"""A val § through the services: a KF of 61 elects five ledamöter and five ersättare to a
nämnd proportionally, from its live attendance; the protocol is justerat and the register
follows the decision. Legal reasons per test (LPV = lag (2022:629))."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from secretary.domain.register import Funktion, OrganKind, Roll
from secretary.domain.val import Entledigande, Kandidat, Nominering, Post, Valsatt, Valsedelsgrupp
from secretary.services import agenda, arbetsgang, avslut, register, session, val
from secretary.services.andring import Ids
from secretary.services.errors import ServiceError
from secretary.store.database import Store

MOTE = dt.datetime(2026, 11, 30, 18, 0)
FRAN, TILL = dt.date(2027, 1, 1), dt.date(2030, 12, 31)
PARTIER = ["S", "M", "SD", "C", "V"]


def build_kf(store: Store) -> tuple[int, int, int, list[int]]:
    """KF with 61 ledamöter (as scripts/bench.py build_kf), a Socialnämnd, a meeting with one
    ärende: (meeting, ärende, nämnd, ledamot person ids)."""
    kf = register.create_organ(store, register.OrganInput("Kommunfullmäktige", OrganKind.KF))
    namnd = register.create_organ(store, register.OrganInput("Socialnämnden", OrganKind.NAMND))
    ids: list[int] = []
    with store.session() as s:
        row = register.get_organ_row(s, kf.id)
        for i in range(61):
            m = register.apply_member(
                s,
                row,
                register.MemberInput(
                    f"Ledamot{i}",
                    f"Efternamn{i}",
                    Roll.LEDAMOT,
                    PARTIER[i % len(PARTIER)],
                    Funktion.ORDFORANDE if i == 0 else Funktion.INGEN,
                    ordning=i + 1,
                ),
            )
            ids.append(m.person_id)
    meeting = agenda.create_meeting(  # two justerare: the protocol is justerat by them
        store, kf.id, agenda.MeetingInput(MOTE.date(), justerare_ids=(ids[1], ids[2]))
    )
    a = agenda.add_arende(store, meeting.id, agenda.ArendeInput("Val av socialnämnd 2027–2030"))
    return meeting.id, a.id, namnd.id, ids


def held(store: Store, present: int = 61) -> tuple[int, int, int, list[int]]:
    meeting_id, arende_id, namnd_id, ids = build_kf(store)
    session.start_session(store, meeting_id, MOTE)
    for pid in ids[:present]:
        session.mark_upprop(store, meeting_id, pid, session.Upprop.NARVARANDE)
    return meeting_id, arende_id, namnd_id, ids


def k(name: str, party: str) -> Kandidat:
    first, _, last = name.partition(" ")
    return Kandidat(first, last, party)


def grupp(party: str, roster: int, n: int, prefix: str = "") -> Valsedelsgrupp:
    return Valsedelsgrupp(
        party, tuple(k(f"{prefix}{party}{i} Nämndsson", party) for i in range(1, n + 1)), roster
    )


def ledamotspost(
    namnd_id: int, begarande: int = 16, roster: tuple[int, int, int] = (29, 20, 10)
) -> Post:
    return Post(
        "socialnämnden",
        Roll.LEDAMOT,
        5,
        FRAN,
        TILL,
        Valsatt.PROPORTIONELL,
        organ_id=namnd_id,
        begarande=begarande,
        grupper=tuple(grupp(p, n, 5) for p, n in zip(("S", "M", "SD"), roster, strict=True)),
        blanka=1,
    )


def ersattarpost(namnd_id: int) -> Post:
    return Post(
        "socialnämnden",
        Roll.ERSATTARE,
        5,
        FRAN,
        TILL,
        Valsatt.PROPORTIONELL,
        organ_id=namnd_id,
        begarande=16,
        grupper=(grupp("S", 29, 5, "E"), grupp("M", 20, 5, "E"), grupp("SD", 10, 5, "E")),
        blanka=1,
    )


def test_threshold_is_computed_from_the_live_attendance(store: Store) -> None:
    """LPV 2 §: with 50 of 61 present, 50 / 6 = 8,33 -> 9 must ask for 5 seats; 8 is
    refused, 9 accepted."""
    _, arende_id, namnd_id, _ = held(store, present=50)
    with pytest.raises(ServiceError, match="minst 9 av 50"):
        val.spara_post(store, arende_id, None, ledamotspost(namnd_id, 8, (25, 15, 9)))
    val.spara_post(store, arende_id, None, ledamotspost(namnd_id, 9, (25, 15, 9)))
    vy = val.load_val(store, arende_id)
    assert vy is not None and vy.narvarande == 50


def test_proportional_ersattare_after_acklamation_is_refused(store: Store) -> None:
    """LPV 3 §: ersättare proportionally only if the ledamöter were elected so."""
    _, arende_id, namnd_id, _ = held(store)
    ack = Post(
        "socialnämnden",
        Roll.LEDAMOT,
        1,
        FRAN,
        TILL,
        organ_id=namnd_id,
        nomineringar=(Nominering(k("Anna Berg", "S"), "Valberedningen"),),
    )
    val.spara_post(store, arende_id, None, ack)
    with pytest.raises(ServiceError, match="3 § lagen"):
        val.spara_post(store, arende_id, None, ersattarpost(namnd_id))


def test_five_and_five_proportionally_justerat_and_found_in_the_register(store: Store) -> None:
    """LPV 2 §: 16 ask, 61 / 6 = 10,17 -> 11 required for 5 seats. Jämförelsetal S 29, M 20,
    S 14,5, then M 10 and SD 10 tie for seat 4 -> lottning (SD), seat 5 M 10 against S 9,67.
    LPV 3 §: the ersättare after the ledamöter, called in in their group's order. At
    justering the register follows the decision: the elected, new to the register, are added
    with party and term, the ledamöter in seat order."""
    meeting_id, arende_id, namnd_id, _ = held(store)
    val.spara_post(store, arende_id, None, ledamotspost(namnd_id))
    vy = val.load_val(store, arende_id)
    assert vy is not None
    behov = vy.resultat[0].behov
    assert behov is not None and (behov.plats, behov.mellan) == (4, (1, 2))
    # Justering is refused while the lottning is awaited.
    avslut.close_meeting(store, meeting_id, MOTE.replace(hour=21), trots_brister=True)
    arbetsgang.skicka_for_justering(store, meeting_id, MOTE.replace(hour=22))
    with pytest.raises(ServiceError, match="väntar på lottning om plats 4"):
        arbetsgang.justera(store, meeting_id, MOTE + dt.timedelta(days=3))
    arbetsgang.ta_tillbaka(store, meeting_id, MOTE.replace(hour=22, minute=5))
    val.lotta(store, arende_id, 0, 4, 2)  # SD wins the lot
    val.spara_post(store, arende_id, None, ersattarpost(namnd_id))
    val.lotta(store, arende_id, 1, 4, 1)  # M wins the ersättare's lot
    vy = val.load_val(store, arende_id)
    assert vy is not None and vy.klar
    assert [x.label for x in vy.resultat[0].valda] == [
        "S1 Nämndsson (S)",
        "M1 Nämndsson (M)",
        "S2 Nämndsson (S)",
        "SD1 Nämndsson (SD)",
        "M2 Nämndsson (M)",
    ]
    forslag = val.load_registerforslag(store, meeting_id)
    assert len(forslag) == 10
    assert forslag[0].text == (
        "S1 Nämndsson (S) blir ledamot i socialnämnden för tiden 2027-01-01–2030-12-31."
    )
    assert register.list_members(store, namnd_id) == []  # a proposal until justering

    arbetsgang.skicka_for_justering(store, meeting_id, MOTE.replace(hour=22, minute=10))
    arbetsgang.justera(store, meeting_id, MOTE + dt.timedelta(days=3))
    members = register.list_members(store, namnd_id)
    ledamoter = [(m.label, m.ordning) for m in members if m.roll is Roll.LEDAMOT]
    assert ledamoter == [
        ("S1 Nämndsson (S)", 1),
        ("M1 Nämndsson (M)", 2),
        ("S2 Nämndsson (S)", 3),
        ("SD1 Nämndsson (SD)", 4),
        ("M2 Nämndsson (M)", 5),
    ]
    ersattare = [(m.party, m.ordning, m.name) for m in members if m.roll is Roll.ERSATTARE]
    assert ersattare == [
        ("M", 1, "EM1 Nämndsson"),
        ("M", 2, "EM2 Nämndsson"),
        ("S", 1, "ES1 Nämndsson"),
        ("S", 2, "ES2 Nämndsson"),
        ("SD", 1, "ESD1 Nämndsson"),
    ]
    assert all((m.period_from, m.period_to) == (FRAN, TILL) for m in members)
    vy = val.load_val(store, arende_id)
    assert vy is not None and vy.registrerat


def test_a_lottning_only_among_the_tied(store: Store) -> None:
    """The lot is drawn among the groups with equal jämförelsetal only."""
    _, arende_id, namnd_id, _ = held(store)
    val.spara_post(store, arende_id, None, ledamotspost(namnd_id))
    with pytest.raises(ServiceError, match="Ingen lottning väntar"):
        val.lotta(store, arende_id, 0, 4, 0)  # S is not in the tie
    with pytest.raises(ServiceError, match="Ingen lottning väntar"):
        val.lotta(store, arende_id, 0, 5, 1)


def test_every_write_has_its_undo(store: Store) -> None:
    _, arende_id, namnd_id, _ = held(store)
    first = val.spara_post(store, arende_id, None, ledamotspost(namnd_id))
    lot = val.lotta(store, arende_id, 0, 4, 2)
    assert lot.undo is not None and first.undo is not None
    back = lot.undo(store, Ids())
    vy = val.load_val(store, arende_id)
    assert vy is not None and vy.resultat[0].behov is not None  # the lot taken back
    assert back.undo is not None
    back.undo(store, Ids())  # redo
    vy = val.load_val(store, arende_id)
    assert vy is not None and vy.klar
    first.undo(store, Ids())
    assert val.load_val(store, arende_id) is None  # the § is no val again


def test_every_write_returns_the_val_as_it_now_is(store: Store) -> None:
    """The session window shows what a write returns without reading again: the val view
    after it, and after the undo that makes the § no val again, a view saying so."""
    _, arende_id, namnd_id, _ = held(store)
    made = val.gor_till_val(store, arende_id)
    assert made.val is not None and made.val.arende_id == arende_id
    assert made.val.vy is not None and made.val.vy.data.poster == ()
    saved = val.spara_post(store, arende_id, None, ledamotspost(namnd_id))
    assert saved.val is not None and saved.val.vy == val.load_val(store, arende_id)
    assert made.undo is not None
    back = made.undo(store, Ids())
    assert back.val is not None and back.val.vy is None


def test_fyllnadsval_and_entledigande_follow_at_justering(store: Store) -> None:
    """An entledigande ends the uppdrag from the decided date; the fyllnadsval gives the
    seat to the one elected for the rest of the term (prop. 2021/22:125)."""
    meeting_id, arende_id, namnd_id, _ = held(store)
    karin = register.add_member(
        store,
        namnd_id,
        register.MemberInput(
            "Karin", "Ek", Roll.LEDAMOT, "M", ordning=3, period_from=FRAN, period_to=TILL
        ),
    )
    karin_k = Kandidat("Karin", "Ek", "M", karin.person_id)
    fran = dt.date(2026, 12, 1)
    val.spara_entledigande(
        store,
        arende_id,
        None,
        Entledigande(karin_k, "socialnämnden", Roll.LEDAMOT, fran, namnd_id),
    )
    val.spara_post(
        store,
        arende_id,
        None,
        Post(
            "socialnämnden",
            Roll.LEDAMOT,
            1,
            fran,
            TILL,
            organ_id=namnd_id,
            efter=karin_k,
            nomineringar=(Nominering(k("Lars Holm", "M"), "Valberedningen"),),
        ),
    )
    avslut.close_meeting(store, meeting_id, MOTE.replace(hour=21), trots_brister=True)
    arbetsgang.skicka_for_justering(store, meeting_id, MOTE.replace(hour=22))
    arbetsgang.justera(store, meeting_id, MOTE + dt.timedelta(days=3))
    members = {m.name: m for m in register.list_members(store, namnd_id)}
    assert members["Karin Ek"].period_to == dt.date(2026, 11, 30)
    assert members["Lars Holm"].period_from == fran
    assert members["Lars Holm"].period_to == TILL
    assert members["Lars Holm"].ordning == 3  # the seat of the one who left


def test_the_protocol_prints_the_val_and_sends_the_utdrag_to_the_elected(store: Store) -> None:
    """The val § prints what Swedish protocols print: nominations, the way of electing, the
    count per group with jämförelsetal and each seat, the lottning, the elected by post; the
    utdrag goes to the elected and the organ they join."""
    from secretary.services.dokument import render
    from secretary.services.protokoll import protokoll_data
    from tests.reports.pdftext import flat, in_order, pages

    meeting_id, arende_id, namnd_id, _ = held(store)
    val.spara_post(store, arende_id, None, ledamotspost(namnd_id))
    val.lotta(store, arende_id, 0, 4, 2)
    data = protokoll_data(store, meeting_id)
    p = data.arenden[0]
    assert p.beslutsgang == (
        "16 ledamöter begär proportionellt val. Enligt 2 § lagen (2022:629) om proportionella "
        "val i kommuner och regioner krävs att minst 11 av de 61 närvarande ledamöterna "
        "begär det.",
        "Valet förrättas proportionellt med slutna valsedlar.",
    )
    assert p.valresultat[3:] == (
        "Därtill lämnas 1 blank valsedel, som inte räknas.",
        "Plats 1: S, jämförelsetal 29: S1 Nämndsson (S).",
        "Plats 2: M, jämförelsetal 20: M1 Nämndsson (M).",
        "Plats 3: S, jämförelsetal 14,5: S2 Nämndsson (S).",
        "Plats 4: M och SD har samma jämförelsetal 10. Lottning förrättas och utfaller till "
        "förmån för SD: SD1 Nämndsson (SD).",
        "Plats 5: M, jämförelsetal 10: M2 Nämndsson (M).",
    )
    assert p.beslut_att == (
        "Kommunfullmäktige väljer S1 Nämndsson (S), M1 Nämndsson (M), S2 Nämndsson (S), "
        "SD1 Nämndsson (SD) och M2 Nämndsson (M) till ledamöter i socialnämnden för tiden "
        "2027-01-01–2030-12-31.",
    )
    assert p.expedieras_till == (
        "S1 Nämndsson (S)",
        "M1 Nämndsson (M)",
        "S2 Nämndsson (S)",
        "SD1 Nämndsson (SD)",
        "M2 Nämndsson (M)",
        "Socialnämnden",
    )
    text = flat(" ".join(pages(render(data))))
    in_order(
        text,
        [
            "Beslutsgång",
            "16 ledamöter begär proportionellt val.",
            "Valresultat",
            "Valsedelsgrupp S (S1 Nämndsson (S),",
            "Plats 4: M och SD har samma jämförelsetal 10.",
            "Beslut",
            "Kommunfullmäktige väljer S1 Nämndsson (S)",
            "Beslut expedieras till:",
            "Socialnämnden",
        ],
    )


def test_the_transfer_format_carries_a_val_paragraph(store: Store, template_db: Path) -> None:
    """Version 4 carries arenden[].val: the posts, counts and lottning travel; the organ is
    found again by its register name in the receiving database (`store`, on each backend;
    the sending one is a SQLite file of its own)."""
    import json

    from secretary.services import overforing
    from secretary.services.overforing.format import VERSION
    from tests.services.overforing_helpers import fresh

    with fresh("sqlite", template_db) as source:
        meeting_id, arende_id, namnd_id, _ = held(source)
        val.spara_post(source, arende_id, None, ledamotspost(namnd_id))
        val.lotta(source, arende_id, 0, 4, 2)
        data = overforing.export_bytes(source, meeting_id)
        sent = val.load_val(source, arende_id)
    doc = json.loads(data)
    assert doc["version"] == VERSION
    carried = doc["sammantrade"]["arenden"][0]["val"]
    assert carried["data"]["poster"][0]["organ_register"] == "Socialnämnden"
    register.create_organ(store, register.OrganInput("Socialnämnden", OrganKind.NAMND))
    result = overforing.import_bytes(store, data)
    arende = agenda.list_arenden(store, result.meeting_id)[0]
    vy = val.load_val(store, arende.id)
    assert vy is not None and vy.klar and sent is not None
    assert vy.beslut == sent.beslut
    assert vy.data.poster[0].organ_id is not None


def test_a_version_3_file_is_read_as_having_no_val(store: Store, template_db: Path) -> None:
    """A file from before version 4 has no arenden[].val: it is read as no § being a val."""
    import json

    from secretary.services import overforing
    from tests.services.overforing_helpers import fresh

    with fresh("sqlite", template_db) as source:
        meeting_id, _, _, _ = held(source)
        doc = json.loads(overforing.export_bytes(source, meeting_id))
    doc["version"] = 3
    for a in doc["sammantrade"]["arenden"]:
        del a["val"]
    result = overforing.import_bytes(store, json.dumps(doc).encode())
    arende = agenda.list_arenden(store, result.meeting_id)[0]
    assert val.load_val(store, arende.id) is None
