"""The application context handed to every window: no module singletons (style.md, habit 4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from secretary.services.databas import Store


class Changes(QObject):
    """One signal for 'the data changed': views refresh from it. The str names what changed
    ('register', 'agenda', 'meetings'), so a view can ignore what it does not show."""

    changed = Signal(str)
    # A sentence for the main window's status bar from a window closing (a meeting left open).
    said = Signal(str)


@dataclass
class AppContext:
    store: Store
    settings: QSettings
    log_file: Path | None = None
    clock: Callable[[], dt.datetime] = dt.datetime.now
    changes: Changes = field(default_factory=Changes)
