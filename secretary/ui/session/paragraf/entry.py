"""The quick-entry line for yrkanden, made to keep up with speech.

Vem (type part of a name or the party, Enter takes the first match or the one picked with
the arrow keys) → kind (one letter) → the wording where the kind needs it → who instämmer
(same narrowing, Enter per person) → Enter on an empty field saves. Ctrl+Enter saves from
anywhere; Esc starts over. Only those serving on the § are offered.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QListWidget, QWidget

from secretary.domain.yrkanden import Person, YrkandeTyp
from secretary.ui.session.panels import hint
from secretary.ui.tangenter import i_text

KINDS: dict[str, YrkandeTyp] = {
    "b": YrkandeTyp.BIFALL,
    "a": YrkandeTyp.AVSLAG,
    "ä": YrkandeTyp.ANDRING,
    "t": YrkandeTyp.TILLAGG,
    "r": YrkandeTyp.ATERREMISS,
    "l": YrkandeTyp.BORDLAGGNING,
    "e": YrkandeTyp.EGET,
}
NEEDS_TEXT = (YrkandeTyp.ANDRING, YrkandeTyp.TILLAGG, YrkandeTyp.EGET)
ASKS_TEXT = (*NEEDS_TEXT, YrkandeTyp.ATERREMISS)
# The kind letters in a larger badge: at the hint bar's size the dots of Ä were lost and
# "A avslag  A ändringsyrkande" read as the same key twice.
KIND_HINT = hint(*((k.upper(), t.label.lower()) for k, t in KINDS.items()), size="12pt")
ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def matches(people: list[Person], text: str) -> list[Person]:
    """Everyone whose name words start with each typed part, or whose party it is."""
    tokens = text.lower().replace("(", " ").replace(")", " ").split()
    out = []
    for p in people:
        words = p.name.lower().split()
        party = (p.party or "").lower()
        if all(party == t or any(w.startswith(t) for w in words) for t in tokens):
            out.append(p)
    return out


class YrkandeEntry(QWidget):
    submitted = Signal(object)  # (yrkare_id, typ, text, [instämmande ids])
    joined = Signal(int, int)  # (yrkande_id, person_id): instämmer in an existing yrkande
    message = Signal(str)
    left = Signal()  # Enter on an empty instämmer field while adding to an existing yrkande
    changed = Signal()  # what is typed changed: `pending()` may have changed with it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people: list[Person] = []
        self.yrkare: Person | None = None
        self.kind: YrkandeTyp | None = None
        self.instammande: list[Person] = []
        self.target: tuple[int, str] | None = None  # adding instämmande to this yrkande
        self.vem = QLineEdit(self)
        self.vem.setPlaceholderText("Vem yrkar? Del av namn eller parti, Enter")
        self.vem.setAccessibleName("Yrkare")
        self.kind_field = QLineEdit(self)
        self.kind_field.setReadOnly(True)
        self.kind_field.setPlaceholderText("Slag: en bokstav")
        self.kind_field.setAccessibleName("Slag av yrkande")
        self.text = QLineEdit(self)
        self.text.setPlaceholderText("Lydelse (att …) eller skäl för återremiss, Enter")
        self.text.setAccessibleName("Yrkandets lydelse")
        self.instammer = QLineEdit(self)
        self.instammer.setPlaceholderText("Instämmer: namn, Enter – tom rad: Enter sparar")
        self.instammer.setAccessibleName("Instämmer")
        self.list = QListWidget(self)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setAccessibleName("Tjänstgörande som matchar")
        self.list.setMaximumHeight(110)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.kinds = QLabel(KIND_HINT, self)
        self.kinds.setTextFormat(Qt.TextFormat.RichText)
        self.kinds.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)
        for col, (name, field) in enumerate(
            (
                ("Vem", self.vem),
                ("Slag", self.kind_field),
                ("Lydelse", self.text),
                ("Instämmer", self.instammer),
            )
        ):
            grid.addWidget(QLabel(name, self), 0, col)
            grid.addWidget(field, 1, col)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 5)
        grid.setColumnStretch(3, 3)
        grid.addWidget(self.kinds, 2, 0, 1, 4)
        grid.addWidget(self.list, 3, 0, 1, 2)
        grid.addWidget(self.summary, 3, 2, 1, 2, Qt.AlignmentFlag.AlignTop)
        for field in (self.vem, self.kind_field, self.text, self.instammer):
            field.installEventFilter(self)
        for field in (self.vem, self.kind_field, self.text, self.instammer):
            field.textChanged.connect(lambda _t: self.changed.emit())
        self.vem.textEdited.connect(lambda t: self._show_matches(t))
        self.instammer.textEdited.connect(lambda t: self._show_matches(t))
        self.reset()

    # --- state ---------------------------------------------------------------------------

    def set_people(self, people: list[Person]) -> None:
        if people != self.people:
            self.people = people
            field = self.instammer if self.instammer.hasFocus() else self.vem
            self._show_matches(field.text())

    def pending(self) -> bool:
        """Something typed that is not saved: leaving now would lose it."""
        if self.target is not None:
            return bool(self.instammer.text().strip())
        return bool(
            self.yrkare
            or self.kind
            or self.instammande
            or any(f.text().strip() for f in (self.vem, self.text, self.instammer))
        )

    def summary_text(self) -> str:
        """What is typed, in words, for the question before leaving the §."""
        if self.target is not None:
            return f"{self.instammer.text().strip()} instämmer i {self.target[1]}"
        who = self.yrkare.label if self.yrkare else self.vem.text().strip() or "(vem?)"
        parts = [who, self.kind.label.lower() if self.kind else "(slag?)"]
        if self.text.text().strip():
            parts.append(f"”{self.text.text().strip()}”")
        if self.instammande:
            parts.append("instämmer: " + ", ".join(p.label for p in self.instammande))
        return " – ".join(parts)

    def reset(self) -> None:
        self.yrkare, self.kind, self.instammande, self.target = None, None, [], None
        for field in (self.vem, self.kind_field, self.text, self.instammer):
            field.clear()
        self.text.setEnabled(True)
        self._show_matches("")
        self._summarise()
        self.changed.emit()

    def start_joining(self, yrkande_id: int, label: str) -> None:
        """Add who instämmer to an existing yrkande (from the list: key I)."""
        self.reset()
        self.target = (yrkande_id, label)
        self._summarise()
        self.instammer.setFocus()

    def _summarise(self) -> None:
        if self.target is not None:
            self.summary.setText(f"Instämmer i: <b>{self.target[1]}</b> — Enter på tom rad: klar")
            return
        parts = [
            f"<b>{self.yrkare.label}</b>" if self.yrkare else "<i>vem?</i>",
            self.kind.label.lower() if self.kind else "<i>slag?</i>",
        ]
        if self.text.text().strip():
            parts.append(f"”{self.text.text().strip()}”")
        if self.instammande:
            parts.append("instämmer: " + ", ".join(p.label for p in self.instammande))
        self.summary.setText(
            " – ".join(parts) + "<br><span style='color:#6b7280'>"
            f"{i_text('Ctrl+Enter')} sparar · Esc börjar om</span>"
        )

    def _show_matches(self, text: str) -> None:
        self.list.clear()
        found = matches(self.people, text) if text.strip() else self.people
        for p in found:
            self.list.addItem(p.label)
        self._found = found
        if found:
            self.list.setCurrentRow(0)

    def _picked(self) -> Person | None:
        row = self.list.currentRow()
        found: list[Person] = getattr(self, "_found", [])
        return found[row] if 0 <= row < len(found) else None

    # --- keys ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if event.type() == QEvent.Type.ShortcutOverride:
            # Ctrl+Enter saves here, not 'behandla ärendet'; the kind letters are ours.
            plain = not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            )
            if (key in ENTER and ctrl) or (watched is self.kind_field and plain):
                event.accept()
                return True
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        if key in ENTER and ctrl:
            self.submit()
            return True
        if key == Qt.Key.Key_Escape and (self.target or self.pending()):
            self.reset()
            self.vem.setFocus()
            return True
        if watched in (self.vem, self.instammer) and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 1
            row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
            self.list.setCurrentRow(row)
            return True
        if watched is self.kind_field:
            return self._kind_key(event)
        if key not in ENTER:
            return False
        if watched is self.vem:
            self._take_yrkare()
        elif watched is self.text:
            self._take_text()
        elif watched is self.instammer:
            self._take_instammande()
        return True

    def _take_yrkare(self) -> None:
        person = self._picked() if self.vem.text().strip() else None
        if person is None:
            self.message.emit("Ingen tjänstgörande matchar. Skriv en del av namnet eller partiet.")
            return
        self.yrkare = person
        self.vem.setText(person.label)
        self._summarise()
        self.kind_field.setFocus()

    def _kind_key(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Backspace:
            self.vem.setFocus()
            return True
        if (
            event.modifiers()
            & ~Qt.KeyboardModifier.ShiftModifier
            & ~Qt.KeyboardModifier.KeypadModifier
        ):
            return False
        kind = KINDS.get(event.text().lower())
        if kind is None:
            return event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        self.kind = kind
        self.kind_field.setText(kind.label)
        self._summarise()
        if kind in ASKS_TEXT:
            self.text.setFocus()
        else:
            self.instammer.setFocus()
        self._show_matches("")
        return True

    def _take_text(self) -> None:
        if self.kind in NEEDS_TEXT and not self.text.text().strip():
            self.message.emit(f"Skriv vad {self.kind.label.lower()} gäller.")
            return
        self._summarise()
        self.instammer.setFocus()

    def _take_instammande(self) -> None:
        if not self.instammer.text().strip():
            if self.target is not None:
                self.reset()
                self.left.emit()
            else:
                self.submit()
            return
        person = self._picked()
        if person is None:
            self.message.emit("Ingen tjänstgörande matchar.")
            return
        self.instammer.clear()
        self._show_matches("")
        if self.target is not None:
            self.joined.emit(self.target[0], person.person_id)
            return
        if person not in self.instammande and person != self.yrkare:
            self.instammande.append(person)
        self._summarise()
        self.changed.emit()

    def submit(self) -> None:
        if self.target is not None:
            self._take_instammande()
            return
        if self.yrkare is None:
            self.message.emit("Ange först vem som yrkar.")
            self.vem.setFocus()
            return
        if self.kind is None:
            self.message.emit("Ange slag av yrkande med en bokstav.")
            self.kind_field.setFocus()
            return
        self.submitted.emit(
            (
                self.yrkare.person_id,
                self.kind,
                self.text.text().strip(),
                [p.person_id for p in self.instammande],
            )
        )

    def done(self) -> None:
        """Saved: ready for the next yrkande."""
        self.reset()
        self.vem.setFocus()
