"""Notifications made before e-mails were tracked were mailed then (or never meant to be): mark them
so, lest the first scheduler run mail a user's whole history."""

from django.db import migrations
from django.db.models import F


def mark_mailed(apps, schema_editor):
    Notification = apps.get_model("consultations", "Notification")
    Notification.objects.filter(emailed_at__isnull=True).update(emailed_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [("consultations", "0003_notification_emailed_at")]

    operations = [migrations.RunPython(mark_mailed, migrations.RunPython.noop)]
