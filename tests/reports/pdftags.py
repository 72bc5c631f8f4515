"""Reading a tagged PDF back in tests, with pikepdf: the structure tree in reading order,
and each text-showing operator on each page with the marked content it stands in."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pikepdf

TEXT_OPS = {"Tj", "TJ", "'", '"'}

# pikepdf's checker knows no PDF/A extension schemas: it refuses the PDF/UA identification
# and the schema that describes it, as arkiv._pdfua says. Nothing else.
PDFUA_XMP = {
    "XMP namespace pdfaExtension=http://www.aiim.org/pdfa/ns/extension/ is not permitted",
    "XMP namespace pdfaSchema=http://www.aiim.org/pdfa/ns/schema# is not permitted",
    "XMP namespace pdfaProperty=http://www.aiim.org/pdfa/ns/property# is not permitted",
    "XMP property pdfaExtension:schemas is not permitted",
    "XMP property pdfuaid:part is not permitted",
}


@dataclass
class Node:
    roll: str
    obj: Any
    barn: list[Node] = field(default_factory=list)
    mcids: list[tuple[int, int]] = field(default_factory=list)  # (page index, MCID)

    def walk(self) -> Iterator[Node]:
        yield self
        for b in self.barn:
            yield from b.walk()


def _page_index(pdf: pikepdf.Pdf) -> dict[tuple[int, int], int]:
    return {p.obj.objgen: i for i, p in enumerate(pdf.pages)}


def tree(pdf: pikepdf.Pdf) -> Node:
    """The structure tree below StructTreeRoot, as Nodes."""
    pages = _page_index(pdf)
    root = pdf.Root.StructTreeRoot

    def node(obj: Any, pg: int | None) -> Node:
        n = Node(str(obj.get("/S", "/StructTreeRoot"))[1:], obj)
        if "/Pg" in obj:
            pg = pages[obj.Pg.objgen]
        kids = obj.get("/K")
        if kids is None:
            return n
        if not isinstance(kids, pikepdf.Array):
            kids = [kids]
        for k in kids:
            if isinstance(k, int):
                assert pg is not None, f"MCID {k} of {n.roll} without /Pg"
                n.mcids.append((pg, int(k)))
            elif k.get("/Type") == "/MCR":
                n.mcids.append((pages[k.Pg.objgen], int(k.MCID)))
            elif k.get("/Type") == "/OBJR":
                continue
            else:
                n.barn.append(node(k, pg))
        return n

    return node(root, None)


def parent_tree(pdf: pikepdf.Pdf) -> dict[tuple[int, int], Any]:
    """(page index, MCID) -> the structure element the parent tree names for it."""
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    by_key = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    out: dict[tuple[int, int], Any] = {}
    for i, page in enumerate(pdf.pages):
        if "/StructParents" not in page.obj:
            continue
        for mcid, elem in enumerate(by_key[int(page.obj.StructParents)]):
            out[(i, mcid)] = elem
    return out


@dataclass(frozen=True)
class Text:
    page: int
    text: str
    tag: str  # "Artifact", or the role of the marked content
    mcid: int | None


def texts(pdf: pikepdf.Pdf) -> list[Text]:
    """Every text-showing operator on every page, with the innermost marked content it is in
    ("" if none)."""
    out: list[Text] = []
    for i, page in enumerate(pdf.pages):
        stack: list[tuple[str, int | None]] = []
        for operands, op in pikepdf.parse_content_stream(page):
            name = str(op)
            if name in ("BDC", "BMC"):
                props = operands[1] if name == "BDC" else None
                mcid = None
                if isinstance(props, pikepdf.Dictionary) and "/MCID" in props:
                    mcid = int(props.MCID)
                stack.append((str(operands[0])[1:], mcid))
            elif name == "EMC":
                stack.pop()
            elif name in TEXT_OPS:
                shown = _shown(operands)
                outer = next((s for s in stack if s[0] == "Artifact" or s[1] is not None), None)
                tag, mcid = outer if outer else ("", None)
                out.append(Text(i, shown, tag, mcid))
        assert not stack, f"page {i + 1}: marked content not closed"
    return out


def _shown(operands: Any) -> str:
    parts = operands[-1]
    if isinstance(parts, pikepdf.Array):
        return "".join(bytes(p).decode("latin-1") for p in parts if isinstance(p, pikepdf.String))
    return bytes(parts).decode("latin-1")


def open_pdf(data: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(data))


def assert_tagged(pdf: pikepdf.Pdf, kind: str) -> list[Text]:
    """PDF/UA-1 7.1: every text on every page is in a structure element (its MCID in the
    parent tree and in exactly the element the parent tree names) or an artifact; the texts
    shown, for further checks."""
    parents = parent_tree(pdf)
    structure = tree(pdf)
    by_obj = {n.obj.objgen: n for n in structure.walk()}
    referenced = [m for n in structure.walk() for m in n.mcids]
    shown = texts(pdf)
    assert shown, f"{kind}: no text"
    for t in shown:
        where = f"{kind} page {t.page + 1}: {t.text!r}"
        assert t.tag, f"untagged text, {where}"
        if t.tag != "Artifact":
            assert (t.page, t.mcid) in parents, f"MCID not in the parent tree, {where}"
    assert sorted(referenced) == sorted(parents), f"{kind}: parent tree and elements differ"
    for where, elem in parents.items():
        assert where in by_obj[elem.objgen].mcids, f"{kind}: parent tree names another element"
    return shown


def span(cell: Node) -> tuple[int, int]:
    """A TH or TD's (RowSpan, ColSpan), 1 where not given."""
    a = cell.obj.get("/A")
    if a is None:
        return 1, 1
    return int(a.get("/RowSpan", 1)), int(a.get("/ColSpan", 1))


def grid(table: Node) -> list[list[Node]]:
    """The table's cells on their grid, as a reader (an HTML table model) places them: each
    cell in the next free column of its row, spanning RowSpan rows and ColSpan columns. The
    rows must come out the same width with no cell over another and no hole, as PDF 32000-1
    14.8.5.7 reads a table whose spanned-over cells are left out."""
    rows = [r for r in table.barn if r.roll == "TR"]
    places: list[dict[int, Node]] = [{} for _ in rows]
    for i, tr in enumerate(rows):
        col = 0
        for cell in tr.barn:
            if cell.roll not in ("TH", "TD"):
                continue
            while col in places[i]:
                col += 1
            down, across = span(cell)
            assert i + down <= len(rows), f"{cell.roll} spans beyond the last row"
            for r in range(i, i + down):
                for c in range(col, col + across):
                    assert c not in places[r], f"two cells at row {r}, column {c}"
                    places[r][c] = cell
            col += across
    widths = {len(p) for p in places}
    assert len(widths) == 1, f"rows of different widths: {[len(p) for p in places]}"
    for p in places:
        assert sorted(p) == list(range(len(p))), "a hole in a row"
    return [[p[c] for c in sorted(p)] for p in places]


def innehall(data: bytes) -> dict[tuple[int, int], str]:
    """(page index, MCID) -> the text drawn in that marked content, as Unicode (pdfplumber
    reads the fonts' ToUnicode maps; the raw operators of a subset font are not text)."""
    import pdfplumber

    out: dict[tuple[int, int], str] = {}
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for i, page in enumerate(pdf.pages):
            for c in page.chars:
                if c.get("mcid") is not None:
                    key = (i, int(c["mcid"]))
                    out[key] = out.get(key, "") + c["text"]
    return out


def text(node: Node, shown: dict[tuple[int, int], str]) -> str:
    """An element's own text and its descendants', in reading order."""
    own = "".join(shown.get(m, "") for m in node.mcids)
    return " ".join([own, *(text(b, shown) for b in node.barn)]).strip()


def parents(structure: Node) -> dict[tuple[int, int], Node]:
    """Each element's parent, by the element's object id."""
    return {b.obj.objgen: n for n in structure.walk() for b in n.barn}
