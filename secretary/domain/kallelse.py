"""Before the meeting: the kallelse, fullmäktige's kungörelse, and what changed between two
kallelser (domain.md, 'Before the meeting').

- Kommunfullmäktige: time, place and the ärenden are posted on the anslagstavla at least a
  week before the meeting (KL 5 kap. 11 §; verify §), and the kallelse goes out as well.
- A nämnd: its reglemente sets how many days before the meeting the kallelse must be out
  (often 5; the organ's own setting wins).

"At least a week before" is a day to be done by, counted backwards from the meeting. No law
moves it forward (lag (1930:173) moves the last day of a period that runs forward); a notice
due on a Saturday, a helgdag or an afton is posted on the working day before it, so the
latest day proposed is the last working day on or before the day the law gives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from secretary.domain.anslag import ej_arbetsdag

KUNGORELSE_DAGAR = 7
KALLELSE_DAGAR_STANDARD = 5

FORHINDER = (
    "Ledamot som är förhindrad att delta ska snarast anmäla det till sekreteraren, som kallar "
    "in ersättare. Ersättare tjänstgör bara när de har kallats in; ersättare som inte "
    "tjänstgör får närvara och yttra sig men inte delta i besluten."
)
FORHINDER_KF = (
    "Ledamot som är förhindrad att delta ska snarast anmäla det till sekreteraren, som kallar "
    "in ersättare i den ordning fullmäktige har bestämt. I fullmäktige tjänstgör bara "
    "ersättare från samma parti som den frånvarande ledamoten."
)


def arbetsdag_fore(day: dt.date) -> dt.date:
    """`day`, or the last working day before it."""
    while ej_arbetsdag(day):
        day -= dt.timedelta(days=1)
    return day


def senaste_kungorelse(sammantrade: dt.date) -> dt.date:
    """The latest day fullmäktige's kungörelse can go up: a week before the meeting, on a
    working day."""
    return arbetsdag_fore(sammantrade - dt.timedelta(days=KUNGORELSE_DAGAR))


def kallelse_dagar(kf: bool, organets: int | None) -> int:
    if kf:
        return max(KUNGORELSE_DAGAR, organets or 0)
    return organets if organets is not None else KALLELSE_DAGAR_STANDARD


def senaste_kallelse(sammantrade: dt.date, dagar: int) -> dt.date:
    """The latest day the kallelse can go out, `dagar` days before the meeting."""
    return arbetsdag_fore(sammantrade - dt.timedelta(days=dagar))


def delegationsrad(dnr: str, beslut: str, datum: str, delegat: str) -> str:
    """One reported delegationsbeslut as the anmälan lists it:
    'KS 2026/0100 Yttrande över remiss (2026-03-02, Eva Ek)'."""
    extra = ", ".join(x for x in (datum, delegat) if x)
    return " ".join(x for x in (dnr, beslut) if x) + (f" ({extra})" if extra else "")


# --- what changed between two kallelser ----------------------------------------------------


def _arende_label(a: Mapping[str, Any]) -> str:
    dnr = f" ({a['dnr']})" if a.get("dnr") else ""
    return f"§ {a['paragraf']} {a['rubrik']}{dnr}"


def andringar(fore: Mapping[str, Any], efter: Mapping[str, Any]) -> list[str]:
    """What a later kallelse changes, in sentences the recipients read first. Both are
    `innehall` snapshots: datum, tid, plats and arenden (each with key, paragraf, rubrik,
    dnr, forslag, handlingar)."""
    said: list[str] = []
    if fore.get("datum") != efter.get("datum"):
        said.append(f"Sammanträdet är flyttat från {fore.get('datum')} till {efter.get('datum')}.")
    if fore.get("tid") != efter.get("tid"):
        said.append(f"Ny tid: {efter.get('tid') or 'ej angiven'} (tidigare {fore.get('tid')}).")
    if fore.get("plats") != efter.get("plats"):
        said.append(f"Ny plats: {efter.get('plats')} (tidigare {fore.get('plats')}).")
    old: Sequence[Mapping[str, Any]] = fore.get("arenden", [])
    new: Sequence[Mapping[str, Any]] = efter.get("arenden", [])
    old_by = {a["key"]: a for a in old}
    new_by = {a["key"]: a for a in new}
    for a in new:
        was = old_by.get(a["key"])
        if was is None:
            said.append(f"Nytt ärende: {_arende_label(a)}.")
            continue
        parts: list[str] = []
        if was["rubrik"] != a["rubrik"]:
            parts.append(f"ny rubrik (tidigare ”{was['rubrik']}”)")
        if was.get("forslag") != a.get("forslag"):
            parts.append("ändrat förslag till beslut")
        if list(was.get("handlingar", [])) != list(a.get("handlingar", [])):
            parts.append("ändrade handlingar")
        if was["paragraf"] != a["paragraf"] and not parts:
            parts.append(f"nu som § {a['paragraf']} (tidigare § {was['paragraf']})")
        if parts:
            said.append(f"{_arende_label(a)}: {', '.join(parts)}.")
    for a in old:
        if a["key"] not in new_by:
            said.append(f"Utgår: {_arende_label(a)}.")
    return said
