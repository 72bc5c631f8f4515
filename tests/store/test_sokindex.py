"""The search index (migration 0005): filled from what a database already holds when it is
upgraded, and kept right by the database itself whoever writes: services, imports, raw SQL."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection

from secretary.services import sok
from secretary.store import migrate
from secretary.store.database import Store, open_store
from tests import builders

COLUMNS = ("rubrik", "dnr", "sammanfattning", "forslag", "beslut", "yrkanden")


def expected(conn: Connection) -> dict[int, tuple[str, ...]]:
    """What the index should hold, worked out in Python from the tables themselves."""

    def att(value: Any) -> list[str]:
        value = json.loads(value) if isinstance(value, str) else value
        return value if isinstance(value, list) else []

    beslut = {
        a: "\n".join(att(v))
        for a, v in conn.execute(text("SELECT arende_id, beslut_att FROM paragraf_beslut"))
    }
    yrkanden: dict[int, list[str]] = {}
    for a, t in conn.execute(text("SELECT arende_id, text FROM yrkande ORDER BY id")):
        yrkanden.setdefault(a, []).append(t)
    return {
        id_: (r, d, s, f, beslut.get(id_, ""), "\n".join(yrkanden.get(id_, [])))
        for id_, r, d, s, f in conn.execute(
            text("SELECT id, rubrik, dnr, sammanfattning, forslag_till_beslut FROM arende")
        )
    }


def indexed(conn: Connection) -> dict[int, tuple[str, ...]]:
    key = "rowid" if conn.dialect.name == "sqlite" else "arende_id"
    rows = conn.execute(text(f"SELECT {key}, {', '.join(COLUMNS)} FROM sokindex"))
    return {row[0]: tuple(row[1:]) for row in rows}


def test_raw_writes_to_every_table_keep_the_index_right(store: Store) -> None:
    """Not one of these writes goes through a service: an import or a later migration
    writing straight to the tables must leave the index as right as the services do."""
    ks = builders.organ(store)
    person = builders.member(store, ks, "Anna Andersson").person_id
    meeting = builders.meeting(store, ks, dt.date(2026, 5, 4))
    other = builders.meeting(store, ks, dt.date(2026, 6, 1))
    insert_arende = text(
        "INSERT INTO arende (meeting_id, position, rubrik, dnr, sammanfattning, "
        "forslag_till_beslut, beslutsunderlag, expedieras_till, forslag_namn) "
        "VALUES (:m, :p, :r, :d, :s, :f, '[]', '[]', '')"
    )
    insert_yrkande = text(
        "INSERT INTO yrkande (arende_id, typ, yrkare_id, instammande, text, aterkallat) "
        "VALUES (:a, 'ANDRING', :p, '[]', :t, false)"
    )
    insert_beslut = text(
        "INSERT INTO paragraf_beslut (arende_id, ordning_godkand, resultat, beslut_rubrik, "
        "beslut_att, omedelbar_justering, sekretess, redigerat) "
        "VALUES (:a, false, '{}', '', :att, false, false, '{}')"
    )
    with store.engine.begin() as conn:
        for i in range(4):
            conn.execute(
                insert_arende,
                {
                    "m": meeting.id,
                    "p": i,
                    "r": f"Rubrik {i}",
                    "d": f"KS 2026/{i}",
                    "s": "",
                    "f": "",
                },
            )
        ids = sorted(indexed(conn))
        conn.execute(insert_arende, {"m": other.id, "p": 0, "r": "Kvar", "d": "", "s": "", "f": ""})
    steps = [
        (
            "UPDATE arende SET sammanfattning = 'Ny text', forslag_till_beslut = 'att x' "
            "WHERE id = :a",
            {"a": ids[0]},
        ),
        ("UPDATE arende SET position = 9 WHERE id = :a", {"a": ids[1]}),
        (insert_beslut, {"a": ids[0], "att": json.dumps(["att bevilja", "att avslå resten"])}),
        (insert_beslut, {"a": ids[1], "att": "null"}),
        (insert_beslut, {"a": ids[2], "att": None}),
        (
            "UPDATE paragraf_beslut SET beslut_att = :att WHERE arende_id = :a",
            {"a": ids[1], "att": '["att ändra"]'},
        ),
        ("UPDATE paragraf_beslut SET beslut_att = NULL WHERE arende_id = :a", {"a": ids[0]}),
        (insert_yrkande, {"a": ids[0], "p": person, "t": "att bygga en bro"}),
        (insert_yrkande, {"a": ids[0], "p": person, "t": "att bygga en tunnel"}),
        (insert_yrkande, {"a": ids[3], "p": person, "t": "att vänta"}),
        ("UPDATE yrkande SET text = 'att bygga en färja' WHERE text LIKE '%bro'", {}),
        ("UPDATE yrkande SET arende_id = :a WHERE text = 'att vänta'", {"a": ids[2]}),
        ("DELETE FROM yrkande WHERE text LIKE '%tunnel'", {}),
        ("DELETE FROM paragraf_beslut WHERE arende_id = :a", {"a": ids[1]}),
        ("DELETE FROM arende WHERE id = :a", {"a": ids[3]}),
    ]
    for sql, params in steps:
        with store.engine.begin() as conn:
            conn.execute(text(sql) if isinstance(sql, str) else sql, params)
            assert indexed(conn) == expected(conn), sql
    with store.engine.begin() as conn:
        assert indexed(conn)[ids[0]][1:] == (
            "KS 2026/0",
            "Ny text",
            "att x",
            "",
            "att bygga en färja",
        )
        assert indexed(conn)[ids[1]][4] == ""  # its beslut row went, and the text with it
        assert indexed(conn)[ids[2]][5] == "att vänta"
        # Foreign keys cascade from the meeting through its ärenden, beslut and yrkanden.
        conn.execute(text("DELETE FROM meeting WHERE id = :m"), {"m": meeting.id})
        assert indexed(conn) == expected(conn)
        assert [r[0] for r in indexed(conn).values()] == ["Kvar"]


def test_an_older_database_is_searchable_after_the_upgrade(tmp_path: Path) -> None:
    from alembic import command

    path = tmp_path / "gammal.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0004")
        conn.execute(
            text(
                "INSERT INTO organ (id, name, short_name, kind, forvaringsplats, "
                "dnr_pattern, personliga_ersattare, labels, benamning, "
                "anteckning_ersattare) VALUES (1, 'Kommunstyrelsen', 'KS', 'KS', '', "
                "'', 0, '{}', '', 0)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO person (id, first_name, last_name, email) VALUES (1, 'Anna', 'Ek', '')"
            )
        )
        for mid, date in ((1, "2025-03-01"), (2, "2025-04-01")):
            conn.execute(
                text(
                    "INSERT INTO meeting (id, organ_id, date, place, justering_place, state, "
                    "under_behandling) VALUES (:id, 1, :d, '', '', 'planerat', 0)"
                ),
                {"id": mid, "d": date},
            )
        for aid, mid, pos, rubrik in (
            (1, 1, 0, "Ärende ett"),
            (2, 1, 1, "Ärende två"),
            (3, 2, 0, "Motion om cykelvägar"),
        ):
            conn.execute(
                text(
                    "INSERT INTO arende (id, meeting_id, position, rubrik, dnr, sammanfattning, "
                    "forslag_till_beslut, beslutsunderlag, expedieras_till, forslag_namn) "
                    "VALUES (:id, :m, :p, :r, 'KS 2025/17', 'Motionären vill ha fler.', "
                    "'att bifalla motionen', '[]', '[]', '')"
                ),
                {"id": aid, "m": mid, "p": pos, "r": rubrik},
            )
        conn.execute(
            text(
                "INSERT INTO paragraf_beslut (arende_id, ordning_godkand, resultat, "
                "beslut_rubrik, beslut_att, omedelbar_justering, sekretess, redigerat) "
                "VALUES (3, 0, '{}', '', '[\"att avslå motionen\"]', 0, 0, '{}')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO yrkande (arende_id, typ, yrkare_id, instammande, text, "
                "aterkallat) VALUES (3, 'EGET', 1, '[]', 'att bygga en cykelbro', 0)"
            )
        )
    engine.dispose()

    store = open_store(path)
    try:
        with store.engine.connect() as conn:
            assert indexed(conn) == expected(conn)
        (hit,) = sok.sok(store, "cykelvägar avslå").traffar
        assert (hit.arende_id, hit.paragraf, hit.falt) == (3, 3, "Beslut")
        assert [t.arende_id for t in sok.sok(store, "cykelbro").traffar] == [3]
    finally:
        store.close()


def test_the_index_goes_and_comes_back_with_the_migration(db_path: Path) -> None:
    from alembic import command

    store = open_store(db_path)
    ks = builders.organ(store)
    builders.meeting(store, ks, dt.date(2026, 5, 4), arenden=2)
    store.close()
    engine = create_engine(f"sqlite:///{db_path}")
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0004")
        names = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
        assert not {n for n in names if n.startswith("sokindex")}
        command.upgrade(config, "head")
        assert indexed(conn) == expected(conn) and len(indexed(conn)) == 2
    engine.dispose()


def test_the_fts5_index_is_consistent_after_many_changes(db_path: Path) -> None:
    from secretary.services import agenda

    store = open_store(db_path)
    ks = builders.organ(store)
    meeting = builders.meeting(store, ks, dt.date(2026, 5, 4), arenden=12)
    for a in agenda.list_arenden(store, meeting.id)[::2]:
        agenda.update_arende(store, a.id, agenda.ArendeInput(f"Ändrad {a.rubrik} åäö"))
    agenda.remove_arende(store, agenda.list_arenden(store, meeting.id)[3].id)
    store.close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT INTO sokindex (sokindex) VALUES ('integrity-check')")
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
