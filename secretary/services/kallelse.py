"""Sending the kallelse: each one sent is kept (its number, day, what it said and the PDF
exactly as it went out); a later one is an "Ändrad kallelse" saying what changed since the
one before. Also the kungörelse's day for fullmäktige and the organ's kallelse deadline
(domain.kallelse)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretary.domain.kallelse import (
    andringar,
    kallelse_dagar,
    senaste_kallelse,
    senaste_kungorelse,
)
from secretary.domain.register import OrganKind
from secretary.reports.data import KallelseData
from secretary.services.errors import ServiceError, require
from secretary.services.read import Reads
from secretary.services.read.kallelse import innehall, kallelse_data
from secretary.services.read.register import get_organ_row
from secretary.store.database import Store
from secretary.store.models import Kallelse, Meeting


@dataclass(frozen=True)
class SkickadKallelse:
    nummer: int
    skickad: dt.datetime
    andringar: tuple[str, ...]
    rubrik: str  # "Kallelse", "Ändrad kallelse nr 1"


@dataclass(frozen=True)
class KallelseLage:
    """Where the meeting's kallelse stands: what was sent, what a new one would change, and
    the deadlines."""

    meeting_id: int
    skickade: tuple[SkickadKallelse, ...]
    nya_andringar: tuple[str, ...]  # since the last one sent; () when none was sent
    senast_kallelse: dt.date
    kf: bool
    senast_kungorelse: dt.date | None  # fullmäktige only
    kungorelse_uppsatt: dt.date | None

    @property
    def andrad(self) -> bool:
        return bool(self.skickade) and bool(self.nya_andringar)


def _sent(session: Session, meeting_id: int) -> list[Kallelse]:
    return list(
        session.scalars(
            select(Kallelse).where(Kallelse.meeting_id == meeting_id).order_by(Kallelse.nummer)
        )
    )


def _skickad(k: Kallelse) -> SkickadKallelse:
    rubrik = "Kallelse" if k.nummer == 1 else f"Ändrad kallelse nr {k.nummer - 1}"
    return SkickadKallelse(k.nummer, k.skickad, tuple(k.andringar or ()), rubrik)


def nasta(reads: Reads, meeting: Meeting) -> tuple[KallelseData, dict[str, object], list[Kallelse]]:
    """The kallelse that would go out now: numbered after those sent, with its changes."""
    sent = _sent(reads.session, meeting.id)
    data = kallelse_data(reads, meeting, nummer=len(sent) + 1)
    snapshot = innehall(meeting, data)
    if sent:
        data = replace(data, andringar=tuple(andringar(sent[-1].innehall, snapshot)))
    return data, snapshot, sent


def lage(store: Store, meeting_id: int) -> KallelseLage:
    with store.read() as s:
        reads = Reads(s)
        meeting = reads.meeting(meeting_id)
        data, _, sent = nasta(reads, meeting)
        kf = meeting.organ.kind == OrganKind.KF.value
        dagar = kallelse_dagar(kf, meeting.organ.kallelse_dagar)
        return KallelseLage(
            meeting_id=meeting.id,
            skickade=tuple(_skickad(k) for k in sent),
            nya_andringar=data.andringar,
            senast_kallelse=senaste_kallelse(meeting.date, dagar),
            kf=kf,
            senast_kungorelse=senaste_kungorelse(meeting.date) if kf else None,
            kungorelse_uppsatt=meeting.kungorelse_uppsatt,
        )


def skicka(store: Store, meeting_id: int, nu: dt.datetime) -> tuple[SkickadKallelse, bytes]:
    """Record the kallelse as sent now and keep its PDF. A second one is an Ändrad kallelse
    and is refused when nothing has changed since the last."""
    from secretary.reports.kallelse import kallelse_pdf

    with store.session() as s:
        reads = Reads(s)
        meeting = reads.meeting(meeting_id)
        require(
            bool(meeting.arenden),
            "Sammanträdet har inga ärenden ännu. Lägg till ärenden i föredragningslistan först.",
        )
        data, snapshot, sent = nasta(reads, meeting)
        if sent and not data.andringar:
            raise ServiceError(
                f"Inget har ändrats sedan {_skickad(sent[-1]).rubrik.lower()} skickades "
                f"{sent[-1].skickad.date().isoformat()}; ingen ändrad kallelse behövs."
            )
        data = replace(data, skickad=nu.date())
        pdf = kallelse_pdf(data)
        row = Kallelse(
            meeting_id=meeting.id,
            nummer=data.nummer,
            skickad=nu,
            innehall=snapshot,
            andringar=list(data.andringar),
            pdf=pdf,
        )
        s.add(row)
        s.flush()
        return _skickad(row), pdf


def stored_pdf(session: Session, meeting_id: int, nummer: int) -> Kallelse:
    row = session.scalar(
        select(Kallelse).where(Kallelse.meeting_id == meeting_id, Kallelse.nummer == nummer)
    )
    if row is None:
        raise ServiceError(f"Kallelse nr {nummer} har inte skickats för sammanträdet.")
    return row


def satt_kungorelse(store: Store, meeting_id: int, uppsatt: dt.date | None) -> None:
    """The day fullmäktige's kungörelse went up on the anslagstavla (None: not yet)."""
    with store.session() as s:
        meeting = Reads(s).meeting(meeting_id)
        require(
            meeting.organ.kind == OrganKind.KF.value,
            "Kungörelse på anslagstavlan gäller kommunfullmäktige.",
        )
        meeting.kungorelse_uppsatt = uppsatt


def satt_kallelse_dagar(store: Store, organ_id: int, dagar: int | None) -> None:
    """How many days before the meeting the reglemente wants the kallelse out."""
    require(dagar is None or 0 <= dagar <= 60, "Ange antal dagar mellan 0 och 60.")
    with store.session() as s:
        get_organ_row(s, organ_id).kallelse_dagar = dagar


def organets_frist(store: Store, organ_id: int) -> int | None:
    """The organ's kallelse deadline in days before the meeting (None: none set)."""
    with store.read() as s:
        return get_organ_row(s, organ_id).kallelse_dagar
