"""The package to send: one .eml per recipient with the kallelse attached, parsed back with
Python's email package, and the same messages sent to a real SMTP server this test starts
on 127.0.0.1 (aiosmtpd in a thread)."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import socket
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from secretary.services import dokument, register, utskick
from secretary.services.errors import ServiceError
from secretary.services.utskick import SmtpInstallning
from secretary.store.database import Store
from tests.services.test_kallelse import NOW, _meeting, _organ


class _Inbox:
    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[_Inbox, int]]:
    inbox = _Inbox()
    with socket.socket() as probe:  # a free port: the controller cannot start on port 0
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def _with_addresses(store: Store) -> int:
    organ = _organ(store)
    for m in register.list_members(store, organ):
        if m.first_name != "Fanny":  # one ersättare without an address
            data = register.MemberInput(
                first_name=m.first_name,
                last_name=m.last_name,
                roll=m.roll,
                party=m.party,
                funktion=m.funktion,
                ordning=m.ordning,
                email=f"{m.first_name.lower()}@kommun.example",
            )
            register.update_member(store, m.membership_id, data)
    return _meeting(store, organ)


def _parse(data: bytes) -> EmailMessage:
    msg = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


def test_one_eml_per_recipient_with_the_kallelse_attached(store: Store, tmp_path: Path) -> None:
    meeting = _with_addresses(store)
    sent = dokument.skicka_kallelse(store, meeting, NOW)
    package = utskick.paket(store, meeting, sent, "kansliet@kommun.example", NOW)
    assert package.utan_adress == ("Fanny Johansson (S)",)
    assert "Saknar e-postadress i registret" in package.text

    files = utskick.skriv_eml(package, tmp_path / "utskick")
    assert len(files) == 2
    msgs = [_parse(f.read_bytes()) for f in files]
    assert sorted(str(m["To"]) for m in msgs) == [
        "Anders Almqvist <anders@kommun.example>",
        "Petra Sandström <petra@kommun.example>",
    ]
    msg = msgs[0]
    assert msg["Subject"] == f"Kallelse: Kommunstyrelsen {dt.date(2026, 4, 10).isoformat()}"
    assert msg["From"] == "kansliet@kommun.example"
    body = msg.get_body(preferencelist=("plain",))
    assert body is not None
    text = body.get_content()
    assert "Tid: Fredagen den 10 april 2026 klockan 13.00" in text
    assert "§ 1 Budget 2027 & plan (KS 2026/0012)" in text
    (attachment,) = list(msg.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "Kommunstyrelsen 2026-04-10 kallelse.pdf"
    assert attachment.get_content() == sent.pdf


def test_sent_through_a_local_smtp_server(store: Store, smtp: tuple[_Inbox, int]) -> None:
    inbox, port = smtp
    meeting = _with_addresses(store)
    utskick.spara_smtp(
        store, SmtpInstallning("127.0.0.1", port, "ingen", avsandare="kansliet@kommun.example")
    )
    config = utskick.smtp_installning(store)
    assert config == SmtpInstallning("127.0.0.1", port, "ingen", "", "kansliet@kommun.example")
    sent = dokument.skicka_kallelse(store, meeting, NOW)
    package = utskick.paket(store, meeting, sent, config.avsandare, NOW)
    assert utskick.skicka_smtp(package, config, timeout=5) == []

    assert sorted(r for _, rcpt, _ in inbox.received for r in rcpt) == [
        "anders@kommun.example",
        "petra@kommun.example",
    ]
    mail_from, _, content = inbox.received[0]
    assert mail_from == "kansliet@kommun.example"
    (attachment,) = list(_parse(content).iter_attachments())
    assert attachment.get_content() == sent.pdf


def test_a_server_that_cannot_be_reached_is_said_in_swedish(
    store: Store, smtp: tuple[_Inbox, int]
) -> None:
    _, port = smtp
    meeting = _with_addresses(store)
    sent = dokument.skicka_kallelse(store, meeting, NOW)
    package = utskick.paket(store, meeting, sent, "kansliet@kommun.example", NOW)
    # STARTTLS asked of a server that offers none.
    with pytest.raises(ServiceError, match="stöder inte STARTTLS"):
        utskick.skicka_smtp(package, SmtpInstallning("127.0.0.1", port, "starttls"), timeout=5)
    with pytest.raises(ServiceError, match="kunde inte nås"):
        utskick.skicka_smtp(package, SmtpInstallning("127.0.0.1", 1, "ingen"), timeout=5)
