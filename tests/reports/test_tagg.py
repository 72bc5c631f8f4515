"""Tagged PDF (issue 14; PDF/UA-1 as far as it can be checked without veraPDF): every text
on every page is in a structure element or an artifact, the headings are in order, each
table has header cells, the outline has one entry per §, language and title are set, and
the signature fields say who signs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from xml.etree import ElementTree

import pikepdf
import pytest

from secretary.reports.anslagsbevis import anslagsbevis_pdf
from secretary.reports.data import ProtokollData
from secretary.reports.protokoll import ProtokollPdf
from secretary.reports.utdrag import utdrag_pdf
from secretary.reports.valideringsrapport import Rapportrad, Valideringsrapport, rapport_pdf
from tests.reports import pdftags

KINDS = ["slutligt", "utkast", "publik", "utdrag", "anslagsbevis", "valideringsrapport"]
PARAGRAFER = ["slutligt", "utkast", "publik", "utdrag"]  # the documents made of §§

RAPPORT = Valideringsrapport(
    kommun="Exempelby kommun",
    organ="Kommunstyrelsens arbetsutskott",
    datum=dt.date(2026, 11, 30),
    dokument="Sammanträdesprotokoll Kommunstyrelsens arbetsutskott 2026-11-30, justerad version 1",
    fixerat="den justerade versionen",
    pdf_sha256="ab" * 32,
    signerad_sha256="cd" * 32,
    justerat=dt.date(2026, 12, 3),
    rader=(
        Rapportrad(
            "Ordförande Petra Sandström (L)",
            "Signerat 2026-12-03 e-signatur (certifikatfil)",
            "Petra Sandström",
            {
                "resultat": "godkänd",
                "falt": "Ordforande",
                "niva": "PAdES B-B",
                "signeringstid": "2026-12-03T10:00:00+01:00",
                "kedja": [{"subjekt": "CN=Petra Sandström", "utfardare": "CN=Testkommunens CA"}],
            },
        ),
        Rapportrad("Justerare Birger Hedlund (EP)", "Signerat 2026-12-03 på papper", "", {}),
    ),
)


def protokoll_documents(
    omstridd: ProtokollData, slutligt: bytes, utkast: bytes
) -> dict[str, bytes]:
    """Each kind of document made from a protocol (KINDS), also for test_validering.py."""
    return {
        "slutligt": slutligt,
        "utkast": utkast,
        "publik": ProtokollPdf(omstridd, publik=True).render(),
        "utdrag": utdrag_pdf(omstridd.utdrag({336, 338}), intygas=dt.date(2026, 12, 2)),
        "anslagsbevis": anslagsbevis_pdf(omstridd),
        "valideringsrapport": rapport_pdf(RAPPORT),
    }


@pytest.fixture(scope="module")
def documents(omstridd: ProtokollData, slutligt: bytes, utkast: bytes) -> dict[str, bytes]:
    return protokoll_documents(omstridd, slutligt, utkast)


@pytest.mark.parametrize("kind", KINDS)
def test_every_text_is_tagged_or_an_artifact(documents: dict[str, bytes], kind: str) -> None:
    with pdftags.open_pdf(documents[kind]) as pdf:
        pdftags.assert_tagged(pdf, kind)


@pytest.mark.parametrize("kind", KINDS)
def test_running_header_footer_and_page_numbers_are_artifacts(
    documents: dict[str, bytes], kind: str
) -> None:
    with pdftags.open_pdf(documents[kind]) as pdf:
        shown = pdftags.texts(pdf)
    artifacts = {t.text for t in shown if t.tag == "Artifact"}
    tagged = " ".join(t.text for t in shown if t.tag != "Artifact")
    assert any(a.startswith("Sida 1 (") for a in artifacts)
    assert "desdatum 2026" in " ".join(artifacts)  # subset fonts: å is no Latin-1 byte
    assert "Sida 1 (" not in tagged
    if kind == "utkast":
        assert "UTKAST" in artifacts
        assert "UTKAST" not in tagged
    if kind in ("slutligt", "utkast"):
        assert "Justerandes signatur" in artifacts


def _roles(pdf: pikepdf.Pdf) -> list[str]:
    return [n.roll for n in pdftags.tree(pdf).walk()]


@pytest.mark.parametrize("kind", KINDS)
def test_headings_in_order_and_tables_with_header_cells(
    documents: dict[str, bytes], kind: str
) -> None:
    with pdftags.open_pdf(documents[kind]) as pdf:
        structure = pdftags.tree(pdf)
        (document,) = structure.barn
        assert document.roll == "Document"
        headings = [int(r[1]) for r in _roles(pdf) if re.fullmatch(r"H\d", r)]
        assert headings[0] == 1, "the document begins with its H1"
        for before, after in itertools.pairwise(headings):
            assert after <= before + 1, f"heading level skipped: H{before} then H{after}"
        tables = [n for n in structure.walk() if n.roll == "Table"]
        assert tables
        for table in tables:
            rows = [n for n in table.barn if n.roll == "TR"]
            assert rows and all(n.roll == "TR" for n in table.barn)
            cells = [c for r in rows for c in r.barn]
            header = [c for c in cells if c.roll == "TH"]
            assert header, "a table without header cells"
            for th in header:
                assert str(th.obj.A.Scope) in ("/Row", "/Column")
            pdftags.grid(table)  # spans and cells make whole rows
        for node in structure.walk():
            if node.roll == "L":
                assert node.barn and all(li.roll == "LI" for li in node.barn)
                assert all([b.roll for b in li.barn] == ["LBody"] for li in node.barn)
        assert {"H1", "P", "Table", "TR", "TD"} <= set(_roles(pdf))


def test_each_paragraf_is_an_h2_with_its_parts_as_h3_and_lists(
    documents: dict[str, bytes], omstridd: ProtokollData
) -> None:
    with pdftags.open_pdf(documents["slutligt"]) as pdf:
        roles = _roles(pdf)
    assert roles.count("H2") == len(omstridd.arenden)
    assert roles.count("H3") > len(omstridd.arenden)
    assert "L" in roles and "LI" in roles


@pytest.mark.parametrize("kind", KINDS)
def test_language_title_marked_and_pdfa_2a(documents: dict[str, bytes], kind: str) -> None:
    with pdftags.open_pdf(documents[kind]) as pdf:
        assert str(pdf.Root.Lang) == "sv-SE"
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        title = str(pdf.docinfo.Title)
        assert title and "2026-11-30" in title
        meta = pdf.open_metadata()
        assert meta["dc:title"] == title
        assert meta["pdfaid:part"] == "2"
        assert meta["pdfaid:conformance"] == "A"


RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
EXT, SCHEMA, PROPERTY = (
    "{http://www.aiim.org/pdfa/ns/extension/}",
    "{http://www.aiim.org/pdfa/ns/schema#}",
    "{http://www.aiim.org/pdfa/ns/property#}",
)


def _resources(items: list[ElementTree.Element]) -> list[ElementTree.Element]:
    """The structures in an rdf:Bag or rdf:Seq: each rdf:li itself (parseType Resource, as
    arkiv writes them) or the rdf:Description in it (as pyHanko writes them back)."""
    return [li if (d := li.find(RDF + "Description")) is None else d for li in items]


def _value(node: ElementTree.Element, tag: str) -> str | None:
    """A simple property: an attribute, an element's text, or its rdf:resource."""
    if tag in node.attrib:
        return node.attrib[tag]
    child = node.find(tag)
    return None if child is None else child.get(RDF + "resource", child.text)


@pytest.mark.parametrize("kind", KINDS)
def test_pdfua_1_is_declared_beside_pdfa_with_its_extension_schema(
    documents: dict[str, bytes], kind: str
) -> None:
    """ISO 14289-1 5: pdfuaid:part 1 in the XMP packet; PDF/A-2 admits it only with an
    extension schema naming its namespace, prefix and property (ISO 19005-2 6.6.2.3). The
    fields' incremental update (pyHanko) writes the packet again, in its own RDF form."""
    with pdftags.open_pdf(documents[kind]) as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfuaid:part"] == "1"
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "A")
        xmp = ElementTree.fromstring(pdf.Root.Metadata.read_bytes())
    bags = [b for s in xmp.iter(EXT + "schemas") for b in s.findall(RDF + "Bag")]
    described = {
        (
            _value(s, SCHEMA + "namespaceURI"),
            _value(s, SCHEMA + "prefix"),
            _value(p, PROPERTY + "name"),
            _value(p, PROPERTY + "valueType"),
            _value(p, PROPERTY + "category"),
        )
        for s in _resources([li for b in bags for li in b.findall(RDF + "li")])
        for p in _resources(s.findall(f"{SCHEMA}property/{RDF}Seq/{RDF}li"))
    }
    uaid = ("http://www.aiim.org/pdfua/ns/id/", "pdfuaid", "part", "Integer", "internal")
    assert described == {uaid}


@pytest.mark.parametrize("kind", ["slutligt", "utkast", "publik", "utdrag"])
def test_the_outline_has_one_bookmark_per_paragraf(
    documents: dict[str, bytes], kind: str, omstridd: ProtokollData
) -> None:
    numbers = [336, 338] if kind == "utdrag" else [p.paragraf for p in omstridd.arenden]
    rubrik = {p.paragraf: p.rubrik for p in omstridd.arenden}
    with pdftags.open_pdf(documents[kind]) as pdf:
        with pdf.open_outline() as outline:
            titles = [o.title for o in outline.root]
            pages = [pdf.pages.index(pikepdf.Page(o.destination[0])) for o in outline.root]
        structure = pdftags.tree(pdf)
        h2_pages = [n.mcids[0][0] for n in structure.walk() if n.roll == "H2"]
    assert titles == [f"§ {n} {rubrik[n]}".replace("  ", " ") for n in numbers]
    assert pages == h2_pages


def test_signature_fields_name_the_signatory(
    documents: dict[str, bytes], omstridd: ProtokollData
) -> None:
    with pdftags.open_pdf(documents["slutligt"]) as pdf:
        tips = {str(f.T): str(f.TU) for f in pdf.Root.AcroForm.Fields}
    assert len(tips) == len(omstridd.underskrifter)
    for u in omstridd.underskrifter:
        assert tips[u.falt] == f"Underskrift, {u.roll}: {u.namn}"


@pytest.mark.parametrize("kind", ["slutligt", "utdrag"])
def test_each_signature_widget_is_a_form_element_in_the_structure_tree(
    documents: dict[str, bytes], kind: str
) -> None:
    """PDF/UA-1 7.18.1, 7.18.4: each widget is the object (/OBJR) of a Form element, its
    /StructParent the parent tree key of that element, in the fields' own update."""
    with pdftags.open_pdf(documents[kind]) as pdf:
        root = pdf.Root.StructTreeRoot
        nums = root.ParentTree.Nums
        by_key = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        assert int(root.ParentTreeNextKey) == max(by_key) + 1
        structure = pdftags.tree(pdf)
        forms = [n.obj for n in structure.walk() if n.roll == "Form"]
        widgets = [
            (i, a)
            for i, page in enumerate(pdf.pages)
            for a in page.get("/Annots", [])
            if a.get("/Subtype") == "/Widget"
        ]
        assert widgets and len(forms) == len(widgets) == len(pdf.Root.AcroForm.Fields)
        keys = set()
        for i, widget in widgets:
            form = by_key[int(widget.StructParent)]
            keys.add(int(widget.StructParent))
            assert form.S == "/Form"
            assert form.K.Type == "/OBJR" and form.K.Obj.objgen == widget.objgen
            assert form.K.Pg.objgen == form.Pg.objgen == pdf.pages[i].obj.objgen
            assert any(f.objgen == form.objgen for f in forms)
        assert len(keys) == len(widgets)
        # The pages' own keys are untouched.
        assert {int(p.StructParents) for p in pdf.pages} == set(by_key) - keys


@pytest.mark.parametrize("kind", ["slutligt", "utdrag"])
def test_each_signature_field_is_read_beside_its_signature_line(
    documents: dict[str, bytes], kind: str, omstridd: ProtokollData
) -> None:
    """Reading order (PDF/UA-1 7.2, 7.18.4): a screen reader meets each field where its line
    is, in the cell with the printed name, after it, in the row its role heads, and not
    after the whole document."""
    if kind == "slutligt":
        expected = {u.falt: (u.roll, u.namn) for u in omstridd.underskrifter}
    else:
        expected = {"Utdragsbestyrkande": ("Underskrift", omstridd.sekreterare)}
    shown = pdftags.innehall(documents[kind])
    with pdftags.open_pdf(documents[kind]) as pdf:
        structure = pdftags.tree(pdf)
        parent = pdftags.parents(structure)
        found = {}
        for form in (n for n in structure.walk() if n.roll == "Form"):
            cell = parent[form.obj.objgen]
            row = parent[cell.obj.objgen]
            assert (cell.roll, row.roll) == ("TD", "TR")
            assert cell.barn[-1] is form and cell.mcids, "the field after the line it is on"
            th = [c for c in row.barn if c.roll == "TH"]
            found[str(form.obj.K.Obj.T)] = (
                " ".join(pdftags.text(c, shown) for c in th),
                pdftags.text(cell, shown),
            )
    assert found == expected


def _tables(structure: pdftags.Node) -> list[pdftags.Node]:
    return [n for n in structure.walk() if n.roll == "Table"]


def _column(
    grid: list[list[pdftags.Node]], col: int, shown: dict[tuple[int, int], str]
) -> list[str]:
    return [pdftags.text(row[col], shown) for row in grid]


def test_a_label_heads_all_the_rows_of_its_list(
    documents: dict[str, bytes], omstridd: ProtokollData
) -> None:
    """The front page's facts: "Ledamöter" is printed once above its names, and is one row
    header spanning them (RowSpan), the rows under it without a header cell of their own;
    so a screen reader names the group on every ledamot, not an empty header."""
    shown = pdftags.innehall(documents["slutligt"])
    with pdftags.open_pdf(documents["slutligt"]) as pdf:
        facts = _tables(pdftags.tree(pdf))[0]
        grid = pdftags.grid(facts)
    rows = [i for i, row in enumerate(grid) if pdftags.text(row[0], shown) == "Ledamöter"]
    assert len(rows) == len(omstridd.ledamoter) > 1
    (th,) = {id(grid[i][0]): grid[i][0] for i in rows}.values()
    assert th.roll == "TH" and str(th.obj.A.Scope) == "/Row"
    assert pdftags.span(th) == (len(omstridd.ledamoter), 1)
    assert [pdftags.text(grid[i][1], shown) for i in rows] == list(omstridd.ledamoter)
    cells = [[c.roll for c in tr.barn] for tr in facts.barn]
    assert cells.count(["TD"]) == len(omstridd.ledamoter) - 1 + len(omstridd.ovriga) - 1
    assert all(pdftags.text(c, shown) for c in facts.walk() if c.roll == "TH")  # none empty


def test_a_long_list_over_two_pages_is_one_group_and_forts_is_an_artifact(
    omstridd: ProtokollData,
) -> None:
    many = tuple(f"Ledamot {n} (S)" for n in range(61))
    data = dataclasses.replace(omstridd, ledamoter=many)
    pdf_bytes = ProtokollPdf(data).render()
    shown = pdftags.innehall(pdf_bytes)
    with pdftags.open_pdf(pdf_bytes) as pdf:
        facts = _tables(pdftags.tree(pdf))[0]
        grid = pdftags.grid(facts)
        artifacts = " ".join(t.text for t in pdftags.texts(pdf) if t.tag == "Artifact")
    ths = [c for c in facts.walk() if c.roll == "TH"]
    (ledamoter,) = [c for c in ths if pdftags.text(c, shown) == "Ledamöter"]
    assert pdftags.span(ledamoter) == (61, 1)
    names = [pdftags.text(row[1], shown) for row in grid if row[0] is ledamoter]
    assert names == list(many)
    pages = {m[0] for row in grid if row[0] is ledamoter for m in row[1].mcids}
    assert pages == {0, 1}
    assert not any("(forts.)" in pdftags.text(c, shown) for c in ths)
    assert "(forts.)" in artifacts  # drawn for the eye, on the page it continues


@pytest.mark.parametrize("kind", ["slutligt", "anslagsbevis", "utdrag"])
def test_cells_reportlab_spans_carry_colspan_and_cover_no_extra_cells(
    documents: dict[str, bytes], kind: str
) -> None:
    """TableStyle SPAN: the ANSLAG/BEVIS heading and the sentence under it are each one cell
    over both columns (the heading a column header, the sentence data); so is the
    Underskrifter heading of the front page, and an utdrag's "Rätt utdraget intygar"."""
    shown = pdftags.innehall(documents[kind])
    with pdftags.open_pdf(documents[kind]) as pdf:
        tables = _tables(pdftags.tree(pdf))
    spanning = {}
    for table in tables:
        for row in pdftags.grid(table):
            if len({id(c) for c in row}) == 1 and len(row) > 1:
                cell = row[0]
                spanning[pdftags.text(cell, shown)] = (cell.roll, pdftags.span(cell), cell.obj.A)
    anslag = "Protokollet är justerat. Justeringen har tillkännagivits genom anslag."
    expected = {"ANSLAG/BEVIS": "TH", anslag: "TD"}
    if kind == "slutligt":
        expected["Underskrifter"] = "TH"
    if kind == "utdrag":
        expected = {"Rätt utdraget intygar": "TH"}
    assert {k: v[0] for k, v in spanning.items()} == expected
    for roll, (_, cols), a in spanning.values():
        assert cols == 2 and str(a.O) == "/Table"
        if roll == "TH":
            assert str(a.Scope) == "/Column"


def test_the_summa_row_of_a_roll_call_spans_the_name_columns(
    documents: dict[str, bytes], omstridd: ProtokollData
) -> None:
    shown = pdftags.innehall(documents["slutligt"])
    with pdftags.open_pdf(documents["slutligt"]) as pdf:
        tables = _tables(pdftags.tree(pdf))
    listor = [t for t in tables if pdftags.text(t.barn[0].barn[0], shown) == "Ledamot"]
    votes = [o for p in omstridd.arenden for o in p.omrostningar]
    assert len(listor) == len(votes) > 0
    for table, o in zip(listor, votes, strict=True):
        grid = pdftags.grid(table)
        assert len(grid) == len(o.rader) + 2 and len(grid[0]) == 6
        summa = grid[-1]
        assert summa[0] is summa[1] and summa[0].roll == "TD"
        assert pdftags.span(summa[0]) == (1, 2)
        assert _column(grid, 0, shown)[-1] == "Summa"
        assert [pdftags.text(c, shown) for c in summa[2:4]] == [
            str(o.antal("Ja")),
            str(o.antal("Nej")),
        ]


def _sections(
    data: bytes, numbers: list[int]
) -> tuple[list[pdftags.Node], dict[tuple[int, int], str]]:
    """The Document's kids, checked to be the front matter's Sect, one Sect per § in
    `numbers` beginning with its H2 (the only H2 in it), and what follows the last §."""
    shown = pdftags.innehall(data)
    with pdftags.open_pdf(data) as pdf:
        (document,) = pdftags.tree(pdf).barn
    sects = document.barn
    assert [s.roll for s in sects] == ["Sect"] * len(sects)
    front, *rest = sects
    assert [n.roll for n in front.walk() if re.fullmatch(r"H\d", n.roll)] == ["H1"]
    for sect, n in zip(rest, numbers, strict=False):
        h2 = [b for b in sect.walk() if b.roll == "H2"]
        assert h2 == [sect.barn[0]], f"§ {n}: its heading first, and no other §"
        assert pdftags.text(h2[0], shown).startswith(f"§ {n} ")
    assert len(rest) >= len(numbers)
    return sects, shown


@pytest.mark.parametrize("kind", PARAGRAFER)
def test_each_paragraf_is_one_section_from_its_heading_to_the_next(
    documents: dict[str, bytes], kind: str, omstridd: ProtokollData
) -> None:
    """Sect per § (PDF 32000-1 14.8.4.2), the front matter a Sect of its own; a § that runs
    on to more pages stays one Sect, its "§ N (forts.)" running head an artifact."""
    numbers = [336, 338] if kind == "utdrag" else [p.paragraf for p in omstridd.arenden]
    sects, shown = _sections(documents[kind], numbers)
    back = sects[1 + len(numbers) :]
    if kind == "utdrag":  # the certification after the §§
        (intyg,) = back
        assert pdftags.text(intyg, shown).startswith("Rätt utdraget intygar")
    else:
        assert back == []
    pages = [{m[0] for n in s.walk() for m in n.mcids} for s in sects]
    for a, b in itertools.pairwise(pages):
        assert max(a) <= min(b), "sections in page order"
    if kind != "utdrag":
        assert any(len(p) > 1 for p in pages[1:]), "a § over more than one page"
    with pdftags.open_pdf(documents[kind]) as pdf:
        artifacts = " ".join(t.text for t in pdftags.texts(pdf) if t.tag == "Artifact")
    assert ("(forts.)" in artifacts) == (kind != "utdrag")
    assert not any("(forts.)" in t for t in shown.values())


def test_a_paragraf_under_sekretess_in_the_public_version_is_its_own_section(
    omstridd: ProtokollData,
) -> None:
    hemlig = omstridd.arenden[1]
    arenden = tuple(
        dataclasses.replace(p, sekretess=True) if p is hemlig else p for p in omstridd.arenden
    )
    data = dataclasses.replace(omstridd, arenden=arenden)
    sects, shown = _sections(
        ProtokollPdf(data, publik=True).render(), [p.paragraf for p in arenden]
    )
    sect = sects[2]
    assert [n.roll for n in sect.barn] == ["H2", "P"]
    assert pdftags.text(sect.barn[0], shown) == f"§ {hemlig.paragraf} {hemlig.rubrik}"
    assert len(sects) == 1 + len(arenden)
