"""The main window: organs and their sammanträden on the left, the chosen one on the right.

Every change goes through a service and is announced on ctx.changes; the window refreshes
what it shows from that one signal, whichever dialog or page made the change.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from secretary.domain.arbetsgang import Del, borttagningshinder, redigeringshinder
from secretary.services import agenda, kallelse, register
from secretary.services.errors import ServiceError
from secretary.ui.agenda_page import AgendaPage
from secretary.ui.common import (
    allow,
    confirm,
    quit_program,
    restore_geometry,
    restore_splitter,
    save_geometry,
    save_splitter,
    show_error,
)
from secretary.ui.context import AppContext
from secretary.ui.documents.controller import DocumentController
from secretary.ui.hjalp import visa_hjalp
from secretary.ui.navigator import MEETING, ORGAN, Navigator
from secretary.ui.organ_page import OrganPage
from secretary.ui.table import action, select_row
from secretary.ui.tider_dialog import TiderDialog
from secretary.ui.utskick_dialogs import KallelsefristDialog, SmtpDialog

SETTINGS_KEY = "windows/main"


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session_windows: dict[int, QWidget] = {}
        self.setWindowTitle("Register och föredragningslista")
        self.navigator = Navigator(ctx)
        self.empty_page = QLabel()
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_page.setWordWrap(True)
        self.empty_page.setStyleSheet("color: palette(placeholder-text); font-size: 12pt;")
        self.organ_page = OrganPage(ctx)
        self.agenda_page = AgendaPage(ctx)
        self.stack = QStackedWidget()
        for page in (self.empty_page, self.organ_page, self.agenda_page):
            self.stack.addWidget(page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.documents = DocumentController(ctx, self)
        self._make_actions()
        self._make_menus()
        self.navigator.selection_changed.connect(self._show_selection)
        self.organ_page.edit_organ_button.clicked.connect(self.edit_organ)
        self.agenda_page.edit_meeting_button.clicked.connect(self.edit_meeting)
        ctx.changes.changed.connect(self.refresh)
        ctx.changes.said.connect(lambda text: self.statusBar().showMessage(text, 15000))

        restore_geometry(ctx.settings, SETTINGS_KEY, self, (1200, 760))
        if not restore_splitter(ctx.settings, SETTINGS_KEY, self.splitter):
            self.splitter.setSizes([280, 920])
        self.navigator.refresh()
        first_organ = self.navigator.topLevelItem(0)
        if not self.navigator.select(self._saved_selection()) and first_organ is not None:
            self.navigator.setCurrentItem(first_organ)
        self._show_selection()

    # --- actions and menus --------------------------------------------------------------

    def _make_actions(self) -> None:
        self.quit_action = action(self, "&Avsluta", "Ctrl+Q")
        self.quit_action.triggered.connect(quit_program)
        self.sok_action = action(self, "&Sök i protokoll…", "Ctrl+F")
        self.sok_action.triggered.connect(self.open_sok)
        self.sok_dialog: QWidget | None = None
        self.export_meeting_action = action(self, "E&xportera sammanträde…")
        self.export_meeting_action.triggered.connect(self.export_meeting)
        self.import_meeting_action = action(self, "&Importera sammanträde…")
        self.import_meeting_action.triggered.connect(self.import_meeting)
        self.smtp_action = action(self, "E-post&server för utskick…")
        self.smtp_action.triggered.connect(lambda: SmtpDialog(self.ctx, self).exec())
        self.frist_action = action(self, "&Kallelsefrist…")
        self.frist_action.setStatusTip("Hur många dagar före sammanträdet kallelsen ska vara ute")
        self.frist_action.triggered.connect(self.edit_kallelsefrist)
        self.restore_action = action(self, "Åt&erställ från säkerhetskopia…")
        self.restore_action.triggered.connect(self.restore_backup)
        self.new_organ_action = action(self, "N&ytt organ…")
        self.new_organ_action.triggered.connect(self.new_organ)
        self.edit_organ_action = action(self, "Redigera &organ…")
        self.edit_organ_action.triggered.connect(self.edit_organ)
        self.delete_organ_action = action(self, "Ta bort o&rgan…")
        self.delete_organ_action.triggered.connect(self.delete_organ)
        self.new_meeting_action = action(self, "&Nytt sammanträde…", "Ctrl+Shift+N")
        self.new_meeting_action.triggered.connect(self.new_meeting)
        self.edit_meeting_action = action(self, "&Redigera sammanträde…")
        self.edit_meeting_action.triggered.connect(self.edit_meeting)
        self.delete_meeting_action = action(self, "Ta &bort sammanträde…")
        self.delete_meeting_action.triggered.connect(self.delete_meeting)
        self.tider_action = action(self, "&Tider och ajourneringar…")
        self.tider_action.triggered.connect(self.edit_times)
        self.session_action = action(self, "&Öppna sammanträdet (sammanträdesläge)", "Ctrl+M")
        self.session_action.triggered.connect(self.open_session)
        self.help_action = action(self, "&Tangenter och hjälp", "F1")
        self.help_action.triggered.connect(lambda: visa_hjalp(self))
        self.guide_action = action(self, "&Guide: ett sammanträde steg för steg")
        self.guide_action.triggered.connect(lambda: visa_hjalp(self, guide_first=True))
        self.about_action = action(self, "&Om Secretary")
        self.about_action.triggered.connect(self.about)
        for act in (
            self.quit_action,
            self.sok_action,
            self.new_meeting_action,
            self.session_action,
            self.organ_page.add_action,
            self.agenda_page.add_action,
        ):
            self.addAction(act)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        arkiv = bar.addMenu("&Arkiv")
        arkiv.addAction(self.sok_action)
        arkiv.addSeparator()
        arkiv.addActions([self.export_meeting_action, self.import_meeting_action])
        arkiv.addSeparator()
        arkiv.addAction(self.restore_action)
        arkiv.addAction(self.smtp_action)
        arkiv.addSeparator()
        arkiv.addAction(self.quit_action)
        reg = bar.addMenu("&Register")
        reg.addActions([self.new_organ_action, self.edit_organ_action, self.delete_organ_action])
        reg.addAction(self.frist_action)
        reg.addSeparator()
        page = self.organ_page
        reg.addActions([page.add_action, page.edit_action, page.remove_action])
        reg.addSeparator()
        reg.addAction(page.import_action)
        mote = bar.addMenu("&Sammanträde")
        mote.addAction(self.session_action)
        mote.addSeparator()
        mote.addActions(
            [self.new_meeting_action, self.edit_meeting_action, self.delete_meeting_action]
        )
        mote.addAction(self.tider_action)
        mote.addSeparator()
        ag = self.agenda_page
        mote.addActions([ag.add_action, ag.edit_action, ag.up_action, ag.down_action])
        mote.addAction(ag.remove_action)
        mote.addAction(ag.delegation_action)
        bar.addMenu(self.documents.menu)
        hjalp = bar.addMenu("&Hjälp")
        hjalp.addActions([self.help_action, self.guide_action])
        hjalp.addSeparator()
        hjalp.addAction(self.about_action)

    # --- what is shown -------------------------------------------------------------------

    def refresh(self, _topic: str = "") -> None:
        """Any change: rebuild the tree (§ ranges move too) and the page on show."""
        self.navigator.refresh()

    def _show_selection(self) -> None:
        selection = self.navigator.current()
        kind, id_ = selection if selection is not None else (None, None)
        self.organ_page.set_organ(id_ if kind == ORGAN else None)
        self.agenda_page.set_meeting(id_ if kind == MEETING else None)
        page: QWidget = self.empty_page
        if kind == ORGAN:
            page = self.organ_page
        elif kind == MEETING:
            page = self.agenda_page
        if self.navigator.topLevelItemCount() == 0:
            self.empty_page.setText(
                "Det finns inga organ ännu.\nSkapa ett med Register → Nytt organ."
            )
        else:
            self.empty_page.setText(
                "Välj ett organ eller ett sammanträde till vänster.\n\n"
                "Ett organ visar ledamöter och ersättare; "
                "ett sammanträde visar föredragningslistan."
            )
        self.stack.setCurrentWidget(page)
        self.organ_page.set_active(page is self.organ_page)
        self.agenda_page.set_active(page is self.agenda_page)
        has_organ = self.navigator.current_organ_id() is not None
        self.edit_organ_action.setEnabled(has_organ)
        self.frist_action.setEnabled(has_organ)
        self.delete_organ_action.setEnabled(has_organ)
        self.new_meeting_action.setEnabled(has_organ)
        meeting = self.agenda_page.meeting if kind == MEETING else None
        state = meeting.state if meeting is not None else "planerat"
        allow(self.edit_meeting_action, kind == MEETING, redigeringshinder(state, Del.TEXT))
        self.export_meeting_action.setEnabled(kind == MEETING)
        allow(self.delete_meeting_action, kind == MEETING, borttagningshinder(state))
        allow(self.tider_action, kind == MEETING, redigeringshinder(state, Del.TEXT))
        self.session_action.setEnabled(kind == MEETING)
        self.documents.set_meeting(selection[1] if selection and kind == MEETING else None)
        if selection is not None:
            kind_, id_ = selection
            self.ctx.settings.setValue(f"{SETTINGS_KEY}/selection", f"{kind_}:{id_}")

    def _saved_selection(self) -> tuple[str, int] | None:
        value = str(self.ctx.settings.value(f"{SETTINGS_KEY}/selection", "") or "")
        kind, _, id_ = value.partition(":")
        return (kind, int(id_)) if kind in (ORGAN, MEETING) and id_.isdigit() else None

    # --- organs and meetings -------------------------------------------------------------

    def new_organ(self) -> None:
        from secretary.ui.dialogs.organ_dialog import OrganDialog

        dialog = OrganDialog(self.ctx, None, self)
        if dialog.exec() and dialog.saved is not None:
            self.navigator.select((ORGAN, dialog.saved.id))

    def edit_organ(self) -> None:
        organ_id = self.navigator.current_organ_id()
        if organ_id is None:
            return
        from secretary.ui.dialogs.organ_dialog import OrganDialog

        try:
            organ = register.get_organ(self.ctx.store, organ_id)
        except ServiceError as exc:
            show_error(self, "Organet", exc)
            return
        OrganDialog(self.ctx, organ, self).exec()

    def delete_organ(self) -> None:
        organ_id = self.navigator.current_organ_id()
        if organ_id is None:
            return
        try:
            organ = register.get_organ(self.ctx.store, organ_id)
            if not confirm(
                self,
                "Ta bort organ",
                f"Ta bort {organ.name} och alla dess ledamöter och ersättare ur registret?",
            ):
                return
            register.delete_organ(self.ctx.store, organ_id)
        except ServiceError as exc:
            show_error(self, "Kan inte ta bort organet", exc)
            return
        self.ctx.changes.changed.emit("register")

    def new_meeting(self) -> None:
        organ_id = self.navigator.current_organ_id()
        if organ_id is None:
            return
        from secretary.ui.dialogs.meeting_dialog import MeetingDialog

        organ = register.get_organ(self.ctx.store, organ_id)
        dialog = MeetingDialog(self.ctx, organ, None, self)
        if dialog.exec() and dialog.saved is not None:
            self.navigator.select((MEETING, dialog.saved.id))

    def edit_meeting(self) -> None:
        meeting = self.agenda_page.meeting
        organ = self.agenda_page.organ
        if meeting is None or organ is None:
            return
        from secretary.ui.dialogs.meeting_dialog import MeetingDialog

        MeetingDialog(self.ctx, organ, meeting, self).exec()

    def open_sok(self) -> None:
        """Sök i protokoll: one window, kept, so Ctrl+F comes back to the last search."""
        if self.sok_dialog is None:
            from secretary.ui.sok import SokDialog

            dialog = SokDialog(self.ctx, self)
            dialog.oppna.connect(self.show_arende)
            self.sok_dialog = dialog
        self.sok_dialog.show()
        self.sok_dialog.raise_()
        self.sok_dialog.activateWindow()

    def show_arende(self, meeting_id: int, arende_id: int) -> bool:
        """A § found elsewhere (the search): its meeting in the tree, the ärende chosen."""
        selection = (MEETING, meeting_id)
        try:
            agenda.get_meeting(self.ctx.store, meeting_id)
        except ServiceError:
            self.statusBar().showMessage("Sammanträdet finns inte längre.", 8000)
            self.navigator.refresh()
            return False
        if not self.navigator.select(selection):
            self.navigator.refresh()
            self.navigator.select(selection)
        page = self.agenda_page
        select_row(page.view, page.model.row_of(arende_id))
        page.view.setFocus()
        self.raise_()
        self.activateWindow()
        return True

    def restore_backup(self) -> None:
        """Close the database, put a chosen backup back, and open it again."""
        from secretary.services.databas import StoreError, open_store
        from secretary.ui.restore import choose_and_restore

        path = self.ctx.store.path
        if path is None:
            QMessageBox.information(
                self, "Återställ", "Den delade databasen säkerhetskopieras av sin databasserver."
            )
            return
        for window in list(self.session_windows.values()):
            window.close()
        self.ctx.store.close()
        restored = choose_and_restore(self, path)
        try:
            self.ctx.store = open_store(path)
        except StoreError as exc:
            QMessageBox.critical(self, "Databasen kan inte öppnas", str(exc))
            self.close()
            return
        if restored:
            self.ctx.changes.changed.emit("register")
            self.statusBar().showMessage("Databasen är återställd från säkerhetskopian.", 8000)

    def open_session(self) -> None:
        """Session mode in its own window, so the register stays at hand behind it."""
        meeting = self.agenda_page.meeting
        if meeting is None:
            return
        from secretary.ui.session.window import SessionWindow

        existing = self.session_windows.get(meeting.id)
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return
        try:
            window = SessionWindow(self.ctx, meeting.id)
        except ServiceError as exc:
            show_error(self, "Sammanträdet kan inte öppnas", exc)
            return
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda _=None, mid=meeting.id: self.session_windows.pop(mid, None))
        self.session_windows[meeting.id] = window
        window.show()

    def export_meeting(self) -> None:
        from secretary.ui import overforing

        selection = self.navigator.current()
        meeting_id = selection[1] if selection and selection[0] == MEETING else None
        overforing.export_meeting(self, self.ctx, meeting_id)

    def import_meeting(self) -> None:
        from secretary.ui import overforing

        overforing.import_meeting(self, self.ctx, self.navigator.select)

    def delete_meeting(self) -> None:
        meeting = self.agenda_page.meeting
        if meeting is None:
            return
        question = (
            f"Ta bort sammanträdet {meeting.title} med {meeting.arende_count} ärenden?\n\n"
            "Paragrafnumren i årets senare sammanträden räknas om."
        )
        if not confirm(self, "Ta bort sammanträde", question):
            return
        try:
            agenda.delete_meeting(self.ctx.store, meeting.id)
        except ServiceError as exc:
            show_error(self, "Kan inte ta bort sammanträdet", exc)
            return
        self.navigator.select((ORGAN, meeting.organ_id))
        self.ctx.changes.changed.emit("meetings")

    def edit_kallelsefrist(self) -> None:
        organ_id = self.navigator.current_organ_id()
        if organ_id is None:
            return
        dagar = kallelse.organets_frist(self.ctx.store, organ_id)
        if KallelsefristDialog(self.ctx, organ_id, dagar, self).exec():
            self.ctx.changes.changed.emit("register")

    def edit_times(self) -> None:
        """The real start and end and the ajourneringar, also after the meeting."""
        selection = self.navigator.current()
        if selection is None or selection[0] != MEETING:
            return
        TiderDialog(self.ctx, selection[1], self).exec()

    def about(self) -> None:
        QMessageBox.about(
            self,
            "Om Secretary",
            "<b>Secretary</b><br>Register, föredragningslista och protokoll för kommunala organ.",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        save_geometry(self.ctx.settings, SETTINGS_KEY, self)
        save_splitter(self.ctx.settings, SETTINGS_KEY, self.splitter)
        self.ctx.settings.sync()
        super().closeEvent(event)
