"""In-app notifications; each may also go out by e-mail, at most once."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """One message to one person about one event. (recipient, event_key) is unique, so the same
    event never notifies the same person twice, however often the caller retries."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="notifications", verbose_name=_("recipient")
    )
    event_key = models.CharField(
        _("event"), max_length=200, help_text=_("Identifies the event, e.g. plan-task:42:due-in-2")
    )
    title = models.CharField(_("title"), max_length=255)
    body = models.TextField(_("content"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    send_email = models.BooleanField(_("send e-mail"), default=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ("-created_at", "-id")
        constraints = (models.UniqueConstraint(fields=("recipient", "event_key"), name="notification_once_per_event"),)
        indexes = (
            models.Index(
                fields=("recipient", "created_at"),
                name="notification_unread",
                condition=models.Q(read_at=None),
            ),
        )

    def __str__(self) -> str:
        return self.title
