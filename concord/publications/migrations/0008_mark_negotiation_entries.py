"""Entries written before 0007 did not say whether they belong to a negotiation: questions under
consultation do, and so does every document not yet adopted (none was, before adoption existed)."""

from django.db import migrations


def mark(apps, schema_editor):
    entry = apps.get_model("publications", "SearchEntry")
    document = apps.get_model("documents", "Document")
    adopted = [str(pk) for pk in document.objects.filter(status="adopted").values_list("pk", flat=True)]
    entry.objects.filter(kind="consultation").update(negotiation=True)
    entry.objects.filter(kind="document").exclude(object_id__in=adopted).update(negotiation=True)


def unmark(apps, schema_editor):
    apps.get_model("publications", "SearchEntry").objects.update(negotiation=False)


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0007_negotiation_entries"),
        ("documents", "0003_adoption"),
    ]

    operations = [migrations.RunPython(mark, unmark)]
