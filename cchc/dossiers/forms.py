"""Input of the dossier screens, with Vietnamese messages. Rules themselves live in services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cchc.catalog.models import Procedure
from cchc.core.fields import VnDateField
from cchc.dossiers.models import ApplicantKind, Channel
from cchc.dossiers.workflow import TRANSITIONS, Action, Status
from cchc.org.models import Unit, User
from cchc.org.roles import Role

TEXTAREA = forms.Textarea(attrs={"rows": 3, "class": "form-control"})


class IntakeForm(forms.Form):
    procedure = forms.ModelChoiceField(
        label=_("Procedure"),
        queryset=Procedure.objects.filter(status=Procedure.Status.ACTIVE).order_by("field", "name"),
        error_messages={
            "required": _("Choose the procedure."),
            "invalid_choice": _("Choose a procedure from the list."),
        },
    )
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices, initial=Channel.COUNTER)
    applicant_kind = forms.ChoiceField(
        label=_("Applicant"), choices=ApplicantKind.choices, initial=ApplicantKind.PERSON
    )
    applicant_name = forms.CharField(label=_("Full name or organisation"), max_length=255)
    applicant_id_number = forms.CharField(label=_("ID number / tax code"), max_length=20)
    applicant_phone = forms.CharField(label=_("Phone"), max_length=20)
    applicant_email = forms.CharField(label=_("E-mail"), max_length=254, required=False)
    applicant_address = forms.CharField(label=_("Address"), max_length=500)
    sets_count = forms.IntegerField(
        label=_("Number of sets"),
        min_value=1,
        max_value=50,
        initial=1,
        error_messages={"min_value": _("At least one set."), "max_value": _("At most 50 sets.")},
    )
    documents = forms.MultipleChoiceField(label=_("Documents received"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        procedure_id = self.data.get("procedure") if self.is_bound else None
        choices: list[tuple[str, str]] = []
        if procedure_id and str(procedure_id).isdigit():
            procedure = Procedure.objects.filter(pk=procedure_id).first()
            if procedure is not None:
                choices = [(str(d.pk), d.name) for d in procedure.required_documents.all()]
        documents = self.fields["documents"]
        assert isinstance(documents, forms.MultipleChoiceField)  # noqa: S101 - declared above
        documents.choices = choices
        for name, field in self.fields.items():
            if name != "documents":
                field.widget.attrs.setdefault(
                    "class", "form-select" if isinstance(field, forms.ChoiceField) else "form-control"
                )


class ActionForm(forms.Form):
    """The fields an action may need; the view keeps only those of the chosen action."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(label=_("Reason / note"), widget=TEXTAREA, required=False, max_length=4000)
    missing = forms.CharField(
        label=_("Documents to add or complete (one per line)"), widget=TEXTAREA, required=False, max_length=4000
    )
    assignee = forms.ModelChoiceField(
        label=_("Handler"), queryset=User.objects.none(), required=False, empty_label=_("— anyone in the unit —")
    )
    unit = forms.ModelChoiceField(
        label=_("Unit to consult"), queryset=Unit.objects.none(), required=False, empty_label=_("— choose —")
    )
    new_due = VnDateField(label=_("New return date"), required=False)
    amount_vnd = forms.IntegerField(
        label=_("Amount (đồng)"),
        min_value=1,
        required=False,
        error_messages={
            "min_value": _("The amount to pay must be more than 0 đồng."),
            "invalid": _("Enter a whole number of đồng."),
        },
    )

    FIELDS: dict[Action, tuple[str, ...]] = {  # noqa: RUF012 - read-only table
        Action.RECEIVE: (),
        Action.REFUSE_INTAKE: ("reason",),
        Action.TRANSFER: ("assignee", "reason"),
        Action.FORWARD: ("assignee", "reason"),
        Action.ASSIGN: ("assignee",),
        Action.CONSULT: ("unit", "reason"),
        Action.ANSWER: ("reason",),
        Action.REQUEST_SUPPLEMENT: ("missing", "reason"),
        Action.SUPPLEMENT_RECEIVED: ("reason",),
        Action.REQUEST_PAYMENT: ("amount_vnd", "reason"),
        Action.PAYMENT_RECEIVED: ("reason",),
        Action.APPROVE: ("reason",),
        Action.REFUSE: ("reason",),
        Action.APOLOGISE: ("new_due", "reason"),
        Action.WITHDRAW: ("reason",),
        Action.RETURN_RESULT: ("reason",),
    }
    REQUIRED: dict[Action, tuple[str, ...]] = {  # noqa: RUF012
        Action.ASSIGN: ("assignee",),
        Action.CONSULT: ("unit",),
        Action.APOLOGISE: ("new_due",),
        Action.REQUEST_PAYMENT: ("amount_vnd",),
        Action.REQUEST_SUPPLEMENT: ("missing",),
    }

    def __init__(self, *args: Any, action: Action, dossier: Any, **kwargs: Any) -> None:
        # One form per action on the same page: the prefix keeps their field ids apart.
        kwargs.setdefault("prefix", str(action))
        super().__init__(*args, **kwargs)
        self.action = action
        wanted = {"version", *self.FIELDS.get(action, ())}
        for name in list(self.fields):
            if name not in wanted:
                del self.fields[name]
        for name in self.REQUIRED.get(action, ()):
            self.fields[name].required = True
            self.fields[name].error_messages["required"] = _("This field is required.")
        if action == Action.RETURN_RESULT:
            # The applicant may rate the handling at the desk when collecting the result.
            for key, label in RATING_CRITERIA:
                self.fields[key] = forms.ChoiceField(label=label, choices=RATING_CHOICES, required=False)
        assignee, unit = self.fields.get("assignee"), self.fields.get("unit")
        if isinstance(assignee, forms.ModelChoiceField):
            assignee.queryset = _handlers_for(dossier, action)
            order = dossier.current_step if action == Action.ASSIGN else dossier.current_step + 1
            step = dossier.step(order)
            target = Unit.objects.filter(pk=step["unit_id"]).first() if step else None
            if target is not None:
                assignee.label = _("Handler at %(unit)s") % {"unit": target.name}
        reason = self.fields.get("reason")
        if reason is not None and action in TRANSITIONS and TRANSITIONS[action].needs_reason:
            reason.required = True
            reason.error_messages["required"] = _("Give the reason; the applicant will read it.")
        if isinstance(unit, forms.ModelChoiceField):
            unit.queryset = Unit.objects.filter(is_active=True).exclude(pk=dossier.current_unit_id)
        for field in self.fields.values():
            if not isinstance(field.widget, forms.HiddenInput):
                field.widget.attrs.setdefault(
                    "class", "form-select" if isinstance(field, forms.ModelChoiceField) else "form-control"
                )

    def rating(self) -> dict[str, int] | None:
        scores = {key: int(self.cleaned_data[key]) for key, _label in RATING_CRITERIA if self.cleaned_data.get(key)}
        return scores or None

    @property
    def missing_lines(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("missing", "").splitlines() if line.strip()]


def _handlers_for(dossier: Any, action: Action) -> Any:
    """People of the unit of the step the dossier is moving to (or is at, for assignment)."""
    order = dossier.current_step if action == Action.ASSIGN else dossier.current_step + 1
    step = dossier.step(order)
    if step is None:
        return User.objects.none()
    # Only the people who can do that step: its role in its unit, or the unit's head.
    return (
        User.objects.filter(
            is_active=True,
            memberships__unit_id=step["unit_id"],
            memberships__role__in=[step["role"], Role.UNIT_HEAD],
        )
        .distinct()
        .order_by("full_name")
    )


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File"), error_messages={"required": _("Choose a file.")})
    name = forms.CharField(label=_("Document name"), max_length=500, required=False)
    role = forms.ChoiceField(
        label=_("Type"),
        choices=[("input", _("Submitted document (scan)")), ("result", _("Result"))],
        initial="input",
    )
    document = forms.IntegerField(required=False, widget=forms.HiddenInput)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Code, applicant, ID or phone"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any dossier status")), *Status.choices], required=False
    )
    procedure = forms.ModelChoiceField(
        label=_("Procedure"),
        queryset=Procedure.objects.order_by("name"),
        required=False,
        empty_label=_("All procedures"),
    )
    channel = forms.ChoiceField(label=_("Channel"), choices=[("", _("All channels")), *Channel.choices], required=False)
    due_from = VnDateField(label=_("Due from"), required=False)
    due_to = VnDateField(label=_("Due to"), required=False)
    overdue = forms.BooleanField(label=_("Overdue dossiers only"), required=False)


class LookupForm(forms.Form):
    code = forms.CharField(label=_("Dossier code"), max_length=60)
    secret = forms.CharField(
        label=_("Phone number or ID number given at submission"),
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


RATING_CRITERIA = [
    ("c1", _("Total handling time compared with the legal time")),
    ("c2", _("Time of each unit involved compared with its quota")),
    ("c3", _("Number of times you had to come back to complete the dossier")),
    ("c4", _("Number of agencies you had to contact")),
    ("c5", _("Receiving and returning at the one-stop desk")),
    ("c6", _("Publication of the procedure")),
    ("c7", _("Attitude of the staff")),
    ("c8", _("Handling of your feedback")),
    ("c9", _("Online services")),
]
RATING_CHOICES = [("", "—"), ("2", _("Good (2)")), ("1", _("Acceptable (1)")), ("0", _("Poor (0)"))]


class RatingForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), widget=TEXTAREA, required=False, max_length=2000)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in RATING_CRITERIA:
            self.fields[key] = forms.ChoiceField(
                label=label, choices=RATING_CHOICES, required=False, widget=forms.Select(attrs={"class": "form-select"})
            )

    def scores(self) -> dict[str, int]:
        return {key: int(self.cleaned_data[key]) for key, _label in RATING_CRITERIA if self.cleaned_data.get(key)}


class TrackingBookForm(forms.Form):
    date_from = VnDateField(label=_("From"))
    date_to = VnDateField(label=_("To"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            raise forms.ValidationError(_("The end date is before the start date."))
        if start and end and (end - start).days > 400:
            raise forms.ValidationError(_("Choose at most one year."))
        return data
