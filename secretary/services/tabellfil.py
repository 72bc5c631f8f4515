"""Reading a list from an Excel workbook (.xlsx) or a CSV file: the one reader behind every
import (members, ärenden from the diarium, delegationsbeslut).

What it does for all of them: refuses files it cannot read with a Swedish message (the old
.xls, a damaged workbook, a binary file, one too large), reads CSV written by Excel in
Sweden (cp1252, semicolons) as well as UTF-8, skips empty rows, numbers rows as Excel does
(the header is row 1), maps headers to fields by their Swedish names or by a mapping the
user chose, and finds cells that look like spreadsheet formulas.

Formulas: a case system's export is text, so a cell that begins with "=" (or "+", "-", "@"
followed by a word, as in "=HYPERLINK(...)" or "@SUM(...)") is either a formula that was
never calculated or text meant to run when the list is opened again in a spreadsheet (CSV
injection). Neither is imported silently: the row gets an error that names the cell.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from secretary.services.errors import ServiceError

log = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 5000

Cell = str | int | float | bool | dt.datetime | dt.date | dt.time | None


def fel_i_filen(antal: str, bad: int) -> str:
    """The preview's summary when rows have errors: '40 rader, 3 med fel – …'."""
    return f"{antal}, {bad} med fel – rätta filen och läs in den igen."


def rader(n: int) -> str:
    return f"{n} rad" if n == 1 else f"{n} rader"


def fold(text: str) -> str:
    """Lower case without accents, dots or extra spaces: 'Fr.o.m.' -> 'from'."""
    text = unicodedata.normalize("NFKD", text.strip().lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace(".", "").replace("*", "").replace("_", " ").replace("-", " ")
    return " ".join(text.rstrip(":").split())


def cell_text(value: Cell) -> str:
    """A cell as one line of text, as the user reads it in the spreadsheet."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return " ".join(str(value).split())


def cell_lines(value: Cell) -> list[str]:
    """A cell's lines (a list of handlingar written one a line), each tidied."""
    if isinstance(value, str):
        return [" ".join(line.split()) for line in value.splitlines() if line.strip()]
    text = cell_text(value)
    return [text] if text else []


_FORMULA = re.compile(r"^\s*(=|@|[+\-][A-Za-zÅÄÖåäö(=])")


def looks_like_formula(value: Cell) -> bool:
    return isinstance(value, str) and bool(_FORMULA.match(value))


def column_letter(index: int) -> str:
    """0 -> 'A', 27 -> 'AB': how Excel names a column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def formula_errors(
    number: int, cells: Sequence[Cell], mapping: Mapping[str, int], names: Mapping[str, str]
) -> list[str]:
    """An error for each imported cell of row `number` that looks like a formula."""
    out: list[str] = []
    for key, i in mapping.items():
        if i < len(cells) and looks_like_formula(cells[i]):
            value = cell_text(cells[i])
            shown = value if len(value) <= 40 else value[:39] + "…"
            out.append(
                f"Cellen {column_letter(i)}{number} ({names.get(key, key)}) ser ut som en "
                f"formel: ”{shown}”. Skriv texten utan inledande {value.lstrip()[0]} eller "
                "spara listan med värden i stället för formler."
            )
    return out


# --- headers -------------------------------------------------------------------------------


def map_header(
    header: Sequence[str],
    aliases: Mapping[str, Sequence[str]],
    chosen: Mapping[str, str] | None = None,
) -> tuple[dict[str, int], list[str], list[str]]:
    """Column index per field, the recognised headers and the ignored ones.

    `chosen` (field -> header text, as the user picked it) wins over the aliases; a chosen
    header that is no longer in the file is left out, and the aliases try again."""
    by_alias = {fold(alias): key for key, names in aliases.items() for alias in names}
    mapping: dict[str, int] = {}
    folded = [fold(text) for text in header]
    taken: set[int] = set()
    for key, wanted in (chosen or {}).items():
        if not wanted:
            continue
        for i, text in enumerate(folded):
            if text and text == fold(wanted) and i not in taken:
                mapping[key] = i
                taken.add(i)
                break
    skip = {key for key, wanted in (chosen or {}).items() if wanted == ""}
    for i, text in enumerate(folded):
        if not text or i in taken:
            continue
        found = by_alias.get(text)
        if found is not None and found not in mapping and found not in skip:
            mapping[found] = i
            taken.add(i)
    recognised = [header[i].strip() for i in sorted(taken)]
    ignored = [h.strip() for i, h in enumerate(header) if h.strip() and i not in taken]
    return mapping, recognised, ignored


# --- reading a file ------------------------------------------------------------------------

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # the old binary Excel (.xls) and other Office 97 files


def _read_bytes(path: Path, vad: str) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ServiceError(f"Filen {path} finns inte.") from None
    except IsADirectoryError:
        raise ServiceError(f"{path} är en mapp, inte en fil.") from None
    except PermissionError:
        raise ServiceError(
            f"Filen {path.name} kan inte läsas. Är den öppen i Excel? Stäng den och försök igen."
        ) from None
    except OSError as exc:
        raise ServiceError(f"Filen {path.name} kan inte läsas: {exc.strerror}.") from None
    if not data.strip():
        raise ServiceError(f"Filen {path.name} är tom.")
    if len(data) > MAX_BYTES:
        raise ServiceError(f"Filen {path.name} är för stor för att vara en {vad}.")
    return data


def _xlsx_rows(path: Path, data: bytes) -> Iterator[tuple[int, Sequence[Cell]]]:
    from openpyxl import load_workbook

    not_excel = (
        f"Filen {path.name} kunde inte läsas som en Excel-arbetsbok (.xlsx); den kan vara "
        "skadad. Öppna den i Excel och spara den på nytt, eller spara den som CSV."
    )
    with warnings.catch_warnings():
        # openpyxl warns about styles and extensions it ignores; they do not matter here.
        warnings.simplefilter("ignore")
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # any parser failure on a foreign file is a bad file
            log.info("Kunde inte öppna %s som xlsx: %r", path, exc)
            raise ServiceError(not_excel) from None
        try:
            if not workbook.worksheets:
                raise ServiceError(f"Arbetsboken {path.name} har inga blad.")
            sheet = workbook.worksheets[0]
            yield from enumerate(sheet.iter_rows(values_only=True), start=1)
        except ServiceError:
            raise
        except Exception as exc:
            log.info("Kunde inte läsa %s som xlsx: %r", path, exc)
            raise ServiceError(not_excel) from None
        finally:
            workbook.close()


def decode(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM), else cp1252: what Excel in Sweden writes as "CSV"."""
    if b"\x00" in data[:4096]:
        raise ServiceError(
            f"Filen {path.name} är inte en textfil (CSV). Välj en .csv- eller .xlsx-fil."
        )
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ServiceError(
        f"Tecknen i {path.name} kan inte läsas. Spara filen som CSV (UTF-8) i Excel och försök "
        "igen."
    )


def _delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (";", "\t", ",")}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] and sorted(counts.values())[-2] < counts[best]:
        return best
    try:
        return csv.Sniffer().sniff(text[:8192], delimiters=";,\t").delimiter
    except csv.Error:
        return ";"


def _csv_rows(path: Path, data: bytes) -> Iterator[tuple[int, Sequence[Cell]]]:
    text = decode(path, data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        yield from enumerate(reader, start=1)
    except csv.Error as exc:
        raise ServiceError(
            f"Filen {path.name} är inte en giltig CSV-fil (rad {reader.line_num}: {exc})."
        ) from None


def _rows_of(path: Path, vad: str) -> Iterator[tuple[int, Sequence[Cell]]]:
    suffix = path.suffix.lower()
    if suffix in (".xls", ".ods", ".numbers"):
        raise ServiceError(
            f"Filer av typen {suffix} kan inte läsas. Spara listan som Excel-arbetsbok (.xlsx) "
            "eller CSV och försök igen."
        )
    if suffix not in (".xlsx", ".xlsm", ".csv", ".txt"):
        raise ServiceError(
            f"Filen {path.name} är varken en Excel-arbetsbok (.xlsx) eller en CSV-fil."
        )
    data = _read_bytes(path, vad)
    if data.startswith(_OLE):
        raise ServiceError(
            f"Filen {path.name} är i det gamla Excel-formatet (.xls). Spara den som "
            "Excel-arbetsbok (.xlsx) och försök igen."
        )
    if data.startswith(_ZIP) or suffix in (".xlsx", ".xlsm"):
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise ServiceError(
                f"Filen {path.name} är inte en Excel-arbetsbok (.xlsx), eller så är den skadad. "
                "Öppna den i Excel och spara den som .xlsx eller CSV."
            )
        return _xlsx_rows(path, data)
    return _csv_rows(path, data)


def _nonempty(rows: Iterable[tuple[int, Sequence[Cell]]]) -> Iterator[tuple[int, list[Cell]]]:
    for number, values in rows:
        cells = list(values)
        if any(cell_text(c) for c in cells):
            yield number, cells


@dataclass(frozen=True)
class Tabell:
    """A list as read: its header row and every non-empty row after it."""

    path: Path
    header_row: int
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Cell, ...]], ...]


def read_table(path: str | Path, vad: str = "lista", max_rows: int = MAX_ROWS) -> Tabell:
    """The first sheet of a workbook, or a CSV file: the header and the rows under it.
    `vad` names the list in messages ('medlemslista', 'ärendelista').

    Raises ServiceError, in Swedish, for a file that cannot be read as a list."""
    path = Path(path)
    rows = _nonempty(_rows_of(path, vad))
    first = next(rows, None)
    if first is None:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            raise ServiceError(
                f"Första bladet i {path.name} är tomt. Listan ska ligga på arbetsbokens första "
                "blad."
            )
        raise ServiceError(f"Filen {path.name} är tom.")
    number, header_cells = first
    body: list[tuple[int, tuple[Cell, ...]]] = []
    for row_number, cells in rows:
        if len(body) >= max_rows:
            raise ServiceError(f"Filen {path.name} har fler än {max_rows} rader; är det rätt fil?")
        body.append((row_number, tuple(cells)))
    return Tabell(path, number, tuple(cell_text(c) for c in header_cells), tuple(body))
