"""The command line: `python -m secretary [--db PATH|URL] COMMAND [--db PATH|URL]`. No Qt here."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence

from secretary.services.errors import ServiceError
from secretary.store.errors import StoreError


def _global(default: object) -> argparse.ArgumentParser:
    """The options that go before or after the command: a parent of the program's parser (with
    the real defaults) and of every command's (with SUPPRESS, so a command's parser, which
    parses after the program's, keeps a --db given before the command). Two parents, not one:
    the parsers they are given to share their actions, defaults included."""
    g = argparse.ArgumentParser(add_help=False)
    g.add_argument(
        "--db",
        default=default,
        help="databasfil eller databas-URL (standard: en fil i användarens datamapp)",
    )
    return g


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="secretary",
        description="Protokollföring för kommunala organ. Utan kommando öppnas fönstret.",
        parents=[_global(None)],
    )
    p.add_argument("--self-test", action="store_true", help="kontrollera installationen, avsluta")
    sub = p.add_subparsers(dest="command", metavar="KOMMANDO")
    common = _global(argparse.SUPPRESS)

    def command(name: str, text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=text, description=text, parents=[common])

    demo = command("demo", "skapa exempeldata (Exempelstad) i databasen")
    demo.add_argument("--force", action="store_true", help="även om databasen inte är tom")
    command("list", "visa organen och deras sammanträden med id, datum och läge")
    pdf = command("pdf", "skriv protokoll, utdrag eller anslagsbevis som PDF")
    pdf.add_argument("--meeting", type=int, required=True, metavar="ID", help="sammanträdets id")
    pdf.add_argument(
        "--kind", choices=PDF_KINDS, default="protokoll", help="vilket dokument (protokoll)"
    )
    pdf.add_argument(
        "--paragraf", type=int, action="append", metavar="N", help="§ i utdraget (upprepas)"
    )
    pdf.add_argument("--utkast", action="store_true", help="utkast: UTKAST på varje sida")
    pdf.add_argument("--anslag-upp", type=_date, metavar="ÅÅÅÅ-MM-DD", help="anslaget sätts upp")
    pdf.add_argument("--anslag-ned", type=_date, metavar="ÅÅÅÅ-MM-DD", help="anslaget tas ned")
    pdf.add_argument("--sekreterare", help="sekreterarens namn (standard: från närvarolistan)")
    pdf.add_argument("-o", "--output", required=True, metavar="FIL", help="PDF-filen att skriva")
    export = command("export", "exportera ett sammanträde med registeruppgifter till en JSON-fil")
    export.add_argument("--meeting", type=int, required=True, metavar="ID", help="sammanträdets id")
    export.add_argument("-o", "--output", required=True, metavar="FIL", help="filen att skriva")
    imp = command("import", "importera ett exporterat sammanträde (JSON-fil)")
    imp.add_argument("file", metavar="FIL", help="filen att läsa")
    return p


PDF_KINDS = ("protokoll", "utdrag", "anslagsbevis")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ogiltigt datum: {text} (skriv ÅÅÅÅ-MM-DD)") from None


def parse(argv: Sequence[str]) -> argparse.Namespace:
    return parser().parse_args(argv)


# Commands that only read: they open the database without the writer's lock, so they run
# while the window has it open (store.readonly).
READING = ("pdf", "list")


def run(args: argparse.Namespace) -> int:
    from secretary.services.databas import open_readonly, open_store

    try:
        store = open_readonly(args.db) if args.command in READING else open_store(args.db)
    except StoreError as exc:
        print(f"Fel: {exc}", file=sys.stderr)
        return 1
    try:
        if args.command == "demo":
            return _demo(store, force=args.force)
        if args.command == "pdf":
            from secretary.pdf_command import write_pdf

            return write_pdf(store, args)
        if args.command == "list":
            from secretary.list_command import write_list

            return write_list(store)
        if args.command in ("export", "import"):
            return _overforing(store, args)
        return 2
    except ServiceError as exc:
        print(f"Fel: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()


def _overforing(store: object, args: argparse.Namespace) -> int:
    """`export` and `import`: docs/overforingsformat.md describes the file."""
    from pathlib import Path

    from secretary.services import agenda, overforing
    from secretary.services.errors import NotFoundError
    from secretary.store.database import Store

    assert isinstance(store, Store)
    if args.command == "import":
        print(overforing.import_file(store, Path(args.file)).text)
        return 0
    try:
        title = agenda.get_meeting(store, args.meeting).title
    except NotFoundError:
        print(f"Fel: Det finns inget sammanträde med id {args.meeting}.", file=sys.stderr)
        return 1
    size = overforing.export_file(store, args.meeting, Path(args.output))
    print(f"Sammanträdet {title} är exporterat till {args.output} ({size / 1024:.0f} kB).")
    return 0


def _demo(store: object, *, force: bool) -> int:
    from secretary.services import demo
    from secretary.store.database import Store

    assert isinstance(store, Store)
    if not force and not demo.is_empty(store):
        print("Databasen innehåller redan data; ange --force för att ändå lägga till demon.")
        return 1
    summary = demo.create_demo(store)
    print(summary)
    return 0
