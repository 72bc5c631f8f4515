"""The settings for what goes out before the meeting, as the secretary sets them: the mail
server (or none), an organ's kallelse deadline, the day the kungörelse went up."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate

from secretary.domain.register import OrganKind
from secretary.services import agenda, kallelse, register, utskick
from secretary.ui.utskick_dialogs import KallelsefristDialog, KungorelseDialog, SmtpDialog


def test_the_mail_server_is_saved_and_a_bad_sender_is_refused_in_the_dialog(
    qtbot: Any, ctx: Any
) -> None:
    dialog = SmtpDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.none.isChecked() and not dialog.host.isEnabled()
    dialog.none.setChecked(False)
    dialog.host.setText("smtp.exempelstad.se")
    dialog.avsandare.setText("inte en adress")
    dialog.accept()
    assert not dialog.error.isHidden() and "ingen e-postadress" in dialog.error.text()
    assert utskick.smtp_installning(ctx.store) is None  # nothing saved
    dialog.avsandare.setText("kansliet@exempelstad.se")
    dialog.accept()
    saved = utskick.smtp_installning(ctx.store)
    assert saved is not None and saved.host == "smtp.exempelstad.se" and saved.port == 587


def test_the_kallelse_deadline_and_the_kungorelse_day(qtbot: Any, ctx: Any) -> None:
    kf = register.create_organ(ctx.store, register.OrganInput("Kommunfullmäktige", OrganKind.KF))
    meeting = agenda.create_meeting(ctx.store, kf.id, agenda.MeetingInput(dt.date(2026, 12, 14)))
    frist = KallelsefristDialog(ctx, kf.id, None)
    qtbot.addWidget(frist)
    frist.dagar.setValue(10)
    frist.accept()
    assert kallelse.organets_frist(ctx.store, kf.id) == 10

    posted = KungorelseDialog(ctx, meeting.id, None, today=lambda: dt.date(2026, 12, 4))
    qtbot.addWidget(posted)
    assert not posted.datum.isEnabled()
    posted.uppsatt.setChecked(True)
    posted.datum.setDate(QDate(2026, 12, 4))
    posted.accept()
    assert kallelse.lage(ctx.store, meeting.id).kungorelse_uppsatt == dt.date(2026, 12, 4)
