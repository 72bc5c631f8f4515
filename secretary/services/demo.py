"""The demo: a fictional municipality, Exempelstad, whose kommunstyrelsens arbetsutskott looks
like the reference protocol (seven ledamöter with a presidium, adjungerade, ersättare from
several parties, officials) and one meeting with five ärenden. All names are invented."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from secretary.domain.register import Funktion, OrganKind, Roll
from secretary.services import agenda, register
from secretary.store.database import Store
from secretary.store.models import Organ, Setting

KOMMUN = "Exempelstads kommun"

# (förnamn, efternamn, parti, roll, funktion, titel)
MEMBERS: list[tuple[str, str, str, Roll, Funktion, str]] = [
    ("Petra", "Sandström", "L", Roll.LEDAMOT, Funktion.ORDFORANDE, ""),
    ("Fredrik", "Lindholm", "M", Roll.LEDAMOT, Funktion.FORSTE_VICE, ""),
    ("Anders", "Almqvist", "S", Roll.LEDAMOT, Funktion.ANDRE_VICE, ""),
    ("Birger", "Hedlund", "EP", Roll.LEDAMOT, Funktion.INGEN, ""),
    ("Karin", "Strand Svensson", "MP", Roll.LEDAMOT, Funktion.INGEN, ""),
    ("Maria", "Ek", "S", Roll.LEDAMOT, Funktion.INGEN, ""),
    ("Johan", "Berg", "M", Roll.LEDAMOT, Funktion.INGEN, ""),
    ("Fanny", "Jönsson", "S", Roll.ERSATTARE, Funktion.INGEN, ""),
    ("Lars", "Nyberg", "S", Roll.ERSATTARE, Funktion.INGEN, ""),
    ("Oskar", "Lund", "M", Roll.ERSATTARE, Funktion.INGEN, ""),
    ("Sara", "Holm", "L", Roll.ERSATTARE, Funktion.INGEN, ""),
    ("Elin", "Dahl", "MP", Roll.ERSATTARE, Funktion.INGEN, ""),
    ("Inga-Lill", "Eriksson", "C", Roll.ERSATTARE, Funktion.INGEN, ""),
    ("Hedvig", "Åberg", "KD", Roll.ERSATTARE, Funktion.INGEN, ""),
    ("Helena", "Falkman", "V", Roll.ERSATTARE, Funktion.INGEN, ""),
    ("Hans", "Olofsson", "SD", Roll.ADJUNGERAD, Funktion.INGEN, "adjungerad"),
    ("Cecilia", "Baum", "FI", Roll.ADJUNGERAD, Funktion.INGEN, "adjungerad"),
    ("Eva", "Kristensson", "", Roll.OVRIG, Funktion.INGEN, "kommunsekreterare"),
    ("Christoffer", "Nyström", "", Roll.OVRIG, Funktion.INGEN, "kommundirektör"),
    ("Britt", "Stenberg", "", Roll.OVRIG, Funktion.INGEN, "planeringschef"),
    ("Henrik", "Wiman", "", Roll.OVRIG, Funktion.INGEN, "ekonomidirektör"),
]

PARTIES = {
    "S": "Socialdemokraterna",
    "M": "Moderaterna",
    "L": "Liberalerna",
    "C": "Centerpartiet",
    "KD": "Kristdemokraterna",
    "MP": "Miljöpartiet de gröna",
    "V": "Vänsterpartiet",
    "SD": "Sverigedemokraterna",
    "FI": "Feministiskt initiativ",
    "EP": "Exempelstadspartiet",
}

ARENDEN: list[agenda.ArendeInput] = [
    agenda.ArendeInput(
        rubrik="Kommunalt partnerskap",
        dnr="KS 2026/0835",
        sammanfattning=(
            "Kommunkontoret har fått i uppdrag att undersöka förutsättningarna för ett "
            "kommunalt partnerskapsprojekt i syfte att främja demokratiutveckling och "
            "internationellt samarbete kring Agenda 2030 med en kommun i ett samarbetsland."
        ),
        forslag_till_beslut=(
            "att tillsätta en projektgrupp med politisk representation samt tjänstepersoner "
            "från kommunkontoret och kultur- och fritidsförvaltningen\n"
            "att ge projektgruppen i uppdrag att söka projektpartner\n"
            "att ansöka om förberedelseprojekt"
        ),
        beslutsunderlag=(
            "Kommunkontorets tjänsteskrivelse den 14 november 2026, dnr KS 2026/0835",
            "Introduktion till kommunalt partnerskap (presentation), dnr KS 2026/0835",
        ),
        expedieras_till=("Akten", "Kommunstyrelsen", "Kommunstyrelsens arbetsutskott"),
    ),
    agenda.ArendeInput(
        rubrik="Budgetuppföljning oktober 2026",
        dnr="KS 2026/0112",
        sammanfattning="Kommunkontoret redovisar utfall och prognos per oktober 2026.",
        forslag_till_beslut="att lägga budgetuppföljningen till handlingarna",
        beslutsunderlag=("Kommunkontorets tjänsteskrivelse den 10 november 2026",),
        expedieras_till=("Akten", "Ekonomiavdelningen"),
    ),
    agenda.ArendeInput(
        rubrik="Detaljplan för Norra hamnen – samråd",
        dnr="KS 2026/0542",
        sammanfattning=(
            "Byggnadsnämnden har remitterat förslag till detaljplan för Norra hamnen. "
            "Planen medger cirka 400 bostäder, en skola och en ny park."
        ),
        forslag_till_beslut="att lämna kommunkontorets yttrande som kommunstyrelsens svar",
        beslutsunderlag=(
            "Kommunkontorets tjänsteskrivelse den 3 november 2026",
            "Samrådshandling, detaljplan för Norra hamnen",
        ),
        expedieras_till=("Akten", "Byggnadsnämnden"),
    ),
    agenda.ArendeInput(
        rubrik="Svar på motion om fler laddstolpar",
        dnr="KS 2026/0371",
        sammanfattning=(
            "Johan Berg (M) har i en motion föreslagit att kommunen bygger ut laddstolpar "
            "vid kommunens anläggningar."
        ),
        forslag_till_beslut="att motionen ska anses besvarad",
        beslutsunderlag=("Motion den 2 april 2026", "Tekniska förvaltningens yttrande"),
        expedieras_till=("Akten", "Kommunfullmäktige"),
    ),
    agenda.ArendeInput(
        rubrik="Reglemente för kommunstyrelsens arbetsutskott – revidering",
        dnr="KS 2026/0700",
        sammanfattning="Reglementet ses över med anledning av digitala sammanträden.",
        forslag_till_beslut="att anta reviderat reglemente enligt bilaga",
        beslutsunderlag=("Förslag till reviderat reglemente",),
        expedieras_till=("Akten", "Författningssamlingen"),
    ),
]


def is_empty(store: Store) -> bool:
    with store.read() as s:
        return (s.scalar(select(func.count()).select_from(Organ)) or 0) == 0


def create_demo(store: Store) -> str:
    """Build Exempelstad's arbetsutskott and one meeting; returns a Swedish summary."""
    with store.session() as s:
        if s.get(Setting, "kommun") is None:
            s.add(Setting(key="kommun", value=KOMMUN))
        for short, name in PARTIES.items():
            register.ensure_party(s, short, name)
    organ = register.create_organ(
        store,
        register.OrganInput(
            name="Kommunstyrelsens arbetsutskott",
            short_name="KSAU",
            kind=OrganKind.AU,
            forvaringsplats="Kommunkontoret, Storgatan 1, Exempelstad",
            dnr_pattern="KS ÅÅÅÅ/####",
        ),
    )
    ordning: dict[tuple[Roll, str], int] = {}
    justerare = 0
    for first, last, party, roll, funktion, title in MEMBERS:
        key = (roll, party if roll is Roll.ERSATTARE else "")
        ordning[key] = ordning.get(key, 0) + 1
        row = register.add_member(
            store,
            organ.id,
            register.MemberInput(
                first_name=first,
                last_name=last,
                party=party,
                roll=roll,
                funktion=funktion,
                ordning=ordning[key],
                title=title,
            ),
        )
        if last == "Hedlund":
            justerare = row.person_id
    register.set_party_order(store, organ.id, None, ["S", "M", "L", "C", "KD", "MP", "V", "EP"])
    meeting = agenda.create_meeting(
        store,
        organ.id,
        agenda.MeetingInput(
            date=dt.date(2026, 11, 30),
            place="Sessionssalen, Stadshuset",
            planned_start=dt.time(13, 0),
            justering_place="Kommunkontoret, Storgatan 1, Exempelstad",
            justering_date=dt.date(2026, 12, 1),
            justering_time=dt.time(10, 30),
            first_paragraf_override=335,
            justerare_ids=(justerare,),
        ),
    )
    for item in ARENDEN:
        agenda.add_arende(store, meeting.id, item)
    return (
        f"Demo skapad: {organ.name} i {KOMMUN} med {len(MEMBERS)} personer och "
        f"ett sammanträde {meeting.date.isoformat()} med {len(ARENDEN)} ärenden."
    )
