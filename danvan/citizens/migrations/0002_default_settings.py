from django.db import migrations


def add_defaults(apps, schema_editor):
    from danvan.citizens.models.catalog import ensure_defaults

    ensure_defaults(apps.get_model("citizens", "PetitionField"), apps.get_model("citizens", "DeadlineRule"))


class Migration(migrations.Migration):
    dependencies = [("citizens", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
