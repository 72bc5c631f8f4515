"""Voteringar: the roll call, the totals, and who won (domain.md, 'Yrkanden and how decisions
are reached').

Ja does not always mean bifall, so every vote stores what Ja and Nej stand for. The Ja + Nej +
Avstår must equal the number serving on the §; the chair votes last and, in an ordinary
matter, has the casting vote (utslagsröst); in a val a tie is decided by lottning.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


class Rost(enum.StrEnum):
    JA = "JA"
    NEJ = "NEJ"
    AVSTAR = "AVSTAR"

    @property
    def label(self) -> str:
        return {Rost.JA: "Ja", Rost.NEJ: "Nej", Rost.AVSTAR: "Avstår"}[self]


@dataclass(frozen=True)
class Votering:
    """One counted vote. `ja` and `nej` are the keys of the alternatives they stand for.
    `utslag` is the alternative the chair's casting vote chose on a tie (ordinary matters);
    `lottning` the alternative the draw gave (val)."""

    ja: str
    nej: str
    roster: Mapping[int, Rost]  # person_id -> vote, for those serving
    val: bool = False
    utslag: str | None = None
    lottning: str | None = None
    # How many serve on the § (set when the roll call opens): the vote is undecided until
    # every one of them has answered. None: the roster is taken as complete.
    rostberattigade: int | None = None

    @property
    def komplett(self) -> bool:
        return self.rostberattigade is None or len(self.roster) >= self.rostberattigade

    @property
    def antal_ja(self) -> int:
        return sum(1 for r in self.roster.values() if r is Rost.JA)

    @property
    def antal_nej(self) -> int:
        return sum(1 for r in self.roster.values() if r is Rost.NEJ)

    @property
    def antal_avstar(self) -> int:
        return sum(1 for r in self.roster.values() if r is Rost.AVSTAR)

    @property
    def lika(self) -> bool:
        return self.antal_ja == self.antal_nej

    @property
    def vinnare(self) -> str | None:
        """The winning alternative; None while the roll call or a tie is not finished."""
        if not self.komplett:
            return None
        if self.antal_ja > self.antal_nej:
            return self.ja
        if self.antal_nej > self.antal_ja:
            return self.nej
        return self.lottning if self.val else self.utslag


def kontrollera(v: Votering, tjanstgorande: Sequence[int], ordforande: int | None) -> list[str]:
    """What is wrong with a vote, in Swedish: who has not voted, who voted without serving,
    an unsettled tie. Empty when the vote can be recorded."""
    problems: list[str] = []
    serving = set(tjanstgorande)
    missing = [p for p in tjanstgorande if p not in v.roster]
    extra = [p for p in v.roster if p not in serving]
    if missing:
        problems.append(f"{len(missing)} av {len(serving)} tjänstgörande har inte röstat.")
    if extra:
        problems.append("Endast de som tjänstgör i paragrafen får rösta.")
    if not missing and not extra and v.lika:
        if v.val and v.lottning not in (v.ja, v.nej):
            problems.append("Lika röstetal i ett val: ange hur lottningen utföll.")
        if not v.val and v.utslag not in (v.ja, v.nej):
            problems.append("Lika röstetal: ange hur ordföranden lade sin utslagsröst.")
        if not v.val and v.utslag is not None and ordforande is not None:
            chair_vote = v.roster.get(ordforande)
            expected = {Rost.JA: v.ja, Rost.NEJ: v.nej}.get(chair_vote) if chair_vote else None
            if expected is not None and expected != v.utslag:
                problems.append("Ordförandens utslagsröst följer hur ordföranden själv röstade.")
    return problems


def ropa_upp(tjanstgorande: Sequence[int]) -> list[int]:
    """The roll-call order: as given (seat order with the chair last, see narvaro.seat_order)."""
    return list(tjanstgorande)


def resten_rostar(
    roster: Mapping[int, Rost], ordning: Sequence[int], rost: Rost
) -> dict[int, Rost]:
    """'The rest vote Ja/Nej': everyone not yet called gets `rost`."""
    out = dict(roster)
    for person in ordning:
        out.setdefault(person, rost)
    return out
