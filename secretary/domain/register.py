"""The register: kinds of organ, roles on an organ, and how a person is written."""

from __future__ import annotations

import enum


class OrganKind(enum.StrEnum):
    KF = "KF"
    KS = "KS"
    NAMND = "NAMND"
    AU = "AU"

    @property
    def label(self) -> str:
        return {
            OrganKind.KF: "Kommunfullmäktige",
            OrganKind.KS: "Kommunstyrelse",
            OrganKind.NAMND: "Nämnd",
            OrganKind.AU: "Arbetsutskott",
        }[self]


class Roll(enum.StrEnum):
    """What a person is on an organ."""

    LEDAMOT = "LEDAMOT"
    ERSATTARE = "ERSATTARE"
    ADJUNGERAD = "ADJUNGERAD"
    OVRIG = "OVRIG"

    @property
    def label(self) -> str:
        return {
            Roll.LEDAMOT: "Ledamot",
            Roll.ERSATTARE: "Ersättare",
            Roll.ADJUNGERAD: "Adjungerad",
            Roll.OVRIG: "Övrig närvarande",
        }[self]


class Funktion(enum.StrEnum):
    """The presidium: the chair and the vice chairs."""

    INGEN = ""
    ORDFORANDE = "ORDFORANDE"
    FORSTE_VICE = "FORSTE_VICE"
    ANDRE_VICE = "ANDRE_VICE"

    @property
    def label(self) -> str:
        return {
            Funktion.INGEN: "",
            Funktion.ORDFORANDE: "ordförande",
            Funktion.FORSTE_VICE: "1:e vice ordförande",
            Funktion.ANDRE_VICE: "2:e vice ordförande",
        }[self]


def person_label(name: str, party: str | None) -> str:
    """'Philip Sandberg (L)'; officials without a party are written by name only."""
    return f"{name} ({party})" if party else name


def full_name(first: str, last: str) -> str:
    return " ".join(part for part in (first.strip(), last.strip()) if part)
