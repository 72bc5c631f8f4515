"""What every edit dialog shares: an inline error line, geometry per dialog, and an OK that
saves through a service and stays open with the entered data when the service refuses."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractSpinBox, QDialog, QLabel, QWidget

from secretary.services.errors import ServiceError
from secretary.ui.common import restore_geometry, save_geometry
from secretary.ui.context import AppContext


class EditDialog(QDialog):
    settings_key = "dialogs/edit"

    def __init__(self, ctx: AppContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def _finish_setup(self, error_label: QLabel) -> None:
        self._error_label = error_label
        error_label.setStyleSheet("color: #b00020;")
        error_label.setVisible(False)
        for edit in self.findChildren(QAbstractSpinBox):  # numbers and dates: no full width
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("2026-12-31") + 60)
        self.resize(self.width(), self.sizeHint().height())
        restore_geometry(self.ctx.settings, self.settings_key, self)

    def show_error(self, message: str) -> None:
        self._error_label.setText(message)
        self._error_label.setVisible(bool(message))

    def save(self) -> str:
        """Call the service; return what changed ('register', 'meetings', 'agenda')."""
        raise NotImplementedError

    def problems(self) -> list[str]:
        """Swedish reasons the form cannot be saved, checked before the service is asked."""
        return []

    def accept(self) -> None:
        problems = self.problems()
        if problems:
            self.show_error(" ".join(problems))
            return
        try:
            topic = self.save()
        except ServiceError as exc:
            self.show_error(str(exc))
            return
        self.show_error("")
        self.ctx.changes.changed.emit(topic)
        super().accept()

    def done(self, result: int) -> None:
        save_geometry(self.ctx.settings, self.settings_key, self)
        super().done(result)
