"""The current moment, overridable for replaying history.

Services that record when something happened ask `clock.now()`. Migrating historical dossiers and
building the demo year replay real actions at past moments with `clock.at(moment)`; nothing else
overrides it.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from django.utils import timezone

_override: contextvars.ContextVar[datetime | None] = contextvars.ContextVar("cchc_clock", default=None)


def now() -> datetime:
    moment = _override.get()
    return moment if moment is not None else timezone.now()


@contextmanager
def at(moment: datetime) -> Iterator[None]:
    if timezone.is_naive(moment):
        msg = "clock.at() needs an aware datetime"
        raise ValueError(msg)
    token = _override.set(moment)
    try:
        yield
    finally:
        _override.reset(token)
