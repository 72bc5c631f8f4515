"""Import of ärenden from the diarium's export (Ciceron, Platina, W3D3, Public 360, Lex and
others all write CSV or Excel lists) into a meeting's föredragningslista, and of the
delegationsbeslut reported in an anmälan §.

As with the member import (services.member_import, the same file reader in
services.tabellfil), reading and importing are two steps: `preview_arenden()` reads every
row and says what is wrong with it, `apply_arenden()` saves all in one unit of work and
refuses while any row is wrong. The columns are matched to fields by their usual Swedish
names, or by the mapping the secretary chose; the mapping is remembered per organ, since
one organ's diarium always exports the same columns.

A re-import of an updated list updates the ärenden already on the list: matched by
diarienummer (an ärende without one by its rubrik), each change said in words.

A diarienummer that does not follow the organ's pattern is a warning, not an error
(domain.diarienummer: the register is the secretary's, not ours).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from secretary.domain.arbetsgang import Del
from secretary.domain.diarienummer import dnr_warning
from secretary.services import las
from secretary.services.errors import ServiceError
from secretary.services.read.agenda import get_arende_row, get_meeting_row
from secretary.services.tabellfil import (
    Cell,
    Tabell,
    cell_lines,
    cell_text,
    fel_i_filen,
    fold,
    formula_errors,
    map_header,
    rader,
    read_table,
)
from secretary.store.database import Store
from secretary.store.models import Arende, Meeting, ParagrafBeslut, Setting

log = logging.getLogger(__name__)

DNR, RUBRIK, HANDLAGGARE, FORSLAG, UNDERLAG, SEKRETESS = (
    "dnr",
    "rubrik",
    "handlaggare",
    "forslag_till_beslut",
    "beslutsunderlag",
    "sekretess",
)
BESLUT, DATUM, DELEGAT = "beslut", "datum", "delegat"

FALT: dict[str, str] = {
    DNR: "Diarienummer",
    RUBRIK: "Rubrik",
    HANDLAGGARE: "Handläggare",
    FORSLAG: "Förslag till beslut",
    UNDERLAG: "Beslutsunderlag",
    SEKRETESS: "Sekretess",
}
DELEGATIONSFALT: dict[str, str] = {
    DNR: "Diarienummer",
    BESLUT: "Beslut",
    DATUM: "Datum",
    DELEGAT: "Delegat",
}

_ALIASES: dict[str, tuple[str, ...]] = {
    DNR: (
        "diarienummer",
        "dnr",
        "diarienr",
        "diarie nr",
        "arendenummer",
        "arendenr",
        "arende nr",
        "reg nr",
        "registreringsnummer",
        "beteckning",
    ),
    RUBRIK: ("rubrik", "arenderubrik", "arendemening", "mening", "titel", "arende", "beskrivning"),
    HANDLAGGARE: ("handlaggare", "ansvarig handlaggare", "handl", "ansvarig", "tjansteperson"),
    FORSLAG: (
        "forslag till beslut",
        "forslag",
        "beslutsforslag",
        "forvaltningens forslag",
        "forslag beslut",
    ),
    UNDERLAG: ("beslutsunderlag", "handlingar", "underlag", "bilagor", "dokument"),
    SEKRETESS: ("sekretess", "sekretessmarkering", "skyddad", "sekretessprovning", "osl"),
}
_DELEGATION_ALIASES: dict[str, tuple[str, ...]] = {
    DNR: _ALIASES[DNR],
    BESLUT: ("beslut", "rubrik", "arendemening", "mening", "beslutet avser", "arende", "titel"),
    DATUM: ("datum", "beslutsdatum", "beslutad", "beslutsdag"),
    DELEGAT: ("delegat", "beslutsfattare", "fattat av", "beslutad av", "handlaggare"),
}

HELP_TEXT = (
    "Första raden ska vara rubriker. Välj vilken kolumn som är vilket fält; valet sparas för "
    "organet till nästa gång. Rubrik måste finnas; diarienummer, handläggare, förslag till "
    "beslut, beslutsunderlag (en handling per rad) och sekretess (ja/nej) är valfria. Ärenden "
    "som redan finns i föredragningslistan uppdateras, matchade på diarienummer."
)
DELEGATION_HELP = (
    "Första raden ska vara rubriker: Diarienummer, Beslut, Datum (ÅÅÅÅ-MM-DD) och Delegat. "
    "Listan ersätter de delegationsbeslut som redan är anmälda i paragrafen."
)

_SETTING = "arendeimport.kolumner.{organ_id}"
_NEJ = {"", "nej", "n", "0", "false", "falskt", "ingen", "-", "offentlig", "ej sekretess"}


# --- what the user sees --------------------------------------------------------------------


@dataclass(frozen=True)
class ArendeRad:
    """One row as it will be imported, the reasons it cannot be, and what it changes."""

    row: int
    dnr: str
    rubrik: str
    handlaggare: str = ""
    forslag_till_beslut: str = ""
    beslutsunderlag: tuple[str, ...] = ()
    sekretess: bool = False
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    arende_id: int | None = None  # the ärende this row updates; None: a new one
    andringar: tuple[str, ...] = ()  # for an update: what changes, in words

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def is_update(self) -> bool:
        return self.arende_id is not None

    @property
    def status(self) -> str:
        if self.errors:
            return "Fel"
        if not self.is_update:
            return "Ny"
        return "Ändras" if self.andringar else "Oförändrad"


@dataclass(frozen=True)
class ArendePreview:
    path: Path
    rows: tuple[ArendeRad, ...]
    header: tuple[str, ...]  # every header of the file, in order
    kolumner: Mapping[str, str]  # field -> the header it is read from ('' = not imported)
    ignored_columns: tuple[str, ...]
    problems: tuple[str, ...] = ()  # about the file as a whole (a required column missing)

    @property
    def error_rows(self) -> tuple[ArendeRad, ...]:
        return tuple(r for r in self.rows if r.errors)

    @property
    def has_errors(self) -> bool:
        return bool(self.problems) or bool(self.error_rows)

    @property
    def new_count(self) -> int:
        return sum(1 for r in self.rows if r.ok and not r.is_update)

    @property
    def changed_count(self) -> int:
        return sum(1 for r in self.rows if r.ok and r.is_update and r.andringar)

    @property
    def unchanged_count(self) -> int:
        return sum(1 for r in self.rows if r.ok and r.is_update and not r.andringar)

    @property
    def summary(self) -> str:
        if self.problems:
            return " ".join(self.problems)
        antal = rader(len(self.rows))
        bad = len(self.error_rows)
        if bad:
            return fel_i_filen(antal, bad)
        parts = []
        if self.new_count:
            parts.append(f"{self.new_count} nya")
        if self.changed_count:
            parts.append(f"{self.changed_count} ändras")
        if self.unchanged_count:
            parts.append(f"{self.unchanged_count} oförändrade")
        warned = sum(1 for r in self.rows if r.warnings)
        said = f" {warned} med varning." if warned else ""
        return f"{antal}: {', '.join(parts)}.{said} Inga fel – klicka på Importera."


@dataclass(frozen=True)
class ArendeImportResultat:
    new: int
    updated: int
    andringar: tuple[str, ...] = field(default_factory=tuple)  # "Rad 5 (KS 2026/0012): …"

    @property
    def text(self) -> str:
        head = f"{self.new} nya ärenden, {self.updated} uppdaterade."
        return "\n".join([head, *self.andringar])


# --- the remembered mapping ----------------------------------------------------------------


def _setting_key(organ_id: int) -> str:
    return _SETTING.format(organ_id=organ_id)


def _read_kolumner(session: Session, organ_id: int) -> dict[str, str]:
    row = session.get(Setting, _setting_key(organ_id))
    if row is None or not row.value.strip():
        return {}
    try:
        value = json.loads(row.value)
    except ValueError:
        log.warning("Ogiltigt sparat kolumnval för organ %s", organ_id)
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v) for k, v in value.items() if k in FALT}


def sparade_kolumner(store: Store, organ_id: int) -> dict[str, str]:
    """The organ's remembered mapping: field -> header text ('' = deliberately not read)."""
    with store.read() as s:
        return _read_kolumner(s, organ_id)


def _save_kolumner(session: Session, organ_id: int, kolumner: Mapping[str, str]) -> None:
    value = json.dumps({k: v for k, v in kolumner.items() if k in FALT}, ensure_ascii=False)
    session.merge(Setting(key=_setting_key(organ_id), value=value))


# --- reading -------------------------------------------------------------------------------


def _sekretess(value: Cell) -> bool:
    """An empty cell, 'nej' or '0' is open; anything else ('ja', 'x', 'OSL 26 kap. 1 §')
    marks the ärende as under sekretess."""
    if isinstance(value, bool):
        return value
    return fold(cell_text(value)) not in _NEJ


def _underlag(value: Cell) -> tuple[str, ...]:
    lines: list[str] = []
    for line in cell_lines(value):
        lines += [p.strip(" •-") for p in line.split(" | ") if p.strip(" •-")]
    return tuple(lines)


@dataclass(frozen=True)
class _Parsed:
    row: int
    values: dict[str, str]
    underlag: tuple[str, ...]
    sekretess: bool
    errors: tuple[str, ...]


def _parse(
    table: Tabell,
    mapping: Mapping[str, int],
    names: Mapping[str, str],
) -> list[_Parsed]:
    out: list[_Parsed] = []
    for number, cells in table.rows:

        def cell(key: str, cells: Sequence[Cell] = cells) -> Cell:
            i = mapping.get(key)
            return cells[i] if i is not None and i < len(cells) else None

        values = {key: cell_text(cell(key)) for key in names}
        out.append(
            _Parsed(
                number,
                values,
                _underlag(cell(UNDERLAG)),
                _sekretess(cell(SEKRETESS)),
                tuple(formula_errors(number, cells, mapping, names)),
            )
        )
    return out


def _kolumner_used(
    header: Sequence[str], mapping: Mapping[str, int], fields: Mapping[str, str]
) -> dict[str, str]:
    return {key: (header[mapping[key]].strip() if key in mapping else "") for key in fields}


def _read(
    path: str | Path,
    kolumner: Mapping[str, str] | None,
    aliases: Mapping[str, Sequence[str]],
    fields: Mapping[str, str],
    vad: str,
) -> tuple[Tabell, dict[str, int], dict[str, str], list[str]]:
    table = read_table(path, vad)
    mapping, _, ignored = map_header(table.header, aliases, kolumner)
    return table, mapping, _kolumner_used(table.header, mapping, fields), ignored


# --- checking against the meeting ----------------------------------------------------------


def _andringar(arende: Arende, p: _Parsed, sekretess: bool, present: frozenset[str]) -> list[str]:
    said: list[str] = []
    v = p.values
    if RUBRIK in present and v[RUBRIK] != arende.rubrik:
        said.append(f"rubrik ”{arende.rubrik}” → ”{v[RUBRIK]}”")
    if DNR in present and v[DNR] and v[DNR] != arende.dnr:
        said.append(f"diarienummer ”{arende.dnr}” → ”{v[DNR]}”")
    if HANDLAGGARE in present and v[HANDLAGGARE] != arende.handlaggare:
        said.append(f"handläggare ”{arende.handlaggare}” → ”{v[HANDLAGGARE]}”")
    if FORSLAG in present and v[FORSLAG] != arende.forslag_till_beslut:
        said.append("förslag till beslut ändrat")
    if UNDERLAG in present and list(p.underlag) != list(arende.beslutsunderlag or []):
        said.append("beslutsunderlag ändrat")
    if SEKRETESS in present and p.sekretess != sekretess:
        said.append("sekretess " + ("på" if p.sekretess else "av"))
    return said


def _check(
    parsed: Sequence[_Parsed],
    meeting: Meeting,
    sekretess: Mapping[int, bool],
    present: frozenset[str],
) -> tuple[ArendeRad, ...]:
    pattern = meeting.organ.dnr_pattern
    by_dnr: dict[str, Arende] = {}
    by_rubrik: dict[str, Arende] = {}
    for a in meeting.arenden:
        if a.dnr.strip():
            by_dnr.setdefault(fold(a.dnr), a)
        else:
            by_rubrik.setdefault(fold(a.rubrik), a)
    first_row: dict[str, int] = {}
    rows: list[ArendeRad] = []
    for p in parsed:
        errors = list(p.errors)
        warnings: list[str] = []
        dnr, rubrik = p.values[DNR], p.values[RUBRIK]
        if not rubrik:
            errors.append("Rubrik saknas.")
        elif len(rubrik) > 500:
            errors.append("Rubriken är längre än 500 tecken.")
        if dnr:
            seen = first_row.setdefault(fold(dnr), p.row)
            if seen != p.row:
                errors.append(f"Diarienumret ”{dnr}” finns redan på rad {seen}.")
            warning = dnr_warning(dnr, pattern)
            if warning:
                warnings.append(warning)
        target = by_dnr.get(fold(dnr)) if dnr else by_rubrik.get(fold(rubrik))
        andringar: list[str] = []
        if target is not None and not errors:
            andringar = _andringar(target, p, sekretess.get(target.id, False), present)
        rows.append(
            ArendeRad(
                row=p.row,
                dnr=dnr,
                rubrik=rubrik,
                handlaggare=p.values[HANDLAGGARE],
                forslag_till_beslut=p.values[FORSLAG],
                beslutsunderlag=p.underlag,
                sekretess=p.sekretess,
                errors=tuple(errors),
                warnings=tuple(warnings),
                arende_id=target.id if target is not None else None,
                andringar=tuple(andringar),
            )
        )
    return tuple(rows)


def _sekretess_of(session: Session, meeting: Meeting) -> dict[int, bool]:
    ids = [a.id for a in meeting.arenden]
    if not ids:
        return {}
    return {
        row.arende_id: row.sekretess
        for row in session.query(ParagrafBeslut).filter(ParagrafBeslut.arende_id.in_(ids))
    }


def _preview(
    session: Session,
    meeting: Meeting,
    path: str | Path,
    kolumner: Mapping[str, str] | None,
) -> tuple[ArendePreview, list[_Parsed], frozenset[str]]:
    chosen = _read_kolumner(session, meeting.organ_id) if kolumner is None else dict(kolumner)
    table, mapping, used, ignored = _read(path, chosen, _ALIASES, FALT, "ärendelista")
    problems: list[str] = []
    if RUBRIK not in mapping:
        found = ", ".join(h for h in table.header if h) or "inga"
        problems.append(
            f"Välj vilken kolumn som är Rubrik (rad {table.header_row} har: {found}); "
            "inget kan importeras utan rubrik."
        )
    if not table.rows:
        problems.append(f"Filen {table.path.name} har rubriker men inga rader med ärenden.")
    parsed = _parse(table, mapping, FALT) if not problems else []
    present = frozenset(mapping)
    rows = _check(parsed, meeting, _sekretess_of(session, meeting), present)
    preview = ArendePreview(
        path=table.path,
        rows=rows,
        header=table.header,
        kolumner=used,
        ignored_columns=tuple(ignored),
        problems=tuple(problems),
    )
    return preview, parsed, present


def preview_arenden(
    store: Store,
    meeting_id: int,
    path: str | Path,
    kolumner: Mapping[str, str] | None = None,
) -> ArendePreview:
    """Every row of the file checked against the meeting's föredragningslista. `kolumner`
    None reads with the organ's remembered mapping (or the usual names)."""
    with store.read() as s:
        meeting = get_meeting_row(s, meeting_id)
        las.kontrollera(meeting, Del.DAGORDNING)
        return _preview(s, meeting, path, kolumner)[0]


def apply_arenden(store: Store, meeting_id: int, preview: ArendePreview) -> ArendeImportResultat:
    """Import every row in one unit of work, all or none; the mapping is remembered for the
    organ. The file is read again and checked against the list as it is now, so a change
    made in between is not overwritten unseen."""
    if preview.has_errors:
        bad = len(preview.error_rows)
        raise ServiceError(
            f"{bad} av {len(preview.rows)} rader har fel. Rätta filen och läs in den igen; "
            "inget har importerats."
            if bad
            else preview.summary + " Inget har importerats."
        )
    try:
        with store.session() as s:
            meeting = las.oppna(s, meeting_id, Del.DAGORDNING)
            again, _, _ = _preview(s, meeting, preview.path, preview.kolumner)
            if again.has_errors or [_key(r) for r in again.rows] != [_key(r) for r in preview.rows]:
                raise ServiceError(
                    "Filen eller föredragningslistan har ändrats sedan filen lästes in. Läs in "
                    "filen igen; inget har importerats."
                )
            present = frozenset(k for k, v in preview.kolumner.items() if v)
            said: list[str] = []
            new = updated = 0
            for row in again.rows:
                if row.arende_id is None:
                    arende = Arende(position=len(meeting.arenden), rubrik=row.rubrik)
                    meeting.arenden.append(arende)
                    _fill(arende, row, present, new=True)
                    new += 1
                    s.flush()
                else:
                    arende = get_arende_row(s, row.arende_id)
                    if not row.andringar:
                        continue
                    _fill(arende, row, present, new=False)
                    updated += 1
                    label = row.dnr or row.rubrik
                    said.append(f"Rad {row.row} ({label}): {', '.join(row.andringar)}.")
                if SEKRETESS in present:
                    _set_sekretess(s, arende, row.sekretess)
            for position, arende in enumerate(meeting.arenden):
                arende.position = position
            _save_kolumner(s, meeting.organ_id, preview.kolumner)
            return ArendeImportResultat(new, updated, tuple(said))
    except SQLAlchemyError as exc:
        log.exception("Importen avbröts")
        raise ServiceError(
            f"Importen avbröts av ett databasfel och inget har sparats: {exc.__class__.__name__}."
        ) from exc


def _key(row: ArendeRad) -> tuple[object, ...]:
    return (row.row, row.dnr, row.rubrik, row.arende_id, row.andringar)


def _fill(arende: Arende, row: ArendeRad, present: frozenset[str], *, new: bool) -> None:
    arende.rubrik = row.rubrik
    if DNR in present and (row.dnr or new):
        arende.dnr = row.dnr
    if HANDLAGGARE in present or new:
        arende.handlaggare = row.handlaggare
    if FORSLAG in present or new:
        arende.forslag_till_beslut = row.forslag_till_beslut
    if UNDERLAG in present or new:
        arende.beslutsunderlag = list(row.beslutsunderlag)
    if new:
        arende.sammanfattning = ""
        arende.expedieras_till = []
        arende.delegationsbeslut = []


def _set_sekretess(session: Session, arende: Arende, sekretess: bool) -> None:
    session.flush()
    row = session.get(ParagrafBeslut, arende.id)
    if row is None:
        if not sekretess:
            return
        row = ParagrafBeslut(arende_id=arende.id, resultat={}, redigerat={})
        session.add(row)
    row.sekretess = sekretess


# --- delegationsbeslut ---------------------------------------------------------------------


@dataclass(frozen=True)
class Delegationsrad:
    row: int
    dnr: str
    beslut: str
    datum: str  # ISO, or '' when the list gives none
    delegat: str
    errors: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class DelegationPreview:
    path: Path
    rows: tuple[Delegationsrad, ...]
    kolumner: Mapping[str, str]
    problems: tuple[str, ...] = ()

    @property
    def has_errors(self) -> bool:
        return bool(self.problems) or any(r.errors for r in self.rows)

    @property
    def summary(self) -> str:
        if self.problems:
            return " ".join(self.problems)
        bad = sum(1 for r in self.rows if r.errors)
        if bad:
            return fel_i_filen(f"{len(self.rows)} beslut", bad)
        return f"{len(self.rows)} delegationsbeslut. Inga fel – klicka på Importera."


def _datum(value: Cell, errors: list[str]) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = cell_text(value)
    if not text:
        return ""
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        errors.append(f"Ogiltigt datum ”{text}” (skriv ÅÅÅÅ-MM-DD).")
        return text


def preview_delegationsbeslut(
    path: str | Path, kolumner: Mapping[str, str] | None = None
) -> DelegationPreview:
    table, mapping, used, _ = _read(
        path, kolumner, _DELEGATION_ALIASES, DELEGATIONSFALT, "lista över delegationsbeslut"
    )
    if BESLUT not in mapping:
        found = ", ".join(h for h in table.header if h) or "inga"
        return DelegationPreview(
            table.path, (), used, (f"Kolumnen Beslut saknas (rad {table.header_row}: {found}).",)
        )
    rows: list[Delegationsrad] = []
    for number, cells in table.rows:

        def cell(key: str, cells: Sequence[Cell] = cells) -> Cell:
            i = mapping.get(key)
            return cells[i] if i is not None and i < len(cells) else None

        errors = formula_errors(number, cells, mapping, DELEGATIONSFALT)
        beslut = cell_text(cell(BESLUT))
        if not beslut:
            errors.append("Beslut saknas.")
        datum = _datum(cell(DATUM), errors)
        rows.append(
            Delegationsrad(
                number,
                cell_text(cell(DNR)),
                beslut,
                datum,
                cell_text(cell(DELEGAT)),
                tuple(errors),
            )
        )
    return DelegationPreview(table.path, tuple(rows), used)


def apply_delegationsbeslut(store: Store, arende_id: int, preview: DelegationPreview) -> int:
    """The § becomes an anmälan av delegationsbeslut listing exactly these; returns how
    many."""
    if preview.has_errors:
        raise ServiceError(preview.summary + " Inget har importerats.")
    with store.session() as s:
        arende = get_arende_row(s, arende_id)
        las.kontrollera_paragraf(s, las.las_mote(s, arende.meeting_id), arende.id)
        arende.delegationsbeslut = [
            {"dnr": r.dnr, "beslut": r.beslut, "datum": r.datum, "delegat": r.delegat}
            for r in preview.rows
        ]
        return len(preview.rows)
