"""The favicon, the Vietnamese 404 page with DEBUG on, and Vietnamese dropdown placeholders."""

from django import forms
from django.template import Context, Template
from django.test import Client, override_settings
from django.urls import reverse

from danvan.org.models import Unit


def test_pages_name_a_favicon_and_its_address_answers(cast, login):
    page = login(cast.ward_officer).get(reverse("core:home")).content.decode()
    assert 'rel="icon"' in page and "favicon.svg" in page
    response = Client().get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.ico")


@override_settings(DEBUG=True)
def test_with_debug_on_a_missing_page_is_still_the_vietnamese_page(cast, login):
    client = login(cast.ward_officer)  # a new client: its handler loads the middleware with DEBUG on
    unknown = client.get("/khong-co-trang-nay/")
    assert unknown.status_code == 404 and "Không tìm thấy" in unknown.content.decode()
    out_of_scope = client.get(reverse("org:unit_detail", args=[cast.other_ward.pk]))
    assert out_of_scope.status_code == 404 and "Không tìm thấy" in out_of_scope.content.decode()
    assert "Using the URLconf" not in unknown.content.decode()


@override_settings(DEBUG=True, DANVAN_TECHNICAL_404=True)
def test_a_developer_may_ask_for_djangos_technical_404(cast, login):
    response = login(cast.ward_officer).get("/khong-co-trang-nay/")
    assert response.status_code == 404 and "Không tìm thấy" not in response.content.decode()


class PickForm(forms.Form):
    unit = forms.ModelChoiceField(label="Đơn vị", queryset=Unit.objects.all(), required=False)
    level = forms.ChoiceField(label="Cấp", choices=[("", "---------"), ("ward", "Phường")], required=False)


def test_dropdowns_rendered_by_the_form_component_say_choose_in_vietnamese(cast):
    html = Template('{% include "components/form.html" %}').render(Context({"form": PickForm()}))
    assert "---------" not in html
    assert "— Chọn đơn vị —" in html and "— Chọn cấp —" in html
    assert "---------" in str(PickForm()["unit"])  # another form instance is untouched


class ChoicesForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        label="Loại đơn vị",
        choices=[("ward", "Phường"), ("agency", "Sở")],
        widget=forms.CheckboxSelectMultiple,
    )
    answer = forms.ChoiceField(
        label="Trả lời", choices=[("yes", "Nhận lời"), ("no", "Từ chối")], widget=forms.RadioSelect
    )


def test_checkbox_and_radio_choices_render_as_labelled_check_inputs(cast):
    html = Template('{% include "components/form.html" %}').render(
        Context({"form": ChoicesForm(initial={"kinds": ["agency"]})})
    )
    assert "form-control" not in html
    assert html.count('class="form-check-input"') == 4
    assert 'value="agency" id="id_kinds_1" checked class="form-check-input">' in html
    assert html.count("<label") == 4  # one label per choice, not the input wrapped in a second one
    assert "<legend" in html and "Loại đơn vị" in html
    assert '<label class="form-check-label" for="id_answer_0">Nhận lời</label>' in html
