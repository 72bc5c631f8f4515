"""Bad conditions for tests, made without root: a full disk, a damaged page, another user.

`FullDisk` makes SQLite itself answer SQLITE_FULL ("database or disk is full") to every write
of a store: each connection gets `PRAGMA max_page_count` at the file's present size and TEMP
triggers that make every INSERT, UPDATE and DELETE need one more page. It is SQLite's own
out-of-pages path (the pager refuses the page; the statement fails; the transaction is rolled
back), not an exception made up in Python. `free()` gives the space back.

`damage_a_page` overwrites the b-tree header of one page in the middle of a file so that
SQLite opens the file without complaint and only `PRAGMA quick_check` finds the damage.

`run_as_other_user` runs a script as an unprivileged user: as root (CI) the script drops to
`nobody` after its imports, because root may write anywhere whatever the permissions say.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from secretary.services import demo
from secretary.store.database import Store, open_store
from secretary.store.models import Base

FILLER = "test_fyllnad"


class FullDisk:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.full = False
        with store.engine.begin() as conn:
            conn.exec_driver_sql(f"CREATE TABLE IF NOT EXISTS {FILLER} (b BLOB)")
            present = {
                str(name) for (name,) in conn.exec_driver_sql("SELECT name FROM sqlite_master")
            }
        # The model's own tables: a virtual (FTS) table takes no triggers, and its shadow
        # tables are written only through it.
        self.tables = [t.name for t in Base.metadata.sorted_tables if t.name in present]
        event.listen(store.engine, "checkout", self._checkout)

    def fill(self) -> None:
        self.full = True

    def free(self) -> None:
        self.full = False

    def _checkout(self, dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        cur = dbapi_conn.cursor()
        try:
            for table in self.tables:
                for verb in ("INSERT", "UPDATE", "DELETE"):
                    name = f"temp.full_{verb.lower()}_{table}"
                    if self.full:
                        cur.execute(
                            f"CREATE TEMP TRIGGER IF NOT EXISTS full_{verb.lower()}_{table} "
                            f"AFTER {verb} ON main.{table} BEGIN "
                            f"INSERT INTO {FILLER} VALUES (zeroblob(65536)); END"
                        )
                    else:
                        cur.execute(f"DROP TRIGGER IF EXISTS {name}")
            if self.full:
                pages = cur.execute("PRAGMA main.page_count").fetchone()[0]
                cur.execute(f"PRAGMA main.max_page_count = {pages}")
            else:
                cur.execute("PRAGMA main.max_page_count = 1073741823")
        finally:
            cur.close()


def many_rows(path: Path, table: str = "arende", count: int = 300) -> int:
    """The demo, and `count` rows of about 2 kB in its meeting, so that `table` spans many
    pages: ärenden (read as soon as the main window lists the meeting) or log entries (read
    only in the justering window). The meeting's id; the file is left closed."""
    store = open_store(path)
    demo.create_demo(store)
    store.close()
    conn = sqlite3.connect(path)
    try:
        meeting_id = int(conn.execute("SELECT min(id) FROM meeting").fetchone()[0])
        with conn:
            if table == "arende":
                _copies_of_the_first_arende(conn, count)
            else:
                conn.executemany(
                    "INSERT INTO logg (meeting_id, at, kind, text) VALUES (?, ?, ?, ?)",
                    [
                        (meeting_id, "2026-11-30 13:00:00", "anteckning", f"{i}. " + "text " * 400)
                        for i in range(count)
                    ],
                )
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return meeting_id


def _copies_of_the_first_arende(conn: sqlite3.Connection, count: int) -> None:
    cols = [str(r[1]) for r in conn.execute("PRAGMA table_info(arende)") if r[1] != "id"]
    first, top = conn.execute(
        "SELECT id, (SELECT max(position) FROM arende) FROM arende ORDER BY id LIMIT 1"
    ).fetchone()
    values = ", ".join(f":{c}" if c in ("position", "sammanfattning") else c for c in cols)
    conn.executemany(
        f"INSERT INTO arende ({', '.join(cols)}) SELECT {values} FROM arende WHERE id = :id",
        [
            {
                "position": top + 1 + i,
                "sammanfattning": f"Ärende {i}. " + "text " * 400,
                "id": first,
            }
            for i in range(count)
        ],
    )


def damage_a_page(path: Path, table: str = "arende") -> int:
    """Overwrite the b-tree header of one page of `table` (a leaf in the middle when it has
    several, else its only page); the page number. The file must be closed (no -wal)."""
    conn = sqlite3.connect(path)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
        try:
            leaves = [
                n
                for (n,) in conn.execute(
                    "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' "
                    "ORDER BY pageno",
                    (table,),
                )
            ]
        except sqlite3.OperationalError:  # SQLite built without dbstat: the root will do
            leaves = []
    finally:
        conn.close()
    page = leaves[len(leaves) // 2] if len(leaves) > 2 else int(root[0])
    with open(path, "r+b") as f:
        f.seek((page - 1) * page_size)
        f.write(b"\x0d\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff")
    return page


_DROP = """
import os as _os
if _os.geteuid() == 0:
    _os.setgroups([])
    _os.setgid(65534)
    _os.setuid(65534)
"""


def other_user_possible() -> str | None:
    """None when a script can run as an unprivileged user here, else why not."""
    if os.name != "posix":
        return "behörighetsprov kräver POSIX"
    if os.geteuid() != 0:
        return None
    # The script reads the program's files (migrations, for one) after it has dropped to the
    # other user: a checkout in a private folder (mktemp -d makes them 0700) is out of reach.
    root = Path(__file__).resolve().parent.parent
    for folder in (root, *root.parents):
        if not folder.stat().st_mode & stat.S_IXOTH:
            return f"andra användare når inte {root} ({folder} är privat)"
    probe = subprocess.run(
        [sys.executable, "-c", _DROP + "print(_os.geteuid())"],
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode != 0 or probe.stdout.strip() == "0":
        return f"kan inte byta till en vanlig användare: {probe.stderr.strip()[-200:]}"
    return None


def run_as_other_user(imports: str, body: str, env: dict[str, str] | None = None) -> Any:
    """Run `imports` as the current user, then `body` as an unprivileged one; the body's
    last act is `print(json.dumps(...))`, which is returned."""
    why = other_user_possible()
    if why is not None:
        pytest.skip(why)
    script = "import json\n" + textwrap.dedent(imports) + _DROP + textwrap.dedent(body)
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])
