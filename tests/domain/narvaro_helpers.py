"""A small organ to test attendance on: five ledamöter, ersättare from three parties."""

from __future__ import annotations

import datetime as dt

from secretary.domain.ersattare import Organregler, prova
from secretary.domain.narvaro import Deltagare, Handelse, HandelseTyp, Tidslinje, bygg_tidslinje
from secretary.domain.register import Funktion, OrganKind, Roll

ORDF, ANDERS, MARIA, JOHAN, KARIN = 1, 2, 3, 4, 5
FANNY, LARS, OSKAR, ELIN, EVA = 11, 12, 13, 14, 21

PEOPLE = [
    Deltagare(ORDF, "Petra Sandström", "L", Roll.LEDAMOT, Funktion.ORDFORANDE, 1),
    Deltagare(ANDERS, "Anders Almqvist", "S", Roll.LEDAMOT, Funktion.ANDRE_VICE, 2),
    Deltagare(MARIA, "Maria Ek", "S", Roll.LEDAMOT, ordning=3),
    Deltagare(JOHAN, "Johan Berg", "M", Roll.LEDAMOT, ordning=4),
    Deltagare(KARIN, "Karin Strand", "MP", Roll.LEDAMOT, ordning=5),
    Deltagare(FANNY, "Fanny Jönsson", "S", Roll.ERSATTARE, ordning=1),
    Deltagare(LARS, "Lars Nyberg", "S", Roll.ERSATTARE, ordning=2),
    Deltagare(OSKAR, "Oskar Lund", "M", Roll.ERSATTARE, ordning=1),
    Deltagare(ELIN, "Elin Dahl", "MP", Roll.ERSATTARE, ordning=1),
    Deltagare(EVA, "Eva Kristensson", None, Roll.OVRIG, title="kommunsekreterare"),
]
NAMND = Organregler(OrganKind.NAMND, partiordning={None: ["S", "M", "MP", "L"]})


class Mote:
    """Records events one by one through the same check the application uses."""

    def __init__(self, paragrafer: int = 6, regler: Organregler = NAMND) -> None:
        self.n = paragrafer
        self.regler = regler
        self.events: list[Handelse] = []

    @property
    def tl(self) -> Tidslinje:
        return bygg_tidslinje(PEOPLE, self.events, self.n)

    def add(
        self,
        kind: HandelseTyp,
        person: int,
        at: int,
        *,
        seat: int | None = None,
        only_this: bool = False,
        distans: bool = False,
        time: dt.time | None = None,
    ) -> str | None:
        h = Handelse(len(self.events) + 1, kind, person, at, time, distans, seat, only_this)
        refusal = prova(self.tl, h, self.regler)
        if refusal is None:
            self.events.append(h)
        return refusal

    def ok(self, kind: HandelseTyp, person: int, at: int, **kw: object) -> None:
        refusal = self.add(kind, person, at, **kw)  # type: ignore[arg-type]
        assert refusal is None, refusal

    def upprop(self, *people: int) -> None:
        for p in people:
            self.ok(HandelseTyp.NARVARANDE, p, 0)

    def holder(self, position: int, seat: int) -> int | None:
        return self.tl.at(position).holder(seat)
