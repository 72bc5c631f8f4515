"""Bestyrkta utdrag and anslagsbevis in the window, as the secretary would (issue 12): from
the Dokument menu, issue an utdrag of a justerat meeting for signing, see it wait in the
list and in the meeting's header, record that the bestyrkare signed it on paper; and the
same for the anslagsbevis, with a date before the justering refused in Swedish."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from secretary.domain.underskrift import Satt, Status
from secretary.services import arbetsgang, bestyrkande
from secretary.ui.context import AppContext
from secretary.ui.documents.anslag_dialog import AnslagDialog
from secretary.ui.documents.preview import PreviewDialog
from secretary.ui.documents.utdrag_dialog import UtdragDialog
from secretary.ui.main_window import MainWindow
from secretary.ui.navigator import MEETING
from secretary.ui.signering import PapperDialog
from tests.services.justering_helpers import utkast
from tests.ui.helpers import answer_dialogs, choose


def _warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def warn(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    for kind in ("warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(warn))
    return shown


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> tuple[MainWindow, int]:
    now = dt.datetime.now().replace(microsecond=0)
    ctx.clock = lambda: now
    meeting_id, _, _ = utkast(ctx.store)
    arbetsgang.skicka_for_justering(ctx.store, meeting_id, now - dt.timedelta(minutes=5))
    arbetsgang.justera(ctx.store, meeting_id, now - dt.timedelta(minutes=4))
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    choose(w, MEETING, meeting_id)
    return w, meeting_id


def test_an_utdrag_issued_and_signed_on_paper(
    window: tuple[MainWindow, int], ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    w, meeting_id = window
    errors = _warnings(monkeypatch)
    dialog = w.documents.utdrag()
    assert isinstance(dialog, UtdragDialog)
    panel = dialog.panel
    assert panel.table.rowCount() == 0 and not panel.papper_button.isEnabled()
    assert dialog.bestyrkare_edit.text() == "Eva Kristensson"  # the sekreterare by default
    assert dialog.utfarda_button.isEnabled()

    dialog.set_chosen({dialog.underlag.paragrafer[2].paragraf})
    issued = dialog.utfarda()
    assert errors == []
    assert len(issued) == 1 and panel.table.rowCount() == 1
    assert panel.table.item(0, 1).text() == "Bestyrkare Eva Kristensson"
    assert panel.table.item(0, 2).text() == "Väntar"
    assert panel.papper_button.isEnabled() and not panel.visa_button.isEnabled()
    assert not panel.rapport_button.isEnabled()  # nothing to report before it is signed
    assert "1 bestyrkande väntar på underskrift" in w.agenda_page.title.text()

    idag = ctx.clock().date()
    seen = answer_dialogs(monkeypatch, PapperDialog, lambda d: d.date_edit.setDate(idag))
    signed = panel.papper()
    assert errors == [] and len(seen) == 1
    assert "utdraget" in seen[0].findChildren(type(dialog.summary))[0].text()
    assert signed is not None and signed.signatar.satt is Satt.PAPPER
    assert panel.table.item(0, 2).text() == f"Signerat {idag.isoformat()} på papper"
    assert panel.table.item(0, 3).text() == "Antecknat av sekreteraren"
    assert not panel.papper_button.isEnabled()
    assert "bestyrkande" not in w.agenda_page.title.text()
    assert panel.rapport_button.isEnabled()
    preview = panel.rapport()
    assert errors == [] and isinstance(preview, PreviewDialog)
    assert "Valideringsrapport, Bestyrkt utdrag nr 1" in preview.windowTitle()
    preview.close()
    (b,) = bestyrkande.bestyrkanden(ctx.store, meeting_id).rader
    assert b.signatar.status is Status.SIGNERAT and b.signatar.datum == idag
    dialog.close()


def test_an_anslagsbevis_dated_before_the_justering_is_refused_then_issued(
    window: tuple[MainWindow, int], ctx: AppContext, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    w, meeting_id = window
    errors = _warnings(monkeypatch)
    idag = ctx.clock().date()
    dialog = AnslagDialog(idag, w, ctx=ctx, meeting_id=meeting_id)
    qtbot.addWidget(dialog)
    dialog.dates_box.setChecked(True)
    dialog.upp_edit.setMinimumDate(dialog.upp_edit.minimumDate().addDays(-30))
    dialog.upp_edit.setDate(idag - dt.timedelta(days=2))
    assert dialog.utfarda() is None
    assert errors and "före justeringen" in errors[-1]
    assert dialog.panel.table.rowCount() == 0

    dialog.upp_edit.setDate(idag)
    issued = dialog.utfarda()
    assert issued is not None and issued.text == "Anslagsbevis nr 1"
    assert dialog.panel.table.item(0, 1).text() == "Underskrift Eva Kristensson"
    seen = answer_dialogs(monkeypatch, PapperDialog, lambda d: d.date_edit.setDate(idag))
    assert dialog.panel.papper() is not None and len(seen) == 1
    assert dialog.panel.table.item(0, 2).text().startswith("Signerat")
