"""What a val § did to the register at justering, kept so a rättelse can take back exactly
that (services.rattelse.ratta_val) and nothing else.

`folj_beslutet` (services.val) notes each membership it adds, as it left it, and each
uppdrag it ends, with the end before and after; the note is kept in the § record under
"registret" (store.models.ParagrafVal; the transfer format leaves it out, as database ids do
not travel). Taking it back removes an added membership and gives an ended uppdrag its old
end, but only where the register still says what the decision wrote: a membership the
secretary has changed by hand since is left as it is, and named.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from secretary.domain.register import Roll, full_name, person_label
from secretary.domain.val import roll_ord
from secretary.store.models import Membership

NYCKEL = "registret"


def _dag(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _avbild(m: Membership) -> dict[str, Any]:
    """A membership as the decision left it: every field a secretary can change by hand."""
    return {
        "id": m.id,
        "person_id": m.person_id,
        "organ_id": m.organ_id,
        "roll": m.roll,
        "funktion": m.funktion,
        "ordning": m.ordning,
        "title": m.title,
        "period_from": _dag(m.period_from),
        "period_to": _dag(m.period_to),
        "personlig_ersattare_for_id": m.personlig_ersattare_for_id,
    }


@dataclass
class Spar:
    """The trace of one § being followed: memberships added, uppdrag ended."""

    nya: list[Membership] = field(default_factory=list)
    avslutade: list[dict[str, Any]] = field(default_factory=list)

    def avsluta(self, m: Membership, sista_dag: dt.date) -> None:
        self.avslutade.append({"id": m.id, "fore": _dag(m.period_to), "efter": _dag(sista_dag)})
        m.period_to = sista_dag

    def json(self) -> dict[str, Any]:
        """Called once the § is followed (personliga ersättare tied), so the image is final."""
        return {"nya": [_avbild(m) for m in self.nya], "avslutade": self.avslutade}


def _namn(m: Membership) -> str:
    organ = m.organ.name[:1].lower() + m.organ.name[1:]
    p = m.person
    who = person_label(full_name(p.first_name, p.last_name), p.party.short if p.party else None)
    return f"{who} som {roll_ord(Roll(m.roll), 1)} i {organ}"


@dataclass(frozen=True)
class Aterstallt:
    """What taking a decision back did: counts, and what was left because changed by hand."""

    borttagna: int
    aterstallda: int
    lamnade: tuple[str, ...]


def ta_tillbaka(session: Session, spar: dict[str, Any]) -> Aterstallt:
    """Undo what the decision noted in `spar`, where the register still says it."""
    bort: list[Membership] = []
    lamnade: list[str] = []
    for bild in spar.get("nya", []):
        m = session.get(Membership, bild["id"])
        if m is None:
            continue  # removed by hand since: nothing left to take back
        if _avbild(m) != bild:
            lamnade.append(f"{_namn(m)} (ändrat för hand efter justeringen)")
        else:
            bort.append(m)
    aterstallda = 0
    for a in reversed(spar.get("avslutade", [])):
        m = session.get(Membership, a["id"])
        if m is None:
            continue
        if _dag(m.period_to) != a["efter"]:
            lamnade.append(f"{_namn(m)} (slutdagen ändrad för hand efter justeringen)")
            continue
        m.period_to = dt.date.fromisoformat(a["fore"]) if a["fore"] else None
        aterstallda += 1
    for m in bort:
        session.delete(m)
    session.flush()
    return Aterstallt(len(bort), aterstallda, tuple(lamnade))
