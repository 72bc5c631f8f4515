"""Arkiv → Exportera / Importera sammanträde: the file dialogs and messages around the
transfer service. QFileDialog and QMessageBox are patched; no real dialog opens."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from secretary.services import agenda, demo, register
from secretary.ui import overforing
from secretary.ui.context import AppContext
from secretary.ui.main_window import MainWindow
from secretary.ui.navigator import MEETING
from tests.services.overforing_helpers import fresh


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    said: dict[str, list[str]] = {"information": [], "warning": []}
    for kind in said:
        monkeypatch.setattr(
            QMessageBox,
            kind,
            staticmethod(lambda _p, _t, text, *_a, _k=kind: said[_k].append(text)),
        )
    return said


@pytest.fixture
def other(tmp_path: Path, template_db: Path) -> Iterator[AppContext]:
    """A second database, as on another computer."""
    with fresh("sqlite", template_db) as store:
        yield AppContext(
            store=store,
            settings=QSettings(str(tmp_path / "andra.ini"), QSettings.Format.IniFormat),
        )


def _demo_window(qtbot, ctx: AppContext) -> tuple[MainWindow, int]:  # type: ignore[no-untyped-def]
    demo.create_demo(ctx.store)
    meeting_id = agenda.list_meetings(ctx.store, register.list_organs(ctx.store)[0].id)[0].id
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    return window, meeting_id


def _answer(monkeypatch: pytest.MonkeyPatch, name: str, path: Path | str) -> None:
    monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *_a, **_k: (str(path), "")))


def test_a_meeting_goes_out_to_a_file_and_in_to_another_database(  # type: ignore[no-untyped-def]
    qtbot, ctx, other: AppContext, tmp_path: Path, monkeypatch, messages
) -> None:
    window, meeting_id = _demo_window(qtbot, ctx)
    _answer(monkeypatch, "getSaveFileName", tmp_path / "ksau")

    path = overforing.export_meeting(window, ctx, meeting_id)

    assert path == tmp_path / "ksau.json" and path.is_file()
    assert (
        "Kommunstyrelsens arbetsutskott 2026-11-30 är exporterat till"
        in messages["information"].pop()
    )

    target = MainWindow(other)
    qtbot.addWidget(target)
    _answer(monkeypatch, "getOpenFileName", path)
    result = overforing.import_meeting(target, other, target.navigator.select)

    assert result is not None
    assert target.navigator.current() == (MEETING, result.meeting_id)
    assert (
        messages["information"]
        .pop()
        .startswith("Sammanträdet Kommunstyrelsens arbetsutskott 2026-11-30 är importerat.")
    )
    assert overforing.import_meeting(target, other, target.navigator.select) is None
    refusal = messages["warning"].pop()
    assert "Samma sammanträde importeras inte två gånger" in refusal
    assert refusal.endswith("Ingenting har importerats; databasen är oförändrad.")


def test_a_broken_file_is_refused_with_the_reason(  # type: ignore[no-untyped-def]
    ctx, tmp_path: Path, monkeypatch, messages
) -> None:
    broken = tmp_path / "trasig.json"
    broken.write_text('{"format": "secretary-sammantrade", "version": 1, "organ": {', "utf-8")
    _answer(monkeypatch, "getOpenFileName", broken)
    assert overforing.import_meeting(None, ctx) is None
    assert "Filen är inte giltig JSON: filen tar slut mitt i dokumentet" in messages["warning"][0]
    assert register.list_organs(ctx.store) == []


def test_cancelled_dialogs_do_nothing(ctx, monkeypatch, messages) -> None:  # type: ignore[no-untyped-def]
    demo.create_demo(ctx.store)
    meeting_id = agenda.list_meetings(ctx.store, register.list_organs(ctx.store)[0].id)[0].id
    _answer(monkeypatch, "getSaveFileName", "")
    _answer(monkeypatch, "getOpenFileName", "")
    assert overforing.export_meeting(None, ctx, meeting_id) is None
    assert overforing.import_meeting(None, ctx) is None
    assert overforing.export_meeting(None, ctx, None) is None
    assert messages == {"information": ["Välj först ett sammanträde i listan."], "warning": []}


def test_the_arkiv_menu_exports_the_selected_meeting_and_imports_it_elsewhere(  # type: ignore[no-untyped-def]
    qtbot, ctx, other: AppContext, tmp_path: Path, monkeypatch, messages
) -> None:
    window, meeting_id = _demo_window(qtbot, ctx)
    window.navigator.select((MEETING, meeting_id))
    assert window.export_meeting_action.isEnabled()
    _answer(monkeypatch, "getSaveFileName", tmp_path / "ksau.json")
    window.export_meeting_action.trigger()
    assert (tmp_path / "ksau.json").is_file()

    target = MainWindow(other)
    qtbot.addWidget(target)
    assert not target.export_meeting_action.isEnabled()  # nothing selected in an empty register
    _answer(monkeypatch, "getOpenFileName", tmp_path / "ksau.json")
    target.import_meeting_action.trigger()
    selection = target.navigator.current()
    assert selection is not None and selection[0] == MEETING
    assert target.agenda_page.isVisible() or target.stack.currentWidget() is target.agenda_page
