"""Import, last step: read the new meeting back the way the application will, before commit.

The format checks each value and reference, but not whether the parts fit each other: a
vote for a proposal its question does not put, an ersättare in a seat nobody has. Such a
file can only come from a damaged or hand-edited document, and would break the protocol
later. So the attendance, every § and the protocol are read through the services inside
the import's own transaction, and any failure refuses the import, naming the part.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from sqlalchemy.orm import Session

from secretary.services.overforing.format import FormatError
from secretary.services.read import Reads
from secretary.services.read.protokoll import protokoll_data


def _read(where: str, read: Callable[[], object]) -> None:
    try:
        read()
    except Exception as exc:  # untrusted data meets code that asserts: any failure refuses
        raise FormatError(
            where,
            "hänger inte ihop med resten av filen, så protokollet kan inte skrivas "
            f"({type(exc).__name__}). Filen är skadad eller ändrad för hand",
        ) from None


def _vy(reads: Reads, arende_id: int) -> object:
    return reads.vy(reads.arende(arende_id))


def readable(s: Session, meeting_id: int, arende_ids: list[int]) -> None:
    """The reads of the application (services.read) on the import's own open session: they
    see the rows written so far, and nothing is committed."""
    s.flush()
    reads = Reads(s)
    meeting = reads.meeting(meeting_id)
    _read("sammantrade.narvaro", lambda: reads.state(meeting))
    for i, arende_id in enumerate(arende_ids):
        _read(f"sammantrade.arenden[{i}]", partial(_vy, reads, arende_id))
    _read("sammantrade", lambda: protokoll_data(reads, meeting))
