"""A package to send: the kallelse to each ledamot and ersättare as an e-mail.

No mail server is assumed. For each recipient the program writes an e-mail file (.eml, RFC
5322 with the kallelse attached) that any mail program opens and sends; or, when the
municipality has configured a server, it sends them through SMTP. The server's settings are
kept in the database (settings smtp.*); a password never is, it is asked for at sending.
"""

from __future__ import annotations

import datetime as dt
import re
import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from secretary.domain.datum_text import veckodag_datum
from secretary.services.dokument import Dokument
from secretary.services.errors import ServiceError, require
from secretary.services.read import Reads
from secretary.services.read.kallelse import kallelse_data, mottagare
from secretary.store.database import Store
from secretary.store.models import Kallelse, Setting

_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_PARTY = re.compile(r"\s*\([^()]*\)$")
SAKERHET = ("starttls", "ssl", "ingen")


@dataclass(frozen=True)
class SmtpInstallning:
    host: str
    port: int = 587
    sakerhet: str = "starttls"  # "starttls", "ssl" or "ingen"
    anvandare: str = ""
    avsandare: str = ""  # the From address


@dataclass(frozen=True)
class Meddelande:
    namn: str
    adress: str
    message: EmailMessage


@dataclass(frozen=True)
class Paket:
    meddelanden: tuple[Meddelande, ...]
    utan_adress: tuple[str, ...]  # called, but no e-mail address in the register

    @property
    def text(self) -> str:
        n = len(self.meddelanden)
        said = f"{n} e-postmeddelande{'n' if n != 1 else ''}"
        if self.utan_adress:
            said += (
                f". Saknar e-postadress i registret (skicka på annat sätt): "
                f"{', '.join(self.utan_adress)}"
            )
        return said + "."


# --- the settings -------------------------------------------------------------------------


def _setting(session: Session, key: str) -> str:
    row = session.get(Setting, key)
    return row.value.strip() if row is not None else ""


def smtp_installning(store: Store) -> SmtpInstallning | None:
    """The configured server, or None: then the package is written as .eml files."""
    with store.read() as s:
        host = _setting(s, "smtp.host")
        if not host:
            return None
        port = _setting(s, "smtp.port")
        return SmtpInstallning(
            host=host,
            port=int(port) if port.isdigit() else 587,
            sakerhet=_setting(s, "smtp.sakerhet") or "starttls",
            anvandare=_setting(s, "smtp.anvandare"),
            avsandare=_setting(s, "smtp.avsandare"),
        )


def spara_smtp(store: Store, installning: SmtpInstallning | None) -> None:
    if installning is not None:
        require(bool(installning.host.strip()), "Ange serverns namn.")
        require(0 < installning.port < 65536, "Porten ska vara ett tal mellan 1 och 65535.")
        require(installning.sakerhet in SAKERHET, "Okänd säkerhet; välj STARTTLS, SSL eller ingen.")
        require(
            not installning.avsandare or bool(_EMAIL.match(installning.avsandare)),
            f"Avsändaren ”{installning.avsandare}” är ingen e-postadress.",
        )
    values = {
        "smtp.host": installning.host.strip() if installning else "",
        "smtp.port": str(installning.port) if installning else "",
        "smtp.sakerhet": installning.sakerhet if installning else "",
        "smtp.anvandare": installning.anvandare.strip() if installning else "",
        "smtp.avsandare": installning.avsandare.strip() if installning else "",
    }
    with store.session() as s:
        for key, value in values.items():
            s.merge(Setting(key=key, value=value))


def kontrollera_avsandare(avsandare: str) -> None:
    require(
        bool(_EMAIL.match(avsandare.strip())), f"Avsändaren ”{avsandare}” är ingen e-postadress."
    )


# --- the package --------------------------------------------------------------------------


def _brodtext(
    organ: str,
    datum: dt.date,
    tid: str,
    plats: str,
    rubrik: str,
    punkter: list[str],
    forhinder: str,
) -> str:
    lines = [
        f"{rubrik} till {organ}",
        "",
        f"Tid: {veckodag_datum(datum).capitalize()}{' ' + tid if tid else ''}",
        f"Plats: {plats or 'meddelas senare'}",
        "",
        "Ärenden:",
        *punkter,
        "",
        forhinder,
        "",
        "Kallelsen med föredragningslistan och handlingarna finns i den bifogade PDF-filen.",
    ]
    return "\n".join(lines) + "\n"


def paket(
    store: Store,
    meeting_id: int,
    dokument: Dokument,
    avsandare: str,
    nu: dt.datetime,
) -> Paket:
    """One e-mail per ledamot and ersättare called, each with `dokument` (the kallelse as
    sent) attached."""
    require(
        bool(_EMAIL.match(avsandare.strip())), f"Avsändaren ”{avsandare}” är ingen e-postadress."
    )
    with store.read() as s:
        reads = Reads(s)
        meeting = reads.meeting(meeting_id)
        data = kallelse_data(reads, meeting)
        people = mottagare(meeting)
        sent = s.scalar(select(func.max(Kallelse.nummer)).where(Kallelse.meeting_id == meeting_id))
    rubrik = "Kallelse" if not sent or sent == 1 else f"Ändrad kallelse nr {sent - 1}"
    punkter = [
        f"§ {p.paragraf} {p.rubrik}" + (f" ({p.dnr})" if p.dnr else "") for p in data.punkter
    ]
    body = _brodtext(data.organ, data.datum, data.tid, data.plats, rubrik, punkter, data.forhinder)
    subject = f"{rubrik}: {data.organ} {data.datum.isoformat()}"
    domain = avsandare.strip().rpartition("@")[2]
    out: list[Meddelande] = []
    missing: list[str] = []
    for name, address in people:
        if not _EMAIL.match(address.strip()):
            missing.append(name)
            continue
        msg = EmailMessage()
        msg["From"] = avsandare.strip()
        # The party stays out of the address: "(S)" is a comment in RFC 5322 and is lost.
        msg["To"] = formataddr((_PARTY.sub("", name), address.strip()))
        msg["Subject"] = subject
        msg["Date"] = format_datetime(nu.astimezone())
        msg["Message-ID"] = make_msgid(domain=domain)
        msg.set_content(body)
        msg.add_attachment(
            dokument.pdf, maintype="application", subtype="pdf", filename=dokument.filnamn
        )
        out.append(Meddelande(name, address.strip(), msg))
    return Paket(tuple(out), tuple(missing))


def skriv_eml(paket: Paket, mapp: str | Path) -> list[Path]:
    """One .eml file per recipient in `mapp`; returns the files written."""
    folder = Path(mapp)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []
        for m in paket.meddelanden:
            name = _NOT_IN_NAMES.sub("-", f"{m.message['Subject']} – {m.namn}").strip(" .")
            path = folder / f"{name}.eml"
            path.write_bytes(bytes(m.message))
            written.append(path)
        return written
    except OSError as exc:
        raise ServiceError(
            f"E-postfilerna kunde inte skrivas i {folder}: {exc.strerror or exc}. Välj en "
            "annan mapp."
        ) from None


def skicka_smtp(
    paket: Paket,
    installning: SmtpInstallning,
    losenord: str = "",
    timeout: float = 30,
) -> list[str]:
    """Send every message through the server; returns the addresses it refused (in
    Swedish, one line each). A server that cannot be reached raises ServiceError and sends
    nothing more."""
    try:
        server: smtplib.SMTP
        if installning.sakerhet == "ssl":
            server = smtplib.SMTP_SSL(
                installning.host,
                installning.port,
                timeout=timeout,
                context=ssl.create_default_context(),
            )
        else:
            server = smtplib.SMTP(installning.host, installning.port, timeout=timeout)
        with server:
            if installning.sakerhet == "starttls":
                server.starttls(context=ssl.create_default_context())
            if installning.anvandare:
                server.login(installning.anvandare, losenord)
            refused: list[str] = []
            for m in paket.meddelanden:
                try:
                    server.send_message(m.message)
                except smtplib.SMTPRecipientsRefused:
                    refused.append(f"{m.namn} <{m.adress}>: adressen godtogs inte av servern.")
            return refused
    except smtplib.SMTPAuthenticationError:
        raise ServiceError(
            "E-postservern godtog inte användarnamnet eller lösenordet; inget mer har skickats."
        ) from None
    except smtplib.SMTPNotSupportedError:
        raise ServiceError(
            f"E-postservern {installning.host} stöder inte STARTTLS. Välj SSL eller ingen "
            "kryptering i inställningarna."
        ) from None
    except (OSError, smtplib.SMTPException) as exc:
        reason = "svarar inte" if isinstance(exc, socket.timeout | TimeoutError) else str(exc)
        raise ServiceError(
            f"E-postservern {installning.host}:{installning.port} kunde inte nås ({reason}). "
            "Skriv e-postfiler i stället, eller kontrollera inställningarna."
        ) from None
