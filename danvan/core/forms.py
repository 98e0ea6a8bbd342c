from typing import TYPE_CHECKING

from django import forms

from danvan.lib import vntext

if TYPE_CHECKING:  # the mixins are only ever mixed into a Form or ModelForm
    _FormBase = forms.BaseForm
else:
    _FormBase = object


class NormalizingFormMixin(_FormBase):
    """NFC at the boundary: every text a person types is normalised before any rule sees it."""

    def clean(self):
        cleaned = super().clean()
        if cleaned is None:  # a clean() that returns nothing keeps cleaned_data, as Django does
            cleaned = self.cleaned_data
        for name, value in list(cleaned.items()):
            if isinstance(value, str):
                field = self.fields.get(name)
                multiline = field is not None and isinstance(field.widget, forms.Textarea)
                cleaned[name] = vntext.nfc(value).strip() if multiline else vntext.clean_text(value)
        return cleaned


class VersionedFormMixin(_FormBase):
    """Carries the version the object was read at, so a stale form is refused by the service."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, required=False)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk:
            self.initial.setdefault("version", instance.version)


class OnceFormMixin(_FormBase):
    """A create form carries a one-time token (issued when it renders) so a double click makes one object.

    `form_page` consumes it with the create (danvan.core.once.run_once); views that do not use form_page
    call `once.create_once(request, form, create)`.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from . import once

        self.fields[once.TOKEN_FIELD] = forms.CharField(
            widget=forms.HiddenInput, required=False, max_length=once.TOKEN_MAX
        )
        if not self.is_bound:
            self.initial[once.TOKEN_FIELD] = once.issue()


def apply_service_error(form, error) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


def form_page(request, form, *, template: str, context: dict | None = None, save, on_success):
    """The one shape of an edit page: a bound form on POST is handed, cleaned, to `save(cleaned_data)` (a
    service call); a ServiceError becomes a form error; success returns `on_success(result)` (a redirect).
    A GET, an invalid form or a refused write renders `template` with the form. A create form with a
    one-time token (OnceFormMixin) creates once: a repeated POST is sent to what the first one created.
    """
    from django.contrib import messages
    from django.shortcuts import render

    from danvan.core.errors import ServiceError

    from . import once

    if request.method == "POST" and form.is_valid():
        try:
            if once.TOKEN_FIELD in form.fields:  # a create form (OnceFormMixin): one object per token
                data = {k: v for k, v in form.cleaned_data.items() if k != once.TOKEN_FIELD}
                result = once.run_once(
                    form.cleaned_data.get(once.TOKEN_FIELD), user=request.user, create=lambda: save(data)
                )
            else:
                result = save(form.cleaned_data)
        except once.AlreadyDone as done:
            if done.obj is None or not hasattr(done.obj, "get_absolute_url"):
                apply_service_error(form, done)
                return render(request, template, {**(context or {}), "form": form})
            messages.info(request, done.message)
            from django.shortcuts import redirect

            return redirect(done.obj)
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            return on_success(result)
    return render(request, template, {**(context or {}), "form": form})


def act(request, call, *, done: str = ""):
    """The one shape of a POST-and-redirect action (the buttons that are not edit pages): run the service
    call; a refusal becomes the page's Vietnamese error message (and None), success its `done` message (and
    the call's result); a create already made from the same form (danvan.core.once) is said so, and the
    object it made is the result."""
    from django.contrib import messages

    from danvan.core.errors import ServiceError
    from danvan.core.once import AlreadyDone
    from danvan.lib.uploads import UploadRejected

    try:
        result = call()
    except AlreadyDone as repeat:  # a create sent twice (one-time token): what the first one made
        messages.info(request, repeat.message)
        return repeat.obj
    except (ServiceError, UploadRejected) as error:
        messages.error(request, error.message)
        return None
    if done:
        messages.success(request, done)
    return result
