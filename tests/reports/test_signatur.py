"""Signing the justerat protocol's fields with pyHanko and checking what comes back, at the
PDF level (secretary.reports.signatur): B-B and B-T, the fields kept, PDF/A kept, and each
way a signed PDF is refused."""

from __future__ import annotations

import datetime as dt
import io

import pikepdf
import pytest
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from secretary.reports import signatur
from tests import pki as tpki
from tests.reports import pdftags

FALT = {
    "Sekreterare": "Sekreterare Eva Kristensson",
    "Ordforande": "Ordförande Petra Sandström",
    "Justerare1": "Justerare Birger Hedlund",
}


def _now() -> dt.datetime:
    return dt.datetime.now()


def _sign(pdf: bytes, pki: tpki.Pki, who: tpki.Nyckel, falt: str, tsa: str = "") -> bytes:
    signer = signatur.pkcs12_signer(pki.p12(who), tpki.LOSEN)
    return signatur.signera(pdf, falt, signer, namn="N N", roll="Ordförande", tsa_url=tsa)


def _check(
    pdf: bytes, bas: bytes, pki: tpki.Pki, sparrlistor: tuple[bytes, ...] = ()
) -> signatur.Granskning:
    tillit = signatur.las_tillit(pki.tillit_pem)
    start = _now() - dt.timedelta(hours=1)
    return signatur.granska(
        pdf, bas, tillit, fran=start, nu=_now(), falt_namn=FALT, sparrlistor=sparrlistor
    )


def test_two_signatures_b_b_and_b_t_are_accepted_and_pyhanko_agrees(
    slutligt: bytes, pki: tpki.Pki, tsa: str
) -> None:
    one = _sign(slutligt, pki, pki.ordforande, "Ordforande")
    two = _sign(one, pki, pki.justerare, "Justerare1", tsa)
    assert two.startswith(one) and one.startswith(slutligt)  # incremental updates
    g = _check(two, slutligt, pki)
    assert g.godkand, g.alla_fel
    by_field = {s.falt: s for s in g.signaturer}
    assert by_field["Ordforande"].niva == "PAdES B-B"
    assert by_field["Justerare1"].niva == "PAdES B-T"
    assert by_field["Justerare1"].tidsstampel is not None
    assert by_field["Ordforande"].signerare == "Petra Sandström"
    assert by_field["Ordforande"].kedja[-1].subjekt.startswith("CN=Testkommunens CA")
    # pyHanko's own validator, on its own terms.
    roots = signatur.las_tillit(pki.tillit_pem)
    reader = PdfFileReader(io.BytesIO(two))
    for emb in reader.embedded_signatures:
        status = validate_pdf_signature(emb, ValidationContext(trust_roots=roots))
        assert status.bottom_line, status.pretty_print_details()
    # The empty field stays, and the PDF/A identification (and the tags) survive signing.
    assert [(f.namn, f.signerat) for f in signatur.signaturfalt_i(two)] == [
        ("Sekreterare", False),
        ("Ordforande", True),
        ("Justerare1", True),
    ]
    with pikepdf.open(io.BytesIO(slutligt)) as doc:
        declared = doc.open_metadata().pdfa_status
    with pikepdf.open(io.BytesIO(two)) as doc:
        assert doc.open_metadata().pdfa_status == declared == "2A"
        assert doc.Root.MarkInfo.Marked and "/StructTreeRoot" in doc.Root


def _structure(pdf: bytes) -> list[tuple[object, ...]]:
    """Every structure element in reading order: its object, role, attributes, marked
    content, and for a Form the widget its /OBJR names."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        out: list[tuple[object, ...]] = []
        for n in pdftags.tree(doc).walk():
            a = n.obj.get("/A")
            k = n.obj.get("/K")
            objr = k.Obj.objgen if isinstance(k, pikepdf.Dictionary) and "/Obj" in k else None
            attrs = {str(key): str(v) for key, v in a.items()} if a is not None else {}
            out.append((n.obj.objgen, n.roll, attrs, tuple(n.mcids), objr))
        return out


def test_signing_keeps_the_structure_tree_and_each_field_in_its_place(
    slutligt: bytes, pki: tpki.Pki
) -> None:
    """pyHanko's incremental update fills the field and its appearance; the structure tree
    (each Form with its /OBJR, in the cell of its signature line) stays as it was, and the
    signed widget still names its Form in the parent tree."""
    signed = _sign(slutligt, pki, pki.ordforande, "Ordforande")
    before, after = _structure(slutligt), _structure(signed)
    assert after == before
    forms = [e for e in after if e[1] == "Form"]
    assert len(forms) == len(FALT) and all(e[4] is not None for e in forms)
    with pikepdf.open(io.BytesIO(signed)) as doc:
        nums = doc.Root.StructTreeRoot.ParentTree.Nums
        by_key = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        (widget,) = [f for f in doc.Root.AcroForm.Fields if f.T == "Ordforande"]
        assert "/V" in widget  # signed
        form = by_key[int(widget.StructParent)]
        assert form.S == "/Form" and form.K.Obj.objgen == widget.objgen
        assert form.P.S == "/TD"


def test_revocation_offline_soft_fail_says_what_was_and_was_not_checked(
    slutligt: bytes, pki: tpki.Pki
) -> None:
    from secretary.reports import sparrkontroll as sk

    # A certificate that names no revocation service: not checked, and said so.
    plain = _check(_sign(slutligt, pki, pki.ordforande, "Ordforande"), slutligt, pki)
    assert plain.godkand and plain.signaturer[0].sparrkontroll == sk.EJ_ANGIVEN
    # One that names a CRL, with none in the file and nothing fetched: accepted, unknown.
    signed = _sign(slutligt, pki, pki.sparrbar, "Ordforande")
    unknown = _check(signed, slutligt, pki)
    assert unknown.godkand, unknown.alla_fel
    assert unknown.signaturer[0].sparrkontroll == sk.EJ_MOJLIG
    assert unknown.signaturer[0].som_dict()["sparrkontroll"].startswith("Kunde inte")
    # With the CA's CRL at hand: checked, and a revoked certificate refused.
    good = _check(signed, slutligt, pki, (tpki.sparrlista(pki.ca),))
    assert good.godkand and good.signaturer[0].sparrkontroll == sk.KONTROLLERAD
    revoked = _check(signed, slutligt, pki, (tpki.sparrlista(pki.ca, (pki.sparrbar,)),))
    assert not revoked.godkand
    assert any(
        "Ordförande Petra Sandström: certifikatet är spärrat (återkallat) sedan" in f
        for f in revoked.alla_fel
    ), revoked.alla_fel


def test_a_field_already_signed_cannot_be_signed_again(slutligt: bytes, pki: tpki.Pki) -> None:
    one = _sign(slutligt, pki, pki.ordforande, "Ordforande")
    with pytest.raises(signatur.SigneringsFel, match="redan signerat"):
        _sign(one, pki, pki.ordforande, "Ordforande")


def test_a_wrong_password_is_said_in_swedish(pki: tpki.Pki) -> None:
    with pytest.raises(signatur.SigneringsFel, match="fel lösenord"):
        signatur.pkcs12_signer(pki.p12(pki.ordforande), "fel")


def test_text_changed_after_signing_is_refused(slutligt: bytes, pki: tpki.Pki) -> None:
    signed = _sign(slutligt, pki, pki.ordforande, "Ordforande")
    w = IncrementalPdfFileWriter(io.BytesIO(signed))
    page = w.root["/Pages"]["/Kids"][0].get_object()
    from pyhanko.pdf_utils import generic

    stream = generic.StreamObject(stream_data=b"BT /F1 12 Tf 72 72 Td (Nytt beslut) Tj ET")
    page["/Contents"] = w.add_object(stream)
    w.update_container(page)
    out = io.BytesIO()
    w.write(out)
    g = _check(out.getvalue(), slutligt, pki)
    assert not g.godkand
    assert any("ändrats efter att protokollet justerades" in f for f in g.alla_fel)


def test_bytes_changed_inside_the_signed_part_are_refused(slutligt: bytes, pki: tpki.Pki) -> None:
    signed = bytearray(_sign(slutligt, pki, pki.ordforande, "Ordforande"))
    at = len(slutligt) + 40  # inside the signature's revision, outside /Contents
    signed[at] = ord("X") if signed[at] != ord("X") else ord("Y")
    g = _check(bytes(signed), slutligt, pki)
    assert not g.godkand


def test_another_version_is_refused(slutligt: bytes, utkast: bytes, pki: tpki.Pki) -> None:
    g = _check(_sign(slutligt, pki, pki.ordforande, "Ordforande"), utkast, pki)
    assert g.fel and "inte det justerade protokollet" in g.fel[0]


def test_a_foreign_certificate_is_refused(slutligt: bytes, pki: tpki.Pki) -> None:
    g = _check(_sign(slutligt, pki, pki.framling, "Ordforande"), slutligt, pki)
    assert not g.godkand
    assert any(
        "Ordförande Petra Sandström" in f and "betrodda utfärdare" in f for f in g.alla_fel
    ), g.alla_fel


def test_an_expired_certificate_is_refused(slutligt: bytes, pki: tpki.Pki) -> None:
    g = _check(_sign(slutligt, pki, pki.utgangen, "Ordforande"), slutligt, pki)
    assert any("gick ut" in f for f in g.alla_fel), g.alla_fel


def test_a_truncated_file_is_refused(slutligt: bytes, pki: tpki.Pki) -> None:
    signed = _sign(slutligt, pki, pki.ordforande, "Ordforande")
    g = _check(signed[: len(signed) - 3000], slutligt, pki)
    assert g.fel and "fullständig PDF" in g.fel[0]


def test_an_unsigned_copy_is_refused(slutligt: bytes, pki: tpki.Pki) -> None:
    g = _check(slutligt, slutligt, pki)
    assert g.fel == ("PDF-filen innehåller inga signaturer.",)


@pytest.mark.skipif(not tpki.HAS_SOFTHSM, reason="softhsm2 är inte installerat")
def test_signing_with_a_pkcs11_token(
    slutligt: bytes, pki: tpki.Pki, tmp_path_factory: pytest.TempPathFactory
) -> None:
    token = tpki.session_token(tmp_path_factory, pki)
    with signatur.pkcs11_signer(token.bibliotek, token.etikett, token.pin, token.nyckel) as s:
        signed = signatur.signera(slutligt, "Justerare1", s, namn="B H", roll="Justerare")
    g = _check(signed, slutligt, pki)
    assert g.godkand, g.alla_fel
    assert g.signaturer[0].signerare == "Birger Hedlund"
    with (
        pytest.raises(signatur.SigneringsFel, match="PIN"),
        signatur.pkcs11_signer(token.bibliotek, token.etikett, "000000", token.nyckel),
    ):
        pass


def test_the_indexing_reader_reads_every_object_as_pyhanko_does(
    slutligt: bytes, pki: tpki.Pki
) -> None:
    """signatur._lasare indexes each object stream once (a quadratic scan in pyHanko 0.38
    made the check of a 60-§ protocol slow): every object of every revision of a signed,
    tagged protocol must read exactly as pyHanko's own reader reads it."""
    two = _sign(
        _sign(slutligt, pki, pki.ordforande, "Ordforande"), pki, pki.justerare, "Justerare1"
    )
    assert b"/ObjStm" in slutligt  # the case the index is for
    ours, theirs = signatur._lasare(two), PdfFileReader(io.BytesIO(two), strict=False)
    read = 0
    for revision in range(theirs.xrefs.total_revisions):
        mine = ours.get_historical_resolver(revision)
        own = theirs.get_historical_resolver(revision)
        for ref in sorted(theirs.xrefs.explicit_refs_in_revision(revision), key=repr):
            assert mine(ref) == own(ref), ref
            read += 1
    assert read > 100 and ours._objstm  # the index was used
    assert _check(two, slutligt, pki).godkand


def test_evidence_checked_before_revocation_was_reported_says_so() -> None:
    """Evidence stored (or imported) before the report said anything of revocation claims
    nothing: the report says the fact is missing."""
    from secretary.reports.valideringsrapport import Rapportrad, Valideringsrapport, rapport_pdf
    from tests.reports.pdftext import flat, pages

    data = Valideringsrapport(
        kommun="Testkommunen",
        organ="Kommunstyrelsen",
        datum=dt.date(2026, 11, 30),
        dokument="Sammanträdesprotokoll Kommunstyrelsen 2026-11-30, justerad version 2",
        fixerat="den justerade versionen",
        pdf_sha256="a" * 64,
        signerad_sha256="b" * 64,
        justerat=dt.date(2026, 12, 3),
        rader=(
            Rapportrad(
                "Ordförande Petra Sandström (L)",
                "Signerat 2026-12-03 e-signatur (certifikatfil)",
                "Petra Sandström",
                {"resultat": "godkänd", "niva": "PAdES B-B", "kedja": []},
            ),
        ),
    )
    text = flat(" ".join(pages(rapport_pdf(data, pdfa=False))))
    assert "Spärrkontroll Uppgift saknas: signaturen kontrollerades innan" in text
    assert "Protokollet justerat 2026-12-03." in text
