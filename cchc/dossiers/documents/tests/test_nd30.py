"""cchc.lib.nd30: Decree 30/2020 dates, page set-up, fonts and header of the generated DOCX."""

import io
import zipfile
from datetime import UTC, date, datetime

import pytest
from docx import Document
from docx.shared import Mm

from cchc.lib import nd30


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
        (date(2026, 2, 28), "ngày 28 tháng 02 năm 2026"),
        (date(2026, 3, 9), "ngày 09 tháng 3 năm 2026"),  # months from 3 on take no leading zero
        (date(2026, 12, 24), "ngày 24 tháng 12 năm 2026"),
    ],
)
def test_it_writes_dates_as_decree_30_says(day: date, text: str) -> None:
    assert nd30.vietnamese_date(day) == text


def test_it_writes_moments_in_vietnam_time() -> None:
    moment = datetime(2026, 1, 4, 23, 5, tzinfo=UTC)  # already the 5th in Hà Nội

    assert nd30.vietnamese_datetime(moment) == "06 giờ 05 phút, ngày 05 tháng 01 năm 2026"
    assert nd30.vietnamese_date(moment) == "ngày 05 tháng 01 năm 2026"
    assert nd30.short_datetime(moment) == "06:05 05/01/2026"


@pytest.mark.parametrize(
    ("page", "landscape", "size", "margins"),
    [
        ("A4", False, (210, 297), (20, 20, 30, 15)),
        ("A4", True, (297, 210), (20, 20, 30, 15)),
        ("A5", False, (148, 210), (15, 15, 15, 10)),
    ],
)
def test_it_sets_the_paper_and_the_margins(page, landscape, size, margins) -> None:
    doc = Document(io.BytesIO(nd30.to_bytes(nd30.new_document(page, landscape=landscape))))
    section = doc.sections[0]

    paper = (section.page_width, section.page_height)
    assert tuple(round((value or 0) / Mm(1)) for value in paper) == size
    got = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert tuple(round((value or 0) / Mm(1)) for value in got) == margins


def test_it_uses_times_new_roman_in_every_script_and_no_theme_fonts() -> None:
    content = nd30.to_bytes(nd30.new_document("A4"))
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        styles = archive.read("word/styles.xml").decode()

    assert "Theme" not in styles.replace("w:latentStyles", "")  # asciiTheme, hAnsiTheme, cstheme …
    assert "w:cstheme" not in styles
    normal = Document(io.BytesIO(content)).styles["Normal"]
    fonts = normal.element.rPr.rFonts
    assert {fonts.get(f"{{{fonts.nsmap['w']}}}{slot}") for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == {
        "Times New Roman"
    }
    assert normal.font.size.pt == 13


def test_it_numbers_pages_from_the_second_one() -> None:
    content = nd30.to_bytes(nd30.new_document("A4"))
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        document = archive.read("word/document.xml").decode()
        headers = [archive.read(name).decode() for name in archive.namelist() if name.startswith("word/header")]

    assert "<w:titlePg/>" in document
    assert any("PAGE" in header and 'w:fldCharType="begin"' in header for header in headers)


def test_it_draws_the_national_header_as_a_borderless_table() -> None:
    doc = nd30.new_document("A4")
    nd30.add_national_header(
        doc,
        "UBND TỈNH BÀ RỊA - VŨNG TÀU",
        "Sở Khoa học và Công nghệ",
        "12/KH-SKHCN",
        "Bà Rịa - Vũng Tàu",
        date(2026, 1, 5),
    )
    reread = Document(io.BytesIO(nd30.to_bytes(doc)))
    table = reread.tables[0]
    cells = [cell.text for row in table.rows for cell in row.cells]

    assert "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in cells[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells[1]
    assert "Độc lập - Tự do - Hạnh phúc" in cells[1]
    assert cells[2] == "Số: 12/KH-SKHCN"
    assert cells[3] == "Bà Rịa - Vũng Tàu, ngày 05 tháng 01 năm 2026"
    borders = table._tbl.tblPr.xml
    assert 'w:val="nil"' in borders
    assert 'w:val="single"' not in borders


def test_it_puts_recipients_and_signer_side_by_side() -> None:
    doc = nd30.new_document("A4")
    nd30.add_signature(doc, ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "Lê Hoàng Nam", ["Như trên", "- Lưu: VT, VP;"])
    left, right = Document(io.BytesIO(nd30.to_bytes(doc))).tables[0].rows[0].cells

    assert [p.text for p in left.paragraphs] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT, VP."]
    assert [p.text for p in right.paragraphs] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Hoàng Nam"]


def test_blanks_share_a_line_only_when_they_fit() -> None:
    short = nd30.layout_fields([("Số điện thoại:", "0903 123 456"), ("Email:", "a@b.vn")], 123, 11)
    long = nd30.layout_fields([("Vào Sổ theo dõi hồ sơ, Quyển số:", "01/2026 " * 5), ("Số thứ tự:", "07")], 123, 11)

    assert [len(line) for line in short] == [2]
    assert short[0][-1].end_mm == 123
    assert sum(slot.share for slot in short[0]) == pytest.approx(1)
    assert [len(line) for line in long] == [1, 1]
