"""The transfer document's name, version and limits, and its bytes: JSON in UTF-8.

The format is described for other programmers in docs/overforingsformat.md. Reading is
defensive: the file may come from anywhere, so its size is capped before it is parsed, a
key given twice or a NaN is refused rather than silently resolved, and every refusal is a
Swedish sentence (FormatError, a ServiceError).
"""

from __future__ import annotations

import json
from typing import Any

from secretary.services.errors import ServiceError
from secretary.store.langder import MAX_FRITEXT

FORMAT = "secretary-sammantrade"
# 2: sammantrade.ajourneringar (a version 1 file has none, and is read as such)
# 3: never released (a number a branch held; nothing reads it differently from 2)
# 4: arenden[].val, a val § (older files have none, and are read as such)
# 5: sammantrade.underskrifter and versioner[].signerad_pdf / signerad_sha256: justering by
#    signatures with its evidence (older files have none, and are read as such)
# 6: arenden[].handlaggare and .delegationsbeslut, sammantrade.kungorelse_uppsatt: what the
#    ärende import and the kungörelse record (older files have none, and are read as such)
# 7: sammantrade.bestyrkanden: the bestyrkta utdrag and anslagsbevis with their signatory and
#    evidence (older files have none, and are read as such)
VERSION = 7

MAX_BYTES = 64 * 1024 * 1024
# A free text (Text column): far above any real sammanfattning, far below a memory problem.
# A file is checked, written and read back in full before its meeting is kept, and the read
# back grows with the square of the ärenden: these caps keep a hostile file from holding the
# window for minutes or taking gigabytes (a fullmäktige has some 60 ärenden, a few thousand
# objects in all).
MAX_ARENDEN = 400
MAX_OBJECTS = 250_000
MAX_TEXT = MAX_FRITEXT  # as the application itself takes (store.langder)
INT_MAX = 2**31 - 1  # PostgreSQL INTEGER


class FormatError(ServiceError):
    """What is wrong with a document, and where (a path such as 'sammantrade.arenden[3]')."""

    def __init__(self, where: str, what: str) -> None:
        self.where = where
        self.what = what
        super().__init__(f"Filen kan inte importeras: {where} {what}.")

    @property
    def detail(self) -> str:
        return f"{self.where} {self.what}"


class _Refused(Exception):
    def __init__(self, text: str) -> None:
        self.text = text


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(f"fältet ”{key[:60]}” förekommer två gånger i samma objekt")
        out[key] = value
    return out


def _constant(name: str) -> Any:
    raise _Refused(f"värdet {name} är inte tillåtet i JSON")


_JSON_MESSAGES = {
    "Expecting value": "ett värde saknas",
    "Expecting ',' delimiter": "ett kommatecken saknas",
    "Expecting ':' delimiter": "ett kolon saknas",
    "Expecting property name enclosed in double quotes": "ett fältnamn inom citattecken saknas",
    "Unterminated string starting at": "en text saknar sitt avslutande citattecken",
    "Invalid control character at": "en text innehåller ett otillåtet styrtecken",
    "Invalid \\escape": "en text innehåller en ogiltig \\-sekvens",
    "Extra data": "det finns mer data efter dokumentets slut",
}


def decode(data: bytes) -> Any:
    """The parsed JSON, or ServiceError naming what is wrong with the bytes."""
    if len(data) > MAX_BYTES:
        raise ServiceError(
            f"Filen är för stor ({len(data) / 1_048_576:.0f} MB); en sammanträdesexport får "
            f"vara högst {MAX_BYTES // 1_048_576} MB."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ServiceError(
            f"Filen är inte text i UTF-8 (ogiltig byte på position {exc.start}). "
            "Välj en fil som Secretary har exporterat."
        ) from None
    # Every object and list costs memory when parsed, far beyond its bytes in the file; a
    # bracket inside a text counts too, which errs on the safe side.
    if text.count("{") + text.count("[") > MAX_OBJECTS:
        raise ServiceError(
            f"Filen kan inte importeras: den har fler än {MAX_OBJECTS:,} objekt och listor; "
            "ett sammanträde har några tusen.".replace(",", " ", 1)
        )
    try:
        return json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        what = _JSON_MESSAGES.get(exc.msg, "syntaxfel")
        # An unterminated string ran into the end: a raw line break would have stopped it.
        if exc.msg.startswith("Unterminated") or exc.pos >= len(text.rstrip()):
            what = "filen tar slut mitt i dokumentet; den är troligen avklippt"
        raise ServiceError(
            f"Filen är inte giltig JSON: {what} (rad {exc.lineno}, kolumn {exc.colno})."
        ) from None
    except _Refused as exc:
        raise ServiceError(f"Filen kan inte importeras: {exc.text}.") from None
    except RecursionError:
        raise ServiceError("Filen kan inte importeras: den är för djupt nästlad.") from None
    except ValueError:
        # int() refuses numbers of thousands of digits (sys.get_int_max_str_digits)
        raise ServiceError(
            "Filen kan inte importeras: den innehåller ett orimligt stort tal."
        ) from None


def encode(document: dict[str, Any]) -> bytes:
    """Indented so that a person can read the file; the order of keys is the format's."""
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
