from django.db import migrations

from concord.programmes.reference import CURRENCIES


def add(apps, schema_editor):
    Currency = apps.get_model("programmes", "Currency")
    for code, ru, en in CURRENCIES:
        Currency.objects.get_or_create(code=code, defaults={"name_ru": ru, "name_en": en})


def remove(apps, schema_editor):
    apps.get_model("programmes", "Currency").objects.filter(
        code__in=[c for c, _ru, _en in CURRENCIES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("programmes", "0001_initial")]

    operations = [migrations.RunPython(add, remove)]
