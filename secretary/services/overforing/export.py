"""Export: a meeting and the register facts it uses, as a transfer document.

Everything stored about the meeting goes out, and from the register what its protocol is
computed from: the organ with its ersättarordning, every membership of the organ in force
on the meeting's date, the memberships of anyone the meeting names, and those people and
their parties. Ids become the document's own references, numbered in database order, so
the same data always gives the same document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretary.services.errors import ServiceError
from secretary.services.overforing import document, val
from secretary.services.overforing.document import INSTALLNINGAR
from secretary.services.overforing.fields import (
    ARENDE,
    PARTI,
    PERSON,
    UPPDRAG,
    VERSION,
    YRKANDE,
    Refs,
)
from secretary.services.overforing.format import FORMAT, FormatError, encode
from secretary.services.overforing.format import VERSION as FORMAT_VERSION
from secretary.services.overforing.tables import (
    AJOURNERINGAR,
    ANTECKNINGAR,
    ARENDEN,
    BESLUT,
    BESTYRKANDEN,
    ERSATTARORDNING,
    GODKANNANDEN,
    KOMMENTARER,
    LOGG,
    NARVARO,
    ORGAN,
    PARTIER,
    PERSONER,
    RATTELSER,
    RESERVATIONER,
    SAMMANTRADE,
    UNDERSKRIFTER,
    UPPDRAG_TABLE,
    VERSIONER,
    YRKANDEN,
)
from secretary.services.read.agenda import first_paragraf, get_meeting_row
from secretary.store.database import Store
from secretary.store.models import (
    Ajournering,
    Bestyrkande,
    Justeringskommentar,
    Logg,
    Meeting,
    Membership,
    NarvaroHandelse,
    ParagrafBeslut,
    ParagrafGodkand,
    ParagrafVal,
    Party,
    Person,
    Protokollsanteckning,
    Protokollversion,
    Rattelse,
    ReservationRad,
    Setting,
    Underskrift,
    YrkandeRad,
)


def in_force(m: Membership, date: dt.date) -> bool:
    """As services.session reads the register for a meeting on `date`."""
    return (m.period_from is None or m.period_from <= date) and (
        m.period_to is None or m.period_to >= date
    )


def _by_arende(session: Session, model: Any, arende_ids: list[int]) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = {aid: [] for aid in arende_ids}
    for row in session.scalars(
        select(model).where(model.arende_id.in_(arende_ids)).order_by(model.id)
    ):
        out[row.arende_id].append(row)
    return out


def _of_meeting(session: Session, model: Any, meeting_id: int, order: Any = None) -> list[Any]:
    query = select(model).where(model.meeting_id == meeting_id)
    return list(session.scalars(query.order_by(order if order is not None else model.id)))


def _voters(beslut: Iterable[ParagrafBeslut]) -> set[int]:
    return {
        int(p)
        for b in beslut
        for steps in (b.resultat or {}).values()
        for step in steps
        if step.get("votering")
        for p in step["votering"].get("roster") or {}
    }


def document_of(store: Store, meeting_id: int) -> dict[str, Any]:
    """The transfer document as JSON-able data, checked as an import would check it."""
    with store.read() as s:
        doc = _build(s, get_meeting_row(s, meeting_id))
    try:
        document.read(doc)
    except FormatError as exc:
        raise ServiceError(f"Sammanträdet kan inte exporteras: {exc.detail}.") from None
    return doc


def export_bytes(store: Store, meeting_id: int) -> bytes:
    return encode(document_of(store, meeting_id))


def _build(s: Session, meeting: Meeting) -> dict[str, Any]:
    organ = meeting.organ
    arenden = list(meeting.arenden)
    aids = [a.id for a in arenden]
    yrkanden = _by_arende(s, YrkandeRad, aids)
    beslut = {
        b.arende_id: b
        for b in s.scalars(select(ParagrafBeslut).where(ParagrafBeslut.arende_id.in_(aids)))
    }
    reservationer = _by_arende(s, ReservationRad, aids)
    anteckningar = _by_arende(s, Protokollsanteckning, aids)
    godkannanden = _by_arende(s, ParagrafGodkand, aids)
    narvaro = _of_meeting(s, NarvaroHandelse, meeting.id)
    logg = _of_meeting(s, Logg, meeting.id)
    ajourneringar = _of_meeting(s, Ajournering, meeting.id, Ajournering.fran)
    versioner = _of_meeting(s, Protokollversion, meeting.id, Protokollversion.nummer)
    rattelser = _of_meeting(s, Rattelse, meeting.id)
    kommentarer = _of_meeting(s, Justeringskommentar, meeting.id)
    bestyrkanden = _of_meeting(s, Bestyrkande, meeting.id, Bestyrkande.nummer)
    underskrifter = list(
        s.scalars(
            select(Underskrift)
            .join(Protokollversion, Protokollversion.id == Underskrift.version_id)
            .where(Underskrift.meeting_id == meeting.id)
            .order_by(Protokollversion.nummer, Underskrift.position, Underskrift.id)
        )
    )

    named = {j.person_id for j in meeting.justerare}
    named |= {h.person_id for h in narvaro} | {
        h.seat_person_id for h in narvaro if h.seat_person_id
    }
    for rows in yrkanden.values():
        named |= {y.yrkare_id for y in rows} | {p for y in rows for p in y.instammande or ()}
    for group in (reservationer, anteckningar, godkannanden):
        named |= {r.person_id for rows in group.values() for r in rows}
    named |= {k.person_id for k in kommentarer} | _voters(beslut.values())

    by_id = {m.id: m for m in organ.memberships}
    chosen = {m.id for m in by_id.values() if in_force(m, meeting.date) or m.person_id in named}
    todo = list(chosen)
    while todo:  # a personlig ersättare's ledamot goes with them
        target = by_id[todo.pop()].personlig_ersattare_for_id
        if target is not None and target in by_id and target not in chosen:
            chosen.add(target)
            todo.append(target)
    uppdrag = [by_id[i] for i in sorted(chosen)]
    person_ids = named | {m.person_id for m in uppdrag}
    personer = list(s.scalars(select(Person).where(Person.id.in_(person_ids)).order_by(Person.id)))
    party_ids = {p.party_id for p in personer if p.party_id is not None}
    for o in organ.party_order:
        party_ids |= {o.party_id} | ({o.for_party_id} if o.for_party_id else set())
    partier = list(s.scalars(select(Party).where(Party.id.in_(party_ids)).order_by(Party.id)))

    refs = Refs()
    refs.number(PARTI, (p.id for p in partier))
    refs.number(PERSON, (p.id for p in personer))
    refs.number(UPPDRAG, (m.id for m in uppdrag))
    refs.number(ARENDE, aids)
    refs.number(YRKANDE, (y.id for aid in aids for y in yrkanden[aid]))
    refs.number(VERSION, (v.id for v in versioner))

    def dumped(table: Any, rows: Iterable[Any]) -> list[dict[str, Any]]:
        return [table.dump(r, refs) for r in rows]

    organ_doc = ORGAN.dump(organ, refs)
    organ_doc["ersattarordning"] = dumped(
        ERSATTARORDNING, sorted(organ.party_order, key=lambda o: (o.position, o.id))
    )
    m = SAMMANTRADE.dump(meeting, refs)
    m["forsta_paragraf"] = first_paragraf(s, meeting)
    m["justerare"] = [refs.ref(PERSON, j.person_id) for j in meeting.justerare]
    m["arenden"] = []
    for i, a in enumerate(arenden):
        item = ARENDEN.dump(a, refs)
        b = beslut.get(a.id)
        item.update(
            paragraf=m["forsta_paragraf"] + i,
            yrkanden=dumped(YRKANDEN, yrkanden[a.id]),
            beslut=None if b is None else BESLUT.dump(b, refs),
            reservationer=dumped(RESERVATIONER, reservationer[a.id]),
            protokollsanteckningar=dumped(ANTECKNINGAR, anteckningar[a.id]),
            godkannanden=dumped(GODKANNANDEN, godkannanden[a.id]),
            val=val.dump(s, s.get(ParagrafVal, a.id)),
        )
        m["arenden"].append(item)
    m["narvaro"] = dumped(NARVARO, narvaro)
    m["ajourneringar"] = dumped(AJOURNERINGAR, ajourneringar)
    m["logg"] = dumped(LOGG, logg)
    m["versioner"] = dumped(VERSIONER, versioner)
    m["rattelser"] = dumped(RATTELSER, rattelser)
    m["justeringskommentarer"] = dumped(KOMMENTARER, kommentarer)
    m["underskrifter"] = dumped(UNDERSKRIFTER, underskrifter)
    m["bestyrkanden"] = dumped(BESTYRKANDEN, bestyrkanden)
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "installningar": {
            key: (row.value if (row := s.get(Setting, key)) is not None else "")
            for key in INSTALLNINGAR
        },
        "organ": organ_doc,
        "partier": dumped(PARTIER, partier),
        "personer": dumped(PERSONER, personer),
        "uppdrag": dumped(UPPDRAG_TABLE, uppdrag),
        "sammantrade": m,
    }
