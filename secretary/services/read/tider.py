"""The ajourneringar of a meeting, in time order (services.tider changes them)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretary.domain.tider import Paus
from secretary.store.models import Ajournering


def pauser(session: Session, meeting_id: int) -> list[tuple[int, Paus]]:
    rows = session.execute(
        select(Ajournering.id, Ajournering.fran, Ajournering.till)
        .where(Ajournering.meeting_id == meeting_id)
        .order_by(Ajournering.fran, Ajournering.id)
    ).all()
    return [(id_, Paus(fran, till)) for id_, fran, till in rows]
