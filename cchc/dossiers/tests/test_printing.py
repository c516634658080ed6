"""The standard forms filled from a real dossier history."""

import subprocess
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from cchc.core import clock
from cchc.dossiers import printing, services
from cchc.dossiers.tests.factories import received, vn

pytestmark = pytest.mark.django_db


def _pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "form.pdf"
    path.write_bytes(data)
    try:
        return subprocess.run(  # noqa: S603
            ["pdftotext", "-layout", str(path), "-"],  # noqa: S607 - poppler-utils on PATH
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except FileNotFoundError:
        pytest.skip("pdftotext (poppler-utils) is not installed")


def test_the_receipt_carries_the_code_the_dates_and_the_documents(procedure, officer, tmp_path) -> None:
    dossier = received(procedure, officer, at=vn(2026, 3, 2, 9, 5))
    data = printing.receipt(dossier)
    assert data.code == dossier.code
    assert data.officer_name == "Nguyễn Thị Mai"
    assert data.due_at is not None
    assert data.due_at.date() == date(2026, 3, 5)
    assert data.register_number == 1
    text = _pdf_text(printing.render(dossier, "receipt", "pdf"), tmp_path)
    assert dossier.code in text
    assert "Nguyễn Văn An" in text
    docx = printing.render(dossier, "receipt", "docx")
    assert docx[:2] == b"PK"


def test_the_control_sheet_has_one_row_per_hand_over(procedure, officer, specialist, unit_head, director) -> None:
    dossier = received(procedure, officer, at=vn(2026, 3, 2, 9))
    with clock.at(vn(2026, 3, 2, 10)):
        dossier = services.dossier_transfer(dossier=dossier, actor=officer)
    with clock.at(vn(2026, 3, 4, 16)):  # the 1-day appraisal step ran late
        dossier = services.dossier_forward(dossier=dossier, actor=specialist)
    sheet = printing.control_sheet(dossier)
    assert [row.result for row in sheet.rows] == ["Đúng hạn", "Quá hạn", "Đang xử lý"]
    assert sheet.rows[1].to_unit == "Phòng Quản lý Chuyên ngành"
    assert sheet.rows[1].giver == "Nguyễn Thị Mai"
    assert sheet.rows[1].receiver == "Trần Văn Bình"


def test_forms_appear_when_they_apply(procedure, officer, specialist, unit_head) -> None:
    dossier = services.dossier_transfer(dossier=received(procedure, officer), actor=officer)
    assert [k for k, _label in printing.printable(dossier)] == ["receipt", "control_sheet"]
    dossier = services.dossier_request_supplement(dossier=dossier, actor=specialist, missing=["A"], reason="Thiếu A")
    assert "supplement" in [k for k, _label in printing.printable(dossier)]
    labels = dict(printing.printable(dossier))
    assert labels["receipt"].startswith("Mẫu số 01")


def test_forms_are_served_to_staff_who_see_the_dossier(client: Client, procedure, officer, outsider) -> None:
    dossier = received(procedure, officer)
    client.force_login(officer)
    response = client.get(reverse("dossiers:form", args=[dossier.code, "receipt", "pdf"]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    not_yet = client.get(reverse("dossiers:form", args=[dossier.code, "apology", "pdf"]), follow=True)
    assert "chưa áp dụng" in not_yet.content.decode()
    client.force_login(outsider)
    assert client.get(reverse("dossiers:form", args=[dossier.code, "receipt", "pdf"])).status_code == 403


def test_the_tracking_book_lists_a_period(client: Client, procedure, officer) -> None:
    from io import BytesIO

    from openpyxl import load_workbook

    received(procedure, officer, at=vn(2026, 3, 2, 9))
    received(procedure, officer, at=vn(2026, 4, 2, 9))
    client.force_login(officer)
    response = client.get(reverse("dossiers:tracking_book"), {"date_from": "01/03/2026", "date_to": "31/03/2026"})
    sheet = load_workbook(BytesIO(response.content)).active
    codes = [c.value for c in sheet["B"] if isinstance(c.value, str) and c.value.startswith("000.00.26.H56-")]
    assert codes == ["000.00.26.H56-260302-0001"]
    bad = client.get(reverse("dossiers:tracking_book"), {"date_from": "31/03/2026", "date_to": "01/03/2026"})
    assert "Ngày kết thúc trước ngày bắt đầu" in bad.content.decode()
