"""Hjälp: the keys of the panel in focus (F1) and a short guide to a meeting.

The key reference is read from the actions themselves, the same QActions the keys trigger
and the menus show, so it cannot drift from what the keys do: first those of the widget that
has the focus and the panels around it, then those of the window.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from secretary.ui.tangenter import av

GUIDE = """
<h2>Ett sammanträde, från upprop till anslag</h2>
<ol>
<li><b>Före mötet.</b> Lägg upp organet och dess ledamöter och ersättare (Register), skapa
sammanträdet och ärendena med diarienummer. Paragrafnumren löper vidare över året.</li>
<li><b>Öppna sammanträdesläget</b> (Ctrl+Enter på sammanträdet). Uppropet: N närvarande,
D på distans, F frånvarande; markören flyttar till nästa person. Vakanta platser föreslår
ersättare enligt ersättarordningen: E antar förslaget.</li>
<li><b>Under mötet.</b> Ctrl+Enter behandlar ärendet, Ctrl+PgDn går till nästa. A anländer,
G går, J jäv gäller från den paragraf som behandlas. Beslutförheten visas hela tiden.</li>
<li><b>Beslutsgången</b> (Alt+7…0). Yrkanden: vem, vad, instämmanden. Propositionsordningen
godkänns av organet (G). Ordförandens proposition besvaras; votering med upprop J, N, A.
Reservationer och protokollsanteckningar (Alt+0), beslutet (Alt+B).</li>
<li><b>Avsluta sammanträdet</b> i menyn Sammanträde. Kontrollistan visar paragrafer som
saknar något; allt kan rättas innan protokollet skickas.</li>
<li><b>Justering.</b> Skicka utkastet till justerarna, besvara deras kommentarer, justera.
Det justerade protokollet är låst; ändringar görs som rättelser med logg.</li>
<li><b>Anslag.</b> Anslagsbeviset skrivs ut med datum för uppsättande, sista dag för
överklagande och nedtagande, beräknade enligt kommunallagen (8 kap. 12 § och 13 kap.).</li>
</ol>
"""


def _shortcuts(owner: QWidget) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for act in owner.actions():
        if not isinstance(act, QAction) or act.shortcut().isEmpty() or act.isSeparator():
            continue
        name = act.text().replace("&", "").split("\t")[0].strip()
        if name:
            out.append((name, " eller ".join(av(s) for s in act.shortcuts())))
    return out


Par = list[tuple[str, str]]


def tangenter(focus: QWidget | None, window: QWidget) -> tuple[Par, Par]:
    """(the keys where the focus is, the keys of the whole window)."""
    here: list[tuple[str, str]] = []
    seen: set[str] = set()
    widget = focus
    while widget is not None and widget is not window:
        for pair in _shortcuts(widget):
            if pair[0] not in seen:
                seen.add(pair[0])
                here.append(pair)
        widget = widget.parentWidget()
    overall = [p for p in _shortcuts(window) if p[0] not in seen]
    return here, overall


def _table(pairs: list[tuple[str, str]]) -> str:
    rows = "".join(
        f"<tr><td style='padding:2px 12px 2px 0'><b>{escape(k)}</b></td><td>{escape(n)}</td></tr>"
        for n, k in pairs
    )
    return f"<table>{rows}</table>"


def referens_html(focus: QWidget | None, window: QWidget) -> str:
    here, overall = tangenter(focus, window)
    parts = []
    if here:
        parts.append("<h3>Här, där markören står</h3>" + _table(here))
    parts.append("<h3>I hela fönstret</h3>" + _table(overall))
    return "".join(parts)


class HjalpDialog(QDialog):
    """F1: the key reference for where the focus is, and the guide."""

    def __init__(self, window: QWidget, focus: QWidget | None, guide_first: bool = False) -> None:
        super().__init__(window)
        self.setWindowTitle("Hjälp")
        self.resize(640, 520)
        tabs = QTabWidget(self)
        self.keys = QTextBrowser(tabs)
        self.keys.setAccessibleName("Tangenter")
        self.keys.setHtml(referens_html(focus, window))
        self.guide = QTextBrowser(tabs)
        self.guide.setAccessibleName("Guide")
        self.guide.setHtml(GUIDE)
        tabs.addTab(self.keys, "Tangenter")
        tabs.addTab(self.guide, "Ett sammanträde steg för steg")
        if guide_first:
            tabs.setCurrentIndex(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)


def visa_hjalp(window: QWidget, guide_first: bool = False) -> HjalpDialog:
    """Open the help for the window, about the widget that has the keyboard focus."""
    dialog = HjalpDialog(window, QApplication.focusWidget(), guide_first)
    dialog.show()
    return dialog
