"""The meeting's window after the meeting (issue 6)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from secretary.ui.context import AppContext


class JusteringWindow(QDialog):
    def __init__(self, ctx: AppContext, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.setWindowTitle("Protokoll och justering")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
