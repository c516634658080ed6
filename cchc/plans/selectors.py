"""Reads of plans and tasks, filtered by the asking person's scope, and what each person may do.

Who may do what (DESIGN.md, issue 4), on top of org/scope.py:

* the CCHC officer edits the plan of the units in their scope (sections, tasks, targets, status);
* the director and the appraiser read every plan of their scope;
* the head of a task's lead unit updates its progress and status;
* staff (head, specialist) of the lead or a co-ordinating unit read the task, comment and attach
  evidence — once the plan is in force; a draft plan is the office's business only.

A task outside the person's reading scope is a 404 (its existence is not revealed); a plan page
they may not read, or an action they may not take on a task they can read, is a 403.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, F, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from cchc.org.models import Unit, User
from cchc.org.roles import Role
from cchc.org.scope import scope_for
from cchc.plans.models import (
    OPEN_STATUSES,
    Evidence,
    ImportDraft,
    Plan,
    PlanStatus,
    Section,
    Target,
    Task,
    TaskEvent,
    TaskStatus,
)

PLAN_READERS = (Role.CCHC_OFFICER, Role.DIRECTOR, Role.APPRAISER)
UNIT_STAFF = (Role.UNIT_HEAD, Role.SPECIALIST)


# --- permissions -----------------------------------------------------------------------------------


def can_read_plan(user: Any, plan: Plan) -> bool:
    return scope_for(user).can(plan.unit_id, *PLAN_READERS)


def can_edit_plan(user: Any, plan: Plan) -> bool:
    return scope_for(user).can(plan.unit_id, Role.CCHC_OFFICER)


def can_import_plans(user: Any) -> bool:
    return scope_for(user).has_role(Role.CCHC_OFFICER)


def import_units(user: Any) -> QuerySet[Unit]:
    """Units whose plans the person may import: the top units of their CCHC officer scope."""
    covered = scope_for(user).units(Role.CCHC_OFFICER)
    return Unit.objects.filter(pk__in=covered).exclude(parent__in=covered).order_by("path")


@dataclass(frozen=True, slots=True)
class TaskAccess:
    read: bool = False
    update: bool = False  # progress, status: the lead unit's head
    contribute: bool = False  # attach evidence
    comment: bool = False
    edit: bool = False  # title, units, deadline: the CCHC officer
    reopen: bool = False
    assign: bool = False


NO_ACCESS = TaskAccess()


def task_access(user: Any, task: Task) -> TaskAccess:
    scope = scope_for(user)
    plan = task.plan
    in_force = plan.status == PlanStatus.IN_FORCE
    reader = scope.can(plan.unit_id, *PLAN_READERS)
    editor = scope.can(plan.unit_id, Role.CCHC_OFFICER)
    lead_head = in_force and scope.can(task.lead_unit_id, Role.UNIT_HEAD)
    involved = [task.lead_unit_id, *(u.pk for u in task.coordinating_units.all())]
    staff = plan.status != PlanStatus.DRAFT and any(scope.can(u, *UNIT_STAFF) for u in involved)
    if not (reader or staff):
        return NO_ACCESS
    return TaskAccess(
        read=True,
        update=lead_head,
        contribute=in_force and (staff or editor),
        comment=in_force and (staff or editor or scope.can(plan.unit_id, Role.DIRECTOR)),
        edit=editor and plan.status != PlanStatus.CLOSED,
        reopen=in_force and (editor or lead_head),
        assign=lead_head,
    )


def task_list_visible(user: Any) -> QuerySet[Task]:
    """Every task the person may read."""
    scope = scope_for(user)
    readable_plans = scope.units(*PLAN_READERS)
    staff_units = scope.units(*UNIT_STAFF)
    unit_tasks = Q(lead_unit__in=staff_units) | Q(coordinating_units__in=staff_units)
    return (
        Task.objects.filter(Q(plan__unit__in=readable_plans) | (unit_tasks & ~Q(plan__status=PlanStatus.DRAFT)))
        .distinct()
        .select_related("plan", "lead_unit", "section")
    )


# --- plans -----------------------------------------------------------------------------------------


def plan_list_for_user(*, user: Any) -> QuerySet[Plan]:
    units = scope_for(user).units(*PLAN_READERS)
    return Plan.objects.filter(unit__in=units).select_related("unit").annotate(task_count=Count("tasks"))


def plan_get_for_user(*, user: Any, pk: int) -> Plan:
    plan = Plan.objects.select_related("unit").filter(pk=pk).first()
    if plan is None:
        raise Http404
    if not can_read_plan(user, plan):
        raise PermissionDenied
    return plan


def plan_get_for_edit(*, user: Any, pk: int) -> Plan:
    plan = plan_get_for_user(user=user, pk=pk)
    if not can_edit_plan(user, plan):
        raise PermissionDenied
    return plan


def plan_current_for_user(*, user: Any) -> Plan | None:
    """The plan a reader most likely wants: this year's in force, else the latest."""
    plans = plan_list_for_user(user=user)
    year = timezone.localdate().year
    return plans.filter(year=year, status=PlanStatus.IN_FORCE).first() or plans.order_by("-year", "-pk").first()


@dataclass(slots=True)
class Filters:
    area: str = ""
    unit: int | None = None
    status: str = ""
    overdue: bool = False

    @property
    def active(self) -> bool:
        return bool(self.area or self.unit or self.status or self.overdue)

    def apply(self, tasks: QuerySet[Task], today: date) -> QuerySet[Task]:
        if self.area:
            tasks = tasks.filter(area=self.area)
        if self.unit:
            tasks = tasks.filter(Q(lead_unit=self.unit) | Q(coordinating_units=self.unit)).distinct()
        if self.status:
            tasks = tasks.filter(status=self.status)
        if self.overdue:
            tasks = tasks.filter(status__in=OPEN_STATUSES, next_due__lt=today)
        return tasks


@dataclass(slots=True)
class Progress:
    total: int = 0
    percent: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    overdue: int = 0

    def add(self, task: Task, today: date) -> None:
        self.total += 1
        self.counts[task.status] = self.counts.get(task.status, 0) + 1
        self.overdue += task.is_overdue(today)

    def merge(self, other: Progress) -> None:
        self.total += other.total
        self.overdue += other.overdue
        for key, count in other.counts.items():
            self.counts[key] = self.counts.get(key, 0) + count

    def finish(self, progress_sum: int) -> None:
        self.percent = round(progress_sum / self.total) if self.total else 0

    @property
    def done(self) -> int:
        return self.counts.get(TaskStatus.DONE, 0) + self.counts.get(TaskStatus.DONE_LATE, 0)


@dataclass(slots=True)
class TreeNode:
    section: Section
    depth: int
    tasks: list[Task] = field(default_factory=list)
    children: list[TreeNode] = field(default_factory=list)
    progress: Progress = field(default_factory=Progress)


@dataclass(slots=True)
class PlanTree:
    roots: list[TreeNode]
    progress: Progress
    shown_tasks: int

    def rows(self) -> list[tuple[str, Any, int]]:
        """("section", node, depth) and ("task", task, depth) in document order, for the tree table."""
        out: list[tuple[str, Any, int]] = []

        def visit(node: TreeNode) -> None:
            out.append(("section", node, node.depth))
            out.extend(("task", task, node.depth + 1) for task in node.tasks)
            for child in node.children:
                visit(child)

        for root in self.roots:
            visit(root)
        return out


def plan_tree(*, plan: Plan, filters: Filters | None = None, today: date | None = None) -> PlanTree:
    """Sections and their tasks with progress rolled up; with filters, only matching tasks and the
    sections above them."""
    today = today or timezone.localdate()
    filters = filters or Filters()
    sections = list(plan.sections.order_by("order"))
    tasks = filters.apply(
        plan.tasks.select_related("lead_unit").annotate(
            evidence_count=Count("evidence", filter=Q(evidence__removed_at=None))
        ),
        today,
    ).order_by("order")
    nodes = {s.pk: TreeNode(section=s, depth=0) for s in sections}
    for task in tasks:
        nodes[task.section_id].tasks.append(task)
    roots: list[TreeNode] = []
    for section in sections:
        node = nodes[section.pk]
        if section.parent_id and section.parent_id in nodes:
            nodes[section.parent_id].children.append(node)
        else:
            roots.append(node)
    total, progress_sum = _roll_up(roots, 0, today)
    total.finish(progress_sum)
    if filters.active:
        roots = _prune(roots)
    return PlanTree(roots=roots, progress=total, shown_tasks=total.total)


def _roll_up(nodes: Iterable[TreeNode], depth: int, today: date) -> tuple[Progress, int]:
    """The combined progress of `nodes` (their tasks and everything below) and the sum of the tasks'
    percentages, setting each node's own figures on the way."""
    combined, combined_sum = Progress(), 0
    for node in nodes:
        node.depth = depth
        node_sum = 0
        for task in node.tasks:
            node.progress.add(task, today)
            node_sum += task.progress
        below, below_sum = _roll_up(node.children, depth + 1, today)
        node.progress.merge(below)
        node_sum += below_sum
        node.progress.finish(node_sum)
        combined.merge(node.progress)
        combined_sum += node_sum
    return combined, combined_sum


def _prune(nodes: list[TreeNode]) -> list[TreeNode]:
    kept = []
    for node in nodes:
        node.children = _prune(node.children)
        if node.tasks or node.children:
            kept.append(node)
    return kept


# --- tasks -----------------------------------------------------------------------------------------


def task_get_for_user(*, user: Any, pk: int) -> tuple[Task, TaskAccess]:
    task = (
        Task.objects.select_related("plan", "plan__unit", "section", "section__parent", "lead_unit")
        .prefetch_related("coordinating_units", "assignees")
        .filter(pk=pk)
        .first()
    )
    if task is None:
        raise Http404
    access = task_access(user, task)
    if not access.read:
        raise Http404
    return task, access


def task_detail(task: Task) -> dict[str, Any]:
    return {
        "evidence": list(task.evidence.filter(removed_at=None).select_related("added_by")),
        "comments": list(task.comments.select_related("author")),
        "events": list(task.events.select_related("actor").order_by("-at", "-id")),
    }


def my_unit_tasks(*, user: Any, filters: Filters | None = None, today: date | None = None) -> QuerySet[Task]:
    """Tasks led or co-ordinated by the person's units (head or specialist), in plans in force,
    the nearest due first; ended tasks last."""
    today = today or timezone.localdate()
    units = scope_for(user).units(*UNIT_STAFF)
    tasks: QuerySet[Task] = (
        Task.objects.filter(Q(lead_unit__in=units) | Q(coordinating_units__in=units) | Q(assignees=user))
        .filter(plan__status=PlanStatus.IN_FORCE)
        .distinct()
        .select_related("plan", "lead_unit", "section")
        .annotate(evidence_count=Count("evidence", filter=Q(evidence__removed_at=None), distinct=True))
    )
    tasks = (filters or Filters()).apply(tasks, today)
    ended = Case(When(status__in=OPEN_STATUSES, then=Value(0)), default=Value(1), output_field=IntegerField())
    return tasks.annotate(ended=ended).order_by("ended", F("next_due").asc(nulls_last=True), "plan_id", "order")


def units_for_filter(*, plan: Plan | None = None, user: Any = None) -> QuerySet[Unit]:
    if plan is not None:
        ids = plan.tasks.exclude(lead_unit=None).values_list("lead_unit", flat=True)
        return Unit.objects.filter(pk__in=ids).order_by("path")
    return Unit.objects.filter(pk__in=scope_for(user).units(*UNIT_STAFF)).order_by("path")


def lead_unit_choices(*, plan_unit: Unit) -> QuerySet[Unit]:
    """Units that may lead a task of a plan issued by `plan_unit`: it and the units below it."""
    return Unit.objects.filter(path__startswith=plan_unit.path, is_active=True).order_by("path")


def unit_heads(unit: Unit | None) -> list[User]:
    """The heads of `unit`, or of the nearest unit above it that has one."""
    while unit is not None:
        heads = list(
            User.objects.filter(memberships__unit=unit, memberships__role=Role.UNIT_HEAD, is_active=True).distinct()
        )
        if heads:
            return heads
        unit = unit.parent
    return []


def evidence_get_for_user(*, user: Any, pk: int) -> tuple[Evidence, TaskAccess]:
    evidence = Evidence.objects.select_related("task", "task__plan").filter(pk=pk, removed_at=None).first()
    if evidence is None:
        raise Http404
    access = task_access(user, evidence.task)
    if not access.read:
        raise Http404
    return evidence, access


def target_get_for_edit(*, user: Any, pk: int) -> Target:
    target = Target.objects.select_related("plan").filter(pk=pk).first()
    if target is None:
        raise Http404
    if not can_edit_plan(user, target.plan):
        raise PermissionDenied
    return target


def section_get_for_edit(*, user: Any, pk: int) -> Section:
    section = Section.objects.select_related("plan").filter(pk=pk).first()
    if section is None:
        raise Http404
    if not can_edit_plan(user, section.plan):
        raise PermissionDenied
    return section


def draft_get_for_user(*, user: Any, pk: Any) -> ImportDraft:
    draft = ImportDraft.objects.select_related("unit").filter(pk=pk, created_by=user.pk).first()
    if draft is None:
        raise Http404  # someone else's draft: do not reveal that it exists
    return draft


def recent_events(task: Task, limit: int = 5) -> QuerySet[TaskEvent]:
    return task.events.select_related("actor").order_by("-at", "-id")[:limit]


def plan_prefetch_tasks(plan: Plan) -> QuerySet[Task]:
    return plan.tasks.select_related("lead_unit", "section").prefetch_related(
        "coordinating_units", Prefetch("evidence", queryset=Evidence.objects.filter(removed_at=None))
    )
