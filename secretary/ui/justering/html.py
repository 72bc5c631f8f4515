"""HTML for the text views of the justering window: a draft § as the justerare reads it, and
the changes since an earlier draft with inserted and removed words marked."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from secretary.domain.innehall import DELAR
from secretary.domain.versionsdiff import Op, Paragrafandring

INS = "background:#d4f7d4; color:#0b5d0b; text-decoration:underline;"
DEL = "background:#fbd6d6; color:#8b1111; text-decoration:line-through;"


def _text(s: str) -> str:
    return escape(s).replace("\n", "<br>")


def paragraf_html(p: Mapping[str, Any]) -> str:
    """One § of a content snapshot, part by part, as the protocol prints it."""
    out = [f"<h2>§ {int(p['paragraf'])} {escape(str(p.get('rubrik', '')))}</h2>"]
    if p.get("dnr"):
        out.append(f"<p style='color:#555'>Dnr {escape(str(p['dnr']))}</p>")
    delar = p.get("delar", {})
    for del_, rubrik in DELAR.items():
        texts = [t for t in delar.get(del_, []) if str(t).strip()]
        if not texts:
            continue
        out.append(f"<h4>{escape(rubrik)}</h4>")
        out += [f"<p>{_text(str(t))}</p>" for t in texts]
    return "\n".join(out)


def diff_html(fore: str, efter: str, andringar: list[Paragrafandring]) -> str:
    """The changes from `fore` to `efter` ('utkast 1', 'utkast 2'), per §: unchanged words
    plain, inserted words underlined on green, removed words struck through on red."""
    head = f"<h2>Ändringar sedan {escape(fore)} (i {escape(efter)})</h2>"
    if not andringar:
        return head + "<p>Inga ändringar: versionerna har samma innehåll.</p>"
    out = [
        head,
        f"<p><span style='{INS}'>Infogad text</span> &nbsp; "
        f"<span style='{DEL}'>borttagen text</span></p>",
    ]
    for a in andringar:
        status = "" if a.status == "ändrad" else f" ({escape(a.status)})"
        out.append(f"<h3>§ {a.paragraf} {escape(a.rubrik)}{status}</h3>")
        for d in a.delar:
            words: list[str] = []
            for bit in d.bitar:
                text = _text(bit.text)
                if bit.op is Op.INFOGAT:
                    words.append(f"<ins style='{INS}'>{text}</ins>")
                elif bit.op is Op.BORTTAGET:
                    words.append(f"<del style='{DEL}'>{text}</del>")
                else:
                    words.append(text)
            out.append(f"<p><b>{escape(d.rubrik)}:</b> {' '.join(words)}</p>")
    return "\n".join(out)
