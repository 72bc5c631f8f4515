"""Rättelse of a val § after justering: the val itself is corrected (who was elected, the
term, an entledigande, the counts), and the register follows the corrected decision, not
what the first justering applied.

A val §'s nomineringar, beslutsgång and beslut are written from its val record
(services.read.protokoll.valparagraf), so correcting their text would leave the record, and
with it the register and every later version, saying the old decision
(services.rattelse refuses that). Here, in one unit of work with the new version, the
correction log and the meeting's log: what the old decision did to the register is taken
back (services.valregister: only what it added or ended, never what the secretary has
changed by hand since, which is named in the log), and the corrected decision is applied as
at justering. A § justerad omedelbart whose protocol is not yet justerat has not reached the
register: it follows at justering, as corrected.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from secretary.services import las
from secretary.services.errors import ServiceError, require
from secretary.services.rattelse import kraver_justerat, spara_rattelse
from secretary.services.read import Reads
from secretary.services.read.protokoll import protokoll_data
from secretary.services.read.val import Valdata, ValVy, valdata_json, valvy
from secretary.services.rows import get_row
from secretary.services.val import folj_paragrafen, kontrollera_valet, provad
from secretary.services.valregister import NYCKEL, Aterstallt, ta_tillbaka
from secretary.services.versioner import VersionInfo, version_info
from secretary.store.database import Store
from secretary.store.models import Arende, Logg, Meeting, ParagrafBeslut, ParagrafVal

FORE_JUSTERING = (
    "Registret kan inte följa rättelsen: paragrafen justerades innan programmet sparade vad "
    "beslutet ändrade i registret (eller kom från en överföringsfil). Rätta registret för hand "
    "under Organ, och för sedan in rättelsen av protokolltexten."
)


def _del(fore: ValVy, efter: ValVy) -> tuple[str, list[str], list[str]]:
    """The part the correction log names: the first that reads differently, Beslut first."""
    for del_, attr in (
        ("beslut_att", "beslut"),
        ("valresultat", "valresultat"),
        ("beslutsgang", "beslutsgang"),
        ("yrkanden", "nomineringar"),
    ):
        a, b = list(getattr(fore, attr)), list(getattr(efter, attr))
        if a != b:
            return del_, a, b
    raise ServiceError("Valet är detsamma som det justerade; inget att rätta.")


def _logga(
    s: Session,
    meeting: Meeting,
    arende: Arende,
    nr: int,
    bak: Aterstallt,
    nya: int,
    now: dt.datetime,
) -> None:
    text = (
        f"Registret följer rättelsen av valet i § {nr}. Borttagna uppdrag från det justerade "
        f"beslutet: {bak.borttagna}; återställda slutdagar: {bak.aterstallda}; ändringar "
        f"enligt det rättade beslutet: {nya}."
    )
    if bak.lamnade:
        text += " Lämnade orörda, ändrade för hand: " + "; ".join(bak.lamnade) + "."
    s.add(Logg(meeting_id=meeting.id, at=now, kind="register", arende_id=arende.id, text=text))


def ratta_val(
    store: Store, arende_id: int, ny: Valdata, varfor: str, av: str, now: dt.datetime
) -> VersionInfo:
    """Correct the val of a § of a justerat protocol to `ny`; returns the new version."""
    require(bool(varfor.strip()), "Ange varför rättelsen görs.")
    require(bool(av.strip()), "Ange vem som gör rättelsen.")

    def work(s: Session) -> VersionInfo:
        arende = get_row(s, Arende, arende_id, "Ärendet")
        meeting = las.las_mote(s, arende.meeting_id)
        kraver_justerat(meeting.state, s.get(ParagrafBeslut, arende_id))
        row = s.get(ParagrafVal, arende_id)
        require(row is not None, "Paragrafen är inget val; rätta dess delar i stället.")
        assert row is not None
        reads = Reads(s)
        nr = reads.vy(arende).paragraf
        fore = valvy(reads, arende)
        assert fore is not None
        nydata = provad(reads, arende, meeting, ny)
        spar = (row.data or {}).get(NYCKEL)
        registrerat = row.registrerat is not None
        if registrerat and spar is None:
            raise ServiceError(FORE_JUSTERING)
        row.data = valdata_json(nydata)
        row.registrerat = None
        s.flush()
        reads = Reads(s)
        efter = valvy(reads, arende)
        assert efter is not None
        kontrollera_valet(nr, efter)
        del_, text_fore, text_efter = _del(fore, efter)
        if spar is not None and registrerat:
            bak = ta_tillbaka(s, spar)
            _logga(s, meeting, arende, nr, bak, folj_paragrafen(s, meeting, efter, row, now), now)
        data = protokoll_data(reads, meeting)
        (p,) = [x for x in data.arenden if x.paragraf == nr]
        version = spara_rattelse(
            s, meeting, arende, data, p, del_, text_fore, text_efter, varfor, av, now
        )
        return version_info(version)

    info = store.in_snapshot(work)
    store.backup("rättelse")
    return info
