"""Helpers for the transfer tests: a fresh database, row counts, a justerat demo meeting."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import func, select

from secretary.domain.beslutsgang import ReservationTyp
from secretary.domain.votering import Rost
from secretary.domain.yrkanden import FORSLAG, YrkandeTyp
from secretary.services import arbetsgang, beslut, granskning, publicering, rattelse
from secretary.store.database import Store, open_store
from secretary.store.models import Base
from tests.conftest import PG_URL, _empty_pg
from tests.services.justering_helpers import utkast

NOW = dt.datetime(2026, 12, 1, 10, 30)


@contextmanager
def fresh(kind: str, template: Path) -> Iterator[Store]:
    """An empty database of the kind, for use inside a hypothesis example (which cannot take
    function-scoped fixtures). PostgreSQL is emptied again afterwards."""
    if kind == "postgresql":
        store = open_store(PG_URL)
        try:
            yield store
        finally:
            _empty_pg(store)
            store.close()
        return
    # tmpfs where there is one: synchronous=FULL makes every commit wait for the disk.
    shm = Path("/dev/shm")
    directory = Path(tempfile.mkdtemp(prefix="overforing-", dir=shm if shm.is_dir() else None))
    shutil.copyfile(template, directory / "db.sqlite")
    store = open_store(directory / "db.sqlite")
    try:
        yield store
    finally:
        store.close()
        shutil.rmtree(directory, ignore_errors=True)


def counts(store: Store) -> dict[str, int]:
    """Rows per table: what a refused import must leave exactly as it was."""
    with store.session() as s:
        return {
            t.name: s.scalar(select(func.count()).select_from(t)) or 0
            for t in Base.metadata.sorted_tables
        }


def justerat(store: Store) -> int:
    """The demo meeting with a contested § (yrkanden, a votering, a reservation), a
    justerare's comment, justerat, then corrected: every kind of row a meeting can have."""
    meeting_id, arenden, p = utkast(store)
    a = arenden[0]
    beslut.add_yrkande(
        store, a, YrkandeTyp.BIFALL, p["Petra Sandström"], instammande=[p["Johan Berg"]]
    )
    beslut.add_yrkande(store, a, YrkandeTyp.AVSLAG, p["Anders Almqvist"])
    beslut.besvara(store, a, FORSLAG, votering_begard=True)
    beslut.rosta(store, a, p["Anders Almqvist"], Rost.NEJ)
    beslut.rosta(store, a, p["Maria Ek"], Rost.NEJ)
    beslut.resten(store, a, Rost.JA)
    beslut.add_reservation(
        store, a, p["Anders Almqvist"], ReservationTyp.SKRIFTLIG, "Skäl & <grunder>"
    )
    beslut.add_anteckning(store, arenden[1], p["Birger Hedlund"], "En anteckning.")
    arbetsgang.skicka_for_justering(store, meeting_id, NOW)
    justerare = p["Birger Hedlund"]
    granskning.godkann(store, arenden[2], justerare, NOW)
    k = granskning.add_kommentar(store, arenden[1], justerare, "Stavfel?", NOW)
    granskning.markera_inford(store, k.id)
    arbetsgang.justera(store, meeting_id, NOW)
    rattelse.ratta(
        store, arenden[1], "sammanfattning", ["Rättad text."], "Skrivfel", "Eva Kristensson", NOW
    )
    publicering.spara_termer(store, meeting_id, ["Storgatan 1", "Maria Ek"])
    return meeting_id
