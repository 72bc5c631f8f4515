"""Before the meeting: the kallelse and föredragningslista PDFs read back by their text layer,
the numbered Ändrad kallelse, fullmäktige's kungörelse deadline across a holiday and the
reminder list."""

from __future__ import annotations

import datetime as dt

import pytest

from secretary.domain.kallelse import senaste_kallelse, senaste_kungorelse
from secretary.domain.register import Funktion, OrganKind, Roll
from secretary.services import agenda, dokument, kallelse, paminnelser, register
from secretary.services.errors import ServiceError
from secretary.store.database import Store
from tests import builders
from tests.reports.pdftext import flat, fonts, in_order, pages

DATE = dt.date(2026, 4, 10)  # the Friday after Easter: a week before is långfredagen
NOW = dt.datetime(2026, 3, 30, 9, 0)


def _organ(store: Store, kind: OrganKind = OrganKind.KS) -> int:
    name = "Kommunfullmäktige" if kind is OrganKind.KF else "Kommunstyrelsen"
    organ = register.create_organ(
        store, register.OrganInput(name=name, kind=kind, dnr_pattern="KS ÅÅÅÅ/####")
    ).id
    builders.member(store, organ, "Petra Sandström", "L", funktion=Funktion.ORDFORANDE, ordning=1)
    builders.member(store, organ, "Anders Almqvist", "S", ordning=2)
    builders.member(store, organ, "Fanny Johansson", "S", Roll.ERSATTARE, ordning=1)
    return organ


def _meeting(store: Store, organ: int) -> int:
    m = agenda.create_meeting(
        store,
        organ,
        agenda.MeetingInput(
            date=DATE, place="Sessionssalen, Stadshuset", planned_start=dt.time(13, 0)
        ),
    )
    agenda.add_arende(
        store,
        m.id,
        agenda.ArendeInput(
            "Budget 2027 & plan",
            dnr="KS 2026/0012",
            forslag_till_beslut="Kommunstyrelsen föreslås besluta att godkänna budgeten.",
            beslutsunderlag=("Tjänsteskrivelse 2026-03-20", "Budgetförslag"),
        ),
    )
    agenda.add_arende(store, m.id, agenda.ArendeInput("Motion om cykelvägar", dnr="KS 2026/0044"))
    return m.id


def test_the_kallelse_says_when_where_what_and_who(store: Store) -> None:
    meeting = _meeting(store, _organ(store))
    doc = dokument.kallelse(store, meeting)
    assert doc.filnamn == f"Kommunstyrelsen {DATE.isoformat()} kallelse.pdf"
    text = flat(" ".join(pages(doc.pdf)))
    in_order(
        text,
        [
            "Kallelse till Kommunstyrelsen",
            "Tid Fredagen den 10 april 2026 klockan 13.00",
            "Plats Sessionssalen, Stadshuset",
            "Ledamöter",
            "Petra Sandström (L), ordförande",
            "Anders Almqvist (S)",
            "Ersättare",
            "Fanny Johansson (S)",
            "Förhinder",
            "Ledamot som är förhindrad att delta ska snarast anmäla det till sekreteraren",
            "Föredragningslista",
            "§ 1 Budget 2027 & plan",
            "Dnr KS 2026/0012",
            "Förslag till beslut",
            "att godkänna budgeten.",
            "Handlingar",
            "– Tjänsteskrivelse 2026-03-20",
            "– Budgetförslag",
            "§ 2 Motion om cykelvägar",
            "Handlingar saknas i kallelsen och skickas ut senare.",
        ],
    )
    assert all(fonts(doc.pdf).values())

    lista = flat(" ".join(pages(dokument.foredragningslista(store, meeting).pdf)))
    in_order(lista, ["Föredragningslista Kommunstyrelsen", "§ 1 Budget 2027 & plan", "§ 2 Motion"])
    assert "Ledamöter" not in lista


def test_a_later_change_gives_a_numbered_andrad_kallelse(store: Store) -> None:
    meeting = _meeting(store, _organ(store))
    first = dokument.skicka_kallelse(store, meeting, NOW)
    assert "Utskickad 2026-03-30" in flat(pages(first.pdf)[0])
    with pytest.raises(ServiceError, match="Inget har ändrats sedan kallelse skickades"):
        dokument.skicka_kallelse(store, meeting, NOW)

    arenden = agenda.list_arenden(store, meeting)
    agenda.update_arende(
        store,
        arenden[1].id,
        agenda.ArendeInput("Motion om gång- och cykelvägar", dnr="KS 2026/0044"),
    )
    agenda.add_arende(store, meeting, agenda.ArendeInput("Val av ombud", dnr="KS 2026/0050"))
    state = kallelse.lage(store, meeting)
    assert state.andrad
    assert state.nya_andringar == (
        "§ 2 Motion om gång- och cykelvägar (KS 2026/0044): ny rubrik (tidigare ”Motion om "
        "cykelvägar”).",
        "Nytt ärende: § 3 Val av ombud (KS 2026/0050).",
    )
    second = dokument.skicka_kallelse(store, meeting, NOW + dt.timedelta(days=2))
    assert second.titel.startswith("Ändrad kallelse nr 1")
    text = flat(" ".join(pages(second.pdf)))
    in_order(
        text,
        [
            "Ändrad kallelse nr 1 till Kommunstyrelsen",
            "Ändringar sedan förra kallelsen",
            "– § 2 Motion om gång- och cykelvägar (KS 2026/0044): ny rubrik",
            "– Nytt ärende: § 3 Val av ombud",
            "Utskickad 2026-04-01",
            "§ 3 Val av ombud",
        ],
    )
    # What was sent is kept exactly.
    assert dokument.kallelse_skickad(store, meeting, 1).pdf == first.pdf
    assert [s.rubrik for s in kallelse.lage(store, meeting).skickade] == [
        "Kallelse",
        "Ändrad kallelse nr 1",
    ]


def test_kungorelse_deadline_a_week_before_moves_back_over_a_holiday() -> None:
    # 2026-04-03 is långfredagen: the notice goes up on skärtorsdagen.
    assert senaste_kungorelse(DATE) == dt.date(2026, 4, 2)
    assert senaste_kungorelse(dt.date(2026, 4, 16)) == dt.date(2026, 4, 9)  # an ordinary week
    # 2026-12-31 nyårsafton: a nämnd meeting on 5 January with a 5-day deadline.
    assert senaste_kallelse(dt.date(2027, 1, 5), 5) == dt.date(2026, 12, 30)


def test_kf_kungorelse_document_and_the_reminder_list(store: Store) -> None:
    organ = _organ(store, OrganKind.KF)
    meeting = _meeting(store, organ)
    text = flat(" ".join(pages(dokument.kungorelse(store, meeting).pdf)))
    in_order(
        text,
        [
            "Kungörelse",
            "Kommunfullmäktige sammanträder fredagen den 10 april 2026 klockan 13.00 i "
            "Sessionssalen, Stadshuset.",
            "§ 1 Budget 2027 & plan",
            "Dnr KS 2026/0012",
            "§ 2 Motion om cykelvägar",
        ],
    )
    state = kallelse.lage(store, meeting)
    assert state.senast_kungorelse == dt.date(2026, 4, 2)

    def about(today: dt.date) -> list[paminnelser.Paminnelse]:
        return [p for p in paminnelser.lista(store, today) if p.meeting_id == meeting]

    early = about(dt.date(2026, 3, 30))
    assert [(p.text, p.forsenad) for p in early] == [
        (
            f"Kommunfullmäktige {DATE.isoformat()}: kungörelsen ska sättas upp på "
            "anslagstavlan senast 2026-04-02.",
            False,
        ),
        (f"Kommunfullmäktige {DATE.isoformat()}: kallelsen ska skickas senast 2026-04-02.", False),
    ]
    late = about(dt.date(2026, 4, 3))
    assert all(p.forsenad for p in late) and len(late) == 2
    kallelse.satt_kungorelse(store, meeting, dt.date(2026, 4, 2))
    dokument.skicka_kallelse(store, meeting, NOW)
    assert about(dt.date(2026, 4, 3)) == []


def test_kungorelse_is_for_fullmaktige_only(store: Store) -> None:
    meeting = _meeting(store, _organ(store))
    with pytest.raises(ServiceError, match="gäller kommunfullmäktige"):
        dokument.kungorelse(store, meeting)
    with pytest.raises(ServiceError, match="gäller kommunfullmäktige"):
        kallelse.satt_kungorelse(store, meeting, DATE)
