"""The standard one-stop forms as DOCX (python-docx), laid out by cchc.lib.nd30.

Each function takes the plain data of data.py and returns the file's bytes. The words come from
wording.py, shared with the PDF renderer, so both files of a form say the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from cchc.dossiers.documents import wording
from cchc.dossiers.documents.data import (
    ApologyData,
    Applicant,
    ControlSheetData,
    DocumentLine,
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
from cchc.lib.nd30 import DocxDocument

CENTER = WD_ALIGN_PARAGRAPH.CENTER


def _start(
    form_set: FormSet,
    kind: FormKind,
    office: Office,
    day: date | None,
    *,
    page: nd30.Page = "A5",
    number_text: str | None = None,
    summary: str | None = None,
) -> DocxDocument:
    doc = nd30.new_document(page)
    label = form_label(form_set, kind)
    if label:
        nd30.add_corner_label(doc, label)
    nd30.add_national_header(doc, office.parent_body, office.body, number_text, office.place, day, summary=summary)
    return doc


def _centered(doc: DocxDocument, *parts: tuple[str, str]) -> Any:
    paragraph = nd30.add_paragraph(doc, indent=False, align=CENTER, after=0)
    paragraph.paragraph_format.keep_with_next = True
    return nd30.add_runs(paragraph, *parts)


def _code_lines(doc: DocxDocument, code: str, note: str = "", *, italic_note: bool = True) -> None:
    last = _centered(doc, ("", "Mã hồ sơ: "), ("b", code))
    if note:
        last = _centered(doc, ("i" if italic_note else "", note))
    last.paragraph_format.space_after = Pt(nd30.sizes_of(doc).body / 2)


def _blanks(doc: DocxDocument, groups: Sequence[wording.Blanks], *, before: float = 0) -> None:
    for index, group in enumerate(groups):
        nd30.add_field(doc, *group.fields, bold_values=group.bold, before=before if index == 0 else 0)


def _lead_in(doc: DocxDocument, text: str) -> None:
    """The line introducing a table, kept on the table's page."""
    nd30.add_paragraph(doc, text, indent=False, after=0).paragraph_format.keep_with_next = True


def _documents_table(
    doc: DocxDocument, lines: Sequence[DocumentLine], *, note_header: str, note_share: float = 0.2
) -> None:
    width = nd30.text_width_mm(doc)
    # TT | name | form | count | note, the name column taking what the others leave.
    widths = [9.0, 0.0, 23.0, 14.0, note_share * width]
    widths[1] = width - sum(widths)
    rows = [[str(i), line.name, line.form, f"{line.count:02d}", line.note] for i, line in enumerate(lines, 1)]
    if not rows:  # the paper form keeps an empty line to write on
        rows = [["", "", "", "", ""]]
    nd30.add_table(
        doc, ["TT", "Tên giấy tờ", "Hình thức", "Số lượng", note_header], rows, widths, center_columns=(0, 3)
    )


def receipt_docx(data: ReceiptData) -> bytes:
    """Mẫu 01, Giấy tiếp nhận hồ sơ và hẹn trả kết quả (A5)."""
    doc = _start(data.form_set, FormKind.RECEIPT, data.office, data.received_at)
    nd30.add_title(doc, wording.RECEIPT_TITLE)
    _code_lines(doc, data.code, wording.COPY_NOTE)
    _blanks(doc, wording.receipt_top(data))
    _lead_in(doc, "1. Thành phần hồ sơ nộp gồm:")
    _documents_table(doc, data.documents, note_header="Ghi chú")
    _blanks(doc, wording.receipt_bottom(data), before=nd30.sizes_of(doc).after_pt)
    nd30.add_signatures(
        doc,
        [
            nd30.Signer(["Người nộp hồ sơ"], data.applicant.name, nd30.SIGN_NOTE),
            nd30.Signer(["Người tiếp nhận hồ sơ"], data.officer_name, nd30.SIGN_NOTE),
        ],
    )
    return nd30.to_bytes(doc)


def supplement_docx(data: SupplementData) -> bytes:
    """Mẫu 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (A5)."""
    doc = _start(data.form_set, FormKind.SUPPLEMENT, data.office, data.issued_at)
    nd30.add_title(doc, wording.SUPPLEMENT_TITLE)
    _code_lines(doc, data.code)
    _blanks(doc, wording.supplement_top(data))
    _lead_in(doc, wording.supplement_intro(data.applicant))
    _documents_table(doc, data.missing, note_header="Nội dung cần bổ sung, hoàn thiện", note_share=0.3)
    _blanks(doc, [wording.blanks(("Lý do:", data.reason))], before=nd30.sizes_of(doc).after_pt)
    nd30.add_paragraph(doc, wording.supplement_contact(data))
    nd30.add_signature(doc, ["Người hướng dẫn"], data.officer_name, note=nd30.SIGN_NOTE)
    return nd30.to_bytes(doc)


def refusal_docx(data: RefusalData) -> bytes:
    """Mẫu 03, Phiếu từ chối tiếp nhận giải quyết hồ sơ (A5); after appraisal, its second title."""
    doc = _start(data.form_set, FormKind.REFUSAL, data.office, data.issued_at)
    nd30.add_title(doc, wording.refusal_title(data))
    _code_lines(doc, data.code)
    _blanks(doc, wording.refusal_top(data))
    nd30.add_paragraph(doc, wording.refusal_intro(data))
    for number, reason in enumerate(data.reasons, 1):
        nd30.add_paragraph(doc, f"{number}. {reason}")
    nd30.add_paragraph(doc, wording.refusal_closing(data.applicant))
    nd30.add_signature(doc, ["Người tiếp nhận hồ sơ"], data.officer_name, note=nd30.SIGN_NOTE)
    return nd30.to_bytes(doc)


def _to_line(doc: DocxDocument, applicant: Applicant) -> None:
    sizes = nd30.sizes_of(doc)
    paragraph = nd30.add_paragraph(doc, indent=False, align=CENTER, before=sizes.after_pt * 2, after=sizes.after_pt)
    nd30.add_runs(paragraph, ("", "Kính gửi: "), ("", applicant.salutation))


def apology_docx(data: ApologyData) -> bytes:
    """Mẫu 04: the A5 apology slip of TT 01/2018, or the A4 apology letter of TT 03/2025."""
    letter = wording.apology_is_letter(data)
    doc = _start(
        data.form_set,
        FormKind.APOLOGY,
        data.office,
        data.issued_at,
        page="A4" if letter else "A5",
        number_text=data.number_text,
        summary=wording.APOLOGY_LETTER_SUMMARY if letter else None,
    )
    if not letter:
        nd30.add_title(doc, wording.APOLOGY_SLIP_TITLE)
    _to_line(doc, data.applicant)
    for text in wording.apology_paragraphs(data):
        nd30.add_paragraph(doc, text)
    positions = wording.lines(data.signer_position)
    if letter:
        nd30.add_signature(doc, positions, data.signer_name, wording.APOLOGY_RECIPIENTS)
    else:
        nd30.add_signature(doc, positions, data.signer_name, note=wording.SEAL_NOTE)
    return nd30.to_bytes(doc)


def stop_notice_docx(data: StopNoticeData) -> bytes:
    """TT 03/2025 Mẫu 05, Thông báo dừng giải quyết hồ sơ (A5)."""
    doc = _start(data.form_set, FormKind.STOP_NOTICE, data.office, data.issued_at, number_text=data.number_text)
    nd30.add_title(doc, wording.STOP_TITLE, wording.STOP_SUBTITLE)
    _to_line(doc, data.applicant)
    _blanks(doc, wording.stop_top(data))
    for text in wording.stop_paragraphs(data):
        nd30.add_paragraph(doc, text)
    _blanks(doc, [wording.blanks(("Lý do:", data.reason))])
    nd30.add_paragraph(doc, wording.stop_closing(data.applicant))
    nd30.add_signature(doc, wording.lines(data.signer_position), data.signer_name, note=nd30.SIGN_NOTE)
    return nd30.to_bytes(doc)


def control_sheet_docx(data: ControlSheetData) -> bytes:
    """Mẫu 05 (TT 01/2018) / 06 (TT 03/2025), Phiếu kiểm soát quá trình giải quyết hồ sơ (A4)."""
    doc = _start(data.form_set, FormKind.CONTROL_SHEET, data.office, data.receipt_date, page="A4")
    nd30.add_title(doc, wording.CONTROL_TITLE)
    _code_lines(doc, data.code, wording.control_attachment(data))
    _blanks(doc, wording.control_top(data))
    _control_table(doc, data)
    return nd30.to_bytes(doc)


def _control_table(doc: DocxDocument, data: ControlSheetData) -> None:
    """One hand-over per pair of rows: units | moment over giver and receiver | result | note."""
    sizes = nd30.sizes_of(doc)
    size = sizes.table
    steps = wording.control_steps(data)
    table = nd30.new_table(doc, [45, 31, 31, 33, 25], rows=1 + 2 * len(steps))
    header = table.rows[0]
    nd30.repeat_as_header(header)
    merged = header.cells[1].merge(header.cells[2])
    cells = (header.cells[0], merged, header.cells[3], header.cells[4])
    for cell, (title, hint) in zip(cells, wording.CONTROL_HEADERS, strict=True):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        nd30.cell_text(cell, title, bold=True, size=size, align=CENTER, before=2)
        if hint:
            nd30.cell_text(cell, hint, italic=True, size=size - 1, align=CENTER, new_paragraph=True)
    for index, step in enumerate(steps):
        top, bottom = table.rows[1 + 2 * index], table.rows[2 + 2 * index]
        for row in (top, bottom):
            nd30.keep_row_on_one_page(row)
        units = top.cells[0].merge(bottom.cells[0])
        moment = top.cells[1].merge(top.cells[2])
        result = top.cells[3].merge(bottom.cells[3])
        note = top.cells[4].merge(bottom.cells[4])
        if step.name:
            nd30.cell_text(units, step.name, bold=True, size=size, before=2)
        nd30.cell_text(units, f"1. Giao: {step.giver_unit}", size=size, new_paragraph=bool(step.name), before=2)
        nd30.cell_text(units, f"2. Nhận: {step.receiver_unit}", size=size, new_paragraph=True, before=2)
        nd30.cell_text(moment, step.moment, size=size, align=CENTER, before=2, after=2)
        signers = ((bottom.cells[1], "Người giao", step.giver), (bottom.cells[2], "Người nhận", step.receiver))
        for cell, role, person in signers:
            nd30.cell_text(cell, role, italic=True, size=size, align=CENTER, before=2)
            nd30.cell_text(cell, person, size=size, align=CENTER, new_paragraph=True, before=sizes.sign_gap_pt / 2)
        nd30.cell_text(result, step.result, bold=True, size=size, align=CENTER, before=2)
        for line in step.result_details:
            nd30.cell_text(result, line, size=size - 1, align=CENTER, new_paragraph=True)
        nd30.cell_text(note, step.note, size=size, before=2)
        # Word keeps a hand-over's two rows together only through "keep with next" on the first.
        for paragraph in (*units.paragraphs, *moment.paragraphs):
            paragraph.paragraph_format.keep_with_next = True
