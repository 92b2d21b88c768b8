"""A deployment's texts in both languages: each single-language text becomes its Russian field (the
texts recorded so far are kept there) beside a new, optional English one."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('forces', '0003_training'),
    ]

    operations = [
        migrations.RenameField(
            model_name='deployment',
            old_name='letter_reference',
            new_name='letter_reference_ru',
        ),
        migrations.AlterField(
            model_name='deployment',
            name='letter_reference_ru',
            field=models.CharField(blank=True, max_length=200, verbose_name='letter (Russian)'),
        ),
        migrations.AddField(
            model_name='deployment',
            name='letter_reference_en',
            field=models.CharField(blank=True, max_length=200, verbose_name='letter (English)'),
        ),
        migrations.RenameField(
            model_name='deployment',
            old_name='request_text',
            new_name='request_text_ru',
        ),
        migrations.AlterField(
            model_name='deployment',
            name='request_text_ru',
            field=models.TextField(blank=True, verbose_name='text of the request (Russian)'),
        ),
        migrations.AddField(
            model_name='deployment',
            name='request_text_en',
            field=models.TextField(blank=True, verbose_name='text of the request (English)'),
        ),
        migrations.RenameField(
            model_name='deployment',
            old_name='decision_reference',
            new_name='decision_reference_ru',
        ),
        migrations.AlterField(
            model_name='deployment',
            name='decision_reference_ru',
            field=models.CharField(blank=True, max_length=300, verbose_name='decision (Russian)'),
        ),
        migrations.AddField(
            model_name='deployment',
            name='decision_reference_en',
            field=models.CharField(blank=True, max_length=300, verbose_name='decision (English)'),
        ),
        migrations.RenameField(
            model_name='deployment',
            old_name='legal_basis',
            new_name='legal_basis_ru',
        ),
        migrations.AlterField(
            model_name='deployment',
            name='legal_basis_ru',
            field=models.CharField(blank=True, max_length=300, verbose_name='legal basis (Russian)'),
        ),
        migrations.AddField(
            model_name='deployment',
            name='legal_basis_en',
            field=models.CharField(blank=True, max_length=300, verbose_name='legal basis (English)'),
        ),
        migrations.RenameField(
            model_name='deployment',
            old_name='tasks',
            new_name='tasks_ru',
        ),
        migrations.AlterField(
            model_name='deployment',
            name='tasks_ru',
            field=models.TextField(blank=True, verbose_name='tasks (Russian)'),
        ),
        migrations.AddField(
            model_name='deployment',
            name='tasks_en',
            field=models.TextField(blank=True, verbose_name='tasks (English)'),
        ),
        migrations.RenameField(
            model_name='deployment',
            old_name='area',
            new_name='area_ru',
        ),
        migrations.AlterField(
            model_name='deployment',
            name='area_ru',
            field=models.CharField(blank=True, max_length=300, verbose_name='area (Russian)'),
        ),
        migrations.AddField(
            model_name='deployment',
            name='area_en',
            field=models.CharField(blank=True, max_length=300, verbose_name='area (English)'),
        ),
        migrations.RenameField(
            model_name='deployment',
            old_name='duration',
            new_name='duration_ru',
        ),
        migrations.AlterField(
            model_name='deployment',
            name='duration_ru',
            field=models.CharField(blank=True, max_length=200, verbose_name='duration (Russian)'),
        ),
        migrations.AddField(
            model_name='deployment',
            name='duration_en',
            field=models.CharField(blank=True, max_length=200, verbose_name='duration (English)'),
        ),
        migrations.RenameField(
            model_name='deployment',
            old_name='commander',
            new_name='commander_ru',
        ),
        migrations.AlterField(
            model_name='deployment',
            name='commander_ru',
            field=models.CharField(blank=True, max_length=200, verbose_name='commander (Russian)'),
        ),
        migrations.AddField(
            model_name='deployment',
            name='commander_en',
            field=models.CharField(blank=True, max_length=200, verbose_name='commander (English)'),
        ),
        migrations.RenameField(
            model_name='deployment',
            old_name='completion_reference',
            new_name='completion_reference_ru',
        ),
        migrations.AlterField(
            model_name='deployment',
            name='completion_reference_ru',
            field=models.CharField(blank=True, max_length=300, verbose_name='decision to complete (Russian)'),
        ),
        migrations.AddField(
            model_name='deployment',
            name='completion_reference_en',
            field=models.CharField(blank=True, max_length=300, verbose_name='decision to complete (English)'),
        ),
        migrations.RenameField(
            model_name='deployment',
            old_name='report_reference',
            new_name='report_reference_ru',
        ),
        migrations.AlterField(
            model_name='deployment',
            name='report_reference_ru',
            field=models.CharField(blank=True, max_length=300, verbose_name="Secretary General's report (Russian)"),
        ),
        migrations.AddField(
            model_name='deployment',
            name='report_reference_en',
            field=models.CharField(blank=True, max_length=300, verbose_name="Secretary General's report (English)"),
        ),
    ]
