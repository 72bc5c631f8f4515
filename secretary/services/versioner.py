"""Stored versions of a protocol: drafts sent for review, the justerat protocol, rättelser and
omedelbart justerade §§. Each keeps its PDF and content snapshot with SHA-256 digests; the
earlier versions stay readable, and a changed byte is found (tamper detection)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from secretary.domain.innehall import Innehall, kanonisk, sha256
from secretary.domain.versionsdiff import Paragrafandring, jamfor
from secretary.services.errors import ServiceError
from secretary.store.database import Store
from secretary.store.models import Logg, Meeting, Protokollversion


class Slag(StrEnum):
    UTKAST = "utkast"
    JUSTERAT = "justerat"
    RATTELSE = "rättelse"
    OMEDELBAR = "omedelbar"


SLAG_TEXT = {
    Slag.UTKAST: "Utkast",
    Slag.JUSTERAT: "Justerat protokoll",
    Slag.RATTELSE: "Rättat protokoll",
    Slag.OMEDELBAR: "Omedelbart justerad paragraf",
}
FASTSTALLDA = (Slag.JUSTERAT, Slag.RATTELSE)  # the versions that are the protocol of record


@dataclass(frozen=True)
class VersionInfo:
    id: int
    meeting_id: int
    nummer: int
    slag: Slag
    created: dt.datetime
    paragrafer: tuple[int, ...]
    pdf_sha256: str
    storlek: int
    avbruten: bool = False  # fixed for signing, then the signing was cancelled

    @property
    def slag_text(self) -> str:
        """'Justerat protokoll', or for a cancelled one what it is: never justerat."""
        return AVBRUTEN if self.avbruten else SLAG_TEXT[self.slag]

    @property
    def text(self) -> str:
        return f"Version {self.nummer}: {self.slag_text} {self.created:%Y-%m-%d %H.%M}"


AVBRUTEN = "Underskrifterna avbröts (aldrig justerat)"


def version_info(v: Protokollversion, avbruten: bool = False) -> VersionInfo:
    return VersionInfo(
        v.id,
        v.meeting_id,
        v.nummer,
        Slag(v.kind),
        v.created,
        tuple(v.paragrafer or ()),
        v.pdf_sha256,
        len(v.pdf),
        avbruten,
    )


def avbrutna_in(session: Session, meeting_id: int) -> frozenset[int]:
    """The numbers of the versions whose signing was cancelled (domain.underskrift.avbrutna):
    derived from the versions fixed for signing and the meeting's state, so stored data reads
    the same with no column for it."""
    from secretary.domain.arbetsgang import LAST, Tillstand, tillstand
    from secretary.domain.underskrift import avbrutna

    state = session.scalar(select(Meeting.state).where(Meeting.id == meeting_id))
    fixerade = session.scalars(
        select(Protokollversion.nummer).where(
            Protokollversion.meeting_id == meeting_id, Protokollversion.kind == Slag.JUSTERAT.value
        )
    )
    pagar = state is not None and (
        tillstand(state) is Tillstand.FOR_UNDERSKRIFT or tillstand(state) in LAST
    )
    return avbrutna(fixerade, pagar)


def ny_version(
    session: Session,
    meeting: Meeting,
    slag: Slag,
    now: dt.datetime,
    pdf: bytes,
    innehall: Innehall,
    paragrafer: Iterable[int] = (),
) -> Protokollversion:
    """Add the next numbered version inside the caller's unit of work, and log it."""
    last = session.scalar(
        select(func.max(Protokollversion.nummer)).where(Protokollversion.meeting_id == meeting.id)
    )
    version = Protokollversion(
        meeting_id=meeting.id,
        nummer=(last or 0) + 1,
        kind=slag.value,
        created=now,
        paragrafer=list(paragrafer),
        pdf=pdf,
        pdf_sha256=sha256(pdf),
        innehall=innehall,
        innehall_sha256=sha256(kanonisk(innehall)),
    )
    session.add(version)
    session.flush()
    session.add(
        Logg(
            meeting_id=meeting.id,
            at=now,
            kind=f"version-{slag.value}",
            text=f"Version {version.nummer} ({SLAG_TEXT[slag].lower()}) sparad, "
            f"SHA-256 {version.pdf_sha256}",
        )
    )
    return version


def versioner_in(session: Session, meeting_id: int) -> list[VersionInfo]:
    rows = session.scalars(
        select(Protokollversion)
        .where(Protokollversion.meeting_id == meeting_id)
        .order_by(Protokollversion.nummer)
    )
    avbrutna = avbrutna_in(session, meeting_id)
    return [version_info(v, v.nummer in avbrutna) for v in rows]


def list_versioner(store: Store, meeting_id: int) -> list[VersionInfo]:
    with store.read() as s:
        return versioner_in(s, meeting_id)


def stored_version(session: Session, meeting_id: int, nummer: int) -> Protokollversion:
    row = session.scalar(
        select(Protokollversion).where(
            Protokollversion.meeting_id == meeting_id, Protokollversion.nummer == nummer
        )
    )
    if row is None:
        raise ServiceError(f"Version {nummer} finns inte för sammanträdet.")
    return row


def las_pdf(store: Store, meeting_id: int, nummer: int) -> bytes:
    """A stored version's PDF exactly as it was made."""
    with store.read() as s:
        return stored_version(s, meeting_id, nummer).pdf


def las_innehall(store: Store, meeting_id: int, nummer: int) -> Innehall:
    with store.read() as s:
        return dict(stored_version(s, meeting_id, nummer).innehall)


def senaste_in(session: Session, meeting_id: int, slag: Iterable[Slag]) -> VersionInfo | None:
    """The latest version of one of the kinds `slag`; a cancelled one is never the latest
    justerat version."""
    wanted = {x.value for x in slag}
    found = [
        v for v in versioner_in(session, meeting_id) if v.slag.value in wanted and not v.avbruten
    ]
    return found[-1] if found else None


def senaste(store: Store, meeting_id: int, slag: Iterable[Slag]) -> VersionInfo | None:
    with store.read() as s:
        return senaste_in(s, meeting_id, slag)


def jamfor_versioner(store: Store, meeting_id: int, fore: int, efter: int) -> list[Paragrafandring]:
    """What changed per § from version `fore` to version `efter`."""
    with store.read() as s:
        a = stored_version(s, meeting_id, fore).innehall
        b = stored_version(s, meeting_id, efter).innehall
    return jamfor(dict(a), dict(b))


def _avvikelser(v: Protokollversion, loggat: set[str], signerat: set[str]) -> list[str]:
    from secretary.services.signering import avvikelser

    namn = f"Version {v.nummer} ({SLAG_TEXT[Slag(v.kind)].lower()})"
    out = avvikelser(namn, v, loggat, signerat, "Versionen")
    if sha256(kanonisk(v.innehall)) != v.innehall_sha256:
        out.append(
            f"{namn}: det sparade innehållet stämmer inte med sin kontrollsumma. Det har "
            "ändrats utanför programmet efter att det sparades.",
        )
    return out


def kontrollera(store: Store, meeting_id: int) -> list[str]:
    """Tamper detection, cheap enough to run when a meeting is opened: every stored version's
    PDF and content against its SHA-256 digest, and the justering digest in the log against
    the stored one; a signed PDF against its digest, the log, and the version it must
    begin with; and the same for every bestyrkt utdrag and anslagsbevis stored. An empty
    list means nothing was found; each finding is a Swedish sentence."""
    from secretary.services.bestyrkande import avvikelser_in

    with store.read() as s:
        versions = list(
            s.scalars(
                select(Protokollversion)
                .where(Protokollversion.meeting_id == meeting_id)
                .order_by(Protokollversion.nummer)
            )
        )
        logged = {
            text
            for (text,) in s.execute(
                select(Logg.text).where(Logg.meeting_id == meeting_id, Logg.kind.like("version-%"))
            )
        }
        signed = {
            text
            for (text,) in s.execute(
                select(Logg.text).where(Logg.meeting_id == meeting_id, Logg.kind == "underskrift")
            )
        }
        out: list[str] = []
        for v in versions:
            out += _avvikelser(v, logged, signed)
        bestyrkta = {
            text
            for (text,) in s.execute(
                select(Logg.text).where(Logg.meeting_id == meeting_id, Logg.kind == "bestyrkande")
            )
        }
        out += avvikelser_in(s, meeting_id, bestyrkta, signed)
        return out


def kontrollera_mot_data(store: Store, meeting_id: int) -> list[str]:
    """On demand, dearer than kontrollera(): does the protocol the rows make today say what
    the latest justerat (or rättat) version stored? A difference means the data was changed
    outside the application after justering."""
    from secretary.services.innehall import innehall
    from secretary.services.read import Reads
    from secretary.services.read.protokoll import protokoll_data

    with store.read() as s:
        latest = senaste_in(s, meeting_id, FASTSTALLDA)
        if latest is None:
            return []
        stored = dict(stored_version(s, meeting_id, latest.nummer).innehall)
        reads = Reads(s)
        now = innehall(protokoll_data(reads, reads.meeting(meeting_id)))
    changed = jamfor(stored, now)
    return [
        f"§ {c.paragraf} {c.rubrik}: {', '.join(d.rubrik for d in c.delar)} skiljer sig från "
        f"den justerade versionen {latest.nummer}. Uppgifterna har ändrats utanför programmet."
        for c in changed
    ]
