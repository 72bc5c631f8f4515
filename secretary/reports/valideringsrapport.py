"""The validation report a registrator files with a signed document (issue 12; Riksarkivet
rapport 2006:1 asks for proof that each signature was checked): the justerat protocol, or a
bestyrkt utdrag or anslagsbevis. Per signatory who signed, when and how, and for an
e-signature the certificate, its chain, the time and the result of the check. One layout for
every signed document; the service says what it is. Tagged and PDF/A-2a like the protocol
(tagg.py): the title an H1, each signatory an H2 over a table whose labels are row headers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from secretary.reports import arkiv
from secretary.reports import styles as st
from secretary.reports.page import Layout, Sidhuvud, bygg
from secretary.reports.tagg import Stycke, Tabelltaggar, tagga


@dataclass(frozen=True)
class Rapportrad:
    underskrift: str  # 'Ordförande Petra Sandström (L)'
    status: str  # 'Signerat 2026-12-04 e-signatur (certifikatfil)'
    signerare: str
    granskning: Mapping[str, Any]  # reports.signatur.Signaturgranskning.som_dict(); {} on paper


@dataclass(frozen=True)
class Valideringsrapport:
    kommun: str
    organ: str
    datum: dt.date
    dokument: str  # 'Sammanträdesprotokoll KS 2026-11-30, justerad version 3'
    fixerat: str  # what the signatures were made on: 'den justerade versionen'
    pdf_sha256: str
    signerad_sha256: str
    justerat: dt.date | None
    rader: tuple[Rapportrad, ...]


def _tid(value: object) -> str:
    if not isinstance(value, str) or not value:
        return "–"
    return dt.datetime.fromisoformat(value).astimezone().strftime("%Y-%m-%d %H.%M.%S %Z")


def _rad(r: Rapportrad, width: float, fixerat: str) -> list[Flowable]:
    s = st.stylesheet()
    g = r.granskning
    rows: list[tuple[str, str]] = [("Status", r.status)]
    if g:
        kedja = g.get("kedja") or []
        signer = kedja[0] if kedja else {}
        rows += [
            ("Resultat", "Godkänd" if g.get("resultat") == "godkänd" else "Underkänd"),
            ("Signaturfält", str(g.get("falt", ""))),
            ("Nivå", str(g.get("niva", ""))),
            ("Signeringstid", _tid(g.get("signeringstid"))),
            ("Tidsstämpel", _tid(g.get("tidsstampel"))),
            ("Certifikat", str(signer.get("subjekt", ""))),
            ("Utfärdare", str(signer.get("utfardare", ""))),
            ("Serienummer", str(signer.get("serienummer", ""))),
            (
                "Giltigt",
                f"{str(signer.get('giltig_fran', ''))[:10]} – "
                f"{str(signer.get('giltig_till', ''))[:10]}",
            ),
            ("Kedja", " → ".join(str(c.get("subjekt", "")) for c in kedja)),
            (
                "Spärrkontroll",
                str(
                    g.get("sparrkontroll")
                    or "Uppgift saknas: signaturen kontrollerades innan programmet redovisade "
                    "spärrkontrollen."
                ),
            ),
            (
                "Kontroll",
                "Signaturen är intakt och giltig; certifikatet kedjar till en betrodd rot; "
                f"endast underskrifter har lagts till efter {fixerat}."
                if g.get("resultat") == "godkänd"
                else "; ".join(str(f) for f in g.get("fel") or []),
            ),
        ]
    elif r.status.startswith("Signerat"):
        rows.append(("Kontroll", "Underskrift på papper, antecknad av sekreteraren."))
    table = Table(
        [[Stycke(st.text(k), s.label), Stycke(st.text(v), s.cell)] for k, v in rows],
        colWidths=[35 * mm, width - 35 * mm],
    )
    tagga(table, Tabelltaggar(rubrikkolumner=1))
    table.setStyle(TableStyle([*st.TABLE_BASE, ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [Stycke(st.text(r.underskrift), s.heading, roll="H2"), table]


def rapport_pdf(data: Valideringsrapport, *, pdfa: bool = True) -> bytes:
    s = st.stylesheet()
    layout = Layout()
    width = 170 * mm
    out: list[Flowable] = [
        Stycke("Valideringsrapport för underskrifter", s.title),
        Stycke(
            st.text(
                f"{data.dokument}."
                + (
                    f" Protokollet justerat {data.justerat.isoformat()}."
                    if data.justerat
                    else " Protokollet är inte justerat."
                )
            ),
            s.body,
        ),
        Stycke(st.text(f"SHA-256 för {data.fixerat}: {data.pdf_sha256}"), s.small),
        Stycke(
            st.text(f"SHA-256 för den signerade PDF-filen: {data.signerad_sha256 or '–'}"),
            s.small,
        ),
        Spacer(1, 4 * mm),
    ]
    for r in data.rader:
        out += _rad(r, width, data.fixerat)
    head = Sidhuvud(data.kommun, data.organ, data.datum, "Valideringsrapport", False, rutor=())
    pdf = bygg(out, head, layout, f"Valideringsrapport {data.organ} {data.datum.isoformat()}")
    return arkiv.pdfa_2b(pdf, layout.taggning) if pdfa else pdf
