"""Session mode: the window the secretary keeps open through the meeting.

Every key press is one service call; what it returns (an `Andring`: the sitting state after
it, read in the same unit of work, and the action that undoes it) goes on the undo stack and
into the models, which change in place only where rows differ. Nothing is read again. A
refusal is shown in the banner and the status bar, never in a modal box: the keyboard stays
where it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QFrame,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from secretary.domain.datum_text import klockslag
from secretary.domain.narvaro import Deltagare, HandelseTyp
from secretary.services import agenda, avslut, beslut, narvarolista, register, session, tider
from secretary.services.andring import Andring
from secretary.services.errors import ServiceError
from secretary.services.session import (
    PAGAR,
    MarkeraUpprop,
    SattMarkor,
    SattTid,
    SessionState,
    Upprop,
)
from secretary.ui.common import (
    confirm,
    quit_program,
    restore_geometry,
    restore_splitter,
    save_geometry,
    save_splitter,
    set_tab_text,
)
from secretary.ui.context import AppContext
from secretary.ui.hjalp import visa_hjalp
from secretary.ui.session import commands, rows
from secretary.ui.session.header import SessionHeader
from secretary.ui.session.models import (
    AgendaModel,
    EventModel,
    PersonModel,
    SeatModel,
    VacancyModel,
)
from secretary.ui.session.panels import Banner, HintBar, Panel, hint, session_table
from secretary.ui.session.paragraf.kontroll import KontrollDialog
from secretary.ui.session.paragraf.panel import ParagrafPanel
from secretary.ui.session.protokoll import front_page_html
from secretary.ui.skrap import frys_det_som_finns
from secretary.ui.table import action, select_row, selected_row
from secretary.ui.tider_dialog import TiderDialog

SETTINGS_KEY = "windows/session"
WIDGET = Qt.ShortcutContext.WidgetShortcut

GENERAL_HINT = hint(
    ("Ctrl+Enter", "behandla ärendet"),
    ("Ctrl+PgDown", "nästa ärende"),
    ("Ctrl+Z", "ångra"),
    ("Ctrl+Shift+Z", "gör om"),
    ("Alt+1…6", "närvaro"),
    ("Alt+7…0 B T L", "paragrafen"),
)
PEOPLE_HINT = (
    "Upprop: "
    + hint(("N", "närvarande"), ("D", "distans"), ("F", "frånvarande"))
    + " &nbsp;(flyttar till nästa) &nbsp;&nbsp; Under mötet: "
    + hint(("A", "anländer"), ("G", "går"), ("J", "jäv"))
)
LOCAL_HINTS = {
    "people": PEOPLE_HINT,
    "agenda": hint(("Enter", "gå till ärendet")),
    "vacancies": hint(("E", "anta förslaget"), ("Enter", "anta"), ("V", "välj annan ersättare")),
    "events": hint(("F2", "rätta tiden"), ("Delete", "ta bort händelsen")),
}


class SessionWindow(QMainWindow):
    def __init__(self, ctx: AppContext, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.undo_stack = QUndoStack(self)
        self.cmd = commands.CommandContext(ctx.store, meeting_id)
        self.meeting = agenda.get_meeting(ctx.store, meeting_id)
        self.state: SessionState | None = None
        self.choice_menu: QMenu | None = None
        self.general_hint = GENERAL_HINT
        self.labels = register.get_organ(ctx.store, self.meeting.organ_id).labels
        self.setWindowTitle(f"Sammanträde – {self.meeting.title}")
        self._make_widgets()
        self._make_actions()
        self._make_menus()
        QApplication.instance().focusChanged.connect(self._focus_changed)  # type: ignore[union-attr]
        restore_geometry(ctx.settings, SETTINGS_KEY, self, (1400, 860))
        if not restore_splitter(ctx.settings, SETTINGS_KEY, self.splitter):
            self.splitter.setSizes([760, 640])
        self._open()
        select_row(self.people, self._next_person(-1))
        self.people.setFocus()
        frys_det_som_finns()

    # --- building ------------------------------------------------------------------------

    def _make_widgets(self) -> None:
        self.header = SessionHeader(self)
        self.banner = Banner(self)
        self.hints = HintBar(self)
        self.people_model = PersonModel(self)
        self.people = session_table(self.people_model, PersonModel.TJANSTGORING, "Närvaro")
        for signal in (
            self.people_model.modelReset,
            self.people_model.rowsInserted,
            self.people_model.rowsRemoved,
        ):
            signal.connect(self._span_headings)
        self.agenda_model = AgendaModel(self)
        self.agenda_view = session_table(self.agenda_model, AgendaModel.RUBRIK, "Ärenden", 6)
        self.vacancy_model = VacancyModel(self)
        self.vacancies = session_table(self.vacancy_model, VacancyModel.FORSLAG, "Vakanta platser")
        self.seat_model = SeatModel(self)
        self.seats = session_table(self.seat_model, SeatModel.TJANSTGOR, "Tjänstgörande", 6)
        self.event_model = EventModel(self)
        self.event_model.on_time = self._edit_time
        self.events = session_table(self.event_model, EventModel.HANDELSE, "Händelser", 6)
        self.events.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.protokoll = QTextBrowser(self)
        self.protokoll.setAccessibleName("Närvaro i protokollet")

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.seats, "Tjänstgör  Alt+4")
        self.tabs.addTab(self.events, "Händelser  Alt+5")
        self.tabs.addTab(self.protokoll, "Närvaro i protokollet  Alt+6")
        self.tabs.currentChanged.connect(lambda _i: self._refresh_protokoll())

        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(Panel("Föredragningslista", "Alt+2", self.agenda_view))
        right.addWidget(Panel("Vakanta platser – förslag på ersättare", "Alt+3", self.vacancies))
        right.addWidget(self.tabs)
        right.setSizes([220, 170, 380])
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(Panel("Upprop och närvaro", "Alt+1", self.people))
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        body = QWidget(central)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 4, 0, 0)
        body_layout.addWidget(self.splitter)
        self.paragraf = ParagrafPanel(self)
        self.pages = QTabWidget(central)
        self.pages.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pages.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pages.addTab(body, "Närvaro  Alt+1…6")
        # In a scroll area: the § panel needs more height than a 1366×768 laptop has to spare.
        self.paragraf_page = QScrollArea(self.pages)
        self.paragraf_page.setWidget(self.paragraf)
        self.paragraf_page.setWidgetResizable(True)
        self.paragraf_page.setFrameShape(QFrame.Shape.NoFrame)
        self.paragraf_page.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pages.addTab(self.paragraf_page, "Beslutsgång  Alt+7…0")
        self.pages.currentChanged.connect(lambda _i: self._refresh_paragraf())
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.hints)
        self.setCentralWidget(central)
        self.header.override_button.clicked.connect(self.override_quorum)

    def _view_action(
        self, view: QTableView, text: str, keys: tuple[str, ...], slot: object
    ) -> QAction:
        act = action(self, text, *keys, context=WIDGET)
        act.triggered.connect(slot)
        view.addAction(act)
        return act

    def _make_actions(self) -> None:
        p = self.people
        self.upprop_actions = [
            self._view_action(p, "Upprop: &närvarande", ("N",), lambda: self.upprop("N")),
            self._view_action(p, "Upprop: på &distans", ("D",), lambda: self.upprop("D")),
            self._view_action(p, "Upprop: &frånvarande", ("F",), lambda: self.upprop("F")),
        ]
        self.event_actions = [
            self._view_action(p, "&Anländer", ("A",), lambda: self.record_person("A")),
            self._view_action(p, "&Går", ("G",), lambda: self.record_person("G")),
            self._view_action(p, "&Jäv i paragrafen", ("J",), lambda: self.record_person("J")),
        ]
        v = self.vacancies
        self.accept_action = self._view_action(
            v, "&Anta föreslagen ersättare", ("E", "Return", "Enter"), self.accept_proposal
        )
        self.choose_action = self._view_action(v, "&Välj annan ersättare…", ("V",), self.choose)
        self.goto_action = self._view_action(
            self.agenda_view, "&Gå till ärendet", ("Return", "Enter"), self.goto_selected
        )
        self.remove_action = self._view_action(
            self.events, "&Ta bort händelsen", ("Delete",), self.remove_selected_event
        )
        self.handle_action = action(self, "&Behandla ärendet", "Ctrl+Enter", "Ctrl+Return")
        self.handle_action.triggered.connect(self.handle_current)
        self.next_action = action(self, "&Nästa ärende", "Ctrl+PgDown")
        self.next_action.triggered.connect(self.next_arende)
        self.prev_action = action(self, "&Föregående ärende", "Ctrl+PgUp")
        self.prev_action.triggered.connect(self.previous_arende)
        self.override_action = action(self, "Fortsätt ändå (&loggas)…", "Ctrl+Shift+B")
        self.override_action.triggered.connect(self.override_quorum)
        self.export_action = action(self, "&Exportera närvaro för arvode (CSV)…", "Ctrl+Shift+E")
        self.export_action.triggered.connect(self.export_csv)
        self.close_session_action = action(self, "&Avsluta sammanträdet…")
        self.close_session_action.triggered.connect(self.close_meeting)
        self.tider_action = action(self, "&Tider och ajourneringar…")
        self.tider_action.triggered.connect(self.edit_times)
        self.paus_action = action(self, "A&journera / återuppta", "Ctrl+Shift+A")
        self.paus_action.triggered.connect(self.toggle_ajournering)
        self.kontroll_action = action(self, "&Kontrollista (KL 5 kap. 67 §)…", "Ctrl+Shift+K")
        self.kontroll_action.triggered.connect(self.show_kontrollista)
        self.undo_action = action(self, "&Ångra", "Ctrl+Z")
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = action(self, "&Gör om", "Ctrl+Shift+Z", "Ctrl+Y")
        self.redo_action.triggered.connect(self.redo)
        self.undo_stack.indexChanged.connect(self._undo_texts)
        # Esc on the panels only: in the time editor it must still cancel the edit.
        self.escape_actions = [
            self._view_action(view, "Stäng meddelandet", ("Esc",), self.banner.clear_message)
            for view in (self.people, self.agenda_view, self.vacancies, self.seats, self.events)
        ]
        self.focus_actions = []
        targets = (
            ("Upprop och närvaro", self.people, None),
            ("Föredragningslista", self.agenda_view, None),
            ("Vakanta platser", self.vacancies, None),
            ("Tjänstgör", self.seats, 0),
            ("Händelser", self.events, 1),
            ("Närvaro i protokollet", self.protokoll, 2),
        )
        for number, (name, widget, tab) in enumerate(targets, start=1):
            act = action(self, f"&{number} {name}", f"Alt+{number}")
            act.triggered.connect(lambda _=False, w=widget, t=tab: self._focus_panel(w, t))
            self.focus_actions.append(act)
        pp = self.paragraf
        for key, name, target in (
            ("7", "Yrkanden", pp.entry.vem),
            ("8", "Propositionsordning", pp.ordning),
            ("9", "Proposition och votering", pp.roster),
            ("0", "Reservationer och anteckningar", pp.people),
            ("B", "Beslut", pp.att),
            ("T", "Text i protokollet", pp.texts["yrkanden"].edit),
        ):
            act = action(self, name, f"Alt+{key}")  # the menu shows the shortcut itself
            act.triggered.connect(lambda _=False, w=target: self._focus_paragraf(w))
            self.focus_actions.append(act)
        self.val_action = action(self, "Val (gör paragrafen till ett val)", "Alt+L")
        self.val_action.triggered.connect(self._focus_val)
        self.focus_actions.append(self.val_action)
        for act in (
            self.handle_action,
            self.next_action,
            self.prev_action,
            self.override_action,
            self.paus_action,
            self.export_action,
            self.undo_action,
            self.redo_action,
            self.kontroll_action,
            *self.focus_actions,
        ):
            self.addAction(act)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        mote = bar.addMenu("&Sammanträde")
        mote.addActions([self.handle_action, self.next_action, self.prev_action])
        mote.addSeparator()
        mote.addAction(self.override_action)
        mote.addSeparator()
        mote.addActions([self.paus_action, self.tider_action])
        mote.addSeparator()
        mote.addAction(self.export_action)
        mote.addSeparator()
        mote.addAction(self.kontroll_action)
        mote.addAction(self.close_session_action)
        mote.addSeparator()
        close_window = action(self, "S&täng fönstret", "Ctrl+W")
        close_window.triggered.connect(self.close)
        quit_all = action(self, "&Avsluta programmet", "Ctrl+Q")
        quit_all.triggered.connect(quit_program)
        mote.addActions([close_window, quit_all])
        edit = bar.addMenu("&Redigera")
        edit.addActions([self.undo_action, self.redo_action])
        narvaro = bar.addMenu("&Närvaro")
        narvaro.addActions(self.upprop_actions)
        narvaro.addSeparator()
        narvaro.addActions(self.event_actions)
        narvaro.addSeparator()
        narvaro.addActions([self.accept_action, self.choose_action, self.remove_action])
        visa = bar.addMenu("&Visa")
        visa.addActions(self.focus_actions)
        hjalp = bar.addMenu("&Hjälp")
        keys = action(self, "&Tangenter här", "F1")
        keys.triggered.connect(lambda: visa_hjalp(self))
        guide = action(self, "&Guide: ett sammanträde steg för steg")
        guide.triggered.connect(lambda: visa_hjalp(self, guide_first=True))
        hjalp.addActions([keys, guide])

    # --- opening and refreshing ------------------------------------------------------------

    def _open(self) -> None:
        if self.meeting.state == "planerat":
            try:
                state = session.start_session(self.ctx.store, self.meeting_id, self.ctx.clock())
            except ServiceError as exc:
                self.banner.show_message(str(exc))
            else:
                self.ctx.changes.changed.emit("meetings")
                self.statusBar().showMessage("Sammanträdet är öppnat. Börja med uppropet.")
                self.show_state(state)
                today = self.ctx.clock().date()
                if today != self.meeting.date:
                    self.banner.show_message(
                        f"Sammanträdet är planerat till {self.meeting.date.isoformat()}, men i dag "
                        f"är det {today.isoformat()}. Stämmer datumet? Rätta det i sammanträdets "
                        "uppgifter om mötet hålls i dag."
                    )
                return
        self.refresh()

    def refresh(self) -> None:
        """One read, then every panel updated in place."""
        self.show_state(session.load_session(self.ctx.store, self.meeting_id))

    def show_state(self, st: SessionState) -> None:
        """Every panel updated in place from a state already read."""
        self.state = st
        had_events = self.event_model.rowCount()
        self.people_model.set_rows(rows.person_rows(st))
        self.people_model.set_header(PersonModel.STATUS, f"Status från {rows.from_paragraf(st)}")
        self.agenda_model.set_rows(rows.agenda_rows(st))
        self.vacancy_model.set_rows(rows.vacancy_rows(st))
        self.vacancy_model.set_header(VacancyModel.PLATS, f"Vakant från {rows.from_paragraf(st)}")
        if selected_row(self.vacancies) < 0:
            select_row(self.vacancies, 0)
        self.seat_model.set_rows(rows.seat_rows(st, st.cursor))
        self.event_model.set_rows(rows.event_rows(st))
        if self.event_model.rowCount() > had_events:
            self.events.scrollToBottom()
        running = st.state == PAGAR
        self.event_model.editable = running
        self.paragraf.set_read_only(not running)
        set_tab_text(self.tabs, 0, f"Tjänstgör i § {st.paragraf(st.cursor)}  Alt+4")
        self._refresh_header(st)
        self._refresh_protokoll()
        self._refresh_paragraf()
        for act in (
            *self.upprop_actions,
            *self.event_actions,
            self.accept_action,
            self.choose_action,
            self.goto_action,
            self.remove_action,
            self.handle_action,
            self.next_action,
            self.prev_action,
            self.override_action,
            self.close_session_action,
            self.paus_action,
        ):
            act.setEnabled(running)

    def _refresh_header(self, st: SessionState) -> None:
        h = self.header
        h.title.setText(f"{st.organ_name} – sammanträde {rows.datum_text(self.meeting.date)}")
        when = {
            PAGAR: f"Pågår sedan kl. {klockslag(st.started_at)}",
            "planerat": "Planerat – inte öppnat",
        }.get(st.state, f"Avslutat kl. {klockslag(st.ended_at)}")
        h.meta.setText(" · ".join(x for x in (self.meeting.place, when) if x))
        if st.state != PAGAR:
            h.paragraf.setText(
                "Inte öppnat – inget kan antecknas ännu"
                if st.state == "planerat"
                else "Sammanträdet är avslutat – visas skrivskyddat"
            )
        elif st.arenden:
            a = st.arenden[st.cursor]
            lage = "behandlas" if st.under_behandling else "nästa på tur"
            h.paragraf.setText(f"§ {a.paragraf}  {a.rubrik} — {lage}")
        else:
            h.paragraf.setText("Inga ärenden på föredragningslistan")
        if st.state != PAGAR:
            h.grans.setText("Närvaron kan inte ändras här.")
        elif st.under_behandling:
            h.grans.setText(
                f"Ändringar gäller från {rows.from_paragraf(st)} "
                f"(§ {st.paragraf(st.cursor)} behandlas)"
            )
        else:
            h.grans.setText(f"Ändringar gäller från {rows.from_paragraf(st)}")
        quorum = st.beslutforhet(st.cursor) if st.arenden else None
        note = ""
        if st.boundary != st.cursor:
            later = st.beslutforhet(st.boundary)
            if later is not None and quorum is not None and later != quorum:
                note = f"Från § {st.paragraf(st.boundary)}: {later.text}"
        override = quorum is not None and not quorum.ok and st.has_undantag(st.cursor)
        h.set_quorum(quorum if st.state == PAGAR else None, note, override)
        h.badge.setVisible(st.state == PAGAR)  # no quorum to watch outside the session

    def _refresh_paragraf(self) -> None:
        """The § panel follows the cursor; it is read only while it is shown."""
        st = self.state
        if st is None or self.pages.currentWidget() is not self.paragraf_page:
            return
        arende = st.arenden[st.cursor].id if st.arenden else None
        set_tab_text(
            self.pages,
            1,
            f"§ {st.paragraf(st.cursor)} Beslutsgång  Alt+7…0" if st.arenden else "Beslutsgång",
        )
        self.paragraf.show_arende(arende)

    def _focus_paragraf(self, widget: QWidget) -> None:
        self.pages.setCurrentWidget(self.paragraf_page)
        if not widget.isVisibleTo(self.paragraf):
            self.paragraf.unfold()
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if isinstance(widget, QTableView) and selected_row(widget) < 0:
            select_row(widget, 0)

    def _focus_val(self) -> None:
        self.pages.setCurrentWidget(self.paragraf_page)
        self.paragraf.start_val()

    def _refresh_protokoll(self) -> None:
        if self.tabs.currentWidget() is self.protokoll and self.state is not None:
            page = narvarolista.front_page_of(self.state)
            self.protokoll.setHtml(front_page_html(page))

    def _span_headings(self) -> None:
        self.people.clearSpans()
        for r, row in enumerate(self.people_model.rows()):
            if row.heading:
                self.people.setSpan(r, 0, 1, self.people_model.columnCount())

    # --- running a command ---------------------------------------------------------------

    def run(self, action: Callable[[], Andring], done: str = "") -> Andring | None:
        """Do a service action: on the undo stack when it can be undone, then shown. A
        refusal goes to the banner and nothing changes."""
        try:
            result = action()
        except ServiceError as exc:
            self.refuse(str(exc))
            return None
        self.cmd.ids.apply(result.flyttade)
        commands.push(self.undo_stack, self.cmd, result)
        self.banner.clear_message()
        self.apply(result)
        self.statusBar().showMessage(done or result.text)
        return result

    def apply(self, done: Andring) -> None:
        """Show what an action left, from the state it returned."""
        if done.sittning is not None:
            self.show_state(done.sittning)
        if done.vy is not None:
            self.paragraf.show_vy(done.vy)
        if done.val is not None:
            self.paragraf.show_val(done.val)

    def refuse(self, text: str) -> None:
        self.banner.show_message(text)
        self.statusBar().showMessage(text)

    def _time(self) -> dt.time:
        return self.ctx.clock().time().replace(second=0, microsecond=0)

    # --- people ---------------------------------------------------------------------------

    def current_person(self) -> rows.PersonRad | None:
        return self.people_model.person(self.people.currentIndex().row())

    def _next_person(self, after: int) -> int:
        for r in range(after + 1, self.people_model.rowCount()):
            if self.people_model.person(r) is not None:
                return r
        return after

    def upprop(self, letter: str) -> None:
        row = self.current_person()
        if row is None or row.person_id is None:
            return
        status = {"N": Upprop.NARVARANDE, "D": Upprop.DISTANS, "F": Upprop.FRANVARANDE}[letter]
        action = MarkeraUpprop(self.meeting_id, row.person_id, status, self._time())
        if self.run(lambda: self.cmd.run(action)):
            select_row(self.people, self._next_person(self.people.currentIndex().row()))

    def record_person(self, letter: str) -> None:
        row = self.current_person()
        if row is None or row.person_id is None or self.state is None:
            return
        kind = {"A": HandelseTyp.NARVARANDE, "G": HandelseTyp.AVGAR, "J": HandelseTyp.JAV}[letter]
        person_id, time = row.person_id, self._time()
        done = self.run(
            lambda: session.record(self.ctx.store, self.meeting_id, kind, person_id, time=time)
        )
        if done is not None:
            vacant = self.vacancy_model.rowCount() > 0 and letter != "A"
            self._say(done, "Vakant plats: Alt+3, E antar förslaget." if vacant else "")

    def _say(self, done: Andring, suffix: str) -> None:
        self.statusBar().showMessage(f"{done.text}. {suffix}" if suffix else done.text)

    # --- vacancies --------------------------------------------------------------------------

    def _vacancy(self) -> rows.VakansRad | None:
        row = selected_row(self.vacancies)
        item: rows.VakansRad | None = self.vacancy_model.row_at(row if row >= 0 else 0)
        return item

    def accept_proposal(self) -> None:
        vacancy = self._vacancy()
        if vacancy is None:
            self.statusBar().showMessage("Inga vakanta platser.")
            return
        if vacancy.top is None:
            self.refuse(f"Ingen ersättare är tillgänglig för {vacancy.plats}.")
            return
        self._serve(vacancy, vacancy.top)

    def choose(self) -> None:
        """A short popup list of the other available ersättare, best first; a digit picks.
        Non-blocking: the choice arrives through `triggered`."""
        vacancy = self._vacancy()
        if vacancy is None or not vacancy.forslag:
            self.refuse("Ingen ersättare att välja bland.")
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.setAccessibleName(f"Ersättare för {vacancy.plats}")
        for number, person in enumerate(vacancy.forslag[:9], start=1):
            act = menu.addAction(f"&{number}  {person.label}")
            act.triggered.connect(lambda _=False, d=person: self._serve(vacancy, d))
        rect = self.vacancies.visualRect(self.vacancy_model.index(selected_row(self.vacancies), 1))
        menu.popup(self.vacancies.viewport().mapToGlobal(rect.bottomLeft()))
        self.choice_menu = menu

    def _serve(self, vacancy: rows.VakansRad, person: Deltagare) -> None:
        time, seat = self._time(), vacancy.seat
        done = self.run(
            lambda: session.record(
                self.ctx.store,
                self.meeting_id,
                HandelseTyp.TJANSTGOR,
                person.person_id,
                time=time,
                seat=seat,
            )
        )
        if done is not None:
            select_row(self.vacancies, 0)

    # --- the agenda cursor -------------------------------------------------------------------

    def _move(self, position: int, handling: bool) -> None:
        st = self.state
        if st is None:
            return
        if position != st.cursor and not self._leave_paragraf():
            return
        action = SattMarkor(self.meeting_id, position, handling)
        self.run(lambda: self.cmd.run(action))

    def handle_current(self) -> None:
        st = self.state
        if st is None or not st.arenden:
            return
        if st.under_behandling:
            self.statusBar().showMessage(f"§ {st.paragraf(st.cursor)} behandlas redan.")
            return
        self._move(st.cursor, True)

    def next_arende(self) -> None:
        st = self.state
        if st is None:
            return
        if st.cursor + 1 >= len(st.arenden):
            self.statusBar().showMessage(
                f"§ {st.paragraf(st.cursor)} är sista ärendet. Avsluta sammanträdet i menyn "
                "Sammanträde."
            )
            return
        left = st.arenden[st.cursor]
        self._move(st.cursor + 1, False)
        if self.state is not None and self.state.cursor == st.cursor + 1:
            self._warn_if_undecided(left.id, left.paragraf)

    def _warn_if_undecided(self, arende_id: int, paragraf: int) -> None:
        """Said, not stopped: the chair may take a § up again later (Ctrl+PgUp)."""
        vy = beslut.load_paragraf(self.ctx.store, arende_id)
        if vy.brister:
            self.banner.show_message(
                f"§ {paragraf} lämnades utan färdigt beslut: {vy.brister[0]} "
                "Ctrl+PgUp går tillbaka."
            )

    def previous_arende(self) -> None:
        st = self.state
        if st is None or st.cursor == 0:
            return
        self._move(st.cursor - 1, False)

    def goto_selected(self) -> None:
        row = selected_row(self.agenda_view)
        if row >= 0 and self.state is not None:
            self._move(row, False)

    # --- the event log ---------------------------------------------------------------------

    def _edit_time(self, event_id: int, text: str) -> None:
        try:
            time = rows.parse_klockslag(text)
        except ValueError:
            self.refuse(f"”{text}” är ingen tid. Skriv tiden som tt.mm, t.ex. 13.40.")
            return
        action = SattTid(event_id, time)
        self.run(lambda: self.cmd.run(action))

    def remove_selected_event(self) -> None:
        post = self.event_model.post(selected_row(self.events))
        if post is not None:
            event_id = post.id
            self.run(lambda: session.remove_event(self.ctx.store, event_id))

    # --- undo ---------------------------------------------------------------------------------

    def undo(self) -> None:
        self._step(commands.undo)

    def redo(self) -> None:
        self._step(commands.redo)

    def _leave_paragraf(self) -> bool:
        """A half-entered yrkande is settled (Spara/Kasta) before the § changes; False: stay."""
        if not self.paragraf.entry.pending():
            return True
        back = QApplication.focusWidget()
        try:
            return self.paragraf.settle_pending()
        finally:
            if self.paragraf.entry.pending():
                self._give_back_focus(self.paragraf.entry.vem)
            else:
                self._give_back_focus(back)

    def _step(self, step: commands.Step) -> None:
        stack = self.undo_stack
        at = stack.index() - 1 if step is commands.undo else stack.index()
        command = stack.command(at) if 0 <= at < stack.count() else None
        moves = isinstance(command, commands.ActionCommand) and command.moves_cursor
        if moves and not self._leave_paragraf():
            return
        done, message = step(self.undo_stack)
        if message:
            self.refresh()
            self.refuse(message)
            return
        self.banner.clear_message()
        if done is not None:
            self.apply(commands.shown(done))
            verb = "Ångrat" if step is commands.undo else "Gjort om"
            self.statusBar().showMessage(f"{verb}: {done.text()}")

    def _undo_texts(self) -> None:
        can_undo, can_redo = self.undo_stack.canUndo(), self.undo_stack.canRedo()
        self.undo_action.setText(f"&Ångra {self.undo_stack.undoText()}" if can_undo else "&Ångra")
        self.redo_action.setText(f"&Gör om {self.undo_stack.redoText()}" if can_redo else "&Gör om")

    # --- quorum, export, closing -----------------------------------------------------------------

    def override_quorum(self) -> None:
        back = QApplication.focusWidget()
        try:
            self._override_quorum()
        finally:
            self._give_back_focus(back)

    def _give_back_focus(self, widget: QWidget | None) -> None:
        """After a question box the keyboard goes back where it was."""
        self.activateWindow()
        if widget is not None and widget.window() is self:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _override_quorum(self) -> None:
        st = self.state
        if st is None or st.state != PAGAR or not st.arenden:
            return
        quorum = st.beslutforhet(st.cursor)
        if quorum is None or quorum.ok:
            self.statusBar().showMessage("Beslutförhet finns; inget undantag behövs.")
            return
        para = f"§ {st.paragraf(st.cursor)}"
        if not confirm(
            self,
            "Fortsätt utan beslutförhet",
            f"{para}: {quorum.text}.\n\nEtt beslut utan beslutförhet kan upphävas vid "
            "laglighetsprövning. Vill du ändå fortsätta? Undantaget loggas med tid.",
        ):
            return
        motivering, ok = QInputDialog.getText(
            self, "Fortsätt utan beslutförhet", "Motivering (frivillig):", QLineEdit.EchoMode.Normal
        )
        if not ok:
            return
        position, now = st.cursor, self.ctx.clock()
        self.run(
            lambda: session.quorum_override(
                self.ctx.store, self.meeting_id, position, now, motivering
            )
        )

    def export_csv(self) -> None:
        back = QApplication.focusWidget()
        try:
            self._export_csv()
        finally:
            self._give_back_focus(back)

    def _export_csv(self) -> None:
        name = f"narvaro-{self.meeting.date.isoformat()}.csv"
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Exportera närvaro för arvode",
            str(Path.home() / name),
            "CSV-fil (*.csv)",
        )
        if not path:
            return
        try:
            text = narvarolista.arvode_csv(self.ctx.store, self.meeting_id)
            Path(path).write_text(text, encoding="utf-8-sig", newline="")
        except (ServiceError, OSError) as exc:
            self.refuse(f"Filen kunde inte sparas: {exc}")
            return
        self.statusBar().showMessage(f"Närvaron är sparad i {path}.")

    # --- times and ajourneringar -----------------------------------------------------------

    def edit_times(self) -> None:
        dialog = TiderDialog(self.ctx, self.meeting_id, self)
        dialog.exec()
        if dialog.changed:
            self.refresh()

    def toggle_ajournering(self) -> None:
        """Ctrl+Shift+A: the meeting is ajournerat now, or resumes now if it was."""
        now = self.ctx.clock()
        at = now.time().replace(second=0, microsecond=0)
        try:
            if tider.las_tider(self.ctx.store, self.meeting_id).pagaende is None:
                tider.ajournera(self.ctx.store, self.meeting_id, at, None, now)
                text = (
                    f"Sammanträdet är ajournerat från kl. {klockslag(at)}. Ctrl+Shift+A återupptar."
                )
                self.banner.show_message(text)
            else:
                tider.ateruppta(self.ctx.store, self.meeting_id, at, now)
                text = f"Sammanträdet återupptogs kl. {klockslag(at)}."
                self.banner.clear_message()
        except ServiceError as exc:
            self.refuse(str(exc))
            return
        self.statusBar().showMessage(text)

    def close_meeting(self) -> None:
        back = QApplication.focusWidget()
        try:
            self._close_meeting()
        finally:
            self._give_back_focus(back)

    def _close_meeting(self) -> None:
        if not confirm(
            self,
            "Avsluta sammanträdet",
            "Avsluta sammanträdet nu? Närvaron låses och ångra-historiken töms.",
        ):
            return
        try:
            avslut.close_meeting(self.ctx.store, self.meeting_id, self.ctx.clock())
        except ServiceError:
            punkter = beslut.kontrollista(self.ctx.store, self.meeting_id)
            if not punkter:
                raise
            if KontrollDialog(punkter, True, self).exec() != KontrollDialog.DialogCode.Accepted:
                self.statusBar().showMessage("Sammanträdet är inte avslutat.")
                return
            if not confirm(
                self,
                "Avsluta ändå",
                "Avsluta trots att protokollet saknar det som räknas upp? Bristerna står kvar "
                "i kontrollistan för utkastet.",
            ):
                return
            try:
                avslut.close_meeting(
                    self.ctx.store, self.meeting_id, self.ctx.clock(), trots_brister=True
                )
            except ServiceError as exc:
                self.refuse(str(exc))
                return
        self.undo_stack.clear()
        self.ctx.changes.changed.emit("meetings")
        self.refresh()
        self.statusBar().showMessage("Sammanträdet är avslutat.")

    def show_kontrollista(self) -> None:
        """The checklist at any time; it does not block the window."""
        dialog = KontrollDialog(beslut.kontrollista(self.ctx.store, self.meeting_id), False, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.kontroll_dialog = dialog

    # --- focus and hints ------------------------------------------------------------------

    def _focus_panel(self, widget: QWidget, tab: int | None) -> None:
        self.pages.setCurrentIndex(0)
        if tab is not None:
            self.tabs.setCurrentIndex(tab)
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if widget is self.events:
            select_row(self.events, self.event_model.rowCount() - 1)  # the newest
            self.events.scrollToBottom()
        elif isinstance(widget, QTableView) and selected_row(widget) < 0:
            select_row(widget, self._next_person(-1) if widget is self.people else 0)

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        names: dict[QWidget, str] = {
            self.people: "people",
            self.agenda_view: "agenda",
            self.vacancies: "vacancies",
            self.events: "events",
        }
        local = LOCAL_HINTS.get(names.get(now, ""), "") if now is not None else ""
        if now is not None and self.paragraf.isAncestorOf(now):
            self.paragraf_page.ensureWidgetVisible(now)  # the keyboard's place is in view
            if not local:
                local = self.paragraf.hint_for(now)
        self.hints.show_hints(local, GENERAL_HINT)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._leave_paragraf():
            event.ignore()
            return
        QApplication.instance().focusChanged.disconnect(self._focus_changed)  # type: ignore[union-attr]
        if self.state is not None and self.state.state == PAGAR:
            self.ctx.changes.said.emit(
                f"Sammanträdet {self.meeting.title} pågår fortfarande. Öppna sammanträdesläget "
                "igen för att fortsätta, eller avsluta det där."
            )
        save_geometry(self.ctx.settings, SETTINGS_KEY, self)
        save_splitter(self.ctx.settings, SETTINGS_KEY, self.splitter)
        super().closeEvent(event)
