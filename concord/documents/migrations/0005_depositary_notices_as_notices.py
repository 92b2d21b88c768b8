"""Depositary notifications written before they had a kind of their own ("other") become notices,
so that they leave the lists of texts under negotiation. They are known by the title that
agreements.services.record_action gives them; back, they are "other" again."""

from django.db import migrations
from django.db.models import Q

NOTICE_TITLES = Q(title_ru__startswith="Уведомление депозитария: ") | Q(
    title_en__startswith="Depositary notification: "
)


def to_notice(apps, schema_editor):
    Document = apps.get_model("documents", "Document")
    Document.objects.filter(NOTICE_TITLES, kind="other").update(kind="notice")


def to_other(apps, schema_editor):
    Document = apps.get_model("documents", "Document")
    Document.objects.filter(kind="notice").update(kind="other")


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0004_document_kind_notice"),
    ]

    operations = [
        migrations.RunPython(to_notice, to_other),
    ]
