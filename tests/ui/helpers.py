"""Helpers for widget tests: run a modal dialog without blocking, pick things in the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from secretary.ui.main_window import MainWindow


def answer_dialogs(
    monkeypatch: pytest.MonkeyPatch, cls: type[QDialog], fill: Callable[[Any], None]
) -> list[Any]:
    """Make `cls.exec()` fill the dialog as a user would and press OK; returns the dialogs.

    A ServiceError inside accept() leaves the dialog open: exec then reports Rejected, as if
    the user had given up after reading the message."""
    opened: list[Any] = []

    def fake_exec(self: QDialog) -> int:
        opened.append(self)
        fill(self)
        self.accept()
        return int(self.result())

    monkeypatch.setattr(cls, "exec", fake_exec)
    return opened


def answer_questions(monkeypatch: pytest.MonkeyPatch, yes: bool) -> list[str]:
    """Patch QMessageBox.question; returns the texts asked."""
    asked: list[str] = []
    button = QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def choose(window: MainWindow, kind: str, id_: int) -> None:
    assert window.navigator.select((kind, id_)), f"{kind} {id_} finns inte i trädet"
