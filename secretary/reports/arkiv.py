"""After layout: make the PDF an archive copy (PDF/A-2b) and put empty digital signature
fields on the signature lines.

PDF/A-2b with pikepdf.pdfa (stack-notes.md): reportlab's empty /Trans entry on every page
is removed, the document info is copied into XMP metadata, an sRGB output intent is added,
and pikepdf validates the bytes it wrote (its own checker; veraPDF cannot be installed here).
Every font is an embedded TrueType subset (styles.py). The signature fields are added
afterwards as an incremental update, so the PDF/A part that was checked stays byte for byte
as it was; that checker does not judge form fields, so the widgets are given an appearance
stream and the print flag, as PDF/A-2 asks of every annotation. In the same update each
widget gets its Form element in the structure tree (PDF/UA-1), so the version stored, which
every signed copy must begin with, has it already.

pyHanko and pikepdf are imported lazily: together they cost about half a second at start-up.
"""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Sequence
from typing import Any

from secretary.reports import xmp
from secretary.reports.page import Faltplats
from secretary.reports.tagg import Element, Taggning


def pdfa_2b(pdf: bytes, taggning: Taggning | None = None, *, kontroll: bool = False) -> bytes:
    """The same document as PDF/A-2b. With the `taggning` the layout recorded, a tagged PDF
    (structure tree, outline, language, title shown) identified as PDF/A-2a: see `tagga`.

    pikepdf's `pdfa.prepare` makes it conform and the bytes are written with its PDF/A save
    settings. `kontroll`: also validate the written bytes with pikepdf's checker, raising
    pikepdf.pdfa.PdfaError if they fail. That check reads every object back, about 0.7 s on
    a 103-page protocol with its 11,000 structure objects, so it is not paid on every build:
    the tests and the self-test run it (tests/reports/test_signaturfalt.py, self_test.py)."""
    import pikepdf
    from pikepdf import pdfa

    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            if "/Trans" in page.obj:
                del page.obj["/Trans"]
        if "/Trapped" in doc.docinfo:
            del doc.docinfo["/Trapped"]  # no XMP equivalent in PDF/A-2
        with doc.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta.load_from_docinfo(doc.docinfo)
        # Before the structure tree: prepare reads every object in the file, and is much
        # faster on the layout's ~1,500 than on the tagged file's ~13,000 (3 ms, not 80).
        pdfa.prepare(doc, "2b")
        _tounicode(doc)
        if taggning is not None:
            tagga(doc, taggning)
            _plats_for_pdfua(doc)
        _inget_cr_sist(doc)
        settings = pdfa.resolve_save_kwargs("2b")
        doc.save(out, **settings)
        if _CR_ENDSTREAM in out.getvalue():  # an object stream qpdf made ends in CR
            settings = {**settings, "object_stream_mode": pikepdf.ObjectStreamMode.disable}
            out = io.BytesIO()
            doc.save(out, **settings)
    data = out.getvalue()
    if kontroll:
        report = pdfa.validate_written(io.BytesIO(data), "2b", save_kwargs=settings)
        if not report.passed:
            raise pdfa.PdfaError(report)
    return _pdfua(_konformitet_a(data)) if taggning is not None else data


# A stream whose encoded data ends in CR reads, before qpdf's LF and endstream, as one byte
# shorter than its /Length: the EOL before endstream is taken to be CR LF (ISO 19005-2 6.1.7.1;
# veraPDF and page both count it so). Flate data ends in its Adler-32 checksum, so about one
# stream in 256 does.
_CR_ENDSTREAM = b"\r\nendstream"


def _inget_cr_sist(doc: Any) -> None:
    """Each page's content stream that would end in CR gets a trailing newline, a no-op in a
    content stream, which changes the checksum. qpdf writes reportlab's content (ASCII85 and
    Flate) again as Flate alone, ending in the Adler-32 of the content: known beforehand. The
    object streams qpdf makes on saving (their dates change from one run to the next) are
    handled after the save: if one ends in CR, the file is saved again without them."""
    from pikepdf import Array

    for page in doc.pages:
        contents = page.obj.get("/Contents")
        for stream in contents if isinstance(contents, Array) else [contents]:
            if stream is None:
                continue
            data = stream.read_bytes()
            if zlib.adler32(data) & 0xFF == 0x0D:
                stream.write(data + b"\n")


# One entry of the bfchar blocks reportlab writes: a one-byte code and its UTF-16 value.
_BFCHAR = re.compile(rb"^<([0-9A-F]{2})> <([0-9A-F]{4})>$", re.M)
_INGEN = {b"0000", b"FEFF", b"FFFE"}  # no character (ISO 14289-1 7.21.7, ISO 19005-2 6.2.11.7.2)


def _tounicode(doc: Any) -> None:
    """The ToUnicode CMap of each font without the codes that map to U+0000, U+FEFF or U+FFFE,
    which PDF/UA-1 and PDF/A-2a forbid as values. reportlab (ttfonts.makeToUnicodeCMap) maps
    every code of a subset, and gives code 0 (.notdef) and the codes among 1-31 of the first
    subset it did not use the value 0; no text is drawn with those codes, so nothing that is
    shown loses its meaning. The entries are written in blocks of at most 100, the limit of a
    CMap's bfchar block (Adobe Technical Note 5014). A CMap not written by reportlab is left
    as it is."""
    from pikepdf import Dictionary, Name

    for obj in doc.objects:
        if not isinstance(obj, Dictionary) or obj.get("/Type") != Name.Font:
            continue
        cmap = obj.get("/ToUnicode")
        if cmap is None:
            continue
        data = cmap.read_bytes()
        head, sep, rest = data.partition(b"endcodespacerange\n")
        if not sep or b"beginbfrange" in rest:
            continue
        pairs = [m.group(0) for m in _BFCHAR.finditer(rest) if m.group(2) not in _INGEN]
        blocks = [pairs[i : i + 100] for i in range(0, len(pairs), 100)]
        body = b"".join(
            b"%d beginbfchar\n%s\nendbfchar\n" % (len(b), b"\n".join(b)) for b in blocks
        )
        tail = rest[rest.index(b"endcmap") :]
        cmap.write(head + sep + body + tail)


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


# PDF/UA-1 identification (ISO 14289-1 5): pdfuaid:part in the XMP packet. PDF/A-2 allows a
# property it does not predefine only with an extension schema describing it (ISO 19005-2
# 6.6.2.3), hence the pdfaExtension block: the one veraPDF and the PDF/UA reference files use.
_PDFUA = b"""    <rdf:Description rdf:about="" \
xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" \
xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" \
xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
      <pdfaExtension:schemas>
        <rdf:Bag>
          <rdf:li rdf:parseType="Resource">
            <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
            <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
            <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
            <pdfaSchema:property>
              <rdf:Seq>
                <rdf:li rdf:parseType="Resource">
                  <pdfaProperty:name>part</pdfaProperty:name>
                  <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                  <pdfaProperty:category>internal</pdfaProperty:category>
                  <pdfaProperty:description>Part of ISO 14289 followed</pdfaProperty:description>
                </rdf:li>
              </rdf:Seq>
            </pdfaSchema:property>
          </rdf:li>
        </rdf:Bag>
      </pdfaExtension:schemas>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
      <pdfuaid:part>1</pdfuaid:part>
    </rdf:Description>
"""
_SLUT = b"</rdf:Description>\n", b"  </rdf:RDF>"  # how pikepdf ends its packet's RDF
_PLATS = _SLUT[0] + b" " * len(_PDFUA) + _SLUT[1]


def _plats_for_pdfua(doc: Any) -> None:
    """Make room for the PDF/UA identification in the XMP packet: white space, as long as
    the block, before the end of rdf:RDF. Written here, after pdfa.prepare, which rewrites
    the packet with only what PDF/A predefines and so would drop pdfuaid. The block itself
    goes in after the check (`_pdfua`): pikepdf's checker knows no extension schemas and
    would refuse pdfuaid, which veraPDF accepts with its schema."""
    xmp = doc.Root.Metadata.read_bytes()
    if xmp.count(b"".join(_SLUT)) != 1:
        raise ValueError("XMP-paketet har inte den form pikepdf skriver.")
    doc.Root.Metadata.write(xmp.replace(b"".join(_SLUT), _PLATS))


def _pdfua(pdf: bytes) -> bytes:
    """Write the PDF/UA-1 identification into the room `_plats_for_pdfua` made, byte for
    byte the same length, as `_konformitet_a` changes the level."""
    if pdf.count(_PLATS) != 1:
        raise ValueError("Platsen för PDF/UA-identifieringen hittades inte i XMP-paketet.")
    return pdf.replace(_PLATS, _SLUT[0] + _PDFUA + _SLUT[1])


def tagga(doc: Any, taggning: Taggning) -> None:
    """Build the structure tree (Document at the root, in reading order), the parent tree
    that maps each page's MCIDs to their elements, one bookmark per § heading, and mark the
    document as tagged, in Swedish, with its title shown (PDF/UA-1 7.1, 7.2, 7.18).

    A KF protocol has some 11,000 structure objects, and each call into pikepdf costs
    microseconds: the tree is worked out in plain Python first, then each object is made
    once, whole. (Writing the tree as PDF text for qpdf to parse was tried: no faster.)"""
    from pikepdf import Array, Dictionary, Name, OutlineItem, PageLocation, String

    pages = [p.obj for p in doc.pages]
    # Each element's kids in reading order: elements, and its marked content (page, MCID).
    # An element comes before its kids, its parent before it. Key -1: the Document.
    kids: dict[int, list[Element | tuple[int, int]]] = {-1: []}
    order: list[Element] = []
    first_page: dict[int, int] = {}
    for sida in sorted(taggning.sidor):
        for mcid, e in enumerate(taggning.sidor[sida]):
            if e.nummer not in kids:
                new: list[Element] = []
                x: Element | None = e
                while x is not None and x.nummer not in kids:
                    new.append(x)
                    x = x.foralder
                for y in reversed(new):
                    kids[y.nummer] = []
                    order.append(y)
                    kids[-1 if y.foralder is None else y.foralder.nummer].append(y)
            first_page.setdefault(e.nummer, sida)
            kids[e.nummer].append((sida, mcid))

    struct_elem, mcr = Name.StructElem, Name.MCR
    root = doc.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    document = doc.make_indirect(Dictionary(Type=struct_elem, S=Name.Document, P=root))
    root.K = document
    made: dict[int, Any] = {-1: document}
    for e in order:
        parent = made[-1 if e.foralder is None else e.foralder.nummer]
        obj = Dictionary(Type=struct_elem, S=Name("/" + e.roll), P=parent)
        if e.attribut:
            obj.A = Dictionary(
                {f"/{k}": Name("/" + v) if isinstance(v, str) else v for k, v in e.attribut.items()}
            )
        made[e.nummer] = doc.make_indirect(obj)
    for nummer, obj in made.items():
        own = first_page.get(nummer)  # content on its first page: a bare MCID, with /Pg
        k: list[Any] = []
        for kid in kids[nummer]:
            if isinstance(kid, Element):
                k.append(made[kid.nummer])
            elif kid[0] == own:
                k.append(kid[1])
            else:
                k.append(Dictionary(Type=mcr, Pg=pages[kid[0]], MCID=kid[1]))
        obj.K = Array(k)
        if own is not None:
            obj.Pg = pages[own]

    nums: list[Any] = []
    for sida in sorted(taggning.sidor):
        pages[sida].StructParents = sida
        nums += [sida, doc.make_indirect(Array([made[e.nummer] for e in taggning.sidor[sida]]))]
    root.ParentTree = doc.make_indirect(Dictionary(Nums=Array(nums)))
    root.ParentTreeNextKey = len(pages)
    for page in pages:
        page.Tabs = Name.S  # annotations (the signature fields) in structure order
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
    (/TU) names the signatory, as a screen reader says it. In a tagged document each widget
    is put in the structure tree too (`_i_strukturen`), in the same update, so the version
    stored (and signed later) has it."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    widgets: list[tuple[Faltplats, Any, Any]] = []
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
        page_ref = writer.find_page_for_modification(f.sida)[0]  # type: ignore[no-untyped-call]
        (widget,) = (
            a
            for a in page_ref.get_object().get("/Annots", [])
            if a.get_object().get("/T") == f.namn
        )
        widgets.append((f, page_ref, widget))
    if "/StructTreeRoot" in writer.root:
        _i_strukturen(writer, widgets)
    xmp.behall_formen(writer)
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    return out.getvalue()


def _i_strukturen(writer: Any, widgets: Sequence[tuple[Faltplats, Any, Any]]) -> None:
    """Each widget as the object of a Form structure element (PDF/UA-1 7.18.1, 7.18.4) in
    reading order: beside its signature line, as the last kid of the element the line was
    drawn in (a table cell; found by the line's MCID in the parent tree), or at the end of
    the Document for a line drawn in none. The Form has an /OBJR to the widget, the widget a
    /StructParent, a new key in the parent tree naming the Form; /Tabs /S on the pages makes
    this order the tab order."""
    from pyhanko.pdf_utils import generic as untyped
    from pyhanko.pdf_utils.generic import pdf_name

    generic: Any = untyped  # its constructors have no annotations

    root_ref = writer.root.raw_get("/StructTreeRoot")
    root = root_ref.get_object()
    parent_tree_ref = root.raw_get("/ParentTree")
    nums = parent_tree_ref.get_object()["/Nums"]
    by_key = {int(nums[i]): nums.raw_get(i + 1) for i in range(0, len(nums), 2)}
    key = int(root["/ParentTreeNextKey"])
    changed = [root_ref, parent_tree_ref]
    for f, page_ref, widget in widgets:
        parent_ref = root.raw_get("/K")  # the Document
        page = page_ref.get_object()
        if f.mcid is not None and "/StructParents" in page:
            parent_ref = by_key[int(page["/StructParents"])].get_object().raw_get(f.mcid)
        parent = parent_ref.get_object()
        form = writer.add_object(
            generic.DictionaryObject(
                {
                    pdf_name("/Type"): pdf_name("/StructElem"),
                    pdf_name("/S"): pdf_name("/Form"),
                    pdf_name("/P"): parent_ref,
                    pdf_name("/Pg"): page_ref,
                    pdf_name("/K"): generic.DictionaryObject(
                        {
                            pdf_name("/Type"): pdf_name("/OBJR"),
                            pdf_name("/Obj"): widget,
                            pdf_name("/Pg"): page_ref,
                        }
                    ),
                }
            )
        )
        kids = parent.get("/K")
        if not isinstance(kids, generic.ArrayObject):
            kids = generic.ArrayObject([] if kids is None else [parent.raw_get("/K")])
            parent[pdf_name("/K")] = kids
        kids.append(form)
        changed.append(parent_ref)
        widget.get_object()[pdf_name("/StructParent")] = generic.NumberObject(key)
        writer.mark_update(widget)
        nums.append(generic.NumberObject(key))
        nums.append(form)
        key += 1
    root[pdf_name("/ParentTreeNextKey")] = generic.NumberObject(key)
    for ref in changed:
        writer.mark_update(ref)
