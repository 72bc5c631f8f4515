"""The public (web) version of the justerat protocol: the masking preview the secretary
checks, and the PDF. The original protocol and its versions are never changed."""

from __future__ import annotations

from collections.abc import Sequence

from secretary.domain.publicering import Maskering, Publicering, maskera
from secretary.reports.protokoll import protokoll_pdf
from secretary.services.innehall import innehall, tillbaka
from secretary.services.protokoll import protokoll_data
from secretary.store.database import Store


def _publicering(store: Store, meeting_id: int, markerade: Sequence[str]) -> Publicering:
    return maskera(innehall(protokoll_data(store, meeting_id)), markerade)


def forhandsgranska(
    store: Store, meeting_id: int, markerade: Sequence[str] = ()
) -> list[Maskering]:
    """Every masking the public version will make (§, what, where), before export.
    `markerade`: other personal data the secretary marked (names, addresses)."""
    return list(_publicering(store, meeting_id, markerade).maskeringar)


def publik_pdf(store: Store, meeting_id: int, markerade: Sequence[str] = ()) -> bytes:
    data = protokoll_data(store, meeting_id)
    masked = maskera(innehall(data), markerade)
    return protokoll_pdf(tillbaka(data, masked.innehall), publik=True)
