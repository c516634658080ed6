"""Importing the catalogue from the national database's spreadsheet shape: all or nothing, by code."""

import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import F
from openpyxl import Workbook, load_workbook

from cchc.catalog.importers.national_db import ImportFileError, read_workbook, write_workbook
from cchc.catalog.models import Procedure
from cchc.catalog.rows_from_models import rows_from_procedures
from cchc.catalog.sample import SAMPLE_XLSX
from cchc.catalog.services import procedure_import
from cchc.org.models import Unit

pytestmark = pytest.mark.django_db


def _sample_bytes() -> bytes:
    return write_workbook(rows_from_procedures(Procedure.objects.all()))


def _edit(data: bytes, row: int, column: str, value: object) -> bytes:
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook.active
    headers = [c.value for c in sheet[1]]
    sheet.cell(row=row, column=headers.index(column) + 1, value=value)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_the_sample_has_forty_procedures_with_complete_processes(catalogue: None) -> None:
    assert Procedure.objects.count() >= 40
    cut = Procedure.objects.filter(shortened_time_limit__lt=F("time_limit")).count()
    assert cut >= 10
    for procedure in Procedure.objects.prefetch_related("steps"):
        assert procedure.steps.count() >= 2, procedure.code


def test_export_and_reimport_changes_nothing_and_duplicates_nothing(catalogue: None) -> None:
    before = Procedure.objects.count()
    report = procedure_import(rows=read_workbook(_sample_bytes()))
    assert report.applied
    assert (report.created, report.updated) == (0, before)
    assert Procedure.objects.count() == before
    xray = Procedure.objects.get(code="2.002131")
    assert xray.shortened_time_limit == Decimal(3)
    assert xray.steps.count() == 5


def test_reimport_updates_in_place(catalogue: None) -> None:
    data = _edit(_sample_bytes(), 2, "Tên TTHC", "Tên đã sửa")
    code = load_workbook(io.BytesIO(data)).active.cell(2, 1).value
    assert procedure_import(rows=read_workbook(data)).applied
    assert Procedure.objects.get(code=code).name == "Tên đã sửa"


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("Mã TTHC", "", "thiếu mã thủ tục"),
        ("Mã TTHC", "12345", "không phải mã quốc gia"),
        ("Thời hạn giải quyết", "mười", "không phải là số"),
        ("Thời hạn rút ngắn", 99, "giữa 0 và thời hạn theo quy định"),
        ("Đơn vị xử lý", "000.99.99.H99", "mã đơn vị không có"),
        ("Mức độ DVCTT", "Cấp 5", "không rõ"),
        ("Quy trình nội bộ", "Thẩm định | 000.06.26.H56 | Chuyên viên | 1", "không bằng thời hạn của Sở"),
    ],
)
def test_a_bad_row_is_reported_by_number_and_nothing_is_applied(
    catalogue: None, column: str, value: object, message: str
) -> None:
    data = _edit(_edit(_sample_bytes(), 3, "Tên TTHC", "Phải không được lưu"), 5, column, value)
    report = procedure_import(rows=read_workbook(data))
    assert not report.applied
    assert [e.row_number for e in report.errors] == [5]
    assert message in report.errors[0].message
    assert not Procedure.objects.filter(name="Phải không được lưu").exists()


def test_a_code_twice_in_one_file_is_refused(catalogue: None) -> None:
    data = _sample_bytes()
    first_code = load_workbook(io.BytesIO(data)).active.cell(2, 1).value
    report = procedure_import(rows=read_workbook(_edit(data, 4, "Mã TTHC", first_code)))
    assert not report.applied
    assert "đã có ở dòng 2" in report.errors[0].message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Tệp rỗng"),
        (b"%PDF-1.7 not a workbook", "không phải bảng tính Excel"),
    ],
)
def test_unreadable_files_get_a_clear_message(data: bytes, message: str) -> None:
    with pytest.raises(ImportFileError, match=message):
        read_workbook(data)


def test_a_sheet_without_the_columns_is_refused(org: dict[str, Unit]) -> None:
    workbook = Workbook()
    workbook.active.append(["Họ tên", "Ngày sinh"])
    out = io.BytesIO()
    workbook.save(out)
    with pytest.raises(ImportFileError, match="Mã TTHC"):
        read_workbook(out.getvalue())


def test_headers_are_matched_without_accents_and_with_aliases(org: dict[str, Unit]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Danh mục thủ tục hành chính"])
    sheet.append(["MA THU TUC", "ten thu tuc", "LĨNH VỰC", "thoi han", "Cơ quan thực hiện"])
    sheet.append(["1.004567", "Thủ tục thử", "Hoạt động KH&CN", 5, "000.04.26.H56"])
    out = io.BytesIO()
    workbook.save(out)
    rows = read_workbook(out.getvalue())
    assert len(rows) == 1
    assert procedure_import(rows=rows).applied
    assert Procedure.objects.get(code="1.004567").handling_unit == org["qlkh"]


def test_the_shipped_sample_spreadsheet_imports(org: dict[str, Unit]) -> None:
    assert Path(SAMPLE_XLSX).exists()
    report = procedure_import(rows=read_workbook(Path(SAMPLE_XLSX).read_bytes()))
    assert report.applied, report.errors
    assert report.created >= 40


def test_the_command_reports_rows_and_exits_non_zero(catalogue: None, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(_edit(_sample_bytes(), 6, "Thời hạn giải quyết", -2))
    with pytest.raises(CommandError, match="Không nhập gì"):
        call_command("import_procedures", str(bad))
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("import_procedures", str(tmp_path / "missing.xlsx"))


def test_reimport_keeps_the_documents_dossiers_point_at(catalogue: None) -> None:
    xray = Procedure.objects.get(code="2.002131")
    before = list(xray.required_documents.values_list("pk", flat=True))
    assert procedure_import(rows=read_workbook(_sample_bytes())).applied
    assert list(xray.required_documents.values_list("pk", flat=True)) == before
