"""In-app signing holds no database lock while pyHanko waits for the timestamp server
(issue 12; services.signering.signera): another connection writes meanwhile, and what
changed meanwhile (the signatures cancelled, the same signatory recorded on paper) is
refused in Swedish with nothing stored. The timestamp server here sleeps on each request
until the test lets it answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

import pytest

from secretary.domain.arbetsgang import Tillstand
from secretary.domain.underskrift import Satt, Status
from secretary.services import arbetsgang, bestyrkande, lage, underskrift
from secretary.services.errors import ServiceError
from secretary.store.database import Store
from tests import pki as tpki
from tests.services.justering_helpers import utkast

T = TypeVar("T")


@pytest.fixture
def grind() -> tpki.Grind:
    return tpki.Grind.ny()


@pytest.fixture
def slow_tsa(pki: tpki.Pki, grind: tpki.Grind) -> Iterator[str]:
    with tpki.tidsstampelserver(pki, grind) as url:
        yield url
    grind.svara.set()


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _for_underskrift(store: Store, pki: tpki.Pki, tsa: str) -> int:
    meeting_id, _, _ = utkast(store)
    arbetsgang.skicka_for_justering(store, meeting_id, _now())
    underskrift.spara_installningar(store, pki.tillit_pem, tsa)
    underskrift.till_underskrift(store, meeting_id, _now() - dt.timedelta(minutes=1))
    return meeting_id


def _while_the_tsa_sleeps(
    grind: tpki.Grind, sign: Callable[[], T], meanwhile: Callable[[], None]
) -> Future[T]:
    """`sign` in a thread; once it waits on the timestamp server, `meanwhile` runs here, on
    another connection, before the server answers; then the server answers."""
    with ThreadPoolExecutor(1) as pool:
        signing = pool.submit(sign)
        assert grind.fragad.wait(timeout=30), "the signature never asked the timestamp server"
        try:
            meanwhile()
            assert not signing.done()  # the server had not answered: nothing waited on it
        finally:
            grind.svara.set()
        signing.exception(timeout=60)
    return signing


def _sign_ordforande(store: Store, meeting_id: int, pki: tpki.Pki) -> Callable[[], object]:
    return lambda: underskrift.signera_med_fil(
        store, meeting_id, "Ordforande", pki.p12(pki.ordforande), tpki.LOSEN, _now()
    )


def test_another_connection_writes_while_the_timestamp_server_sleeps(
    store: Store, pki: tpki.Pki, grind: tpki.Grind, slow_tsa: str
) -> None:
    meeting_id = _for_underskrift(store, pki, slow_tsa)
    idag = _now().date()
    # A write to the same meeting: the sekreterare's paper signature, recorded at once
    # (before the change it waited for the signing's write lock and failed "database is
    # locked" after the busy timeout).
    signing = _while_the_tsa_sleeps(
        grind,
        _sign_ordforande(store, meeting_id, pki),
        lambda: underskrift.signerat_pa_papper(store, meeting_id, "Sekreterare", idag, _now()),
    )
    u = signing.result()
    assert isinstance(u, underskrift.Underskrifter)
    by_field = {r.falt: r for r in u.rader}
    assert by_field["Sekreterare"].satt is Satt.PAPPER
    assert by_field["Ordforande"].satt is Satt.CERTIFIKATFIL
    assert by_field["Ordforande"].granskning["niva"] == "PAdES B-T"
    assert u.signerad


def test_signatures_cancelled_meanwhile_refuse_the_signature(
    store: Store, pki: tpki.Pki, grind: tpki.Grind, slow_tsa: str
) -> None:
    meeting_id = _for_underskrift(store, pki, slow_tsa)
    signing = _while_the_tsa_sleeps(
        grind,
        _sign_ordforande(store, meeting_id, pki),
        lambda: underskrift.avbryt_underskrift(store, meeting_id, _now()),
    )
    with pytest.raises(ServiceError) as exc:
        signing.result()
    assert str(exc.value) == (
        "Medan signeringen pågick avbröts underskrifterna; protokollet är åter för justering. "
        "Underskriften sparades inte."
    )
    assert lage.lage(store, meeting_id).state is Tillstand.FOR_JUSTERING
    u = underskrift.underskrifter(store, meeting_id)
    assert not u.signerad and all(r.status is Status.VANTAR for r in u.rader)
    assert not any("signerade" in e.text for e in lage.logg(store, meeting_id))


def test_the_same_signatory_recorded_on_paper_meanwhile_is_refused(
    store: Store, pki: tpki.Pki, grind: tpki.Grind, slow_tsa: str
) -> None:
    meeting_id, _, _ = utkast(store)
    arbetsgang.skicka_for_justering(store, meeting_id, _now())
    arbetsgang.justera(store, meeting_id, _now() - dt.timedelta(minutes=2))
    underskrift.spara_installningar(store, pki.tillit_pem, slow_tsa)
    bevis = bestyrkande.utfarda_anslagsbevis(store, meeting_id, _now() - dt.timedelta(minutes=1))
    idag = _now().date()
    signing = _while_the_tsa_sleeps(
        grind,
        lambda: bestyrkande.signera_med_fil(
            store, meeting_id, bevis.nummer, pki.p12(pki.sekreterare), tpki.LOSEN, _now()
        ),
        lambda: bestyrkande.signerat_pa_papper(store, meeting_id, bevis.nummer, idag, _now()),
    )
    with pytest.raises(ServiceError) as exc:
        signing.result()
    assert str(exc.value) == (
        "Medan signeringen pågick antecknades att Underskrift Eva Kristensson redan har "
        f"signerat (signerat {idag.isoformat()} på papper). Underskriften sparades inte."
    )
    (b,) = bestyrkande.bestyrkanden(store, meeting_id).rader
    assert b.signatar.satt is Satt.PAPPER and not b.signerad  # the paper record, nothing else
