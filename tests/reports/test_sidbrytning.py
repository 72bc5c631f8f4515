"""How §§ break over pages (issue 13, 'The pages'): a heading is never the last line of a
page, a short list is never split, a page is never only the tail of what came before, a §
that runs on continues under "§ N (forts.)", and dates and § numbers never wrap.

Checked on the pages as laid out (tests/reports/pdftext.brodtext), over §§ grown line by
line so every part of a § meets the foot of a page at least once."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence

import pytest

from secretary.reports.data import Paragraf, ProtokollData
from secretary.reports.paragraf import KORT_DEL
from secretary.reports.protokoll import ProtokollPdf
from secretary.reports.styles import NBSP, oavbrutet
from secretary.services.protokoll import protokoll_data
from secretary.store.database import Store
from tests.reports.pdftext import brodtext
from tests.services.justering_helpers import utkast

RUBRIKER = {
    "Sammanfattning",
    "Beslutsunderlag",
    "Förslag till beslut",
    "Yrkanden",
    "Beslutsgång",
    "Omröstning",
    "Beslut",
    "Reservation",
    "Protokollsanteckning",
    "Jäv",
    "Beslut expedieras till:",
}
FORTS = re.compile(r"^§ (\d+) \(forts\.\)$")
MANAD = r"(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)"


def _sidor(data: ProtokollData) -> list[list[str]]:
    return brodtext(ProtokollPdf(data).layout().pdf)


def _paragrafsidor(data: ProtokollData, sidor: list[list[str]]) -> list[tuple[int, list[str]]]:
    """(§ number, lines) of every page from the first § on; a page that starts a § is
    attributed to it, any other page to the § before."""
    starts = {f"§ {p.paragraf} {p.rubrik}": p.paragraf for p in data.arenden}
    out: list[tuple[int, list[str]]] = []
    current: int | None = None
    for lines in sidor:
        first = lines[0] if lines else ""
        if first in starts:
            current = starts[first]
        if current is not None:
            out.append((current, lines))
    return out


def _kontrollera(data: ProtokollData) -> list[tuple[int, list[str]]]:
    """Assert every page rule on the laid-out protocol; returns its § pages."""
    sidor = _sidor(data)
    paragrafsidor = _paragrafsidor(data, sidor)
    assert paragrafsidor, "no § page found"
    starts = {f"§ {p.paragraf} {p.rubrik}" for p in data.arenden}
    for nummer, lines in paragrafsidor:
        assert lines, "an empty page"
        forts = FORTS.match(lines[0])
        if lines[0] in starts:
            pass
        else:
            assert forts is not None, f"page inside § {nummer} lacks '(forts.)': {lines[:3]}"
            assert int(forts.group(1)) == nummer
            body = lines[1:]
            # More than one line carried over, and not headings only.
            assert len(body) >= 2, f"a page holds only the tail of § {nummer}: {body}"
            assert not set(body) <= RUBRIKER, f"a page holds only a heading: {body}"
        assert lines[-1] not in RUBRIKER, f"a heading ends the page: {lines[-3:]}"
        for a, b in itertools.pairwise(lines):
            assert not re.search(r"(§|\b\d{1,2})$", a) or not re.match(rf"{MANAD}|\d", b), (
                f"a date or § number broken over lines: {a!r} / {b!r}"
            )
    _korta_listor_hela(data, paragrafsidor)
    return paragrafsidor


def _korta_listor_hela(data: ProtokollData, sidor: list[tuple[int, list[str]]]) -> None:
    """Each short list is on one page, right under its heading."""
    for p in data.arenden:
        pages = [lines for nummer, lines in sidor if nummer == p.paragraf]
        for rubrik, items in (
            ("Beslutsunderlag", p.beslutsunderlag),
            ("Beslut expedieras till:", p.expedieras_till),
        ):
            if not items or len(items) > KORT_DEL:
                continue
            holding = [lines for lines in pages if rubrik in lines]
            assert len(holding) == 1, f"§ {p.paragraf}: {rubrik} on {len(holding)} pages"
            lines = holding[0]
            at = lines.index(rubrik)
            for item in items:
                assert any(" ".join(item.split()) in line for line in lines[at:]), (
                    f"§ {p.paragraf}: {item!r} not on the page of {rubrik!r}"
                )


def _fyllnad(p: Paragraf, n: int) -> Paragraf:
    """§ `p` with `n` more lines of sammanfattning before its other parts, one of them
    ending in a date and a § number where a line would otherwise break."""
    lines = tuple(f"Rad {i} om ärendet, som beslutades den 30 november 2026." for i in range(n))
    tail = "Kommunkontorets skrivelse om ärendet, med hänvisning till § 335, den 14 november 2026"
    return dataclasses.replace(
        p, sammanfattning=(*p.sammanfattning, *lines, tail), beslutsunderlag=(*p.beslutsunderlag,)
    )


def _vuxen(data: ProtokollData, n: int, expedieras: Sequence[str] | None = None) -> ProtokollData:
    """§ 335 grown by `n` lines, and § 336 after it (the rest left out, for speed)."""
    first = _fyllnad(data.arenden[0], n)
    if expedieras is not None:
        first = dataclasses.replace(first, expedieras_till=tuple(expedieras))
    return dataclasses.replace(data, arenden=(first, data.arenden[1]))


def test_no_break_spaces_join_dates_and_paragraph_numbers() -> None:
    assert oavbrutet("tisdagen den 1 december 2026, kl. 10.30") == (
        f"tisdagen den 1{NBSP}december{NBSP}2026, kl.{NBSP}10.30"
    )
    assert oavbrutet("§ 335–339, §§ 335–365, per oktober 2026") == (
        f"§{NBSP}335–339, §§{NBSP}335–365, per oktober{NBSP}2026"
    )
    assert oavbrutet("Marsvin 30 djur, maj") == "Marsvin 30 djur, maj"


def test_the_contested_meeting_continues_under_forts(omstridd: ProtokollData) -> None:
    """§ 335 of the contested meeting runs over two page breaks: both continuation pages
    say so, and the last one holds the recipients whole with what precedes them."""
    sidor = _kontrollera(omstridd)
    pages_335 = [lines for nummer, lines in sidor if nummer == 335]
    assert len(pages_335) >= 2
    assert all(lines[0] == "§ 335 (forts.)" for lines in pages_335[1:])
    last = pages_335[-1]
    at = last.index("Beslut expedieras till:")
    assert last[at + 1 : at + 5] == [
        "Akten",
        "Kommunstyrelsen",
        "Kommunstyrelsens arbetsutskott",
        "Kultur- & fritidsnämnden",
    ]
    # The other §§ fit on a page each and take one page each.
    assert [n for n, _ in sidor].count(336) == 1


@pytest.mark.parametrize("n", range(0, 40, 2))
def test_every_part_of_a_paragraph_meets_the_foot_of_a_page(
    omstridd: ProtokollData, n: int
) -> None:
    _kontrollera(_vuxen(omstridd, n))


@pytest.mark.parametrize("n", range(20, 40, 4))
def test_a_long_list_is_split_but_never_leaves_its_last_item_alone(
    omstridd: ProtokollData, n: int
) -> None:
    mottagare = [f"Nämnd nummer {i}" for i in range(1, 15)]
    sidor = _kontrollera(_vuxen(omstridd, n, mottagare))
    lines = [line for nummer, page in sidor if nummer == 335 for line in page]
    assert all(m in lines for m in mottagare)


def test_the_demo_meeting_takes_a_page_per_paragraph(store: Store) -> None:
    """The demo's five §§ each fit on a page: with the two pages of front matter (the
    ANSLAG/BEVIS block does not fit under the signatures) that is seven, none continued."""
    meeting_id, _, _ = utkast(store)
    data = protokoll_data(store, meeting_id)
    sidor = _kontrollera(data)
    assert [n for n, _ in sidor] == [p.paragraf for p in data.arenden]
    assert ProtokollPdf(data).layout().sidor <= 2 + len(data.arenden)
