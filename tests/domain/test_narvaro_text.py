"""The front page and arvode are read off the timeline, never typed twice."""

from __future__ import annotations

import datetime as dt

from secretary.domain.narvaro import HandelseTyp
from secretary.domain.narvaro_text import forstasida, paragrafer_text, person_narvaro
from tests.domain.narvaro_helpers import (
    ANDERS,
    ELIN,
    EVA,
    FANNY,
    JOHAN,
    KARIN,
    LARS,
    MARIA,
    ORDF,
    Mote,
)

T = HandelseTyp
START, END = dt.time(13, 0), dt.time(16, 10)


def test_paragraf_ranges_collapse() -> None:
    assert paragrafer_text([347]) == "§ 347"
    assert paragrafer_text([335, 336, 337]) == "§§ 335–337"
    assert paragrafer_text([342, 335, 336, 340, 341, 343]) == "§§ 335–336, 340–343"
    assert paragrafer_text([1, 3]) == "§§ 1, 3"


def _meeting() -> Mote:
    """Like the reference: Anders leaves after § 365, Fanny serves for him from § 366."""
    m = Mote(paragrafer=38)  # §§ 335–372
    m.upprop(ORDF, ANDERS, MARIA, JOHAN, KARIN, FANNY, ELIN, EVA)
    m.ok(T.AVGAR, ANDERS, 31, time=dt.time(15, 53))
    m.ok(T.TJANSTGOR, FANNY, 31, seat=ANDERS)
    m.ok(T.JAV, MARIA, 12)  # § 347
    m.ok(T.TJANSTGOR, ELIN, 12, seat=MARIA, only_this=True)
    m.ok(T.NARVARANDE, LARS, 5, time=dt.time(13, 40))
    return m


def test_front_page_reads_like_the_reference_protocol() -> None:
    page = forstasida(_meeting().tl, 335, START, END)
    assert page.ledamoter == (
        "Petra Sandström (L), ordförande",
        "Anders Almqvist (S), 2:e vice ordförande, §§ 335–365, kl. 13.00–15.53",
        "Maria Ek (S), deltar inte i § 347 p.g.a. jäv",
        "Johan Berg (M)",
        "Karin Strand (MP)",
    )
    assert page.tjanstgorande_ersattare == (
        "Elin Dahl (MP), tjänstgör för Maria Ek (S) § 347",
        "Fanny Jönsson (S), tjänstgör för Anders Almqvist (S) §§ 366–372",
    )
    assert page.ersattare == ("Lars Nyberg (S), §§ 340–372, kl. 13.40–16.10",)
    assert page.ovriga == ("Eva Kristensson, kommunsekreterare",)


def test_remote_attendance_is_written_on_the_person() -> None:
    m = Mote(paragrafer=2)
    m.upprop(ORDF)
    m.ok(T.NARVARANDE, MARIA, 0, distans=True)
    page = forstasida(m.tl, 1, START, END)
    assert "Maria Ek (S), deltar på distans" in page.ledamoter


def test_arvode_counts_time_present_and_paragrafer() -> None:
    m = _meeting()
    anders = person_narvaro(m.tl, ANDERS, START, END)
    assert anders.minutes == 173  # 13.00–15.53
    assert len(anders.present) == 31
    lars = person_narvaro(m.tl, LARS, START, END)
    assert lars.minutes == 150  # 13.40–16.10
    assert lars.serving == ()
