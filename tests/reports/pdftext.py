"""Reading generated PDFs back in tests: text per page, fonts, signature fields."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Whitespace collapsed, so a sentence wrapped over lines still matches."""
    return " ".join(text.split())


def in_order(text: str, parts: list[str]) -> None:
    """Assert every part occurs in `text`, each after the previous one."""
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, f"{part!r} missing after position {at}: …{text[at : at + 200]!r}"
        at = found + len(part)


def fonts(pdf: bytes) -> dict[str, bool]:
    """Every font used on any page -> whether its glyphs are embedded in the file."""
    out: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        stack = [resources.get_object()]
        while stack:
            res = stack.pop()
            for font in (res.get("/Font") or {}).values():
                font = font.get_object()
                descendants = font.get("/DescendantFonts")
                target = descendants[0].get_object() if descendants else font
                desc = target.get("/FontDescriptor")
                desc = desc.get_object() if desc is not None else {}
                embedded = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                out[str(font["/BaseFont"])] = embedded
            for xobj in (res.get("/XObject") or {}).values():
                sub = xobj.get_object().get("/Resources")
                if sub is not None:
                    stack.append(sub.get_object())
    return out


def sida(text: str) -> tuple[int, int] | None:
    m = re.search(r"Sida (\d+) \((\d+)\)", text)
    return (int(m.group(1)), int(m.group(2))) if m else None


def brodtext(pdf: bytes) -> list[list[str]]:
    """Each page's lines between the header rule and the footer boxes, top to bottom: the
    body, with a continuation page's "§ N (forts.)" first (no header, footer or watermark)."""
    import pdfplumber

    from secretary.reports import styles as st

    top = st.MARGIN_TOP - 6 * 72 / 25.4  # the header rule, from the top of the page
    bottom = st.PAGE_HEIGHT - st.MARGIN_BOTTOM
    out: list[list[str]] = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            body = page.crop((0, top, page.width, bottom))
            body = body.filter(lambda o: o.get("object_type") != "char" or o["size"] < 40)
            lines = body.extract_text_lines(return_chars=False)
            out.append([" ".join(line["text"].split()) for line in lines])
    return out
