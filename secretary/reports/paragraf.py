"""One § of the protocol, every part in the order domain.md gives ('Each paragraph, in
order'), with the organ's own headings; and the roll-call table of each votering."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

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

ROST_KOLUMNER = (JA, NEJ, AVSTAR, FRANVARANDE)
KORT_LISTA = 25  # rows: a shorter roll call is kept on one page with its heading
_BREDD = (52 * mm, 52 * mm, 13 * mm, 13 * mm, 16 * mm)


def _stycken(texts: Sequence[str], style_name: str = "body") -> list[Flowable]:
    style = getattr(st.stylesheet(), style_name)
    return [Paragraph(st.text(t), style) for t in texts]


def _del(rubrik: str, texts: Sequence[str]) -> list[Flowable]:
    """A section: its heading kept with its first paragraph; nothing when there is no text."""
    if not texts:
        return []
    s = st.stylesheet()
    body = _stycken(texts)
    return [KeepTogether([Paragraph(st.text(rubrik), s.heading), body[0]]), *body[1:]]


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
    table = Table(rows, colWidths=widths, repeatRows=1)
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
        heading = [] if out else [Paragraph(st.text(rubrik), s.heading)]  # kept with list 1
        intro = [
            *heading,
            Paragraph(f"Omröstningslista nr {o.nummer}", s.label),
            Paragraph(st.text(o.proposition), s.body),
        ]
        table = omrostningstabell(o)
        if len(o.rader) <= KORT_LISTA:
            out.append(KeepTogether([*intro, table]))
        else:
            out += [KeepTogether(intro), table]
        out.append(Spacer(1, 3 * mm))
    return out


def _beslut(rubrik: str, p: Paragraf) -> list[Flowable]:
    if not p.beslut_att:
        return []
    s = st.stylesheet()
    head = [Paragraph(st.text(rubrik), s.heading)]
    lines = _stycken(p.beslut_att, "att")
    if p.beslut_rubrik:
        head.append(Paragraph(st.text(p.beslut_rubrik), s.beslut))
    return [KeepTogether([*head, *lines[:1]]), *lines[1:]]


def paragraf(d: ProtokollData, p: Paragraf) -> list[Flowable]:
    s = st.stylesheet()
    label = d.label
    out: list[Flowable] = [Paragraph(st.text(f"§ {p.paragraf} {p.rubrik}"), s.paragraf)]
    out.append(Paragraph(st.text(f"Dnr {p.dnr}") if p.dnr else "", s.dnr))
    if p.omedelbar_justering:
        out.append(Paragraph("Paragrafen justeras omedelbart", s.note))
    out += _del("Jäv", p.jav)  # at the top: who left the § is read before what it decided
    out += _del(label("sammanfattning", "Sammanfattning"), p.sammanfattning)
    out += _del(label("beslutsunderlag", "Beslutsunderlag"), p.beslutsunderlag)
    out += _del(label("forslag_till_beslut", "Förslag till beslut"), p.forslag_till_beslut)
    out += _del(label("yrkanden", "Yrkanden"), p.yrkanden)
    out += _del(label("beslutsgang", "Beslutsgång"), p.beslutsgang)
    out += _omrostningar(label("omrostning", "Omröstning"), p.omrostningar)
    out += _beslut(label("beslut", "Beslut"), p)
    out += _del(label("reservation", "Reservation"), p.reservationer)
    out += _del(label("protokollsanteckning", "Protokollsanteckning"), p.anteckningar)
    out += _del(label("expedieras", "Beslut expedieras till").rstrip(":") + ":", p.expedieras_till)
    return out
