"""The command line: `python -m secretary [--db PATH|URL] COMMAND`. No Qt here."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from secretary.services.errors import ServiceError
from secretary.store.errors import StoreError


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="secretary",
        description="Protokollföring för kommunala organ. Utan kommando öppnas fönstret.",
    )
    p.add_argument(
        "--db",
        help="databasfil eller databas-URL (standard: en fil i användarens datamapp)",
    )
    sub = p.add_subparsers(dest="command", metavar="KOMMANDO")
    demo = sub.add_parser("demo", help="skapa exempeldata (Exempelstad) i databasen")
    demo.add_argument("--force", action="store_true", help="även om databasen inte är tom")
    return p


def parse(argv: Sequence[str]) -> argparse.Namespace:
    return parser().parse_args(argv)


def run(args: argparse.Namespace) -> int:
    from secretary.store.database import open_store

    try:
        store = open_store(args.db)
    except StoreError as exc:
        print(f"Fel: {exc}", file=sys.stderr)
        return 1
    try:
        if args.command == "demo":
            return _demo(store, force=args.force)
        return 2
    except ServiceError as exc:
        print(f"Fel: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()


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
