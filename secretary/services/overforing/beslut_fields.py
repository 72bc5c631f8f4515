"""The JSON columns of a §'s decision and of a stored version, as transfer-document kinds.

paragraf_beslut keeps the propositionsordning and what the chair found as JSON that names
yrkanden by id ("Y12", "-Y12": bifall to or avslag on yrkande 12) and voters by person id.
The document names them by its own references ("y3", "-y3", "p7"), so they are remapped
like any other reference, and checked to point into the same ärende.
"""

from __future__ import annotations

from typing import Any

from secretary.domain.votering import Rost
from secretary.domain.yrkanden import FORSLAG, IDAG, FragaTyp
from secretary.services.errors import ServiceError
from secretary.services.overforing.fields import (
    PERSON,
    YRKANDE,
    Boolean,
    Choice,
    Ids,
    Integer,
    Kind,
    Known,
    ListOf,
    Nullable,
    Refs,
    Text,
    array,
    described,
    obj,
    ref,
    text,
)
from secretary.services.overforing.format import MAX_TEXT, FormatError

_FIXED = (FORSLAG, IDAG)


class Alternativ(Kind):
    """What a proposition puts to the body: "F", "IDAG", a yrkande "y3" or its avslag "-y3"."""

    def dump(self, value: Any, refs: Refs) -> Any:
        if value in _FIXED:
            return value
        sign, _, number = str(value).partition("Y")
        if sign in ("", "-") and number.isdigit():
            return sign + refs.ref(YRKANDE, int(number))
        raise ServiceError(
            f"Sammanträdet kan inte exporteras: beslutsgången innehåller ett okänt förslag "
            f"”{str(value)[:40]}”."
        )

    def load(self, value: Any, where: str, known: Known) -> str:
        if value in _FIXED:
            return str(value)
        if isinstance(value, str) and value.startswith("-"):
            return "-" + ref(value[1:], where, YRKANDE, known)
        if isinstance(value, str) and not value.startswith("y"):
            raise FormatError(
                where, f"ska vara ”F”, ”IDAG”, ett yrkande eller dess avslag, inte ”{value[:40]}”"
            )
        return ref(value, where, YRKANDE, known)

    def to_db(self, value: Any, ids: Ids) -> Any:
        if value in _FIXED:
            return value
        sign = "-" if value.startswith("-") else ""
        return f"{sign}Y{ids[YRKANDE][value.lstrip('-')]}"


_ALT = Alternativ()
_BOOL = Boolean()
_ROST = Choice([r.value for r in Rost])


class Fraga(Kind):
    """One question of the propositionsordning."""

    _TYP = Choice([f.value for f in FragaTyp])

    def dump(self, value: Any, refs: Refs) -> Any:
        y = value.get("yrkande_id")
        return {"typ": value["typ"], "yrkande": None if y is None else refs.ref(YRKANDE, y)}

    def load(self, value: Any, where: str, known: Known) -> Any:
        d = obj(value, where, ("typ", "yrkande"))
        y = d["yrkande"]
        return {
            "typ": self._TYP.load(d["typ"], f"{where}.typ", known),
            "yrkande": None if y is None else ref(y, f"{where}.yrkande", YRKANDE, known),
        }

    def to_db(self, value: Any, ids: Ids) -> Any:
        y = value["yrkande"]
        return {"typ": value["typ"], "yrkande_id": None if y is None else ids[YRKANDE][y]}


class Ordning(ListOf):
    """The stored propositionsordning. A question about a yrkande since removed is not put
    (services.beslut reads past it), so it is left out of the document as well."""

    def __init__(self) -> None:
        super().__init__(Fraga())

    def dump(self, value: Any, refs: Refs) -> Any:
        put = [
            f
            for f in value or ()
            if f.get("yrkande_id") is None or refs.has(YRKANDE, f["yrkande_id"])
        ]
        return super().dump(put, refs)


class Votering(Kind):
    """A counted vote: what Ja and Nej stand for, the roll call by person, a casting vote or
    the draw. Missing keys in the stored JSON read as their defaults, as services.beslut does."""

    _KEYS = ("ja", "nej", "val", "utslag", "lottning", "roster", "rostberattigade")
    _ANTAL = Nullable(Integer(0, 1_000_000))

    def dump(self, value: Any, refs: Refs) -> Any:
        def alt(key: str) -> Any:
            v = value.get(key)
            return None if v is None else _ALT.dump(v, refs)

        return {
            "ja": _ALT.dump(value["ja"], refs),
            "nej": _ALT.dump(value["nej"], refs),
            "val": bool(value.get("val")),
            "utslag": alt("utslag"),
            "lottning": alt("lottning"),
            "roster": {refs.ref(PERSON, int(p)): r for p, r in (value.get("roster") or {}).items()},
            "rostberattigade": value.get("rostberattigade"),
        }

    def load(self, value: Any, where: str, known: Known) -> Any:
        d = obj(value, where, self._KEYS)
        roster = d["roster"]
        if not isinstance(roster, dict):
            raise FormatError(f"{where}.roster", f"ska vara ett objekt, inte {described(roster)}")
        for p, r in roster.items():
            ref(p, f"{where}.roster (en nyckel)", PERSON, known)
            _ROST.load(r, f"{where}.roster.{p}", known)
        return {
            "ja": _ALT.load(d["ja"], f"{where}.ja", known),
            "nej": _ALT.load(d["nej"], f"{where}.nej", known),
            "val": _BOOL.load(d["val"], f"{where}.val", known),
            "utslag": Nullable(_ALT).load(d["utslag"], f"{where}.utslag", known),
            "lottning": Nullable(_ALT).load(d["lottning"], f"{where}.lottning", known),
            "roster": dict(roster),
            "rostberattigade": self._ANTAL.load(
                d["rostberattigade"], f"{where}.rostberattigade", known
            ),
        }

    def to_db(self, value: Any, ids: Ids) -> Any:
        def alt(key: str) -> Any:
            v = value[key]
            return None if v is None else _ALT.to_db(v, ids)

        return {
            "ja": _ALT.to_db(value["ja"], ids),
            "nej": _ALT.to_db(value["nej"], ids),
            "val": value["val"],
            "utslag": alt("utslag"),
            "lottning": alt("lottning"),
            "roster": {str(ids[PERSON][p]): r for p, r in value["roster"].items()},
            "rostberattigade": value["rostberattigade"],
        }


_VOTERING = Nullable(Votering())


class Resultat(Kind):
    """Question index -> the steps the chair recorded on it."""

    def dump(self, value: Any, refs: Refs) -> Any:
        return {
            str(k): [
                {
                    "vinnare": _ALT.dump(s["vinnare"], refs),
                    "begard": bool(s.get("begard")),
                    "votering": _VOTERING.dump(s.get("votering"), refs),
                }
                for s in steps
            ]
            for k, steps in (value or {}).items()
        }

    def load(self, value: Any, where: str, known: Known) -> Any:
        if not isinstance(value, dict):
            raise FormatError(where, f"ska vara ett objekt, inte {described(value)}")
        out: dict[str, list[dict[str, Any]]] = {}
        for key, steps in value.items():
            if not (key.isascii() and key.isdigit() and str(int(key)) == key and len(key) < 6):
                raise FormatError(f"{where}.{key[:20]}", "ska vara en frågas nummer (0, 1, 2 …)")
            out[key] = []
            for i, step in enumerate(array(steps, f"{where}.{key}")):
                at = f"{where}.{key}[{i}]"
                d = obj(step, at, ("vinnare", "begard", "votering"))
                out[key].append(
                    {
                        "vinnare": _ALT.load(d["vinnare"], f"{at}.vinnare", known),
                        "begard": _BOOL.load(d["begard"], f"{at}.begard", known),
                        "votering": _VOTERING.load(d["votering"], f"{at}.votering", known),
                    }
                )
        return out

    def to_db(self, value: Any, ids: Ids) -> Any:
        return {
            k: [
                {
                    "vinnare": _ALT.to_db(s["vinnare"], ids),
                    "begard": s["begard"],
                    "votering": _VOTERING.to_db(s["votering"], ids),
                }
                for s in steps
            ]
            for k, steps in value.items()
        }


class Redigerat(Kind):
    """Section -> the secretary's own wording and the generated text it replaced."""

    def __init__(self, sections: tuple[str, ...]) -> None:
        self.sections = sections

    def dump(self, value: Any, refs: Refs) -> Any:
        return {k: {"text": v["text"], "genererad": v.get("genererad")} for k, v in value.items()}

    def load(self, value: Any, where: str, known: Known) -> Any:
        if not isinstance(value, dict):
            raise FormatError(where, f"ska vara ett objekt, inte {described(value)}")
        out: dict[str, Any] = {}
        for key, v in value.items():
            if key not in self.sections:
                raise FormatError(f"{where}.{key[:60]}", "är ett okänt fält")
            d = obj(v, f"{where}.{key}", ("text", "genererad"))
            out[key] = {
                "text": text(d["text"], f"{where}.{key}.text", MAX_TEXT),
                "genererad": Nullable(Text(MAX_TEXT)).load(
                    d["genererad"], f"{where}.{key}.genererad", known
                ),
            }
        return out


def _text_lists(value: Any, where: str) -> None:
    if not isinstance(value, dict):
        raise FormatError(where, f"ska vara ett objekt, inte {described(value)}")
    for key, texts in value.items():
        text(key, f"{where} (ett fältnamn)", 100)
        for i, t in enumerate(array(texts, f"{where}.{key}")):
            text(t, f"{where}.{key}[{i}]", MAX_TEXT)


class Innehall(Kind):
    """A version's content snapshot (secretary.domain.innehall): its shape is checked here
    and its digest where the version is read."""

    _PARAGRAF = ("paragraf", "rubrik", "dnr", "sekretess", "omedelbar_justering", "delar")

    def load(self, value: Any, where: str, known: Known) -> Any:
        d = obj(value, where, ("forstasida", "paragrafer"))
        _text_lists(d["forstasida"], f"{where}.forstasida")
        for i, p in enumerate(array(d["paragrafer"], f"{where}.paragrafer")):
            at = f"{where}.paragrafer[{i}]"
            q = obj(p, at, self._PARAGRAF)
            Integer(0).load(q["paragraf"], f"{at}.paragraf", known)
            text(q["rubrik"], f"{at}.rubrik", MAX_TEXT)
            text(q["dnr"], f"{at}.dnr", MAX_TEXT)
            _BOOL.load(q["sekretess"], f"{at}.sekretess", known)
            _BOOL.load(q["omedelbar_justering"], f"{at}.omedelbar_justering", known)
            _text_lists(q["delar"], f"{at}.delar")
        return value


def _evidence(value: Any, where: str, depth: int) -> None:
    if depth > 4:
        raise FormatError(where, "är för djupt nästlat")
    if isinstance(value, dict):
        for key, v in value.items():
            text(key, f"{where} (ett fältnamn)", 100)
            _evidence(v, f"{where}.{key}", depth + 1)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _evidence(v, f"{where}[{i}]", depth + 1)
    elif isinstance(value, str):
        text(value, where, MAX_TEXT)


class Granskning(Kind):
    """A signature's evidence, as reports.signatur.Signaturgranskning.som_dict wrote it when
    the signature was checked (certificate chain, time, result); {} for a paper signature.
    It is kept as it was found, so only its shape is checked: an object whose texts are
    texts as anywhere else, nested at most a few levels."""

    def load(self, value: Any, where: str, known: Known) -> Any:
        if not isinstance(value, dict):
            raise FormatError(where, f"ska vara ett objekt, inte {described(value)}")
        _evidence(value, where, 0)
        return value
