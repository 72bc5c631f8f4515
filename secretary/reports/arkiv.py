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

from secretary.reports.page import Faltplats


def pdfa_2b(pdf: bytes) -> bytes:
    """The same document as validated PDF/A-2b; raises pikepdf.pdfa.PdfaError if it fails."""
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
        pdfa.save(doc, out, "2b")
    return out.getvalue()


def signaturfalt(pdf: bytes, falt: Sequence[Faltplats]) -> bytes:
    """Add one empty signature field per place, as an incremental update."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    for f in falt:
        x1, y1, x2, y2 = (round(v) for v in f.box)
        spec = fields.SigFieldSpec(
            f.namn, on_page=f.sida, box=(x1, y1, x2, y2), empty_field_appearance=True
        )
        fields.append_signature_field(writer, spec)
    out = io.BytesIO()
    writer.write(out)  # type: ignore[no-untyped-call]
    return out.getvalue()
