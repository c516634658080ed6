"""Reading generated files back in tests: DOCX text and page size, PDF text and page size (poppler)."""

import io
import re
import shutil
import subprocess

import pytest
from docx import Document
from docx.shared import Mm

A4_MM = (210, 297)
A5_MM = (148, 210)
PT_PER_MM = 72 / 25.4


def _clean(text: str) -> str:
    # Lines break where the page does, and names are written with no-break spaces so that they wrap
    # as a whole: compare texts with every run of white space as one space.
    return " ".join(text.replace("\u00a0", " ").split())


def docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts: list[str] = []
    for section in doc.sections:
        for header in (section.first_page_header, section.header):
            parts += [p.text for p in header.paragraphs]
    body = doc.element.body
    # Every paragraph in document order, those in table cells included.
    for paragraph in body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
        parts.append("".join(t.text or "" for t in paragraph.iter() if t.tag.endswith("}t")))
    return _clean("\n".join(parts))


def docx_page_mm(data: bytes) -> tuple[float, float]:
    section = Document(io.BytesIO(data)).sections[0]
    return round((section.page_width or 0) / Mm(1), 1), round((section.page_height or 0) / Mm(1), 1)


def _poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    return path


def pdf_text(data: bytes) -> str:
    # -raw: in drawing order, so a table cell's lines stay together instead of interleaving with the
    # next cell's.
    result = subprocess.run([_poppler("pdftotext"), "-raw", "-", "-"], input=data, capture_output=True, check=True)  # noqa: S603
    return _clean(result.stdout.decode("utf-8"))


def pdf_pages(data: bytes) -> list[tuple[float, float]]:
    """Each page's size in mm, from pdfinfo (the page objects are compressed in the file)."""
    tool = _poppler("pdfinfo")
    info = subprocess.run([tool, "-f", "1", "-l", "99", "-"], input=data, capture_output=True, check=True)  # noqa: S603
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info.stdout.decode())
    return [(round(float(w) / PT_PER_MM), round(float(h) / PT_PER_MM)) for w, h in sizes]
