"""`make bench` / `./dev bench`: speed figures, printed; never asserted in tests.

Attendance: a kommunfullmäktige of 61 ledamöter and 40 ersättare (101 persons) with 60
ärenden; each session action timed through the service door, commit included.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from secretary.domain.narvaro import HandelseTyp
from secretary.domain.register import Funktion, OrganKind, Roll
from secretary.services import agenda, register, session
from secretary.store.database import Store, open_store

PARTIES = ["S", "M", "SD", "C", "V", "KD", "L", "MP"]


def build_kf(store: Store) -> tuple[int, dict[str, list[int]]]:
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
    for i in range(60):
        agenda.add_arende(store, meeting.id, agenda.ArendeInput(f"Ärende {i + 1}"))
    return meeting.id, people


def timed(samples: list[float], fn: Callable[[], object]) -> object:
    start = time.perf_counter()
    result = fn()
    samples.append((time.perf_counter() - start) * 1000)
    return result


def report(name: str, samples: list[float]) -> None:
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
        for position in range(1, 40):
            timed(cursor, lambda p=position: session.set_cursor(store, meeting_id, p, False))
            pid = people["ledamot"][position]
            event = timed(
                changes, lambda pid=pid: session.record(store, meeting_id, HandelseTyp.JAV, pid)
            )
            assert isinstance(event, session.HandelseRad)
            if position % 3 == 0:
                removed = timed(undo, lambda e=event.id: session.remove_event(store, e))
                assert isinstance(removed, session.HandelseRad)
                timed(undo, lambda r=removed: session.restore_event(store, meeting_id, r))
        report("jäv antecknas", changes)
        report("ångra / gör om", undo)
        report("nästa ärende", cursor)
        load: list[float] = []
        for _ in range(30):
            timed(load, lambda: session.load_session(store, meeting_id))
        report("läs in sessionspanelen", load)
        store.close()


def main() -> int:
    bench_attendance()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
