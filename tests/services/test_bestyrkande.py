"""Bestyrkta utdrag and anslagsbevis through the services (issue 12): issued for signing
once the meeting is justerat, then signed on paper, with a PKCS#12 file, with the softhsm2
token or elsewhere (pyHanko's command line), checked as the protocol's signatures are;
the refusals; the tamper check of the stored PDFs."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pikepdf
import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from sqlalchemy import select, update

from secretary.domain.innehall import sha256
from secretary.domain.underskrift import Satt, Status
from secretary.reports.signatur import las_tillit, signaturfalt_i
from secretary.services import arbetsgang, bestyrkande, lage, underskrift, versioner
from secretary.services.dokument import Anslag
from secretary.services.errors import ServiceError
from secretary.store.database import Store
from secretary.store.models import Bestyrkande, Logg
from tests import pki as tpki
from tests.reports.pdftext import flat, pages
from tests.services.justering_helpers import utkast


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _justerat(store: Store, pki: tpki.Pki, tsa: str = "") -> int:
    """The demo meeting, justerat on paper today, with the trust roots set."""
    meeting_id, _, _ = utkast(store)
    arbetsgang.skicka_for_justering(store, meeting_id, _now())
    arbetsgang.justera(store, meeting_id, _now() - dt.timedelta(minutes=2))
    underskrift.spara_installningar(store, pki.tillit_pem, tsa)
    return meeting_id


def _utdrag(
    store: Store, meeting_id: int, bestyrkare: str | None = None
) -> bestyrkande.BestyrkandeInfo:
    now = _now() - dt.timedelta(minutes=1)
    paragraf = _paragraf(store, meeting_id)
    (b,) = bestyrkande.utfarda_utdrag(store, meeting_id, [paragraf], now, bestyrkare=bestyrkare)
    return b


def _paragraf(store: Store, meeting_id: int) -> int:
    from secretary.services import dokument

    return dokument.utdragsunderlag(store, meeting_id).paragrafer[2].paragraf


def _anslagsbevis(store: Store, meeting_id: int) -> bestyrkande.BestyrkandeInfo:
    return bestyrkande.utfarda_anslagsbevis(store, meeting_id, _now() - dt.timedelta(minutes=1))


def _validated_by_pyhanko(pdf: bytes, pki: tpki.Pki) -> None:
    roots = las_tillit(pki.tillit_pem)
    sigs = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    assert sigs
    for emb in sigs:
        status = validate_pdf_signature(emb, ValidationContext(trust_roots=roots))
        assert status.bottom_line, status.pretty_print_details()


def _pdfa(pdf: bytes) -> str:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return str(doc.open_metadata().pdfa_status)


def test_only_a_justerat_meeting_issues_bestyrkta_documents(store: Store) -> None:
    meeting_id, _, _ = utkast(store)
    with pytest.raises(ServiceError, match="först när protokollet är justerat"):
        bestyrkande.utfarda_anslagsbevis(store, meeting_id, _now())
    assert bestyrkande.bestyrkanden(store, meeting_id).rader == ()


def test_an_utdrag_issued_is_fixed_and_signed_on_paper(store: Store, pki: tpki.Pki) -> None:
    meeting_id = _justerat(store, pki)
    b = _utdrag(store, meeting_id)
    assert b.signatar.status is Status.VANTAR
    assert (
        b.signatar.text == "Bestyrkare Eva Kristensson" and b.signatar.falt == "Utdragsbestyrkande"
    )
    assert b.text == f"Bestyrkt utdrag nr 1, § {b.paragrafer[0]}"
    doc = bestyrkande.pdf_for_signering(store, meeting_id, b.nummer)
    assert [(f.namn, f.signerat) for f in signaturfalt_i(doc.pdf)] == [
        ("Utdragsbestyrkande", False)
    ]
    text = flat(" ".join(pages(doc.pdf)))
    assert "Rätt utdraget intygar" in text and "Eva Kristensson" in text
    lista = bestyrkande.bestyrkanden(store, meeting_id)
    assert lista.sammanfattning == "1 bestyrkande väntar på underskrift"

    idag = _now().date()
    with pytest.raises(ServiceError, match="före justeringen"):
        bestyrkande.signerat_pa_papper(
            store, meeting_id, b.nummer, idag - dt.timedelta(days=1), _now()
        )
    with pytest.raises(ServiceError, match="i framtiden"):
        bestyrkande.signerat_pa_papper(
            store, meeting_id, b.nummer, idag + dt.timedelta(days=1), _now()
        )
    signed = bestyrkande.signerat_pa_papper(store, meeting_id, b.nummer, idag, _now())
    assert signed.signatar.satt is Satt.PAPPER and signed.signatar.datum == idag
    with pytest.raises(ServiceError, match="redan signerat"):
        bestyrkande.signerat_pa_papper(store, meeting_id, b.nummer, idag, _now())
    assert bestyrkande.bestyrkanden(store, meeting_id).sammanfattning == ""
    text = flat(" ".join(pages(bestyrkande.valideringsrapport(store, meeting_id, b.nummer).pdf)))
    assert "Bestyrkt utdrag nr 1, §" in text and "Signerat" in text
    assert "Underskrift på papper, antecknad av sekreteraren." in text
    assert "SHA-256 för den signerade PDF-filen: –" in text
    logg = [e.text for e in lage.logg(store, meeting_id)]
    assert any("Bestyrkare Eva Kristensson signerade utdraget" in t for t in logg)
    assert versioner.kontrollera(store, meeting_id) == []


def test_each_kind_is_numbered_on_its_own(store: Store, pki: tpki.Pki) -> None:
    """Utdrag 1, 2, 3 and anslagsbevis 1 of one meeting, whatever order they were issued
    in. The rows keep the order of issue over both kinds (as documents issued before this
    was fixed were stored), and the number a person reads is derived from it."""
    meeting_id = _justerat(store, pki)
    first, second = (_utdrag(store, meeting_id) for _ in range(2))
    bevis = _anslagsbevis(store, meeting_id)
    third = _utdrag(store, meeting_id)
    assert [first.nummer, second.nummer, bevis.nummer, third.nummer] == [1, 2, 3, 4]
    lista = bestyrkande.bestyrkanden(store, meeting_id).rader
    assert [r.text.split(",")[0] for r in lista] == [
        "Bestyrkt utdrag nr 1",
        "Bestyrkt utdrag nr 2",
        "Anslagsbevis nr 1",
        "Bestyrkt utdrag nr 3",
    ]
    doc = bestyrkande.pdf_for_signering(store, meeting_id, bevis.nummer)
    assert doc.titel == "Anslagsbevis nr 1 för underskrift"
    assert "anslagsbevis nr 1" in doc.filnamn
    assert "bestyrkt utdrag nr 3" in bestyrkande.pdf_for_signering(store, meeting_id, 4).filnamn
    with store.read() as s:
        logg = s.scalars(select(Logg.text).where(Logg.kind == "bestyrkande")).all()
    assert [t.split(" utfärdat")[0].split(",")[0] for t in logg] == [
        "Bestyrkt utdrag nr 1",
        "Bestyrkt utdrag nr 2",
        "Anslagsbevis nr 1",
        "Bestyrkt utdrag nr 3",
    ]


def test_a_bestyrkare_other_than_the_sekreterare_and_one_per_recipient(
    store: Store, pki: tpki.Pki
) -> None:
    from secretary.services import dokument

    meeting_id = _justerat(store, pki)
    p = dokument.utdragsunderlag(store, meeting_id).paragrafer
    chosen = [p[0].paragraf, p[2].paragraf]
    issued = bestyrkande.utfarda_utdrag(
        store, meeting_id, chosen, _now(), bestyrkare="Anna Registrator", per_mottagare=True
    )
    expected = dokument.utdragsunderlag(store, meeting_id).mottagare(chosen)
    assert [(b.mottagare, list(b.paragrafer)) for b in issued] == list(expected.items())
    assert all(b.signatar.namn == "Anna Registrator" for b in issued)
    pdf = bestyrkande.pdf_for_signering(store, meeting_id, issued[-1].nummer).pdf
    assert "Anna Registrator" in flat(" ".join(pages(pdf)))
    with pytest.raises(ServiceError, match="Ange vem"):
        bestyrkande.utfarda_utdrag(store, meeting_id, chosen, _now(), bestyrkare="  ")


def test_an_anslagsbevis_has_a_field_of_its_own_and_is_signed_with_a_file(
    store: Store, pki: tpki.Pki, tsa: str
) -> None:
    meeting_id = _justerat(store, pki, tsa)
    with pytest.raises(ServiceError, match="före justeringen"):
        bestyrkande.utfarda_anslagsbevis(
            store, meeting_id, _now(), anslag=Anslag(_now().date() - dt.timedelta(days=3))
        )
    b = _anslagsbevis(store, meeting_id)
    assert b.signatar.text == "Underskrift Eva Kristensson" and b.signatar.falt == "Anslagsbevis"
    issued = bestyrkande.pdf_for_signering(store, meeting_id, b.nummer).pdf
    assert [f.namn for f in signaturfalt_i(issued)] == ["Anslagsbevis"]

    with pytest.raises(ServiceError, match="inte av Eva Kristensson"):
        bestyrkande.signera_med_fil(
            store, meeting_id, b.nummer, pki.p12(pki.justerare), tpki.LOSEN, _now()
        )
    signed = bestyrkande.signera_med_fil(
        store, meeting_id, b.nummer, pki.p12(pki.sekreterare), tpki.LOSEN, _now()
    )
    g = signed.signatar.granskning
    assert signed.signatar.satt is Satt.CERTIFIKATFIL and signed.signerad
    assert g["resultat"] == "godkänd" and g["niva"] == "PAdES B-T"
    k = bestyrkande.signerad_pdf(store, meeting_id, b.nummer, _now())
    assert k.fel == ()
    assert k.dokument.pdf.startswith(issued)
    _validated_by_pyhanko(k.dokument.pdf, pki)
    assert _pdfa(k.dokument.pdf) == _pdfa(issued) == "2A"
    assert versioner.kontrollera(store, meeting_id) == []

    # The validation report a registrator files with it, as the protocol's.
    rapport = bestyrkande.valideringsrapport(store, meeting_id, b.nummer)
    assert rapport.titel == "Valideringsrapport, Anslagsbevis nr 1"
    assert rapport.filnamn.endswith("valideringsrapport anslagsbevis nr 1.pdf")
    assert _pdfa(rapport.pdf) == "2A"  # tagged, as the protocol
    text = flat(" ".join(pages(rapport.pdf)))
    for part in (
        "Valideringsrapport för underskrifter",
        "Anslagsbevis nr 1, ur sammanträdesprotokollet",
        f"Protokollet justerat {_now().date().isoformat()}",
        f"SHA-256 för anslagsbeviset som det utfärdades för underskrift: {b.pdf_sha256}",
        f"SHA-256 för den signerade PDF-filen: {sha256(k.dokument.pdf)}",
        "Underskrift Eva Kristensson",
        "Godkänd",
        "PAdES B-T",
        "CN=Eva Kristensson",
        "Testkommunens CA",
        "endast underskrifter har lagts till efter anslagsbeviset som det utfärdades",
        # Said honestly: the test certificate names no revocation service.
        "Spärrkontroll Ej kontrollerad: certifikatet anger ingen spärrtjänst",
    ):
        assert part in text, (part, text)


@pytest.mark.skipif(not tpki.HAS_SOFTHSM, reason="softhsm2 är inte installerat")
def test_an_utdrag_signed_with_the_softhsm2_token(
    store: Store, pki: tpki.Pki, tmp_path_factory: pytest.TempPathFactory
) -> None:
    token = tpki.session_token(tmp_path_factory, pki)  # holds Birger Hedlund's key
    meeting_id = _justerat(store, pki)
    b = _utdrag(store, meeting_id, bestyrkare="Birger Hedlund")
    signed = bestyrkande.signera_med_kort(
        store,
        meeting_id,
        b.nummer,
        bibliotek=token.bibliotek,
        token=token.etikett,
        pin=token.pin,
        nyckel=token.nyckel,
        now=_now(),
    )
    assert signed.signatar.satt is Satt.KORT and signed.signatar.signerare == "Birger Hedlund"
    k = bestyrkande.signerad_pdf(store, meeting_id, b.nummer, _now())
    assert k.fel == ()
    _validated_by_pyhanko(k.dokument.pdf, pki)
    assert _pdfa(k.dokument.pdf) == "2A"


def _refused(store: Store, meeting_id: int, nummer: int, pdf: bytes, *words: str) -> None:
    before = bestyrkande.bestyrkanden(store, meeting_id)
    with pytest.raises(ServiceError) as exc:
        bestyrkande.importera_signerad(store, meeting_id, nummer, pdf, _now())
    for w in words:
        assert w in str(exc.value), str(exc.value)
    assert bestyrkande.bestyrkanden(store, meeting_id) == before  # nothing changed


def test_signed_elsewhere_accepted_and_the_refusals(
    store: Store, pki: tpki.Pki, tmp_path: Path
) -> None:
    meeting_id = _justerat(store, pki)
    utdrag = _utdrag(store, meeting_id)
    bevis = _anslagsbevis(store, meeting_id)
    sent = bestyrkande.pdf_for_signering(store, meeting_id, utdrag.nummer).pdf
    good = tpki.utanfor(sent, tmp_path, pki.sekreterare, pki, "Utdragsbestyrkande")

    # Text changed after signing: an incremental update that rewrites the page.
    w = IncrementalPdfFileWriter(io.BytesIO(good))
    page = w.root["/Pages"]["/Kids"][0].get_object()
    page["/Contents"] = w.add_object(generic.StreamObject(stream_data=b"BT ET"))
    w.update_container(page)
    out = io.BytesIO()
    w.write(out)
    _refused(
        store,
        meeting_id,
        utdrag.nummer,
        out.getvalue(),
        "ändrats efter att utdraget utfärdades för underskrift",
    )
    # Another document's PDF: the anslagsbevis signed, offered as the utdrag, and the other
    # way round; and the protocol itself.
    bevis_pdf = bestyrkande.pdf_for_signering(store, meeting_id, bevis.nummer).pdf
    signed_bevis = tpki.utanfor(bevis_pdf, tmp_path, pki.sekreterare, pki, "Anslagsbevis")
    _refused(store, meeting_id, utdrag.nummer, signed_bevis, "inte det bestyrkta utdraget nr 1")
    _refused(store, meeting_id, bevis.nummer, good, "inte anslagsbeviset nr 1")
    protokoll = underskrift.pdf_for_signering(store, meeting_id).pdf
    signed_protokoll = tpki.utanfor(protokoll, tmp_path, pki.sekreterare, pki, "Sekreterare")
    _refused(store, meeting_id, utdrag.nummer, signed_protokoll, "inte det bestyrkta utdraget")
    # An untrusted certificate.
    foreign = tpki.utanfor(sent, tmp_path, pki.framling, pki, "Utdragsbestyrkande")
    _refused(store, meeting_id, utdrag.nummer, foreign, "Bestyrkare Eva Kristensson", "betrodda")

    ok = bestyrkande.importera_signerad(store, meeting_id, utdrag.nummer, good, _now())
    assert ok.signatar.satt is Satt.EXTERN and ok.signatar.granskning["resultat"] == "godkänd"
    _validated_by_pyhanko(good, pki)
    assert _pdfa(good) == "2A"
    ok = bestyrkande.importera_signerad(store, meeting_id, bevis.nummer, signed_bevis, _now())
    assert not bestyrkande.bestyrkanden(store, meeting_id).vantande


def test_the_tamper_check_finds_changed_stored_bytes(store: Store, pki: tpki.Pki) -> None:
    meeting_id = _justerat(store, pki)
    b = _utdrag(store, meeting_id)
    signed = bestyrkande.signera_med_fil(
        store, meeting_id, b.nummer, pki.p12(pki.sekreterare), tpki.LOSEN, _now()
    )
    bevis = _anslagsbevis(store, meeting_id)
    assert versioner.kontrollera(store, meeting_id) == []
    with store.session() as s:
        row = s.query(Bestyrkande).filter_by(meeting_id=meeting_id, nummer=signed.nummer).one()
        changed = bytearray(row.signerad_pdf or b"")
        changed[-300] ^= 1
        s.execute(
            update(Bestyrkande).where(Bestyrkande.id == row.id).values(signerad_pdf=bytes(changed))
        )
        other = s.query(Bestyrkande).filter_by(meeting_id=meeting_id, nummer=bevis.nummer).one()
        pdf = bytearray(other.pdf)
        pdf[len(pdf) // 2] ^= 1
        s.execute(update(Bestyrkande).where(Bestyrkande.id == other.id).values(pdf=bytes(pdf)))
    found = versioner.kontrollera(store, meeting_id)
    assert any(
        f.startswith("Bestyrkt utdrag nr 1")
        and "signerade PDF-filen stämmer inte med sin kontrollsumma" in f
        for f in found
    ), found
    assert any(
        f.startswith("Anslagsbevis nr 1") and "PDF-filen stämmer inte med sin kontrollsumma" in f
        for f in found
    ), found
    assert bestyrkande.signerad_pdf(store, meeting_id, b.nummer, _now()).fel
