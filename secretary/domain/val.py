"""Val: electing people to posts, by acklamation, by sluten omröstning, or proportionally
under lag (2022:629) om proportionella val i kommuner och regioner (LPV), which replaced lag
(1992:339) om proportionellt valsätt on 1 July 2022; and fyllnadsval and entlediganden.

What the law says and where (the text read at lagboken.se, SFS 2022:629; SKR, "Fördelning
av platser i nämnder", 2022; prop. 2021/22:125):

- LPV 2 §: a val is proportional if at least as many of the voters ask for it as the quotient
  of the number of ledamöter present divided by the number of persons the val concerns, plus
  one; a fractional quotient is rounded up to the next whole number (`troskel`). "Present"
  counts every ledamot present at the meeting, also one who does not take part in the val
  (the författningskommentar to 2 §).
- LPV 3 §: ersättare may be elected proportionally only if the ledamöter were
  (`ersattarval_hinder`).
- LPV 5–7 §§: closed ballots, each with a gruppbeteckning (a label in words); per prop.
  2021/22:125 the ballots with the same label *and* the same name list form one
  valsedelsgrupp (`valsedelsgrupper`): a party cannot gain seats by borrowing another's label.
- The seats go between the groups by jämförelsetal, the group's votes divided by 1, 2, 3 …
  (one more than the seats it has so far), the largest first; equal jämförelsetal are settled
  by lot (`fordela`). Within a group the seats go to its names in list order, and a group
  whose names are used up takes no more. Blank ballots count for no group. (These rules are
  as SKR's worked examples apply them; the paragraph numbers of LPV beyond 7 § could not be
  read here: verify.)
- Ersättare chosen proportionally are called in in the order of their group's list
  (`inkallelseordning`).
- A val by sluten omröstning outside LPV is a majority val: those with the most votes are
  elected; blank and invalid ballots are counted apart and decide nothing; a tie is settled
  by lottning, never by an utslagsröst (domain.md, Val; `sluten`).
- A vacancy is filled by fyllnadsval for the rest of the term of the one who left (prop.
  2021/22:125 made this possible also after a proportional val; `fyllnadsval_period`).
- Personliga ersättare (`personliga_ersattare`): SKR, "Fördelning av platser i nämnder"
  (webbutik.skr.se, 17 Nov 2022) says fullmäktige elects the ledamöter and the ersättare
  separately ("var för sig"), so a personlig ersättare comes from the val of ersättare, not
  from the ledamot's ballot. By acklamation or sluten omröstning the decision names whose
  personlig ersättare each one is, and the secretary records that pairing. In a proportional
  val the pairing follows the groups: the ersättare of a valsedelsgrupp, in the order of its
  list, are tied to the ledamöter its group of the same gruppbeteckning won in the val of
  ledamöter, in seat order; an ersättare left over has no ledamot and is named in the
  checklist. The paragraphs of LPV after 7 § could not be read here, nor whether they say
  more of personliga ersättare (verify); practice elsewhere (Ålands kommunförbund,
  "Proportionella val") sets ledamot and personlig ersättare up as a pair, which this gives
  when each group's lists for ledamöter and ersättare are made in the same order.
- "Present" in LPV 2 § (`narvarande_ledamoter`): every seat whose ledamot is in the room
  counts, also a ledamot who does not take part (jäv, or abstaining); a tjänstgörande
  ersättare counts for the seat they serve in, since they vote in the ledamot's place and
  the quotient measures the voters (the threshold is a share of those who elect, so that a
  group large enough to win one seat of `platser` can ask for the val to be proportional).
  Each seat counts once: the ersättare who serves for a jävig ledamot still in the room is
  not counted beside them. A non-serving ersättare does not count.

A lottning is never drawn here: a tie stops the count at the seat (`Lottningsbehov`) until
the outcome drawn in the meeting is given in `lottning` (seat number -> the winner's index),
so a result can always be computed again from what was recorded.
"""

from __future__ import annotations

import datetime as dt
import enum
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from secretary.domain.narvaro import ParagrafNarvaro
from secretary.domain.register import Roll, full_name, person_label

LPV = "lagen (2022:629) om proportionella val i kommuner och regioner"


class Valsatt(enum.StrEnum):
    ACKLAMATION = "acklamation"
    SLUTEN = "sluten"
    PROPORTIONELL = "proportionell"

    @property
    def label(self) -> str:
        return {
            Valsatt.ACKLAMATION: "Acklamation",
            Valsatt.SLUTEN: "Sluten omröstning",
            Valsatt.PROPORTIONELL: "Proportionellt val",
        }[self]


@dataclass(frozen=True)
class Kandidat:
    """A person nominated or elected; `person_id` None for someone not yet in the register
    (added from the § at justering)."""

    fornamn: str
    efternamn: str
    parti: str = ""
    person_id: int | None = None

    @property
    def namn(self) -> str:
        return full_name(self.fornamn, self.efternamn)

    @property
    def label(self) -> str:
        return person_label(self.namn, self.parti.strip() or None)

    @property
    def nyckel(self) -> tuple[str, str]:
        """The same person on two lists: by register id, else by name and party."""
        if self.person_id is not None:
            return ("id", str(self.person_id))
        return ("namn", f"{self.namn.casefold()}|{self.parti.strip().casefold()}")


# --- LPV 2 § and 3 § ------------------------------------------------------------------------


def troskel(narvarande: int, platser: int) -> int:
    """How many must ask for a proportional val (LPV 2 §): the present ledamöter divided by
    the seats plus one, a fraction rounded up. SKR: 51 present, 11 seats: 51/12 = 4,25 -> 5."""
    if platser < 1:
        raise ValueError("Valet måste avse minst en plats.")
    if narvarande < 0:
        raise ValueError("Antalet närvarande kan inte vara negativt.")
    return -(-narvarande // (platser + 1))


def narvarande_ledamoter(narvaro: ParagrafNarvaro) -> int:
    """The 'närvarande ledamöter' of LPV 2 § on a §: each seat once, when its ledamot is in
    the room (also jävig for the §) or an ersättare serves in it (see the module docstring)."""
    return sum(
        1 for seat, holder in narvaro.seats.items() if seat in narvaro.present or holder is not None
    )


def proportionellt_begart(begarande: int, narvarande: int, platser: int) -> bool:
    """Whether `begarande` voters asking make the val proportional (LPV 2 §)."""
    return begarande >= troskel(narvarande, platser)


def ersattarval_hinder(ledamotsval: Valsatt | None, ersattarval: Valsatt) -> str | None:
    """Why the ersättare cannot be elected this way, or None (LPV 3 §)."""
    if ersattarval is Valsatt.PROPORTIONELL and ledamotsval is not Valsatt.PROPORTIONELL:
        return (
            "Ersättare får väljas proportionellt endast om valet av ledamöter varit "
            "proportionellt (3 § lagen (2022:629) om proportionella val i kommuner och regioner)."
        )
    return None


# --- valsedelsgrupper -----------------------------------------------------------------------


@dataclass(frozen=True)
class Valsedel:
    """One ballot as cast: its gruppbeteckning and its numbered list of names."""

    beteckning: str
    namn: tuple[Kandidat, ...] = ()

    @property
    def blank(self) -> bool:
        return not self.beteckning.strip() and not self.namn


@dataclass(frozen=True)
class Valsedelsgrupp:
    beteckning: str
    namn: tuple[Kandidat, ...]
    roster: int


def _lista(namn: Iterable[Kandidat]) -> tuple[tuple[str, str], ...]:
    return tuple(k.nyckel for k in namn)


def valsedelsgrupper(valsedlar: Iterable[Valsedel]) -> tuple[list[Valsedelsgrupp], int]:
    """The groups the ballots form (same label and same name list, prop. 2021/22:125), in
    the order first seen, and the number of blank ballots, which count for no group."""
    order: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    first: dict[tuple[str, tuple[tuple[str, str], ...]], Valsedel] = {}
    counts: dict[tuple[str, tuple[tuple[str, str], ...]], int] = {}
    blanka = 0
    for v in valsedlar:
        if v.blank:
            blanka += 1
            continue
        key = (" ".join(v.beteckning.split()), _lista(v.namn))
        if key not in counts:
            order.append(key)
            first[key] = v
            counts[key] = 0
        counts[key] += 1
    groups = [Valsedelsgrupp(k[0], first[k].namn, counts[k]) for k in order]
    return groups, blanka


def gruppnamn(grupper: Sequence[Valsedelsgrupp]) -> list[str]:
    """Each group by its label; two groups with the same label (different lists) are told
    apart as 'S (lista 2)'."""
    seen: dict[str, int] = {}
    out: list[str] = []
    for g in grupper:
        seen[g.beteckning] = seen.get(g.beteckning, 0) + 1
        n = seen[g.beteckning]
        out.append(g.beteckning if n == 1 else f"{g.beteckning} (lista {n})")
    return out


# --- the distribution by jämförelsetal ------------------------------------------------------


@dataclass(frozen=True)
class Lottningsbehov:
    """A tie the count cannot pass without a lottning: for seat `plats`, between the groups
    (proportional val) or candidates (sluten omröstning) with these indexes."""

    plats: int
    mellan: tuple[int, ...]


@dataclass(frozen=True)
class Plats:
    """One seat: its number, the group (index) and its jämförelsetal when it won the seat,
    the person, and the indexes that tied for it when a lottning decided it."""

    nummer: int
    grupp: int
    kandidat: Kandidat
    jamforelsetal: Fraction
    lottning: tuple[int, ...] = ()


@dataclass(frozen=True)
class Fordelning:
    platser: tuple[Plats, ...]
    behov: Lottningsbehov | None = None
    vakanta: int = 0  # seats left because every group's names were used up

    @property
    def klar(self) -> bool:
        return self.behov is None

    def for_grupp(self, grupp: int) -> list[Plats]:
        return [p for p in self.platser if p.grupp == grupp]


def fordela(
    grupper: Sequence[Valsedelsgrupp], platser: int, lottning: Mapping[int, int] | None = None
) -> Fordelning:
    """Seats by jämförelsetal: each seat to the group with the largest votes / (seats so far
    + 1); a tie by the lottning recorded for that seat (seat number -> group index), else
    the count stops there with what it needs. A group with no unused name takes no seat; a
    name already elected from another group is passed over."""
    lottning = lottning or {}
    vunna = [0] * len(grupper)
    nasta = [0] * len(grupper)  # index of the next name to take, per group
    valda: set[tuple[str, str]] = set()
    out: list[Plats] = []

    def forsta_lediga(i: int) -> int | None:
        names = grupper[i].namn
        j = nasta[i]
        while j < len(names) and names[j].nyckel in valda:
            j += 1
        return j if j < len(names) else None

    for nummer in range(1, platser + 1):
        kandidater = [
            (i, Fraction(g.roster, vunna[i] + 1))
            for i, g in enumerate(grupper)
            if g.roster > 0 and forsta_lediga(i) is not None
        ]
        if not kandidater:
            return Fordelning(tuple(out), vakanta=platser - nummer + 1)
        hogst = max(t for _, t in kandidater)
        lika = tuple(i for i, t in kandidater if t == hogst)
        vinnare = lika[0]
        if len(lika) > 1:
            if lottning.get(nummer) not in lika:
                return Fordelning(tuple(out), behov=Lottningsbehov(nummer, lika))
            vinnare = lottning[nummer]
        j = forsta_lediga(vinnare)
        assert j is not None
        kandidat = grupper[vinnare].namn[j]
        nasta[vinnare] = j + 1
        valda.add(kandidat.nyckel)
        out.append(Plats(nummer, vinnare, kandidat, hogst, lika if len(lika) > 1 else ()))
        vunna[vinnare] += 1
    return Fordelning(tuple(out))


def jamforelsetal_tabell(
    grupper: Sequence[Valsedelsgrupp], fordelning: Fordelning
) -> list[list[Fraction]]:
    """Per group its jämförelsetal for divisors 1, 2, … up to one past its seats: what the
    protocol shows to explain the distribution."""
    return [
        [Fraction(g.roster, d) for d in range(1, len(fordelning.for_grupp(i)) + 2)]
        for i, g in enumerate(grupper)
    ]


def inkallelseordning(
    grupper: Sequence[Valsedelsgrupp], fordelning: Fordelning
) -> dict[int, list[Kandidat]]:
    """Per group, its elected ersättare in the order they are called in: the order of the
    group's list, whatever the seat numbers were."""
    out: dict[int, list[Kandidat]] = {}
    for i, g in enumerate(grupper):
        elected = {p.kandidat.nyckel for p in fordelning.for_grupp(i)}
        order = [k for k in g.namn if k.nyckel in elected]
        if order:
            out[i] = order
    return out


def dra_lott(mellan: Sequence[int], rng: random.Random) -> int:
    """A lottning drawn by the program when the meeting lets it draw (the outcome is then
    recorded like one drawn by hand)."""
    return rng.choice(list(mellan))


# --- sluten omröstning (a majority val) -----------------------------------------------------


@dataclass(frozen=True)
class Slutresultat:
    valda: tuple[Kandidat, ...]
    lottningar: tuple[tuple[int, tuple[int, ...], int], ...] = ()  # (seat, tied, winner)
    behov: Lottningsbehov | None = None

    @property
    def klar(self) -> bool:
        return self.behov is None


def sluten(
    roster: Sequence[tuple[Kandidat, int]],
    platser: int,
    lottning: Mapping[int, int] | None = None,
) -> Slutresultat:
    """The elected by most votes, seat by seat. Only votes for candidates are given here:
    blank and invalid ballots decide nothing. A tie that does not fit in the seats left is
    settled by the lottning recorded for the seat (candidate index), never by an
    utslagsröst; a candidate with no vote is not elected."""
    lottning = lottning or {}
    kvar = [i for i, (_, n) in enumerate(roster) if n > 0]
    valda: list[Kandidat] = []
    lott: list[tuple[int, tuple[int, ...], int]] = []
    nummer = 1
    while nummer <= platser and kvar:
        hogst = max(roster[i][1] for i in kvar)
        lika = tuple(i for i in kvar if roster[i][1] == hogst)
        if len(lika) <= platser - nummer + 1:
            for i in lika:
                valda.append(roster[i][0])
                kvar.remove(i)
            nummer += len(lika)
            continue
        vinnare = lottning.get(nummer)
        if vinnare not in lika:
            return Slutresultat(tuple(valda), tuple(lott), Lottningsbehov(nummer, lika))
        lott.append((nummer, lika, vinnare))
        valda.append(roster[vinnare][0])
        kvar.remove(vinnare)
        nummer += 1
    return Slutresultat(tuple(valda), tuple(lott))


# --- fyllnadsval ------------------------------------------------------------------------------


def fyllnadsval_period(
    beslutsdag: dt.date, avgangens_slut: dt.date | None, fran: dt.date | None = None
) -> tuple[dt.date, dt.date | None]:
    """The term of one elected in a fyllnadsval: from the decision (or a later day set) to
    the end of the term of the one who left; never before the decision."""
    start = max(fran, beslutsdag) if fran is not None else beslutsdag
    if avgangens_slut is not None and avgangens_slut < start:
        raise ValueError("Mandatperioden för den som avgått har redan löpt ut.")
    return start, avgangens_slut


def entledigande_sista_dag(fran: dt.date) -> dt.date:
    """An uppdrag ended 'från och med' a date: the day before is its last."""
    return fran - dt.timedelta(days=1)


# --- a post and its result --------------------------------------------------------------------


@dataclass(frozen=True)
class Nominering:
    kandidat: Kandidat
    av: str = ""  # who nominated: 'Valberedningen', 'Anna Ek (M)'


@dataclass(frozen=True)
class Post:
    """A post to fill in one val: `platser` seats as ledamot or ersättare of an organ (in
    running text, 'socialnämnden'), for a term; how it is elected and what was counted.
    `efter` is the one whose place a fyllnadsval fills. `roster` (sluten) are the votes per
    nominee, in the order of `nomineringar`; `grupper` (proportional) the valsedelsgrupper;
    `begarande` how many asked for a proportional val. `personliga` (ersättare, ledamot):
    whose personlig ersättare each elected ersättare is, as decided (not proportional)."""

    organ: str
    roll: Roll
    platser: int
    fran: dt.date | None = None
    till: dt.date | None = None
    valsatt: Valsatt = Valsatt.ACKLAMATION
    organ_id: int | None = None
    efter: Kandidat | None = None
    nomineringar: tuple[Nominering, ...] = ()
    roster: tuple[int, ...] = ()
    grupper: tuple[Valsedelsgrupp, ...] = ()
    blanka: int = 0
    ogiltiga: int = 0
    begarande: int = 0
    lottning: Mapping[int, int] = field(default_factory=dict)
    personliga: tuple[tuple[Kandidat, Kandidat], ...] = ()


@dataclass(frozen=True)
class Entledigande:
    kandidat: Kandidat
    organ: str
    roll: Roll
    fran: dt.date
    organ_id: int | None = None
    skal: str = ""  # why: 'egen begäran', 'flyttat från kommunen'


@dataclass(frozen=True)
class Valresultat:
    """Who a post elects, in order (for ersättare: the order they are called in), with the
    proportional distribution or the sluten count it rests on."""

    valda: tuple[Kandidat, ...]
    behov: Lottningsbehov | None = None
    fordelning: Fordelning | None = None
    sluten: Slutresultat | None = None
    ordning: tuple[int, ...] = ()  # per elected: its place in its group's call-in order

    @property
    def klar(self) -> bool:
        return self.behov is None


def resultat(post: Post) -> Valresultat:
    """The elected of a post. By acklamation the nominees are elected as nominated (the
    chair's finding), as many as there are seats."""
    if post.valsatt is Valsatt.PROPORTIONELL:
        f = fordela(post.grupper, post.platser, post.lottning)
        if post.roll is Roll.ERSATTARE:
            order = inkallelseordning(post.grupper, f)
            valda = tuple(k for i in sorted(order) for k in order[i])
            ordning = tuple(n for i in sorted(order) for n in range(1, len(order[i]) + 1))
        else:
            valda = tuple(p.kandidat for p in f.platser)
            ordning = ()
        return Valresultat(valda, f.behov, fordelning=f, ordning=ordning)
    if post.valsatt is Valsatt.SLUTEN:
        counts = list(post.roster) + [0] * (len(post.nomineringar) - len(post.roster))
        pairs = [(n.kandidat, counts[i]) for i, n in enumerate(post.nomineringar)]
        s = sluten(pairs, post.platser, post.lottning)
        return Valresultat(s.valda, s.behov, sluten=s)
    return Valresultat(tuple(n.kandidat for n in post.nomineringar[: post.platser]))


def post_hinder(post: Post, narvarande: int, ledamotsval: Valsatt | None) -> list[str]:
    """Every reason the post cannot be recorded as it stands, in Swedish."""
    out: list[str] = []
    if post.platser < 1:
        out.append("Ange hur många platser valet avser.")
    if post.fran and post.till and post.till < post.fran:
        out.append("Mandatperioden slutar före den börjar.")
    if post.valsatt is Valsatt.PROPORTIONELL:
        if post.roll is Roll.ERSATTARE:
            hinder = ersattarval_hinder(ledamotsval, post.valsatt)
            if hinder:
                out.append(hinder)
        behovs = troskel(narvarande, max(post.platser, 1))
        if post.begarande < behovs:
            out.append(
                f"Proportionellt val kräver att minst {behovs} av {narvarande} närvarande "
                f"ledamöter begär det (2 § {LPV}); {post.begarande} har begärt det."
            )
    sedlar = post.blanka + post.ogiltiga
    if post.valsatt is Valsatt.PROPORTIONELL:
        sedlar += sum(g.roster for g in post.grupper)
    elif post.valsatt is Valsatt.SLUTEN and post.platser == 1:
        sedlar += sum(post.roster)  # one name a ballot when one is elected
    if post.valsatt is not Valsatt.ACKLAMATION and sedlar > narvarande:
        out.append(f"{sedlar} valsedlar är fler än de {narvarande} som deltar.")
    if min((*post.roster, post.blanka, post.ogiltiga), default=0) < 0:
        out.append("Antalet röster kan inte vara negativt.")
    return out


# --- personliga ersättare ---------------------------------------------------------------------


@dataclass(frozen=True)
class Personlig:
    """An elected ersättare and the ledamot they are personlig ersättare for (None: no
    ledamot to be tied to)."""

    ersattare: Kandidat
    ledamot: Kandidat | None


def personliga_ersattare(
    post: Post,
    res: Valresultat,
    ledamotspost: Post | None = None,
    ledamotsres: Valresultat | None = None,
) -> tuple[Personlig, ...]:
    """Per elected ersättare of `post`, the ledamot they replace, for an organ with
    personliga ersättare. Proportional: by valsedelsgrupp, the group's ersättare in list order
    to the ledamöter the group of the same name won in `ledamotspost` (in seat order). By
    acklamation or sluten omröstning: as the secretary recorded it (`Post.personliga`)."""
    if post.roll is not Roll.ERSATTARE:
        return ()
    if post.valsatt is not Valsatt.PROPORTIONELL:
        chosen = {e.nyckel: le for e, le in post.personliga}
        return tuple(Personlig(k, chosen.get(k.nyckel)) for k in res.valda)
    ledamoter: dict[str, list[Kandidat]] = {}
    if ledamotspost is not None and ledamotsres is not None and ledamotsres.fordelning:
        names = gruppnamn(ledamotspost.grupper)
        for p in ledamotsres.fordelning.platser:
            ledamoter.setdefault(names[p.grupp], []).append(p.kandidat)
    out: list[Personlig] = []
    if res.fordelning is None:
        return ()
    names = gruppnamn(post.grupper)
    for i, ersattare in sorted(inkallelseordning(post.grupper, res.fordelning).items()):
        theirs = ledamoter.get(names[i], [])
        for n, k in enumerate(ersattare):
            out.append(Personlig(k, theirs[n] if n < len(theirs) else None))
    return tuple(out)


# --- what is unfinished -------------------------------------------------------------------------


def post_brister(
    post: Post,
    res: Valresultat,
    narvarande: int,
    personliga: Sequence[Personlig] = (),
    *,
    har_personliga: bool = False,
) -> list[str]:
    """What the checklist names before justering, in Swedish: seats left unfilled, a
    lottning not yet recorded, a proportional val no longer asked for by enough of those
    present (LPV 2 §: the attendance may have changed since it was recorded), an ersättare
    of an organ with personliga ersättare not tied to a ledamot."""
    where = f"{roll_ord(post.roll, post.platser)} i {post.organ}"
    out: list[str] = []
    if post.valsatt is Valsatt.PROPORTIONELL:
        behovs = troskel(narvarande, max(post.platser, 1))
        if post.begarande < behovs:
            out.append(
                f"Valet av {where} är proportionellt men begärdes av {post.begarande}; "
                f"minst {behovs} av {narvarande} närvarande krävs (2 § {LPV})."
            )
    if res.behov is not None:
        out.append(f"Valet av {where} väntar på lottning om plats {res.behov.plats}.")
    elif len(res.valda) < post.platser:
        out.append(f"Valet av {where}: {len(res.valda)} valda till {post.platser} platser.")
    if har_personliga:
        for p in personliga:
            if p.ledamot is None:
                out.append(
                    f"{p.ersattare.label} är inte knuten till någon ledamot som personlig "
                    f"ersättare i {post.organ}."
                )
    return out


def roll_ord(roll: Roll, antal: int) -> str:
    """'ledamot', 'ledamöter', 'ersättare'."""
    if roll is Roll.ERSATTARE:
        return "ersättare"
    return "ledamot" if antal == 1 else "ledamöter"
