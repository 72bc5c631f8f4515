"""The masking table: written forms of personnummer and samordningsnummer that the public
version must mask, and dnr, telephone numbers, amounts and dates it must leave alone
(issue 14). Each form stands in a sentence, as it would in a sammanfattning."""

from __future__ import annotations

import pytest

from secretary.domain import personnummer
from secretary.domain.publicering import PERSONNUMMER, maskera_text

MASKERAS = [
    # (written form, what the preview calls it)
    ("19811218-9876", "med sekel och bindestreck"),
    ("811218-9876", "utan sekel"),
    ("8112189876", "utan skiljetecken"),
    ("198112189876", "tolv siffror i följd"),
    ("811218+9876", "plustecken: 100 år eller äldre"),
    ("19811218+9876", "plustecken med sekel"),
    ("121212-1212", "2012 eller 1912"),
    ("20121212-1212", "född 2012, med sekel"),
    ("811218 9876", "mellanslag i stället för bindestreck"),
    ("19811218 9876", "sekel och mellanslag"),
    ("811218 - 9876", "mellanslag kring bindestrecket"),
    ("811218- 9876", "mellanslag efter bindestrecket"),
    ("811218 -9876", "mellanslag före bindestrecket"),
    ("811218\u00a09876", "hårt mellanslag"),
    ("811218\u20139876", "tankstreck från ordbehandlaren"),
    ("19811218\u20139876", "tankstreck med sekel"),
    ("811218\u22129876", "minustecken"),
    ("811218\u20119876", "hårt bindestreck"),
    ("1981-12-18-9876", "datum med bindestreck"),
    ("811278-9873", "samordningsnummer (dag + 60)"),
    ("19811278-9873", "samordningsnummer med sekel"),
    ("8112789873", "samordningsnummer utan skiljetecken"),
    ("811218-9875", "fel kontrollsiffra, riktigt datum"),
    ("19811218-9875", "fel kontrollsiffra med sekel"),
    ("198112189875", "fel kontrollsiffra, tolv siffror"),
    ("8112189875", "fel kontrollsiffra utan skiljetecken"),
    ("811218 9875", "fel kontrollsiffra med mellanslag"),
    ("811278-9870", "samordningsnummer med fel kontrollsiffra"),
    ("000229-1235", "skottdag"),
    ("20000229-1235", "skottdag med sekel"),
    ("0301011235", "född 2003, utan skiljetecken, rätt kontrollsiffra"),
    ("450315-5675", "född 1945"),
]

LAMNAS = [
    ("KS 2019/0835", "diarienummer"),
    ("dnr KS 2026/0835-12", "diarienummer med löpnummer"),
    ("KS-2019-0835", "diarienummer med bindestreck"),
    ("070-123 45 67", "mobilnummer med grupper"),
    ("0701234567", "mobilnummer utan skiljetecken"),
    ("070 123 45 67", "mobilnummer med mellanslag"),
    ("+46 70 123 45 67", "internationellt nummer"),
    ("+46701234567", "internationellt nummer utan mellanslag"),
    ("046-35 50 00", "växelnummer"),
    ("08-123 456 78", "Stockholmsnummer"),
    ("1 250 000 kr", "belopp med tusentalsavgränsning"),
    ("12 500 000,50 kronor", "belopp med ören"),
    ("811218,9876", "decimaltal"),
    ("1250000 kr", "belopp utan avgränsning"),
    ("2026-11-30", "datum"),
    ("20261130", "datum utan bindestreck"),
    ("2026-11-30–2026-12-21", "datumintervall"),
    ("kl. 13.00–15.53", "klockslag"),
    ("§§ 335–372", "paragrafer"),
    ("811318-9876", "månad 13"),
    ("811232-9876", "dag 32"),
    ("811292-9876", "samordningsnummer med dag 32"),
    ("212000-1355", "organisationsnummer (månad 20)"),
    ("5050-1055", "bankgiro"),
    ("222 21 Lund", "postnummer"),
    ("22222119811218-9876", "del av en längre siffersträng"),
]


@pytest.mark.parametrize(("form", "varfor"), MASKERAS, ids=[v for _, v in MASKERAS])
def test_masked(form: str, varfor: str) -> None:
    text = f"Sökande {form}, Storgatan 1."
    assert [t.text for t in personnummer.hitta(text)] == [form]
    masked, hits = maskera_text(text)
    assert masked == f"Sökande {PERSONNUMMER}, Storgatan 1."
    assert len(hits) == 1


@pytest.mark.parametrize(("form", "varfor"), LAMNAS, ids=[v for _, v in LAMNAS])
def test_left_alone(form: str, varfor: str) -> None:
    text = f"Enligt {form} (se bilaga)."
    assert personnummer.hitta(text) == []
    assert maskera_text(text) == (text, [])


@pytest.mark.parametrize(
    "text",
    ["19811218-9876 inleder", "(811218-9876)", "slutar med 811218-9876.", "rad\n811218-9876\n"],
)
def test_masked_wherever_it_stands(text: str) -> None:
    assert PERSONNUMMER in maskera_text(text)[0]


def test_two_in_one_text_are_both_masked_and_listed() -> None:
    masked, hits = maskera_text("Makarna 811218-9876 och 121212-1212 ansöker.")
    assert masked == f"Makarna {PERSONNUMMER} och {PERSONNUMMER} ansöker."
    assert [h[1] for h in hits] == ["811218-9876", "121212-1212"]


def test_the_preview_tells_samordningsnummer_and_a_wrong_control_digit() -> None:
    _, hits = maskera_text("A 811278-9873, B 811218-9875, C 811218-9876.")
    assert [h[0] for h in hits] == [
        "samordningsnummer",
        "personnummer (fel kontrollsiffra)",
        "personnummer",
    ]
