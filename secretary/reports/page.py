"""The page every report shares: header, footer boxes, 'Sida N (M)', the UTKAST watermark,
and signature lines that remember where they were drawn (for the digital signature fields).

A § that runs on to another page continues there under "§ N (forts.)": each § is laid out
between two `Paragrafgrans` markers, the document notes which § it is in as the markers are
placed, and a page that begins inside a § gets the continuation heading above its frame.
`Sammanhall` keeps a heading with what follows and a short list in one piece.

One layout pass: the canvas keeps each finished page and writes 'Sida N (M)' once the
number of pages is known, so no second build is needed."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate
from reportlab.platypus.doctemplate import FrameBreak
from reportlab.platypus.flowables import _FUZZ

from secretary.reports import styles as st
from secretary.reports.tagg import Element, Taggning, taggning


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
    beskrivning: str = ""  # the field's tooltip: who signs here
    mcid: int | None = None  # the marked content on that page the line is in (its element)


@dataclass
class Layout:
    """Collects what the layout learns while it runs."""

    falt: list[Faltplats] = field(default_factory=list)
    sidor: int = 0
    taggning: Taggning = field(default_factory=Taggning)


class Signaturlinje(Flowable):  # type: ignore[misc]
    """A line to sign on with the printed name under it. Records its page and absolute
    position in `layout` when drawn, so a signature field can be put exactly on it, and the
    marked content it is drawn in (a table cell, or a P of its own), so the field's Form
    element stands beside it in the structure tree (arkiv.signaturfalt)."""

    def __init__(
        self,
        layout: Layout,
        falt: str | None,
        namn: str,
        bredd: float = st.SIGNATURE_LINE,
        beskrivning: str = "",
    ) -> None:
        super().__init__()
        self.layout = layout
        self.beskrivning = beskrivning
        self.falt = falt
        self.namn = namn
        self.width = bredd
        self.height = 16 * mm
        self.element = Element("P")

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        t = taggning(c)
        own = t if t is not None and t.oppet() is None else None  # not in a table cell
        if own is not None:
            own.borja(c, self.element)
        line_y = 5 * mm
        c.setLineWidth(0.5)
        c.line(0, line_y, self.width, line_y)
        c.setFont(st.FONT, 10)
        c.drawString(0, line_y - 4.2 * mm, self.namn)
        mcid = t.oppet() if t is not None else None
        if own is not None:
            own.slut(c)
        if self.falt is None:
            return
        x1, y1 = c.absolutePosition(0, line_y)
        x2, y2 = c.absolutePosition(self.width, line_y + 11 * mm)
        page = c.getPageNumber() - 1
        box = (x1, y1, x2, y2)
        self.layout.falt.append(Faltplats(self.falt, page, box, self.beskrivning, mcid))


FORTS_HOJD = 9 * mm  # the "§ N (forts.)" line at the top of a continuation page
MINST_RADER = 3  # lines of a text that must fit under its heading, or both move on


class Paragrafgrans(Flowable):  # type: ignore[misc]
    """Takes no space: where a § begins (`nummer`) or ends (None) in the flow."""

    def __init__(self, nummer: int | None) -> None:
        super().__init__()
        self.nummer = nummer
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


def _blad(flowables: list[Flowable]) -> list[Flowable]:
    """The flowables that are placed, with the groups opened."""
    out: list[Flowable] = []
    for f in flowables:
        if isinstance(f, KeepTogether):
            out += _blad(list(f._content))
        elif not isinstance(f, Paragrafgrans):
            out.append(f)
    return out


def _hojd(flowables: list[Flowable], canv: Canvas, width: float) -> float:
    """Their height one under the other as the frame places them (spaces merged), with the
    first one's space before; a list of groups is measured as their contents."""
    leaves = _blad(flowables)
    if not leaves:
        return 0.0
    return _stapel(leaves, canv, width) + float(leaves[0].getSpaceBefore())


def _stapel(leaves: list[Flowable], canv: Canvas, width: float) -> float:
    """What reportlab's _listWrapOn gives for these leaves, without its deep copy of the
    frame on every call (kept for flowables that add content to the frame as they wrap,
    which none of ours do): each height, and between two the larger of the space after the
    first and the space before the second."""
    h = 0.0
    after = None
    for f in leaves:
        if hasattr(f, "frameAction"):
            continue
        _, fh = f.wrapOn(canv, width, 0xFFFFFFF)
        if fh <= _FUZZ:
            continue
        h += fh
        if after is not None:
            h += max(float(f.getSpaceBefore()) - after, 0) + after
        after = float(f.getSpaceAfter())
    return h


def _borjan(f: Flowable, canv: Canvas, width: float) -> float:
    """The least of `f` that must go on a page with what precedes it: a paragraph's first
    lines (it splits with orphan control), a long table's first rows, else all of it."""
    if isinstance(f, Sammanhall):
        return f.hojd(canv, width, minst=True)
    if isinstance(f, KeepTogether):
        return _hojd([f], canv, width)
    _, h = f.wrapOn(canv, width, 0xFFFFFFF)
    h += f.getSpaceBefore()
    leading = getattr(getattr(f, "style", None), "leading", None)
    if leading is not None:
        return float(min(h, f.getSpaceBefore() + MINST_RADER * leading))
    rows = getattr(f, "_rowHeights", None)
    if rows is not None and len(rows) > 4:
        return float(min(h, f.getSpaceBefore() + sum(rows[:3])))
    return float(h)


class Sammanhall(KeepTogether):  # type: ignore[misc]
    """Flowables that go on to the next page together rather than be parted here.

    `hel`: all of it is kept on one page (a short list with its heading, a short roll call).
    Otherwise only the start is: everything but the last part, and of the last part its first
    lines (a heading is never left at the foot of a page, and a long text under it still
    begins right there, not on the next page). Groups may nest, unlike KeepTogether's."""

    def __init__(self, flowables: list[Flowable], *, hel: bool = False) -> None:
        super().__init__(flowables)
        self.hel = hel

    def hojd(self, canv: Canvas, width: float, minst: bool = False) -> float:
        parts = [f for f in self._content if not isinstance(f, Paragrafgrans)]
        if not parts:
            return 0.0
        if not minst or self.hel:
            return _hojd(parts, canv, width)
        head = _blad(parts[:-1])
        if not head:
            return _borjan(parts[-1], canv, width)
        tail = _blad(parts[-1:])
        before = float(tail[0].getSpaceBefore()) if tail else 0.0
        gap = max(float(head[-1].getSpaceAfter()), before)
        return _hojd(head, canv, width) + gap + _borjan(parts[-1], canv, width) - before

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        # Unlike KeepTogether's, split does not need the height measured here.
        self._wrapInfo = aW, aH
        return aW, 0xFFFFFF  # always split: the parts are placed one by one

    def split(self, aW: float, aH: float) -> list[Flowable]:
        parts = list(self._content)
        frame = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", False))
        need = self.hojd(self.canv, aW, minst=True)
        if need > aH + 1e-6 and not at_top:
            parts.insert(0, FrameBreak())
        return parts


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Keeps the pages until save() to write 'Sida N (M)' on each."""

    sidhuvud: Sidhuvud
    layout: Layout
    taggning: Taggning

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
            self.taggning.artefakt(self, "Pagination", "Header")
            self.setFont(st.FONT, 9)
            self.drawRightString(
                st.PAGE_WIDTH - st.MARGIN_RIGHT, st.HEADER_TOP, f"Sida {number} ({total})"
            )
            self.taggning.slut(self)
            super().showPage()
        super().save()


def _header_footer(c: _NumberedCanvas, h: Sidhuvud, forts: int | None = None) -> None:
    """Drawn as artifacts (tagg.py): they repeat on every page and are not the text."""
    left = st.MARGIN_LEFT
    right_col = st.PAGE_WIDTH - st.MARGIN_RIGHT - 78 * mm
    top = st.HEADER_TOP
    t = c.taggning
    c.saveState()
    if h.utkast:
        t.artefakt(c, "Pagination", "Watermark")
        c.setFillColor(st.WATERMARK)
        c.setFont(st.BOLD, 110)
        c.translate(st.PAGE_WIDTH / 2, st.PAGE_HEIGHT / 2)
        c.rotate(52)
        c.drawCentredString(0, -35, "UTKAST")
        c.setFillColorRGB(0, 0, 0)
        c.rotate(-52)
        c.translate(-st.PAGE_WIDTH / 2, -st.PAGE_HEIGHT / 2)
        t.slut(c)
    t.artefakt(c, "Pagination", "Header")
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
    if forts is not None:
        c.setFillColorRGB(0, 0, 0)
        c.setFont(st.BOLD, 11)
        c.drawString(left, st.PAGE_HEIGHT - st.MARGIN_TOP - 4 * mm, f"§ {forts} (forts.)")
        c.setFillColor(st.GREY)
    t.slut(c)
    t.artefakt(c, "Pagination", "Footer")
    x = st.PAGE_WIDTH - st.MARGIN_RIGHT - len(h.rutor) * st.FOOTER_BOX_WIDTH
    c.setFont(st.FONT, 7.5)
    c.setFillColor(st.GREY)
    for ruta in h.rutor:
        c.rect(x, st.FOOTER_BOTTOM, st.FOOTER_BOX_WIDTH, st.FOOTER_BOX_HEIGHT)
        c.drawString(x + 1.5 * mm, st.FOOTER_BOTTOM + st.FOOTER_BOX_HEIGHT - 3.2 * mm, ruta)
        x += st.FOOTER_BOX_WIDTH
    t.slut(c)
    c.restoreState()


class _Dokument(BaseDocTemplate):  # type: ignore[misc]
    """Knows which § it is laying out, so a page that begins inside one says so."""

    paragraf: int | None = None  # the § whose start marker is placed and its end is not
    fortsatter: int | None = None  # the § this page continues, if it does

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Paragrafgrans):
            self.paragraf = flowable.nummer
            self.canv.taggning.paragrafgrans(flowable.nummer)

    def handle_pageBegin(self) -> None:
        self.fortsatter = self.paragraf
        self.pageTemplate = self.pageTemplates[0 if self.paragraf is None else 1]
        super().handle_pageBegin()


def bygg(flowables: list[Flowable], sidhuvud: Sidhuvud, layout: Layout, titel: str) -> bytes:
    """Lay out `flowables` on A4 pages with the shared header and footer; the PDF's bytes."""
    st.register_fonts()
    out = io.BytesIO()
    doc = _Dokument(
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

    def frame(top: float) -> Frame:
        return Frame(
            st.MARGIN_LEFT,
            st.MARGIN_BOTTOM,
            st.FRAME_WIDTH,
            st.PAGE_HEIGHT - top - st.MARGIN_BOTTOM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )

    doc.addPageTemplates(
        [
            PageTemplate(
                id="sida",
                frames=[frame(st.MARGIN_TOP)],
                onPage=lambda c, d: _header_footer(c, sidhuvud),
            ),
            PageTemplate(
                id="forts",
                frames=[frame(st.MARGIN_TOP + FORTS_HOJD)],
                onPage=lambda c, d: _header_footer(c, sidhuvud, d.fortsatter),
            ),
        ]
    )

    def canvasmaker(*args: Any, **kwargs: Any) -> _NumberedCanvas:
        c = _NumberedCanvas(*args, **kwargs)
        c.sidhuvud, c.layout, c.taggning = sidhuvud, layout, layout.taggning
        return c

    # Page streams Flate-compressed only, not also ASCII85-encoded (reportlab's default, done
    # in pure Python: about a sixth of the KF protocol's layout, and the streams a quarter
    # larger). Binary streams are fine in a PDF; the PDF/A save (arkiv.py) undid the
    # ASCII85 and compressed them again anyway.
    a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        doc.build(flowables, canvasmaker=canvasmaker)
    finally:
        rl_config.useA85 = a85
    layout.taggning.sektionera()
    return out.getvalue()
