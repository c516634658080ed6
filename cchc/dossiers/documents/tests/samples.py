"""Demo data for the form tests and for looking at the forms (the demo office of the brief)."""

from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from cchc.dossiers.documents.data import (
    ApologyData,
    Applicant,
    ControlRow,
    ControlSheetData,
    DocumentLine,
    FormSet,
    Office,
    ReceiptData,
    RefusalData,
    StopNoticeData,
    SupplementData,
    TrackingBookData,
    TrackingRow,
)

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """Aware, as the models give them: the forms print them in Vietnam time."""
    return datetime(year, month, day, hour, minute, tzinfo=VN)


OFFICE = Office(
    parent_body="UBND TỈNH BÀ RỊA - VŨNG TÀU",
    body="SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    place="Bà Rịa - Vũng Tàu",
    desk_name="Bộ phận Một cửa Sở Khoa học và Công nghệ",
    phone="0254 3852 123",
    email="motcua.skhcn@baria-vungtau.gov.vn",
    address="198 Bạch Đằng, phường Phước Trung, thành phố Bà Rịa",
    body_name="Sở Khoa học và Công nghệ",
)
PERSON = Applicant(
    name="Nguyễn Thị Ánh Tuyết",
    kind="person",
    id_number="077185001234",
    address="25 Lê Lợi, phường 1, thành phố Vũng Tàu",
    phone="0903 123 456",
    email="tuyet.nguyen@example.vn",
)
ORGANISATION = Applicant(
    name="Công ty TNHH Kỹ thuật Đo lường Đông Nam Bộ",
    kind="organisation",
    id_number="3502345678",
    address="Lô A5, Khu công nghiệp Phú Mỹ I, thị xã Phú Mỹ",
    phone="0254 3876 543",
    email="info@dolaodnb.example.vn",
)
CODE = "000.00.26.H03-260105-0007"
PROCEDURE = "Cấp giấy phép tiến hành công việc bức xạ - sử dụng thiết bị X-quang chẩn đoán trong y tế"
RECEIVED = at(2026, 1, 5, 8, 30)
DUE = at(2026, 1, 26, 16, 0)
DOCUMENTS = [
    DocumentLine("Đơn đề nghị cấp giấy phép tiến hành công việc bức xạ", "Bản chính", 1),
    DocumentLine("Phiếu khai báo nhân viên bức xạ", "Bản chính", 1),
    DocumentLine("Chứng chỉ nhân viên bức xạ của người phụ trách an toàn", "Bản sao chứng thực", 1),
    DocumentLine("Báo cáo đánh giá an toàn bức xạ", "Bản chính", 2, "Có chữ ký, đóng dấu"),
]


def receipt(form_set: FormSet = FormSet.TT03_2025, **changes: object) -> ReceiptData:
    data = ReceiptData(
        form_set=form_set,
        office=OFFICE,
        code=CODE,
        applicant=PERSON,
        procedure_name=PROCEDURE,
        documents=DOCUMENTS,
        sets_count=1,
        time_limit_text="15 ngày làm việc",
        received_at=RECEIVED,
        due_at=DUE,
        return_place="Bộ phận Một cửa Sở Khoa học và Công nghệ",
        register_book="01/2026",
        register_number=7,
        officer_name="Trần Văn Bình",
        channel_text="Trực tiếp",
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def supplement(form_set: FormSet = FormSet.TT03_2025, **changes: object) -> SupplementData:
    data = SupplementData(
        form_set=form_set,
        office=OFFICE,
        code=CODE,
        applicant=PERSON,
        procedure_name=PROCEDURE,
        missing=[
            DocumentLine("Phiếu khai báo thiết bị X-quang", "Bản chính", 1, "Khai thiếu số sê-ri của bóng phát"),
            DocumentLine("Hợp đồng dịch vụ đo liều chiếu xạ cá nhân", "Bản sao", 1, "Hợp đồng đã hết hạn"),
        ],
        reason="Hồ sơ chưa đủ thành phần theo quy định tại Quyết định công bố thủ tục hành chính",
        contact_phone="0254 3852 123",
        officer_name="Trần Văn Bình",
        issued_at=at(2026, 1, 5, 9, 15),
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def refusal(form_set: FormSet = FormSet.TT03_2025, **changes: object) -> RefusalData:
    data = RefusalData(
        form_set=form_set,
        office=OFFICE,
        code=CODE,
        applicant=PERSON,
        procedure_name=PROCEDURE,
        reasons=[
            "Thủ tục hành chính không thuộc thẩm quyền giải quyết của Sở Khoa học và Công nghệ.",
            "Thiết bị thuộc diện do Cục An toàn bức xạ và hạt nhân cấp phép.",
        ],
        officer_name="Trần Văn Bình",
        issued_at=at(2026, 1, 5, 9, 40),
        after_appraisal=False,
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def apology(form_set: FormSet = FormSet.TT03_2025, **changes: object) -> ApologyData:
    data = ApologyData(
        form_set=form_set,
        office=OFFICE,
        code=CODE,
        applicant=PERSON,
        procedure_name=PROCEDURE,
        received_at=RECEIVED,
        old_due=DUE,
        reason="Cần lấy ý kiến của cơ quan phối hợp về kết quả kiểm định thiết bị",
        new_due=at(2026, 2, 2, 16, 0),
        signer_position="KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
        signer_name="Lê Hoàng Nam",
        issued_at=at(2026, 1, 23, 10, 0),
        number_text="15/SKHCN-MC",
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def stop_notice(form_set: FormSet = FormSet.TT03_2025, **changes: object) -> StopNoticeData:
    data = StopNoticeData(
        form_set=form_set,
        office=OFFICE,
        code=CODE,
        applicant=PERSON,
        procedure_name=PROCEDURE,
        requested_at=at(2026, 1, 12, 14, 0),
        reason="Người nộp hồ sơ đề nghị rút hồ sơ để điều chỉnh thiết kế phòng đặt thiết bị",
        signer_name="Phạm Thu Hà",
        issued_at=at(2026, 1, 13, 9, 0),
        number_text="03/TB-MC",
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def control_sheet(form_set: FormSet = FormSet.TT03_2025, **changes: object) -> ControlSheetData:
    data = ControlSheetData(
        form_set=form_set,
        office=OFFICE,
        code=CODE,
        applicant_name=PERSON.name,
        procedure_name=PROCEDURE,
        receipt_date=RECEIVED.date(),
        due_at=DUE,
        handling_unit="Phòng Quản lý chuyên ngành",
        coordinating_units=["Chi cục Tiêu chuẩn Đo lường Chất lượng"],
        rows=[
            ControlRow(
                step_name="Chuyển hồ sơ đến phòng chuyên môn",
                from_unit="Bộ phận Một cửa",
                to_unit="Phòng Quản lý chuyên ngành",
                handed_at=at(2026, 1, 5, 10, 0),
                giver="Trần Văn Bình",
                receiver="Võ Minh Khang",
                planned_end=at(2026, 1, 6, 10, 0),
                finished_at=at(2026, 1, 5, 15, 0),
                result="Trước hạn",
                note="",
            ),
            ControlRow(
                step_name="Thẩm định hồ sơ",
                from_unit="Phòng Quản lý chuyên ngành",
                to_unit="Lãnh đạo Sở",
                handed_at=at(2026, 1, 19, 14, 30),
                giver="Võ Minh Khang",
                receiver="Lê Hoàng Nam",
                planned_end=at(2026, 1, 22, 16, 0),
                finished_at=None,
                result="Đang xử lý",
                note="Chờ ý kiến cơ quan phối hợp",
            ),
        ],
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def tracking_book(**changes: object) -> TrackingBookData:
    rows = [
        TrackingRow(
            number=i,
            code=f"000.00.26.H03-2601{i + 4:02d}-{i:04d}",
            procedure_name=PROCEDURE if i % 2 else "Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ",
            sets_count=1,
            applicant_name=PERSON.name if i % 2 else ORGANISATION.name,
            applicant_contact=f"{PERSON.address}; {PERSON.phone}",
            handling_unit="Phòng Quản lý chuyên ngành",
            received_at=at(2026, 1, 4 + i, 8, 30),
            due_at=at(2026, 1, 25 + i, 16, 0) if i != 3 else None,
            transferred_at=at(2026, 1, 4 + i, 10, 0),
            result_received_at=at(2026, 1, 20 + i, 9, 0) if i < 3 else None,
            returned_at=at(2026, 1, 21 + i, 14, 0) if i < 3 else None,
            note="Trả qua dịch vụ bưu chính" if i == 2 else "",
        )
        for i in range(1, 6)
    ]
    data = TrackingBookData(office=OFFICE, date_from=date(2026, 1, 1), date_to=date(2026, 1, 31), rows=rows)
    return replace(data, **changes)  # type: ignore[arg-type]
