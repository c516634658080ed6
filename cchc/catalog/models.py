"""The department's procedure catalogue (danh mục TTHC) and each procedure's internal process."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.postgres.indexes import GinIndex
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cchc.lib.vntext import fold
from cchc.org.models import Unit
from cchc.org.roles import Role


class TimeUnit(models.TextChoices):
    WORKING_DAYS = "working_days", _("working days")
    DAYS = "days", _("days")
    HOURS = "hours", _("working hours")


class OnlineLevel(models.TextChoices):
    FULL = "full", _("Fully online")
    PARTIAL = "partial", _("Partly online")
    NONE = "none", _("Not online")


class DocumentKind(models.TextChoices):
    ORIGINAL = "original", _("Original")
    COPY = "copy", _("Copy")
    CERTIFIED_COPY = "certified_copy", _("Certified copy")
    ELECTRONIC = "electronic", _("Electronic copy")


class Procedure(models.Model):
    """An administrative procedure (thủ tục hành chính) the department handles."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("In force")
        SUSPENDED = "suspended", _("Suspended")

    code = models.CharField(
        _("procedure code"),
        max_length=20,
        unique=True,
        help_text=_(
            "National code from the national procedure database (e.g. 1.004567); TAM-… for a procedure "
            "not yet matched with it."
        ),
    )
    name = models.CharField(_("name"), max_length=500)
    name_folded = models.CharField(max_length=500, editable=False, default="")
    field = models.CharField(_("field"), max_length=200, help_text=_("Lĩnh vực, e.g. An toàn bức xạ và hạt nhân"))
    level = models.CharField(_("level"), max_length=50, default="Cấp tỉnh")
    time_limit = models.DecimalField(
        _("legal time limit"), max_digits=6, decimal_places=1, validators=[MinValueValidator(Decimal(0))]
    )
    time_unit = models.CharField(_("time unit"), max_length=20, choices=TimeUnit.choices, default=TimeUnit.WORKING_DAYS)
    time_limit_text = models.CharField(_("time limit as published"), max_length=500, blank=True)
    shortened_time_limit = models.DecimalField(
        _("department's time limit"),
        max_digits=6,
        decimal_places=1,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("The shortened limit the department commits to; the dossier's due date uses it."),
    )
    online_level = models.CharField(
        _("online service level"), max_length=10, choices=OnlineLevel.choices, default=OnlineLevel.NONE
    )
    legal_basis = models.TextField(_("legal basis"), blank=True, help_text=_("One document per line."))
    result_name = models.CharField(_("result"), max_length=300, blank=True)
    handling_unit = models.ForeignKey(Unit, models.PROTECT, related_name="procedures", verbose_name=_("handling unit"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    national_code_confirmed = models.BooleanField(
        _("national code confirmed"), default=True, help_text=_("Off for a provisional TAM-… code.")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("procedure")
        verbose_name_plural = _("procedures")
        ordering = ("field", "name")
        indexes = (GinIndex(fields=["name_folded"], name="procedure_name_trgm", opclasses=["gin_trgm_ops"]),)

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_folded = fold(f"{self.name} {self.field} {self.code}")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def time_is_cut(self) -> bool:
        return self.shortened_time_limit < self.time_limit

    @property
    def cut_percent(self) -> int:
        if not self.time_limit:
            return 0
        return round(100 * (self.time_limit - self.shortened_time_limit) / self.time_limit)

    @property
    def legal_basis_lines(self) -> list[str]:
        return [line.strip() for line in self.legal_basis.splitlines() if line.strip()]


class Fee(models.Model):
    procedure = models.ForeignKey(Procedure, models.CASCADE, related_name="fees", verbose_name=_("procedure"))
    name = models.CharField(_("fee"), max_length=300)
    amount_vnd = models.PositiveBigIntegerField(_("amount (VND)"), default=0)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("fee or charge")
        verbose_name_plural = _("fees and charges")
        ordering = ("procedure", "id")

    def __str__(self) -> str:
        return self.name


class RequiredDocument(models.Model):
    """A document the applicant must submit (thành phần hồ sơ)."""

    procedure = models.ForeignKey(
        Procedure, models.CASCADE, related_name="required_documents", verbose_name=_("procedure")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("document"), max_length=500)
    kind = models.CharField(_("form"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.ORIGINAL)
    count = models.PositiveSmallIntegerField(_("number of copies"), default=1)
    template_name = models.CharField(_("form template"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")
        ordering = ("procedure", "order")

    def __str__(self) -> str:
        return self.name


class ProcessStep(models.Model):
    """One step of the department's internal process for a procedure, with its working-day quota."""

    procedure = models.ForeignKey(Procedure, models.CASCADE, related_name="steps", verbose_name=_("procedure"))
    order = models.PositiveSmallIntegerField(_("order"))
    name = models.CharField(_("step"), max_length=300)
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="+", verbose_name=_("unit"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    days = models.DecimalField(
        _("working days allotted"), max_digits=5, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )

    class Meta:
        verbose_name = _("process step")
        verbose_name_plural = _("process steps")
        ordering = ("procedure", "order")
        constraints = (models.UniqueConstraint(fields=("procedure", "order"), name="step_order_unique"),)

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"
