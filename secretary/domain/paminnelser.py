"""What is due around the meetings, given today's date (issue 6, 'A reminder list'): before a
meeting, fullmäktige's kungörelse and the kallelse by their last day (domain.kallelse); after
it, drafts not yet sent to the justerare, justering past the 14 days, a notice not posted by
the last day the law allows, notices due to come down."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from secretary.domain.anslag import senaste_anslag, senaste_justering
from secretary.domain.arbetsgang import Tillstand
from secretary.domain.kallelse import kallelse_dagar, senaste_kallelse, senaste_kungorelse

FORVARNING_DAGAR = 14  # a deadline before the meeting is listed this many days ahead


@dataclass(frozen=True)
class Motesfakta:
    meeting_id: int
    titel: str
    state: Tillstand
    datum: dt.date
    justerat: dt.date | None = None
    nedtagning: dt.date | None = None
    kf: bool = False
    kallelse_skickad: bool = False
    kallelse_dagar: int | None = None  # the organ's reglemente; None: the default
    kungorelse_uppsatt: dt.date | None = None


@dataclass(frozen=True)
class Paminnelse:
    meeting_id: int
    forfaller: dt.date
    text: str
    forsenad: bool


_FORE_JUSTERING = (Tillstand.UTKAST, Tillstand.FOR_JUSTERING, Tillstand.FOR_UNDERSKRIFT)


def paminnelser(moten: list[Motesfakta], idag: dt.date) -> list[Paminnelse]:
    """Every reminder, the most urgent first."""
    out: list[Paminnelse] = []
    for m in moten:
        if m.state is Tillstand.PLANERAT:
            out += _fore(m, idag)
            continue
        frist = senaste_justering(m.datum)
        if m.state is Tillstand.UTKAST:
            out.append(
                Paminnelse(
                    m.meeting_id,
                    frist,
                    f"{m.titel}: utkastet är inte skickat till justerarna.",
                    idag > frist,
                )
            )
        if (
            m.state in (Tillstand.UTKAST, Tillstand.FOR_JUSTERING, Tillstand.FOR_UNDERSKRIFT)
            and idag > frist
        ):
            out.append(
                Paminnelse(
                    m.meeting_id,
                    frist,
                    f"{m.titel}: protokollet skulle ha justerats senast {frist.isoformat()} "
                    "(inom 14 dagar).",
                    True,
                )
            )
        if m.state is Tillstand.JUSTERAT and m.justerat is not None:
            senast = senaste_anslag(m.justerat)
            out.append(
                Paminnelse(
                    m.meeting_id,
                    senast,
                    f"{m.titel}: anslaget ska sättas upp senast {senast.isoformat()}.",
                    idag > senast,
                )
            )
        if m.state is Tillstand.ANSLAGET and m.nedtagning is not None and idag >= m.nedtagning:
            out.append(
                Paminnelse(
                    m.meeting_id,
                    m.nedtagning,
                    f"{m.titel}: anslaget ska tas ned {m.nedtagning.isoformat()}.",
                    idag > m.nedtagning,
                )
            )
    return sorted(out, key=lambda p: (not p.forsenad, p.forfaller, p.meeting_id))


def _fore(m: Motesfakta, idag: dt.date) -> list[Paminnelse]:
    """Before a planned meeting: the kungörelse (fullmäktige) and the kallelse."""
    if idag > m.datum:
        return []
    out: list[Paminnelse] = []
    if m.kf and m.kungorelse_uppsatt is None:
        senast = senaste_kungorelse(m.datum)
        if idag >= senast - dt.timedelta(days=FORVARNING_DAGAR):
            out.append(
                Paminnelse(
                    m.meeting_id,
                    senast,
                    f"{m.titel}: kungörelsen ska sättas upp på anslagstavlan senast "
                    f"{senast.isoformat()}.",
                    idag > senast,
                )
            )
    if not m.kallelse_skickad:
        senast = senaste_kallelse(m.datum, kallelse_dagar(m.kf, m.kallelse_dagar))
        if idag >= senast - dt.timedelta(days=FORVARNING_DAGAR):
            out.append(
                Paminnelse(
                    m.meeting_id,
                    senast,
                    f"{m.titel}: kallelsen ska skickas senast {senast.isoformat()}.",
                    idag > senast,
                )
            )
    return out
