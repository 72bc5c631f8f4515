"""Key names in Swedish, from one source: Qt's own names (qtbase_sv), which the menus show
beside each action. Hints, panel headings and buttons pass their key names through here, so
a menu saying "Ctrl+Skift+Z" and a hint saying "Ctrl+Shift+Z" cannot happen again.

Texts are written with Qt's portable names ("Ctrl+Shift+Z", "Ctrl+PgDown", "Delete") and
translated when shown, after the application has loaded its translation.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QKeySequence

PORTABLE = QKeySequence.SequenceFormat.PortableText
NATIVE = QKeySequence.SequenceFormat.NativeText

_KEY = r"F\d{1,2}|PgDown|PgUp|Return|Enter|Up|Down|Left|Right|Delete|Backspace|Tab|Home|End|Esc|\w"
_MODIFIED = rf"(?:(?:Ctrl|Alt|Shift|Meta)\+)+(?:{_KEY})"
_NAMED = r"(?:PgDown|PgUp|Return|Delete|Backspace|Insert)"
_TOKEN = re.compile(rf"(?<![\w+]){_MODIFIED}(?![\w+])|(?<![\w+]){_NAMED}(?![\w+])")


def namn(keys: str) -> str:
    """One key combination by Qt's portable name, as the menus show it."""
    seq = QKeySequence(keys, PORTABLE)
    if seq.isEmpty() or seq.toString(PORTABLE) != keys:
        return keys
    return seq.toString(NATIVE)


def i_text(text: str) -> str:
    """Every key combination in a running text by its shown name."""
    return _TOKEN.sub(lambda m: namn(m.group(0)), text)


def av(seq: QKeySequence) -> str:
    """The name an action's shortcut has in its menu."""
    return seq.toString(NATIVE)
