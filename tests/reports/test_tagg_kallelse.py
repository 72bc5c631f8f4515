"""Tagged PDF for the documents before the meeting (issue 14): the kallelse, the
föredragningslista and the kungörelse are tagged as the protocol is (test_tagg.py) and
declared PDF/A-2a: every text in a structure element or an artifact, headings in order
(the title an H1, its sections H2, each ärende an H2 in the outline), the names and
handlingar as lists, the facts a table with row headers, header and footer artifacts."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re

import pikepdf
import pytest

from secretary.reports.data import Delegationsbeslut, KallelseData, Punkt
from secretary.reports.kallelse import foredragningslista_pdf, kallelse_pdf, kungorelse_pdf
from tests.reports import pdftags

KINDS = ["kallelse", "andrad", "foredragningslista", "kungorelse"]


def _a(text: str) -> str:
    """Text compared as shown: a subset font's codes are no Latin-1 bytes beyond ASCII."""
    return re.sub(r"[^\x20-\x7e]", "?", text)


DATA = KallelseData(
    kommun="Exempelby kommun",
    organ="Kommunstyrelsen",
    datum=dt.date(2026, 11, 30),
    tid="klockan 13.00",
    plats="Sessionssalen",
    ledamoter=("Petra Sandberg (L), ordförande", "Anders Almqvist (S)"),
    ersattare=("Fanny Johansson (S)",),
    forhinder="Ledamot som är förhindrad ska anmäla det till sekreteraren.",
    skickad=dt.date(2026, 11, 20),
    sekreterare="Sara Sekreterare",
    punkter=(
        Punkt(
            1,
            "Budget 2027",
            "KS 2026/0012",
            "Hanna Handläggare",
            ("Kommunstyrelsen föreslås besluta att godkänna budgeten.",),
            ("Tjanstesskrivelse budget", "Budgetforslag"),
        ),
        Punkt(
            2,
            "Delegationsbeslut",
            delegationsbeslut=(Delegationsbeslut("KS 2026/1", "Beslut", "2026-10-01", "KD"),),
        ),
        Punkt(3, "Personalarende", sekretess=True),
        *(
            Punkt(n, f"Arende {n}", f"KS 2026/{n:04d}", forslag_till_beslut=("Förslag " * 40,))
            for n in range(4, 30)
        ),
    ),
)


def kallelse_documents() -> dict[str, bytes]:
    """Each kind of document before the meeting (KINDS), also for test_validering.py."""
    andrad = KallelseData(**{**DATA.__dict__, "nummer": 2, "andringar": ("Ny tid", "Ny plats")})
    return {
        "kallelse": kallelse_pdf(DATA),
        "andrad": kallelse_pdf(andrad),
        "foredragningslista": foredragningslista_pdf(DATA),
        "kungorelse": kungorelse_pdf(DATA),
    }


@pytest.fixture(scope="module")
def documents() -> dict[str, bytes]:
    return kallelse_documents()


@pytest.mark.parametrize("kind", KINDS)
def test_every_text_is_tagged_or_an_artifact(documents: dict[str, bytes], kind: str) -> None:
    with pdftags.open_pdf(documents[kind]) as pdf:
        assert len(pdf.pages) > 1  # the structure continues over pages
        shown = pdftags.assert_tagged(pdf, kind)
    artifacts = " ".join(t.text for t in shown if t.tag == "Artifact")
    tagged = " ".join(t.text for t in shown if t.tag != "Artifact")
    assert "Sida 1 (" in artifacts and "Sida 1 (" not in tagged
    assert "Exempelby kommun" in artifacts and "desdatum 2026-11-30" in artifacts


@pytest.mark.parametrize("kind", KINDS)
def test_headings_in_order_lists_and_the_facts_table(
    documents: dict[str, bytes], kind: str
) -> None:
    with pdftags.open_pdf(documents[kind]) as pdf:
        structure = pdftags.tree(pdf)
        shown = [pdftags.Text(t.page, _a(t.text), t.tag, t.mcid) for t in pdftags.texts(pdf)]
    (document,) = structure.barn
    assert document.roll == "Document"
    roles = [n.roll for n in structure.walk()]
    headings = [int(r[1]) for r in roles if re.fullmatch(r"H\d", r)]
    assert headings[0] == 1
    for before, after in itertools.pairwise(headings):
        assert after <= before + 1, f"heading level skipped: H{before} then H{after}"
    h2 = [t.text for t in shown if t.tag == "H2"]
    assert [t for t in h2 if re.match(r"\? \d", t)] == [
        _a(f"§ {p.paragraf} {p.rubrik}") for p in DATA.punkter
    ]
    for node in structure.walk():
        if node.roll == "L":
            assert node.barn and all(li.roll == "LI" for li in node.barn)
            assert all([b.roll for b in li.barn] == ["LBody"] for li in node.barn)
    if kind == "kungorelse":
        return
    lbody = {t.text for t in shown if t.tag == "LBody"}
    assert {"? Tjanstesskrivelse budget", "? Budgetforslag"} <= lbody
    h3 = {t.text for t in shown if t.tag == "H3"}  # the parts of an ärende
    assert {"Handlingar", _a("Förslag till beslut"), _a("Anmälda delegationsbeslut")} <= h3
    (table,) = [n for n in structure.walk() if n.roll == "Table"]
    for row in table.barn:
        assert [c.roll for c in row.barn] == ["TH", "TD"]
        assert str(row.barn[0].obj.A.Scope) == "/Row"
    if kind != "foredragningslista":
        assert {"Anders Almqvist (S)", "Fanny Johansson (S)"} <= lbody
    if kind == "andrad":
        assert {"? Ny tid", "? Ny plats"} <= lbody


@pytest.mark.parametrize("kind", KINDS)
def test_language_title_outline_and_pdfa_2a(documents: dict[str, bytes], kind: str) -> None:
    with pdftags.open_pdf(documents[kind]) as pdf:
        assert str(pdf.Root.Lang) == "sv-SE"
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert "2026-11-30" in str(pdf.docinfo.Title)
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2"
        assert meta["pdfaid:conformance"] == "A"
        with pdf.open_outline() as outline:
            titles = [o.title for o in outline.root]
            pages = [pdf.pages.index(pikepdf.Page(o.destination[0])) for o in outline.root]
        h2_pages = [n.mcids[0][0] for n in pdftags.tree(pdf).walk() if n.roll == "H2" and n.mcids]
    assert titles == [f"§ {p.paragraf} {p.rubrik}" for p in DATA.punkter]
    assert pages == sorted(pages) and set(pages) <= set(h2_pages)


def test_pikepdfs_pdfa_checker_passes_the_tagged_kallelse(documents: dict[str, bytes]) -> None:
    from pikepdf import pdfa

    # pikepdf checks level B only, and objects to the level A the document declares
    # (arkiv._konformitet_a); level A's tags are what the tests above check.
    # Nor does it know extension schemas, so it refuses the PDF/UA identification too.
    report = pdfa.validate_written(io.BytesIO(documents["andrad"]), "2b")
    findings = [f for f in report.findings if f.message not in pdftags.PDFUA_XMP]
    assert [f.rule for f in findings] == ["ISO_19005_2:6.6.4-3"], report
    assert "conformance is 'A'" in findings[0].message
    assert {f.message for f in report.findings} - {findings[0].message} == pdftags.PDFUA_XMP
