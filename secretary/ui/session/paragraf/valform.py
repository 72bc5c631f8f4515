"""The entry lines of a val §, made for the keyboard: Enter goes to the next field and saves
from the last, Esc gives up. `PostForm` is the post to fill (organ, ledamot or ersättare,
seats, term, way of electing, and for a proportional val how many asked for it, beside the
number the live attendance requires, 2 § LPV); `PairEntry` is two fields saved together: a
nomination (candidate, nominated by) or a valsedelsgrupp (label, its names in order).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from secretary.domain.register import Roll
from secretary.domain.val import Kandidat, Post, Valsatt, troskel
from secretary.ui.tangenter import i_text

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
ROLLER = (Roll.LEDAMOT, Roll.ERSATTARE)
VALSATT = (Valsatt.ACKLAMATION, Valsatt.SLUTEN, Valsatt.PROPORTIONELL)


def kandidat(text: str, parti: str = "") -> Kandidat | None:
    """'Anna Berg (S)' as a candidate; the party in brackets, else `parti`. None if empty."""
    text = text.strip()
    if "(" in text and text.endswith(")"):
        text, _, rest = text.rpartition("(")
        parti = rest[:-1].strip()
    words = text.split()
    if not words:
        return None
    return Kandidat(words[0], " ".join(words[1:]), parti.strip())


def datum(text: str) -> dt.date | None:
    text = text.strip()
    return dt.date.fromisoformat(text) if text else None


class _Keys(QObject):
    """Enter to the next field (saves from the last one), Esc gives up."""

    def __init__(self, owner: PostForm | PairEntry, fields: list[QWidget]) -> None:
        super().__init__(owner)
        self.owner = owner
        self.fields = fields
        for f in fields:
            f.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() == Qt.Key.Key_Escape:
            self.owner.cancelled.emit()
            return True
        if event.key() not in ENTER or event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        shown = [f for f in self.fields if f.isVisibleTo(self.owner)]
        at = shown.index(obj) if obj in shown else len(shown) - 1
        if at == len(shown) - 1:
            self.owner.save()
        else:
            shown[at + 1].setFocus(Qt.FocusReason.TabFocusReason)
        return True


class PostForm(QWidget):
    saved = Signal(object)  # Post
    cancelled = Signal()
    message = Signal(str)

    def __init__(self, organs: dict[str, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.organs = {name.casefold(): id_ for name, id_ in organs.items()}  # -> register id
        self.narvarande = 0
        self.base = Post("", Roll.LEDAMOT, 1)  # the post being changed: its counts are kept
        self.organ = QLineEdit(self)
        self.organ.setPlaceholderText("Organ, t.ex. socialnämnden")
        self.organ.setAccessibleName("Organ valet gäller")
        completer = QCompleter(sorted(organs), self.organ)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.organ.setCompleter(completer)
        self.roll = QComboBox(self)
        self.roll.addItems([r.label for r in ROLLER])
        self.roll.setAccessibleName("Ledamot eller ersättare")
        self.platser = QSpinBox(self)
        self.platser.setRange(1, 99)
        self.platser.setAccessibleName("Antal platser")
        self.fran = QLineEdit(self)
        self.fran.setPlaceholderText("Från ÅÅÅÅ-MM-DD")
        self.fran.setAccessibleName("Mandattid från")
        self.till = QLineEdit(self)
        self.till.setPlaceholderText("Till ÅÅÅÅ-MM-DD")
        self.till.setAccessibleName("Mandattid till")
        self.valsatt = QComboBox(self)
        self.valsatt.addItems([v.label for v in VALSATT])
        self.valsatt.setAccessibleName("Valsätt")
        self.begarande = QSpinBox(self)
        self.begarande.setRange(0, 999)
        self.begarande.setAccessibleName("Antal som begär proportionellt val")
        self.troskel = QLabel(self)
        self.troskel.setWordWrap(True)
        lay = QGridLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setHorizontalSpacing(4)
        lay.setVerticalSpacing(2)
        lay.addWidget(self.organ, 0, 0, 1, 2)
        lay.addWidget(self.roll, 0, 2)
        lay.addWidget(self.platser, 0, 3)
        lay.addWidget(self.fran, 1, 0)
        lay.addWidget(self.till, 1, 1)
        lay.addWidget(self.valsatt, 1, 2, 1, 2)
        self.begarande_label = QLabel("Begär proportionellt val:", self)
        lay.addWidget(self.begarande_label, 2, 0)
        lay.addWidget(self.begarande, 2, 1)
        lay.addWidget(self.troskel, 2, 2, 1, 2)
        self.keys = _Keys(
            self,
            [
                self.organ,
                self.roll,
                self.platser,
                self.fran,
                self.till,
                self.valsatt,
                self.begarande,
            ],
        )
        self.valsatt.currentIndexChanged.connect(lambda _i: self._show_troskel())
        self.platser.valueChanged.connect(lambda _v: self._show_troskel())
        self._show_troskel()

    def _show_troskel(self) -> None:
        proportional = VALSATT[self.valsatt.currentIndex()] is Valsatt.PROPORTIONELL
        for w in (self.begarande, self.begarande_label, self.troskel):
            w.setVisible(proportional)
        need = troskel(self.narvarande, self.platser.value())
        self.troskel.setText(
            f"Krävs minst <b>{need}</b> av {self.narvarande} närvarande: "
            f"{self.narvarande}/({self.platser.value()}+1) avrundat uppåt (2 § lag 2022:629)."
        )

    def start(self, post: Post | None, narvarande: int) -> None:
        """An empty form for a new post, or `post` to change; the organ field gets focus."""
        self.narvarande = narvarande
        self.base = post or Post("", Roll.LEDAMOT, 1)
        p = self.base
        self.organ.setText(p.organ)
        self.roll.setCurrentIndex(ROLLER.index(p.roll) if p.roll in ROLLER else 0)
        self.platser.setValue(p.platser)
        self.fran.setText(p.fran.isoformat() if p.fran else "")
        self.till.setText(p.till.isoformat() if p.till else "")
        self.valsatt.setCurrentIndex(VALSATT.index(p.valsatt))
        self.begarande.setValue(p.begarande)
        self._show_troskel()
        self.show()
        self.organ.setFocus(Qt.FocusReason.OtherFocusReason)
        self.organ.selectAll()

    def save(self) -> None:
        try:
            fran, till = datum(self.fran.text()), datum(self.till.text())
        except ValueError:
            self.message.emit("Skriv datum som ÅÅÅÅ-MM-DD, t.ex. 2027-01-01.")
            return
        organ = self.organ.text().strip()
        organ_id = self.organs.get(organ.casefold())
        if organ_id is not None:
            organ = organ[:1].lower() + organ[1:]  # in running text: 'socialnämnden'
        post = replace(
            self.base,
            organ=organ,
            organ_id=organ_id,
            roll=ROLLER[self.roll.currentIndex()],
            platser=self.platser.value(),
            fran=fran,
            till=till,
            valsatt=VALSATT[self.valsatt.currentIndex()],
            begarande=self.begarande.value(),
        )
        self.saved.emit(post)

    def hint(self) -> str:
        return i_text("Enter nästa fält · Enter i sista fältet sparar · Esc avbryter")


class PairEntry(QWidget):
    """Two fields saved together with Enter from the second (or the first when the second is
    optional and left empty)."""

    saved = Signal(str, str)
    cancelled = Signal()

    def __init__(self, first: str, second: str, names: tuple[str, str], parent: QWidget) -> None:
        super().__init__(parent)
        self.first = QLineEdit(self)
        self.first.setPlaceholderText(first)
        self.first.setAccessibleName(names[0])
        self.second = QLineEdit(self)
        self.second.setPlaceholderText(second)
        self.second.setAccessibleName(names[1])
        lay = QGridLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setHorizontalSpacing(4)
        lay.addWidget(self.first, 0, 0)
        lay.addWidget(self.second, 0, 1)
        lay.setColumnStretch(0, 2)
        lay.setColumnStretch(1, 3)
        self.keys = _Keys(self, [self.first, self.second])

    def save(self) -> None:
        if self.first.text().strip():
            self.saved.emit(self.first.text(), self.second.text())

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
        self.first.setFocus(Qt.FocusReason.OtherFocusReason)
