"""The reminder list across every organ's meetings (secretary.domain.paminnelser)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from secretary.domain.arbetsgang import Tillstand, tillstand
from secretary.domain.paminnelser import Motesfakta, Paminnelse, paminnelser
from secretary.store.database import Store
from secretary.store.models import Meeting, Organ

_EFTER_MOTET = [
    Tillstand.UTKAST.value,
    Tillstand.FOR_JUSTERING.value,
    Tillstand.FOR_UNDERSKRIFT.value,
    Tillstand.JUSTERAT.value,
    Tillstand.ANSLAGET.value,
]


def lista(store: Store, idag: dt.date) -> list[Paminnelse]:
    with store.read() as s:
        rows = s.execute(
            select(Meeting, Organ.name)
            .join(Organ, Organ.id == Meeting.organ_id)
            .where(Meeting.state.in_(_EFTER_MOTET))
        ).all()
        moten = [
            Motesfakta(
                m.id,
                f"{organ} {m.date.isoformat()}",
                tillstand(m.state),
                m.date,
                m.justerat_datum,
                m.anslag_nedtagning,
            )
            for m, organ in rows
        ]
    return paminnelser(moten, idag)
