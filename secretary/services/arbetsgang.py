"""The steps after the meeting, one service per action: send the draft for review, take it
back, justera, and the shared transition with its log entry (secretary.domain.arbetsgang).

A step that stores a version reads the protocol, renders it and writes the version, the new
state and the log entry in one unit of work on one snapshot (Store.in_snapshot, with the
meeting's row locked first by services.las): what is locked, the stored PDF and its digest
come from the same reading of the database, even on a shared register where another
secretary may be editing."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from secretary.domain.arbetsgang import Tillstand, overgangshinder, tillstand
from secretary.services import las
from secretary.services.dokument import render
from secretary.services.errors import ServiceError
from secretary.services.innehall import innehall
from secretary.services.read import Reads
from secretary.services.read.protokoll import protokoll_data
from secretary.services.versioner import Slag, VersionInfo, ny_version, version_info
from secretary.store.database import Store
from secretary.store.models import Justeringskommentar, Logg, Meeting


def overga(session: Session, meeting: Meeting, till: Tillstand, now: dt.datetime) -> None:
    """Move the meeting to `till` and log it; refused with the reason in Swedish."""
    fran = tillstand(meeting.state)
    hinder = overgangshinder(fran, till)
    if hinder is not None:
        raise ServiceError(hinder)
    meeting.state = till.value
    session.add(
        Logg(
            meeting_id=meeting.id,
            at=now,
            kind=f"läge-{till.value}",
            text=f"{fran.label} → {till.label}",
        )
    )


def _check(meeting: Meeting, *allowed: Tillstand, till: Tillstand) -> None:
    t = tillstand(meeting.state)
    if t not in allowed:
        raise ServiceError(overgangshinder(t, till) or f"Sammanträdet är {t.label.lower()}.")


def skicka_for_justering(store: Store, meeting_id: int, now: dt.datetime) -> VersionInfo:
    """Make the next numbered draft (PDF with UTKAST) and send it to the justerare:
    utkast -> för justering, or a new draft while the protocol is already out for review."""

    def work(s: Session) -> VersionInfo:
        meeting = las.las_mote(s, meeting_id)
        _check(meeting, Tillstand.UTKAST, Tillstand.FOR_JUSTERING, till=Tillstand.FOR_JUSTERING)
        data = protokoll_data(Reads(s), meeting)
        pdf = render(data, utkast=True)
        if meeting.state != Tillstand.FOR_JUSTERING:
            overga(s, meeting, Tillstand.FOR_JUSTERING, now)
        return version_info(ny_version(s, meeting, Slag.UTKAST, now, pdf, innehall(data)))

    return store.in_snapshot(work)


def ta_tillbaka(store: Store, meeting_id: int, now: dt.datetime) -> None:
    """för justering -> utkast: the draft is withdrawn for more work."""
    with store.session() as s:
        overga(s, las.las_mote(s, meeting_id), Tillstand.UTKAST, now)


def oppna_kommentarer(session: Session, meeting_id: int) -> int:
    return (
        session.scalar(
            select(func.count(Justeringskommentar.id)).where(
                Justeringskommentar.meeting_id == meeting_id,
                Justeringskommentar.status == "öppen",
            )
        )
        or 0
    )


def _inga_oppna(session: Session, meeting_id: int) -> None:
    n = oppna_kommentarer(session, meeting_id)
    if n:
        raise ServiceError(
            f"Det finns {n} obesvarade kommentarer från justerarna. Besvara eller för in dem "
            "innan protokollet justeras."
            if n > 1
            else "Det finns en obesvarad kommentar från justerarna. Besvara eller för in den "
            "innan protokollet justeras."
        )


def justera(
    store: Store, meeting_id: int, now: dt.datetime, datum: dt.date | None = None
) -> VersionInfo:
    """för justering (or för underskrift) -> justerat, the quick way: every signatory who has
    not signed signed the printed protocol on `datum`, each recorded and logged
    (services.underskrift.justera_pa_papper). The final PDF with its signature fields and
    the content are stored with their digests and the meeting is locked; changes are
    rättelser from here. Refused while a justerare's comment is open."""
    from secretary.services.underskrift import justera_pa_papper

    return justera_pa_papper(store, meeting_id, now, datum)
