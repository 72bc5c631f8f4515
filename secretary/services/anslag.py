"""The notice on the anslagstavla: posting it (justerat -> anslaget) on a date the law allows,
and taking it down by the clock (anslaget -> nedtaget). The dates are stored on the meeting
and printed in the ANSLAG/BEVIS block and the anslagsbevis (services.read.protokoll.lagrat_anslag).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from secretary.domain.anslag import Anslagsdatum, anslagsdatum, foreslaget_anslag, senaste_anslag
from secretary.domain.arbetsgang import Tillstand
from secretary.services import las
from secretary.services.arbetsgang import overga
from secretary.services.errors import ServiceError
from secretary.services.read.agenda import get_meeting_row
from secretary.store.database import Store
from secretary.store.models import Meeting


def forslag(store: Store, meeting_id: int) -> Anslagsdatum:
    """The dates the application proposes, from the day of justering."""
    with store.read() as s:
        m = get_meeting_row(s, meeting_id)
        if m.justerat_datum is None:
            raise ServiceError("Protokollet är inte justerat än; anslaget kan inte sättas upp.")
        return anslagsdatum(foreslaget_anslag(m.justerat_datum))


def _tillatet(justerat: dt.date, uppsatt: dt.date) -> None:
    if uppsatt < justerat:
        raise ServiceError(
            f"Anslaget kan inte sättas upp före justeringen ({justerat.isoformat()})."
        )
    senast = senaste_anslag(justerat)
    if uppsatt > senast:
        raise ServiceError(
            f"Anslaget ska sättas upp senast {senast.isoformat()}: justeringen ska "
            "tillkännages på anslagstavlan senast andra dagen efter justeringen "
            "(8 kap. 12 § kommunallagen)."
        )


def satt_upp(
    store: Store, meeting_id: int, now: dt.datetime, uppsatt: dt.date | None = None
) -> Anslagsdatum:
    """justerat -> anslaget: store the posting date (the proposal when none is given), the
    last day of appeal and the take-down date."""
    with store.session() as s:
        m = las.las_mote(s, meeting_id)
        if m.justerat_datum is None:
            raise ServiceError("Protokollet är inte justerat än; anslaget kan inte sättas upp.")
        datum = anslagsdatum(uppsatt or foreslaget_anslag(m.justerat_datum))
        _tillatet(m.justerat_datum, datum.uppsatt)
        overga(s, m, Tillstand.ANSLAGET, now)
        m.anslag_uppsatt = datum.uppsatt
        m.sista_overklagandedag = datum.sista_overklagandedag
        m.anslag_nedtagning = datum.nedtagning
        return datum


def ta_ned_forfallna(store: Store, idag: dt.date, now: dt.datetime) -> list[int]:
    """anslaget -> nedtaget for every notice whose take-down day has come. Returns the
    meetings moved."""
    with store.session() as s:
        due = list(
            s.scalars(
                select(Meeting).where(
                    Meeting.state == Tillstand.ANSLAGET.value,
                    Meeting.anslag_nedtagning <= idag,
                )
            )
        )
        for m in due:
            overga(s, m, Tillstand.NEDTAGET, now)
        return [m.id for m in due]
