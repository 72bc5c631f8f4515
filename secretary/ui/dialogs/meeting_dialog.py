"""Plan or change a sammanträde: date, place, start, justerare and when justering happens."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QListWidgetItem, QTimeEdit, QWidget

from secretary.services import agenda
from secretary.services.agenda import MeetingData, MeetingInput
from secretary.services.register import OrganData
from secretary.ui.common import from_qdate, from_qtime, to_qdate, to_qtime
from secretary.ui.context import AppContext
from secretary.ui.dialogs.base import EditDialog
from secretary.ui.forms.ui_meeting_dialog import Ui_MeetingDialog

_PERSON_ID = Qt.ItemDataRole.UserRole


class MeetingDialog(EditDialog):
    settings_key = "dialogs/meeting"

    def __init__(
        self,
        ctx: AppContext,
        organ: OrganData,
        meeting: MeetingData | None,
        parent: QWidget | None,
    ) -> None:
        super().__init__(ctx, parent)
        self.organ = organ
        self.meeting = meeting
        self.saved: MeetingData | None = None
        self.ui = ui = Ui_MeetingDialog()
        ui.setupUi(self)
        what = "Redigera sammanträde" if meeting else "Nytt sammanträde"
        self.setWindowTitle(f"{what} – {organ.name}")
        chosen = {j.person_id for j in meeting.justerare} if meeting else set()
        people = agenda.eligible_justerare(ctx.store, organ.id)
        known = {p.person_id for p in people}
        people += [j for j in (meeting.justerare if meeting else ()) if j.person_id not in known]
        for person in people:
            item = QListWidgetItem(person.label, ui.justerareList)
            item.setData(_PERSON_ID, person.person_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = person.person_id in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        today = ctx.clock().date()
        ui.dateEdit.setDate(to_qdate(meeting.date if meeting else today))
        ui.justeringDate.setDate(to_qdate(today))
        ui.startTime.setTime(to_qtime(dt.time(9, 0)))
        ui.justeringTime.setTime(to_qtime(dt.time(9, 0)))
        if meeting is not None:
            self._fill(meeting)
        for check, edit in (
            (ui.startCheck, ui.startTime),
            (ui.justeringDateCheck, ui.justeringDate),
            (ui.justeringTimeCheck, ui.justeringTime),
            (ui.firstParagrafCheck, ui.firstParagrafSpin),
        ):
            check.toggled.connect(edit.setEnabled)
            edit.setEnabled(check.isChecked())
        ui.dateEdit.dateChanged.connect(self._show_computed)
        ui.startCheck.toggled.connect(self._show_computed)
        ui.startTime.timeChanged.connect(self._show_computed)
        ui.firstParagrafCheck.toggled.connect(self._show_computed)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self._show_computed()
        self._finish_setup(ui.errorLabel)

    def _fill(self, m: MeetingData) -> None:
        ui = self.ui
        ui.placeEdit.setText(m.place)
        ui.justeringPlaceEdit.setText(m.justering_place)
        for check, edit, value in (
            (ui.startCheck, ui.startTime, m.planned_start),
            (ui.justeringTimeCheck, ui.justeringTime, m.justering_time),
        ):
            check.setChecked(value is not None)
            if value is not None:
                edit.setTime(to_qtime(value))
        ui.justeringDateCheck.setChecked(m.justering_date is not None)
        if m.justering_date is not None:
            ui.justeringDate.setDate(to_qdate(m.justering_date))
        ui.firstParagrafCheck.setChecked(m.first_paragraf_override is not None)
        ui.firstParagrafSpin.setValue(m.first_paragraf_override or m.first_paragraf)

    def computed_first_paragraf(self) -> int:
        """The first § this meeting gets from the year's earlier meetings, without a start of
        its own: the number the override replaces (domain.paragrafer)."""
        return agenda.suggested_first_paragraf(
            self.ctx.store,
            self.organ.id,
            from_qdate(self.ui.dateEdit.date()),
            self._time(self.ui.startCheck, self.ui.startTime),
            self.meeting.id if self.meeting else None,
        )

    def _show_computed(self) -> None:
        computed = self.computed_first_paragraf()
        if self.ui.firstParagrafCheck.isChecked():
            text = f"(annars § {computed}, efter årets tidigare sammanträden)"
        else:
            text = f"Första § blir § {computed}."
            self.ui.firstParagrafSpin.setValue(computed)
        self.ui.firstParagrafNote.setText(text)

    @staticmethod
    def _time(check: QCheckBox, edit: QTimeEdit) -> dt.time | None:
        return from_qtime(edit.time()) if check.isChecked() else None

    def justerare_ids(self) -> tuple[int, ...]:
        items = (self.ui.justerareList.item(i) for i in range(self.ui.justerareList.count()))
        return tuple(
            item.data(_PERSON_ID) for item in items if item.checkState() == Qt.CheckState.Checked
        )

    def value(self) -> MeetingInput:
        ui = self.ui
        return MeetingInput(
            date=from_qdate(ui.dateEdit.date()),
            place=ui.placeEdit.text(),
            planned_start=self._time(ui.startCheck, ui.startTime),
            justering_place=ui.justeringPlaceEdit.text(),
            justering_date=(
                from_qdate(ui.justeringDate.date()) if ui.justeringDateCheck.isChecked() else None
            ),
            justering_time=self._time(ui.justeringTimeCheck, ui.justeringTime),
            first_paragraf_override=(
                ui.firstParagrafSpin.value() if ui.firstParagrafCheck.isChecked() else None
            ),
            justerare_ids=self.justerare_ids(),
        )

    def save(self) -> str:
        if self.meeting is None:
            self.saved = agenda.create_meeting(self.ctx.store, self.organ.id, self.value())
        else:
            self.saved = agenda.update_meeting(self.ctx.store, self.meeting.id, self.value())
        return "meetings"
