from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cchc.core.fields import VnDateField
from cchc.workdays.models import CalendarOverride
from cchc.workdays.services import FIRST_YEAR, LAST_SUPPORTED_YEAR


class DueDateForm(forms.Form):
    """The counter's quick question: when is a result due?"""

    received = VnDateField(label=_("Reception date"))
    working_days = forms.IntegerField(
        label=_("Working days"),
        min_value=0,
        max_value=3650,
        error_messages={
            "invalid": _("Enter a whole number of working days."),
            "min_value": _("The number of working days cannot be negative."),
            "max_value": _("That is more than ten years of working days."),
        },
    )

    def clean_received(self) -> Any:
        value = self.cleaned_data["received"]
        if not FIRST_YEAR <= value.year <= LAST_SUPPORTED_YEAR - 20:
            raise forms.ValidationError(_("The date is outside the calendar (from %(first)s).") % {"first": FIRST_YEAR})
        return value


class OverrideForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = CalendarOverride
        fields = ("day", "kind", "name", "legal_basis")
