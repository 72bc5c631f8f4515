"""Every kind of document checked by an outside validator of the machine-checkable rules of
PDF/UA-1 (ISO 14289-1) and PDF/A-2a (ISO 19005-2): `page` (the page-validation wheel, MIT,
in the dev extra), whose rules follow veraPDF's. Zero failures expected, for the protocol
and its drafts, the public version, an utdrag, the anslagsbevis, the validation report,
the documents before the meeting and a protocol signed once with pyHanko.

One failure is not ours and is left out, by rule and object: the visible stamp pyHanko draws
when it signs embeds its own font subset, whose ToUnicode CMap maps ranges with an array of
destinations (`<0010> <0011> [<002d> <002e>]`), valid CMap syntax (ISO 32000-1 9.10.3) that
veraPDF's CMap parser reads and page does not ("malformed ToUnicode CMap"). It is written in
the signature's own revision, which nothing may change afterwards.

What it cannot judge (a heading that reads as a heading, a sensible reading order, alt text
that says something) stays with the structure tests (test_tagg.py, test_tagg_kallelse.py)
and with reading the pages."""

from __future__ import annotations

import io
import zlib
from typing import Any

import pikepdf
import pytest

from secretary.reports import signatur
from secretary.reports.data import ProtokollData
from tests import pki as tpki
from tests.reports.test_tagg import protokoll_documents
from tests.reports.test_tagg_kallelse import kallelse_documents

page: Any = pytest.importorskip(
    "page", reason="page-validation (the dev extra) is not installed: no PDF/UA-1 validator"
)

KINDS = [
    "slutligt",
    "utkast",
    "publik",
    "utdrag",
    "anslagsbevis",
    "valideringsrapport",
    "kallelse",
    "andrad",
    "foredragningslista",
    "kungorelse",
    "signerat",
]
# PDF/UA-1, and PDF/A-2a: the level every document declares (arkiv._konformitet_a).
PROFILES = ["ua1", "2a"]


@pytest.fixture(scope="module")
def documents(omstridd: ProtokollData, slutligt: bytes, utkast: bytes) -> dict[str, bytes]:
    pki = tpki.pki()
    signer = signatur.pkcs12_signer(pki.p12(pki.ordforande), tpki.LOSEN)
    signed = signatur.signera(
        slutligt, "Ordforande", signer, namn="Petra Sandström", roll="Ordförande"
    )
    return {
        **protokoll_documents(omstridd, slutligt, utkast),
        **kallelse_documents(),
        "signerat": signed,
    }


# page's rule for an unreadable ToUnicode CMap, in each profile: see the module's docstring.
CMAP_RULE = {"ua1": "PDFUA1-FONT-UNICODE-MAPPING-001", "2a": "PDFA2A-UNICODE-MAPPING-001"}


def _pyhanko_stamp_font(signed: bytes, unsigned: bytes, objnum: int) -> bool:
    """The object is a font the signature's revision added, pyHanko's Type0 subset with a
    ToUnicode CMap of bfrange arrays."""
    with pikepdf.open(io.BytesIO(unsigned)) as before:
        first_new = int(before.trailer.Size)
    with pikepdf.open(io.BytesIO(signed)) as pdf:
        font = pdf.get_object(objnum, 0)
        cmap = font.ToUnicode.read_bytes()
        return (
            objnum >= first_new
            and font.Subtype == "/Type0"
            and str(font.BaseFont).endswith("-Identity-H")
            and b"beginbfrange" in cmap
            and b"> [<" in cmap
        )


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("kind", KINDS)
def test_the_validator_finds_no_failure(
    documents: dict[str, bytes], kind: str, profile: str
) -> None:
    report = page.validate_pdf_bytes(documents[kind], profile=profile)
    failures = report.failures
    if kind == "signerat":
        failures = [
            f
            for f in failures
            if not (
                f.rule_id == CMAP_RULE[profile]
                and f.object_id is not None
                and _pyhanko_stamp_font(
                    documents[kind], documents["slutligt"], f.object_id.object_number
                )
            )
        ]
    assert sorted({f"{f.rule_id}: {f.message}" for f in failures}) == []
    excused = {f.rule_id for f in report.failures} - {f.rule_id for f in failures}
    assert report.rules.total > 100
    assert report.rules.passed == report.rules.total - len(excused)
    assert report.is_compliant == (not excused)


def test_a_content_stream_whose_compressed_data_ends_in_cr_keeps_its_length() -> None:
    """About one Flate stream in 256 ends in CR (its checksum's last byte); before qpdf's LF
    and endstream a validator then counts it one byte short of its /Length (ISO 19005-2
    6.1.7.1). A page whose content stream does is found, and the archive copy must not."""
    from reportlab.pdfgen.canvas import Canvas

    from secretary.reports.arkiv import pdfa_2b

    for n in range(512):  # each "a" adds 97 to the checksum's low sum: every residue mod 256
        buf = io.BytesIO()
        canvas = Canvas(buf, invariant=1)
        canvas.drawString(72, 720, "Rad " + "a" * n)
        canvas.showPage()
        canvas.save()
        with pikepdf.open(io.BytesIO(buf.getvalue())) as pdf:
            if zlib.adler32(pdf.pages[0].obj.Contents.read_bytes()) & 0xFF == 0x0D:
                break  # Flate data ends in this checksum, big-endian
    else:
        pytest.fail("no page found whose compressed content ends in CR")
    out = pdfa_2b(buf.getvalue())
    assert b"\r\nendstream" not in out
    report = page.validate_pdf_bytes(out, profile="2b")
    assert not [f.rule_id for f in report.failures if "STREAM-LENGTH" in f.rule_id]
    with pikepdf.open(io.BytesIO(out)) as pdf:
        assert b"(Rad " + b"a" * n + b")" in pdf.pages[0].Contents.read_bytes()
