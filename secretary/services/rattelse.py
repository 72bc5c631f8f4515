"""Rättelse: the one way to change a protocol after justering (domain.md: a correction must
show that and what was corrected; keep versions and a correction log, never silent edits).

The secretary states the § and part, the new text, why, and who corrects. The change is made
here without the edit lock, recorded before/after in the correction log, and a new version
is stored whose PDF shows a Rättelse block on the front page and a note in the §. Earlier
versions stay as they were. Read, rendered and stored in one unit of work on one snapshot
(services.arbetsgang says why)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy.orm import Session

from secretary.domain.arbetsgang import LAST, tillstand
from secretary.domain.innehall import NAMN
from secretary.reports.data import Paragraf, ProtokollData, Rattelsenot
from secretary.services import beslut, las
from secretary.services.dokument import render
from secretary.services.errors import ServiceError, require
from secretary.services.innehall import innehall
from secretary.services.read import Reads
from secretary.services.read.paragraf import ParagrafVy
from secretary.services.read.protokoll import protokoll_data
from secretary.services.rows import get_row
from secretary.services.versioner import Slag, VersionInfo, ny_version, version_info
from secretary.store.database import Store
from secretary.store.models import (
    Arende,
    Logg,
    Meeting,
    ParagrafBeslut,
    ParagrafVal,
    Protokollversion,
    Rattelse,
)

# The parts a rättelse can change, in the order the protocol prints them, and their names.
RATTBARA = (
    "rubrik",
    "sammanfattning",
    "beslutsunderlag",
    "forslag_till_beslut",
    "yrkanden",
    "beslutsgang",
    "beslut_rubrik",
    "beslut_att",
    "reservationer",
    "expedieras_till",
)
# Parts that are one line in the protocol, not paragraphs.
_RADER = ("rubrik", "beslut_rubrik")
# Parts kept as a list of lines on the ärende itself.
_LISTOR = ("beslutsunderlag", "expedieras_till")
# Parts of a val § that are written from the val itself (services.read.protokoll.valparagraf):
# corrected by correcting the val (services.valrattelse), so that the register follows.
VALDELAR = ("yrkanden", "beslutsgang", "beslut_rubrik", "beslut_att", "reservationer")
_SEKTION = {"yrkanden": "yrkanden", "beslutsgang": "beslutsgang", "reservationer": "reservation"}


def kraver_justerat(state: str, row: ParagrafBeslut | None) -> None:
    """A rättelse needs a justerat protocol, or a § that was justerad omedelbart."""
    if tillstand(state) not in LAST and (row is None or row.omedelbart_justerad is None):
        raise ServiceError(
            "Protokollet är inte justerat än; ändra texten direkt i stället för att göra en "
            "rättelse."
        )


def _fore(p: Paragraf, vy: ParagrafVy, del_: str) -> list[str]:
    if del_ == "reservationer":
        return list(vy.reservation_text)  # written grounds are a bilaga, not corrected here
    if del_ in _RADER:
        text: str = getattr(p, del_)
        return [text] if text else []
    return list(getattr(p, del_))


def _efter(p: Paragraf, vy: ParagrafVy, del_: str, ny: tuple[str, ...]) -> Paragraf:
    if del_ == "reservationer":
        return replace(p, reservationer=ny + p.reservationer[len(vy.reservation_text) :])
    changes: dict[str, object] = {del_: " ".join(ny) if del_ in _RADER else ny}
    return replace(p, **changes)  # type: ignore[arg-type]


def _med_rattelse(
    data: ProtokollData, nummer: int, ny_paragraf: Paragraf, not_: Rattelsenot
) -> ProtokollData:
    arenden = tuple(ny_paragraf if p.paragraf == nummer else p for p in data.arenden)
    return replace(data, arenden=arenden, rattelser=(*data.rattelser, not_))


def _beslut_row(s: Session, arende: Arende) -> ParagrafBeslut:
    row = s.get(ParagrafBeslut, arende.id)
    if row is None:
        row = ParagrafBeslut(arende_id=arende.id, resultat={}, redigerat={})
        s.add(row)
    return row


def _tillampa(s: Session, arende: Arende, vy: ParagrafVy, del_: str, ny: tuple[str, ...]) -> None:
    if del_ == "forslag_till_beslut":
        # The att-satser that follow the förslag are frozen as justerade first: a rättelse
        # of the förslag must not change the Beslut of the next version without a note.
        row = _beslut_row(s, arende)
        if row.beslut_att is None:
            row.beslut_att = list(vy.beslut_att)
        arende.forslag_till_beslut = "\n".join(ny)
    elif del_ == "sammanfattning":
        arende.sammanfattning = "\n".join(ny)
    elif del_ == "rubrik":
        arende.rubrik = " ".join(ny)
    elif del_ in _LISTOR:
        setattr(arende, del_, list(ny))
    elif del_ in ("beslut_att", "beslut_rubrik"):
        row = _beslut_row(s, arende)
        if del_ == "beslut_att":
            row.beslut_att = list(ny)
        else:
            row.beslut_rubrik = " ".join(ny)
    else:
        beslut.spara_text(s, arende, vy, _SEKTION[del_], "\n\n".join(ny))


def ratta(
    store: Store,
    arende_id: int,
    del_: str,
    ny_text: Sequence[str],
    varfor: str,
    av: str,
    now: dt.datetime,
) -> VersionInfo:
    """Correct one part of a § of a justerat protocol; returns the new version."""
    require(del_ in RATTBARA, "Den delen av paragrafen kan inte rättas här.")
    require(bool(varfor.strip()), "Ange varför rättelsen görs.")
    require(bool(av.strip()), "Ange vem som gör rättelsen.")
    ny = tuple(t.strip() for t in ny_text if t.strip())
    require(del_ != "rubrik" or bool(ny), "Ärendet måste ha en rubrik.")
    require(del_ != "beslut_rubrik" or bool(ny), "Beslutet måste ha en rubrik.")

    def work(s: Session) -> VersionInfo:
        arende = get_row(s, Arende, arende_id, "Ärendet")
        meeting = las.las_mote(s, arende.meeting_id)
        kraver_justerat(meeting.state, s.get(ParagrafBeslut, arende_id))
        reads = Reads(s)
        vy = reads.vy(arende)
        if del_ in VALDELAR and s.get(ParagrafVal, arende.id) is not None:
            raise ServiceError(
                f"§ {vy.paragraf} är ett val: nomineringarna, beslutsgången och beslutet följer "
                "valet. Rätta valet självt (poster, valda, mandattid, entlediganden), så följer "
                "registret det rättade beslutet."
            )
        data = protokoll_data(reads, meeting)
        (p,) = [x for x in data.arenden if x.paragraf == vy.paragraf]
        fore = _fore(p, vy, del_)
        require(list(ny) != fore, "Den nya texten är densamma som den justerade; inget att rätta.")
        _tillampa(s, arende, vy, del_, ny)
        rattad = _efter(p, vy, del_, ny)
        return version_info(
            spara_rattelse(s, meeting, arende, data, rattad, del_, fore, list(ny), varfor, av, now)
        )

    info = store.in_snapshot(work)
    store.backup("rättelse")
    return info


def spara_rattelse(
    s: Session,
    meeting: Meeting,
    arende: Arende,
    data: ProtokollData,
    rattad: Paragraf,
    del_: str,
    fore: list[str],
    efter: list[str],
    varfor: str,
    av: str,
    now: dt.datetime,
) -> Protokollversion:
    """The new version with the corrected § and its Rättelse note, the correction log and
    the meeting's log: what every rättelse stores, in the caller's unit of work."""
    not_ = Rattelsenot(
        now.date(),
        rattad.paragraf,
        NAMN[del_],
        "\n".join(fore),
        "\n".join(efter),
        varfor.strip(),
        av.strip(),
    )
    protokoll = _med_rattelse(data, rattad.paragraf, rattad, not_)
    version = ny_version(s, meeting, Slag.RATTELSE, now, render(protokoll), innehall(protokoll))
    s.add(
        Rattelse(
            meeting_id=meeting.id,
            arende_id=arende.id,
            del_=del_,
            fore=fore,
            efter=efter,
            varfor=varfor.strip(),
            av=av.strip(),
            at=now,
            version_id=version.id,
        )
    )
    s.add(
        Logg(
            meeting_id=meeting.id,
            at=now,
            kind="rättelse",
            arende_id=arende.id,
            text=f"Rättelse i § {rattad.paragraf}, {NAMN[del_]}, av {av.strip()}: {varfor.strip()}",
        )
    )
    return version
