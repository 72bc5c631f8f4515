"""The reminder list across every organ's meetings (secretary.domain.paminnelser)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, or_, select

from secretary.domain.arbetsgang import Tillstand, tillstand
from secretary.domain.paminnelser import Motesfakta, Paminnelse, paminnelser
from secretary.domain.register import OrganKind
from secretary.store.database import Store
from secretary.store.models import Kallelse, Meeting, Organ

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
            select(Meeting, Organ)
            .join(Organ, Organ.id == Meeting.organ_id)
            .where(
                or_(
                    Meeting.state.in_(_EFTER_MOTET),
                    and_(Meeting.state == Tillstand.PLANERAT.value, Meeting.date >= idag),
                )
            )
        ).all()
        ids = [m.id for m, _ in rows]
        skickade = set(
            s.scalars(select(Kallelse.meeting_id).where(Kallelse.meeting_id.in_(ids)))
            if ids
            else ()
        )
        moten = [
            Motesfakta(
                m.id,
                f"{organ.name} {m.date.isoformat()}",
                tillstand(m.state),
                m.date,
                m.justerat_datum,
                m.anslag_nedtagning,
                kf=organ.kind == OrganKind.KF.value,
                kallelse_skickad=m.id in skickade,
                kallelse_dagar=organ.kallelse_dagar,
                kungorelse_uppsatt=m.kungorelse_uppsatt,
            )
            for m, organ in rows
        ]
    return paminnelser(moten, idag)
