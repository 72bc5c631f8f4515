"""The register as the secretary uses it: organs and their ledamöter and ersättare."""

from __future__ import annotations

import sys
import types

from PySide6.QtWidgets import QDialog

from secretary.domain.register import Funktion, Roll
from secretary.services import register
from secretary.store.database import open_store
from secretary.ui.dialogs.member_dialog import MemberDialog
from secretary.ui.dialogs.organ_dialog import OrganDialog
from secretary.ui.main_window import MainWindow
from secretary.ui.models import MemberTableModel
from secretary.ui.navigator import ORGAN
from tests import builders
from tests.ui.helpers import answer_dialogs, answer_questions, choose


def make_window(qtbot, ctx) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    return window


def test_empty_database_says_what_to_do(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, ctx)
    assert window.stack.currentWidget() is window.empty_page
    assert "Nytt organ" in window.empty_page.text()


def test_new_organ_appears_in_the_tree(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, ctx)

    def fill(dialog: OrganDialog) -> None:
        dialog.ui.nameEdit.setText("Kultur- och fritidsnämnden")
        dialog.ui.dnrPatternEdit.setText("KFN ÅÅÅÅ/#+")
        assert dialog.ui.dnrExampleLabel.text() == "Exempel: KFN 2026/12"
        dialog.label_combos["expedieras"].setCurrentText("Skickas till")
        dialog.ui.partiordningEdit.setPlainText("Alla: S, M, L\nS: V, MP")

    answer_dialogs(monkeypatch, OrganDialog, fill)
    window.new_organ_action.trigger()

    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.organ_page)
    assert window.organ_page.title.text() == "Kultur- och fritidsnämnden"
    organ = register.list_organs(ctx.store)[0]
    assert organ.labels["expedieras"] == "Skickas till"
    assert organ.label_overrides == {"expedieras": "Skickas till"}
    assert register.get_party_order(ctx.store, organ.id) == {
        None: ["S", "M", "L"],
        "S": ["V", "MP"],
    }


def test_added_member_shows_in_table_and_survives_a_restart(  # type: ignore[no-untyped-def]
    qtbot, ctx, db_path, monkeypatch
) -> None:
    organ_id = builders.organ(ctx.store, "Kommunstyrelsen")
    builders.member(ctx.store, organ_id, "Anna Ek", "S", ordning=1)
    window = make_window(qtbot, ctx)
    choose(window, ORGAN, organ_id)

    def fill(dialog: MemberDialog) -> None:
        dialog.ui.firstNameEdit.setText("Karin")
        dialog.ui.lastNameEdit.setText("Strand Svensson")
        dialog.ui.partyCombo.setCurrentText("MP")
        dialog.set_roll(Roll.LEDAMOT)
        assert dialog.ui.ordningSpin.value() == 2  # the next free seat

    answer_dialogs(monkeypatch, MemberDialog, fill)
    window.organ_page.add_action.trigger()

    model = window.organ_page.model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    row = model.row_of(window.organ_page.current_member().membership_id)
    assert model.index(row, MemberTableModel.NAMN).data() == "Karin Strand Svensson"
    assert model.index(row, MemberTableModel.ORDNING).data() == "2"

    ctx.store.close()
    reopened = open_store(db_path)
    try:
        names = [m.label for m in register.list_members(reopened, organ_id)]
    finally:
        reopened.close()
    assert names == ["Anna Ek (S)", "Karin Strand Svensson (MP)"]


def test_refused_member_keeps_the_dialog_open_with_the_data(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    organ_id = builders.organ(ctx.store, "Kommunstyrelsen")
    builders.member(ctx.store, organ_id, "Anna Ek", "S", funktion=Funktion.ORDFORANDE)
    organ = register.get_organ(ctx.store, organ_id)
    dialog = MemberDialog(ctx, organ, None, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.firstNameEdit.setText("Bo")
    dialog.ui.lastNameEdit.setText("Berg")
    dialog.ui.partyCombo.setCurrentText("M")
    dialog.ui.funktionCombo.setCurrentIndex(dialog.ui.funktionCombo.findData(Funktion.ORDFORANDE))

    dialog.accept()

    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Anna Ek är redan ordförande i Kommunstyrelsen" in dialog.ui.errorLabel.text()
    assert dialog.ui.errorLabel.isVisibleTo(dialog)
    assert (dialog.ui.firstNameEdit.text(), dialog.ui.lastNameEdit.text()) == ("Bo", "Berg")
    assert dialog.ui.partyCombo.currentText() == "M"
    assert len(register.list_members(ctx.store, organ_id)) == 1

    dialog.ui.funktionCombo.setCurrentIndex(dialog.ui.funktionCombo.findData(Funktion.FORSTE_VICE))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(register.list_members(ctx.store, organ_id)) == 2


def test_member_dialog_offers_only_what_the_role_allows(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    organ_id = register.create_organ(
        ctx.store,
        register.OrganInput(
            name="Socialnämnden", kind=register.OrganKind.NAMND, personliga_ersattare=True
        ),
    ).id
    anna = builders.member(ctx.store, organ_id, "Anna Ek", "S", ordning=1)
    builders.member(ctx.store, organ_id, "Fanny Jönsson", "S", roll=Roll.ERSATTARE, ordning=1)
    dialog = MemberDialog(ctx, register.get_organ(ctx.store, organ_id), None, None)
    qtbot.addWidget(dialog)
    ui = dialog.ui

    dialog.set_roll(Roll.LEDAMOT)
    assert ui.funktionCombo.isEnabled()
    assert not ui.ersattareForCombo.isEnabled()

    ui.partyCombo.setCurrentText("S")
    dialog.set_roll(Roll.ERSATTARE)
    assert not ui.funktionCombo.isEnabled()
    assert ui.ersattareForCombo.isEnabled()
    assert ui.ordningSpin.value() == 2  # after Fanny in the (S) ersättarordning
    ui.ersattareForCombo.setCurrentIndex(ui.ersattareForCombo.findData(anna.membership_id))
    assert dialog.value().personlig_ersattare_for_id == anna.membership_id

    dialog.set_roll(Roll.OVRIG)
    assert ui.titleEdit.isEnabled()
    assert dialog.value().personlig_ersattare_for_id is None


def test_remove_member_asks_first(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    organ_id = builders.organ(ctx.store)
    builders.member(ctx.store, organ_id, "Anna Ek", "S", ordning=1)
    window = make_window(qtbot, ctx)
    choose(window, ORGAN, organ_id)
    window.organ_page.view.selectRow(0)

    asked = answer_questions(monkeypatch, yes=False)
    window.organ_page.remove_action.trigger()
    assert "Anna Ek (S)" in asked[0]
    assert window.organ_page.model.rowCount() == 1

    answer_questions(monkeypatch, yes=True)
    window.organ_page.remove_action.trigger()
    qtbot.waitUntil(lambda: window.organ_page.model.rowCount() == 0)
    assert register.list_members(ctx.store, organ_id) == []


def test_import_refreshes_the_register(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    organ_id = builders.organ(ctx.store)
    window = make_window(qtbot, ctx)
    choose(window, ORGAN, organ_id)
    made: list[tuple[object, ...]] = []

    class FakeImportDialog(QDialog):
        def __init__(self, ctx_, organ_id_, parent) -> None:  # type: ignore[no-untyped-def]
            super().__init__(parent)
            made.append((ctx_, organ_id_, parent))

        def exec(self) -> int:
            builders.member(ctx.store, organ_id, "Bo Berg", "M", ordning=1)
            return int(QDialog.DialogCode.Accepted)

    module = types.ModuleType("secretary.ui.import_dialog")
    module.ImportDialog = FakeImportDialog  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "secretary.ui.import_dialog", module)

    with qtbot.waitSignal(ctx.changes.changed) as signal:
        window.organ_page.import_action.trigger()
    assert signal.args == ["register"]
    assert made == [(ctx, organ_id, window.organ_page)]
    qtbot.waitUntil(lambda: window.organ_page.model.rowCount() == 1)


def test_geometry_and_splitter_are_kept(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, ctx)
    window.splitter.setSizes([333, 700])
    window.close()
    assert ctx.settings.contains("windows/main/geometry")
    again = make_window(qtbot, ctx)
    assert again.splitter.saveState() == window.splitter.saveState()


def test_an_unreadable_party_order_keeps_the_dialog_open(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = OrganDialog(ctx, None, None)
    qtbot.addWidget(dialog)
    dialog.ui.nameEdit.setText("Socialnämnden")
    dialog.ui.partiordningEdit.setPlainText("S V MP")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Rad 1: skriv som" in dialog.ui.errorLabel.text()
    assert register.list_organs(ctx.store) == []


def test_restore_from_a_backup_brings_the_register_back(  # type: ignore[no-untyped-def]
    qtbot, ctx, db_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from secretary.services import demo
    from secretary.store.backup import list_backups

    demo.create_demo(ctx.store)
    ctx.store.backup("sammanträde-öppnat")
    organ = register.list_organs(ctx.store)[0]
    gone = register.list_members(ctx.store, organ.id)[0]
    register.remove_member(ctx.store, gone.membership_id)
    window = make_window(qtbot, ctx)
    choices: list[list[str]] = []

    def pick(parent, title, text, items, current, editable):  # type: ignore[no-untyped-def]
        choices.append(list(items))
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(pick))
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    window.restore_action.trigger()
    try:
        assert "sammanträdet öppnades" in choices[0][0]
        names = [m.name for m in register.list_members(ctx.store, organ.id)]
        assert gone.name in names
        kept = list_backups(db_path, db_path.parent / "säkerhetskopior")
        assert any(b.reason == "före-återställning" for b in kept)
    finally:
        ctx.store.close()
