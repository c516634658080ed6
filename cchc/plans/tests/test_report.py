"""The progress report for a period: figures as of the period's end, the Decree 30 layout in DOCX,
and the task table in XLSX."""

import io
from datetime import date
from decimal import Decimal

import docx
import openpyxl
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from docx.shared import Mm

from cchc.plans import evidence, services
from cchc.plans.report_data import report_data
from cchc.plans.report_docx import report_docx
from cchc.plans.report_xlsx import report_xlsx

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def worked_plan(plan, qlcng_task, other_task, unit_head, cchc_officer, org):
    """II.3.a done in May with evidence; the Q3 report is written in October."""
    with time_machine.travel(date(2023, 2, 10)):
        services.task_report_progress(task=qlcng_task, actor=unit_head, progress=30, note="Dự thảo")
    with time_machine.travel(date(2023, 5, 10)):
        evidence.evidence_add_file(
            task=qlcng_task, actor=unit_head, upload=SimpleUploadedFile("qd.pdf", PDF), title="Quyết định 12/QĐ-SKHCN"
        )
        services.task_complete(task=qlcng_task, actor=unit_head)
    target = plan.targets.get(indicator="satisfaction")
    services.target_record_actual(target=target, actor=cchc_officer, value=Decimal("91.5"), source="Khảo sát SIPAS")
    plan.refresh_from_db()
    return plan


def _row(data, code):
    return next(t for t in data.tasks if t.code == code)


def test_the_figures_are_those_at_the_end_of_the_period(worked_plan) -> None:
    q1 = report_data(plan=worked_plan, period="q1", today=date(2023, 10, 20))
    assert q1.as_of == date(2023, 3, 31)
    assert (_row(q1, "II.3.a").status, _row(q1, "II.3.a").progress) == ("in_progress", 30)
    assert _row(q1, "II.3.a").evidence == []
    h1 = report_data(plan=worked_plan, period="h1", today=date(2023, 10, 20))
    assert (_row(h1, "II.3.a").status, _row(h1, "II.3.a").evidence) == ("done", ["Quyết định 12/QĐ-SKHCN"])
    assert h1.totals.total == 34
    assert h1.totals.done == 1
    assert h1.totals.in_progress == 0
    procedures = next(a for a in h1.areas if a.area == "procedures")
    assert (procedures.total, procedures.done) == (7, 1)


def test_overdue_tasks_are_those_past_their_deadline_on_the_report_date(worked_plan) -> None:
    year = report_data(plan=worked_plan, period="year", today=date(2024, 1, 10))
    assert year.as_of == date(2023, 12, 31)
    assert year.totals.overdue == 0  # deadlines are 31/12: not yet past on 31/12
    later = report_data(plan=worked_plan, period="year", today=date(2024, 1, 10))
    assert len(later.overdue) == 0
    worked_plan.tasks.filter(label="b", section__label="3").update(
        deadline=date(2023, 9, 15), next_due=date(2023, 9, 15)
    )
    q3 = report_data(plan=worked_plan, period="q3", today=date(2023, 10, 20))
    assert [t.code for t in q3.overdue] == ["II.3.b"]


def _text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_the_docx_is_a_decree_30_report(worked_plan) -> None:
    with time_machine.travel(date(2023, 10, 20)):
        data = report_data(plan=worked_plan, period="q3", today=date(2023, 10, 20))
    document = docx.Document(io.BytesIO(report_docx(data)))
    section = document.sections[0]
    measures = (section.page_width, section.page_height, section.left_margin)
    assert tuple(round(int(v or 0) / Mm(1)) for v in measures) == (210, 297, 30)  # A4, 30 mm left margin
    text = _text(document)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số:        /BC-SKHCN",
        "ngày 30 tháng 9 năm 2023",
        "BÁO CÁO",
        "Kết quả thực hiện Kế hoạch cải cách hành chính quý III năm 2023",
        "Thực hiện Kế hoạch số 64/KH-SKHCN",
        "I. KẾT QUẢ THỰC HIỆN",
        "Kế hoạch có 34 nhiệm vụ. Tính đến ngày 30/09/2023, đã hoàn thành 1 nhiệm vụ (3%)",
        "Cải cách thủ tục hành chính",
        "Mức độ hài lòng của người dân, doanh nghiệp",
        "≥ 87%",
        "91,5%",
        "Đạt",
        "II. NHIỆM VỤ CHƯA HOÀN THÀNH, QUÁ HẠN VÀ NGUYÊN NHÂN",
        "Không có nhiệm vụ quá hạn.",
        "Nơi nhận:",
        "- Sở Nội vụ (b/c);",
        "Phụ lục",
        "Quyết định 12/QĐ-SKHCN",
    ):
        assert expected in text, expected
    styles = {run.font.name for p in document.paragraphs for run in p.runs if run.font.name}
    assert styles <= {"Times New Roman"}
    appendix = document.tables[-1]
    assert len(appendix.rows) == 1 + 34


def test_the_xlsx_holds_the_task_table(worked_plan) -> None:
    data = report_data(plan=worked_plan, period="year", today=date(2024, 2, 1))
    book = openpyxl.load_workbook(io.BytesIO(report_xlsx(data)))
    assert book.sheetnames == ["Nhiệm vụ", "Theo lĩnh vực", "Chỉ tiêu"]
    tasks = book["Nhiệm vụ"]
    assert [c.value for c in tasks[3]][:4] == ["STT", "Mã", "Lĩnh vực", "Nhiệm vụ"]
    rows = list(tasks.iter_rows(min_row=4, values_only=True))
    assert len(rows) == 34
    done = next(r for r in rows if r[1] == "II.3.a")
    assert (done[7], done[8], done[10]) == ("Hoàn thành", 100, "Quyết định 12/QĐ-SKHCN")
    totals = list(book["Theo lĩnh vực"].iter_rows(min_row=4, values_only=True))[-1]
    assert totals[:3] == ("Tổng cộng", 34, 1)
