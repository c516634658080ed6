"""Input validation for the plan pages (Vietnamese error messages); services apply the rules."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from cchc.core.fields import VnDateField
from cchc.org.models import Unit, User
from cchc.plans import outline, reminders
from cchc.plans.importing import HeaderInput, RowInput
from cchc.plans.models import Area, ImportDraft, Plan, Recurrence, Section, Target, Task, TaskStatus

_TEXT = {"class": "form-control"}
_SELECT = {"class": "form-select"}


def _dates(text: str) -> list[date]:
    found: list[date] = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        field = VnDateField()
        found.append(field.clean(part))
    return found


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Plan document"),
        help_text=_("DOCX, PDF (also scanned) or plain text (TXT), at most 20 MB."),
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".docx,.pdf,.txt"}),
        error_messages={"required": _("Choose the plan document to import.")},
    )
    unit = forms.ModelChoiceField(
        queryset=Unit.objects.none(), label=_("Issuing unit"), empty_label=None, widget=forms.Select(attrs=_SELECT)
    )

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["unit"])  # type: ignore[type-arg]
        field.queryset = units
        self.single_unit = units.first() if units.count() == 1 else None
        if self.single_unit is not None:
            field.widget = forms.HiddenInput()
            field.required = False

    def clean_unit(self) -> Unit | None:
        return self.cleaned_data.get("unit") or self.single_unit


class ImportPreviewForm(forms.Form):
    """The header, one set of fields per row of the recognised tree, and the targets to keep."""

    number = forms.CharField(label=_("Number and symbol"), max_length=50, widget=forms.TextInput(attrs=_TEXT))
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, widget=forms.NumberInput(attrs=_TEXT))
    title = forms.CharField(label=_("Title"), max_length=500, widget=forms.TextInput(attrs=_TEXT))
    issued_on = VnDateField(label=_("Date of issue"), required=False)
    parent_issuer = forms.CharField(
        label=_("Parent body"), max_length=255, required=False, widget=forms.TextInput(attrs=_TEXT)
    )
    issuer = forms.CharField(
        label=_("Issuing body"), max_length=255, required=False, widget=forms.TextInput(attrs=_TEXT)
    )
    place = forms.CharField(
        label=_("Place of issue"), max_length=100, required=False, widget=forms.TextInput(attrs=_TEXT)
    )
    signer = forms.CharField(label=_("Signed by"), max_length=150, required=False, widget=forms.TextInput(attrs=_TEXT))

    def __init__(self, *args: Any, draft: ImportDraft, units: QuerySet[Unit], **kwargs: Any) -> None:
        self.draft = draft
        self.rows = outline.rows_from_parsed(draft.parsed)
        header = draft.parsed.get("header", {})
        kwargs.setdefault(
            "initial",
            {
                "number": header.get("number") or "",
                "year": header.get("year") or (int(header["date"][:4]) + 1 if header.get("date") else None),
                "title": header.get("title") or "",
                "issued_on": date.fromisoformat(header["date"]) if header.get("date") else None,
                "parent_issuer": header.get("parent_issuer") or "",
                "issuer": header.get("issuer") or "",
                "place": header.get("place") or "",
                "signer": header.get("signer") or "",
            },
        )
        super().__init__(*args, **kwargs)
        self.units = units
        unit_choices = [("", "—"), *((str(u.pk), u.short_name or u.name) for u in units)]
        default_year = self.initial.get("year")
        has_tasks = {row.parent for row in self.rows if row.is_task}
        for row in self.rows:
            self.fields[f"{row.key}-title"] = forms.CharField(
                max_length=500, initial=row.title, widget=forms.TextInput(attrs={**_TEXT, "aria-label": _("Title")})
            )
            if row.kind == outline.ITEM and row.key in has_tasks:
                self.fields[f"{row.key}-area"] = forms.ChoiceField(
                    choices=[("", "—"), *Area.choices],
                    required=False,
                    initial=row.area,
                    widget=forms.Select(attrs={**_SELECT, "aria-label": _("Reform area")}),
                )
                self.fields[f"{row.key}-lead_all"] = forms.ChoiceField(
                    choices=unit_choices,
                    required=False,
                    widget=forms.Select(attrs={**_SELECT, "aria-label": _("Lead unit for the tasks of this section")}),
                )
            if row.is_task:
                self.fields[f"{row.key}-lead"] = forms.ChoiceField(
                    choices=unit_choices,
                    required=False,
                    widget=forms.Select(attrs={**_SELECT, "aria-label": _("Lead unit")}),
                )
                self.fields[f"{row.key}-recurrence"] = forms.ChoiceField(
                    choices=Recurrence.choices,
                    initial=row.recurrence,
                    widget=forms.Select(attrs={**_SELECT, "aria-label": _("Rhythm")}),
                )
                # Only a deadline the text names is filled in; an empty one means the end of the plan's
                # year, so that correcting the year does not leave 34 dates to retype.
                date_field = VnDateField(required=False, initial=row.deadline)
                date_field.widget.attrs["aria-label"] = str(_("Deadline"))
                if default_year:
                    date_field.widget.attrs["placeholder"] = f"31/12/{default_year}"
                self.fields[f"{row.key}-deadline"] = date_field
        for index, _target in enumerate(draft.parsed.get("targets", [])):
            self.fields[f"target-{index}"] = forms.BooleanField(required=False, initial=True)

    def field_rows(self) -> list[tuple[outline.Row, dict[str, forms.BoundField]]]:
        """Each row with its bound fields, for the template."""
        out = []
        for row in self.rows:
            names = ("title", "area", "lead_all", "lead", "recurrence", "deadline")
            bound = {name: self[f"{row.key}-{name}"] for name in names if f"{row.key}-{name}" in self.fields}
            out.append((row, bound))
        return out

    def target_rows(self) -> list[tuple[dict[str, Any], forms.BoundField]]:
        return [(t, self[f"target-{i}"]) for i, t in enumerate(self.draft.parsed.get("targets", []))]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        year = data.get("year")
        if not year:
            return data
        for row in self.rows:
            if not row.is_task:
                continue
            deadline = data.get(f"{row.key}-deadline")
            if deadline and deadline.year != year:
                self.add_error(
                    f"{row.key}-deadline",
                    _("%(date)s is outside the plan's year %(year)s.") % {"date": f"{deadline:%d/%m/%Y}", "year": year},
                )
        return data

    def inputs(self) -> tuple[HeaderInput, dict[str, RowInput], list[int]]:
        data = self.cleaned_data
        units = {str(u.pk): u for u in self.units}
        header = HeaderInput(
            number=data["number"],
            year=data["year"],
            title=data["title"],
            issued_on=data.get("issued_on"),
            parent_issuer=data.get("parent_issuer", ""),
            issuer=data.get("issuer", ""),
            place=data.get("place", ""),
            signer=data.get("signer", ""),
            legal_basis="\n".join(self.draft.parsed.get("header", {}).get("legal_basis", [])),
        )
        by_key = {row.key: row for row in self.rows}
        rows: dict[str, RowInput] = {}
        for row in self.rows:
            if row.is_task:
                lead = data.get(f"{row.key}-lead") or self._section_lead(by_key, row)
                recurrence = data.get(f"{row.key}-recurrence") or Recurrence.ONCE
                deadline = data.get(f"{row.key}-deadline")
                if deadline is None and recurrence == Recurrence.ONCE:
                    deadline = date(data["year"], 12, 31)
                rows[row.key] = RowInput(
                    title=data[f"{row.key}-title"],
                    lead_unit=units.get(lead or ""),
                    deadline=deadline,
                    recurrence=recurrence,
                )
            else:
                rows[row.key] = RowInput(title=data[f"{row.key}-title"], area=data.get(f"{row.key}-area", row.area))
        targets = [i for i in range(len(self.draft.parsed.get("targets", []))) if data.get(f"target-{i}")]
        return header, rows, targets

    def _section_lead(self, by_key: dict[str, outline.Row], row: outline.Row) -> str:
        parent = by_key.get(row.parent or "")
        while parent is not None:
            if lead := self.cleaned_data.get(f"{parent.key}-lead_all"):
                return str(lead)
            parent = by_key.get(parent.parent or "")
        return ""


class PlanForm(forms.ModelForm):  # type: ignore[type-arg]
    issued_on = VnDateField(label=_("Date of issue"), required=False)

    class Meta:
        model = Plan
        fields = ("number", "title", "issued_on", "signer", "signer_title", "legal_basis", "reminder_days")
        widgets: ClassVar[dict[str, forms.Widget]] = {
            "number": forms.TextInput(attrs=_TEXT),
            "title": forms.TextInput(attrs=_TEXT),
            "signer": forms.TextInput(attrs=_TEXT),
            "signer_title": forms.TextInput(attrs=_TEXT),
            "legal_basis": forms.Textarea(attrs={**_TEXT, "rows": 3}),
            "reminder_days": forms.TextInput(attrs=_TEXT),
        }

    def clean_reminder_days(self) -> str:
        value: str = self.cleaned_data["reminder_days"]
        if reminders.parse_lead_days(value) is None:
            raise forms.ValidationError(
                _("Reminder lead times are working-day counts from 1 to 60 separated by commas, e.g. 7,2.")
            )
        return value


class SectionForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Section
        fields = ("title", "area")
        widgets: ClassVar[dict[str, forms.Widget]] = {
            "title": forms.TextInput(attrs=_TEXT),
            "area": forms.Select(attrs=_SELECT),
        }


class TaskForm(forms.ModelForm):  # type: ignore[type-arg]
    deadline = VnDateField(label=_("Deadline"), required=False)
    checkins = forms.CharField(
        label=_("Check-in dates"),
        required=False,
        help_text=_("For a recurring task: dd/mm/yyyy dates separated by commas; empty uses the ends of its periods."),
        widget=forms.TextInput(attrs={**_TEXT, "placeholder": "31/03/2026, 30/06/2026"}),
    )

    class Meta:
        model = Task
        fields = ("title", "description", "expected_output", "lead_unit", "coordinating_units", "recurrence")
        widgets: ClassVar[dict[str, forms.Widget]] = {
            "title": forms.TextInput(attrs=_TEXT),
            "description": forms.Textarea(attrs={**_TEXT, "rows": 4}),
            "expected_output": forms.Textarea(attrs={**_TEXT, "rows": 2}),
            "lead_unit": forms.Select(attrs=_SELECT),
            "coordinating_units": forms.CheckboxSelectMultiple(),
            "recurrence": forms.Select(attrs=_SELECT),
        }

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("lead_unit", "coordinating_units"):
            field = cast(forms.ModelChoiceField, self.fields[name])  # type: ignore[type-arg]
            field.queryset = units
        if self.instance.pk:
            self.initial["deadline"] = self.instance.deadline
            self.initial["checkins"] = ", ".join(f"{d:%d/%m/%Y}" for d in self.instance.checkins)

    def clean_checkins(self) -> list[date]:
        return _dates(self.cleaned_data.get("checkins") or "")


class ProgressForm(forms.Form):
    progress = forms.IntegerField(
        label=_("Progress (%)"),
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={**_TEXT, "step": 5}),
        error_messages={
            "min_value": _("Progress is a percentage from 0 to 100."),
            "max_value": _("Progress is a percentage from 0 to 100."),
        },
    )
    note = forms.CharField(label=_("What was done"), required=False, widget=forms.Textarea(attrs={**_TEXT, "rows": 2}))


class CompleteForm(forms.Form):
    note = forms.CharField(label=_("Result"), required=False, widget=forms.Textarea(attrs={**_TEXT, "rows": 2}))
    no_evidence_reason = forms.CharField(
        label=_("Why there is no evidence"),
        required=False,
        help_text=_("Only when completing without evidence."),
        widget=forms.Textarea(attrs={**_TEXT, "rows": 2}),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={**_TEXT, "rows": 2}),
        error_messages={"required": _("Write the reason.")},
    )


class EvidenceFileForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"class": "form-control"}),
        error_messages={"required": _("Choose a file."), "empty": _("The file is empty.")},
    )
    title = forms.CharField(label=_("Title"), max_length=255, required=False, widget=forms.TextInput(attrs=_TEXT))


class EvidenceLinkForm(forms.Form):
    url = forms.CharField(
        label=_("Link"), max_length=1000, widget=forms.URLInput(attrs={**_TEXT, "placeholder": "https://"})
    )
    title = forms.CharField(label=_("Title"), max_length=255, widget=forms.TextInput(attrs=_TEXT))


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={**_TEXT, "rows": 2}),
        error_messages={"required": _("Write the comment first.")},
    )


class AssignForm(forms.Form):
    assignees = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(), label=_("Assignees"), required=False, widget=forms.CheckboxSelectMultiple()
    )

    def __init__(self, *args: Any, people: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelMultipleChoiceField, self.fields["assignees"])  # type: ignore[type-arg]
        field.queryset = people


class TargetForm(forms.ModelForm):  # type: ignore[type-arg]
    # Typed as civil servants write it, "91,5"; "91.5" works too.
    actual_value = forms.DecimalField(
        label=_("Actual (%)"),
        max_digits=6,
        decimal_places=2,
        required=False,
        localize=True,
        widget=forms.TextInput(attrs={**_TEXT, "inputmode": "decimal"}),
    )
    actual_on = VnDateField(label=_("Actual as of"), required=False)

    class Meta:
        model = Target
        fields = ("actual_value", "actual_source", "actual_on")
        widgets: ClassVar[dict[str, forms.Widget]] = {
            "actual_source": forms.TextInput(attrs=_TEXT),
        }


class FilterForm(forms.Form):
    area = forms.ChoiceField(
        label=_("Area"),
        choices=[("", _("All areas")), *Area.choices],
        required=False,
        widget=forms.Select(attrs=_SELECT),
    )
    unit = forms.ModelChoiceField(
        label=_("Unit"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=_("All units"),
        widget=forms.Select(attrs=_SELECT),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All statuses")), *TaskStatus.choices],
        required=False,
        widget=forms.Select(attrs=_SELECT),
    )
    overdue = forms.BooleanField(
        label=_("Overdue only"), required=False, widget=forms.CheckboxInput(attrs={"class": "form-check-input"})
    )

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["unit"])  # type: ignore[type-arg]
        field.queryset = units


PERIODS = [
    ("q1", _("First quarter")),
    ("q2", _("Second quarter")),
    ("h1", _("First six months")),
    ("q3", _("Third quarter")),
    ("q4", _("Fourth quarter")),
    ("year", _("Whole year")),
]


class ReportForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"), choices=PERIODS, widget=forms.Select(attrs=_SELECT))
