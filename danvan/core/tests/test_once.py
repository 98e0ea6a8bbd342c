"""The one-time form token: one object per token; a refused create frees it; a repeat gets the first."""

import io

import pytest

from danvan.core import once
from danvan.core.errors import ServiceError
from danvan.core.forms import OnceFormMixin
from danvan.core.models import AuditEvent, FormToken


def make(summary="x"):
    return AuditEvent.objects.create(verb="create", summary=summary)


def test_a_token_creates_once_and_the_repeat_is_given_the_first_object(cast):
    token = once.issue()
    first = once.run_once(token, user=cast.ward_officer, create=make)
    with pytest.raises(once.AlreadyDone) as repeat:
        once.run_once(token, user=cast.ward_officer, create=make)
    assert repeat.value.obj == first
    assert "bấm hai lần" in repeat.value.message
    assert AuditEvent.objects.filter(verb="create").count() == 1


def test_a_refused_create_leaves_the_token_free_for_the_corrected_form(cast):
    token = once.issue()

    def refuse():
        make()
        raise ServiceError("sai")

    with pytest.raises(ServiceError):
        once.run_once(token, user=cast.ward_officer, create=refuse)
    assert not FormToken.objects.filter(token=token).exists()
    assert AuditEvent.objects.filter(verb="create").count() == 0
    once.run_once(token, user=cast.ward_officer, create=make)
    assert AuditEvent.objects.filter(verb="create").count() == 1


def test_another_users_token_reveals_nothing(cast):
    token = once.issue()
    once.run_once(token, user=cast.ward_officer, create=make)
    with pytest.raises(once.AlreadyDone) as repeat:
        once.run_once(token, user=cast.province_officer, create=make)
    assert repeat.value.obj is None


def test_without_a_token_the_create_simply_runs(cast):
    once.run_once("", user=cast.ward_officer, create=make)
    once.run_once(None, user=cast.ward_officer, create=make)
    assert AuditEvent.objects.filter(verb="create").count() == 2


def test_the_form_issues_a_fresh_token_on_render_and_reads_it_back_on_post():
    from django import forms

    class Form(OnceFormMixin, forms.Form):
        name = forms.CharField()

    a, b = Form(), Form()
    assert a.initial["form_token"] != b.initial["form_token"]
    assert 'type="hidden" name="form_token"' in str(a)
    bound = Form({"name": "x", "form_token": a.initial["form_token"]})
    assert bound.is_valid() and bound.cleaned_data["form_token"] == a.initial["form_token"]


@pytest.mark.django_db
def test_old_tokens_are_purged_and_recent_ones_kept():
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from danvan.core.models import FormToken

    old = FormToken.objects.create(token="old-token")
    recent = FormToken.objects.create(token="recent-token")
    FormToken.objects.filter(pk=old.pk).update(used_at=timezone.now() - timedelta(days=31))

    call_command("purge_form_tokens", stdout=io.StringIO())

    assert list(FormToken.objects.values_list("token", flat=True)) == [recent.token]
