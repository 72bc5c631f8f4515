"""`python -m secretary pdf`: the protocol, an utdrag or the anslagsbevis, without a window.

Exit codes: 0 written, 1 refused (with a Swedish reason on stderr), 2 wrong arguments."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from secretary.services import dokument
from secretary.services.dokument import Anslag
from secretary.services.errors import NotFoundError, ServiceError
from secretary.services.protokoll import lagrat_anslag
from secretary.store.database import Store


class Vagran(Exception):
    """Why the PDF cannot be made, with the exit code."""

    def __init__(self, text: str, code: int = 1) -> None:
        super().__init__(text)
        self.code = code


def render(store: Store, args: argparse.Namespace) -> bytes:
    """The PDF's bytes; raises Vagran with a Swedish reason."""
    wanted = list(args.paragraf or ())
    try:
        stored = lagrat_anslag(store, args.meeting)
    except NotFoundError:
        raise Vagran(f"Det finns inget sammanträde med id {args.meeting}.") from None
    anslag = Anslag(args.anslag_upp or stored.uppsatt, args.anslag_ned or stored.nedtagen)
    options = {"anslag": anslag, "sekreterare": args.sekreterare}
    try:
        if args.kind == "utdrag":
            if not wanted:
                raise Vagran("Ange vilka paragrafer utdraget ska innehålla med --paragraf N.", 2)
            return dokument.utdrag(store, args.meeting, wanted, utkast=args.utkast, **options).pdf
        if args.kind == "anslagsbevis":
            return dokument.anslagsbevis(
                store, args.meeting, paragrafer=wanted, utkast=args.utkast, **options
            ).pdf
        if wanted:
            raise Vagran("--paragraf gäller utdrag och anslagsbevis; protokollet har alla §§.", 2)
        return dokument.protokoll(store, args.meeting, utkast=args.utkast, **options).pdf
    except ServiceError as exc:
        raise Vagran(str(exc)) from None


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
