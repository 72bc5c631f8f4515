"""The anslagsbevis on its own page, for the notice board: the ANSLAG/BEVIS facts and how to
appeal by laglighetsprövning (KL 13 kap.; domain.md, 'Justering and anslag')."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from secretary.reports import arkiv
from secretary.reports import styles as st
from secretary.reports.data import ProtokollData
from secretary.reports.forstasida import anslag
from secretary.reports.page import Layout, Sidhuvud, bygg
from secretary.reports.tagg import Stycke

FALT = "Anslagsbevis"  # the signature field of the one who posts the notice

LAGLIGHETSPROVNING = (
    "Den som är medlem i kommunen har rätt att få lagligheten av kommunens beslut prövad av "
    "förvaltningsrätten genom att överklaga beslutet (laglighetsprövning enligt 13 kap. "
    "kommunallagen).",
    "Den som vill överklaga ett beslut ska skriva till förvaltningsrätten och ange vilket beslut "
    "som överklagas och varför beslutet anses strida mot lag. Överklagandet ska ha kommit in till "
    "förvaltningsrätten inom tre veckor från den dag då justeringen tillkännagavs på kommunens "
    "anslagstavla.",
    "Vissa beslut överklagas i stället enligt särskilda bestämmelser (förvaltningsbesvär); det "
    "framgår i så fall av beslutet.",
)


def anslagsbevis_pdf(
    data: ProtokollData, *, paragrafer: str | None = None, utkast: bool = False, pdfa: bool = True
) -> bytes:
    """One page; `paragrafer` when the notice covers fewer §§ than the protocol (an
    omedelbart justerad §). Beside the name of the one who posts it (`data.sekreterare`)
    it has a signature field of its own, added after the PDF/A conversion as the
    protocol's are; a draft has none."""
    s = st.stylesheet()
    layout = Layout()
    out: list[Flowable] = [
        Stycke("Anslagsbevis", s.title),
        anslag(data, layout, paragrafer, bevis=True, falt=None if utkast else FALT),
        Spacer(1, 8 * mm),
        Stycke("Information om laglighetsprövning", s.heading, roll="H2"),
        *[Stycke(st.text(t), s.body) for t in LAGLIGHETSPROVNING],
    ]
    head = Sidhuvud(data.kommun, data.organ, data.datum, "Anslagsbevis", utkast, rutor=())
    pdf = bygg(out, head, layout, f"Anslagsbevis {data.organ} {data.datum.isoformat()}")
    if pdfa:
        pdf = arkiv.pdfa_2b(pdf, layout.taggning)
    if layout.falt:
        pdf = arkiv.signaturfalt(pdf, layout.falt)
    return pdf
