"""A demo meeting taken to 'utkast' through the services, for the justering tests."""

from __future__ import annotations

import datetime as dt

from secretary.services import avslut, demo, session
from secretary.services.agenda import list_meetings
from secretary.services.register import list_members, list_organs
from secretary.store.database import Store

MOTE = dt.datetime(2026, 11, 30, 13, 0)


def utkast(store: Store) -> tuple[int, list[int], dict[str, int]]:
    """The demo meeting, held and closed: (meeting id, ärende ids, person ids by name)."""
    demo.create_demo(store)
    organ = list_organs(store)[0]
    meeting = list_meetings(store, organ.id)[0]
    state = session.start_session(store, meeting.id, MOTE)
    for seat in state.tidslinje.seats:
        session.mark_upprop(store, meeting.id, seat, session.Upprop.NARVARANDE)
    avslut.close_meeting(store, meeting.id, MOTE.replace(hour=15), trots_brister=True)
    people = {m.name: m.person_id for m in list_members(store, organ.id)}
    return meeting.id, [a.id for a in state.arenden], people
