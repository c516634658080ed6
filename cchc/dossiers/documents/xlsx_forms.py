"""Sổ theo dõi hồ sơ (TT 01/2018 Mẫu 06, TT 03/2025 Mẫu 07) as an XLSX workbook (openpyxl).

One sheet set up to print as the paper register: A4 landscape, one page wide, the column headings
repeated on every page, Times New Roman, borders and wrapped text; dates are real date cells
(dd/mm/yyyy) so the register can still be sorted and filtered.
"""

from __future__ import annotations

import io
import math
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from cchc.dossiers.documents.data import FormKind, TrackingBookData, TrackingRow, form_spec
from cchc.lib.nd30 import FONT, local, short_date

# (heading, width in characters, number format of the column's cells or "" for text)
COLUMNS: tuple[tuple[str, float, str], ...] = (
    ("STT", 5, "0"),
    ("Mã hồ sơ", 15, ""),
    ("Tên thủ tục hành chính", 28, ""),
    ("Số lượng hồ sơ (bộ)", 7, "0"),
    ("Tên cá nhân, tổ chức", 17, ""),
    ("Địa chỉ, số điện thoại", 20, ""),
    ("Cơ quan chủ trì giải quyết", 14, ""),
    ("Nhận hồ sơ (ngày, tháng, năm)", 12, "dd/mm/yyyy hh:mm"),
    ("Hẹn trả kết quả", 12, "dd/mm/yyyy hh:mm"),
    ("Chuyển hồ sơ đến cơ quan giải quyết", 11, "dd/mm/yyyy"),
    ("Nhận kết quả từ cơ quan giải quyết", 11, "dd/mm/yyyy"),
    ("Trả kết quả (ngày, tháng, năm; ký nhận)", 13, "dd/mm/yyyy"),
    ("Ghi chú", 13, ""),
)
TITLE = "SỔ THEO DÕI HỒ SƠ"
HEADER_ROW = 8  # the headings; the row under it numbers the columns (1)…(13)
FIRST_DATA_ROW = HEADER_ROW + 2

# A column width unit is the width of a digit of the default font (~1.9 mm); running Vietnamese text
# in Times New Roman 10 pt averages ~1.65 mm a character, less a margin for word wrapping.
_CHARS_PER_WIDTH = 1.2
_LINE_PT = 12.5

_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP_LEFT = Alignment(wrap_text=True, vertical="center")
_WRAP_CENTER = Alignment(wrap_text=True, horizontal="center", vertical="center")


def _font(size: float = 11, *, bold: bool = False, italic: bool = False) -> Font:
    return Font(name=FONT, size=size, bold=bold, italic=italic)


def _excel_time(value: datetime | None) -> datetime | None:
    # Excel has no time zones (openpyxl refuses aware datetimes): write the Vietnam wall-clock time.
    return local(value).replace(tzinfo=None) if value is not None else None


def _row_values(row: TrackingRow) -> list[Any]:
    return [
        row.number,
        row.code,
        row.procedure_name,
        row.sets_count,
        row.applicant_name,
        row.applicant_contact,
        row.handling_unit,
        _excel_time(row.received_at),
        _excel_time(row.due_at),
        _excel_time(row.transferred_at),
        _excel_time(row.result_received_at),
        _excel_time(row.returned_at),
        row.note,
    ]


def _row_height(values: list[Any]) -> float:
    """Points for the row's longest wrapped cell.

    Neither Excel nor LibreOffice fits the height of rows written by openpyxl on opening, so wrapped
    text would be cut off; this estimates the lines as Times New Roman 10 pt fills the column widths.
    """
    lines = 2  # room to sign in column (12) when the result is handed over
    for value, (_, width, number_format) in zip(values, COLUMNS, strict=True):
        if number_format or not value:
            continue
        per_line = max(1, int(width * _CHARS_PER_WIDTH))
        lines = max(lines, sum(math.ceil(max(1, len(part)) / per_line) for part in str(value).splitlines()))
    return lines * _LINE_PT + 3


def _merged_text(ws: Any, cells: str, text: str, font: Font, alignment: Alignment) -> None:
    ws.merge_cells(cells)
    first = ws[cells.split(":")[0]]
    first.value = text
    first.font = font
    first.alignment = alignment


def tracking_book_xlsx(data: TrackingBookData) -> bytes:
    """The register of the dossiers received from data.date_from to data.date_to."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sổ theo dõi hồ sơ"
    last = get_column_letter(len(COLUMNS))
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)

    _merged_text(ws, "A1:E1", data.office.parent_body.upper(), _font(11), center)
    _merged_text(ws, "A2:E2", data.office.body.upper(), _font(11, bold=True), center)
    spec = form_spec(data.form_set, FormKind.TRACKING_BOOK)
    if spec:
        _merged_text(ws, f"K1:{last}1", spec.label, _font(10, italic=True), Alignment(horizontal="right"))
    _merged_text(ws, f"A4:{last}4", TITLE, _font(14, bold=True), center)
    _merged_text(ws, f"A5:{last}5", data.office.desk_name, _font(12, bold=True), center)
    period = f"Từ ngày {short_date(data.date_from)} đến ngày {short_date(data.date_to)}"
    _merged_text(ws, f"A6:{last}6", period, _font(12, italic=True), center)

    for index, (heading, width, _) in enumerate(COLUMNS, 1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = width
        cell = ws.cell(HEADER_ROW, index, heading)
        cell.font = _font(10, bold=True)
        cell.alignment = _WRAP_CENTER
        cell.border = _BOX
        number = ws.cell(HEADER_ROW + 1, index, f"({index})")
        number.font = _font(9, italic=True)
        number.alignment = _WRAP_CENTER
        number.border = _BOX
    ws.row_dimensions[HEADER_ROW].height = 54

    for offset, row in enumerate(data.rows):
        values = _row_values(row)
        ws.row_dimensions[FIRST_DATA_ROW + offset].height = _row_height(values)
        for index, value in enumerate(values, 1):
            cell = ws.cell(FIRST_DATA_ROW + offset, index, value)
            cell.font = _font(10)
            cell.border = _BOX
            number_format = COLUMNS[index - 1][2]
            if number_format:
                cell.number_format = number_format
            # Numbers and dates centred; names and addresses read from the left.
            cell.alignment = _WRAP_CENTER if number_format else _WRAP_LEFT

    ws.freeze_panes = ws.cell(FIRST_DATA_ROW, 3)  # headings and the STT, code columns stay in view
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 1}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    mm = 1 / 25.4
    ws.page_margins = PageMargins(
        left=15 * mm, right=10 * mm, top=15 * mm, bottom=15 * mm, header=6 * mm, footer=6 * mm
    )
    ws.oddFooter.center.text = "Trang &P/&N"
    ws.oddFooter.center.font = f"{FONT},Regular"
    ws.oddFooter.center.size = 10

    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
