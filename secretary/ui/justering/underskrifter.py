"""The Underskrifter tab of the justering window (issue 12): who signs, who has signed, when
and how; the three ways to sign (on paper, in the application with a certificate file or a
card, or a PDF signed elsewhere); the signed PDF, checked every time it is opened; the
validation report; and the municipality's trust roots and timestamp server."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from secretary.domain.arbetsgang import LAST, Tillstand
from secretary.domain.underskrift import Status
from secretary.services import underskrift
from secretary.services.errors import ServiceError
from secretary.services.underskrift import Underskrifter, UnderskriftInfo
from secretary.ui.common import confirm, dialog_buttons, show_error
from secretary.ui.context import AppContext
from secretary.ui.documents.files import save_pdf
from secretary.ui.documents.preview import busy, guarded
from secretary.ui.justering.tabs import fill, knapp, rutnat, table
from secretary.ui.signering import (
    FilDialog,
    KortDialog,
    PapperDialog,
    fraga_fil,
    fraga_kort,
    fraga_papper,
    fraga_pdf,
    visa_kontrollerad,
    visa_rapport,
)

__all__ = ["FilDialog", "KortDialog", "PapperDialog", "UnderskrifterTab"]


class InstallningarDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Inställningar för signering")
        now = underskrift.installningar(ctx.store)
        self.pem_edit = QPlainTextEdit(now.tillit_pem)
        self.pem_edit.setAccessibleName("Betrodda rotcertifikat")
        self.pem_edit.setPlaceholderText("-----BEGIN CERTIFICATE-----\n…")
        self.tsa_edit = QLineEdit(now.tsa_url)
        self.tsa_edit.setAccessibleName("Tidsstämpelserver")
        form = QFormLayout()
        form.addRow("Betrodda rotcertifikat (PEM)", self.pem_edit)
        form.addRow("Tidsstämpelserver (RFC 3161)", self.tsa_edit)
        buttons, _ = dialog_buttons(self, "Spara")
        layout = QVBoxLayout(self)
        hint = QLabel(
            "E-underskrifter godtas bara när certifikatet är utfärdat av någon av kommunens "
            "betrodda utfärdare. Med en tidsstämpelserver blir underskrifterna PAdES B-T."
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(600)

    def accept(self) -> None:
        try:
            underskrift.spara_installningar(
                self.ctx.store, self.pem_edit.toPlainText(), self.tsa_edit.text()
            )
        except ServiceError as exc:
            show_error(self, "Inställningarna kan inte sparas", exc)
            return
        super().accept()


class UnderskrifterTab(QWidget):
    def __init__(
        self, ctx: AppContext, meeting_id: int, start: str, changed: Callable[[], None]
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.start = start
        self.changed = changed
        self.state = Tillstand.PLANERAT
        self.data = Underskrifter(None, (), False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Underskrifter")
        self.table = table(["Underskrift", "Status", "Signerad av", "Kontroll"], 3, "Underskrifter")
        self.table.itemSelectionChanged.connect(self._enable)

        button = knapp
        self.skicka_button = button("Skicka för underskrift…", self.skicka)
        self.papper_button = button("Signerat på papper…", self.papper)
        self.fil_button = button("Signera med certifikatfil…", self.signera_fil)
        self.kort_button = button("Signera med kort…", self.signera_kort)
        self.importera_button = button("Importera signerad PDF…", self.importera)
        self.spara_button = button("Spara PDF för signering…", self.spara_for_signering)
        self.visa_button = button("Visa signerad PDF…", self.visa_signerad)
        self.rapport_button = button("Valideringsrapport…", self.rapport)
        self.avbryt_button = button("Avbryt underskrifterna…", self.avbryt)
        self.installningar_button = button("Inställningar för signering…", self.installningar)
        grid = rutnat(
            (
                self.skicka_button,
                self.papper_button,
                self.fil_button,
                self.kort_button,
                self.importera_button,
                self.spara_button,
                self.visa_button,
                self.rapport_button,
                self.avbryt_button,
                self.installningar_button,
            ),
            5,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(grid)

    def refresh(self, state: Tillstand) -> None:
        self.state = state
        chosen = self.current()
        self.data = underskrift.underskrifter(self.ctx.store, self.meeting_id)
        rows = []
        for r in self.data.rader:
            rows.append([r.text, self.data.status_text(r), r.signerare, r.kontroll_text])
        fill(self.table, rows)
        if self.data.rader:
            pick = next(
                (i for i, r in enumerate(self.data.rader) if chosen and r.falt == chosen.falt),
                next((i for i, r in enumerate(self.data.rader) if r.status is Status.VANTAR), 0),
            )
            self.table.selectRow(pick)
        if self.data.avbruten:
            self.summary.setText(self.data.sammanfattning)
        elif state is Tillstand.FOR_JUSTERING:
            self.summary.setText(
                "Skicka den slutliga versionen för underskrift när justerarna är klara. "
                "Texten låses då, och var och en signerar på papper eller digitalt."
            )
        else:
            self.summary.setText(self.data.sammanfattning or "Inga underskrifter ännu.")
        self._enable()

    def current(self) -> UnderskriftInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.data.rader):
            return None
        return self.data.rader[rows[0].row()]

    def _enable(self) -> None:
        # After justering the sekreterare may still sign (domain.underskrift).
        signing = self.state is Tillstand.FOR_UNDERSKRIFT or (
            self.state in LAST and any(r.status is Status.VANTAR for r in self.data.rader)
        )
        r = self.current()
        waiting = signing and r is not None and r.status is Status.VANTAR
        self.skicka_button.setVisible(self.state is Tillstand.FOR_JUSTERING)
        for b in (self.papper_button, self.fil_button, self.kort_button):
            b.setEnabled(waiting)
        self.importera_button.setEnabled(signing)
        self.avbryt_button.setVisible(self.state is Tillstand.FOR_UNDERSKRIFT)
        self.spara_button.setEnabled(self.data.version is not None and not self.data.avbruten)
        self.visa_button.setEnabled(self.data.signerad)
        self.rapport_button.setEnabled(bool(self.data.rader))

    def _run(self, title: str, call: Callable[[], object]) -> object | None:
        done, result = guarded(self, title, call)
        if done:
            self.changed()
        return result

    def skicka(self) -> object | None:
        if not confirm(
            self,
            "Skicka för underskrift",
            "Spara den slutliga versionen och skicka den för underskrift? Texten låses; "
            "protokollet är justerat när alla har signerat.",
        ):
            return None
        return self._run(
            "Protokollet kan inte skickas för underskrift",
            lambda: underskrift.till_underskrift(self.ctx.store, self.meeting_id, self.ctx.clock()),
        )

    def papper(self) -> object | None:
        r = self.current()
        if r is None:
            return None
        datum = fraga_papper(self, r.text, self.ctx.clock().date())
        if datum is None:
            return None
        return self._run(
            "Underskriften kan inte antecknas",
            lambda: underskrift.signerat_pa_papper(
                self.ctx.store, self.meeting_id, r.falt, datum, self.ctx.clock()
            ),
        )

    def signera_fil(self) -> object | None:
        r = self.current()
        fil = fraga_fil(self, self.ctx, r.text) if r is not None else None
        if r is None or fil is None:
            return None
        data, password = fil
        return self._run(
            "Signeringen kan inte göras",
            lambda: underskrift.signera_med_fil(
                self.ctx.store, self.meeting_id, r.falt, data, password, self.ctx.clock()
            ),
        )

    def signera_kort(self) -> object | None:
        r = self.current()
        kort = fraga_kort(self, self.ctx, r.text) if r is not None else None
        if r is None or kort is None:
            return None
        return self._run(
            "Signeringen kan inte göras",
            lambda: underskrift.signera_med_kort(
                self.ctx.store,
                self.meeting_id,
                r.falt,
                bibliotek=kort.bibliotek,
                token=kort.token,
                pin=kort.pin,
                nyckel=kort.nyckel,
                now=self.ctx.clock(),
            ),
        )

    def importera(self) -> object | None:
        data = fraga_pdf(self)
        if data is None:
            return None
        return self._run(
            "Den signerade PDF-filen godtas inte",
            lambda: underskrift.importera_signerad(
                self.ctx.store, self.meeting_id, data, self.ctx.clock()
            ),
        )

    def spara_for_signering(self) -> None:
        try:
            doc = underskrift.pdf_for_signering(self.ctx.store, self.meeting_id)
        except ServiceError as exc:
            show_error(self, "PDF-filen kan inte sparas", exc)
            return
        save_pdf(self, self.ctx.settings, doc)

    def visa_signerad(self) -> object | None:
        try:
            with busy():
                k = underskrift.signerad_pdf(self.ctx.store, self.meeting_id, self.ctx.clock())
        except ServiceError as exc:
            show_error(self, "Den signerade PDF-filen kan inte visas", exc)
            return None
        return visa_kontrollerad(self, self.ctx, k.dokument, k.fel)

    def rapport(self) -> object | None:
        return visa_rapport(
            self, self.ctx, lambda: underskrift.valideringsrapport(self.ctx.store, self.meeting_id)
        )

    def avbryt(self) -> object | None:
        if not confirm(
            self,
            "Avbryt underskrifterna",
            "Avbryta underskrifterna och ta tillbaka protokollet för justering? Versionen "
            "blir aldrig det justerade protokollet: den finns kvar i versionslistan, märkt "
            "”underskrifterna avbröts”, med de underskrifter som hann göras. Den slutliga "
            "versionen skickas sedan för underskrift på nytt och signeras av alla igen.",
        ):
            return None
        return self._run(
            "Underskrifterna kan inte avbrytas",
            lambda: underskrift.avbryt_underskrift(
                self.ctx.store, self.meeting_id, self.ctx.clock()
            ),
        )

    def installningar(self) -> None:
        InstallningarDialog(self.ctx, self).exec()
