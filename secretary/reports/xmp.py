"""The XMP packet of a PDF that pyHanko writes to (the signature fields, each signature), in
the form the PDF/A validators read.

pyHanko rewrites the document's XMP on every incremental update it writes: it parses the
packet into its own model, sets xmp:ModifyDate and pdf:Producer, and serialises it again,
writing each structure as a nested rdf:Description with its simple fields as attributes and
every text that starts with http:// as an rdf:resource. That is valid RDF, but the PDF/A
extension schema that declares pdfuaid:part (arkiv._PDFUA) no longer reads as one: the
validator (page, which follows veraPDF) finds no pdfaSchema:schema, namespaceURI or prefix
field, hence no declaration of pdfuaid:part, and the PDF/A-2a identification fails (ISO
19005-2 6.6.2.3). `behall_formen` gives the writer a metadata stream that keeps pyHanko's
update but writes the packet as pikepdf and arkiv.py do: each property an element, each
structure rdf:parseType="Resource", each URI text. pdf:Producer and xmp:ModifyDate are taken
from the document information dictionary pyHanko has just updated, so the two agree (pyHanko
takes the time twice, once for each), and xmp:MetadataDate, which pyHanko leaves, is moved
with them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from xml.sax.saxutils import escape

_HUVUD = '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'.encode()
_SLUT = b'\n<?xpacket end="r"?>'


def behall_formen(writer: Any) -> None:
    """Before `writer.write`: replace the catalog's /Metadata of a pyHanko
    IncrementalPdfFileWriter with a stream that pyHanko updates as usual and that is written
    in the form above. A document without XMP is left alone."""
    from pyhanko.pdf_utils.metadata import xmp_xml

    if "/Metadata" not in writer.root:
        return
    old = writer.root["/Metadata"]
    if not isinstance(old, xmp_xml.MetadataStream):
        return
    stream = _stream_class()(stream_data=old.data)
    stream.writer = writer
    writer.root["/Metadata"] = writer.add_object(stream)
    writer.update_root()


def _stream_class() -> Any:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.metadata import model, xmp_xml

    metadata_date = model.ExpandedName(ns=model.NS["xmp"], local_name="MetadataDate")

    class Xmp(xmp_xml.MetadataStream):
        writer: Any = None

        def update_xmp_with_meta(self, meta: model.DocumentMetadata) -> None:
            super().update_xmp_with_meta(meta)  # pyHanko's own update of its model
            fields = {k: v for root in self.xmp for k, v in root}
            info_ref = self.writer.trailer_view.get("/Info") if self.writer else None
            if info_ref is not None:
                info = info_ref.get_object()
                if "/Producer" in info:
                    fields[model.PDF_PRODUCER] = model.XmpValue(str(info["/Producer"]))
                if "/ModDate" in info:
                    when = generic.parse_pdf_date(str(info["/ModDate"]))
                    fields[model.XMP_MODDATE] = model.XmpValue(when.isoformat())
                    if metadata_date in fields:  # the metadata changed then too
                        fields[metadata_date] = fields[model.XMP_MODDATE]
            roots = [model.XmpStructure(fields)]
            self._xmp = roots
            self._data = packet(roots)
            self._encoded_data = None

    return Xmp


def packet(roots: Any) -> bytes:
    """pyHanko's model of an XMP packet (its list of root structures) as a packet: one
    rdf:Description per root with its namespaces declared, every property an element."""
    from pyhanko.pdf_utils.metadata import model

    rdf = model.NS["rdf"]
    prefix = {uri: p for p, uri in model.NS.items()}

    def name(n: Any) -> str:
        if n.ns not in prefix:
            prefix[n.ns] = f"ns{len(prefix)}"
        return f"{prefix[n.ns]}:{n.local_name}"

    def prop(n: Any, value: Any, indent: str) -> Iterator[str]:
        quals = value.qualifiers
        lang = "" if quals.lang is None else f' xml:lang="{escape(quals.lang)}"'
        tag = name(n)
        if quals.has_non_lang_quals:
            yield f'{indent}<{tag}{lang} rdf:parseType="Resource">'
            yield from prop(model.RDF_VALUE, model.XmpValue(value.value), indent + " ")
            for k, q in quals.iter_quals(with_lang=False):
                yield from prop(k, q, indent + " ")
            yield f"{indent}</{tag}>"
            return
        inner = value.value
        if isinstance(inner, model.XmpStructure):
            yield f'{indent}<{tag}{lang} rdf:parseType="Resource">'
            for k, v in inner:
                yield from prop(k, v, indent + " ")
            yield f"{indent}</{tag}>"
        elif isinstance(inner, model.XmpArray):
            array = name(inner.array_type.as_rdf())
            yield f"{indent}<{tag}{lang}>"
            yield f"{indent} <{array}>"
            for v in inner.entries:
                yield from prop(model.RDF_LI, v, indent + "  ")
            yield f"{indent} </{array}>"
            yield f"{indent}</{tag}>"
        else:  # text, or a URI (pyHanko reads every http:// text as one): text
            yield f"{indent}<{tag}{lang}>{escape(str(inner))}</{tag}>"

    lines = ['<x:xmpmeta xmlns:x="adobe:ns:meta/">', f' <rdf:RDF xmlns:rdf="{rdf}">']
    for root in roots:
        # rdf:about and the like are attributes of the Description, not properties
        props = [(k, v) for k, v in root if k.ns != rdf]
        body = [line for k, v in props for line in prop(k, v, "   ")]
        spaces = " ".join(
            f'xmlns:{p}="{escape(uri)}"'
            for uri, p in prefix.items()
            if uri not in (rdf, model.NS["xml"], model.NS["x"])
            and any(f"<{p}:" in line for line in body)
        )
        lines.append(f'  <rdf:Description rdf:about="" {spaces}>')
        lines += body
        lines.append("  </rdf:Description>")
    lines += [" </rdf:RDF>", "</x:xmpmeta>"]
    return _HUVUD + "\n".join(lines).encode() + _SLUT
