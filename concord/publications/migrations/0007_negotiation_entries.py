"""Entries say whether they are part of a negotiation (members of parliament do not find those).

On SQLite adding the column rebuilds publications_searchentry, which drops the FTS5 triggers of 0005
with the old table: they are dropped first and made again after, and the index rebuilt."""

from django.db import migrations, models

FTS = [
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
DROP_FTS = [
    "DROP TRIGGER publications_search_au",
    "DROP TRIGGER publications_search_ad",
    "DROP TRIGGER publications_search_ai",
    "DROP TABLE publications_search_fts",
]


def _on_sqlite(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("publications", "0006_edit_counter")]

    operations = [
        migrations.RunPython(_on_sqlite(DROP_FTS), _on_sqlite(FTS)),
        migrations.AddField(
            model_name="searchentry",
            name="negotiation",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(_on_sqlite(FTS), _on_sqlite(DROP_FTS)),
    ]
