"""Form fields shared by every app."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class VnDateField(forms.DateField):
    """A date typed as dd/mm/yyyy, whatever the browser's locale.

    The native <input type="date"> shows mm/dd/yyyy in an English browser; civil servants write
    dd/mm/yyyy, so the field is plain text with that format (ISO dates are accepted too).
    """

    input_formats = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]  # noqa: RUF012 - Django's API

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget",
            forms.DateInput(
                format="%d/%m/%Y",
                attrs={
                    "placeholder": "dd/mm/yyyy",
                    "inputmode": "numeric",
                    "autocomplete": "off",
                    "class": "form-control",
                },
            ),
        )
        kwargs.setdefault("error_messages", {"invalid": _("Enter a valid date (dd/mm/yyyy).")})
        super().__init__(**kwargs)
