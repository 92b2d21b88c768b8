"""Events imported before coverage was recorded: each source version covers the countries where it
has events over its first to last month, as an import records it now."""

from django.db import migrations
from django.db.models import Count, Max, Min


def forwards(apps, schema_editor):
    Event = apps.get_model("monitoring", "Event")
    Coverage = apps.get_model("monitoring", "Coverage")
    found = {}
    for row in (
        Event.objects.values("source", "source_version", "country")
        .annotate(first=Min("month"), last=Max("month"), n=Count("*"))
        .order_by()
    ):
        key = (row["source"], row["source_version"])
        seen = found.setdefault(key, {"countries": set(), "first": row["first"], "last": row["last"], "rows": 0})
        seen["countries"].add(row["country"])
        seen["first"] = min(seen["first"], row["first"])
        seen["last"] = max(seen["last"], row["last"])
        seen["rows"] += row["n"]
    for (source, version), seen in found.items():
        Coverage.objects.get_or_create(
            source=source,
            source_version=version,
            first_month=seen["first"],
            last_month=seen["last"],
            defaults={"countries": sorted(seen["countries"]), "rows": seen["rows"]},
        )


def backwards(apps, schema_editor):
    apps.get_model("monitoring", "Coverage").objects.filter(declared=False).delete()


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0004_coverage_of_sources")]

    operations = [migrations.RunPython(forwards, backwards)]
