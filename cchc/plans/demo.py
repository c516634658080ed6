"""The demo department's reform plan: the seed plan (the 2023 plan of a Department of Science and
Technology, as OCR text) imported through the services, the way the CCHC officer would.

The plan is dated the current year so that its deadlines and reminders are live. The officer's
corrections are data below: the titles the OCR garbled, the lead units, the rhythms and deadlines.
Then the units work: the head of the specialised-management division (the `truongphong` persona)
reports progress, attaches evidence and completes tasks; one of its tasks is left overdue.
Idempotent: nothing happens when the plan exists.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import docx
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from openpyxl import Workbook

from cchc.core.audit import acting_as
from cchc.org.models import Unit, User
from cchc.plans import evidence, importing, outline, services
from cchc.plans.models import Plan, PlanStatus, Recurrence, Task

SEED = Path(__file__).resolve().parent / "importers" / "samples" / "ke_hoach_cchc_2023_skhcn.txt"
NUMBER = "64/KH-SKHCN"

# Section titles the officer corrects (what the OCR left of "về", "cơ chế một cửa" …).
SECTION_TITLES = {
    "II.1": "Công tác chỉ đạo, điều hành và tuyên truyền về CCHC",
    "II.3": "Cải cách TTHC; thực hiện cơ chế một cửa, một cửa liên thông",
    "III.1": "Trưởng phòng, thủ trưởng cơ quan, đơn vị trực thuộc có trách nhiệm triển khai, tổ chức thực hiện "
    "kế hoạch này",
    "III.2": "Văn phòng Sở chủ trì lập dự trù kinh phí xây dựng và triển khai các đề án, chương trình, kế hoạch CCHC",
    "III.3": "Văn phòng Sở chủ trì theo dõi, kiểm tra, đôn đốc việc thực hiện Kế hoạch, định kỳ tổng hợp, báo cáo",
}

# Task titles with the marks put back; {year} is the plan's year.
TASK_TITLES = {
    "II.1.a": "Đẩy mạnh công tác tuyên truyền mục đích, ý nghĩa, nội dung CCHC",
    "II.1.b": "Tiếp tục triển khai các giải pháp nâng cao chất lượng CCHC, cải thiện các chỉ số PAR INDEX, SIPAS, "
    "PCI, PAPI và các chỉ số khác có liên quan",
    "II.1.c": "Tiếp tục nghiên cứu, triển khai nhân rộng các mô hình sáng kiến, giải pháp, cách làm hay nhằm nâng cao "
    "kết quả CCHC",
    "II.1.d": "Tăng cường kiểm tra việc thực hiện công tác CCHC, thanh tra, kiểm tra công vụ",
    "II.1.đ": "Định kỳ khảo sát sự hài lòng của người dân, doanh nghiệp đối với sự phục vụ của cơ quan hành chính "
    "nhà nước",
    "II.1.e": "Triển khai thực hiện tự chấm điểm chỉ số CCHC theo kế hoạch của UBND tỉnh",
    "II.2.a": "Thực hiện đúng quy định của Luật Ban hành văn bản quy phạm pháp luật năm 2015 (sửa đổi, bổ sung năm "
    "2020)",
    "II.2.b": "Đẩy mạnh công tác rà soát và hệ thống hóa các văn bản quy phạm pháp luật của địa phương, của ngành",
    "II.2.c": "Cử CCVC tham gia tập huấn, bồi dưỡng chuyên môn, nghiệp vụ xây dựng văn bản quy phạm pháp luật",
    "II.2.d": "Xây dựng và triển khai thực hiện tốt kế hoạch theo dõi thi hành pháp luật của cơ quan",
    "II.3.a": "Xây dựng và triển khai Kế hoạch kiểm soát TTHC, Kế hoạch truyền thông hỗ trợ kiểm soát TTHC năm {year}",
    "II.3.b": "Phối hợp tích hợp dịch vụ công trực tuyến lên Cổng Dịch vụ công quốc gia theo đúng lộ trình",
    "II.3.c": "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính theo đúng quy định",
    "II.3.d": "Tiếp tục thực hiện hiệu quả cơ chế một cửa, một cửa liên thông theo Nghị định số 61/2018/NĐ-CP và "
    "Nghị định số 107/2021/NĐ-CP",
    "II.3.đ": "Triển khai Đề án phân cấp giải quyết TTHC, Đề án đổi mới việc thực hiện cơ chế một cửa, một cửa liên "
    "thông",
    "II.3.e": "Giải quyết TTHC trên môi trường điện tử; số hóa 100% kết quả giải quyết TTHC tiếp nhận mới",
    "II.3.g": "Rà soát, đánh giá TTHC; rút ngắn 35–40% thời gian giải quyết đối với 40% số TTHC",
    "II.4.a": "Tiếp tục rà soát, sắp xếp tinh gọn bộ máy, tinh giản biên chế theo chỉ đạo của Tỉnh ủy, UBND tỉnh",
    "II.4.b": "Tiếp tục rà soát, đẩy mạnh việc phân cấp, phân quyền trong quản lý nhà nước theo Nghị quyết số 04/NQ-CP",
    "II.5.a": "Triển khai thực hiện kịp thời quy định của pháp luật về quản lý CBCCVC",
    "II.5.b": "Rà soát, trình phê duyệt bổ sung, sửa đổi danh mục vị trí việc làm, bản mô tả và khung năng lực",
    "II.5.c": "Tiếp tục tổ chức thi tuyển chức danh lãnh đạo, quản lý các cấp theo Quy chế số 04-QC/TU",
    "II.5.d": "Xây dựng và thực hiện đạt kế hoạch đào tạo, bồi dưỡng CBCCVC",
    "II.5.đ": "Siết chặt kỷ luật, kỷ cương hành chính trong thực hiện nhiệm vụ, công vụ của đội ngũ CBCCVC",
    "II.6.a": "Tiếp tục rà soát, thẩm định phương án tự chủ tài chính của các đơn vị sự nghiệp công lập thuộc Sở",
    "II.6.b": "Nâng cao chất lượng, hiệu quả cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập và tổ chức khoa "
    "học và công nghệ",
    "II.6.c": "Hướng dẫn, kiểm tra việc sử dụng ngân sách nhà nước của các cơ quan, đơn vị trong phạm vi được giao",
    "II.6.d": "Thực hiện đạt chỉ tiêu, nhiệm vụ kế hoạch đầu tư công năm {year} của tỉnh giao",
    "II.6.đ": "Ban hành Chương trình thực hành tiết kiệm, chống lãng phí và Kế hoạch phòng, chống tham nhũng năm "
    "{year}",
    "II.7.a": "Triển khai Chương trình hành động về chuyển đổi số, đô thị thông minh gắn với CCHC theo lộ trình",
    "II.7.b": "Xây dựng cơ sở dữ liệu ngành khoa học và công nghệ, kết nối, chia sẻ với trung tâm điều hành IOC của "
    "tỉnh",
    "II.7.c": "Triển khai ứng dụng thúc đẩy chuyển đổi số, CCHC theo chỉ đạo, hướng dẫn của cơ quan có thẩm quyền",
    "II.7.d": "Tổ chức thực hiện hoàn thành chỉ tiêu dịch vụ công trực tuyến được giao",
    "II.7.đ": "Thực hiện tự đánh giá chỉ số chuyển đổi số của Sở năm {year} đúng thời gian quy định",
}

# Lead unit of each area's tasks (demo unit keys), and the exceptions.
AREA_LEADS = {
    "direction": "vp",
    "institutions": "vp",
    "procedures": "qlcng",
    "organisation": "vp",
    "civil_service": "vp",
    "public_finance": "khtc",
    "digital_government": "ttud",
}
TASK_LEADS = {
    "II.1.c": "qlkh",
    "II.1.d": "ttra",
    "II.2.d": "ttra",
    "II.3.b": "ttud",
    "II.3.d": "vp",
    "II.5.đ": "ttra",
    "II.7.d": "qlcng",
}
COORDINATING = {"II.3.g": ("cctdc", "vp"), "II.3.e": ("cctdc",), "II.7.d": ("ttud",)}
RHYTHMS = {"II.1.đ": Recurrence.YEARLY, "II.3.c": Recurrence.QUARTERLY}
# Deadlines as (month, day) in the plan's year; the others end with the year.
DEADLINES = {"II.1.e": (11, 30), "II.3.a": (12, 15), "II.5.d": (12, 15), "II.6.đ": (12, 15), "II.7.đ": (12, 20)}


@dataclass(frozen=True, slots=True)
class DemoPlanReport:
    plan: Plan
    created: bool
    sections: int = 0
    tasks: int = 0
    targets: int = 0
    corrected: tuple[str, ...] = ()


def _code(rows: list[outline.Row], row: outline.Row) -> str:
    return importing.row_code(rows, row)


def _docx(title: str, lines: list[str]) -> bytes:
    document = docx.Document()
    document.add_heading(title, level=1)
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@transaction.atomic
def load_demo_plan(units: dict[str, Unit], *, today: date | None = None) -> DemoPlanReport:
    """Import the seed plan for the current year and bring some of its tasks forward."""
    today = today or timezone.localdate()
    year = today.year
    existing = Plan.objects.filter(unit=units["so"], year=year, number=NUMBER).first()
    if existing is not None:
        return DemoPlanReport(plan=existing, created=False)
    officer = User.objects.get(username="cchc")
    with acting_as(officer):
        plan, report = _import(officer, units, year)
        services.plan_set_status(plan=plan, actor=officer, status=PlanStatus.IN_FORCE)
        plan.refresh_from_db()
        for target, (value, source) in zip(
            plan.targets.order_by("order"),
            [
                (Decimal("91.2"), "Kết quả khảo sát sự hài lòng quý III"),
                (Decimal("99.1"), "Hệ thống thông tin giải quyết TTHC của tỉnh"),
                (Decimal("64.5"), "Cổng Dịch vụ công quốc gia"),
            ],
            strict=False,
        ):
            services.target_record_actual(target=target, actor=officer, value=value, source=source)
    _work(plan, units, today)
    return report


def _import(officer: User, units: dict[str, Unit], year: int) -> tuple[Plan, DemoPlanReport]:
    draft = importing.import_draft_create(
        actor=officer, unit=units["so"], filename=SEED.name, content=SEED.read_bytes()
    )
    rows = outline.rows_from_parsed(draft.parsed)
    given = importing.suggested_rows(rows, year)
    corrected: list[str] = []
    for row in rows:
        code = _code(rows, row)
        if not row.is_task:
            title = SECTION_TITLES.get(code, row.title)
            if title != row.title:
                corrected.append(code)
            given[row.key] = importing.RowInput(title=title, area=row.area)
            continue
        title = TASK_TITLES.get(code, row.title).format(year=year)
        if title != row.title:
            corrected.append(code)
        month, day = DEADLINES.get(code, (12, 31))
        rhythm = RHYTHMS.get(code, Recurrence.ONCE)
        given[row.key] = importing.RowInput(
            title=title,
            lead_unit=units[TASK_LEADS.get(code, AREA_LEADS[row.area])],
            recurrence=rhythm,
            deadline=date(year, month, day) if rhythm == Recurrence.ONCE else None,
        )
    header = importing.HeaderInput(
        number=NUMBER,
        year=year,
        title=f"Kế hoạch công tác cải cách hành chính năm {year} của Sở Khoa học và Công nghệ",
        issued_on=date(year - 1, 12, 30),
        # The demo plan is this year's, so it is issued by today's body (the seed's province has
        # since merged) and signed by the demo director, not by the person who signed the 2023 plan.
        parent_issuer=settings.CCHC_PARENT_BODY.upper(),
        issuer="SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        place=settings.CCHC_PLACE_NAME,
        signer="Võ Minh Tuấn",
        signer_title="Giám đốc",
        legal_basis="\n".join(draft.parsed["header"].get("legal_basis", [])),
    )
    sections = sum(not r.is_task for r in rows)
    tasks = sum(r.is_task for r in rows)
    targets = len(draft.parsed.get("targets", []))
    plan = importing.plan_import_confirm(draft=draft, actor=officer, header=header, rows=given)
    for code, keys in COORDINATING.items():
        task = _task(plan, code)
        task.coordinating_units.set([units[k] for k in keys])
    return plan, DemoPlanReport(plan, True, sections, tasks, targets, tuple(corrected))


def _task(plan: Plan, code: str) -> Task:
    part, item, label = code.split(".")
    return plan.tasks.get(section__label=item, section__parent__label=part, label=label)


def _move_deadline(task: Task, officer: User, deadline: date) -> Task:
    return services.task_update(
        task=task,
        actor=officer,
        title=task.title,
        description=task.description,
        expected_output=task.expected_output,
        lead_unit=task.lead_unit,
        coordinating_units=list(task.coordinating_units.all()),
        recurrence=Recurrence.ONCE,
        deadline=deadline,
    )


def _work(plan: Plan, units: dict[str, Unit], today: date) -> None:
    """The division's year so far: one task done on time, one done late, three under way, one
    overdue and untouched."""
    head = User.objects.get(username="truongphong")
    specialist = User.objects.get(username="chuyenvien")
    officer = User.objects.get(username="cchc")
    outsider = User.objects.get(username="chuyenvien.tdc")
    start = date(today.year, 1, 2)
    with acting_as(officer):
        # The officer moved two deadlines earlier in the year; demo dates follow today's date.
        late_deadline = max(start, today - timedelta(days=60))
        overdue_deadline = max(start, today - timedelta(days=21))
        done_late = _move_deadline(_task(plan, "II.7.d"), officer, late_deadline)
        overdue = _move_deadline(_task(plan, "II.3.đ"), officer, overdue_deadline)
    with acting_as(head):
        on_time = _task(plan, "II.3.a")
        services.task_report_progress(task=on_time, actor=head, progress=50, note="Đã trình Giám đốc dự thảo kế hoạch.")
        evidence.evidence_add_file(
            task=on_time,
            actor=head,
            upload=SimpleUploadedFile(
                "ke-hoach-kiem-soat-tthc.docx",
                _docx(
                    f"Kế hoạch kiểm soát thủ tục hành chính năm {today.year}",
                    ["Ban hành kèm theo Quyết định của Giám đốc Sở.", "Phụ lục: danh mục TTHC cần rà soát."],
                ),
            ),
            title=f"Kế hoạch kiểm soát TTHC năm {today.year}",
        )
        services.task_complete(task=on_time, actor=head, note="Kế hoạch đã ban hành và triển khai.")

        evidence.evidence_add_file(
            task=done_late,
            actor=head,
            upload=SimpleUploadedFile(
                "ty-le-dvc-truc-tuyen.xlsx",
                _xlsx([["Chỉ tiêu", "Giao", "Đạt"], ["Tỷ lệ hồ sơ trực tuyến (%)", 70, 72.4]]),
            ),
            title="Bảng tổng hợp tỷ lệ hồ sơ trực tuyến",
        )
        services.task_complete(task=done_late, actor=head, note="Đạt chỉ tiêu sau khi bổ sung dịch vụ công toàn trình.")

        services.task_assign(task=_task(plan, "II.3.e"), actor=head, assignees=[specialist])
        digitising = services.task_report_progress(
            task=_task(plan, "II.3.e"), actor=head, progress=60, note="Đã số hóa 60% kết quả tiếp nhận mới."
        )
        evidence.evidence_add_link(
            task=digitising,
            actor=head,
            url="https://dichvucong.gov.vn/",
            title="Số liệu số hóa trên Cổng Dịch vụ công quốc gia",
        )
        services.task_report_progress(
            task=_task(plan, "II.3.g"), actor=head, progress=40, note="Đã rà soát 25/62 TTHC."
        )
        feedback = _task(plan, "II.3.c")
        reports = sum(1 for d in feedback.checkins if d < today)
        for number in range(reports):
            feedback = services.task_report_progress(
                task=feedback, actor=head, progress=25 * (number + 1), note=f"Báo cáo quý {number + 1}."
            )
    with acting_as(outsider):
        services.comment_add(
            task=_task(plan, "II.3.g"),
            actor=outsider,
            body="Chi cục TĐC đề xuất rút ngắn thời gian 8 TTHC lĩnh vực đo lường.",
        )
    assert overdue.status == "not_started"  # noqa: S101 - the demo promises one overdue task
