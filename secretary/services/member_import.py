"""Import of a member list (Excel .xlsx or CSV) into one organ, all or nothing.

Reading and importing are two steps, so the user sees every row and every problem before
anything is saved: `read_member_file()` (or `preview_import()`, which also checks the rows
against the organ's current register) gives an `ImportPreview`; `apply_import()` saves it in
one unit of work and refuses while any row is wrong.

A row that names someone already on the organ with the same name, party and roll updates
that membership; its empty cells keep what the register already holds.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from secretary.domain.register import Funktion, Roll, full_name
from secretary.services.errors import ServiceError
from secretary.services.register import (
    MemberInput,
    MemberRow,
    apply_member,
    find_person,
    get_organ_row,
    list_members,
    members_of,
    validate_member,
)
from secretary.services.tabellfil import (
    MAX_ROWS,
    Cell,
    fel_i_filen,
    formula_errors,
    map_header,
    rader,
    read_table,
)
from secretary.services.tabellfil import cell_text as _text
from secretary.services.tabellfil import fold as _fold
from secretary.store.database import Store
from secretary.store.models import Membership, Organ, Party

log = logging.getLogger(__name__)

HELP_TEXT = (
    "Första raden ska vara rubriker. Kolumner som förstås: Förnamn och Efternamn "
    "(eller Namn), Parti, Roll (Ledamot, Ersättare, Adjungerad, Övrig – även L och E), "
    "Funktion (Ordförande, 1:e vice ordförande, 2:e vice ordförande), Ordning (Nr), Titel, "
    "E-post, Personlig ersättare för, Från och Till (ÅÅÅÅ-MM-DD). "
    "Tomma celler ändrar inte det som redan finns i registret."
)

# --- what the user sees --------------------------------------------------------------------


@dataclass(frozen=True)
class ImportRow:
    """One row of the file as it will be imported, or the reasons it cannot be."""

    row: int  # as Excel numbers it: the header is row 1
    first_name: str
    last_name: str
    party: str
    roll_text: str
    funktion_text: str
    ordning_text: str
    title: str
    errors: tuple[str, ...] = ()
    member: MemberInput | None = None
    membership_id: int | None = None  # the membership this row updates; None: a new one
    ordning_assigned: bool = False  # no Ordning in the file: placed after the existing ones
    ersattare_for_row: int | None = None  # personlig ersättare for the ledamot on this row

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def is_update(self) -> bool:
        return self.membership_id is not None


@dataclass(frozen=True)
class ImportPreview:
    path: Path
    rows: tuple[ImportRow, ...]
    columns: tuple[str, ...]  # the recognised headers, as written in the file
    ignored_columns: tuple[str, ...]  # headers not understood (not imported)
    parsed: tuple[_ParsedRow, ...] = field(default=(), repr=False)
    present: frozenset[str] = field(default=frozenset(), repr=False)

    @property
    def error_rows(self) -> tuple[ImportRow, ...]:
        return tuple(r for r in self.rows if r.errors)

    @property
    def has_errors(self) -> bool:
        return bool(self.error_rows)

    @property
    def new_count(self) -> int:
        return sum(1 for r in self.rows if r.ok and not r.is_update)

    @property
    def update_count(self) -> int:
        return sum(1 for r in self.rows if r.ok and r.is_update)

    @property
    def summary(self) -> str:
        antal = rader(len(self.rows))
        bad = len(self.error_rows)
        if bad:
            return fel_i_filen(antal, bad)
        parts = []
        if self.new_count:
            parts.append(f"{self.new_count} nya")
        if self.update_count:
            parts.append(f"{self.update_count} uppdateras")
        return f"{antal}: {', '.join(parts)}. Inga fel – klicka på Importera."


@dataclass(frozen=True)
class ImportResult:
    new: int
    updated: int


# --- columns -------------------------------------------------------------------------------


FIRST, LAST, NAME, PARTY, ROLL, FUNKTION, ORDNING, TITLE, EMAIL, PE_FOR, FROM, TO = (
    "first_name",
    "last_name",
    "name",
    "party",
    "roll",
    "funktion",
    "ordning",
    "title",
    "email",
    "personlig_ersattare_for",
    "period_from",
    "period_to",
)

_ALIASES: dict[str, tuple[str, ...]] = {
    FIRST: ("fornamn", "tilltalsnamn", "first name", "firstname"),
    LAST: ("efternamn", "last name", "lastname", "surname"),
    NAME: ("namn", "fullstandigt namn", "name", "ledamot", "person"),
    PARTY: ("parti", "partibeteckning", "partiforkortning", "party"),
    ROLL: ("roll", "typ", "role", "ledamot/ersattare", "ledamot eller ersattare"),
    FUNKTION: ("funktion", "uppdrag", "presidium", "presidiepost"),
    ORDNING: (
        "ordning",
        "nr",
        "nummer",
        "plats",
        "placering",
        "ordningsnummer",
        "ersattarordning",
        "inkallelseordning",
        "stol",
    ),
    TITLE: ("titel", "befattning", "yrkestitel", "title"),
    EMAIL: ("e post", "epost", "e postadress", "epostadress", "mail", "email", "e mail"),
    PE_FOR: (
        "personlig ersattare for",
        "personlig ersattare till",
        "personlig ersattare",
        "ersattare for",
    ),
    FROM: ("fran", "fran och med", "from", "fr o m", "period fran", "mandatperiod fran", "start"),
    TO: ("till", "till och med", "tom", "t o m", "period till", "mandatperiod till", "slut"),
}
_BY_ALIAS = {alias: key for key, aliases in _ALIASES.items() for alias in aliases}
_COLUMN_NAMES = {
    TITLE: "Titel",
    EMAIL: "E-post",
    PE_FOR: "Personlig ersättare för",
    FIRST: "Förnamn",
    LAST: "Efternamn",
    NAME: "Namn",
    PARTY: "Parti",
    ROLL: "Roll",
    FUNKTION: "Funktion",
    ORDNING: "Ordning",
    FROM: "Från",
    TO: "Till",
}


def _map_header(header: Sequence[str]) -> tuple[dict[str, int], list[str], list[str]]:
    """Column index per field, the recognised headers and the ignored ones."""
    return map_header(header, _ALIASES)


def _missing_columns(mapping: dict[str, int]) -> list[str]:
    missing: list[str] = []
    if NAME not in mapping:
        if FIRST not in mapping and LAST not in mapping:
            missing.append("Förnamn och Efternamn (eller Namn)")
        elif FIRST not in mapping:
            missing.append("Förnamn")
        elif LAST not in mapping:
            missing.append("Efternamn")
    if ROLL not in mapping and FUNKTION not in mapping:
        missing.append("Roll")
    return missing


# --- cells ---------------------------------------------------------------------------------

_ROLL_WORDS: dict[str, Roll] = {
    **dict.fromkeys(
        ("ledamot", "ledamoter", "l", "led", "ordinarie", "ordinarie ledamot"), Roll.LEDAMOT
    ),
    **dict.fromkeys(("ersattare", "e", "ers", "suppleant"), Roll.ERSATTARE),
    **dict.fromkeys(("adjungerad", "adjungerade", "adj"), Roll.ADJUNGERAD),
    **dict.fromkeys(
        ("ovrig", "ovriga", "ovrig narvarande", "ovriga narvarande", "tjansteperson"), Roll.OVRIG
    ),
}


def _parse_funktion(text: str) -> Funktion | None:
    """The presidium post, INGEN for an empty cell, None when the text is not one."""
    folded = _fold(text).replace(":", "")
    if folded in ("", "ingen"):
        return Funktion.INGEN
    if "vice" in folded.split() or folded.startswith("vice"):
        words = folded.split()
        ordinal = words[0] if words[0] != "vice" else ""
        if ordinal in ("", "1", "1e", "1a", "forste", "forsta", "i"):
            return Funktion.FORSTE_VICE
        if ordinal in ("2", "2e", "2a", "andre", "andra", "ii"):
            return Funktion.ANDRE_VICE
        return None
    if folded in ("ordf", "ordforande", "ordforanden"):
        return Funktion.ORDFORANDE
    return None


_ROLL_HELP = "skriv Ledamot, Ersättare, Adjungerad eller Övrig"
_FUNKTION_HELP = "skriv Ordförande, 1:e vice ordförande eller 2:e vice ordförande"


def _parse_roll_funktion(
    roll_text: str, funktion_text: str, errors: list[str]
) -> tuple[Roll | None, Funktion]:
    """Roll and Funktion, tolerant of either written in the other's column ('Ordförande' as
    Roll is a ledamot who chairs; 'Ledamot' under Uppdrag is a roll)."""
    roll: Roll | None = None
    funktion = Funktion.INGEN
    if roll_text:
        roll = _ROLL_WORDS.get(_fold(roll_text))
        if roll is None:
            as_funktion = _parse_funktion(roll_text)
            if as_funktion:
                roll, funktion = Roll.LEDAMOT, as_funktion
            else:
                errors.append(f"Okänd roll ”{roll_text}” ({_ROLL_HELP}).")
    if funktion_text:
        as_roll = _ROLL_WORDS.get(_fold(funktion_text))
        parsed = _parse_funktion(funktion_text)
        if as_roll is not None:
            if roll is None and not roll_text:
                roll = as_roll
        elif parsed is None:
            errors.append(f"Okänd funktion ”{funktion_text}” ({_FUNKTION_HELP}).")
        else:
            funktion = parsed
            if roll is None and not roll_text:
                roll = Roll.LEDAMOT
    if roll is None and not roll_text:
        errors.append(f"Roll saknas ({_ROLL_HELP}).")
    return roll, funktion


_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")


def _parse_date(value: Cell, column: str, errors: list[str]) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    match = _DATE_RE.match(text)
    if match:
        try:
            return dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            pass
    errors.append(f"Ogiltigt datum i {column}: ”{text}” (skriv ÅÅÅÅ-MM-DD).")
    return None


def _parse_ordning(value: Cell, errors: list[str]) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        value = _text(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = _text(value).rstrip(".")
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    errors.append(f"Ordning måste vara ett heltal, inte ”{_text(value)}”.")
    return None


_PARTY_SUFFIX = re.compile(r"^(.*?)\s*\(([^()]+)\)$")


def _split_party(text: str) -> tuple[str, str]:
    """'Anna Berg (S)' -> ('Anna Berg', 'S')."""
    match = _PARTY_SUFFIX.match(text)
    return (match.group(1).strip(), match.group(2).strip()) if match else (text, "")


def _split_name(text: str) -> tuple[str, str]:
    """'Anna Maria Berg' -> ('Anna Maria', 'Berg'); 'Berg, Anna' -> ('Anna', 'Berg')."""
    if "," in text:
        last, _, first = text.partition(",")
        return first.strip(), last.strip()
    first, _, last = text.rpartition(" ")
    return (first.strip(), last.strip()) if first else ("", text.strip())


# --- reading a row -------------------------------------------------------------------------


@dataclass(frozen=True)
class _ParsedRow:
    """What one row says on its own, before it is compared with the organ's register."""

    row: int
    first_name: str
    last_name: str
    party: str
    roll: Roll | None
    funktion: Funktion
    ordning: int | None
    title: str
    email: str
    ersattare_for: str  # a ledamot's name as written, maybe with '(S)'
    period_from: dt.date | None
    period_to: dt.date | None
    roll_text: str
    funktion_text: str
    ordning_text: str
    errors: tuple[str, ...]

    @property
    def person_key(self) -> tuple[str, str, str]:
        return (_fold(self.first_name), _fold(self.last_name), _fold(self.party))


def _parse_row(number: int, cells: Sequence[Cell], mapping: dict[str, int]) -> _ParsedRow:
    def cell(key: str) -> Cell:
        i = mapping.get(key)
        return cells[i] if i is not None and i < len(cells) else None

    def text(key: str) -> str:
        return _text(cell(key))

    errors = formula_errors(number, cells, mapping, _COLUMN_NAMES)
    party = text(PARTY)
    if FIRST in mapping and LAST in mapping:
        first, last = text(FIRST), text(LAST)
    else:
        name, suffix = _split_party(text(NAME))
        first, last = _split_name(name)
        party = party or suffix
    roll_text, funktion_text = text(ROLL), text(FUNKTION)
    roll, funktion = _parse_roll_funktion(roll_text, funktion_text, errors)
    ordning = _parse_ordning(cell(ORDNING), errors)
    period_from = _parse_date(cell(FROM), "Från", errors)
    period_to = _parse_date(cell(TO), "Till", errors)
    return _ParsedRow(
        row=number,
        first_name=first,
        last_name=last,
        party=party,
        roll=roll,
        funktion=funktion,
        ordning=ordning,
        title=text(TITLE),
        email=text(EMAIL),
        ersattare_for=text(PE_FOR),
        period_from=period_from,
        period_to=period_to,
        roll_text=roll_text,
        funktion_text=funktion_text,
        ordning_text=text(ORDNING),
        errors=tuple(errors),
    )


# --- comparing with the register -----------------------------------------------------------


def _group(roll: Roll, party: str) -> tuple[Roll, str]:
    """Ledamöter share one seat order; ersättare are ordered per party."""
    return (roll, _fold(party) if roll is Roll.ERSATTARE else "")


def _check(
    parsed: Sequence[_ParsedRow], existing: Sequence[MemberRow], present: frozenset[str]
) -> tuple[ImportRow, ...]:
    """Every row as it would be imported onto an organ holding `existing`, with every reason
    a row cannot be. The same check runs again inside the import's unit of work."""
    errors: dict[int, list[str]] = {p.row: list(p.errors) for p in parsed}

    if PARTY not in present and any(p.roll in (Roll.LEDAMOT, Roll.ERSATTARE) for p in parsed):
        for p in parsed:
            if p.roll in (Roll.LEDAMOT, Roll.ERSATTARE) and not p.party:
                errors[p.row].append("Kolumnen Parti saknas i filen.")

    # Who is who: the same person twice in the file; the same person already on the organ.
    first_row: dict[tuple[str, str, str], int] = {}
    on_organ: dict[tuple[str, str, str], list[MemberRow]] = {}
    for m in existing:
        on_organ.setdefault((_fold(m.first_name), _fold(m.last_name), _fold(m.party)), []).append(m)
    matched: dict[int, MemberRow] = {}
    for p in parsed:
        key = p.person_key
        if not (p.first_name or p.last_name):
            continue
        if key in first_row:
            errors[p.row].append(f"Samma person finns redan på rad {first_row[key]}.")
            continue
        first_row[key] = p.row
        there = on_organ.get(key, [])
        same = [m for m in there if m.roll is p.roll]
        if same:
            matched[p.row] = same[0]
        elif there and p.roll is not None:
            m = there[0]
            errors[p.row].append(
                f"{m.label} är redan {m.roll.label.lower()} i organet. Ändra rollen i "
                "registret först, eller rätta filen."
            )
    matched_ids = {m.membership_id for m in matched.values()}
    untouched = [m for m in existing if m.membership_id not in matched_ids]

    # Final values: the file's where it says something, the register's where it is silent.
    def final_funktion(p: _ParsedRow) -> Funktion:
        old = matched.get(p.row)
        return old.funktion if old is not None and FUNKTION not in present else p.funktion

    # Presidium: one holder of each post, in the file and on the organ.
    holder_row: dict[Funktion, int] = {}
    for p in parsed:
        f = final_funktion(p)
        if f is Funktion.INGEN:
            continue
        if f in holder_row:
            errors[p.row].append(f"{f.label.capitalize()} finns redan på rad {holder_row[f]}.")
            continue
        holder_row[f] = p.row
        for m in untouched:
            if m.funktion is f:
                errors[p.row].append(
                    f"{m.label} är redan {f.label} i organet. Ta bort funktionen i registret "
                    "först, eller rätta filen."
                )

    # Order: explicit numbers must not collide within the file; missing ones go last.
    final_ordning: dict[int, int | None] = {}
    used: dict[tuple[tuple[Roll, str], int], int] = {}
    highest: dict[tuple[Roll, str], int] = {}
    for m in untouched:
        g = _group(m.roll, m.party)
        highest[g] = max(highest.get(g, 0), m.ordning)
    for p in parsed:
        old = matched.get(p.row)
        ordning = p.ordning if p.ordning is not None else (old.ordning if old else None)
        final_ordning[p.row] = ordning
        if p.roll is None or ordning is None:
            continue
        g = _group(p.roll, p.party)
        highest[g] = max(highest.get(g, 0), ordning)
        if p.ordning is not None:
            if (g, ordning) in used:
                errors[p.row].append(
                    f"Ordning {ordning} används redan på rad {used[(g, ordning)]}."
                )
            else:
                used[(g, ordning)] = p.row
    assigned: set[int] = set()
    for p in parsed:
        if final_ordning[p.row] is None and p.roll is not None:
            g = _group(p.roll, p.party)
            highest[g] = highest.get(g, 0) + 1
            final_ordning[p.row] = highest[g]
            assigned.add(p.row)

    # Personlig ersättare: a ledamot in the file, or one already on the organ.
    target_row: dict[int, int] = {}
    target_id: dict[int, int] = {}
    for p in parsed:
        old = matched.get(p.row)
        if PE_FOR not in present:
            if old is not None and old.personlig_ersattare_for_id is not None:
                target_id[p.row] = old.personlig_ersattare_for_id
            continue
        if not p.ersattare_for:
            continue
        name, party = _split_party(p.ersattare_for)
        wanted = _fold(name)
        in_file = [
            q.row
            for q in parsed
            if q.roll is Roll.LEDAMOT
            and _fold(full_name(q.first_name, q.last_name)) == wanted
            and (not party or _fold(q.party) == _fold(party))
        ]
        on_list = [
            u.membership_id
            for u in untouched
            if u.roll is Roll.LEDAMOT
            and _fold(u.name) == wanted
            and (not party or _fold(u.party) == _fold(party))
        ]
        if len(in_file) + len(on_list) == 0:
            errors[p.row].append(
                f"Personlig ersättare för ”{p.ersattare_for}”: ingen ledamot med det namnet "
                "i filen eller i organet."
            )
        elif len(in_file) + len(on_list) > 1:
            errors[p.row].append(
                f"Personlig ersättare för ”{p.ersattare_for}”: flera ledamöter heter så; "
                "skriv partiet inom parentes, t.ex. ”Anna Berg (S)”."
            )
        elif in_file:
            target_row[p.row] = in_file[0]
        else:
            target_id[p.row] = on_list[0]

    rows: list[ImportRow] = []
    for p in parsed:
        old = matched.get(p.row)
        member: MemberInput | None = None
        if p.roll is not None:
            # Matched regardless of case: the register's spelling of the name stays.
            member = MemberInput(
                first_name=old.first_name if old else p.first_name,
                last_name=old.last_name if old else p.last_name,
                roll=p.roll,
                party=old.party if old else p.party,
                funktion=final_funktion(p),
                ordning=final_ordning[p.row] or 0,
                title=p.title or (old.title if old else ""),
                email=p.email or (old.email if old else ""),
                personlig_ersattare_for_id=target_id.get(p.row),
                period_from=p.period_from or (old.period_from if old else None),
                period_to=p.period_to or (old.period_to if old else None),
            )
            has_target = p.row in target_row or p.row in target_id
            checked = replace(member, personlig_ersattare_for_id=0 if has_target else None)
            if PARTY not in present:  # already said once: the column is missing
                checked = replace(checked, party=checked.party or "?")
            for problem in validate_member(checked):
                if problem not in errors[p.row]:
                    errors[p.row].append(problem)
        problems = tuple(errors[p.row])
        rows.append(
            ImportRow(
                row=p.row,
                first_name=p.first_name,
                last_name=p.last_name,
                party=p.party,
                roll_text=p.roll.label if p.roll and not problems else p.roll_text,
                funktion_text=(
                    member.funktion.label.capitalize()
                    if member is not None and not problems
                    else p.funktion_text
                ),
                ordning_text=(
                    str(member.ordning) if member is not None and not problems else p.ordning_text
                ),
                title=member.title if member is not None else p.title,
                errors=problems,
                member=member if not problems else None,
                membership_id=old.membership_id if old is not None else None,
                ordning_assigned=p.row in assigned and not problems,
                ersattare_for_row=target_row.get(p.row),
            )
        )
    return tuple(rows)


# --- reading a file ------------------------------------------------------------------------


def read_member_file(path: str | Path, existing: Sequence[MemberRow] = ()) -> ImportPreview:
    """Every row of a member list, checked; `existing` is the organ's register, so that rows
    can update members already there and new ones are placed after them.

    Raises ServiceError, in Swedish, for a file that is not a readable member list."""
    path = Path(path)
    table = read_table(path, "medlemslista", MAX_ROWS)
    header_number, header_cells = table.header_row, table.header
    mapping, recognised, ignored = _map_header(header_cells)
    missing = _missing_columns(mapping)
    if missing:
        found = ", ".join(_text(c) for c in header_cells if _text(c)) or "inga"
        plural = "Kolumnerna" if len(missing) > 1 else "Kolumnen"
        raise ServiceError(
            f"{plural} {' och '.join(missing)} saknas. Första raden ska vara rubriker; "
            f"rad {header_number} har: {found}."
        )
    parsed = [_parse_row(number, cells, mapping) for number, cells in table.rows]
    if not parsed:
        raise ServiceError(f"Filen {path.name} har rubriker men inga rader med medlemmar.")
    present = frozenset(mapping)
    return ImportPreview(
        path=path,
        rows=_check(parsed, existing, present),
        columns=tuple(recognised),
        ignored_columns=tuple(ignored),
        parsed=tuple(parsed),
        present=present,
    )


def preview_import(store: Store, organ_id: int, path: str | Path) -> ImportPreview:
    """The file's rows checked against the organ's current register."""
    return read_member_file(path, list_members(store, organ_id))


# --- importing -----------------------------------------------------------------------------


def _person_email(session: Session, data: MemberInput) -> str:
    """A new membership for someone already in the register keeps their e-mail address when
    the file has none."""
    party = session.scalar(select(Party).where(Party.short == data.party.strip()))
    person = find_person(session, data.first_name, data.last_name, party)
    return person.email if person is not None else ""


def apply_import(store: Store, organ_id: int, preview: ImportPreview) -> ImportResult:
    """Import every row in one unit of work: all rows are saved, or none."""
    if preview.has_errors:
        bad = len(preview.error_rows)
        raise ServiceError(
            f"{bad} av {len(preview.rows)} rader har fel. Rätta filen och läs in den igen; "
            "inget har importerats."
        )
    try:
        with store.session() as s:
            organ = get_organ_row(s, organ_id)
            rows = _check(preview.parsed, members_of(s, organ_id), preview.present)
            stale = [r for r in rows if r.errors]
            if stale:
                first = stale[0]
                raise ServiceError(
                    f"Registret för {organ.name} har ändrats sedan filen lästes in (rad "
                    f"{first.row}: {' '.join(first.errors)}). Läs in filen igen; inget har "
                    "importerats."
                )
            saved: dict[int, Membership] = {}
            # Presidium posts and personliga ersättare are set once everyone is in place, so
            # that a chair handed over within the file, or a ledamot further down, is found.
            rows = _party_spelling(s, rows)
            for row in rows:
                assert row.member is not None
                data = replace(row.member, funktion=Funktion.INGEN, personlig_ersattare_for_id=None)
                existing = s.get(Membership, row.membership_id) if row.membership_id else None
                if existing is None and not data.email:
                    data = replace(data, email=_person_email(s, data))
                saved[row.row] = _apply(s, organ, data, existing, row.row)
            for row in rows:
                assert row.member is not None
                target = (
                    saved[row.ersattare_for_row].id
                    if row.ersattare_for_row is not None
                    else row.member.personlig_ersattare_for_id
                )
                if row.member.funktion is Funktion.INGEN and target is None:
                    continue
                data = replace(
                    row.member,
                    personlig_ersattare_for_id=target,
                    email=saved[row.row].person.email,
                )
                _apply(s, organ, data, saved[row.row], row.row)
            new = sum(1 for r in rows if not r.is_update)
            return ImportResult(new=new, updated=len(rows) - new)
    except SQLAlchemyError as exc:
        log.exception("Importen avbröts")
        raise ServiceError(
            f"Importen avbröts av ett databasfel och inget har sparats: {exc.__class__.__name__}."
        ) from exc


def _party_spelling(session: Session, rows: Sequence[ImportRow]) -> tuple[ImportRow, ...]:
    """'s' in the file is the party S already in the register, not a new party."""
    spelling = {p.short.lower(): p.short for p in session.scalars(select(Party))}
    result: list[ImportRow] = []
    for row in rows:
        assert row.member is not None
        party = spelling.setdefault(row.member.party.strip().lower(), row.member.party.strip())
        result.append(replace(row, member=replace(row.member, party=party)))
    return tuple(result)


def _apply(
    session: Session, organ: Organ, data: MemberInput, membership: Membership | None, row: int
) -> Membership:
    try:
        return apply_member(session, organ, data, membership)
    except ServiceError as exc:
        raise ServiceError(f"Rad {row}: {exc} Inget har importerats.") from exc
