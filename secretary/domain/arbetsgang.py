"""A meeting's workflow: the states it passes through after it is planned, which step may
follow which, and what may still be edited in each (domain.md, 'Justering and anslag').

planerat -> pågår -> utkast -> för justering -> (för underskrift ->) justerat -> anslaget ->
nedtaget. A draft sent for review can be taken back to utkast. "För underskrift": the final
version is fixed and the signatories sign it, on paper or digitally (domain.underskrift); the
meeting is justerat when the last one has signed. After justering the protocol is final: a change
is a rättelse, never a silent edit.
"""

from __future__ import annotations

from enum import StrEnum


class Tillstand(StrEnum):
    PLANERAT = "planerat"
    PAGAR = "pågår"
    UTKAST = "utkast"
    FOR_JUSTERING = "för justering"
    FOR_UNDERSKRIFT = "för underskrift"
    JUSTERAT = "justerat"
    ANSLAGET = "anslaget"
    NEDTAGET = "nedtaget"

    @property
    def label(self) -> str:
        return LABELS[self]


LABELS: dict[Tillstand, str] = {
    Tillstand.PLANERAT: "Planerat",
    Tillstand.PAGAR: "Pågår",
    Tillstand.UTKAST: "Utkast",
    Tillstand.FOR_JUSTERING: "För justering",
    Tillstand.FOR_UNDERSKRIFT: "För underskrift",
    Tillstand.JUSTERAT: "Justerat",
    Tillstand.ANSLAGET: "Anslaget",
    Tillstand.NEDTAGET: "Nedtaget",
}

OVERGANGAR: dict[Tillstand, frozenset[Tillstand]] = {
    Tillstand.PLANERAT: frozenset({Tillstand.PAGAR}),
    Tillstand.PAGAR: frozenset({Tillstand.UTKAST}),
    Tillstand.UTKAST: frozenset({Tillstand.FOR_JUSTERING}),
    Tillstand.FOR_JUSTERING: frozenset(
        {Tillstand.UTKAST, Tillstand.FOR_UNDERSKRIFT, Tillstand.JUSTERAT}
    ),
    Tillstand.FOR_UNDERSKRIFT: frozenset({Tillstand.FOR_JUSTERING, Tillstand.JUSTERAT}),
    Tillstand.JUSTERAT: frozenset({Tillstand.ANSLAGET}),
    Tillstand.ANSLAGET: frozenset({Tillstand.NEDTAGET}),
    Tillstand.NEDTAGET: frozenset(),
}

LAST = frozenset({Tillstand.JUSTERAT, Tillstand.ANSLAGET, Tillstand.NEDTAGET})

RATTELSE = (
    "Protokollet är justerat och därmed låst. Om något blev fel, gör en rättelse: ange vad "
    "som rättas och varför, så skapas en ny version där det syns att och vad som rättats."
)

_VARFOR: dict[Tillstand, str] = {
    Tillstand.PLANERAT: "Sammanträdet har inte börjat.",
    Tillstand.PAGAR: "Sammanträdet pågår; avsluta det först.",
    Tillstand.UTKAST: "Protokollet är ett utkast som inte skickats för justering.",
    Tillstand.FOR_JUSTERING: "Protokollet är skickat för justering men inte justerat.",
    Tillstand.FOR_UNDERSKRIFT: "Protokollet väntar på underskrifter.",
    Tillstand.JUSTERAT: "Protokollet är justerat men anslaget har inte satts upp.",
    Tillstand.ANSLAGET: "Anslaget sitter uppe.",
    Tillstand.NEDTAGET: "Anslaget är nedtaget; sammanträdet är avslutat i alla led.",
}


def tillstand(value: str) -> Tillstand:
    return Tillstand(value)


def overgangshinder(fran: Tillstand, till: Tillstand) -> str | None:
    """Why the meeting cannot go from `fran` to `till` (a Swedish sentence), or None."""
    if till in OVERGANGAR[fran]:
        return None
    if fran == till:
        return f"Sammanträdet är redan i läget {till.label.lower()}."
    tillatna = ", ".join(t.label.lower() for t in sorted(OVERGANGAR[fran], key=_ordning))
    nasta = f" Härifrån går det bara till: {tillatna}." if tillatna else ""
    return (
        f"Sammanträdet kan inte gå från {fran.label.lower()} till {till.label.lower()}. "
        f"{_VARFOR[fran]}{nasta}"
    )


def _ordning(t: Tillstand) -> int:
    return list(Tillstand).index(t)


class Del(StrEnum):
    """What an edit touches; each is open in different states."""

    DAGORDNING = "dagordning"  # which ärenden, in which order: the § numbers
    NARVARO = "narvaro"  # attendance, while the meeting runs
    TEXT = "text"  # what the protocol says: texts, yrkanden, beslut, reservations


_OPPEN: dict[Del, frozenset[Tillstand]] = {
    Del.DAGORDNING: frozenset({Tillstand.PLANERAT, Tillstand.PAGAR}),
    Del.NARVARO: frozenset({Tillstand.PAGAR}),
    Del.TEXT: frozenset(
        {Tillstand.PLANERAT, Tillstand.PAGAR, Tillstand.UTKAST, Tillstand.FOR_JUSTERING}
    ),
}

_STANGD: dict[Del, str] = {
    Del.DAGORDNING: "Föredragningslistan är låst: protokollet är redan upprättat.",
    Del.NARVARO: "Sammanträdet är avslutat; närvaron kan inte längre ändras.",
    Del.TEXT: "Protokollet kan inte ändras i det här läget.",
}


def redigeringshinder(state: str, del_: Del) -> str | None:
    """The one check every editing service makes: why `del_` cannot be edited in `state`,
    or None. After justering the answer always explains rättelse."""
    t = tillstand(state)
    if t in _OPPEN[del_]:
        return None
    if t in LAST:
        return RATTELSE
    if del_ is Del.NARVARO and t is Tillstand.PLANERAT:
        return "Sammanträdet pågår inte; öppna det i sammanträdesläge först."
    return _STANGD[del_]


def borttagningshinder(state: str) -> str | None:
    """Why a meeting in `state` cannot be deleted, or None: only a planned one can go, one
    that has been held is part of the record."""
    if tillstand(state) is Tillstand.PLANERAT:
        return None
    return "Sammanträdet har redan hållits och kan inte tas bort."
