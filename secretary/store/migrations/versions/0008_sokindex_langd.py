"""sökindex on PostgreSQL: each part indexed up to a length a tsvector can hold

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 16:10:00

A tsvector holds at most 1 MB. Free text may be a million characters (store.langder), so a
long beslut or sammanfattning made every write of its ärende fail inside the trigger. Each
part is now indexed from its first 60 000 characters. SQLite's FTS5 has no such limit.
"""

import importlib
from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SOKINDEX = importlib.import_module("secretary.store.migrations.versions.0005_sokindex")
INDEXERAT = 60_000

SKRIV = f"""
CREATE OR REPLACE FUNCTION sokindex_skriv(nr integer) RETURNS void LANGUAGE sql AS $$
    INSERT INTO sokindex (arende_id, {_SOKINDEX._COLUMNS})
    SELECT a.id, left(a.rubrik, {INDEXERAT}), left(a.dnr, {INDEXERAT}),
        left(a.sammanfattning, {INDEXERAT}), left(a.forslag_till_beslut, {INDEXERAT}),
        left(coalesce((SELECT string_agg(e.value, E'\\n') FROM paragraf_beslut pb
                  CROSS JOIN LATERAL json_array_elements_text(
                      CASE WHEN json_typeof(pb.beslut_att) = 'array' THEN pb.beslut_att END
                  ) AS e(value)
                  WHERE pb.arende_id = a.id), ''), {INDEXERAT}),
        left(coalesce((SELECT string_agg(y.text, E'\\n' ORDER BY y.id) FROM yrkande y
                  WHERE y.arende_id = a.id), ''), {INDEXERAT})
    FROM arende a WHERE a.id = nr
    ON CONFLICT (arende_id) DO UPDATE SET
        rubrik = EXCLUDED.rubrik, dnr = EXCLUDED.dnr,
        sammanfattning = EXCLUDED.sammanfattning, forslag = EXCLUDED.forslag,
        beslut = EXCLUDED.beslut, yrkanden = EXCLUDED.yrkanden
$$"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(SKRIV)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_SOKINDEX.PG_SKRIV.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
