"""Reading the live session inside a unit of work: the ärenden with their § numbers, the
attendance events and the timeline built from them (secretary.domain.narvaro), the organ's
rules for ersättare, the cursor, and the §§ where a decision without quorum was confirmed.

`SessionState` is built once per meeting and unit of work (services.read.Reads caches it)
and passed to whatever needs attendance: the § view, the protocol, the checks of a write.
After a write of attendance the state is derived again from the events without reading the
database (`SessionState.with_events`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretary.domain.ersattare import Beslutforhet, Organregler, beslutforhet
from secretary.domain.narvaro import (
    Deltagare,
    Handelse,
    HandelseTyp,
    ParagrafNarvaro,
    Tidslinje,
    andringsgrans,
    bygg_tidslinje,
)
from secretary.domain.register import Funktion, OrganKind, Roll, full_name
from secretary.store.models import (
    Arende,
    Logg,
    Meeting,
    Membership,
    NarvaroHandelse,
    Organ,
    Party,
    Person,
)

PAGAR = "pågår"
UNDANTAG = "beslutförhet-undantag"  # the log entry of a decision confirmed without quorum


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
    organ_benamning: str  # the organ in running text (benamning)
    state: str
    started_at: dt.time | None
    ended_at: dt.time | None
    arenden: tuple[ArendeRad, ...]
    cursor: int
    under_behandling: bool
    handelser: tuple[HandelseRad, ...]
    tidslinje: Tidslinje
    regler: Organregler
    undantag: frozenset[int] = frozenset()  # ärende ids decided without quorum, logged

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

    def has_undantag(self, position: int) -> bool:
        return position < len(self.arenden) and self.arenden[position].id in self.undantag

    def paragraf(self, position: int) -> int:
        if position < len(self.arenden):
            return self.arenden[position].paragraf
        first = self.arenden[0].paragraf if self.arenden else 1
        return first + position

    def with_events(self, handelser: Sequence[HandelseRad]) -> SessionState:
        """The same meeting with these events: the timeline derived again, nothing read."""
        return replace(
            self,
            handelser=tuple(sorted(handelser, key=lambda h: h.id)),
            tidslinje=timeline(self.deltagare, handelser, len(self.arenden)),
        )

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


def benamning(organ: Organ) -> str:
    """The organ in running text: 'arbetsutskottet', 'kommunstyrelsen', 'byggnadsnämnden'."""
    if organ.benamning.strip():
        return organ.benamning.strip()
    kind = OrganKind(organ.kind)
    if kind is OrganKind.KF:
        return "kommunfullmäktige"
    if kind is OrganKind.KS:
        return "kommunstyrelsen"
    if kind is OrganKind.AU:
        return "arbetsutskottet"
    return organ.name[:1].lower() + organ.name[1:]


def timeline(
    deltagare: Sequence[Deltagare], handelser: Sequence[HandelseRad], antal: int
) -> Tidslinje:
    """The timeline of these events; events of people no longer in the register are left out."""
    known = {d.person_id for d in deltagare}
    return bygg_tidslinje(
        deltagare, [h.as_domain() for h in handelser if h.person_id in known], antal
    )


def deltagare(session: Session, meeting: Meeting) -> list[Deltagare]:
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


def regler(session: Session, meeting: Meeting) -> Organregler:
    organ = meeting.organ
    shorts = {pid: short for pid, short in session.execute(select(Party.id, Party.short))}
    order: dict[str | None, list[str]] = {}
    for row in organ.party_order:
        key = shorts[row.for_party_id] if row.for_party_id is not None else None
        order.setdefault(key, []).append(shorts[row.party_id])
    return Organregler(OrganKind(organ.kind), organ.personliga_ersattare, order)


def handelser(session: Session, meeting_id: int, pos_of: dict[int, int]) -> tuple[HandelseRad, ...]:
    n = len(pos_of)
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
        .where(e.meeting_id == meeting_id)
        .order_by(e.id)
    ).all()
    return tuple(
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


def build_state(session: Session, meeting: Meeting, first: int) -> SessionState:
    """The session of `meeting` as it stands (its first § number is `first`)."""
    items = session.execute(
        select(Arende.id, Arende.rubrik)
        .where(Arende.meeting_id == meeting.id)
        .order_by(Arende.position)
    ).all()
    arenden = tuple(ArendeRad(aid, i, first + i, rubrik) for i, (aid, rubrik) in enumerate(items))
    pos_of = {a.id: a.position for a in arenden}
    events = handelser(session, meeting.id, pos_of)
    people = deltagare(session, meeting)
    undantag = frozenset(
        aid
        for (aid,) in session.execute(
            select(Logg.arende_id).where(Logg.meeting_id == meeting.id, Logg.kind == UNDANTAG)
        )
        if aid is not None
    )
    return SessionState(
        meeting_id=meeting.id,
        organ_name=meeting.organ.name,
        organ_benamning=benamning(meeting.organ),
        state=meeting.state,
        started_at=meeting.started_at,
        ended_at=meeting.ended_at,
        arenden=arenden,
        cursor=pos_of.get(meeting.current_arende_id or -1, 0),
        under_behandling=meeting.under_behandling,
        handelser=events,
        tidslinje=timeline(people, events, len(arenden)),
        regler=regler(session, meeting),
        undantag=undantag,
    )
