"""One signing and verification path for every document a signatory signs (issue 12): the
justerat protocol (services.underskrift) and the bestyrkta utdrag and anslagsbevis
(services.bestyrkande). Each signs in one of three ways, kept as one record (the
store's Signatur columns):

1. on paper: the secretary records that and when the signatory signed the printed copy;
2. in the application: pyHanko signs the signatory's own field with a PKCS#12 file or a
   smart card / token through PKCS#11 (B-B, or B-T when a timestamp server is set);
3. elsewhere: the secretary imports the PDF that came back signed.

Every signed PDF that enters, and every time it is opened, is checked in full
(reports.signatur.granska): the stored PDF is its exact beginning, only signatures were
added after it, each chains to the municipality's trust roots and was made while its
certificate was valid, by the signatory named, in that signatory's field. A refused PDF
changes nothing and the message names the signature and the reason.

These are steps inside the caller's unit of work, not use cases: each use case opens its
own and hands them an `Underlag`, what it is signing. The one exception is in-app signing
(`signera`): one use case in two units of work, so that no lock is held while the
timestamp server or the card answers (its docstring says why).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from secretary.domain.innehall import sha256
from secretary.domain.underskrift import Satt, Status, namnet_stammer
from secretary.services.dokument import Dokument, filnamn, meeting_prefix
from secretary.services.errors import ServiceError
from secretary.services.read import Reads
from secretary.store.database import Store
from secretary.store.models import Logg, Meeting, Signatur, SigneradPdf

T = TypeVar("T")

TILLIT = "signering.tillit"  # PEM: the roots the municipality trusts for e-signatures
TSA_URL = "signering.tsa_url"  # RFC 3161 timestamp server; empty: PAdES B-B


@dataclass(frozen=True)
class UnderskriftInfo:
    """A signatory and their signature's state, for the window."""

    id: int
    position: int
    roll: str
    namn: str
    falt: str
    status: Status
    datum: dt.date | None
    satt: Satt | None
    signerare: str
    granskning: dict[str, Any]

    @property
    def text(self) -> str:
        """'Ordförande Petra Sandström (L)'."""
        return f"{self.roll} {self.namn}".strip()

    @property
    def status_text(self) -> str:
        if self.status is Status.VANTAR:
            return "Väntar"
        when = self.datum.isoformat() if self.datum else ""
        how = self.satt.text if self.satt else ""
        return f"Signerat {when} {how}".strip()

    @property
    def kontroll_text(self) -> str:
        """'Godkänd, PAdES B-T, utfärdat av CN=…', or for paper 'Antecknat av sekreteraren'."""
        g = self.granskning
        if g:
            text = f"{'Godkänd' if g.get('resultat') == 'godkänd' else 'Underkänd'}, "
            text += f"{g.get('niva', '')}"
            kedja = g.get("kedja") or []
            if kedja:
                text += f", utfärdat av {kedja[-1].get('subjekt', '')}"
            return text
        return "Antecknat av sekreteraren" if self.status is Status.SIGNERAT else ""


def info(r: Signatur, id_: int, position: int = 0) -> UnderskriftInfo:
    return UnderskriftInfo(
        id_,
        position,
        r.roll,
        r.namn,
        r.falt,
        Status(r.status),
        r.datum,
        Satt(r.satt) if r.satt else None,
        r.signerare,
        dict(r.granskning or {}),
    )


@dataclass(frozen=True)
class Benamning:
    """How messages, the log and the signature name the signed document."""

    versionen: str  # 'det justerade protokollet (version 3) för detta sammanträde'
    dokumentet: str  # 'protokollet'
    dokumentets: str  # 'protokollets'
    fixerat: str  # 'protokollet justerades': since when nothing but signatures may change
    syfte: str  # the signature's stated reason: 'Justering av protokollet'
    rubrik: str  # 'Protokollet', 'Bestyrkt utdrag nr 2', to begin a sentence


@dataclass(frozen=True)
class Underlag:
    """What is being signed, read inside the caller's unit of work: the meeting (locked),
    the stored PDF and its signatories."""

    meeting: Meeting
    dokument: SigneradPdf
    rader: Sequence[Signatur]
    namn: Benamning


Signera = Callable[[bytes, UnderskriftInfo, str, Benamning], bytes]


# --- the settings ----------------------------------------------------------------------------


def tillit(reads: Reads) -> list[Any]:
    """The trust roots, or ServiceError in Swedish when none are set or they do not read."""
    from secretary.reports.signatur import SigneringsFel, las_tillit

    pem = reads.setting(TILLIT)
    if not pem:
        raise ServiceError(
            "Kommunen har inte angett några betrodda rotcertifikat för e-underskrifter. "
            "Ange dem under Underskrifter → Inställningar för signering."
        )
    try:
        return las_tillit(pem)
    except SigneringsFel as exc:
        raise ServiceError(str(exc)) from None


# --- recording a signature -------------------------------------------------------------------


def rad(u: Underlag, falt: str) -> Signatur:
    """The signatory of `falt`, still waiting."""
    for r in u.rader:
        if r.falt == falt:
            if r.status == Status.SIGNERAT.value:
                raise ServiceError(f"{r.roll} {r.namn} har redan signerat.")
            return r
    raise ServiceError(f"{u.namn.rubrik} har ingen underskrift {falt}.")


def logga(s: Session, u: Underlag, r: Signatur, now: dt.datetime, extra: str) -> None:
    """Every signature is logged, kind 'underskrift' (the tamper check looks for the signed
    PDF's digest there)."""
    what = "" if u.namn.dokumentet == "protokollet" else f" {u.namn.dokumentet}"
    s.add(
        Logg(
            meeting_id=u.meeting.id,
            at=now,
            kind="underskrift",
            text=f"{r.roll} {r.namn} signerade{what} "
            f"{r.datum.isoformat() if r.datum else ''} {Satt(r.satt).text}{extra}.",
        )
    )


def papper(s: Session, u: Underlag, r: Signatur, datum: dt.date, now: dt.datetime) -> None:
    r.status = Status.SIGNERAT.value
    r.datum = datum
    r.satt = Satt.PAPPER.value
    r.signerare = r.namn
    r.registrerad = now
    logga(s, u, r, now, " (antecknat av sekreteraren)")


# --- e-signatures ----------------------------------------------------------------------------


def aktuell(d: SigneradPdf) -> bytes:
    """The PDF to sign next: the stored one with the signatures made so far."""
    return d.signerad_pdf if d.signerad_pdf is not None else d.pdf


def granska(s: Session, u: Underlag, pdf: bytes, now: dt.datetime) -> Any:
    """reports.signatur.granska against the stored PDF of `u`, the trust roots and now."""
    from secretary.reports.signatur import granska as check

    return check(
        pdf,
        u.dokument.pdf,
        tillit(Reads(s)),
        fran=u.dokument.created,
        nu=now,
        falt_namn={r.falt: f"{r.roll} {r.namn}".strip() for r in u.rader},
        versionsnamn=u.namn.versionen,
        dokumentets=u.namn.dokumentets,
        fixerat=u.namn.fixerat,
    )


def ta_emot(
    s: Session,
    u: Underlag,
    pdf: bytes,
    satt: Satt,
    now: dt.datetime,
    *,
    bara: str | None = None,
) -> list[Signatur]:
    """Check a signed PDF in full and keep it; the signatories it newly signs are marked
    signed with the evidence. Refused (ServiceError, nothing changed) when anything fails."""
    g = granska(s, u, pdf, now)
    if not g.godkand:
        raise ServiceError("Den signerade PDF-filen godtas inte:\n• " + "\n• ".join(g.alla_fel))
    d = u.dokument
    if d.signerad_pdf is not None and not pdf.startswith(d.signerad_pdf):
        raise ServiceError(
            "Den signerade PDF-filen bygger inte på de underskrifter som redan är sparade: "
            "den saknar någon av dem. Signera i tur och ordning i den senast sparade filen "
            "(Spara PDF för signering)."
        )
    by_field = {r.falt: r for r in u.rader}
    nya: list[Signatur] = []
    for sig in g.signaturer:
        r = by_field[sig.falt]
        if bara is not None and sig.falt != bara:
            continue
        if r.status == Status.SIGNERAT.value:
            if r.satt != Satt.PAPPER.value:
                r.granskning = sig.som_dict()  # checked again: the newest result is kept
            continue
        if not namnet_stammer(sig.signerare, r.namn):
            raise ServiceError(
                f"Den signerade PDF-filen godtas inte: {r.roll} {r.namn}: signaturen är gjord "
                f"av {sig.signerare}, inte av {r.namn}."
            )
        when = sig.signeringstid.astimezone() if sig.signeringstid else now
        r.status = Status.SIGNERAT.value
        r.datum = when.date()
        r.satt = satt.value
        r.signerare = sig.signerare
        r.registrerad = now
        r.granskning = sig.som_dict()
        nya.append(r)
    if not nya:
        raise ServiceError("Filen innehåller inga nya underskrifter att spara.")
    d.signerad_pdf = pdf
    d.signerad_sha256 = sha256(pdf)
    for r in nya:
        logga(
            s,
            u,
            r,
            now,
            f", {r.granskning.get('niva', '')}, certifikat {r.signerare}; signerad PDF "
            f"SHA-256 {d.signerad_sha256}",
        )
    return nya


@dataclass(frozen=True)
class Forberett:
    """What the first unit of work of an in-app signature read: the document (its row), the
    exact PDF to sign and its digest, the signatory, the timestamp server."""

    dokument: tuple[Any, ...] | None  # the stored document's row (its identity key)
    pdf: bytes
    pdf_sha256: str
    signatar: UnderskriftInfo
    tsa_url: str
    namn: Benamning


def forbered(s: Session, u: Underlag, falt: str | None) -> Forberett:
    """Read what is to be signed: the waiting signatory of `falt` (None: the document's one
    signatory) and the PDF with the signatures made so far."""
    r = rad(u, falt if falt is not None else u.rader[0].falt)
    pdf = aktuell(u.dokument)
    return Forberett(
        _nyckel(u.dokument), pdf, sha256(pdf), info(r, 0), Reads(s).setting(TSA_URL), u.namn
    )


def _nyckel(d: SigneradPdf) -> tuple[Any, ...] | None:
    identity: tuple[Any, ...] | None = inspect(d).identity
    return identity


def underteckna(f: Forberett, sign: Signera) -> bytes:
    """pyHanko's signature (and the timestamp server's answer), outside any unit of work."""
    from secretary.reports.signatur import SigneringsFel

    try:
        return sign(f.pdf, f.signatar, f.tsa_url, f.namn)
    except SigneringsFel as exc:
        raise ServiceError(str(exc)) from None


MEDAN = "Medan signeringen pågick"


def spara_signerad(
    s: Session, u: Underlag, f: Forberett, pdf: bytes, satt: Satt, now: dt.datetime
) -> Signatur:
    """Keep a signature made on what `f` read, in the second unit of work: refused, nothing
    stored, unless the document, its signed PDF and the signatory are still as they were."""
    sparas_inte = " Underskriften sparades inte."
    if _nyckel(u.dokument) != f.dokument:
        raise ServiceError(
            f"{MEDAN} skickades en ny version av {u.namn.dokumentet} för underskrift; det "
            f"som signerades gäller inte längre.{sparas_inte}"
        )
    r = next((r for r in u.rader if r.falt == f.signatar.falt), None)
    if r is None:  # pragma: no cover - signatories are never removed from a stored document
        raise ServiceError(f"{MEDAN} togs underskriften {f.signatar.text} bort.{sparas_inte}")
    if r.status != Status.VANTAR.value:
        raise ServiceError(
            f"{MEDAN} antecknades att {r.roll} {r.namn} redan har signerat "
            f"({info(r, 0).status_text.lower()}).{sparas_inte}"
        )
    if sha256(aktuell(u.dokument)) != f.pdf_sha256:
        raise ServiceError(
            f"{MEDAN} sparades en annan underskrift av {u.namn.dokumentet}. Signera igen; den "
            f"nya underskriften läggs då till efter den.{sparas_inte}"
        )
    ta_emot(s, u, pdf, satt, now, bara=r.falt)
    return r


def signera(
    store: Store,
    las: Callable[[Session, bool], Underlag],
    falt: str | None,
    satt: Satt,
    now: dt.datetime,
    sign: Signera,
    klart: Callable[[Session, Underlag], T],
) -> T:
    """Sign in the application (file or card) and keep the result: one use case in two units
    of work, on purpose.

    A unit of work that changes something holds SQLite's write lock from its first read
    (BEGIN IMMEDIATE, store.database), and on PostgreSQL the meeting's row (services.las).
    Signing waits on things outside the program: the timestamp server's answer over the
    network (seconds, or until pyHanko gives up), and a card reader, where a PIN pad waits
    for the person. Held across that, the lock would stop every other write to the file:
    another window, a colleague's program, the autosave, failing after the busy timeout
    with "database is locked". So the first unit only reads what is to be signed
    (`las(s, False)`, no lock); pyHanko signs outside any transaction; and the second unit
    locks (`las(s, True)`), checks that the document, its signed PDF and the signatory are
    still what was signed (spara_signerad: someone signed, imported or cancelled meanwhile
    is refused in Swedish and nothing is stored), checks the signed PDF in full
    (ta_emot) and stores it; `klart` finishes in that unit (the justering, what the window
    shows). The PIN itself is asked by the window before the use case begins."""
    with store.read() as s:
        f = forbered(s, las(s, False), falt)
    pdf = underteckna(f, sign)

    def work(s: Session) -> T:
        try:
            u = las(s, True)
        except ServiceError as exc:
            if str(exc).startswith(MEDAN):
                raise
            raise ServiceError(
                f"{MEDAN} ändrades läget: {exc} Underskriften sparades inte."
            ) from None
        spara_signerad(s, u, f, pdf, satt, now)
        return klart(s, u)

    return store.in_snapshot(work)


def _med(signer: AbstractContextManager[Any]) -> Signera:
    def sign(pdf: bytes, r: UnderskriftInfo, tsa: str, namn: Benamning) -> bytes:
        from secretary.reports.signatur import signera as sign_pdf

        with signer as key:
            return sign_pdf(
                pdf,
                r.falt,
                key,
                namn=r.namn,
                roll=r.roll,
                tsa_url=tsa,
                syfte=namn.syfte,
                dokumentet=namn.dokumentet,
            )

    return sign


def med_fil(p12: bytes, losenord: str) -> Signera:
    """Signing with the certificate and key of a PKCS#12 file."""
    from contextlib import contextmanager

    from secretary.reports.signatur import pkcs12_signer

    @contextmanager
    def opened() -> Any:
        yield pkcs12_signer(p12, losenord)

    return _med(opened())


def med_kort(bibliotek: str, token: str, pin: str, nyckel: str) -> Signera:
    """Signing with a smart card or token through PKCS#11; the session closes after."""
    from secretary.reports.signatur import pkcs11_signer

    return _med(pkcs11_signer(bibliotek, token, pin, nyckel))


def kontrollera_igen(s: Session, u: Underlag, now: dt.datetime) -> list[str]:
    """The signed PDF as stored, checked again: its digest, and every signature in full.
    An empty list when it still holds."""
    d = u.dokument
    pdf = d.signerad_pdf
    if pdf is None:
        return []
    fel: list[str] = []
    if sha256(pdf) != d.signerad_sha256:
        fel.append("Den signerade PDF-filen stämmer inte med sin kontrollsumma.")
    try:
        fel += granska(s, u, pdf, now).alla_fel
    except ServiceError as exc:
        fel.append(str(exc))
    return fel


def valideringsrapport(
    s: Session, u: Underlag, dokument: str, fixerat: str, titel: str, namn: str
) -> Dokument:
    """The validation report of `u` (reports.valideringsrapport), the same for the protocol
    and every bestyrkt document: `dokument` says what was signed ('Sammanträdesprotokoll …,
    justerad version 3'), `fixerat` what the signatures were made on; the services.dokument
    Dokument with `titel` and a file name ending in `namn`."""
    from secretary.reports.valideringsrapport import Rapportrad, Valideringsrapport, rapport_pdf

    meeting = u.meeting
    rader = [info(r, 0) for r in u.rader]
    data = Valideringsrapport(
        kommun=Reads(s).setting("kommun"),
        organ=meeting.organ.name,
        datum=meeting.date,
        dokument=dokument,
        fixerat=fixerat,
        pdf_sha256=u.dokument.pdf_sha256,
        signerad_sha256=u.dokument.signerad_sha256 or "",
        justerat=meeting.justerat_datum,
        rader=tuple(Rapportrad(r.text, r.status_text, r.signerare, r.granskning) for r in rader),
    )
    return Dokument(rapport_pdf(data), titel, filnamn(meeting_prefix(meeting), namn))


def avvikelser(
    namn: str, d: SigneradPdf, loggat: set[str], signerat: set[str], vad: str = "Dokumentet"
) -> list[str]:
    """The cheap tamper check of a stored PDF and its signed PDF: each against its digest,
    the signed one beginning with the stored one, and each digest in the meeting's log
    (`loggat`: the entries that stored it, `signerat`: those of its signatures), which a
    change made outside the program would have to rewrite as well."""
    out: list[str] = []
    if not any(d.pdf_sha256 in text for text in loggat):
        out.append(
            f"{namn}: kontrollsumman finns inte i sammanträdets logg. {vad} kan ha bytts ut "
            "utanför programmet."
        )
    if d.signerad_sha256 and not any(d.signerad_sha256 in text for text in signerat):
        out.append(
            f"{namn}: den signerade PDF-filens kontrollsumma finns inte i sammanträdets logg. "
            "Filen kan ha bytts ut utanför programmet."
        )
    if sha256(d.pdf) != d.pdf_sha256:
        out.append(
            f"{namn}: PDF-filen stämmer inte med sin kontrollsumma. Den har ändrats utanför "
            "programmet efter att den sparades."
        )
    if d.signerad_pdf is not None:
        if sha256(d.signerad_pdf) != d.signerad_sha256:
            out.append(
                f"{namn}: den signerade PDF-filen stämmer inte med sin kontrollsumma. Den har "
                "ändrats utanför programmet efter att den sparades."
            )
        elif not d.signerad_pdf.startswith(d.pdf):
            out.append(
                f"{namn}: den signerade PDF-filen börjar inte med den sparade versionen; "
                "det som signerats är inte det sparade dokumentet."
            )
    return out
