"""The justerare's review of a draft, § by §: comments (from an e-mail or at the secretary's
screen), the secretary's answer, and an OK per §. Open comments block justering
(services.arbetsgang.justera)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from secretary.domain.arbetsgang import Tillstand, tillstand
from secretary.domain.register import Funktion, full_name
from secretary.services import las
from secretary.services.errors import ServiceError, require
from secretary.services.rows import get_row
from secretary.store.database import Store
from secretary.store.models import (
    Arende,
    Justeringskommentar,
    Membership,
    ParagrafGodkand,
    Person,
    Protokollversion,
)


class Status(StrEnum):
    OPPEN = "öppen"
    BESVARAD = "besvarad"
    INFORD = "införd"


@dataclass(frozen=True)
class Kommentar:
    id: int
    arende_id: int
    person_id: int
    person: str
    version_nummer: int | None
    text: str
    status: Status
    svar: str
    created: dt.datetime


def _granskas(session: Session, arende: Arende) -> None:
    """The draft is out for review; the meeting's row is locked (services.las) so that a
    comment cannot slip in beside a justering that has checked there are none."""
    t = tillstand(las.las_mote(session, arende.meeting_id).state)
    if t is not Tillstand.FOR_JUSTERING:
        raise ServiceError(
            "Protokollet är inte ute för justering; skicka utkastet till justerarna först."
            if t in (Tillstand.PLANERAT, Tillstand.PAGAR, Tillstand.UTKAST)
            else "Protokollet är redan justerat; gör en rättelse om något ska ändras."
        )


def _justerare(session: Session, arende: Arende, person_id: int) -> Person:
    """The meeting's justerare and its ordförande (who signs too) may comment."""
    meeting = arende.meeting
    ids = {j.person_id for j in meeting.justerare}
    ids |= set(
        session.scalars(
            select(Membership.person_id).where(
                Membership.organ_id == meeting.organ_id,
                Membership.funktion.in_(
                    [
                        Funktion.ORDFORANDE.value,
                        Funktion.FORSTE_VICE.value,
                        Funktion.ANDRE_VICE.value,
                    ]
                ),
            )
        )
    )
    person = get_row(session, Person, person_id, "Personen")
    require(
        person_id in ids,
        f"{full_name(person.first_name, person.last_name)} är inte justerare för sammanträdet.",
    )
    return person


def _senaste_utkast(session: Session, meeting_id: int) -> int | None:
    return session.scalar(
        select(func.max(Protokollversion.nummer)).where(
            Protokollversion.meeting_id == meeting_id, Protokollversion.kind == "utkast"
        )
    )


def _kommentar(k: Justeringskommentar, person: Person) -> Kommentar:
    return Kommentar(
        k.id,
        k.arende_id,
        k.person_id,
        full_name(person.first_name, person.last_name),
        k.version_nummer,
        k.text,
        Status(k.status),
        k.svar,
        k.created,
    )


def add_kommentar(
    store: Store, arende_id: int, person_id: int, text: str, now: dt.datetime
) -> Kommentar:
    require(bool(text.strip()), "Skriv vad justeraren har för synpunkt.")
    with store.session() as s:
        arende = get_row(s, Arende, arende_id, "Ärendet")
        _granskas(s, arende)
        person = _justerare(s, arende, person_id)
        row = Justeringskommentar(
            meeting_id=arende.meeting_id,
            arende_id=arende.id,
            person_id=person_id,
            version_nummer=_senaste_utkast(s, arende.meeting_id),
            text=text.strip(),
            status=Status.OPPEN.value,
            svar="",
            created=now,
        )
        s.add(row)
        s.flush()
        return _kommentar(row, person)


def _besvara(store: Store, kommentar_id: int, svar: str, status: Status) -> Kommentar:
    with store.session() as s:
        row = get_row(s, Justeringskommentar, kommentar_id, "Kommentaren")
        _granskas(s, get_row(s, Arende, row.arende_id, "Ärendet"))
        row.svar = svar.strip()
        row.status = status.value
        return _kommentar(row, get_row(s, Person, row.person_id, "Personen"))


def besvara(store: Store, kommentar_id: int, svar: str) -> Kommentar:
    """The secretary answers without changing the text (e.g. the wording is what was decided)."""
    require(bool(svar.strip()), "Skriv ett svar till justeraren.")
    return _besvara(store, kommentar_id, svar, Status.BESVARAD)


def markera_inford(store: Store, kommentar_id: int, svar: str = "") -> Kommentar:
    """The change the justerare asked for is made in the protocol."""
    return _besvara(store, kommentar_id, svar or "Ändringen är införd.", Status.INFORD)


def ateroppna(store: Store, kommentar_id: int) -> Kommentar:
    return _besvara(store, kommentar_id, "", Status.OPPEN)


def list_kommentarer(store: Store, meeting_id: int) -> list[Kommentar]:
    with store.read() as s:
        rows = s.execute(
            select(Justeringskommentar, Person)
            .join(Person, Person.id == Justeringskommentar.person_id)
            .where(Justeringskommentar.meeting_id == meeting_id)
            .order_by(Justeringskommentar.id)
        ).all()
        return [_kommentar(k, p) for k, p in rows]


def godkann(store: Store, arende_id: int, person_id: int, now: dt.datetime) -> None:
    """The justerare's OK on a § of the current draft."""
    with store.session() as s:
        arende = get_row(s, Arende, arende_id, "Ärendet")
        _granskas(s, arende)
        _justerare(s, arende, person_id)
        row = s.scalar(
            select(ParagrafGodkand).where(
                ParagrafGodkand.arende_id == arende_id, ParagrafGodkand.person_id == person_id
            )
        )
        if row is None:
            row = ParagrafGodkand(arende_id=arende_id, person_id=person_id, at=now)
            s.add(row)
        row.version_nummer = _senaste_utkast(s, arende.meeting_id)
        row.at = now


def godkanda(store: Store, meeting_id: int) -> dict[int, set[int]]:
    """ärende id -> the people who gave it their OK."""
    with store.read() as s:
        rows = s.execute(
            select(ParagrafGodkand.arende_id, ParagrafGodkand.person_id)
            .join(Arende, Arende.id == ParagrafGodkand.arende_id)
            .where(Arende.meeting_id == meeting_id)
        ).all()
    out: dict[int, set[int]] = {}
    for arende_id, person_id in rows:
        out.setdefault(arende_id, set()).add(person_id)
    return out
