"""Full-text search across every § of every meeting (issue 7).

The index is the `sokindex` table of migration 0005, kept up to date by triggers: rubrik,
dnr, sammanfattning, förslag till beslut, the edited beslut and the yrkanden of each ärende.
Ranked by bm25 on SQLite (FTS5) and by ts_rank on PostgreSQL.

What the user types is never handed to the database as a query language: it is cut into
words the way the index cuts text (letters and digits; everything else separates), each
run of words without a space between ('2021/123', 'e-tjänst') or inside double quotes is a
phrase whose words must stand together, and the last word of each phrase matches as a
prefix so that 'bygglo' finds 'bygglov' while typing. All phrases must be found.

Words found in more than RANKAS §§ ('att', 'kommunen', or 'fö' half typed) are ranked
among the newest RANKAS of those §§ only: ranking all of a ten-year archive costs more
than a key press may (about 60 ms for 60,000 §§, against 8 ms), and for such words the
newest §§ are the likely ones. Newest means most recently written (the highest ids).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlalchemy.exc
from sqlalchemy import text

from secretary.services.agenda import forsta_paragrafer
from secretary.services.errors import ServiceError
from secretary.store.database import Store

log = logging.getLogger(__name__)

_ORD = re.compile(r"[^\W_]+")
_BITAR = re.compile(r'"([^"]*)"?|(\S+)')
RANKAS = 5000
MAX_FRASER = 16
MAX_ORDLANGD = 60
UTDRAG_FORE = 50  # characters of context before the first match
UTDRAG_LANGD = 160

Fras = tuple[str, ...]
Spann = tuple[int, int]

# Where a match can be, as the protocol names it; the text sections come first, as the
# rubrik and dnr have columns of their own in the list of hits.
_FALT = (
    ("sammanfattning", "Sammanfattning"),
    ("beslut", "Beslut"),
    ("forslag", "Förslag till beslut"),
    ("yrkanden", "Yrkanden"),
)


@dataclass(frozen=True)
class Markerad:
    """A text with the places the search words were found, as (start, end) offsets."""

    text: str
    traffar: tuple[Spann, ...] = ()


@dataclass(frozen=True)
class Traff:
    meeting_id: int
    organ_id: int
    organ: str
    datum: dt.date
    arende_id: int
    paragraf: int
    rubrik: Markerad
    dnr: Markerad
    falt: str  # the section the utdrag is from: 'Sammanfattning', 'Beslut', … ('' if none)
    utdrag: Markerad


@dataclass(frozen=True)
class Sokresultat:
    traffar: tuple[Traff, ...]
    fler: bool  # there are more hits than the limit: more words narrow it down


# --- what the user typed ------------------------------------------------------------------


def ord_i(text: str) -> list[str]:
    """The words of a text as the index sees them: letters and digits, lower case."""
    return [w.lower() for w in _ORD.findall(unicodedata.normalize("NFC", text))]


def fraser(text: str) -> list[Fras]:
    """The phrases to look for; [] when there is nothing to search for."""
    out: list[Fras] = []
    for match in _BITAR.finditer(text):
        words = tuple(w[:MAX_ORDLANGD] for w in ord_i(match.group(1) or match.group(2) or ""))
        if words and words not in out:
            out.append(words)
    return out[:MAX_FRASER]


def _prefix(fras: Fras) -> bool:
    """A one-letter word is looked for as itself: as a prefix it would match half the
    index, which is no help to anyone and slow."""
    return len(fras[-1]) >= 2


def fts5_fraga(fr: Sequence[Fras]) -> str:
    """FTS5 query syntax: each phrase quoted (the words hold only letters and digits).
    Where a word is a prefix, the same phrases as whole words are added with OR: they find
    nothing more, but a § holding them scores for both, so 'KS 2021/79' ranks the § with
    that very dnr above KSAU 2021/795."""

    def query(prefix: bool) -> str:
        return " ".join(f'"{" ".join(f)}"' + ("*" if prefix and _prefix(f) else "") for f in fr)

    if not any(_prefix(f) for f in fr):
        return query(False)
    return f"({query(True)}) OR ({query(False)})"


def tsquery(fr: Sequence[Fras]) -> str:
    """PostgreSQL to_tsquery syntax: words quoted, <-> between the words of a phrase; the
    whole words added with | as in fts5_fraga."""

    def query(prefix: bool) -> str:
        parts = []
        for f in fr:
            words = [f"'{w}'" for w in f]
            if prefix and _prefix(f):
                words[-1] += ":*"
            parts.append("(" + " <-> ".join(words) + ")")
        return " & ".join(parts)

    if not any(_prefix(f) for f in fr):
        return query(False)
    return f"({query(True)}) | ({query(False)})"


# --- marking where the words are ----------------------------------------------------------


def _monster(fr: Sequence[Fras]) -> tuple[re.Pattern[str], ...]:
    """One regular expression per phrase, matching as the index does: whole words, any
    separators between them, the last word as a prefix where the search uses one."""
    return _monster_for(tuple(fr))


@functools.lru_cache(maxsize=16)
def _monster_for(fr: tuple[Fras, ...]) -> tuple[re.Pattern[str], ...]:
    out = []
    for f in fr:
        body = r"[\W_]+".join(re.escape(w) for w in f)
        tail = r"[^\W_]*" if _prefix(f) else r"(?![^\W_])"
        out.append(re.compile(r"(?<![^\W_])" + body + tail, re.IGNORECASE))
    return tuple(out)


def markera(text: str, fr: Sequence[Fras]) -> Markerad:
    """`text` with every place a phrase is found."""
    return Markerad(text, _merged(m.span() for p in _monster(fr) for m in p.finditer(text)))


def _merged(spans: Iterable[Spann]) -> tuple[Spann, ...]:
    out: list[Spann] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return tuple(out)


def _antal_fraser(text: str, fr: Sequence[Fras]) -> int:
    return sum(1 for p in _monster(fr) if p.search(text))


def utdrag(text: str, fr: Sequence[Fras]) -> Markerad:
    """A short piece of `text` around its first match, on one line, cut at whole words."""
    flat = " ".join(text.split())
    marked = markera(flat, fr)
    first = marked.traffar[0][0] if marked.traffar else 0
    start = 0
    if first > UTDRAG_FORE:
        start = flat.rfind(" ", 0, first - UTDRAG_FORE) + 1
    end = len(flat)
    if end - start > UTDRAG_LANGD:
        cut = flat.rfind(" ", start, start + UTDRAG_LANGD)
        end = cut if cut > first else start + UTDRAG_LANGD
    lead = "… " if start > 0 else ""
    piece = lead + flat[start:end] + (" …" if end < len(flat) else "")
    shift = len(lead) - start
    spans = tuple(
        (max(s, start) + shift, min(e, end) + shift) for s, e in marked.traffar if s < end
    )
    return Markerad(piece, spans)


def _basta_falt(texter: dict[str, str], fr: Sequence[Fras]) -> tuple[str, Markerad]:
    """The section with the most of the phrases; without any, the sammanfattning's start."""
    best, count = _FALT[0], 0
    for falt in _FALT:
        n = _antal_fraser(texter[falt[0]], fr)
        if n > count:
            best, count = falt, n
    if count == 0:
        for key, _ in _FALT:
            if texter[key].strip():
                return "", utdrag(texter[key], ())
        return "", Markerad("")
    return best[1], utdrag(texter[best[0]], fr)


# --- the search ---------------------------------------------------------------------------

_KOLUMNER = ("rubrik", "dnr", "sammanfattning", "forslag", "beslut", "yrkanden")
_TEXTS = ", ".join(f"s.{k}" for k in _KOLUMNER)

_SQLITE = f"""
SELECT h.id, a.meeting_id, a.position, m.organ_id, o.name, m.date, {_TEXTS}
FROM (
    SELECT rowid AS id, bm25(sokindex, 10.0, 10.0, 1.0, 2.0, 2.0, 1.0) AS rank
    FROM sokindex WHERE sokindex MATCH :q AND rowid > :cut ORDER BY rank LIMIT :n
) AS h
JOIN sokindex AS s ON s.rowid = h.id
JOIN arende AS a ON a.id = h.id
JOIN meeting AS m ON m.id = a.meeting_id
JOIN organ AS o ON o.id = m.organ_id
ORDER BY h.rank, m.date DESC, a.position
"""

_POSTGRESQL = f"""
SELECT h.id, a.meeting_id, a.position, m.organ_id, o.name, m.date, {_TEXTS}
FROM (
    SELECT s.arende_id AS id, ts_rank(s.dokument, q) AS rank
    FROM sokindex AS s, to_tsquery('simple', :q) AS q
    WHERE s.dokument @@ q AND s.arende_id > :cut ORDER BY rank DESC LIMIT :n
) AS h
JOIN sokindex AS s ON s.arende_id = h.id
JOIN arende AS a ON a.id = h.id
JOIN meeting AS m ON m.id = a.meeting_id
JOIN organ AS o ON o.id = m.organ_id
ORDER BY h.rank DESC, m.date DESC, a.position
"""


_SQLITE_GRANS = (
    "SELECT rowid FROM sokindex WHERE sokindex MATCH :q ORDER BY rowid DESC LIMIT 1 OFFSET :k"
)
_POSTGRESQL_GRANS = (
    "SELECT arende_id FROM sokindex WHERE dokument @@ to_tsquery('simple', :q) "
    "ORDER BY arende_id DESC LIMIT 1 OFFSET :k"
)


def sok(store: Store, fraga: str, limit: int = 100) -> Sokresultat:
    """The §§ that hold every word of `fraga`, best first, at most `limit` of them."""
    fr = fraser(fraga)
    if not fr or limit <= 0:
        return Sokresultat((), False)
    if store.is_sqlite:
        sql, grans, q = _SQLITE, _SQLITE_GRANS, fts5_fraga(fr)
    else:
        sql, grans, q = _POSTGRESQL, _POSTGRESQL_GRANS, tsquery(fr)
    try:
        with store.read() as s:
            cut = s.execute(text(grans), {"q": q, "k": RANKAS}).scalar() or 0
            found = s.execute(text(sql), {"q": q, "cut": cut, "n": limit + 1}).all()
            rows = found[:limit]
            firsts = forsta_paragrafer(s, {(r[3], _date(r[5]).year) for r in rows})
    except sqlalchemy.exc.DBAPIError as exc:
        log.exception("Sökningen misslyckades")  # not what was searched for: it may be private
        raise ServiceError(
            "Sökningen kunde inte göras. Försök med andra ord; om felet kvarstår, "
            "starta om programmet."
        ) from exc
    traffar = []
    for arende_id, meeting_id, position, organ_id, organ, date, *texts in rows:
        texter = dict(zip(_KOLUMNER, texts, strict=True))
        falt, piece = _basta_falt(texter, fr)
        traffar.append(
            Traff(
                meeting_id=meeting_id,
                organ_id=organ_id,
                organ=organ,
                datum=_date(date),
                arende_id=arende_id,
                paragraf=firsts[meeting_id] + position,
                rubrik=markera(texter["rubrik"], fr),
                dnr=markera(texter["dnr"], fr),
                falt=falt,
                utdrag=piece,
            )
        )
    return Sokresultat(tuple(traffar), len(found) > limit or cut > 0)


def _date(value: object) -> dt.date:
    """Raw SQL on SQLite gives the date as text; PostgreSQL gives a date."""
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
