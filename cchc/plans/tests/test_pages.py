"""The plan pages: the tree with colours, progress and filters, "my unit's tasks", the task page
and its htmx forms, the import flow in the browser — and who gets a 403 or a 404."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cchc.plans import evidence, services
from cchc.plans.models import ImportDraft, Plan, Target, Task, TaskStatus
from cchc.plans.tests.conftest import SEED

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _as(client, person):
    client.force_login(person)
    return client


# --- the plan tree ---------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["cchc_officer", "director", "appraiser"])
def test_readers_see_the_plan_tree(plan, persona, request, client) -> None:
    response = _as(client, request.getfixturevalue(persona)).get(reverse("plans:detail", args=[plan.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "NỘI DUNG, NHIỆM VỤ CỤ THỂ" in html
    assert html.count('class="plan-task') == 34
    assert "Mức độ hài lòng của người dân, doanh nghiệp" in html  # a target


@pytest.mark.parametrize("persona", ["unit_head", "specialist", "officer", "outsider"])
def test_others_get_a_403_on_the_plan_page(plan, persona, request, client) -> None:
    response = _as(client, request.getfixturevalue(persona)).get(reverse("plans:detail", args=[plan.pk]))
    assert response.status_code == 403


def test_the_officer_sees_at_once_what_a_unit_head_did(plan, qlcng_task, unit_head, cchc_officer, client) -> None:
    services.task_report_progress(task=qlcng_task, actor=unit_head, progress=60)
    evidence.evidence_add_file(
        task=qlcng_task, actor=unit_head, upload=SimpleUploadedFile("qd.pdf", PDF), title="Quyết định"
    )
    services.task_complete(task=qlcng_task, actor=unit_head)
    html = _as(client, cchc_officer).get(reverse("plans:detail", args=[plan.pk])).content.decode()
    row = html.split(f'href="/ke-hoach/nhiem-vu/{qlcng_task.pk}/"')[0].rsplit("<tr", 1)[1]
    assert 'data-status="done_late"' in row or 'data-status="done"' in row
    after = html.split(f'href="/ke-hoach/nhiem-vu/{qlcng_task.pk}/"')[1].split("</tr>")[0]
    assert "text-bg-warning" in after or "text-bg-success" in after
    assert 'data-width="100"' in after
    assert "1 / 34" not in html
    assert "Đã hoàn thành 1/34 nhiệm vụ" in html


def test_the_tree_filters_by_area_unit_status_and_overdue(
    plan, qlcng_task, unit_head, cchc_officer, org, client
) -> None:
    services.task_report_progress(task=qlcng_task, actor=unit_head, progress=10)
    done = plan.tasks.get(section__label="3", section__parent__label="II", label="b")
    services.task_complete(task=done, actor=unit_head, no_evidence_reason="Đã tích hợp, không có văn bản riêng.")
    client = _as(client, cchc_officer)
    url = reverse("plans:detail", args=[plan.pk])

    def shown(**params) -> int:
        response = client.get(url, params, **HX)
        assert response.status_code == 200
        assert "<html" not in response.content.decode()  # the partial only
        return response.content.decode().count('class="plan-task')

    assert shown(area="public_finance") == 5
    assert shown(unit=org["qlcng"].pk) == 7
    assert shown(status="in_progress") == 1
    assert shown(overdue="on") == 33  # every open task of the 2023 plan is past its deadline today
    assert shown(status="done_late") == 1
    assert shown(status="in_progress", area="direction") == 0


# --- my unit's tasks -------------------------------------------------------------------------------


def test_a_unit_head_sees_the_units_tasks_by_deadline(plan, qlcng_task, cchc_officer, unit_head, client) -> None:
    services.task_update(
        task=qlcng_task,
        actor=cchc_officer,
        title=qlcng_task.title,
        description="",
        expected_output="",
        lead_unit=qlcng_task.lead_unit,
        coordinating_units=[],
        recurrence="once",
        deadline=date(2023, 3, 31),
    )
    response = _as(client, unit_head).get(reverse("plans:my_tasks"))
    tasks = list(response.context["tasks"])
    assert len(tasks) == 7
    assert {t.lead_unit.short_name for t in tasks} == {"Phòng QLCNg"}
    assert tasks[0] == qlcng_task
    assert [t.next_due for t in tasks] == sorted(t.next_due for t in tasks)


def test_an_outsider_sees_none_of_them(plan, outsider, client) -> None:
    response = _as(client, outsider).get(reverse("plans:my_tasks"))
    assert response.status_code == 200
    assert list(response.context["tasks"]) == []
    assert "Đơn vị chưa có nhiệm vụ nào trong kế hoạch đang áp dụng." in response.content.decode()


# --- the task page ---------------------------------------------------------------------------------


def test_the_task_page_offers_the_head_the_updates(qlcng_task, unit_head, client) -> None:
    html = _as(client, unit_head).get(reverse("plans:task", args=[qlcng_task.pk])).content.decode()
    assert 'id="progress-form"' in html
    assert 'id="complete-form"' in html
    assert 'id="file-form"' in html
    assert "Lý do không có hồ sơ chứng minh" in html


def test_the_director_reads_the_task_without_update_forms(qlcng_task, director, client) -> None:
    html = _as(client, director).get(reverse("plans:task", args=[qlcng_task.pk])).content.decode()
    assert 'id="progress-form"' not in html
    assert 'id="file-form"' not in html
    assert 'id="comment-form"' in html


@pytest.mark.parametrize("persona", ["outsider", "officer"])
def test_a_task_outside_ones_scope_is_a_404(qlcng_task, persona, request, client) -> None:
    client = _as(client, request.getfixturevalue(persona))
    assert client.get(reverse("plans:task", args=[qlcng_task.pk])).status_code == 404
    response = client.post(reverse("plans:task_progress", args=[qlcng_task.pk]), {"progress": 50})
    assert response.status_code == 404
    qlcng_task.refresh_from_db()
    assert qlcng_task.status == TaskStatus.NOT_STARTED


def test_a_specialist_of_the_unit_gets_a_403_on_updates(qlcng_task, specialist, client) -> None:
    response = _as(client, specialist).post(reverse("plans:task_progress", args=[qlcng_task.pk]), {"progress": 50})
    assert response.status_code == 403
    qlcng_task.refresh_from_db()
    assert (qlcng_task.status, qlcng_task.progress) == (TaskStatus.NOT_STARTED, 0)


def test_progress_through_htmx(qlcng_task, unit_head, client) -> None:
    client = _as(client, unit_head)
    url = reverse("plans:task_progress", args=[qlcng_task.pk])
    bad = client.post(url, {"progress": 140}, **HX)
    assert bad.status_code == 200
    assert "Tiến độ là tỷ lệ phần trăm từ 0 đến 100." in bad.content.decode()
    assert 'id="progress-form"' in bad.content.decode()
    assert "<html" not in bad.content.decode()
    qlcng_task.refresh_from_db()
    assert qlcng_task.progress == 0
    good = client.post(url, {"progress": 30, "note": "Đang dự thảo"}, **HX)
    assert good["HX-Redirect"] == reverse("plans:task", args=[qlcng_task.pk])
    qlcng_task.refresh_from_db()
    assert (qlcng_task.status, qlcng_task.progress) == (TaskStatus.IN_PROGRESS, 30)


def test_completing_without_evidence_shows_why_not(qlcng_task, unit_head, client) -> None:
    response = _as(client, unit_head).post(reverse("plans:task_complete", args=[qlcng_task.pk]), {}, **HX)
    assert "Nhiệm vụ chưa có hồ sơ chứng minh." in response.content.decode()
    qlcng_task.refresh_from_db()
    assert qlcng_task.status == TaskStatus.NOT_STARTED


def test_a_forbidden_file_is_refused_on_the_page(qlcng_task, unit_head, client) -> None:
    upload = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00" + b"\x00" * 100)
    response = _as(client, unit_head).post(
        reverse("plans:evidence_upload", args=[qlcng_task.pk]), {"file": upload}, **HX
    )
    assert "Không nhận loại tệp này làm hồ sơ chứng minh" in response.content.decode()
    assert not qlcng_task.evidence.exists()


# --- the import flow -------------------------------------------------------------------------------


def _preview_data(form) -> dict[str, str]:
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None or v is False else ("on" if v is True else str(v))) for k, v in data.items()}
    data["issued_on"] = "30/12/2022"
    return data


def test_the_officer_imports_through_the_browser(cchc_officer, org, client) -> None:
    client = _as(client, cchc_officer)
    response = client.post(reverse("plans:import"), {"file": SimpleUploadedFile(SEED.name, SEED.read_bytes())})
    draft = ImportDraft.objects.get()
    assert response["Location"] == reverse("plans:import_preview", args=[draft.pk])
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Nhận dạng được 15 mục, 34 nhiệm vụ, 5 chỉ tiêu" in html
    assert "Toàn bộ nội dung văn bản đã được xếp vào cây kế hoạch." in html
    assert not Plan.objects.exists()
    form = page.context["form"]
    data = _preview_data(form)
    # The officer reuses last year's plan for 2026: the empty deadlines follow the year, the one
    # the text names ("hết năm 2023") must be corrected.
    data["year"] = "2026"
    for row in form.rows:
        if f"{row.key}-lead_all" in form.fields:
            data[f"{row.key}-lead_all"] = str(org["qlcng"].pk)
    url = reverse("plans:import_preview", args=[draft.pk])
    refused = client.post(url, data)
    assert "Ngày 31/12/2023 nằm ngoài năm của kế hoạch (2026)." in refused.content.decode()
    assert not Plan.objects.exists()
    named = next(r for r in form.rows if r.is_task and r.deadline is not None)
    data[f"{named.key}-deadline"] = "30/11/2026"
    response = client.post(url, data)
    plan = Plan.objects.get()
    assert response["Location"] == reverse("plans:detail", args=[plan.pk])
    assert plan.year == 2026
    assert plan.tasks.filter(lead_unit=org["qlcng"]).count() == 34
    assert {t.deadline for t in plan.tasks.all()} == {date(2026, 11, 30), date(2026, 12, 31)}
    assert plan.targets.count() == 5
    assert not ImportDraft.objects.exists()


def test_a_deadline_outside_the_year_is_marked_in_the_preview(cchc_officer, org, client) -> None:
    client = _as(client, cchc_officer)
    client.post(reverse("plans:import"), {"file": SimpleUploadedFile(SEED.name, SEED.read_bytes())})
    draft = ImportDraft.objects.get()
    form = client.get(reverse("plans:import_preview", args=[draft.pk])).context["form"]
    data = _preview_data(form)
    first = next(row for row in form.rows if row.is_task)
    data[f"{first.key}-deadline"] = "15/01/2024"
    response = client.post(reverse("plans:import_preview", args=[draft.pk]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ngày 15/01/2024 nằm ngoài năm của kế hoạch (2023)." in html
    assert "Chưa có gì được lưu." in html
    assert not Plan.objects.exists()


def test_a_file_that_is_not_a_plan_is_refused_on_the_page(cchc_officer, client) -> None:
    upload = SimpleUploadedFile("thu-moi.txt", "Thư mời họp giao ban.\nThời gian: 8 giờ.".encode())
    response = _as(client, cchc_officer).post(reverse("plans:import"), {"file": upload})
    assert response.status_code == 200
    assert "Tệp này không phải là kế hoạch CCHC" in response.content.decode()
    assert not ImportDraft.objects.exists()
    assert not Plan.objects.exists()


@pytest.mark.parametrize("persona", ["unit_head", "director", "outsider"])
def test_only_the_officer_opens_the_import(persona, request, client) -> None:
    response = _as(client, request.getfixturevalue(persona)).get(reverse("plans:import"))
    assert response.status_code == 403


def test_someone_elses_draft_is_a_404(cchc_officer, outsider, org, client) -> None:
    client = _as(client, cchc_officer)
    client.post(reverse("plans:import"), {"file": SimpleUploadedFile(SEED.name, SEED.read_bytes())})
    draft = ImportDraft.objects.get()
    client.force_login(outsider)
    assert client.get(reverse("plans:import_preview", args=[draft.pk])).status_code == 404
    assert client.post(reverse("plans:import_discard", args=[draft.pk])).status_code == 404


# --- the officer's edits and the report --------------------------------------------------------------


def test_the_officer_puts_the_plan_in_force_from_its_page(cchc_officer, org, client) -> None:
    from cchc.plans.tests.conftest import import_seed

    plan = import_seed(cchc_officer, org, in_force=False)
    response = _as(client, cchc_officer).post(reverse("plans:status", args=[plan.pk, "in_force"]), follow=True)
    plan.refresh_from_db()
    assert plan.status == "in_force"
    assert "Kế hoạch chuyển sang tình trạng" in response.content.decode()


def test_the_officer_enters_an_actual_value_with_its_source(plan, cchc_officer, client) -> None:
    target = plan.targets.get(indicator="satisfaction")
    url = reverse("plans:target_edit", args=[target.pk])
    client = _as(client, cchc_officer)
    refused = client.post(url, {"actual_value": "91,5", "actual_source": ""})
    assert "Hãy ghi nguồn của số liệu thực hiện" in refused.content.decode()
    target.refresh_from_db()
    assert target.actual_value is None
    client.post(url, {"actual_value": "91.5", "actual_source": "Khảo sát quý III", "actual_on": "30/09/2023"})
    target = Target.objects.get(pk=target.pk)
    assert (target.actual_value, target.actual_source, target.met) == (Decimal("91.5"), "Khảo sát quý III", True)


def test_a_unit_head_cannot_edit_targets_or_tasks(plan, qlcng_task, unit_head, client) -> None:
    client = _as(client, unit_head)
    target = plan.targets.first()
    assert client.post(reverse("plans:target_edit", args=[target.pk]), {"actual_value": "1"}).status_code == 403
    assert client.get(reverse("plans:task_edit", args=[qlcng_task.pk])).status_code == 403


@pytest.mark.parametrize(("fmt", "mime"), [("docx", "wordprocessingml"), ("xlsx", "spreadsheetml")])
def test_the_report_downloads(plan, director, client, fmt, mime) -> None:
    response = _as(client, director).get(reverse("plans:report", args=[plan.pk, fmt]), {"period": "q3"})
    assert response.status_code == 200
    assert mime in response["Content-Type"]
    assert f"bao-cao-ke-hoach-cchc-2023-q3.{fmt}" in response["Content-Disposition"]


def test_an_outsider_gets_no_report(plan, outsider, client) -> None:
    assert _as(client, outsider).get(reverse("plans:report", args=[plan.pk, "docx"])).status_code == 403


def test_the_home_page_shows_the_units_tasks_and_the_plans_progress(plan, unit_head, cchc_officer, client) -> None:
    html = _as(client, unit_head).get(reverse("home")).content.decode()
    assert "Nhiệm vụ của đơn vị" in html
    assert "Tiến độ kế hoạch CCHC" not in html
    html = _as(client, cchc_officer).get(reverse("home")).content.decode()
    assert "Tiến độ kế hoạch CCHC" in html
    assert "Đã hoàn thành 0/34 nhiệm vụ" in html


def test_only_open_tasks_count_as_overdue(plan, qlcng_task, unit_head) -> None:
    services.task_complete(task=qlcng_task, actor=unit_head, no_evidence_reason="Họp trực tiếp.")
    assert not Task.objects.get(pk=qlcng_task.pk).is_overdue()


def test_unit_staff_land_on_their_tasks_and_officers_on_the_plans(plan, unit_head, cchc_officer, client) -> None:
    response = _as(client, unit_head).get(reverse("plans:list"))
    assert response["Location"] == reverse("plans:my_tasks")
    html = _as(client, cchc_officer).get(reverse("plans:list")).content.decode()
    assert "64/KH-SKHCN" in html
    assert "Nhập văn bản kế hoạch" in html
