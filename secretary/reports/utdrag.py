"""Protokollsutdrag: chosen §§ with the meeting facts they need, certified "Rätt utdraget
intygar" with a signature line, the name and the date; and one utdrag per recipient listed
under "Expedieras till" (domain.md, 'Utdrag')."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from secretary.reports import arkiv
from secretary.reports import styles as st
from secretary.reports.data import ProtokollData
from secretary.reports.forstasida import Rad, fakta_tabell, justeringsdatum
from secretary.reports.page import Layout, Sidhuvud, Signaturlinje, bygg
from secretary.reports.paragraf import paragraf
from secretary.reports.tagg import Stycke, Tabelltaggar, tagga

FALT = "Utdragsbestyrkande"  # the bestyrkare's signature field


def _fakta(d: ProtokollData) -> list[Rad]:
    return [
        ("Organ", d.organ, True),
        ("Sammanträdesdatum", d.datum.isoformat(), True),
        ("Plats och tid", d.plats_och_tid, True),
        ("Justerare", ", ".join(d.justerare), True),
        ("Datum för justering", justeringsdatum(d), True),
        ("Paragrafer i utdraget", d.valda_paragrafer, True),
    ]


def _intyg(d: ProtokollData, layout: Layout, datum: dt.date | None, falt: bool) -> Flowable:
    s = st.stylesheet()
    date = datum.isoformat() if datum is not None else ""
    rows: list[list[object]] = [
        [Stycke("Rätt utdraget intygar", s.label), ""],
        [
            Stycke("Underskrift", s.cell),
            Signaturlinje(
                layout,
                FALT if falt else None,
                d.sekreterare,
                beskrivning=f"Rätt utdraget intygar: {d.sekreterare}".rstrip(": "),
            ),
        ],
        [Stycke("Datum", s.cell), Stycke(date, s.cell)],
    ]
    table = Table(rows, colWidths=[st.LABEL_WIDTH, st.FRAME_WIDTH - st.LABEL_WIDTH])
    tagga(table, Tabelltaggar(rubrikrader=1, rubrikkolumner=1))  # the heading heads both
    style = [
        *st.TABLE_BASE,
        ("SPAN", (0, 0), (-1, 0)),
        ("VALIGN", (0, 1), (0, 1), "MIDDLE"),
        ("TOPPADDING", (0, 2), (-1, 2), 6),
    ]
    if not date:
        style.append(("LINEBELOW", (1, 2), (1, 2), 0.5, st.GREY))
    table.setStyle(TableStyle(style))
    return KeepTogether([Spacer(1, 10 * mm), table])


def utdrag_pdf(
    data: ProtokollData,
    *,
    intygas: dt.date | None = None,
    utkast: bool = False,
    pdfa: bool = True,
) -> bytes:
    """An utdrag of the §§ in `data` (see ProtokollData.utdrag to choose them)."""
    s = st.stylesheet()
    layout = Layout()
    out: list[Flowable] = [
        Stycke("Protokollsutdrag", s.title),
        Spacer(1, 2 * mm),
        fakta_tabell(_fakta(data)),
        Spacer(1, 8 * mm),
    ]
    for i, p in enumerate(data.arenden):
        if i:
            out.append(PageBreak())
        out += paragraf(data, p)
    out.append(_intyg(data, layout, intygas, falt=not utkast))
    head = Sidhuvud(data.kommun, data.organ, data.datum, "Protokollsutdrag", utkast)
    titel = f"Protokollsutdrag {data.organ} {data.datum.isoformat()} {data.valda_paragrafer}"
    pdf = bygg(out, head, layout, titel)
    if pdfa:
        pdf = arkiv.pdfa_2b(pdf, layout.taggning)
    if layout.falt and not utkast:
        pdf = arkiv.signaturfalt(pdf, layout.falt)
    return pdf


def mottagare(data: ProtokollData) -> dict[str, list[int]]:
    """Recipient -> the §§ that name it under "Expedieras till", in first-named order."""
    out: dict[str, list[int]] = {}
    for p in data.arenden:
        for name in p.expedieras_till:
            out.setdefault(name, []).append(p.paragraf)
    return out


def utdrag_per_mottagare(
    data: ProtokollData, *, intygas: dt.date | None = None, utkast: bool = False, pdfa: bool = True
) -> dict[str, bytes]:
    """One utdrag per recipient, with exactly the §§ sent to it."""
    return {
        name: utdrag_pdf(data.utdrag(set(numbers)), intygas=intygas, utkast=utkast, pdfa=pdfa)
        for name, numbers in mottagare(data).items()
    }
