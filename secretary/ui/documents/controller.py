"""The Dokument menu: which meeting, which document, and the busy cursor while it renders.

The window only adds `menu` to its menu bar and calls `set_meeting` when the selection
changes; everything else happens here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QWidget,
)

from secretary.services import agenda, dokument
from secretary.services.dokument import Dokument
from secretary.services.errors import ServiceError
from secretary.ui.common import show_error
from secretary.ui.context import AppContext
from secretary.ui.table import action

if TYPE_CHECKING:  # the PDF side loads when a document is asked for, not at start-up
    from secretary.services.dokument import Anslag
    from secretary.ui.documents.preview import PreviewDialog


class DocumentController(QObject):
    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.meeting_id: int | None = None
        self.open_dialogs: list[QWidget] = []
        self.utkast_action = action(window, "Protokoll – &utkast…", "Ctrl+Shift+P")
        self.utkast_action.setStatusTip("Förhandsgranska protokollet med UTKAST på varje sida")
        self.utkast_action.triggered.connect(lambda: self.protokoll(utkast=True))
        self.slutligt_action = action(window, "Protokoll – &slutligt…")
        self.slutligt_action.setStatusTip(
            "Förhandsgranska protokollet att justera, med signaturfält för underskrifterna"
        )
        self.slutligt_action.triggered.connect(lambda: self.protokoll(utkast=False))
        self.utdrag_action = action(window, "Protokolls&utdrag…")
        self.utdrag_action.setStatusTip("Utdrag av valda paragrafer, eller ett per mottagare")
        self.utdrag_action.triggered.connect(self.utdrag)
        self.anslag_action = action(window, "&Anslagsbevis…")
        self.anslag_action.setStatusTip("Anslagsbeviset för anslagstavlan")
        self.anslag_action.triggered.connect(self.anslagsbevis)
        self.kallelse_action = action(window, "&Kallelse…")
        self.kallelse_action.setStatusTip(
            "Kallelsen med föredragningslistan; efter utskick en numrerad ändrad kallelse"
        )
        self.kallelse_action.triggered.connect(self.kallelse)
        self.lista_action = action(window, "&Föredragningslista…")
        self.lista_action.triggered.connect(self.foredragningslista)
        self.kungorelse_action = action(window, "Kun&görelse…")
        self.kungorelse_action.setStatusTip("Kommunfullmäktiges kungörelse för anslagstavlan")
        self.kungorelse_action.triggered.connect(self.kungorelse)
        self.skicka_action = action(window, "S&kicka kallelse…")
        self.skicka_action.setStatusTip(
            "Registrera kallelsen som skickad och skriv ett e-postmeddelande per mottagare"
        )
        self.skicka_action.triggered.connect(self.skicka_kallelse)
        self.uppsatt_action = action(window, "Kungörelsen &uppsatt…")
        self.uppsatt_action.setStatusTip("Dagen kungörelsen sattes upp på anslagstavlan")
        self.uppsatt_action.triggered.connect(self.kungorelse_uppsatt)
        self.actions = (
            self.utkast_action,
            self.slutligt_action,
            self.utdrag_action,
            self.anslag_action,
            self.kallelse_action,
            self.lista_action,
            self.kungorelse_action,
            self.uppsatt_action,
            self.skicka_action,
        )
        self.menu = QMenu("&Dokument", window)
        self.menu.addActions(
            [
                self.kallelse_action,
                self.lista_action,
                self.kungorelse_action,
                self.uppsatt_action,
                self.skicka_action,
            ]
        )
        self.menu.addSeparator()
        self.menu.addActions([self.utkast_action, self.slutligt_action])
        self.menu.addSeparator()
        self.menu.addActions([self.utdrag_action, self.anslag_action])
        window.addAction(self.utkast_action)
        self.set_meeting(None)

    def set_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        for act in self.actions:
            act.setEnabled(meeting_id is not None)

    # --- the documents ----------------------------------------------------------------

    def _make(self, title: str, make: Callable[[], Dokument]) -> Dokument | None:
        """A document from the service, under the busy cursor; None after a message."""
        from secretary.ui.documents.preview import busy

        try:
            with busy():
                return make()
        except ServiceError as exc:
            show_error(self.window, title, exc)
            return None

    def _show(self, doc: Dokument) -> PreviewDialog | None:
        from secretary.ui.documents.preview import show_document

        dialog = show_document(self.ctx.settings, doc, self.window)
        if dialog is not None:
            self._keep(dialog)
        return dialog

    def _keep(self, dialog: QWidget) -> None:
        self.open_dialogs.append(dialog)
        dialog.destroyed.connect(
            lambda _=None, d=dialog: self.open_dialogs.remove(d) if d in self.open_dialogs else None
        )

    def _fore(self, make: Callable[[Any, int], Dokument]) -> PreviewDialog | None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return None
        store = self.ctx.store
        doc = self._make("Dokumentet kan inte skapas", lambda: make(store, meeting_id))
        return self._show(doc) if doc is not None else None

    def kungorelse_uppsatt(self) -> None:
        from secretary.services import kallelse
        from secretary.ui.utskick_dialogs import KungorelseDialog

        if self.meeting_id is None:
            return
        try:
            lage = kallelse.lage(self.ctx.store, self.meeting_id)
        except ServiceError as exc:
            show_error(self.window, "Kungörelsen", exc)
            return
        if not lage.kf:
            QMessageBox.information(
                self.window,
                "Kungörelsen",
                "Kungörelse på anslagstavlan gäller kommunfullmäktige; en nämnd kallar bara.",
            )
            return
        dialog = KungorelseDialog(
            self.ctx,
            self.meeting_id,
            lage.kungorelse_uppsatt,
            self.window,
            today=lambda: self.ctx.clock().date(),
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.ctx.changes.changed.emit("meetings")

    def kallelse(self) -> PreviewDialog | None:
        return self._fore(dokument.kallelse)

    def foredragningslista(self) -> PreviewDialog | None:
        return self._fore(dokument.foredragningslista)

    def kungorelse(self) -> PreviewDialog | None:
        return self._fore(dokument.kungorelse)

    def skicka_kallelse(self) -> list[Path] | None:
        """Record the kallelse as sent, then one .eml per recipient in a chosen folder, or
        through the configured SMTP server. Returns the files written (None: none)."""
        meeting_id = self.meeting_id
        if meeting_id is None:
            return None
        from secretary.services import utskick

        store = self.ctx.store
        title = "Kallelsen kan inte skickas"
        config = utskick.smtp_installning(store)
        folder = ""
        if config is None:
            folder = QFileDialog.getExistingDirectory(
                self.window, "Välj mapp för e-postfilerna", str(Path.home())
            )
            if not folder:
                return None
        avsandare = config.avsandare if config is not None else ""
        if not avsandare:
            avsandare, ok = QInputDialog.getText(
                self.window, "Avsändare", "Avsändarens e-postadress:"
            )
            if not ok:
                return None
        now = dt.datetime.now()
        try:
            utskick.kontrollera_avsandare(avsandare)  # before the kallelse is recorded as sent
            doc = dokument.skicka_kallelse(store, meeting_id, now)
            package = utskick.paket(store, meeting_id, doc, avsandare, now)
            if config is None:
                files = utskick.skriv_eml(package, folder)
                QMessageBox.information(
                    self.window,
                    doc.titel,
                    f"{doc.titel} är registrerad som skickad. {package.text} "
                    f"Filerna finns i {folder}; öppna dem i e-postprogrammet och skicka.",
                )
                return files
            password = ""
            if config.anvandare:
                password, ok = QInputDialog.getText(
                    self.window,
                    "Lösenord",
                    f"Lösenord för {config.anvandare} på {config.host}:",
                    QLineEdit.EchoMode.Password,
                )
            refused = utskick.skicka_smtp(package, config, password)
        except ServiceError as exc:
            show_error(self.window, title, exc)
            return None
        said = f"{doc.titel} är skickad. {package.text}"
        if refused:
            said += "\n\n" + "\n".join(refused)
        QMessageBox.information(self.window, doc.titel, said)
        return []

    def protokoll(self, *, utkast: bool) -> PreviewDialog | None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return None
        store = self.ctx.store
        doc = self._make(
            "Dokumentet kan inte skapas",
            lambda: dokument.protokoll(store, meeting_id, utkast=utkast),
        )
        return self._show(doc) if doc is not None else None

    def utdrag(self) -> QWidget | None:
        if self.meeting_id is None:
            return None
        from secretary.ui.documents.utdrag_dialog import UtdragDialog

        try:
            underlag = dokument.utdragsunderlag(self.ctx.store, self.meeting_id)
        except ServiceError as exc:
            show_error(self.window, "Dokumentet kan inte skapas", exc)
            return None
        dialog = UtdragDialog(self.ctx, self.meeting_id, underlag, self.window)
        dialog.preview_requested.connect(self._show)
        self._keep(dialog)
        dialog.show()
        return dialog

    def anslagsbevis(self) -> PreviewDialog | None:
        meeting_id = self.meeting_id
        if meeting_id is None:
            return None
        from secretary.ui.documents.anslag_dialog import AnslagDialog

        try:
            meeting = agenda.get_meeting(self.ctx.store, meeting_id)
        except ServiceError as exc:
            show_error(self.window, "Anslagsbevis", exc)
            return None
        dialog = AnslagDialog(
            meeting.justering_date or self.ctx.clock().date(),
            self.window,
            ctx=self.ctx,
            meeting_id=meeting_id,
        )
        if meeting.justering_date is None:
            dialog.dates_box.setChecked(False)
        if not dialog.exec():
            return None
        anslag: Anslag = dialog.anslag()
        store = self.ctx.store
        doc = self._make(
            "Dokumentet kan inte skapas",
            lambda: dokument.anslagsbevis(store, meeting_id, anslag=anslag),
        )
        return self._show(doc) if doc is not None else None
