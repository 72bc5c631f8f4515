"""`make bench` / `./dev bench`: speed figures, printed; never asserted in tests.

Attendance: a kommunfullmäktige of 61 ledamöter and 40 ersättare (101 persons) with 60
ärenden; each session action timed through the service door, commit included.

Protocol PDF: the same kommunfullmäktige with 20 roll-call voteringar, recorded through the
services; the layout timed against a bare reportlab script that lays out the same text with
no logic (the floor). Aim: under one second, and under twice the floor.

Search: ten years of synthetic minutes (scripts/sokdata.py: 2,000 meetings, 60,000 §§),
each query through services.sok as the search window calls it, § numbers of the hits shown
included. Aim: under 50 ms. Then the real application started offscreen in a child process
on that database: time to the main window shown and peak memory (VmHWM), against the
same on an empty database.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from secretary.domain.narvaro import HandelseTyp
from secretary.domain.register import Funktion, OrganKind, Roll
from secretary.services import agenda, register, session, tider
from secretary.services.andring import Andring
from secretary.store.database import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
# --snabb: a few iterations of every section, so the test suite runs the bench and it cannot
# rot unnoticed (tests/test_bench.py). The figures it prints then mean nothing.
SNABB = False


def reps(full: int, snabb: int = 2) -> int:
    """How many times to repeat a measurement: `full`, or a few under --snabb."""
    return snabb if SNABB else full


PARTIES = ["S", "M", "SD", "C", "V", "KD", "L", "MP"]


def build_kf(store: Store, arenden: int = 60) -> tuple[int, dict[str, list[int]]]:
    organ = register.create_organ(store, register.OrganInput("Kommunfullmäktige", OrganKind.KF))
    people: dict[str, list[int]] = {"ledamot": [], "ersattare": []}
    with store.session() as s:
        kf = register.get_organ_row(s, organ.id)
        for i in range(61):
            m = register.apply_member(
                s,
                kf,
                register.MemberInput(
                    f"Ledamot{i}",
                    f"Efternamn{i}",
                    Roll.LEDAMOT,
                    PARTIES[i % len(PARTIES)],
                    Funktion.ORDFORANDE if i == 0 else Funktion.INGEN,
                    ordning=i + 1,
                ),
            )
            people["ledamot"].append(m.person_id)
        for i in range(40):
            m = register.apply_member(
                s,
                kf,
                register.MemberInput(
                    f"Ersättare{i}",
                    f"Efternamn{i}",
                    Roll.ERSATTARE,
                    PARTIES[i % len(PARTIES)],
                    ordning=i // len(PARTIES) + 1,
                ),
            )
            people["ersattare"].append(m.person_id)
    meeting = agenda.create_meeting(store, organ.id, agenda.MeetingInput(dt.date(2026, 11, 30)))
    for i in range(arenden):
        agenda.add_arende(store, meeting.id, agenda.ArendeInput(f"Ärende {i + 1}"))
    return meeting.id, people


def timed(samples: list[float], fn: Callable[[], object]) -> object:
    start = time.perf_counter()
    result = fn()
    samples.append((time.perf_counter() - start) * 1000)
    return result


def report(name: str, samples: list[float]) -> None:
    if not samples:
        print(f"  {name:<38} inga mätningar")
        return
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    print(
        f"  {name:<38} n={len(samples):>3}  median {statistics.median(samples):6.2f} ms"
        f"  p95 {p95:6.2f} ms  max {samples[-1]:6.2f} ms"
    )


def bench_attendance() -> None:
    print("Närvaro, kommunfullmäktige 61 ledamöter / 101 personer / 60 ärenden")
    print("(varje åtgärd genom tjänstelagret, inklusive commit med synchronous=FULL)")
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.sqlite")
        meeting_id, people = build_kf(store)
        session.start_session(store, meeting_id, dt.datetime(2026, 11, 30, 9, 0))
        upprop: list[float] = []
        for pid in people["ledamot"][:55] + people["ersattare"][:30]:
            timed(
                upprop,
                lambda pid=pid: session.mark_upprop(
                    store, meeting_id, pid, session.Upprop.NARVARANDE
                ),
            )
        report("upprop: markera närvarande", upprop)
        serve: list[float] = []
        absent = people["ledamot"][55:]
        state = session.load_session(store, meeting_id)
        from secretary.domain.ersattare import foreslag

        for seat in absent:
            proposal = foreslag(state.tidslinje, state.boundary, seat, state.regler)
            if proposal:
                timed(
                    serve,
                    lambda s=seat, p=proposal[0].person_id: session.record(
                        store, meeting_id, HandelseTyp.TJANSTGOR, p, seat=s
                    ),
                )
            state = session.load_session(store, meeting_id)
        report("ersättare tjänstgör (förslag antas)", serve)
        changes: list[float] = []
        undo: list[float] = []
        cursor: list[float] = []
        for position in range(1, reps(40, 5)):
            timed(cursor, lambda p=position: session.set_cursor(store, meeting_id, p, False))
            pid = people["ledamot"][position]
            event = timed(
                changes, lambda pid=pid: session.record(store, meeting_id, HandelseTyp.JAV, pid)
            )
            assert isinstance(event, Andring) and event.id is not None
            if position % 3 == 0:
                removed = timed(undo, lambda e=event.id: session.remove_event(store, e))
                assert isinstance(removed, Andring) and removed.handelse is not None
                timed(undo, lambda r=removed.handelse: session.restore_event(store, meeting_id, r))
        report("jäv antecknas", changes)
        report("ångra / gör om", undo)
        report("nästa ärende", cursor)
        load: list[float] = []
        for _ in range(reps(30)):
            timed(load, lambda: session.load_session(store, meeting_id))
        report("läs in sessionspanelen", load)
        store.close()


def main(argv: list[str]) -> int:
    """All sections, or those named: narvaro, protokoll, signatur, sok; --snabb for a few
    iterations."""
    global SNABB
    SNABB = "--snabb" in argv
    sections = {
        "narvaro": bench_attendance,
        "protokoll": bench_protokoll,
        "signatur": bench_signatur,
        "sok": bench_sok,
    }
    chosen = [a for a in argv if a in sections] or list(sections)
    for i, name in enumerate(chosen):
        if i:
            print()
        sections[name]()
    return 0


# --- the protocol PDF ---------------------------------------------------------------------


KF_FORSLAG = "att anta förslaget\natt uppdra åt kommunstyrelsen att verkställa beslutet"


def build_kf_protocol(store: Store) -> int:
    """The KF meeting held: every ledamot present, each § decided, 20 by roll call."""
    from secretary.domain.votering import Rost
    from secretary.domain.yrkanden import FORSLAG, YrkandeTyp
    from secretary.services import beslut

    meeting_id, people = build_kf(store, reps(60, 4))
    for a in agenda.list_arenden(store, meeting_id):
        agenda.update_arende(
            store,
            a.id,
            agenda.ArendeInput(
                rubrik=f"{a.rubrik}: översyn av reglemente och taxor",
                dnr=f"KS 2026/{a.paragraf:04d}",
                sammanfattning=" ".join(["Kommunstyrelsen föreslår en översyn."] * 12),
                forslag_till_beslut=KF_FORSLAG,
                beslutsunderlag=("Tjänsteskrivelse den 1 november 2026", "Protokollsutdrag KS"),
                expedieras_till=("Akten", "Kommunstyrelsen"),
            ),
        )
    session.start_session(store, meeting_id, dt.datetime(2026, 11, 30, 9, 0))
    for pid in people["ledamot"]:
        session.mark_upprop(store, meeting_id, pid, session.Upprop.NARVARANDE)
    chair, other = people["ledamot"][0], people["ledamot"][1]
    for i, a in enumerate(agenda.list_arenden(store, meeting_id)):
        beslut.add_yrkande(store, a.id, YrkandeTyp.BIFALL, chair)
        if i % 3 == 0:
            beslut.add_yrkande(store, a.id, YrkandeTyp.AVSLAG, other)
            beslut.besvara(store, a.id, FORSLAG, votering_begard=True)
            for pid in people["ledamot"][1:25]:
                beslut.rosta(store, a.id, pid, Rost.NEJ)
            beslut.resten(store, a.id, Rost.JA)
        else:
            beslut.besvara(store, a.id, FORSLAG)
    tider.satt_tider(
        store, meeting_id, dt.time(9, 0), dt.time(16, 30), dt.datetime(2026, 11, 30, 16, 30)
    )
    return meeting_id


def floor_pdf(data: object) -> bytes:
    """The same text and tables laid out by bare reportlab: no header, no logic."""
    import io

    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

    from secretary.reports import styles
    from secretary.reports.data import ProtokollData

    assert isinstance(data, ProtokollData)
    s = styles.stylesheet()
    story: list[object] = []
    for line in (*data.ledamoter, *data.ovriga, data.plats_och_tid, data.justering):
        story.append(Paragraph(line, s.body))
    for p in data.arenden:
        story.append(PageBreak())
        texts = [p.rubrik, p.dnr, *p.sammanfattning, *p.beslutsunderlag, *p.forslag_till_beslut]
        texts += [*p.yrkanden, *p.beslutsgang, p.beslut_rubrik, *p.beslut_att, *p.expedieras_till]
        story += [Paragraph(t, s.body) for t in texts]
        for o in p.omrostningar:
            rows = [["Ledamot", "Ersättare", "Ja", "Nej", "Avstår", "Frånvarande"]]
            rows += [[r.ledamot, r.ersattare, r.rost, "", "", ""] for r in o.rader]
            story.append(Table(rows, repeatRows=1))
    out = io.BytesIO()
    SimpleDocTemplate(out, initialFontName=styles.FONT).build(story)
    return out.getvalue()


def best(fn: Callable[[], object], n: int = 5) -> tuple[float, object]:
    times: list[float] = []
    result: object = None
    for _ in range(n):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), result


def bench_protokoll() -> None:
    from secretary.reports import arkiv
    from secretary.reports.protokoll import ProtokollPdf
    from secretary.services.protokoll import protokoll_data

    print("Protokoll-PDF, kommunfullmäktige 61 ledamöter / 60 §§ / 20 omröstningar med upprop")
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.sqlite")
        meeting_id = build_kf_protocol(store)
        assembly, data = best(lambda: protokoll_data(store, meeting_id), reps(5, 1))
        store.close()
    pdf = ProtokollPdf(data)  # type: ignore[arg-type]
    floor, _ = best(lambda: floor_pdf(data), reps(5, 1))
    layout, result = best(pdf.layout, reps(5, 1))
    assert hasattr(result, "pdf") and hasattr(result, "falt")
    pdfa, archived = best(lambda: arkiv.pdfa_2b(result.pdf, result.taggning), reps(3, 1))
    assert isinstance(archived, bytes)
    fields, _ = best(lambda: arkiv.signaturfalt(archived, result.falt), reps(3, 1))
    print(f"  {'data ur tjänstelagret (protokoll_data)':<44} {assembly:7.1f} ms")
    sidor = f"({result.sidor} sidor)"
    print(f"  {'layout, reportlab (ProtokollPdf.layout)':<44} {layout:7.1f} ms  {sidor}")
    print(f"  {'golv: samma text i ren reportlab':<44} {floor:7.1f} ms")
    print(f"  {'kvot layout / golv':<44} {layout / floor:7.2f}")
    print(f"  {'PDF/A-2a: taggar + PDF/A (pikepdf)':<44} {pdfa:7.1f} ms")
    print(f"  {'signaturfält (pyHanko, inkrementellt)':<44} {fields:7.1f} ms")
    print(f"  {'slutligt protokoll, från data':<44} {layout + pdfa + fields:7.1f} ms")


# --- justering by signatures ---------------------------------------------------------------


def bench_signatur() -> None:
    """The KF protocol fixed for signing and signed in the application by the ordförande and
    a justerare with PKCS#12 files (the test PKI of tests/pki.py, PAdES B-B, no timestamp
    server), then the signed PDF checked again in full as when it is opened. Each step once
    through the service door, commit and backup included: a state change cannot repeat."""
    from sqlalchemy import select

    from secretary.services import arbetsgang, avslut, underskrift
    from secretary.store.models import Person
    from tests import pki as tpki

    print("Justering med e-underskrifter, kommunfullmäktige 61 ledamöter / 60 §§")
    print("(PKCS#12, PAdES B-B; varje steg en gång genom tjänstelagret, med commit och backup)")
    ca = tpki.nyckel("Benchkommunens CA", ca=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.sqlite")
        meeting_id = build_kf_protocol(store)
        with store.read() as s:
            ids = {
                p.first_name: p.id
                for p in s.scalars(
                    select(Person).where(Person.first_name.in_(["Ledamot0", "Ledamot1"]))
                )
            }
        m = agenda.get_meeting(store, meeting_id)
        agenda.update_meeting(
            store, meeting_id, agenda.MeetingInput(m.date, justerare_ids=(ids["Ledamot1"],))
        )
        now = dt.datetime.now().replace(microsecond=0)
        avslut.close_meeting(store, meeting_id, now, trots_brister=True)
        arbetsgang.skicka_for_justering(store, meeting_id, now)
        underskrift.spara_installningar(store, ca.cert_pem, "")
        samples: dict[str, list[float]] = {k: [] for k in ("fix", "first", "next", "check")}
        timed(samples["fix"], lambda: underskrift.till_underskrift(store, meeting_id, now))
        for key, falt, who in (
            ("first", "Ordforande", "Ledamot0 Efternamn0"),
            ("next", "Justerare1", "Ledamot1 Efternamn1"),
        ):
            p12 = tpki.p12(tpki.nyckel(who, ca), ca)
            sign = functools.partial(
                underskrift.signera_med_fil, store, meeting_id, falt, p12, tpki.LOSEN
            )
            timed(samples[key], lambda sign=sign: sign(dt.datetime.now()))
        kontroll: object = None
        for _ in range(reps(3, 1)):
            kontroll = timed(
                samples["check"],
                lambda: underskrift.signerad_pdf(store, meeting_id, dt.datetime.now()),
            )
        assert isinstance(kontroll, underskrift.Kontrollerad)
        storlek = len(kontroll.dokument.pdf) / 1024
        state = agenda.get_meeting(store, meeting_id).state
        store.close()
    rows = (
        ("fix", "fastställ versionen för underskrift"),
        ("first", "första underskriften (PKCS#12)"),
        ("next", "nästa underskrift (PKCS#12)"),
        ("check", "full kontroll av två underskrifter"),
    )
    for key, name in rows:
        print(f"  {name:<44} {min(samples[key]):7.1f} ms")
    fel = "inga fel" if not kontroll.fel else "; ".join(kontroll.fel)
    print(f"  {'signerad PDF':<44} {storlek:7.0f} kB  ({state}, {fel})")


# --- search over ten years, and the application on that database -------------------------


def bench_sok() -> None:
    import sokdata

    from secretary.services import sok

    path, written = sokdata.database()
    how = f"skriven på {written:.1f} s" if written is not None else "återanvänd"
    size = path.stat().st_size / 1e6
    print(
        f"Sökning i tio års protokoll: {sokdata.MEETINGS} sammanträden, "
        f"{sokdata.PARAGRAFER} §§ ({size:.0f} MB, {how})"
    )
    print("(sok() som sökfönstret anropar den: de 100 bästa med utdrag och §-nummer; mål < 50 ms)")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "arkiv.sqlite"
        shutil.copyfile(path, db)
        store = open_store(db)
        with store.engine.connect() as conn:
            dnr = conn.exec_driver_sql(
                "SELECT dnr FROM arende WHERE dnr LIKE 'KS 2021/%' ORDER BY id LIMIT 1 OFFSET 40"
            ).scalar_one()
        queries = [
            ("ett ord", "bygglov"),
            ("början av ett ord", "strandsk"),
            ("två ord", "detaljplan antagande"),
            ("diarienummer", dnr),
            ("sällsynt ord", sokdata.RARE_WORD),
            ("vanligt ord", "kommunen"),
            ("i nästan varje §", "att"),
        ]
        every: list[float] = []
        for label, query in queries:
            samples: list[float] = []
            for _ in range(reps(30)):
                result = timed(samples, lambda q=query: sok.sok(store, q))
            assert isinstance(result, sok.Sokresultat)
            hits = f"{len(result.traffar)}{'+' if result.fler else ''}"
            report(f"{label} {query!r} ({hits})", samples)
            every += samples
        word = "strandskydd"
        typing: list[float] = []
        for _ in range(reps(3, 1)):
            for n in range(1, len(word) + 1):
                timed(typing, lambda q=word[:n]: sok.sok(store, q))
        report(f"tecken för tecken {word!r}", typing)
        every += typing
        report("alla ovan", every)
        store.close()
        print()
        bench_quick_check(db)
        print()
        bench_app_on_archive(db, Path(tmp))


def bench_quick_check(path: Path) -> None:
    """The damage check run beside the window at start (PRAGMA quick_check): first with the
    file's pages dropped from the cache (where the file system lets us; tmpfs does not), then
    again from the cache."""
    from secretary.store.database import FileCheck

    mb = path.stat().st_size / 1e6
    fd = os.open(path, os.O_RDONLY)
    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    os.close(fd)
    start = time.perf_counter()
    assert FileCheck(path).run() == []
    cold = time.perf_counter() - start
    start = time.perf_counter()
    FileCheck(path).run()
    warm = time.perf_counter() - start
    print(f"Skadekontroll vid start (quick_check i bakgrunden), {mb:.0f} MB")
    print(
        f"  första läsningen {cold:5.2f} s ({cold / mb * 1000:.1f} ms/MB), "
        f"ur cachen {warm:5.2f} s ({warm / mb * 1000:.1f} ms/MB)"
    )


# The start of both start-up scripts: the clock, and the peak memory of the process.
START = """
import json, resource, sys, time
t0 = float(sys.argv[1])
def peak():
    # Peak resident memory in kB: VmHWM is this process's own; ru_maxrss would carry the
    # bench's own peak over from before exec.
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""

APP = (
    START
    + """from PySide6.QtCore import QSettings
from secretary.ui.application import make_application
from secretary.store.database import open_store
from secretary.ui.context import AppContext
app = make_application()
store = open_store(sys.argv[2])
from secretary.ui.main_window import MainWindow
ctx = AppContext(store=store, settings=QSettings(sys.argv[3], QSettings.Format.IniFormat))
w = MainWindow(ctx); w.show(); app.processEvents()
shown = time.time() - t0
rss_shown = peak()
w.open_sok()
for q in ("bygglov", "att", "kommunen", "strandskydd brygga"):
    w.sok_dialog.field.setText(q); w.sok_dialog.search(); app.processEvents()
rss = peak()
print(json.dumps({"shown": shown, "rss_shown": rss_shown, "rss": rss}))
store.close()
"""
)


BARE = (
    START
    + """from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.show(); app.processEvents()
rss = peak()
print(json.dumps({"shown": time.time() - t0, "rss_shown": rss, "rss": rss}))
"""
)


def _app(db: Path | None, settings: Path) -> dict[str, float]:
    t0 = time.time()
    args = [APP, str(t0), str(db), str(settings)] if db is not None else [BARE, str(t0)]
    out = subprocess.run(
        [sys.executable, "-c", *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def bench_app_on_archive(archive: Path, tmp: Path) -> None:
    """Start-up and peak memory (VmHWM) of the real application, offscreen."""
    empty = tmp / "tom.sqlite"
    open_store(empty).close()
    runs_each = reps(3, 1)
    print(f"Programmet på tio års protokoll (offscreen, egen process, median av {runs_each})")
    runs: tuple[tuple[str, Path | None], ...] = (
        ("tomt PySide6-fönster", None),
        ("Secretary, tom databas", empty),
        ("Secretary, tio år", archive),
    )
    print(f"  {'':<24}{'fönstret visat':>16}{'högsta minne':>15}{'+ fyra sökningar':>19}")
    for name, db in runs:
        measured = [_app(db, tmp / f"{name}.ini") for _ in range(runs_each)]
        shown = statistics.median(r["shown"] for r in measured)
        rss_shown = max(r["rss_shown"] for r in measured) / 1024
        rss = max(r["rss"] for r in measured) / 1024
        searched = f"{rss:16.0f} MB" if db is not None else f"{'–':>19}"
        print(f"  {name:<24}{shown * 1000:13.0f} ms{rss_shown:12.0f} MB{searched}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
