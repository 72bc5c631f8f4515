"""Add or change a person's place on an organ: ledamot, ersättare, adjungerad or övrig."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWidget

from secretary.domain.register import Funktion, Roll
from secretary.services import register
from secretary.services.register import MemberInput, MemberRow, OrganData
from secretary.ui.common import from_qdate, to_qdate
from secretary.ui.context import AppContext
from secretary.ui.dialogs.base import EditDialog
from secretary.ui.forms.ui_member_dialog import Ui_MemberDialog

_TITLED = (Roll.ADJUNGERAD, Roll.OVRIG)


class MemberDialog(EditDialog):
    settings_key = "dialogs/member"

    def __init__(
        self,
        ctx: AppContext,
        organ: OrganData,
        member: MemberRow | None,
        parent: QWidget | None,
    ) -> None:
        super().__init__(ctx, parent)
        self.organ = organ
        self.member = member
        self.saved: MemberRow | None = None
        self._ordning_set_by_user = member is not None
        self.ui = ui = Ui_MemberDialog()
        ui.setupUi(self)
        self.setWindowTitle(
            f"Redigera {member.name} – {organ.name}" if member else f"Ny person i {organ.name}"
        )
        ui.partyCombo.addItem("")
        for party in register.list_parties(ctx.store):
            ui.partyCombo.addItem(party.short)
            ui.partyCombo.setItemData(
                ui.partyCombo.count() - 1, party.name, Qt.ItemDataRole.ToolTipRole
            )
        for roll in Roll:
            ui.rollCombo.addItem(roll.label, roll)
        for funktion in Funktion:
            ui.funktionCombo.addItem(funktion.label.capitalize() or "(ingen)", funktion)
        ui.ersattareForCombo.addItem("(ingen)", None)
        own_id = member.membership_id if member else None
        for row in register.list_members(ctx.store, organ.id):
            if row.roll is Roll.LEDAMOT and row.membership_id != own_id:
                ui.ersattareForCombo.addItem(row.label, row.membership_id)
        if not organ.personliga_ersattare:
            ui.ersattareForCombo.setToolTip(
                "Organet har inga personliga ersättare. Det ändras under Redigera organ."
            )
        today = to_qdate(ctx.clock().date())
        ui.periodFromDate.setDate(today)
        ui.periodToDate.setDate(today)
        if member is not None:
            self._fill(member)
        self._roll_changed()
        ui.rollCombo.currentIndexChanged.connect(self._roll_changed)
        ui.partyCombo.currentTextChanged.connect(self._suggest_ordning)
        ui.ordningSpin.valueChanged.connect(self._ordning_edited)
        ui.periodFromCheck.toggled.connect(ui.periodFromDate.setEnabled)
        ui.periodToCheck.toggled.connect(ui.periodToDate.setEnabled)
        ui.periodFromDate.setEnabled(ui.periodFromCheck.isChecked())
        ui.periodToDate.setEnabled(ui.periodToCheck.isChecked())
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self._suggest_ordning()
        self._finish_setup(ui.errorLabel)

    def set_roll(self, roll: Roll) -> None:
        self.ui.rollCombo.setCurrentIndex(self.ui.rollCombo.findData(roll))

    def _fill(self, m: MemberRow) -> None:
        ui = self.ui
        ui.firstNameEdit.setText(m.first_name)
        ui.lastNameEdit.setText(m.last_name)
        ui.partyCombo.setCurrentText(m.party)
        self.set_roll(m.roll)
        ui.funktionCombo.setCurrentIndex(ui.funktionCombo.findData(m.funktion))
        ui.ordningSpin.setValue(m.ordning)
        ui.titleEdit.setText(m.title)
        ui.emailEdit.setText(m.email)
        found = ui.ersattareForCombo.findData(m.personlig_ersattare_for_id)
        ui.ersattareForCombo.setCurrentIndex(max(found, 0))
        for check, edit, value in (
            (ui.periodFromCheck, ui.periodFromDate, m.period_from),
            (ui.periodToCheck, ui.periodToDate, m.period_to),
        ):
            check.setChecked(value is not None)
            if value is not None:
                edit.setDate(to_qdate(value))

    def roll(self) -> Roll:
        # Qt hands a StrEnum back as a plain str: turn it into the enum again.
        return Roll(self.ui.rollCombo.currentData())

    def _roll_changed(self) -> None:
        roll = self.roll()
        ui = self.ui
        ui.funktionCombo.setEnabled(roll is Roll.LEDAMOT)
        if roll is not Roll.LEDAMOT:
            ui.funktionCombo.setCurrentIndex(ui.funktionCombo.findData(Funktion.INGEN))
        personlig = roll is Roll.ERSATTARE and self.organ.personliga_ersattare
        ui.ersattareForCombo.setEnabled(personlig)
        if not personlig:
            ui.ersattareForCombo.setCurrentIndex(0)
        ui.titleEdit.setEnabled(roll in _TITLED or bool(ui.titleEdit.text()))
        ui.ordningLabel.setText(
            "&Plats i partiets ordning:" if roll is Roll.ERSATTARE else "&Ordning:"
        )
        self._suggest_ordning()

    def _ordning_edited(self) -> None:
        if not self._filling_ordning:
            self._ordning_set_by_user = True

    _filling_ordning = False

    def _suggest_ordning(self) -> None:
        """New members get the next free seat, or the next place in their party's order."""
        if self._ordning_set_by_user:
            return
        value = register.next_ordning(
            self.ctx.store, self.organ.id, self.roll(), self.ui.partyCombo.currentText()
        )
        self._filling_ordning = True
        self.ui.ordningSpin.setValue(value)
        self._filling_ordning = False

    def _date(self, check_name: str) -> dt.date | None:
        check = getattr(self.ui, f"{check_name}Check")
        edit = getattr(self.ui, f"{check_name}Date")
        if not check.isChecked():
            return None
        value: QDate = edit.date()
        return from_qdate(value)

    def value(self) -> MemberInput:
        ui = self.ui
        return MemberInput(
            first_name=ui.firstNameEdit.text(),
            last_name=ui.lastNameEdit.text(),
            roll=self.roll(),
            party=ui.partyCombo.currentText(),
            funktion=Funktion(ui.funktionCombo.currentData()),
            ordning=ui.ordningSpin.value(),
            title=ui.titleEdit.text(),
            email=ui.emailEdit.text(),
            personlig_ersattare_for_id=ui.ersattareForCombo.currentData(),
            period_from=self._date("periodFrom"),
            period_to=self._date("periodTo"),
        )

    def problems(self) -> list[str]:
        return register.validate_member(self.value())

    def save(self) -> str:
        if self.member is None:
            self.saved = register.add_member(self.ctx.store, self.organ.id, self.value())
        else:
            self.saved = register.update_member(
                self.ctx.store, self.member.membership_id, self.value()
            )
        return "register"
