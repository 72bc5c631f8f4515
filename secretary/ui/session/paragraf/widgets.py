"""The § panel's layout: six titled sections in two columns, built once; `panel.py` fills
them and handles the keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from secretary.ui.session.panels import session_table
from secretary.ui.session.paragraf.entry import YrkandeEntry
from secretary.ui.session.paragraf.models import OrdningModel, PersonModel, RostModel, YrkandeModel
from secretary.ui.snabbtext import Snabbtext
from secretary.ui.tangenter import i_text

WARN = "color: #7f1d1d; background: #fee2e2; padding: 2px 6px;"
NOTE = "color: #374151;"
PENDING = (
    "color: #713f12; background: #fef08a; border: 1px solid #ca8a04; padding: 3px 6px;"
    " font-weight: bold;"
)
PENDING_TEXT = "⚠ Yrkandet är inte sparat – Ctrl+Enter sparar, Esc kastar"


def section(title: str, keys: str, *widgets: QWidget, parent: QWidget) -> QWidget:
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 0)
    layout.setSpacing(3)
    heading = QLabel(
        f"{title} <span style='color:#6b7280; font-weight:normal'>{i_text(keys)}</span>", box
    )
    heading.setStyleSheet("font-weight: bold; font-size: 11pt; color: #1f2937;")
    layout.addWidget(heading)
    for w in widgets:
        layout.addWidget(w)
    box.heading = heading  # type: ignore[attr-defined]
    return box


def label(parent: QWidget, style: str = NOTE, rich: bool = True) -> QLabel:
    out = QLabel(parent)
    out.setWordWrap(True)
    out.setStyleSheet(style)
    out.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    return out


class TextSection(QWidget):
    """One section of the protocol text (Yrkanden, Beslutsgång, Reservation): editable, with
    a warning when the secretary's wording no longer matches what was recorded."""

    def __init__(self, key: str, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.key = key
        self.title = QLabel(f"<b>{title}</b>", self)
        self.state = label(self)
        self.edit = QPlainTextEdit(self)
        self.edit.setAccessibleName(f"Text: {title}")
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(60)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.state, 1)
        layout.addLayout(top)
        layout.addWidget(self.edit)


class ParagrafWidgets(QSplitter):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold; color: #111827;")

        self.entry = YrkandeEntry(self)
        self.pending_note = QLabel(i_text(PENDING_TEXT), self)
        self.pending_note.setStyleSheet(PENDING)
        self.pending_note.setAccessibleName("Osparat yrkande")
        self.pending_note.hide()
        self.yrkande_model = YrkandeModel(self)
        self.yrkanden = session_table(self.yrkande_model, YrkandeModel.YRKANDE, "Yrkanden", 6)
        self.yrkanden.setMinimumHeight(90)
        self.ordning_model = OrdningModel(self)
        self.ordning = session_table(
            self.ordning_model, OrdningModel.FRAGA, "Propositionsordning", 6
        )
        self.ordning.setMaximumHeight(120)
        # Läge ("Avgjord: förvaltningens förslag") always whole: measured as it changes (a few
        # rows, so cheap), not once at a reset that may come while the page is hidden and
        # leave "Av…".
        self.ordning.horizontalHeader().setSectionResizeMode(
            OrdningModel.LAGE, QHeaderView.ResizeMode.ResizeToContents
        )
        self.ordning_state = label(self)

        self.prop_title = QLabel(self)
        self.prop_title.setStyleSheet("font-size: 12pt; font-weight: bold; color: #1e3a8a;")
        self.prop_text = label(self, "font-size: 11pt; color: #111827;")
        self.prop_alts = label(self, "font-size: 11pt;")
        self.prop_keys = label(self)
        self.val = QCheckBox("Val – lika röstetal avgörs genom lottning (Ctrl+L)", self)
        self.val.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.rost_model = RostModel(self)
        self.roster = session_table(self.rost_model, RostModel.NAMN, "Upprop vid votering", 4)
        self.totals = Snabbtext("font-size: 13pt; font-weight: bold; padding: 2px 0;", self)

        self.rubrik = QLineEdit(self)
        self.rubrik.setAccessibleName("Beslutets rubrik")
        self.att = QPlainTextEdit(self)
        self.att.setAccessibleName("Att-satser")
        self.att.setTabChangesFocus(True)
        self.att.setMaximumHeight(110)
        self.beslut_state = label(self)
        self.omedelbar = QCheckBox("Omedelbar justering", self)
        self.sekretess = QCheckBox("Sekretess", self)
        flags = QWidget(self)
        row = QHBoxLayout(flags)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.omedelbar)
        row.addWidget(self.sekretess)
        row.addStretch(1)

        self.person_model = PersonModel(self)
        self.people = session_table(self.person_model, PersonModel.RESERVATION, "Reservationer", 4)
        self.people.setMinimumHeight(90)

        self.texts = {
            "yrkanden": TextSection("yrkanden", "Yrkanden", self),
            "beslutsgang": TextSection("beslutsgang", "Beslutsgång", self),
            "reservation": TextSection("reservation", "Reservation", self),
        }

        left = QWidget(self)
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 4, 0)
        lay.addWidget(self.heading)
        self.yrkande_box = section(
            "Yrkanden", "Alt+7", self.entry, self.pending_note, self.yrkanden, parent=left
        )
        self.ordning_box = section(
            "Propositionsordning", "Alt+8", self.ordning, self.ordning_state, parent=left
        )
        self.gang_box = section(
            "Proposition och votering",
            "Alt+9",
            self.prop_title,
            self.prop_text,
            self.prop_alts,
            self.prop_keys,
            self.val,
            self.totals,
            self.roster,
            parent=left,
        )
        lay.addWidget(self.yrkande_box, 3)
        lay.addWidget(self.ordning_box, 1)
        lay.addWidget(self.gang_box, 5)
        self.left_layout = lay

        right = QWidget(self)
        lay = QVBoxLayout(right)
        lay.setContentsMargins(4, 0, 0, 0)
        self.beslut_box = section(
            "Beslut",
            "Alt+B · Ctrl+S sparar · Ctrl+Shift+R återställer",
            self.rubrik,
            self.att,
            self.beslut_state,
            flags,
            parent=right,
        )
        self.people_box = section(
            "Reservationer och protokollsanteckningar", "Alt+0", self.people, parent=right
        )
        self.text_box = section(
            "Text i protokollet",
            "Alt+T · Ctrl+S sparar · Ctrl+Shift+R genererad text",
            *self.texts.values(),
            parent=right,
        )
        lay.addWidget(self.beslut_box, 2)
        lay.addWidget(self.people_box, 2)
        lay.addWidget(self.text_box, 4)
        self.addWidget(left)
        self.addWidget(right)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self.setChildrenCollapsible(False)
