"""The kinds of value a transfer document holds, each read, written and remapped one way.

Every kind converts three ways: `dump` a database value to JSON (internal ids become the
document's own references such as "p3"), `load` a JSON value into a checked Python value
(references are checked but kept), and `to_db` a checked value into what a column stores
(references become the ids the importing database gave). A refusal names the path.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import re
from collections.abc import Collection, Iterable
from typing import Any

from secretary.services.errors import ServiceError
from secretary.services.overforing.format import INT_MAX, FormatError

# Kinds of reference: the prefix of a document reference, and how a message names the thing.
PARTI, PERSON, UPPDRAG, ARENDE, YRKANDE, VERSION = "pa", "p", "u", "a", "y", "v"
NAMN = {
    PARTI: "partiet",
    PERSON: "personen",
    UPPDRAG: "uppdraget",
    ARENDE: "ärendet",
    YRKANDE: "yrkandet",
    VERSION: "versionen",
}
REF_RE = {kind: re.compile(rf"{kind}[1-9][0-9]{{0,8}}") for kind in NAMN}

_BAD_CHARS = re.compile("[\x00\ud800-\udfff]")


class Refs:
    """Export: database id -> document reference, numbered in the order given."""

    def __init__(self) -> None:
        self._maps: dict[str, dict[int, str]] = {kind: {} for kind in NAMN}

    def number(self, kind: str, ids: Iterable[int]) -> None:
        m = self._maps[kind]
        for id_ in ids:
            if id_ not in m:
                m[id_] = f"{kind}{len(m) + 1}"

    def has(self, kind: str, id_: int) -> bool:
        return id_ in self._maps[kind]

    def ref(self, kind: str, id_: int) -> str:
        try:
            return self._maps[kind][id_]
        except KeyError:
            raise ServiceError(
                f"Sammanträdet kan inte exporteras: det hänvisar till {NAMN[kind]} med id "
                f"{id_}, som inte längre finns i databasen."
            ) from None


# Validation: the references each kind has in the document (yrkanden: the current ärende's).
Known = dict[str, Collection[str]]
# Import: document reference -> the id the importing database gave.
Ids = dict[str, dict[str, int]]


def described(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "ett sanningsvärde"
    if isinstance(value, int | float):
        return "ett tal"
    if isinstance(value, str):
        return "en text"
    if isinstance(value, list):
        return "en lista"
    return "ett objekt"


def obj(value: Any, where: str, keys: Collection[str]) -> dict[str, Any]:
    """A JSON object with exactly these keys: a missing or an unknown key is refused."""
    if not isinstance(value, dict):
        raise FormatError(where, f"ska vara ett objekt, inte {described(value)}")
    for key in value:
        if key not in keys:
            raise FormatError(f"{where}.{key[:60]}", "är ett okänt fält")
    for key in keys:
        if key not in value:
            raise FormatError(f"{where}.{key}", "saknas")
    return value


def array(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise FormatError(where, f"ska vara en lista, inte {described(value)}")
    return value


class Kind:
    def dump(self, value: Any, refs: Refs) -> Any:
        return value

    def load(self, value: Any, where: str, known: Known) -> Any:
        raise NotImplementedError

    def to_db(self, value: Any, ids: Ids) -> Any:
        return value


class Text(Kind):
    def __init__(self, max_len: int, *, empty: bool = True) -> None:
        self.max_len = max_len
        self.empty = empty

    def load(self, value: Any, where: str, known: Known) -> str:
        return text(value, where, self.max_len, empty=self.empty)


def text(value: Any, where: str, max_len: int, *, empty: bool = True) -> str:
    if not isinstance(value, str):
        raise FormatError(where, f"ska vara en text, inte {described(value)}")
    if len(value) > max_len:
        raise FormatError(where, f"är längre än {max_len} tecken ({len(value)})")
    if not empty and not value.strip():
        raise FormatError(where, "får inte vara tom")
    if _BAD_CHARS.search(value):
        raise FormatError(where, "innehåller ett otillåtet tecken (NUL eller ett ensamt surrogat)")
    return value


class Integer(Kind):
    def __init__(self, low: int = 0, high: int = INT_MAX) -> None:
        self.low = low
        self.high = high

    def load(self, value: Any, where: str, known: Known) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise FormatError(where, f"ska vara ett heltal, inte {described(value)}")
        if not self.low <= value <= self.high:
            raise FormatError(where, f"ska vara ett heltal från {self.low} till {self.high}")
        return value


class Boolean(Kind):
    def load(self, value: Any, where: str, known: Known) -> bool:
        if not isinstance(value, bool):
            raise FormatError(where, f"ska vara true eller false, inte {described(value)}")
        return value


class _Iso(Kind):
    pattern: re.Pattern[str]
    shape: str

    def dump(self, value: Any, refs: Refs) -> Any:
        return value.isoformat()

    def load(self, value: Any, where: str, known: Known) -> Any:
        if isinstance(value, str) and self.pattern.fullmatch(value):
            try:
                return self.parse(value)
            except ValueError:
                pass
        shown = f"”{value[:40]}”" if isinstance(value, str) else described(value)
        raise FormatError(where, f"ska vara {self.shape}, inte {shown}")

    def parse(self, value: str) -> Any:
        raise NotImplementedError


# Dates a protocol can carry. Year 9999 would pass ISO but overflow the anslag arithmetic
# (appeal periods, notice days) the moment the meeting is opened.
YEARS = range(1900, 2201)


def _in_years(value: dt.date) -> dt.date:
    if value.year not in YEARS:
        raise ValueError(value)
    return value


class Date(_Iso):
    pattern = re.compile(r"\d{4}-\d{2}-\d{2}")
    shape = "ett datum (ÅÅÅÅ-MM-DD, år 1900–2200)"

    def parse(self, value: str) -> dt.date:
        return _in_years(dt.date.fromisoformat(value))


class Time(_Iso):
    pattern = re.compile(r"\d{2}:\d{2}:\d{2}(\.\d{6})?")
    shape = "ett klockslag (TT:MM:SS)"

    def parse(self, value: str) -> dt.time:
        return dt.time.fromisoformat(value)


class Timestamp(_Iso):
    pattern = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?")
    shape = "en tidpunkt (ÅÅÅÅ-MM-DDTTT:MM:SS, år 1900–2200)"

    def parse(self, value: str) -> dt.datetime:
        parsed = dt.datetime.fromisoformat(value)
        _in_years(parsed.date())
        return parsed


class Choice(Kind):
    def __init__(self, values: Iterable[str]) -> None:
        self.values = tuple(values)

    def load(self, value: Any, where: str, known: Known) -> str:
        if not isinstance(value, str) or value not in self.values:
            shown = f"”{value[:40]}”" if isinstance(value, str) else described(value)
            allowed = ", ".join(f"”{v}”" for v in self.values)
            raise FormatError(where, f"ska vara ett av {allowed}, inte {shown}")
        return value


class Nullable(Kind):
    def __init__(self, inner: Kind) -> None:
        self.inner = inner

    def dump(self, value: Any, refs: Refs) -> Any:
        return None if value is None else self.inner.dump(value, refs)

    def load(self, value: Any, where: str, known: Known) -> Any:
        return None if value is None else self.inner.load(value, where, known)

    def to_db(self, value: Any, ids: Ids) -> Any:
        return None if value is None else self.inner.to_db(value, ids)


class ListOf(Kind):
    def __init__(self, inner: Kind, *, unique: bool = False) -> None:
        self.inner = inner
        self.unique = unique

    def dump(self, value: Any, refs: Refs) -> Any:
        return [self.inner.dump(v, refs) for v in value or ()]

    def load(self, value: Any, where: str, known: Known) -> list[Any]:
        out = [
            self.inner.load(v, f"{where}[{i}]", known) for i, v in enumerate(array(value, where))
        ]
        if self.unique:
            seen: set[Any] = set()
            for i, v in enumerate(out):
                if v in seen:
                    raise FormatError(f"{where}[{i}]", "förekommer två gånger i listan")
                seen.add(v)
        return out

    def to_db(self, value: Any, ids: Ids) -> Any:
        return [self.inner.to_db(v, ids) for v in value]


class Ref(Kind):
    """A reference to another object of the document, e.g. "p3" for personer's "p3"."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def dump(self, value: Any, refs: Refs) -> Any:
        return refs.ref(self.kind, value)

    def load(self, value: Any, where: str, known: Known) -> str:
        return ref(value, where, self.kind, known)

    def to_db(self, value: Any, ids: Ids) -> Any:
        return ids[self.kind][value]


def ref(value: Any, where: str, kind: str, known: Known) -> str:
    if not isinstance(value, str):
        raise FormatError(where, f"ska vara en referens (en text), inte {described(value)}")
    if value not in known[kind]:
        scope = " i samma ärende" if kind == YRKANDE else ""
        raise FormatError(
            where, f"hänvisar till {NAMN[kind]} ”{value[:40]}”, som inte finns{scope} i filen"
        )
    return value


class Pdf(Kind):
    """A PDF's bytes in base64; its digest is checked where the whole version is read."""

    def dump(self, value: Any, refs: Refs) -> Any:
        return base64.b64encode(value).decode("ascii")

    def load(self, value: Any, where: str, known: Known) -> bytes:
        if not isinstance(value, str):
            raise FormatError(where, f"ska vara base64-text, inte {described(value)}")
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise FormatError(where, "är inte giltig base64") from None


class Digest(Kind):
    pattern = re.compile(r"[0-9a-f]{64}")

    def load(self, value: Any, where: str, known: Known) -> str:
        if not isinstance(value, str) or not self.pattern.fullmatch(value):
            raise FormatError(where, "ska vara en SHA-256-summa (64 tecken 0-9 och a-f)")
        return value


class TextMap(Kind):
    """An object of texts whose keys come from a fixed set (None: any key up to 100 chars)."""

    def __init__(self, keys: Collection[str] | None, max_len: int) -> None:
        self.keys = keys
        self.max_len = max_len

    def dump(self, value: Any, refs: Refs) -> Any:
        return dict(value or {})

    def load(self, value: Any, where: str, known: Known) -> dict[str, str]:
        if not isinstance(value, dict):
            raise FormatError(where, f"ska vara ett objekt, inte {described(value)}")
        for key, v in value.items():
            if self.keys is not None and key not in self.keys:
                raise FormatError(f"{where}.{key[:60]}", "är ett okänt fält")
            text(key, f"{where} (ett fältnamn)", 100)
            text(v, f"{where}.{key}", self.max_len)
        return dict(value)
