"""The stems move from SearchText to SearchEntry (and back when migrating back)."""

from django.db import migrations

FORWARD = """UPDATE publications_searchentry SET stems = COALESCE(
    (SELECT stems FROM publications_searchtext WHERE entry_id = publications_searchentry.id), '')"""
BACKWARD = """UPDATE publications_searchtext SET stems = (
    SELECT stems FROM publications_searchentry WHERE id = publications_searchtext.entry_id)"""


class Migration(migrations.Migration):
    dependencies = [("publications", "0003_searchentry_stems")]
    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
