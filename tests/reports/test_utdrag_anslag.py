"""Utdrag (one per recipient), the anslagsbevis page, a long roll call over several pages,
and the headless `pdf` command."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from secretary import cli
from secretary.reports.anslagsbevis import anslagsbevis_pdf
from secretary.reports.data import Omrostning, Paragraf, ProtokollData, Rostrad
from secretary.reports.protokoll import ProtokollPdf
from secretary.reports.utdrag import mottagare, utdrag_pdf, utdrag_per_mottagare
from secretary.store.database import Store
from tests.reports.pdftext import in_order, pages


def _flat(pdf: bytes) -> str:
    return " ".join(" ".join(pages(pdf)).split())


def test_an_utdrag_has_the_facts_the_paragrafer_and_the_certification(
    omstridd: ProtokollData,
) -> None:
    pdf = utdrag_pdf(omstridd.utdrag({336, 338}), intygas=dt.date(2026, 12, 2), pdfa=False)
    text = _flat(pdf)
    in_order(
        text,
        [
            "Protokollsutdrag",
            "Organ Kommunstyrelsens arbetsutskott",
            "Sammanträdesdatum 2026-11-30",
            "Plats och tid Sessionssalen, Stadshuset, 2026-11-30 klockan 13.00–15.10",
            "Justerare Birger Hedlund (EP)",
            "Paragrafer i utdraget §§ 336, 338",
            "§ 336 Budgetuppföljning oktober 2026",
            "§ 338 Svar på motion om fler laddstolpar",
            "Rätt utdraget intygar",
            "Underskrift Eva Kristensson",
            "Datum 2026-12-02",
        ],
    )
    assert "§ 335 " not in text and "§ 337 " not in text
    assert "Sida 1 (" in pages(pdf)[0]


def test_one_utdrag_per_recipient_with_exactly_its_paragrafer(omstridd: ProtokollData) -> None:
    sent = mottagare(omstridd)
    assert sent["Akten"] == [335, 336, 337, 338, 339]
    assert sent["Byggnadsnämnden"] == [337]
    assert sent["Kultur- & fritidsnämnden"] == [335]
    batch = utdrag_per_mottagare(omstridd, utkast=True, pdfa=False)
    assert set(batch) == set(sent)
    text = _flat(batch["Byggnadsnämnden"])
    assert "§ 337 Detaljplan" in text and "§ 336 " not in text
    assert "UTKAST" in text


def test_an_utdrag_states_jav_at_the_top_of_the_paragraf(omstridd: ProtokollData) -> None:
    text = _flat(utdrag_pdf(omstridd.utdrag({337}), pdfa=False))
    in_order(
        text,
        [
            "§ 337 Detaljplan för Norra hamnen – samråd Dnr KS 2026/0542 Jäv Johan Berg (M) "
            "anmäler jäv och deltar inte i handläggningen av ärendet.",
            "Sammanfattning",
            "Förslag till beslut",
            "Rätt utdraget intygar",
        ],
    )
    assert text.count("Jäv") == 1


def test_the_anslagsbevis_page(omstridd: ProtokollData) -> None:
    data = dataclasses.replace(
        omstridd, anslag=dataclasses.replace(omstridd.anslag, uppsatt=dt.date(2026, 12, 3))
    )
    pdf = anslagsbevis_pdf(data)
    texts = pages(pdf)
    assert len(texts) == 1
    assert "Sida 1 (1)" in texts[0]
    in_order(
        " ".join(texts[0].split()),
        [
            "Anslagsbevis",
            "ANSLAG/BEVIS",
            "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.",
            "Organ Kommunstyrelsens arbetsutskott",
            "Sammanträdesdatum 2026-11-30",
            "Paragrafer § 335–339",
            "Datum då anslaget sätts upp 2026-12-03",
            "Datum då anslaget tas ned",
            "Förvaringsplats för protokollet Kommunkontoret, Storgatan 1, Exempelstad",
            "Underskrift Eva Kristensson",
            "Information om laglighetsprövning",
            "Den som vill överklaga",
            "inom tre veckor från den dag då justeringen tillkännagavs på kommunens anslagstavla",
        ],
    )


def test_a_long_roll_call_continues_under_a_repeated_heading_row(
    omstridd: ProtokollData,
) -> None:
    rader = tuple(Rostrad(f"Ledamot {i:02d} (S)", "", "Ja" if i % 3 else "Nej") for i in range(61))
    lista = Omrostning(1, "Ja-röst för bifall, Nej-röst för avslag.", rader)
    p = Paragraf(500, "Budget 2027", beslutsgang=("Votering begärs.",), omrostningar=(lista,))
    data = dataclasses.replace(omstridd, arenden=(p,))
    texts = [" ".join(t.split()) for t in pages(ProtokollPdf(data).render(pdfa=False))]
    with_rows = [t for t in texts if "Ledamot 00 (S)" in t or "Ledamot 60 (S)" in t]
    spanning = [t for t in texts if "Ledamot 3" in t]
    assert len(spanning) >= 1
    table_pages = [t for t in texts if "Ledamot Tjänstgörande ersättare Ja Nej Avstår" in t]
    assert len(table_pages) >= 2, "the heading row is not repeated on the next page"
    assert with_rows[-1].count("Summa 40 21 0 0") == 1


def test_the_pdf_command(omstridd_store: tuple[Store, int, dict[str, int]], tmp_path: Path) -> None:
    store, meeting_id, _ = omstridd_store
    assert store.path is not None
    db = str(store.path)  # open, with its lock held, as in the window: reading needs no lock
    out = tmp_path / "p.pdf"

    def run(*argv: str) -> int:
        return cli.run(cli.parse(["pdf", "--db", db, "--meeting", str(meeting_id), *argv]))

    assert run("--utkast", "-o", str(out)) == 0
    assert "UTKAST" in pages(out.read_bytes())[0]
    assert run("--kind", "utdrag", "--paragraf", "336", "--utkast", "-o", str(out)) == 0
    assert "§ 336 Budgetuppföljning" in _flat(out.read_bytes())
    assert run("--kind", "utdrag", "-o", str(out)) == 2
    assert run("--kind", "utdrag", "--paragraf", "999", "-o", str(out)) == 1
    assert run("--kind", "anslagsbevis", "--anslag-upp", "2026-12-03", "-o", str(out)) == 0
    assert "2026-12-03" in pages(out.read_bytes())[0]
    assert cli.run(cli.parse(["pdf", "--db", db, "--meeting", "999", "-o", str(out)])) == 1
