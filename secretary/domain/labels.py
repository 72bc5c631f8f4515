"""Headings that differ per municipality and organ (domain.md, 'What hurts today' 8).

An organ stores only the labels it changes; everything else falls back to the default.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class LabelSpec:
    key: str
    description: str
    default: str
    alternatives: tuple[str, ...] = ()


LABEL_SPECS: tuple[LabelSpec, ...] = (
    LabelSpec("sammanfattning", "Ärendets beskrivning", "Sammanfattning", ("Ärendebeskrivning",)),
    LabelSpec("beslutsunderlag", "Underlag", "Beslutsunderlag"),
    LabelSpec("forslag_till_beslut", "Förslaget mötet utgår från", "Förslag till beslut"),
    LabelSpec("yrkanden", "Yrkanden", "Yrkanden"),
    LabelSpec("beslutsgang", "Hur beslutet fattades", "Beslutsgång", ("Propositionsordning",)),
    LabelSpec("omrostning", "Omröstning", "Omröstning", ("Votering",)),
    LabelSpec("beslut", "Beslut", "Beslut"),
    LabelSpec("reservation", "Reservation", "Reservation"),
    LabelSpec("protokollsanteckning", "Protokollsanteckning", "Protokollsanteckning"),
    LabelSpec(
        "expedieras",
        "Mottagare av beslutet",
        "Beslut expedieras till",
        ("Skickas till", "Expedieras till"),
    ),
    LabelSpec("ovriga", "Övriga närvarande", "Övriga", ("Övriga närvarande",)),
)

_DEFAULTS = {spec.key: spec.default for spec in LABEL_SPECS}


def resolve_labels(overrides: Mapping[str, str] | None) -> dict[str, str]:
    """The organ's full label set: its own words where it has set them, else the default."""
    labels = dict(_DEFAULTS)
    for key, text in (overrides or {}).items():
        if key in labels and text.strip():
            labels[key] = text.strip()
    return labels


def label_overrides(labels: Mapping[str, str]) -> dict[str, str]:
    """Only the labels that differ from the default: what is worth storing."""
    return {
        key: text.strip()
        for key, text in labels.items()
        if key in _DEFAULTS and text.strip() and text.strip() != _DEFAULTS[key]
    }
