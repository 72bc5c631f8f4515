"""The public version: personnummer and marked data masked, sekretess §§ replaced; draft diff."""

from __future__ import annotations

import datetime as dt

import pytest

from secretary.domain import personnummer
from secretary.domain.arbetsgang import Del, Tillstand, overgangshinder, redigeringshinder
from secretary.domain.paminnelser import Motesfakta, paminnelser
from secretary.domain.publicering import MARKERAD, PERSONNUMMER, SEKRETESS_NOT, maskera
from secretary.domain.versionsdiff import Op, jamfor


def _innehall(text: str, sekretess: bool = False) -> dict[str, object]:
    return {
        "forstasida": {},
        "paragrafer": [
            {
                "paragraf": 12,
                "rubrik": "Ansökan om bistånd",
                "dnr": "SN 2026/0101",
                "sekretess": sekretess,
                "delar": {"sammanfattning": [text]},
            }
        ],
    }


@pytest.mark.parametrize(
    "text",
    ["19811218-9876", "811218-9876", "8112189876", "198112189876", "811218+9876", "121212-1212"],
)
def test_personnummer_in_every_form(text: str) -> None:
    assert [t.text for t in personnummer.hitta(f"Sökande {text}, Storgatan 1.")] == [text]


@pytest.mark.parametrize(
    "text",
    [
        "KS 2019/0835",
        "dnr KS 2026/0835",
        "070-123 45 67",
        "0701234567",
        "046-35 50 00",
        "811318-9876",
        "20190835",
    ],
)
def test_no_false_hits_on_dnr_phone_or_wrong_check_digit(text: str) -> None:
    assert personnummer.hitta(text) == []


def test_a_planted_personnummer_is_masked_and_listed_and_the_original_kept() -> None:
    text = "Ärendet gäller 19811218-9876 (tel. 0701234567), dnr KS 2019/0835, Anna Berg."
    original = _innehall(text)
    result = maskera(original, markerade=["Anna Berg"])
    masked = result.innehall["paragrafer"][0]["delar"]["sammanfattning"][0]
    assert masked == (
        f"Ärendet gäller {PERSONNUMMER} (tel. 0701234567), dnr KS 2019/0835, {MARKERAD}."
    )
    assert [(m.paragraf, m.vad, m.var, m.original) for m in result.maskeringar] == [
        (12, "personnummer", "Sammanfattning", "19811218-9876"),
        (12, "markerad uppgift", "Sammanfattning", "Anna Berg"),
    ]
    assert original["paragrafer"][0]["delar"]["sammanfattning"][0] == text  # type: ignore[index]


def test_a_paragraf_under_sekretess_keeps_only_its_heading() -> None:
    result = maskera(_innehall("Uppgifter om enskild", sekretess=True))
    p = result.innehall["paragrafer"][0]
    assert p["rubrik"] == "Ansökan om bistånd"
    assert p["delar"] == {}
    assert p["sekretess_not"] == SEKRETESS_NOT
    assert [m.vad for m in result.maskeringar] == ["sekretess"]


def test_the_diff_marks_inserted_and_removed_words_per_paragraf() -> None:
    a = _innehall("Kommunen ska bygga en skola i norr.")
    b = _innehall("Kommunen ska bygga en förskola i söder.")
    (change,) = jamfor(a, b)
    (part,) = change.delar
    assert (change.paragraf, part.del_) == (12, "sammanfattning")
    assert part.borttaget == "skola norr."
    assert part.infogat == "förskola söder."
    assert [b.op for b in part.bitar][:2] == [Op.LIKA, Op.BORTTAGET]
    assert jamfor(a, a) == []


def test_transitions_refused_with_reasons() -> None:
    assert overgangshinder(Tillstand.UTKAST, Tillstand.FOR_JUSTERING) is None
    hinder = overgangshinder(Tillstand.UTKAST, Tillstand.ANSLAGET)
    assert hinder is not None
    assert "inte skickats för justering" in hinder
    assert "för justering" in hinder.split("Härifrån")[1]
    assert "redan" in (overgangshinder(Tillstand.JUSTERAT, Tillstand.JUSTERAT) or "")
    assert "rättelse" in (redigeringshinder("anslaget", Del.TEXT) or "")
    assert redigeringshinder("för justering", Del.TEXT) is None


def test_reminders_by_date() -> None:
    moten = [
        Motesfakta(1, "KS 2026-11-02", Tillstand.UTKAST, dt.date(2026, 11, 2)),
        Motesfakta(2, "KS 2026-11-25", Tillstand.FOR_JUSTERING, dt.date(2026, 11, 25)),
        Motesfakta(
            3, "AU 2026-11-20", Tillstand.JUSTERAT, dt.date(2026, 11, 20), dt.date(2026, 11, 26)
        ),
        Motesfakta(
            4,
            "AU 2026-10-01",
            Tillstand.ANSLAGET,
            dt.date(2026, 10, 1),
            None,
            dt.date(2026, 11, 30),
        ),
    ]
    texts = [p.text for p in paminnelser(moten, dt.date(2026, 12, 1))]
    assert texts == [
        "KS 2026-11-02: utkastet är inte skickat till justerarna.",
        "KS 2026-11-02: protokollet skulle ha justerats senast 2026-11-16 (inom 14 dagar).",
        "AU 2026-11-20: anslaget ska sättas upp senast 2026-11-30.",
        "AU 2026-10-01: anslaget ska tas ned 2026-11-30.",
    ]


def test_a_personnummer_on_the_front_page_or_under_jav_is_masked_too() -> None:
    original = _innehall("Inget här.")
    original["forstasida"] = {
        "ovriga": ["Anna Berg 19811218-9876, sökande"],
        "paragrafer": ["§ 12"],
    }
    original["paragrafer"][0]["delar"]["jav"] = ["Per Ek (S), 811218-9876, deltar inte"]  # type: ignore[index]
    result = maskera(original)
    assert result.innehall["forstasida"]["ovriga"] == [f"Anna Berg {PERSONNUMMER}, sökande"]
    assert result.innehall["paragrafer"][0]["delar"]["jav"] == [
        f"Per Ek (S), {PERSONNUMMER}, deltar inte"
    ]
    assert [(m.paragraf, m.var) for m in result.maskeringar] == [(0, "Övriga"), (12, "Jäv")]
