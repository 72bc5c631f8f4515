"""The public (web) version of the justerat protocol: the masking preview the secretary
checks, and the marked terms kept with the meeting. The document itself comes through
services.dokument.publik; the original protocol and its versions are never changed."""

from __future__ import annotations

from collections.abc import Sequence

from secretary.domain.publicering import Maskering, maskera
from secretary.services import dokument
from secretary.services.errors import require
from secretary.services.innehall import innehall
from secretary.services.protokoll import protokoll_data
from secretary.services.read.agenda import get_meeting_row
from secretary.store.database import Store

MAX_TERMER = 500
MAX_TERM = 200


def forhandsgranska(
    store: Store, meeting_id: int, markerade: Sequence[str] = ()
) -> list[Maskering]:
    """Every masking the public version will make (§, what, where), before export.
    `markerade`: other personal data the secretary marked (names, addresses)."""
    return list(maskera(innehall(protokoll_data(store, meeting_id)), markerade).maskeringar)


def publik_pdf(store: Store, meeting_id: int, markerade: Sequence[str] = ()) -> bytes:
    return dokument.publik(store, meeting_id, markerade).pdf


def termer(store: Store, meeting_id: int) -> tuple[str, ...]:
    """The terms marked for masking in this meeting's public version, as last saved."""
    with store.read() as s:
        return tuple(get_meeting_row(s, meeting_id).maskeringstermer or ())


def spara_termer(store: Store, meeting_id: int, markerade: Sequence[str]) -> tuple[str, ...]:
    """Keep the marked terms, so the next public version (after a rättelse, say) masks the
    same names and addresses without the secretary having to remember them. Not protocol
    content: allowed after justering."""
    kept = tuple(dict.fromkeys(t.strip() for t in markerade if t.strip()))
    require(len(kept) <= MAX_TERMER, f"Högst {MAX_TERMER} uppgifter att maskera.")
    require(
        all(len(t) <= MAX_TERM for t in kept),
        f"En uppgift att maskera får vara högst {MAX_TERM} tecken.",
    )
    with store.session() as s:
        get_meeting_row(s, meeting_id).maskeringstermer = list(kept)
    return kept
