"""The administrator's corrections to the statutory calendar."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CalendarOverride(models.Model):
    """A day the government decided differently from the statutory rules. The override wins.

    Typical entries: the yearly swap of a working day with a Saturday (one "day off" row and one
    "make-up working day" row), an extra day off, or a projected holiday that does not apply.
    """

    class Kind(models.TextChoices):
        DAY_OFF = "day_off", _("Extra day off")
        WORKDAY = "workday", _("Make-up working day")
        NOT_HOLIDAY = "not_holiday", _("Removed holiday")

    day = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("description"), max_length=200, help_text=_("e.g. Nghỉ bù Tết Dương lịch"))
    legal_basis = models.CharField(
        _("legal basis"),
        max_length=300,
        help_text=_("The decision or notice that set this day, e.g. Thông báo số 6150/TB-LĐTBXH."),
    )
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        verbose_name = _("calendar override")
        verbose_name_plural = _("calendar overrides")
        ordering = ("day",)

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} — {self.get_kind_display()}: {self.name}"
