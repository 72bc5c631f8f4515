"""Before the meeting: the kallelse with its föredragningslista, the föredragningslista on its
own, and fullmäktige's kungörelse for the anslagstavla (domain.md, 'Before the meeting').

The same pipeline as the protocol (page.bygg, then PDF/A in arkiv): the shared header,
"Sida N (M)", embedded fonts, and tagged as the protocol is (tagg.py; PDF/A-2a): the title
an H1, its sections H2 (the Föredragningslista an H1 of its own, each ärende an H2 with an
outline entry, its parts H3), the names and handlingar lists, the facts a table with row
headers; header, footer and page numbers artifacts. An "Ändrad kallelse" says so in its
title and header and lists what changed before anything else, since that is what its
recipients read it for."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from secretary.domain.datum_text import veckodag_datum
from secretary.domain.kallelse import delegationsrad
from secretary.reports import arkiv
from secretary.reports import styles as st
from secretary.reports.data import KallelseData, Punkt
from secretary.reports.forstasida import fakta_tabell
from secretary.reports.page import Layout, Sammanhall, Sidhuvud, bygg
from secretary.reports.tagg import Element, Stycke, listpunkt

HANDLINGAR_SAKNAS = "Handlingar saknas i kallelsen och skickas ut senare."
SEKRETESS = "Handlingarna omfattas av sekretess och skickas inte ut med kallelsen."
DELEGATION = "Anmälda delegationsbeslut"


def _nar(d: KallelseData) -> str:
    tid = f" {d.tid}" if d.tid else ""
    return f"{veckodag_datum(d.datum).capitalize()}{tid}"


def _punkt(p: Punkt, *, utforlig: bool) -> list[Flowable]:
    s = st.stylesheet()
    rubrik = st.text(f"§ {p.paragraf} {p.rubrik}")
    head: list[Flowable] = [Stycke(rubrik, s.heading, roll="H2", bokmarke=True)]
    meta = [f"Dnr {p.dnr}"] if p.dnr else []
    if p.handlaggare:
        meta.append(f"Handläggare: {p.handlaggare}")
    if meta:
        head.append(Stycke(st.text(" · ".join(meta)), s.small))
    if not utforlig:
        return [Sammanhall(head, hel=True)]
    body: list[Flowable] = []
    if p.forslag_till_beslut:
        body.append(Stycke("Förslag till beslut", s.label, roll="H3"))
        body += [Stycke(st.text(t), s.body) for t in p.forslag_till_beslut]
    if p.delegationsbeslut:
        body.append(Stycke(DELEGATION, s.label, roll="H3"))
        rader = [delegationsrad(b.dnr, b.beslut, b.datum, b.delegat) for b in p.delegationsbeslut]
        body += _punkter(rader, streck=True)
    body.append(Stycke("Handlingar", s.label, roll="H3"))
    if p.sekretess:
        body.append(Stycke(st.text(SEKRETESS), s.note))
    elif p.handlingar:
        body += _punkter(p.handlingar, streck=True)
    else:
        body.append(Stycke(st.text(HANDLINGAR_SAKNAS), s.note))
    return [Sammanhall([*head, *body])]


def _punkter(texts: Sequence[str], *, streck: bool = False) -> list[Flowable]:
    """One list (L; each text an LI with its LBody), "– " before each when `streck`."""
    s = st.stylesheet()
    lista = Element("L")
    dash = "– " if streck else ""
    return [Stycke(st.text(f"{dash}{t}"), s.bullet, element=listpunkt(lista)) for t in texts]


def _lista(rubrik: str, names: Sequence[str]) -> list[Flowable]:
    if not names:
        return []
    s = st.stylesheet()
    return [Stycke(st.text(rubrik), s.heading, roll="H2"), *_punkter(names)]


def _fakta(d: KallelseData) -> Flowable:
    rows = [("Tid", _nar(d), True), ("Plats", d.plats or "Meddelas senare", True)]
    if d.skickad is not None:
        rows.append(("Utskickad", d.skickad.isoformat(), True))
    return fakta_tabell(rows)


def _bygg(d: KallelseData, dokument: str, out: list[Flowable], pdfa: bool) -> bytes:
    head = Sidhuvud(d.kommun, d.organ, d.datum, dokument, rutor=())
    layout = Layout()
    pdf = bygg(out, head, layout, f"{dokument} {d.organ} {d.datum.isoformat()}")
    return arkiv.pdfa_2b(pdf, layout.taggning) if pdfa else pdf


def kallelse_pdf(d: KallelseData, *, pdfa: bool = True) -> bytes:
    """Kallelse: the changes (if it is an Ändrad kallelse), when and where, who is called and
    the rule for förhinder, then the föredragningslista with förslag and handlingar."""
    s = st.stylesheet()
    out: list[Flowable] = [Stycke(st.text(f"{d.rubrik} till {d.organ}"), s.title)]
    if d.andrad:
        out.append(Stycke("Ändringar sedan förra kallelsen", s.heading, roll="H2"))
        out += _punkter(d.andringar or ("–",), streck=True)
    out += [Spacer(1, 3 * mm), _fakta(d)]
    out += _lista("Ledamöter", d.ledamoter)
    out += _lista("Ersättare", d.ersattare)
    if d.forhinder:
        out += [Stycke("Förhinder", s.heading, roll="H2"), Stycke(st.text(d.forhinder), s.body)]
    out.append(Stycke("Föredragningslista", s.title))
    for p in d.punkter:
        out += _punkt(p, utforlig=True)
    if d.sekreterare:
        out += [Spacer(1, 6 * mm), Stycke(st.text(d.sekreterare), s.body)]
    return _bygg(d, d.rubrik, out, pdfa)


def foredragningslista_pdf(d: KallelseData, *, pdfa: bool = True) -> bytes:
    """The föredragningslista: time, place and every ärende with its number, dnr, förslag and
    handlingar."""
    s = st.stylesheet()
    out: list[Flowable] = [
        Stycke(st.text(f"Föredragningslista {d.organ}"), s.title),
        _fakta(d),
    ]
    for p in d.punkter:
        out += _punkt(p, utforlig=True)
    return _bygg(d, "Föredragningslista", out, pdfa)


def kungorelse_pdf(d: KallelseData, *, pdfa: bool = True) -> bytes:
    """Fullmäktige's kungörelse for the anslagstavla: time, place and the ärenden."""
    s = st.stylesheet()
    plats = f" i {d.plats}" if d.plats else ""
    nar = " ".join(f"{d.organ} sammanträder {veckodag_datum(d.datum)} {d.tid}".split())
    out: list[Flowable] = [
        Stycke("Kungörelse", s.title),
        Stycke(st.text(f"{nar}{plats}."), s.body),
        Stycke("Sammanträdet är offentligt. Följande ärenden ska behandlas:", s.body),
    ]
    for p in d.punkter:
        out += _punkt(p, utforlig=False)
    if d.sekreterare:
        out += [Spacer(1, 6 * mm), Stycke(st.text(d.sekreterare), s.body)]
    return _bygg(d, "Kungörelse", out, pdfa)
