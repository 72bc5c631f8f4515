"""Personliga ersättare in a val (issue 15): in an organ with personliga ersättare each
elected ersättare is tied to the ledamot they replace, by the decision (acklamation, sluten
omröstning) or by valsedelsgrupp (proportional); at justering the register's membership
gets personlig_ersattare_for_id. Legal reasons in secretary.domain.val's docstring."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from secretary.domain.register import OrganKind, Roll
from secretary.domain.val import Nominering, Post
from secretary.services import arbetsgang, avslut, beslut, register, val
from secretary.services.errors import ServiceError
from secretary.store.database import Store
from tests.services.test_val import (
    FRAN,
    MOTE,
    TILL,
    ersattarpost,
    grupp,
    held,
    k,
    ledamotspost,
)


def _personliga(store: Store, namnd_id: int) -> None:
    organ = register.get_organ(store, namnd_id)
    register.update_organ(
        store,
        namnd_id,
        register.OrganInput(organ.name, OrganKind.NAMND, personliga_ersattare=True),
    )


def _justera(store: Store, meeting_id: int) -> None:
    avslut.close_meeting(store, meeting_id, MOTE.replace(hour=21), trots_brister=True)
    arbetsgang.skicka_for_justering(store, meeting_id, MOTE.replace(hour=22))
    arbetsgang.justera(store, meeting_id, MOTE + dt.timedelta(days=3))


def _ack(namnd_id: int, roll: Roll, *names: tuple[str, str]) -> Post:
    return Post(
        "socialnämnden",
        roll,
        len(names),
        FRAN,
        TILL,
        organ_id=namnd_id,
        nomineringar=tuple(Nominering(k(n, p), "Valberedningen") for n, p in names),
    )


def test_by_acklamation_the_secretary_ties_each_ersattare_to_a_ledamot(store: Store) -> None:
    meeting_id, arende_id, namnd_id, _ = held(store)
    _personliga(store, namnd_id)
    val.spara_post(
        store, arende_id, None, _ack(namnd_id, Roll.LEDAMOT, ("Anna Berg", "S"), ("Bo Ek", "M"))
    )
    val.spara_post(
        store,
        arende_id,
        None,
        _ack(namnd_id, Roll.ERSATTARE, ("Carl Dahl", "S"), ("Eva Fors", "M")),
    )
    (punkt,) = beslut.kontrollista(store, meeting_id)
    assert punkt.brister == (
        "Carl Dahl (S) är inte knuten till någon ledamot som personlig ersättare i socialnämnden.",
        "Eva Fors (M) är inte knuten till någon ledamot som personlig ersättare i socialnämnden.",
    )
    val.satt_personlig(store, arende_id, 1, k("Carl Dahl", "S"), k("Anna Berg", "S"))
    with pytest.raises(ServiceError, match="Carl Dahl \\(S\\) är redan personlig ersättare för"):
        val.satt_personlig(store, arende_id, 1, k("Eva Fors", "M"), k("Anna Berg", "S"))
    with pytest.raises(ServiceError, match="inte nominerad till ersättare"):
        val.satt_personlig(store, arende_id, 1, k("Bo Ek", "M"), k("Anna Berg", "S"))
    val.satt_personlig(store, arende_id, 1, k("Eva Fors", "M"), k("Bo Ek", "M"))
    assert beslut.kontrollista(store, meeting_id) == []
    vy = val.load_val(store, arende_id)
    assert vy is not None
    assert vy.beslut[1] == (
        "Kommunfullmäktige väljer Carl Dahl (S) till personlig ersättare för Anna Berg (S) och "
        "Eva Fors (M) till personlig ersättare för Bo Ek (M) i socialnämnden för tiden "
        "2027-01-01–2030-12-31."
    )
    assert vy.register[2] == (
        "Carl Dahl (S) blir personlig ersättare för Anna Berg (S) i socialnämnden för tiden "
        "2027-01-01–2030-12-31."
    )

    _justera(store, meeting_id)
    members = {m.label: m for m in register.list_members(store, namnd_id)}
    assert members["Carl Dahl (S)"].personlig_ersattare_for == "Anna Berg (S)"
    assert members["Eva Fors (M)"].personlig_ersattare_for == "Bo Ek (M)"
    assert members["Anna Berg (S)"].personlig_ersattare_for == ""


def test_an_organ_without_personliga_ersattare_keeps_the_call_in_order(store: Store) -> None:
    """The pairing is the organ's: without personliga ersättare the ersättare are elected
    'i nu nämnd ordning' and nothing is tied at justering."""
    _, arende_id, namnd_id, _ = held(store)
    val.spara_post(store, arende_id, None, _ack(namnd_id, Roll.LEDAMOT, ("Anna Berg", "S")))
    val.spara_post(
        store,
        arende_id,
        None,
        _ack(namnd_id, Roll.ERSATTARE, ("Carl Dahl", "S"), ("Eva Fors", "M")),
    )
    val.satt_personlig(store, arende_id, 1, k("Carl Dahl", "S"), k("Anna Berg", "S"))
    vy = val.load_val(store, arende_id)
    assert vy is not None and vy.personliga[1] == ()
    assert vy.beslut[1].startswith("Kommunfullmäktige väljer Carl Dahl (S) och Eva Fors (M), i nu")


def test_proportionally_each_groups_ersattare_replace_its_ledamoter_in_order(
    store: Store,
) -> None:
    """Ledamöter S1, M1, S2, SD1 (by lot), M2; ersättare by group ES1, ES2 | EM1, EM2 (M by
    lot) | ESD1: the n-th ersättare of a group is personlig ersättare for the n-th ledamot
    its group won."""
    meeting_id, arende_id, namnd_id, _ = held(store)
    _personliga(store, namnd_id)
    val.spara_post(store, arende_id, None, ledamotspost(namnd_id))
    val.lotta(store, arende_id, 0, 4, 2)
    val.spara_post(store, arende_id, None, ersattarpost(namnd_id))
    val.lotta(store, arende_id, 1, 4, 1)
    with pytest.raises(ServiceError, match="följer de personliga ersättarna valsedelsgrupperna"):
        val.satt_personlig(store, arende_id, 1, k("ES1 Nämndsson", "S"), k("M1 Nämndsson", "M"))
    vy = val.load_val(store, arende_id)
    assert vy is not None
    assert vy.beslut[1] == (
        "Kommunfullmäktige väljer ES1 Nämndsson (S) till personlig ersättare för S1 Nämndsson "
        "(S), ES2 Nämndsson (S) till personlig ersättare för S2 Nämndsson (S), EM1 Nämndsson "
        "(M) till personlig ersättare för M1 Nämndsson (M), EM2 Nämndsson (M) till personlig "
        "ersättare för M2 Nämndsson (M) och ESD1 Nämndsson (SD) till personlig ersättare för "
        "SD1 Nämndsson (SD) i socialnämnden för tiden 2027-01-01–2030-12-31."
    )
    _justera(store, meeting_id)
    tied = {
        m.name: m.personlig_ersattare_for
        for m in register.list_members(store, namnd_id)
        if m.roll is Roll.ERSATTARE
    }
    assert tied == {
        "ES1 Nämndsson": "S1 Nämndsson (S)",
        "ES2 Nämndsson": "S2 Nämndsson (S)",
        "EM1 Nämndsson": "M1 Nämndsson (M)",
        "EM2 Nämndsson": "M2 Nämndsson (M)",
        "ESD1 Nämndsson": "SD1 Nämndsson (SD)",
    }


def test_a_group_with_more_ersattare_than_ledamoter_leaves_one_untied(store: Store) -> None:
    """S wins 3 ledamöter and M 2 with 31 against 20; the ersättare go S 2, M 3 with 20 against
    31: M's third ersättare has no M ledamot to replace, and the checklist says so."""
    meeting_id, arende_id, namnd_id, _ = held(store)
    _personliga(store, namnd_id)
    led = replace(ledamotspost(namnd_id), grupper=(grupp("S", 31, 5), grupp("M", 20, 5)))
    ers = replace(ersattarpost(namnd_id), grupper=(grupp("S", 20, 5, "E"), grupp("M", 31, 5, "E")))
    val.spara_post(store, arende_id, None, led)
    val.spara_post(store, arende_id, None, ers)
    (punkt,) = beslut.kontrollista(store, meeting_id)
    assert punkt.brister == (
        "EM3 Nämndsson (M) är inte knuten till någon ledamot som personlig ersättare i "
        "socialnämnden.",
    )


def test_the_transfer_file_carries_the_pairing_and_files_without_it_still_read(
    store: Store, template_db: Path
) -> None:
    """The pairing travels by name and party (no database ids); a file from before the key
    existed (same version) reads as no pairing."""
    import json

    from secretary.services import agenda, overforing
    from tests.services.overforing_helpers import fresh

    with fresh("sqlite", template_db) as source:
        meeting_id, arende_id, namnd_id, _ = held(source)
        val.spara_post(source, arende_id, None, _ack(namnd_id, Roll.LEDAMOT, ("Anna Berg", "S")))
        val.spara_post(source, arende_id, None, _ack(namnd_id, Roll.ERSATTARE, ("Carl Dahl", "S")))
        val.satt_personlig(source, arende_id, 1, k("Carl Dahl", "S"), k("Anna Berg", "S"))
        data = overforing.export_bytes(source, meeting_id)
    doc = json.loads(data)
    (pair,) = doc["sammantrade"]["arenden"][0]["val"]["data"]["poster"][1]["personliga"]
    assert pair["for"]["person_id"] is None and pair["for"]["efternamn"] == "Berg"
    with fresh("sqlite", template_db) as target:
        result = overforing.import_bytes(target, data)
        arende = agenda.list_arenden(target, result.meeting_id)[0]
        vy = val.load_val(target, arende.id)
    assert vy is not None
    assert vy.data.poster[1].personliga == ((k("Carl Dahl", "S"), k("Anna Berg", "S")),)

    del doc["sammantrade"]["arenden"][0]["val"]["data"]["poster"][1]["personliga"]
    older = overforing.import_bytes(store, json.dumps(doc).encode())
    arende = agenda.list_arenden(store, older.meeting_id)[0]
    vy = val.load_val(store, arende.id)
    assert vy is not None and vy.data.poster[1].personliga == ()
