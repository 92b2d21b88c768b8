from django.db import migrations

# The currencies of the member states and the two most used between them: reference data.
CURRENCIES = [
    ("RUB", "Российский рубль", "Russian rouble"),
    ("USD", "Доллар США", "US dollar"),
    ("EUR", "Евро", "Euro"),
    ("AMD", "Армянский драм", "Armenian dram"),
    ("BYN", "Белорусский рубль", "Belarusian rouble"),
    ("KZT", "Казахстанский тенге", "Kazakhstani tenge"),
    ("KGS", "Кыргызский сом", "Kyrgyz som"),
    ("TJS", "Таджикский сомони", "Tajikistani somoni"),
]


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
