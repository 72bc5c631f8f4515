"""The protocol PDF read back as text: every part of the front page and of each §, the
header and footer of every page, the draft mark, escaping, and the fonts."""

from __future__ import annotations

import dataclasses
import datetime as dt

from secretary.reports.data import Anslag, ProtokollData
from secretary.reports.protokoll import ProtokollPdf
from tests.reports.pdftext import fonts, in_order, pages, sida

FRONT = [
    "Exempelstads kommun",
    "Kommunstyrelsens arbetsutskott",
    "Sammanträdesprotokoll",
    "Sammanträdesdatum 2026-11-30",
    "Plats och tid Sessionssalen, Stadshuset, 2026-11-30 klockan 13.00–15.10",
    "Beslutande",
    "Ledamöter Petra Sandström (L), ordförande",
    "Fredrik Lindholm (M), 1:e vice ordförande",
    "Anders Almqvist (S), 2:e vice ordförande",
    "Johan Berg (M), deltar inte i § 337 p.g.a. jäv",
    "Tjänstgörande ersättare Fanny Jönsson (S), tjänstgör för Johan Berg (M) § 337",
    "Övriga Christoffer Nyström, kommundirektör Eva Kristensson, kommunsekreterare",
    "Justerare Birger Hedlund (EP)",
    "Plats och tid för justering Kommunkontoret, Storgatan 1, Exempelstad, tisdagen den 1 "
    "december 2026, kl. 10.30",
    "Paragrafer § 335–339",
    "Underskrifter",
    "Sekreterare Eva Kristensson",
    "Ordförande Petra Sandström (L)",
    "Justerare Birger Hedlund (EP)",
    "ANSLAG/BEVIS",
    "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.",
    "Organ Kommunstyrelsens arbetsutskott",
    "Sammanträdesdatum 2026-11-30",
    "Paragrafer § 335–339",
    "Datum då anslaget sätts upp",
    "Datum då anslaget tas ned",
    "Förvaringsplats för protokollet Kommunkontoret, Storgatan 1, Exempelstad",
    "Underskrift Eva Kristensson",
]

PARAGRAF_335 = [
    "§ 335 Kommunalt partnerskap <Agenda 2030> & Åtgärder",
    "Dnr KS 2026/0835",
    "Paragrafen justeras omedelbart",
    "Sammanfattning",
    "Kostnad < 5 mkr & nytta > 5 mkr; Émile Ödegård föreslår §-ändring.",
    "Beslutsunderlag",
    "Kommunkontorets tjänsteskrivelse den 14 november 2026, dnr KS 2026/0835",
    "Förslag till beslut",
    "att ge projektgruppen i uppdrag att söka projektpartner",
    "Yrkanden",
    "Petra Sandström (L) med instämmande av Johan Berg (M) yrkar bifall till förvaltningens "
    "förslag.",
    "Anders Almqvist (S) yrkar avslag på förvaltningens förslag.",
    "Beslutsgång",
    "Ordföranden ställer proposition på förvaltningens förslag",
    "Med 4 ja-röster mot 2 nej-röster, 1 avstår, beslutar arbetsutskottet enligt "
    "förvaltningens förslag.",
    "Omröstning",
    "Omröstningslista nr 1",
    "Ja-röst för bifall till Karin Strand Svenssons (MP) ändringsyrkande",
    "Ledamot Tjänstgörande ersättare Ja Nej Avstår Frånvarande",
    "Fredrik Lindholm (M) X",
    "Petra Sandström (L) X",
    "Summa 3 4 0 0",
    "Omröstningslista nr 2",
    "Summa 4 2 1 0",
    "Beslut",
    "Arbetsutskottet beslutar",
    "att tillsätta en projektgrupp",
    "att ansöka om förberedelseprojekt",
    "Reservation",
    "Anders Almqvist (S) reserverar sig mot beslutet till förmån för eget yrkande.",
    "Maria Ek (S) reserverar sig mot beslutet med hänvisning till skriftlig reservation.",
    "Skriftlig reservation från Maria Ek (S):",
    "Vi anser att <kostnaden> & …",
    "Protokollsanteckning",
    "Birger Hedlund (EP) får följande anteckning införd i protokollet:",
    "EP välkomnar projektet & <mer>.",
    "Beslut expedieras till:",
    "Akten",
    "Kultur- & fritidsnämnden",
]


def _flat(texts: list[str]) -> str:
    body = []
    for text in texts:
        lines = text.splitlines()
        body += [line for line in lines if not _running(line)]
    return " ".join(" ".join(body).split())


def _running(line: str) -> bool:
    """Header and footer lines, which repeat on every page."""
    return line.strip() in {
        "Exempelstads kommun",
        "Justerandes signatur",
        "Utdragsbestyrkande",
        "Sammanträdesprotokoll",
    } or line.startswith(("Sida ", "Sammanträdesdatum 2026"))


def test_the_front_page_has_every_part_in_order(slutligt: bytes) -> None:
    texts = pages(slutligt)
    front = [t for t in texts if "§ 335 Kommunalt" not in t][:2]
    assert "Sammanträdesprotokoll" in front[0]
    assert "Sammanträdesdatum 2026-11-30" in front[0]
    in_order(" ".join(" ".join(front).split()), FRONT)


def test_each_paragraf_has_its_parts_in_the_protocols_order(slutligt: bytes) -> None:
    text = _flat(pages(slutligt))
    start = text.index("§ 335 Kommunalt")
    end = text.index("§ 336 Budgetuppföljning")
    in_order(text[start:end], PARAGRAF_335)
    in_order(
        text[end:],
        [
            "§ 336 Budgetuppföljning oktober 2026",
            "§ 337 Detaljplan för Norra hamnen – samråd",
            "Dnr KS 2026/0542 Jäv",  # at the top of the §, before its text
            "Johan Berg (M) anmäler jäv och deltar inte i handläggningen av ärendet. "
            "Fanny Jönsson (S) tjänstgör för Johan Berg (M) i paragrafen.",
            "Sammanfattning Byggnadsnämnden",
            "Förslag till beslut",
            "Beslut expedieras till: Akten Byggnadsnämnden",
            "§ 338 Svar på motion om fler laddstolpar",
            "§ 339 Reglemente för kommunstyrelsens arbetsutskott – revidering",
        ],
    )
    assert text.count("Paragrafen justeras omedelbart") == 1


def test_every_page_has_the_header_and_the_footer_boxes(slutligt: bytes) -> None:
    texts = pages(slutligt)
    for number, text in enumerate(texts, start=1):
        assert sida(text) == (number, len(texts))
        assert f"Sida {number} ({len(texts)})" in text
        lines = text.splitlines()
        for expected in (
            "Exempelstads kommun",
            "Kommunstyrelsens arbetsutskott",
            "Sammanträdesdatum 2026-11-30",
            "Justerandes signatur",
            "Utdragsbestyrkande",
        ):
            assert expected in lines, (number, expected)
    assert "Sida 1 (9)" in texts[0]


def test_each_paragraf_starts_a_new_page(slutligt: bytes) -> None:
    texts = pages(slutligt)
    starts = {
        n: i
        for i, t in enumerate(texts)
        for n in range(335, 340)
        if any(line.startswith(f"§ {n} ") for line in t.splitlines())
    }
    assert sorted(starts) == list(range(335, 340))
    assert len(set(starts.values())) == 5


def test_a_draft_says_utkast_on_every_page_and_the_final_does_not(
    slutligt: bytes, utkast: bytes
) -> None:
    assert all("UTKAST" in t for t in pages(utkast))
    assert not any("UTKAST" in t for t in pages(slutligt))


def test_every_font_is_embedded_and_none_is_helvetica(slutligt: bytes, utkast: bytes) -> None:
    for pdf in (slutligt, utkast):
        used = fonts(pdf)
        assert used, "no fonts found"
        assert all(used.values()), used
        assert not any("Helvetica" in name or "Courier" in name for name in used)
        assert all("LiberationSans" in name for name in used)


def test_headings_follow_the_organs_labels(omstridd: ProtokollData) -> None:
    labels = {
        **omstridd.labels,
        "beslutsgang": "Propositionsordning",
        "expedieras": "Skickas till",
        "ovriga": "Övriga närvarande",
        "sammanfattning": "Ärendebeskrivning",
    }
    data = dataclasses.replace(omstridd, labels=labels)
    text = " ".join(" ".join(pages(ProtokollPdf(data).render(pdfa=False))).split())
    for heading in (
        "Propositionsordning",
        "Skickas till:",
        "Övriga närvarande",
        "Ärendebeskrivning",
    ):
        assert heading in text
    for heading in ("Beslutsgång", "Beslut expedieras till", "Sammanfattning"):
        assert heading not in text


def test_known_anslag_dates_are_printed(omstridd: ProtokollData) -> None:
    data = dataclasses.replace(omstridd, anslag=Anslag(dt.date(2026, 12, 3), dt.date(2026, 12, 29)))
    text = " ".join(" ".join(pages(ProtokollPdf(data).render(pdfa=False))).split())
    assert "Datum då anslaget sätts upp 2026-12-03" in text
    assert "Datum då anslaget tas ned 2026-12-29" in text


def test_a_list_that_runs_on_to_the_next_page_says_forts(omstridd: ProtokollData) -> None:
    """A fullmäktige's 61 ledamöter do not fit the front page; the next page must say
    whose list it continues."""
    many = tuple(f"Ledamot {n} (S)" for n in range(61))
    data = dataclasses.replace(omstridd, ledamoter=many)
    first, second = pages(ProtokollPdf(data).render(pdfa=False))[:2]
    assert "Ledamöter Ledamot 0 (S)" in " ".join(first.split())
    assert "(forts.)" not in first
    continued = " ".join(second.split())
    last_on_first = max(n for n in range(61) if f"Ledamot {n} (S)" in first)
    assert f"Ledamöter (forts.) Ledamot {last_on_first + 1} (S)" in continued
