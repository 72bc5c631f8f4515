"""How a rättelse shows in the protocol (domain.md: a correction must show that and what was
corrected): a block on the front page listing every correction, and a note in the § itself."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from secretary.reports import styles as st
from secretary.reports.data import Rattelsenot
from secretary.reports.tagg import Stycke


def _citat(text: str) -> str:
    """The text as quoted in the note; paragraphs and list lines kept apart by a slash."""
    return " / ".join(line.strip() for line in text.splitlines() if line.strip())


def _mening(text: str) -> str:
    """The text as a sentence: a full stop added unless it ends in one (or ? or !), also
    inside a closing quotation mark."""
    return text if text.rstrip("”").endswith((".", "?", "!")) else f"{text}."


def _rad(n: Rattelsenot) -> str:
    return (
        f"Rättelse {n.datum.isoformat()} i § {n.paragraf}, {n.del_}. "
        f"{_mening(f'Före rättelsen: ”{_citat(n.fore)}”')} "
        f"{_mening(f'Efter rättelsen: ”{_citat(n.efter)}”')} "
        f"{_mening(f'Skäl: {n.varfor}')} Rättelsen gjord av {n.av}."
    )


def rattelseblock(noter: Sequence[Rattelsenot]) -> list[Flowable]:
    if not noter:
        return []
    s = st.stylesheet()
    body = [Stycke(st.text(_rad(n)), s.body) for n in noter]
    return [
        Spacer(1, 6 * mm),
        KeepTogether([Stycke("Rättelse", s.heading, roll="H2"), body[0]]),
        *body[1:],
    ]


def paragrafnot(noter: Sequence[Rattelsenot], paragraf: int) -> list[Flowable]:
    s = st.stylesheet()
    return [
        Stycke(
            st.text(
                f"Paragrafen rättad {n.datum.isoformat()} ({n.del_}); se Rättelse på första sidan."
            ),
            s.note,
        )
        for n in noter
        if n.paragraf == paragraf
    ]
