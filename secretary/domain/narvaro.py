"""The attendance timeline: who is present, who is jävig and who holds each seat, per §.

Everything about attendance is derived from one list of events (`Handelse`), never typed
twice: the serving list of every §, quorum, the front page and arvode all read the
`Tidslinje` built here.

Positions: the agenda's §§ are numbered 0..n-1 here (the service maps them to § numbers).
An event stands at a *boundary*: boundary p is "before § p", boundary n "after the last §".
Changes happen between ärenden, never during one (domain.md, Attendance), so an event has no
other place to stand.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from secretary.domain.register import Funktion, Roll, person_label


class HandelseTyp(enum.StrEnum):
    NARVARANDE = "NARVARANDE"  # present from this boundary (upprop at 0, or an arrival)
    AVGAR = "AVGAR"  # leaves at this boundary
    JAV = "JAV"  # out for the § at this position only
    TJANSTGOR = "TJANSTGOR"  # an ersättare serves in a seat from this boundary


@dataclass(frozen=True)
class Deltagare:
    """A person who can attend: a ledamot (a seat), an ersättare, an adjungerad or an official."""

    person_id: int
    name: str
    party: str | None
    roll: Roll
    funktion: Funktion = Funktion.INGEN
    ordning: int = 0
    personlig_ersattare_for: int | None = None  # the ledamot's person_id
    title: str = ""

    @property
    def label(self) -> str:
        return person_label(self.name, self.party)


@dataclass(frozen=True)
class Handelse:
    """One recorded attendance event. `seat` is the ledamot's person_id for TJANSTGOR;
    `only_this` makes a TJANSTGOR hold for the § at `position` only (a jäv substitute)."""

    id: int
    kind: HandelseTyp
    person_id: int
    position: int
    time: dt.time | None = None
    distans: bool = False
    seat: int | None = None
    only_this: bool = False


@dataclass(frozen=True)
class ParagrafNarvaro:
    """Attendance during one §."""

    position: int
    present: frozenset[int]
    distans: frozenset[int]
    javiga: frozenset[int]
    seats: Mapping[int, int | None]  # ledamot person_id -> who serves in that seat

    @cached_property
    def serving(self) -> frozenset[int]:
        return frozenset(h for h in self.seats.values() if h is not None)

    def holder(self, seat: int) -> int | None:
        return self.seats.get(seat)

    def seat_of(self, person_id: int) -> int | None:
        for seat, holder in self.seats.items():
            if holder == person_id:
                return seat
        return None


@dataclass
class _State:
    present: dict[int, bool] = field(default_factory=dict)  # person -> distans
    left: set[int] = field(default_factory=set)
    holders: dict[int, int | None] = field(default_factory=dict)  # seat -> regular holder


@dataclass(frozen=True)
class Tidslinje:
    deltagare: Mapping[int, Deltagare]
    handelser: tuple[Handelse, ...]
    paragrafer: tuple[ParagrafNarvaro, ...]  # the first `len(paragrafer)` §§ of `antal`
    seats: tuple[int, ...]  # the ledamöter's person_ids in seat order
    antal: int = 0  # §§ on the agenda

    def at(self, position: int) -> ParagrafNarvaro:
        return self.paragrafer[position]

    def after(self, boundary: int) -> ParagrafNarvaro | None:
        """Attendance in force from `boundary`: the § there, or None after the last §."""
        return self.paragrafer[boundary] if boundary < len(self.paragrafer) else None

    def present_at_boundary(self, boundary: int) -> dict[int, bool]:
        """Who is in the room at a boundary (after its events), with their distans flag."""
        return _replay(self, boundary)[0].present

    def has_left(self, person_id: int, before: int) -> bool:
        return person_id in self.left_by(before)

    def left_by(self, before: int) -> frozenset[int]:
        """Everyone who has left the meeting at or before `before` (once, for a whole list)."""
        return frozenset(
            h.person_id
            for h in self.handelser
            if h.kind is HandelseTyp.AVGAR and h.position <= before
        )


def seat_order(deltagare: Iterable[Deltagare]) -> tuple[int, ...]:
    """Ledamöter in seat order with the chair last: the roll-call order (domain.md, Votering)."""
    ledamoter = [d for d in deltagare if d.roll is Roll.LEDAMOT]
    ledamoter.sort(key=lambda d: (d.funktion is Funktion.ORDFORANDE, d.ordning, d.name))
    return tuple(d.person_id for d in ledamoter)


def bygg_tidslinje(
    deltagare: Sequence[Deltagare],
    handelser: Sequence[Handelse],
    antal_paragrafer: int,
    *,
    upp_till: int | None = None,
) -> Tidslinje:
    """Replay the events in order over the §§ and derive attendance for each §.

    `upp_till` stops after that many §§: checking an event at boundary b needs only the §§
    up to b, which keeps re-checking a whole meeting cheap."""
    people = {d.person_id: d for d in deltagare}
    ordered = tuple(sorted(handelser, key=lambda h: (h.position, h.id)))
    skeleton = Tidslinje(people, ordered, (), seat_order(deltagare), antal_paragrafer)
    until = antal_paragrafer if upp_till is None else min(upp_till, antal_paragrafer)
    _, paragrafer = _replay(skeleton, until, collect=True)
    return Tidslinje(people, ordered, tuple(paragrafer), skeleton.seats, antal_paragrafer)


def _replay(
    tl: Tidslinje, until: int, *, collect: bool = False
) -> tuple[_State, list[ParagrafNarvaro]]:
    state = _State(holders={seat: None for seat in tl.seats})
    out: list[ParagrafNarvaro] = []
    by_boundary: dict[int, list[Handelse]] = {}
    for h in tl.handelser:
        by_boundary.setdefault(h.position, []).append(h)
    previous_special = True
    for position in range(until + 1):
        jav_now: set[int] = set()
        only_now: dict[int, int] = {}
        events = by_boundary.get(position, ())
        for h in events:
            _apply(state, h, jav_now, only_now)
        if events:
            _settle(tl, state)
        if position == until:
            break
        if collect:
            special = bool(jav_now or only_now)
            if out and not events and not special and not previous_special:
                last = out[-1]  # nothing changed (the constructor: replace() is slower)
                out.append(
                    ParagrafNarvaro(position, last.present, last.distans, last.javiga, last.seats)
                )
            else:
                out.append(_snapshot(tl, state, position, jav_now, only_now))
            previous_special = special
    return state, out


def _apply(state: _State, h: Handelse, jav_now: set[int], only_now: dict[int, int]) -> None:
    if h.kind is HandelseTyp.NARVARANDE:
        state.present[h.person_id] = h.distans
        state.left.discard(h.person_id)
    elif h.kind is HandelseTyp.AVGAR:
        state.present.pop(h.person_id, None)
        state.left.add(h.person_id)
    elif h.kind is HandelseTyp.JAV:
        jav_now.add(h.person_id)
    elif h.kind is HandelseTyp.TJANSTGOR and h.seat is not None:
        if h.only_this:
            only_now[h.seat] = h.person_id
        else:
            for seat, holder in state.holders.items():  # one seat at a time
                if holder == h.person_id:
                    state.holders[seat] = None
            state.holders[h.seat] = h.person_id


def _settle(tl: Tidslinje, state: _State) -> None:
    """A ledamot in the room holds the seat; an ersättare who left frees it."""
    for seat in tl.seats:
        if seat in state.present:
            state.holders[seat] = seat
        elif state.holders[seat] == seat or state.holders[seat] not in state.present:
            state.holders[seat] = None


def _snapshot(
    tl: Tidslinje, state: _State, position: int, jav_now: set[int], only_now: dict[int, int]
) -> ParagrafNarvaro:
    seats: dict[int, int | None] = {}
    for seat in tl.seats:
        holder = state.holders[seat]
        if holder is not None and holder in jav_now:
            holder = None
        substitute = only_now.get(seat)
        if holder is None and substitute is not None and substitute in state.present:
            holder = substitute if substitute not in jav_now else None
        seats[seat] = holder
    return ParagrafNarvaro(
        position=position,
        present=frozenset(state.present),
        distans=frozenset(p for p, remote in state.present.items() if remote),
        javiga=frozenset(jav_now),
        seats=seats,
    )


def andringsgrans(current: int, under_behandling: bool) -> int:
    """Where a change recorded now takes effect. Changes happen between ärenden, never during
    one (domain.md, Attendance): while § `current` is being handled, from the next §."""
    return current + 1 if under_behandling else current
