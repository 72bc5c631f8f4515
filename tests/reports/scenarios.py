"""Meetings recorded through the services, for the report tests.

`lund_ksau`: the reference protocol (shared/reference/lund-ksau-2019-11-25-p354.txt) rebuilt
from recorded data: members, attendance events, yrkanden, propositionsordning, finding.
`omstridd`: the demo meeting with a contested § (two voteringar, reservations, a
protokollsanteckning, jäv) and user text full of < & >.
"""

from __future__ import annotations

import datetime as dt

from secretary.domain.beslutsgang import ReservationTyp
from secretary.domain.narvaro import HandelseTyp
from secretary.domain.register import Funktion, OrganKind, Roll
from secretary.domain.votering import Rost
from secretary.domain.yrkanden import FORSLAG, Fraga, FragaTyp, YrkandeTyp, nyckel
from secretary.services import agenda, beslut, demo, register, session, tider
from secretary.services.register import list_members, list_organs
from secretary.store.database import Store
from secretary.store.models import Setting

T = HandelseTyp
Y = YrkandeTyp
NOW = dt.datetime(2026, 12, 1, 9, 0)  # when the secretary corrected the times

LUND_MEMBERS: list[tuple[str, str, str, Roll, Funktion, str]] = [
    ("Philip", "Sandberg", "L", Roll.LEDAMOT, Funktion.ORDFORANDE, ""),
    ("Fredrik", "Ljunghill", "M", Roll.LEDAMOT, Funktion.FORSTE_VICE, ""),
    ("Anders", "Almgren", "S", Roll.LEDAMOT, Funktion.ANDRE_VICE, ""),
    ("Börje", "Hed", "FNL", Roll.LEDAMOT, Funktion.INGEN, ""),
    ("Karin", "Svensson Smith", "MP", Roll.LEDAMOT, Funktion.INGEN, ""),
    ("Fanny", "Johansson", "S", Roll.ERSATTARE, Funktion.INGEN, ""),
    ("Inga-Kerstin", "Eriksson", "C", Roll.ERSATTARE, Funktion.INGEN, ""),
    ("Hedvig", "Åkesson", "KD", Roll.ERSATTARE, Funktion.INGEN, ""),
    ("Helena", "Falk", "V", Roll.ERSATTARE, Funktion.INGEN, ""),
    ("Hans-Olof", "Andersson", "SD", Roll.ADJUNGERAD, Funktion.INGEN, "adjungerad"),
    ("Cherry", "Batrapo", "FI", Roll.ADJUNGERAD, Funktion.INGEN, "adjungerad"),
    ("Britt", "Steiner", "", Roll.OVRIG, Funktion.INGEN, "planeringschef"),
    ("Carin", "Hillåker", "", Roll.OVRIG, Funktion.INGEN, "biträdande kommundirektör"),
    ("Carl Gustaf", "Jönsson", "", Roll.OVRIG, Funktion.INGEN, "politisk sekreterare (FNL)"),
    ("Christoffer", "Nilsson", "", Roll.OVRIG, Funktion.INGEN, "kommundirektör"),
    ("Elfva", "Barrio", "", Roll.OVRIG, Funktion.INGEN, "politisk sekreterare (S)"),
    ("Emma", "Fager Malmström", "", Roll.OVRIG, Funktion.INGEN, "politisk sekreterare (MP)"),
    ("Eva", "Kristiansson", "", Roll.OVRIG, Funktion.INGEN, "kommunsekreterare"),
    ("Fredrik", "Sjögren", "", Roll.OVRIG, Funktion.INGEN, "politisk sekreterare (L)"),
    ("Henrik", "Weimarsson", "", Roll.OVRIG, Funktion.INGEN, "ekonomidirektör"),
    ("Jesper", "Jakobsson", "", Roll.OVRIG, Funktion.INGEN, "administrativ chef"),
    ("Johanna", "Davander", "", Roll.OVRIG, Funktion.INGEN, "kommunikationsdirektör"),
    ("Sebastian", "Persson", "", Roll.OVRIG, Funktion.INGEN, "politisk sekreterare (S)"),
    ("Jessica", "Ulfgren", "", Roll.OVRIG, Funktion.INGEN, "adjungerad"),
    ("Martin", "Pella", "", Roll.OVRIG, Funktion.INGEN, "praktikant"),
    ("Adrian", "Kasperczuk", "", Roll.OVRIG, Funktion.INGEN, "praktikant"),
]

P354 = agenda.ArendeInput(
    rubrik="Kommunalt partnerskap",
    dnr="KS 2019/0835",
    sammanfattning=(
        "Kommunkontoret har fått i uppdrag att undersöka förutsättningarna för ett kommunalt "
        "partnerskapsprojekt i syfte att bland annat främja demokratiutveckling och "
        "internationellt samarbete kring den Globala agendan 2030 med en annan stad/kommun.\n"
        "- Jämlik/rättvis och inkluderande behandling\n"
        "- Deltagande och delaktighet"
    ),
    forslag_till_beslut=(
        "att tillsätta en projektgrupp med politisk representation samt tjänstepersoner från "
        "kommunkontor och kultur- och fritidsförvaltningen.\n"
        "att ge nämnda projektgrupp i uppdrag att söka projektpartner.\n"
        "att ansöka om förberedelseprojekt."
    ),
    beslutsunderlag=(
        "Kommunkontorets tjänsteskrivelse den 14 november 2019, dnr KS 2019/0835.",
        "Internationellt Centrum för Lokal Demokrati, ICLD, introduktion Kommunalt partnerskap "
        "(Powerpoint presentation), dnr KS 2019/0835.",
    ),
    expedieras_till=("Akten", "Kommunstyrelsen", "Kommunstyrelsens arbetsutskott"),
)
TILLAGG = "att inför det fortsatta arbetet inhämta synpunkter från Representationskommittén"


def lund_ksau(store: Store) -> tuple[int, int]:
    """The KS AU meeting of 2019-11-25, §§ 335–372; returns (meeting id, § 354's ärende id)."""
    with store.session() as s:
        s.add(Setting(key="kommun", value="Lunds kommun"))
    organ = register.create_organ(
        store,
        register.OrganInput(
            name="Kommunstyrelsens arbetsutskott",
            kind=OrganKind.AU,
            forvaringsplats="Kommunkontoret/Bruksgatan 22",
            labels={"beslutsgang": "Beslutsgång"},
        ),
    )
    people: dict[str, int] = {}
    for i, (first, last, party, roll, funktion, title) in enumerate(LUND_MEMBERS):
        row = register.add_member(
            store,
            organ.id,
            register.MemberInput(first, last, roll, party, funktion, ordning=i + 1, title=title),
        )
        people[f"{first} {last}"] = row.person_id
    meeting = agenda.create_meeting(
        store,
        organ.id,
        agenda.MeetingInput(
            date=dt.date(2019, 11, 25),
            place="Knutsalen, Rådhuset",
            planned_start=dt.time(13, 0),
            justering_place="Rådhuset, Stortorget 7, Lund",
            justering_date=dt.date(2019, 11, 26),
            justering_time=dt.time(10, 30),
            first_paragraf_override=335,
            justerare_ids=(people["Börje Hed"],),
        ),
    )
    arende_354 = 0
    for number in range(335, 373):
        data = P354 if number == 354 else agenda.ArendeInput(rubrik=f"Ärende {number}")
        added = agenda.add_arende(store, meeting.id, data)
        if number == 354:
            arende_354 = added.id
    session.start_session(store, meeting.id, dt.datetime(2019, 11, 25, 13, 0))
    for name, pid in people.items():
        if name != "Fanny Johansson":
            session.mark_upprop(store, meeting.id, pid, session.Upprop.NARVARANDE)
    session.mark_upprop(store, meeting.id, people["Fanny Johansson"], session.Upprop.NARVARANDE)
    after_365 = 366 - 335
    almgren = people["Anders Almgren"]
    session.record(store, meeting.id, T.AVGAR, almgren, time=dt.time(15, 53), position=after_365)
    session.record(
        store, meeting.id, T.TJANSTGOR, people["Fanny Johansson"], seat=almgren, position=after_365
    )
    karin = people["Karin Svensson Smith"]
    beslut.add_yrkande(store, arende_354, Y.BIFALL, people["Philip Sandberg"], instammande=[karin])
    beslut.add_yrkande(store, arende_354, Y.TILLAGG, almgren, text=TILLAGG, instammande=[karin])
    beslut.set_ordning(store, arende_354, [Fraga(FragaTyp.SAMLAD)])
    beslut.besvara(store, arende_354, FORSLAG)
    beslut.set_beslut(
        store,
        arende_354,
        "Kommunstyrelsens arbetsutskott föreslår att Kommunstyrelsen beslutar",
        None,
    )
    tider.satt_tider(store, meeting.id, dt.time(13, 0), dt.time(15, 55), NOW)
    return meeting.id, arende_354


def omstridd(store: Store) -> tuple[int, dict[str, int]]:
    """The demo meeting with § 335 contested and § 337 with jäv; user text with < & >."""
    demo.create_demo(store)
    organ = list_organs(store)[0]
    meeting = agenda.list_meetings(store, organ.id)[0]
    first = agenda.list_arenden(store, meeting.id)[0]
    agenda.update_arende(
        store,
        first.id,
        agenda.ArendeInput(
            rubrik="Kommunalt partnerskap <Agenda 2030> & Åtgärder",
            dnr=first.dnr,
            sammanfattning="Kostnad < 5 mkr & nytta > 5 mkr; Émile Ödegård föreslår §-ändring.",
            forslag_till_beslut=first.forslag_till_beslut,
            beslutsunderlag=first.beslutsunderlag,
            expedieras_till=(*first.expedieras_till, "Kultur- & fritidsnämnden"),
        ),
    )
    state = session.start_session(store, meeting.id, dt.datetime(2026, 11, 30, 13, 0))
    p = {m.name: m.person_id for m in list_members(store, organ.id)}
    for seat in state.tidslinje.seats:
        session.mark_upprop(store, meeting.id, seat, session.Upprop.NARVARANDE)
    for name in ("Fanny Jönsson", "Eva Kristensson", "Christoffer Nyström"):
        session.mark_upprop(store, meeting.id, p[name], session.Upprop.NARVARANDE)
    arende = state.arenden[0].id
    beslut.add_yrkande(store, arende, Y.BIFALL, p["Petra Sandström"], instammande=[p["Johan Berg"]])
    beslut.add_yrkande(store, arende, Y.AVSLAG, p["Anders Almqvist"])
    andring = beslut.add_yrkande(
        store, arende, Y.ANDRING, p["Karin Strand Svensson"], text="att projektet startar 2027"
    ).id
    beslut.besvara(store, arende, FORSLAG, votering_begard=True)
    beslut.besvara(store, arende, nyckel(andring), votering_begard=True)
    for name in ("Karin Strand Svensson", "Birger Hedlund", "Johan Berg"):
        beslut.rosta(store, arende, p[name], Rost.JA)
    beslut.resten(store, arende, Rost.NEJ)
    beslut.besvara(store, arende, "")
    beslut.rosta(store, arende, p["Anders Almqvist"], Rost.NEJ)
    beslut.rosta(store, arende, p["Maria Ek"], Rost.NEJ)
    beslut.rosta(store, arende, p["Karin Strand Svensson"], Rost.AVSTAR)
    beslut.resten(store, arende, Rost.JA)
    beslut.add_reservation(store, arende, p["Anders Almqvist"])
    rid = beslut.add_reservation(store, arende, p["Maria Ek"], ReservationTyp.SKRIFTLIG).id
    beslut.set_reservation(store, rid, ReservationTyp.SKRIFTLIG, "Vi anser att <kostnaden> & …")
    beslut.add_anteckning(store, arende, p["Birger Hedlund"], "EP välkomnar projektet & <mer>.")
    beslut.set_flaggor(store, arende, omedelbar_justering=True)
    session.set_cursor(store, meeting.id, 2, under_behandling=False)
    session.record(store, meeting.id, T.JAV, p["Johan Berg"])
    session.record(store, meeting.id, T.TJANSTGOR, p["Fanny Jönsson"], seat=p["Johan Berg"])
    tider.satt_tider(store, meeting.id, dt.time(13, 0), dt.time(15, 10), NOW)
    return meeting.id, p
