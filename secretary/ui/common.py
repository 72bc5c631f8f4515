"""Small helpers every window uses: messages, confirmation, geometry kept per window."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QByteArray, QDate, QSettings, QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QWidget,
)

from secretary.services.errors import ServiceError


def show_error(parent: QWidget | None, title: str, exc: ServiceError) -> None:
    """A refusal from a service: its message is already a Swedish sentence."""
    QMessageBox.warning(parent, title, str(exc))


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def set_tab_text(tabs: QTabWidget, index: int, text: str) -> None:
    """Only on a change: QTabWidget lays out the tab bar and every page again on each
    setTabText, and the session window sets its tab titles after every key press."""
    if tabs.tabText(index) != text:
        tabs.setTabText(index, text)


def restore_geometry(settings: QSettings, key: str, widget: QWidget) -> None:
    value = settings.value(f"{key}/geometry")
    if isinstance(value, QByteArray) and not value.isEmpty():
        widget.restoreGeometry(value)


def save_geometry(settings: QSettings, key: str, widget: QWidget) -> None:
    settings.setValue(f"{key}/geometry", widget.saveGeometry())


def restore_splitter(settings: QSettings, key: str, splitter: QSplitter) -> bool:
    value = settings.value(f"{key}/splitter")
    return isinstance(value, QByteArray) and not value.isEmpty() and splitter.restoreState(value)


def save_splitter(settings: QSettings, key: str, splitter: QSplitter) -> None:
    settings.setValue(f"{key}/splitter", splitter.saveState())


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def to_qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute)


def from_qtime(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


def lines(text: str) -> tuple[str, ...]:
    """One entry per non-empty line of a multi-line field."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def dialog_buttons(dialog: QDialog, ok_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    """The dialog's own action beside "Avbryt" (Qt's Cancel says "Cancel" without a
    translation loaded), wired to accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Avbryt")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok
