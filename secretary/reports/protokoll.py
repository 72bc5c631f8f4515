"""The sammanträdesprotokoll as a PDF: front matter, then every § on its own page.

A draft (utkast) carries a diagonal UTKAST on every page and no signature fields. The final
document is PDF/A-2b (see arkiv.py) with one empty signature field per signatory, placed on
the signature lines where the layout drew them."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable, PageBreak

from secretary.reports import arkiv
from secretary.reports.forstasida import forstasida
from secretary.reports.page import Faltplats, Layout, Sidhuvud, bygg
from secretary.reports.paragraf import paragraf
from secretary.services.protokoll_data import ProtokollData


@dataclass(frozen=True)
class Resultat:
    pdf: bytes
    sidor: int
    falt: tuple[Faltplats, ...]


class ProtokollPdf:
    """The protocol's template: what goes on the pages, in order."""

    dokument = "Sammanträdesprotokoll"

    def __init__(self, data: ProtokollData, *, utkast: bool = False) -> None:
        self.data = data
        self.utkast = utkast

    def sidhuvud(self) -> Sidhuvud:
        d = self.data
        return Sidhuvud(d.kommun, d.organ, d.datum, self.dokument, self.utkast)

    def titel(self) -> str:
        d = self.data
        return f"{self.dokument} {d.organ} {d.datum.isoformat()}"

    def flowables(self, layout: Layout) -> list[Flowable]:
        out = forstasida(self.data, layout)
        for p in self.data.arenden:
            out += [PageBreak(), *paragraf(self.data, p)]
        return out

    def layout(self) -> Resultat:
        """Only the reportlab layout: the bytes before PDF/A and signature fields."""
        layout = Layout()
        pdf = bygg(self.flowables(layout), self.sidhuvud(), layout, self.titel())
        return Resultat(pdf, layout.sidor, tuple(layout.falt))

    def render(self, *, pdfa: bool = True) -> bytes:
        r = self.layout()
        pdf = arkiv.pdfa_2b(r.pdf) if pdfa else r.pdf
        if self.utkast or not r.falt:
            return pdf
        return arkiv.signaturfalt(pdf, r.falt)


def protokoll_pdf(data: ProtokollData, *, utkast: bool = False, pdfa: bool = True) -> bytes:
    return ProtokollPdf(data, utkast=utkast).render(pdfa=pdfa)
