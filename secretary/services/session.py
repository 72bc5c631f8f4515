"""The live session: upprop, arrivals, departures, jäv, ersättare, quorum; all as events.

Every action is one unit of work committed before it returns, so what the window shows is
on disk. Each action is checked by `secretary.domain.ersattare.prova` against the timeline
as it stands, and refused with the rule's reason.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretary.domain.arbetsgang import Del
from secretary.domain.ersattare import Beslutforhet, Organregler, beslutforhet, prova
from secretary.domain.narvaro import (
    Deltagare,
    Handelse,
    HandelseTyp,
    ParagrafNarvaro,
    Tidslinje,
    andringsgrans,
    bygg_tidslinje,
)
from secretary.domain.narvaro_text import paragrafer_text
from secretary.domain.register import Funktion, OrganKind, Roll, full_name
from secretary.services import las
from secretary.services.agenda import first_paragraf, get_meeting_row
from secretary.services.errors import ServiceError, require
from secretary.services.rows import get_row
from secretary.store.database import Store
from secretary.store.models import (
    Arende,
    Logg,
    Meeting,
    Membership,
    NarvaroHandelse,
    Party,
    Person,
)

PAGAR = "pågår"


class Upprop(enum.StrEnum):
    NARVARANDE = "NARVARANDE"
    DISTANS = "DISTANS"
    FRANVARANDE = "FRANVARANDE"


@dataclass(frozen=True)
class ArendeRad:
    id: int
    position: int
    paragraf: int
    rubrik: str


@dataclass(frozen=True)
class HandelseRad:
    """A stored event with where it stands; enough to delete and re-insert it (undo/redo)."""

    id: int
    kind: HandelseTyp
    person_id: int
    vid_upprop: bool
    arende_id: int | None
    position: int
    time: dt.time | None
    distans: bool
    seat: int | None
    only_this: bool

    def as_domain(self) -> Handelse:
        return Handelse(
            self.id,
            self.kind,
            self.person_id,
            self.position,
            self.time,
            self.distans,
            self.seat,
            self.only_this,
        )


@dataclass(frozen=True)
class SessionState:
    """Everything the session panel shows, read in one go."""

    meeting_id: int
    organ_name: str
    state: str
    started_at: dt.time | None
    ended_at: dt.time | None
    arenden: tuple[ArendeRad, ...]
    cursor: int
    under_behandling: bool
    handelser: tuple[HandelseRad, ...]
    tidslinje: Tidslinje
    regler: Organregler

    @property
    def boundary(self) -> int:
        """Where a change recorded now takes effect."""
        return min(andringsgrans(self.cursor, self.under_behandling), len(self.arenden))

    @property
    def deltagare(self) -> list[Deltagare]:
        return list(self.tidslinje.deltagare.values())

    def narvaro(self, position: int) -> ParagrafNarvaro | None:
        return self.tidslinje.after(position)

    def beslutforhet(self, position: int) -> Beslutforhet | None:
        narvaro = self.narvaro(position)
        return beslutforhet(narvaro) if narvaro is not None else None

    def paragraf(self, position: int) -> int:
        if position < len(self.arenden):
            return self.arenden[position].paragraf
        first = self.arenden[0].paragraf if self.arenden else 1
        return first + position

    def describe(self, h: HandelseRad) -> str:
        """'13.40 Lars Nyberg (S) närvarande från § 340' for the event list."""
        who = self.tidslinje.deltagare[h.person_id].label
        time = f"{h.time.hour:02d}.{h.time.minute:02d} " if h.time else ""
        where = "vid upprop" if h.vid_upprop else self._where(h.position)
        if h.kind is HandelseTyp.NARVARANDE:
            what = "närvarande på distans" if h.distans else "närvarande"
            return f"{time}{who} {what} {where}"
        if h.kind is HandelseTyp.AVGAR:
            return f"{time}{who} lämnar sammanträdet {where}"
        if h.kind is HandelseTyp.JAV:
            return f"{time}{who} deltar inte i § {self.paragraf(h.position)} p.g.a. jäv"
        seat = self.tidslinje.deltagare[h.seat].label if h.seat is not None else "?"
        scope = f"i § {self.paragraf(h.position)}" if h.only_this else where
        return f"{time}{who} tjänstgör för {seat} {scope}"

    def _where(self, position: int) -> str:
        if position >= len(self.arenden):
            return "efter sista paragrafen"
        return f"från § {self.paragraf(position)}"


# --- reading ------------------------------------------------------------------------------


def _deltagare(session: Session, meeting: Meeting) -> list[Deltagare]:
    """The organ's people on the meeting's date, one entry per person (the highest role).
    Plain column rows, not ORM objects: this runs on every action of a live session."""
    rows = session.execute(
        select(
            Membership.id,
            Membership.person_id,
            Membership.roll,
            Membership.funktion,
            Membership.ordning,
            Membership.personlig_ersattare_for_id,
            Membership.title,
            Membership.period_from,
            Membership.period_to,
            Person.first_name,
            Person.last_name,
            Party.short,
        )
        .join(Person, Membership.person_id == Person.id)
        .outerjoin(Party, Person.party_id == Party.id)
        .where(Membership.organ_id == meeting.organ_id)
    ).all()
    seat_person = {r[0]: r[1] for r in rows}
    rank = {Roll.LEDAMOT: 0, Roll.ERSATTARE: 1, Roll.ADJUNGERAD: 2, Roll.OVRIG: 3}
    people: dict[int, Deltagare] = {}
    for r in sorted(rows, key=lambda r: rank[Roll(r[2])]):
        (_, person_id, roll, funktion, ordning, personlig, title, start, end) = r[:9]
        if (start and start > meeting.date) or (end and end < meeting.date):
            continue
        if person_id in people:
            continue
        people[person_id] = Deltagare(
            person_id=person_id,
            name=full_name(r[9], r[10]),
            party=r[11],
            roll=Roll(roll),
            funktion=Funktion(funktion),
            ordning=ordning,
            personlig_ersattare_for=seat_person.get(personlig or -1),
            title=title,
        )
    return list(people.values())


def _regler(session: Session, meeting: Meeting) -> Organregler:
    organ = meeting.organ
    shorts = {pid: short for pid, short in session.execute(select(Party.id, Party.short))}
    order: dict[str | None, list[str]] = {}
    for row in organ.party_order:
        key = shorts[row.for_party_id] if row.for_party_id is not None else None
        order.setdefault(key, []).append(shorts[row.party_id])
    return Organregler(OrganKind(organ.kind), organ.personliga_ersattare, order)


def _state(session: Session, meeting: Meeting) -> SessionState:
    first = first_paragraf(session, meeting)
    items = session.execute(
        select(Arende.id, Arende.rubrik)
        .where(Arende.meeting_id == meeting.id)
        .order_by(Arende.position)
    ).all()
    arenden = tuple(ArendeRad(aid, i, first + i, rubrik) for i, (aid, rubrik) in enumerate(items))
    n = len(arenden)
    pos_of = {a.id: a.position for a in arenden}
    e = NarvaroHandelse
    rows = session.execute(
        select(
            e.id,
            e.kind,
            e.person_id,
            e.vid_upprop,
            e.arende_id,
            e.time,
            e.distans,
            e.seat_person_id,
            e.only_this,
        )
        .where(e.meeting_id == meeting.id)
        .order_by(e.id)
    ).all()
    handelser = tuple(
        HandelseRad(
            id=r[0],
            kind=HandelseTyp(r[1]),
            person_id=r[2],
            vid_upprop=r[3],
            arende_id=r[4],
            position=0 if r[3] else pos_of.get(r[4] or -1, n),
            time=r[5],
            distans=r[6],
            seat=r[7],
            only_this=r[8],
        )
        for r in rows
    )
    deltagare = _deltagare(session, meeting)
    known = {d.person_id for d in deltagare}
    tl = bygg_tidslinje(deltagare, [h.as_domain() for h in handelser if h.person_id in known], n)
    cursor = pos_of.get(meeting.current_arende_id or -1, 0)
    return SessionState(
        meeting_id=meeting.id,
        organ_name=meeting.organ.name,
        state=meeting.state,
        started_at=meeting.started_at,
        ended_at=meeting.ended_at,
        arenden=arenden,
        cursor=cursor,
        under_behandling=meeting.under_behandling,
        handelser=handelser,
        tidslinje=tl,
        regler=_regler(session, meeting),
    )


def load_session(store: Store, meeting_id: int) -> SessionState:
    with store.session() as s:
        return _state(s, get_meeting_row(s, meeting_id))


# --- opening and closing ------------------------------------------------------------------


def _log(session: Session, meeting: Meeting, now: dt.datetime, kind: str, text: str) -> None:
    session.add(Logg(meeting_id=meeting.id, at=now, kind=kind, text=text))


def start_session(store: Store, meeting_id: int, now: dt.datetime) -> SessionState:
    """Open the meeting in session mode (planerat -> pågår); reopening a running one is fine."""
    with store.session() as s:
        meeting = get_meeting_row(s, meeting_id)
        if meeting.state != PAGAR:
            require(
                meeting.state == "planerat",
                "Sammanträdet är avslutat; närvaron kan inte längre ändras här.",
            )
            require(bool(meeting.arenden), "Lägg till minst ett ärende innan sammanträdet öppnas.")
            meeting.state = PAGAR
            meeting.started_at = now.time().replace(second=0, microsecond=0)
            meeting.current_arende_id = meeting.arenden[0].id
            meeting.under_behandling = False
            _log(s, meeting, now, "öppnat", "Sammanträdet öppnat")
        s.flush()
        state = _state(s, meeting)
    store.backup("sammanträde-öppnat")
    return state


def close_session(store: Store, meeting_id: int, now: dt.datetime) -> SessionState:
    """End the meeting (pågår -> utkast): attendance is fixed from here."""
    with store.session() as s:
        meeting = _running(s, meeting_id)
        meeting.state = "utkast"
        meeting.ended_at = now.time().replace(second=0, microsecond=0)
        meeting.under_behandling = False
        _log(s, meeting, now, "avslutat", "Sammanträdet avslutat")
        s.flush()
        state = _state(s, meeting)
    store.backup("sammanträde-avslutat")
    return state


def _running(session: Session, meeting_id: int) -> Meeting:
    meeting = get_meeting_row(session, meeting_id)
    las.kontrollera(meeting, Del.NARVARO)
    return meeting


def set_times(
    store: Store, meeting_id: int, started_at: dt.time | None, ended_at: dt.time | None
) -> SessionState:
    with store.session() as s:
        meeting = get_meeting_row(s, meeting_id)
        las.kontrollera(meeting, Del.TEXT)
        require(
            started_at is None or ended_at is None or ended_at >= started_at,
            "Sammanträdet kan inte sluta innan det börjar.",
        )
        meeting.started_at = started_at
        meeting.ended_at = ended_at
        s.flush()
        return _state(s, meeting)


# --- the cursor ---------------------------------------------------------------------------


def set_cursor(
    store: Store, meeting_id: int, position: int, under_behandling: bool
) -> SessionState:
    """Move to an ärende: about to be handled (between ärenden) or being handled."""
    with store.session() as s:
        meeting = _running(s, meeting_id)
        items = meeting.arenden
        require(0 <= position < len(items), "Det ärendet finns inte på föredragningslistan.")
        meeting.current_arende_id = items[position].id
        meeting.under_behandling = under_behandling
        s.flush()
        return _state(s, meeting)


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
) -> HandelseRad:
    """Record an arrival, departure, jäv or an ersättare taking a seat, where a change
    recorded now takes effect (or at `position`). Refused with the rule's reason."""
    with store.session() as s:
        meeting = _running(s, meeting_id)
        state = _state(s, meeting)
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
        if refusal is not None:
            raise ServiceError(refusal)
        return _insert(s, meeting.id, candidate)


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


def mark_upprop(
    store: Store, meeting_id: int, person_id: int, status: Upprop, time: dt.time | None = None
) -> tuple[HandelseRad | None, HandelseRad | None]:
    """Set a person's answer at the roll call. Returns (removed, added) for undo."""
    with store.session() as s:
        meeting = _running(s, meeting_id)
        state = _state(s, meeting)
        old = next((h for h in state.handelser if h.vid_upprop and h.person_id == person_id), None)
        if old is None and status is Upprop.FRANVARANDE:
            return None, None
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
            row = s.get(NarvaroHandelse, old.id)
            if row is not None:
                s.delete(row)
        added = _insert(s, meeting.id, new) if new is not None else None
        return old, added


def remove_event(store: Store, event_id: int) -> HandelseRad:
    """Take back an event (undo, or a correction); refused if later events rest on it."""
    with store.session() as s:
        row = get_row(s, NarvaroHandelse, event_id, "Händelsen")
        meeting = _running(s, row.meeting_id)
        state = _state(s, meeting)
        removed = next(h for h in state.handelser if h.id == event_id)
        refusal = _check_all(state, [h for h in state.handelser if h.id != event_id], removed)
        if refusal is not None:
            raise ServiceError(_later_events(refusal))
        s.delete(row)
        return removed


def restore_event(store: Store, meeting_id: int, h: HandelseRad) -> HandelseRad:
    """Put back an event taken back (redo). Checked like a new one."""
    with store.session() as s:
        meeting = _running(s, meeting_id)
        state = _state(s, meeting)
        position = (
            0
            if h.vid_upprop
            else next(
                (a.position for a in state.arenden if a.id == h.arende_id), len(state.arenden)
            )
        )
        candidate = replace(h, id=_next_id(state), position=position)
        refusal = _check_all(state, [*state.handelser, candidate], candidate)
        if refusal is not None:
            raise ServiceError(refusal)
        return _insert(s, meeting.id, candidate)


def set_event_time(store: Store, event_id: int, time: dt.time | None) -> HandelseRad:
    """The time is taken from the clock and can be corrected afterwards."""
    with store.session() as s:
        row = get_row(s, NarvaroHandelse, event_id, "Händelsen")
        meeting = _running(s, row.meeting_id)
        row.time = time
        s.flush()
        return next(h for h in _state(s, meeting).handelser if h.id == event_id)


# --- quorum -------------------------------------------------------------------------------


def quorum_override(
    store: Store, meeting_id: int, position: int, now: dt.datetime, motivering: str = ""
) -> None:
    """The secretary confirms, explicitly, recording a decision on a § without quorum.
    Logged with time; KL 6 kap. 27 § makes such a decision open to challenge."""
    with store.session() as s:
        meeting = _running(s, meeting_id)
        state = _state(s, meeting)
        quorum = state.beslutforhet(position)
        require(quorum is not None, "Det ärendet finns inte på föredragningslistan.")
        assert quorum is not None
        text = f"§ {state.paragraf(position)}: beslut trots att {quorum.text}"
        if motivering.strip():
            text += f". {motivering.strip()}"
        s.add(
            Logg(
                meeting_id=meeting.id,
                at=now,
                kind="beslutförhet-undantag",
                arende_id=_arende_at(state, position),
                text=text,
            )
        )


def has_quorum_override(store: Store, meeting_id: int, position: int) -> bool:
    with store.session() as s:
        arende_id = s.scalar(
            select(Arende.id)
            .where(Arende.meeting_id == meeting_id)
            .order_by(Arende.position)
            .offset(position)
            .limit(1)
        )
        return (
            s.scalar(
                select(Logg.id).where(
                    Logg.meeting_id == meeting_id,
                    Logg.kind == "beslutförhet-undantag",
                    Logg.arende_id == arende_id,
                )
            )
            is not None
        )


def may_decide(store: Store, meeting_id: int, position: int) -> tuple[bool, str]:
    """Whether a decision may be recorded on the § now: quorum, or a logged override."""
    state = load_session(store, meeting_id)
    quorum = state.beslutforhet(position)
    if quorum is None:
        return False, "Det ärendet finns inte på föredragningslistan."
    if quorum.ok:
        return True, quorum.text
    if has_quorum_override(store, meeting_id, position):
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
