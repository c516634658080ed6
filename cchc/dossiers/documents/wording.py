"""The Vietnamese wording of the forms, shared by the DOCX and the PDF renderers.

Legal form texts, written directly rather than translated: they follow the annexes of TT 01/2018/TT-VPCP
and TT 03/2025/TT-VPCP (legal.md §1.5), whose exact wording for TT 03/2025 was not available; where
it differs from TT 01/2018 (the apology letter, the stop notice) the text is our best reading.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cchc.dossiers.documents.data import (
    NO_DUE_DATE_TEXT,
    ApologyData,
    Applicant,
    ControlSheetData,
    FormSet,
    ReceiptData,
    RefusalData,
    StopNoticeData,
    SupplementData,
)
from cchc.lib.nd30 import short_date, short_datetime, vietnamese_date, vietnamese_datetime

RECEIPT_TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
SUPPLEMENT_TITLE = "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"
REFUSAL_TITLE = "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"
REFUSAL_AFTER_APPRAISAL_TITLE = "PHIẾU TỪ CHỐI GIẢI QUYẾT HỒ SƠ"
APOLOGY_SLIP_TITLE = "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"
APOLOGY_LETTER_SUMMARY = "V/v xin lỗi và đề nghị gia hạn thời gian giải quyết hồ sơ"
APOLOGY_RECIPIENTS = ("Như trên", "Lưu: VT, Bộ phận Một cửa")
STOP_TITLE = "THÔNG BÁO"
STOP_SUBTITLE = "Về việc dừng giải quyết hồ sơ"
CONTROL_TITLE = "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"
# (heading, hint under it); the second column spans the giver's and the receiver's signatures.
CONTROL_HEADERS = (
    ("TÊN CƠ QUAN", ""),
    ("THỜI GIAN GIAO, NHẬN HỒ SƠ", ""),
    ("KẾT QUẢ GIẢI QUYẾT HỒ SƠ", "(Trước hạn/đúng hạn/quá hạn)"),
    ("GHI CHÚ", ""),
)
COPY_NOTE = "(Liên: Lưu/Giao người nộp hồ sơ)"
SEAL_NOTE = "(Ký, ghi rõ họ tên và đóng dấu)"
BLANK_MOMENT = "…… giờ …… phút, ngày …… tháng …… năm ……"
IN_PROGRESS = "Đang xử lý"


def lines(text: str) -> list[str]:
    """A multi-line position ("KT. GIÁM ĐỐC\\nPHÓ GIÁM ĐỐC") as its non-empty lines."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _sentence(text: str) -> str:
    """`text` without its final full stop, to be embedded in a sentence that adds its own."""
    return text.strip().rstrip(".")


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


NBSP = "\u00a0"
# A person's name or a short organisation name wraps as a whole: "Nguyễn / Thị Ánh Tuyết" misreads.
UNBROKEN_MAX = 40


def unbroken(name: str) -> str:
    return name.replace(" ", NBSP) if len(name) <= UNBROKEN_MAX else name


@dataclass(frozen=True, slots=True)
class Blanks:
    """Blanks of the paper form sharing one line when they fit: ("Label:", value) pairs."""

    fields: tuple[tuple[str, str], ...]
    bold: bool = False


def blanks(*fields: tuple[str, str], bold: bool = False) -> Blanks:
    return Blanks(tuple(fields), bold)


def applicant_blanks(applicant: Applicant, *, with_id: bool = True, channel: str = "") -> list[Blanks]:
    first = []
    if with_id and applicant.id_number:
        first.append((f"{applicant.id_label}:", applicant.id_number))
    if channel:
        first.append(("Hình thức nộp:", channel))
    return [
        *([blanks(*first)] if first else []),
        blanks(("Địa chỉ:", applicant.address)),
        blanks(("Số điện thoại:", applicant.phone), ("Email:", applicant.email)),
    ]


def _received_from(desk: str, applicant: Applicant, *, addressee: bool = False) -> Blanks:
    whose = f"của {applicant.addressee}:" if addressee else "của:"
    return blanks((f"{desk} tiếp nhận hồ sơ {whose}", unbroken(applicant.name)), bold=True)


# Mẫu 01 -----------------------------------------------------------------------------------------


def receipt_top(data: ReceiptData) -> list[Blanks]:
    return [
        _received_from(data.office.desk_name, data.applicant),
        *applicant_blanks(data.applicant, channel=data.channel_text),
        blanks(("Nội dung yêu cầu giải quyết:", data.procedure_name)),
    ]


def receipt_bottom(data: ReceiptData) -> list[Blanks]:
    due = vietnamese_datetime(data.due_at) if data.due_at else NO_DUE_DATE_TEXT
    return [
        blanks(("2. Số lượng hồ sơ:", f"{data.sets_count:02d} (bộ)")),
        blanks(("3. Thời gian giải quyết hồ sơ theo quy định:", data.time_limit_text)),
        blanks(("4. Thời gian nhận hồ sơ:", vietnamese_datetime(data.received_at))),
        blanks(("5. Thời gian trả kết quả giải quyết hồ sơ:", due)),
        blanks(("6. Đăng ký nhận kết quả tại:", data.return_place)),
        blanks(("Vào Sổ theo dõi hồ sơ, Quyển số:", data.register_book), ("Số thứ tự:", f"{data.register_number:02d}")),
    ]


# Mẫu 02 -----------------------------------------------------------------------------------------


def supplement_top(data: SupplementData) -> list[Blanks]:
    return [
        _received_from(data.office.desk_name, data.applicant, addressee=True),
        *applicant_blanks(data.applicant, with_id=False),
        blanks(("Nội dung yêu cầu giải quyết:", data.procedure_name)),
    ]


def supplement_intro(applicant: Applicant) -> str:
    return f"Yêu cầu {applicant.addressee} bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:"


def supplement_contact(data: SupplementData) -> str:
    who = f"{data.officer_name}, " if data.officer_name else ""
    return (
        f"Trong quá trình bổ sung, hoàn thiện hồ sơ nếu có vướng mắc, {data.applicant.addressee} liên hệ "
        f"{who}số điện thoại {data.contact_phone or '…………'} để được hướng dẫn./."
    )


# Mẫu 03 -----------------------------------------------------------------------------------------


def refusal_title(data: RefusalData) -> str:
    return REFUSAL_AFTER_APPRAISAL_TITLE if data.after_appraisal else REFUSAL_TITLE


def refusal_top(data: RefusalData) -> list[Blanks]:
    return [
        _received_from(data.office.desk_name, data.applicant),
        *applicant_blanks(data.applicant),
        blanks(("Nội dung yêu cầu giải quyết:", data.procedure_name)),
    ]


def refusal_intro(data: RefusalData) -> str:
    if data.after_appraisal:
        return (
            f"Qua thẩm định, {data.office.name_in_text} thông báo không giải quyết hồ sơ này với lý do cụ thể như sau:"
        )
    return (
        f"Qua xem xét, {data.office.desk_name} thông báo không tiếp nhận, giải quyết hồ sơ này "
        "với lý do cụ thể như sau:"
    )


def refusal_closing(applicant: Applicant) -> str:
    return f"Xin thông báo để {applicant.addressee} được biết và thực hiện./."


# Mẫu 04 -----------------------------------------------------------------------------------------


def apology_is_letter(data: ApologyData) -> bool:
    """TT 03/2025 turned the A5 apology slip into a letter (A4, with "Nơi nhận")."""
    return FormSet(data.form_set) is FormSet.TT03_2025


def apology_paragraphs(data: ApologyData) -> list[str]:
    who = data.office.name_in_text
    you = data.applicant.addressee
    received = capitalised(vietnamese_date(data.received_at))
    if apology_is_letter(data):
        return [
            (
                f"{received}, {who} tiếp nhận hồ sơ đề nghị giải quyết thủ tục {_sentence(data.procedure_name)} "
                f"của {you} (mã hồ sơ: {data.code}), hẹn trả kết quả vào {vietnamese_datetime(data.old_due)}."
            ),
            f"Tuy nhiên, đến nay {who} chưa giải quyết xong hồ sơ. Lý do: {_sentence(data.reason)}.",
            (
                f"{who} trân trọng xin lỗi {you} vì sự chậm trễ này và đề nghị gia hạn thời gian giải quyết "
                f"hồ sơ đến {vietnamese_datetime(data.new_due)}."
            ),
            f"{who} rất mong nhận được sự thông cảm của {you}./.",
        ]
    return [
        f"{received}, {who} tiếp nhận giải quyết hồ sơ của {you}, mã hồ sơ: {data.code}.",
        f"Nội dung yêu cầu giải quyết: {_sentence(data.procedure_name)}.",
        f"Thời hẹn trả kết quả giải quyết hồ sơ: {vietnamese_datetime(data.old_due)}.",
        f"Tuy nhiên đến nay, {who} chưa trả kết quả giải quyết hồ sơ cho {you}. Lý do: {_sentence(data.reason)}.",
        (
            f"Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của {you}. {who} xin lỗi {you} "
            f"và hẹn trả kết quả giải quyết hồ sơ vào {vietnamese_datetime(data.new_due)}."
        ),
        f"Rất mong nhận được sự thông cảm của {you}./.",
    ]


# Thông báo dừng giải quyết hồ sơ (TT 03/2025 Mẫu 05) ---------------------------------------------


def stop_top(data: StopNoticeData) -> list[Blanks]:
    return [blanks(("Mã hồ sơ:", data.code), bold=True), blanks(("Thủ tục hành chính:", data.procedure_name))]


def stop_paragraphs(data: StopNoticeData) -> list[str]:
    desk = data.office.desk_name
    return [
        (
            f"{capitalised(vietnamese_date(data.requested_at))}, {desk} nhận được đề nghị của "
            f"{data.applicant.addressee} về việc dừng giải quyết hồ sơ nêu trên."
        ),
        f"{desk} thông báo dừng giải quyết hồ sơ kể từ {vietnamese_date(data.issued_at)}.",
    ]


def stop_closing(applicant: Applicant) -> str:
    return f"Thông báo để {applicant.addressee} được biết./."


# Phiếu kiểm soát ----------------------------------------------------------------------------------


def control_attachment(data: ControlSheetData) -> str:
    return f"(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả số: {data.code}, ngày {short_date(data.receipt_date)})"


def control_top(data: ControlSheetData) -> list[Blanks]:
    due = vietnamese_datetime(data.due_at) if data.due_at else NO_DUE_DATE_TEXT
    return [
        blanks(("Người nộp hồ sơ:", data.applicant_name)),
        blanks(("Thủ tục hành chính:", data.procedure_name)),
        blanks(("Thời gian hẹn trả kết quả:", due)),
        blanks(("Cơ quan (bộ phận) giải quyết hồ sơ:", data.handling_unit)),
        blanks(("Cơ quan phối hợp giải quyết hồ sơ:", ", ".join(data.coordinating_units))),
    ]


@dataclass(frozen=True, slots=True)
class ControlStep:
    """One hand-over of the control sheet as printed: two table rows, blanks where data is missing."""

    name: str
    giver_unit: str
    receiver_unit: str
    moment: str
    giver: str
    receiver: str
    result: str
    result_details: Sequence[str]
    note: str


MIN_CONTROL_STEPS = 3


def control_steps(data: ControlSheetData) -> list[ControlStep]:
    """The sheet's rows, plus blank ones to be filled by hand as on the paper form.

    Blank rows make up at least three hand-overs, and there is always one while a step is in progress.
    """
    steps = []
    for row in data.rows:
        details = []
        if row.planned_end:
            details.append(f"Hạn: {short_datetime(row.planned_end)}")
        if row.finished_at:
            details.append(f"Xong: {short_datetime(row.finished_at)}")
        steps.append(
            ControlStep(
                name=row.step_name,
                giver_unit=row.from_unit,
                receiver_unit=row.to_unit,
                moment=vietnamese_datetime(row.handed_at),
                giver=row.giver,
                receiver=row.receiver,
                result=row.result,
                result_details=details,
                note=row.note,
            )
        )
    blanks = max(0, MIN_CONTROL_STEPS - len(steps))
    if not blanks and any(row.result == IN_PROGRESS for row in data.rows):
        blanks = 1
    blank = ControlStep("", "……………", "……………", BLANK_MOMENT, "", "", "", (), "")
    return steps + [blank] * blanks
