"""The navigator's list of meetings over an archive of several years: counted in a few
queries, it must say exactly what each meeting says on its own."""

from __future__ import annotations

import datetime as dt

from secretary.domain.register import Roll
from secretary.services import agenda
from secretary.store.database import Store
from tests import builders


def test_the_list_of_meetings_says_what_each_meeting_says(store: Store) -> None:
    ks = builders.organ(store)
    other = builders.organ(store, "Byggnadsnämnden")
    anna = builders.member(store, ks, "Anna Ek", roll=Roll.LEDAMOT).person_id
    builders.meeting(store, other, dt.date(2025, 3, 1), arenden=9)
    made = [
        builders.meeting(store, ks, dt.date(2024, 11, 4), arenden=3, start=200),
        builders.meeting(store, ks, dt.date(2024, 12, 2), arenden=2),
        builders.meeting(store, ks, dt.date(2025, 1, 13)),  # no ärenden yet
        builders.meeting(store, ks, dt.date(2025, 2, 3), arenden=4),
        builders.meeting(store, ks, dt.date(2025, 5, 5), arenden=2, start=40),
        builders.meeting(store, ks, dt.date(2025, 6, 2), arenden=1),
    ]
    # Two meetings the same day: the planned start orders them (none first), then the id.
    for start in (dt.time(13, 0), None):
        m = agenda.create_meeting(
            store,
            ks,
            agenda.MeetingInput(dt.date(2025, 2, 3), planned_start=start, justerare_ids=(anna,)),
        )
        agenda.add_arende(store, m.id, agenda.ArendeInput("Extra"))
        made.append(agenda.get_meeting(store, m.id))

    listed = agenda.list_meetings(store, ks)

    assert listed == [agenda.get_meeting(store, m.id) for m in listed]
    assert {m.id for m in listed} == {m.id for m in made}
    assert [(m.date.isoformat(), m.first_paragraf, m.arende_count) for m in listed] == [
        ("2025-06-02", 42, 1),
        ("2025-05-05", 40, 2),
        ("2025-02-03", 5, 1),  # no time: after the one made first, which has none either
        ("2025-02-03", 6, 1),  # 13.00: last that day
        ("2025-02-03", 1, 4),
        ("2025-01-13", 1, 0),
        ("2024-12-02", 203, 2),
        ("2024-11-04", 200, 3),
    ]
    assert [j.person_id for j in listed[2].justerare] == [anna]
