"""Attendance as the protocol writes it, and per person for arvode; all read off a Tidslinje.

Front-page phrasing follows domain.md ('The protocol document'): "Anders Almgren (S),
2:e vice ordförande, §§ 335–365, kl. 13.00–15.53"; "Fanny Johansson (S), tjänstgör för
Anders Almgren (S) §§ 366–372"; "deltar inte i § 347 p.g.a. jäv"; "deltar på distans".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from secretary.domain.datum_text import klockslag
from secretary.domain.narvaro import Deltagare, HandelseTyp, Tidslinje
from secretary.domain.register import Funktion, Roll


def paragrafer_text(numbers: Sequence[int]) -> str:
    """'§ 347', '§§ 335–340, 342–365'; runs of consecutive §§ collapse to a range."""
    nums = sorted(set(numbers))
    if not nums:
        return ""
    runs: list[tuple[int, int]] = []
    for n in nums:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    parts = [f"{a}" if a == b else f"{a}–{b}" for a, b in runs]
    prefix = "§" if len(nums) == 1 else "§§"
    return f"{prefix} {', '.join(parts)}"


@dataclass(frozen=True)
class PersonNarvaro:
    """One person's attendance over the meeting."""

    person: Deltagare
    present: tuple[int, ...]  # positions
    serving: tuple[int, ...]
    javiga: tuple[int, ...]
    distans: bool
    intervals: tuple[tuple[dt.time | None, dt.time | None], ...]  # arrival, departure
    seats: tuple[tuple[int, tuple[int, ...]], ...]  # (seat, positions) served for others

    @property
    def minutes(self) -> int | None:
        total = 0
        for start, end in self.intervals:
            if start is None or end is None:
                return None
            total += max(0, _minutes(end) - _minutes(start))
        return total


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def person_narvaro(
    tl: Tidslinje, person_id: int, start: dt.time | None, end: dt.time | None
) -> PersonNarvaro:
    person = tl.deltagare[person_id]
    present = tuple(p.position for p in tl.paragrafer if person_id in p.present)
    serving = tuple(p.position for p in tl.paragrafer if person_id in p.serving)
    javiga = tuple(p.position for p in tl.paragrafer if person_id in p.javiga)
    distans = any(person_id in p.distans for p in tl.paragrafer)
    intervals: list[tuple[dt.time | None, dt.time | None]] = []
    open_since: dt.time | None = None
    is_open = False
    for h in tl.handelser:
        if h.person_id != person_id:
            continue
        if h.kind is HandelseTyp.NARVARANDE and not is_open:
            open_since, is_open = (h.time or start), True
        elif h.kind is HandelseTyp.AVGAR and is_open:
            intervals.append((open_since, h.time or end))
            is_open = False
    if is_open:
        intervals.append((open_since, end))
    by_seat: dict[int, list[int]] = {}
    for p in tl.paragrafer:
        seat = p.seat_of(person_id)
        if seat is not None and seat != person_id:
            by_seat.setdefault(seat, []).append(p.position)
    return PersonNarvaro(
        person=person,
        present=present,
        serving=serving,
        javiga=javiga,
        distans=distans,
        intervals=tuple(intervals),
        seats=tuple((seat, tuple(ps)) for seat, ps in by_seat.items()),
    )


@dataclass(frozen=True)
class Forstasida:
    """The attendance parts of the protocol's front page, one line per person."""

    ledamoter: tuple[str, ...]
    tjanstgorande_ersattare: tuple[str, ...]
    ersattare: tuple[str, ...]
    adjungerade: tuple[str, ...]
    ovriga: tuple[str, ...]


_PRESIDIUM = {Funktion.ORDFORANDE: 0, Funktion.FORSTE_VICE: 1, Funktion.ANDRE_VICE: 2}


def forstasida(
    tl: Tidslinje, first_paragraf: int, start: dt.time | None, end: dt.time | None
) -> Forstasida:
    n = len(tl.paragrafer)

    def nums(positions: Sequence[int]) -> list[int]:
        return [first_paragraf + p for p in positions]

    def partial(pn: PersonNarvaro) -> list[str]:
        if len(pn.present) == n:
            return []
        out = [paragrafer_text(nums(pn.present))]
        times = [(a, b) for a, b in pn.intervals if a is not None and b is not None]
        if times and (times[0][0] != start or times[-1][1] != end):
            out.append(f"kl. {klockslag(times[0][0])}–{klockslag(times[-1][1])}")
        return out

    def extras(pn: PersonNarvaro) -> list[str]:
        out: list[str] = []
        if pn.distans:
            out.append("deltar på distans")
        if pn.javiga:
            out.append(f"deltar inte i {paragrafer_text(nums(pn.javiga))} p.g.a. jäv")
        return out

    people = [
        person_narvaro(tl, d.person_id, start, end)
        for d in tl.deltagare.values()
        if any(d.person_id in p.present for p in tl.paragrafer)
    ]
    by_role: dict[Roll, list[PersonNarvaro]] = {r: [] for r in Roll}
    for pn in people:
        by_role[pn.person.roll].append(pn)
    ledamoter = sorted(
        by_role[Roll.LEDAMOT],
        key=lambda pn: (_PRESIDIUM.get(pn.person.funktion, 3), pn.person.ordning),
    )
    ersattare = sorted(
        by_role[Roll.ERSATTARE], key=lambda pn: (pn.person.party or "", pn.person.ordning)
    )

    def line(parts: list[str]) -> str:
        return ", ".join(part for part in parts if part)

    led_lines = tuple(
        line([pn.person.label, pn.person.funktion.label, *partial(pn), *extras(pn)])
        for pn in ledamoter
    )
    tj_lines = tuple(
        line(
            [
                pn.person.label,
                "; ".join(
                    f"tjänstgör för {tl.deltagare[seat].label} {paragrafer_text(nums(ps))}"
                    for seat, ps in pn.seats
                ),
                *extras(pn),
            ]
        )
        for pn in ersattare
        if pn.serving
    )
    ers_lines = tuple(
        line([pn.person.label, *partial(pn), *extras(pn)]) for pn in ersattare if not pn.serving
    )
    adj_lines = tuple(
        line([pn.person.label, pn.person.title or "adjungerad", *partial(pn), *extras(pn)])
        for pn in by_role[Roll.ADJUNGERAD]
    )
    ovr_lines = tuple(
        line([pn.person.label, pn.person.title, *partial(pn), *extras(pn)])
        for pn in sorted(by_role[Roll.OVRIG], key=lambda pn: pn.person.name)
    )
    return Forstasida(led_lines, tj_lines, ers_lines, adj_lines, ovr_lines)
