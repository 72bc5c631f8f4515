"""UI figures for `./dev bench`: start-up to the main window against a bare PySide6 window,
and session-mode key presses on a 61-member kommunfullmäktige, measured from the key press
until the window has updated (service call, commit and refresh included)."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def bench_startup(db: Path, settings: Path) -> None:
    """The same start-up script as the ten-year figure in bench.py, on the KF database."""
    from bench import _app, reps

    n = reps(5, 1)
    bare = statistics.median(_app(None, settings)["shown"] for _ in range(n))
    ours = statistics.median(_app(db, settings)["shown"] for _ in range(n))
    print(f"Start till huvudfönstret visas (median av {n})")
    print(f"  tomt PySide6-fönster {bare * 1000:6.0f} ms")
    print(f"  Secretary            {ours * 1000:6.0f} ms   kvot {ours / bare:.2f}")


def _activate(window: QWidget) -> None:
    """Shown and active, as the secretary's window is. Offscreen, a window nobody activated
    is activated by each QTest key press and deactivated after it, and every widget then
    repaints for the palette change: a cost no user's key press has."""
    from PySide6.QtTest import QTest

    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 2000)


def _settle() -> None:
    """The window done with what the set-up started (the layout after a panel is unfolded,
    the first repaint after a focus change), as it is by the time a user presses the next
    key; otherwise the first measured key carries it."""
    from PySide6.QtTest import QTest

    QTest.qWait(300)


def bench_session_keys(db: Path, meeting_id: int) -> None:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest

    from secretary.store.database import open_store
    from secretary.ui.application import make_application
    from secretary.ui.context import AppContext
    from secretary.ui.session.window import SessionWindow

    app = make_application()
    store = open_store(db)
    ctx = AppContext(store=store, settings=QSettings())
    window = SessionWindow(ctx, meeting_id)
    _activate(window)
    window.people.setFocus()
    _settle()
    from bench import reps

    samples: list[float] = []
    for _ in range(reps(90, 5)):
        start = time.perf_counter()
        QTest.keyClick(window.people, Qt.Key.Key_N)
        app.processEvents()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p95 = samples[round(0.95 * (len(samples) - 1))]
    print("Sammanträdesläge, KF 61 ledamöter / 101 personer: tangent N i uppropet")
    print("(från tangenttryck till uppdaterat fönster, commit inräknad)")
    median = statistics.median(samples)
    print(f"  median {median:6.2f} ms  p95 {p95:6.2f} ms  max {samples[-1]:6.2f} ms")
    window.close()
    store.close()


def bench_vote_key(db: Path, meeting_id: int) -> None:
    """The J key in a roll call on the KF: 61 serving, one vote per key, through the § panel."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest

    from secretary.domain.yrkanden import FORSLAG, YrkandeTyp
    from secretary.services import agenda, beslut, session
    from secretary.store.database import open_store
    from secretary.ui.application import make_application
    from secretary.ui.context import AppContext
    from secretary.ui.session.window import SessionWindow

    app = make_application()
    store = open_store(db)
    state = session.load_session(store, meeting_id)
    for seat in state.tidslinje.seats:
        session.mark_upprop(store, meeting_id, seat, session.Upprop.NARVARANDE)
    arende = agenda.list_arenden(store, meeting_id)[0].id
    serving = beslut.load_paragraf(store, arende).tjanstgorande
    beslut.add_yrkande(store, arende, YrkandeTyp.BIFALL, serving[0].person_id)
    beslut.add_yrkande(store, arende, YrkandeTyp.AVSLAG, serving[1].person_id)
    beslut.besvara(store, arende, FORSLAG, votering_begard=True)
    window = SessionWindow(AppContext(store=store, settings=QSettings()), meeting_id)
    _activate(window)
    QTest.keyClick(window.people, Qt.Key.Key_9, Qt.KeyboardModifier.AltModifier)
    roster = window.paragraf.roster
    _settle()
    from bench import reps

    samples: list[float] = []
    for _ in range(reps(len(serving) - 1, 5)):
        start = time.perf_counter()
        QTest.keyClick(roster, Qt.Key.Key_J)
        app.processEvents()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p95 = samples[round(0.95 * (len(samples) - 1))]
    print("Votering, KF 61 tjänstgörande: tangent J i uppropet (§-panelen)")
    median = statistics.median(samples)
    print(f"  median {median:6.2f} ms  p95 {p95:6.2f} ms  max {samples[-1]:6.2f} ms")
    window.close()
    store.close()


def main(argv: list[str]) -> int:
    """--snabb: a few key presses of each kind (tests/test_bench.py), figures meaningless."""
    import bench
    from bench import build_kf

    bench.SNABB = "--snabb" in argv

    from secretary.store.database import open_store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "kf.sqlite"
        store = open_store(db)
        meeting_id, _ = build_kf(store)
        store.close()
        bench_startup(db, Path(tmp) / "s.ini")
        print()
        bench_session_keys(db, meeting_id)
        print()
        bench_vote_key(db, meeting_id)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
