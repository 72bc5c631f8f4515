"""Where a meeting stands after the meeting, read-only, for the window that shows it: the
state with its dates, the newest draft, §§ waiting for omedelbar justering, and the log of
transitions and versions (issue 6). Nothing here changes anything."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select

from secretary.domain.arbetsgang import Tillstand, tillstand
from secretary.services.read import Reads
from secretary.store.database import Store
from secretary.store.models import Arende, Logg, ParagrafBeslut, Protokollversion


@dataclass(frozen=True)
class Lage:
    meeting_id: int
    state: Tillstand
    justerat_datum: dt.date | None
    anslag_uppsatt: dt.date | None
    sista_overklagandedag: dt.date | None
    nedtagning: dt.date | None
    senaste_utkast: int | None  # the version number of the newest draft
    antal_utkast: int  # drafts made so far: 'utkast 2' is the second
    vantar_omedelbar: tuple[int, ...]  # §§ flagged for omedelbar justering, not yet justerade
    omedelbart_justerade: tuple[int, ...]

    @property
    def text(self) -> str:
        """'Utkast', 'För justering (utkast 2)', 'Justerat 2026-12-01',
        'Anslaget 2026-12-02 – tas ned 2026-12-29'."""
        t = self.state
        if t is Tillstand.FOR_JUSTERING and self.antal_utkast:
            return f"{t.label} (utkast {self.antal_utkast})"
        if t is Tillstand.JUSTERAT and self.justerat_datum is not None:
            return f"{t.label} {self.justerat_datum.isoformat()}"
        if t is Tillstand.ANSLAGET and self.anslag_uppsatt and self.nedtagning:
            return (
                f"{t.label} {self.anslag_uppsatt.isoformat()} – tas ned "
                f"{self.nedtagning.isoformat()}"
            )
        if t is Tillstand.NEDTAGET and self.nedtagning is not None:
            return f"{t.label} {self.nedtagning.isoformat()}"
        return t.label


@dataclass(frozen=True)
class Logghandelse:
    at: dt.datetime
    kind: str
    text: str


def lage(store: Store, meeting_id: int) -> Lage:
    with store.read() as s:
        reads = Reads(s)
        m = reads.meeting(meeting_id)
        paragraf = {a.id: a.paragraf for a in reads.arenden(m)}
        utkast, antal = s.execute(
            select(func.max(Protokollversion.nummer), func.count(Protokollversion.id)).where(
                Protokollversion.meeting_id == meeting_id, Protokollversion.kind == "utkast"
            )
        ).one()
        flaggade = s.execute(
            select(Arende.id, ParagrafBeslut.omedelbart_justerad)
            .join(ParagrafBeslut, ParagrafBeslut.arende_id == Arende.id)
            .where(Arende.meeting_id == meeting_id, ParagrafBeslut.omedelbar_justering)
        ).all()
        return Lage(
            meeting_id,
            tillstand(m.state),
            m.justerat_datum,
            m.anslag_uppsatt,
            m.sista_overklagandedag,
            m.anslag_nedtagning,
            utkast,
            antal or 0,
            tuple(sorted(paragraf[a] for a, done in flaggade if done is None and a in paragraf)),
            tuple(
                sorted(paragraf[a] for a, done in flaggade if done is not None and a in paragraf)
            ),
        )


def logg(store: Store, meeting_id: int) -> list[Logghandelse]:
    """The transitions (the meeting opened and closed, then each state after it), stored
    versions and rättelser, oldest first."""
    with store.read() as s:
        rows = s.scalars(
            select(Logg)
            .where(
                Logg.meeting_id == meeting_id,
                or_(
                    Logg.kind.like("läge-%"),
                    Logg.kind.like("version-%"),
                    Logg.kind.in_(("öppnat", "avslutat", "rättelse", "underskrift", "justerat")),
                    Logg.kind.like("underskrift-%"),
                ),
            )
            .order_by(Logg.at, Logg.id)
        )
        return [Logghandelse(r.at, r.kind, r.text) for r in rows]
