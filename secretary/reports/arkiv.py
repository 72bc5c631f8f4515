"""After layout: make the PDF an archive copy (PDF/A-2b) and put empty digital signature
fields on the signature lines.

PDF/A-2b with pikepdf.pdfa (stack-notes.md): reportlab's empty /Trans entry on every page
is removed, the document info is copied into XMP metadata, an sRGB output intent is added,
and pikepdf validates the bytes it wrote (its own checker; veraPDF cannot be installed here).
Every font is an embedded TrueType subset (styles.py). The signature fields are added
afterwards as an incremental update, so the PDF/A part that was checked stays byte for byte
as it was; that checker does not judge form fields, so the widgets are given an appearance
stream and the print flag, as PDF/A-2 asks of every annotation.

pyHanko and pikepdf are imported lazily: together they cost about half a second at start-up.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from secretary.reports.page import Faltplats
from secretary.reports.tagg import Element, Taggning


def pdfa_2b(pdf: bytes, taggning: Taggning | None = None) -> bytes:
    """The same document as validated PDF/A-2b; raises pikepdf.pdfa.PdfaError if it fails.
    With the `taggning` the layout recorded, a tagged PDF (structure tree, outline, language,
    title shown) identified as PDF/A-2a: see `tagga`."""
    import pikepdf
    from pikepdf import pdfa

    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            if "/Trans" in page.obj:
                del page.obj["/Trans"]
        if "/Trapped" in doc.docinfo:
            del doc.docinfo["/Trapped"]  # no XMP equivalent in PDF/A-2
        if taggning is not None:
            tagga(doc, taggning)
        with doc.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta.load_from_docinfo(doc.docinfo)
        pdfa.save(doc, out, "2b")
    data = out.getvalue()
    return _konformitet_a(data) if taggning is not None else data


_PDFAID_B = (b"<pdfaid:conformance>B</pdfaid:conformance>", b'pdfaid:conformance="B"')


def _konformitet_a(pdf: bytes) -> bytes:
    """PDF/A-2a is PDF/A-2b and a tagged, Unicode-mapped document (ISO 19005-2 6.8). pikepdf
    validates and declares only level B; the level is changed from B to A in the XMP packet,
    byte for byte the same length, so no offset of the checked file moves. Level A's own
    rules (the tags) are what tests/reports/test_tagg.py checks: veraPDF is not here."""
    for form in _PDFAID_B:
        if pdf.count(form) == 1:
            return pdf.replace(form, form.replace(b"B", b"A"))
    raise ValueError("PDF/A-identifieringen hittades inte i XMP-paketet.")


def tagga(doc: Any, taggning: Taggning) -> None:
    """Build the structure tree (Document at the root, in reading order), the parent tree
    that maps each page's MCIDs to their elements, one bookmark per § heading, and mark the
    document as tagged, in Swedish, with its title shown (PDF/UA-1 7.1, 7.2, 7.18)."""
    from pikepdf import Array, Dictionary, Name, OutlineItem, PageLocation, String

    pages = list(doc.pages)
    document = doc.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/Document"), K=Array()))
    root = doc.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=document))
    document.P = root
    made: dict[int, Any] = {}
    first_page: dict[int, int] = {}

    def element(e: Element) -> Any:
        obj = made.get(e.nummer)
        if obj is None:
            parent = document if e.foralder is None else element(e.foralder)
            obj = doc.make_indirect(
                Dictionary(Type=Name.StructElem, S=Name("/" + e.roll), P=parent, K=Array())
            )
            if e.attribut:
                obj.A = Dictionary({f"/{k}": Name("/" + v) for k, v in e.attribut.items()})
            parent.K.append(obj)
            made[e.nummer] = obj
        return obj

    nums = Array()
    for sida in sorted(taggning.sidor):
        page = pages[sida].obj
        page.StructParents = sida
        marked = Array()
        for mcid, e in enumerate(taggning.sidor[sida]):
            obj = element(e)
            if e.nummer not in first_page:
                first_page[e.nummer] = sida
                obj.Pg = page
            if first_page[e.nummer] == sida:
                obj.K.append(mcid)
            else:
                obj.K.append(Dictionary(Type=Name.MCR, Pg=page, MCID=mcid))
            marked.append(obj)
        nums.append(sida)
        nums.append(doc.make_indirect(marked))
    root.ParentTree = doc.make_indirect(Dictionary(Nums=nums))
    root.ParentTreeNextKey = len(pages)
    for page in pages:
        page.obj.Tabs = Name.S  # annotations (the signature fields) in structure order
    doc.Root.StructTreeRoot = root
    doc.Root.MarkInfo = Dictionary(Marked=True)
    doc.Root.Lang = String("sv-SE")
    doc.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    if taggning.bokmarken:
        with doc.open_outline() as outline:
            for b in taggning.bokmarken:
                outline.root.append(OutlineItem(b.titel, b.sida, PageLocation.XYZ, top=b.topp))
        doc.Root.PageMode = Name.UseOutlines


def signaturfalt(pdf: bytes, falt: Sequence[Faltplats]) -> bytes:
    """Add one empty signature field per place, as an incremental update; its tooltip
    (/TU) names the signatory, as a screen reader says it."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    for f in falt:
        x1, y1, x2, y2 = (round(v) for v in f.box)
        spec = fields.SigFieldSpec(
            f.namn,
            on_page=f.sida,
            box=(x1, y1, x2, y2),
            empty_field_appearance=True,
            readable_field_name=f.beskrivning or None,
        )
        fields.append_signature_field(writer, spec)
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    return out.getvalue()
