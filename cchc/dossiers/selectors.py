"""Reads of dossiers: what a person may see, their work queue, search, and the public lookup."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from cchc.core import clock
from cchc.dossiers.applicant import normalise_id, normalise_phone
from cchc.dossiers.models import Dossier
from cchc.dossiers.permissions import can_see, visible_filter
from cchc.dossiers.workflow import OPEN, Status
from cchc.lib.vntext import fold
from cchc.org.roles import Role
from cchc.org.scope import Scope, scope_for

SOON = timedelta(days=2)


def _base() -> QuerySet[Dossier]:
    return Dossier.objects.select_related("procedure", "current_unit", "handling_unit", "assignee")


def dossier_get_for_user(*, user: Any, code: str) -> Dossier:
    dossier = get_object_or_404(_base().select_related("rule_set", "unit"), code=code)
    if not can_see(user, dossier):
        raise PermissionDenied
    return dossier


@dataclass(frozen=True, slots=True)
class DossierFilters:
    query: str = ""  # code, applicant name, ID or phone
    procedure_id: int | None = None
    status: str = ""
    received_from: datetime | None = None
    received_to: datetime | None = None
    due_from: datetime | None = None
    due_to: datetime | None = None
    overdue: bool = False
    channel: str = ""


def dossier_list_for_user(*, user: Any, filters: DossierFilters | None = None) -> QuerySet[Dossier]:
    """Dossiers the user may see, newest first, narrowed by `filters` (accent-insensitive names)."""
    f = filters or DossierFilters()
    queryset = _base().filter(visible_filter(user))
    query = f.query.strip()
    if query:
        phone, id_number = normalise_phone(query), normalise_id(query)
        queryset = queryset.filter(
            Q(code__icontains=query)
            | Q(applicant_name_folded__contains=fold(query))
            | Q(applicant_id_number=id_number)
            | Q(applicant_phone=phone)
        )
    if f.procedure_id:
        queryset = queryset.filter(procedure_id=f.procedure_id)
    if f.status:
        queryset = queryset.filter(status=f.status)
    if f.channel:
        queryset = queryset.filter(channel=f.channel)
    if f.received_from:
        queryset = queryset.filter(received_at__gte=f.received_from)
    if f.received_to:
        queryset = queryset.filter(received_at__lte=f.received_to)
    if f.due_from:
        queryset = queryset.filter(due_at__gte=f.due_from)
    if f.due_to:
        queryset = queryset.filter(due_at__lte=f.due_to)
    if f.overdue:
        queryset = queryset.filter(
            closed_at__isnull=True, result_ready_at__isnull=True, paused_at__isnull=True, due_at__lt=clock.now()
        )
    return queryset.order_by("-submitted_at", "-id")


@dataclass(frozen=True, slots=True)
class WorkQueue:
    mine: list[Dossier]  # assigned to me, or at a step of my role in my units
    desk: dict[str, list[Dossier]]  # one-stop desk buckets: to receive, to transfer, to return, waiting
    overdue: int
    due_soon: int


def my_work(*, user: Any, limit: int = 200) -> WorkQueue:
    """The person's queue, ordered by due date: what is theirs to do now."""
    scope = scope_for(user)
    now = clock.now()
    open_statuses = [s.value for s in OPEN]
    handler_units = scope.units(Role.SPECIALIST, Role.UNIT_HEAD, Role.DIRECTOR)
    mine_q = Q(assignee=user) | Q(current_unit__in=handler_units, status__in=[Status.IN_PROGRESS])
    mine_q |= Q(consulted_unit__in=handler_units, status=Status.CONSULTING)
    candidates = (
        _base()
        .filter(mine_q, status__in=open_statuses)
        .exclude(status__in=[Status.RECEIVED, Status.RESULT_READY, Status.SUBMITTED])
        .order_by("due_at", "id")[: limit * 3]
    )
    mine = [d for d in candidates if _is_mine(scope, user, d)][:limit]
    desk: dict[str, list[Dossier]] = {}
    desk_units = scope.units(Role.ONE_STOP_OFFICER)
    if desk_units:
        at_desk = _base().filter(unit__in=desk_units)
        desk = {
            "receive": list(at_desk.filter(status=Status.SUBMITTED).order_by("submitted_at")[:limit]),
            "transfer": list(at_desk.filter(status=Status.RECEIVED).order_by("due_at")[:limit]),
            "return": list(at_desk.filter(status=Status.RESULT_READY).order_by("result_ready_at")[:limit]),
            "waiting": list(
                at_desk.filter(status__in=[Status.AWAITING_SUPPLEMENT, Status.AWAITING_PAYMENT]).order_by("due_at")[
                    :limit
                ]
            ),
        }
    everything = [*mine, *(d for bucket in desk.values() for d in bucket)]
    running = [
        d for d in everything if d.due_at and d.paused_at is None and d.closed_at is None and d.result_ready_at is None
    ]
    return WorkQueue(
        mine=mine,
        desk=desk,
        overdue=len({d.pk for d in running if d.due_at and d.due_at < now}),
        due_soon=len({d.pk for d in running if d.due_at and now <= d.due_at <= now + SOON}),
    )


def _is_mine(scope: Scope, user: Any, dossier: Dossier) -> bool:
    """Assigned to me; or at a step whose role I hold in its unit; or at my unit when I head it;
    or waiting for my unit's opinion. The director sees the steps the process gives the director."""
    if dossier.assignee_id == user.pk:
        return True
    if dossier.status == Status.CONSULTING:
        return scope.can(dossier.consulted_unit_id, Role.SPECIALIST, Role.UNIT_HEAD, Role.DIRECTOR)
    step = dossier.step()
    if step is None:
        return False
    unit_id = int(str(step["unit_id"]))
    return bool(scope.can(unit_id, Role(str(step["role"]))) or scope.can(unit_id, Role.UNIT_HEAD))


def dossier_get_public(*, code: str, secret: str) -> Dossier | None:
    """The dossier whose code and phone number (or ID number) both match; None otherwise.

    A wrong pair and an unknown code look the same to the caller, so the lookup reveals nothing
    about which dossier codes exist.
    """
    code = (code or "").strip().upper()  # codes are upper-case: an exact match uses the unique index
    secret = (secret or "").strip()
    if not code or not secret:
        return None
    phone, id_number = normalise_phone(secret), normalise_id(secret)
    return (
        Dossier.objects.select_related("procedure", "rule_set")
        .filter(code=code)
        .filter(Q(applicant_phone=phone) | Q(applicant_id_number=id_number))
        .first()
    )


@dataclass(frozen=True, slots=True)
class DossierSummary:
    open: int
    overdue: int
    received_this_month: int
    finished_this_year: int
    on_time_this_year: int

    @property
    def on_time_percent(self) -> float | None:
        if not self.finished_this_year:
            return None
        return round(100 * self.on_time_this_year / self.finished_this_year, 1)


def dossier_summary(*, user: Any) -> DossierSummary | None:
    """Counts for the home page, within the person's units (None when they see no dossiers)."""
    if not scope_for(user).units():
        return None
    now = clock.now()
    local = timezone.localtime(now)
    visible = Dossier.objects.filter(visible_filter(user))
    month_start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    year_start = month_start.replace(month=1)
    open_ = visible.filter(closed_at__isnull=True)
    finished = visible.filter(result_ready_at__gte=year_start)
    return DossierSummary(
        open=open_.count(),
        overdue=open_.filter(result_ready_at__isnull=True, paused_at__isnull=True, due_at__lt=now).count(),
        received_this_month=visible.filter(received_at__gte=month_start).count(),
        finished_this_year=finished.count(),
        on_time_this_year=finished.filter(finished_late=False).count(),
    )
