"""Tider och ajourneringar: the meeting's real start and end, and its breaks, corrected after
the fact (services.tider logs every change). Each change is saved at once through the
service; a refusal is said in the dialog and what was typed stays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from secretary.domain.tider import ajournering_text
from secretary.services import tider
from secretary.services.errors import ServiceError
from secretary.ui.common import from_qtime, to_qtime
from secretary.ui.context import AppContext

ID = Qt.ItemDataRole.UserRole
TIDER = Qt.ItemDataRole.UserRole + 1


def _time_edit(parent: QWidget, value: dt.time | None, name: str) -> QTimeEdit:
    edit = QTimeEdit(parent)
    edit.setDisplayFormat("HH.mm")
    edit.setAccessibleName(name)
    edit.setTime(to_qtime(value) if value is not None else QTime(13, 0))
    return edit


class TiderDialog(QDialog):
    def __init__(self, ctx: AppContext, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.setWindowTitle("Tider och ajourneringar")
        self.changed = False
        now = tider.las_tider(ctx.store, meeting_id)

        times = QGroupBox("Sammanträdets tider", self)
        form = QFormLayout(times)
        self.start = _time_edit(times, now.start, "Början")
        self.slut = _time_edit(times, now.slut, "Slut")
        self.pagar = QCheckBox("Pågår fortfarande (ingen sluttid)", times)
        self.pagar.setChecked(now.slut is None)
        self.pagar.toggled.connect(lambda on: self.slut.setEnabled(not on))
        self.slut.setEnabled(now.slut is not None)
        save_times = QPushButton("Spara tiderna", times)
        save_times.clicked.connect(self.save_times)
        form.addRow("Början kl.", self.start)
        form.addRow("Slut kl.", self.slut)
        form.addRow("", self.pagar)
        form.addRow("", save_times)

        breaks = QGroupBox("Ajourneringar", self)
        lay = QVBoxLayout(breaks)
        self.list = QListWidget(breaks)
        self.list.setAccessibleName("Ajourneringar")
        self.list.currentItemChanged.connect(lambda *_: self._pick())
        lay.addWidget(self.list)
        row = QHBoxLayout()
        self.fran = _time_edit(breaks, None, "Ajournering från")
        self.till = _time_edit(breaks, None, "Ajournering till")
        self.varar = QCheckBox("pågår", breaks)
        self.varar.toggled.connect(lambda on: self.till.setEnabled(not on))
        row.addWidget(QLabel("Från kl.", breaks))
        row.addWidget(self.fran)
        row.addWidget(QLabel("till kl.", breaks))
        row.addWidget(self.till)
        row.addWidget(self.varar)
        lay.addLayout(row)
        buttons = QHBoxLayout()
        for text, slot in (
            ("Lägg till", self.add),
            ("Ändra markerad", self.change),
            ("Ta bort markerad", self.remove),
        ):
            button = QPushButton(text, breaks)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        lay.addLayout(buttons)

        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Stäng")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(times)
        layout.addWidget(breaks)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self._show(now)

    # --- showing ----------------------------------------------------------------------------

    def _show(self, now: tider.Tider) -> None:
        self.list.clear()
        for id_, paus in now.ajourneringar:
            item = QListWidgetItem(ajournering_text(paus), self.list)
            item.setData(ID, id_)
            item.setData(TIDER, (paus.fran, paus.till))

    def _pick(self) -> None:
        if self.list.currentRow() < 0:
            return
        item = self.list.currentItem()
        fran, till = item.data(TIDER)
        self.fran.setTime(to_qtime(fran))
        self.varar.setChecked(till is None)
        if till is not None:
            self.till.setTime(to_qtime(till))

    def _say(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def _run(self, call: Callable[[], tider.Tider]) -> None:
        try:
            result = call()
        except ServiceError as exc:
            self._say(str(exc))
            return
        self._say("")
        self.changed = True
        self.ctx.changes.changed.emit("meetings")
        self._show(result)

    # --- saving -----------------------------------------------------------------------------

    def _now(self) -> dt.datetime:
        return self.ctx.clock()

    def save_times(self) -> None:
        start = from_qtime(self.start.time())
        slut = None if self.pagar.isChecked() else from_qtime(self.slut.time())
        self._run(
            lambda: tider.satt_tider(self.ctx.store, self.meeting_id, start, slut, self._now())
        )

    def _break(self) -> tuple[dt.time, dt.time | None]:
        till = None if self.varar.isChecked() else from_qtime(self.till.time())
        return from_qtime(self.fran.time()), till

    def add(self) -> None:
        fran, till = self._break()
        self._run(lambda: tider.ajournera(self.ctx.store, self.meeting_id, fran, till, self._now()))

    def change(self) -> None:
        if self.list.currentRow() < 0:
            self._say("Markera först den ajournering som ska ändras.")
            return
        item = self.list.currentItem()
        fran, till = self._break()
        id_ = int(item.data(ID))
        self._run(lambda: tider.andra_ajournering(self.ctx.store, id_, fran, till, self._now()))

    def remove(self) -> None:
        if self.list.currentRow() < 0:
            self._say("Markera först den ajournering som ska tas bort.")
            return
        item = self.list.currentItem()
        id_ = int(item.data(ID))
        self._run(lambda: tider.ta_bort_ajournering(self.ctx.store, id_, self._now()))
