"""Justering by signatures (issue 12): the final version is fixed and sent for signing, and
each signatory (sekreterare, ordförande, justerare) signs it in one of the three ways of
services.signering, all kept as one record. Every signed PDF that enters is checked in full
against the stored version; an accepted one is kept with the version, and each signature's
validation result is kept as evidence with its signatory. The meeting is justerat on the
day of the last signature (domain.underskrift), and the log records every signature.

Each use case is one unit of work on one snapshot, with the meeting's row locked first
(services.las), as services.arbetsgang.justera.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from secretary.domain.arbetsgang import LAST, Tillstand, tillstand
from secretary.domain.underskrift import Satt, Status, datumhinder, justeringsdag, kravs
from secretary.services import las, signering
from secretary.services.arbetsgang import _inga_oppna, overga
from secretary.services.dokument import Dokument, filnamn, meeting_prefix, render
from secretary.services.errors import ServiceError
from secretary.services.innehall import innehall
from secretary.services.read import Reads
from secretary.services.read.protokoll import protokoll_data
from secretary.services.signering import (
    TILLIT,
    TSA_URL,
    Benamning,
    Signera,
    Underlag,
    UnderskriftInfo,
)
from secretary.services.val import folj_beslutet, kontrollera_valen
from secretary.services.versioner import (
    Slag,
    VersionInfo,
    avbrutna_in,
    ny_version,
    version_info,
)
from secretary.store.database import Store
from secretary.store.models import Logg, Meeting, Protokollversion, Setting, Underskrift

__all__ = ["TILLIT", "TSA_URL", "UnderskriftInfo", "Underskrifter"]


@dataclass(frozen=True)
class Underskrifter:
    """The signatories of the version being signed (or signed), in print order."""

    version: VersionInfo | None
    rader: tuple[UnderskriftInfo, ...]
    signerad: bool  # a signed PDF is stored

    @property
    def avbruten(self) -> bool:
        """The signing of this version was cancelled: it waits for no one (services.versioner
        .avbrutna_in)."""
        return self.version is not None and self.version.avbruten

    @property
    def vantar(self) -> tuple[UnderskriftInfo, ...]:
        """The signatures the justering still waits for."""
        if self.avbruten:
            return ()
        return tuple(r for r in self.rader if r.status is Status.VANTAR and kravs(r.falt))

    def status_text(self, r: UnderskriftInfo) -> str:
        """The row's state: 'Väntar', or 'Avbruten, signerade inte' once the signing of the
        version was cancelled."""
        if self.avbruten and r.status is Status.VANTAR:
            return "Avbruten, signerade inte"
        return r.status_text

    @property
    def rakning(self) -> str:
        """'1 av 3 signerat': every signatory of the version, the sekreterare included."""
        if not self.rader:
            return ""
        klara = sum(r.status is Status.SIGNERAT for r in self.rader)
        return f"{klara} av {len(self.rader)} signerat"

    @property
    def sammanfattning(self) -> str:
        """'Underskrifter för justering: 1 av 2. Väntar på Justerare Birger Hedlund (EP).'"""
        if not self.rader:
            return ""
        if self.avbruten and self.version is not None:
            hann = [r.text for r in self.rader if r.status is Status.SIGNERAT]
            return (
                f"Underskrifterna av version {self.version.nummer} avbröts; den versionen "
                "blev aldrig det justerade protokollet men finns kvar i historiken"
                + (f", med underskrifterna av {', '.join(hann)}" if hann else "")
                + ". Skicka den slutliga versionen för underskrift på nytt."
            )
        required = [r for r in self.rader if kravs(r.falt)]
        klara = len(required) - len(self.vantar)
        text = f"Underskrifter för justering: {klara} av {len(required)}."
        if self.vantar:
            text += " Väntar på " + ", ".join(r.text for r in self.vantar) + "."
        others = [r for r in self.rader if not kravs(r.falt) and r.status is Status.VANTAR]
        if others:
            text += " Inte signerat än (krävs inte för justeringen): "
            text += ", ".join(r.text for r in others) + "."
        return text


def _info(u: Underskrift) -> UnderskriftInfo:
    return signering.info(u, u.id, u.position)


def _version(s: Session, meeting_id: int) -> Protokollversion | None:
    """The latest version that has signatories: the one being signed, or signed."""
    return s.scalar(
        select(Protokollversion)
        .join(Underskrift, Underskrift.version_id == Protokollversion.id)
        .where(Protokollversion.meeting_id == meeting_id)
        .order_by(Protokollversion.nummer.desc())
        .limit(1)
    )


def _rader(s: Session, version: Protokollversion) -> list[Underskrift]:
    return list(
        s.scalars(
            select(Underskrift)
            .where(Underskrift.version_id == version.id)
            .order_by(Underskrift.position)
        )
    )


def underskrifter_in(s: Session, meeting_id: int) -> Underskrifter:
    version = _version(s, meeting_id)
    if version is None:
        return Underskrifter(None, (), False)
    return Underskrifter(
        version_info(version, version.nummer in avbrutna_in(s, meeting_id)),
        tuple(_info(u) for u in _rader(s, version)),
        version.signerad_pdf is not None,
    )


def underskrifter(store: Store, meeting_id: int) -> Underskrifter:
    with store.read() as s:
        return underskrifter_in(s, meeting_id)


# --- settings ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Signeringsinstallningar:
    tillit_pem: str
    tsa_url: str


def installningar(store: Store) -> Signeringsinstallningar:
    with store.read() as s:
        reads = Reads(s)
        return Signeringsinstallningar(reads.setting(TILLIT), reads.setting(TSA_URL))


def spara_installningar(store: Store, tillit_pem: str, tsa_url: str) -> None:
    """The municipality's trust roots (PEM) and the timestamp server; bad PEM or an address
    that is not http(s) is refused and nothing is saved."""
    from secretary.reports.signatur import SigneringsFel, las_tillit

    tsa_url = tsa_url.strip()
    if tsa_url and not tsa_url.startswith(("http://", "https://")):
        raise ServiceError("Tidsstämpelserverns adress ska börja med http:// eller https://.")
    if tillit_pem.strip():
        try:
            if not las_tillit(tillit_pem):
                raise SigneringsFel("Texten innehåller inga certifikat i PEM-form.")
        except SigneringsFel as exc:
            raise ServiceError(str(exc)) from None
    with store.session() as s:
        for key, value in ((TILLIT, tillit_pem.strip()), (TSA_URL, tsa_url)):
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value


# --- fixing the version for signing ---------------------------------------------------------


def _till_underskrift(s: Session, meeting: Meeting, now: dt.datetime) -> Protokollversion:
    """för justering -> för underskrift: the final PDF (PDF/A-2b with one empty field per
    signatory) is stored as the justerat version, and its signatories listed, waiting."""
    _inga_oppna(s, meeting.id)
    reads = Reads(s)
    kontrollera_valen(reads, meeting)
    data = protokoll_data(reads, meeting)
    if not any(u.falt.startswith("Justerare") for u in data.underskrifter):
        raise ServiceError(
            "Inga justerare är utsedda. Ordföranden och minst en justerare ska justera "
            "protokollet; ange justerarna under sammanträdets uppgifter först."
        )
    pdf = render(data)
    overga(s, meeting, Tillstand.FOR_UNDERSKRIFT, now)
    version = ny_version(s, meeting, Slag.JUSTERAT, now, pdf, innehall(data))
    for i, u in enumerate(data.underskrifter):
        s.add(
            Underskrift(
                meeting_id=meeting.id,
                version_id=version.id,
                position=i,
                roll=u.roll,
                namn=u.namn,
                falt=u.falt,
                status=Status.VANTAR.value,
                satt="",
                signerare="",
                granskning={},
            )
        )
    s.flush()
    return version


def till_underskrift(store: Store, meeting_id: int, now: dt.datetime) -> VersionInfo:
    """Fix the final version and send it for signing; the text is locked from here."""

    def work(s: Session) -> VersionInfo:
        meeting = las.las_mote(s, meeting_id)
        if tillstand(meeting.state) is not Tillstand.FOR_JUSTERING:
            raise ServiceError(
                "Protokollet kan skickas för underskrift först när det är skickat för "
                f"justering (nu: {tillstand(meeting.state).label.lower()})."
            )
        return version_info(_till_underskrift(s, meeting, now))

    return store.in_snapshot(work)


def avbryt_underskrift(store: Store, meeting_id: int, now: dt.datetime) -> None:
    """för underskrift -> för justering: a signatory found an error before everyone signed.
    The version and the signatures made stay on record, marked as cancelled (never the
    justerat protocol: services.versioner.avbrutna_in); a new version is signed anew."""
    with store.session() as s:
        meeting = las.las_mote(s, meeting_id)
        overga(s, meeting, Tillstand.FOR_JUSTERING, now)
        version = _version(s, meeting_id)
        if version is not None:
            s.add(
                Logg(
                    meeting_id=meeting_id,
                    at=now,
                    kind="underskrift-avbruten",
                    text=f"Underskrifterna av version {version.nummer} avbröts; versionen "
                    "blir inte det justerade protokollet. Protokollet är åter för justering.",
                )
            )


# --- the shared step: a signature recorded ---------------------------------------------------


def _namn(version: Protokollversion) -> Benamning:
    return Benamning(
        versionen=f"det justerade protokollet (version {version.nummer}) för detta sammanträde",
        dokumentet="protokollet",
        dokumentets="protokollets",
        fixerat="protokollet justerades",
        syfte="Justering av protokollet",
        rubrik="Protokollet",
    )


def _underlag(s: Session, meeting: Meeting, version: Protokollversion) -> Underlag:
    return Underlag(meeting, version, _rader(s, version), _namn(version))


def _signing(s: Session, meeting_id: int, *, lock: bool = True) -> Underlag:
    """What is being signed; the meeting's row locked unless `lock` is False (the reading
    unit of work of signering.signera)."""
    meeting = las.las_mote(s, meeting_id) if lock else Reads(s).meeting(meeting_id)
    t = tillstand(meeting.state)
    if t not in (Tillstand.FOR_UNDERSKRIFT, *LAST):
        raise ServiceError(
            f"Protokollet väntar inte på underskrifter ({t.label.lower()})."
            + (" Skicka det för underskrift först." if t is Tillstand.FOR_JUSTERING else "")
        )
    version = _version(s, meeting_id)
    if t in LAST and (version is None or version.nummer != _senaste_nummer(s, meeting_id)):
        raise ServiceError(
            "Protokollet är justerat och har rättats sedan; underskrifterna gäller en "
            "tidigare version."
        )
    if version is None:  # pragma: no cover - för underskrift always has its version
        raise ServiceError("Det finns ingen version att signera.")
    return _underlag(s, meeting, version)


def _senaste_nummer(s: Session, meeting_id: int) -> int | None:
    return s.scalar(
        select(Protokollversion.nummer)
        .where(Protokollversion.meeting_id == meeting_id)
        .order_by(Protokollversion.nummer.desc())
        .limit(1)
    )


def _kanske_justerat(s: Session, u: Underlag, now: dt.datetime) -> None:
    """Once everyone has signed: justerat, on the day of the last signature."""
    meeting = u.meeting
    if tillstand(meeting.state) is not Tillstand.FOR_UNDERSKRIFT:
        return  # the sekreterare's signature after justering
    dag = justeringsdag((Status(r.status), r.datum) for r in u.rader if kravs(r.falt))
    if dag is None:
        return
    overga(s, meeting, Tillstand.JUSTERAT, now)
    meeting.justerat_datum = dag
    folj_beslutet(s, meeting, now)  # the register follows the val §§, in this unit of work
    s.add(
        Logg(
            meeting_id=meeting.id,
            at=now,
            kind="justerat",
            text=f"Ordföranden och justerarna har signerat; protokollet är justerat "
            f"{dag.isoformat()} (dagen för den sista underskriften).",
        )
    )


def signerat_pa_papper(
    store: Store, meeting_id: int, falt: str, datum: dt.date, now: dt.datetime
) -> Underskrifter:
    """Record that the signatory in `falt` signed the printed protocol on `datum`."""

    def work(s: Session) -> Underskrifter:
        u = _signing(s, meeting_id)
        r = signering.rad(u, falt)
        hinder = datumhinder(datum, u.meeting.date, now.date())
        if hinder:
            raise ServiceError(hinder)
        signering.papper(s, u, r, datum, now)
        _kanske_justerat(s, u, now)
        return underskrifter_in(s, meeting_id)

    result = store.in_snapshot(work)
    store.backup("protokoll-signerat")
    return result


def justera_pa_papper(
    store: Store, meeting_id: int, now: dt.datetime, datum: dt.date | None = None
) -> VersionInfo:
    """The quick way, as before: everyone who has not signed signed the printed protocol on
    `datum` (today when not given). From för justering the version is fixed first."""

    def work(s: Session) -> VersionInfo:
        meeting = las.las_mote(s, meeting_id)
        t = tillstand(meeting.state)
        if t is Tillstand.FOR_JUSTERING:
            version = _till_underskrift(s, meeting, now)
        elif t is Tillstand.FOR_UNDERSKRIFT:
            found = _version(s, meeting_id)
            assert found is not None
            version = found
        else:
            from secretary.domain.arbetsgang import overgangshinder

            raise ServiceError(
                overgangshinder(t, Tillstand.JUSTERAT) or f"Sammanträdet är {t.label.lower()}."
            )
        dag = datum or now.date()
        u = _underlag(s, meeting, version)
        for r in u.rader:
            if r.status == Status.VANTAR.value:
                signering.papper(s, u, r, dag, now)
        _kanske_justerat(s, u, now)
        return version_info(version)

    info = store.in_snapshot(work)
    store.backup("protokoll-justerat")
    return info


# --- e-signatures ----------------------------------------------------------------------------


def _signera(
    store: Store, meeting_id: int, falt: str, satt: Satt, now: dt.datetime, sign: Signera
) -> Underskrifter:
    """In two units of work with pyHanko between them (signering.signera says why)."""

    def read(s: Session, lock: bool) -> Underlag:
        if lock and tillstand(las.las_mote(s, meeting_id).state) is Tillstand.FOR_JUSTERING:
            raise ServiceError(
                f"{signering.MEDAN} avbröts underskrifterna; protokollet är åter för "
                "justering. Underskriften sparades inte."
            )
        return _signing(s, meeting_id, lock=lock)

    def klart(s: Session, u: Underlag) -> Underskrifter:
        _kanske_justerat(s, u, now)
        return underskrifter_in(s, meeting_id)

    result = signering.signera(store, read, falt, satt, now, sign, klart)
    store.backup("protokoll-signerat")
    return result


def signera_med_fil(
    store: Store, meeting_id: int, falt: str, p12: bytes, losenord: str, now: dt.datetime
) -> Underskrifter:
    """Sign the signatory's field with the certificate and key of a PKCS#12 file."""
    sign = signering.med_fil(p12, losenord)
    return _signera(store, meeting_id, falt, Satt.CERTIFIKATFIL, now, sign)


def signera_med_kort(
    store: Store,
    meeting_id: int,
    falt: str,
    *,
    bibliotek: str,
    token: str,
    pin: str,
    nyckel: str,
    now: dt.datetime,
) -> Underskrifter:
    """Sign the signatory's field with a smart card or token through PKCS#11."""
    sign = signering.med_kort(bibliotek, token, pin, nyckel)
    return _signera(store, meeting_id, falt, Satt.KORT, now, sign)


def importera_signerad(
    store: Store, meeting_id: int, pdf: bytes, now: dt.datetime
) -> Underskrifter:
    """Take in a PDF signed elsewhere (a signing service, or the signatories in turn)."""

    def work(s: Session) -> Underskrifter:
        u = _signing(s, meeting_id)
        signering.ta_emot(s, u, pdf, Satt.EXTERN, now)
        _kanske_justerat(s, u, now)
        return underskrifter_in(s, meeting_id)

    result = store.in_snapshot(work)
    store.backup("protokoll-signerat")
    return result


# --- the signed PDF and its evidence ---------------------------------------------------------


@dataclass(frozen=True)
class Kontrollerad:
    """The signed PDF as stored, checked again now; `fel` empty when it still holds."""

    dokument: Dokument
    fel: tuple[str, ...]


def signerad_pdf(store: Store, meeting_id: int, now: dt.datetime) -> Kontrollerad:
    """The signed protocol as a document, verified again every time it is opened."""
    with store.read() as s:
        version = _version(s, meeting_id)
        if version is None or version.signerad_pdf is None:
            raise ServiceError("Det finns ingen e-signerad PDF för sammanträdet ännu.")
        meeting = s.get(Meeting, meeting_id)
        assert meeting is not None
        fel = signering.kontrollera_igen(s, _underlag(s, meeting, version), now)
        return Kontrollerad(
            Dokument(
                version.signerad_pdf,
                f"Signerat protokoll, version {version.nummer}",
                filnamn(meeting_prefix(meeting), "protokoll signerat"),
            ),
            tuple(fel),
        )


def pdf_for_signering(store: Store, meeting_id: int) -> Dokument:
    """The PDF to send to a signatory or a signing service: the justerat version with the
    signatures made so far."""
    with store.read() as s:
        version = _version(s, meeting_id)
        if version is None:
            raise ServiceError("Protokollet är inte skickat för underskrift ännu.")
        if version.nummer in avbrutna_in(s, meeting_id):
            raise ServiceError(
                f"Underskrifterna av version {version.nummer} avbröts; den ska inte signeras. "
                "Skicka den slutliga versionen för underskrift på nytt."
            )
        meeting = s.get(Meeting, meeting_id)
        assert meeting is not None
        return Dokument(
            signering.aktuell(version),
            f"Protokoll för underskrift, version {version.nummer}",
            filnamn(meeting_prefix(meeting), "protokoll för underskrift"),
        )


def valideringsrapport(store: Store, meeting_id: int) -> Dokument:
    """A short report a registrator can file: per signatory who signed, when, how, and for
    an e-signature the certificate, its chain and the result of the check."""
    with store.read() as s:
        version = _version(s, meeting_id)
        if version is None:
            raise ServiceError("Protokollet har inga underskrifter ännu.")
        meeting = Reads(s).meeting(meeting_id)
        return signering.valideringsrapport(
            s,
            _underlag(s, meeting, version),
            f"Sammanträdesprotokoll {meeting.organ.name} {meeting.date.isoformat()}, "
            + (
                f"version {version.nummer}, vars underskrifter avbröts (den blev aldrig det "
                "justerade protokollet)"
                if version.nummer in avbrutna_in(s, meeting_id)
                else f"justerad version {version.nummer}"
            ),
            "den justerade versionen",
            f"Valideringsrapport, version {version.nummer}",
            "valideringsrapport",
        )
