"""The standard one-stop forms as PDF: Django templates (templates/documents/forms/) through WeasyPrint.

The words are those of the DOCX files (wording.py); the layout is the print stylesheet of
cchc.lib.pdf, so the national header and the signature blocks look the same in every form.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.template.loader import render_to_string

from cchc.dossiers.documents import wording
from cchc.dossiers.documents.data import (
    ApologyData,
    ControlSheetData,
    FormKind,
    FormSet,
    Office,
    ReceiptData,
    RefusalData,
    StopNoticeData,
    SupplementData,
    form_label,
)
from cchc.lib import nd30
from cchc.lib.pdf import PRINT_CSS, html_to_pdf

TEMPLATES = "documents/forms"


def _render(
    template: str,
    *,
    form_set: FormSet,
    kind: FormKind,
    office: Office,
    day: date | None,
    heading: str,
    page: nd30.Page = "A5",
    number_text: str = "",
    summary: str = "",
    **context: Any,
) -> bytes:
    when = nd30.vietnamese_date(day) if day is not None else "ngày … tháng … năm …"
    html = render_to_string(
        f"{TEMPLATES}/{template}",
        {
            "print_css": PRINT_CSS,
            "page_class": page.lower(),  # the class on <body> picks the paper (cchc.lib.pdf)
            "title": heading or summary,
            "heading": heading,
            "form_label": form_label(form_set, kind),
            "office": office,
            "number_text": number_text,
            "summary": summary,
            "date_line": f"{office.place}, {when}",
            **context,
        },
    )
    return html_to_pdf(html)


@dataclass(frozen=True, slots=True)
class _Blank:
    label: str
    value: str
    bold: bool
    width: str  # CSS width of the blank's cell on its line


def _lines(page: nd30.Page, groups: Sequence[wording.Blanks]) -> list[list[_Blank]]:
    """The blanks laid out on lines exactly as the DOCX lays them out (nd30.layout_fields)."""
    width, size = nd30.page_text_width_mm(page), nd30.SIZES[page].body
    return [
        [_Blank(slot.label, slot.value, group.bold, f"{slot.share * 100:.2f}%") for slot in line]
        for group in groups
        for line in nd30.layout_fields(group.fields, width, size, bold_values=group.bold)
    ]


def receipt_pdf(data: ReceiptData) -> bytes:
    """Mẫu 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả (A5)."""
    return _render(
        "receipt.html",
        form_set=data.form_set,
        kind=FormKind.RECEIPT,
        office=data.office,
        day=data.received_at,
        heading=wording.RECEIPT_TITLE,
        data=data,
        copy_note=wording.COPY_NOTE,
        top=_lines("A5", wording.receipt_top(data)),
        numbered=_lines("A5", wording.receipt_bottom(data)),
        signers=[
            nd30.Signer(["Người nộp hồ sơ"], data.applicant.name, nd30.SIGN_NOTE),
            nd30.Signer(["Người tiếp nhận hồ sơ"], data.officer_name, nd30.SIGN_NOTE),
        ],
    )


def _single_signer(signer: nd30.Signer) -> list[nd30.Signer]:
    # One signer stands in the right half of the page, as on the paper forms.
    return [nd30.Signer([], ""), signer]


def supplement_pdf(data: SupplementData) -> bytes:
    """Mẫu 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (A5)."""
    return _render(
        "supplement.html",
        form_set=data.form_set,
        kind=FormKind.SUPPLEMENT,
        office=data.office,
        day=data.issued_at,
        heading=wording.SUPPLEMENT_TITLE,
        data=data,
        top=_lines("A5", wording.supplement_top(data)),
        reason=_lines("A5", [wording.blanks(("Lý do:", data.reason))]),
        intro=wording.supplement_intro(data.applicant),
        contact=wording.supplement_contact(data),
        signers=_single_signer(nd30.Signer(["Người hướng dẫn"], data.officer_name, nd30.SIGN_NOTE)),
    )


def refusal_pdf(data: RefusalData) -> bytes:
    """Mẫu 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ (A5); after appraisal, its second title."""
    return _render(
        "refusal.html",
        form_set=data.form_set,
        kind=FormKind.REFUSAL,
        office=data.office,
        day=data.issued_at,
        heading=wording.refusal_title(data),
        data=data,
        top=_lines("A5", wording.refusal_top(data)),
        intro=wording.refusal_intro(data),
        closing=wording.refusal_closing(data.applicant),
        signers=_single_signer(nd30.Signer(["Người tiếp nhận hồ sơ"], data.officer_name, nd30.SIGN_NOTE)),
    )


def apology_pdf(data: ApologyData) -> bytes:
    """Mẫu 04: the A5 apology slip of TT 01/2018, or the A4 apology letter of TT 03/2025."""
    letter = wording.apology_is_letter(data)
    positions = wording.lines(data.signer_position)
    signer = nd30.Signer(positions, data.signer_name, "" if letter else wording.SEAL_NOTE)
    return _render(
        "apology.html",
        form_set=data.form_set,
        kind=FormKind.APOLOGY,
        office=data.office,
        day=data.issued_at,
        heading="" if letter else wording.APOLOGY_SLIP_TITLE,
        page="A4" if letter else "A5",
        number_text=data.number_text,
        summary=wording.APOLOGY_LETTER_SUMMARY if letter else "",
        data=data,
        paragraphs=wording.apology_paragraphs(data),
        recipients=nd30.recipient_lines(wording.APOLOGY_RECIPIENTS) if letter else [],
        signers=[signer] if letter else _single_signer(signer),
    )


def stop_notice_pdf(data: StopNoticeData) -> bytes:
    """TT 03/2025 Mẫu 05, Thông báo dừng giải quyết hồ sơ (A5)."""
    return _render(
        "stop_notice.html",
        form_set=data.form_set,
        kind=FormKind.STOP_NOTICE,
        office=data.office,
        day=data.issued_at,
        heading=wording.STOP_TITLE,
        number_text=data.number_text,
        data=data,
        subtitle=wording.STOP_SUBTITLE,
        top=_lines("A5", wording.stop_top(data)),
        reason=_lines("A5", [wording.blanks(("Lý do:", data.reason))]),
        paragraphs=wording.stop_paragraphs(data),
        closing=wording.stop_closing(data.applicant),
        signers=_single_signer(nd30.Signer(wording.lines(data.signer_position), data.signer_name, nd30.SIGN_NOTE)),
    )


def control_sheet_pdf(data: ControlSheetData) -> bytes:
    """Mẫu 05 (TT 01/2018) / 06 (TT 03/2025), Phiếu kiểm soát quá trình giải quyết hồ sơ (A4)."""
    return _render(
        "control_sheet.html",
        form_set=data.form_set,
        kind=FormKind.CONTROL_SHEET,
        office=data.office,
        day=data.receipt_date,
        heading=wording.CONTROL_TITLE,
        page="A4",
        data=data,
        attachment=wording.control_attachment(data),
        top=_lines("A4", wording.control_top(data)),
        headers=wording.CONTROL_HEADERS,
        steps=wording.control_steps(data),
    )
