"""Process entry: early init (faulthandler, logging), then a command or the window.

`python -m secretary [--db PATH|URL] [COMMAND]`; without a command the window opens.
`--self-test` checks an installation on a temporary database (secretary/self_test.py).
Qt is imported only when the window is wanted, so commands run on machines without a screen.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
from collections.abc import Sequence
from logging.handlers import RotatingFileHandler
from pathlib import Path

from secretary.store.paths import log_dir

log = logging.getLogger("secretary")


def setup_logging() -> Path | None:
    """Log to the per-user log directory; returns the log file, or None if it is not writable."""
    root = logging.getLogger()
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(console)
    root.setLevel(logging.INFO)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    try:
        directory = log_dir()
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / "secretary.log"
        handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    faulthandler.enable(handler.stream)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    from secretary import cli

    args = cli.parse(sys.argv[1:] if argv is None else list(argv))
    if args.self_test:
        from secretary import self_test

        return self_test.run()
    log_file = setup_logging()
    if args.command:
        return cli.run(args)
    from secretary.ui.application import run_gui

    return run_gui(args.db, log_file)
