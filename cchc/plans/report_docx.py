"""The report on the plan's implementation as a Decree 30/2020 document ("Báo cáo … kết quả thực
hiện Kế hoạch CCHC"), laid out with cchc.lib.nd30: the national header, the title, the results by
area, the targets, the unfinished and overdue tasks with their reasons, the signature, and an
appendix with every task, its status and its evidence."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

from cchc.lib import nd30
from cchc.plans.report_data import AreaRow, ReportData, TaskRow

# A4 text width with Decree 30 margins: 210 − 30 − 15 mm.
WIDTH_MM = 165.0


def _report_symbol(plan_number: str) -> str:
    """ "64/KH-SKHCN" → "     /BC-SKHCN": the register gives the number when the report is signed."""
    body = plan_number.split("/", 1)[1] if "/" in plan_number else plan_number
    body = re.sub(r"^[A-ZĐa-z]+-", "", body)
    return f"       /BC-{body}" if body else "       /BC"


def _heading(doc: Any, text: str) -> None:
    paragraph = nd30.add_paragraph(doc, text, bold=True, before=6)
    paragraph.paragraph_format.keep_with_next = True


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


def _summary(data: ReportData) -> str:
    t = data.totals
    return _(
        "The plan has %(total)s tasks. As of %(date)s, %(finished)s tasks are done (%(share)s), of which "
        "%(done)s on time and %(late)s late; %(in_progress)s are in progress, %(not_started)s not started "
        "and %(cannot)s cannot be done; %(overdue)s tasks are past their deadline and not finished. "
        "The average progress is %(average)s%%."
    ) % {
        "total": t.total,
        "date": f"{data.as_of:%d/%m/%Y}",
        "finished": t.finished,
        "share": _percent(t.finished, t.total),
        "done": t.done,
        "late": t.done_late,
        "in_progress": t.in_progress,
        "not_started": t.not_started,
        "cannot": t.cannot,
        "overdue": t.overdue,
        "average": t.average,
    }


def _area_rows(areas: list[AreaRow], totals: AreaRow) -> list[list[str]]:
    rows = [
        [
            str(i),
            a.label,
            str(a.total),
            str(a.finished),
            str(a.in_progress),
            str(a.not_started + a.cannot),
            str(a.overdue),
            f"{a.average}%",
        ]
        for i, a in enumerate(areas, start=1)
    ]
    t = totals
    rows.append(
        [
            "",
            _("Total"),
            str(t.total),
            str(t.finished),
            str(t.in_progress),
            str(t.not_started + t.cannot),
            str(t.overdue),
            f"{t.average}%",
        ]
    )
    return rows


def _number(value: Decimal) -> str:
    """87.00 → "87", 91.50 → "91,5": the Vietnamese decimal comma, no trailing zeros."""
    return format(value.normalize(), "f").replace(".", ",")


def _late_rows(rows: list[TaskRow]) -> list[list[str]]:
    return [
        [
            str(i),
            f"{r.code}. {r.title}",
            r.lead_unit,
            f"{r.due:%d/%m/%Y}" if r.due else "",
            r.status_label,
            r.note or _("No reason reported."),
        ]
        for i, r in enumerate(rows, start=1)
    ]


def report_docx(data: ReportData) -> bytes:
    plan = data.plan
    doc = nd30.new_document("A4")
    issuer = plan.issuer or plan.unit.name
    nd30.add_national_header(
        doc, plan.parent_issuer, issuer, _report_symbol(plan.number), plan.place or "……", data.as_of
    )
    nd30.add_title(
        doc,
        _("Report"),
        _("Results of implementing the administrative reform plan in %(period)s %(year)s")
        % {"period": data.period_label, "year": plan.year},
    )
    issued = f" {nd30.vietnamese_date(plan.issued_on)}" if plan.issued_on else ""
    nd30.add_paragraph(
        doc,
        _(
            "Implementing Plan No. %(number)s%(issued)s on the administrative reform work of %(year)s, "
            "%(issuer)s reports the results of %(period)s as follows:"
        )
        % {
            "number": plan.number,
            "issued": issued,
            "year": plan.year,
            "issuer": plan.unit.name,
            "period": data.period_label,
        },
    )

    _heading(doc, _("I. RESULTS"))
    _heading(doc, _("1. Overall"))
    nd30.add_paragraph(doc, _summary(data))
    _heading(doc, _("2. Results by reform area"))
    nd30.add_table(
        doc,
        [_("No."), _("Area"), _("Tasks"), _("Done"), _("In progress"), _("Not done"), _("Overdue"), _("Progress")],
        _area_rows(data.areas, data.totals),
        [12, 59, 14, 16, 18, 16, 15, 15],
        center_columns=(0, 2, 3, 4, 5, 6, 7),
        size=11,
    )
    _heading(doc, _("3. Targets of the plan"))
    if data.targets:
        nd30.add_table(
            doc,
            [_("No."), _("Target"), _("Target"), _("Actual"), _("Source"), _("Assessment")],
            [
                [
                    str(i),
                    t.text,
                    f"≥ {_number(t.target)}%",
                    f"{_number(t.actual)}%" if t.actual is not None else "—",
                    t.source,
                    _("No data yet") if t.met is None else (_("Met") if t.met else _("Not met")),
                ]
                for i, t in enumerate(data.targets, start=1)
            ],
            [12, 53, 20, 20, 38, 22],
            center_columns=(0, 2, 3, 5),
            size=11,
        )
    else:
        nd30.add_paragraph(doc, _("The plan sets no measurable targets."))

    _heading(doc, _("II. TASKS OVERDUE OR NOT DONE, AND WHY"))
    late = data.overdue
    if late:
        nd30.add_table(
            doc,
            [_("No."), _("Task"), _("Lead unit"), _("Deadline"), _("Status"), _("Reason")],
            _late_rows(late),
            [12, 53, 24, 23, 20, 33],
            center_columns=(0, 3),
            size=11,
        )
    else:
        nd30.add_paragraph(doc, _("No task is overdue."))

    _heading(doc, _("III. PROPOSALS"))
    proposal = (
        _("The units leading overdue tasks are asked to finish them and send their evidence to the Office.")
        if late
        else _("The units are asked to keep the tasks on schedule and send their evidence to the Office on time.")
    )
    nd30.add_paragraph(doc, proposal)
    nd30.add_paragraph(
        doc,
        _("This is the report of %(issuer)s on the results of the administrative reform plan in %(period)s %(year)s./.")
        % {"issuer": plan.unit.name, "period": data.period_label, "year": plan.year},
    )
    nd30.add_signature(
        doc,
        [plan.signer_title or _("DIRECTOR")],
        plan.signer,
        [_("Department of Home Affairs (for the report)"), _("Director, deputy directors"), _("Archive: VT, VP")],
    )

    # Appendix: every task with its status and evidence, on a new page.
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    appendix = nd30.add_paragraph(doc, _("Appendix"), bold=True, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    appendix.paragraph_format.keep_with_next = True
    nd30.add_title(doc, _("Detailed results of the plan's tasks"))
    # Decree 30 (Phụ lục): the "(Kèm theo …)" line is italic, not bold.
    attached = nd30.add_paragraph(
        doc,
        _("(Attached to the report on %(period)s %(year)s)") % {"period": data.period_label, "year": plan.year},
        indent=False,
        italic=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    attached.paragraph_format.keep_with_next = True
    nd30.add_table(
        doc,
        [_("No."), _("Task"), _("Lead unit"), _("Deadline"), _("Status"), _("Evidence")],
        [
            [
                r.code,
                r.title,
                r.lead_unit,
                f"{r.due:%d/%m/%Y}" if r.due else "",
                f"{r.status_label} ({r.progress}%)" if r.status == "in_progress" else r.status_label,
                "; ".join(r.evidence) or "—",
            ]
            for r in data.tasks
        ],
        [14, 58, 24, 22, 21, 26],
        center_columns=(0, 3),
        size=10.5,
    )
    return bytes(nd30.to_bytes(doc))
