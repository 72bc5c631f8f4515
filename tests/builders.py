"""Builders for tests: an organ with members, a meeting with ärenden, in a few words."""

from __future__ import annotations

import datetime as dt

from secretary.domain.register import Funktion, OrganKind, Roll
from secretary.services import agenda, register
from secretary.store.database import Store


def organ(store: Store, name: str = "Kommunstyrelsen", pattern: str = "KS ÅÅÅÅ/####") -> int:
    return register.create_organ(
        store, register.OrganInput(name=name, kind=OrganKind.KS, dnr_pattern=pattern)
    ).id


def member(
    store: Store,
    organ_id: int,
    name: str,
    party: str = "S",
    roll: Roll = Roll.LEDAMOT,
    funktion: Funktion = Funktion.INGEN,
    ordning: int = 0,
) -> register.MemberRow:
    first, _, last = name.partition(" ")
    return register.add_member(
        store,
        organ_id,
        register.MemberInput(
            first_name=first,
            last_name=last,
            party=party,
            roll=roll,
            funktion=funktion,
            ordning=ordning,
        ),
    )


def meeting(
    store: Store, organ_id: int, date: dt.date, arenden: int = 0, start: int | None = None
) -> agenda.MeetingData:
    data = agenda.create_meeting(
        store, organ_id, agenda.MeetingInput(date=date, first_paragraf_override=start)
    )
    for i in range(arenden):
        agenda.add_arende(store, data.id, agenda.ArendeInput(rubrik=f"Ärende {i + 1}"))
    return agenda.get_meeting(store, data.id)
