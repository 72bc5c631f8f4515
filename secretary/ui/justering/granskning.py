"""The justerare's review at the secretary's screen (the draft § by §, a comment box and an OK
per §), and the secretary's list of comments to answer or mark as applied. Open comments
block justering (services.arbetsgang.justera)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from secretary.domain.arbetsgang import Tillstand
from secretary.domain.innehall import paragrafer
from secretary.domain.register import Funktion
from secretary.services import agenda, granskning, register, versioner
from secretary.services.errors import ServiceError
from secretary.services.granskning import Kommentar, Status
from secretary.ui.common import show_error
from secretary.ui.context import AppContext
from secretary.ui.justering.html import paragraf_html

STATUS_TEXT = {Status.OPPEN: "Öppen", Status.BESVARAD: "Besvarad", Status.INFORD: "Införd"}


class GranskningTab(QWidget):
    """Review mode: the justerare picks their name, reads each § of the newest draft and
    writes a comment or gives the § their OK."""

    def __init__(
        self, ctx: AppContext, meeting_id: int, changed: Callable[[], None], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.changed = changed
        self._innehall: dict[int, dict[str, Any]] = {}
        self.person_combo = QComboBox()
        self.person_combo.setAccessibleName("Justerare")
        self.draft_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel("Granskas av:"))
        top.addWidget(self.person_combo)
        top.addSpacing(16)
        top.addWidget(self.draft_label, 1)

        self.paragraf_list = QListWidget()
        self.paragraf_list.setAccessibleName("Paragrafer")
        self.paragraf_list.setWordWrap(True)
        self.paragraf_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.paragraf_list.currentRowChanged.connect(self._show_paragraf)
        self.text = QTextBrowser()
        self.text.setAccessibleName("Utkastets paragraf")
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setPlaceholderText("Justerarens synpunkt på paragrafen …")
        self.comment_edit.setAccessibleName("Kommentar")
        self.comment_edit.setMaximumHeight(90)
        self.comment_button = QPushButton("Lämna kommentar")
        self.comment_button.clicked.connect(self.add_comment)
        self.ok_button = QPushButton("OK – paragrafen är rätt")
        self.ok_button.clicked.connect(self.approve)
        self.paragraf_comments = QLabel()
        self.paragraf_comments.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.paragraf_comments, 1)
        row.addWidget(self.comment_button)
        row.addWidget(self.ok_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.text, 1)
        right_layout.addWidget(self.comment_edit)
        right_layout.addLayout(row)
        split = QSplitter()
        split.addWidget(self.paragraf_list)
        split.addWidget(right)
        split.setSizes([260, 700])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def _people(self) -> list[tuple[int, str]]:
        meeting = agenda.get_meeting(self.ctx.store, self.meeting_id)
        people = [(j.person_id, f"{j.label} (justerare)") for j in meeting.justerare]
        seen = {pid for pid, _ in people}
        for m in register.list_members(self.ctx.store, meeting.organ_id):
            if m.funktion is Funktion.ORDFORANDE and m.person_id not in seen:
                people.append((m.person_id, f"{m.first_name} {m.last_name} (ordförande)"))
                seen.add(m.person_id)
        return people

    def refresh(self, state: Tillstand, utkast: int | None) -> None:
        chosen = self.person_combo.currentData()
        self.person_combo.blockSignals(True)
        self.person_combo.clear()
        for pid, label in self._people():
            self.person_combo.addItem(label, pid)
        index = self.person_combo.findData(chosen)
        self.person_combo.setCurrentIndex(max(index, 0))
        self.person_combo.blockSignals(False)
        open_ = state is Tillstand.FOR_JUSTERING and utkast is not None
        self._innehall = (
            paragrafer(versioner.las_innehall(self.ctx.store, self.meeting_id, utkast))
            if utkast is not None
            else {}
        )
        if utkast is None:
            self.draft_label.setText("Inget utkast är skickat till justerarna ännu.")
        elif open_:
            self.draft_label.setText(f"Utkast {utkast}, paragraf för paragraf.")
        else:
            self.draft_label.setText(
                f"Utkast {utkast}. Granskningen är avslutad: protokollet är {state.label.lower()}."
            )
        for w in (self.comment_edit, self.comment_button, self.ok_button):
            w.setEnabled(open_)
        row = max(self.paragraf_list.currentRow(), 0)
        comments = granskning.list_kommentarer(self.ctx.store, self.meeting_id)
        oks = granskning.godkanda(self.ctx.store, self.meeting_id)
        names = {pid: label.split(" (")[0] for pid, label in self._people()}
        self._arenden = agenda.list_arenden(self.ctx.store, self.meeting_id)
        self._comments = comments
        self.paragraf_list.blockSignals(True)
        self.paragraf_list.clear()
        for a in self._arenden:
            marks = []
            ok_by = [names.get(p, "") for p in sorted(oks.get(a.id, set()))]
            if ok_by:
                marks.append("✓ OK " + ", ".join(n for n in ok_by if n))
            n_open = sum(1 for k in comments if k.arende_id == a.id and k.status is Status.OPPEN)
            if n_open:
                marks.append(f"{n_open} öppen kommentar" if n_open == 1 else f"{n_open} öppna")
            text = f"§ {a.paragraf} {a.rubrik}" + (f"\n    {' · '.join(marks)}" if marks else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            if n_open:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.paragraf_list.addItem(item)
        self.paragraf_list.blockSignals(False)
        if self._arenden:
            self.paragraf_list.setCurrentRow(min(row, len(self._arenden) - 1))
        self._show_paragraf(self.paragraf_list.currentRow())

    def current_arende_id(self) -> int | None:
        item = self.paragraf_list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def select_paragraf(self, arende_id: int) -> None:
        for i in range(self.paragraf_list.count()):
            if self.paragraf_list.item(i).data(Qt.ItemDataRole.UserRole) == arende_id:
                self.paragraf_list.setCurrentRow(i)

    def _show_paragraf(self, row: int) -> None:
        if not 0 <= row < len(getattr(self, "_arenden", [])):
            self.text.setHtml("")
            self.paragraf_comments.setText("")
            return
        a = self._arenden[row]
        p = self._innehall.get(a.paragraf)
        self.text.setHtml(
            paragraf_html(p)
            if p
            else f"<h2>§ {a.paragraf} {a.rubrik}</h2><p><i>Finns inte i utkastet.</i></p>"
        )
        mine = [k for k in self._comments if k.arende_id == a.id]
        self.paragraf_comments.setText(
            "<br>".join(
                f"<b>{k.person}</b> ({STATUS_TEXT[k.status].lower()}): {k.text}" for k in mine
            )
            or "Inga kommentarer på paragrafen."
        )

    def add_comment(self) -> None:
        arende_id, person_id = self.current_arende_id(), self.person_combo.currentData()
        if arende_id is None or person_id is None:
            return
        try:
            granskning.add_kommentar(
                self.ctx.store,
                arende_id,
                person_id,
                self.comment_edit.toPlainText(),
                self.ctx.clock(),
            )
        except ServiceError as exc:
            show_error(self, "Kommentaren kan inte sparas", exc)
            return
        self.comment_edit.clear()
        self.changed()

    def approve(self) -> None:
        arende_id, person_id = self.current_arende_id(), self.person_combo.currentData()
        if arende_id is None or person_id is None:
            return
        try:
            granskning.godkann(self.ctx.store, arende_id, person_id, self.ctx.clock())
        except ServiceError as exc:
            show_error(self, "OK kan inte sparas", exc)
            return
        self.changed()
        row = self.paragraf_list.currentRow()
        if row + 1 < self.paragraf_list.count():
            self.paragraf_list.setCurrentRow(row + 1)  # on to the next §


class KommentarerTab(QWidget):
    """The secretary's list: every comment, its answer, and what is still open."""

    PARAGRAF, PERSON, UTKAST, TEXT, STATUS, SVAR = range(6)

    def __init__(
        self, ctx: AppContext, meeting_id: int, changed: Callable[[], None], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.changed = changed
        self.rows: list[Kommentar] = []
        self.blocking_label = QLabel()
        self.blocking_label.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setAccessibleName("Justerarnas kommentarer")
        self.table.setHorizontalHeaderLabels(
            ["§", "Justerare", "Version", "Kommentar", "Status", "Svar"]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(self.SVAR, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.answer_button = QPushButton("Besvara…")
        self.answer_button.setToolTip("Svara justeraren utan att ändra texten")
        self.answer_button.clicked.connect(self.answer)
        self.applied_button = QPushButton("Markera som införd")
        self.applied_button.setToolTip("Ändringen justeraren bad om är gjord i protokollet")
        self.applied_button.clicked.connect(self.mark_applied)
        self.reopen_button = QPushButton("Öppna igen")
        self.reopen_button.clicked.connect(self.reopen)
        buttons = QHBoxLayout()
        for b in (self.answer_button, self.applied_button, self.reopen_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.blocking_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._open_state = False

    def refresh(self, state: Tillstand) -> None:
        self._open_state = state is Tillstand.FOR_JUSTERING
        chosen = self.current()
        numbers = {a.id: a.paragraf for a in agenda.list_arenden(self.ctx.store, self.meeting_id)}
        self.rows = granskning.list_kommentarer(self.ctx.store, self.meeting_id)
        self.table.setRowCount(len(self.rows))
        for r, k in enumerate(self.rows):
            values = [
                f"§ {numbers.get(k.arende_id, '?')}",
                k.person,
                str(k.version_nummer or ""),
                k.text,
                STATUS_TEXT[k.status],
                k.svar,
            ]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if k.status is Status.OPPEN:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, c, item)
            if chosen is not None and k.id == chosen.id:
                self.table.selectRow(r)
        self.table.resizeRowsToContents()
        n_open = sum(1 for k in self.rows if k.status is Status.OPPEN)
        if n_open:
            self.blocking_label.setText(
                f"<b style='color:#a40000'>{n_open} öppen kommentar hindrar justering.</b> "
                if n_open == 1
                else f"<b style='color:#a40000'>{n_open} öppna kommentarer hindrar justering.</b> "
            )
            self.blocking_label.setText(
                self.blocking_label.text()
                + ("Besvara den" if n_open == 1 else "Besvara dem")
                + " eller för in ändringen och markera den som införd."
            )
        elif self.rows:
            self.blocking_label.setText("Alla kommentarer är besvarade eller införda.")
        else:
            self.blocking_label.setText("Justerarna har inte lämnat några kommentarer.")
        self._update_buttons()

    def current(self) -> Kommentar | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def select(self, kommentar_id: int) -> None:
        for r, k in enumerate(self.rows):
            if k.id == kommentar_id:
                self.table.selectRow(r)

    def _update_buttons(self) -> None:
        k = self.current()
        on = self._open_state and k is not None
        self.answer_button.setEnabled(on)
        self.applied_button.setEnabled(on and k is not None and k.status is not Status.INFORD)
        self.reopen_button.setEnabled(on and k is not None and k.status is not Status.OPPEN)

    def _run(self, title: str, call: Callable[[], object]) -> None:
        try:
            call()
        except ServiceError as exc:
            show_error(self, title, exc)
            return
        self.changed()

    def answer(self) -> None:
        k = self.current()
        if k is None:
            return
        svar, ok = QInputDialog.getMultiLineText(
            self, "Besvara kommentar", f"{k.person} skrev: {k.text}\n\nSvar:", k.svar
        )
        if ok:
            self._run(
                "Svaret kan inte sparas", lambda: granskning.besvara(self.ctx.store, k.id, svar)
            )

    def mark_applied(self) -> None:
        k = self.current()
        if k is not None:
            self._run(
                "Kan inte markera kommentaren",
                lambda: granskning.markera_inford(self.ctx.store, k.id),
            )

    def reopen(self) -> None:
        k = self.current()
        if k is not None:
            self._run(
                "Kan inte öppna kommentaren", lambda: granskning.ateroppna(self.ctx.store, k.id)
            )
