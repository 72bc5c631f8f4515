"""The right side for a selected sammanträde: its facts and the föredragningslista."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from secretary.domain.arbetsgang import LAST, Del, Tillstand, redigeringshinder, tillstand
from secretary.domain.paragrafer import paragraf_range
from secretary.services import agenda, bestyrkande, register, underskrift
from secretary.services.agenda import ArendeData, MeetingData
from secretary.services.errors import ServiceError
from secretary.services.register import OrganData
from secretary.ui.agenda_text import arende_html, meeting_summary
from secretary.ui.common import allow, confirm, show_error
from secretary.ui.context import AppContext
from secretary.ui.models import AgendaTableModel
from secretary.ui.table import action, make_table, select_row, selected_row
from secretary.ui.tangenter import av


def _mirror(act: QAction, button: QPushButton) -> None:
    """The button says what its action says: enabled or not, and why not."""
    keys = ", ".join(av(s) for s in act.shortcuts())
    button.setEnabled(act.isEnabled())
    tip = act.toolTip()
    button.setToolTip(tip if not act.isEnabled() else f"{tip} ({keys})" if keys else tip)


class AgendaPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting: MeetingData | None = None
        self.organ: OrganData | None = None
        self._active = False
        icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.model = AgendaTableModel(icon, self)
        self.view = make_table(self.model, AgendaTableModel.RUBRIK, "Föredragningslista")

        self.add_action = action(self, "&Nytt ärende…", "Ctrl+N", "Insert")
        self.edit_action = action(
            self, "&Redigera ärende…", "Return", "Enter", context=Qt.ShortcutContext.WidgetShortcut
        )
        on_view = Qt.ShortcutContext.WidgetShortcut
        self.up_action = action(self, "Flytta &upp", "Ctrl+Up", context=on_view)
        self.down_action = action(self, "Flytta &ner", "Ctrl+Down", context=on_view)
        self.remove_action = action(self, "&Ta bort ärende…", "Delete", context=on_view)
        self.import_action = action(self, "&Importera ärenden…")
        self.import_action.setStatusTip("Ärenden från diariets export (Excel eller CSV)")
        self.import_action.triggered.connect(self.import_arenden)
        self.delegation_action = action(self, "Importera &delegationsbeslut…")
        self.delegation_action.setStatusTip(
            "Den markerade paragrafen blir en anmälan av delegationsbeslut från en lista"
        )
        self.delegation_action.triggered.connect(self.import_delegationsbeslut)
        for act in (self.edit_action, self.up_action, self.down_action, self.remove_action):
            self.view.addAction(act)
        self.add_action.triggered.connect(self.add_arende)
        self.edit_action.triggered.connect(self.edit_arende)
        self.up_action.triggered.connect(lambda: self.move_arende(-1))
        self.down_action.triggered.connect(lambda: self.move_arende(+1))
        self.remove_action.triggered.connect(self.remove_arende)
        self.view.doubleClicked.connect(self.edit_arende)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_meeting_button = QPushButton("Redigera sammanträde…")
        self.justering_button = QPushButton("Protokoll och justering…")
        self.justering_button.setToolTip(
            "Utkast till justerarna, justering, rättelser, anslag och webbversion"
        )
        self.justering_button.clicked.connect(self.open_justering)
        self.justering_windows: list[QWidget] = []
        header = QHBoxLayout()
        header.addWidget(self.summary, 1)
        header.addWidget(self.justering_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.edit_meeting_button, 0, Qt.AlignmentFlag.AlignTop)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._agenda_tab(), "Föredragningslista")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(header)
        layout.addWidget(self.tabs)
        self._update_actions()

    def _agenda_tab(self) -> QWidget:
        tab = QWidget()
        buttons = QHBoxLayout()
        for act, text in (
            (self.add_action, "Nytt ärende…"),
            (self.edit_action, "Redigera…"),
            (self.up_action, "Flytta upp"),
            (self.down_action, "Flytta ner"),
            (self.remove_action, "Ta bort…"),
            (self.import_action, "Importera ärenden…"),
        ):
            button = QPushButton(text)
            button.clicked.connect(act.trigger)
            act.changed.connect(lambda b=button, a=act: _mirror(a, b))
            _mirror(act, button)
            buttons.addWidget(button)
        buttons.addStretch()
        self.empty_label = QLabel(
            "Föredragningslistan är tom.\n"
            "Lägg till ett ärende med Nytt ärende (Ctrl+N eller Insert)."
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(placeholder-text); padding: 24px;")
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setAccessibleName("Ärendets innehåll")
        layout = QVBoxLayout(tab)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 3)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.details, 2)
        return tab

    def set_meeting(self, meeting_id: int | None) -> None:
        changed = meeting_id != (self.meeting.id if self.meeting else None)
        self.meeting = agenda.get_meeting(self.ctx.store, meeting_id) if meeting_id else None
        self.refresh()
        if changed and self.current_arende() is None:
            select_row(self.view, 0)

    def set_active(self, active: bool) -> None:
        """Only the page on show has its shortcuts on: both pages use Ctrl+N and Delete."""
        self._active = active
        self._update_actions()

    def refresh(self) -> None:
        current = self.current_arende()
        rows: list[ArendeData] = []
        if self.meeting is not None:
            try:
                self.meeting = agenda.get_meeting(self.ctx.store, self.meeting.id)
                self.organ = register.get_organ(self.ctx.store, self.meeting.organ_id)
                rows = agenda.list_arenden(self.ctx.store, self.meeting.id)
            except ServiceError:
                self.meeting = self.organ = None
        self.model.set_rows(rows)
        if current is not None:
            select_row(self.view, self.model.row_of(current.id))
        meeting = self.meeting
        self.title.setText(
            f"{meeting.organ_name} – {meeting.date.isoformat()} · {self._state_text(meeting)}"
            if meeting
            else ""
        )
        self.summary.setText(meeting_summary(meeting) if meeting else "")
        if meeting is not None:
            numbers = paragraf_range(meeting.first_paragraf, len(rows)) or "inga §§ ännu"
            self.tabs.setTabText(0, f"Föredragningslista ({numbers})")
        self.empty_label.setVisible(meeting is not None and not rows)
        self._selection_changed()

    def _state_text(self, meeting: MeetingData) -> str:
        """'för justering', or while the protocol is out for signing 'för underskrift: 1 av
        3 signerat'; after justering 'justerat · 1 bestyrkande väntar på underskrift' while
        a bestyrkt utdrag or anslagsbevis waits."""
        t = tillstand(meeting.state)
        text = t.label.lower()
        try:
            if t is Tillstand.FOR_UNDERSKRIFT:
                rakning = underskrift.underskrifter(self.ctx.store, meeting.id).rakning
                if rakning:
                    text += f": {rakning}"
            elif t in LAST:
                vantar = bestyrkande.vantande(self.ctx.store, meeting.id)
                if vantar:
                    text += f" · {vantar}"
        except ServiceError:
            pass
        return text

    def current_arende(self) -> ArendeData | None:
        return self.model.arende(selected_row(self.view))

    def _selection_changed(self) -> None:
        arende = self.current_arende()
        labels = self.organ.labels if self.organ else {}
        self.details.setHtml(arende_html(arende, labels) if arende else "")
        self.details.setVisible(arende is not None)
        self._update_actions()

    def _update_actions(self) -> None:
        on = self._active and self.meeting is not None
        row = selected_row(self.view)
        chosen = on and row >= 0
        state = self.meeting.state if self.meeting is not None else "planerat"
        dagordning = redigeringshinder(state, Del.DAGORDNING)
        allow(self.add_action, on, dagordning)
        allow(self.edit_action, chosen, redigeringshinder(state, Del.TEXT))
        allow(self.remove_action, chosen, dagordning)
        allow(self.import_action, on, dagordning)
        allow(self.delegation_action, chosen, redigeringshinder(state, Del.TEXT))
        allow(self.up_action, chosen and row > 0, dagordning)
        allow(self.down_action, chosen and row < self.model.rowCount() - 1, dagordning)
        self.edit_meeting_button.setEnabled(self.meeting is not None)
        self.justering_button.setEnabled(self.meeting is not None)

    def open_justering(self) -> QWidget | None:
        """The meeting's window for what happens after it: drafts, justering, anslag."""
        if self.meeting is None:
            return None
        from secretary.ui.justering.window import JusteringWindow

        window = JusteringWindow(self.ctx, self.meeting.id, self)
        self.justering_windows.append(window)
        window.destroyed.connect(
            lambda _=None, w=window: (
                self.justering_windows.remove(w) if w in self.justering_windows else None
            )
        )
        window.show()
        return window

    def import_arenden(self) -> QWidget | None:
        if self.meeting is None:
            return None
        from secretary.ui.arende_import_dialog import ArendeImportDialog

        dialog = ArendeImportDialog(self.ctx, self.meeting.id, self)
        dialog.open()
        return dialog

    def import_delegationsbeslut(self) -> QWidget | None:
        arende = self.current_arende()
        if arende is None:
            return None
        from secretary.ui.delegation_import_dialog import DelegationImportDialog

        dialog = DelegationImportDialog(self.ctx, arende.id, self)
        dialog.open()
        return dialog

    def add_arende(self) -> None:
        if self.meeting is None or self.organ is None:
            return
        from secretary.ui.dialogs.arende_dialog import ArendeDialog

        dialog = ArendeDialog(self.ctx, self.organ, self.meeting.id, None, self)
        if dialog.exec() and dialog.saved is not None:
            select_row(self.view, self.model.row_of(dialog.saved.id))

    def edit_arende(self) -> None:
        arende = self.current_arende()
        if self.meeting is None or self.organ is None or arende is None:
            return
        from secretary.ui.dialogs.arende_dialog import ArendeDialog

        ArendeDialog(self.ctx, self.organ, self.meeting.id, arende, self).exec()

    def move_arende(self, step: int) -> None:
        """Move the chosen ärende one place; the service renumbers every § after it."""
        arende = self.current_arende()
        if arende is None:
            return
        try:
            agenda.move_arende(self.ctx.store, arende.id, arende.position + step)
        except ServiceError as exc:
            show_error(self, "Kan inte flytta ärendet", exc)
            return
        self.ctx.changes.changed.emit("agenda")
        select_row(self.view, self.model.row_of(arende.id))

    def remove_arende(self) -> None:
        arende = self.current_arende()
        if arende is None:
            return
        question = (
            f"Ta bort § {arende.paragraf} ”{arende.rubrik}” från föredragningslistan?\n\n"
            "Ärendena efter numreras om."
        )
        if not confirm(self, "Ta bort ärende", question):
            return
        row = selected_row(self.view)
        try:
            agenda.remove_arende(self.ctx.store, arende.id)
        except ServiceError as exc:
            show_error(self, "Kan inte ta bort ärendet", exc)
            return
        self.ctx.changes.changed.emit("agenda")
        select_row(self.view, min(row, self.model.rowCount() - 1))
