"""The transfer format carries the bestyrkta utdrag and anslagsbevis (version 7): each as
issued, with its signatory, the signed PDF and the evidence; a version 6 file, which has
none, still imports; a bestyrkt document that does not hold is refused."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from secretary.domain.underskrift import Satt
from secretary.services import arbetsgang, bestyrkande, overforing, underskrift, versioner
from secretary.services.bestyrkande import Bestyrkanden
from secretary.services.errors import ServiceError
from secretary.store.database import Store
from tests import pki as tpki
from tests.services.justering_helpers import utkast
from tests.services.overforing_helpers import counts, fresh


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


@dataclasses.dataclass(frozen=True)
class Sent:
    data: bytes
    bestyrkanden: Bestyrkanden
    signerad: bytes


@pytest.fixture(scope="module")
def sent(template_db: Path) -> Iterator[Sent]:
    """The demo meeting justerat, with an utdrag signed on paper and the anslagsbevis signed
    with a PKCS#12 file; exported."""
    pki = tpki.pki()
    with fresh("sqlite", template_db) as source:
        meeting_id, _, _ = utkast(source)
        arbetsgang.skicka_for_justering(source, meeting_id, _now())
        arbetsgang.justera(source, meeting_id, _now() - dt.timedelta(minutes=2))
        underskrift.spara_installningar(source, pki.tillit_pem, "")
        earlier = _now() - dt.timedelta(minutes=1)
        p = bestyrkande.utfarda_anslagsbevis(source, meeting_id, earlier)
        (u,) = bestyrkande.utfarda_utdrag(source, meeting_id, [p.paragrafer[1]], earlier)
        bestyrkande.signerat_pa_papper(source, meeting_id, u.nummer, _now().date(), _now())
        bestyrkande.signera_med_fil(
            source, meeting_id, p.nummer, pki.p12(pki.sekreterare), tpki.LOSEN, _now()
        )
        yield Sent(
            overforing.export_bytes(source, meeting_id),
            bestyrkande.bestyrkanden(source, meeting_id),
            bestyrkande.signerad_pdf(source, meeting_id, p.nummer, _now()).dokument.pdf,
        )


def _same(b: Bestyrkanden) -> tuple[Any, ...]:
    return tuple(
        dataclasses.replace(r, signatar=dataclasses.replace(r.signatar, id=0)) for r in b.rader
    )


def test_bestyrkta_documents_travel_with_their_proof(store: Store, sent: Sent) -> None:
    doc = json.loads(sent.data)
    assert doc["version"] == overforing.VERSION == 7
    carried = doc["sammantrade"]["bestyrkanden"]
    assert [(b["slag"], b["satt"]) for b in carried] == [
        ("anslagsbevis", Satt.CERTIFIKATFIL.value),
        ("utdrag", Satt.PAPPER.value),
    ]
    result = overforing.import_bytes(store, sent.data)
    got = bestyrkande.bestyrkanden(store, result.meeting_id)
    assert _same(got) == _same(sent.bestyrkanden)
    assert got.rader[0].signatar.granskning["resultat"] == "godkänd"
    assert versioner.kontrollera(store, result.meeting_id) == []
    # Checked again where it arrived, against the same roots.
    underskrift.spara_installningar(store, tpki.pki().tillit_pem, "")
    k = bestyrkande.signerad_pdf(store, result.meeting_id, 1, _now())
    assert k.dokument.pdf == sent.signerad and k.fel == ()


def test_a_version_6_file_imports_with_no_bestyrkta_documents(store: Store, sent: Sent) -> None:
    doc = json.loads(sent.data)
    doc["version"] = 6
    del doc["sammantrade"]["bestyrkanden"]
    result = overforing.import_bytes(store, json.dumps(doc).encode())
    assert bestyrkande.bestyrkanden(store, result.meeting_id).rader == ()
    assert versioner.kontrollera(store, result.meeting_id) == []


def _tamper(doc: dict[str, Any]) -> None:
    b = doc["sammantrade"]["bestyrkanden"][0]
    pdf = bytearray(base64.b64decode(b["signerad_pdf"]))
    pdf[-200] ^= 1
    b["signerad_pdf"] = base64.b64encode(bytes(pdf)).decode()


REFUSED = {
    "a changed signed PDF": (
        _tamper,
        r"sammantrade\.bestyrkanden\[0\]\.signerad_pdf stämmer inte med signerad_sha256",
    ),
    "a changed issued PDF": (
        lambda d: d["sammantrade"]["bestyrkanden"][1].update(
            pdf=base64.b64encode(b"%PDF-1.7 annat").decode()
        ),
        r"bestyrkanden\[1\]\.pdf stämmer inte med pdf_sha256",
    ),
    "an e-signature without its PDF": (
        lambda d: d["sammantrade"]["bestyrkanden"][0].update(
            signerad_pdf=None, signerad_sha256=None
        ),
        r"bestyrkanden\[0\] är en e-underskrift, men dokumentet har ingen signerad PDF",
    ),
    "the same number twice": (
        lambda d: d["sammantrade"]["bestyrkanden"][1].update(nummer=1),
        r"bestyrkanden\[1\] har samma nummer som sammantrade\.bestyrkanden\[0\]",
    ),
    "before justering": (
        lambda d: d["sammantrade"].update(state="för justering"),
        r"bestyrkanden finns, men sammanträdet är inte justerat",
    ),
}


@pytest.mark.parametrize("edit", REFUSED, ids=list(REFUSED))
def test_a_bestyrkt_document_that_does_not_hold_is_refused(
    store: Store, sent: Sent, edit: str
) -> None:
    change, message = REFUSED[edit]
    doc = json.loads(sent.data)
    change(doc)
    before = counts(store)
    with pytest.raises(ServiceError, match=message):
        overforing.import_bytes(store, json.dumps(doc, ensure_ascii=False).encode())
    assert counts(store) == before
