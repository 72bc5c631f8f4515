"""Justering by signatures through the services (issue 12): paper, a PKCS#12 file, a
softhsm2 token, a PDF signed outside by pyHanko's command line; the refused cases; the
justering on the day of the last signature, the log, the evidence, the tamper check."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from sqlalchemy import update

from secretary.domain.arbetsgang import Tillstand
from secretary.domain.underskrift import Satt, Status
from secretary.reports.signatur import las_tillit
from secretary.services import arbetsgang, lage, underskrift, versioner
from secretary.services.errors import ServiceError
from secretary.store.database import Store
from secretary.store.models import Protokollversion
from tests import pki as tpki
from tests.reports.pdftext import flat, pages
from tests.services.justering_helpers import utkast


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _for_underskrift(store: Store, pki: tpki.Pki, tsa: str = "") -> int:
    meeting_id, _, _ = utkast(store)
    arbetsgang.skicka_for_justering(store, meeting_id, _now())
    underskrift.spara_installningar(store, pki.tillit_pem, tsa)
    underskrift.till_underskrift(store, meeting_id, _now() - dt.timedelta(minutes=1))
    return meeting_id


def _state(store: Store, meeting_id: int) -> Tillstand:
    return lage.lage(store, meeting_id).state


def _sign_file(store: Store, meeting_id: int, pki: tpki.Pki, who: tpki.Nyckel, falt: str) -> None:
    underskrift.signera_med_fil(store, meeting_id, falt, pki.p12(who), tpki.LOSEN, _now())


def test_paper_justering_per_signatory_on_the_day_of_the_last(store: Store, pki: tpki.Pki) -> None:
    meeting_id = _for_underskrift(store, pki)
    u = underskrift.underskrifter(store, meeting_id)
    assert [r.falt for r in u.rader] == ["Sekreterare", "Ordforande", "Justerare1"]
    assert all(r.status is Status.VANTAR for r in u.rader)
    assert u.sammanfattning.startswith(
        "Underskrifter för justering: 0 av 2. Väntar på Ordförande Petra Sandström (L), "
        "Justerare Birger Hedlund (EP). Inte signerat än"
    )
    idag = _now().date()
    underskrift.signerat_pa_papper(store, meeting_id, "Ordforande", idag, _now())
    assert _state(store, meeting_id) is Tillstand.FOR_UNDERSKRIFT
    with pytest.raises(ServiceError, match="redan signerat"):
        underskrift.signerat_pa_papper(store, meeting_id, "Ordforande", idag, _now())
    with pytest.raises(ServiceError, match="i framtiden"):
        underskrift.signerat_pa_papper(
            store, meeting_id, "Sekreterare", idag + dt.timedelta(days=1), _now()
        )
    u = underskrift.signerat_pa_papper(store, meeting_id, "Justerare1", idag, _now())
    assert not u.vantar and u.rader[1].satt is Satt.PAPPER
    assert _state(store, meeting_id) is Tillstand.JUSTERAT  # the sekreterare is not required
    underskrift.signerat_pa_papper(store, meeting_id, "Sekreterare", idag, _now())
    assert _state(store, meeting_id) is Tillstand.JUSTERAT
    logg = [e.text for e in lage.logg(store, meeting_id)]
    assert sum("signerade" in t and "på papper" in t for t in logg) == 3
    assert any("justerat" in t and "sista underskriften" in t for t in logg)


def test_the_text_is_locked_while_waiting_for_signatures(store: Store, pki: tpki.Pki) -> None:
    meeting_id = _for_underskrift(store, pki)
    with pytest.raises(ServiceError):
        arbetsgang.skicka_for_justering(store, meeting_id, _now())
    underskrift.avbryt_underskrift(store, meeting_id, _now())
    assert _state(store, meeting_id) is Tillstand.FOR_JUSTERING


def test_a_cancelled_signing_leaves_its_version_in_the_trail_never_as_the_justerat_one(
    store: Store, pki: tpki.Pki
) -> None:
    """The version fixed for signing stays when the signing is cancelled (domain.md: keep
    versions, never silent edits; the signature made on it is evidence), but it is marked
    as never justerat, is not signed further, and is not the protocol of record the
    data is checked against."""
    from secretary.services import agenda, beslut, dokument

    meeting_id = _for_underskrift(store, pki)
    idag = _now().date()
    underskrift.signerat_pa_papper(store, meeting_id, "Ordforande", idag, _now())
    fixed = versioner.list_versioner(store, meeting_id)[-1]
    assert not fixed.avbruten and fixed.slag_text == "Justerat protokoll"
    underskrift.avbryt_underskrift(store, meeting_id, _now())

    v = versioner.list_versioner(store, meeting_id)[-1]
    assert v.nummer == fixed.nummer and v.avbruten and v.pdf_sha256 == fixed.pdf_sha256
    assert v.text.startswith(f"Version {v.nummer}: Underskrifterna avbröts (aldrig justerat)")
    assert versioner.senaste(store, meeting_id, versioner.FASTSTALLDA) is None
    u = underskrift.underskrifter(store, meeting_id)
    assert u.avbruten and u.vantar == ()
    assert [u.status_text(r) for r in u.rader] == [
        "Avbruten, signerade inte",
        f"Signerat {idag.isoformat()} på papper",
        "Avbruten, signerade inte",
    ]
    assert u.sammanfattning.startswith(
        f"Underskrifterna av version {v.nummer} avbröts; den versionen blev aldrig det "
        "justerade protokollet men finns kvar i historiken, med underskrifterna av "
        "Ordförande Petra Sandström (L)."
    )
    with pytest.raises(ServiceError, match="avbröts; den ska inte signeras"):
        underskrift.pdf_for_signering(store, meeting_id)
    assert "underskrifterna avbröts" in dokument.version(store, meeting_id, v.nummer).titel
    rapport = flat(" ".join(pages(underskrift.valideringsrapport(store, meeting_id).pdf)))
    assert f"version {v.nummer}, vars underskrifter avbröts" in rapport
    assert "Protokollet är inte justerat." in rapport
    logg = [e.text for e in lage.logg(store, meeting_id)]
    assert any("blir inte det justerade protokollet" in t for t in logg)

    # The error is corrected: the data no longer says what the cancelled version says, and
    # that is no tampering, since it never was the protocol of record.
    arende = agenda.list_arenden(store, meeting_id)[0]
    beslut.set_text(store, arende.id, "yrkanden", "Rättad text före ny underskrift.")
    assert versioner.kontrollera_mot_data(store, meeting_id) == []
    assert versioner.kontrollera(store, meeting_id) == []

    arbetsgang.skicka_for_justering(store, meeting_id, _now())
    underskrift.till_underskrift(store, meeting_id, _now())
    after = [
        x for x in versioner.list_versioner(store, meeting_id) if x.slag is versioner.Slag.JUSTERAT
    ]
    assert [(x.nummer, x.avbruten) for x in after] == [(v.nummer, True), (after[-1].nummer, False)]
    u = underskrift.underskrifter(store, meeting_id)
    assert not u.avbruten and u.version is not None and u.version.nummer == after[-1].nummer
    assert all(r.status is Status.VANTAR for r in u.rader)  # everyone signs the new one
    underskrift.justera_pa_papper(store, meeting_id, _now(), idag)
    latest = versioner.senaste(store, meeting_id, versioner.FASTSTALLDA)
    assert latest is not None and latest.nummer == after[-1].nummer
    assert [x.nummer for x in versioner.list_versioner(store, meeting_id) if x.avbruten] == [
        v.nummer
    ]


def test_signing_in_the_application_with_files_and_a_timestamp(
    store: Store, pki: tpki.Pki, tsa: str
) -> None:
    meeting_id = _for_underskrift(store, pki, tsa)
    _sign_file(store, meeting_id, pki, pki.ordforande, "Ordforande")
    assert _state(store, meeting_id) is Tillstand.FOR_UNDERSKRIFT
    _sign_file(store, meeting_id, pki, pki.justerare, "Justerare1")
    assert _state(store, meeting_id) is Tillstand.JUSTERAT
    underskrift.signerat_pa_papper(store, meeting_id, "Sekreterare", _now().date(), _now())
    u = underskrift.underskrifter(store, meeting_id)
    g = u.rader[1].granskning
    assert g["resultat"] == "godkänd" and g["niva"] == "PAdES B-T"
    assert g["kedja"][0]["subjekt"].startswith("CN=Petra Sandström")
    assert "BEGIN CERTIFICATE" in g["kedja"][-1]["pem"]
    k = underskrift.signerad_pdf(store, meeting_id, _now())
    assert k.fel == ()
    roots = las_tillit(pki.tillit_pem)
    for emb in PdfFileReader(io.BytesIO(k.dokument.pdf)).embedded_signatures:
        assert validate_pdf_signature(emb, ValidationContext(trust_roots=roots)).bottom_line
    assert versioner.kontrollera(store, meeting_id) == []
    rapport = underskrift.valideringsrapport(store, meeting_id)
    text = flat(" ".join(pages(rapport.pdf)))
    assert "Valideringsrapport" in text and "PAdES B-T" in text and "Godkänd" in text
    assert "justerad version" in text and "efter den justerade versionen" in text


def test_a_wrong_signer_or_password_changes_nothing(store: Store, pki: tpki.Pki) -> None:
    meeting_id = _for_underskrift(store, pki)
    with pytest.raises(ServiceError, match="inte av Petra Sandström"):
        _sign_file(store, meeting_id, pki, pki.justerare, "Ordforande")
    with pytest.raises(ServiceError, match="fel lösenord"):
        underskrift.signera_med_fil(
            store, meeting_id, "Ordforande", pki.p12(pki.ordforande), "fel", _now()
        )
    assert not underskrift.underskrifter(store, meeting_id).signerad


@pytest.mark.skipif(not tpki.HAS_SOFTHSM, reason="softhsm2 är inte installerat")
def test_signing_with_the_softhsm2_token(
    store: Store, pki: tpki.Pki, tmp_path_factory: pytest.TempPathFactory
) -> None:
    token = tpki.session_token(tmp_path_factory, pki)
    meeting_id = _for_underskrift(store, pki)
    u = underskrift.signera_med_kort(
        store,
        meeting_id,
        "Justerare1",
        bibliotek=token.bibliotek,
        token=token.etikett,
        pin=token.pin,
        nyckel=token.nyckel,
        now=_now(),
    )
    assert u.rader[2].satt is Satt.KORT and u.rader[2].signerare == "Birger Hedlund"
    assert u.rader[2].granskning["resultat"] == "godkänd"


def _outside(pdf: bytes, tmp: Path, who: tpki.Nyckel, pki: tpki.Pki, falt: str) -> bytes:
    return tpki.utanfor(pdf, tmp, who, pki, falt)


def test_a_pdf_signed_outside_in_turn_is_accepted(
    store: Store, pki: tpki.Pki, tmp_path: Path
) -> None:
    meeting_id = _for_underskrift(store, pki)
    sent = underskrift.pdf_for_signering(store, meeting_id).pdf
    one = _outside(sent, tmp_path, pki.ordforande, pki, "Ordforande")
    two = _outside(one, tmp_path, pki.justerare, pki, "Justerare1")
    three = _outside(two, tmp_path, pki.sekreterare, pki, "Sekreterare")
    underskrift.importera_signerad(store, meeting_id, one, _now())
    u = underskrift.importera_signerad(store, meeting_id, three, _now())
    assert not u.vantar and all(r.satt is Satt.EXTERN for r in u.rader)
    assert _state(store, meeting_id) is Tillstand.JUSTERAT
    with pytest.raises(ServiceError, match="inga nya underskrifter"):
        underskrift.importera_signerad(store, meeting_id, three, _now())


def _refused(store: Store, meeting_id: int, pdf: bytes, *words: str) -> str:
    before = underskrift.underskrifter(store, meeting_id)
    with pytest.raises(ServiceError) as exc:
        underskrift.importera_signerad(store, meeting_id, pdf, _now())
    message = str(exc.value)
    for w in words:
        assert w in message, message
    assert underskrift.underskrifter(store, meeting_id) == before  # nothing changed
    return message


def test_refused_pdfs_name_the_signature_and_the_reason(
    store: Store, pki: tpki.Pki, tmp_path: Path
) -> None:
    meeting_id = _for_underskrift(store, pki)
    sent = underskrift.pdf_for_signering(store, meeting_id).pdf
    good = _outside(sent, tmp_path, pki.ordforande, pki, "Ordforande")

    # Text changed after signing (an incremental update that rewrites a page).
    w = IncrementalPdfFileWriter(io.BytesIO(good))
    from pyhanko.pdf_utils import generic

    page = w.root["/Pages"]["/Kids"][1].get_object()
    page["/Contents"] = w.add_object(generic.StreamObject(stream_data=b"BT ET"))
    w.update_container(page)
    out = io.BytesIO()
    w.write(out)
    _refused(store, meeting_id, out.getvalue(), "ändrats efter att protokollet justerades")

    # Another version of the same meeting: the draft.
    drafts = [v for v in versioner.list_versioner(store, meeting_id) if v.slag.value == "utkast"]
    draft = versioner.las_pdf(store, meeting_id, drafts[0].nummer)
    _refused(
        store, meeting_id, _outside(draft, tmp_path, pki.ordforande, pki, "x"), "inte det justerade"
    )

    # A foreign certificate, an expired one, a truncated file.
    foreign = _outside(sent, tmp_path, pki.framling, pki, "Ordforande")
    _refused(store, meeting_id, foreign, "Ordförande Petra Sandström (L)", "betrodda utfärdare")
    expired = _outside(sent, tmp_path, pki.utgangen, pki, "Ordforande")
    _refused(store, meeting_id, expired, "gick ut")
    _refused(store, meeting_id, good[: len(good) // 2], "fullständig PDF")
    underskrift.importera_signerad(store, meeting_id, good, _now())


def test_the_protocol_of_another_meeting_is_refused(
    store: Store, pki: tpki.Pki, tmp_path: Path
) -> None:
    first = _for_underskrift(store, pki)
    other_pdf = underskrift.pdf_for_signering(store, first).pdf
    underskrift.avbryt_underskrift(store, first, _now())
    arbetsgang.skicka_for_justering(store, first, _now())
    underskrift.till_underskrift(store, first, _now())  # a new version, as another meeting's
    signed = _outside(other_pdf, tmp_path, pki.ordforande, pki, "Ordforande")
    _refused(store, first, signed, "inte det justerade protokollet (version")


def test_a_changed_signed_pdf_is_found_when_the_meeting_is_opened(
    store: Store, pki: tpki.Pki
) -> None:
    meeting_id = _for_underskrift(store, pki)
    _sign_file(store, meeting_id, pki, pki.ordforande, "Ordforande")
    with store.session() as s:
        row = s.query(Protokollversion).filter_by(meeting_id=meeting_id, kind="justerat").one()
        pdf = bytearray(row.signerad_pdf or b"")
        pdf[-200] ^= 1
        s.execute(
            update(Protokollversion)
            .where(Protokollversion.id == row.id)
            .values(signerad_pdf=bytes(pdf))
        )
    found = versioner.kontrollera(store, meeting_id)
    assert any("signerade PDF-filen stämmer inte med sin kontrollsumma" in f for f in found)
    assert underskrift.signerad_pdf(store, meeting_id, _now()).fel


def test_without_trust_roots_an_e_signature_is_refused_in_swedish(
    store: Store, pki: tpki.Pki
) -> None:
    meeting_id = _for_underskrift(store, pki)
    underskrift.spara_installningar(store, "", "")
    with pytest.raises(ServiceError, match="betrodda rotcertifikat"):
        _sign_file(store, meeting_id, pki, pki.ordforande, "Ordforande")
    with pytest.raises(ServiceError, match="PEM"):
        underskrift.spara_installningar(store, "-----BEGIN CERTIFICATE-----\nxx", "")
    with pytest.raises(ServiceError, match="http"):
        underskrift.spara_installningar(store, "", "ftp://tsa")
