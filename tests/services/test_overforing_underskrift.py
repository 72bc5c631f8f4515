"""The transfer format carries justering by signatures (version 5): the signatories of the
justerat version with their evidence, and the signed PDF with its digest. The sending
database is a SQLite file of its own; the receiving one is `store`, on each backend."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from secretary.domain.arbetsgang import Tillstand
from secretary.domain.underskrift import Satt, Status
from secretary.services import arbetsgang, lage, overforing, underskrift, versioner
from secretary.services.errors import ServiceError
from secretary.services.underskrift import Underskrifter
from secretary.store.database import Store
from tests import pki as tpki
from tests.services.justering_helpers import utkast
from tests.services.overforing_helpers import counts, fresh, justerat


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


@dataclasses.dataclass(frozen=True)
class Sent:
    data: bytes
    underskrifter: Underskrifter
    signerad: bytes


@pytest.fixture(scope="module")
def sent(pki: tpki.Pki, template_db: Path) -> Iterator[Sent]:
    """The demo meeting justerat by two signatures: the ordförande on paper, the justerare
    in the application with a PKCS#12 file; exported."""
    with fresh("sqlite", template_db) as source:
        meeting_id, _, _ = utkast(source)
        arbetsgang.skicka_for_justering(source, meeting_id, _now())
        underskrift.spara_installningar(source, pki.tillit_pem, "")
        underskrift.till_underskrift(source, meeting_id, _now() - dt.timedelta(minutes=1))
        underskrift.signerat_pa_papper(source, meeting_id, "Ordforande", _now().date(), _now())
        underskrift.signera_med_fil(
            source, meeting_id, "Justerare1", pki.p12(pki.justerare), tpki.LOSEN, _now()
        )
        assert lage.lage(source, meeting_id).state is Tillstand.JUSTERAT
        yield Sent(
            overforing.export_bytes(source, meeting_id),
            underskrift.underskrifter(source, meeting_id),
            underskrift.signerad_pdf(source, meeting_id, _now()).dokument.pdf,
        )


def _same(u: Underskrifter) -> tuple[Any, ...]:
    """What must travel: every signatory as it was, but for the ids the database gives."""
    assert u.version is not None
    v = u.version
    return (
        (v.nummer, v.slag, v.created, v.pdf_sha256, v.storlek),
        tuple(dataclasses.replace(r, id=0) for r in u.rader),
        u.signerad,
    )


def test_a_meeting_justerat_by_signatures_travels_with_its_proof(
    store: Store, sent: Sent, pki: tpki.Pki
) -> None:
    doc = json.loads(sent.data)
    assert doc["version"] == overforing.VERSION and "underskrifter" in doc["sammantrade"]
    carried = doc["sammantrade"]["underskrifter"]
    assert [(u["falt"], u["satt"]) for u in carried] == [
        ("Sekreterare", ""),
        ("Ordforande", Satt.PAPPER.value),
        ("Justerare1", Satt.CERTIFIKATFIL.value),
    ]
    result = overforing.import_bytes(store, sent.data)
    got = underskrift.underskrifter(store, result.meeting_id)
    assert _same(got) == _same(sent.underskrifter)
    rader = {r.falt: r for r in got.rader}
    assert rader["Justerare1"].granskning["resultat"] == "godkänd"
    assert rader["Justerare1"].granskning["kedja"][0]["subjekt"].startswith("CN=Birger Hedlund")
    assert rader["Ordforande"].status is Status.SIGNERAT and rader["Sekreterare"].datum is None
    assert lage.lage(store, result.meeting_id).state is Tillstand.JUSTERAT
    assert versioner.kontrollera(store, result.meeting_id) == []
    # The receiving municipality trusts the same roots: the signature is checked again there.
    underskrift.spara_installningar(store, pki.tillit_pem, "")
    k = underskrift.signerad_pdf(store, result.meeting_id, _now())
    assert k.dokument.pdf == sent.signerad and k.fel == ()
    # The sekreterare can still sign after the import, in the same signed PDF.
    underskrift.signerat_pa_papper(store, result.meeting_id, "Sekreterare", _now().date(), _now())
    assert not underskrift.underskrifter(store, result.meeting_id).vantar


def _edited(data: bytes, change: Any) -> bytes:
    doc = json.loads(data)
    change(doc)
    return json.dumps(doc, ensure_ascii=False).encode()


def _signed_version(doc: dict[str, Any]) -> dict[str, Any]:
    return next(v for v in doc["sammantrade"]["versioner"] if v["signerad_pdf"])


def _tamper_signed(doc: dict[str, Any]) -> None:
    v = _signed_version(doc)
    pdf = bytearray(base64.b64decode(v["signerad_pdf"]))
    pdf[-200] ^= 1  # inside the signature's incremental update, after the version's bytes
    v["signerad_pdf"] = base64.b64encode(bytes(pdf)).decode()


def _resigned_elsewhere(doc: dict[str, Any]) -> None:
    """The signed PDF swapped for one that does not begin with the version, digest and all."""
    import hashlib

    v = _signed_version(doc)
    pdf = b"%PDF-1.7 " + base64.b64decode(v["signerad_pdf"])
    v["signerad_pdf"] = base64.b64encode(pdf).decode()
    v["signerad_sha256"] = hashlib.sha256(pdf).hexdigest()


def _e_signature_without_pdf(doc: dict[str, Any]) -> None:
    v = _signed_version(doc)
    v["signerad_pdf"] = v["signerad_sha256"] = None


REFUSED = {
    "tampered signed PDF": (
        _tamper_signed,
        r"Filen kan inte importeras: sammantrade\.versioner\[\d\]\.signerad_pdf stämmer inte "
        r"med signerad_sha256: den signerade PDF-filen har ändrats efter att den sparades\.",
    ),
    "a signed PDF of another version": (
        _resigned_elsewhere,
        r"versioner\[\d\]\.signerad_pdf bygger inte på versionens PDF",
    ),
    "an e-signature without its PDF": (
        _e_signature_without_pdf,
        r"sammantrade\.underskrifter\[2\] är en e-underskrift, men version \d+ har ingen "
        r"signerad PDF",
    ),
    "a digest without its PDF": (
        lambda d: _signed_version(d).update(signerad_pdf=None),
        r"signerad_pdf saknas: en signerad PDF och dess kontrollsumma hör ihop",
    ),
    "a signatory twice": (
        lambda d: d["sammantrade"]["underskrifter"][1].update(falt="Justerare1"),
        r"underskrifter\[2\] \(Justerare1\) gäller samma version och underskriftsfält som "
        r"sammantrade\.underskrifter\[1\]",
    ),
    "signed without a day": (
        lambda d: d["sammantrade"]["underskrifter"][1].update(datum=None),
        r"underskrifter\[1\] är signerad men saknar datum eller sätt",
    ),
    "an unknown way of signing": (
        lambda d: d["sammantrade"]["underskrifter"][1].update(satt="fax"),
        r"underskrifter\[1\]\.satt ska vara ett av",
    ),
    "evidence that is not an object": (
        lambda d: d["sammantrade"]["underskrifter"][2].update(granskning="godkänd"),
        r"underskrifter\[2\]\.granskning ska vara ett objekt, inte en text",
    ),
    "a signatory of no version in the file": (
        lambda d: d["sammantrade"]["underskrifter"][0].update(version="v99"),
        r"underskrifter\[0\]\.version hänvisar till versionen ”v99”, som inte finns i filen",
    ),
}


@pytest.mark.parametrize("edit", REFUSED, ids=list(REFUSED))
def test_a_signature_that_does_not_hold_is_refused(store: Store, sent: Sent, edit: str) -> None:
    change, message = REFUSED[edit]
    before = counts(store)
    with pytest.raises(ServiceError, match=message):
        overforing.import_bytes(store, _edited(sent.data, change))
    assert counts(store) == before


def test_a_version_4_file_imports_as_before(store: Store, template_db: Path) -> None:
    """A file from before version 5 carries no signatures: read as having none, and the
    meeting arrives justerat as it did."""
    with fresh("sqlite", template_db) as source:
        doc = json.loads(overforing.export_bytes(source, justerat(source)))
    doc["version"] = 4
    del doc["sammantrade"]["underskrifter"]
    for v in doc["sammantrade"]["versioner"]:
        assert v.pop("signerad_pdf") is None and v.pop("signerad_sha256") is None
    result = overforing.import_bytes(store, json.dumps(doc).encode())
    assert lage.lage(store, result.meeting_id).state is Tillstand.JUSTERAT
    assert underskrift.underskrifter(store, result.meeting_id).rader == ()
    assert versioner.kontrollera(store, result.meeting_id) == []


def test_a_version_4_file_waiting_for_signatures_is_refused(store: Store, sent: Sent) -> None:
    """Its signatories did not travel, so the meeting could never be justerat here."""

    def old(doc: dict[str, Any]) -> None:
        doc["version"] = 4
        del doc["sammantrade"]["underskrifter"]
        for v in doc["sammantrade"]["versioner"]:
            del v["signerad_pdf"], v["signerad_sha256"]
        doc["sammantrade"]["state"] = Tillstand.FOR_UNDERSKRIFT.value

    before = counts(store)
    with pytest.raises(ServiceError, match=r"sammantrade\.state är ”för underskrift”, men filen"):
        overforing.import_bytes(store, _edited(sent.data, old))
    assert counts(store) == before
