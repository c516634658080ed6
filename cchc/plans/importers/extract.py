"""Plain text out of an uploaded plan: DOCX, PDF (text layer, or OCR of scanned pages) or a text file.

The type is recognised from the bytes, not from the file name: officers rename files, and a scan saved
as "ke_hoach.docx" must get a clear message instead of a crash. PDF needs Debian's poppler-utils
(pdftotext, pdftoppm); scanned pages also need tesseract-ocr and tesseract-ocr-vie. The tools run as
subprocesses on a temporary copy, with a timeout.
"""

import codecs
import io
import re
import shutil
import subprocess
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import docx


class SourceKind(StrEnum):
    TEXT = "text"
    DOCX = "docx"
    PDF = "pdf"


class Problem(StrEnum):
    EMPTY = "empty"
    UNSUPPORTED = "unsupported"
    LEGACY_DOC = "legacy_doc"
    UNREADABLE = "unreadable"
    NO_TEXT = "no_text"
    MISSING_TOOL = "missing_tool"
    MISSING_VIETNAMESE_OCR = "missing_vietnamese_ocr"
    TOO_MANY_PAGES = "too_many_pages"
    TIMEOUT = "timeout"


# Shown to the user as is; {tool}, {package}, {count}, {limit} are filled in by ExtractError.
MESSAGES: dict[Problem, str] = {
    Problem.EMPTY: "Tệp trống, không có nội dung.",
    Problem.UNSUPPORTED: "Định dạng tệp không được hỗ trợ. Hãy tải lên tệp DOCX, PDF hoặc văn bản thuần (TXT).",
    Problem.LEGACY_DOC: "Tệp Word 97-2003 (.doc) chưa được hỗ trợ. "
    "Hãy mở bằng Word và lưu lại dưới dạng DOCX hoặc PDF.",
    Problem.UNREADABLE: "Không đọc được tệp: tệp bị hỏng hoặc được đặt mật khẩu.",
    Problem.NO_TEXT: "Không tìm thấy chữ nào trong tệp.",
    Problem.MISSING_TOOL: "Máy chủ chưa cài công cụ {tool} (gói {package}) nên chưa đọc được tệp này. "
    "Hãy báo quản trị hệ thống.",
    Problem.MISSING_VIETNAMESE_OCR: "Máy chủ chưa cài dữ liệu tiếng Việt cho tesseract "
    "(gói tesseract-ocr-vie) nên chưa nhận dạng được bản quét. Hãy báo quản trị hệ thống.",
    Problem.TOO_MANY_PAGES: "Tệp có {count} trang ảnh quét, vượt quá giới hạn {limit} trang được nhận dạng chữ.",
    Problem.TIMEOUT: "Xử lý tệp quá lâu nên đã dừng. Hãy thử tệp nhỏ hơn hoặc tệp có lớp chữ.",
}
_PACKAGES = {"pdftotext": "poppler-utils", "pdftoppm": "poppler-utils", "tesseract": "tesseract-ocr"}


class ExtractError(Exception):
    """The file gave no text. `message` is Vietnamese and meant for the user; `detail` is for the log."""

    def __init__(self, problem: Problem, *, detail: str = "", **values: object) -> None:
        self.problem = problem
        self.message = MESSAGES[problem].format(**values)
        self.detail = detail
        super().__init__(self.message)


@dataclass(slots=True, frozen=True)
class Extracted:
    text: str
    kind: SourceKind
    ocr_pages: tuple[int, ...] = ()  # 1-based PDF pages read by OCR: worth a careful proofreading


MIN_LETTERS_PER_PAGE = 20  # fewer than this on a PDF page means a scan, or a page of stamps
PDF_TIMEOUT = 60  # seconds, per tool run
OCR_TIMEOUT = 180


def extract_text(data: bytes, *, ocr: bool = True, max_ocr_pages: int = 30) -> Extracted:
    kind = detect_kind(data)
    if kind is SourceKind.PDF:
        text, ocr_pages = pdf_text(data, ocr=ocr, max_ocr_pages=max_ocr_pages)
    elif kind is SourceKind.DOCX:
        text, ocr_pages = docx_text(data), ()
    else:
        text, ocr_pages = decode_text(data), ()
    if not any(ch.isalpha() for ch in text):
        raise ExtractError(Problem.NO_TEXT)
    return Extracted(text=text, kind=kind, ocr_pages=ocr_pages)


def detect_kind(data: bytes) -> SourceKind:
    if not data.strip():
        raise ExtractError(Problem.EMPTY)
    if b"%PDF-" in data[:1024]:  # the PDF spec tolerates some bytes before the header
        return SourceKind.PDF
    if data.startswith(b"PK\x03\x04"):
        if "word/document.xml" in _zip_names(data):
            return SourceKind.DOCX
        raise ExtractError(Problem.UNSUPPORTED)  # XLSX, ODT, a zip of scans …
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: Word 97-2003
        raise ExtractError(Problem.LEGACY_DOC)
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if data.startswith(b"{\\rtf") or (b"\x00" in data[:4096] and not utf16):
        raise ExtractError(Problem.UNSUPPORTED)
    return SourceKind.TEXT


def _zip_names(data: bytes) -> set[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return set(archive.namelist())
    except zipfile.BadZipFile as error:
        raise ExtractError(Problem.UNREADABLE, detail=str(error)) from error


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; else the Windows Vietnamese code page cp1258,
    and Latin-1 for the bytes cp1258 leaves undefined (so decoding never fails)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        text = _decode_first(data, ("utf-8", "cp1258", "latin-1"))
    # cp1258 writes tone marks as combining characters; the parser expects composed (NFC) text.
    return unicodedata.normalize("NFC", text)


def _decode_first(data: bytes, encodings: tuple[str, ...]) -> str:
    for encoding in encodings[:-1]:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode(encodings[-1])


def docx_text(data: bytes) -> str:
    """Paragraphs in reading order, table cells included (the header block of a plan is a table)."""
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises KeyError, ValueError or lxml errors on damaged files
        raise ExtractError(Problem.UNREADABLE, detail=repr(error)) from error
    lines: list[str] = []
    _collect(document.iter_inner_content(), lines, seen=set())
    return "\n".join(lines)


def _collect(blocks: Iterable[Any], lines: list[str], seen: set[Any]) -> None:
    for block in blocks:
        if isinstance(block, docx.table.Table):
            for row in block.rows:
                for cell in row.cells:
                    # A merged cell comes back once per grid column it spans; read it once. The set
                    # holds the XML elements themselves: ids of freed lxml proxies get reused.
                    if cell._tc not in seen:
                        seen.add(cell._tc)
                        _collect(cell.iter_inner_content(), lines, seen)
        else:
            lines.append(block.text)


def pdf_text(data: bytes, *, ocr: bool = True, max_ocr_pages: int = 30) -> tuple[str, tuple[int, ...]]:
    """The text layer page by page; pages without one are read by OCR. Pages are joined by form feeds."""
    with tempfile.TemporaryDirectory(prefix="cchc-pdf-") as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        layer = _run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], timeout=PDF_TIMEOUT)
        pages = layer.split("\f")
        if len(pages) > 1 and not pages[-1].strip():
            pages.pop()  # pdftotext ends every page, the last one too, with a form feed
        scanned = [n for n, page in enumerate(pages, start=1) if _letters(page) < MIN_LETTERS_PER_PAGE]
        if not ocr or not scanned:
            return "\f".join(pages), ()
        if len(scanned) > max_ocr_pages:
            raise ExtractError(Problem.TOO_MANY_PAGES, count=len(scanned), limit=max_ocr_pages)
        _require_vietnamese_ocr()
        for number in scanned:
            pages[number - 1] = _ocr_page(pdf, number, Path(tmp))
        return "\f".join(pages), tuple(scanned)


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _ocr_page(pdf: Path, number: int, tmp: Path) -> str:
    image = tmp / f"page-{number}"
    pages = ["-f", str(number), "-l", str(number)]
    _run(["pdftoppm", "-r", "300", *pages, "-png", "-singlefile", str(pdf), str(image)], timeout=OCR_TIMEOUT)
    text = _run(["tesseract", f"{image}.png", "-", "-l", "vie"], timeout=OCR_TIMEOUT)
    return text.rstrip("\f")


def _require_vietnamese_ocr() -> None:
    langs = _run(["tesseract", "--list-langs"], timeout=PDF_TIMEOUT, stderr_too=True)
    if "vie" not in re.split(r"\s+", langs):
        raise ExtractError(Problem.MISSING_VIETNAMESE_OCR)


def _run(command: list[str], *, timeout: int, stderr_too: bool = False) -> str:
    """stdout of `command`; `stderr_too` because tesseract 4 printed --list-langs on stderr."""
    tool = command[0]
    if shutil.which(tool) is None:
        raise ExtractError(Problem.MISSING_TOOL, tool=tool, package=_PACKAGES.get(tool, tool))
    stderr = subprocess.STDOUT if stderr_too else subprocess.PIPE
    try:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=stderr, timeout=timeout, check=False)  # noqa: S603
    except subprocess.TimeoutExpired as error:
        raise ExtractError(Problem.TIMEOUT, detail=" ".join(command)) from error
    if done.returncode != 0:
        raise ExtractError(Problem.UNREADABLE, detail=(done.stderr or b"").decode("utf-8", "replace")[:500])
    return unicodedata.normalize("NFC", done.stdout.decode("utf-8", "replace"))
