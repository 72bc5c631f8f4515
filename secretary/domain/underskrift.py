"""Who signs the protocol and how far they have come (domain.md, 'Justering and anslag'):
the sekreterare, the ordförande and the justerare each sign the justerat version, on paper
or with an e-signature. Justering is the ordförande's and the justerare's (KL 5 kap. 69 §,
verify; domain.md: "Ordförande + at least one justerare sign"): the protocol is justerat
when each of them has signed, on the day of the last of those signatures; that day drives
the anslag (KL 8 kap. 12 §). The sekreterare's signature is recorded the same way, also
after justering, but does not hold the justering back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum


class Status(StrEnum):
    VANTAR = "väntar"
    SIGNERAT = "signerat"


class Satt(StrEnum):
    """How a signature was made."""

    PAPPER = "papper"
    CERTIFIKATFIL = "certifikatfil"  # PKCS#12 in the application
    KORT = "kort"  # smart card or token through PKCS#11, in the application
    EXTERN = "extern"  # signed elsewhere and imported

    @property
    def text(self) -> str:
        return SATT_TEXT[self]


SATT_TEXT = {
    Satt.PAPPER: "på papper",
    Satt.CERTIFIKATFIL: "e-signatur (certifikatfil)",
    Satt.KORT: "e-signatur (kort/token)",
    Satt.EXTERN: "e-signatur (signerad utanför programmet)",
}


def kravs(falt: str) -> bool:
    """Is the signature in this field required for the justering?"""
    return falt != "Sekreterare"


def justeringsdag(signerade: Iterable[tuple[Status, dt.date | None]]) -> dt.date | None:
    """The day the protocol is justerat: the last signature's, once everyone has signed;
    None while someone is still waiting (or nobody is listed)."""
    rows = list(signerade)
    if not rows or any(st is not Status.SIGNERAT or d is None for st, d in rows):
        return None
    return max(d for _, d in rows if d is not None)


def datumhinder(
    datum: dt.date, tidigast: dt.date, idag: dt.date, fore: str = "sammanträdet"
) -> str | None:
    """Why `datum` cannot be a signature's date, or None: not before `tidigast` (the
    meeting's day for the protocol, the day of justering for a bestyrkt utdrag or the
    anslagsbevis, which certify the justerat protocol), not in the future."""
    if datum < tidigast:
        return f"Underskriftsdagen {datum.isoformat()} ligger före {fore} {tidigast.isoformat()}."
    if datum > idag:
        return f"Underskriftsdagen {datum.isoformat()} ligger i framtiden."
    return None


def namnet_stammer(signerare: str, namn: str) -> bool:
    """Does the certificate's name ('Petra Sandström') belong to the signatory printed
    'Petra Sandström (L)'? Every word of the certificate's name must be in the printed one."""
    printed = {w.strip("(),").casefold() for w in namn.split()}
    words = [w.casefold() for w in signerare.split()]
    return bool(words) and all(w in printed for w in words)


def avbrutna(fixerade: Iterable[int], underskrift_pagar_eller_klar: bool) -> frozenset[int]:
    """The versions fixed for signing whose signing was cancelled (avbryt_underskrift), from
    the numbers of every version fixed for signing and whether the meeting is now waiting for
    signatures or justerat: all but the last were cancelled (each new one is fixed only after
    the one before was taken back), and the last too when the meeting is back before signing.

    A cancelled version stays, as part of the trail (domain.md: keep versions, never silent
    edits; Riksarkivet: keep proof of each signature checked, and some may have signed it),
    but it never was the justerat protocol and must not be read as the protocol of record."""
    nummer = sorted(fixerade)
    if not nummer:
        return frozenset()
    klar = () if underskrift_pagar_eller_klar else (nummer[-1],)
    return frozenset((*nummer[:-1], *klar))
