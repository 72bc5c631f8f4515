"""The tabs of the justering window that come after justering or stand beside it: the anslag
with the law's dates, the public (web) version with every masking listed before export, the
reminder list over all meetings, and the log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from secretary.domain.anslag import anslagsdatum, senaste_anslag
from secretary.domain.arbetsgang import Tillstand
from secretary.domain.paminnelser import Paminnelse
from secretary.domain.publicering import Maskering
from secretary.services import dokument, paminnelser, publicering
from secretary.services.errors import ServiceError
from secretary.services.lage import Lage, Logghandelse
from secretary.ui.common import from_qdate, lines, show_error, to_qdate
from secretary.ui.context import AppContext
from secretary.ui.documents.files import save_html, save_pdf
from secretary.ui.documents.preview import busy

LAG = (
    "Tillkännagivandet om justeringen ska sättas upp på anslagstavlan senast andra dagen "
    "efter justeringen (8 kap. 12 § kommunallagen). Ett överklagande ska ha kommit in inom "
    "tre veckor från den dag anslaget sattes upp (13 kap. 5 §). Infaller sista dagen på en "
    "lördag, söndag, helgdag, midsommarafton, julafton eller nyårsafton flyttas den till nästa "
    "vardag (lag 1930:173). Anslaget sitter uppe hela tiden och tas ned dagen efter."
)


def table(headers: list[str], stretch: int, name: str) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setAccessibleName(name)
    t.setHorizontalHeaderLabels(headers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().hide()
    header = t.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return t


def fill(
    t: QTableWidget, rows: list[list[str]], red: Callable[[int], bool] = lambda _: False
) -> None:
    t.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if red(r):
                item.setForeground(Qt.GlobalColor.darkRed)
            t.setItem(r, c, item)


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


class AnslagTab(QWidget):
    """The posting date, proposed from the day of justering and kept within the law's limit,
    and the dates that follow from it."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.justerat_label = QLabel()
        self.upp_edit = QDateEdit()
        self.upp_edit.setCalendarPopup(True)
        self.upp_edit.setDisplayFormat("yyyy-MM-dd")
        self.upp_edit.setAccessibleName("Anslaget sätts upp")
        self.upp_edit.setMaximumWidth(160)
        self.upp_edit.dateChanged.connect(self._dates_changed)
        self.limit_label = QLabel()
        self.limit_label.setWordWrap(True)
        self.sista_label = QLabel()
        self.ned_label = QLabel()
        for label in (self.sista_label, self.ned_label):
            label.setStyleSheet("font-weight: 600;")
        self.satt_upp_button = QPushButton("Sätt upp anslaget…")
        self.bevis_button = QPushButton("Anslagsbevis…")
        self.bevis_button.setToolTip("Förhandsgranska, skriv ut eller spara anslagsbeviset")
        self.ta_ned_button = QPushButton("Ta ned förfallna anslag…")
        self.ta_ned_button.setToolTip(
            "Tar ned alla anslag vars sista dag för överklagande har gått"
        )
        form = QFormLayout()
        form.addRow("Justerat", self.justerat_label)
        form.addRow("Anslaget sätts upp", self.upp_edit)
        form.addRow("", self.limit_label)
        form.addRow("Sista dag för överklagande", self.sista_label)
        form.addRow("Anslaget tas ned", self.ned_label)
        buttons = QHBoxLayout()
        for b in (self.satt_upp_button, self.bevis_button, self.ta_ned_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addSpacing(12)
        layout.addWidget(hint(LAG))
        layout.addStretch(1)
        self._lage: Lage | None = None

    def refresh(self, lage: Lage, idag: dt.date) -> None:
        self._lage = lage
        j = lage.justerat_datum
        self.justerat_label.setText(j.isoformat() if j else "Inte justerat än")
        posted = lage.anslag_uppsatt is not None
        editable = lage.state is Tillstand.JUSTERAT and j is not None
        self.upp_edit.setEnabled(editable)
        self.upp_edit.blockSignals(True)
        if posted and lage.anslag_uppsatt is not None:
            self.upp_edit.setMinimumDate(to_qdate(lage.anslag_uppsatt))
            self.upp_edit.setMaximumDate(to_qdate(lage.anslag_uppsatt))
            self.upp_edit.setDate(to_qdate(lage.anslag_uppsatt))
        elif j is not None:
            from secretary.domain.anslag import foreslaget_anslag

            self.upp_edit.setMinimumDate(to_qdate(j))
            self.upp_edit.setMaximumDate(to_qdate(senaste_anslag(j)))
            self.upp_edit.setDate(to_qdate(foreslaget_anslag(j)))
        self.upp_edit.blockSignals(False)
        self._dates_changed()
        self.satt_upp_button.setEnabled(editable)
        self.bevis_button.setEnabled(
            lage.state in (Tillstand.JUSTERAT, Tillstand.ANSLAGET, Tillstand.NEDTAGET)
        )
        due = lage.state is Tillstand.ANSLAGET and lage.nedtagning is not None
        self.ta_ned_button.setEnabled(
            due and lage.nedtagning is not None and idag >= lage.nedtagning
        )

    def _dates_changed(self) -> None:
        lage = self._lage
        if lage is None or lage.justerat_datum is None:
            self.limit_label.setText("Anslaget kan sättas upp när protokollet är justerat.")
            self.sista_label.setText("–")
            self.ned_label.setText("–")
            return
        if lage.anslag_uppsatt is not None and lage.sista_overklagandedag and lage.nedtagning:
            self.limit_label.setText("Anslaget är uppsatt.")
            self.sista_label.setText(lage.sista_overklagandedag.isoformat())
            self.ned_label.setText(lage.nedtagning.isoformat())
            return
        senast = senaste_anslag(lage.justerat_datum)
        datum = anslagsdatum(self.datum())
        self.limit_label.setText(
            f"Tidigast justeringsdagen {lage.justerat_datum.isoformat()}, senast "
            f"{senast.isoformat()} (andra dagen efter justeringen, flyttad förbi helgdag)."
        )
        self.sista_label.setText(f"{datum.sista_overklagandedag.isoformat()}")
        self.ned_label.setText(f"{datum.nedtagning.isoformat()}")

    def datum(self) -> dt.date:
        return from_qdate(self.upp_edit.date())


class PubliceringTab(QWidget):
    """The web version: every masking (§, what, where) shown before the PDF is saved."""

    def __init__(self, ctx: AppContext, meeting_id: int, start: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.start = start
        self.maskeringar: list[Maskering] = []
        self.terms_edit = QPlainTextEdit()
        self.terms_edit.setAccessibleName("Fler uppgifter att maskera")
        self.terms_edit.setPlaceholderText("Namn, adresser … en per rad")
        self.terms_edit.setMaximumHeight(70)
        self.terms_edit.setPlainText("\n".join(publicering.termer(ctx.store, meeting_id)))
        self.preview_button = QPushButton("Visa maskeringar")
        self.preview_button.clicked.connect(self.preview)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = table(["§", "Vad", "Var", "Det som döljs"], 3, "Maskeringar")
        self.save_button = QPushButton("Spara webbversion som PDF…")
        self.save_button.clicked.connect(self.save)
        self.html_button = QPushButton("Spara webbversion som webbsida…")
        self.html_button.setToolTip(
            "Samma innehåll som PDF:en, maskerat på samma sätt, som en tillgänglig webbsida "
            "för anslagstavlan"
        )
        self.html_button.clicked.connect(self.save_html)
        terms = QHBoxLayout()
        terms.addWidget(self.terms_edit, 1)
        terms.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignTop)
        bottom = QHBoxLayout()
        bottom.addWidget(
            hint("Originalet ändras inte; webbversionen är en egen fil för publicering."), 1
        )
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.html_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                "Paragrafer under sekretess ersätts av rubriken och en upplysning, och "
                "personnummer maskeras. Skriv fler uppgifter som ska döljas (namn, adresser) "
                "en per rad; de sparas med sammanträdet till nästa webbversion."
            )
        )
        layout.addLayout(terms)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def terms(self) -> tuple[str, ...]:
        return lines(self.terms_edit.toPlainText())

    def preview(self) -> list[Maskering]:
        try:
            with busy():
                publicering.spara_termer(self.ctx.store, self.meeting_id, self.terms())
                self.maskeringar = publicering.forhandsgranska(
                    self.ctx.store, self.meeting_id, self.terms()
                )
        except ServiceError as exc:
            show_error(self, "Webbversionen kan inte visas", exc)
            return []
        fill(
            self.table,
            [
                [f"§ {m.paragraf}" if m.paragraf else "Första sidan", m.vad, m.var, m.original]
                for m in self.maskeringar
            ],
        )
        n = len(self.maskeringar)
        self.summary.setText(
            "Inget maskeras i webbversionen."
            if n == 0
            else f"Webbversionen döljer {n} uppgift{'er' if n != 1 else ''}:"
        )
        return self.maskeringar

    def save(self) -> None:
        self.preview()
        try:
            with busy():
                doc = dokument.publik(self.ctx.store, self.meeting_id, self.terms())
        except ServiceError as exc:
            show_error(self, "Webbversionen kan inte skapas", exc)
            return
        save_pdf(self, self.ctx.settings, doc)

    def save_html(self) -> None:
        self.preview()
        try:
            with busy():
                page = dokument.publik_html(self.ctx.store, self.meeting_id, self.terms())
        except ServiceError as exc:
            show_error(self, "Webbversionen kan inte skapas", exc)
            return
        save_html(self, self.ctx.settings, page)


class PaminnelserTab(QWidget):
    """What is due across every meeting, the most urgent first."""

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[Paminnelse] = []
        self.table = table(["Senast", "Påminnelse", ""], 1, "Påminnelser")
        layout = QVBoxLayout(self)
        layout.addWidget(hint("Det som ska göras efter sammanträdena, för alla organ."))
        layout.addWidget(self.table, 1)

    def refresh(self, idag: dt.date) -> None:
        self.rows = paminnelser.lista(self.ctx.store, idag)
        fill(
            self.table,
            [
                [p.forfaller.isoformat(), p.text, "Försenad" if p.forsenad else ""]
                for p in self.rows
            ],
            red=lambda r: self.rows[r].forsenad,
        )


class LoggTab(QWidget):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.table = table(["Tid", "Händelse"], 1, "Logg")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def refresh(self, rows: list[Logghandelse]) -> None:
        fill(self.table, [[f"{r.at:%Y-%m-%d %H.%M}", r.text] for r in rows])


def knapp(text: str, slot: Callable[[], object]) -> QPushButton:
    """A button that does not take Enter from the dialog's default."""
    b = QPushButton(text)
    b.setAutoDefault(False)
    b.clicked.connect(lambda: slot())
    return b


def rutnat(buttons: Sequence[QPushButton], columns: int) -> QGridLayout:
    """The buttons row by row, `columns` to a row."""
    grid = QGridLayout()
    for i, b in enumerate(buttons):
        grid.addWidget(b, i // columns, i % columns)
    return grid
