"""Closing the meeting: every § is checked for what KL 5 kap. 67 § requires first."""

from __future__ import annotations

import datetime as dt

from secretary.services import las
from secretary.services.errors import ServiceError
from secretary.services.read import Reads
from secretary.services.read.val import kontrollpunkter_val
from secretary.services.session import SessionState, close_in
from secretary.store.database import Store


def close_meeting(
    store: Store, meeting_id: int, now: dt.datetime, *, trots_brister: bool = False
) -> SessionState:
    """End the meeting. Refused while the checklist has items, unless the secretary
    confirms closing anyway (the items stay on the checklist for the draft)."""
    with store.session() as s:
        reads = Reads(s)
        meeting = las.las_mote(s, meeting_id)
        missing = kontrollpunkter_val(reads, meeting)
        if missing and not trots_brister:
            lines = [f"§ {k.paragraf} {k.rubrik}: {' '.join(k.brister)}" for k in missing]
            raise ServiceError("Innan sammanträdet avslutas saknas följande:\n" + "\n".join(lines))
        state = close_in(reads, meeting, now)
    store.backup("sammanträde-avslutat")
    return state
