"""Dossiers, their append-only event log (the process control sheet), documents and ratings.

`Dossier` holds denormalised columns (status, due_at, current unit, channel, digitisation flags)
so that lists, queues and the KPI counters of later capabilities never recompute history; the
`DossierEvent` rows are the truth and are never edited.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cchc.catalog.models import DocumentKind, Procedure, RequiredDocument, TimeUnit
from cchc.core import clock
from cchc.dossiers.workflow import Action, Status
from cchc.org.models import Unit


class RuleSet(models.Model):
    """The one-stop rules in force from a date (a decree and its guiding circular).

    A dossier keeps the rule set in force when it was received; later changes of the law never
    change how an older dossier is handled. Differences between rule sets are these fields.
    """

    class SupplementClock(models.TextChoices):
        RESTART = "restart", _("The time limit restarts from zero")
        PAUSE = "pause", _("The time limit pauses and resumes")

    key = models.SlugField(_("key"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    legal_basis = models.TextField(_("legal basis"))
    effective_from = models.DateField(_("in force from"), unique=True)
    form_set = models.CharField(
        _("form set"), max_length=20, help_text=_("tt01_2018 (Circular 01/2018) or tt03_2025 (Circular 03/2025)")
    )
    supplement_rounds = models.PositiveSmallIntegerField(
        _("supplement requests allowed"), default=1, help_text=_("The applicant is asked once, completely.")
    )
    supplement_clock = models.CharField(
        _("clock after a supplement"), max_length=10, choices=SupplementClock.choices, default=SupplementClock.RESTART
    )
    supplement_within_days = models.PositiveSmallIntegerField(
        _("supplement request within (working days of reception)"), default=3
    )
    apology_lead_days = models.PositiveSmallIntegerField(
        _("apology at least (working days before the due date)"), default=1
    )
    extensions_allowed = models.PositiveSmallIntegerField(_("new dates allowed"), default=1)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("rule set")
        verbose_name_plural = _("rule sets")
        ordering = ("-effective_from",)

    def __str__(self) -> str:
        return f"{self.name} ({self.effective_from:%d/%m/%Y})"


class Channel(models.TextChoices):
    COUNTER = "counter", _("At the counter")
    POST = "post", _("By post")
    ONLINE = "online", _("Online")
    NATIONAL_PORTAL = "national_portal", _("National Public Service Portal")


class ApplicantKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")


class Dossier(models.Model):
    code = models.CharField(_("dossier code"), max_length=60, unique=True)
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="+", verbose_name=_("receiving body"))
    procedure = models.ForeignKey(Procedure, models.PROTECT, related_name="dossiers", verbose_name=_("procedure"))
    rule_set = models.ForeignKey(RuleSet, models.PROTECT, related_name="dossiers", verbose_name=_("rule set"))
    # What the catalogue said at reception: the catalogue may change later, the dossier must not.
    procedure_name = models.CharField(_("procedure"), max_length=500)
    time_limit = models.DecimalField(_("time limit"), max_digits=6, decimal_places=1)
    legal_time_limit = models.DecimalField(_("legal time limit"), max_digits=6, decimal_places=1)
    time_unit = models.CharField(_("time unit"), max_length=20, choices=TimeUnit.choices)
    steps = models.JSONField(
        _("process steps"), default=list, help_text=_("The internal process at reception: name, unit, role, days.")
    )

    status = models.CharField(_("status"), max_length=24, choices=Status.choices, db_index=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    handling_unit = models.ForeignKey(Unit, models.PROTECT, related_name="+", verbose_name=_("handling unit"))
    current_step = models.PositiveSmallIntegerField(_("current step"), default=0)
    current_unit = models.ForeignKey(
        Unit, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("at unit")
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("handler")
    )
    consulted_unit = models.ForeignKey(
        Unit, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("consulted unit")
    )

    applicant_kind = models.CharField(_("applicant type"), max_length=20, choices=ApplicantKind.choices)
    applicant_name = models.CharField(_("applicant"), max_length=255)
    applicant_name_folded = models.CharField(max_length=255, editable=False, default="", db_index=True)
    applicant_id_number = models.CharField(_("ID or tax number"), max_length=20, db_index=True)
    applicant_phone = models.CharField(_("phone"), max_length=20, db_index=True)
    applicant_email = models.EmailField(_("e-mail"), blank=True)
    applicant_address = models.CharField(_("address"), max_length=500)
    sets_count = models.PositiveSmallIntegerField(_("number of sets"), default=1)

    submitted_at = models.DateTimeField(_("submitted at"))
    received_at = models.DateTimeField(_("received at"), null=True, blank=True, db_index=True)
    due_at = models.DateTimeField(_("due"), null=True, blank=True)
    original_due_at = models.DateTimeField(_("first due date"), null=True, blank=True)
    step_due_at = models.DateTimeField(_("step due"), null=True, blank=True)
    paused_at = models.DateTimeField(_("clock stopped at"), null=True, blank=True)
    supplement_count = models.PositiveSmallIntegerField(_("supplement requests"), default=0)
    supplement_days = models.PositiveIntegerField(_("working days waiting for the applicant"), default=0)
    apology_count = models.PositiveSmallIntegerField(_("apologies"), default=0)
    result_ready_at = models.DateTimeField(_("result ready at"), null=True, blank=True)
    returned_at = models.DateTimeField(_("returned at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    finished_late = models.BooleanField(_("finished late"), null=True, blank=True)
    has_digitised_input = models.BooleanField(_("input documents digitised"), default=False)
    has_digitised_result = models.BooleanField(_("result digitised"), default=False)

    version = models.PositiveIntegerField(default=0, editable=False, help_text="incremented by every event")
    idempotency_key = models.CharField(max_length=100, null=True, blank=True, unique=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ("-received_at", "-id")
        indexes = (
            models.Index(fields=("due_at",), name="dossier_due_open", condition=models.Q(closed_at__isnull=True)),
            models.Index(fields=("current_unit", "status"), name="dossier_queue"),
            models.Index(fields=("assignee", "status"), name="dossier_assignee"),
            models.Index(fields=("handling_unit", "received_at"), name="dossier_handling"),
            models.Index(fields=("procedure", "received_at"), name="dossier_procedure"),
        )

    def __str__(self) -> str:
        return self.code

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def is_overdue(self) -> bool:
        return (
            self.is_open
            and self.result_ready_at is None  # finished in time and waiting for collection is not late
            and self.due_at is not None
            and self.paused_at is None
            and clock.now() > self.due_at
        )

    def step(self, order: int | None = None) -> dict[str, object] | None:
        """The process step `order` (1-based; the current one by default), as recorded at reception."""
        index = (self.current_step if order is None else order) - 1
        return self.steps[index] if 0 <= index < len(self.steps) else None

    @property
    def is_last_processing_step(self) -> bool:
        """The current step is the last one before the result goes back to the one-stop desk."""
        return self.current_step >= len(self.steps) - 1

    @property
    def national_status(self) -> int:
        from cchc.dossiers.workflow import national_code

        return national_code(self.status)


class DossierEvent(models.Model):
    """One transition or significant act on a dossier: who, in which unit, when, from and to which
    status, why, and the step's planned end against its actual end. Never edited."""

    dossier = models.ForeignKey(Dossier, models.PROTECT, related_name="events")
    action = models.CharField(_("action"), max_length=24, choices=Action.choices)
    from_status = models.CharField(_("from"), max_length=24, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=24, choices=Status.choices)
    national_status = models.PositiveSmallIntegerField(_("national status"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+")
    actor_name = models.CharField(_("by"), max_length=150, blank=True)
    actor_unit = models.ForeignKey(Unit, models.PROTECT, null=True, blank=True, related_name="+")
    at = models.DateTimeField(_("at"), default=timezone.now)
    reason = models.TextField(_("reason or note"), blank=True)
    step_order = models.PositiveSmallIntegerField(_("step"), default=0)
    step_name = models.CharField(_("step name"), max_length=300, blank=True)
    step_unit = models.ForeignKey(Unit, models.PROTECT, null=True, blank=True, related_name="+")
    step_planned_end = models.DateTimeField(_("step due"), null=True, blank=True)
    due_at = models.DateTimeField(_("dossier due"), null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("dossier event")
        verbose_name_plural = _("dossier events")
        ordering = ("at", "id")
        indexes = (models.Index(fields=("dossier", "at"), name="dossier_event_at"),)

    def __str__(self) -> str:
        return f"{self.dossier_id} {self.action} {self.at:%d/%m/%Y %H:%M}"


def _upload_to(instance: DossierDocument, filename: str) -> str:
    now = timezone.now()
    return f"dossiers/{now:%Y/%m}/{instance.dossier_id}/{instance.sha256[:16]}{instance.extension}"


class DossierDocument(models.Model):
    class Role(models.TextChoices):
        INPUT = "input", _("Submitted document")
        RESULT = "result", _("Result")
        NOTICE = "notice", _("Notice to the applicant")

    dossier = models.ForeignKey(Dossier, models.PROTECT, related_name="documents")
    role = models.CharField(_("type"), max_length=10, choices=Role.choices, default=Role.INPUT)
    required_document = models.ForeignKey(RequiredDocument, models.SET_NULL, null=True, blank=True, related_name="+")
    name = models.CharField(_("document"), max_length=500)
    form = models.CharField(_("form"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.ORIGINAL)
    count = models.PositiveSmallIntegerField(_("copies"), default=1)
    file = models.FileField(_("file"), upload_to=_upload_to, blank=True, max_length=300)
    original_filename = models.CharField(_("file name"), max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    extension = models.CharField(max_length=10, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(_("checksum (SHA-256)"), max_length=64, blank=True)
    digitised = models.BooleanField(_("digitised"), default=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("dossier document")
        verbose_name_plural = _("dossier documents")
        ordering = ("dossier", "role", "id")

    def __str__(self) -> str:
        return self.name


class DossierCounter(models.Model):
    """The last sequence number of dossier codes per receiving body per day."""

    unit = models.ForeignKey(Unit, models.PROTECT, related_name="+")
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = (models.UniqueConstraint(fields=("unit", "day"), name="dossier_counter_unique"),)

    def __str__(self) -> str:
        return f"{self.unit_id} {self.day} {self.last}"


class DossierRating(models.Model):
    """The applicant's evaluation at result return: the 9 indices of TT 01/2018 Art. 13, each 2/1/0."""

    dossier = models.OneToOneField(Dossier, models.PROTECT, related_name="rating")
    scores = models.JSONField(_("scores"))
    total = models.PositiveSmallIntegerField(_("total"))
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.total}"
