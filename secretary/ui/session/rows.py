"""What each session panel shows, derived from one SessionState: plain frozen rows, no Qt.

The people panel shows everyone as they stand at the *boundary* (where a change recorded now
takes effect), because that is what the next key press changes. The serving list and
beslutförhet are for the § at the cursor, because that is the § being decided.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from dataclasses import dataclass

from secretary.domain.datum_text import dag_och_datum
from secretary.domain.ersattare import (
    foreslag,
    lediga_platser,
    mojliga_overtaganden,
    tillgangliga_ersattare,
)
from secretary.domain.narvaro import Deltagare
from secretary.domain.register import Funktion, Roll
from secretary.services.session import HandelseRad, SessionState, Upprop

GROUPS = (
    (Roll.LEDAMOT, "Ledamöter"),
    (Roll.ERSATTARE, "Ersättare"),
    (Roll.ADJUNGERAD, "Adjungerade"),
    (Roll.OVRIG, "Övriga"),
)


class Status(enum.Enum):
    NARVARANDE = "Närvarande"
    DISTANS = "Distans"
    FRANVARANDE = "Frånvarande"
    LAMNAT = "Har lämnat"
    JAV = "Jäv"


UPPROP_TEXT = {
    Upprop.NARVARANDE: "Närvarande",
    Upprop.DISTANS: "Distans",
    Upprop.FRANVARANDE: "Frånvarande",
}


@dataclass(frozen=True)
class PersonRad:
    """One person, or a group heading (person_id None)."""

    person_id: int | None
    namn: str
    funktion: str = ""
    upprop: Upprop = Upprop.FRANVARANDE
    status: Status = Status.FRANVARANDE
    tjanstgoring: str = ""

    @property
    def heading(self) -> bool:
        return self.person_id is None


@dataclass(frozen=True)
class ArendePunkt:
    position: int
    paragraf: str
    rubrik: str
    lage: str  # "behandlad", "behandlas", "nästa", ""


@dataclass(frozen=True)
class PlatsRad:
    """A seat in the serving list of one §."""

    seat: int
    plats: str
    tjanstgor: str
    anm: str


@dataclass(frozen=True)
class VakansRad:
    """A vacant seat with the ranked ersättare, or (overtagande) a possible takeover."""

    seat: int
    plats: str
    forslag: tuple[Deltagare, ...]
    overtagande: bool = False
    innehavare: str = ""

    @property
    def top(self) -> Deltagare | None:
        return self.forslag[0] if self.forslag else None


@dataclass(frozen=True)
class HandelsePost:
    id: int
    time: dt.time | None
    text: str


def funktion_text(d: Deltagare) -> str:
    return d.funktion.label if d.funktion is not Funktion.INGEN else d.title


def upprop_of(state: SessionState) -> dict[int, Upprop]:
    out: dict[int, Upprop] = {}
    for h in state.handelser:
        if h.vid_upprop:
            out[h.person_id] = Upprop.DISTANS if h.distans else Upprop.NARVARANDE
    return out


def _ordered(state: SessionState, roll: Roll) -> list[Deltagare]:
    people = [d for d in state.deltagare if d.roll is roll]
    if roll is Roll.LEDAMOT:
        by_id = {d.person_id: d for d in people}
        return [by_id[s] for s in state.tidslinje.seats]
    if roll is Roll.ERSATTARE:
        return sorted(people, key=lambda d: (d.party or "", d.ordning, d.name))
    return sorted(people, key=lambda d: d.name)


def person_rows(state: SessionState) -> list[PersonRad]:
    b = state.boundary
    tl = state.tidslinje
    narvaro = state.narvaro(b)
    room = tl.present_at_boundary(b)
    answers = upprop_of(state)
    left = tl.left_by(b)
    rows: list[PersonRad] = []
    for roll, title in GROUPS:
        people = _ordered(state, roll)
        if not people:
            continue
        rows.append(PersonRad(None, f"{title} ({len(people)})"))
        for d in people:
            pid = d.person_id
            if narvaro is not None and pid in narvaro.javiga:
                status = Status.JAV
            elif pid in room:
                status = Status.DISTANS if room[pid] else Status.NARVARANDE
            elif pid in left:
                status = Status.LAMNAT
            else:
                status = Status.FRANVARANDE
            rows.append(
                PersonRad(
                    pid,
                    d.label,
                    funktion_text(d),
                    answers.get(pid, Upprop.FRANVARANDE),
                    status,
                    _serving_text(state, d, b),
                )
            )
    return rows


def _serving_text(state: SessionState, d: Deltagare, boundary: int) -> str:
    narvaro = state.narvaro(boundary)
    if narvaro is None:
        return ""
    people = state.tidslinje.deltagare
    pid = d.person_id
    if d.roll is Roll.LEDAMOT:
        holder = narvaro.holder(pid)
        if holder == pid:
            return "Tjänstgör"
        if holder is not None:
            return f"Ersätts av {people[holder].label}"
        return "Platsen är vakant"
    seat = narvaro.seat_of(pid)
    if seat is not None:
        return f"Tjänstgör för {people[seat].label}"
    if d.roll is Roll.ERSATTARE and pid in narvaro.present:
        return "Tjänstgör inte"
    return ""


def agenda_rows(state: SessionState) -> list[ArendePunkt]:
    out: list[ArendePunkt] = []
    for a in state.arenden:
        if a.position < state.cursor:
            lage = "behandlad"
        elif a.position == state.cursor:
            lage = "behandlas" if state.under_behandling else "nästa"
        else:
            lage = ""
        out.append(ArendePunkt(a.position, f"§ {a.paragraf}", a.rubrik, lage))
    return out


def seat_rows(state: SessionState, position: int) -> list[PlatsRad]:
    """Who holds each seat in the §, in seat order with the chair last."""
    narvaro = state.narvaro(position)
    if narvaro is None:
        return []
    people = state.tidslinje.deltagare
    rows: list[PlatsRad] = []
    for seat in state.tidslinje.seats:
        ledamot = people[seat]
        plats = ledamot.label
        if ledamot.funktion is not Funktion.INGEN:
            plats += f", {ledamot.funktion.label}"
        holder = narvaro.holder(seat)
        if holder == seat:
            anm = "på distans" if seat in narvaro.distans else ""
            rows.append(PlatsRad(seat, plats, ledamot.label, anm))
        elif holder is not None:
            anm = "ersättare"
            if seat in narvaro.javiga:
                anm = "ersättare, ledamoten jävig"
            rows.append(PlatsRad(seat, plats, people[holder].label, anm))
        else:
            anm = "jäv – ingen ersättare" if seat in narvaro.javiga else "vakant"
            rows.append(PlatsRad(seat, plats, "—", anm))
    return rows


def vacancy_rows(state: SessionState) -> list[VakansRad]:
    """Vacant seats at the boundary with the ranked proposal, then possible takeovers."""
    b = state.boundary
    tl = state.tidslinje
    available = tillgangliga_ersattare(tl, b)
    rows = [
        VakansRad(
            seat, tl.deltagare[seat].label, tuple(foreslag(tl, b, seat, state.regler, available))
        )
        for seat in lediga_platser(tl, b)
    ]
    narvaro = state.narvaro(b)
    for seat, ersattare in mojliga_overtaganden(tl, b):
        holder = narvaro.holder(seat) if narvaro is not None else None
        rows.append(
            VakansRad(
                seat,
                tl.deltagare[seat].label,
                (ersattare,),
                overtagande=True,
                innehavare=tl.deltagare[holder].label if holder is not None else "",
            )
        )
    return rows


def event_rows(state: SessionState) -> list[HandelsePost]:
    """The event log, newest last; the time is its own (editable) column."""
    return [
        HandelsePost(h.id, h.time, state.describe(dataclasses.replace(h, time=None)))
        for h in state.handelser
    ]


def from_paragraf(state: SessionState) -> str:
    """'§ 337', or 'efter sista paragrafen' when the last § is being handled."""
    b = state.boundary
    return "efter sista paragrafen" if b >= len(state.arenden) else f"§ {state.paragraf(b)}"


def event_by_id(state: SessionState, event_id: int) -> HandelseRad | None:
    return next((h for h in state.handelser if h.id == event_id), None)


def datum_text(d: dt.date) -> str:
    """'måndag 30 november 2026'."""
    return dag_och_datum(d)


def parse_klockslag(text: str) -> dt.time | None:
    """'13.40', '13:40', '1340' or '' (no time). Raises ValueError otherwise."""
    raw = text.strip().replace(":", ".")
    if not raw:
        return None
    if "." not in raw and raw.isdigit() and len(raw) in (3, 4):
        raw = f"{raw[:-2]}.{raw[-2:]}"
    hours, _, minutes = raw.partition(".")
    return dt.time(int(hours), int(minutes or 0))
