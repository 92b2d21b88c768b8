"""An alert's score is kept to one decimal, the figure its explanation states: the detector stored it
to two (7.35) and the table rounded that again (7.4) where the explanation said 7.3. Rounding the
stored score as the explanation was written (Python's round of the stored figure) makes the table,
the page, the API and the text say the same."""

from django.db import migrations


def round_scores(apps, schema_editor):
    Alert = apps.get_model("monitoring", "Alert")
    changed = []
    for alert in Alert.objects.only("pk", "score").iterator():
        rounded = round(alert.score, 1)
        if rounded != alert.score:
            alert.score = rounded
            changed.append(alert)
    Alert.objects.bulk_update(changed, ["score"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0007_rollup_reads_the_area_index")]

    # the two-decimal figures are not needed back: the one-decimal one is what was always shown
    operations = [migrations.RunPython(round_scores, migrations.RunPython.noop)]
