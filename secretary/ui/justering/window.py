"""The meeting's window after the meeting (issue 6): where it stands, always visible, and the
next step as a button with a confirmation; the drafts sent to the justerare and what changed
between them; the review; justering, rättelse, omedelbar justering; the anslag; the web
version; the reminders and the log. Every change goes through a service."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from secretary.domain.anslag import anslagsdatum
from secretary.domain.arbetsgang import LAST, Tillstand
from secretary.services import (
    agenda,
    anslag,
    arbetsgang,
    avslut,
    bestyrkande,
    dokument,
    lage,
    omedelbar,
    register,
    versioner,
)
from secretary.services.errors import ServiceError
from secretary.services.granskning import Status, list_kommentarer
from secretary.services.lage import Lage
from secretary.services.versioner import Slag, VersionInfo
from secretary.ui.common import (
    confirm,
    quit_program,
    restore_geometry,
    save_geometry,
    show_error,
)
from secretary.ui.context import AppContext
from secretary.ui.documents.preview import PreviewDialog, busy, guarded, show_document
from secretary.ui.hjalp import visa_hjalp
from secretary.ui.justering.dialogs import JusteraDialog, RattelseDialog
from secretary.ui.justering.granskning import GranskningTab, KommentarerTab
from secretary.ui.justering.html import diff_html
from secretary.ui.justering.tabs import (
    AnslagTab,
    LoggTab,
    PaminnelserTab,
    PubliceringTab,
    fill,
    table,
)
from secretary.ui.justering.underskrifter import UnderskrifterTab
from secretary.ui.table import action

SETTINGS_KEY = "windows/justering"

# The colour of the state bar: grey before, amber under review, green once final.
FARG = {
    Tillstand.PLANERAT: ("#eceff1", "#37474f"),
    Tillstand.PAGAR: ("#e3f2fd", "#0d47a1"),
    Tillstand.UTKAST: ("#fff8e1", "#6d4c00"),
    Tillstand.FOR_JUSTERING: ("#fff3e0", "#8a3b00"),
    Tillstand.FOR_UNDERSKRIFT: ("#fff3e0", "#8a3b00"),
    Tillstand.JUSTERAT: ("#e8f5e9", "#1b5e20"),
    Tillstand.ANSLAGET: ("#e0f2f1", "#004d40"),
    Tillstand.NEDTAGET: ("#eceff1", "#37474f"),
}

NASTA = {
    Tillstand.PLANERAT: "Sammanträdet har inte börjat.",
    Tillstand.PAGAR: "Sammanträdet pågår. Avsluta det för att få ett utkast till protokoll.",
    Tillstand.UTKAST: "Nästa steg: skicka utkastet till justerarna.",
    Tillstand.FOR_JUSTERING: "Justerarna granskar utkastet. Nästa steg: justera.",
    Tillstand.FOR_UNDERSKRIFT: "Den slutliga versionen väntar på underskrifter; protokollet "
    "är justerat när alla har signerat.",
    Tillstand.JUSTERAT: "Protokollet är låst. Nästa steg: sätt upp anslaget.",
    Tillstand.ANSLAGET: "Anslaget sitter uppe till sista dagen för överklagande.",
    Tillstand.NEDTAGET: "Anslaget är nedtaget; sammanträdet är avslutat i alla led.",
}


class JusteringWindow(QWidget):
    def __init__(self, ctx: AppContext, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        quit_all = action(self, "Avsluta programmet", "Ctrl+Q")
        quit_all.triggered.connect(quit_program)
        self.addAction(quit_all)
        keys = action(self, "Tangenter och hjälp", "F1")
        keys.triggered.connect(lambda: visa_hjalp(self))
        self.addAction(keys)
        meeting = agenda.get_meeting(ctx.store, meeting_id)
        organ = register.get_organ(ctx.store, meeting.organ_id)
        self.start = dokument.prefix(organ.short_name, organ.name, meeting.date)
        self.setWindowTitle(f"Protokoll och justering – {meeting.title}")
        self.lage: Lage = lage.lage(ctx.store, meeting_id)
        self.versions: list[VersionInfo] = []
        self.previews: list[PreviewDialog] = []
        self.diff_source = ""  # the HTML last shown in the diff view

        title = QLabel(f"{meeting.organ_name} – sammanträde {meeting.date.isoformat()}")
        title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.tamper_label = QLabel()
        self.tamper_label.setWordWrap(True)
        self.tamper_label.setAccessibleName("Kontroll av sparade versioner")
        self.tamper_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.state_bar = QFrame()
        self.state_bar.setObjectName("stateBar")
        self.state_label = QLabel()
        self.state_label.setAccessibleName("Läge")
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        self.blocking_label = QLabel()
        self.blocking_label.setWordWrap(True)
        bar = QVBoxLayout(self.state_bar)
        bar.setContentsMargins(14, 10, 14, 10)
        state_row = QHBoxLayout()
        state_row.addWidget(QLabel("Läge:"))
        state_row.addWidget(self.state_label)
        state_row.addStretch(1)
        bar.addLayout(state_row)
        bar.addWidget(self.next_label)
        bar.addWidget(self.blocking_label)

        self.close_button = self._button("Avsluta sammanträdet…", self.close_meeting)
        self.send_button = self._button("Skicka utkast till justerarna…", self.send)
        self.withdraw_button = self._button("Ta tillbaka utkastet…", self.withdraw)
        self.justera_button = self._button("Justera…", self.justera)
        self.omedelbar_button = self._button("Justera omedelbart…", self.justera_omedelbart)
        self.anslag_button = self._button("Sätt upp anslaget…", self.satt_upp)
        self.ta_ned_button = self._button("Ta ned anslaget…", self.ta_ned)
        self.rattelse_button = self._button("Rättelse…", self.rattelse)
        self.action_buttons = (
            self.close_button,
            self.send_button,
            self.withdraw_button,
            self.justera_button,
            self.omedelbar_button,
            self.anslag_button,
            self.ta_ned_button,
            self.rattelse_button,
        )
        actions = QHBoxLayout()
        for b in self.action_buttons:
            actions.addWidget(b)
        actions.addStretch(1)
        bar.addLayout(actions)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._versions_tab(), "Versioner")
        self.granskning_tab = GranskningTab(ctx, meeting_id, self._changed)
        self.kommentarer_tab = KommentarerTab(ctx, meeting_id, self._changed)
        self.underskrifter_tab = UnderskrifterTab(ctx, meeting_id, self.start, self._changed)
        self.anslag_tab = AnslagTab()
        self.anslag_tab.satt_upp_button.clicked.connect(self.satt_upp)
        self.anslag_tab.bevis_button.clicked.connect(self.anslagsbevis)
        self.anslag_tab.ta_ned_button.clicked.connect(self.ta_ned)
        self.publicering_tab = PubliceringTab(ctx, meeting_id, self.start)
        self.paminnelser_tab = PaminnelserTab(ctx)
        self.logg_tab = LoggTab()
        self.tabs.addTab(self.granskning_tab, "Granskning")
        self.tabs.addTab(self.kommentarer_tab, "Kommentarer")
        self.tabs.addTab(self.underskrifter_tab, "Underskrifter")
        self.tabs.addTab(self.anslag_tab, "Anslag")
        self.tabs.addTab(self.publicering_tab, "Webbversion")
        self.tabs.addTab(self.paminnelser_tab, "Påminnelser")
        self.tabs.addTab(self.logg_tab, "Logg")

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tamper_label)
        layout.addWidget(self.state_bar)
        layout.addWidget(self.tabs, 1)

        restore_geometry(ctx.settings, SETTINGS_KEY, self, (1100, 760))
        self.refresh()
        self.check_tamper()
        ctx.changes.changed.connect(self._on_changes)

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        b = QPushButton(text)
        b.setAutoDefault(False)
        b.clicked.connect(lambda: slot())
        return b

    # --- versions and the changes between them ---------------------------------------

    def _versions_tab(self) -> QWidget:
        tab = QWidget()
        self.versions_table = table(["Version", "Slag", "Sparad", "§§", "SHA-256"], 4, "Versioner")
        self.versions_table.itemSelectionChanged.connect(self._version_chosen)
        self.versions_table.doubleClicked.connect(lambda _: self.show_version())
        self.show_version_button = QPushButton("Visa PDF…")
        self.show_version_button.clicked.connect(lambda: self.show_version())
        self.compare_combo = QComboBox()
        self.compare_combo.setAccessibleName("Jämför med version")
        self.compare_combo.currentIndexChanged.connect(self._show_diff)
        self.diff_view = QTextBrowser()
        self.diff_view.setAccessibleName("Ändringar mellan versionerna")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.versions_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.show_version_button)
        row.addStretch(1)
        left_layout.addLayout(row)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        compare = QHBoxLayout()
        compare.addWidget(QLabel("Ändringar sedan:"))
        compare.addWidget(self.compare_combo, 1)
        right_layout.addLayout(compare)
        right_layout.addWidget(self.diff_view, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([480, 560])
        layout = QVBoxLayout(tab)
        layout.addWidget(split)
        return tab

    def current_version(self) -> VersionInfo | None:
        rows = self.versions_table.selectionModel().selectedRows()
        return self.versions[rows[0].row()] if rows else None

    def select_version(self, nummer: int) -> None:
        for r, v in enumerate(self.versions):
            if v.nummer == nummer:
                self.versions_table.selectRow(r)

    def _version_chosen(self) -> None:
        v = self.current_version()
        self.show_version_button.setEnabled(v is not None)
        self.compare_combo.blockSignals(True)
        self.compare_combo.clear()
        earlier = [x for x in self.versions if v is not None and x.nummer < v.nummer]
        for x in reversed(earlier):
            self.compare_combo.addItem(x.text, x.nummer)
        # Default: the draft before, so the justerare re-reads only what changed.
        same = [x for x in reversed(earlier) if v is not None and x.slag is v.slag]
        if same:
            self.compare_combo.setCurrentIndex(self.compare_combo.findData(same[0].nummer))
        self.compare_combo.setEnabled(bool(earlier))
        self.compare_combo.blockSignals(False)
        self._show_diff()

    def _show_diff(self) -> None:
        v = self.current_version()
        fore = self.compare_combo.currentData()
        if v is None:
            self.diff_view.setHtml("<p>Välj en version.</p>")
            return
        if fore is None:
            self.diff_view.setHtml(
                f"<p>{v.text} är den första versionen; det finns inget att jämföra med.</p>"
            )
            return
        try:
            changes = versioner.jamfor_versioner(self.ctx.store, self.meeting_id, fore, v.nummer)
        except ServiceError as exc:
            self.diff_view.setHtml(f"<p>{exc}</p>")
            return
        self.diff_source = diff_html(self._namn(fore), self._namn(v.nummer), changes)
        self.diff_view.setHtml(self.diff_source)

    def _namn(self, nummer: int) -> str:
        """'utkast 2' for a draft, 'version 3' for the others."""
        v = next((x for x in self.versions if x.nummer == nummer), None)
        if v is not None and v.slag is Slag.UTKAST:
            return f"utkast {self._utkast_nr(v)}"
        return f"version {nummer}"

    def show_version(self, nummer: int | None = None) -> PreviewDialog | None:
        """A stored version's PDF exactly as it was made, in the documents preview."""
        v = self.current_version() if nummer is None else None
        nummer = nummer if nummer is not None else (v.nummer if v else None)
        if nummer is None:
            return None
        try:
            doc = dokument.version(self.ctx.store, self.meeting_id, nummer)
        except ServiceError as exc:
            show_error(self, "Versionen kan inte visas", exc)
            return None
        dialog = show_document(self.ctx.settings, doc, self)
        if dialog is not None:
            self.previews.append(dialog)
            dialog.destroyed.connect(
                lambda _=None, d=dialog: self.previews.remove(d) if d in self.previews else None
            )
        return dialog

    # --- refresh -----------------------------------------------------------------------

    def _on_changes(self, _what: str) -> None:
        try:
            self.refresh()
        except ServiceError:
            self.close()  # the meeting was removed

    def _changed(self) -> None:
        """After a service call: every view refreshes from the one signal."""
        self.ctx.changes.changed.emit("meetings")

    def refresh(self) -> None:
        self.lage = lage.lage(self.ctx.store, self.meeting_id)
        t = self.lage.state
        idag = self.ctx.clock().date()
        bg, fg = FARG[t]
        self.state_bar.setStyleSheet(
            f"#stateBar {{ background: {bg}; border: 1px solid {fg}; border-radius: 6px; }}"
            f"#stateBar QLabel {{ color: {fg}; }}"
        )
        self.state_label.setText(self.lage.text)
        self.state_label.setStyleSheet("font-size: 16pt; font-weight: 700;")
        self.underskrifter_tab.refresh(t)
        signerade = self.underskrifter_tab.data.sammanfattning
        vantar = bestyrkande.vantande(self.ctx.store, self.meeting_id) if t in LAST else ""
        self.next_label.setText(
            NASTA[t]
            + (f" {signerade}" if signerade and t is not Tillstand.FOR_JUSTERING else "")
            + (f" Dessutom: {vantar} (utdrag eller anslagsbevis)." if vantar else "")
        )

        comments = list_kommentarer(self.ctx.store, self.meeting_id)
        n_open = sum(1 for k in comments if k.status is Status.OPPEN)
        blocked = t is Tillstand.FOR_JUSTERING and n_open > 0
        self.blocking_label.setVisible(blocked)
        self.blocking_label.setText(
            f"<b>Justering är spärrad:</b> {n_open} öppen kommentar från justerarna. "
            if n_open == 1
            else f"<b>Justering är spärrad:</b> {n_open} öppna kommentarer från justerarna. "
        )
        self.blocking_label.setText(
            self.blocking_label.text()
            + f"Besvara eller för in {'den' if n_open == 1 else 'dem'} under Kommentarer."
        )
        self.blocking_label.setStyleSheet("color: #a40000;")

        self.close_button.setVisible(t is Tillstand.PAGAR)
        self.send_button.setVisible(t in (Tillstand.UTKAST, Tillstand.FOR_JUSTERING))
        n = self.lage.antal_utkast + 1
        self.send_button.setText(
            "Skicka utkast till justerarna…"
            if t is Tillstand.UTKAST
            else f"Skicka nytt utkast (utkast {n})…"
        )
        self.withdraw_button.setVisible(t is Tillstand.FOR_JUSTERING)
        self.justera_button.setVisible(t in (Tillstand.FOR_JUSTERING, Tillstand.FOR_UNDERSKRIFT))
        self.justera_button.setText(
            "Justera på papper…" if t is Tillstand.FOR_UNDERSKRIFT else "Justera…"
        )
        self.justera_button.setEnabled(not blocked)
        self.justera_button.setToolTip(
            "Besvara de öppna kommentarerna först" if blocked else "Justera och lås protokollet"
        )
        waiting = self.lage.vantar_omedelbar
        self.omedelbar_button.setVisible(bool(waiting) and t not in LAST)
        self.omedelbar_button.setText(
            f"Justera omedelbart ({', '.join(f'§ {p}' for p in waiting)})…"
        )
        self.anslag_button.setVisible(t is Tillstand.JUSTERAT)
        due = t is Tillstand.ANSLAGET and self.lage.nedtagning is not None
        self.ta_ned_button.setVisible(
            due and self.lage.nedtagning is not None and idag >= self.lage.nedtagning
        )
        self.rattelse_button.setVisible(t in LAST or bool(self.lage.omedelbart_justerade))

        chosen = self.current_version()
        self.versions = versioner.list_versioner(self.ctx.store, self.meeting_id)
        fill(
            self.versions_table,
            [
                [
                    str(v.nummer),
                    v.slag_text + (f" {self._utkast_nr(v)}" if v.slag is Slag.UTKAST else ""),
                    f"{v.created:%Y-%m-%d %H.%M}",
                    ", ".join(str(p) for p in v.paragrafer) or "alla",
                    v.pdf_sha256[:16] + "…",
                ]
                for v in self.versions
            ],
        )
        if self.versions:
            self.select_version(chosen.nummer if chosen else self.versions[-1].nummer)
        self._version_chosen()

        self.granskning_tab.refresh(t, self.lage.senaste_utkast)
        self.kommentarer_tab.refresh(t)
        self.tabs.setTabText(
            2,
            "Kommentarer"
            if not n_open
            else f"Kommentarer ({n_open} {'öppen' if n_open == 1 else 'öppna'})",
        )
        self.anslag_tab.refresh(self.lage, idag)
        self.paminnelser_tab.refresh(idag)
        self.logg_tab.refresh(lage.logg(self.ctx.store, self.meeting_id))

    def _utkast_nr(self, v: VersionInfo) -> int:
        """Drafts are counted on their own: 'utkast 2' is the second draft."""
        drafts = [x.nummer for x in self.versions if x.slag is Slag.UTKAST]
        return drafts.index(v.nummer) + 1 if v.nummer in drafts else 0

    def check_tamper(self) -> list[str]:
        """The tamper check at open: each stored version against its SHA-256 digest."""
        found = versioner.kontrollera(self.ctx.store, self.meeting_id)
        if found:
            items = "".join(f"<li>{f}</li>" for f in found)
            self.tamper_label.setText(
                "<b>Varning: sparade versioner har ändrats utanför programmet.</b>"
                f"<ul style='margin:4px 0'>{items}</ul>"
                "Det justerade protokollet går inte att lita på. Jämför med arkivexemplaret "
                "och kontakta systemförvaltaren."
            )
            self.tamper_label.setStyleSheet(
                "background: #fdecea; color: #a40000; border: 2px solid #c62828;"
                "border-radius: 6px; padding: 8px;"
            )
        self.tamper_label.setVisible(bool(found))
        return found

    # --- the steps -----------------------------------------------------------------------

    def _run(self, title: str, call: Callable[[], object]) -> object | None:
        done, result = guarded(self, title, call)
        if done:
            self._changed()
        return result

    def close_meeting(self) -> bool:
        if not confirm(
            self,
            "Avsluta sammanträdet",
            "Avsluta sammanträdet? Närvaro och föredragningslista låses, och protokollet "
            "blir ett utkast.",
        ):
            return False
        now = self.ctx.clock()
        try:
            avslut.close_meeting(self.ctx.store, self.meeting_id, now)
        except ServiceError as exc:
            if not confirm(self, "Avsluta ändå?", f"{exc}\n\nAvsluta sammanträdet ändå?"):
                return False
            try:
                avslut.close_meeting(self.ctx.store, self.meeting_id, now, trots_brister=True)
            except ServiceError as again:
                show_error(self, "Sammanträdet kan inte avslutas", again)
                return False
        self._changed()
        return True

    def send(self) -> VersionInfo | None:
        n = self.lage.antal_utkast + 1
        if not confirm(
            self,
            "Skicka utkast",
            f"Spara utkast {n} (PDF med UTKAST) och skicka det till justerarna?",
        ):
            return None
        version = self._run(
            "Utkastet kan inte skickas",
            lambda: arbetsgang.skicka_for_justering(
                self.ctx.store, self.meeting_id, self.ctx.clock()
            ),
        )
        if isinstance(version, VersionInfo):
            self.select_version(version.nummer)
            return version
        return None

    def withdraw(self) -> None:
        if confirm(
            self,
            "Ta tillbaka utkastet",
            "Ta tillbaka utkastet från justerarna för att arbeta vidare med det?",
        ):
            self._run(
                "Utkastet kan inte tas tillbaka",
                lambda: arbetsgang.ta_tillbaka(self.ctx.store, self.meeting_id, self.ctx.clock()),
            )

    def justera(self) -> VersionInfo | None:
        dialog = JusteraDialog(self.ctx.clock().date(), self)
        if not dialog.exec():
            return None
        datum = dialog.datum()
        if not confirm(
            self,
            "Justera protokollet",
            f"Justera protokollet med justeringsdag {datum.isoformat()}?\n\n"
            "Det slutliga protokollet sparas och låses. Efter justeringen kan det bara "
            "ändras genom en rättelse.",
        ):
            return None
        version = self._run(
            "Protokollet kan inte justeras",
            lambda: arbetsgang.justera(self.ctx.store, self.meeting_id, self.ctx.clock(), datum),
        )
        if isinstance(version, VersionInfo):
            self.select_version(version.nummer)
            self.tabs.setCurrentWidget(self.anslag_tab)
            return version
        return None

    def justera_omedelbart(self) -> VersionInfo | None:
        numbers = ", ".join(f"§ {p}" for p in self.lage.vantar_omedelbar)
        if not confirm(
            self,
            "Omedelbar justering",
            f"Justera {numbers} omedelbart, som ett eget dokument? Paragrafen låses; resten "
            "av protokollet justeras som vanligt.",
        ):
            return None
        version = self._run(
            "Omedelbar justering kan inte göras",
            lambda: omedelbar.justera_omedelbart(self.ctx.store, self.meeting_id, self.ctx.clock()),
        )
        if isinstance(version, VersionInfo):
            self.select_version(version.nummer)
            return version
        return None

    def satt_upp(self) -> object | None:
        datum = anslagsdatum(self.anslag_tab.datum())
        self.tabs.setCurrentWidget(self.anslag_tab)
        if not confirm(self, "Sätt upp anslaget", f"{datum.text}\n\nSätt upp anslaget?"):
            return None
        return self._run(
            "Anslaget kan inte sättas upp",
            lambda: anslag.satt_upp(
                self.ctx.store, self.meeting_id, self.ctx.clock(), datum.uppsatt
            ),
        )

    def ta_ned(self) -> object | None:
        idag = self.ctx.clock().date()
        if not confirm(
            self,
            "Ta ned anslag",
            "Ta ned anslaget? Alla anslag vars sista dag för överklagande har gått tas ned "
            f"per {idag.isoformat()}.",
        ):
            return None
        return self._run(
            "Anslaget kan inte tas ned",
            lambda: anslag.ta_ned_forfallna(self.ctx.store, idag, self.ctx.clock()),
        )

    def rattelse(self) -> VersionInfo | None:
        dialog = RattelseDialog(self.ctx, self.meeting_id, self)
        if not dialog.exec() or dialog.version is None:
            return None
        self._changed()
        self.select_version(dialog.version.nummer)
        self.tabs.setCurrentIndex(0)
        return dialog.version

    def anslagsbevis(self) -> PreviewDialog | None:
        try:
            with busy():
                doc = dokument.anslagsbevis(self.ctx.store, self.meeting_id)
        except ServiceError as exc:
            show_error(self, "Anslagsbeviset kan inte skapas", exc)
            return None
        dialog = show_document(self.ctx.settings, doc, self)
        if dialog is not None:
            self.previews.append(dialog)
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        save_geometry(self.ctx.settings, SETTINGS_KEY, self)
        super().closeEvent(event)
