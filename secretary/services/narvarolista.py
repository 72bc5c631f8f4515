"""What attendance turns into after the fact: the front-page lines and the arvode list."""

from __future__ import annotations

import csv
import io

from secretary.domain.datum_text import klockslag
from secretary.domain.narvaro_text import (
    Forstasida,
    forstasida,
    paragrafer_text,
    person_narvaro,
)
from secretary.services.session import SessionState, load_session
from secretary.store.database import Store


def front_page_of(state: SessionState) -> Forstasida:
    """The front-page lines from the sitting state, nothing read."""
    first = state.arenden[0].paragraf if state.arenden else 1
    return forstasida(state.tidslinje, first, state.started_at, state.ended_at)


def front_page(store: Store, meeting_id: int) -> Forstasida:
    return front_page_of(load_session(store, meeting_id))


ARVODE_COLUMNS = (
    "Namn",
    "Parti",
    "Roll",
    "Från",
    "Till",
    "Minuter",
    "Timmar",
    "Närvarande i",
    "Tjänstgjorde i",
)


def arvode_rows(state: SessionState) -> list[tuple[str, ...]]:
    """One row per person who attended: the basis for attendance allowances."""
    rows: list[tuple[str, ...]] = []
    for d in state.deltagare:
        pn = person_narvaro(state.tidslinje, d.person_id, state.started_at, state.ended_at)
        if not pn.present:
            continue
        starts = [a for a, _ in pn.intervals if a is not None]
        ends = [b for _, b in pn.intervals if b is not None]
        minutes = pn.minutes
        rows.append(
            (
                d.name,
                d.party or "",
                d.roll.label,
                klockslag(min(starts)) if starts else "",
                klockslag(max(ends)) if ends else "",
                "" if minutes is None else str(minutes),
                "" if minutes is None else f"{minutes / 60:.2f}".replace(".", ","),
                paragrafer_text([state.paragraf(p) for p in pn.present]),
                paragrafer_text([state.paragraf(p) for p in pn.serving]),
            )
        )
    return sorted(rows, key=lambda r: (r[2], r[0]))


def arvode_csv(store: Store, meeting_id: int) -> str:
    """Semicolon-separated with a BOM-free header, as Swedish Excel opens it."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(ARVODE_COLUMNS)
    writer.writerows(arvode_rows(load_session(store, meeting_id)))
    return out.getvalue()
