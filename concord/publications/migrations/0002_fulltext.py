"""The full-text index over SearchEntry.stems, in each backend's own way: an FTS5 table kept in step by
triggers on SQLite; a generated tsvector column with a GIN index on PostgreSQL. Either way indexing is
incremental: saving an entry indexes it."""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE publications_search_fts USING fts5(stems, content='publications_searchentry', content_rowid='id')",
    """CREATE TRIGGER publications_search_ai AFTER INSERT ON publications_searchentry BEGIN
         INSERT INTO publications_search_fts(rowid, stems) VALUES (new.id, new.stems); END""",
    """CREATE TRIGGER publications_search_ad AFTER DELETE ON publications_searchentry BEGIN
         INSERT INTO publications_search_fts(publications_search_fts, rowid, stems) VALUES ('delete', old.id, old.stems); END""",
    """CREATE TRIGGER publications_search_au AFTER UPDATE OF stems ON publications_searchentry BEGIN
         INSERT INTO publications_search_fts(publications_search_fts, rowid, stems) VALUES ('delete', old.id, old.stems);
         INSERT INTO publications_search_fts(rowid, stems) VALUES (new.id, new.stems); END""",
]
SQLITE_BACK = [
    "DROP TRIGGER publications_search_au", "DROP TRIGGER publications_search_ad", "DROP TRIGGER publications_search_ai",
    "DROP TABLE publications_search_fts",
]
POSTGRES = [
    "ALTER TABLE publications_searchentry ADD COLUMN vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', stems)) STORED",
    "CREATE INDEX publications_search_vector ON publications_searchentry USING GIN (vector)",
]
POSTGRES_BACK = ["DROP INDEX publications_search_vector", "ALTER TABLE publications_searchentry DROP COLUMN vector"]


def forward(apps, schema_editor):
    for sql in SQLITE if schema_editor.connection.vendor == "sqlite" else POSTGRES:
        schema_editor.execute(sql)


def backward(apps, schema_editor):
    for sql in SQLITE_BACK if schema_editor.connection.vendor == "sqlite" else POSTGRES_BACK:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("publications", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
