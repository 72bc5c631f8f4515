"""Bestyrkta utdrag and anslagsbevis (issue 12): the two other documents a signatory
certifies besides the protocol. Once the meeting is justerat the secretary issues one for
signing: the PDF is fixed and stored with its digest and what it covers (the §§, the
recipient of an utdrag made per "Expedieras till", the dates printed), and its signatory
waits: the utdrag's bestyrkare, or the one who posts the notice for the anslagsbevis (the
sekreterare unless another is named). They sign in any of the three ways of
services.signering, with the same checks as the protocol's signatories; a date before the
justering is refused, since both certify the justerat protocol.

Each use case is one unit of work on one snapshot, with the meeting's row locked first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from secretary.domain.arbetsgang import LAST, tillstand
from secretary.domain.narvaro_text import paragrafer_text
from secretary.domain.underskrift import Satt, Status, datumhinder
from secretary.services import las, signering
from secretary.services.dokument import Anslag, Dokument, filnamn, meeting_prefix, valda
from secretary.services.errors import ServiceError
from secretary.services.read import Reads
from secretary.services.read.protokoll import protokoll_data
from secretary.services.signering import Benamning, Signera, Underlag, UnderskriftInfo
from secretary.store.database import Store
from secretary.store.models import Bestyrkande, Logg, Meeting


class Slag(StrEnum):
    UTDRAG = "utdrag"
    ANSLAGSBEVIS = "anslagsbevis"


ROLL = {Slag.UTDRAG: "Bestyrkare", Slag.ANSLAGSBEVIS: "Underskrift"}
SLAG_TEXT = {Slag.UTDRAG: "Bestyrkt utdrag", Slag.ANSLAGSBEVIS: "Anslagsbevis"}


@dataclass(frozen=True)
class BestyrkandeInfo:
    """An issued bestyrkt document and its signatory's state, for the window.

    `nummer` is the document's key within the meeting (the order of issue over both kinds,
    stored; the window and the transfer file name a document by it); `lopnummer` is its
    number within its kind, the one a person reads: utdrag 1, 2, 3 and anslagsbevis 1 of the
    same meeting (_lopnummer)."""

    nummer: int
    lopnummer: int
    slag: Slag
    created: dt.datetime
    paragrafer: tuple[int, ...]
    mottagare: str
    pdf_sha256: str
    signerad: bool  # an e-signed PDF is stored
    signatar: UnderskriftInfo

    @property
    def text(self) -> str:
        """'Bestyrkt utdrag nr 2, § 337 till Byggnadsnämnden', 'Anslagsbevis nr 3'."""
        out = f"{SLAG_TEXT[self.slag]} nr {self.lopnummer}"
        if self.slag is Slag.UTDRAG:
            out += f", {paragrafer_text(list(self.paragrafer))}"
        return out + (f" till {self.mottagare}" if self.mottagare else "")

    @property
    def vantar(self) -> bool:
        return self.signatar.status is Status.VANTAR


@dataclass(frozen=True)
class Bestyrkanden:
    """The bestyrkta documents of a meeting, in the order issued."""

    rader: tuple[BestyrkandeInfo, ...]

    @property
    def vantande(self) -> tuple[BestyrkandeInfo, ...]:
        return tuple(r for r in self.rader if r.vantar)

    @property
    def sammanfattning(self) -> str:
        """'2 bestyrkanden väntar på underskrift' ('' when none waits)."""
        return vantande_text(len(self.vantande))


def vantande_text(n: int) -> str:
    """'2 bestyrkanden väntar på underskrift' ('' for none)."""
    if not n:
        return ""
    return f"{n} bestyrkande{'' if n == 1 else 'n'} väntar på underskrift"


def vantande(store: Store, meeting_id: int) -> str:
    """The meeting's header: how many bestyrkta documents wait for their signature (a count,
    without reading the PDFs)."""
    with store.read() as s:
        n = s.scalar(
            select(func.count(Bestyrkande.id)).where(
                Bestyrkande.meeting_id == meeting_id, Bestyrkande.status == Status.VANTAR.value
            )
        )
    return vantande_text(n or 0)


def _lopnummer(s: Session, b: Bestyrkande) -> int:
    """The document's number within its kind: derived from the stored issue order rather
    than stored, so documents issued before each kind was numbered on its own (one series,
    "Anslagsbevis nr 5" after four utdrag) read right as well, with no migration. The
    number is not printed in the PDFs, so nothing signed says otherwise."""
    return (
        s.scalar(
            select(func.count(Bestyrkande.id)).where(
                Bestyrkande.meeting_id == b.meeting_id,
                Bestyrkande.slag == b.slag,
                Bestyrkande.nummer <= b.nummer,
            )
        )
        or 1
    )


def _info(s: Session, b: Bestyrkande) -> BestyrkandeInfo:
    return BestyrkandeInfo(
        b.nummer,
        _lopnummer(s, b),
        Slag(b.slag),
        b.created,
        tuple(b.paragrafer or ()),
        b.mottagare,
        b.pdf_sha256,
        b.signerad_pdf is not None,
        signering.info(b, b.id),
    )


def _rader(s: Session, meeting_id: int) -> list[Bestyrkande]:
    return list(
        s.scalars(
            select(Bestyrkande)
            .where(Bestyrkande.meeting_id == meeting_id)
            .order_by(Bestyrkande.nummer)
        )
    )


def bestyrkanden_in(s: Session, meeting_id: int) -> Bestyrkanden:
    return Bestyrkanden(tuple(_info(s, b) for b in _rader(s, meeting_id)))


def bestyrkanden(store: Store, meeting_id: int) -> Bestyrkanden:
    with store.read() as s:
        return bestyrkanden_in(s, meeting_id)


@dataclass(frozen=True)
class Utfardande:
    """What the window needs to offer issuing: the day of justering (None: not justerat
    yet, nothing can be issued) and the sekreterare, the default signatory."""

    justerat: dt.date | None
    sekreterare: str


def utfardande(store: Store, meeting_id: int) -> Utfardande:
    with store.read() as s:
        reads = Reads(s)
        meeting = reads.meeting(meeting_id)
        justerat = meeting.justerat_datum if tillstand(meeting.state) in LAST else None
        return Utfardande(justerat, protokoll_data(reads, meeting).sekreterare)


# --- issuing ---------------------------------------------------------------------------------


def _justerat(s: Session, meeting_id: int, vad: str) -> tuple[Meeting, dt.date]:
    """The meeting, locked, and its day of justering; refused before justering."""
    meeting = las.las_mote(s, meeting_id)
    t = tillstand(meeting.state)
    if t not in LAST or meeting.justerat_datum is None:
        raise ServiceError(
            f"{vad} kan utfärdas för underskrift först när protokollet är justerat "
            f"(nu: {t.label.lower()}). Ta fram ett utkast i stället."
        )
    return meeting, meeting.justerat_datum


def _namnet(namn: str | None, standard: str, vem: str) -> str:
    chosen = (namn if namn is not None else standard).strip()
    if not chosen:
        raise ServiceError(
            f"Ange vem som ska skriva under som {vem}; det finns ingen sekreterare angiven "
            "för sammanträdet."
        )
    if len(chosen) > 200:
        raise ServiceError(f"Namnet på {vem} får vara högst 200 tecken.")
    return chosen


def _ny(
    s: Session,
    meeting: Meeting,
    slag: Slag,
    pdf: bytes,
    namn: str,
    falt: str,
    now: dt.datetime,
    **omfattar: object,
) -> Bestyrkande:
    from secretary.domain.innehall import sha256

    last = s.scalar(
        select(func.max(Bestyrkande.nummer)).where(Bestyrkande.meeting_id == meeting.id)
    )
    b = Bestyrkande(
        meeting_id=meeting.id,
        nummer=(last or 0) + 1,
        slag=slag.value,
        created=now,
        pdf=pdf,
        pdf_sha256=sha256(pdf),
        roll=ROLL[slag],
        namn=namn,
        falt=falt,
        status=Status.VANTAR.value,
        satt="",
        signerare="",
        granskning={},
        **omfattar,
    )
    s.add(b)
    s.flush()
    info = _info(s, b)
    s.add(
        Logg(
            meeting_id=meeting.id,
            at=now,
            kind="bestyrkande",
            text=f"{info.text} utfärdat för underskrift av {namn}, SHA-256 {b.pdf_sha256}",
        )
    )
    return b


def utfarda_utdrag(
    store: Store,
    meeting_id: int,
    paragrafer: Iterable[int],
    now: dt.datetime,
    *,
    bestyrkare: str | None = None,
    intygas: dt.date | None = None,
    per_mottagare: bool = False,
) -> list[BestyrkandeInfo]:
    """Issue a bestyrkt utdrag of the chosen §§ for signing (or, `per_mottagare`, one per
    recipient under "Expedieras till" with exactly the §§ sent to it). The bestyrkare is the
    sekreterare unless another is named; `intygas` is the date printed in the intyg."""
    from secretary.reports.utdrag import FALT, mottagare, utdrag_pdf

    def work(s: Session) -> list[BestyrkandeInfo]:
        meeting, justerat = _justerat(s, meeting_id, "Ett bestyrkt utdrag")
        if intygas is not None and intygas < justerat:
            raise ServiceError(
                f"Intygets datum {intygas.isoformat()} ligger före justeringen "
                f"{justerat.isoformat()}."
            )
        reads = Reads(s)
        standard = protokoll_data(reads, meeting).sekreterare
        namn = _namnet(bestyrkare, standard, "bestyrkare")
        data = valda(protokoll_data(reads, meeting, sekreterare=namn), paragrafer)
        delar = (
            [(name, data.utdrag(set(nums))) for name, nums in mottagare(data).items()]
            if per_mottagare
            else [("", data)]
        )
        if not delar:
            raise ServiceError(
                "De markerade paragraferna har inga mottagare under ”Expedieras till”."
            )
        out = []
        for till, one in delar:
            pdf = utdrag_pdf(one, intygas=intygas)
            b = _ny(
                s,
                meeting,
                Slag.UTDRAG,
                pdf,
                namn,
                FALT,
                now,
                paragrafer=[p.paragraf for p in one.arenden],
                mottagare=till,
                intygas=intygas,
            )
            out.append(_info(s, b))
        return out

    result = store.in_snapshot(work)
    store.backup("bestyrkande-utfardat")
    return result


def utfarda_anslagsbevis(
    store: Store,
    meeting_id: int,
    now: dt.datetime,
    *,
    anslag: Anslag | None = None,
    underskrift_av: str | None = None,
) -> BestyrkandeInfo:
    """Issue the anslagsbevis for signing by the one who posts the notice (the sekreterare
    unless another is named). `anslag` None takes the stored dates."""
    from secretary.reports.anslagsbevis import FALT, anslagsbevis_pdf

    def work(s: Session) -> BestyrkandeInfo:
        meeting, justerat = _justerat(s, meeting_id, "Anslagsbeviset")
        reads = Reads(s)
        standard = protokoll_data(reads, meeting).sekreterare
        namn = _namnet(underskrift_av, standard, "den som sätter upp anslaget")
        data = protokoll_data(reads, meeting, anslag=anslag, sekreterare=namn)
        uppsatt = data.anslag.uppsatt
        if uppsatt is not None and uppsatt < justerat:
            raise ServiceError(
                f"Anslaget kan inte sättas upp {uppsatt.isoformat()}, före justeringen "
                f"{justerat.isoformat()}."
            )
        b = _ny(
            s,
            meeting,
            Slag.ANSLAGSBEVIS,
            anslagsbevis_pdf(data),
            namn,
            FALT,
            now,
            paragrafer=[p.paragraf for p in data.arenden],
            anslag_uppsatt=data.anslag.uppsatt,
            anslag_nedtagen=data.anslag.nedtagen,
        )
        return _info(s, b)

    result = store.in_snapshot(work)
    store.backup("bestyrkande-utfardat")
    return result


# --- signing -----------------------------------------------------------------------------


# The document in a sentence, the genitive, and what its signature says it does.
ORD = {
    Slag.UTDRAG: ("utdraget", "utdragets", "Rätt utdraget intygar"),
    Slag.ANSLAGSBEVIS: ("anslagsbeviset", "anslagsbevisets", "Anslagsbevis"),
}


def _namn(s: Session, b: Bestyrkande) -> Benamning:
    slag = Slag(b.slag)
    nr = _lopnummer(s, b)
    det, dess, syfte = ORD[slag]
    bestyrkta = "det bestyrkta " if slag is Slag.UTDRAG else ""
    return Benamning(
        versionen=f"{bestyrkta}{det} nr {nr} för detta sammanträde",
        dokumentet=det,
        dokumentets=dess,
        fixerat=f"{det} utfärdades för underskrift",
        syfte=syfte,
        rubrik=f"{det.capitalize().removesuffix('et')} nr {nr}",
    )


def _hitta(s: Session, meeting_id: int, nummer: int) -> Bestyrkande:
    b = s.scalar(
        select(Bestyrkande).where(
            Bestyrkande.meeting_id == meeting_id, Bestyrkande.nummer == nummer
        )
    )
    if b is None:
        raise ServiceError(f"Det finns inget bestyrkt dokument nr {nummer} för sammanträdet.")
    return b


def _underlag(s: Session, meeting: Meeting, b: Bestyrkande) -> Underlag:
    return Underlag(meeting, b, [b], _namn(s, b))


def _signing(
    s: Session, meeting_id: int, nummer: int, *, lock: bool = True
) -> tuple[Underlag, Bestyrkande]:
    meeting = las.las_mote(s, meeting_id) if lock else Reads(s).meeting(meeting_id)
    b = _hitta(s, meeting_id, nummer)
    return _underlag(s, meeting, b), b


def _klart(s: Session, b: Bestyrkande) -> BestyrkandeInfo:
    s.flush()
    return _info(s, b)


def signerat_pa_papper(
    store: Store, meeting_id: int, nummer: int, datum: dt.date, now: dt.datetime
) -> BestyrkandeInfo:
    """Record that the signatory signed the printed document on `datum`: not before the
    justering (the document certifies the justerat protocol), not in the future."""

    def work(s: Session) -> BestyrkandeInfo:
        u, b = _signing(s, meeting_id, nummer)
        r = signering.rad(u, b.falt)
        justerat = u.meeting.justerat_datum or u.meeting.date
        hinder = datumhinder(datum, justerat, now.date(), fore="justeringen")
        if hinder:
            raise ServiceError(hinder)
        signering.papper(s, u, r, datum, now)
        return _klart(s, b)

    result = store.in_snapshot(work)
    store.backup("bestyrkande-signerat")
    return result


def _signera(
    store: Store, meeting_id: int, nummer: int, satt: Satt, now: dt.datetime, sign: Signera
) -> BestyrkandeInfo:
    """In two units of work with pyHanko between them (signering.signera says why)."""

    def read(s: Session, lock: bool) -> Underlag:
        return _signing(s, meeting_id, nummer, lock=lock)[0]

    def klart(s: Session, u: Underlag) -> BestyrkandeInfo:
        b = u.dokument
        assert isinstance(b, Bestyrkande)
        return _klart(s, b)

    result = signering.signera(store, read, None, satt, now, sign, klart)
    store.backup("bestyrkande-signerat")
    return result


def signera_med_fil(
    store: Store, meeting_id: int, nummer: int, p12: bytes, losenord: str, now: dt.datetime
) -> BestyrkandeInfo:
    """Sign the document's field with the certificate and key of a PKCS#12 file."""
    sign = signering.med_fil(p12, losenord)
    return _signera(store, meeting_id, nummer, Satt.CERTIFIKATFIL, now, sign)


def signera_med_kort(
    store: Store,
    meeting_id: int,
    nummer: int,
    *,
    bibliotek: str,
    token: str,
    pin: str,
    nyckel: str,
    now: dt.datetime,
) -> BestyrkandeInfo:
    """Sign the document's field with a smart card or token through PKCS#11."""
    sign = signering.med_kort(bibliotek, token, pin, nyckel)
    return _signera(store, meeting_id, nummer, Satt.KORT, now, sign)


def importera_signerad(
    store: Store, meeting_id: int, nummer: int, pdf: bytes, now: dt.datetime
) -> BestyrkandeInfo:
    """Take in the document signed elsewhere, checked as the protocol's signatures are."""

    def work(s: Session) -> BestyrkandeInfo:
        u, b = _signing(s, meeting_id, nummer)
        signering.ta_emot(s, u, pdf, Satt.EXTERN, now)
        return _klart(s, b)

    result = store.in_snapshot(work)
    store.backup("bestyrkande-signerat")
    return result


# --- the PDFs ----------------------------------------------------------------------------


def _namndel(s: Session, b: Bestyrkande) -> str:
    """'bestyrkt utdrag nr 2, § 337 till X': the document in a file name."""
    info = _info(s, b)
    del_ = "bestyrkt utdrag" if info.slag is Slag.UTDRAG else "anslagsbevis"
    return f"{del_} nr {info.text.split(' nr ', 1)[1]}"


def _filnamn(s: Session, meeting: Meeting, b: Bestyrkande, signerad: bool) -> str:
    return filnamn(meeting_prefix(meeting), _namndel(s, b) + (" signerat" if signerad else ""))


def pdf_for_signering(store: Store, meeting_id: int, nummer: int) -> Dokument:
    """The PDF to print, or send to the signatory or a signing service: the document as
    issued, with the signature made so far."""
    with store.read() as s:
        b = _hitta(s, meeting_id, nummer)
        meeting = Reads(s).meeting(meeting_id)
        return Dokument(
            signering.aktuell(b),
            f"{_info(s, b).text} för underskrift",
            _filnamn(s, meeting, b, False),
        )


@dataclass(frozen=True)
class Kontrollerad:
    """The signed document as stored, checked again now; `fel` empty when it still holds."""

    dokument: Dokument
    fel: tuple[str, ...]


def signerad_pdf(store: Store, meeting_id: int, nummer: int, now: dt.datetime) -> Kontrollerad:
    """The e-signed document, verified again in full every time it is opened."""
    with store.read() as s:
        b = _hitta(s, meeting_id, nummer)
        if b.signerad_pdf is None:
            raise ServiceError(f"{_info(s, b).text} har ingen e-signerad PDF ännu.")
        meeting = Reads(s).meeting(meeting_id)
        fel = signering.kontrollera_igen(s, _underlag(s, meeting, b), now)
        return Kontrollerad(
            Dokument(
                b.signerad_pdf, f"{_info(s, b).text}, signerat", _filnamn(s, meeting, b, True)
            ),
            tuple(fel),
        )


def valideringsrapport(store: Store, meeting_id: int, nummer: int) -> Dokument:
    """The validation report of a bestyrkt document, as the protocol's (one layout, one
    path: services.signering.valideringsrapport): its signatory, when and how they signed,
    and for an e-signature the certificate, its chain and the result of the check."""
    with store.read() as s:
        b = _hitta(s, meeting_id, nummer)
        meeting = Reads(s).meeting(meeting_id)
        info = _info(s, b)
        det = ORD[info.slag][0]
        return signering.valideringsrapport(
            s,
            _underlag(s, meeting, b),
            f"{info.text}, ur sammanträdesprotokollet {meeting.organ.name} "
            f"{meeting.date.isoformat()}",
            f"{det} som det utfärdades för underskrift",
            f"Valideringsrapport, {info.text}",
            f"valideringsrapport {_namndel(s, b)}",
        )


def avvikelser_in(s: Session, meeting_id: int, loggat: set[str], signerat: set[str]) -> list[str]:
    """The tamper check of every stored bestyrkt document (services.versioner.kontrollera):
    its PDF and signed PDF against their digests and the meeting's log."""
    return [
        fel
        for b in _rader(s, meeting_id)
        for fel in signering.avvikelser(_info(s, b).text, b, loggat, signerat)
    ]
