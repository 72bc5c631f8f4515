"""The reference protocol (shared/reference/lund-ksau-2019-11-25-p354.txt) rebuilt from
recorded data: its front page and § 354 come out of the PDF as the reference has them.

Normalised before comparing, on both sides:
- ranges: the reference writes "§§ 335 - 365" and "kl. 13.00 - 15.53"; we write an en dash
  with no spaces ("§§ 335–365", "kl. 13.00–15.53"), as on its own "§ 335–372" line;
- the chair: the reference's "Ordförande Philip Sandberg (L) frågar" is our "Ordföranden
  frågar" (the beslutsgång text names the role, not the person);
- the reference ends proposals in Sammanfattning with "." and the beslut's att-satser
  without; we keep what was typed.
Layout differences that are not wording: adjungerade get their own "Adjungerade" row (the
reference lists them under Ledamöter although they do not vote), and Övriga are sorted by
name, so those lines are compared as a set.
"""

from __future__ import annotations

import re
from pathlib import Path

from secretary.reports.protokoll import ProtokollPdf
from secretary.services.protokoll import protokoll_data
from secretary.store.database import Store
from tests.reports.pdftext import in_order, pages

REFERENS = Path("/work/shared/reference/lund-ksau-2019-11-25-p354.txt")

FRONT = [
    "Knutsalen, Rådhuset, 2019-11-25 klockan 13.00–15.55",
    "Philip Sandberg (L), ordförande",
    "Fredrik Ljunghill (M), 1:e vice ordförande",
    "Anders Almgren (S), 2:e vice ordförande, §§ 335 - 365, kl. 13.00 - 15.53",
    "Börje Hed (FNL)",
    "Karin Svensson Smith (MP)",
    "Fanny Johansson (S), tjänstgör för Anders Almgren (S) §§ 366 - 372",
    "Inga-Kerstin Eriksson (C)",
    "Hedvig Åkesson (KD)",
    "Helena Falk (V)",
    "Hans-Olof Andersson (SD), adjungerad",
    "Cherry Batrapo (FI), adjungerad",
    "Börje Hed (FNL)",
    "Rådhuset, Stortorget 7, Lund, tisdagen den 26 november 2019, kl. 10.30",
    "§ 335–372",
    "Underskrifter",
    "Sekreterare",
    "Eva Kristiansson",
    "Ordförande",
    "Philip Sandberg (L)",
    "Justerare",
    "Börje Hed (FNL)",
    "ANSLAG/BEVIS",
    "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.",
    "Organ",
    "Kommunstyrelsens arbetsutskott",
    "Sammanträdesdatum",
    "2019-11-25",
    "Paragrafer",
    "§ 335–372",
    "Datum då anslaget sätts upp",
    "Datum då anslaget tas ned",
    "Förvaringsplats för protokollet",
    "Kommunkontoret/Bruksgatan 22",
    "Underskrift",
    "Eva Kristiansson",
]

OVRIGA = {
    "Britt Steiner, planeringschef",
    "Carin Hillåker, biträdande kommundirektör",
    "Carl Gustaf Jönsson, politisk sekreterare (FNL)",
    "Christoffer Nilsson, kommundirektör",
    "Elfva Barrio, politisk sekreterare (S)",
    "Emma Fager Malmström, politisk sekreterare (MP)",
    "Eva Kristiansson, kommunsekreterare",
    "Fredrik Sjögren, politisk sekreterare (L)",
    "Henrik Weimarsson, ekonomidirektör",
    "Jesper Jakobsson, administrativ chef",
    "Johanna Davander, kommunikationsdirektör",
    "Sebastian Persson, politisk sekreterare (S)",
    "Jessica Ulfgren, adjungerad",
    "Martin Pella, praktikant",
    "Adrian Kasperczuk, praktikant",
}

P354 = [
    "§ 354 Kommunalt partnerskap",
    "Dnr KS 2019/0835",
    "Sammanfattning",
    "Beslutsunderlag",
    "Kommunkontorets tjänsteskrivelse den 14 november 2019, dnr KS 2019/0835.",
    "Internationellt Centrum för Lokal Demokrati, ICLD, introduktion Kommunalt partnerskap "
    "(Powerpoint presentation), dnr KS 2019/0835.",
    "Yrkanden",
    "Philip Sandberg (L) med instämmande av Karin Svensson Smith (MP) yrkar bifall till "
    "förvaltningens förslag.",
    "Anders Almgren (S) med instämmande av Karin Svensson Smith (MP) yrkar som tillägg att "
    "inför det fortsatta arbetet inhämta synpunkter från Representationskommittén.",
    "Beslutsgång",
    "Ordförande Philip Sandberg (L) frågar om arbetsutskottet kan bifalla yrkandena och finner "
    "frågan med ja besvarad.",
    "Beslut",
    "Kommunstyrelsens arbetsutskott föreslår att Kommunstyrelsen beslutar",
    "att tillsätta en projektgrupp med politisk representation samt tjänstepersoner från "
    "kommunkontor och kultur- och fritidsförvaltningen",
    "att ge nämnda projektgrupp i uppdrag att söka projektpartner",
    "att ansöka om förberedelseprojekt",
    "att inför det fortsatta arbetet inhämta synpunkter från Representationskommittén",
    "Beslut expedieras till:",
    "Akten",
    "Kommunstyrelsen",
    "Kommunstyrelsens arbetsutskott",
]


def norm(text: str) -> str:
    text = re.sub(r"(\d) - (\d)", r"\1–\2", text)
    text = text.replace("Ordförande Philip Sandberg (L) frågar", "Ordföranden frågar")
    return " ".join(text.split())


def _referens() -> str:
    return norm(REFERENS.read_text(encoding="utf-8"))


def test_the_expected_lines_are_quoted_from_the_reference() -> None:
    ref = _referens()
    for line in [*FRONT, *OVRIGA, *P354]:
        assert norm(line) in ref, line


def test_front_page_and_paragraf_354_match_the_reference(lund: tuple[Store, int, int]) -> None:
    store, meeting_id, _ = lund
    data = protokoll_data(store, meeting_id)
    assert set(data.ovriga) == OVRIGA
    texts = pages(ProtokollPdf(data).render(pdfa=False))
    front_pages = []
    for t in texts:
        if any(line.startswith("§ 335 ") for line in t.splitlines()):
            break
        front_pages.append(t)
    front = norm(" ".join(front_pages))
    in_order(front, [norm(line) for line in FRONT])
    p354 = next(t for t in texts if any(ln.startswith("§ 354 ") for ln in t.splitlines()))
    in_order(norm(p354), [norm(line) for line in P354])
    assert "Lunds kommun" in texts[0]
    assert "Sammanträdesdatum 2019-11-25" in p354
