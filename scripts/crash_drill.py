"""Kill a live session at random moments and check that nothing it reported is lost.

    python scripts/crash_drill.py --runs 100 [--seed N]

A child process drives a meeting through the service layer (upprop, jäv, ersättare,
yrkanden, voteringar) and prints one line per action *after* the service call returned,
i.e. after the commit — what the window would have shown. The parent kills it with SIGKILL
at a random moment, then checks the database with PRAGMA integrity_check and looks up every
reported change. Exit status 0 when every run kept everything.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def prepare(path: Path) -> int:
    """A demo database with the meeting opened; returns the meeting id."""
    from secretary.services import agenda, demo, register, session
    from secretary.store.database import open_store

    store = open_store(path)
    try:
        demo.create_demo(store)
        organ = register.list_organs(store)[0]
        meeting = agenda.list_meetings(store, organ.id)[0]
        session.start_session(store, meeting.id, dt.datetime(2026, 11, 30, 13, 0))
        return meeting.id
    finally:
        store.close()


def child(path: Path, meeting_id: int, seed: int) -> None:
    """Drive the meeting; print what each committed action left behind."""
    from secretary.domain.narvaro import HandelseTyp
    from secretary.domain.votering import Rost
    from secretary.domain.yrkanden import FORSLAG, YrkandeTyp
    from secretary.services import beslut, session
    from secretary.services.errors import ServiceError
    from secretary.store.database import open_store

    rng = random.Random(seed)
    store = open_store(path)

    def say(kind: str, *values: object) -> None:
        print(json.dumps([kind, *values]), flush=True)

    state = session.load_session(store, meeting_id)
    people = list(state.tidslinje.deltagare.values())
    for d in people:
        status = rng.choice([session.Upprop.NARVARANDE] * 4 + [session.Upprop.DISTANS])
        added = session.mark_upprop(store, meeting_id, d.person_id, status).handelse
        if added is not None:
            say("handelse", added.id)
    for position, arende in enumerate(state.arenden):
        session.set_cursor(store, meeting_id, position, under_behandling=False)
        state = session.load_session(store, meeting_id)
        narvaro = state.narvaro(position)
        assert narvaro is not None
        serving = sorted(narvaro.serving)
        jav = rng.choice(serving)
        try:
            event = session.record(store, meeting_id, HandelseTyp.JAV, jav)
            say("handelse", event.id)
        except ServiceError:
            pass
        session.set_cursor(store, meeting_id, position, under_behandling=True)
        vy = beslut.load_paragraf(store, arende.id)
        voters = [p.person_id for p in vy.tjanstgorande]
        if len(voters) * 2 <= len(state.tidslinje.seats):
            session.quorum_override(store, meeting_id, position, dt.datetime.now())
        yid = beslut.add_yrkande(store, arende.id, YrkandeTyp.AVSLAG, voters[0], text="").id
        say("yrkande", yid)
        beslut.besvara(store, arende.id, FORSLAG, votering_begard=True)
        for person in voters:
            rost = rng.choice([Rost.JA, Rost.JA, Rost.NEJ, Rost.AVSTAR])
            beslut.rosta(store, arende.id, person, rost)
            say("rost", arende.id, person, rost.value)
        vy = beslut.load_paragraf(store, arende.id)
        v = vy.oppen_votering
        if v is not None and v.lika:
            chair = v.roster.get(vy.ordforande_id or -1)
            beslut.avgor_lika(store, arende.id, v.nej if chair is Rost.NEJ else v.ja)
    say("klar")
    store.close()


def verify(path: Path, lines: list[str]) -> list[str]:
    """What the database lacks of what the child reported, and integrity problems."""
    problems: list[str] = []
    conn = sqlite3.connect(path)
    try:
        (check,) = conn.execute("PRAGMA integrity_check").fetchone()
        if check != "ok":
            problems.append(f"integrity_check: {check}")
        for line in lines:
            try:
                kind, *values = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut by the kill was never reported whole
            if kind == "handelse":
                row = conn.execute("SELECT 1 FROM narvaro_handelse WHERE id=?", values).fetchone()
                if row is None:
                    problems.append(f"händelse {values[0]} saknas")
            elif kind == "yrkande":
                if conn.execute("SELECT 1 FROM yrkande WHERE id=?", values).fetchone() is None:
                    problems.append(f"yrkande {values[0]} saknas")
            elif kind == "rost":
                arende, person, rost = values
                (resultat,) = conn.execute(
                    "SELECT resultat FROM paragraf_beslut WHERE arende_id=?", (arende,)
                ).fetchone() or ("{}",)
                rosters = [
                    step.get("votering", {}) or {}
                    for steps in json.loads(resultat).values()
                    for step in steps
                ]
                if not any(r.get("roster", {}).get(str(person)) == rost for r in rosters):
                    problems.append(f"röst {person} i ärende {arende} saknas")
    finally:
        conn.close()
    return problems


def drill(runs: int, seed: int, quiet: bool = False) -> tuple[int, list[str]]:
    rng = random.Random(seed)
    failures: list[str] = []
    killed_after: list[int] = []
    finished = 0
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "mall.sqlite"
        meeting_id = prepare(template)
        for run in range(runs):
            path = Path(tmp) / f"run{run}.sqlite"
            for suffix in ("", "-wal", "-shm"):
                src = Path(str(template) + suffix)
                if src.exists():
                    shutil.copyfile(src, str(path) + suffix)
            proc = subprocess.Popen(
                [sys.executable, __file__, "--child", str(path), str(meeting_id), str(run)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            time.sleep(rng.uniform(0.4, 1.6))
            proc.send_signal(signal.SIGKILL)
            out, err = proc.communicate()
            lines = out.splitlines()
            if proc.returncode not in (-signal.SIGKILL, 0):
                failures.append(f"körning {run}: barnet föll: {err.strip()[-300:]}")
                continue
            Path(str(path) + ".lock").unlink(missing_ok=True)
            problems = verify(path, lines)
            if lines and lines[-1] == '["klar"]':
                finished += 1
            killed_after.append(len(lines))
            failures += [f"körning {run}: {p}" for p in problems]
            if not quiet:
                print(
                    f"körning {run:3d}: dödad efter {len(lines):4d} åtgärder – "
                    f"{'OK' if not problems else ', '.join(problems)}"
                )
    if not quiet:
        print(f"{finished} av {len(killed_after)} körningar hann bli klara före avbrottet")
    return len(killed_after), failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument("--child", nargs=3, metavar=("DB", "MEETING", "SEED"))
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), int(args.child[1]), int(args.child[2]))
        return 0
    done, failures = drill(args.runs, args.seed, args.quiet)
    print(f"{done} avbrott med SIGKILL, {len(failures)} fel")
    for failure in failures:
        print(f"  {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
