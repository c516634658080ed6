import codecs
import datetime
import html
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from cchc.plans.importers import extract
from cchc.plans.importers.extract import (
    ExtractError,
    Problem,
    SourceKind,
    decode_text,
    detect_kind,
    extract_text,
)
from cchc.plans.importers.plan_text import Area, fold, parse_plan_text
from cchc.plans.tests.test_plan_text import CLEAN_PLAN


def plan_html() -> str:
    """CLEAN_PLAN laid out as issued: the header in two table columns, one paragraph per line."""
    top, body = CLEAN_PLAN.split("KẾ HOẠCH\n", 1)
    left, right = top.strip().split("\n")[:3], top.strip().split("\n")[3:]
    cells = "".join(f"<td style='text-align:center'>{'<br>'.join(side)}</td>" for side in (left, right))
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in ["KẾ HOẠCH", *body.split("\n")] if line)
    style = "font-family: 'DejaVu Serif'; font-size: 13pt"
    return f'<html><body style="{style}"><table><tr>{cells}</tr></table>{paragraphs}</body></html>'


def needs(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (Debian poppler-utils / tesseract-ocr)")


def text_pdf() -> bytes:
    weasyprint = pytest.importorskip("weasyprint")
    return bytes(weasyprint.HTML(string=plan_html()).write_pdf())


def scanned_pdf(tmp_path: Path) -> bytes:
    """A PDF holding only a picture of the page, as a scanner makes it."""
    image_module = pytest.importorskip("PIL.Image")
    needs("pdftoppm")
    (tmp_path / "text.pdf").write_bytes(text_pdf())
    command = ["pdftoppm", "-r", "200", "-png", str(tmp_path / "text.pdf"), str(tmp_path / "page")]
    subprocess.run(command, check=True)  # noqa: S603
    first, *rest = [image_module.open(png).convert("RGB") for png in sorted(tmp_path.glob("page*.png"))]
    out = io.BytesIO()
    first.save(out, "PDF", resolution=200, save_all=True, append_images=rest)
    return out.getvalue()


def docx_bytes(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- detection by content -----------------------------------------------------------------------------


def test_it_detects_the_type_from_the_bytes_not_the_name():
    assert detect_kind(b"%PDF-1.7\n...") is SourceKind.PDF
    assert detect_kind(b"\r\n%PDF-1.4\n...") is SourceKind.PDF
    assert detect_kind(docx_bytes(docx.Document())) is SourceKind.DOCX
    assert detect_kind("Kế hoạch".encode()) is SourceKind.TEXT


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", Problem.EMPTY),
        (b"  \n\t ", Problem.EMPTY),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", Problem.UNSUPPORTED),
        (b"{\\rtf1\\ansi Ke hoach}", Problem.UNSUPPORTED),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, Problem.LEGACY_DOC),
        (b"PK\x03\x04 not really a zip", Problem.UNREADABLE),
        (b"%PDF-1.4\nthis is not a pdf at all\n%%EOF", Problem.UNREADABLE),
    ],
)
def test_it_refuses_what_it_cannot_read_with_a_vietnamese_message(data, problem):
    if data.startswith(b"%PDF"):
        needs("pdftotext")
    with pytest.raises(ExtractError) as caught:
        extract_text(data)
    assert caught.value.problem is problem
    assert caught.value.message == str(caught.value)
    assert not caught.value.message.isascii()  # Vietnamese, with its marks


def test_it_refuses_a_zip_that_is_not_a_word_document():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ExtractError) as caught:
        extract_text(out.getvalue())
    assert caught.value.problem is Problem.UNSUPPORTED
    assert "DOCX, PDF" in caught.value.message


# --- plain text ------------------------------------------------------------------------------------------


def test_it_decodes_utf8_with_and_without_bom():
    text = "Kế hoạch cải cách hành chính"
    assert decode_text(codecs.BOM_UTF8 + text.encode()) == text
    assert decode_text(text.encode()) == text
    assert decode_text(text.encode("utf-16")) == text
    assert extract_text(codecs.BOM_UTF8 + text.encode()).text == text


def test_it_falls_back_to_the_windows_vietnamese_code_page():
    # cp1258 writes "ế" as "ê" plus a combining acute (0xEC), "ạ" as "a" plus a combining dot (0xF2).
    legacy = b"K\xea\xec hoa\xf2ch"
    with pytest.raises(UnicodeDecodeError):
        legacy.decode("utf-8")
    assert decode_text(legacy) == "Kế hoạch"  # composed again (NFC)


def test_it_falls_back_to_latin1_when_nothing_else_fits():
    assert decode_text(b"Caf\xe9 \x81") == "Café \x81"  # 0x81 is undefined in cp1258


# --- DOCX ------------------------------------------------------------------------------------------------


def test_it_reads_docx_paragraphs_and_table_cells_in_order():
    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "UBND TỈNH BÀ RỊA - VŨNG TÀU\nSỞ NỘI VỤ"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = "Số: 12/KH-SNV"
    header.cell(1, 1).text = "Bà Rịa - Vũng Tàu, ngày 05 tháng 01 năm 2024"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Cải cách hành chính năm 2024")
    document.add_paragraph("I. MỤC TIÊU, YÊU CẦU")
    document.add_paragraph("1. Mục tiêu")
    document.add_paragraph("- Nâng cao sự hài lòng của người dân đạt 90%.")
    merged = document.add_table(rows=1, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Ô gộp đọc một lần"
    merged.cell(0, 2).text = "Ô cuối"
    document.add_paragraph("II. NHIỆM VỤ")

    result = extract_text(docx_bytes(document))

    assert result.kind is SourceKind.DOCX
    lines = result.text.split("\n")
    assert lines[:4] == [
        "UBND TỈNH BÀ RỊA - VŨNG TÀU",
        "SỞ NỘI VỤ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert lines.count("Ô gộp đọc một lần") == 1
    assert lines[-3:] == ["Ô gộp đọc một lần", "Ô cuối", "II. NHIỆM VỤ"]

    plan = parse_plan_text(result.text)
    assert (plan.header.number, plan.header.issuer, plan.header.year) == ("12/KH-SNV", "SỞ NỘI VỤ", 2024)
    assert [part.label for part in plan.sections] == ["I", "II"]
    assert plan.targets[0].value == 90


def test_it_reports_a_damaged_docx():
    data = bytearray(docx_bytes(docx.Document()))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            target.writestr(name, b"<broken" if name == "word/document.xml" else source.read(name))
    with pytest.raises(ExtractError) as caught:
        extract_text(out.getvalue())
    assert caught.value.problem is Problem.UNREADABLE


# --- PDF -------------------------------------------------------------------------------------------------


def test_it_reads_the_text_layer_of_a_pdf():
    needs("pdftotext")
    result = extract_text(text_pdf())
    assert (result.kind, result.ocr_pages) == (SourceKind.PDF, ())
    assert "Cải cách hành chính năm 2024 của Sở Nội vụ" in result.text
    assert "- Mức độ hài lòng của người dân đạt trên 90%." in result.text
    assert_parses_as_the_clean_plan(result.text)


def assert_parses_as_the_clean_plan(text: str) -> None:
    plan = parse_plan_text(text)
    assert [part.label for part in plan.sections] == ["I", "II", "III"]
    assert [item.area for item in plan.sections[1].children] == list(Area)
    assert [point.label for point in plan.sections[1].children[0].children] == list("abcdđegh")
    header = plan.header
    assert (header.number, header.date, header.issuer) == ("12/KH-SNV", datetime.date(2024, 1, 5), "SỞ NỘI VỤ")
    assert header.parent_issuer == "ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU"
    assert header.signer == "Nguyễn Văn An"
    assert plan.unplaced == []


def test_it_reads_a_scanned_pdf_by_ocr(tmp_path):
    needs("pdftotext", "pdftoppm", "tesseract")
    try:
        extract._require_vietnamese_ocr()
    except ExtractError:
        pytest.skip("needs the Vietnamese tesseract data (Debian tesseract-ocr-vie)")
    result = extract_text(scanned_pdf(tmp_path))
    assert result.ocr_pages == (1, 2)
    assert "cai cach hanh chinh" in fold(result.text)
    assert "Cải cách hành chính" in result.text  # with its marks
    assert_parses_as_the_clean_plan(result.text)


def test_it_can_be_told_not_to_ocr(tmp_path):
    needs("pdftotext")
    with pytest.raises(ExtractError) as caught:
        extract_text(scanned_pdf(tmp_path), ocr=False)
    assert caught.value.problem is Problem.NO_TEXT


def test_it_limits_the_pages_it_reads_by_ocr(tmp_path):
    needs("pdftotext")
    with pytest.raises(ExtractError) as caught:
        extract_text(scanned_pdf(tmp_path), max_ocr_pages=0)
    assert caught.value.problem is Problem.TOO_MANY_PAGES
    assert "2 trang" in caught.value.message


def test_it_names_the_missing_tool_and_its_package(monkeypatch):
    monkeypatch.setattr("cchc.plans.importers.extract.shutil.which", lambda tool: None)
    with pytest.raises(ExtractError) as caught:
        extract_text(b"%PDF-1.4\n%%EOF")
    assert caught.value.problem is Problem.MISSING_TOOL
    assert "pdftotext (gói poppler-utils)" in caught.value.message


def test_it_says_when_the_vietnamese_ocr_data_is_missing(monkeypatch, tmp_path):
    needs("pdftotext")
    pdf = scanned_pdf(tmp_path)
    real_run = extract._run

    def without_vie(command, **kwargs):
        if command[:2] == ["tesseract", "--list-langs"]:
            return "List of available languages (2):\neng\nosd\n"
        return real_run(command, **kwargs)

    monkeypatch.setattr(extract, "_run", without_vie)
    with pytest.raises(ExtractError) as caught:
        extract_text(pdf)
    assert caught.value.problem is Problem.MISSING_VIETNAMESE_OCR
    assert "tesseract-ocr-vie" in caught.value.message
