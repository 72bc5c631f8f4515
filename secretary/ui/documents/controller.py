"""The Dokument menu: which meeting, which document, and the busy cursor while it renders.

The window only adds `menu` to its menu bar and calls `set_meeting` when the selection
changes; everything else happens here."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from secretary.services import agenda, register
from secretary.services.errors import ServiceError
from secretary.ui.common import show_error
from secretary.ui.context import AppContext
from secretary.ui.documents.files import Dokument, filnamn
from secretary.ui.table import action

if TYPE_CHECKING:  # the PDF side loads when a document is asked for, not at start-up
    from secretary.services.protokoll_data import Anslag, ProtokollData
    from secretary.ui.documents.preview import PreviewDialog


def prefix(short_name: str, organ: str, datum: dt.date) -> str:
    """'KSAU 2026-11-30': how a file of this meeting starts (the organ's full name when it
    has no short name)."""
    return f"{short_name.strip() or organ} {datum.isoformat()}"


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
        self.actions = (
            self.utkast_action,
            self.slutligt_action,
            self.utdrag_action,
            self.anslag_action,
        )
        self.menu = QMenu("&Dokument", window)
        self.menu.addActions([self.utkast_action, self.slutligt_action])
        self.menu.addSeparator()
        self.menu.addActions([self.utdrag_action, self.anslag_action])
        window.addAction(self.utkast_action)
        self.set_meeting(None)

    def set_meeting(self, meeting_id: int | None) -> None:
        self.meeting_id = meeting_id
        for act in self.actions:
            act.setEnabled(meeting_id is not None)

    # --- data --------------------------------------------------------------------------

    def _load(self, anslag: Anslag | None = None) -> tuple[ProtokollData, str] | None:
        """The meeting's protocol data and the file-name prefix; None after a message."""
        if self.meeting_id is None:
            return None
        try:
            meeting = agenda.get_meeting(self.ctx.store, self.meeting_id)
            organ = register.get_organ(self.ctx.store, meeting.organ_id)
            from secretary.services.protokoll import protokoll_data
            from secretary.ui.documents.preview import busy

            with busy():
                data = protokoll_data(self.ctx.store, self.meeting_id, anslag=anslag)
        except ServiceError as exc:
            show_error(self.window, "Dokumentet kan inte skapas", exc)
            return None
        if not data.arenden:
            QMessageBox.information(
                self.window,
                "Inga paragrafer",
                "Sammanträdet har inga ärenden ännu. Lägg till ärenden i föredragningslistan "
                "först.",
            )
            return None
        return data, prefix(organ.short_name, organ.name, meeting.date)

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

    # --- the documents ----------------------------------------------------------------

    def protokoll(self, *, utkast: bool) -> PreviewDialog | None:
        loaded = self._load()
        if loaded is None:
            return None
        data, start = loaded
        from secretary.reports.protokoll import protokoll_pdf
        from secretary.ui.documents.preview import busy

        with busy():
            pdf = protokoll_pdf(data, utkast=utkast)
        kind = "protokoll utkast" if utkast else "protokoll"
        titel = f"Protokoll {start}" + (" (utkast)" if utkast else "")
        return self._show(Dokument(pdf, titel, filnamn(start, kind)))

    def utdrag(self) -> QWidget | None:
        loaded = self._load()
        if loaded is None:
            return None
        data, start = loaded
        from secretary.ui.documents.utdrag_dialog import UtdragDialog

        dialog = UtdragDialog(self.ctx, data, start, self.window)
        dialog.preview_requested.connect(self._show)
        self._keep(dialog)
        dialog.show()
        return dialog

    def anslagsbevis(self) -> PreviewDialog | None:
        if self.meeting_id is None:
            return None
        from secretary.ui.documents.anslag_dialog import AnslagDialog

        try:
            meeting = agenda.get_meeting(self.ctx.store, self.meeting_id)
        except ServiceError as exc:
            show_error(self.window, "Anslagsbevis", exc)
            return None
        dialog = AnslagDialog(meeting.justering_date or self.ctx.clock().date(), self.window)
        if meeting.justering_date is None:
            dialog.dates_box.setChecked(False)
        if not dialog.exec():
            return None
        loaded = self._load(dialog.anslag())
        if loaded is None:
            return None
        data, start = loaded
        from secretary.reports.anslagsbevis import anslagsbevis_pdf
        from secretary.ui.documents.preview import busy

        with busy():
            pdf = anslagsbevis_pdf(data)
        return self._show(Dokument(pdf, f"Anslagsbevis {start}", filnamn(start, "anslagsbevis")))
