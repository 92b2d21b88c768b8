from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("publications", "0002_fulltext")]
    operations = [
        migrations.AddField(
            model_name="searchentry", name="stems", field=models.TextField(blank=True)
        ),
        # blank, so that migrating back can add the column again to a filled table
        migrations.AlterField(
            model_name="searchtext", name="stems", field=models.TextField(blank=True)
        ),
    ]
