from django.db import migrations


def create_head(apps, schema_editor):
    apps.get_model("audit", "Head").objects.get_or_create(pk=1)


def remove_head(apps, schema_editor):
    apps.get_model("audit", "Head").objects.filter(pk=1, seq=0).delete()


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [migrations.RunPython(create_head, remove_head)]
