"""Delivery channels. E-mail goes through Django's mail backend (console by default, SMTP by
configuration); SMS is a pluggable class named in settings, logging to the console by default."""

from __future__ import annotations

import logging
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class SmsChannel(Protocol):
    def send(self, *, phone: str, text: str) -> None: ...


class ConsoleSms:
    """Writes the SMS to the log; replace with a provider's gateway via CCHC_SMS_CHANNEL."""

    def send(self, *, phone: str, text: str) -> None:
        logger.info("SMS to %s: %s", phone, text)


def sms_channel() -> SmsChannel:
    path = getattr(settings, "CCHC_SMS_CHANNEL", "cchc.notifications.channels.ConsoleSms")
    channel: SmsChannel = import_string(path)()
    return channel


def send_email(*, to: str, subject: str, body: str) -> None:
    send_mail(subject=subject, message=body, from_email=None, recipient_list=[to], fail_silently=False)
