"""Keep None, True and False alive: a guard against a reference leak in PySide6 6.12 on
Python 3.11.

Some shiboken conversion paths hand Python a None they never took a reference for (found
by measuring `sys.getrefcount(None)`: a model's headerDataChanged, `QModelIndex.data()` of
an empty role, and others not yet pinned down). On Python 3.11 None is not immortal: on a
61-seat fullmäktige the count falls by several hundred per action, and after a few hundred
actions the interpreter aborts with "Fatal Python error: none_dealloc", taking the session
window with it. True and False leak the same way ("bool_dealloc").

The guard tops None's count back up to where it stood when the window opened, after every
refresh and every few seconds. An extra reference on None is harmless (it is never freed),
so this is safe whatever the leak's cause; on Python 3.12+ (immortal None) it does nothing.
Remove it when a fixed PySide6 is pinned.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, QTimer

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None

IMMORTAL = sys.version_info >= (3, 12)
_SINGLETONS = (None, True, False)


class NoneGuard(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = 2000) -> None:
        super().__init__(parent)
        self.levels = {id(o): (o, sys.getrefcount(o)) for o in _SINGLETONS}
        self.topped_up = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.top_up)
        if not IMMORTAL:
            self._timer.start(interval_ms)

    def top_up(self) -> None:
        if IMMORTAL:
            return
        for obj, level in self.levels.values():
            missing = level - sys.getrefcount(obj)
            for _ in range(missing):
                _incref(obj)
            self.topped_up += max(missing, 0)
