"""Tying an elected ersättare to the ledamot they replace, in an organ with personliga
ersättare, by keyboard: P on the ersättare's row in the count opens `PersonligVal`, a list of
the ledamöter elected to the same organ in the same § (services.read.val.ledamotspost);
Up/Down choose, Enter ties, Esc gives up; P again on a row already tied unties it (Delete in
the count removes the nomination, so it is not the key for this).

A proportional val ties them by valsedelsgrupp (secretary.domain.val says why), so there is
nothing to choose; `erbjudande` says in Swedish why the key does nothing where it cannot.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from secretary.domain.register import Roll
from secretary.domain.val import Kandidat, Valsatt
from secretary.services.read.val import ValVy, ledamotspost
from secretary.ui.session.panels import hint
from secretary.ui.tangenter import i_text

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
CHOOSER_HINT = hint(("↑↓", "välj ledamot"), ("Enter", "knyt"), ("Esc", "avbryt"))


@dataclass(frozen=True)
class Erbjudande:
    """What P offers on an elected ersättare: the ledamöter to choose from (and whom each
    already has as personlig ersättare, if anyone), and whom the ersättare is tied to now."""

    ersattare: Kandidat
    ledamoter: tuple[Kandidat, ...]
    upptagna: dict[tuple[str, str], Kandidat]  # ledamot key -> their ersättare, others only
    nu: Kandidat | None


def erbjuds(vy: ValVy, index: int) -> bool:
    """P belongs in the hint bar of post `index`: an ersättare post, not proportional, in an
    organ with personliga ersättare."""
    post = vy.data.poster[index]
    return (
        post.roll is Roll.ERSATTARE
        and post.valsatt is not Valsatt.PROPORTIONELL
        and index < len(vy.har_personliga)
        and vy.har_personliga[index]
    )


def erbjudande(vy: ValVy, index: int, kandidat: Kandidat | None) -> Erbjudande | str:
    """The choice for nominee `kandidat` of post `index`, or why there is none (Swedish)."""
    post = vy.data.poster[index]
    organ = post.organ
    if post.roll is not Roll.ERSATTARE:
        return (
            "Personlig ersättare knyts på ersättarposten: välj en vald ersättare där och tryck P."
        )
    if post.valsatt is Valsatt.PROPORTIONELL:
        return "Vid proportionellt val följer de personliga ersättarna valsedelsgrupperna."
    if not (index < len(vy.har_personliga) and vy.har_personliga[index]):
        return (
            f"{organ[:1].upper() + organ[1:]} har inga personliga ersättare; ersättarna kallas "
            "in i ordning. Det ändras i registret under Redigera organ."
        )
    valda = {k.nyckel for k in vy.resultat[index].valda}
    if kandidat is None or kandidat.nyckel not in valda:
        return (
            "Välj en vald ersättare i räkningen; bara den som är vald kan knytas till en ledamot."
        )
    j = ledamotspost(vy.data.poster, index)
    ledamoter = vy.resultat[j].valda if j is not None else ()
    if not ledamoter:
        return f"Inga ledamöter i {organ} är valda i paragrafen att knyta {kandidat.label} till."
    pairs = vy.personliga[index] if index < len(vy.personliga) else ()
    nu = next((p.ledamot for p in pairs if p.ersattare.nyckel == kandidat.nyckel), None)
    upptagna = {
        p.ledamot.nyckel: p.ersattare
        for p in pairs
        if p.ledamot is not None and p.ersattare.nyckel != kandidat.nyckel
    }
    return Erbjudande(kandidat, tuple(ledamoter), upptagna, nu)


class PersonligVal(QWidget):
    """The list of ledamöter to tie an ersättare to; it has the keyboard while shown."""

    chosen = Signal(object, object)  # (ersättare, ledamot)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offer: Erbjudande | None = None
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Ledamot att vara personlig ersättare för")
        self.list.setMaximumHeight(110)
        self.list.installEventFilter(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.title)
        lay.addWidget(self.list)

    def start(self, offer: Erbjudande) -> None:
        self.offer = offer
        self.title.setText(
            f"<b>{offer.ersattare.label}</b> personlig ersättare för: "
            f"<span style='color:#6b7280'>{i_text(CHOOSER_HINT)}</span>"
        )
        self.list.clear()
        row = 0
        for i, le in enumerate(offer.ledamoter):
            theirs = offer.upptagna.get(le.nyckel)
            self.list.addItem(le.label + (f" – har {theirs.label}" if theirs else ""))
            if offer.nu is not None and le.nyckel == offer.nu.nyckel:
                row = i
        self.list.setCurrentRow(row)
        self.show()
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or self.offer is None:
            return False
        key = event.key()
        mine = (*ENTER, Qt.Key.Key_Escape)
        if event.type() == QEvent.Type.ShortcutOverride and key in mine:
            event.accept()  # Enter ties here; it does not 'behandla' the ärende
            return True
        if event.type() != QEvent.Type.KeyPress or key not in mine:
            return False
        offer = self.offer
        if key == Qt.Key.Key_Escape:
            self.cancelled.emit()
        else:
            row = self.list.currentRow()
            if 0 <= row < len(offer.ledamoter):
                self.chosen.emit(offer.ersattare, offer.ledamoter[row])
        return True
