"""Form templates: the ones the product ships with, the ones units build, and the ones a plan brings."""

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.lib import vntext
from danvan.org.models import Unit

from .. import policy
from ..models import FieldKind, FormField, FormTemplate

# The forms the product ships with: the registration table of seed 003 and a result-report outline.
REGISTRATION = {
    "name": "Đăng ký hoạt động hưởng ứng “Tháng Dân vận”",
    "title": "DANH SÁCH",
    "subtitle": "Đăng ký hoạt động triển khai hưởng ứng “Tháng Dân vận”",
    "label": "Mẫu",
    "footer": "(Ký tên, đóng dấu)",
    "fields": [
        ("Stt", FieldKind.INDEX, False),
        ("Tên nội dung, hoạt động", FieldKind.TEXT, True),
        ("Thời gian tổ chức, triển khai", FieldKind.WINDOW, True),
        ("Quy mô, phạm vi triển khai", FieldKind.TEXT, False),
        ("Đối tượng thực hiện hoặc đối tượng thụ hưởng", FieldKind.TEXT, False),
        ("Mục tiêu hướng đến hoặc dự kiến kết quả đạt được", FieldKind.LONG_TEXT, False),
        ("Ghi chú", FieldKind.TEXT, False),
    ],
}
RESULT_REPORT = {
    "name": "Báo cáo kết quả (đề cương chung)",
    "title": "BÁO CÁO",
    "subtitle": "Kết quả thực hiện",
    "fields": [
        ("Công tác lãnh đạo, chỉ đạo, triển khai", FieldKind.LONG_TEXT, True),
        ("Kết quả thực hiện các nội dung", FieldKind.LONG_TEXT, True),
        ("Mô hình, điển hình, cách làm hay", FieldKind.LONG_TEXT, False),
        ("Hạn chế, nguyên nhân", FieldKind.LONG_TEXT, False),
        ("Kiến nghị, đề xuất", FieldKind.LONG_TEXT, False),
    ],
}


@transaction.atomic
def ensure_builtin_templates() -> dict[str, FormTemplate]:
    made = {}
    for key, spec, layout in (
        ("registration", REGISTRATION, FormTemplate.Layout.TABLE),
        ("result_report", RESULT_REPORT, FormTemplate.Layout.OUTLINE),
    ):
        template, created = FormTemplate.objects.get_or_create(
            owner=None,
            is_builtin=True,
            name=spec["name"],
            defaults={
                "layout": layout,
                "title": spec["title"],
                "subtitle": spec["subtitle"],
                "label": spec.get("label", ""),
                "footer": spec.get("footer", ""),
            },
        )
        if created:
            FormField.objects.bulk_create(
                FormField(template=template, order=i, label=label, kind=kind, required=required)
                for i, (label, kind, required) in enumerate(spec["fields"])
            )
        made[key] = template
    return made


def indicator_for_field(spec: dict):
    """The indicator a field spec binds (a number column or question only), else None."""
    indicator = spec.get("indicator")
    if indicator is None:
        return None
    if spec.get("kind", FieldKind.TEXT) != FieldKind.NUMBER:
        raise ServiceError(
            _("Cột «%(label)s» gắn với chỉ tiêu «%(name)s» phải có kiểu Số.")
            % {"label": vntext.clean_text(spec.get("label", "")), "name": indicator.name},
            field="fields",
        )
    return indicator


@transaction.atomic
def template_save(
    *,
    actor,
    owner: Unit | None,
    name: str,
    layout: str,
    fields: list[dict],
    title: str = "",
    subtitle: str = "",
    label: str = "",
    footer: str = "",
    template: FormTemplate | None = None,
    expected_version: int | None = None,
) -> FormTemplate:
    """Create or replace a template and its ordered columns (or outline headings)."""
    if owner is None:
        access.require(actor, Cap.CATALOG_MANAGE)
    else:
        access.require(actor, Cap.CALL_MANAGE, owner)
    name = vntext.clean_text(name)
    if not name:
        raise ServiceError(_("Mẫu cần có tên."), field="name")
    cleaned = [f for f in fields if vntext.clean_text(f.get("label", ""))]
    if not cleaned:
        raise ServiceError(_("Mẫu cần ít nhất một cột (hoặc một đề mục)."), field="fields")
    policy.require_template_unused(template)
    template = template or FormTemplate(owner=owner)
    template.name, template.layout = name, layout
    template.title, template.subtitle = vntext.clean_text(title), vntext.clean_text(subtitle)
    template.label, template.footer = vntext.clean_text(label), vntext.clean_text(footer)
    template.save_checked(expected_version=expected_version)
    template.fields.all().delete()
    FormField.objects.bulk_create(
        FormField(
            template=template,
            order=i,
            label=vntext.clean_text(f["label"]),
            kind=f.get("kind", FieldKind.TEXT),
            required=bool(f.get("required")),
            help_text=vntext.clean_text(f.get("help_text", "")),
            choices=[vntext.clean_text(c) for c in f.get("choices", []) if vntext.clean_text(c)],
            indicator=indicator_for_field(f),  # issue 14: a number field may carry an indicator
        )
        for i, f in enumerate(cleaned)
    )
    audit.record(
        actor=actor,
        verb="save",
        obj=template,
        summary=_("Lưu biểu mẫu"),
        unit_path=owner.path if owner else "",
    )
    return template


def template_from_form_draft(*, actor, owner: Unit, draft) -> FormTemplate:
    """A plan's attached "Mẫu" becomes a reusable template (danvan.plans.document.FormDraft)."""
    fields = [
        {
            "label": c.label,
            "kind": c.kind if c.kind in FieldKind.values else FieldKind.TEXT,
            "required": c.kind not in (FieldKind.INDEX,) and i == 1,
        }
        for i, c in enumerate(draft.columns)
    ]
    name = vntext.clean_text(f"{draft.title} {draft.subtitle}") or _("Biểu mẫu kèm kế hoạch")
    return template_save(
        actor=actor,
        owner=owner,
        name=name[:255],
        layout=FormTemplate.Layout.TABLE,
        fields=fields,
        title=draft.title,
        subtitle=draft.subtitle,
        label=draft.label,
        footer=draft.footer,
    )


def outline_template_for_plan(*, actor, owner: Unit, plan) -> FormTemplate:
    """A result report answers the plan's content items: one heading per item of its content section."""
    doc = plan.document()
    content = next((s for s in doc.sections if s.role == "content"), None)
    headings = [vntext.clean_text(b.text.split(".")[0])[:250] for b in (content.blocks if content else [])]
    headings = [h for h in headings if h]
    if not headings:
        return ensure_builtin_templates()["result_report"]
    fields = [{"label": h, "kind": FieldKind.LONG_TEXT, "required": False} for h in headings]
    return template_save(
        actor=actor,
        owner=owner,
        name=_("Đề cương báo cáo kết quả: %(t)s") % {"t": plan.title[:180]},
        layout=FormTemplate.Layout.OUTLINE,
        fields=fields,
        title="BÁO CÁO",
        subtitle=_("Kết quả %(t)s") % {"t": plan.title[:200]},
    )
