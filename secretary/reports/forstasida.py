"""The protocol's front matter: meeting facts, who attended, justering, the signature block
and the ANSLAG/BEVIS block (domain.md, 'Front page' and 'ANSLAG/BEVIS')."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from secretary.reports import styles as st
from secretary.reports.data import ProtokollData
from secretary.reports.page import Layout, Signaturlinje
from secretary.reports.tagg import Stycke, Tabelltaggar, tagga

Rad = tuple[str, str, bool]  # label, value, label in bold


def _rows(label: str, values: Sequence[str], bold: bool = True) -> list[Rad]:
    return [(label if i == 0 else "", v, bold) for i, v in enumerate(values)]


def faktarader(d: ProtokollData) -> list[Rad]:
    """Label/value rows of the front page, one row per person so a long list can break."""
    rows: list[Rad] = [("Sammanträdesdatum", d.datum.isoformat(), True)]
    rows += [("Plats och tid", d.plats_och_tid, True)]
    rows += [("", paus, True) for paus in d.ajourneringar]
    rows += [("Beslutande", "", True)]
    rows += _rows("Ledamöter", d.ledamoter or ("–",), bold=False)
    rows += _rows("Tjänstgörande ersättare", d.tjanstgorande_ersattare, bold=False)
    rows += _rows("Ersättare", d.ersattare)
    rows += _rows("Adjungerade", d.adjungerade)
    rows += _rows(d.label("ovriga", "Övriga"), d.ovriga)
    rows += _rows("Justerare", d.justerare or ("",))
    rows += [("Plats och tid för justering", d.justering, True)]
    rows += [("Paragrafer", d.paragrafer, True)]
    return rows


class FaktaTabell(Table):  # type: ignore[misc]
    """The label/value rows. Where a long list (the ledamöter of a fullmäktige) runs on to
    the next page, that page begins with its label and "(forts.)", as protocols print it.
    Made by `fakta_tabell`; reportlab makes the split parts with Table's own arguments."""

    rader: list[Rad] = []  # noqa: RUF012 (set per instance by fakta_tabell)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if len(parts) != 2 or not self.rader:
            return parts
        n = len(parts[0]._cellvalues)
        rest = self.rader[n:]
        label, value, _ = rest[0]
        group = next((r for r in reversed(self.rader[:n]) if r[0]), None)
        if not label and group is not None:
            rest[0] = (f"{group[0]} (forts.)", value, group[2])
        return [parts[0], fakta_tabell(rest, self._renderCB)]


def _grupper(rows: Sequence[Rad]) -> dict[tuple[int, int], tuple[int, int]]:
    """A label and the rows under it without one (the ledamöter after "Ledamöter"): the
    label spans them all, in the table's structure (Tabelltaggar's `spann`)."""
    spann: dict[tuple[int, int], tuple[int, int]] = {}
    start: int | None = None
    for i, (label, _, _) in enumerate(rows):
        if label or start is None:
            start = i
        else:
            spann[start, 0] = (i - start + 1, 1)
    return spann


def fakta_tabell(rows: Sequence[Rad], taggar: Tabelltaggar | None = None) -> FaktaTabell:
    """The label column is the row headers (TH, scope Row) when tagged, each label spanning
    the rows of its list; `taggar`: the rest of a table split over pages, one Table in the
    structure."""
    s = st.stylesheet()
    data = [
        [Stycke(st.text(label), s.label if bold else s.cell), Stycke(st.text(value), s.cell)]
        for label, value, bold in rows
    ]
    table = FaktaTabell(data, colWidths=[st.LABEL_WIDTH, st.FRAME_WIDTH - st.LABEL_WIDTH])
    tagga(table, taggar or Tabelltaggar(rubrikkolumner=1, spann=_grupper(rows)))
    table.rader = list(rows)
    style = [*st.TABLE_BASE]
    for i, (label, _, bold) in enumerate(rows):
        if label and i > 0:
            style.append(("TOPPADDING", (0, i), (-1, i), 7 if bold else 3))
        if not bold:
            style.append(("LEFTPADDING", (0, i), (0, i), 4 * mm))
    table.setStyle(TableStyle(style))
    return table


def _signerar(roll: str, namn: str) -> str:
    """The tooltip of a signature field: 'Underskrift, Ordförande: Anna Andersson'."""
    return f"Underskrift, {roll}: {namn}" if namn else f"Underskrift, {roll}"


def underskrifter(d: ProtokollData, layout: Layout) -> Flowable:
    s = st.stylesheet()
    rows: list[list[object]] = [[Stycke("Underskrifter", s.label), ""]]
    for u in d.underskrifter:
        rows.append(
            [
                Stycke(st.text(u.roll), s.label),
                Signaturlinje(layout, u.falt, u.namn, beskrivning=_signerar(u.roll, u.namn)),
            ]
        )
    table = Table(rows, colWidths=[st.LABEL_WIDTH, st.FRAME_WIDTH - st.LABEL_WIDTH])
    tagga(table, Tabelltaggar(rubrikrader=1, rubrikkolumner=1))  # "Underskrifter" heads both
    style = [*st.TABLE_BASE, ("SPAN", (0, 0), (-1, 0)), ("VALIGN", (0, 1), (0, -1), "MIDDLE")]
    table.setStyle(TableStyle(style))
    return KeepTogether([Spacer(1, 8 * mm), table])


def _datum(value: dt.date | None) -> str:
    return value.isoformat() if value is not None else ""


EJ_JUSTERAT = "Protokollet är ännu inte justerat"
OVERKLAGANDE_OKANT = "Ännu inte bestämd: tre veckor från anslagsdagen"


def justeringsdatum(d: ProtokollData) -> str:
    """The day of justering, or in words that there is none yet."""
    return d.justerat.isoformat() if d.justerat is not None else EJ_JUSTERAT


def anslag(
    d: ProtokollData,
    layout: Layout,
    paragrafer: str | None = None,
    *,
    bevis: bool = False,
    falt: str | None = None,
) -> Flowable:
    """The ANSLAG/BEVIS block. Unknown dates are blank lines to fill in by hand. As the
    anslagsbevis (`bevis`) it also gives the day of justering and the last day of appeal,
    which a reader of the notice board needs, and says in words what is not yet known.
    `falt` names the signature field on the Underskrift line (the anslagsbevis's own, for
    the one who posts the notice); the front page's block has none."""
    s = st.stylesheet()
    label_width = st.LABEL_WIDTH + 16 * mm
    facts = [
        ("Organ", d.organ),
        ("Sammanträdesdatum", d.datum.isoformat()),
        ("Paragrafer", paragrafer if paragrafer is not None else d.paragrafer),
    ]
    if bevis:
        facts.append(("Datum för justering", justeringsdatum(d)))
    facts.append(("Datum då anslaget sätts upp", _datum(d.anslag.uppsatt)))
    if bevis:
        sista = d.anslag.sista_overklagandedag
        facts.append(("Sista dag för överklagande", _datum(sista) or OVERKLAGANDE_OKANT))
    facts += [
        ("Datum då anslaget tas ned", _datum(d.anslag.nedtagen)),
        ("Förvaringsplats för protokollet", d.forvaringsplats),
    ]
    rows: list[list[object]] = [
        [Stycke("ANSLAG/BEVIS", s.boxheading), ""],
        [
            Stycke(
                "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.", s.cell
            ),
            "",
        ],
    ]
    rows += [[Stycke(st.text(k), s.label), Stycke(st.text(v), s.cell)] for k, v in facts]
    rows.append(
        [
            Stycke("Underskrift", s.label),
            Signaturlinje(
                layout,
                falt,
                d.sekreterare,
                70 * mm,
                beskrivning=f"Anslagsbevis, underskrift: {d.sekreterare}".rstrip(": "),
            ),
        ]
    )
    table = tagga(  # "ANSLAG/BEVIS" heads both columns, the sentence under it is data
        Table(rows, colWidths=[label_width, st.FRAME_WIDTH - label_width]),
        Tabelltaggar(rubrikrader=1, rubrikkolumner=1),
    )
    style = [
        *st.TABLE_BASE,
        ("SPAN", (0, 0), (-1, 0)),
        ("SPAN", (0, 1), (-1, 1)),
        ("BOX", (0, 0), (-1, -1), 0.75, st.GREY),
        ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
        ("TOPPADDING", (0, 2), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, 0), 3 * mm),
        ("BOTTOMPADDING", (0, 1), (-1, 1), 3 * mm),
        ("VALIGN", (0, -1), (0, -1), "MIDDLE"),
    ]
    for i, (_, v) in enumerate(facts, start=2):
        if not v:
            style.append(("LINEBELOW", (1, i), (1, i), 0.5, colors.black))
    table.setStyle(TableStyle(style))
    return KeepTogether([Spacer(1, 8 * mm), table])


def forstasida(d: ProtokollData, layout: Layout) -> list[Flowable]:
    s = st.stylesheet()
    return [
        Stycke(st.text(d.organ), s.title),
        Spacer(1, 4 * mm),
        fakta_tabell(faktarader(d)),
        underskrifter(d, layout),
        anslag(d, layout),
    ]
