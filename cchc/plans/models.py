"""The yearly CCHC plan: its sections, tasks with evidence and history, and measurable targets.

A plan is issued by a unit (the department) and run by the CCHC officer; each task is led by one unit
whose head answers for it. Only services.py and importing.py write these tables.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import PurePosixPath

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cchc.org.models import Unit


class Area(models.TextChoices):
    """The reform areas of the PAR INDEX (legal.md §6) that the content part of a plan follows."""

    DIRECTION = "direction", _("Direction and management of the reform")
    INSTITUTIONS = "institutions", _("Institutional reform")
    PROCEDURES = "procedures", _("Administrative procedure reform")
    ORGANISATION = "organisation", _("Organisational reform")
    CIVIL_SERVICE = "civil_service", _("Civil service reform")
    PUBLIC_FINANCE = "public_finance", _("Public finance reform")
    DIGITAL_GOVERNMENT = "digital_government", _("E-government and digital government")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_FORCE = "in_force", _("In force")
    CLOSED = "closed", _("Closed")


class TaskStatus(models.TextChoices):
    """Same values as workflow.Status (the pure transition table)."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DONE_LATE = "done_late", _("Done late")
    CANNOT_BE_DONE = "cannot_be_done", _("Cannot be done")


OPEN_STATUSES = (TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS)


class Recurrence(models.TextChoices):
    """Same values as schedule.Recurrence."""

    ONCE = "once", _("Once, by a deadline")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    SIX_MONTHLY = "six_monthly", _("Every six months")
    YEARLY = "yearly", _("Yearly")
    REGULAR = "regular", _("Regularly, with check-in dates")


class Indicator(models.TextChoices):
    """Indicator codes the KPI capability fills with live values; until then actuals are typed in."""

    SATISFACTION = "satisfaction", _("Satisfaction of citizens and businesses")
    ON_TIME = "on_time", _("Dossiers resolved on time")
    ONLINE_USAGE = "online_usage", _("Use of online public services")
    DIGITISED_RESULTS = "digitised_results", _("Procedure results digitised")
    TIME_CUT = "time_cut", _("Procedures with processing time cut")


class Plan(models.Model):
    """A yearly administrative reform plan ("Kế hoạch CCHC năm …"), e.g. 64/KH-SKHCN."""

    unit = models.ForeignKey(
        Unit,
        models.PROTECT,
        related_name="plans",
        verbose_name=_("issuing unit"),
        help_text=_("The unit that runs the plan."),
    )
    number = models.CharField(_("number and symbol"), max_length=50, help_text=_("e.g. 64/KH-SKHCN"))
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=500)
    parent_issuer = models.CharField(_("parent body"), max_length=255, blank=True)
    issuer = models.CharField(_("issuing body"), max_length=255, blank=True)
    place = models.CharField(_("place of issue"), max_length=100, blank=True)
    issued_on = models.DateField(_("date of issue"), null=True, blank=True)
    signer = models.CharField(_("signed by"), max_length=150, blank=True)
    signer_title = models.CharField(_("signer's position"), max_length=150, blank=True)
    legal_basis = models.TextField(_("legal basis"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    source_file = models.FileField(_("source document"), upload_to="plans/sources/%Y/", blank=True)
    source_name = models.CharField(_("source file name"), max_length=255, blank=True)
    reminder_days = models.CharField(
        _("reminders before a deadline (working days)"),
        max_length=40,
        default="7,2",
        help_text=_("Working days before each deadline when the lead unit is reminded, e.g. 7,2."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("reform plan")
        verbose_name_plural = _("reform plans")
        ordering = ("-year", "number")
        constraints = (models.UniqueConstraint(fields=("unit", "year", "number"), name="plan_number_once_a_year"),)

    def __str__(self) -> str:
        return f"{self.number} — {self.title}"

    @property
    def lead_days(self) -> tuple[int, ...]:
        return tuple(sorted({int(p) for p in self.reminder_days.replace(";", ",").split(",") if p.strip().isdigit()}))


class Section(models.Model):
    """A heading of the plan document: a part (I, II, III) or a numbered item (1, 2, …) under it."""

    class Kind(models.TextChoices):
        PART = "part", _("Part")
        ITEM = "item", _("Item")
        POINT = "point", _("Point")

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="sections", verbose_name=_("plan"))
    parent = models.ForeignKey(
        "self", models.CASCADE, null=True, blank=True, related_name="children", verbose_name=_("parent section")
    )
    label = models.CharField(_("label"), max_length=10, help_text=_("As in the document: II, 3, a, đ"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=500)
    text = models.TextField(_("text"), blank=True, help_text=_("The paragraphs of the heading, as in the document."))
    area = models.CharField(_("reform area"), max_length=20, choices=Area.choices, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("plan section")
        verbose_name_plural = _("plan sections")
        ordering = ("plan", "order")

    def __str__(self) -> str:
        return f"{self.label}. {self.title}"


class Task(models.Model):
    """One thing the plan commits a unit to do, with a deadline or a rhythm of check-ins."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="tasks", verbose_name=_("plan"))
    section = models.ForeignKey(Section, models.CASCADE, related_name="tasks", verbose_name=_("section"))
    label = models.CharField(_("label"), max_length=10, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    area = models.CharField(_("reform area"), max_length=20, choices=Area.choices, blank=True)
    lead_unit = models.ForeignKey(
        Unit,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="led_plan_tasks",
        verbose_name=_("lead unit"),
        help_text=_("The unit that answers for the task; its head updates the status."),
    )
    coordinating_units = models.ManyToManyField(
        Unit, blank=True, related_name="coordinated_plan_tasks", verbose_name=_("co-ordinating units")
    )
    assignees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="plan_tasks", verbose_name=_("assignees")
    )
    recurrence = models.CharField(_("rhythm"), max_length=12, choices=Recurrence.choices, default=Recurrence.ONCE)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    checkin_dates = models.JSONField(
        _("check-in dates"), default=list, blank=True, help_text=_("Dates on which a recurring task reports progress.")
    )
    covered_through = models.DateField(
        _("reported through"),
        null=True,
        blank=True,
        help_text=_("The last check-in date the lead unit has reported for."),
    )
    # The next date the lead unit must deliver: the deadline, or the next check-in not yet reported.
    # Only services recompute it; the reminder scan and the overdue filter read it (style.md rule 7).
    next_due = models.DateField(_("next due date"), null=True, blank=True)
    expected_output = models.TextField(_("expected output"), blank=True)
    status = models.CharField(_("status"), max_length=16, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0, validators=[MaxValueValidator(100)])
    status_reason = models.TextField(
        _("reason"), blank=True, help_text=_("Why the task cannot be done, or why it was completed without evidence.")
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("plan task")
        verbose_name_plural = _("plan tasks")
        ordering = ("plan", "order")
        indexes = (
            models.Index(
                fields=("next_due",),
                name="plan_task_open_due",
                condition=models.Q(status__in=("not_started", "in_progress")),
            ),
            models.Index(fields=("lead_unit", "status"), name="plan_task_lead_status"),
        )

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.is_open and self.next_due is not None and self.next_due < today

    @property
    def checkins(self) -> list[date]:
        return [date.fromisoformat(d) for d in self.checkin_dates]


def evidence_path(instance: Evidence, filename: str) -> str:
    # The stored name is random; the extension is the sniffed type's, never the uploader's.
    suffix = PurePosixPath(filename).suffix.lower()
    return f"plans/evidence/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class Evidence(models.Model):
    """A file or a link that proves a task was done ("hồ sơ chứng minh")."""

    class Kind(models.TextChoices):
        FILE = "file", _("File")
        LINK = "link", _("Link")

    task = models.ForeignKey(Task, models.CASCADE, related_name="evidence", verbose_name=_("task"))
    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(_("file"), upload_to=evidence_path, blank=True)
    url = models.URLField(_("link"), max_length=1000, blank=True)
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    content_type = models.CharField(_("content type"), max_length=120, blank=True)
    size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("added by"))
    added_at = models.DateTimeField(_("added at"), default=timezone.now)
    removed_at = models.DateTimeField(_("removed at"), null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("removed by")
    )

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ("added_at", "id")

    def __str__(self) -> str:
        return self.title


class Comment(models.Model):
    task = models.ForeignKey(Task, models.CASCADE, related_name="comments", verbose_name=_("task"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("author"))
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ("created_at", "id")

    def __str__(self) -> str:
        return self.body[:60]


class TaskEvent(models.Model):
    """Append-only history of a task: who changed what, when and why. Never edited, never deleted."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Created")
        EDITED = "edited", _("Edited")
        ASSIGNED = "assigned", _("Assigned")
        PROGRESS = "progress", _("Progress reported")
        STATUS = "status", _("Status changed")
        EVIDENCE_ADDED = "evidence_added", _("Evidence added")
        EVIDENCE_REMOVED = "evidence_removed", _("Evidence removed")
        COMMENTED = "commented", _("Commented")
        REMINDED = "reminded", _("Reminder sent")

    task = models.ForeignKey(Task, models.CASCADE, related_name="events", verbose_name=_("task"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    from_status = models.CharField(_("from"), max_length=16, choices=TaskStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=16, choices=TaskStatus.choices, blank=True)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), null=True, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
        help_text=_("Empty when the system acted (a reminder)."),
    )
    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    note = models.TextField(_("note"), blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    # A reminder's identity ("2026-11-30:before-2"); unique per task so a reminder is sent once.
    key = models.CharField(_("key"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("task event")
        verbose_name_plural = _("task history")
        ordering = ("at", "id")
        constraints = (
            models.UniqueConstraint(
                fields=("task", "key"), condition=~models.Q(key=""), name="plan_task_reminder_once"
            ),
        )

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.get_kind_display()}"


class Target(models.Model):
    """A measurable commitment of the plan, e.g. satisfaction ≥ 87 %."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="targets", verbose_name=_("plan"))
    order = models.PositiveIntegerField(_("order"), default=0)
    text = models.TextField(_("text"), help_text=_("The sentence of the plan that states the target."))
    indicator = models.CharField(
        _("indicator code"),
        max_length=30,
        choices=Indicator.choices,
        blank=True,
        help_text=_("Links the target to a live indicator; leave empty when there is none."),
    )
    target_value = models.DecimalField(_("target (%)"), max_digits=6, decimal_places=2)
    actual_value = models.DecimalField(_("actual (%)"), max_digits=6, decimal_places=2, null=True, blank=True)
    actual_source = models.CharField(
        _("source of the actual value"), max_length=255, blank=True, help_text=_("e.g. Báo cáo quý III của Văn phòng")
    )
    actual_on = models.DateField(_("actual as of"), null=True, blank=True)

    class Meta:
        verbose_name = _("plan target")
        verbose_name_plural = _("plan targets")
        ordering = ("plan", "order")

    def __str__(self) -> str:
        return f"{self.get_indicator_display() or self.text[:60]} ≥ {self.target_value}%"

    @property
    def met(self) -> bool | None:
        return None if self.actual_value is None else self.actual_value >= self.target_value


class ImportDraft(models.Model):
    """An uploaded plan document waiting for the officer's corrections and confirmation.

    Nothing of the plan exists until the officer confirms; the draft holds the file and what the
    importer recognised, and is deleted on confirmation (or after a day by the cleanup task).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Reading the document")
        READY = "ready", _("Ready for checking")
        FAILED = "failed", _("Could not be read")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    unit = models.ForeignKey(Unit, models.CASCADE, related_name="+", verbose_name=_("issuing unit"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    filename = models.CharField(_("file name"), max_length=255)
    content = models.BinaryField(_("content"))
    kind = models.CharField(_("file type"), max_length=10, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    message = models.TextField(_("message"), blank=True)
    parsed = models.JSONField(_("recognised structure"), default=dict, blank=True)
    ocr_pages = models.JSONField(_("pages read by OCR"), default=list, blank=True)

    class Meta:
        verbose_name = _("plan import draft")
        verbose_name_plural = _("plan import drafts")
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return self.filename
