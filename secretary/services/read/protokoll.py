"""What the protocol says about a meeting, as the reports' data contract
(secretary.reports.data), read inside the caller's unit of work.

Who signs: the Sekreterare is the present Övrig whose title names a sekreterare (not a
"politisk sekreterare"), else the setting "sekreterare", else a blank line; the Ordförande
is the chair if present, else the first vice chair present; then each justerare.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import select

from secretary.domain.anslag import anslagsdatum
from secretary.domain.datum_text import klockan, veckodag_datum
from secretary.domain.innehall import NAMN
from secretary.domain.labels import resolve_labels
from secretary.domain.narvaro import Tidslinje
from secretary.domain.narvaro_text import forstasida
from secretary.domain.register import Funktion, Roll
from secretary.domain.tider import ajournering_text
from secretary.reports.data import (
    AVSTAR,
    FRANVARANDE,
    JA,
    JAV,
    NEJ,
    Anslag,
    Omrostning,
    Paragraf,
    ProtokollData,
    Rattelsenot,
    Rostrad,
    Underskrift,
)
from secretary.services.read import Reads
from secretary.services.read.agenda import ArendeData, MeetingData
from secretary.services.read.paragraf import ParagrafVy
from secretary.services.read.sittning import SessionState
from secretary.services.read.tider import pauser
from secretary.services.read.val import ValVy, expedieras_till, valvyer
from secretary.store.models import Meeting, Rattelse

_ROST = {"JA": JA, "NEJ": NEJ, "AVSTAR": AVSTAR}


def _stycken(text: str) -> tuple[str, ...]:
    """A typed text as paragraphs: one per non-empty line."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _plats_och_tid(place: str, date: dt.date, time: str) -> str:
    when = " ".join(part for part in (date.isoformat(), time) if part)
    return ", ".join(part for part in (place.strip(), when) if part)


def _justering(m: MeetingData) -> str:
    parts = [m.justering_place.strip()]
    if m.justering_date is not None:
        parts.append(veckodag_datum(m.justering_date))
    if m.justering_time is not None:
        parts.append(f"kl. {m.justering_time.hour:02d}.{m.justering_time.minute:02d}")
    return ", ".join(part for part in parts if part)


def _present(tl: Tidslinje) -> set[int]:
    return {pid for p in tl.paragrafer for pid in p.present}


def _underskrifter(
    reads: Reads, state: SessionState, m: MeetingData, sekreterare: str | None
) -> tuple[Underskrift, ...]:
    present = _present(state.tidslinje)
    people = state.tidslinje.deltagare.values()
    if sekreterare is None:
        candidates = [
            d
            for d in people
            if d.roll is Roll.OVRIG
            and "sekreterare" in d.title.lower()
            and "politisk" not in d.title.lower()
        ]
        candidates.sort(key=lambda d: (d.person_id not in present, d.name))
        sekreterare = candidates[0].name if candidates else reads.setting("sekreterare")
    presidium = [Funktion.ORDFORANDE, Funktion.FORSTE_VICE, Funktion.ANDRE_VICE]
    chairs = [d for f in presidium for d in people if d.funktion is f]
    chairs.sort(key=lambda d: d.person_id not in present)  # stable: presidium order kept
    ordforande = chairs[0].label if chairs else ""
    out = [Underskrift("Sekreterare", sekreterare, "Sekreterare")]
    out.append(Underskrift("Ordförande", ordforande, "Ordforande"))
    out += [
        Underskrift("Justerare", j.label, f"Justerare{i}")
        for i, j in enumerate(m.justerare, start=1)
    ]
    return tuple(out)


def _omrostningar(vy: ParagrafVy, tl: Tidslinje) -> tuple[Omrostning, ...]:
    narvaro = tl.at(vy.position)
    out: list[Omrostning] = []
    for nummer, (fraga, _, v) in enumerate(vy.utfall.voteringar, start=1):
        alts = fraga.alternativ
        proposition = f"Ja-röst för {alts[v.ja].rost_for}, Nej-röst för {alts[v.nej].rost_for}."
        rader: list[Rostrad] = []
        for seat in tl.seats:
            holder = narvaro.holder(seat)
            ledamot = tl.deltagare[seat].label
            if holder is None:
                rost = JAV if seat in narvaro.javiga else FRANVARANDE
                rader.append(Rostrad(ledamot, "", rost))
                continue
            ersattare = tl.deltagare[holder].label if holder != seat else ""
            answer = v.roster.get(holder)
            rader.append(Rostrad(ledamot, ersattare, _ROST[answer.value] if answer else ""))
        out.append(Omrostning(nummer, proposition, tuple(rader)))
    return tuple(out)


def _jav(vy: ParagrafVy, tl: Tidslinje) -> tuple[str, ...]:
    """Who stepped out for jäv in this § (KL 6 kap. 30 §), and who served in their place."""
    narvaro = tl.at(vy.position)
    out: list[str] = []
    for pid in sorted(narvaro.javiga, key=lambda p: tl.deltagare[p].name):
        who = tl.deltagare[pid]
        text = f"{who.label} anmäler jäv och deltar inte i handläggningen av ärendet."
        seat = pid if pid in tl.seats else None
        if seat is None and vy.position > 0:
            seat = tl.at(vy.position - 1).seat_of(pid)
        holder = narvaro.holder(seat) if seat is not None else None
        if seat is not None and holder is not None and holder != pid:
            text += (
                f" {tl.deltagare[holder].label} tjänstgör för {tl.deltagare[seat].label} "
                "i paragrafen."
            )
        out.append(text)
    return tuple(out)


def _reservationer(vy: ParagrafVy) -> tuple[str, ...]:
    out = list(vy.reservation_text)
    grounds = {r.person_id: r.text.strip() for r in vy.reservationer if r.text.strip()}
    for r in vy.beslut.reservationer:
        text = grounds.get(r.person.person_id)
        if text:
            out.append(f"Skriftlig reservation från {r.person.label}:")
            out += _stycken(text)
    return tuple(out)


def _anteckningar(vy: ParagrafVy) -> tuple[str, ...]:
    out: list[str] = []
    for a in vy.anteckningar:
        out.append(f"{a.person.label} får följande anteckning införd i protokollet:")
        out += _stycken(a.text)
    return tuple(out)


def valparagraf(a: ArendeData, vy: ParagrafVy, tl: Tidslinje, val: ValVy) -> Paragraf:
    """A val §: the nominations as its yrkanden, how it was elected as the beslutsgång, the
    count and each seat, and the decision by post in order (secretary.domain.val_text)."""
    p = paragraf(a, vy, tl)
    return replace(
        p,
        yrkanden=val.nomineringar,
        beslutsgang=val.beslutsgang,
        omrostningar=(),
        valresultat=val.valresultat,
        beslut_rubrik="",
        beslut_att=val.beslut,
        reservationer=(),
        expedieras_till=expedieras_till(a.expedieras_till, val),
    )


def paragraf(a: ArendeData, vy: ParagrafVy, tl: Tidslinje) -> Paragraf:
    return Paragraf(
        paragraf=a.paragraf,
        rubrik=a.rubrik,
        dnr=a.dnr,
        omedelbar_justering=vy.omedelbar_justering,
        sekretess=vy.sekretess,
        sammanfattning=_stycken(a.sammanfattning),
        beslutsunderlag=a.beslutsunderlag,
        forslag_till_beslut=_stycken(a.forslag_till_beslut),
        yrkanden=vy.yrkanden_text,
        beslutsgang=vy.beslutsgang_text,
        omrostningar=_omrostningar(vy, tl),
        beslut_rubrik=vy.beslut_rubrik,
        beslut_att=vy.beslut_att,
        reservationer=_reservationer(vy),
        anteckningar=_anteckningar(vy),
        jav=_jav(vy, tl),
        expedieras_till=a.expedieras_till,
        delegationsbeslut=a.delegationsbeslut,
    )


def lagrat_anslag(meeting: Meeting) -> Anslag:
    """The notice dates stored on the meeting (services.anslag); blank until decided."""
    m = meeting
    stored = Anslag(m.anslag_uppsatt, m.anslag_nedtagning, m.sista_overklagandedag)
    return med_overklagandedag(stored)


def med_overklagandedag(a: Anslag) -> Anslag:
    """The notice with its last day of appeal: posting day + three weeks, moved past a day
    that is not a working day (KL 13 kap. 5 §, lag (1930:173))."""
    if a.uppsatt is None or a.sista_overklagandedag is not None:
        return a
    return replace(a, sista_overklagandedag=anslagsdatum(a.uppsatt).sista_overklagandedag)


def rattelsenoter(
    reads: Reads, meeting_id: int, paragraf_av: dict[int, int]
) -> tuple[Rattelsenot, ...]:
    """The correction log as the protocol prints it (`paragraf_av`: ärende id -> § number)."""
    rows = reads.session.scalars(
        select(Rattelse).where(Rattelse.meeting_id == meeting_id).order_by(Rattelse.id)
    )
    return tuple(
        Rattelsenot(
            r.at.date(),
            paragraf_av.get(r.arende_id, 0),
            NAMN.get(r.del_, r.del_),
            "\n".join(r.fore),
            "\n".join(r.efter),
            r.varfor,
            r.av,
        )
        for r in rows
    )


def protokoll_data(
    reads: Reads,
    meeting: Meeting,
    *,
    paragrafer: Iterable[int] | None = None,
    anslag: Anslag | None = None,
    sekreterare: str | None = None,
) -> ProtokollData:
    """The protocol of a meeting; with `paragrafer`, only those §§ (for an utdrag)."""
    m = reads.meeting_data(meeting)
    organ = meeting.organ
    arenden = reads.arenden(meeting)
    state = reads.state(meeting)
    tl = state.tidslinje
    first = arenden[0].paragraf if arenden else m.first_paragraf
    fs = forstasida(tl, first, state.started_at, state.ended_at)
    wanted = set(paragrafer) if paragrafer is not None else None
    vyer = reads.vyer(meeting)
    val = valvyer(reads, meeting)
    items = tuple(
        valparagraf(a, vy, tl, val[a.id]) if a.id in val else paragraf(a, vy, tl)
        for a, vy in zip(arenden, vyer, strict=True)
        if wanted is None or a.paragraf in wanted
    )
    underskrifter = _underskrifter(reads, state, m, sekreterare)
    start = state.started_at or m.planned_start
    return ProtokollData(
        kommun=reads.setting("kommun"),
        organ=organ.name,
        datum=m.date,
        plats_och_tid=_plats_och_tid(m.place, m.date, klockan(start, state.ended_at)),
        ajourneringar=tuple(ajournering_text(p) for _, p in pauser(reads.session, meeting.id)),
        ledamoter=fs.ledamoter,
        tjanstgorande_ersattare=fs.tjanstgorande_ersattare,
        ersattare=fs.ersattare,
        adjungerade=fs.adjungerade,
        ovriga=fs.ovriga,
        justerare=tuple(j.label for j in m.justerare),
        justering=_justering(m),
        forsta_paragraf=first,
        antal_paragrafer=len(arenden),
        underskrifter=underskrifter,
        forvaringsplats=organ.forvaringsplats,
        arenden=items,
        labels=resolve_labels(dict(organ.labels or {})),
        anslag=med_overklagandedag(anslag) if anslag is not None else lagrat_anslag(meeting),
        justerat=meeting.justerat_datum,
        sekreterare=underskrifter[0].namn,
        rattelser=rattelsenoter(reads, meeting.id, {a.id: a.paragraf for a in arenden}),
    )
