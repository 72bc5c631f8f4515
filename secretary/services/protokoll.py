"""What the protocol says about a meeting, read in one unit of work
(secretary.services.read.protokoll builds it; secretary.reports lays it out)."""

from __future__ import annotations

from collections.abc import Iterable

from secretary.reports.data import Anslag, ProtokollData
from secretary.services.read import Reads
from secretary.services.read import protokoll as _protokoll
from secretary.store.database import Store


def protokoll_data(
    store: Store,
    meeting_id: int,
    *,
    paragrafer: Iterable[int] | None = None,
    anslag: Anslag | None = None,
    sekreterare: str | None = None,
) -> ProtokollData:
    """The protocol of a meeting; with `paragrafer`, only those §§ (for an utdrag)."""
    with store.read() as s:
        reads = Reads(s)
        return _protokoll.protokoll_data(
            reads,
            reads.meeting(meeting_id),
            paragrafer=paragrafer,
            anslag=anslag,
            sekreterare=sekreterare,
        )


def lagrat_anslag(store: Store, meeting_id: int) -> Anslag:
    """The notice dates stored on the meeting (services.anslag); blank until decided."""
    with store.read() as s:
        return _protokoll.lagrat_anslag(Reads(s).meeting(meeting_id))
