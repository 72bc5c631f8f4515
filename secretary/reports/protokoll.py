"""The sammanträdesprotokoll as a PDF: front matter, then every § on its own page (so an
utdrag can be a copy of its pages, certified in the Utdragsbestyrkande box); a § longer
than a page continues under "§ N (forts.)".

A draft (utkast) carries a diagonal UTKAST on every page and no signature fields. The final
document is PDF/A-2a (see arkiv.py) with one empty signature field per signatory, placed on
the signature lines where the layout drew them."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable, PageBreak

from secretary.domain.publicering import SEKRETESS_NOT
from secretary.reports import arkiv
from secretary.reports import styles as st
from secretary.reports.data import ProtokollData
from secretary.reports.forstasida import forstasida
from secretary.reports.page import Faltplats, Layout, Paragrafgrans, Sidhuvud, bygg
from secretary.reports.paragraf import paragraf
from secretary.reports.rattelse import paragrafnot, rattelseblock
from secretary.reports.tagg import Stycke, Taggning


@dataclass(frozen=True)
class Resultat:
    pdf: bytes
    sidor: int
    falt: tuple[Faltplats, ...]
    taggning: Taggning


class ProtokollPdf:
    """The protocol's template: what goes on the pages, in order."""

    dokument = "Sammanträdesprotokoll"

    def __init__(self, data: ProtokollData, *, utkast: bool = False, publik: bool = False) -> None:
        """`publik`: the web version; `data` is already masked (services.publicering), a §
        under sekretess prints its heading and the note, and there are no signature fields."""
        self.data = data
        self.utkast = utkast
        self.publik = publik
        if publik:
            self.dokument = "Protokoll, webbversion"

    def sidhuvud(self) -> Sidhuvud:
        d = self.data
        return Sidhuvud(d.kommun, d.organ, d.datum, self.dokument, self.utkast)

    def titel(self) -> str:
        d = self.data
        return f"{self.dokument} {d.organ} {d.datum.isoformat()}"

    def flowables(self, layout: Layout) -> list[Flowable]:
        out = forstasida(self.data, layout) + rattelseblock(self.data.rattelser)
        s = st.stylesheet()
        for p in self.data.arenden:
            out.append(PageBreak())
            if self.publik and p.sekretess:
                out += [
                    Paragrafgrans(p.paragraf),
                    Stycke(st.text(f"§ {p.paragraf} {p.rubrik}"), s.paragraf),
                    Stycke(st.text(SEKRETESS_NOT), s.note),
                    Paragrafgrans(None),
                ]
                continue
            out += paragraf(self.data, p, paragrafnot(self.data.rattelser, p.paragraf))
        return out

    def layout(self) -> Resultat:
        """Only the reportlab layout: the bytes before PDF/A and signature fields."""
        layout = Layout()
        pdf = bygg(self.flowables(layout), self.sidhuvud(), layout, self.titel())
        return Resultat(pdf, layout.sidor, tuple(layout.falt), layout.taggning)

    def render(self, *, pdfa: bool = True) -> bytes:
        r = self.layout()
        pdf = arkiv.pdfa_2b(r.pdf, r.taggning) if pdfa else r.pdf
        if self.utkast or self.publik or not r.falt:
            return pdf
        return arkiv.signaturfalt(pdf, r.falt)


def protokoll_pdf(
    data: ProtokollData, *, utkast: bool = False, publik: bool = False, pdfa: bool = True
) -> bytes:
    return ProtokollPdf(data, utkast=utkast, publik=publik).render(pdfa=pdfa)
