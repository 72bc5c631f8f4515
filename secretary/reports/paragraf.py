"""One § of the protocol, every part in the order domain.md gives ('Each paragraph, in
order'), with the organ's own headings; and the roll-call table of each votering.

How the parts break over pages: a heading stays with what follows it; a short list (the
beslutsunderlag, the att-satser, the recipients: up to KORT_DEL items) is never split; a longer
one keeps its last two items together, so no page holds only the tail of a list; the § is
laid out between markers so a continuation page says "§ N (forts.)" (page.py)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from secretary.reports import styles as st
from secretary.reports.data import (
    AVSTAR,
    FRANVARANDE,
    JA,
    JAV,
    NEJ,
    Omrostning,
    Paragraf,
    ProtokollData,
)
from secretary.reports.page import Paragrafgrans, Sammanhall
from secretary.reports.tagg import Element, Stycke, Tabelltaggar, listpunkt, tagga

ROST_KOLUMNER = (JA, NEJ, AVSTAR, FRANVARANDE)
KORT_LISTA = 25  # rows: a shorter roll call is kept on one page with its heading
KORT_DEL = 6  # items: a list this short is kept on one page with its heading
_BREDD = (52 * mm, 52 * mm, 13 * mm, 13 * mm, 16 * mm)


def _stycken(texts: Sequence[str], style_name: str = "body", lista: bool = False) -> list[Flowable]:
    """One paragraph per text; `lista`: the items of one list (L, LI, LBody when tagged)."""
    style = getattr(st.stylesheet(), style_name)
    if not lista:
        return [Stycke(st.text(t), style) for t in texts]
    parent = Element("L")
    return [Stycke(st.text(t), style, element=listpunkt(parent)) for t in texts]


def _grupp(head: list[Flowable], body: list[Flowable], lista: bool) -> list[Flowable]:
    """`head` (headings) with `body`: a short list whole; otherwise the heading with the first
    item, and the last two items together (a page never begins with a lone last item)."""
    if lista and len(body) <= KORT_DEL:
        return [Sammanhall([*head, *body], hel=True)]
    if len(body) <= 2:
        return [Sammanhall([*head, *body])]
    return [Sammanhall([*head, body[0]]), *body[1:-2], Sammanhall(body[-2:], hel=True)]


def _del(rubrik: str, texts: Sequence[str], *, lista: bool = False) -> list[Flowable]:
    """A section under its heading; nothing when there is no text. `lista`: its items are
    list lines (documents, att-satser, recipients) rather than running text."""
    if not texts:
        return []
    s = st.stylesheet()
    return _grupp([Stycke(st.text(rubrik), s.heading)], _stycken(texts, lista=lista), lista)


def omrostningstabell(o: Omrostning) -> Table:
    """Namn | Ja | Nej | Avstår | Frånvarande in roll-call order, with totals; a long list
    continues on the next page under a repeated heading row."""
    header = ["Ledamot", "Tjänstgörande ersättare", *ROST_KOLUMNER]
    rows: list[list[str]] = [header]
    for r in o.rader:
        marks = ["X" if r.rost == k else "" for k in ROST_KOLUMNER]
        if r.rost == JAV:
            marks[-1] = "jäv"
        rows.append([r.ledamot, r.ersattare, *marks])
    franvarande = o.antal(FRANVARANDE) + o.antal(JAV)
    rows.append(["Summa", "", str(o.antal(JA)), str(o.antal(NEJ)), str(o.antal(AVSTAR))])
    rows[-1].append(str(franvarande))
    widths = [*_BREDD, st.FRAME_WIDTH - sum(_BREDD)]
    # "Summa" spans both name columns, in the structure only: a TableStyle SPAN would have
    # reportlab work out every cell's span again each time it tries to split the list
    # (about 30 ms of the KF protocol's 20 roll calls), and the cell beside it is empty.
    summa = {(len(rows) - 1, 0): (1, 2)}
    taggar = Tabelltaggar(rubrikrader=1, spann=summa)
    table = tagga(Table(rows, colWidths=widths, repeatRows=1), taggar)
    table.setStyle(
        TableStyle(
            [
                *st.TABLE_BASE,
                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                ("LEADING", (0, 0), (-1, -1), 10.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("FONTNAME", (0, 0), (-1, 0), st.BOLD),
                ("FONTNAME", (0, -1), (-1, -1), st.BOLD),
                ("ALIGN", (2, 0), (-1, -1), "CENTER"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.75, st.GREY),
                ("LINEABOVE", (0, -1), (-1, -1), 0.75, st.GREY),
                ("ROWBACKGROUNDS", (0, 1), (-1, -2), [None, st.LIGHT]),
            ]
        )
    )
    return table


def _omrostningar(rubrik: str, items: Sequence[Omrostning]) -> list[Flowable]:
    if not items:
        return []
    s = st.stylesheet()
    out: list[Flowable] = []
    for o in items:
        heading = [] if out else [Stycke(st.text(rubrik), s.heading)]  # kept with list 1
        intro = [
            *heading,
            Stycke(f"Omröstningslista nr {o.nummer}", s.label),
            Stycke(st.text(o.proposition), s.body),
        ]
        table = omrostningstabell(o)
        out.append(Sammanhall([*intro, table], hel=len(o.rader) <= KORT_LISTA))
        out.append(Spacer(1, 3 * mm))
    return out


def _beslut(rubrik: str, p: Paragraf) -> list[Flowable]:
    if not p.beslut_att:
        return []
    s = st.stylesheet()
    head = [Stycke(st.text(rubrik), s.heading)]
    lines = _stycken(p.beslut_att, "att", lista=True)
    if p.beslut_rubrik:
        head.append(Stycke(st.text(p.beslut_rubrik), s.beslut))
    return _grupp(head, lines, lista=True)


def paragraf(d: ProtokollData, p: Paragraf, efter: Sequence[Flowable] = ()) -> list[Flowable]:
    """The § with `efter` (its rättelse notes), between the markers of its start and end."""
    s = st.stylesheet()
    label = d.label
    head: list[Flowable] = [
        Paragrafgrans(p.paragraf),
        Stycke(st.text(f"§ {p.paragraf} {p.rubrik}"), s.paragraf),
        Stycke(st.text(f"Dnr {p.dnr}") if p.dnr else "", s.dnr),
    ]
    if p.omedelbar_justering:
        head.append(Stycke("Paragrafen justeras omedelbart", s.note))
    parts: list[Flowable] = []
    parts += _del("Jäv", p.jav)  # at the top: who left the § is read before what it decided
    parts += _del(label("sammanfattning", "Sammanfattning"), p.sammanfattning)
    parts += _del(label("beslutsunderlag", "Beslutsunderlag"), p.beslutsunderlag, lista=True)
    parts += _del("Anmälda delegationsbeslut", p.delegationsbeslut, lista=True)
    parts += _del(
        label("forslag_till_beslut", "Förslag till beslut"), p.forslag_till_beslut, lista=True
    )
    parts += _del(label("yrkanden", "Yrkanden"), p.yrkanden)
    parts += _del(label("beslutsgang", "Beslutsgång"), p.beslutsgang)
    parts += _omrostningar(label("omrostning", "Omröstning"), p.omrostningar)
    parts += _del(label("valresultat", "Valresultat"), p.valresultat)
    parts += _beslut(label("beslut", "Beslut"), p)
    parts += _del(label("reservation", "Reservation"), p.reservationer)
    parts += _del(label("protokollsanteckning", "Protokollsanteckning"), p.anteckningar)
    expedieras = label("expedieras", "Beslut expedieras till").rstrip(":") + ":"
    parts += _del(expedieras, p.expedieras_till, lista=True)
    parts += efter
    # The § heading goes on with the start of its first part.
    first = parts[:1]
    return [Sammanhall([*head, *first]), *parts[1:], Paragrafgrans(None)]
