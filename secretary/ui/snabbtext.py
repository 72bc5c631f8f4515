"""A one-line text that changes at almost every key press without laying out the window.

QLabel.setText asks its parent's layout to be redone whenever the text changes (the size it
needs may have changed), and that request climbs to the window: after every vote of a roll
call the whole § panel, a long form in a scroll area, was laid out again for the count
"4 ja, 0 nej …". Here the label sits in a holder without a layout: the label's request stops
at the holder, which keeps one line's height and takes the width its own layout gives it.
A text too long for the width is cut at the right edge, so this is for short counts. With
no text the holder is hidden, as an empty label takes no room either.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class Snabbtext(QWidget):
    def __init__(self, style: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setStyleSheet(style)
        self.label.setText("Ag")  # one line in the stylesheet's font, for the height
        self.label.ensurePolished()
        self._height = self.label.sizeHint().height()
        self.label.setText("")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self._height)
        self.setVisible(False)

    def setText(self, text: str) -> None:
        self.label.setText(text)
        if self.isHidden() == bool(text):  # only on a change: showing lays out the parent
            self.setVisible(bool(text))

    def text(self) -> str:
        return self.label.text()

    def sizeHint(self) -> QSize:
        return QSize(self.label.sizeHint().width(), self._height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.label.setGeometry(0, 0, event.size().width(), self._height)
        super().resizeEvent(event)
