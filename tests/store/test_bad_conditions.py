"""Bad conditions lose nothing and say so in Swedish: a full disk, a folder or file that
cannot be written, a backup that cannot be made, a page damaged inside a valid-looking file."""

from __future__ import annotations

import datetime as dt
import errno
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from secretary.services import agenda, demo, session
from secretary.services.agenda import list_meetings
from secretary.services.errors import ServiceError
from secretary.services.register import list_members, list_organs
from secretary.services.session import Upprop
from secretary.store import backup, migrate
from secretary.store.backup import list_backups, make_backup, restore_backup
from secretary.store.database import FileCheck, Store, open_store
from secretary.store.errors import (
    DISK_FULL,
    DamagedDatabaseError,
    DiskFullError,
    ReadOnlyError,
    translate,
)
from tests.bad_conditions import FullDisk, damage_a_page, many_rows, run_as_other_user

NOW = dt.datetime(2026, 11, 30, 13, 2)


def running_meeting(store: Store) -> tuple[int, list[int]]:
    demo.create_demo(store)
    organ = list_organs(store)[0]
    meeting = list_meetings(store, organ.id)[0]
    session.start_session(store, meeting.id, NOW)
    return meeting.id, [m.person_id for m in list_members(store, organ.id)]


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])


def no_space(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


# --- a full disk -------------------------------------------------------------------------


def test_a_full_disk_keeps_nothing_of_the_change_and_the_same_action_works_once_freed(
    db_path: Path,
) -> None:
    store = open_store(db_path)
    try:
        meeting_id, people = running_meeting(store)
        session.mark_upprop(store, meeting_id, people[0], Upprop.NARVARANDE, NOW.time())
        before = session.load_session(store, meeting_id).handelser
        disk = FullDisk(store)
        disk.fill()
        with pytest.raises(DiskFullError) as refused:
            session.mark_upprop(store, meeting_id, people[1], Upprop.NARVARANDE, NOW.time())
        assert str(refused.value) == DISK_FULL
        # A refusal every window already shows: the same class as a service's refusal.
        assert isinstance(refused.value, ServiceError)
        assert session.load_session(store, meeting_id).handelser == before
        disk.free()
        session.mark_upprop(store, meeting_id, people[1], Upprop.NARVARANDE, NOW.time())
        assert len(session.load_session(store, meeting_id).handelser) == len(before) + 1
    finally:
        store.close()
    assert integrity(db_path) == "ok"


REAL_FULL_DISK = """
import datetime as dt, json, os, shutil, sqlite3, subprocess, sys
from pathlib import Path
from secretary.services import demo, session
from secretary.services.agenda import list_meetings
from secretary.services.register import list_members, list_organs
from secretary.services.session import Upprop
from secretary.store.database import open_store
from secretary.store.errors import DiskFullError

mnt, template = Path(sys.argv[1]), sys.argv[2]
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)], check=True)
db = mnt / "db.sqlite"
shutil.copyfile(template, db)
store = open_store(db)
demo.create_demo(store)
organ = list_organs(store)[0]
meeting = list_meetings(store, organ.id)[0]
people = [m.person_id for m in list_members(store, organ.id)]
session.start_session(store, meeting.id, dt.datetime(2026, 11, 30, 13, 2))
before = session.load_session(store, meeting.id).handelser
fd = os.open(mnt / "fyllnad", os.O_WRONLY | os.O_CREAT)
try:
    while True:
        os.write(fd, bytes(4096))
except OSError:
    os.close(fd)
try:
    session.mark_upprop(store, meeting.id, people[0], Upprop.NARVARANDE, dt.time(13, 2))
    said = None
except DiskFullError as exc:
    said = str(exc)
kept = session.load_session(store, meeting.id).handelser == before
(mnt / "fyllnad").unlink()
session.mark_upprop(store, meeting.id, people[0], Upprop.NARVARANDE, dt.time(13, 2))
added = len(session.load_session(store, meeting.id).handelser) - len(before)
store.close()
with sqlite3.connect(db) as conn:
    whole = conn.execute("PRAGMA integrity_check").fetchone()[0]
print(json.dumps({"said": said, "kept": kept, "added": added, "whole": whole}))
"""


def test_a_real_full_disk_on_a_small_tmpfs(tmp_path: Path, template_db: Path) -> None:
    """The same with the operating system's ENOSPC: a 2 MB tmpfs in a mount namespace of its
    own (nothing is mounted on the machine), filled to the last block. Needs `unshare`."""
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("unshare (util-linux) saknas")
    as_root = [] if os.geteuid() == 0 else ["--user", "--map-root-user"]
    mnt = tmp_path / "liten"
    mnt.mkdir()
    done = subprocess.run(
        [
            unshare,
            *as_root,
            "--mount",
            sys.executable,
            "-c",
            REAL_FULL_DISK,
            str(mnt),
            str(template_db),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    if done.returncode != 0 and ("mount" in done.stderr or "unshare" in done.stderr):
        pytest.skip(f"kan inte montera en tmpfs här: {done.stderr.strip()[-200:]}")
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got == {"said": DISK_FULL, "kept": True, "added": 1, "whole": "ok"}


def test_a_full_disk_on_a_database_server_is_told_as_such() -> None:
    """PostgreSQL says 53100 (disk_full); its message must not talk about a local file."""
    fault = SimpleNamespace(orig=SimpleNamespace(sqlstate="53100"))
    error = translate(fault, None)  # type: ignore[arg-type]
    assert isinstance(error, DiskFullError)
    assert "Databasserverns disk är full" in str(error)


def test_a_backup_that_cannot_be_made_leaves_the_change_in_place_and_warns(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A meeting opened on a full disk stays opened: the backup is an extra, taken after the
    commit. No half-written copy is left for the restore list."""
    real_copy = backup._copy

    def half_then_full(source: Path, target: Path, **kw: bool) -> None:
        target.write_bytes(b"halv kopia")
        no_space()

    store = open_store(db_path)
    try:
        demo.create_demo(store)
        organ = list_organs(store)[0]
        meeting = list_meetings(store, organ.id)[0]
        monkeypatch.setattr(backup, "_copy", half_then_full)
        with caplog.at_level(logging.WARNING, logger=backup.__name__):
            state = session.start_session(store, meeting.id, NOW)
        assert state.state == "pågår"
        assert session.load_session(store, meeting.id).state == "pågår"
        assert "kunde inte göras" in caplog.text and "disken är full" in caplog.text
        assert store.backup_dir is not None
        assert list(store.backup_dir.iterdir()) == []
        monkeypatch.setattr(backup, "_copy", real_copy)
        assert store.backup("sammanträde-öppnat") is not None  # space again: copies resume
    finally:
        store.close()


def test_no_upgrade_runs_without_its_backup(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    head = migrate.head_revision()
    upgraded: list[bool] = []
    monkeypatch.setattr(migrate, "check", lambda conn: migrate.SchemaStatus("äldre", head))
    monkeypatch.setattr(migrate, "upgrade", lambda conn: upgraded.append(True))
    monkeypatch.setattr(backup, "_copy", no_space)
    before = db_path.read_bytes()
    with pytest.raises(DiskFullError, match="Ingenting i databasen är ändrat") as refused:
        open_store(db_path)
    assert "Frigör utrymme" in str(refused.value)
    assert upgraded == []
    assert db_path.read_bytes() == before
    monkeypatch.undo()
    open_store(db_path).close()  # the lock was let go


def test_a_restore_on_a_full_disk_leaves_the_database_as_it_was(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup_dir = db_path.parent / "kopior"
    taken = make_backup(db_path, backup_dir, "test")
    before = db_path.read_bytes()
    monkeypatch.setattr(backup, "_copy", no_space)
    with pytest.raises(OSError):
        restore_backup(taken, db_path, backup_dir)
    assert db_path.read_bytes() == before
    assert [p.name for p in db_path.parent.iterdir() if "återställs" in p.name] == []


def test_a_damaged_backup_is_refused_before_the_database_is_touched(db_path: Path) -> None:
    backup_dir = db_path.parent / "kopior"
    taken = make_backup(db_path, backup_dir, "test")
    taken.write_bytes(b"trasig" * 1000)
    before = db_path.read_bytes()
    with pytest.raises(DamagedDatabaseError, match=r"Säkerhetskopian .* är själv skadad"):
        restore_backup(taken, db_path, backup_dir)
    assert db_path.read_bytes() == before


# --- a damaged page that SQLite does not notice on open ----------------------------------


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "skadad.sqlite"
    meeting_id = many_rows(path)
    damage_a_page(path)
    return path, meeting_id


def test_a_whole_file_passes_the_check(tmp_path: Path) -> None:
    path = tmp_path / "hel.sqlite"
    many_rows(path)
    store = open_store(path)
    try:
        assert FileCheck(path).run() == []
    finally:
        store.close()


def test_a_damaged_page_opens_but_the_check_finds_it(damaged: tuple[Path, int]) -> None:
    path, _ = damaged
    store = open_store(path)  # SQLite reads the schema and the revision without complaint
    try:
        problems = FileCheck(path).run()
    finally:
        store.close()
    assert problems and problems != ["ok"]


def test_reading_a_damaged_page_says_so_in_swedish(damaged: tuple[Path, int]) -> None:
    path, meeting_id = damaged
    store = open_store(path)
    try:
        with pytest.raises(
            DamagedDatabaseError, match=r"är skadad.*Återställ den från en säkerhetskopia"
        ):
            agenda.list_arenden(store, meeting_id)
    finally:
        store.close()


def test_a_cancelled_check_reports_nothing(damaged: tuple[Path, int]) -> None:
    check = FileCheck(damaged[0])
    check.cancel()
    assert check.run() == []


def test_a_check_that_cannot_run_is_not_taken_for_damage(tmp_path: Path) -> None:
    """A restore over a healthy file must never be offered because the check could not run:
    the file gone with a network share, or locked by another program."""
    assert FileCheck(tmp_path / "borta.sqlite").run() == []
    path = tmp_path / "last.sqlite"
    many_rows(path)
    holder = sqlite3.connect(path)
    holder.execute("PRAGMA journal_mode=DELETE")
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert FileCheck(path).run() == []
    finally:
        holder.rollback()
        holder.close()


# --- folders and files that cannot be written --------------------------------------------


def _prepared(folder: Path, template_db: Path) -> Path:
    folder.mkdir()
    path = folder / "secretary.sqlite"
    shutil.copyfile(template_db, path)
    path.chmod(0o666)
    return path


OPEN = """
from pathlib import Path
from secretary.store.database import open_store
from secretary.store.errors import StoreError
"""

TRY_OPEN = """
before = Path(PATH).read_bytes()
try:
    open_store(PATH).close()
    said, kind = None, None
except StoreError as exc:
    said, kind = str(exc), type(exc).__name__
print(json.dumps({"said": said, "kind": kind, "untouched": Path(PATH).read_bytes() == before}))
"""


@pytest.mark.parametrize("lock_left", [False, True], ids=["ny-mapp", "lasfil-kvar"])
def test_a_folder_that_cannot_be_written_is_named_with_what_to_do(
    shared_tmp: Path, template_db: Path, lock_left: bool
) -> None:
    """Whether or not the lock file is left from an earlier run: the window must not open
    on a file where every change would fail."""
    path = _prepared(shared_tmp / "skrivskyddad", template_db)
    if lock_left:
        lock = Path(str(path) + ".lock")
        lock.touch()
        lock.chmod(0o666)
    path.parent.chmod(0o555)
    got = run_as_other_user(OPEN, TRY_OPEN.replace("PATH", repr(str(path))))
    assert got["kind"] == ReadOnlyError.__name__
    assert f"Mappen {path.parent} går inte att skriva i" in got["said"]
    assert "Kopiera databasfilen till en mapp där du får spara" in got["said"]
    assert "be IT-avdelningen om skrivbehörighet" in got["said"]
    assert got["untouched"]


def test_a_write_protected_database_file_is_named_with_what_to_do(
    shared_tmp: Path, template_db: Path
) -> None:
    path = _prepared(shared_tmp / "mapp", template_db)
    path.parent.chmod(0o777)
    path.chmod(0o444)
    got = run_as_other_user(OPEN, TRY_OPEN.replace("PATH", repr(str(path))))
    assert got["kind"] == ReadOnlyError.__name__
    assert f"Databasfilen {path.name} i mappen {path.parent} är skrivskyddad" in got["said"]
    assert got["untouched"]


def test_a_backup_folder_that_cannot_be_written_stops_neither_work_nor_start(
    shared_tmp: Path, template_db: Path
) -> None:
    """The meeting opens and its change stands; the warning names the folder. An upgrade,
    though, waits for a folder it can copy to (tested with a full disk above)."""
    path = _prepared(shared_tmp / "mapp", template_db)
    path.parent.chmod(0o777)
    store = open_store(path)
    demo.create_demo(store)
    store.close()
    for name in ("secretary.sqlite-wal", "secretary.sqlite-shm", "secretary.sqlite.lock"):
        (path.parent / name).unlink(missing_ok=True)
    path.chmod(0o666)
    kopior = path.parent / "säkerhetskopior"
    kopior.mkdir(mode=0o555)
    kopior.chmod(0o555)
    got = run_as_other_user(
        OPEN
        + """
import datetime as dt, logging
from secretary.services import session
from secretary.services.agenda import list_meetings
from secretary.services.register import list_organs
warnings = []
class Keep(logging.Handler):
    def emit(self, record):
        warnings.append(record.getMessage())
logging.getLogger("secretary.store.backup").addHandler(Keep())
""",
        f"""
store = open_store({str(path)!r})
meeting = list_meetings(store, list_organs(store)[0].id)[0]
session.start_session(store, meeting.id, dt.datetime(2026, 11, 30, 13, 2))
state = session.load_session(store, meeting.id).state
store.close()
print(json.dumps({{"state": state, "warnings": warnings}}))
""",
    )
    assert got["state"] == "pågår"
    (warning,) = got["warnings"]
    assert f"kunde inte göras i mappen {kopior}: mappen går inte att skriva i" in warning
    assert list_backups(path, kopior) == []
