from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import ImportBatch


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại dữ liệu"), choices=ImportBatch.Kind.choices)
    file = forms.FileField(allow_empty_file=True, label=_("Tệp Excel (.xlsx)"))
