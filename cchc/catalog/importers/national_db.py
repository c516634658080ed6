"""Read and write the procedure spreadsheet, in the shape of the national procedure database's export.

One sheet, one procedure per row, the columns of COLUMNS (docs/catalog-import.md). Headers are
matched accent- and case-insensitively, with a few aliases seen in real exports ("Mã thủ tục",
"Tên thủ tục"). Cells with several items (fees, documents, legal basis, internal process) hold one
item per line; the parts of an item are separated by " | ".
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from cchc.catalog.importers.rows import DocumentRow, FeeRow, ProcedureRow, RowError, StepRow
from cchc.catalog.process import steps_total_matches
from cchc.lib.vntext import fold

NATIONAL_CODE = re.compile(r"^\d\.\d{6}$")
PROVISIONAL_CODE = re.compile(r"^TAM-\d{1,6}$")
MAX_ROWS = 5000


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str
    required: bool = False
    aliases: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("code", "Mã TTHC", True, ("Mã thủ tục", "Mã thủ tục hành chính", "Mã số")),
    Column("name", "Tên TTHC", True, ("Tên thủ tục", "Tên thủ tục hành chính")),
    Column("field", "Lĩnh vực", True),
    Column("level", "Cấp thực hiện"),
    Column("time_limit", "Thời hạn giải quyết", True, ("Thời hạn",)),
    Column("time_unit", "Đơn vị thời hạn", False, ("Đơn vị tính",)),
    Column("time_limit_text", "Thời hạn giải quyết (mô tả)"),
    Column("shortened_time_limit", "Thời hạn rút ngắn", False, ("Thời hạn giải quyết của Sở",)),
    Column("fees", "Phí, lệ phí", False, ("Phí lệ phí", "Lệ phí")),
    Column("documents", "Thành phần hồ sơ"),
    Column("online_level", "Mức độ DVCTT", False, ("Mức độ dịch vụ công trực tuyến", "Dịch vụ công trực tuyến")),
    Column("legal_basis", "Căn cứ pháp lý"),
    Column("result_name", "Kết quả thực hiện", False, ("Kết quả",)),
    Column("handling_unit", "Đơn vị xử lý", True, ("Mã đơn vị xử lý", "Cơ quan thực hiện")),
    Column("steps", "Quy trình nội bộ"),
    Column("status", "Trạng thái"),
)

TIME_UNITS = {
    "ngay lam viec": "working_days",
    "ngay": "days",
    "gio": "hours",
    "gio lam viec": "hours",
    "": "working_days",
}
ONLINE_LEVELS = {"toan trinh": "full", "mot phan": "partial", "khong": "none", "": "none"}
DOCUMENT_KINDS = {
    "ban chinh": "original",
    "ban sao": "copy",
    "ban sao chung thuc": "certified_copy",
    "ban dien tu": "electronic",
    "": "original",
}
ROLES = {
    "can bo mot cua": "one_stop_officer",
    "chuyen vien": "specialist",
    "lanh dao phong": "unit_head",
    "truong phong": "unit_head",
    "lanh dao so": "director",
    "giam doc": "director",
}
STATUSES = {"dang ap dung": "active", "": "active", "tam dung": "suspended"}
NO_FEE = {"", "khong", "khong co", "mien phi", "khong thu"}

# Reverse maps for writing, so the exported file reads like the imported one.
_LABELS = {
    "time_unit": {"working_days": "Ngày làm việc", "days": "Ngày", "hours": "Giờ làm việc"},
    "online_level": {"full": "Toàn trình", "partial": "Một phần", "none": "Không"},
    "kind": {
        "original": "Bản chính",
        "copy": "Bản sao",
        "certified_copy": "Bản sao chứng thực",
        "electronic": "Bản điện tử",
    },
    "role": {
        "one_stop_officer": "Cán bộ một cửa",
        "specialist": "Chuyên viên",
        "unit_head": "Lãnh đạo phòng",
        "director": "Lãnh đạo Sở",
    },
    "status": {"active": "Đang áp dụng", "suspended": "Tạm dừng"},
}


class ImportFileError(ValueError):
    """The file as a whole cannot be read (not a spreadsheet, no sheet, missing columns)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).replace("\r", "\n").split(" ")).strip()


def _lines(value: Any) -> list[str]:
    return [line.strip(" -•\t") for line in _text(value).split("\n") if line.strip(" -•\t")]


def _number(value: Any) -> Decimal | None:
    text = _text(value).replace(",", ".")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _amount(text: str) -> int | None:
    digits = re.sub(r"[^\d]", "", text)
    return int(digits) if digits else None


FEE_LINE = re.compile(
    r"^(?P<name>.+?):\s*(?P<amount>\d[\d.,\s]*)\s*(?:đồng|đ|vnđ|vnd)?\s*(?:\((?P<note>.*)\))?\s*$", re.IGNORECASE
)


def _parse_fees(value: Any, errors: list[str]) -> list[FeeRow]:
    """One fee per line: "Phí thẩm định: 450.000 đồng (Thông tư 287/2016/TT-BTC)"."""
    fees: list[FeeRow] = []
    for line in _lines(value):
        if fold(line) in NO_FEE:
            continue
        match = FEE_LINE.match(line)
        amount = _amount(match["amount"]) if match else None
        if match is None or amount is None:
            errors.append(_("fee “%(line)s” is not “name: amount đồng”") % {"line": line})
            continue
        fees.append(FeeRow(name=match["name"].strip(), amount_vnd=amount, note=(match["note"] or "").strip()))
    return fees


def _parse_documents(value: Any, errors: list[str]) -> list[DocumentRow]:
    documents: list[DocumentRow] = []
    for line in _lines(value):
        parts = [p.strip() for p in line.split("|")]
        kind = DOCUMENT_KINDS.get(fold(parts[1]) if len(parts) > 1 else "")
        count_text = parts[2] if len(parts) > 2 else "1"
        if kind is None:
            errors.append(_("document form “%(value)s” is unknown") % {"value": parts[1]})
            continue
        if not count_text.isdigit() or int(count_text) < 1:
            errors.append(_("number of copies “%(value)s” is not a positive whole number") % {"value": count_text})
            continue
        documents.append(
            DocumentRow(
                name=parts[0], kind=kind, count=int(count_text), template_name=parts[3] if len(parts) > 3 else ""
            )
        )
    return documents


def _parse_steps(value: Any, errors: list[str]) -> list[StepRow]:
    steps: list[StepRow] = []
    for line in _lines(value):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 4:
            errors.append(_("process step “%(line)s” needs: name | unit code | role | days") % {"line": line})
            continue
        role = ROLES.get(fold(parts[2]), parts[2] if parts[2] in _LABELS["role"] else None)
        days = _number(parts[3])
        if role is None:
            errors.append(_("role “%(value)s” is unknown") % {"value": parts[2]})
            continue
        if days is None or days < 0:
            errors.append(_("days “%(value)s” of a process step is not a number") % {"value": parts[3]})
            continue
        steps.append(StepRow(name=parts[0], unit_code=parts[1], role=role, days=days))
    return steps


def _header_map(header_cells: Iterable[Any]) -> dict[str, int]:
    wanted = {fold(alias): col.key for col in COLUMNS for alias in (col.header, *col.aliases)}
    found: dict[str, int] = {}
    for index, cell in enumerate(header_cells):
        key = wanted.get(fold(_text(cell)))
        if key and key not in found:
            found[key] = index
    return found


def parse_row(row_number: int, cells: dict[str, Any]) -> ProcedureRow | RowError:
    """One spreadsheet row → a ProcedureRow, or a RowError naming everything wrong with it."""
    problems: list[str] = []
    code = _text(cells.get("code")).upper()
    if not code:
        problems.append(_("the procedure code is missing"))
    elif not (NATIONAL_CODE.match(code) or PROVISIONAL_CODE.match(code)):
        problems.append(_("code “%(code)s” is neither a national code (1.004567) nor TAM-…") % {"code": code})
    name = _text(cells.get("name"))
    if not name:
        problems.append(_("the procedure name is missing"))
    field = _text(cells.get("field"))
    if not field:
        problems.append(_("the field is missing"))
    time_limit = _number(cells.get("time_limit"))
    if time_limit is None or time_limit < 0:
        problems.append(_("the time limit “%(value)s” is not a number") % {"value": _text(cells.get("time_limit"))})
    shortened = _number(cells.get("shortened_time_limit"))
    if shortened is None and _text(cells.get("shortened_time_limit")):
        problems.append(_("the department's time limit is not a number"))
    if shortened is None:
        shortened = time_limit
    if time_limit is not None and shortened is not None and not 0 <= shortened <= time_limit:
        problems.append(_("the department's time limit must be between 0 and the legal limit"))
    time_unit = TIME_UNITS.get(fold(_text(cells.get("time_unit"))))
    if time_unit is None:
        problems.append(_("time unit “%(value)s” is unknown") % {"value": _text(cells.get("time_unit"))})
    online = ONLINE_LEVELS.get(fold(_text(cells.get("online_level"))))
    if online is None:
        problems.append(_("online level “%(value)s” is unknown") % {"value": _text(cells.get("online_level"))})
    status = STATUSES.get(fold(_text(cells.get("status"))))
    if status is None:
        problems.append(_("status “%(value)s” is unknown") % {"value": _text(cells.get("status"))})
    unit_code = _text(cells.get("handling_unit"))
    if not unit_code:
        problems.append(_("the handling unit is missing"))
    fees = _parse_fees(cells.get("fees"), problems)
    documents = _parse_documents(cells.get("documents"), problems)
    steps = _parse_steps(cells.get("steps"), problems)
    if (
        steps
        and shortened is not None
        and time_unit is not None
        and not steps_total_matches(shortened, time_unit, [s.days for s in steps])
    ):
        problems.append(
            _("the process steps add up to %(total)s days, not the department's limit %(limit)s")
            % {"total": sum((s.days for s in steps), Decimal(0)), "limit": shortened}
        )
    if problems:
        return RowError(row_number, "; ".join(problems))
    if time_limit is None or shortened is None or time_unit is None or online is None or status is None:
        return RowError(row_number, _("the row is incomplete"))  # unreachable: each case added a problem above
    return ProcedureRow(
        row_number=row_number,
        code=code,
        name=name,
        field=field,
        level=_text(cells.get("level")) or "Cấp tỉnh",
        time_limit=time_limit,
        time_unit=time_unit,
        time_limit_text=_text(cells.get("time_limit_text")),
        shortened_time_limit=shortened,
        online_level=online,
        legal_basis=_lines(cells.get("legal_basis")),
        result_name=_text(cells.get("result_name")),
        handling_unit_code=unit_code,
        status=status,
        national_code_confirmed=bool(NATIONAL_CODE.match(code)),
        fees=fees,
        documents=documents,
        steps=steps,
    )


def read_workbook(data: bytes) -> list[ProcedureRow | RowError]:
    """Every non-empty row of the first sheet. Raises ImportFileError when the file itself is unusable."""
    from openpyxl import load_workbook

    if not data:
        raise ImportFileError(_("The file is empty."))
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportFileError(_("The file is not an Excel workbook (.xlsx).")) from exc
    sheet = workbook.worksheets[0] if workbook.worksheets else None
    if sheet is None:
        raise ImportFileError(_("The workbook has no sheet."))
    rows = sheet.iter_rows(values_only=True)
    header_row_number, columns = 0, {}
    for number, cells in enumerate(rows, start=1):
        columns = _header_map(cells)
        if "code" in columns and "name" in columns:
            header_row_number = number
            break
        if number >= 10:
            break
    missing = [col.header for col in COLUMNS if col.required and col.key not in columns]
    if not header_row_number or missing:
        raise ImportFileError(
            _("The sheet lacks the columns: %(columns)s (see the sample file).") % {"columns": ", ".join(missing)}
        )
    results: list[ProcedureRow | RowError] = []
    seen: dict[str, int] = {}
    for number, cells in enumerate(rows, start=header_row_number + 1):
        values = {key: cells[index] if index < len(cells) else None for key, index in columns.items()}
        if not any(_text(v) for v in values.values()):
            continue
        if len(results) >= MAX_ROWS:
            raise ImportFileError(_("The file has more than %(max)s procedures.") % {"max": MAX_ROWS})
        parsed = parse_row(number, values)
        if isinstance(parsed, ProcedureRow):
            if parsed.code in seen:
                parsed = RowError(
                    number,
                    _("code %(code)s already appears in row %(row)s") % {"code": parsed.code, "row": seen[parsed.code]},
                )
            else:
                seen[parsed.code] = number
        results.append(parsed)
    workbook.close()
    return results


def _step_line(step: StepRow) -> str:
    return f"{step.name} | {step.unit_code} | {_LABELS['role'].get(step.role, step.role)} | {step.days.normalize():f}"


def write_workbook(procedures: Iterable[ProcedureRow]) -> bytes:
    """The catalogue as a spreadsheet that read_workbook() reads back unchanged."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # noqa: S101
    sheet.title = "Danh sách TTHC"
    sheet.append([col.header for col in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(name="Times New Roman", bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for p in procedures:
        sheet.append(
            [
                p.code,
                p.name,
                p.field,
                p.level,
                float(p.time_limit),
                _LABELS["time_unit"][p.time_unit],
                p.time_limit_text,
                float(p.shortened_time_limit),
                "\n".join(
                    f"{f.name}: {f.amount_vnd:,} đồng".replace(",", ".") + (f" ({f.note})" if f.note else "")
                    for f in p.fees
                )
                or "Không",
                "\n".join(
                    f"{d.name} | {_LABELS['kind'][d.kind]} | {d.count}"
                    + (f" | {d.template_name}" if d.template_name else "")
                    for d in p.documents
                ),
                _LABELS["online_level"][p.online_level],
                "\n".join(p.legal_basis),
                p.result_name,
                p.handling_unit_code,
                "\n".join(_step_line(s) for s in p.steps),
                _LABELS["status"][p.status],
            ]
        )
    widths = [11, 50, 24, 10, 10, 14, 30, 10, 30, 60, 12, 50, 30, 16, 60, 12]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.font = Font(name="Times New Roman", size=11)
    sheet.freeze_panes = "C2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
