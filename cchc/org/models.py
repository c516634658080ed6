"""Units of the department, the people who work in them, and who holds which role where."""

from __future__ import annotations

from typing import ClassVar

from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cchc.lib.vntext import fold
from cchc.org.roles import Role


class Unit(models.Model):
    """A unit of the department: the department itself, its office, divisions, sub-departments, centres.

    `path` is a materialised path ("0001.0004.") so that "this unit and everything below it" is one
    indexed prefix query on both SQLite and PostgreSQL. Only services.unit_* maintain it.
    """

    class Kind(models.TextChoices):
        DEPARTMENT = "department", _("Department")
        OFFICE = "office", _("Office")
        INSPECTORATE = "inspectorate", _("Inspectorate")
        DIVISION = "division", _("Division")
        SUB_DEPARTMENT = "sub_department", _("Sub-department")
        CENTRE = "centre", _("Centre")
        ONE_STOP_DESK = "one_stop_desk", _("One-stop desk")
        EXTERNAL = "external", _("External body")

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    code = models.CharField(
        _("identifier code"),
        max_length=40,
        unique=True,
        validators=[
            RegexValidator(
                r"^[A-Z0-9]{1,6}(\.[A-Z0-9]{1,6}){0,5}$",
                _("Use the official identifier code: letters A–Z, digits and dots, e.g. 000.00.26.H56."),
            )
        ],
        help_text=_(
            "Official identifier code of the body (QCVN 102:2016/BTTTT), e.g. 000.00.26.H56. "
            "Dossier codes begin with it."
        ),
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("parent unit")
    )
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    order = models.PositiveSmallIntegerField(_("display order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)
    name_folded = models.CharField(max_length=255, editable=False, default="")

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ("path",)

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def depth(self) -> int:
        return self.path.count(".") - 1 if self.path else 0


class User(AbstractUser):
    """A person who signs in: staff of the department, or an appraiser of the Department of Home Affairs."""

    full_name = models.CharField(_("full name"), max_length=150)
    position = models.CharField(_("position"), max_length=150, blank=True, help_text=_("e.g. Chuyên viên"))
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    unit = models.ForeignKey(
        Unit,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("unit"),
        help_text=_("The unit the person works in."),
    )

    REQUIRED_FIELDS: ClassVar[list[str]] = ["email", "full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ("username",)

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_full_name(self) -> str:
        return self.full_name or self.username

    def get_short_name(self) -> str:
        return (self.full_name.split() or [self.username])[-1]


class Membership(models.Model):
    """A role a user holds in a unit; it covers the unit and all units below it."""

    user = models.ForeignKey(User, models.CASCADE, related_name="memberships", verbose_name=_("user"))
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="memberships", verbose_name=_("unit"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = (models.UniqueConstraint(fields=("user", "unit", "role"), name="membership_unique"),)
        ordering = ("unit__path", "role")

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.unit}"
