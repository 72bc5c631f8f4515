"""Closing the meeting: every § is checked for what KL 5 kap. 67 § requires first."""

from __future__ import annotations

import datetime as dt

from secretary.services import beslut, session
from secretary.services.errors import ServiceError
from secretary.store.database import Store


def close_meeting(
    store: Store, meeting_id: int, now: dt.datetime, *, trots_brister: bool = False
) -> session.SessionState:
    """End the meeting. Refused while the checklist has items, unless the secretary
    confirms closing anyway (the items stay on the checklist for the draft)."""
    missing = beslut.kontrollista(store, meeting_id)
    if missing and not trots_brister:
        lines = [f"§ {k.paragraf} {k.rubrik}: {' '.join(k.brister)}" for k in missing]
        raise ServiceError("Innan sammanträdet avslutas saknas följande:\n" + "\n".join(lines))
    return session.close_session(store, meeting_id, now)
