"""The import dialog: choose a file, see every row and problem, import all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from secretary.services import member_import, register
from secretary.services.errors import ServiceError
from secretary.ui.context import AppContext
from secretary.ui.import_dialog import ImportDialog, ImportPreviewModel
from tests import builders

GOOD = (
    "Förnamn;Efternamn;Parti;Roll;Funktion;Ordning;Titel\n"
    "Petra;Sandström;L;Ledamot;Ordförande;1;\n"
    "Åsa;Öhrström;S;Ledamot;;2;\n"
    "Märta;Ågren;S;Ersättare;;;\n"
    "Lars;Nilsson;;Övrig;;;Kommundirektör\n"
)
BROKEN = (
    "Förnamn;Efternamn;Parti;Roll;Funktion;Ordning\n"
    "Petra;Sandström;L;Ledamot;Ordförande;1\n"
    "Åsa;Öhrström;S;Ledamöter?;;2\n"
    "Jens;Holm;MP;Ledamot;Ordförande;3\n"
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("cp1252"))
    return path


@pytest.fixture
def organ_id(ctx: AppContext) -> int:
    return builders.organ(ctx.store)


@pytest.fixture
def dialog(qtbot: QtBot, ctx: AppContext, organ_id: int) -> ImportDialog:
    widget = ImportDialog(ctx, organ_id)
    qtbot.addWidget(widget)
    return widget


def import_button(dialog: ImportDialog) -> Any:
    return dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)


def cell(dialog: ImportDialog, row: int, column: int, role: int = 0) -> Any:
    model = dialog.model
    return model.data(model.index(row, column), Qt.ItemDataRole(role))


def test_a_good_file_is_shown_and_imported_on_accept(
    qtbot: QtBot, dialog: ImportDialog, ctx: AppContext, organ_id: int, tmp_path: Path
) -> None:
    assert not import_button(dialog).isEnabled()
    assert "Förnamn" in dialog.ui.helpLabel.text()

    dialog.set_path(write(tmp_path, "lista.csv", GOOD))

    assert dialog.model.rowCount() == 4
    assert cell(dialog, 1, ImportPreviewModel.EFTERNAMN) == "Öhrström"
    assert cell(dialog, 2, ImportPreviewModel.ROLL) == "Ersättare"
    assert cell(dialog, 2, ImportPreviewModel.ORDNING) == "1"
    assert dialog.ui.summaryLabel.text() == "4 rader: 4 nya. Inga fel – klicka på Importera."
    assert import_button(dialog).isEnabled()

    with qtbot.waitSignal(ctx.changes.changed) as changed:
        qtbot.mouseClick(import_button(dialog), Qt.MouseButton.LeftButton)
    assert changed.args == ["register"]
    assert dialog.result() == QDialog.DialogCode.Accepted
    names = [m.name for m in register.list_members(ctx.store, organ_id)]
    assert sorted(names) == ["Lars Nilsson", "Märta Ågren", "Petra Sandström", "Åsa Öhrström"]


def test_a_broken_file_shows_each_bad_row_and_cannot_be_imported(
    dialog: ImportDialog, tmp_path: Path
) -> None:
    dialog.set_path(write(tmp_path, "fel.csv", BROKEN))

    model = dialog.model
    assert [cell(dialog, r, ImportPreviewModel.RAD) for r in range(3)] == ["2", "3", "4"]
    assert cell(dialog, 0, ImportPreviewModel.FEL) == ""
    assert cell(dialog, 0, ImportPreviewModel.FEL, Qt.ItemDataRole.BackgroundRole) is None
    assert "Okänd roll ”Ledamöter?”" in cell(dialog, 1, ImportPreviewModel.FEL)
    assert cell(dialog, 2, ImportPreviewModel.FEL) == "Ordförande finns redan på rad 2."
    assert model.data(model.index(2, 1), Qt.ItemDataRole.BackgroundRole) is not None
    assert dialog.ui.summaryLabel.text() == "3 rader, 2 med fel – rätta filen och läs in den igen."
    assert not import_button(dialog).isEnabled()
    assert not dialog.ui.previewTable.isColumnHidden(ImportPreviewModel.FEL)


def test_a_junk_file_gives_a_swedish_message_in_the_dialog(
    dialog: ImportDialog, tmp_path: Path
) -> None:
    dialog.set_path(write(tmp_path, "lista.csv", GOOD))
    junk = tmp_path / "skräp.xlsx"
    junk.write_bytes(bytes(range(256)) * 4)

    dialog.set_path(junk)

    assert dialog.model.rowCount() == 0
    assert "inte en Excel-arbetsbok" in dialog.ui.summaryLabel.text()
    assert not import_button(dialog).isEnabled()


def test_choosing_a_file_uses_the_file_dialog_and_remembers_the_folder(
    dialog: ImportDialog, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "lista.csv", GOOD)
    asked: list[tuple[Any, ...]] = []

    def fake_open(*args: Any) -> tuple[str, str]:
        asked.append(args)
        return str(path), args[3]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake_open)
    dialog.ui.chooseButton.click()

    assert asked[0][3] == "Medlemslistor (*.xlsx *.csv)"
    assert dialog.model.rowCount() == 4
    assert ctx.settings.value("import/last_dir") == str(tmp_path)


def test_cancelling_the_file_dialog_changes_nothing(
    dialog: ImportDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: ("", ""))
    dialog.ui.chooseButton.click()
    assert dialog.model.rowCount() == 0
    assert not import_button(dialog).isEnabled()


def test_a_refused_import_shows_the_reason_and_keeps_the_dialog_open(
    dialog: ImportDialog,
    ctx: AppContext,
    organ_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog.set_path(write(tmp_path, "lista.csv", GOOD))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))

    def refuse(*_args: Any) -> None:
        raise ServiceError("Rad 3: Disken är full. Inget har importerats.")

    monkeypatch.setattr(member_import, "apply_import", refuse)
    emitted: list[str] = []
    ctx.changes.changed.connect(emitted.append)
    import_button(dialog).click()

    assert shown == ["Rad 3: Disken är full. Inget har importerats."]
    assert emitted == []
    assert dialog.result() == 0
    assert register.list_members(ctx.store, organ_id) == []


def test_the_preview_model_passes_qtmodeltester(
    qtmodeltester: ModelTester, tmp_path: Path, ctx: AppContext, organ_id: int
) -> None:
    model = ImportPreviewModel()
    model.set_preview(member_import.read_member_file(write(tmp_path, "fel.csv", BROKEN)))
    qtmodeltester.check(model)
    model.set_preview(
        member_import.preview_import(ctx.store, organ_id, write(tmp_path, "g.csv", GOOD))
    )
    qtmodeltester.check(model)
    model.set_preview(None)
    qtmodeltester.check(model)
