"""The document data contract: what a protocol, an utdrag or an anslagsbevis says, as plain
data. The reports own it and lay it out, and never read the store; the services build it
(secretary.services.read.protokoll). Every text is final Swedish wording, unescaped (the
reports escape it for reportlab's markup)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from secretary.domain.narvaro_text import paragrafer_text
from secretary.domain.paragrafer import paragraf_range

JA, NEJ, AVSTAR, FRANVARANDE, JAV = "Ja", "Nej", "Avstår", "Frånvarande", "Jäv"


@dataclass(frozen=True)
class Rostrad:
    """One seat in a roll call: the ledamot, who served in the seat if someone else did, and
    the answer (JA, NEJ, AVSTAR, FRANVARANDE, JAV, or "" while the roll call is open)."""

    ledamot: str
    ersattare: str
    rost: str


@dataclass(frozen=True)
class Omrostning:
    nummer: int
    proposition: str  # "Ja-röst för bifall till …, Nej-röst för bifall till …."
    rader: tuple[Rostrad, ...]

    def antal(self, rost: str) -> int:
        return sum(1 for r in self.rader if r.rost == rost)


@dataclass(frozen=True)
class Paragraf:
    """One § of the protocol, every part in the order the protocol prints it."""

    paragraf: int
    rubrik: str
    dnr: str = ""
    omedelbar_justering: bool = False
    sekretess: bool = False
    jav: tuple[str, ...] = ()
    sammanfattning: tuple[str, ...] = ()
    beslutsunderlag: tuple[str, ...] = ()
    forslag_till_beslut: tuple[str, ...] = ()
    yrkanden: tuple[str, ...] = ()
    beslutsgang: tuple[str, ...] = ()
    omrostningar: tuple[Omrostning, ...] = ()
    valresultat: tuple[str, ...] = ()  # a val §: the count per group, jämförelsetal, seats
    beslut_rubrik: str = ""
    beslut_att: tuple[str, ...] = ()
    reservationer: tuple[str, ...] = ()
    anteckningar: tuple[str, ...] = ()
    expedieras_till: tuple[str, ...] = ()
    # An anmälan av delegationsbeslut (KL 6 kap. 40 §): one line per decision reported.
    delegationsbeslut: tuple[str, ...] = ()


@dataclass(frozen=True)
class Underskrift:
    """A signatory: the role printed over the line, the name under it, and the name of the
    digital signature field placed on the line in the final PDF."""

    roll: str
    namn: str
    falt: str


@dataclass(frozen=True)
class Anslag:
    """The notice on the anslagstavla. Unknown dates print as blank lines to fill in, or in
    the anslagsbevis as words. `sista_overklagandedag` is the last day of appeal reckoned
    from `uppsatt` (secretary.domain.anslag; the services fill it in)."""

    uppsatt: dt.date | None = None
    nedtagen: dt.date | None = None
    sista_overklagandedag: dt.date | None = None


@dataclass(frozen=True)
class Rattelsenot:
    """A rättelse after justering, as the protocol shows it: when, which § and part, what was
    corrected and why."""

    datum: dt.date
    paragraf: int
    del_: str
    fore: str
    efter: str
    varfor: str
    av: str


@dataclass(frozen=True)
class ProtokollData:
    kommun: str
    organ: str
    datum: dt.date
    plats_och_tid: str
    ledamoter: tuple[str, ...]
    tjanstgorande_ersattare: tuple[str, ...]
    ersattare: tuple[str, ...]
    adjungerade: tuple[str, ...]
    ovriga: tuple[str, ...]
    justerare: tuple[str, ...]
    justering: str  # place and time of justering
    forsta_paragraf: int
    antal_paragrafer: int
    underskrifter: tuple[Underskrift, ...]
    forvaringsplats: str
    arenden: tuple[Paragraf, ...]
    labels: Mapping[str, str] = field(default_factory=dict)
    anslag: Anslag = field(default_factory=Anslag)
    sekreterare: str = ""
    rattelser: tuple[Rattelsenot, ...] = ()
    ajourneringar: tuple[str, ...] = ()  # "Ajournering kl. 14.05–14.20", under Plats och tid
    justerat: dt.date | None = None  # the day the protocol was justerat; None: not yet

    @property
    def paragrafer(self) -> str:
        """The whole protocol's §§ as the front page writes them: '§ 335–372'."""
        return paragraf_range(self.forsta_paragraf, self.antal_paragrafer)

    @property
    def valda_paragrafer(self) -> str:
        """The §§ in this document (all, or those of an utdrag): '§ 336', '§§ 336–338'."""
        return paragrafer_text([p.paragraf for p in self.arenden])

    def label(self, key: str, default: str) -> str:
        return self.labels.get(key, default)

    def utdrag(self, paragrafer: set[int]) -> ProtokollData:
        """The same protocol with only the §§ asked for (for a protokollsutdrag)."""
        return replace(self, arenden=tuple(p for p in self.arenden if p.paragraf in paragrafer))


# --- before the meeting ----------------------------------------------------------------------


@dataclass(frozen=True)
class Delegationsbeslut:
    dnr: str
    beslut: str
    datum: str
    delegat: str


@dataclass(frozen=True)
class Punkt:
    """One ärende of the föredragningslista: its § number, what it is, what is proposed and
    the handlingar that go with it."""

    paragraf: int
    rubrik: str
    dnr: str = ""
    handlaggare: str = ""
    forslag_till_beslut: tuple[str, ...] = ()
    handlingar: tuple[str, ...] = ()
    sekretess: bool = False
    delegationsbeslut: tuple[Delegationsbeslut, ...] = ()


@dataclass(frozen=True)
class KallelseData:
    """A kallelse with its föredragningslista, or fullmäktige's kungörelse. `nummer` 1 is the
    kallelse; a higher one is an "Ändrad kallelse" that lists `andringar` first."""

    kommun: str
    organ: str
    datum: dt.date
    tid: str  # "klockan 13.00", or ""
    plats: str
    punkter: tuple[Punkt, ...]
    ledamoter: tuple[str, ...] = ()
    ersattare: tuple[str, ...] = ()
    forhinder: str = ""
    nummer: int = 1
    andringar: tuple[str, ...] = ()
    skickad: dt.date | None = None
    sekreterare: str = ""
    kf: bool = False

    @property
    def andrad(self) -> bool:
        return self.nummer > 1

    @property
    def rubrik(self) -> str:
        return f"Ändrad kallelse nr {self.nummer - 1}" if self.andrad else "Kallelse"
