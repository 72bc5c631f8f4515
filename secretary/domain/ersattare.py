"""The rules applied to attendance events, the ersättare proposal, and beslutförhet.

Each refusal says why, in Swedish, naming the rule (domain.md, 'Attendance, ersättare, jäv').
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from secretary.domain.narvaro import (
    Deltagare,
    Handelse,
    HandelseTyp,
    ParagrafNarvaro,
    Tidslinje,
)
from secretary.domain.register import OrganKind, Roll


@dataclass(frozen=True)
class Organregler:
    kind: OrganKind
    personliga_ersattare: bool = False
    # Per party (None: the organ's general order) the other parties to call ersättare from.
    partiordning: Mapping[str | None, Sequence[str]] = field(default_factory=dict)


def _in_force(tl: Tidslinje, boundary: int) -> ParagrafNarvaro | None:
    return tl.after(boundary)


def _served_and_left(tl: Tidslinje, person_id: int, boundary: int) -> bool:
    """Served in some § before `boundary` and then left the meeting (not for jäv)."""
    if not tl.has_left(person_id, boundary):
        return False
    return any(person_id in p.serving for p in tl.paragrafer[:boundary])


def prova(tl: Tidslinje, h: Handelse, regler: Organregler) -> str | None:
    """Why `h` cannot be recorded on the timeline `tl`, or None when it can."""
    person = tl.deltagare.get(h.person_id)
    if person is None:
        return "Personen hör inte till organet."
    n = tl.antal
    if not 0 <= h.position <= n:
        return "Händelsen ligger utanför föredragningslistan."
    room = tl.present_at_boundary(h.position)
    name = person.label
    if h.kind is HandelseTyp.NARVARANDE:
        if h.person_id in room and room[h.person_id] == h.distans:
            return f"{name} är redan antecknad som närvarande."
        if person.roll is Roll.LEDAMOT and tl.has_left(h.person_id, h.position):
            return (
                f"{name} har lämnat sammanträdet och får inte återinträda samma dag: "
                "växeltjänstgöring är inte tillåten. Den som gick ut på grund av jäv "
                "antecknas med jäv, inte som avgången."
            )
        return None
    if h.kind is HandelseTyp.AVGAR:
        if h.person_id not in room:
            return f"{name} är inte närvarande och kan inte lämna sammanträdet."
        return None
    if h.kind is HandelseTyp.JAV:
        if h.position >= n:
            return "Jäv gäller ett ärende; välj paragrafen."
        if h.person_id not in room:
            return f"{name} är inte närvarande vid paragrafen."
        if h.person_id in tl.at(h.position).javiga:
            return f"{name} är redan antecknad med jäv i paragrafen."
        return None
    return _prova_tjanstgoring(tl, h, regler, person)


def _prova_tjanstgoring(
    tl: Tidslinje, h: Handelse, regler: Organregler, person: Deltagare
) -> str | None:
    name = person.label
    if person.roll is not Roll.ERSATTARE:
        return f"{name} är inte ersättare."
    seat_holder = tl.deltagare.get(h.seat) if h.seat is not None else None
    if seat_holder is None or seat_holder.roll is not Roll.LEDAMOT:
        return "Välj den ledamot vars plats ersättaren ska ta."
    narvaro = _in_force(tl, h.position)
    if narvaro is None:
        return "Det finns inget ärende kvar att tjänstgöra i."
    if h.person_id not in narvaro.present:
        return f"{name} är inte närvarande."
    if h.person_id in narvaro.javiga:
        return f"{name} är jävig i § och kan inte tjänstgöra i den."
    if _served_and_left(tl, h.person_id, h.position):
        return f"{name} har tjänstgjort och lämnat sammanträdet; hen får inte tjänstgöra igen."
    if regler.kind is OrganKind.KF and person.party != seat_holder.party:
        return (
            "I kommunfullmäktige tjänstgör bara ersättare från samma parti som ledamoten "
            f"({seat_holder.party})."
        )
    own_seat = narvaro.seat_of(h.person_id)
    if own_seat is not None and own_seat != h.seat:
        return f"{name} tjänstgör redan för {tl.deltagare[own_seat].label}."
    holder_id = narvaro.holder(h.seat) if h.seat is not None else None
    if holder_id == h.seat:
        return f"{seat_holder.label} är närvarande och tjänstgör själv."
    if holder_id == h.person_id:
        return f"{name} tjänstgör redan på den platsen."
    if holder_id is not None:
        holder = tl.deltagare[holder_id]
        if holder.party == seat_holder.party:
            return (
                f"{holder.label} tjänstgör redan för {seat_holder.label}. En tjänstgörande "
                "ersättare ersätts inte av en senare ankommande ersättare från samma parti."
            )
        if person.party != seat_holder.party:
            return (
                f"{holder.label} tjänstgör redan för {seat_holder.label}. Endast en ersättare "
                f"från {seat_holder.party} kan ta över platsen."
            )
    return None


def tillgangliga_ersattare(tl: Tidslinje, boundary: int) -> list[Deltagare]:
    """Ersättare in the room, not jävig, not serving, who have not served and left."""
    narvaro = _in_force(tl, boundary)
    if narvaro is None:
        return []
    serving = narvaro.serving
    return [
        d
        for d in tl.deltagare.values()
        if d.roll is Roll.ERSATTARE
        and d.person_id in narvaro.present
        and d.person_id not in narvaro.javiga
        and d.person_id not in serving
        and not _served_and_left(tl, d.person_id, boundary)
    ]


def foreslag(
    tl: Tidslinje,
    boundary: int,
    seat: int,
    regler: Organregler,
    tillgangliga: Sequence[Deltagare] | None = None,
) -> list[Deltagare]:
    """The available ersättare for `seat`, best first: the personlig ersättare where the organ
    has them; then the ledamot's own party in the ersättarordning; then (not in KF) the other
    parties in the order fullmäktige decided for that party, or the organ's general order.
    `tillgangliga`: tillgangliga_ersattare(tl, boundary) when the caller has it (one list for
    every vacant seat)."""
    ledamot = tl.deltagare[seat]
    candidates = list(
        tillgangliga if tillgangliga is not None else tillgangliga_ersattare(tl, boundary)
    )
    if regler.kind is OrganKind.KF:
        candidates = [d for d in candidates if d.party == ledamot.party]
    order = list(regler.partiordning.get(ledamot.party) or regler.partiordning.get(None) or [])

    def rank(d: Deltagare) -> tuple[int, int, str, int, str]:
        personal = regler.personliga_ersattare and d.personlig_ersattare_for == seat
        if personal:
            tier = 0
        elif d.party == ledamot.party:
            tier = 1
        elif d.party in order:
            tier = 2
        else:
            tier = 3
        party_rank = order.index(d.party) if d.party in order else len(order)
        return (tier, party_rank, d.party or "", d.ordning, d.name)

    return sorted(candidates, key=rank)


def lediga_platser(tl: Tidslinje, boundary: int) -> list[int]:
    """Seats with nobody serving in the § from `boundary`, in seat order."""
    narvaro = _in_force(tl, boundary)
    if narvaro is None:
        return []
    return [seat for seat in tl.seats if narvaro.holder(seat) is None]


def mojliga_overtaganden(tl: Tidslinje, boundary: int) -> list[tuple[int, Deltagare]]:
    """Seats held by another party's ersättare where an ersättare of the ledamot's own party
    is now available and may take over (domain.md: a same-party ersättare may take over)."""
    narvaro = _in_force(tl, boundary)
    if narvaro is None:
        return []
    free = tillgangliga_ersattare(tl, boundary)
    out: list[tuple[int, Deltagare]] = []
    for seat in tl.seats:
        holder = narvaro.holder(seat)
        if holder is None or holder == seat:
            continue
        party = tl.deltagare[seat].party
        if tl.deltagare[holder].party == party:
            continue
        same = sorted((d for d in free if d.party == party), key=lambda d: d.ordning)
        if same:
            out.append((seat, same[0]))
    return out


@dataclass(frozen=True)
class Beslutforhet:
    """More than half of the ledamöter must be serving; serving ersättare count
    (KL 6 kap. 27 § for nämnder; the same rule for fullmäktige, 5 kap. (verify §))."""

    tjanstgorande: int
    platser: int

    @property
    def ok(self) -> bool:
        return self.tjanstgorande * 2 > self.platser

    @property
    def behovs(self) -> int:
        return self.platser // 2 + 1

    @property
    def text(self) -> str:
        head = f"{self.tjanstgorande} av {self.platser} tjänstgör"
        if self.ok:
            return f"{head} – beslutförhet finns"
        return f"{head} – beslutförhet saknas (minst {self.behovs} behövs)"


def beslutforhet(narvaro: ParagrafNarvaro) -> Beslutforhet:
    return Beslutforhet(len(narvaro.serving), len(narvaro.seats))
