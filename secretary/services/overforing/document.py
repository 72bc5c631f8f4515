"""Reading a transfer document: every check made before anything is written.

`read()` takes parsed JSON and returns a Document of checked rows, or raises FormatError
naming the first problem and where it is: the format and its version, every field's type
and size, references that lead nowhere, ids given twice, and each stored PDF and content
snapshot against its SHA-256 digest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from secretary.domain.arbetsgang import LAST, Tillstand
from secretary.domain.innehall import kanonisk, sha256
from secretary.domain.underskrift import Satt, Status
from secretary.services.overforing import val
from secretary.services.overforing.fields import (
    ARENDE,
    PARTI,
    PERSON,
    REF_RE,
    UPPDRAG,
    VERSION,
    YRKANDE,
    Integer,
    Known,
    ListOf,
    Ref,
    array,
    described,
    obj,
    text,
)
from secretary.services.overforing.format import FORMAT, MAX_ARENDEN, FormatError
from secretary.services.overforing.format import VERSION as FORMAT_VERSION
from secretary.services.overforing.tables import (
    AJOURNERINGAR,
    ANTECKNINGAR,
    ARENDEN,
    BESLUT,
    BESTYRKANDEN,
    ERSATTARORDNING,
    GODKANNANDEN,
    KOMMENTARER,
    LOGG,
    NARVARO,
    ORGAN,
    PARTIER,
    PERSONER,
    RATTELSER,
    RESERVATIONER,
    SAMMANTRADE,
    UNDERSKRIFTER,
    UPPDRAG_TABLE,
    VERSIONER,
    YRKANDEN,
    Row,
    Table,
)
from secretary.services.versioner import Slag

TOP = (
    "format",
    "version",
    "installningar",
    "organ",
    "partier",
    "personer",
    "uppdrag",
    "sammantrade",
)
# Database-wide settings a protocol prints: the municipality, and the secretary's name when
# no official present is the sekreterare.
INSTALLNINGAR = ("kommun", "sekreterare")


@dataclass(frozen=True)
class ArendeDoc:
    row: Row
    yrkanden: list[Row]
    beslut: Row | None
    reservationer: list[Row]
    anteckningar: list[Row]
    godkannanden: list[Row]
    val: dict[str, Any] | None = None


@dataclass(frozen=True)
class Document:
    installningar: dict[str, str]
    organ: Row
    ersattarordning: list[Row]
    partier: list[Row]
    personer: list[Row]
    uppdrag: list[Row]
    meeting: Row
    forsta_paragraf: int
    justerare: list[str]
    arenden: list[ArendeDoc]
    narvaro: list[Row]
    ajourneringar: list[Row]
    logg: list[Row]
    versioner: list[Row]
    rattelser: list[Row]
    kommentarer: list[Row]
    underskrifter: list[Row]
    bestyrkanden: list[Row]


def _header(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise FormatError(
            "dokumentet", f"är ingen sammanträdesexport från Secretary (”format” ska vara {FORMAT})"
        )
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FormatError("version", f"ska vara ett heltal från 1, inte {described(version)}")
    if version > FORMAT_VERSION:
        raise FormatError(
            "version",
            f"är {version}: filen är gjord av en nyare version av Secretary, och den här "
            f"versionen läser format till och med {FORMAT_VERSION}. Uppdatera programmet och "
            "försök igen",
        )
    for key in raw:
        if key not in TOP:
            raise FormatError(str(key)[:60], "är ett okänt fält")
    for key in TOP:
        if key not in raw:
            raise FormatError(key, "saknas")
    return raw


def _ids(items: Any, where: str, kind: str, seen: set[str]) -> list[str]:
    """The references a list's objects declare, checked before anything refers to them."""
    out: list[str] = []
    for i, item in enumerate(array(items, where)):
        at = f"{where}[{i}]"
        if not isinstance(item, dict):
            raise FormatError(at, f"ska vara ett objekt, inte {described(item)}")
        if "id" not in item:
            raise FormatError(f"{at}.id", "saknas")
        ref = item["id"]
        if not isinstance(ref, str) or not REF_RE[kind].fullmatch(ref):
            raise FormatError(f"{at}.id", f"ska vara ”{kind}” och ett nummer, t.ex. ”{kind}1”")
        if ref in seen:
            raise FormatError(f"{at}.id", f"”{ref}” förekommer två gånger")
        seen.add(ref)
        out.append(ref)
    return out


def _rows(table: Table, items: Any, where: str, known: Known) -> list[Row]:
    return [table.load(v, f"{where}[{i}]", known) for i, v in enumerate(array(items, where))]


def _unique(rows: list[Row], where: str, key: Any, what: str, label: Any = None) -> None:
    first: dict[Any, int] = {}
    for i, row in enumerate(rows):
        k = key(row)
        if k in first:
            named = f" ({label(row)})" if label else ""
            raise FormatError(f"{where}[{i}]{named}", f"{what} som {where}[{first[k]}]")
        first[k] = i


def _fore_kallelse(m: dict[str, Any]) -> dict[str, Any]:
    """A file from before version 6: no handläggare, delegationsbeslut or kungörelse day."""
    old = m.get("arenden")
    if isinstance(old, list):
        m = {
            **m,
            "arenden": [
                {"handlaggare": "", "delegationsbeslut": [], **a} if isinstance(a, dict) else a
                for a in old
            ],
        }
    return {"kungorelse_uppsatt": None, **m}


def read(raw: Any) -> Document:
    d = _header(raw)
    sammantrade = d["sammantrade"]
    if d["version"] < 2 and isinstance(sammantrade, dict) and "ajourneringar" not in sammantrade:
        sammantrade = {**sammantrade, "ajourneringar": []}  # version 1 had no ajourneringar
    if d["version"] < 4 and isinstance(sammantrade, dict):
        old = sammantrade.get("arenden")
        if isinstance(old, list):  # before version 4 no § was a val
            utan_val = [
                {**a, "val": None} if isinstance(a, dict) and "val" not in a else a for a in old
            ]
            sammantrade = {**sammantrade, "arenden": utan_val}
    if d["version"] < 5 and isinstance(sammantrade, dict):
        sammantrade = _utan_underskrifter(sammantrade)
    if d["version"] < 6 and isinstance(sammantrade, dict):
        sammantrade = _fore_kallelse(sammantrade)
    if d["version"] < 7 and isinstance(sammantrade, dict):  # no bestyrkta documents before 7
        sammantrade = {"bestyrkanden": [], **sammantrade}
    m = obj(sammantrade, "sammantrade", SAMMANTRADE.keys)
    items = array(m["arenden"], "sammantrade.arenden")
    if len(items) > MAX_ARENDEN:
        raise FormatError(
            "sammantrade.arenden",
            f"har {len(items)} ärenden; ett sammanträde har högst {MAX_ARENDEN}",
        )
    yrkanden: list[list[str]] = []
    all_yrkanden: set[str] = set()
    for i, a in enumerate(items):
        at = f"sammantrade.arenden[{i}]"
        a = obj(a, at, ARENDEN.keys)
        yrkanden.append(_ids(a["yrkanden"], f"{at}.yrkanden", YRKANDE, all_yrkanden))
    known: Known = {
        PARTI: set(_ids(d["partier"], "partier", PARTI, set())),
        PERSON: set(_ids(d["personer"], "personer", PERSON, set())),
        UPPDRAG: set(_ids(d["uppdrag"], "uppdrag", UPPDRAG, set())),
        ARENDE: set(_ids(items, "sammantrade.arenden", ARENDE, set())),
        YRKANDE: set(),
        VERSION: set(_ids(m["versioner"], "sammantrade.versioner", VERSION, set())),
    }

    partier = _rows(PARTIER, d["partier"], "partier", known)
    _unique(partier, "partier", lambda r: r.values["short"], "har samma förkortning")
    personer = _rows(PERSONER, d["personer"], "personer", known)
    _unique(
        personer,
        "personer",
        lambda r: (
            r.values["first_name"].strip().lower(),
            r.values["last_name"].strip().lower(),
            r.values["party"],
        ),
        "har samma namn och parti",
        lambda r: f"{r.values['first_name']} {r.values['last_name']}".strip()[:100],
    )
    organ = ORGAN.load(d["organ"], "organ", known)
    ordning = _rows(ERSATTARORDNING, d["organ"]["ersattarordning"], "organ.ersattarordning", known)
    _unique(
        ordning,
        "organ.ersattarordning",
        lambda r: (r.values["for_parti"], r.values["parti"]),
        "gäller samma parti",
    )

    meeting = SAMMANTRADE.load(m, "sammantrade", known)
    forsta = Integer(1, 1_000_000).load(m["forsta_paragraf"], "sammantrade.forsta_paragraf", known)
    justerare = ListOf(Ref(PERSON), unique=True).load(
        m["justerare"], "sammantrade.justerare", known
    )
    arenden = [
        _arende(a, f"sammantrade.arenden[{i}]", forsta + i, {**known, YRKANDE: set(yrkanden[i])})
        for i, a in enumerate(items)
    ]
    versioner = _rows(VERSIONER, m["versioner"], "sammantrade.versioner", known)
    _unique(versioner, "sammantrade.versioner", lambda r: r.values["nummer"], "har samma nummer")
    for i, v in enumerate(versioner):
        _digests(v, f"sammantrade.versioner[{i}]")
    underskrifter = _rows(UNDERSKRIFTER, m["underskrifter"], "sammantrade.underskrifter", known)
    _underskrifter(meeting, versioner, underskrifter)
    bestyrkanden = _rows(BESTYRKANDEN, m["bestyrkanden"], "sammantrade.bestyrkanden", known)
    _bestyrkanden(meeting, bestyrkanden)
    settings = obj(d["installningar"], "installningar", INSTALLNINGAR)
    return Document(
        installningar={k: text(settings[k], f"installningar.{k}", 1000) for k in INSTALLNINGAR},
        organ=organ,
        ersattarordning=ordning,
        partier=partier,
        personer=personer,
        uppdrag=_rows(UPPDRAG_TABLE, d["uppdrag"], "uppdrag", known),
        meeting=meeting,
        forsta_paragraf=forsta,
        justerare=justerare,
        arenden=arenden,
        narvaro=_rows(NARVARO, m["narvaro"], "sammantrade.narvaro", known),
        ajourneringar=_rows(AJOURNERINGAR, m["ajourneringar"], "sammantrade.ajourneringar", known),
        logg=_rows(LOGG, m["logg"], "sammantrade.logg", known),
        versioner=versioner,
        rattelser=_rows(RATTELSER, m["rattelser"], "sammantrade.rattelser", known),
        kommentarer=_rows(
            KOMMENTARER, m["justeringskommentarer"], "sammantrade.justeringskommentarer", known
        ),
        underskrifter=underskrifter,
        bestyrkanden=bestyrkanden,
    )


def _utan_underskrifter(sammantrade: dict[str, Any]) -> dict[str, Any]:
    """Before version 5 no signature travelled: no signatories, no signed PDF."""
    out = {**sammantrade}
    out.setdefault("underskrifter", [])
    old = out.get("versioner")
    if isinstance(old, list):
        out["versioner"] = [
            {**v, "signerad_pdf": None, "signerad_sha256": None}
            if isinstance(v, dict) and "signerad_pdf" not in v and "signerad_sha256" not in v
            else v
            for v in old
        ]
    return out


def _arende(a: dict[str, Any], at: str, paragraf: int, known: Known) -> ArendeDoc:
    row = ARENDEN.load(a, at, known)
    if Integer(1).load(a["paragraf"], f"{at}.paragraf", known) != paragraf:
        raise FormatError(
            f"{at}.paragraf",
            f"ska vara {paragraf} (forsta_paragraf och ärendets plats i listan), "
            f"inte {a['paragraf']}",
        )
    beslut = None if a["beslut"] is None else BESLUT.load(a["beslut"], f"{at}.beslut", known)
    godkannanden = _rows(GODKANNANDEN, a["godkannanden"], f"{at}.godkannanden", known)
    _unique(godkannanden, f"{at}.godkannanden", lambda r: r.values["person"], "gäller samma person")
    return ArendeDoc(
        row=row,
        yrkanden=_rows(YRKANDEN, a["yrkanden"], f"{at}.yrkanden", known),
        beslut=beslut,
        reservationer=_rows(RESERVATIONER, a["reservationer"], f"{at}.reservationer", known),
        anteckningar=_rows(
            ANTECKNINGAR, a["protokollsanteckningar"], f"{at}.protokollsanteckningar", known
        ),
        godkannanden=godkannanden,
        val=val.load(a["val"], f"{at}.val"),
    )


def _pdf(v: Row, at: str) -> None:
    if sha256(v.values["pdf"]) != v.values["pdf_sha256"]:
        raise FormatError(
            f"{at}.pdf", "stämmer inte med pdf_sha256: PDF-filen har ändrats efter att den sparades"
        )


def _digests(v: Row, at: str) -> None:
    """A stored version is evidence: its PDF and content must be exactly what was justerat."""
    _pdf(v, at)
    if sha256(kanonisk(v.values["innehall"])) != v.values["innehall_sha256"]:
        raise FormatError(
            f"{at}.innehall",
            "stämmer inte med innehall_sha256: innehållet har ändrats efter att det sparades",
        )
    _signerad(v, at)


def _signerad(v: Row, at: str) -> None:
    """A signed PDF goes with its digest and begins with the stored PDF, byte for byte."""
    signed, digest = v.values["signerad_pdf"], v.values["signerad_sha256"]
    if (signed is None) != (digest is None):
        raise FormatError(
            f"{at}.signerad_sha256" if digest is None else f"{at}.signerad_pdf",
            "saknas: en signerad PDF och dess kontrollsumma hör ihop",
        )
    if signed is None:
        return
    if sha256(signed) != digest:
        raise FormatError(
            f"{at}.signerad_pdf",
            "stämmer inte med signerad_sha256: den signerade PDF-filen har ändrats efter att "
            "den sparades",
        )
    if not signed.startswith(v.values["pdf"]):
        raise FormatError(
            f"{at}.signerad_pdf",
            "bygger inte på versionens PDF: en signerad PDF ska börja med den justerade "
            "versionen, byte för byte, och ha underskrifterna tillagda efter den",
        )


_ESIGNATUR = {Satt.CERTIFIKATFIL.value, Satt.KORT.value, Satt.EXTERN.value}


def _signatur(r: Row, at: str, signerad: bytes | None, vad: str) -> None:
    """A signed row has its day and way; a waiting one neither; an e-signature is in the
    signed PDF it belongs to."""
    signerat = r.values["status"] == Status.SIGNERAT.value
    if signerat and (r.values["datum"] is None or not r.values["satt"]):
        raise FormatError(at, "är signerad men saknar datum eller sätt")
    if not signerat and (r.values["datum"] is not None or r.values["satt"]):
        raise FormatError(at, "väntar på underskrift men har ett datum eller sätt")
    if r.values["satt"] in _ESIGNATUR and signerad is None:
        raise FormatError(
            at,
            f"är en e-underskrift, men {vad} har ingen signerad PDF (signerad_pdf) som "
            "innehåller den",
        )


def _underskrifter(meeting: Row, versioner: list[Row], rows: list[Row]) -> None:
    """The signatories must fit the versions: a justerat version, one row per field, a
    signed row with its day and way, an e-signature with the signed PDF it is in."""
    where = "sammantrade.underskrifter"
    _unique(
        rows,
        where,
        lambda r: (r.values["version"], r.values["falt"]),
        "gäller samma version och underskriftsfält",
        lambda r: r.values["falt"][:40],
    )
    by_ref = {str(v.ref): v for v in versioner}
    for i, r in enumerate(rows):
        at = f"{where}[{i}]"
        v = by_ref[r.values["version"]]
        if v.values["kind"] != Slag.JUSTERAT.value:
            raise FormatError(
                f"{at}.version",
                f"hänvisar till version {v.values['nummer']}, som inte är den justerade "
                "versionen; bara den justerade versionen signeras",
            )
        _signatur(r, at, v.values["signerad_pdf"], f"version {v.values['nummer']}")
    for i, v in enumerate(versioner):
        if v.values["signerad_pdf"] is not None and not any(
            r.values["version"] == v.ref for r in rows
        ):
            raise FormatError(
                f"sammantrade.versioner[{i}].signerad_pdf",
                "finns, men filen har inga underskrifter för versionen",
            )
    if meeting.values["state"] == Tillstand.FOR_UNDERSKRIFT.value and not rows:
        raise FormatError(
            "sammantrade.state",
            "är ”för underskrift”, men filen har inga underskrifter (sammantrade.underskrifter)",
        )


def _bestyrkanden(meeting: Row, rows: list[Row]) -> None:
    """The bestyrkta documents (from version 7): numbered once each, of a justerat meeting,
    each PDF exactly as issued and its signatory's state as the protocol's."""
    where = "sammantrade.bestyrkanden"
    _unique(rows, where, lambda r: r.values["nummer"], "har samma nummer")
    if rows and Tillstand(meeting.values["state"]) not in LAST:
        raise FormatError(
            where,
            "finns, men sammanträdet är inte justerat; bestyrkta dokument utfärdas först "
            "efter justeringen",
        )
    for i, r in enumerate(rows):
        at = f"{where}[{i}]"
        _pdf(r, at)
        _signerad(r, at)
        _signatur(r, at, r.values["signerad_pdf"], "dokumentet")
        if r.values["signerad_pdf"] is not None and r.values["status"] != Status.SIGNERAT.value:
            raise FormatError(f"{at}.signerad_pdf", "finns, men dokumentet väntar på underskrift")
