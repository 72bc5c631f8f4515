"""Fetching a row a user picked, with a message when someone else has removed it meanwhile."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from secretary.services.errors import NotFoundError

T = TypeVar("T")


def get_row(session: Session, model: type[T], id_: int, what: str) -> T:
    """The row, or NotFoundError saying '<what> finns inte längre'."""
    obj = session.get(model, id_)
    if obj is None:
        raise NotFoundError(f"{what} finns inte längre; listan uppdateras.")
    return obj
