"""The live session: upprop, arrivals, departures, jäv, ersättare, quorum; all as events.

Every action is one unit of work committed before it returns, so what the window shows is
on disk. Each action is checked by `secretary.domain.ersattare.prova` against the timeline
as it stands, and refused with the rule's reason. It returns an `Andring` with the sitting
state after it (derived from the events in the same unit of work) and the action that
undoes it.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from secretary.domain.arbetsgang import Del
from secretary.domain.ersattare import prova
from secretary.domain.narvaro import Deltagare, HandelseTyp, bygg_tidslinje
from secretary.domain.narvaro_text import paragrafer_text
from secretary.services import las
from secretary.services.andring import HANDELSE, Andring, Ids
from secretary.services.errors import ServiceError, require
from secretary.services.read import Reads
from secretary.services.read.sittning import (
    PAGAR,
    UNDANTAG,
    ArendeRad,
    HandelseRad,
    SessionState,
)
from secretary.services.rows import get_row
from secretary.store.database import Store
from secretary.store.models import Logg, Meeting, NarvaroHandelse

__all__ = [
    "PAGAR",
    "ArendeRad",
    "HandelseRad",
    "SessionState",
    "Upprop",
]


class Upprop(enum.StrEnum):
    NARVARANDE = "NARVARANDE"
    DISTANS = "DISTANS"
    FRANVARANDE = "FRANVARANDE"


UPPROP_ORD = {
    Upprop.NARVARANDE: "närvarande",
    Upprop.DISTANS: "på distans",
    Upprop.FRANVARANDE: "frånvarande",
}


# --- reading ------------------------------------------------------------------------------


def load_session(store: Store, meeting_id: int) -> SessionState:
    with store.read() as s:
        reads = Reads(s)
        return reads.state(reads.meeting(meeting_id))


# --- opening and closing ------------------------------------------------------------------


def _log(session: Session, meeting: Meeting, now: dt.datetime, kind: str, text: str) -> None:
    session.add(Logg(meeting_id=meeting.id, at=now, kind=kind, text=text))


def _minute(now: dt.datetime) -> dt.time:
    return now.time().replace(second=0, microsecond=0)


def start_session(store: Store, meeting_id: int, now: dt.datetime) -> SessionState:
    """Open the meeting in session mode (planerat -> pågår); reopening a running one is fine."""
    with store.session() as s:
        meeting = las.las_mote(s, meeting_id)
        if meeting.state != PAGAR:
            require(
                meeting.state == "planerat",
                "Sammanträdet är avslutat; närvaron kan inte längre ändras här.",
            )
            require(bool(meeting.arenden), "Lägg till minst ett ärende innan sammanträdet öppnas.")
            meeting.state = PAGAR
            meeting.started_at = _minute(now)
            meeting.current_arende_id = meeting.arenden[0].id
            meeting.under_behandling = False
            _log(s, meeting, now, "öppnat", "Sammanträdet öppnat")
        s.flush()
        state = Reads(s).state(meeting)
    store.backup("sammanträde-öppnat")
    return state


def close_in(reads: Reads, meeting: Meeting, now: dt.datetime) -> SessionState:
    """End the meeting inside the caller's unit of work (pågår -> utkast)."""
    las.kontrollera(meeting, Del.NARVARO)
    meeting.state = "utkast"
    meeting.ended_at = _minute(now)
    meeting.under_behandling = False
    _log(reads.session, meeting, now, "avslutat", "Sammanträdet avslutat")
    reads.wrote(meeting_id=meeting.id)
    return reads.state(meeting)


def close_session(store: Store, meeting_id: int, now: dt.datetime) -> SessionState:
    """End the meeting (pågår -> utkast): attendance is fixed from here."""
    with store.session() as s:
        state = close_in(Reads(s), las.las_mote(s, meeting_id), now)
    store.backup("sammanträde-avslutat")
    return state


def _running(reads: Reads, meeting_id: int) -> tuple[Meeting, SessionState]:
    meeting = las.oppna(reads.session, meeting_id, Del.NARVARO)
    return meeting, reads.state(meeting)


# --- the cursor ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SattMarkor:
    """Move to an ärende: about to be handled (between ärenden) or being handled."""

    meeting_id: int
    position: int
    under_behandling: bool

    def __call__(self, store: Store, ids: Ids) -> Andring:
        return set_cursor(store, self.meeting_id, self.position, self.under_behandling)


def set_cursor(store: Store, meeting_id: int, position: int, under_behandling: bool) -> Andring:
    with store.session() as s:
        reads = Reads(s)
        meeting, before = _running(reads, meeting_id)
        items = meeting.arenden
        require(0 <= position < len(items), "Det ärendet finns inte på föredragningslistan.")
        meeting.current_arende_id = items[position].id
        meeting.under_behandling = under_behandling
        state = replace(before, cursor=position, under_behandling=under_behandling)
        reads.wrote(state=state)
        para = state.paragraf(position)
        if under_behandling and position == before.cursor:
            text = f"§ {para} behandlas"
        elif position < before.cursor:
            text = f"Tillbaka till § {para}"
        else:
            text = f"Nästa ärende: § {para}"
        return Andring(
            text,
            undo=SattMarkor(meeting_id, before.cursor, before.under_behandling),
            sittning=state,
        )


# --- events -------------------------------------------------------------------------------


def _check_all(
    state: SessionState, handelser: Sequence[HandelseRad], changed: HandelseRad | None = None
) -> str | None:
    """Replay events through the rules; the first refusal, or None.

    With `changed`, only events that can depend on it are re-checked: those of the same
    person, and those on a seat that person is or holds. An event's check reads only the
    presence of its own person and its seat's holders, so the others cannot change outcome.
    """
    deltagare = state.deltagare
    n = len(state.arenden)
    ordered = sorted(handelser, key=lambda h: (h.position, h.id))
    involved: set[int] | None = None
    if changed is not None:
        involved = {changed.person_id}
        if changed.seat is not None:
            involved.add(changed.seat)
        involved |= {h.seat for h in ordered if h.person_id == changed.person_id and h.seat}
    for index, h in enumerate(ordered):
        if involved is not None and not (
            h.person_id in involved or (h.seat is not None and h.seat in involved)
        ):
            continue
        earlier = [e.as_domain() for e in ordered[:index]]
        tl = bygg_tidslinje(deltagare, earlier, n, upp_till=h.position + 1)
        refusal = prova(tl, h.as_domain(), state.regler)
        if refusal is not None:
            return refusal
    return None


def _later_events(refusal: str) -> str:
    return f"Ändringen går inte: senare händelser bygger på den. {refusal}"


def _arende_at(state: SessionState, position: int) -> int | None:
    return state.arenden[position].id if position < len(state.arenden) else None


def _next_id(state: SessionState) -> int:
    """An id that sorts after every stored event, for checking a candidate before insert."""
    return max((h.id for h in state.handelser), default=0) + 1


def _insert(session: Session, meeting_id: int, candidate: HandelseRad) -> HandelseRad:
    """Store a checked candidate; returns it with the id the database gave it."""
    row = NarvaroHandelse(
        meeting_id=meeting_id,
        kind=candidate.kind.value,
        person_id=candidate.person_id,
        vid_upprop=candidate.vid_upprop,
        arende_id=candidate.arende_id,
        time=candidate.time,
        distans=candidate.distans,
        seat_person_id=candidate.seat,
        only_this=candidate.only_this,
    )
    session.add(row)
    session.flush()
    return replace(candidate, id=row.id)


def _delete(session: Session, event_id: int) -> None:
    row = session.get(NarvaroHandelse, event_id)
    if row is not None:
        session.delete(row)
        session.flush()


def _after(reads: Reads, state: SessionState, handelser: Sequence[HandelseRad]) -> SessionState:
    """The state with the events as now stored, kept for the rest of the unit of work."""
    after = state.with_events(handelser)
    reads.wrote(state=after)
    return after


@dataclass(frozen=True)
class TaBortHandelse:
    event_id: int

    def __call__(self, store: Store, ids: Ids) -> Andring:
        return remove_event(store, ids.current(HANDELSE, self.event_id))


@dataclass(frozen=True)
class AterinforHandelse:
    meeting_id: int
    handelse: HandelseRad

    def __call__(self, store: Store, ids: Ids) -> Andring:
        return restore_event(store, self.meeting_id, self.handelse)


def record(
    store: Store,
    meeting_id: int,
    kind: HandelseTyp,
    person_id: int,
    *,
    time: dt.time | None = None,
    seat: int | None = None,
    distans: bool = False,
    position: int | None = None,
) -> Andring:
    """Record an arrival, departure, jäv or an ersättare taking a seat, where a change
    recorded now takes effect (or at `position`). Refused with the rule's reason."""
    with store.session() as s:
        reads = Reads(s)
        meeting, state = _running(reads, meeting_id)
        at = state.boundary if position is None else position
        only_this = False
        if kind is HandelseTyp.TJANSTGOR and seat is not None:
            narvaro = state.narvaro(at)
            only_this = narvaro is not None and seat in narvaro.javiga
        candidate = HandelseRad(
            id=_next_id(state),
            kind=kind,
            person_id=person_id,
            vid_upprop=False,
            arende_id=_arende_at(state, at),
            position=at,
            time=time,
            distans=distans,
            seat=seat,
            only_this=only_this,
        )
        refusal = prova(state.tidslinje, candidate.as_domain(), state.regler)
        if refusal is None and any(h.position > at for h in state.handelser):
            refusal = _check_all(state, [*state.handelser, candidate], candidate)
        return _added(reads, meeting, state, candidate, refusal)


def _added(
    reads: Reads,
    meeting: Meeting,
    state: SessionState,
    candidate: HandelseRad,
    refusal: str | None,
    was: int | None = None,
) -> Andring:
    """Store an event that passed its checks (or refuse it), with the state after it; `was`
    is the id it had before it was taken back (a redo), so older actions still find it."""
    if refusal is not None:
        raise ServiceError(refusal)
    added = _insert(reads.session, meeting.id, candidate)
    after = _after(reads, state, [*state.handelser, added])
    return Andring(
        after.describe(added),
        undo=TaBortHandelse(added.id),
        sittning=after,
        id=added.id,
        handelse=added,
        flyttade=((HANDELSE, was, added.id),) if was is not None else (),
    )


@dataclass(frozen=True)
class MarkeraUpprop:
    meeting_id: int
    person_id: int
    status: Upprop
    time: dt.time | None = None

    def __call__(self, store: Store, ids: Ids) -> Andring:
        return mark_upprop(store, self.meeting_id, self.person_id, self.status, self.time)


def mark_upprop(
    store: Store, meeting_id: int, person_id: int, status: Upprop, time: dt.time | None = None
) -> Andring:
    """Set a person's answer at the roll call; undo gives the earlier answer back, with its
    time. An answer already given changes nothing (no undo)."""
    with store.session() as s:
        reads = Reads(s)
        meeting, state = _running(reads, meeting_id)
        who = state.tidslinje.deltagare.get(person_id)
        require(who is not None, "Personen hör inte till organet.")
        assert who is not None
        text = f"Upprop: {who.name} {UPPROP_ORD[status]}"
        old = next((h for h in state.handelser if h.vid_upprop and h.person_id == person_id), None)
        if old is None and status is Upprop.FRANVARANDE:
            return Andring(text, sittning=state)
        rest = [h for h in state.handelser if h is not old]
        new: HandelseRad | None = None
        if status is not Upprop.FRANVARANDE:
            new = HandelseRad(
                id=_next_id(state),
                kind=HandelseTyp.NARVARANDE,
                person_id=person_id,
                vid_upprop=True,
                arende_id=None,
                position=0,
                time=time,
                distans=status is Upprop.DISTANS,
                seat=None,
                only_this=False,
            )
            rest.append(new)
        refusal = _check_all(state, rest, old or new)
        if refusal is not None:
            raise ServiceError(_later_events(refusal) if old is not None else refusal)
        if old is not None:
            _delete(s, old.id)
        added = _insert(s, meeting.id, new) if new is not None else None
        stored = [h for h in rest if h is not new] + ([added] if added is not None else [])
        after = _after(reads, state, stored)
        before = Upprop.FRANVARANDE
        if old is not None:
            before = Upprop.DISTANS if old.distans else Upprop.NARVARANDE
        flyttade = ((HANDELSE, old.id, added.id),) if old is not None and added else ()
        return Andring(
            text,
            undo=MarkeraUpprop(meeting_id, person_id, before, old.time if old else None),
            sittning=after,
            id=added.id if added else None,
            handelse=added,
            flyttade=flyttade,
        )


def remove_event(store: Store, event_id: int) -> Andring:
    """Take back an event (undo, or a correction); refused if later events rest on it."""
    with store.session() as s:
        reads = Reads(s)
        row = get_row(s, NarvaroHandelse, event_id, "Händelsen")
        meeting, state = _running(reads, row.meeting_id)
        removed = next(h for h in state.handelser if h.id == event_id)
        rest = [h for h in state.handelser if h.id != event_id]
        refusal = _check_all(state, rest, removed)
        if refusal is not None:
            raise ServiceError(_later_events(refusal))
        text = f"Borttagen: {state.describe(removed)}"
        _delete(s, event_id)
        after = _after(reads, state, rest)
        return Andring(
            text,
            undo=AterinforHandelse(meeting.id, removed),
            sittning=after,
            handelse=removed,
        )


def restore_event(store: Store, meeting_id: int, h: HandelseRad) -> Andring:
    """Put back an event taken back (redo). Checked like a new one; it gets a new id."""
    with store.session() as s:
        reads = Reads(s)
        meeting, state = _running(reads, meeting_id)
        position = (
            0
            if h.vid_upprop
            else next(
                (a.position for a in state.arenden if a.id == h.arende_id), len(state.arenden)
            )
        )
        candidate = replace(h, id=_next_id(state), position=position)
        refusal = _check_all(state, [*state.handelser, candidate], candidate)
        return _added(reads, meeting, state, candidate, refusal, was=h.id)


@dataclass(frozen=True)
class SattTid:
    event_id: int
    time: dt.time | None

    def __call__(self, store: Store, ids: Ids) -> Andring:
        return set_event_time(store, ids.current(HANDELSE, self.event_id), self.time)


def set_event_time(store: Store, event_id: int, time: dt.time | None) -> Andring:
    """The time is taken from the clock and can be corrected afterwards."""
    with store.session() as s:
        reads = Reads(s)
        row = get_row(s, NarvaroHandelse, event_id, "Händelsen")
        _, state = _running(reads, row.meeting_id)
        before = row.time
        row.time = time
        stored = [replace(h, time=time) if h.id == event_id else h for h in state.handelser]
        after = _after(reads, state, stored)
        changed = next(h for h in after.handelser if h.id == event_id)
        shown = f"{time.hour:02d}.{time.minute:02d}" if time else "ingen tid"
        return Andring(
            f"Tiden ändrad till {shown}",
            undo=SattTid(event_id, before),
            sittning=after,
            handelse=changed,
        )


# --- quorum -------------------------------------------------------------------------------


def quorum_override(
    store: Store, meeting_id: int, position: int, now: dt.datetime, motivering: str = ""
) -> Andring:
    """The secretary confirms, explicitly, recording a decision on a § without quorum.
    Logged with time; KL 6 kap. 27 § makes such a decision open to challenge. Not undone:
    the log keeps what was confirmed."""
    with store.session() as s:
        reads = Reads(s)
        meeting, state = _running(reads, meeting_id)
        quorum = state.beslutforhet(position)
        require(quorum is not None, "Det ärendet finns inte på föredragningslistan.")
        assert quorum is not None
        para = state.paragraf(position)
        text = f"§ {para}: beslut trots att {quorum.text}"
        if motivering.strip():
            text += f". {motivering.strip()}"
        arende_id = _arende_at(state, position)
        s.add(Logg(meeting_id=meeting.id, at=now, kind=UNDANTAG, arende_id=arende_id, text=text))
        extra = {arende_id} if arende_id is not None else set()
        after = replace(state, undantag=state.undantag | extra)
        reads.wrote(state=after)
        return Andring(f"§ {para}: undantag från beslutförhet loggat.", sittning=after)


def has_quorum_override(store: Store, meeting_id: int, position: int) -> bool:
    return load_session(store, meeting_id).has_undantag(position)


def may_decide(store: Store, meeting_id: int, position: int) -> tuple[bool, str]:
    """Whether a decision may be recorded on the § now: quorum, or a logged override."""
    state = load_session(store, meeting_id)
    quorum = state.beslutforhet(position)
    if quorum is None:
        return False, "Det ärendet finns inte på föredragningslistan."
    if quorum.ok:
        return True, quorum.text
    if state.has_undantag(position):
        return True, f"{quorum.text}; undantag bekräftat och loggat"
    return False, quorum.text


def serving_list(state: SessionState, position: int) -> list[Deltagare]:
    """Who holds each seat in the §, in seat order with the chair last (for voteringar)."""
    narvaro = state.narvaro(position)
    if narvaro is None:
        return []
    people = state.tidslinje.deltagare
    return [people[h] for seat in state.tidslinje.seats if (h := narvaro.holder(seat)) is not None]


def paragraf_list(state: SessionState, positions: Sequence[int]) -> str:
    return paragrafer_text([state.paragraf(p) for p in positions])
