"""Tagged PDF, during layout: marked content on the page, and the structure it belongs to.

reportlab does not tag. Each text the reports lay out is drawn between `BDC` (with an MCID,
a number unique on its page) and `EMC`, written with `canvas.addLiteral`; what is only
decoration or repeats on every page (header, footer boxes, "Sida N (M)", "§ N (forts.)",
UTKAST, table rules and shading, a table's repeated heading row) is drawn as an /Artifact.
`Taggning` records, page by page, which structure element each MCID belongs to; after the
layout arkiv.py builds the structure tree, the parent tree and the outline from it with
pikepdf (PDF/UA-1, ISO 14289-1 7.1: all content is tagged or an artifact).

Structure elements are made when the flowables are: `Element(roll, forälder)`. A paragraph
split over two pages keeps its element, so it is one P with content on two pages. Marked
content does not nest: inside a table cell a paragraph's own tag is not written, its text
belongs to the cell.

A document with §§ is read as sections (PDF 32000-1 14.8.4.2, Sect): each § one Sect from
its heading to the next §, whatever pages it runs over, and the content between §§ (the
front matter, an utdrag's certification) a Sect of its own. The layout says where a § begins
and ends (page.Paragrafgrans); each element without a parent goes into the section it is
first drawn in, once the layout is done (`Taggning.sektionera`).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph
from reportlab.platypus.tables import Table

_NUMMER = itertools.count()

# Style name (styles.Stylesheet) -> the structure role of a paragraph in it.
ROLL = {"title": "H1", "paragraf": "H2", "heading": "H3", "boxheading": "H2"}


@dataclass(eq=False)
class Element:
    """A structure element: its role (a standard structure type), its parent (None: the
    Document), attributes (/A) and, for a heading, the outline entry it makes."""

    roll: str
    foralder: Element | None = None
    attribut: dict[str, Any] = field(default_factory=dict)
    bokmarke: str | None = None
    nummer: int = field(default_factory=lambda: next(_NUMMER))


@dataclass(frozen=True)
class Bokmarke:
    titel: str
    sida: int  # 0-based
    topp: float  # PDF points from the bottom of the page


class Taggning:
    """What the layout marked: per page (0-based) the element of each MCID, in order."""

    def __init__(self) -> None:
        self.sidor: dict[int, list[Element]] = {}
        self.bokmarken: list[Bokmarke] = []
        self._djup = 0
        self._oppet: int | None = None  # the MCID open on this page, if any
        self._sektion: Element | None = None  # the Sect being drawn, None between two
        self._paragrafer = False  # a § was laid out: the document is read in sections
        # Each element without a parent, by number: it and the Sect it was first drawn in.
        self._sektioner: dict[int, tuple[Element, Element]] = {}

    def paragrafgrans(self, nummer: int | None) -> None:
        """A § begins (its number) or ends (None) here: the content after it is a new Sect."""
        self._sektion = Element("Sect") if nummer is not None else None
        self._paragrafer = self._paragrafer or nummer is not None

    def sektionera(self) -> None:
        """After the layout: in a document with §§, each element drawn without a parent goes
        into its Sect (see the module's docstring). Elsewhere nothing changes."""
        if self._paragrafer:
            for top, sektion in self._sektioner.values():
                top.foralder = sektion
        self._sektioner.clear()

    def oppet(self) -> int | None:
        """The MCID of the element whose marked content is open now (None: none, or an
        artifact): what a signature line is drawn in (page.Signaturlinje)."""
        return self._oppet

    def borja(self, canv: Canvas, element: Element, topp: float | None = None) -> bool:
        """Open marked content for `element`; False (nothing written) inside another."""
        if self._djup:
            self._djup += 1
            return False
        sida = canv.getPageNumber() - 1
        mcids = self.sidor.setdefault(sida, [])
        if element.bokmarke is not None and topp is not None:
            self.bokmarken.append(Bokmarke(element.bokmarke, sida, topp))
            element.bokmarke = None  # a § heading split over pages: one bookmark
        canv.addLiteral(f"/{element.roll} <</MCID {len(mcids)}>> BDC")
        self._oppet = len(mcids)
        mcids.append(element)
        self._djup = 1
        if self._sektion is None:
            self._sektion = Element("Sect")
        top = element
        while top.foralder is not None:
            top = top.foralder
        if top.nummer not in self._sektioner:
            self._sektioner[top.nummer] = (top, self._sektion)
        return True

    def artefakt(self, canv: Canvas, typ: str = "Layout", undertyp: str = "") -> None:
        """Open an artifact (PDF 32000-1 14.8.2.2); close it with `slut`."""
        if self._djup:
            self._djup += 1
            return
        extra = f" /Subtype /{undertyp}" if undertyp else ""
        canv.addLiteral(f"/Artifact <</Type /{typ}{extra}>> BDC")
        self._djup = 1

    def slut(self, canv: Canvas) -> None:
        self._djup -= 1
        if self._djup == 0:
            canv.addLiteral("EMC")
            self._oppet = None


def taggning(canv: Canvas) -> Taggning | None:
    return getattr(canv, "taggning", None)


class Stycke(Paragraph):  # type: ignore[misc]
    """A Paragraph that tags itself: as `roll`, or a heading by its style (ROLL), else a P;
    or as the `element` given (an LBody of a list). `bokmarke`: an outline entry, as a §
    heading (style "paragraf") always has."""

    element: Element | None = None

    def __init__(
        self,
        text: Any,
        style: Any,
        *args: Any,
        element: Element | None = None,
        roll: str | None = None,
        bokmarke: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(text, style, *args, **kwargs)
        if element is None and text is not None:
            element = Element(roll or ROLL.get(style.name, "P"))
            if bokmarke or style.name == "paragraf":  # a § heading: its bookmark
                element.bokmarke = " ".join(self.getPlainText().split())
        if element is not None:
            self.element = element

    _bredd: float | None = None  # the width of the last wrap, its lines in self.blPara

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Paragraph.wrap breaks the lines again each time, though they depend only on the
        width; a heading kept with what follows is measured there first (page.Sammanhall),
        then placed by the frame at the same width."""
        if availWidth == self._bredd and "blPara" in self.__dict__:  # split may delete it
            return self.width, self.height
        w, h = super().wrap(availWidth, availHeight)
        self._bredd = availWidth
        return w, h

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts: list[Any] = super().split(availWidth, availHeight)
        for p in parts:
            p.element = self.element
        return parts

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        t = taggning(canvas)
        if t is None or self.element is None or not self.frags:
            super().drawOn(canvas, x, y, _sW)
            return
        t.borja(canvas, self.element, y + self.height)
        super().drawOn(canvas, x, y, _sW)
        t.slut(canvas)


def listpunkt(lista: Element) -> Element:
    """The LBody of a new item (LI) in `lista` (an L)."""
    return Element("LBody", Element("LI", lista))


class Tabelltaggar:
    """Table's render callback (Table(renderCB=...)): the table as Table/TR/TH/TD, its rules
    and shading as artifacts. `rubrikrader` rows are column headers (TH, scope Column),
    `rubrikkolumner` columns are row headers (TH, scope Row). Rows are known by their list
    object, which reportlab keeps when it splits a table: a row drawn again (the heading row
    repeated on the next page) is an artifact there.

    A cell that spans others has the Table attributes RowSpan and ColSpan (PDF 32000-1
    14.8.5.7), and the cells it covers are no cells of their own. The spans are reportlab's
    (TableStyle "SPAN"), and `spann`: cells that span others in meaning only, (row, column)
    -> (rows, columns), rows counted over all the parts of a split table. reportlab cannot
    break a page inside a spanned row, so a label that heads a long list (the ledamöter) is
    one cell to a reader but drawn row by row; what is drawn in a cell it covers (the label
    again, "(forts.)", on the next page) is an artifact there. A row header is a cell within
    the header columns: one spanning beyond them is a TD."""

    def __init__(
        self,
        foralder: Element | None = None,
        *,
        rubrikrader: int = 0,
        rubrikkolumner: int = 0,
        spann: Mapping[tuple[int, int], tuple[int, int]] | None = None,
    ) -> None:
        self.tabell = Element("Table", foralder)
        self.rubrikrader = rubrikrader
        self.rubrikkolumner = rubrikkolumner
        self.spann = dict(spann or {})
        self._tackta = {
            (r + i, c + j)
            for (r, c), (rows, cols) in self.spann.items()
            for i in range(rows)
            for j in range(cols)
            if i or j
        }
        self._rader: dict[int, tuple[list[Any], Element, int]] = {}
        self._ritade: set[int] = set()
        self._rad: tuple[Element, int, int] | None = None  # TR, row here, row in all; or None
        self._celler: dict[tuple[int, int], Element] = {}

    def __call__(self, table: Table, kind: str, *args: Any) -> None:
        canv = table.canv
        t = taggning(canv)
        if t is None:
            return
        if kind in ("startBG", "startLines"):
            t.artefakt(canv)
        elif kind in ("endBG", "endLines", "endCell"):
            t.slut(canv)
        elif kind == "startRow":
            row = table._cellvalues[args[0]]
            if id(row) not in self._rader:
                n = len(self._rader)
                self._rader[id(row)] = (row, Element("TR", self.tabell), n)
            _, tr, n = self._rader[id(row)]
            again = id(row) in self._ritade
            self._ritade.add(id(row))
            self._rad = None if again else (tr, args[0], n)
        elif kind == "startCell":
            if self._rad is None:
                t.artefakt(canv, "Pagination", "Header")
                return
            tr, here, n = self._rad
            col = args[1]
            if (n, col) in self._tackta:
                t.artefakt(canv, "Pagination")
                return
            cell = self._celler.get((n, col))
            if cell is None:
                cell = self._cell(table, tr, here, n, col)
                self._celler[(n, col)] = cell
            t.borja(canv, cell)

    def _cell(self, table: Table, tr: Element, here: int, n: int, col: int) -> Element:
        rows, cols = self.spann.get((n, col), (1, 1)) if self.spann else (1, 1)
        if table._spanCmds:  # reportlab's span: (col0, row0, col1, row1) of its first cell
            c0, r0, c1, r1 = table._spanRanges[col, here]
            rows, cols = max(rows, r1 - r0 + 1), max(cols, c1 - c0 + 1)
        if n < self.rubrikrader:
            scope: str | None = "Column"
        elif col + cols <= self.rubrikkolumner:
            scope = "Row"
        elif rows == cols == 1:
            return Element("TD", tr)  # most cells: no attributes
        else:
            scope = None
        attribut: dict[str, Any] = {"O": "Table"}
        if rows > 1:
            attribut["RowSpan"] = rows
        if cols > 1:
            attribut["ColSpan"] = cols
        if scope is None:
            return Element("TD", tr, attribut)
        attribut["Scope"] = scope
        return Element("TH", tr, attribut)


def tagga(table: Table, taggar: Tabelltaggar) -> Table:
    table._renderCB = taggar
    return table
