"""Import, last step: read the new meeting back the way the application will, before commit.

The format checks each value and reference, but not whether the parts fit each other: a
vote for a proposal its question does not put, an ersättare in a seat nobody has. Such a
file can only come from a damaged or hand-edited document, and would break the protocol
later. So the attendance, every § and the protocol are read through the services inside
the import's own transaction, and any failure refuses the import, naming the part.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import cast

from sqlalchemy.orm import Session

from secretary.services import beslut, session
from secretary.services.overforing.format import FormatError
from secretary.services.protokoll import protokoll_data
from secretary.store.database import Store


class _Inside:
    """A store whose unit of work is the import's open session: the services read the rows
    written so far, and nothing is committed."""

    def __init__(self, s: Session) -> None:
        self._session = s

    @contextmanager
    def session(self) -> Iterator[Session]:
        yield self._session


def _read(where: str, read: Callable[[], object]) -> None:
    try:
        read()
    except Exception as exc:  # untrusted data meets code that asserts: any failure refuses
        raise FormatError(
            where,
            "hänger inte ihop med resten av filen, så protokollet kan inte skrivas "
            f"({type(exc).__name__}). Filen är skadad eller ändrad för hand",
        ) from None


def readable(s: Session, meeting_id: int, arende_ids: list[int]) -> None:
    s.flush()
    inside = cast(Store, _Inside(s))
    _read("sammantrade.narvaro", lambda: session.load_session(inside, meeting_id))
    for i, arende_id in enumerate(arende_ids):
        _read(f"sammantrade.arenden[{i}]", partial(beslut.load_paragraf, inside, arende_id))
    _read("sammantrade", lambda: protokoll_data(inside, meeting_id))
