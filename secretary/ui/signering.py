"""Asking for a signature, the same for every signed document (services.signering): the
day a signatory signed on paper, a PKCS#12 file and its password, a card or token through
PKCS#11, or a PDF signed elsewhere; showing a signed PDF after it was checked again, and
its validation report.
Used by the justering window's Underskrifter tab and by the bestyrkta utdrag and
anslagsbevis (ui.documents.bestyrkanden)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from secretary.services.dokument import Dokument
from secretary.services.errors import ServiceError
from secretary.ui.common import dialog_buttons, from_qdate, show_error, to_qdate
from secretary.ui.context import AppContext
from secretary.ui.documents.preview import busy, show_document

P12_KEY = "justering/p12_fil"
KORT_KEY = "justering/pkcs11"


class PapperDialog(QDialog):
    def __init__(
        self,
        vem: str,
        idag: dt.date,
        parent: QWidget | None = None,
        vad: str = "det utskrivna protokollet",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Signerat på papper")
        self.date_edit = QDateEdit(to_qdate(idag))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(to_qdate(idag))
        form = QFormLayout()
        form.addRow("Underskriftsdag", self.date_edit)
        buttons, _ = dialog_buttons(self, "Anteckna")
        layout = QVBoxLayout(self)
        label = QLabel(f"{vem} har skrivit under {vad}.")
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def datum(self) -> dt.date:
        return from_qdate(self.date_edit.date())


def _signera_som(dialog: QDialog, vem: str, form: QFormLayout) -> None:
    """'Signera som …', the form, and the Signera/Avbryt buttons."""
    buttons, _ = dialog_buttons(dialog, "Signera")
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(f"Signera som {vem}."))
    layout.addLayout(form)
    layout.addWidget(buttons)
    dialog.setMinimumWidth(520)


class FilDialog(QDialog):
    """A PKCS#12 file (.p12/.pfx) and its password."""

    def __init__(self, vem: str, senaste: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Signera med certifikatfil")
        self.path_edit = QLineEdit(senaste)
        self.path_edit.setAccessibleName("Certifikatfil")
        browse = QPushButton("Välj…")
        browse.clicked.connect(self._browse)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName("Lösenord")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow("Certifikatfil (.p12, .pfx)", row)
        form.addRow("Lösenord", self.password_edit)
        _signera_som(self, vem, form)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Välj certifikatfil", self.path_edit.text(), "Certifikat (*.p12 *.pfx)"
        )
        if path:
            self.path_edit.setText(path)


class KortDialog(QDialog):
    """A smart card or token through PKCS#11: the module, the token, the PIN, the key."""

    def __init__(self, vem: str, senaste: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Signera med kort eller token")
        defaults = [*senaste, "", "", ""][:3]
        self.lib_edit = QLineEdit(defaults[0])
        self.token_edit = QLineEdit(defaults[1])
        self.key_edit = QLineEdit(defaults[2])
        self.pin_edit = QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow("PKCS#11-modul", self.lib_edit)
        form.addRow("Kortets namn (token)", self.token_edit)
        form.addRow("Nyckelns namn", self.key_edit)
        form.addRow("PIN-kod", self.pin_edit)
        _signera_som(self, vem, form)


@dataclass(frozen=True)
class Kort:
    bibliotek: str
    token: str
    pin: str
    nyckel: str


def fraga_papper(
    parent: QWidget, vem: str, idag: dt.date, vad: str = "det utskrivna protokollet"
) -> dt.date | None:
    """The day `vem` signed the printed document, or None when cancelled."""
    dialog = PapperDialog(vem, idag, parent, vad)
    return dialog.datum() if dialog.exec() else None


def fraga_fil(parent: QWidget, ctx: AppContext, vem: str) -> tuple[bytes, str] | None:
    """A PKCS#12 file's bytes and its password; the file's place is remembered."""
    dialog = FilDialog(vem, str(ctx.settings.value(P12_KEY, "") or ""), parent)
    if not dialog.exec():
        return None
    path = Path(dialog.path_edit.text().strip())
    try:
        data = path.read_bytes()
    except OSError:
        show_error(
            parent,
            "Signeringen kan inte göras",
            ServiceError(f"Certifikatfilen {path} kan inte läsas."),
        )
        return None
    ctx.settings.setValue(P12_KEY, str(path))
    return data, dialog.password_edit.text()


def fraga_kort(parent: QWidget, ctx: AppContext, vem: str) -> Kort | None:
    """The card or token to sign with; all but the PIN is remembered."""
    saved = ctx.settings.value(KORT_KEY, []) or []
    dialog = KortDialog(vem, [str(x) for x in saved] if isinstance(saved, list) else [], parent)
    if not dialog.exec():
        return None
    kort = Kort(
        dialog.lib_edit.text().strip(),
        dialog.token_edit.text().strip(),
        dialog.pin_edit.text(),
        dialog.key_edit.text().strip(),
    )
    ctx.settings.setValue(KORT_KEY, [kort.bibliotek, kort.token, kort.nyckel])
    return kort


def fraga_pdf(parent: QWidget) -> bytes | None:
    """A signed PDF chosen from disk, or None (cancelled, or it could not be read: said)."""
    path, _ = QFileDialog.getOpenFileName(
        parent, "Importera signerad PDF", "", "PDF-dokument (*.pdf)"
    )
    if not path:
        return None
    try:
        return Path(path).read_bytes()
    except OSError:
        show_error(parent, "Filen kan inte läsas", ServiceError(f"Filen {path} kan inte läsas."))
        return None


def visa_rapport(parent: QWidget, ctx: AppContext, make: Callable[[], Dokument]) -> QWidget | None:
    """A signed document's validation report in the preview, or why it cannot be made."""
    try:
        with busy():
            doc = make()
    except ServiceError as exc:
        show_error(parent, "Valideringsrapporten kan inte skapas", exc)
        return None
    return show_document(ctx.settings, doc, parent)


def visa_kontrollerad(
    parent: QWidget, ctx: AppContext, dokument: Dokument, fel: tuple[str, ...]
) -> QWidget | None:
    """The signed PDF in the preview, after saying what the check found wrong, if anything."""
    if fel:
        show_error(
            parent,
            "Den signerade PDF-filen håller inte",
            ServiceError("Kontrollen av den sparade filen hittade fel:\n• " + "\n• ".join(fel)),
        )
    return show_document(ctx.settings, dokument, parent)
