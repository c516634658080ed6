"""Presentation of task statuses: the colour of each status, and its icon."""

from typing import Any

from django import template
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cchc.plans.models import OPEN_STATUSES

register = template.Library()

_COLOURS = {
    "not_started": "secondary",
    "in_progress": "primary",
    "done": "success",
    "done_late": "warning",
    "cannot_be_done": "dark",
}
_ICONS = {
    "not_started": "circle",
    "in_progress": "arrow-repeat",
    "done": "check-circle-fill",
    "done_late": "check-circle",
    "cannot_be_done": "x-octagon",
}


@register.filter
def status_colour(status: str) -> str:
    """Bootstrap colour name of a task status: grey, blue, green, amber, dark."""
    return _COLOURS.get(status, "secondary")


@register.filter
def status_icon(status: str) -> str:
    return _ICONS.get(status, "circle")


_FIELD_LABELS = {
    "title": _("Title"),
    "description": _("Description"),
    "expected_output": _("Expected output"),
    "lead_unit": _("Lead unit"),
    "coordinating_units": _("Co-ordinating units"),
    "assignees": _("Assignees"),
    "recurrence": _("Rhythm"),
    "deadline": _("Deadline"),
    "checkin_dates": _("Check-in dates"),
}


@register.filter
def field_label(name: str) -> str:
    """The label of a task field named in a history entry."""
    return str(_FIELD_LABELS.get(name, name))


@register.inclusion_tag("plans/home_panels.html", takes_context=True)
def plan_home_panels(context: dict[str, Any]) -> dict[str, Any]:
    """The home page's plan panels: the unit's next tasks for its staff, the plan's progress for the
    officer, the director and the appraiser."""
    from cchc.plans import selectors  # the tag library is loaded before the models are ready

    user = context["user"]
    today = timezone.localdate()
    tasks = list(selectors.my_unit_tasks(user=user, today=today).filter(status__in=OPEN_STATUSES)[:5])
    plan = selectors.plan_current_for_user(user=user)
    tree = selectors.plan_tree(plan=plan, today=today) if plan is not None else None
    return {"tasks": tasks, "plan": plan, "tree": tree, "today": today, "request": context.get("request")}
