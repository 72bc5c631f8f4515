"""Each object of the transfer document: its fields, their kinds and the model columns behind
them. Export, validation and import all read these tables, so a column is named once.

A field's key is the column's name, except that a reference drops the `_id` ("person" for
`person_id`). Keys the table lists under `nested` are objects or lists the caller reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from secretary.domain.arbetsgang import Tillstand
from secretary.domain.beslutsgang import ReservationTyp
from secretary.domain.labels import LABEL_SPECS
from secretary.domain.narvaro import HandelseTyp
from secretary.domain.register import Funktion, OrganKind, Roll
from secretary.domain.underskrift import Satt
from secretary.domain.underskrift import Status as Underskriftsstatus
from secretary.domain.yrkanden import YrkandeTyp
from secretary.services.bestyrkande import Slag as BestyrkandeSlag
from secretary.services.granskning import Status
from secretary.services.overforing.beslut_fields import (
    Granskning,
    Innehall,
    Ordning,
    Redigerat,
    Resultat,
)
from secretary.services.overforing.fields import (
    ARENDE,
    PARTI,
    PERSON,
    UPPDRAG,
    VERSION,
    YRKANDE,
    Boolean,
    Choice,
    Date,
    Digest,
    Ids,
    Integer,
    Kind,
    Known,
    ListOf,
    Nullable,
    Pdf,
    Ref,
    Refs,
    Text,
    TextMap,
    Time,
    Timestamp,
    obj,
)
from secretary.services.overforing.format import MAX_TEXT
from secretary.services.read.paragraf import SEKTIONER
from secretary.services.versioner import Slag

# The keys of one reported delegationsbeslut (services.arende_import writes them).
DELEGATIONSNYCKLAR = ("dnr", "beslut", "datum", "delegat")


@dataclass(frozen=True)
class Field:
    key: str
    kind: Kind
    column: str = ""

    @property
    def col(self) -> str:
        return self.column or self.key


@dataclass(frozen=True)
class Row:
    """One object read from a document: its own reference (if it has one) and its checked
    field values, references still the document's."""

    ref: str | None
    values: dict[str, Any]


@dataclass(frozen=True)
class Table:
    fields: tuple[Field, ...]
    ref_kind: str | None = None  # the objects carry an "id" of this kind
    nested: tuple[str, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        own = ("id",) if self.ref_kind else ()
        return (*own, *(f.key for f in self.fields), *self.nested)

    def dump(self, row: Any, refs: Refs) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.ref_kind:
            out["id"] = refs.ref(self.ref_kind, row.id)
        for f in self.fields:
            out[f.key] = f.kind.dump(getattr(row, f.col), refs)
        return out

    def load(self, value: Any, where: str, known: Known) -> Row:
        d = obj(value, where, self.keys)
        values = {f.key: f.kind.load(d[f.key], f"{where}.{f.key}", known) for f in self.fields}
        return Row(d["id"] if self.ref_kind else None, values)

    def columns(self, row: Row, ids: Ids, skip: tuple[str, ...] = ()) -> dict[str, Any]:
        return {
            f.col: f.kind.to_db(row.values[f.key], ids) for f in self.fields if f.key not in skip
        }


def _values(enum: Any) -> list[str]:
    return [e.value for e in enum]


LONG = Text(MAX_TEXT)
LINES = ListOf(LONG)


def _ref(key: str, kind: str, *, null: bool = False) -> Field:
    return Field(key, Nullable(Ref(kind)) if null else Ref(kind), f"{key}_id")


def _opt(kind: Kind) -> Kind:
    return Nullable(kind)


PARTIER = Table(
    (Field("short", Text(20, empty=False)), Field("name", Text(200))),
    ref_kind=PARTI,
)

PERSONER = Table(
    (
        Field("first_name", Text(100)),
        Field("last_name", Text(100)),
        Field("party", Nullable(Ref(PARTI)), "party_id"),
        Field("email", Text(200)),
    ),
    ref_kind=PERSON,
)

UPPDRAG_TABLE = Table(
    (
        _ref("person", PERSON),
        Field("roll", Choice(_values(Roll))),
        Field("funktion", Choice(_values(Funktion))),
        Field("ordning", Integer()),
        _ref("personlig_ersattare_for", UPPDRAG, null=True),
        Field("title", Text(200)),
        Field("period_from", _opt(Date())),
        Field("period_to", _opt(Date())),
    ),
    ref_kind=UPPDRAG,
)

ORGAN = Table(
    (
        Field("name", Text(200, empty=False)),
        Field("short_name", Text(40)),
        Field("kind", Choice(_values(OrganKind))),
        Field("forvaringsplats", Text(300)),
        Field("dnr_pattern", Text(100)),
        Field("personliga_ersattare", Boolean()),
        Field("labels", TextMap([spec.key for spec in LABEL_SPECS], 200)),
        Field("benamning", Text(200)),
        Field("anteckning_ersattare", Boolean()),
    ),
    nested=("ersattarordning",),
)

ERSATTARORDNING = Table(
    (
        Field("for_parti", Nullable(Ref(PARTI)), "for_party_id"),
        Field("parti", Ref(PARTI), "party_id"),
        Field("position", Integer()),
    )
)

SAMMANTRADE = Table(
    (
        Field("date", Date()),
        Field("place", Text(300)),
        Field("planned_start", _opt(Time())),
        Field("justering_place", Text(300)),
        Field("justering_date", _opt(Date())),
        Field("justering_time", _opt(Time())),
        Field("state", Choice(_values(Tillstand))),
        Field("started_at", _opt(Time())),
        Field("ended_at", _opt(Time())),
        _ref("current_arende", ARENDE, null=True),
        Field("under_behandling", Boolean()),
        Field("justerat_datum", _opt(Date())),
        Field("anslag_uppsatt", _opt(Date())),
        Field("sista_overklagandedag", _opt(Date())),
        Field("anslag_nedtagning", _opt(Date())),
        Field("maskeringstermer", ListOf(Text(200, empty=False), unique=True)),
        Field("kungorelse_uppsatt", _opt(Date())),
    ),
    nested=(
        "forsta_paragraf",
        "justerare",
        "arenden",
        "narvaro",
        "ajourneringar",
        "logg",
        "versioner",
        "rattelser",
        "justeringskommentarer",
        "underskrifter",
        "bestyrkanden",
    ),
)

ARENDEN = Table(
    (
        Field("rubrik", Text(500, empty=False)),
        Field("dnr", Text(100)),
        Field("sammanfattning", LONG),
        Field("forslag_till_beslut", LONG),
        Field("beslutsunderlag", LINES),
        Field("expedieras_till", LINES),
        Field("forslag_namn", Text(200)),
        Field("handlaggare", Text(200)),
        Field("delegationsbeslut", ListOf(TextMap(DELEGATIONSNYCKLAR, MAX_TEXT))),
    ),
    ref_kind=ARENDE,
    nested=(
        "paragraf",
        "yrkanden",
        "beslut",
        "reservationer",
        "protokollsanteckningar",
        "godkannanden",
        "val",
    ),
)

YRKANDEN = Table(
    (
        Field("typ", Choice(_values(YrkandeTyp))),
        _ref("yrkare", PERSON),
        Field("instammande", ListOf(Ref(PERSON), unique=True)),
        Field("text", LONG),
        _ref("stodjer", YRKANDE, null=True),
        Field("aterkallat", Boolean()),
    ),
    ref_kind=YRKANDE,
)

BESLUT = Table(
    (
        Field("ordning", Nullable(Ordning())),
        Field("ordning_godkand", Boolean()),
        Field("resultat", Resultat()),
        Field("beslut_rubrik", Text(300)),
        Field("beslut_att", Nullable(LINES)),
        Field("omedelbar_justering", Boolean()),
        Field("sekretess", Boolean()),
        Field("omedelbart_justerad", _opt(Timestamp())),
        Field("redigerat", Redigerat(SEKTIONER)),
    )
)

RESERVATIONER = Table(
    (_ref("person", PERSON), Field("typ", Choice(_values(ReservationTyp))), Field("text", LONG))
)

ANTECKNINGAR = Table((_ref("person", PERSON), Field("text", LONG)))

GODKANNANDEN = Table(
    (
        _ref("person", PERSON),
        Field("version_nummer", _opt(Integer(1))),
        Field("at", Timestamp()),
    )
)

NARVARO = Table(
    (
        Field("kind", Choice(_values(HandelseTyp))),
        _ref("person", PERSON),
        Field("vid_upprop", Boolean()),
        _ref("arende", ARENDE, null=True),
        Field("time", _opt(Time())),
        Field("distans", Boolean()),
        Field("seat", Nullable(Ref(PERSON)), "seat_person_id"),
        Field("only_this", Boolean()),
    )
)

AJOURNERINGAR = Table((Field("fran", Time()), Field("till", _opt(Time()))))

LOGG = Table(
    (
        Field("at", Timestamp()),
        Field("kind", Text(40)),
        _ref("arende", ARENDE, null=True),
        Field("text", LONG),
    )
)

# A stored PDF signed as incremental updates, and its digest (from version 5).
SIGNERAD_PDF = (
    Field("signerad_pdf", Nullable(Pdf())),
    Field("signerad_sha256", Nullable(Digest())),
)

VERSIONER = Table(
    (
        Field("nummer", Integer(1)),
        Field("kind", Choice(_values(Slag))),
        Field("created", Timestamp()),
        Field("paragrafer", ListOf(Integer())),
        Field("pdf", Pdf()),
        Field("pdf_sha256", Digest()),
        Field("innehall", Innehall()),
        Field("innehall_sha256", Digest()),
        *SIGNERAD_PDF,  # from version 5: the justerat version as signed so far
    ),
    ref_kind=VERSION,
)

# A signatory and how they signed, with the validation result of an e-signature kept as
# evidence (reports.signatur.som_dict): store.models.Signatur.
SIGNATUR = (
    Field("roll", Text(40)),
    Field("namn", Text(200)),
    Field("falt", Text(40, empty=False)),
    Field("status", Choice(_values(Underskriftsstatus))),
    Field("datum", _opt(Date())),
    Field("satt", Choice(["", *_values(Satt)])),
    Field("signerare", Text(300)),
    Field("registrerad", _opt(Timestamp())),
    Field("granskning", Granskning()),
)

# From version 5: the signatories of a justerat version.
UNDERSKRIFTER = Table((_ref("version", VERSION), Field("position", Integer()), *SIGNATUR))

# From version 7: the bestyrkta utdrag and anslagsbevis, each as issued for signing (what it
# covers, its PDF) with its one signatory.
BESTYRKANDEN = Table(
    (
        Field("nummer", Integer(1)),
        Field("slag", Choice(_values(BestyrkandeSlag))),
        Field("created", Timestamp()),
        Field("paragrafer", ListOf(Integer())),
        Field("mottagare", Text(300)),
        Field("intygas", _opt(Date())),
        Field("anslag_uppsatt", _opt(Date())),
        Field("anslag_nedtagen", _opt(Date())),
        Field("pdf", Pdf()),
        Field("pdf_sha256", Digest()),
        *SIGNERAD_PDF,
        *SIGNATUR,
    )
)

RATTELSER = Table(
    (
        _ref("arende", ARENDE),
        Field("del", Text(40), "del_"),
        Field("fore", LINES),
        Field("efter", LINES),
        Field("varfor", LONG),
        Field("av", Text(200)),
        Field("at", Timestamp()),
        _ref("version", VERSION, null=True),
    )
)

KOMMENTARER = Table(
    (
        _ref("arende", ARENDE),
        _ref("person", PERSON),
        Field("version_nummer", _opt(Integer(1))),
        Field("text", LONG),
        Field("status", Choice(_values(Status))),
        Field("svar", LONG),
        Field("created", Timestamp()),
    )
)
