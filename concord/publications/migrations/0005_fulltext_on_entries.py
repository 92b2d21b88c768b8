"""The full-text index follows the stems to SearchEntry, so that a search reads one table: an FTS5
table kept in step by triggers on SQLite (prefix indexes for the roots that queries match as
prefixes); a generated tsvector column with a GIN index on PostgreSQL, stored in the row (MAIN) while
the stems it is made from go to TOAST, so that checking an entry's vector reads no other page.

On SQLite a later migration that rebuilds publications_searchentry (most column or constraint
changes do) drops these triggers with the old table: such a migration must run `create` again."""

from django.db import migrations

OLD_SQLITE = [
    "CREATE VIRTUAL TABLE publications_search_fts USING fts5(stems, content='publications_searchtext', content_rowid='entry_id', prefix='3 4 5 6')",
    """CREATE TRIGGER publications_search_ai AFTER INSERT ON publications_searchtext BEGIN
         INSERT INTO publications_search_fts(rowid, stems) VALUES (new.entry_id, new.stems); END""",
    """CREATE TRIGGER publications_search_ad AFTER DELETE ON publications_searchtext BEGIN
         INSERT INTO publications_search_fts(publications_search_fts, rowid, stems) VALUES ('delete', old.entry_id, old.stems); END""",
    """CREATE TRIGGER publications_search_au AFTER UPDATE OF stems ON publications_searchtext BEGIN
         INSERT INTO publications_search_fts(publications_search_fts, rowid, stems) VALUES ('delete', old.entry_id, old.stems);
         INSERT INTO publications_search_fts(rowid, stems) VALUES (new.entry_id, new.stems); END""",
    "INSERT INTO publications_search_fts(publications_search_fts) VALUES ('rebuild')",
]
NEW_SQLITE = [
    "CREATE VIRTUAL TABLE publications_search_fts USING fts5(stems, content='publications_searchentry', content_rowid='id', prefix='3 4 5 6')",
    """CREATE TRIGGER publications_search_ai AFTER INSERT ON publications_searchentry BEGIN
         INSERT INTO publications_search_fts(rowid, stems) VALUES (new.id, new.stems); END""",
    """CREATE TRIGGER publications_search_ad AFTER DELETE ON publications_searchentry BEGIN
         INSERT INTO publications_search_fts(publications_search_fts, rowid, stems) VALUES ('delete', old.id, old.stems); END""",
    """CREATE TRIGGER publications_search_au AFTER UPDATE OF stems ON publications_searchentry BEGIN
         INSERT INTO publications_search_fts(publications_search_fts, rowid, stems) VALUES ('delete', old.id, old.stems);
         INSERT INTO publications_search_fts(rowid, stems) VALUES (new.id, new.stems); END""",
    "INSERT INTO publications_search_fts(publications_search_fts) VALUES ('rebuild')",
]
DROP_SQLITE = [
    "DROP TRIGGER publications_search_au", "DROP TRIGGER publications_search_ad", "DROP TRIGGER publications_search_ai",
    "DROP TABLE publications_search_fts",
]
OLD_POSTGRES = [
    "ALTER TABLE publications_searchtext ADD COLUMN vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', stems)) STORED",
    "CREATE INDEX publications_search_vector ON publications_searchtext USING GIN (vector)",
]
NEW_POSTGRES = [
    """ALTER TABLE publications_searchentry ADD COLUMN vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', stems)) STORED,
         ALTER COLUMN vector SET STORAGE MAIN""",
    "CREATE INDEX publications_search_vector ON publications_searchentry USING GIN (vector)",
]


DROP_OLD_POSTGRES = ["DROP INDEX publications_search_vector", "ALTER TABLE publications_searchtext DROP COLUMN vector"]
DROP_NEW_POSTGRES = ["DROP INDEX publications_search_vector", "ALTER TABLE publications_searchentry DROP COLUMN vector"]


def _run(statements):
    def run(apps, schema_editor):
        for sql in statements[schema_editor.connection.vendor]:
            schema_editor.execute(sql)

    return run


drop_old = _run({"sqlite": DROP_SQLITE, "postgresql": DROP_OLD_POSTGRES})
create_old = _run({"sqlite": OLD_SQLITE, "postgresql": OLD_POSTGRES})
create = _run({"sqlite": NEW_SQLITE, "postgresql": NEW_POSTGRES})
drop = _run({"sqlite": DROP_SQLITE, "postgresql": DROP_NEW_POSTGRES})


class Migration(migrations.Migration):
    dependencies = [("publications", "0004_stems_to_entries")]
    operations = [
        migrations.RunPython(drop_old, create_old),
        migrations.RemoveField(model_name="searchtext", name="stems"),
        migrations.RunPython(create, drop),
    ]
