"""The full-text index over SearchText.stems (on SQLite with prefix indexes for the roots that
queries match as prefixes), in each backend's own way: an FTS5 table kept in step by
triggers on SQLite; a generated tsvector column with a GIN index on PostgreSQL. Either way indexing is
incremental: saving an entry indexes it.

On SQLite a later migration that rebuilds publications_searchtext (most column or constraint
changes do) drops these triggers with the old table: such a migration must run `forward` again."""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE publications_search_fts USING fts5(stems, content='publications_searchtext', content_rowid='entry_id', prefix='3 4 5 6')",
    """CREATE TRIGGER publications_search_ai AFTER INSERT ON publications_searchtext BEGIN
         INSERT INTO publications_search_fts(rowid, stems) VALUES (new.entry_id, new.stems); END""",
    """CREATE TRIGGER publications_search_ad AFTER DELETE ON publications_searchtext BEGIN
         INSERT INTO publications_search_fts(publications_search_fts, rowid, stems) VALUES ('delete', old.entry_id, old.stems); END""",
    """CREATE TRIGGER publications_search_au AFTER UPDATE OF stems ON publications_searchtext BEGIN
         INSERT INTO publications_search_fts(publications_search_fts, rowid, stems) VALUES ('delete', old.entry_id, old.stems);
         INSERT INTO publications_search_fts(rowid, stems) VALUES (new.entry_id, new.stems); END""",
]
SQLITE_BACK = [
    "DROP TRIGGER publications_search_au", "DROP TRIGGER publications_search_ad", "DROP TRIGGER publications_search_ai",
    "DROP TABLE publications_search_fts",
]
POSTGRES = [
    "ALTER TABLE publications_searchtext ADD COLUMN vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', stems)) STORED",
    "CREATE INDEX publications_search_vector ON publications_searchtext USING GIN (vector)",
]
POSTGRES_BACK = ["DROP INDEX publications_search_vector", "ALTER TABLE publications_searchtext DROP COLUMN vector"]


def forward(apps, schema_editor):
    for sql in SQLITE if schema_editor.connection.vendor == "sqlite" else POSTGRES:
        schema_editor.execute(sql)


def backward(apps, schema_editor):
    for sql in SQLITE_BACK if schema_editor.connection.vendor == "sqlite" else POSTGRES_BACK:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("publications", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
