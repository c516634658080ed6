"""The progress report's tables as a workbook: the tasks, the summary by area, the targets."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from cchc.plans.report_data import ReportData

_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="DCE6F1")
_LATE_FILL = PatternFill("solid", fgColor="F8D7DA")
_FONT = "Times New Roman"


def _sheet(book: Workbook, title: str, caption: str, headers: Sequence[str], widths: Sequence[int]) -> Any:
    sheet = book.create_sheet(title[:31])
    sheet.append([caption])
    sheet["A1"].font = Font(name=_FONT, bold=True, size=13)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    sheet.append([])
    sheet.append(list(headers))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        cell = sheet.cell(row=3, column=index)
        cell.font = Font(name=_FONT, bold=True)
        cell.fill = _HEAD_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.freeze_panes = "A4"
    return sheet


def _row(sheet: Any, values: Sequence[object], *, fill: PatternFill | None = None) -> None:
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        cell.font = Font(name=_FONT)
        cell.border = _BORDER
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        if fill is not None:
            cell.fill = fill


def report_xlsx(data: ReportData) -> bytes:
    book = Workbook()
    book.remove(book.active)
    caption = _("Implementation of plan %(number)s in %(period)s %(year)s, as of %(date)s") % {
        "number": data.plan.number,
        "period": data.period_label,
        "year": data.plan.year,
        "date": f"{data.as_of:%d/%m/%Y}",
    }
    tasks = _sheet(
        book,
        _("Task table"),
        caption,
        [
            _("No."),
            _("Code"),
            _("Area"),
            _("Task"),
            _("Lead unit"),
            _("Co-ordinating units"),
            _("Deadline"),
            _("Status"),
            _("Progress (%)"),
            _("Overdue"),
            _("Evidence"),
            _("Notes"),
        ],
        [6, 10, 24, 60, 22, 22, 12, 16, 10, 10, 40, 40],
    )
    area_labels = {a.area: a.label for a in data.areas}
    for number, row in enumerate(data.tasks, start=1):
        _row(
            tasks,
            [
                number,
                row.code,
                area_labels.get(row.area, ""),
                row.title,
                row.lead_unit,
                row.coordinating,
                row.due,
                row.status_label,
                row.progress,
                _("Yes") if row.overdue else "",
                "\n".join(row.evidence),
                row.note,
            ],
            fill=_LATE_FILL if row.overdue else None,
        )
        tasks.cell(row=tasks.max_row, column=7).number_format = "DD/MM/YYYY"
    tasks.auto_filter.ref = f"A3:{get_column_letter(12)}{tasks.max_row}"

    areas = _sheet(
        book,
        _("By area"),
        caption,
        [
            _("Area"),
            _("Tasks"),
            _("Done on time"),
            _("Done late"),
            _("In progress"),
            _("Not started"),
            _("Cannot be done"),
            _("Overdue"),
            _("Average progress (%)"),
        ],
        [44, 10, 12, 12, 12, 12, 12, 10, 14],
    )
    for a in [*data.areas, data.totals]:
        _row(
            areas, [a.label, a.total, a.done, a.done_late, a.in_progress, a.not_started, a.cannot, a.overdue, a.average]
        )

    targets = _sheet(
        book,
        _("Targets"),
        caption,
        [_("Target"), _("Target (%)"), _("Actual (%)"), _("Source"), _("Assessment")],
        [50, 12, 12, 40, 16],
    )
    for t in data.targets:
        verdict = _("No data yet") if t.met is None else (_("Met") if t.met else _("Not met"))
        _row(targets, [t.text, float(t.target), float(t.actual) if t.actual is not None else None, t.source, verdict])

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
