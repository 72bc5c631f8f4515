"""Text shown beside the föredragningslista: the meeting's facts and a read-only ärende."""

from __future__ import annotations

from html import escape

from secretary.services.agenda import ArendeData, MeetingData


def meeting_summary(m: MeetingData) -> str:
    when = m.date.isoformat()
    if m.planned_start is not None:
        when += f" kl. {m.planned_start:%H.%M}"
    parts = [f"<b>Plats och tid:</b> {escape(m.place or 'plats ej angiven')}, {when}"]
    justerare = ", ".join(escape(j.label) for j in m.justerare) or "ej utsedda"
    parts.append(f"<b>Justerare:</b> {justerare}")
    justering = [m.justering_place] if m.justering_place else []
    if m.justering_date is not None:
        justering.append(m.justering_date.isoformat())
    if m.justering_time is not None:
        justering.append(f"kl. {m.justering_time:%H.%M}")
    parts.append(f"<b>Justering:</b> {escape(', '.join(justering) or 'ej bestämd')}")
    return "<br>".join(parts)


def arende_html(a: ArendeData, labels: dict[str, str]) -> str:
    def label(key: str, default: str) -> str:
        return escape(labels.get(key, default))

    head = f"<h3>§ {a.paragraf} {escape(a.rubrik)}</h3>"
    if a.dnr:
        head += f"<p>Dnr {escape(a.dnr)}</p>"
    if a.dnr_warning:
        head += f"<p style='color:#8a5300'>⚠ {escape(a.dnr_warning)}</p>"
    sections = [
        (label("sammanfattning", "Sammanfattning"), _paragraphs(a.sammanfattning)),
        (label("beslutsunderlag", "Beslutsunderlag"), _items(a.beslutsunderlag)),
        (label("forslag_till_beslut", "Förslag till beslut"), _paragraphs(a.forslag_till_beslut)),
        (label("expedieras", "Beslut expedieras till"), _items(a.expedieras_till)),
    ]
    body = "".join(f"<h4>{title}</h4>{content}" for title, content in sections if content)
    return head + (body or "<p><i>Inget underlag ännu. Dubbelklicka för att fylla i.</i></p>")


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())


def _items(items: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>" if items else ""
