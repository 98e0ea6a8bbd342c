"""A create sent twice with one form token makes one object; the repeat lands on it. Stale actions refused."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.reporting import services
from danvan.reporting.forms import CallForm, TargetForm, TemplateForm, UploadForm
from danvan.reporting.models import Call, ConsolidationJob, FormTemplate, UploadPreview

from .test_due_and_pages import template_post
from .test_uploads_flow import filled_docx


def call_post(cast, registration, token, **extra):
    return {
        "form_token": token,
        "owner": cast.province.pk,
        "template": registration.pk,
        "title": "Báo cáo nhanh",
        "due_date": "30/09/2026",
        "root": cast.province.pk,
        "remind_days_before": 3,
        "accept_late": "on",
        **extra,
    }


def test_the_new_call_form_carries_a_token_and_a_second_post_opens_no_second_call(cast, login, registration):
    client = login(cast.province_officer)
    page = client.get(reverse("reporting:call_new")).content.decode()
    assert 'name="form_token"' in page
    data = call_post(cast, registration, CallForm().initial["form_token"])
    first = client.post(reverse("reporting:call_new"), data)
    again = client.post(reverse("reporting:call_new"), data, follow=True)
    call = Call.objects.get(title="Báo cáo nhanh")
    assert first["Location"] == call.get_absolute_url()
    assert again.redirect_chain[-1][0] == call.get_absolute_url()
    assert "bấm hai lần" in again.content.decode()
    assert Call.objects.filter(title="Báo cáo nhanh").count() == 1


def test_a_refused_create_keeps_its_token_for_the_corrected_form(cast, login, registration):
    client = login(cast.province_officer)
    token = CallForm().initial["form_token"]
    refused = client.post(reverse("reporting:call_new"), call_post(cast, registration, token, title=" "))
    assert refused.status_code == 200 and not Call.objects.exists()
    assert client.post(reverse("reporting:call_new"), call_post(cast, registration, token)).status_code == 302
    assert Call.objects.count() == 1


def test_calls_from_a_plan_sent_twice_are_made_once(cast, login, committee_plan):
    client = login(cast.province_officer)
    data = {"form_token": TargetForm().initial["form_token"], "root": cast.province.pk}
    url = reverse("reporting:calls_from_plan", args=[committee_plan.pk])
    assert client.post(url, data).status_code == 302
    again = client.post(url, data)
    assert again.status_code == 200 and "bấm hai lần" in again.content.decode()
    assert committee_plan.calls.count() == 2
    # Without the token (another page, opened before), the plan itself refuses a second set.
    other = client.post(url, {"root": cast.province.pk})
    assert "đã được tạo" in other.content.decode() and committee_plan.calls.count() == 2


def test_a_new_template_sent_twice_is_made_once(cast, login):
    client = login(cast.province_officer)
    data = template_post(owner=cast.province.pk, form_token=TemplateForm().initial["form_token"])
    client.post(reverse("reporting:template_new"), data)
    client.post(reverse("reporting:template_new"), data)
    assert FormTemplate.objects.filter(name="Danh sách mô hình").count() == 1


def test_an_upload_sent_twice_reads_the_file_once(cast, login, call, registration):
    client = login(cast.ward_officer)
    submission = services.submission_for(call=call, unit=cast.ward)
    page = client.get(submission.get_absolute_url()).content.decode()
    assert 'name="form_token"' in page
    token = UploadForm().initial["form_token"]
    data = filled_docx(registration, [["gặp mặt", "15/10/2023", "cấp xã", "cán bộ", "đoàn kết", ""]])
    url = reverse("reporting:submission_upload", args=[submission.pk])
    first = client.post(url, {"form_token": token, "file": SimpleUploadedFile("a.docx", data)})
    again = client.post(url, {"form_token": token, "file": SimpleUploadedFile("a.docx", data)})
    preview = UploadPreview.objects.get()
    assert first["Location"] == again["Location"] == preview.get_absolute_url()


def test_closing_a_call_from_a_stale_page_is_refused(cast, login, call):
    client = login(cast.province_officer)
    page = client.get(call.get_absolute_url()).content.decode()
    assert f'name="version" value="{call.version}"' in page
    shown = call.version
    services.call_close(call=call, actor=cast.province_officer)
    services.call_reopen(call=Call.objects.get(pk=call.pk), actor=cast.province_officer)
    response = client.post(
        reverse("reporting:call_action", args=[call.pk, "close"]), {"version": shown}, follow=True
    )
    assert "người khác sửa" in response.content.decode()
    assert Call.objects.get(pk=call.pk).status == Call.Status.OPEN


def test_a_double_clicked_consolidation_queues_one_job(cast, login, call):
    client = login(cast.province_officer)
    url = reverse("reporting:call_action", args=[call.pk, "xlsx"])
    client.post(url, {"scope": "submitted"})
    client.post(url, {"scope": "submitted"})
    assert ConsolidationJob.objects.filter(call=call, kind="xlsx").count() == 1
    client.post(reverse("reporting:call_action", args=[call.pk, "docx"]), {"scope": "submitted"})
    assert ConsolidationJob.objects.filter(call=call).count() == 2  # another kind is another job
