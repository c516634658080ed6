"""Background delivery of notifications."""

from urllib.parse import urljoin

from django.conf import settings
from django.tasks import task

from cchc.notifications.channels import send_email
from cchc.notifications.services import notification_claim_for_email, notification_release_email_claim


@task()
def email_notification(notification_id: int) -> bool:
    """E-mail one notification. Claims it first, so two workers never send it twice."""
    notification = notification_claim_for_email(notification_id=notification_id)
    if notification is None:
        return False
    body = notification.body
    if notification.url:
        body = f"{body}\n\n{urljoin(getattr(settings, 'CCHC_BASE_URL', ''), notification.url)}".strip()
    try:
        send_email(to=notification.recipient.email, subject=notification.title, body=body)
    except Exception:
        notification_release_email_claim(notification_id=notification_id)
        raise
    return True
