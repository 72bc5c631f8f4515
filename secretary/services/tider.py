"""The meeting's real times and its ajourneringar: set, corrected and removed, each change
logged with what it was before (domain.tider has the rules). Open while the protocol's text
may change; after justering a correction is a rättelse."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from secretary.domain.arbetsgang import Del
from secretary.domain.datum_text import klockan
from secretary.domain.tider import Paus, ajournering_text, tidshinder
from secretary.services import las
from secretary.services.errors import ServiceError
from secretary.services.read.tider import pauser
from secretary.services.rows import get_row
from secretary.store.database import Store
from secretary.store.models import Ajournering, Logg, Meeting

LOGG_TID = "tider"


@dataclass(frozen=True)
class Tider:
    """What the times dialog and the front page show."""

    meeting_id: int
    start: dt.time | None
    slut: dt.time | None
    ajourneringar: tuple[tuple[int, Paus], ...]

    @property
    def pagaende(self) -> int | None:
        """The break that has not ended, if any."""
        return next((i for i, p in self.ajourneringar if p.till is None), None)


def _tider(session: Session, meeting: Meeting) -> Tider:
    return Tider(
        meeting.id, meeting.started_at, meeting.ended_at, tuple(pauser(session, meeting.id))
    )


def las_tider(store: Store, meeting_id: int) -> Tider:
    with store.read() as s:
        return _tider(s, get_row(s, Meeting, meeting_id, "Sammanträdet"))


def _check(meeting: Meeting, start: dt.time | None, slut: dt.time | None, ps: list[Paus]) -> None:
    hinder = tidshinder(start, slut, ps)
    if hinder is not None:
        raise ServiceError(hinder)


def _log(session: Session, meeting: Meeting, now: dt.datetime, text: str) -> None:
    session.add(Logg(meeting_id=meeting.id, at=now, kind=LOGG_TID, text=text))


def satt_tider(
    store: Store, meeting_id: int, start: dt.time | None, slut: dt.time | None, now: dt.datetime
) -> Tider:
    """The real start and end (the laptop clock gave them when the session was opened and
    closed, which may be wrong); the change is logged with the times before."""
    with store.session() as s:
        meeting = las.oppna(s, meeting_id, Del.TEXT)
        _check(meeting, start, slut, [p for _, p in pauser(s, meeting_id)])
        fore = klockan(meeting.started_at, meeting.ended_at) or "inga tider"
        efter = klockan(start, slut) or "inga tider"
        if fore != efter:
            _log(s, meeting, now, f"Tider ändrade: {fore} → {efter}")
        meeting.started_at, meeting.ended_at = start, slut
        s.flush()
        return _tider(s, meeting)


def ajournera(
    store: Store, meeting_id: int, fran: dt.time, till: dt.time | None, now: dt.datetime
) -> Tider:
    """Record a break; without `till` it lasts until återuppta()."""
    with store.session() as s:
        meeting = las.oppna(s, meeting_id, Del.TEXT)
        nya = [p for _, p in pauser(s, meeting_id)] + [Paus(fran, till)]
        _check(meeting, meeting.started_at, meeting.ended_at, nya)
        s.add(Ajournering(meeting_id=meeting_id, fran=fran, till=till))
        _log(s, meeting, now, f"{ajournering_text(Paus(fran, till))} antecknad")
        s.flush()
        return _tider(s, meeting)


def ateruppta(store: Store, meeting_id: int, till: dt.time, now: dt.datetime) -> Tider:
    """End the break that lasts."""
    with store.session() as s:
        meeting = las.oppna(s, meeting_id, Del.TEXT)
        pagaende = _tider(s, meeting).pagaende
        if pagaende is None:
            raise ServiceError("Sammanträdet är inte ajournerat.")
        return _andra(s, meeting, pagaende, None, till, now)


def andra_ajournering(
    store: Store, ajournering_id: int, fran: dt.time, till: dt.time | None, now: dt.datetime
) -> Tider:
    with store.session() as s:
        row = get_row(s, Ajournering, ajournering_id, "Ajourneringen")
        meeting = las.oppna(s, row.meeting_id, Del.TEXT)
        return _andra(s, meeting, ajournering_id, fran, till, now)


def _andra(
    s: Session,
    meeting: Meeting,
    ajournering_id: int,
    fran: dt.time | None,
    till: dt.time | None,
    now: dt.datetime,
) -> Tider:
    row = get_row(s, Ajournering, ajournering_id, "Ajourneringen")
    fore = Paus(row.fran, row.till)
    efter = Paus(fran or row.fran, till)
    ovriga = [p for i, p in pauser(s, meeting.id) if i != ajournering_id]
    _check(meeting, meeting.started_at, meeting.ended_at, [*ovriga, efter])
    row.fran, row.till = efter.fran, efter.till
    if fore != efter:
        _log(
            s,
            meeting,
            now,
            f"{ajournering_text(fore)} ändrad: {ajournering_text(efter).lower()}",
        )
    s.flush()
    return _tider(s, meeting)


def ta_bort_ajournering(store: Store, ajournering_id: int, now: dt.datetime) -> Tider:
    with store.session() as s:
        row = get_row(s, Ajournering, ajournering_id, "Ajourneringen")
        meeting = las.oppna(s, row.meeting_id, Del.TEXT)
        _log(s, meeting, now, f"{ajournering_text(Paus(row.fran, row.till))} borttagen")
        s.delete(row)
        s.flush()
        return _tider(s, meeting)
