"""Every window fits and is usable on 1366×768, the common municipal laptop (issue 13): it
opens no larger than the screen's free area, its layout needs no more than that, and a size
saved on a larger screen comes back inside the smaller one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QPushButton, QWidget

from secretary.services import arbetsgang, dokument
from secretary.ui.common import fit_into, restore_geometry, save_geometry
from secretary.ui.documents.preview import PreviewDialog
from secretary.ui.justering.window import JusteringWindow
from secretary.ui.main_window import MainWindow
from secretary.ui.session.window import SessionWindow
from secretary.ui.sok import SokDialog
from tests.services.justering_helpers import MOTE, utkast

# 1366×768 less a 40 px task bar
LAPTOP = QRect(0, 0, 1366, 728)


def _windows(ctx: Any) -> dict[str, Callable[[], QWidget]]:
    meeting_id, _, _ = utkast(ctx.store)
    arbetsgang.skicka_for_justering(ctx.store, meeting_id, MOTE)
    doc = dokument.protokoll(ctx.store, meeting_id, utkast=True)
    return {
        "huvudfönstret": lambda: MainWindow(ctx),
        "sammanträdesläget": lambda: SessionWindow(ctx, meeting_id),
        "justeringen": lambda: JusteringWindow(ctx, meeting_id),
        "förhandsvisningen": lambda: PreviewDialog(ctx.settings, doc),
        "sökningen": lambda: SokDialog(ctx),
    }


@pytest.mark.parametrize(
    "name", ["huvudfönstret", "sammanträdesläget", "justeringen", "förhandsvisningen", "sökningen"]
)
def test_each_window_fits_a_1366_by_768_laptop(qtbot: Any, ctx: Any, name: str) -> None:
    window = _windows(ctx)[name]()
    qtbot.addWidget(window)
    window.show()
    need = window.minimumSizeHint()
    assert need.width() <= LAPTOP.width() and need.height() <= LAPTOP.height(), (
        f"{name} behöver minst {need.width()}×{need.height()}"
    )
    fit_into(window, LAPTOP)
    assert LAPTOP.contains(window.frameGeometry()), f"{name}: {window.frameGeometry()}"
    for button in window.findChildren(QPushButton):
        if button.isVisible():
            corner = button.mapTo(window, button.rect().bottomRight())
            assert window.rect().contains(corner), f"{name}: {button.text()} utanför fönstret"


def test_a_size_saved_on_a_big_screen_comes_back_inside_the_screen(qtbot: Any, ctx: Any) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.setGeometry(0, 0, 2400, 1500)
    save_geometry(ctx.settings, "prov", window)
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    restore_geometry(ctx.settings, "prov", again)
    screen = again.screen().availableGeometry()
    assert again.width() <= max(screen.width(), again.minimumSizeHint().width())
    assert again.height() <= max(screen.height(), again.minimumSizeHint().height())
