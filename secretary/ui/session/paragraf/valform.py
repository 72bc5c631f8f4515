"""The entry lines of a val §, made for the keyboard: Enter goes to the next field and saves
from the last, Esc gives up. `PostForm` is the post to fill (organ, ledamot or ersättare,
seats, term, way of electing, and for a proportional val how many asked for it, beside the
number the live attendance requires, 2 § LPV); `PairEntry` is two fields saved together: a
nomination (candidate, nominated by) or a valsedelsgrupp (label, its names in order).
`EntledigandeForm` is an entledigande: the uppdrag (chosen from the register's), from which
date, and why. A fyllnadsval names in `PostForm` whose place it fills ("efter"), from the
register's uppdrag too: the term then ends when theirs would (services.val).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
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
from secretary.domain.val import Entledigande, Kandidat, Post, Valsatt, troskel
from secretary.services.val import Uppdrag
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


def _uppdrag_field(parent: QWidget, placeholder: str, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setPlaceholderText(placeholder)
    field.setAccessibleName(name)
    return field


def _set_uppdrag(field: QLineEdit, uppdrag: list[Uppdrag]) -> dict[str, Uppdrag]:
    """Offer the uppdrag in the field as the user types (any part of the label)."""
    by_label = {u.label.casefold(): u for u in uppdrag}
    completer = QCompleter([u.label for u in uppdrag], field)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    field.setCompleter(completer)
    return by_label


class _Keys(QObject):
    """Enter to the next field (saves from the last one), Esc gives up."""

    def __init__(
        self, owner: PostForm | PairEntry | EntledigandeForm, fields: list[QWidget]
    ) -> None:
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
        self.efter = _uppdrag_field(
            self, "Fyllnadsval efter (valfritt): börja skriva namnet", "Fyllnadsval efter"
        )
        self.uppdrag: dict[str, Uppdrag] = {}
        lay.addWidget(self.efter, 2, 0, 1, 4)
        self.begarande_label = QLabel("Begär proportionellt val:", self)
        lay.addWidget(self.begarande_label, 3, 0)
        lay.addWidget(self.begarande, 3, 1)
        lay.addWidget(self.troskel, 3, 2, 1, 2)
        self.keys = _Keys(
            self,
            [
                self.organ,
                self.roll,
                self.platser,
                self.fran,
                self.till,
                self.valsatt,
                self.efter,
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

    def start(self, post: Post | None, narvarande: int, uppdrag: Sequence[Uppdrag] = ()) -> None:
        """An empty form for a new post, or `post` to change; the organ field gets focus."""
        self.narvarande = narvarande
        self.uppdrag = _set_uppdrag(self.efter, list(uppdrag))
        self.base = post or Post("", Roll.LEDAMOT, 1)
        p = self.base
        self.organ.setText(p.organ)
        self.roll.setCurrentIndex(ROLLER.index(p.roll) if p.roll in ROLLER else 0)
        self.platser.setValue(p.platser)
        self.fran.setText(p.fran.isoformat() if p.fran else "")
        self.till.setText(p.till.isoformat() if p.till else "")
        self.valsatt.setCurrentIndex(VALSATT.index(p.valsatt))
        self.begarande.setValue(p.begarande)
        self.efter.setText(p.efter.label if p.efter else "")
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
        efter: Kandidat | None = None
        text = self.efter.text().strip()
        if text:
            chosen = self.uppdrag.get(text.casefold())
            efter = chosen.kandidat if chosen else kandidat(text)
            if chosen and not till:
                till = chosen.till  # the term ends when theirs would
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
            efter=efter,
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


class EntledigandeForm(QWidget):
    """An entledigande: the uppdrag chosen from the register's, from which date, the reason;
    Enter to the next field, saves from the last, Esc gives up."""

    saved = Signal(object)  # Entledigande
    cancelled = Signal()
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uppdrag = _uppdrag_field(
            self, "Uppdraget: börja skriva namnet eller organet", "Uppdrag att entlediga från"
        )
        self.fran = QLineEdit(self)
        self.fran.setPlaceholderText("Från och med ÅÅÅÅ-MM-DD")
        self.fran.setAccessibleName("Entledigas från och med")
        self.skal = QLineEdit(self)
        self.skal.setPlaceholderText("Skäl, t.ex. egen begäran (Enter sparar)")
        self.skal.setAccessibleName("Skäl")
        self.choices: dict[str, Uppdrag] = {}
        lay = QGridLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setHorizontalSpacing(4)
        lay.addWidget(self.uppdrag, 0, 0, 1, 2)
        lay.addWidget(self.fran, 1, 0)
        lay.addWidget(self.skal, 1, 1)
        self.keys = _Keys(self, [self.uppdrag, self.fran, self.skal])

    def start(self, uppdrag: list[Uppdrag], e: Entledigande | None = None) -> None:
        self.choices = _set_uppdrag(self.uppdrag, uppdrag)
        match = next(
            (
                u
                for u in uppdrag
                if e
                and u.kandidat.nyckel == e.kandidat.nyckel
                and u.organ_id == e.organ_id
                and u.roll is e.roll
            ),
            None,
        )
        self.uppdrag.setText(match.label if match else "")
        self.fran.setText(e.fran.isoformat() if e else "")
        self.skal.setText(e.skal if e else "")
        self.show()
        self.uppdrag.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        chosen = self.choices.get(self.uppdrag.text().strip().casefold())
        if chosen is None:
            self.message.emit(
                "Välj uppdraget ur registrets lista: börja skriva namnet och välj med pilarna."
            )
            self.uppdrag.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:
            fran = datum(self.fran.text())
        except ValueError:
            fran = None
        if fran is None:
            self.message.emit("Skriv från vilket datum, ÅÅÅÅ-MM-DD, t.ex. 2027-03-15.")
            self.fran.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.saved.emit(
            Entledigande(
                chosen.kandidat,
                chosen.organ,
                chosen.roll,
                fran,
                chosen.organ_id,
                self.skal.text().strip(),
            )
        )

    def hint(self) -> str:
        return i_text("Enter nästa fält · Enter i sista fältet sparar · Esc avbryter")
