"""The web version for the anslagstavla: the public protocol as one self-contained HTML page,
laid out from the same (masked) ProtokollData as the public PDF.

WCAG 2.1 AA as far as a page can carry it (Lag (2018:1937), EN 301 549): lang="sv", a title,
headings in order (h1 the organ and meeting, h2 each §, h3 its parts), lists for att-satser
and documents, tables with th and scope for the meeting facts and each roll call, a skip
link, a visible focus ring, no information by colour alone (a vote is a word, not a colour)
and text that reflows at 320 px and at 200 % zoom (no fixed widths, relative units). No
script, no external file: the page can be posted as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from secretary.domain.publicering import SEKRETESS_NOT
from secretary.reports.data import AVSTAR, FRANVARANDE, JA, JAV, NEJ, Omrostning, ProtokollData
from secretary.reports.forstasida import EJ_JUSTERAT, faktarader

_CSS = """
:root { color: #1a1a1a; background: #fff; font-family: "Liberation Sans", Arial, sans-serif; }
body { margin: 0; line-height: 1.5; font-size: 1rem; }
main, header.sida { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
header.sida { border-bottom: 1px solid #767676; padding-top: 1rem; }
header.sida p { margin: 0.2rem 0; }
h1 { font-size: 1.6rem; margin: 1rem 0 0.5rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 0.25rem; border-top: 1px solid #767676;
     padding-top: 1rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 0.25rem; }
p, li { overflow-wrap: anywhere; }
ul { padding-left: 1.25rem; }
.dnr { margin-top: 0; }
table.fakta th { width: 13rem; overflow-wrap: break-word; }
.not { font-style: italic; font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: 0.25rem 0.5rem 0.25rem 0;
         overflow-wrap: anywhere; }
table.rost th, table.rost td { border-bottom: 1px solid #767676; padding-left: 0.25rem; }
table.rost td.rost, table.rost th.rost { text-align: center; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
.tabell { overflow-x: auto; }
a { color: #0b4f9c; text-decoration: underline; }
a:focus, a:focus-visible, [tabindex]:focus { outline: 3px solid #0b4f9c; outline-offset: 2px; }
.hoppa { position: absolute; left: -999rem; }
.hoppa:focus { position: static; display: inline-block; margin: 0.5rem 1rem; }
@media (max-width: 30rem) {
  table.fakta, table.fakta tbody, table.fakta tr, table.fakta th, table.fakta td {
    display: block; width: auto; }
  table.fakta th { padding-top: 0.75rem; }
}
"""

_ROSTER = (JA, NEJ, AVSTAR, FRANVARANDE)


def _e(text: str) -> str:
    return escape(text, quote=True)


def _stycken(texts: Sequence[str]) -> list[str]:
    return [f"<p>{_e(t)}</p>" for t in texts]


def _lista(texts: Sequence[str]) -> list[str]:
    return ["<ul>", *[f"<li>{_e(t)}</li>" for t in texts], "</ul>"]


def _del(rubrik: str, texts: Sequence[str], *, lista: bool = False) -> list[str]:
    if not texts:
        return []
    return [f"<h3>{_e(rubrik)}</h3>", *(_lista(texts) if lista else _stycken(texts))]


def _omrostning(o: Omrostning, paragraf: int) -> list[str]:
    """The roll call as a table: one row per seat, the answer as a word in its own column
    (Ja, Nej, Avstår, Frånvarande) so it is not told by position or colour alone."""
    out = [
        f"<p><strong>Omröstningslista nr {o.nummer}</strong></p>",
        f"<p>{_e(o.proposition)}</p>",
        '<div class="tabell">',
        '<table class="rost">',
        f"<caption>Omröstningslista nr {o.nummer}, § {paragraf}</caption>",
        "<thead><tr>"
        '<th scope="col">Ledamot</th><th scope="col">Tjänstgörande ersättare</th>'
        '<th scope="col">Röst</th></tr></thead>',
        "<tbody>",
    ]
    for r in o.rader:
        rost = "Frånvarande (jäv)" if r.rost == JAV else r.rost
        out.append(
            f'<tr><th scope="row">{_e(r.ledamot)}</th><td>{_e(r.ersattare)}</td>'
            f"<td>{_e(rost)}</td></tr>"
        )
    out.append("</tbody>")
    summa = ", ".join(
        f"{k}: {o.antal(k) + (o.antal(JAV) if k == FRANVARANDE else 0)}" for k in _ROSTER
    )
    out += [
        f'<tfoot><tr><th scope="row">Summa</th><td colspan="2">{_e(summa)}</td></tr></tfoot>',
        "</table>",
        "</div>",
    ]
    return out


def _fakta(d: ProtokollData) -> list[str]:
    out = [
        '<table class="fakta">',
        "<caption>Sammanträdet</caption>",
        "<tbody>",
    ]
    group: list[str] = []
    label = ""

    def flush() -> None:
        if label and any(group):  # "Beslutande" heads the two lists under it: not a row
            cell = "<br>".join(_e(v) for v in group if v)
            out.append(f'<tr><th scope="row">{_e(label)}</th><td>{cell}</td></tr>')

    for row_label, value, _ in faktarader(d):
        if row_label:
            flush()
            if row_label == "Ledamöter" and label == "Beslutande":
                row_label = "Beslutande ledamöter"
            label, group = row_label, [value]
        else:
            group.append(value)
    flush()
    justerat = d.justerat.isoformat() if d.justerat is not None else EJ_JUSTERAT
    out.append(f'<tr><th scope="row">Justerat</th><td>{_e(justerat)}</td></tr>')
    out += ["</tbody>", "</table>"]
    return out


def webb_html(data: ProtokollData, *, titel: str) -> str:
    """The page: `data` already masked (services.dokument.publik_html)."""
    d = data
    label = d.label
    body: list[str] = [
        '<a class="hoppa" href="#innehall">Till innehållet</a>',
        '<header class="sida">',
        f"<p><strong>{_e(d.kommun)}</strong></p>",
        f"<p>Protokoll, webbversion. Sammanträdesdatum {_e(d.datum.isoformat())}</p>",
        "</header>",
        '<main id="innehall" tabindex="-1">',
        f"<h1>{_e(d.organ)} {_e(d.datum.isoformat())}</h1>",
        *_fakta(d),
    ]
    if d.arenden:
        body += ['<nav aria-label="Paragrafer">', "<ul>"]
        for p in d.arenden:
            body.append(f'<li><a href="#p{p.paragraf}">§ {p.paragraf} {_e(p.rubrik)}</a></li>')
        body += ["</ul>", "</nav>"]
    for n in d.rattelser:
        body.append(
            f"<p>Rättelse {_e(n.datum.isoformat())} i § {n.paragraf}, {_e(n.del_)}: "
            f"{_e(n.varfor)}</p>"
        )
    for p in d.arenden:
        body.append(f'<section aria-labelledby="p{p.paragraf}">')
        body.append(f'<h2 id="p{p.paragraf}">§ {p.paragraf} {_e(p.rubrik)}</h2>')
        if p.sekretess:
            body += [f'<p class="not">{_e(SEKRETESS_NOT)}</p>', "</section>"]
            continue
        if p.dnr:
            body.append(f'<p class="dnr">Dnr {_e(p.dnr)}</p>')
        if p.omedelbar_justering:
            body.append('<p class="not">Paragrafen justeras omedelbart</p>')
        body += _del("Jäv", p.jav)
        body += _del(label("sammanfattning", "Sammanfattning"), p.sammanfattning)
        body += _del(label("beslutsunderlag", "Beslutsunderlag"), p.beslutsunderlag, lista=True)
        body += _del(
            label("forslag_till_beslut", "Förslag till beslut"), p.forslag_till_beslut, lista=True
        )
        body += _del(label("yrkanden", "Yrkanden"), p.yrkanden)
        body += _del(label("beslutsgang", "Beslutsgång"), p.beslutsgang)
        if p.omrostningar:
            body.append(f"<h3>{_e(label('omrostning', 'Omröstning'))}</h3>")
            for o in p.omrostningar:
                body += _omrostning(o, p.paragraf)
        if p.beslut_att:
            body.append(f"<h3>{_e(label('beslut', 'Beslut'))}</h3>")
            if p.beslut_rubrik:
                body.append(f"<p><strong>{_e(p.beslut_rubrik)}</strong></p>")
            body += _lista(p.beslut_att)
        body += _del(label("reservation", "Reservation"), p.reservationer)
        body += _del(label("protokollsanteckning", "Protokollsanteckning"), p.anteckningar)
        expedieras = label("expedieras", "Beslut expedieras till").rstrip(":")
        body += _del(expedieras, p.expedieras_till, lista=True)
        body.append("</section>")
    body.append("</main>")
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="sv">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(titel)}</title>",
            f"<style>{_CSS}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )
