"""The attendance as the protocol's front page will print it, for the secretary to check."""

from __future__ import annotations

from html import escape

from secretary.domain.narvaro_text import Forstasida


def front_page_html(page: Forstasida) -> str:
    groups = (
        ("Ledamöter", page.ledamoter),
        ("Tjänstgörande ersättare", page.tjanstgorande_ersattare),
        ("Ersättare", page.ersattare),
        ("Adjungerade", page.adjungerade),
        ("Övriga", page.ovriga),
    )
    parts = ["<h3>Närvaro i protokollet</h3>"]
    for title, lines in groups:
        parts.append(f"<p style='margin-bottom:2px'><b>{escape(title)}</b></p>")
        if lines:
            parts.append("<br>".join(escape(line) for line in lines))
        else:
            parts.append("<i style='color:#6b7280'>ingen</i>")
    return "\n".join(parts)
