"""The checklist before closing (KL 5 kap. 67 §): what each § still lacks, and closing anyway."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from secretary.services.beslut import Kontrollpunkt


def kontroll_html(punkter: list[Kontrollpunkt]) -> str:
    if not punkter:
        return "<p><b>✔ Inget saknas.</b> Varje paragraf är avgjord och varje votering stämmer.</p>"
    parts = []
    for k in punkter:
        items = "".join(f"<li>{escape(b)}</li>" for b in k.brister)
        parts.append(f"<p><b>§ {k.paragraf} {escape(k.rubrik)}</b></p><ul>{items}</ul>")
    return "".join(parts)


class KontrollDialog(QDialog):
    """Shows the checklist; with `closing`, a button 'Avsluta ändå' accepts the dialog."""

    def __init__(self, punkter: list[Kontrollpunkt], closing: bool, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Kontrollista före avslut – KL 5 kap. 67 §")
        self.resize(640, 480)
        lead = QLabel(
            "Sammanträdet kan inte avslutas förrän följande är registrerat:"
            if closing
            else "Det här saknas just nu:",
            self,
        )
        self.browser = QTextBrowser(self)
        self.browser.setHtml(kontroll_html(punkter))
        self.browser.setAccessibleName("Kontrollista")
        buttons = QDialogButtonBox(self)
        self.close_button = buttons.addButton("Stäng", QDialogButtonBox.ButtonRole.RejectRole)
        self.anyway = None
        if closing:
            self.anyway = buttons.addButton("Avsluta ändå…", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.close_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(lead)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.browser.toPlainText()
