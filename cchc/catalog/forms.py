from django import forms
from django.utils.translation import gettext_lazy as _

MAX_IMPORT_BYTES = 10 * 1024 * 1024


class ProcedureSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    field = forms.CharField(label=_("Field"), required=False, max_length=200)


class ProcedureImportForm(forms.Form):
    file = forms.FileField(label=_("Spreadsheet (.xlsx)"))

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload
