"""sökindex: full-text search across every § of every meeting

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 15:10:00.000000

One row per ärende in `sokindex`, holding the texts the protocol shows for its §: rubrik,
dnr, sammanfattning, förslag till beslut, the beslut's att-satser when the secretary has
set them, and the yrkanden's wording (an unedited beslut is the förslag or a winning
yrkande, so between them every beslut is found). Triggers on `arende`, `paragraf_beslut`
and `yrkande` keep it right whatever writes: services, imports, later migrations.

SQLite: an FTS5 table whose rowid is the ärende's id. unicode61 without removing
diacritics, so å, ä and ö stay letters of their own (Swedish 'får' is not 'far'); prefix
indexes for search as you type. PostgreSQL: a plain table with a generated tsvector under
a GIN index, with the 'simple' configuration (no stemming, like FTS5), punctuation made
blank first so a dnr like 'KS 2021/123' is the words 'ks', '2021' and '123' on both.

A later migration that rebuilds `arende`, `paragraf_beslut` or `yrkande` on SQLite (batch
mode: copy, drop, rename) drops these triggers with the old table and must create them
again; tests/store/test_sokindex.py fails if they are missing at head.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = "rubrik, dnr, sammanfattning, forslag, beslut, yrkanden"


# --- SQLite -------------------------------------------------------------------------------


def _sqlite_beslut(arende: str) -> str:
    return (
        "coalesce((SELECT group_concat(j.value, char(10)) "
        "FROM paragraf_beslut pb, json_each(pb.beslut_att) j "
        f"WHERE pb.arende_id = {arende} AND json_type(pb.beslut_att) = 'array'), '')"
    )


def _sqlite_yrkanden(arende: str) -> str:
    return (
        "coalesce((SELECT group_concat(t, char(10)) FROM "
        f"(SELECT text AS t FROM yrkande WHERE arende_id = {arende} ORDER BY id)), '')"
    )


def _sqlite_insert(arende: str, prefix: str) -> str:
    return (
        f"INSERT INTO sokindex (rowid, {_COLUMNS}) VALUES ({arende}, {prefix}.rubrik, "
        f"{prefix}.dnr, {prefix}.sammanfattning, {prefix}.forslag_till_beslut, "
        f"{_sqlite_beslut(arende)}, {_sqlite_yrkanden(arende)});"
    )


SQLITE_TRIGGERS = {
    "sokindex_arende_ny": f"""
        CREATE TRIGGER sokindex_arende_ny AFTER INSERT ON arende BEGIN
            {_sqlite_insert("NEW.id", "NEW")}
        END""",
    "sokindex_arende_andrad": f"""
        CREATE TRIGGER sokindex_arende_andrad
        AFTER UPDATE OF id, rubrik, dnr, sammanfattning, forslag_till_beslut ON arende BEGIN
            DELETE FROM sokindex WHERE rowid = OLD.id;
            {_sqlite_insert("NEW.id", "NEW")}
        END""",
    "sokindex_arende_borttaget": """
        CREATE TRIGGER sokindex_arende_borttaget AFTER DELETE ON arende BEGIN
            DELETE FROM sokindex WHERE rowid = OLD.id;
        END""",
    "sokindex_beslut_ny": f"""
        CREATE TRIGGER sokindex_beslut_ny AFTER INSERT ON paragraf_beslut BEGIN
            UPDATE sokindex SET beslut = {_sqlite_beslut("NEW.arende_id")}
            WHERE rowid = NEW.arende_id;
        END""",
    "sokindex_beslut_andrad": f"""
        CREATE TRIGGER sokindex_beslut_andrad
        AFTER UPDATE OF arende_id, beslut_att ON paragraf_beslut BEGIN
            UPDATE sokindex SET beslut = {_sqlite_beslut("OLD.arende_id")}
            WHERE rowid = OLD.arende_id;
            UPDATE sokindex SET beslut = {_sqlite_beslut("NEW.arende_id")}
            WHERE rowid = NEW.arende_id;
        END""",
    "sokindex_beslut_borttaget": f"""
        CREATE TRIGGER sokindex_beslut_borttaget AFTER DELETE ON paragraf_beslut BEGIN
            UPDATE sokindex SET beslut = {_sqlite_beslut("OLD.arende_id")}
            WHERE rowid = OLD.arende_id;
        END""",
    "sokindex_yrkande_ny": f"""
        CREATE TRIGGER sokindex_yrkande_ny AFTER INSERT ON yrkande BEGIN
            UPDATE sokindex SET yrkanden = {_sqlite_yrkanden("NEW.arende_id")}
            WHERE rowid = NEW.arende_id;
        END""",
    "sokindex_yrkande_andrad": f"""
        CREATE TRIGGER sokindex_yrkande_andrad AFTER UPDATE OF arende_id, text ON yrkande BEGIN
            UPDATE sokindex SET yrkanden = {_sqlite_yrkanden("OLD.arende_id")}
            WHERE rowid = OLD.arende_id;
            UPDATE sokindex SET yrkanden = {_sqlite_yrkanden("NEW.arende_id")}
            WHERE rowid = NEW.arende_id;
        END""",
    "sokindex_yrkande_borttaget": f"""
        CREATE TRIGGER sokindex_yrkande_borttaget AFTER DELETE ON yrkande BEGIN
            UPDATE sokindex SET yrkanden = {_sqlite_yrkanden("OLD.arende_id")}
            WHERE rowid = OLD.arende_id;
        END""",
}


def _upgrade_sqlite() -> None:
    op.execute(
        f"CREATE VIRTUAL TABLE sokindex USING fts5({_COLUMNS}, "
        "tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')"
    )
    op.execute(
        f"INSERT INTO sokindex (rowid, {_COLUMNS}) "
        "SELECT a.id, a.rubrik, a.dnr, a.sammanfattning, a.forslag_till_beslut, "
        f"{_sqlite_beslut('a.id')}, {_sqlite_yrkanden('a.id')} FROM arende a"
    )
    for sql in SQLITE_TRIGGERS.values():
        op.execute(sql)


# --- PostgreSQL ---------------------------------------------------------------------------


def _pg_vector(column: str, weight: str) -> str:
    return (
        "setweight(to_tsvector('simple', "
        f"regexp_replace({column}, '[[:punct:]]+', ' ', 'g')), '{weight}')"
    )


PG_DOKUMENT = " || ".join(
    _pg_vector(column, weight)
    for column, weight in (
        ("rubrik", "A"),
        ("dnr", "A"),
        ("sammanfattning", "C"),
        ("forslag", "B"),
        ("beslut", "B"),
        ("yrkanden", "D"),
    )
)

PG_SKRIV = f"""
CREATE FUNCTION sokindex_skriv(nr integer) RETURNS void LANGUAGE sql AS $$
    INSERT INTO sokindex (arende_id, {_COLUMNS})
    SELECT a.id, a.rubrik, a.dnr, a.sammanfattning, a.forslag_till_beslut,
        coalesce((SELECT string_agg(e.value, E'\\n') FROM paragraf_beslut pb
                  CROSS JOIN LATERAL json_array_elements_text(
                      CASE WHEN json_typeof(pb.beslut_att) = 'array' THEN pb.beslut_att END
                  ) AS e(value)
                  WHERE pb.arende_id = a.id), ''),
        coalesce((SELECT string_agg(y.text, E'\\n' ORDER BY y.id) FROM yrkande y
                  WHERE y.arende_id = a.id), '')
    FROM arende a WHERE a.id = nr
    ON CONFLICT (arende_id) DO UPDATE SET
        rubrik = EXCLUDED.rubrik, dnr = EXCLUDED.dnr,
        sammanfattning = EXCLUDED.sammanfattning, forslag = EXCLUDED.forslag,
        beslut = EXCLUDED.beslut, yrkanden = EXCLUDED.yrkanden
$$"""

PG_TRIGGERS = (
    """
    CREATE FUNCTION sokindex_arende() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM sokindex_skriv(NEW.id);
        RETURN NULL;
    END $$""",
    """
    CREATE FUNCTION sokindex_del() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN PERFORM sokindex_skriv(OLD.arende_id); END IF;
        IF TG_OP <> 'DELETE' THEN PERFORM sokindex_skriv(NEW.arende_id); END IF;
        RETURN NULL;
    END $$""",
    """
    CREATE TRIGGER sokindex_arende
    AFTER INSERT OR UPDATE OF rubrik, dnr, sammanfattning, forslag_till_beslut ON arende
    FOR EACH ROW EXECUTE FUNCTION sokindex_arende()""",
    """
    CREATE TRIGGER sokindex_beslut
    AFTER INSERT OR UPDATE OF arende_id, beslut_att OR DELETE ON paragraf_beslut
    FOR EACH ROW EXECUTE FUNCTION sokindex_del()""",
    """
    CREATE TRIGGER sokindex_yrkande
    AFTER INSERT OR UPDATE OF arende_id, text OR DELETE ON yrkande
    FOR EACH ROW EXECUTE FUNCTION sokindex_del()""",
)


def _upgrade_postgresql() -> None:
    op.execute(
        f"""
        CREATE TABLE sokindex (
            arende_id integer PRIMARY KEY
                CONSTRAINT fk_sokindex_arende_id_arende REFERENCES arende (id) ON DELETE CASCADE,
            rubrik text NOT NULL DEFAULT '',
            dnr text NOT NULL DEFAULT '',
            sammanfattning text NOT NULL DEFAULT '',
            forslag text NOT NULL DEFAULT '',
            beslut text NOT NULL DEFAULT '',
            yrkanden text NOT NULL DEFAULT '',
            dokument tsvector GENERATED ALWAYS AS ({PG_DOKUMENT}) STORED
        )"""
    )
    op.execute("CREATE INDEX ix_sokindex_dokument ON sokindex USING gin (dokument)")
    op.execute(PG_SKRIV)
    op.execute("SELECT sokindex_skriv(id) FROM arende")
    for sql in PG_TRIGGERS:
        op.execute(sql)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _upgrade_postgresql()
    else:
        _upgrade_sqlite()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER sokindex_yrkande ON yrkande")
        op.execute("DROP TRIGGER sokindex_beslut ON paragraf_beslut")
        op.execute("DROP TRIGGER sokindex_arende ON arende")
        op.execute("DROP FUNCTION sokindex_del()")
        op.execute("DROP FUNCTION sokindex_arende()")
        op.execute("DROP TABLE sokindex")
        op.execute("DROP FUNCTION sokindex_skriv(integer)")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")
        op.execute("DROP TABLE sokindex")
