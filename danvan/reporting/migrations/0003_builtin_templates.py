from django.db import migrations


def add_builtin(apps, schema_editor):
    FormTemplate = apps.get_model("reporting", "FormTemplate")
    FormField = apps.get_model("reporting", "FormField")
    from danvan.reporting.services.templates import REGISTRATION, RESULT_REPORT

    for spec, layout in ((REGISTRATION, "table"), (RESULT_REPORT, "outline")):
        if FormTemplate.objects.filter(owner=None, is_builtin=True, name=spec["name"]).exists():
            continue
        template = FormTemplate.objects.create(
            owner=None, is_builtin=True, name=spec["name"], layout=layout, title=spec["title"],
            subtitle=spec["subtitle"], label=spec.get("label", ""), footer=spec.get("footer", ""), version=1,
        )
        for order, (label, kind, required) in enumerate(spec["fields"]):
            FormField.objects.create(template=template, order=order, label=label, kind=str(kind), required=required)


class Migration(migrations.Migration):
    dependencies = [("reporting", "0002_alter_formtemplate_owner_and_more")]

    operations = [migrations.RunPython(add_builtin, migrations.RunPython.noop)]
