"""Mẫu 01–05 and the stop notice, as DOCX and as PDF, for both form sets: the texts a clerk must see."""

import io
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from cchc.dossiers.documents import docx_forms, pdf_forms
from cchc.dossiers.documents.data import NO_DUE_DATE_TEXT, DocumentLine, FormSet
from cchc.dossiers.documents.tests import samples
from cchc.dossiers.documents.tests.readers import A4_MM, A5_MM, docx_page_mm, docx_text, pdf_pages, pdf_text

TT01, TT03 = FormSet.TT01_2018, FormSet.TT03_2025
HEADER_TEXTS = (
    "UBND TỈNH BÀ RỊA - VŨNG TÀU",
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
)


class Rendered:
    """One form rendered in one format: its text and the size of its pages in mm."""

    def __init__(self, fmt: str, content: bytes) -> None:
        self.fmt = fmt
        self.content = content
        if fmt == "docx":
            assert content[:2] == b"PK"
            self.text = docx_text(content)
            self.pages = [docx_page_mm(content)]
        else:
            assert content.startswith(b"%PDF")
            self.text = pdf_text(content)
            self.pages = pdf_pages(content)

    def assert_has(self, *texts: str) -> None:
        missing = [text for text in texts if text not in self.text]
        assert not missing, f"{self.fmt}: {missing} not in:\n{self.text}"


def render(kind: str, fmt: str, data: Any) -> Rendered:
    module: Any = docx_forms if fmt == "docx" else pdf_forms
    function: Callable[[Any], bytes] = getattr(module, f"{kind}_{fmt}")
    return Rendered(fmt, function(data))


FORMATS = pytest.mark.parametrize("fmt", ["docx", "pdf"])
FORM_SETS = pytest.mark.parametrize("form_set", [TT01, TT03])


@FORMATS
@FORM_SETS
def test_it_prints_the_receipt(fmt: str, form_set: FormSet) -> None:
    out = render("receipt", fmt, samples.receipt(form_set))

    assert out.pages == [A5_MM]
    out.assert_has(
        *HEADER_TEXTS,
        "Mẫu số 01",
        "Bà Rịa - Vũng Tàu, ngày 05 tháng 01 năm 2026",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        "Mã hồ sơ: 000.00.26.H03-260105-0007",
        "tiếp nhận hồ sơ của:",
        "Nguyễn Thị Ánh Tuyết",
        "Số định danh cá nhân: 077185001234",
        "Email: tuyet.nguyen@example.vn",
        "Đơn đề nghị cấp giấy phép tiến hành công việc bức xạ",
        "Bản sao chứng thực",
        "2. Số lượng hồ sơ: 01 (bộ)",
        "3. Thời gian giải quyết hồ sơ theo quy định: 15 ngày làm việc",
        "4. Thời gian nhận hồ sơ: 08 giờ 30 phút, ngày 05 tháng 01 năm 2026",
        "16 giờ 00 phút, ngày 26 tháng 01 năm 2026",
        "6. Đăng ký nhận kết quả tại:",
        "Quyển số: 01/2026",
        "Số thứ tự: 07",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "(Ký, ghi rõ họ tên)",
        "Trần Văn Bình",
    )


@FORMATS
def test_it_says_when_the_procedure_sets_no_return_date(fmt: str) -> None:
    out = render("receipt", fmt, samples.receipt(due_at=None))

    out.assert_has(f"5. Thời gian trả kết quả giải quyết hồ sơ: {NO_DUE_DATE_TEXT}")


@FORMATS
def test_it_prints_aware_times_in_vietnam_time(fmt: str) -> None:
    received = datetime(2026, 1, 5, 1, 30, tzinfo=UTC)  # 08:30 in Hà Nội

    out = render("receipt", fmt, samples.receipt(received_at=received))

    out.assert_has("08 giờ 30 phút, ngày 05 tháng 01 năm 2026")


@FORMATS
def test_it_addresses_an_organisation(fmt: str) -> None:
    receipt = render("receipt", fmt, samples.receipt(applicant=samples.ORGANISATION))
    supplement = render("supplement", fmt, samples.supplement(applicant=samples.ORGANISATION))

    receipt.assert_has(samples.ORGANISATION.name, "Mã số doanh nghiệp/tổ chức: 3502345678")
    supplement.assert_has("tiếp nhận hồ sơ của Quý tổ chức:", "Yêu cầu Quý tổ chức bổ sung, hoàn thiện hồ sơ")
    assert "Ông/Bà" not in supplement.text


@FORMATS
def test_a_long_receipt_flows_onto_more_a5_pages(fmt: str) -> None:
    documents = [DocumentLine(f"Tài liệu kèm theo số {i} về an toàn bức xạ", "Bản sao", 1) for i in range(1, 31)]

    out = render("receipt", fmt, samples.receipt(documents=documents))

    out.assert_has("Tài liệu kèm theo số 1 về", "Tài liệu kèm theo số 30 về", "NGƯỜI TIẾP NHẬN HỒ SƠ")
    if fmt == "pdf":
        assert len(out.pages) >= 2
        assert set(out.pages) == {A5_MM}
    else:
        # Word paginates when it opens the file: check what makes page 2 read well, the table's
        # heading repeated, rows kept whole, and the page number in the header from page 2 on.
        xml = _part(out.content, "word/document.xml")
        assert "<w:tblHeader/>" in xml
        assert "<w:cantSplit/>" in xml
        assert "<w:titlePg/>" in xml


def _part(content: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read(name).decode("utf-8")


@FORMATS
def test_long_names_are_printed_whole(fmt: str) -> None:
    long_name = "Công ty Cổ phần Đầu tư Phát triển Công nghệ Kỹ thuật Hạt nhân và Thiết bị Y tế Miền Đông Nam Bộ"
    long_procedure = "Cấp lại giấy phép tiến hành công việc bức xạ " * 4
    applicant = replace(samples.ORGANISATION, name=long_name)

    out = render("receipt", fmt, samples.receipt(applicant=applicant, procedure_name=long_procedure.strip()))

    out.assert_has(long_name, long_procedure.strip())


@FORMATS
@FORM_SETS
def test_it_prints_the_supplement_request(fmt: str, form_set: FormSet) -> None:
    out = render("supplement", fmt, samples.supplement(form_set))

    assert out.pages == [A5_MM]
    out.assert_has(
        *HEADER_TEXTS,
        "Mẫu số 02",
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        "000.00.26.H03-260105-0007",
        "tiếp nhận hồ sơ của Ông/Bà:",
        "Nguyễn Thị Ánh Tuyết",
        "Yêu cầu Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:",
        "Phiếu khai báo thiết bị",
        "Hợp đồng đã hết hạn",
        "Lý do: Hồ sơ chưa đủ thành phần",
        "số điện thoại 0254 3852 123",
        "NGƯỜI HƯỚNG DẪN",
        "(Ký, ghi rõ họ tên)",
    )


@FORMATS
@FORM_SETS
def test_it_prints_the_refusal(fmt: str, form_set: FormSet) -> None:
    out = render("refusal", fmt, samples.refusal(form_set))

    assert out.pages == [A5_MM]
    out.assert_has(
        "Mẫu số 03",
        "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        "thông báo không tiếp nhận, giải quyết hồ sơ này",
        "1. Thủ tục hành chính không thuộc thẩm quyền",
        "2. Thiết bị thuộc diện",
        "Xin thông báo để Ông/Bà được biết và thực hiện",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
    )


@FORMATS
def test_a_refusal_after_appraisal_has_its_own_title(fmt: str) -> None:
    out = render("refusal", fmt, samples.refusal(after_appraisal=True))

    out.assert_has("PHIẾU TỪ CHỐI GIẢI QUYẾT HỒ SƠ", "Qua thẩm định")
    assert "TỪ CHỐI TIẾP NHẬN" not in out.text


@FORMATS
def test_the_2018_apology_is_an_a5_slip(fmt: str) -> None:
    out = render("apology", fmt, samples.apology(TT01))

    assert out.pages == [A5_MM]
    out.assert_has(
        "Mẫu số 04",
        "Số: 15/SKHCN-MC",
        "Bà Rịa - Vũng Tàu, ngày 23 tháng 01 năm 2026",
        "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
        "Kính gửi: Ông/Bà Nguyễn Thị Ánh Tuyết",
        "Ngày 05 tháng 01 năm 2026, Sở Khoa học và Công nghệ tiếp nhận",
        "Thời hẹn trả kết quả giải quyết hồ sơ: 16 giờ 00 phút, ngày 26 tháng 01 năm 2026",
        "Cần lấy ý kiến của cơ quan phối hợp",
        "16 giờ 00 phút, ngày 02 tháng 02 năm 2026",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Lê Hoàng Nam",
    )


@FORMATS
def test_the_2025_apology_is_an_a4_letter(fmt: str) -> None:
    out = render("apology", fmt, samples.apology(TT03))

    assert out.pages == [A4_MM]
    out.assert_has(
        "Mẫu số 04",
        "Số: 15/SKHCN-MC",
        "V/v xin lỗi và đề nghị gia hạn",
        "Kính gửi: Ông/Bà Nguyễn Thị Ánh Tuyết",
        "đề nghị gia hạn thời gian giải quyết",
        "16 giờ 00 phút, ngày 02 tháng 02 năm 2026",
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT, Bộ phận Một cửa.",
        "KT. GIÁM ĐỐC",
        "Lê Hoàng Nam",
    )
    assert "PHIẾU XIN LỖI" not in out.text


@FORMATS
@FORM_SETS
def test_it_prints_the_stop_notice(fmt: str, form_set: FormSet) -> None:
    out = render("stop_notice", fmt, samples.stop_notice(form_set))

    assert out.pages == [A5_MM]
    out.assert_has(
        *HEADER_TEXTS,
        "Số: 03/TB-MC",
        "THÔNG BÁO",
        "Về việc dừng giải quyết hồ sơ",
        "Kính gửi: Ông/Bà Nguyễn Thị Ánh Tuyết",
        "Mã hồ sơ: 000.00.26.H03-260105-0007",
        "Ngày 12 tháng 01 năm 2026",
        "thông báo dừng giải quyết hồ sơ kể từ ngày 13 tháng 01 năm 2026",
        "Lý do: Người nộp hồ sơ đề nghị rút hồ sơ",
        "TRƯỞNG BỘ PHẬN MỘT CỬA",
        "Phạm Thu Hà",
    )
    # TT 01/2018 has no such form, so no annex number is printed under it.
    assert ("Mẫu số 05" in out.text) is (form_set is TT03)


@FORMATS
@pytest.mark.parametrize(("form_set", "label"), [(TT01, "Mẫu số 05"), (TT03, "Mẫu số 06")])
def test_it_prints_the_control_sheet(fmt: str, form_set: FormSet, label: str) -> None:
    out = render("control_sheet", fmt, samples.control_sheet(form_set))

    assert out.pages == [A4_MM]
    out.assert_has(
        *HEADER_TEXTS,
        label,
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        "Mã hồ sơ: 000.00.26.H03-260105-0007",
        "ngày 05/01/2026",
        "Cơ quan (bộ phận) giải quyết hồ sơ: Phòng Quản lý chuyên ngành",
        "Cơ quan phối hợp giải quyết hồ sơ: Chi cục Tiêu chuẩn Đo lường Chất lượng",
        "TÊN CƠ QUAN",
        "THỜI GIAN GIAO, NHẬN HỒ SƠ",
        "KẾT QUẢ GIẢI QUYẾT HỒ SƠ",
        "1. Giao: Bộ phận Một cửa",
        "2. Nhận: Phòng Quản lý chuyên ngành",
        "10 giờ 00 phút, ngày 05 tháng 01 năm 2026",
        "Người giao",
        "Người nhận",
        "Võ Minh Khang",
        "Trước hạn",
        "Đang xử lý",
        "Chờ ý kiến cơ quan phối hợp",
    )
    other = "Mẫu số 06" if label == "Mẫu số 05" else "Mẫu số 05"
    assert other not in out.text


@FORMATS
def test_a_control_sheet_without_due_date_or_rows_has_blanks_to_fill(fmt: str) -> None:
    out = render("control_sheet", fmt, samples.control_sheet(due_at=None, rows=[]))

    out.assert_has(NO_DUE_DATE_TEXT, "1. Giao: ……", "giờ …… phút, ngày")


def test_the_pdf_embeds_a_times_compatible_serif_font() -> None:
    tool = shutil.which("pdffonts")
    if tool is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    content = pdf_forms.receipt_pdf(samples.receipt())

    fonts = subprocess.run([tool, "-"], input=content, capture_output=True, check=True).stdout.decode()  # noqa: S603

    names = [line.split()[0] for line in fonts.splitlines()[2:]]
    assert names
    assert all("Serif" in name or "Times" in name for name in names), names
