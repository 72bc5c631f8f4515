"""The right side for a selected organ: its ledamöter and ersättare, and its settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from secretary.domain.diarienummer import example
from secretary.domain.labels import LABEL_SPECS
from secretary.domain.register import Roll
from secretary.services import register
from secretary.services.errors import ServiceError
from secretary.services.register import MemberRow, OrganData
from secretary.ui.common import confirm, show_error
from secretary.ui.context import AppContext
from secretary.ui.models import MemberTableModel
from secretary.ui.table import action, make_table, select_row, selected_row


class OrganPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.organ: OrganData | None = None
        self._active = False
        self.model = MemberTableModel(self)
        self.view = make_table(self.model, MemberTableModel.FUNKTION, "Ledamöter och ersättare")

        self.add_action = action(self, "&Ny ledamot/ersättare…", "Ctrl+N", "Insert")
        self.edit_action = action(
            self, "&Redigera…", "Return", "Enter", context=Qt.ShortcutContext.WidgetShortcut
        )
        self.remove_action = action(
            self, "&Ta bort…", "Delete", context=Qt.ShortcutContext.WidgetShortcut
        )
        self.import_action = action(self, "&Importera ledamöter…")
        self.view.addAction(self.edit_action)
        self.view.addAction(self.remove_action)
        self.add_action.triggered.connect(self.add_member)
        self.edit_action.triggered.connect(self.edit_member)
        self.remove_action.triggered.connect(self.remove_member)
        self.import_action.triggered.connect(self.import_members)
        self.view.doubleClicked.connect(self.edit_member)
        self.view.selectionModel().selectionChanged.connect(self._update_actions)

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._members_tab(), "Ledamöter och ersättare")
        self.tabs.addTab(self._settings_tab(), "Inställningar")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs)
        self._update_actions()

    def _members_tab(self) -> QWidget:
        tab = QWidget()
        buttons = QHBoxLayout()
        for act, text in (
            (self.add_action, "Ny…"),
            (self.edit_action, "Redigera…"),
            (self.remove_action, "Ta bort…"),
            (self.import_action, "Importera…"),
        ):
            button = QPushButton(text)
            button.setToolTip(act.text().replace("&", ""))
            button.clicked.connect(act.trigger)
            act.enabledChanged.connect(button.setEnabled)
            buttons.addWidget(button)
        buttons.addStretch()
        self.count_label = QLabel()
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(tab)
        layout.addLayout(buttons)
        layout.addWidget(self.view)
        return tab

    def _settings_tab(self) -> QWidget:
        tab = QWidget()
        self.settings_form = QFormLayout()
        self.settings_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit_organ_button = QPushButton("Redigera organ…")
        layout = QVBoxLayout(tab)
        layout.addLayout(self.settings_form)
        row = QHBoxLayout()
        row.addWidget(self.edit_organ_button)
        row.addStretch()
        layout.addLayout(row)
        layout.addStretch()
        return tab

    def set_organ(self, organ_id: int | None) -> None:
        self.organ = register.get_organ(self.ctx.store, organ_id) if organ_id else None
        self.refresh()

    def refresh(self) -> None:
        if self.organ is not None:
            try:
                self.organ = register.get_organ(self.ctx.store, self.organ.id)
            except ServiceError:
                self.organ = None
        current = self.current_member()
        rows = register.list_members(self.ctx.store, self.organ.id) if self.organ else []
        self.model.set_rows(rows)
        if current is not None:
            select_row(self.view, self.model.row_of(current.membership_id))
        self._show_settings()
        personliga = self.organ is not None and self.organ.personliga_ersattare
        self.view.setColumnHidden(MemberTableModel.ERSATTARE_FOR, not personliga)
        header = self.view.horizontalHeader()
        wide = MemberTableModel.ERSATTARE_FOR if personliga else MemberTableModel.FUNKTION
        for col in (MemberTableModel.FUNKTION, MemberTableModel.ERSATTARE_FOR):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if col == wide
                else QHeaderView.ResizeMode.Interactive
            )
            header.setSectionResizeMode(col, mode)
        ledamoter = sum(1 for r in rows if r.roll is Roll.LEDAMOT)
        ersattare = sum(1 for r in rows if r.roll is Roll.ERSATTARE)
        self.count_label.setText(f"{ledamoter} ledamöter, {ersattare} ersättare")
        self._update_actions()

    def _show_settings(self) -> None:
        form = self.settings_form
        while form.rowCount():
            form.removeRow(0)
        organ = self.organ
        self.title.setText(organ.name if organ else "")
        if organ is None:
            return
        pattern = (
            f"{organ.dnr_pattern}   (t.ex. {example(organ.dnr_pattern)})"
            if organ.dnr_pattern
            else "inget – diarienummer kontrolleras inte"
        )
        facts = [
            ("Namn:", organ.name),
            ("Kortnamn:", organ.short_name or "–"),
            ("Typ:", organ.kind.label),
            ("Förvaringsplats:", organ.forvaringsplats or "–"),
            ("Diarienummermönster:", pattern),
            ("Personliga ersättare:", "Ja" if organ.personliga_ersattare else "Nej"),
        ]
        labels = organ.labels
        changed = [
            f"{spec.default} → {labels[spec.key]}"
            for spec in LABEL_SPECS
            if labels[spec.key] != spec.default
        ]
        facts.append(("Egna rubriker:", "\n".join(changed) or "standardrubrikerna"))
        for label, value in facts:
            text = QLabel(value)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, text)

    def current_member(self) -> MemberRow | None:
        return self.model.member(selected_row(self.view))

    def _update_actions(self) -> None:
        has_organ = self.organ is not None and self._active
        has_member = self.current_member() is not None
        self.add_action.setEnabled(has_organ)
        self.import_action.setEnabled(has_organ)
        self.edit_action.setEnabled(has_organ and has_member)
        self.remove_action.setEnabled(has_organ and has_member)

    def set_active(self, active: bool) -> None:
        """Only the page on show has its shortcuts on: both pages use Ctrl+N and Delete."""
        self._active = active
        self._update_actions()

    def add_member(self) -> None:
        if self.organ is None:
            return
        from secretary.ui.dialogs.member_dialog import MemberDialog

        dialog = MemberDialog(self.ctx, self.organ, None, self)
        if dialog.exec() and dialog.saved is not None:
            select_row(self.view, self.model.row_of(dialog.saved.membership_id))

    def edit_member(self) -> None:
        member = self.current_member()
        if self.organ is None or member is None:
            return
        from secretary.ui.dialogs.member_dialog import MemberDialog

        MemberDialog(self.ctx, self.organ, member, self).exec()

    def remove_member(self) -> None:
        member = self.current_member()
        if self.organ is None or member is None:
            return
        question = (
            f"Ta bort {member.label} som {member.roll.label.lower()} i {self.organ.name}?\n\n"
            "Personen finns kvar i registret om hen har andra uppdrag."
        )
        if not confirm(self, "Ta bort ur organet", question):
            return
        try:
            register.remove_member(self.ctx.store, member.membership_id)
        except ServiceError as exc:
            show_error(self, "Kan inte ta bort", exc)
            return
        self.ctx.changes.changed.emit("register")

    def import_members(self) -> None:
        """The import dialog is another module, loaded only when asked for."""
        if self.organ is None:
            return
        try:
            from secretary.ui.import_dialog import ImportDialog
        except ImportError:
            QMessageBox.information(
                self, "Importera ledamöter", "Importen finns inte i den här versionen ännu."
            )
            return
        dialog = ImportDialog(self.ctx, self.organ.id, self)
        if dialog.exec() == ImportDialog.DialogCode.Accepted:
            self.ctx.changes.changed.emit("register")
