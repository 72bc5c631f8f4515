"""Settings for what goes out before the meeting: the e-mail server (or none: .eml files),
an organ's kallelse deadline, and the day the kungörelse went up on the anslagstavla. Each
saves through its service; a refusal is said in the dialog and what was typed stays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from secretary.services import kallelse, utskick
from secretary.services.errors import ServiceError
from secretary.ui.common import dialog_buttons, from_qdate, to_qdate
from secretary.ui.context import AppContext

SAKERHET = (("starttls", "STARTTLS (port 587)"), ("ssl", "SSL/TLS (port 465)"), ("ingen", "Ingen"))


class _Dialog(QDialog):
    """A form, an inline error line, and OK that saves or stays open with the refusal."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        buttons, _ok = dialog_buttons(self, "Spara")
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.save()
        except ServiceError as exc:
            self.error.setText(str(exc))
            self.error.setVisible(True)
            return
        super().accept()


class SmtpDialog(_Dialog):
    """The municipality's mail server; without one, Skicka kallelse writes .eml files that
    any mail program opens. The password is asked when sending and never stored."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "E-postserver för utskick", parent)
        now = utskick.smtp_installning(ctx.store)
        self.none = QCheckBox("Ingen server: skriv e-postfiler (.eml) att skicka själv", self)
        self.host = QLineEdit(now.host if now else "", self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(now.port if now else 587)
        self.sakerhet = QComboBox(self)
        for value, label in SAKERHET:
            self.sakerhet.addItem(label, value)
        if now is not None:
            self.sakerhet.setCurrentIndex([v for v, _ in SAKERHET].index(now.sakerhet))
        self.anvandare = QLineEdit(now.anvandare if now else "", self)
        self.avsandare = QLineEdit(now.avsandare if now else "", self)
        self.avsandare.setPlaceholderText("kommunkansliet@exempelstad.se")
        self.form.addRow(self.none)
        self.form.addRow("Server", self.host)
        self.form.addRow("Port", self.port)
        self.form.addRow("Säkerhet", self.sakerhet)
        self.form.addRow("Användarnamn", self.anvandare)
        self.form.addRow("Avsändare", self.avsandare)
        self.none.toggled.connect(self._enable)
        self.none.setChecked(now is None)
        self._enable(now is None)

    def _enable(self, none: bool) -> None:
        for widget in (self.host, self.port, self.sakerhet, self.anvandare, self.avsandare):
            widget.setEnabled(not none)

    def save(self) -> None:
        if self.none.isChecked():
            utskick.spara_smtp(self.ctx.store, None)
            return
        utskick.spara_smtp(
            self.ctx.store,
            utskick.SmtpInstallning(
                host=self.host.text(),
                port=self.port.value(),
                sakerhet=str(self.sakerhet.currentData()),
                anvandare=self.anvandare.text(),
                avsandare=self.avsandare.text(),
            ),
        )


class KallelsefristDialog(_Dialog):
    """How many days before the meeting the organ's reglemente wants the kallelse out."""

    def __init__(
        self, ctx: AppContext, organ_id: int, dagar: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "Kallelsefrist", parent)
        self.organ_id = organ_id
        self.dagar = QSpinBox(self)
        self.dagar.setRange(0, 60)
        self.dagar.setSpecialValueText("Ingen frist angiven")
        self.dagar.setSuffix(" dagar före sammanträdet")
        self.dagar.setValue(dagar or 0)
        self.form.addRow("Kallelsen ska vara ute", self.dagar)

    def save(self) -> None:
        value = self.dagar.value()
        kallelse.satt_kallelse_dagar(self.ctx.store, self.organ_id, value or None)


class KungorelseDialog(_Dialog):
    """The day the kungörelse went up on the anslagstavla (or not yet)."""

    def __init__(
        self,
        ctx: AppContext,
        meeting_id: int,
        uppsatt: dt.date | None,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(ctx, "Kungörelsen uppsatt", parent)
        self.meeting_id = meeting_id
        self.uppsatt = QCheckBox("Kungörelsen är uppsatt på anslagstavlan", self)
        self.datum = QDateEdit(self)
        self.datum.setCalendarPopup(True)
        self.datum.setDisplayFormat("yyyy-MM-dd")
        self.datum.setDate(to_qdate(uppsatt or today()))
        self.uppsatt.setChecked(uppsatt is not None)
        self.uppsatt.toggled.connect(self.datum.setEnabled)
        self.datum.setEnabled(uppsatt is not None)
        self.form.addRow(self.uppsatt)
        self.form.addRow("Uppsatt den", self.datum)

    def save(self) -> None:
        day = from_qdate(self.datum.date()) if self.uppsatt.isChecked() else None
        kallelse.satt_kungorelse(self.ctx.store, self.meeting_id, day)
