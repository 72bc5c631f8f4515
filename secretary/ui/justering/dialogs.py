"""The dialogs of the justering window: the day of justering, and a rättelse."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from secretary.domain.innehall import NAMN, paragrafer
from secretary.services import agenda, rattelse, versioner
from secretary.services.errors import ServiceError
from secretary.services.versioner import Slag, VersionInfo
from secretary.ui.common import dialog_buttons, from_qdate, lines, show_error, to_qdate
from secretary.ui.context import AppContext

RATTELSE_AV_KEY = "justering/rattelse_av"


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


class JusteraDialog(QDialog):
    """The day the protocol is justerat (today unless it was signed another day)."""

    def __init__(self, idag: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Justera protokollet")
        self.date_edit = QDateEdit(to_qdate(idag))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(to_qdate(idag))
        form = QFormLayout()
        form.addRow("Justeringsdag", self.date_edit)
        buttons, _ = dialog_buttons(self, "Justera…")
        layout = QVBoxLayout(self)
        layout.addWidget(
            _hint(
                "Den dag ordföranden och justerarna skrev under. Det slutliga protokollet "
                "sparas med kontrollsumma och låses; därefter ändras det bara genom rättelse. "
                "Anslaget ska sättas upp senast andra dagen efter justeringen."
            )
        )
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def datum(self) -> dt.date:
        return from_qdate(self.date_edit.date())


class RattelseDialog(QDialog):
    """A correction after justering: which § and part, the new text, why and by whom. The
    service makes a new version; the earlier ones stay as they were."""

    def __init__(self, ctx: AppContext, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.version: VersionInfo | None = None
        self.setWindowTitle("Rättelse av justerat protokoll")
        latest = versioner.senaste(
            ctx.store, meeting_id, (Slag.RATTELSE, Slag.JUSTERAT, Slag.OMEDELBAR)
        )
        self._innehall = (
            paragrafer(versioner.las_innehall(ctx.store, meeting_id, latest.nummer))
            if latest
            else {}
        )
        self.paragraf_combo = QComboBox()
        self._paragraf: dict[int, int] = {}
        for a in agenda.list_arenden(ctx.store, meeting_id):
            self.paragraf_combo.addItem(f"§ {a.paragraf} {a.rubrik}", a.id)
            self._paragraf[a.id] = a.paragraf
        self.del_combo = QComboBox()
        for del_ in rattelse.RATTBARA:
            self.del_combo.addItem(NAMN[del_], del_)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName("Ny text")
        self.text_edit.setMinimumHeight(120)
        self.varfor_edit = QLineEdit()
        self.varfor_edit.setPlaceholderText("Till exempel: fel belopp fördes in vid justeringen")
        self.av_edit = QLineEdit(str(ctx.settings.value(RATTELSE_AV_KEY, "") or ""))
        self.av_edit.setPlaceholderText("Namn på den som gör rättelsen")
        form = QFormLayout()
        form.addRow("&Paragraf", self.paragraf_combo)
        form.addRow("&Del", self.del_combo)
        form.addRow("&Ny text", self.text_edit)
        form.addRow("", _hint("Ett stycke per rad. Texten är förifylld med den justerade."))
        form.addRow("&Varför (krävs)", self.varfor_edit)
        form.addRow("&Rättad av", self.av_edit)
        buttons, self.ok_button = dialog_buttons(self, "Gör rättelse")
        layout = QVBoxLayout(self)
        layout.addWidget(
            _hint(
                "Protokollet är justerat. En rättelse gör en ny version där det syns att och "
                "vad som rättats, och varför. Tidigare versioner finns kvar och kan läsas."
            )
        )
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.paragraf_combo.currentIndexChanged.connect(self._prefill)
        self.del_combo.currentIndexChanged.connect(self._prefill)
        self._prefill()
        self.resize(620, 460)

    def _prefill(self) -> None:
        arende_id = self.paragraf_combo.currentData()
        if arende_id is None:
            return
        p = self._innehall.get(self._paragraf[arende_id], {})
        del_ = self.del_combo.currentData()
        texts = [p.get("rubrik", "")] if del_ == "rubrik" else p.get("delar", {}).get(del_, [])
        self.text_edit.setPlainText("\n".join(str(t) for t in texts))

    def accept(self) -> None:
        arende_id = self.paragraf_combo.currentData()
        if arende_id is None:
            return
        try:
            self.version = rattelse.ratta(
                self.ctx.store,
                arende_id,
                self.del_combo.currentData(),
                lines(self.text_edit.toPlainText()),
                self.varfor_edit.text(),
                self.av_edit.text(),
                self.ctx.clock(),
            )
        except ServiceError as exc:
            show_error(self, "Rättelsen kan inte göras", exc)
            return
        self.ctx.settings.setValue(RATTELSE_AV_KEY, self.av_edit.text().strip())
        super().accept()
