"""The plain data the standard one-stop forms are filled from: the only input of the renderers.

Services fill these from the models; the DOCX, PDF and XLSX renderers never touch the database, so
the same dossier prints the same whether it comes from a view, a task or a test.

Which numbers and titles a form carries depends on the circular in force when the dossier was
received (legal.md §1.5): TT 01/2018/TT-VPCP numbers the forms 01–06, TT 03/2025/TT-VPCP adds the
stop notice as Mẫu 05 and shifts the control sheet and the register to 06 and 07.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Literal

NO_DUE_DATE_TEXT = "Không có ngày hẹn trả cụ thể theo quy định"


class FormSet(StrEnum):
    TT01_2018 = "tt01_2018"
    TT03_2025 = "tt03_2025"


class FormKind(StrEnum):
    RECEIPT = "receipt"
    SUPPLEMENT = "supplement"
    REFUSAL = "refusal"
    APOLOGY = "apology"
    STOP_NOTICE = "stop_notice"
    CONTROL_SHEET = "control_sheet"
    TRACKING_BOOK = "tracking_book"


@dataclass(frozen=True, slots=True)
class FormSpec:
    number: int
    title: str  # the form's name in the circular's annex

    @property
    def label(self) -> str:
        """The corner label of the annex, "Mẫu số 01"."""
        return f"Mẫu số {self.number:02d}"


FORMS: Mapping[FormSet, Mapping[FormKind, FormSpec]] = {
    FormSet.TT01_2018: {
        FormKind.RECEIPT: FormSpec(1, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
        FormKind.SUPPLEMENT: FormSpec(2, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
        FormKind.REFUSAL: FormSpec(3, "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
        FormKind.APOLOGY: FormSpec(4, "Phiếu xin lỗi và hẹn lại ngày trả kết quả"),
        FormKind.CONTROL_SHEET: FormSpec(5, "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
        FormKind.TRACKING_BOOK: FormSpec(6, "Sổ theo dõi hồ sơ"),
    },
    FormSet.TT03_2025: {
        FormKind.RECEIPT: FormSpec(1, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
        FormKind.SUPPLEMENT: FormSpec(2, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
        FormKind.REFUSAL: FormSpec(3, "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
        FormKind.APOLOGY: FormSpec(4, "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"),
        FormKind.STOP_NOTICE: FormSpec(5, "Thông báo dừng giải quyết hồ sơ"),
        FormKind.CONTROL_SHEET: FormSpec(6, "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
        FormKind.TRACKING_BOOK: FormSpec(7, "Sổ theo dõi hồ sơ"),
    },
}


def form_spec(form_set: FormSet | str, kind: FormKind) -> FormSpec | None:
    """The number and title of `kind` in `form_set`; None where the circular has no such form.

    TT 01/2018 has no stop notice: the notice is still printed, without a "Mẫu số" label.
    """
    return FORMS[FormSet(form_set)].get(kind)


def form_label(form_set: FormSet | str, kind: FormKind) -> str:
    spec = form_spec(form_set, kind)
    return spec.label if spec else ""


@dataclass(frozen=True, slots=True)
class Office:
    parent_body: str  # "UBND TỈNH BÀ RỊA - VŨNG TÀU"
    body: str  # "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    place: str  # the place name of the date line, "Bà Rịa - Vũng Tàu"
    desk_name: str  # "Bộ phận Một cửa Sở Khoa học và Công nghệ", as written inside a sentence
    phone: str = ""
    email: str = ""
    address: str = ""
    # The body's name as written inside a sentence ("Sở Khoa học và Công nghệ"). Vietnamese
    # capitalisation of names cannot be derived from the capitals of the header.
    body_name: str = ""

    @property
    def name_in_text(self) -> str:
        return self.body_name or self.desk_name


@dataclass(frozen=True, slots=True)
class Applicant:
    name: str
    kind: Literal["person", "organisation"] = "person"
    id_number: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""

    @property
    def is_organisation(self) -> bool:
        return self.kind == "organisation"

    @property
    def addressee(self) -> str:
        """How the forms address the applicant inside a sentence: "Ông/Bà" or "Quý tổ chức"."""
        return "Quý tổ chức" if self.is_organisation else "Ông/Bà"

    @property
    def salutation(self) -> str:
        """The "Kính gửi:" line: "Ông/Bà Nguyễn Văn An", or the organisation's name alone."""
        return self.name if self.is_organisation else f"Ông/Bà {self.name}"

    @property
    def id_label(self) -> str:
        return "Mã số doanh nghiệp/tổ chức" if self.is_organisation else "Số định danh cá nhân"


@dataclass(frozen=True, slots=True)
class DocumentLine:
    name: str
    form: str = "Bản chính"  # "Bản chính", "Bản sao", "Bản sao chứng thực", "Bản điện tử"
    count: int = 1
    note: str = ""


@dataclass(frozen=True, slots=True)
class ReceiptData:
    form_set: FormSet
    office: Office
    code: str
    applicant: Applicant
    procedure_name: str
    documents: Sequence[DocumentLine]
    sets_count: int
    time_limit_text: str  # "15 ngày làm việc"
    received_at: datetime
    due_at: datetime | None  # None: the procedure sets no return date
    return_place: str
    register_book: str
    register_number: int
    officer_name: str
    channel_text: str = ""  # "Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính công ích"


@dataclass(frozen=True, slots=True)
class SupplementData:
    form_set: FormSet
    office: Office
    code: str
    applicant: Applicant
    procedure_name: str
    missing: Sequence[DocumentLine]
    reason: str
    contact_phone: str
    officer_name: str
    issued_at: datetime


@dataclass(frozen=True, slots=True)
class RefusalData:
    form_set: FormSet
    office: Office
    code: str
    applicant: Applicant
    procedure_name: str
    reasons: Sequence[str]
    officer_name: str
    issued_at: datetime
    after_appraisal: bool = False  # refused after appraisal, not at the desk: another title line


@dataclass(frozen=True, slots=True)
class ApologyData:
    form_set: FormSet
    office: Office
    code: str
    applicant: Applicant
    procedure_name: str
    received_at: datetime
    old_due: datetime
    reason: str
    new_due: datetime
    signer_position: str  # one line per row of the signature block: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
    signer_name: str
    issued_at: datetime
    number_text: str  # "15/SKHCN-MC"


@dataclass(frozen=True, slots=True)
class StopNoticeData:
    form_set: FormSet
    office: Office
    code: str
    applicant: Applicant
    procedure_name: str
    requested_at: datetime  # when the applicant asked to withdraw or stop
    reason: str
    signer_name: str
    issued_at: datetime
    signer_position: str = "TRƯỞNG BỘ PHẬN MỘT CỬA"
    number_text: str = ""


@dataclass(frozen=True, slots=True)
class ControlRow:
    step_name: str
    from_unit: str
    to_unit: str
    handed_at: datetime
    giver: str
    receiver: str
    planned_end: datetime | None
    finished_at: datetime | None
    result: str  # "Trước hạn", "Đúng hạn", "Quá hạn", "Đang xử lý"
    note: str = ""


@dataclass(frozen=True, slots=True)
class ControlSheetData:
    form_set: FormSet
    office: Office
    code: str
    applicant_name: str
    procedure_name: str
    receipt_date: date
    due_at: datetime | None
    handling_unit: str
    coordinating_units: Sequence[str]
    rows: Sequence[ControlRow]


@dataclass(frozen=True, slots=True)
class TrackingRow:
    number: int
    code: str
    procedure_name: str
    sets_count: int
    applicant_name: str
    applicant_contact: str  # address and phone
    handling_unit: str
    received_at: datetime
    due_at: datetime | None
    transferred_at: datetime | None
    result_received_at: datetime | None
    returned_at: datetime | None
    note: str = ""


@dataclass(frozen=True, slots=True)
class TrackingBookData:
    office: Office
    date_from: date
    date_to: date
    rows: Sequence[TrackingRow]
    form_set: FormSet = FormSet.TT03_2025
