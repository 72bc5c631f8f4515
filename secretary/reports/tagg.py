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
"""

from __future__ import annotations

import itertools
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
        mcids.append(element)
        self._djup = 1
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
    repeated on the next page) is an artifact there."""

    def __init__(
        self, foralder: Element | None = None, *, rubrikrader: int = 0, rubrikkolumner: int = 0
    ) -> None:
        self.tabell = Element("Table", foralder)
        self.rubrikrader = rubrikrader
        self.rubrikkolumner = rubrikkolumner
        self._rader: dict[int, tuple[list[Any], Element, int]] = {}
        self._ritade: set[int] = set()
        self._rad: tuple[Element, int] | None = None  # the TR and its row number, or None
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
            self._rad = None if again else (tr, n)
        elif kind == "startCell":
            if self._rad is None:
                t.artefakt(canv, "Pagination", "Header")
                return
            tr, n = self._rad
            col = args[1]
            cell = self._celler.get((n, col))
            if cell is None:
                if n < self.rubrikrader:
                    cell = Element("TH", tr, {"O": "Table", "Scope": "Column"})
                elif col < self.rubrikkolumner:
                    cell = Element("TH", tr, {"O": "Table", "Scope": "Row"})
                else:
                    cell = Element("TD", tr)
                self._celler[(n, col)] = cell
            t.borja(canv, cell)


def tagga(table: Table, taggar: Tabelltaggar) -> Table:
    table._renderCB = taggar
    return table
