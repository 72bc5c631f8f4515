"""Digital signature fields: one empty field per signatory, exactly on the signature lines of
the final protocol; none on a draft. And the PDF/A-2b part."""

from __future__ import annotations

import io

import pdfplumber
import pikepdf
from pikepdf import pdfa
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import enumerate_sig_fields

from secretary.reports import arkiv
from secretary.reports.data import ProtokollData
from secretary.reports.protokoll import ProtokollPdf
from tests.reports import pdftags


def _fields(pdf: bytes) -> dict[str, tuple[int, tuple[float, ...]]]:
    """Field name -> (0-based page, widget rectangle), in pyHanko's order; each field empty."""
    names = []
    for name, value, _ in enumerate_sig_fields(PdfFileReader(io.BytesIO(pdf))):
        assert value is None, f"{name} is not empty"
        names.append(name)
    where: dict[str, tuple[int, tuple[float, ...]]] = {}
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for index, page in enumerate(doc.pages):
            for annot in page.get("/Annots", []):
                if annot.get("/FT") == "/Sig":
                    where[str(annot.T)] = (index, tuple(float(v) for v in annot.Rect))
    return {name: where[name] for name in names}


def test_the_final_protocol_has_one_empty_field_per_signatory(slutligt: bytes) -> None:
    fields = _fields(slutligt)
    assert list(fields) == ["Sekreterare", "Ordforande", "Justerare1"]


def test_each_field_sits_on_its_signature_line(slutligt: bytes, omstridd: ProtokollData) -> None:
    fields = _fields(slutligt)
    with pdfplumber.open(io.BytesIO(slutligt)) as doc:
        for name, (page_index, (x1, y1, x2, y2)) in fields.items():
            page = doc.pages[page_index]
            height = float(page.height)
            lines = [
                (float(ln["x0"]), float(ln["x1"]), height - float(ln["top"]))
                for ln in page.lines
                if abs(float(ln["top"]) - float(ln["bottom"])) < 0.01
            ]
            on_line = [
                ln
                for ln in lines
                if abs(ln[2] - y1) < 1 and abs(ln[0] - x1) < 1 and abs(ln[1] - x2) < 1
            ]
            assert on_line, f"{name}: no signature line under the field at y={y1}"
            assert y2 - y1 > 25  # room to sign above the line
            words = page.extract_words()
            name_below = [
                w["text"]
                for w in words
                if abs(float(w["x0"]) - x1) < 1 and 0 < float(w["top"]) - (height - y1) < 20
            ]
            assert name_below, f"{name}: no printed name under the line"
    printed = {u.falt: u.namn for u in omstridd.underskrifter}
    assert printed == {
        "Sekreterare": "Eva Kristensson",
        "Ordforande": "Petra Sandström (L)",
        "Justerare1": "Birger Hedlund (EP)",
    }


def test_fields_match_where_the_layout_drew_the_lines(omstridd: ProtokollData) -> None:
    r = ProtokollPdf(omstridd).layout()
    fields = _fields(ProtokollPdf(omstridd).render())
    assert {f.namn: (f.sida, tuple(round(v) for v in f.box)) for f in r.falt} == {
        n: (p, tuple(round(v) for v in box)) for n, (p, box) in fields.items()
    }


def test_a_draft_has_no_signature_fields(utkast: bytes) -> None:
    assert list(enumerate_sig_fields(PdfFileReader(io.BytesIO(utkast)))) == []


def test_the_archive_copy_is_pdfa_2b_before_the_fields_are_added(omstridd: ProtokollData) -> None:
    laid_out = ProtokollPdf(omstridd).layout().pdf
    archived = arkiv.pdfa_2b(laid_out, kontroll=True)  # validated as written, or raises
    with pikepdf.open(io.BytesIO(archived)) as pdf:
        assert pdfa.check(pdf, "2b").passed
        meta = pdf.open_metadata()
        assert meta.pdfa_status == "2B"
        assert "Kommunstyrelsens arbetsutskott" in str(meta.get("dc:title"))
        assert len(pdf.Root.OutputIntents) == 1
        assert all("/Trans" not in page.obj for page in pdf.pages)


def test_the_tagged_archive_copy_passes_the_check_the_build_no_longer_pays_for(
    omstridd: ProtokollData,
) -> None:
    """pdfa_2b does not validate what it writes unless asked (0.7 s on a KF protocol): here
    it is asked, for the tagged protocol, before the fields and the level-A flip."""
    r = ProtokollPdf(omstridd).layout()
    archived = arkiv.pdfa_2b(r.pdf, r.taggning, kontroll=True)  # raises PdfaError if not
    with pikepdf.open(io.BytesIO(archived)) as pdf:
        assert pdf.open_metadata().pdfa_status == "2A"
        assert "/StructTreeRoot" in pdf.Root


def test_the_signed_version_keeps_pdfa_and_adds_only_the_form(slutligt: bytes) -> None:
    """The fields come as an incremental update; pikepdf's checker judges everything but the
    form itself, which it reports as unsupported rather than wrong. It checks level B only:
    that the tagged document says level A is its one finding (tests/reports/test_tagg.py
    checks the tags)."""
    level_a = "pdfaid:conformance is 'A', expected 'B'"
    with pikepdf.open(io.BytesIO(slutligt)) as pdf:
        report = pdfa.check(pdf, "2b")
        violations = [f.message for f in report.violations]
        assert sorted(violations) == sorted({level_a, *pdftags.PDFUA_XMP})
        assert {f.message for f in report.findings} <= {
            "interactive forms (/AcroForm) are not supported",
            level_a,
            *pdftags.PDFUA_XMP,
        }
        assert pdf.open_metadata().pdfa_status == "2A"
        for annot in (a for page in pdf.pages for a in page.get("/Annots", [])):
            assert int(annot.F) & 4, "widget without the print flag"
            assert "/AP" in annot
