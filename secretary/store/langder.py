"""Text lengths checked before anything is written, the same on SQLite and PostgreSQL.

PostgreSQL refuses a text longer than its column with a driver error; SQLite keeps it, and
the transfer format, which holds to the columns, would then refuse to export the meeting.
One check at flush time covers every service: a too-long text is a refusal the user reads.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, Text, event, inspect
from sqlalchemy.orm import Session

from secretary.store.errors import UserFacingError

# Free text without a column length (sammanfattning, a reservation's grounds): a protocol
# part, not a book. The transfer format takes the same.
MAX_FRITEXT = 1_000_000

_NAMN = {
    "rubrik": "rubriken",
    "dnr": "diarienumret",
    "place": "platsen",
    "justering_place": "platsen för justering",
    "name": "namnet",
    "short_name": "kortnamnet",
    "short": "förkortningen",
    "first_name": "förnamnet",
    "last_name": "efternamnet",
    "email": "e-postadressen",
    "title": "titeln",
    "forvaringsplats": "förvaringsplatsen",
    "dnr_pattern": "diarienummermönstret",
    "benamning": "benämningen",
    "forslag_namn": "förslagets namn",
    "beslut_rubrik": "beslutets rubrik",
    "av": "namnet på den som rättar",
}


def _kontrollera(session: Session, _context: Any, _instances: Any) -> None:
    for obj in (*session.new, *session.dirty):
        mapper = inspect(obj).mapper
        for attr in mapper.column_attrs:
            column = attr.columns[0]
            if not isinstance(column.type, String):
                continue
            value = getattr(obj, attr.key, None)
            if not isinstance(value, str):
                continue
            limit = column.type.length or (MAX_FRITEXT if isinstance(column.type, Text) else None)
            if limit is not None and len(value) > limit:
                what = _NAMN.get(attr.key, f"fältet ”{attr.key}”")
                raise UserFacingError(
                    f"Texten är för lång: {what} får vara högst {limit:,} tecken "
                    f"men har {len(value):,}. Korta den och spara igen.".replace(",", " ")
                )


def install(sessions: Any) -> None:
    event.listen(sessions, "before_flush", _kontrollera)
