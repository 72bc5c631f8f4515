"""The page every report shares: header, footer boxes, 'Sida N (M)', the UTKAST watermark,
and signature lines that remember where they were drawn (for the digital signature fields).

One layout pass: the canvas keeps each finished page and writes 'Sida N (M)' once the
number of pages is known, so no second build is needed."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from secretary.reports import styles as st


@dataclass(frozen=True)
class Sidhuvud:
    """What the header and footer of every page say."""

    kommun: str
    organ: str
    datum: dt.date
    dokument: str = "Sammanträdesprotokoll"
    utkast: bool = False
    rutor: tuple[str, ...] = ("Justerandes signatur", "Utdragsbestyrkande")


@dataclass(frozen=True)
class Faltplats:
    """Where a signature line was drawn: page index (0-based) and the box above the line in
    PDF points (x1, y1, x2, y2)."""

    namn: str
    sida: int
    box: tuple[float, float, float, float]


@dataclass
class Layout:
    """Collects what the layout learns while it runs."""

    falt: list[Faltplats] = field(default_factory=list)
    sidor: int = 0


class Signaturlinje(Flowable):  # type: ignore[misc]
    """A line to sign on with the printed name under it. Records its page and absolute
    position in `layout` when drawn, so a signature field can be put exactly on it."""

    def __init__(
        self, layout: Layout, falt: str | None, namn: str, bredd: float = st.SIGNATURE_LINE
    ) -> None:
        super().__init__()
        self.layout = layout
        self.falt = falt
        self.namn = namn
        self.width = bredd
        self.height = 16 * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        line_y = 5 * mm
        c.setLineWidth(0.5)
        c.line(0, line_y, self.width, line_y)
        c.setFont(st.FONT, 10)
        c.drawString(0, line_y - 4.2 * mm, self.namn)
        if self.falt is None:
            return
        x1, y1 = c.absolutePosition(0, line_y)
        x2, y2 = c.absolutePosition(self.width, line_y + 11 * mm)
        page = c.getPageNumber() - 1
        self.layout.falt.append(Faltplats(self.falt, page, (x1, y1, x2, y2)))


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Keeps the pages until save() to write 'Sida N (M)' on each."""

    sidhuvud: Sidhuvud
    layout: Layout

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        self.layout.sidor = total
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFont(st.FONT, 9)
            self.drawRightString(
                st.PAGE_WIDTH - st.MARGIN_RIGHT, st.HEADER_TOP, f"Sida {number} ({total})"
            )
            super().showPage()
        super().save()


def _header_footer(c: Canvas, h: Sidhuvud) -> None:
    left = st.MARGIN_LEFT
    right_col = st.PAGE_WIDTH - st.MARGIN_RIGHT - 78 * mm
    top = st.HEADER_TOP
    c.saveState()
    if h.utkast:
        c.setFillColor(st.WATERMARK)
        c.setFont(st.BOLD, 110)
        c.translate(st.PAGE_WIDTH / 2, st.PAGE_HEIGHT / 2)
        c.rotate(52)
        c.drawCentredString(0, -35, "UTKAST")
        c.setFillColorRGB(0, 0, 0)
        c.rotate(-52)
        c.translate(-st.PAGE_WIDTH / 2, -st.PAGE_HEIGHT / 2)
    c.setFont(st.BOLD, 11)
    c.drawString(left, top, h.kommun)
    c.setFont(st.FONT, 10)
    c.drawString(left, top - 5.5 * mm, h.organ)
    c.setFont(st.BOLD, 11)
    c.drawString(right_col, top, h.dokument)
    c.setFont(st.FONT, 10)
    c.drawString(right_col, top - 5.5 * mm, f"Sammanträdesdatum {h.datum.isoformat()}")
    c.setStrokeColor(st.GREY)
    c.setLineWidth(0.5)
    line_y = st.PAGE_HEIGHT - st.MARGIN_TOP + 6 * mm
    c.line(left, line_y, st.PAGE_WIDTH - st.MARGIN_RIGHT, line_y)
    x = st.PAGE_WIDTH - st.MARGIN_RIGHT - len(h.rutor) * st.FOOTER_BOX_WIDTH
    c.setFont(st.FONT, 7.5)
    c.setFillColor(st.GREY)
    for ruta in h.rutor:
        c.rect(x, st.FOOTER_BOTTOM, st.FOOTER_BOX_WIDTH, st.FOOTER_BOX_HEIGHT)
        c.drawString(x + 1.5 * mm, st.FOOTER_BOTTOM + st.FOOTER_BOX_HEIGHT - 3.2 * mm, ruta)
        x += st.FOOTER_BOX_WIDTH
    c.restoreState()


def bygg(flowables: list[Flowable], sidhuvud: Sidhuvud, layout: Layout, titel: str) -> bytes:
    """Lay out `flowables` on A4 pages with the shared header and footer; the PDF's bytes."""
    st.register_fonts()
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=(st.PAGE_WIDTH, st.PAGE_HEIGHT),
        leftMargin=st.MARGIN_LEFT,
        rightMargin=st.MARGIN_RIGHT,
        topMargin=st.MARGIN_TOP,
        bottomMargin=st.MARGIN_BOTTOM,
        title=titel,
        author=sidhuvud.kommun or "secretary",
        subject=f"{sidhuvud.organ} {sidhuvud.datum.isoformat()}",
        creator="secretary",
        lang="sv-SE",
        initialFontName=st.FONT,
        initialFontSize=10,
    )
    frame = Frame(
        st.MARGIN_LEFT,
        st.MARGIN_BOTTOM,
        st.FRAME_WIDTH,
        st.PAGE_HEIGHT - st.MARGIN_TOP - st.MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates(
        [PageTemplate(id="sida", frames=[frame], onPage=lambda c, d: _header_footer(c, sidhuvud))]
    )

    def canvasmaker(*args: Any, **kwargs: Any) -> _NumberedCanvas:
        c = _NumberedCanvas(*args, **kwargs)
        c.sidhuvud, c.layout = sidhuvud, layout
        return c

    doc.build(flowables, canvasmaker=canvasmaker)
    return out.getvalue()
