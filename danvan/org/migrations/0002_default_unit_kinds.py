from django.db import migrations


def add_kinds(apps, schema_editor):
    from danvan.org.kinds import ensure_default_kinds

    ensure_default_kinds(apps.get_model("org", "UnitKind"))


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]

    operations = [migrations.RunPython(add_kinds, migrations.RunPython.noop)]
