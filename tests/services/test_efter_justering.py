"""After justering: anslag dates on the meeting and the notice, omedelbar justering, the
reminder list and the public version through the services."""

from __future__ import annotations

import datetime as dt

import pytest

from secretary.services import (
    agenda,
    anslag,
    arbetsgang,
    beslut,
    dokument,
    omedelbar,
    paminnelser,
    publicering,
    versioner,
)
from secretary.services.errors import ServiceError
from secretary.services.protokoll import protokoll_data
from secretary.store.database import Store
from tests.reports.pdftext import flat, pages
from tests.services.justering_helpers import utkast

# Justering on Thursday 2026-12-03: the notice is due by Saturday 5 -> Monday 7 December.
JUSTERING = dt.datetime(2026, 12, 3, 10, 0)


def _justerat(store: Store) -> tuple[int, list[int]]:
    meeting_id, arenden, _ = utkast(store)
    arbetsgang.skicka_for_justering(store, meeting_id, JUSTERING)
    arbetsgang.justera(store, meeting_id, JUSTERING)
    return meeting_id, arenden


def test_anslag_is_proposed_checked_by_law_and_printed(store: Store) -> None:
    meeting_id, _ = _justerat(store)
    assert anslag.forslag(store, meeting_id).uppsatt == dt.date(2026, 12, 3)
    with pytest.raises(ServiceError, match=r"senast 2026-12-07.*8 kap\. 12 §"):
        anslag.satt_upp(store, meeting_id, JUSTERING, dt.date(2026, 12, 8))
    datum = anslag.satt_upp(store, meeting_id, JUSTERING)
    assert datum.sista_overklagandedag == dt.date(2026, 12, 28)  # past julafton and the weekend
    assert datum.nedtagning == dt.date(2026, 12, 29)
    data = protokoll_data(store, meeting_id)
    assert (data.anslag.uppsatt, data.anslag.nedtagen) == (datum.uppsatt, datum.nedtagning)
    assert agenda.get_meeting(store, meeting_id).state == "anslaget"
    assert anslag.ta_ned_forfallna(store, dt.date(2026, 12, 28), JUSTERING) == []
    assert anslag.ta_ned_forfallna(store, dt.date(2026, 12, 29), JUSTERING) == [meeting_id]
    assert agenda.get_meeting(store, meeting_id).state == "nedtaget"


def test_anslag_before_justering_is_refused(store: Store) -> None:
    meeting_id, _, _ = utkast(store)
    with pytest.raises(ServiceError, match="inte justerat"):
        anslag.satt_upp(store, meeting_id, JUSTERING)


def test_omedelbar_justering_makes_its_own_document_and_locks_the_paragraf(store: Store) -> None:
    meeting_id, arenden, _ = utkast(store)
    with pytest.raises(ServiceError, match="Ingen paragraf"):
        omedelbar.justera_omedelbart(store, meeting_id, JUSTERING)
    beslut.set_flaggor(store, arenden[2], omedelbar_justering=True)
    version = omedelbar.justera_omedelbart(store, meeting_id, JUSTERING)
    assert (version.slag, version.paragrafer) == (versioner.Slag.OMEDELBAR, (337,))
    text = flat(" ".join(pages(versioner.las_pdf(store, meeting_id, version.nummer))))
    assert "Paragrafen justeras omedelbart" in text
    assert "Rätt utdraget intygar" in text
    assert f"Datum för justering {JUSTERING.date().isoformat()}" in text  # at the meeting
    with pytest.raises(ServiceError, match="omedelbart justerad"):
        beslut.set_beslut(store, arenden[2], None, ["att ändra"])
    beslut.set_beslut(store, arenden[1], None, ["att annat ändras"])  # the rest is open


def test_the_reminder_list_follows_the_meeting(store: Store) -> None:
    meeting_id, _, _ = utkast(store)
    (p,) = paminnelser.lista(store, dt.date(2026, 12, 1))
    assert "inte skickat" in p.text
    assert len(paminnelser.lista(store, dt.date(2026, 12, 20))) == 2  # and justering is late
    arbetsgang.skicka_for_justering(store, meeting_id, JUSTERING)
    arbetsgang.justera(store, meeting_id, JUSTERING)
    (p,) = paminnelser.lista(store, dt.date(2026, 12, 8))
    assert p.forsenad
    assert "anslaget ska sättas upp senast 2026-12-07" in p.text


def test_the_public_pdf_masks_and_leaves_the_original(store: Store) -> None:
    meeting_id, arenden = _justerat(store)
    original = versioner.las_pdf(store, meeting_id, 2)
    with store.session() as s:
        from secretary.store.models import Arende, ParagrafBeslut

        a = s.get(Arende, arenden[0])
        assert a is not None
        a.sammanfattning = "Sökande 19811218-9876 har tel. 0701234567, dnr KS 2019/0835."
        s.add(ParagrafBeslut(arende_id=arenden[1], resultat={}, redigerat={}, sekretess=True))
    preview = publicering.forhandsgranska(store, meeting_id)
    assert [(m.paragraf, m.vad) for m in preview] == [(335, "personnummer"), (336, "sekretess")]
    text = flat(" ".join(pages(publicering.publik_pdf(store, meeting_id))))
    assert "19811218-9876" not in text
    assert "[personnummer] har tel. 0701234567, dnr KS 2019/0835" in text
    assert "omfattas av sekretess" in text
    assert "Budgetuppföljning oktober 2026" in text  # the heading of the secret §
    assert "Kommunkontoret redovisar utfall" not in text
    assert versioner.las_pdf(store, meeting_id, 2) == original
    # The web page beside it says the same, masked the same way.
    page = dokument.publik_html(store, meeting_id)
    assert page.filnamn.endswith("protokoll webbversion.html")
    assert "19811218-9876" not in page.html
    assert "[personnummer] har tel. 0701234567, dnr KS 2019/0835" in page.html
    assert "omfattas av sekretess" in page.html
    assert "Kommunkontoret redovisar utfall" not in page.html


def test_the_terms_to_mask_are_kept_for_the_next_public_version(store: Store) -> None:
    """A name masked in the first web version must not appear in the one after a rättelse
    because nobody remembered to type it again."""
    meeting_id, _ = _justerat(store)
    assert publicering.termer(store, meeting_id) == ()
    kept = publicering.spara_termer(store, meeting_id, ["  Kommunalt ", "", "Kommunalt", "Åsa"])
    assert kept == ("Kommunalt", "Åsa")
    assert publicering.termer(store, meeting_id) == ("Kommunalt", "Åsa")
    text = flat(" ".join(pages(publicering.publik_pdf(store, meeting_id, kept))))
    assert "Kommunalt partnerskap" not in text
    with pytest.raises(ServiceError, match="högst 200 tecken"):
        publicering.spara_termer(store, meeting_id, ["x" * 201])
    assert publicering.termer(store, meeting_id) == ("Kommunalt", "Åsa")


def test_reported_delegationsbeslut_are_in_the_record_and_masked_in_the_public_version(
    store: Store,
) -> None:
    """An anmälan's delegationsbeslut are part of what is justerat (the content snapshot) and
    of what the public version masks: a personnummer in one is not published."""
    from secretary.services.innehall import innehall
    from secretary.store.models import Arende

    meeting_id, arenden, _ = utkast(store)
    with store.session() as s:  # as services.arende_import writes them
        a = s.get(Arende, arenden[4])
        assert a is not None
        a.delegationsbeslut = [
            {
                "dnr": "KS 2026/0100",
                "beslut": "Bostadsanpassning för 19811218-9876",
                "datum": "2026-11-02",
                "delegat": "Eva Ek",
            }
        ]
    snapshot = innehall(protokoll_data(store, meeting_id))
    (par,) = [p for p in snapshot["paragrafer"] if p["paragraf"] == 339]
    assert "Bostadsanpassning för 19811218-9876" in " ".join(par["delar"]["delegationsbeslut"])
    arbetsgang.skicka_for_justering(store, meeting_id, JUSTERING)
    arbetsgang.justera(store, meeting_id, JUSTERING)
    preview = publicering.forhandsgranska(store, meeting_id)
    assert (339, "personnummer") in [(m.paragraf, m.vad) for m in preview]
    text = flat(" ".join(pages(publicering.publik_pdf(store, meeting_id))))
    assert "19811218-9876" not in text
    assert "Bostadsanpassning för [personnummer]" in text
