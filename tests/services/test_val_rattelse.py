"""Rättelse of a val § after justering (issue 15; domain.md: a correction shows what was
corrected, and the register follows the decision): the corrected val replaces the justerade
in the protocol, and the register takes back what the justerade decision itself added or
ended, leaves what the secretary has changed by hand since, and follows the corrected one,
in one unit of work with the new version and the logs."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import select

from secretary.domain.register import Roll
from secretary.domain.val import Entledigande, Kandidat, Nominering, Post
from secretary.services import arbetsgang, avslut, protokoll, rattelse, register, val
from secretary.services.errors import ServiceError
from secretary.services.valrattelse import ratta_val
from secretary.services.valregister import NYCKEL
from secretary.store.database import Store
from secretary.store.models import Logg, ParagrafVal, Rattelse
from tests.services.test_val import FRAN, MOTE, TILL, held, k

RATTAD = MOTE + dt.timedelta(days=10)


def _ledamoter(namnd_id: int, *names: tuple[str, str], till: dt.date = TILL) -> Post:
    return Post(
        "socialnämnden",
        Roll.LEDAMOT,
        len(names),
        FRAN,
        till,
        organ_id=namnd_id,
        nomineringar=tuple(Nominering(k(n, p), "Valberedningen") for n, p in names),
    )


def _justerat_val(store: Store) -> tuple[int, int, int, Kandidat]:
    """Anna Berg (S) and Bo Ek (M) elected to the Socialnämnd 2027–2030 and Karin Ek (M)
    entledigad from 2026-12-01, justerat: (meeting, ärende, nämnd, Karin)."""
    meeting_id, arende_id, namnd_id, _ = held(store)
    karin = register.add_member(
        store,
        namnd_id,
        register.MemberInput("Karin", "Ek", Roll.LEDAMOT, "M", ordning=1, period_to=TILL),
    )
    karin_k = Kandidat("Karin", "Ek", "M", karin.person_id)
    val.spara_post(store, arende_id, None, _ledamoter(namnd_id, ("Anna Berg", "S"), ("Bo Ek", "M")))
    val.spara_entledigande(
        store,
        arende_id,
        None,
        Entledigande(karin_k, "socialnämnden", Roll.LEDAMOT, dt.date(2026, 12, 1), namnd_id),
    )
    avslut.close_meeting(store, meeting_id, MOTE.replace(hour=21), trots_brister=True)
    arbetsgang.skicka_for_justering(store, meeting_id, MOTE.replace(hour=22))
    arbetsgang.justera(store, meeting_id, MOTE + dt.timedelta(days=3))
    return meeting_id, arende_id, namnd_id, karin_k


def _members(store: Store, namnd_id: int) -> dict[str, tuple[dt.date | None, dt.date | None]]:
    return {m.label: (m.period_from, m.period_to) for m in register.list_members(store, namnd_id)}


def test_the_register_follows_the_corrected_val_and_keeps_what_was_changed_by_hand(
    store: Store,
) -> None:
    meeting_id, arende_id, namnd_id, _ = _justerat_val(store)
    assert _members(store, namnd_id) == {
        "Karin Ek (M)": (None, dt.date(2026, 11, 30)),
        "Anna Berg (S)": (FRAN, TILL),
        "Bo Ek (M)": (FRAN, TILL),
    }
    # After justering the secretary shortens Bo Ek's uppdrag by hand.
    (bo,) = [m for m in register.list_members(store, namnd_id) if m.name == "Bo Ek"]
    register.update_member(
        store,
        bo.membership_id,
        register.MemberInput(
            "Bo",
            "Ek",
            Roll.LEDAMOT,
            "M",
            ordning=bo.ordning,
            period_from=FRAN,
            period_to=dt.date(2029, 6, 30),
        ),
    )

    # The decision was Anna Berg and Cia Fors (S) until 2029-12-31, and Karin Ek left from
    # 2027-02-01: the protocol said otherwise.
    vy = val.load_val(store, arende_id)
    assert vy is not None
    till = dt.date(2029, 12, 31)
    rattat = replace(
        vy.data,
        poster=(_ledamoter(namnd_id, ("Anna Berg", "S"), ("Cia Fors", "S"), till=till),),
        entlediganden=(replace(vy.data.entlediganden[0], fran=dt.date(2027, 2, 1)),),
    )
    ratta_val(
        store, arende_id, rattat, "Fel namn och mandattid i protokollet", "Sekreteraren", RATTAD
    )

    assert _members(store, namnd_id) == {
        "Karin Ek (M)": (None, dt.date(2027, 1, 31)),  # her old end back, then the new one
        "Anna Berg (S)": (FRAN, till),  # the justerade uppdrag gone, the corrected one in
        "Bo Ek (M)": (FRAN, dt.date(2029, 6, 30)),  # changed by hand: left as it is
        "Cia Fors (S)": (FRAN, till),
    }
    data = protokoll.protokoll_data(store, meeting_id)
    (p,) = data.arenden
    assert p.beslut_att[0] == (
        "Kommunfullmäktige väljer Anna Berg (S) och Cia Fors (S) till ledamöter i "
        "socialnämnden för tiden 2027-01-01–2029-12-31."
    )
    (note,) = data.rattelser
    assert (note.del_, note.av) == ("Beslut", "Sekreteraren")
    assert "Bo Ek (M)" in note.fore and "Cia Fors (S)" in note.efter
    with store.read() as s:
        logg = [r.text for r in s.scalars(select(Logg).where(Logg.kind == "register"))]
    assert logg == [
        "Registret följer rättelsen av valet i § 1. Borttagna uppdrag från det justerade "
        "beslutet: 1; återställda slutdagar: 1; ändringar enligt det rättade beslutet: 3. "
        "Lämnade orörda, ändrade för hand: Bo Ek (M) som ledamot i socialnämnden (ändrat för "
        "hand efter justeringen)."
    ]

    # A second rättelse takes back the first one's register changes, not the justerade's.
    vy = val.load_val(store, arende_id)
    assert vy is not None
    tillbaka = replace(vy.data, entlediganden=())
    ratta_val(store, arende_id, tillbaka, "Entledigandet hörde till § 2", "Sekreteraren", RATTAD)
    assert _members(store, namnd_id)["Karin Ek (M)"] == (None, TILL)
    assert _members(store, namnd_id)["Cia Fors (S)"] == (FRAN, till)


def test_the_val_text_of_a_val_paragraf_is_not_corrected_as_free_text(store: Store) -> None:
    """Its Beslut is written from the val: a free-text correction would leave the register,
    and every later version, on the old decision."""
    _, arende_id, namnd_id, _ = _justerat_val(store)
    with pytest.raises(ServiceError, match="Rätta valet självt"):
        rattelse.ratta(
            store, arende_id, "beslut_att", ["Väljer Cia Fors"], "fel", "Sekreteraren", RATTAD
        )
    vy = val.load_val(store, arende_id)
    assert vy is not None
    with pytest.raises(ServiceError, match="inget att rätta"):
        ratta_val(store, arende_id, vy.data, "fel", "Sekreteraren", RATTAD)
    assert "Bo Ek (M)" in _members(store, namnd_id)


def test_without_a_record_of_what_justering_did_the_val_is_not_corrected(store: Store) -> None:
    """A § justerad before the register's changes were recorded (or read from a transfer
    file) cannot be taken back exactly: refused in Swedish, nothing changed."""
    _, arende_id, namnd_id, _ = _justerat_val(store)
    with store.session() as s:
        row = s.get(ParagrafVal, arende_id)
        assert row is not None
        row.data = {key: v for key, v in row.data.items() if key != NYCKEL}
    vy = val.load_val(store, arende_id)
    assert vy is not None
    ny = replace(vy.data, poster=(_ledamoter(namnd_id, ("Anna Berg", "S")),))
    with pytest.raises(ServiceError, match="Rätta registret för hand"):
        ratta_val(store, arende_id, ny, "fel", "Sekreteraren", RATTAD)
    assert "Bo Ek (M)" in _members(store, namnd_id)
    with store.read() as s:
        assert s.scalars(select(Rattelse)).all() == []
