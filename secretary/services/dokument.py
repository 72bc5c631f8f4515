"""The one door to a document for the window, the command line and the self-test: the PDF's
bytes with the title a preview shows and the file name it proposes.

Each document is read in one unit of work (secretary.services.read) and laid out by
secretary.reports after it; a stored version is returned exactly as it was kept. The
documents that are locked when they are made (the justerat protocol, a rättelse, an
omedelbart justerad §) are made by their own use cases, in the unit of work that locks them
(services.arbetsgang, .rattelse, .omedelbar), with `render` and `utdrag_render` below.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from secretary.reports.data import Anslag, KallelseData, ProtokollData
from secretary.services.errors import NotFoundError, ServiceError
from secretary.services.read import Reads
from secretary.services.read.protokoll import protokoll_data
from secretary.services.read.val import expedieras_till, valvyer
from secretary.store.database import Store
from secretary.store.models import Meeting

__all__ = ["Anslag", "Dokument", "Webbsida", "filnamn", "prefix"]

_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass(frozen=True)
class Dokument:
    """A finished PDF with the title the preview shows and the file name it proposes."""

    pdf: bytes
    titel: str
    filnamn: str


def filnamn(*parts: str) -> str:
    """'KSAU', '2026-11-30', 'utdrag § 337' -> 'KSAU 2026-11-30 utdrag § 337.pdf'; characters
    that no file system takes (/ : * ? and the like) become a dash."""
    text = " ".join(p.strip() for p in parts if p.strip())
    text = _NOT_IN_NAMES.sub("-", text).strip(" .")
    return f"{text or 'dokument'}.pdf"


def prefix(short_name: str, organ: str, datum: dt.date) -> str:
    """'KSAU 2026-11-30': how a file of this meeting starts (the organ's full name when it
    has no short name)."""
    return f"{short_name.strip() or organ} {datum.isoformat()}"


def meeting_prefix(meeting: Meeting) -> str:
    return prefix(meeting.organ.short_name, meeting.organ.name, meeting.date)


# --- rendering: the reports, from data read already ------------------------------------------


def render(data: ProtokollData, *, utkast: bool = False, publik: bool = False) -> bytes:
    from secretary.reports.protokoll import protokoll_pdf

    return protokoll_pdf(data, utkast=utkast, publik=publik)


def utdrag_render(data: ProtokollData, *, intygas: dt.date | None, utkast: bool) -> bytes:
    from secretary.reports.utdrag import utdrag_pdf

    return utdrag_pdf(data, intygas=intygas, utkast=utkast)


# --- reading what a document needs ---------------------------------------------------------


def _data(
    store: Store,
    meeting_id: int,
    *,
    anslag: Anslag | None = None,
    sekreterare: str | None = None,
) -> tuple[ProtokollData, str]:
    """The protocol data and the file-name prefix, in one unit of work. A meeting without
    ärenden has no document."""
    with store.read() as s:
        reads = Reads(s)
        try:
            meeting = reads.meeting(meeting_id)
        except NotFoundError:
            raise NotFoundError(f"Det finns inget sammanträde med id {meeting_id}.") from None
        data = protokoll_data(reads, meeting, anslag=anslag, sekreterare=sekreterare)
        start = meeting_prefix(meeting)
    if not data.arenden:
        raise ServiceError(
            "Sammanträdet har inga ärenden ännu. Lägg till ärenden i föredragningslistan först."
        )
    return data, start


def valda(data: ProtokollData, paragrafer: Iterable[int]) -> ProtokollData:
    wanted = set(paragrafer)
    if not wanted:
        raise ServiceError("Markera minst en paragraf.")
    missing = sorted(wanted - {p.paragraf for p in data.arenden})
    if missing:
        raise ServiceError(
            f"§ {', '.join(map(str, missing))} finns inte i sammanträdet {data.paragrafer}."
        )
    return data.utdrag(wanted)


@dataclass(frozen=True)
class UtdragsParagraf:
    paragraf: int
    rubrik: str
    expedieras_till: tuple[str, ...]


@dataclass(frozen=True)
class Utdragsunderlag:
    """What the utdrag dialog offers: the §§ with their recipients, and the file prefix."""

    start: str
    paragrafer: tuple[UtdragsParagraf, ...]

    def mottagare(self, valda: Iterable[int]) -> dict[str, list[int]]:
        """Recipient -> the chosen §§ that name it under "Expedieras till", in the order
        first named."""
        chosen = set(valda)
        out: dict[str, list[int]] = {}
        for p in self.paragrafer:
            if p.paragraf in chosen:
                for name in p.expedieras_till:
                    out.setdefault(name, []).append(p.paragraf)
        return out


def utdragsunderlag(store: Store, meeting_id: int) -> Utdragsunderlag:
    with store.read() as s:
        reads = Reads(s)
        meeting = reads.meeting(meeting_id)
        arenden = reads.arenden(meeting)
        val = valvyer(reads, meeting)
        start = meeting_prefix(meeting)
    if not arenden:
        raise ServiceError(
            "Sammanträdet har inga ärenden ännu. Lägg till ärenden i föredragningslistan först."
        )
    return Utdragsunderlag(
        start,
        tuple(
            UtdragsParagraf(a.paragraf, a.rubrik, expedieras_till(a.expedieras_till, val.get(a.id)))
            for a in arenden
        ),
    )


# --- the documents -----------------------------------------------------------------------


def protokoll(
    store: Store,
    meeting_id: int,
    *,
    utkast: bool = False,
    anslag: Anslag | None = None,
    sekreterare: str | None = None,
) -> Dokument:
    """The protocol as it stands: a draft with UTKAST on every page, or the document to
    justera, with a signature field per signatory."""
    data, start = _data(store, meeting_id, anslag=anslag, sekreterare=sekreterare)
    kind = "protokoll utkast" if utkast else "protokoll"
    titel = f"Protokoll {start}" + (" (utkast)" if utkast else "")
    return Dokument(render(data, utkast=utkast), titel, filnamn(start, kind))


def _utdrag_dokument(
    data: ProtokollData, start: str, *, intygas: dt.date | None, utkast: bool, till: str = ""
) -> Dokument:
    pdf = utdrag_render(data, intygas=intygas, utkast=utkast)
    to = f" till {till}" if till else ""
    kind = f"utdrag {data.valda_paragrafer}{to}" + (" utkast" if utkast else "")
    titel = f"Protokollsutdrag {start} {data.valda_paragrafer}{to}"
    return Dokument(pdf, titel + (" (utkast)" if utkast and not till else ""), filnamn(start, kind))


def utdrag(
    store: Store,
    meeting_id: int,
    paragrafer: Iterable[int],
    *,
    intygas: dt.date | None = None,
    utkast: bool = False,
    anslag: Anslag | None = None,
    sekreterare: str | None = None,
) -> Dokument:
    """An utdrag of the chosen §§, certified "Rätt utdraget intygar"."""
    data, start = _data(store, meeting_id, anslag=anslag, sekreterare=sekreterare)
    return _utdrag_dokument(valda(data, paragrafer), start, intygas=intygas, utkast=utkast)


def utdrag_per_mottagare(
    store: Store,
    meeting_id: int,
    paragrafer: Iterable[int],
    *,
    intygas: dt.date | None = None,
    utkast: bool = False,
) -> dict[str, Dokument]:
    """Recipient -> its utdrag, with exactly the chosen §§ sent to it."""
    data, start = _data(store, meeting_id)
    chosen = valda(data, paragrafer)
    out: dict[str, Dokument] = {}
    from secretary.reports.utdrag import mottagare

    for name, numbers in mottagare(chosen).items():
        one = chosen.utdrag(set(numbers))
        out[name] = _utdrag_dokument(one, start, intygas=intygas, utkast=utkast, till=name)
    return out


def anslagsbevis(
    store: Store,
    meeting_id: int,
    *,
    anslag: Anslag | None = None,
    paragrafer: Sequence[int] = (),
    utkast: bool = False,
    sekreterare: str | None = None,
) -> Dokument:
    """The anslagsbevis for the notice board; `anslag` None takes the stored dates, and
    `paragrafer` a notice that covers fewer §§ than the protocol (an omedelbar justering)."""
    from secretary.reports.anslagsbevis import anslagsbevis_pdf

    data, start = _data(store, meeting_id, anslag=anslag, sekreterare=sekreterare)
    chosen = valda(data, paragrafer).valda_paragrafer if paragrafer else None
    pdf = anslagsbevis_pdf(data, paragrafer=chosen, utkast=utkast)
    return Dokument(pdf, f"Anslagsbevis {start}", filnamn(start, "anslagsbevis"))


def _publik_data(
    store: Store, meeting_id: int, markerade: Sequence[str]
) -> tuple[ProtokollData, str]:
    from secretary.domain.publicering import maskera
    from secretary.services.innehall import innehall, tillbaka

    data, start = _data(store, meeting_id)
    masked = maskera(innehall(data), markerade)
    return tillbaka(data, masked.innehall), start


def publik(store: Store, meeting_id: int, markerade: Sequence[str] = ()) -> Dokument:
    """The public (web) version: personnummer and the marked terms masked, §§ under
    sekretess reduced to their heading (services.publicering)."""
    data, start = _publik_data(store, meeting_id, markerade)
    pdf = render(data, publik=True)
    return Dokument(pdf, f"Webbversion {start}", filnamn(start, "protokoll webbversion"))


@dataclass(frozen=True)
class Webbsida:
    """The public version as one self-contained HTML page, with the file name it proposes."""

    html: str
    titel: str
    filnamn: str


def publik_html(store: Store, meeting_id: int, markerade: Sequence[str] = ()) -> Webbsida:
    """The same public content as `publik`, masked the same way, as an accessible web page
    for the anslagstavla (reports.webb)."""
    from secretary.reports.webb import webb_html

    data, start = _publik_data(store, meeting_id, markerade)
    titel = f"Protokoll {data.organ} {data.datum.isoformat()}, webbversion"
    name = filnamn(start, "protokoll webbversion").removesuffix(".pdf") + ".html"
    return Webbsida(webb_html(data, titel=titel), titel, name)


def version(store: Store, meeting_id: int, nummer: int) -> Dokument:
    """A stored version's PDF exactly as it was made."""
    from secretary.services.versioner import avbrutna_in, stored_version, version_info

    with store.read() as s:
        reads = Reads(s)
        start = meeting_prefix(reads.meeting(meeting_id))
        row = stored_version(s, meeting_id, nummer)
        info = version_info(row, nummer in avbrutna_in(s, meeting_id))
        pdf, slag = row.pdf, info.slag_text.lower()
    return Dokument(
        pdf,
        f"Protokoll {start}, version {nummer} ({slag})",
        filnamn(start, f"protokoll version {nummer} {slag}"),
    )


# --- before the meeting --------------------------------------------------------------------


def _fore(store: Store, meeting_id: int) -> tuple[KallelseData, str]:
    from secretary.services.kallelse import nasta

    with store.read() as s:
        reads = Reads(s)
        try:
            meeting = reads.meeting(meeting_id)
        except NotFoundError:
            raise NotFoundError(f"Det finns inget sammanträde med id {meeting_id}.") from None
        data, _, _ = nasta(reads, meeting)
        start = meeting_prefix(meeting)
    if not data.punkter:
        raise ServiceError(
            "Sammanträdet har inga ärenden ännu. Lägg till ärenden i föredragningslistan först."
        )
    return data, start


def kallelse(store: Store, meeting_id: int) -> Dokument:
    """The kallelse as it would go out now (not recorded as sent): after one was sent, the
    numbered "Ändrad kallelse" with what changed."""
    from secretary.reports.kallelse import kallelse_pdf

    data, start = _fore(store, meeting_id)
    return Dokument(
        kallelse_pdf(data), f"{data.rubrik} {start}", filnamn(start, data.rubrik.lower())
    )


def skicka_kallelse(store: Store, meeting_id: int, nu: dt.datetime) -> Dokument:
    """Record the kallelse as sent now; the document exactly as kept."""
    from secretary.services.kallelse import skicka

    sent, pdf = skicka(store, meeting_id, nu)
    with store.read() as s:
        start = meeting_prefix(Reads(s).meeting(meeting_id))
    return Dokument(pdf, f"{sent.rubrik} {start}", filnamn(start, sent.rubrik.lower()))


def kallelse_skickad(store: Store, meeting_id: int, nummer: int) -> Dokument:
    """A kallelse exactly as it was sent."""
    from secretary.services.kallelse import stored_pdf

    with store.read() as s:
        start = meeting_prefix(Reads(s).meeting(meeting_id))
        row = stored_pdf(s, meeting_id, nummer)
        pdf = row.pdf
    rubrik = "Kallelse" if nummer == 1 else f"Ändrad kallelse nr {nummer - 1}"
    return Dokument(pdf, f"{rubrik} {start}", filnamn(start, rubrik.lower()))


def foredragningslista(store: Store, meeting_id: int) -> Dokument:
    from secretary.reports.kallelse import foredragningslista_pdf

    data, start = _fore(store, meeting_id)
    return Dokument(
        foredragningslista_pdf(data),
        f"Föredragningslista {start}",
        filnamn(start, "föredragningslista"),
    )


def kungorelse(store: Store, meeting_id: int) -> Dokument:
    """Fullmäktige's kungörelse for the anslagstavla."""
    from secretary.reports.kallelse import kungorelse_pdf

    data, start = _fore(store, meeting_id)
    if not data.kf:
        raise ServiceError("Kungörelse på anslagstavlan gäller kommunfullmäktige.")
    return Dokument(kungorelse_pdf(data), f"Kungörelse {start}", filnamn(start, "kungörelse"))
