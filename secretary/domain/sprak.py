"""Swedish phrasing helpers: genitive of names, lists with 'och', counted nouns."""

from __future__ import annotations

from collections.abc import Sequence


def genitiv(name: str) -> str:
    """'Almgren' -> 'Almgrens'; a name ending in s, x or z takes no extra s ('Hans', 'Strauss',
    'Marx'), as Swedish writes it."""
    name = name.rstrip()
    if not name:
        return name
    return name if name[-1].lower() in "sxz" else name + "s"


def person_genitiv(name: str, party: str | None) -> str:
    """'Anders Almgrens (S)': the genitive sits on the name, before the party."""
    base = genitiv(name)
    return f"{base} ({party})" if party else base


def lista(items: Sequence[str]) -> str:
    """'A', 'A och B', 'A, B och C'."""
    items = [i for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} och {items[-1]}"


def antal(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def versal(text: str) -> str:
    """Capitalise the first letter only: 'arbetsutskottet' -> 'Arbetsutskottet'."""
    return text[:1].upper() + text[1:]
