"""A unit head takes a task from not started to done; the rules on evidence, transitions and who
may do what — each refusal with its Vietnamese message and nothing changed."""

from datetime import date

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from cchc.core.errors import NotAllowed, RuleViolation
from cchc.plans import evidence, services
from cchc.plans.models import PlanStatus, Task, TaskEvent, TaskStatus
from cchc.plans.selectors import task_access

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _pdf(name: str = "bien-ban.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _state(task: Task) -> tuple[str, int, int]:
    task.refresh_from_db()
    return task.status, task.progress, task.events.count()


@time_machine.travel(date(2023, 5, 10))
def test_a_unit_head_takes_a_task_from_not_started_to_done_with_evidence(qlcng_task, unit_head) -> None:
    assert qlcng_task.status == TaskStatus.NOT_STARTED
    services.task_report_progress(task=qlcng_task, actor=unit_head, progress=40, note="Đã dự thảo kế hoạch.")
    qlcng_task.refresh_from_db()
    assert (qlcng_task.status, qlcng_task.progress) == (TaskStatus.IN_PROGRESS, 40)
    evidence.evidence_add_file(task=qlcng_task, actor=unit_head, upload=_pdf(), title="Quyết định ban hành")
    services.task_complete(task=qlcng_task, actor=unit_head, note="Đã ban hành.")
    qlcng_task.refresh_from_db()
    assert (qlcng_task.status, qlcng_task.progress, qlcng_task.completed_on) == (
        TaskStatus.DONE,
        100,
        date(2023, 5, 10),
    )
    history = [(e.kind, e.from_status, e.to_status, e.actor) for e in qlcng_task.events.order_by("id")]
    assert history == [
        (TaskEvent.Kind.CREATED, "", "not_started", history[0][3]),
        (TaskEvent.Kind.PROGRESS, "not_started", "in_progress", unit_head),
        (TaskEvent.Kind.EVIDENCE_ADDED, "", "", unit_head),
        (TaskEvent.Kind.STATUS, "in_progress", "done", unit_head),
    ]


@time_machine.travel(date(2024, 1, 5))
def test_completing_after_the_deadline_is_done_late(qlcng_task, unit_head) -> None:
    evidence.evidence_add_file(task=qlcng_task, actor=unit_head, upload=_pdf())
    services.task_complete(task=qlcng_task, actor=unit_head)
    qlcng_task.refresh_from_db()
    assert qlcng_task.status == TaskStatus.DONE_LATE


def test_a_task_without_evidence_is_not_done_unless_the_head_says_why(qlcng_task, unit_head) -> None:
    before = _state(qlcng_task)
    with pytest.raises(RuleViolation) as refused:
        services.task_complete(task=qlcng_task, actor=unit_head)
    assert refused.value.message.startswith("Nhiệm vụ chưa có hồ sơ chứng minh.")
    assert _state(qlcng_task) == before
    services.task_complete(
        task=qlcng_task, actor=unit_head, no_evidence_reason="Kết quả là cuộc họp, không có văn bản."
    )
    qlcng_task.refresh_from_db()
    assert qlcng_task.status in {TaskStatus.DONE, TaskStatus.DONE_LATE}
    assert qlcng_task.status_reason == "Kết quả là cuộc họp, không có văn bản."
    assert "Không có hồ sơ chứng minh: Kết quả là cuộc họp" in qlcng_task.events.last().note


def test_a_forbidden_transition_is_refused_and_changes_nothing(qlcng_task, unit_head) -> None:
    services.task_complete(task=qlcng_task, actor=unit_head, no_evidence_reason="Họp trực tiếp.")
    before = _state(qlcng_task)
    with pytest.raises(RuleViolation) as refused:
        services.task_mark_cannot_be_done(task=qlcng_task, actor=unit_head, reason="Thiếu kinh phí")
    assert refused.value.message.startswith("Nhiệm vụ đang ở tình trạng “Hoàn thành")
    with pytest.raises(RuleViolation, match="hãy mở lại trước khi báo cáo tiến độ"):
        services.task_report_progress(task=qlcng_task, actor=unit_head, progress=50)
    assert _state(qlcng_task) == before


def test_cannot_be_done_needs_a_reason_and_the_officer_can_reopen(qlcng_task, unit_head, cchc_officer) -> None:
    with pytest.raises(RuleViolation, match="Hãy ghi lý do không thể thực hiện"):
        services.task_mark_cannot_be_done(task=qlcng_task, actor=unit_head, reason="  ")
    assert _state(qlcng_task)[0] == TaskStatus.NOT_STARTED
    services.task_mark_cannot_be_done(task=qlcng_task, actor=unit_head, reason="Đề án chưa được UBND tỉnh phê duyệt.")
    qlcng_task.refresh_from_db()
    assert (qlcng_task.status, qlcng_task.status_reason) == (
        TaskStatus.CANNOT_BE_DONE,
        "Đề án chưa được UBND tỉnh phê duyệt.",
    )
    with pytest.raises(RuleViolation, match="Hãy ghi lý do mở lại"):
        services.task_reopen(task=qlcng_task, actor=cchc_officer, reason="")
    services.task_reopen(task=qlcng_task, actor=cchc_officer, reason="Đề án đã được phê duyệt.")
    qlcng_task.refresh_from_db()
    assert (qlcng_task.status, qlcng_task.status_reason) == (TaskStatus.IN_PROGRESS, "")


@pytest.mark.parametrize("progress", [-1, 101])
def test_progress_is_a_percentage(qlcng_task, unit_head, progress) -> None:
    before = _state(qlcng_task)
    with pytest.raises(RuleViolation, match="Tiến độ là tỷ lệ phần trăm từ 0 đến 100"):
        services.task_report_progress(task=qlcng_task, actor=unit_head, progress=progress)
    assert _state(qlcng_task) == before


def test_a_recurring_task_reports_each_check_in_once(qlcng_task, unit_head, cchc_officer) -> None:
    task = services.task_update(
        task=qlcng_task,
        actor=cchc_officer,
        title=qlcng_task.title,
        description="",
        expected_output="Báo cáo quý",
        lead_unit=qlcng_task.lead_unit,
        coordinating_units=[],
        recurrence="quarterly",
        deadline=None,
    )
    assert (task.deadline, task.next_due) == (date(2023, 12, 31), date(2023, 3, 31))
    with time_machine.travel(date(2023, 3, 20)):
        services.task_report_progress(task=task, actor=unit_head, progress=20)
        services.task_report_progress(task=task, actor=unit_head, progress=25)
    task.refresh_from_db()
    assert (task.covered_through, task.next_due) == (date(2023, 3, 31), date(2023, 6, 30))
    edited = task.events.get(kind=TaskEvent.Kind.EDITED)
    assert edited.changes["recurrence"] == ["Một lần, theo thời hạn", "Hằng quý"]


# --- who may do what -------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["specialist", "director", "appraiser", "cchc_officer", "outsider"])
def test_only_the_lead_units_head_updates_the_task(qlcng_task, persona, request) -> None:
    person = request.getfixturevalue(persona)
    before = _state(qlcng_task)
    with pytest.raises(NotAllowed, match="Chỉ lãnh đạo đơn vị chủ trì được cập nhật nhiệm vụ này"):
        services.task_report_progress(task=qlcng_task, actor=person, progress=10)
    with pytest.raises(NotAllowed):
        services.task_complete(task=qlcng_task, actor=person, no_evidence_reason="x")
    assert _state(qlcng_task) == before


def test_a_unit_head_updates_only_tasks_led_by_their_unit(other_task, unit_head) -> None:
    with pytest.raises(NotAllowed):
        services.task_report_progress(task=other_task, actor=unit_head, progress=10)
    assert not task_access(unit_head, other_task).read


def test_a_coordinating_unit_comments_and_attaches_but_does_not_update(qlcng_task, cchc_officer, outsider, org) -> None:
    assert not task_access(outsider, qlcng_task).read
    services.task_update(
        task=qlcng_task,
        actor=cchc_officer,
        title=qlcng_task.title,
        description=qlcng_task.description,
        expected_output="",
        lead_unit=qlcng_task.lead_unit,
        coordinating_units=[org["cctdc"]],
        recurrence="once",
        deadline=qlcng_task.deadline,
    )
    access = task_access(outsider, qlcng_task)
    assert (access.read, access.comment, access.contribute, access.update, access.edit) == (
        True,
        True,
        True,
        False,
        False,
    )
    services.comment_add(task=qlcng_task, actor=outsider, body="Chi cục đề xuất bổ sung 3 TTHC.")
    evidence.evidence_add_file(task=qlcng_task, actor=outsider, upload=_pdf("de-xuat.pdf"))
    with pytest.raises(NotAllowed):
        services.task_report_progress(task=qlcng_task, actor=outsider, progress=10)
    assert qlcng_task.comments.count() == 1
    assert qlcng_task.evidence.count() == 1


def test_the_director_and_the_appraiser_read_everything_and_change_nothing(plan, director, appraiser) -> None:
    for person in (director, appraiser):
        for task in plan.tasks.all():
            access = task_access(person, task)
            assert access.read
            assert not (access.update)
            assert not (access.edit)
            assert not (access.contribute)
            assert not (access.reopen)
    assert task_access(director, plan.tasks.first()).comment
    assert not task_access(appraiser, plan.tasks.first()).comment


def test_units_do_not_see_a_draft_plan(cchc_officer, org, unit_head) -> None:
    from cchc.plans.tests.conftest import import_seed

    draft = import_seed(cchc_officer, org, in_force=False)
    task = draft.tasks.get(section__label="3", section__parent__label="II", label="a")
    assert draft.status == PlanStatus.DRAFT
    assert not task_access(unit_head, task).read
    with pytest.raises(NotAllowed):
        services.task_report_progress(task=task, actor=unit_head, progress=10)


def test_a_closed_plan_changes_no_more(plan, qlcng_task, cchc_officer, unit_head) -> None:
    services.plan_set_status(plan=plan, actor=cchc_officer, status=PlanStatus.CLOSED)
    qlcng_task.refresh_from_db()
    before = _state(qlcng_task)
    with pytest.raises(NotAllowed):
        services.task_report_progress(task=qlcng_task, actor=unit_head, progress=10)
    with pytest.raises(NotAllowed):
        services.task_update(
            task=qlcng_task,
            actor=cchc_officer,
            title="Đổi tên",
            description="",
            expected_output="",
            lead_unit=None,
            coordinating_units=[],
            recurrence="once",
            deadline=None,
        )
    assert _state(qlcng_task) == before


def test_a_plan_goes_in_force_only_when_every_task_has_a_lead_unit(cchc_officer, org) -> None:
    from cchc.plans import importing, outline
    from cchc.plans.tests.conftest import SEED

    draft = importing.import_draft_create(
        actor=cchc_officer, unit=org["so"], filename="k.txt", content=SEED.read_bytes()
    )
    rows = importing.suggested_rows(outline.rows_from_parsed(draft.parsed), 2023)
    plan = importing.plan_import_confirm(
        draft=draft,
        actor=cchc_officer,
        header=importing.HeaderInput(number="64/KH-SKHCN", year=2023, title="Kế hoạch CCHC 2023"),
        rows=rows,
    )
    with pytest.raises(RuleViolation) as refused:
        services.plan_set_status(plan=plan, actor=cchc_officer, status=PlanStatus.IN_FORCE)
    assert refused.value.message.startswith("Còn 34 nhiệm vụ chưa có đơn vị chủ trì hoặc thời hạn (II.1.a, II.1.b")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    with pytest.raises(RuleViolation, match="không thể chuyển sang"):
        services.plan_set_status(plan=plan, actor=cchc_officer, status=PlanStatus.CLOSED)


def test_a_deadline_outside_the_year_is_refused_when_editing(qlcng_task, cchc_officer) -> None:
    before = (qlcng_task.deadline, qlcng_task.events.count())
    with pytest.raises(RuleViolation, match="Ngày 31/01/2024 nằm ngoài năm của kế hoạch"):
        services.task_update(
            task=qlcng_task,
            actor=cchc_officer,
            title=qlcng_task.title,
            description="",
            expected_output="",
            lead_unit=qlcng_task.lead_unit,
            coordinating_units=[],
            recurrence="once",
            deadline=date(2024, 1, 31),
        )
    qlcng_task.refresh_from_db()
    assert (qlcng_task.deadline, qlcng_task.events.count()) == before


def test_the_head_assigns_only_people_of_the_unit(qlcng_task, unit_head, specialist, outsider) -> None:
    services.task_assign(task=qlcng_task, actor=unit_head, assignees=[specialist])
    with pytest.raises(RuleViolation, match="không làm việc tại Phòng Quản lý Chuyên ngành"):
        services.task_assign(task=qlcng_task, actor=unit_head, assignees=[outsider])
    assert list(qlcng_task.assignees.all()) == [specialist]
