"""Small helpers every window uses: messages, confirmation, geometry kept per window."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QByteArray, QDate, QRect, QSettings, QTime
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
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


def quit_program() -> bool:
    """Ctrl+Q from any window: close every window, the session and protocol windows first
    (each asks about unsaved text as when closed alone), then end the program, which lets
    go of the database lock. False when a window chose to stay open."""
    app = QApplication.instance()
    windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
    windows.sort(key=lambda w: type(w).__name__ == "MainWindow")  # the main window last
    for window in windows:
        if not window.close():
            return False
    if app is not None:
        app.quit()
    return True


def allow(act: QAction, possible: bool, hinder: str | None = None) -> None:
    """Enable `act` when it is possible and nothing stands in the way; otherwise disable it
    and let its tooltip (and status tip) say why, so a justerat meeting does not offer an
    edit that would only be refused after its dialog."""
    act.setEnabled(possible and hinder is None)
    base = act.text().replace("&", "")
    reason = hinder if possible and hinder else ""
    act.setToolTip(f"{base}: {reason}" if reason else base)
    act.setStatusTip(reason)


def restyle(widget: QWidget, style: str) -> None:
    """Only on a change: Qt re-polishes and lays out a widget on every setStyleSheet, which on
    each key press of a live session cost a repaint of what did not change."""
    if widget.styleSheet() != style:
        widget.setStyleSheet(style)


def set_tab_text(tabs: QTabWidget, index: int, text: str) -> None:
    """Only on a change: QTabWidget lays out the tab bar and every page again on each
    setTabText, and the session window sets its tab titles after every key press."""
    if tabs.tabText(index) != text:
        tabs.setTabText(index, text)


def restore_geometry(
    settings: QSettings, key: str, widget: QWidget, preferred: tuple[int, int] | None = None
) -> None:
    """The size the window had last time, or `preferred`; either way inside the screen's
    free area, so a window never opens larger than the screen or with its buttons off it
    (the common municipal laptop has 1366×768, and a saved size may come from a larger
    screen)."""
    if preferred is not None:
        widget.resize(*preferred)
    value = settings.value(f"{key}/geometry")
    if isinstance(value, QByteArray) and not value.isEmpty():
        widget.restoreGeometry(value)
    screen = widget.screen()
    if screen is not None:
        fit_into(widget, screen.availableGeometry())


def fit_into(widget: QWidget, area: QRect) -> None:
    """Shrink `widget` to `area` (never below what its layout needs) and move it inside."""
    frame = widget.frameGeometry().size() - widget.geometry().size()
    width = min(widget.width(), area.width() - frame.width())
    height = min(widget.height(), area.height() - frame.height())
    widget.resize(max(width, widget.minimumSizeHint().width(), 1), max(height, 1))
    x = min(max(widget.x(), area.left()), area.right() + 1 - widget.frameGeometry().width())
    y = min(max(widget.y(), area.top()), area.bottom() + 1 - widget.frameGeometry().height())
    widget.move(max(x, area.left()), max(y, area.top()))


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
