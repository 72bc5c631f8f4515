"""The bestyrkta documents of a meeting where they are made (issue 12): the utdrag dialog
lists the bestyrkta utdrag, the anslagsbevis dialog the anslagsbevis, each with its
signatory's state and the actions: signed on paper, sign with a certificate file or a card,
import the PDF signed elsewhere, save the PDF to print or send, and show the signed PDF
after it was checked again, and the validation report to file with it. Keys: the list
takes the focus, Alt+letter each action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from secretary.domain.underskrift import Status
from secretary.services import bestyrkande
from secretary.services.bestyrkande import BestyrkandeInfo, Bestyrkanden, Slag
from secretary.services.errors import ServiceError
from secretary.ui.common import show_error
from secretary.ui.context import AppContext
from secretary.ui.documents.files import save_pdf
from secretary.ui.documents.preview import busy, guarded
from secretary.ui.justering.tabs import fill, knapp, rutnat, table
from secretary.ui.signering import (
    fraga_fil,
    fraga_kort,
    fraga_papper,
    fraga_pdf,
    visa_kontrollerad,
    visa_rapport,
)

# The list's heading, with its Alt key (free in both dialogs).
RUBRIK = {Slag.UTDRAG: "Bes&tyrkta utdrag", Slag.ANSLAGSBEVIS: "Utfärdade anslags&bevis"}
UTSKRIVET = {
    Slag.UTDRAG: "det utskrivna utdraget",
    Slag.ANSLAGSBEVIS: "det utskrivna anslagsbeviset",
}


class BestyrkandenPanel(QWidget):
    changed = Signal()

    def __init__(
        self, ctx: AppContext, meeting_id: int, slag: Slag, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.slag = slag
        self.rader: tuple[BestyrkandeInfo, ...] = ()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 600;")
        name = RUBRIK[slag].replace("&", "")
        self.table = table(["Dokument", "Underskrift", "Status", "Kontroll"], 0, name)
        self.heading.setBuddy(self.table)
        self.table.setMinimumHeight(110)
        self.table.itemSelectionChanged.connect(self._enable)

        button = knapp
        self.papper_button = button("Signerat på &papper…", self.papper)
        self.fil_button = button("Signera med &certifikatfil…", self.signera_fil)
        self.kort_button = button("Signera med &kort…", self.signera_kort)
        self.importera_button = button("&Importera signerad PDF…", self.importera)
        self.spara_button = button("Spara P&DF…", self.spara)
        self.visa_button = button("&Visa signerad PDF…", self.visa_signerad)
        self.rapport_button = button("Valide&ringsrapport…", self.rapport)
        grid = rutnat(
            (
                self.papper_button,
                self.fil_button,
                self.kort_button,
                self.importera_button,
                self.spara_button,
                self.visa_button,
                self.rapport_button,
            ),
            4,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(grid)
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        """Read the list again; `select` a document number to choose it."""
        chosen = select if select is not None else getattr(self.current(), "nummer", None)
        try:
            alla = bestyrkande.bestyrkanden(self.ctx.store, self.meeting_id)
        except ServiceError:
            alla = Bestyrkanden(())
        self.rader = tuple(r for r in alla.rader if r.slag is self.slag)
        fill(
            self.table,
            [
                [r.text, r.signatar.text, r.signatar.status_text, r.signatar.kontroll_text]
                for r in self.rader
            ],
            red=lambda i: self.rader[i].vantar,
        )
        vantar = sum(r.vantar for r in self.rader)
        text = RUBRIK[self.slag]
        if self.rader:
            text += f" ({len(self.rader)}, {vantar} väntar på underskrift)"
        else:
            text += " (inga utfärdade för underskrift ännu)"
        self.heading.setText(text)
        rows = [i for i, r in enumerate(self.rader) if r.nummer == chosen]
        if rows or self.rader:
            self.table.selectRow(rows[0] if rows else len(self.rader) - 1)
        self._enable()

    def current(self) -> BestyrkandeInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.rader):
            return None
        return self.rader[rows[0].row()]

    def _enable(self) -> None:
        r = self.current()
        waiting = r is not None and r.signatar.status is Status.VANTAR
        for b in (self.papper_button, self.fil_button, self.kort_button, self.importera_button):
            b.setEnabled(waiting)
        self.spara_button.setEnabled(r is not None)
        self.visa_button.setEnabled(r is not None and r.signerad)
        self.rapport_button.setEnabled(r is not None and not waiting)

    def _run(self, title: str, call: Callable[[], BestyrkandeInfo]) -> BestyrkandeInfo | None:
        done, result = guarded(self, title, call)
        if done and result is not None:
            self.refresh(result.nummer)
            self.changed.emit()
            self.ctx.changes.changed.emit("meetings")
        return result

    def papper(self) -> BestyrkandeInfo | None:
        r = self.current()
        if r is None:
            return None
        datum = fraga_papper(self, r.signatar.text, self.ctx.clock().date(), UTSKRIVET[r.slag])
        if datum is None:
            return None
        return self._run(
            "Underskriften kan inte antecknas",
            lambda: bestyrkande.signerat_pa_papper(
                self.ctx.store, self.meeting_id, r.nummer, datum, self.ctx.clock()
            ),
        )

    def signera_fil(self) -> BestyrkandeInfo | None:
        r = self.current()
        fil = fraga_fil(self, self.ctx, r.signatar.text) if r is not None else None
        if r is None or fil is None:
            return None
        data, password = fil
        return self._run(
            "Signeringen kan inte göras",
            lambda: bestyrkande.signera_med_fil(
                self.ctx.store, self.meeting_id, r.nummer, data, password, self.ctx.clock()
            ),
        )

    def signera_kort(self) -> BestyrkandeInfo | None:
        r = self.current()
        kort = fraga_kort(self, self.ctx, r.signatar.text) if r is not None else None
        if r is None or kort is None:
            return None
        return self._run(
            "Signeringen kan inte göras",
            lambda: bestyrkande.signera_med_kort(
                self.ctx.store,
                self.meeting_id,
                r.nummer,
                bibliotek=kort.bibliotek,
                token=kort.token,
                pin=kort.pin,
                nyckel=kort.nyckel,
                now=self.ctx.clock(),
            ),
        )

    def importera(self) -> BestyrkandeInfo | None:
        r = self.current()
        data = fraga_pdf(self) if r is not None else None
        if r is None or data is None:
            return None
        return self._run(
            "Den signerade PDF-filen godtas inte",
            lambda: bestyrkande.importera_signerad(
                self.ctx.store, self.meeting_id, r.nummer, data, self.ctx.clock()
            ),
        )

    def spara(self) -> None:
        """The document to print or send for signing: as issued, with any signature."""
        r = self.current()
        if r is None:
            return
        try:
            doc = bestyrkande.pdf_for_signering(self.ctx.store, self.meeting_id, r.nummer)
        except ServiceError as exc:
            show_error(self, "PDF-filen kan inte sparas", exc)
            return
        save_pdf(self, self.ctx.settings, doc)

    def visa_signerad(self) -> QWidget | None:
        r = self.current()
        if r is None:
            return None
        try:
            with busy():
                k = bestyrkande.signerad_pdf(
                    self.ctx.store, self.meeting_id, r.nummer, self.ctx.clock()
                )
        except ServiceError as exc:
            show_error(self, "Den signerade PDF-filen kan inte visas", exc)
            return None
        return visa_kontrollerad(self, self.ctx, k.dokument, k.fel)

    def rapport(self) -> QWidget | None:
        """The validation report to file with the signed document (as the protocol's)."""
        r = self.current()
        if r is None:
            return None
        return visa_rapport(
            self,
            self.ctx,
            lambda: bestyrkande.valideringsrapport(self.ctx.store, self.meeting_id, r.nummer),
        )
