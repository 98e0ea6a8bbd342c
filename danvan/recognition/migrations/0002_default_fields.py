from django.db import migrations

FIELDS = ["Kinh tế", "Văn hóa - xã hội", "Quốc phòng - an ninh", "Xây dựng hệ thống chính trị", "Nông thôn mới",
          "Đô thị văn minh"]


def add_fields(apps, schema_editor):
    Field = apps.get_model("recognition", "Field")
    for order, name in enumerate(FIELDS):
        Field.objects.get_or_create(name=name, defaults={"order": order})


class Migration(migrations.Migration):
    dependencies = [("recognition", "0001_initial")]

    operations = [migrations.RunPython(add_fields, migrations.RunPython.noop)]
