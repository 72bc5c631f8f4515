"""Ten years of synthetic minutes for the search benchmark: 2,000 meetings and 60,000 §§ of
a municipality's organs (2016–2025), with Swedish rubriker, sammanfattningar, förslag till
beslut, some edited beslut and yrkanden, and dnr like 'KS 2021/123'.

Written straight into a migrated SQLite file with bulk inserts, so the index triggers of
migration 0005 fill the search index as any import would. The file is kept in the temp
directory under the generator's version and the schema's revision; a later run reuses it.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

VERSION = 1
MEETINGS = 2000
PARAGRAFER = 60000
YEARS = range(2016, 2026)
RARE_WORD = "solcellspark"  # planted in a handful of §§, for the 'rare word' query
RARE_COUNT = 9

# (name, short name, kind, meetings a year, §§ a meeting on average, topics)
ORGANS = [
    ("Kommunfullmäktige", "KF", "KF", 10, 24, "ks"),
    ("Kommunstyrelsen", "KS", "KS", 14, 34, "ks"),
    ("Kommunstyrelsens arbetsutskott", "KSAU", "AU", 24, 30, "ks"),
    ("Byggnadsnämnden", "BN", "NAMND", 12, 42, "bn"),
    ("Barn- och utbildningsnämnden", "BUN", "NAMND", 11, 26, "bun"),
    ("Socialnämnden", "SN", "NAMND", 12, 28, "sn"),
    ("Socialnämndens individutskott", "SNIU", "AU", 22, 34, "sn"),
    ("Miljö- och hälsoskyddsnämnden", "MHN", "NAMND", 11, 27, "mhn"),
    ("Kultur- och fritidsnämnden", "KFN", "NAMND", 10, 20, "kfn"),
    ("Tekniska nämnden", "TN", "NAMND", 11, 30, "tn"),
    ("Äldrenämnden", "ÄN", "NAMND", 11, 25, "sn"),
    ("Gymnasienämnden", "GN", "NAMND", 10, 22, "bun"),
    ("Överförmyndarnämnden", "ÖFN", "NAMND", 10, 16, "ofn"),
    ("Valnämnden", "VN", "NAMND", 5, 9, "vn"),
    ("Tekniska nämndens arbetsutskott", "TNAU", "AU", 13, 18, "tn"),
    ("Kommunstyrelsens personalutskott", "KSPU", "AU", 14, 14, "ks"),
]
assert sum(o[3] for o in ORGANS) * len(YEARS) == MEETINGS

MANADER = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]  # fmt: skip
FORNAMN = [
    "Anna", "Erik", "Maria", "Lars", "Karin", "Anders", "Eva", "Johan", "Kristina", "Per",
    "Lena", "Mikael", "Sara", "Fredrik", "Ingrid", "Björn", "Åsa", "Göran", "Elin", "Oskar",
    "Helena", "Ulf", "Sofia", "Mats", "Birgitta", "Jonas", "Malin", "Stefan", "Ylva", "Håkan",
]  # fmt: skip
EFTERNAMN = [
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
    "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson",
    "Bengtsson", "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Lindström", "Åberg",
    "Öberg", "Sandström", "Hedlund", "Holm", "Ek", "Berg", "Strand", "Nyberg", "Wiman",
]  # fmt: skip
PARTIER = ["S", "M", "SD", "C", "V", "KD", "L", "MP"]
FORLED = [
    "Björk", "Ek", "Lind", "Sjö", "Berg", "Strand", "Äng", "Hag", "Ö", "Gran", "Tall",
    "Rönn", "Al", "Hassel", "Lönn", "Sol", "Mål", "Kvarn", "Smed", "Präst", "Skol", "Kyrk",
    "Tull", "Fisk", "Hamn", "Mjöl", "Lärk", "Vide", "Sälg", "Ask",
]  # fmt: skip
EFTERLED = [
    "gården", "hagen", "backen", "ängen", "viken", "udden", "torp", "bo", "lyckan",
    "dalen", "holmen", "näset", "berga", "åsen", "kullen",
]  # fmt: skip
OMRADEN = [
    "Norra centrum", "Södra hamnen", "Västra industriområdet", "Kvarnbacken", "Stationsområdet",
    "Sjöstaden", "Östra Lund", "Björkhagen etapp 2", "Strandängen", "Tallmon",
]  # fmt: skip
AMNEN = [
    "fler laddstolpar för elbilar", "gratis kollektivtrafik för pensionärer",
    "belysning längs motionsspåret", "en hundrastgård i centrum", "skolmat med mer vegetariskt",
    "trygghetsvandringar", "bättre snöröjning på cykelbanor", "en ny simhall",
    "utökade öppettider på biblioteket", "ett äldreboende i kommunens norra del",
    "fritidsgårdens framtid", "ökad andel närproducerade livsmedel", "farthinder vid skolor",
    "en medborgarbudget", "återinförd hemtjänstpeng", "plantering av fruktträd i parker",
]  # fmt: skip
REMISSER = [
    "Trafikverkets förslag till nationell plan för transportinfrastruktur",
    "Regionens förslag till regional utvecklingsstrategi",
    "Länsstyrelsens förslag till regional vattenförsörjningsplan",
    "betänkandet En sammanhållen kommunal vård och omsorg",
    "förslaget till ändrade regler om strandskydd",
    "Skolverkets förslag till nya kursplaner",
    "förslaget till avfallsplan för regionen",
    "Socialstyrelsens vägledning om hemlöshet",
]  # fmt: skip
ORSAKER = [
    "ökade kostnader för placeringar", "lägre intäkter från bygglovsavgifter",
    "vakanta tjänster", "högre energipriser", "fler elever än budgeterat",
    "försenade investeringar", "ökade kostnader för försörjningsstöd",
]  # fmt: skip
ATGARDER = [
    "nybyggnad av enbostadshus", "tillbyggnad av fritidshus", "nybyggnad av flerbostadshus",
    "ändrad användning till bostad", "uppförande av mast", "nybyggnad av garage",
]  # fmt: skip
GRANNAR = [
    "inga erinringar har inkommit", "synpunkter har inkommit om skuggning",
    "en granne motsätter sig åtgärden",
]  # fmt: skip
FORVALTNING = {
    "ks": "Kommunledningsförvaltningen",
    "bn": "Samhällsbyggnadsförvaltningen",
    "bun": "Barn- och utbildningsförvaltningen",
    "sn": "Socialförvaltningen",
    "mhn": "Miljöförvaltningen",
    "kfn": "Kultur- och fritidsförvaltningen",
    "tn": "Tekniska förvaltningen",
    "ofn": "Överförmyndarkansliet",
    "vn": "Valkansliet",
}


class Text:
    """Random Swedish municipal wording, the same for the same seed."""

    def __init__(self, rnd: random.Random) -> None:
        self.r = rnd

    def pick(self, items: Sequence[T]) -> T:
        return self.r.choice(items)

    def en(self, *items: str) -> str:
        return self.r.choice(items)

    def namn(self) -> str:
        return f"{self.pick(FORNAMN)} {self.pick(EFTERNAMN)}"

    def fastighet(self) -> str:
        block, unit = self.r.randint(1, 30), self.r.randint(1, 250)
        return f"{self.pick(FORLED)}{self.pick(EFTERLED)} {block}:{unit}"

    def manad(self, year: int) -> str:
        return f"{self.pick(MANADER)} {year}"

    def mkr(self) -> str:
        return f"{self.r.randint(1, 40)},{self.r.randint(0, 9)} miljoner kronor"


Arende = tuple[str, str, str]  # rubrik, sammanfattning, förslag till beslut


def _gemensamma(t: Text, year: int, forv: str) -> list[Callable[[], Arende]]:
    return [
        lambda: (
            f"Anmälan av delegationsbeslut {t.manad(year)}",
            f"En förteckning över delegationsbeslut fattade under {t.manad(year)} redovisas. "
            "Besluten har fattats med stöd av gällande delegationsordning.",
            "att lägga redovisningen av delegationsbeslut till handlingarna",
        ),
        lambda: (
            "Meddelanden",
            "Inkomna skrivelser, domar och protokoll som nämnden ska känna till redovisas.",
            "att lägga meddelandena till handlingarna",
        ),
        lambda: (
            f"Budgetuppföljning {t.manad(year)}",
            f"{forv} redovisar utfall och prognos per {t.manad(year)}. Prognosen visar ett "
            f"{t.pick(['underskott', 'överskott'])} om {t.mkr()}, främst beroende på "
            f"{t.pick(ORSAKER)}. Åtgärder för en budget i balans redovisas i bilaga.",
            "att godkänna budgetuppföljningen\natt uppdra åt förvaltningen att vidta "
            "åtgärder för en budget i balans",
        ),
        lambda: (
            f"Internkontrollplan {year}",
            f"{forv} har tagit fram en plan för intern kontroll med risker som bedömts "
            "väsentliga: informationssäkerhet, attestrutiner, upphandling och delegation.",
            f"att anta internkontrollplan för {year}",
        ),
        lambda: (
            f"Yttrande över {t.pick(REMISSER)}",
            f"Kommunen har beretts tillfälle att yttra sig. {forv} har sammanställt ett "
            "förslag till yttrande som i huvudsak tillstyrker förslaget men påpekar behovet "
            "av finansiering och samråd med kommunerna.",
            "att avge yttrande i enlighet med förvaltningens förslag",
        ),
        lambda: (
            f"Verksamhetsplan och budget {year + 1}",
            f"{forv} presenterar förslag till verksamhetsplan med mål, nyckeltal och "
            f"budgetram för {year + 1}. Ramen uppgår till {t.mkr()}.",
            f"att anta verksamhetsplan och budget för {year + 1}",
        ),
        lambda: (
            f"Informationsärende: {t.pick(['lägesrapport', 'redovisning', 'information'])} "
            f"om {t.pick(AMNEN)}",
            f"{forv} informerar om arbetet och den fortsatta tidplanen.",
            "att lägga informationen till handlingarna",
        ),
    ]


def _amne(t: Text, kind: str, year: int, forv: str) -> list[Callable[[], Arende]]:
    if kind == "ks":
        return [
            lambda: (
                f"Motion från {t.namn()} ({t.pick(PARTIER)}) om {t.pick(AMNEN)}",
                "Motionären föreslår att kommunen utreder frågan och återkommer med förslag. "
                f"{forv} konstaterar att frågan delvis omhändertas i pågående arbete.",
                t.pick(
                    ["att anse motionen besvarad", "att avslå motionen", "att bifalla motionen"]
                ),
            ),
            lambda: (
                f"Medborgarförslag om {t.pick(AMNEN)}",
                "Förslagsställaren vill att kommunen ser över möjligheterna. Förslaget har "
                "remitterats till berörd nämnd som lämnat yttrande.",
                "att medborgarförslaget ska anses besvarat",
            ),
            lambda: (
                f"Taxor och avgifter {year + 1}",
                "Förslag till justerade taxor för kommunens verksamheter med hänsyn till "
                "prisutvecklingen. Taxorna höjs i genomsnitt med tre procent.",
                f"att anta taxor och avgifter för {year + 1}",
            ),
            lambda: (
                f"Val av ersättare i {t.en('valnämnden', 'kulturnämnden', 'socialnämnden')} "
                f"efter {t.namn()}",
                "Ledamoten har begärt entledigande. Valberedningen har lämnat förslag.",
                f"att bevilja entledigandet\natt välja {t.namn()} som ny ersättare",
            ),
            lambda: (
                f"Försäljning av fastigheten {t.fastighet()}",
                "Kommunen har fått en förfrågan om att förvärva fastigheten. En oberoende "
                f"värdering anger marknadsvärdet till {t.mkr()}.",
                "att godkänna köpeavtalet\natt uppdra åt kommundirektören att underteckna avtalet",
            ),
            lambda: (
                f"Årsredovisning {year - 1}",
                "Kommunens årsredovisning visar ett positivt resultat. Revisorerna tillstyrker "
                "att fullmäktige beviljar ansvarsfrihet.",
                f"att godkänna årsredovisningen för {year - 1}",
            ),
            lambda: (
                f"Exploateringsavtal för {t.pick(OMRADEN)}",
                "Avtalet reglerar ansvar och kostnader för gator, va-ledningar och "
                "allmän platsmark inom detaljplaneområdet.",
                "att godkänna exploateringsavtalet",
            ),
            lambda: (
                "Revidering av reglemente för "
                f"{t.en('kommunstyrelsen', 'nämnderna', 'krisledningsnämnden')}",
                "Reglementet har setts över med anledning av ändringar i kommunallagen.",
                "att anta reviderat reglemente enligt bilaga",
            ),
        ]
    if kind == "bn":
        return [
            lambda: (
                f"Bygglov för {t.pick(ATGARDER)} på fastigheten {t.fastighet()}",
                "Ansökan avser åtgärd inom detaljplanelagt område. Grannar har hörts och "
                f"{t.pick(GRANNAR)}. "
                "Förvaltningen bedömer att åtgärden uppfyller kraven i plan- och bygglagen.",
                "att bevilja bygglov med stöd av 9 kap. 30 § plan- och bygglagen\n"
                f"att avgiften fastställs till {t.r.randint(8, 90)} 000 kronor",
            ),
            lambda: (
                f"Detaljplan för {t.pick(OMRADEN)}, {t.en('samråd', 'granskning', 'antagande')}",
                "Planen syftar till att möjliggöra bostäder och verksamheter samt en ny "
                "förskola. Planförslaget har varit utställt och inkomna synpunkter har "
                "sammanställts i en granskningsutlåtande.",
                "att godkänna planförslaget för fortsatt handläggning",
            ),
            lambda: (
                f"Strandskyddsdispens för {t.pick(['brygga', 'komplementbyggnad', 'bastu'])} "
                f"på fastigheten {t.fastighet()}",
                "Åtgärden ligger inom strandskyddat område. Som särskilt skäl anges att "
                "området redan tagits i anspråk.",
                t.pick(["att bevilja dispens från strandskyddet", "att avslå ansökan om dispens"]),
            ),
            lambda: (
                f"Förhandsbesked för nybyggnad av enbostadshus på fastigheten {t.fastighet()}",
                "Platsen ligger utanför detaljplanelagt område. Vatten och avlopp ska lösas "
                "enskilt.",
                "att lämna positivt förhandsbesked",
            ),
            lambda: (
                f"Byggsanktionsavgift, olovligt byggande på fastigheten {t.fastighet()}",
                "Vid tillsyn har det konstaterats att en byggnad uppförts utan lov. Fastighets"
                "ägaren har getts tillfälle att yttra sig.",
                f"att ta ut en byggsanktionsavgift om {t.r.randint(10, 120)} 000 kronor",
            ),
        ]
    if kind == "bun":
        return [
            lambda: (
                f"Ansökan om godkännande av fristående förskola {t.pick(FORLED)}{t.pick(EFTERLED)}",
                "En enskild huvudman har ansökt om godkännande. Förvaltningen har prövat "
                "lokaler, ekonomi och pedagogisk inriktning.",
                "att godkänna huvudmannen för förskoleverksamhet",
            ),
            lambda: (
                "Riktlinjer för skolskjuts",
                "Riktlinjerna reglerar rätten till skolskjuts utifrån avstånd, trafikmiljö och "
                "funktionsnedsättning. Förslaget innebär att avståndsgränserna behålls.",
                "att anta riktlinjer för skolskjuts",
            ),
            lambda: (
                f"Kvalitetsrapport {year - 1}",
                "Rapporten beskriver måluppfyllelse, meritvärden och elevernas trygghet. "
                "Andelen behöriga lärare har ökat.",
                "att godkänna kvalitetsrapporten",
            ),
            lambda: (
                "Lokalförsörjningsplan för förskola och skola",
                "Befolkningsprognosen visar ett ökat behov av förskoleplatser i "
                f"{t.pick(OMRADEN)}.",
                "att godkänna lokalförsörjningsplanen",
            ),
        ]
    if kind == "sn":
        return [
            lambda: (
                "Rapportering av ej verkställda beslut enligt SoL och LSS",
                "Kvartalsrapport till Inspektionen för vård och omsorg över beslut som inte "
                "verkställts inom tre månader.",
                "att godkänna rapporten och överlämna den till kommunfullmäktige",
            ),
            lambda: (
                "Ärende enligt socialtjänstlagen – sekretess",
                "Uppgifter om enskild omfattas av sekretess enligt 26 kap. 1 § offentlighets- "
                "och sekretesslagen.",
                "att bevilja bistånd enligt förvaltningens förslag",
            ),
            lambda: (
                "Riktlinjer för ekonomiskt bistånd",
                "Riktlinjerna har reviderats med anledning av nya riksnormen och praxis.",
                "att anta reviderade riktlinjer för ekonomiskt bistånd",
            ),
            lambda: (
                "Överenskommelse med regionen om "
                f"{t.en('hemsjukvård', 'missbruksvård', 'barn och unga', 'psykiatri')}",
                "Överenskommelsen tydliggör ansvarsfördelningen mellan kommunen och regionen.",
                "att godkänna överenskommelsen",
            ),
        ]
    if kind == "mhn":
        return [
            lambda: (
                f"Tillsynsplan {year}",
                "Planen beskriver tillsynen enligt miljöbalken och livsmedelslagstiftningen.",
                f"att anta tillsynsplan för {year}",
            ),
            lambda: (
                f"Föreläggande om åtgärder för enskilt avlopp på fastigheten {t.fastighet()}",
                "Avloppsanläggningen saknar godtagbar rening. Fastighetsägaren har inte "
                "åtgärdat bristerna trots påminnelse.",
                "att förelägga fastighetsägaren att åtgärda avloppet vid vite",
            ),
            lambda: (
                "Taxa för prövning och tillsyn enligt miljöbalken",
                "Timavgiften föreslås höjas för att öka kostnadstäckningen.",
                "att föreslå kommunfullmäktige att anta taxan",
            ),
        ]
    if kind == "kfn":
        return [
            lambda: (
                f"Föreningsbidrag {year}",
                "Fördelning av aktivitetsstöd och lokalbidrag till föreningar.",
                "att fördela föreningsbidrag enligt bilaga",
            ),
            lambda: (
                f"Kulturpris {year}",
                f"Juryn föreslår att årets kulturpris tilldelas {t.namn()}.",
                f"att tilldela {t.namn()} kulturpriset",
            ),
            lambda: (
                f"Konstnärlig gestaltning av {t.pick(OMRADEN)}",
                "Enligt enprocentregeln avsätts medel för offentlig konst.",
                "att godkänna gestaltningsprogrammet",
            ),
        ]
    if kind == "tn":
        return [
            lambda: (
                f"Gång- och cykelväg längs {t.en('Storgatan', 'Kyrkvägen', 'Sjövägen')}",
                "Investeringen förbättrar trafiksäkerheten för oskyddade trafikanter.",
                f"att godkänna investeringen om {t.mkr()}",
            ),
            lambda: (
                f"Renhållningstaxa {year + 1}",
                "Taxan finansierar insamling och behandling av hushållsavfall.",
                "att föreslå kommunfullmäktige att anta renhållningstaxan",
            ),
            lambda: (
                f"Upphandling av {t.en('vinterväghållning', 'gatubelysning', 'parkskötsel')}",
                "Nuvarande avtal löper ut. Förvaltningen föreslår en förnyad upphandling.",
                "att genomföra upphandlingen enligt förvaltningens förslag",
            ),
            lambda: (
                f"Lokala trafikföreskrifter för {t.pick(OMRADEN)}",
                "Förslaget avser hastighetsbegränsning 40 km/tim och parkeringsförbud.",
                "att anta de lokala trafikföreskrifterna",
            ),
        ]
    if kind == "ofn":
        return [
            lambda: (
                "Arvoden till gode män och förvaltare",
                "Arvodena fastställs enligt Sveriges Kommuners och Regioners rekommendation.",
                "att fastställa arvoden enligt bilaga",
            ),
        ]
    return [
        lambda: (
            f"Valdistrikt och vallokaler inför valet {year + (2 - year % 4) % 4}",
            "Indelningen ses över så att varje valdistrikt har mellan 1 000 och 2 000 "
            "röstberättigade.",
            "att fastställa valdistrikt och vallokaler",
        ),
    ]


def _arenden(t: Text, kind: str, year: int, n: int) -> list[Arende]:
    forv = FORVALTNING[kind]
    justerare = t.namn()
    out: list[Arende] = [
        (
            "Val av justerare",
            f"Ordföranden föreslår att {justerare} utses att justera protokollet.",
            f"att utse {justerare} att jämte ordföranden justera dagens protokoll",
        ),
        ("Godkännande av dagordning", "", "att godkänna dagordningen"),
    ][: min(n, 2)]
    common = _gemensamma(t, year, forv)
    own = _amne(t, kind, year, forv)
    while len(out) < n:
        make = t.pick(own) if t.r.random() < 0.65 else t.pick(common)
        out.append(make())
    return out


def _dates(r: random.Random, year: int, count: int) -> list[dt.date]:
    """Weekdays spread over the year, none in July."""
    days = [dt.date(year, 1, 1) + dt.timedelta(d) for d in range(365)]
    days = [
        d for d in days if d.weekday() < 4 and d.month != 7 and not (d.month == 12 and d.day > 20)
    ]
    step = len(days) / count
    return [days[min(len(days) - 1, int(i * step + r.random() * step * 0.5))] for i in range(count)]


def _time(t: dt.time) -> str:
    return t.strftime("%H:%M:%S.%f")


def _insert(conn: sqlite3.Connection, table: str, columns: str, rows: list[Any]) -> None:
    """Rows by column name: a column added later with a default leaves this script working,
    and one the rows do not match fails here with the table's name."""
    names = columns.split()
    if rows and len(rows[0]) != len(names):
        raise ValueError(f"{table}: {len(rows[0])} värden för {len(names)} kolumner")
    marks = ", ".join("?" * len(names))
    conn.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", rows)


def generate(path: Path, seed: int = 7) -> None:
    """Write the ten years into `path`, which must not exist yet."""
    from secretary.store.database import open_store

    open_store(path).close()
    r = random.Random(seed)
    t = Text(r)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    with conn:
        persons = []
        for pid in range(1, 401):
            persons.append((pid, t.pick(FORNAMN), t.pick(EFTERNAMN), None, ""))
        _insert(conn, "person", "id first_name last_name party_id email", persons)
        organs, memberships = [], []
        mid = 0
        for oid, (name, short, kind, *_rest) in enumerate(ORGANS, start=1):
            organs.append(
                (
                    oid,
                    name,
                    short,
                    kind,
                    "Kommunkansliet, Stadshuset",
                    f"{short} ÅÅÅÅ/#+",
                    0,
                    "{}",
                    "",
                    0,
                )
            )
            size = 61 if kind == "KF" else 11 if kind != "AU" else 5
            for seat, pid in enumerate(r.sample(range(1, 401), size)):
                mid += 1
                memberships.append(
                    (mid, oid, pid, "LEDAMOT", "ORDFORANDE" if seat == 0 else "",
                     seat + 1, None, "", None, None)
                )  # fmt: skip
        _insert(
            conn,
            "organ",
            "id name short_name kind forvaringsplats dnr_pattern personliga_ersattare labels "
            "benamning anteckning_ersattare",
            organs,
        )
        _insert(
            conn,
            "membership",
            "id organ_id person_id roll funktion ordning personlig_ersattare_for_id title "
            "period_from period_to",
            memberships,
        )

        plan: list[tuple[int, str, str, int, dt.date]] = []  # organ, short, topics, §§, date
        for year in YEARS:
            for oid, (_n, short, _k, per_year, mean, topics) in enumerate(ORGANS, start=1):
                for date in _dates(r, year, per_year):
                    count = max(3, int(r.gauss(mean, mean / 4)))
                    plan.append((oid, short, topics, count, date))
        total = sum(p[3] for p in plan)
        while total != PARAGRAFER:  # nudge random meetings until the count is exact
            i = r.randrange(len(plan))
            step = 1 if total < PARAGRAFER else -1
            if plan[i][3] + step >= 3:
                plan[i] = (*plan[i][:3], plan[i][3] + step, plan[i][4])
                total += step

        meetings, arenden, beslut, yrkanden = [], [], [], []
        dnr: dict[tuple[str, int], int] = {}
        rare_left = RARE_COUNT
        arende_id = 0
        for meeting_id, (oid, short, topics, count, date) in enumerate(plan, start=1):
            start = dt.time(r.choice([9, 13, 18]), 0)
            meetings.append(
                (meeting_id, oid, date.isoformat(), "Sammanträdesrummet, Stadshuset",
                 _time(start), "Kommunkansliet", (date + dt.timedelta(7)).isoformat(), None,
                 None, "nedtaget", _time(start), _time(dt.time(start.hour + 2, 30)), None, 0,
                 (date + dt.timedelta(7)).isoformat(), (date + dt.timedelta(8)).isoformat(),
                 (date + dt.timedelta(29)).isoformat(), (date + dt.timedelta(30)).isoformat(),
                 "[]")
            )  # fmt: skip
            for position, (rubrik, sammanfattning, forslag) in enumerate(
                _arenden(t, topics, date.year, count)
            ):
                arende_id += 1
                if rare_left and r.random() < RARE_COUNT / PARAGRAFER * 1.5:
                    sammanfattning += f" Frågan om en {RARE_WORD} på kommunens mark har väckts."
                    rare_left -= 1
                number = ""
                if position >= 2:
                    dnr[(short, date.year)] = dnr.get((short, date.year), 0) + r.randint(1, 3)
                    number = f"{short} {date.year}/{dnr[(short, date.year)]}"
                arenden.append(
                    (arende_id, meeting_id, position, rubrik, number, sammanfattning, forslag,
                     json.dumps([f"Tjänsteskrivelse, dnr {number}"] if number else []),
                     json.dumps(["Akten"]), "")
                )  # fmt: skip
                chance = r.random()
                if chance < 0.12:
                    att = [
                        *forslag.split("\n"),
                        "att därutöver uppdra åt förvaltningen att "
                        f"återkomma med en redovisning senast i {t.manad(date.year + 1)}",
                    ]
                    beslut.append((arende_id, None, 1, "{}", "", json.dumps(att), 0, 0, "{}", None))
                elif chance < 0.18:
                    yrkanden.append(
                        (arende_id, "TILLAGG", r.randint(1, 400), "[]",
                         f"att ge förvaltningen i uppdrag att särskilt belysa {t.pick(AMNEN)}",
                         None, 0)
                    )  # fmt: skip
        _insert(
            conn,
            "meeting",
            "id organ_id date place planned_start justering_place justering_date "
            "justering_time first_paragraf_override state started_at ended_at "
            "current_arende_id under_behandling justerat_datum anslag_uppsatt "
            "sista_overklagandedag anslag_nedtagning maskeringstermer",
            meetings,
        )
        # Beslut and yrkanden before their ärenden (foreign keys are checked below): the
        # ärende's insert trigger then writes its index row once, complete.
        _insert(
            conn,
            "paragraf_beslut",
            "arende_id ordning ordning_godkand resultat beslut_rubrik beslut_att "
            "omedelbar_justering sekretess redigerat omedelbart_justerad",
            beslut,
        )
        conn.executemany(
            "INSERT INTO yrkande (arende_id, typ, yrkare_id, instammande, text, stodjer_id, "
            "aterkallat) VALUES (?, ?, ?, ?, ?, ?, ?)",
            yrkanden,
        )
        _insert(
            conn,
            "arende",
            "id meeting_id position rubrik dnr sammanfattning forslag_till_beslut "
            "beslutsunderlag expedieras_till forslag_namn",
            arenden,
        )
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("SELECT count(*) FROM meeting").fetchone() == (MEETINGS,)
    assert conn.execute("SELECT count(*) FROM sokindex").fetchone() == (PARAGRAFER,)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def database() -> tuple[Path, float | None]:
    """The benchmark database, and the seconds it took to write (None: reused)."""
    from secretary.store.migrate import newest_file_revision

    folder = Path(tempfile.gettempdir()) / "secretary-bench"
    folder.mkdir(exist_ok=True)
    path = folder / f"sok-v{VERSION}-schema{newest_file_revision()}.sqlite"
    if path.exists():
        return path, None
    partial = path.with_suffix(".partial")
    for stale in folder.glob(partial.name + "*"):
        stale.unlink()
    start = time.perf_counter()
    generate(partial)
    partial.rename(path)
    Path(f"{partial}.lock").unlink(missing_ok=True)
    return path, time.perf_counter() - start
