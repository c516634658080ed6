"""Sổ theo dõi hồ sơ as XLSX: the 13 columns, the rows, and the print set-up of the paper register."""

import io
from datetime import datetime

import pytest
from openpyxl import load_workbook

from cchc.dossiers.documents.data import FormSet
from cchc.dossiers.documents.tests import samples
from cchc.dossiers.documents.xlsx_forms import FIRST_DATA_ROW, HEADER_ROW, tracking_book_xlsx

HEADINGS = [
    "STT",
    "Mã hồ sơ",
    "Tên thủ tục hành chính",
    "Số lượng hồ sơ (bộ)",
    "Tên cá nhân, tổ chức",
    "Địa chỉ, số điện thoại",
    "Cơ quan chủ trì giải quyết",
    "Nhận hồ sơ (ngày, tháng, năm)",
    "Hẹn trả kết quả",
    "Chuyển hồ sơ đến cơ quan giải quyết",
    "Nhận kết quả từ cơ quan giải quyết",
    "Trả kết quả (ngày, tháng, năm; ký nhận)",
    "Ghi chú",
]


def _sheet(**changes):
    return load_workbook(io.BytesIO(tracking_book_xlsx(samples.tracking_book(**changes)))).active


def test_it_has_the_title_the_office_and_the_period() -> None:
    ws = _sheet()
    texts = [cell.value for row in ws.iter_rows(max_row=HEADER_ROW - 1) for cell in row if cell.value]

    assert "SỔ THEO DÕI HỒ SƠ" in texts
    assert "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in texts
    assert "Bộ phận Một cửa Sở Khoa học và Công nghệ" in texts
    assert "Từ ngày 01/01/2026 đến ngày 31/01/2026" in texts
    assert "Mẫu số 07" in texts


def test_the_2018_register_is_mau_06() -> None:
    texts = [cell.value for row in _sheet(form_set=FormSet.TT01_2018).iter_rows(max_row=2) for cell in row]

    assert "Mẫu số 06" in texts


def test_it_has_the_13_columns_numbered() -> None:
    ws = _sheet()

    assert [cell.value for cell in ws[HEADER_ROW]] == HEADINGS
    assert [cell.value for cell in ws[HEADER_ROW + 1]] == [f"({i})" for i in range(1, 14)]


def test_it_writes_one_row_per_dossier_with_real_dates() -> None:
    ws = _sheet()
    rows = list(ws.iter_rows(min_row=FIRST_DATA_ROW, values_only=True))

    assert len(rows) == 5
    first = rows[0]
    assert first[:4] == (1, "000.00.26.H03-260105-0001", samples.PROCEDURE, 1)
    assert first[4] == samples.PERSON.name
    # Aware datetimes become Vietnam wall-clock times (Excel has no time zones).
    assert first[7] == datetime(2026, 1, 5, 8, 30)  # noqa: DTZ001
    assert first[11] == datetime(2026, 1, 22, 14, 0)  # noqa: DTZ001
    assert rows[2][8] is None  # no return date set by the procedure
    assert ws.cell(FIRST_DATA_ROW, 8).number_format == "dd/mm/yyyy hh:mm"


def test_it_prints_as_the_paper_register() -> None:
    ws = _sheet()

    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW + 1}"
    assert ws.freeze_panes == f"C{FIRST_DATA_ROW}"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth == 1
    cell = ws.cell(FIRST_DATA_ROW, 3)
    assert cell.font.name == "Times New Roman"
    assert cell.alignment.wrap_text
    assert cell.border.left.style == "thin"
    assert ws.column_dimensions["C"].width > ws.column_dimensions["A"].width


@pytest.mark.parametrize("rows", [[]])
def test_an_empty_period_still_gives_the_headings(rows) -> None:
    ws = _sheet(rows=rows)

    assert [cell.value for cell in ws[HEADER_ROW]] == HEADINGS
    assert ws.max_row == HEADER_ROW + 1
