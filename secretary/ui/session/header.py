"""The session header: which meeting, which §, where changes land, and beslutförhet.

Beslutförhet is the one thing that must be readable from across the room, so it is a large
badge with its text (not colour alone), re-set after every change.

The badge has a fixed size. Its count changes with almost every key press of the upprop, and
a label whose size may change makes Qt lay out the whole window again after each setText (the
header's layout, then every panel and table beneath it): that relayout was a fifth of a key
press. A fixed-size widget's text change stops at the widget; the height follows the text
only when the number of lines changes (`_fit`), which is one relayout, not one per key.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from secretary.domain.ersattare import Beslutforhet
from secretary.ui.common import restyle
from secretary.ui.tangenter import i_text

OK_STYLE = (
    "QLabel { background: #15803d; color: white; border-radius: 6px;"
    " padding: 8px 14px; font-size: 15pt; font-weight: bold; }"
)
LOST_STYLE = (
    "QLabel { background: #b91c1c; color: white; border-radius: 6px;"
    " padding: 8px 14px; font-size: 15pt; font-weight: bold; }"
)
NONE_STYLE = (
    "QLabel { background: #e5e7eb; color: #374151; border-radius: 6px;"
    " padding: 8px 14px; font-size: 15pt; }"
)


def _label(style: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(style)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setWordWrap(True)  # a long rubrik wraps instead of widening the window off the screen
    return label


class SessionHeader(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionHeader")
        self.setStyleSheet("#sessionHeader { background: #f3f4f6; border-bottom: 1px solid #ccc; }")
        self.title = _label("font-size: 13pt; font-weight: bold; color: #111827;", self)
        self.meta = _label("color: #4b5563;", self)
        self.paragraf = _label("font-size: 15pt; font-weight: bold; color: #111827;", self)
        self.paragraf.setAccessibleName("Aktuell paragraf")
        self.grans = _label("font-size: 11pt; color: #92400e;", self)
        self.badge = _label(NONE_STYLE, self)
        self.badge.setAccessibleName("Beslutförhet")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Wide enough for "✖ 888 av 888 tjänstgör – beslutförhet saknas" on one line (measured
        # unwrapped, in the bold font and padding of the styles that show a count).
        self.badge.setStyleSheet(LOST_STYLE)
        self.badge.setText("✖ 888 av 888 tjänstgör – beslutförhet saknas")
        self.badge.setWordWrap(False)
        self.badge.ensurePolished()
        self.badge.setFixedWidth(self.badge.sizeHint().width())
        self.badge.setWordWrap(True)
        self.badge.setStyleSheet(NONE_STYLE)
        self._fit(self.badge)
        self.badge_note = _label("color: #374151;", self)
        self.badge_note.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.override_button = QPushButton(
            f"Fortsätt ändå (loggas)…  {i_text('Ctrl+Shift+B')}", self
        )
        self.override_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.override_button.hide()

        left = QVBoxLayout()
        left.setSpacing(2)
        for w in (self.title, self.meta, self.paragraf, self.grans):
            left.addWidget(w)
        right = QVBoxLayout()
        right.setSpacing(4)
        right.addWidget(self.badge)
        right.addWidget(self.badge_note)
        right.addWidget(self.override_button, 0, Qt.AlignmentFlag.AlignRight)
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)

    def set_quorum(
        self, quorum: Beslutforhet | None, note: str = "", override: bool = False
    ) -> None:
        if quorum is None:
            restyle(self.badge, NONE_STYLE)
            self.badge.setText("Inget ärende")
        else:
            text = quorum.text[0].upper() + quorum.text[1:]
            if not quorum.ok and override:
                text += "\nUndantag bekräftat och loggat"
            restyle(self.badge, OK_STYLE if quorum.ok else LOST_STYLE)
            self.badge.setText(("✔ " if quorum.ok else "✖ ") + text)
        self._fit(self.badge)
        self.badge_note.setText(note)
        self.badge_note.setVisible(bool(note))
        self.override_button.setVisible(quorum is not None and not quorum.ok and not override)

    @staticmethod
    def _fit(label: QLabel) -> None:
        """The fixed height the label's text needs at its fixed width, set only on a change."""
        need = label.heightForWidth(label.width())
        if need > 0 and need != label.height():
            label.setFixedHeight(need)
