"""`python -m secretary pdf`: the protocol, an utdrag or the anslagsbevis, without a window.

Exit codes: 0 written, 1 refused (with a Swedish reason on stderr), 2 wrong arguments."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from secretary.services import agenda
from secretary.services.errors import ServiceError
from secretary.services.protokoll import lagrat_anslag, protokoll_data
from secretary.services.protokoll_data import Anslag
from secretary.store.database import Store


class Vagran(Exception):
    """Why the PDF cannot be made, with the exit code."""

    def __init__(self, text: str, code: int = 1) -> None:
        super().__init__(text)
        self.code = code


def render(store: Store, args: argparse.Namespace) -> bytes:
    """The PDF's bytes; raises Vagran with a Swedish reason."""
    try:
        agenda.get_meeting(store, args.meeting)
    except ServiceError:
        raise Vagran(f"Det finns inget sammanträde med id {args.meeting}.") from None
    lagrat = lagrat_anslag(store, args.meeting)
    anslag = Anslag(args.anslag_upp or lagrat.uppsatt, args.anslag_ned or lagrat.nedtagen)
    data = protokoll_data(store, args.meeting, anslag=anslag, sekreterare=args.sekreterare)
    wanted = set(args.paragraf or ())
    missing = sorted(wanted - {p.paragraf for p in data.arenden})
    if missing:
        raise Vagran(
            f"§ {', '.join(map(str, missing))} finns inte i sammanträdet {data.paragrafer}."
        )
    if args.kind == "utdrag":
        if not wanted:
            raise Vagran("Ange vilka paragrafer utdraget ska innehålla med --paragraf N.", 2)
        from secretary.reports.utdrag import utdrag_pdf

        return utdrag_pdf(data.utdrag(wanted), utkast=args.utkast)
    if args.kind == "anslagsbevis":
        from secretary.reports.anslagsbevis import anslagsbevis_pdf

        chosen = data.utdrag(wanted).valda_paragrafer if wanted else None
        return anslagsbevis_pdf(data, paragrafer=chosen, utkast=args.utkast)
    if wanted:
        raise Vagran("--paragraf gäller utdrag och anslagsbevis; protokollet har alla §§.", 2)
    from secretary.reports.protokoll import protokoll_pdf

    return protokoll_pdf(data, utkast=args.utkast)


def _fel(text: str, code: int = 1) -> int:
    print(f"Fel: {text}", file=sys.stderr)
    return code


def write_pdf(store: Store, args: argparse.Namespace) -> int:
    try:
        result = render(store, args)
    except Vagran as exc:
        return _fel(str(exc), exc.code)
    out = Path(args.output)
    try:
        out.write_bytes(result)
    except FileNotFoundError:
        return _fel(f"kunde inte skriva {out}: mappen finns inte.")
    except PermissionError:
        return _fel(f"kunde inte skriva {out}: behörighet saknas.")
    except OSError as exc:
        return _fel(f"kunde inte skriva {out}: {exc}")
    print(f"Skrev {out} ({len(result) // 1024} kB).")
    return 0
