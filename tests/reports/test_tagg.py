"""Tagged PDF (issue 14; PDF/UA-1 as far as it can be checked without veraPDF): every text
on every page is in a structure element or an artifact, the headings are in order, each
table has header cells, the outline has one entry per §, language and title are set, and
the signature fields say who signs."""

from __future__ import annotations

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
from tests.reports import pdftags

KINDS = ["slutligt", "utkast", "publik", "utdrag", "anslagsbevis"]


@pytest.fixture(scope="module")
def documents(omstridd: ProtokollData, slutligt: bytes, utkast: bytes) -> dict[str, bytes]:
    return {
        "slutligt": slutligt,
        "utkast": utkast,
        "publik": ProtokollPdf(omstridd, publik=True).render(),
        "utdrag": utdrag_pdf(omstridd.utdrag({336, 338}), intygas=dt.date(2026, 12, 2)),
        "anslagsbevis": anslagsbevis_pdf(omstridd),
    }


@pytest.mark.parametrize("kind", KINDS)
def test_every_text_is_tagged_or_an_artifact(documents: dict[str, bytes], kind: str) -> None:
    with pdftags.open_pdf(documents[kind]) as pdf:
        parents = pdftags.parent_tree(pdf)
        structure = pdftags.tree(pdf)
        referenced = {m for n in structure.walk() for m in n.mcids}
        shown = pdftags.texts(pdf)
        assert shown
        for t in shown:
            where = f"{kind} page {t.page + 1}: {t.text!r}"
            assert t.tag, f"untagged text, {where}"
            if t.tag != "Artifact":
                assert (t.page, t.mcid) in parents, f"MCID not in the parent tree, {where}"
                assert (t.page, t.mcid) in referenced, f"MCID in no structure element, {where}"
        # The parent tree and the elements agree, each MCID once.
        assert sorted(referenced) == sorted(parents)
        for (page, mcid), elem in parents.items():
            node = next(n for n in structure.walk() if n.obj.objgen == elem.objgen)
            assert (page, mcid) in node.mcids


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
        (document,) = pdftags.tree(pdf).barn
        forms = [n.obj for n in document.barn if n.roll == "Form"]
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
            assert form.S == "/Form" and form.P.objgen == document.obj.objgen
            assert form.K.Type == "/OBJR" and form.K.Obj.objgen == widget.objgen
            assert form.K.Pg.objgen == form.Pg.objgen == pdf.pages[i].obj.objgen
            assert any(f.objgen == form.objgen for f in forms)
        assert len(keys) == len(widgets)
        # The pages' own keys are untouched.
        assert {int(p.StructParents) for p in pdf.pages} == set(by_key) - keys
