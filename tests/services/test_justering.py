"""Justering locks the protocol; a rättelse is the only way to change it afterwards."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from secretary.services import (
    agenda,
    anslag,
    arbetsgang,
    beslut,
    dokument,
    granskning,
    rattelse,
    session,
    tider,
    versioner,
)
from secretary.services.errors import ServiceError
from secretary.services.innehall import innehall
from secretary.services.protokoll import protokoll_data
from secretary.store.database import Store
from tests.reports.pdftext import flat, pages
from tests.services.justering_helpers import utkast

NOW = dt.datetime(2026, 12, 1, 10, 30)


def _justerat(store: Store) -> tuple[int, list[int], dict[str, int]]:
    meeting_id, arenden, people = utkast(store)
    arbetsgang.skicka_for_justering(store, meeting_id, NOW)
    arbetsgang.justera(store, meeting_id, NOW)
    return meeting_id, arenden, people


def test_edits_after_justering_are_refused_with_the_way_to_a_rattelse(store: Store) -> None:
    meeting_id, arenden, _ = _justerat(store)
    refused = [
        lambda: beslut.set_beslut(store, arenden[0], None, ["att göra något annat"]),
        lambda: beslut.set_text(store, arenden[0], "yrkanden", "Ny text"),
        lambda: agenda.update_arende(store, arenden[0], agenda.ArendeInput("Ny rubrik")),
        lambda: agenda.add_arende(store, meeting_id, agenda.ArendeInput("Sent ärende")),
        lambda: tider.satt_tider(store, meeting_id, None, None, NOW),
        lambda: session.set_cursor(store, meeting_id, 0, under_behandling=False),
    ]
    for call in refused:
        with pytest.raises(ServiceError, match=r"Protokollet är justerat.*gör en rättelse"):
            call()


def test_a_rattelse_makes_a_version_and_a_log_and_keeps_the_earlier_ones(store: Store) -> None:
    meeting_id, arenden, _ = _justerat(store)
    justerad_pdf = versioner.las_pdf(store, meeting_id, 2)
    version = rattelse.ratta(
        store,
        arenden[1],
        "beslut_att",
        ["att lägga budgetuppföljningen till handlingarna"],
        "Fel att-sats fördes in vid justeringen.",
        "Eva Kristensson",
        NOW.replace(day=3),
    )
    assert version.nummer == 3
    assert version.slag is versioner.Slag.RATTELSE
    assert [v.nummer for v in versioner.list_versioner(store, meeting_id)] == [1, 2, 3]
    assert versioner.las_pdf(store, meeting_id, 2) == justerad_pdf
    printed = flat(" ".join(pages(versioner.las_pdf(store, meeting_id, 3))))
    assert "Rättelse 2026-12-03 i § 336, Beslut" in printed
    assert "Fel att-sats fördes in vid justeringen." in printed
    assert "Paragrafen rättad 2026-12-03" in printed
    # What the rows now say is exactly what the rättelse version stored.
    assert innehall(protokoll_data(store, meeting_id)) == versioner.las_innehall(
        store, meeting_id, 3
    )
    diff = versioner.jamfor_versioner(store, meeting_id, 2, 3)
    assert [(d.paragraf, [x.del_ for x in d.delar]) for d in diff] == [(336, ["beslut_att"])]
    with store.session() as s:
        kinds = [k for (k,) in s.execute(text("select kind from logg order by id"))]
    assert "rättelse" in kinds
    assert versioner.kontrollera(store, meeting_id) == []


def test_rattelse_needs_a_reason_and_a_justerat_protocol(store: Store) -> None:
    _, arenden, _ = utkast(store)
    with pytest.raises(ServiceError, match="inte justerat"):
        rattelse.ratta(store, arenden[0], "sammanfattning", ["x"], "skäl", "Eva", NOW)
    with pytest.raises(ServiceError, match="varför"):
        rattelse.ratta(store, arenden[0], "sammanfattning", ["x"], " ", "Eva", NOW)


def test_tampering_with_the_stored_protocol_is_found(store: Store) -> None:
    meeting_id, _, _ = _justerat(store)
    assert versioner.kontrollera(store, meeting_id) == []
    pdf = versioner.las_pdf(store, meeting_id, 2)
    with store.session() as s:
        s.execute(
            text("update protokollversion set pdf = :pdf where nummer = 2"),
            {"pdf": pdf[:2000] + bytes([pdf[2000] ^ 1]) + pdf[2001:]},
        )
        s.execute(
            text(
                "update protokollversion set innehall = "
                + (
                    "replace(innehall, 'Kommunalt', 'Kom')"
                    if store.is_sqlite
                    else "replace(innehall::text, 'Kommunalt', 'Kom')::json"
                )
            )
        )
        s.execute(text("update arende set sammanfattning = 'Ändrad i smyg' where position = 0"))
    found = versioner.kontrollera(store, meeting_id)
    assert versioner.kontrollera_mot_data(store, meeting_id) == [
        "§ 335 Kommunalt partnerskap: Rubrik, Sammanfattning skiljer sig från den justerade "
        "versionen 2. "
        "Uppgifterna har ändrats utanför programmet."
    ]
    assert any("Version 2 (justerat protokoll): PDF-filen stämmer inte" in f for f in found)
    assert any("det sparade innehållet stämmer inte" in f for f in found)


def test_open_comments_block_justering(store: Store) -> None:
    meeting_id, arenden, people = utkast(store)
    arbetsgang.skicka_for_justering(store, meeting_id, NOW)
    justerare = people["Birger Hedlund"]
    k = granskning.add_kommentar(store, arenden[0], justerare, "Stavfel i sammanfattningen.", NOW)
    granskning.godkann(store, arenden[1], justerare, NOW)
    with pytest.raises(ServiceError, match="obesvarad kommentar"):
        arbetsgang.justera(store, meeting_id, NOW)
    with pytest.raises(ServiceError, match="inte justerare"):
        granskning.add_kommentar(store, arenden[0], people["Maria Ek"], "Hmm", NOW)
    granskning.markera_inford(store, k.id)
    assert granskning.godkanda(store, meeting_id) == {arenden[1]: {justerare}}
    version = arbetsgang.justera(store, meeting_id, NOW)
    assert version.slag is versioner.Slag.JUSTERAT
    assert agenda.get_meeting(store, meeting_id).state == "justerat"


def test_the_next_draft_shows_what_changed_per_paragraf(store: Store) -> None:
    meeting_id, arenden, _ = utkast(store)
    arbetsgang.skicka_for_justering(store, meeting_id, NOW)
    beslut.set_beslut(store, arenden[0], None, ["att tillsätta en mindre projektgrupp"])
    second = arbetsgang.skicka_for_justering(store, meeting_id, NOW)
    assert second.nummer == 2
    (change,) = versioner.jamfor_versioner(store, meeting_id, 1, 2)
    assert change.paragraf == 335
    (part,) = change.delar
    assert part.del_ == "beslut_att"
    assert part.infogat == "att tillsätta en mindre projektgrupp"
    assert part.borttaget == ""


def test_transitions_out_of_order_are_refused_with_a_reason(store: Store) -> None:
    meeting_id, _, _ = utkast(store)
    with pytest.raises(ServiceError, match=r"från utkast till justerat.*inte skickats"):
        arbetsgang.justera(store, meeting_id, NOW)


@pytest.mark.parametrize(
    ("del_", "ny", "printed"),
    [
        ("rubrik", ["Kommunalt partnerskap med Åland"], "Kommunalt partnerskap med Åland"),
        ("beslutsunderlag", ["Tjänsteskrivelse 2026-11-02"], "Tjänsteskrivelse 2026-11-02"),
        ("expedieras_till", ["Ekonomienheten", "Revisorerna"], "Revisorerna"),
        ("beslut_rubrik", ["Kommunstyrelsens beslut"], "Kommunstyrelsens beslut"),
    ],
)
def test_rubrik_underlag_and_expediering_can_be_corrected(
    store: Store, del_: str, ny: list[str], printed: str
) -> None:
    meeting_id, arenden, _ = _justerat(store)
    rattelse.ratta(store, arenden[0], del_, ny, "Fel vid justeringen.", "Eva", NOW)
    text = flat(" ".join(pages(versioner.las_pdf(store, meeting_id, 3))))
    assert printed in text
    assert f"Rättelse 2026-12-01 i § 335, {rattelse.NAMN[del_]}" in text
    # The rows say what the rättelse version stored, and only that part differs.
    assert innehall(protokoll_data(store, meeting_id)) == versioner.las_innehall(
        store, meeting_id, 3
    )
    diff = versioner.jamfor_versioner(store, meeting_id, 2, 3)
    assert [(d.paragraf, [x.del_ for x in d.delar]) for d in diff] == [(335, [del_])]


def test_a_rubrik_cannot_be_corrected_away(store: Store) -> None:
    _, arenden, _ = _justerat(store)
    with pytest.raises(ServiceError, match="rubrik"):
        rattelse.ratta(store, arenden[0], "rubrik", ["  "], "skäl", "Eva", NOW)


def test_a_corrected_list_quotes_each_line_apart(store: Store) -> None:
    meeting_id, arenden, _ = _justerat(store)
    rattelse.ratta(
        store,
        arenden[0],
        "expedieras_till",
        ["Ekonomienheten", "Revisorerna"],
        "Saknades.",
        "Eva",
        NOW,
    )
    text = flat(" ".join(pages(versioner.las_pdf(store, meeting_id, 3))))
    assert "Efter rättelsen: ”Ekonomienheten / Revisorerna”" in text


def test_correcting_the_forslag_leaves_the_justerat_beslut_as_it_was(store: Store) -> None:
    """Where the att-satser follow the förslag, a rättelse of the förslag must not also
    change the Beslut of later versions without a note of its own."""
    meeting_id, arenden, _ = _justerat(store)
    beslut_fore = protokoll_data(store, meeting_id).arenden[0].beslut_att
    rattelse.ratta(
        store, arenden[0], "forslag_till_beslut", ["att göra något annat"], "Fel", "Eva", NOW
    )
    rattelse.ratta(store, arenden[0], "sammanfattning", ["Rättad."], "Fel", "Eva", NOW)
    assert protokoll_data(store, meeting_id).arenden[0].beslut_att == beslut_fore
    assert versioner.kontrollera_mot_data(store, meeting_id) == []
    with pytest.raises(ServiceError, match="Beslutet måste ha en rubrik"):
        rattelse.ratta(store, arenden[0], "beslut_rubrik", [], "Fel", "Eva", NOW)


def test_the_rattelse_note_reads_as_sentences(store: Store) -> None:
    """No full stop doubled after a quoted sentence, none missing after the reason."""
    meeting_id, arenden, _ = _justerat(store)
    rattelse.ratta(store, arenden[1], "sammanfattning", ["Rättad text."], "Skrivfel", "Eva", NOW)
    text = flat(" ".join(pages(versioner.las_pdf(store, meeting_id, 3))))
    assert "Efter rättelsen: ”Rättad text.” Skäl: Skrivfel. Rättelsen gjord av Eva." in text
    assert ".”." not in text


def test_the_anslagsbevis_and_the_utdrag_give_the_justering_and_the_last_day_of_appeal(
    store: Store,
) -> None:
    meeting_id, _, _ = utkast(store)

    def texts() -> tuple[str, str]:
        bevis = dokument.anslagsbevis(store, meeting_id).pdf
        utdrag = dokument.utdrag(store, meeting_id, [336]).pdf
        return flat(" ".join(pages(bevis))), flat(" ".join(pages(utdrag)))

    bevis, utdrag = texts()
    assert "Datum för justering Protokollet är ännu inte justerat" in bevis
    assert "Sista dag för överklagande Ännu inte bestämd: tre veckor från anslagsdagen" in bevis
    assert "Datum för justering Protokollet är ännu inte justerat" in utdrag
    arbetsgang.skicka_for_justering(store, meeting_id, NOW)
    arbetsgang.justera(store, meeting_id, NOW, dt.date(2026, 12, 1))
    anslag.satt_upp(store, meeting_id, NOW, dt.date(2026, 12, 3))
    bevis, utdrag = texts()
    assert (  # posted Thu 3 Dec: +21 days is julafton, so the last day is Mon 28 Dec
        "Datum för justering 2026-12-01 Datum då anslaget sätts upp 2026-12-03 "
        "Sista dag för överklagande 2026-12-28 Datum då anslaget tas ned 2026-12-29"
    ) in bevis
    assert "Justerare" in utdrag and "Datum för justering 2026-12-01" in utdrag
