"""Notify people of events. Later capabilities call `notify()`; it is safe to call twice."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from cchc.notifications.models import Notification


def notify(
    *,
    recipients: Iterable[Any],
    event_key: str,
    title: str,
    body: str = "",
    url: str = "",
    email: bool = True,
) -> list[Notification]:
    """Create one in-app notification per recipient for this event and, after the surrounding
    transaction commits, e-mail it. A recipient already notified of `event_key` is skipped, so a
    retried job or a double click never sends the same message twice. Returns the new rows."""
    created: list[Notification] = []
    seen: set[int] = set()
    for user in recipients:
        if user is None or user.pk in seen or not user.is_active:
            continue
        seen.add(user.pk)
        try:
            with transaction.atomic():  # a savepoint: a duplicate must not spoil the caller's transaction
                notification, is_new = Notification.objects.get_or_create(
                    recipient=user,
                    event_key=event_key,
                    defaults={
                        "title": title[:255],
                        "body": body,
                        "url": url,
                        "send_email": email and bool(user.email),
                    },
                )
        except IntegrityError:
            continue  # a concurrent call created it first
        if is_new:
            created.append(notification)
            if notification.send_email:
                transaction.on_commit(_email_later(notification.pk))
    return created


def _email_later(notification_id: int) -> Callable[[], None]:
    from cchc.notifications.tasks import email_notification

    def enqueue() -> None:
        email_notification.enqueue(notification_id=notification_id)

    return enqueue


def notification_claim_for_email(*, notification_id: int) -> Notification | None:
    """Mark the notification as e-mailed, if nobody did yet. Returns it when this caller won."""
    claimed = Notification.objects.filter(pk=notification_id, emailed_at__isnull=True, send_email=True).update(
        emailed_at=timezone.now()
    )
    if claimed != 1:
        return None
    return Notification.objects.select_related("recipient").get(pk=notification_id)


def notification_release_email_claim(*, notification_id: int) -> None:
    """The e-mail could not be sent: let a retry claim it again."""
    Notification.objects.filter(pk=notification_id).update(emailed_at=None)


def notification_mark_read(*, user: Any, notification_id: int | None = None) -> int:
    """Mark one (or, without an id, all) of the user's notifications read. Returns how many changed."""
    queryset = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_id is not None:
        queryset = queryset.filter(pk=notification_id)
    return queryset.update(read_at=timezone.now())


def unread_count(*, user: Any) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
