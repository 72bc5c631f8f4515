"""`python -m secretary list`: the organs and their meetings, with the ids the other commands
take (`pdf --meeting ID`, `export --meeting ID`), dates and states. Reads only, through the
services, so it runs beside a window that has the database open."""

from __future__ import annotations

from secretary.domain.arbetsgang import tillstand
from secretary.domain.datum_text import klockslag
from secretary.services import agenda, register
from secretary.services.read.agenda import MeetingData
from secretary.store.database import Store


def _rad(m: MeetingData) -> str:
    tid = f"kl. {klockslag(m.planned_start)}" if m.planned_start else ""
    paragrafer = (
        f"§ {m.first_paragraf}–{m.first_paragraf + m.arende_count - 1}" if m.arende_count else ""
    )
    antal = f"{m.arende_count} ärende" + ("" if m.arende_count == 1 else "n")
    return (
        f"  {m.id:>5}  {m.date.isoformat()}  {tid:<9}  {tillstand(m.state).label:<13}  "
        f"{antal:<10}  {paragrafer}"
    ).rstrip()


def lines(store: Store) -> list[str]:
    organs = register.list_organs(store)
    if not organs:
        return ["Databasen har inga organ ännu."]
    out: list[str] = []
    for organ in organs:
        out += ["", f"{organ.name} (organ {organ.id})"]
        meetings = agenda.list_meetings(store, organ.id)
        if not meetings:
            out.append("  Inga sammanträden.")
            continue
        out.append(f"  {'id':>5}  {'datum':<10}  {'tid':<9}  {'läge':<13}  ärenden")
        out += [_rad(m) for m in meetings]
    return out[1:]


def write_list(store: Store) -> int:
    print("\n".join(lines(store)))
    return 0
