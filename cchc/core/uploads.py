"""What an uploaded file really is, read from its bytes: one table for every upload in CCHC.

The type never comes from the file name or the browser's claim, so a renamed executable is refused
and a scan saved as ".docx" is stored as the PDF it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

import filetype

SNIFF_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class FileType:
    extension: str
    mime: str
    label: str


ACCEPTED: dict[str, FileType] = {
    t.extension: t
    for t in (
        FileType("pdf", "application/pdf", "PDF"),
        FileType("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word (DOCX)"),
        FileType("doc", "application/msword", "Word 97-2003 (DOC)"),
        FileType("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel (XLSX)"),
        FileType("xls", "application/vnd.ms-excel", "Excel 97-2003 (XLS)"),
        FileType("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint"),
        FileType("odt", "application/vnd.oasis.opendocument.text", "ODT"),
        FileType("ods", "application/vnd.oasis.opendocument.spreadsheet", "ODS"),
        FileType("png", "image/png", "PNG"),
        FileType("jpg", "image/jpeg", "JPEG"),
        FileType("tif", "image/tiff", "TIFF"),
    )
}


def guess(head: bytes) -> tuple[str, FileType | None]:
    """(the MIME type the bytes look like, or "" when unknown; the accepted type, or None)."""
    kind = filetype.guess(head[:SNIFF_BYTES])
    if kind is None:
        return "", None
    return str(kind.mime), ACCEPTED.get(str(kind.extension))


def accepted_labels() -> str:
    return ", ".join(t.label for t in ACCEPTED.values())


def safe_filename(name: str, default: str = "tai-lieu") -> str:
    """The uploaded name without any path or characters that break a download header."""
    base = PurePath(name.replace("\\", "/")).name
    cleaned = "".join(ch for ch in base if ch.isprintable() and ch not in '<>:"|?*').strip(". ")
    return cleaned[:200] or default
