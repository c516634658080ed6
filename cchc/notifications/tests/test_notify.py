"""Notifications: in-app at once, e-mail after commit, never twice for the same event."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from cchc.notifications.models import Notification
from cchc.notifications.services import notify, unread_count
from cchc.notifications.tasks import email_notification
from cchc.org.models import User

pytestmark = pytest.mark.django_db


def _notify(*recipients: User, key: str = "plan-task:1:due-in-2") -> list[Notification]:
    return notify(
        recipients=recipients,
        event_key=key,
        title="Nhiệm vụ sắp đến hạn",
        body="Nhiệm vụ “Tuyên truyền CCHC” đến hạn sau 2 ngày làm việc.",
        url="/",
    )


def test_it_emails_after_commit_and_only_once(django_capture_on_commit_callbacks, unit_head: User) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        created = _notify(unit_head)
        assert mail.outbox == []  # nothing leaves before the transaction commits
    assert len(created) == 1
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [unit_head.email]
    assert mail.outbox[0].subject == "Nhiệm vụ sắp đến hạn"
    # The same event again (a retried job): no new notification, no second e-mail.
    with django_capture_on_commit_callbacks(execute=True):
        assert _notify(unit_head) == []
    assert len(mail.outbox) == 1
    # A second worker picking up the same e-mail job does nothing either.
    assert email_notification.call(notification_id=created[0].pk) is False
    assert len(mail.outbox) == 1


def test_nothing_is_sent_when_the_transaction_rolls_back(django_capture_on_commit_callbacks, unit_head: User) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _notify(unit_head)
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_people_without_e_mail_or_inactive_get_no_e_mail(
    django_capture_on_commit_callbacks, unit_head: User, specialist: User
) -> None:
    unit_head.email = ""
    unit_head.save()
    specialist.is_active = False
    specialist.save()
    with django_capture_on_commit_callbacks(execute=True):
        created = _notify(unit_head, specialist, unit_head)
    assert [n.recipient for n in created] == [unit_head]
    assert mail.outbox == []


def test_the_bell_counts_unread_and_reading_clears_it(client: Client, unit_head: User) -> None:
    note = _notify(unit_head)[0]
    client.force_login(unit_head)
    assert 'id="bell-count"' in client.get(reverse("notifications:bell")).content.decode()
    response = client.post(reverse("notifications:mark_read", args=[note.pk]))
    assert response.status_code == 302
    assert unread_count(user=unit_head) == 0


def test_nobody_reads_someone_elses_notification(client: Client, unit_head: User, outsider: User) -> None:
    note = _notify(unit_head)[0]
    client.force_login(outsider)
    client.post(reverse("notifications:mark_read", args=[note.pk]))
    note.refresh_from_db()
    assert note.read_at is None
    assert "Nhiệm vụ sắp đến hạn" not in client.get(reverse("notifications:inbox")).content.decode()


def test_mark_read_never_redirects_off_site(client: Client, unit_head: User) -> None:
    client.force_login(unit_head)
    response = client.post(reverse("notifications:mark_all_read"), {"next": "https://evil.example/"})
    assert response["Location"] == reverse("notifications:inbox")
