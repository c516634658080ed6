"""Administrative-document layout of Decree 30/2020/NĐ-CP, for python-docx (legal.md §7).

A4 or A5 pages with the decree's margins, Times New Roman everywhere (also in the East-Asian and
complex-script slots, and with the theme fonts taken out of the built-in styles, stack.md §3.7),
the national header as a borderless two-column table, titles, body paragraphs, bordered tables,
signature blocks and page numbers from page 2.

python-docx has no API for some of this; those places are small oxml edits, each commented. The
short solid lines under the body name and the motto are empty paragraphs indented to the wanted
length with a bottom border: Word and LibreOffice draw them alike, unlike drawing shapes.
"""

from __future__ import annotations

import io
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

DocxDocument = Any  # docx.document.Document, whose typed API (Length | None everywhere) only adds noise here
Page = Literal["A4", "A5"]

FONT = "Times New Roman"
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
SIGN_NOTE = "(Ký, ghi rõ họ tên)"
LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

PAGE_SIZES_MM: dict[Page, tuple[float, float]] = {"A4": (210, 297), "A5": (148, 210)}


@dataclass(frozen=True, slots=True)
class Margins:
    top: float
    bottom: float
    left: float
    right: float


# Decree 30: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm on A4. A5 (the one-stop forms,
# TT 01/2018 Art. 9(2)) scales them down and gives the header room for a one-line Quốc hiệu.
MARGINS_MM: dict[Page, Margins] = {"A4": Margins(20, 20, 30, 15), "A5": Margins(15, 15, 15, 10)}


@dataclass(frozen=True, slots=True)
class Sizes:
    """Font sizes (pt) and spacing of one paper size; Decree 30's ranges on A4, scaled on A5."""

    body: float
    header: float  # parent body, issuing body, Quốc hiệu (12–13 pt on A4)
    motto: float  # Tiêu ngữ (13–14 pt)
    date: float  # "Số: …" and the place and date line (13–14 pt)
    title: float  # type name of the document (13–14 pt)
    table: float
    small: float  # the "Nơi nhận" list, notes, the form's corner label
    header_left: float  # share of the text width given to the left header column
    indent_mm: float  # first-line indent of body paragraphs (1–1.27 cm)
    after_pt: float  # space after body paragraphs (≥ 6 pt on A4)
    sign_gap_pt: float  # room for the handwritten signature


SIZES: dict[Page, Sizes] = {
    "A4": Sizes(13, 12, 13, 13, 14, 12, 11, 0.40, 10, 6, 60),
    # 9.5 pt on A5 is still larger than 12 pt on A4 scaled to A5 (×0.71); it keeps the Quốc hiệu
    # and the usual body names on one line each.
    "A5": Sizes(11, 9.5, 10.5, 10, 12, 10, 9, 0.42, 8, 2, 32),
}

# Width of the motto in bold Times New Roman (metric-compatible Liberation Serif), mm per pt of
# font size, measured with fontTools: the line under it is as long as the text (Decree 30, ô 1).
_MOTTO_MM_PER_PT = 4.32
# Average advance of a bold capital, in mm per pt of font size: estimates the issuing body's width
# for the line under it (1/3–1/2 of the name, Decree 30, ô 2).
_CAPS_MM_PER_PT_CHAR = 0.225
# The same for running Vietnamese text (regular; bold is ~8 % wider), slightly generous: it decides
# whether several blanks share a line.
_TEXT_MM_PER_PT_CHAR = 0.165


def page_of(doc: DocxDocument) -> Page:
    section = doc.sections[0]
    short_side = min(section.page_width, section.page_height)
    return "A5" if short_side < Mm(160) else "A4"


def sizes_of(doc: DocxDocument) -> Sizes:
    return SIZES[page_of(doc)]


def page_text_width_mm(page: Page, landscape: bool = False) -> float:
    width, height = PAGE_SIZES_MM[page]
    margins = MARGINS_MM[page]
    return (height if landscape else width) - margins.left - margins.right


def text_width_mm(doc: DocxDocument) -> float:
    section = doc.sections[0]
    return float((section.page_width - section.left_margin - section.right_margin) / Mm(1))


# Dates ------------------------------------------------------------------------------------------


def local(value: datetime) -> datetime:
    """Aware datetimes are shown in Vietnam time; naive ones are taken to be local already."""
    return value.astimezone(LOCAL_TZ) if value.tzinfo is not None else value


def vietnamese_date(day: date) -> str:
    """ "ngày 05 tháng 01 năm 2026": Decree 30 pads days below 10 and the months 1 and 2 only."""
    if isinstance(day, datetime):
        day = local(day).date()
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def vietnamese_datetime(value: datetime) -> str:
    """ "08 giờ 30 phút, ngày 05 tháng 01 năm 2026", the way the one-stop forms write a moment."""
    value = local(value)
    return f"{value.hour:02d} giờ {value.minute:02d} phút, {vietnamese_date(value.date())}"


def short_date(value: date) -> str:
    if isinstance(value, datetime):
        value = local(value)
    return value.strftime("%d/%m/%Y")


def short_datetime(value: datetime) -> str:
    return local(value).strftime("%H:%M %d/%m/%Y")


# Low-level oxml helpers -------------------------------------------------------------------------


def _insert(parent: Any, child: Any, order: Sequence[str]) -> Any:
    """Put `child` into `parent` at its schema position (Word rejects out-of-order properties)."""
    tag = child.tag
    names = [qn(name) for name in order]
    existing = parent.find(tag)
    if existing is not None:
        parent.remove(existing)
    successors = names[names.index(tag) + 1 :]
    for element in parent:
        if element.tag in successors:
            element.addprevious(child)
            return child
    parent.append(child)
    return child


_PPR_ORDER = (
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_TBLPR_ORDER = (
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
)
_TRPR_ORDER = (
    "w:cnfStyle",
    "w:divId",
    "w:gridBefore",
    "w:gridAfter",
    "w:wBefore",
    "w:wAfter",
    "w:cantSplit",
    "w:trHeight",
    "w:tblHeader",
    "w:tblCellSpacing",
    "w:jc",
    "w:hidden",
)
_RFONTS_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _set_rfonts(rpr: Any, name: str) -> None:
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), name)


def _bottom_border(paragraph: Any, size_eighths: int = 6) -> None:
    # <w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>
    pbdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", str(size_eighths)), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    pbdr.append(bottom)
    _insert(paragraph._p.get_or_add_pPr(), pbdr, _PPR_ORDER)


def _table_borders(table: Any, *, visible: bool) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        if visible:
            for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
                edge.set(qn(key), value)
        else:
            edge.set(qn("w:val"), "nil")
        borders.append(edge)
    _insert(table._tbl.tblPr, borders, _TBLPR_ORDER)


def _cell_margins(table: Any, *, left_mm: float, right_mm: float, top_mm: float = 0, bottom_mm: float = 0) -> None:
    margins = OxmlElement("w:tblCellMar")
    for side, value in (("top", top_mm), ("left", left_mm), ("bottom", bottom_mm), ("right", right_mm)):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(round(value / 25.4 * 1440)))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    _insert(table._tbl.tblPr, margins, _TBLPR_ORDER)


def _row_flag(row: Any, name: str) -> None:
    _insert(row._tr.get_or_add_trPr(), OxmlElement(name), _TRPR_ORDER)


def repeat_as_header(row: Any) -> None:
    """Repeat this row at the top of every page the table runs onto."""
    _row_flag(row, "w:tblHeader")


def keep_row_on_one_page(row: Any) -> None:
    _row_flag(row, "w:cantSplit")


def _page_field(paragraph: Any) -> None:
    # A complex field { PAGE }: begin, instruction, separate, placeholder result, end.
    def char(kind: str) -> Any:
        run = paragraph.add_run()
        fld = OxmlElement("w:fldChar")
        fld.set(qn("w:fldCharType"), kind)
        run._r.append(fld)
        return run

    char("begin")
    instr_run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    instr_run._r.append(instr)
    char("separate")
    paragraph.add_run("2")
    char("end")


# Document ---------------------------------------------------------------------------------------


def new_document(page: Page = "A4", landscape: bool = False) -> DocxDocument:
    """An empty document on `page` with Decree 30 margins, fonts and page numbers from page 2."""
    doc = Document()
    section = doc.sections[0]
    width, height = PAGE_SIZES_MM[page]
    if landscape:
        width, height = height, width
        section.orientation = WD_ORIENT.LANDSCAPE
    # python-docx's template is US Letter (stack.md G11).
    section.page_width, section.page_height = Mm(width), Mm(height)
    margins = MARGINS_MM[page]
    section.top_margin, section.bottom_margin = Mm(margins.top), Mm(margins.bottom)
    section.left_margin, section.right_margin = Mm(margins.left), Mm(margins.right)
    section.header_distance = Mm(margins.top / 2)
    section.footer_distance = Mm(margins.bottom / 2)
    sizes = SIZES[page]
    _set_fonts(doc, sizes.body)

    # Decree 30: page numbers centred in the top margin, not on page 1.
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(number)
    return doc


def _set_fonts(doc: DocxDocument, body_pt: float) -> None:
    styles = doc.styles.element
    # Theme fonts (w:asciiTheme …) win over w:ascii, so headings would come out in Calibri/Carlito.
    for rfonts in styles.iter(qn("w:rFonts")):
        for attr in _RFONTS_THEME_ATTRS:
            rfonts.attrib.pop(qn(attr), None)
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            _set_rfonts(rpr, FONT)
            lang = rpr.find(qn("w:lang"))
            if lang is not None:
                lang.set(qn("w:val"), "vi-VN")
        spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
        if spacing is not None:  # the template adds 10 pt after and 1.15 lines to every paragraph
            spacing.set(qn("w:after"), "0")
            spacing.set(qn("w:line"), "240")
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(body_pt)
    _set_rfonts(normal.element.get_or_add_rPr(), FONT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0


def to_bytes(doc: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# Building blocks --------------------------------------------------------------------------------


def _run(paragraph: Any, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None) -> Any:
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    if size is not None:
        run.font.size = Pt(size)
    return run


def _format(paragraph: Any, *, align: Any = None, before: float = 0, after: float = 0) -> Any:
    fmt = paragraph.paragraph_format
    if align is not None:
        paragraph.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    return paragraph


def _rule(container: Any, *, length_mm: float, column_mm: float, after: float = 0) -> Any:
    """A solid centred line of `length_mm` under the previous paragraph of `container`."""
    line = container.add_paragraph()
    indent = max(0.0, (column_mm - length_mm) / 2)
    fmt = line.paragraph_format
    fmt.left_indent = Mm(indent)
    fmt.right_indent = Mm(indent)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(after)
    fmt.line_spacing = Pt(1.5)  # the empty paragraph is only as tall as the line needs
    _bottom_border(line)
    return line


def new_table(doc: DocxDocument, widths_mm: Sequence[float], rows: int = 1, *, borders: bool = True) -> Any:
    """A fixed-width table (Word keeps tcW, LibreOffice the grid, so both are set)."""
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    if borders:
        table.style = doc.styles["Table Grid"]
    _table_borders(table, visible=borders)
    for index, width in enumerate(widths_mm):
        table.columns[index].width = Mm(width)
        for cell in table.columns[index].cells:
            cell.width = Mm(width)
    return table


def cell_text(
    cell: Any,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    align: Any = WD_ALIGN_PARAGRAPH.LEFT,
    new_paragraph: bool = False,
    before: float = 0,
    after: float = 0,
) -> Any:
    """Write `text` into `cell`: into its first, empty paragraph unless `new_paragraph`."""
    first = cell.paragraphs[0]
    paragraph = cell.add_paragraph() if new_paragraph or first.text or first.runs else first
    _format(paragraph, align=align, before=before, after=after)
    if text:
        _run(paragraph, text, bold=bold, italic=italic, size=size)
    return paragraph


def add_corner_label(doc: DocxDocument, text: str) -> None:
    """The annex label ("Mẫu số 01") in small italic at the top right of page 1, in its header."""
    paragraph = doc.sections[0].first_page_header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(paragraph, text, italic=True, size=sizes_of(doc).small)


def add_national_header(
    doc: DocxDocument,
    parent_body: str,
    body: str,
    number_text: str | None,
    place: str,
    day: date | None,
    *,
    summary: str | None = None,
) -> Any:
    """The national header (Decree 30, ô 1–4, 5b) as a borderless 2×2 table.

    Row 1: body names | Quốc hiệu and Tiêu ngữ; row 2: "Số: …" | place and date, so that these two
    stay on one line however the names wrap. `summary` is a công văn's "V/v …" under the number.
    Without `day` the date is left blank ("ngày … tháng … năm …") for hand filling.
    """
    sizes = sizes_of(doc)
    width = text_width_mm(doc)
    left = round(min(width, 165) * sizes.header_left, 1)
    right = width - left
    table = new_table(doc, [left, right], rows=2, borders=False)
    _cell_margins(table, left_mm=0, right_mm=0)
    (names, nation), (number, dated) = (row.cells for row in table.rows)

    if parent_body:
        cell_text(names, parent_body.upper(), size=sizes.header, align=WD_ALIGN_PARAGRAPH.CENTER)
    cell_text(names, body.upper(), bold=True, size=sizes.header, align=WD_ALIGN_PARAGRAPH.CENTER)
    estimated = len(body) * _CAPS_MM_PER_PT_CHAR * sizes.header
    _rule(names, length_mm=0.35 * min(estimated, left), column_mm=left)

    cell_text(nation, NATIONAL_NAME, bold=True, size=sizes.header, align=WD_ALIGN_PARAGRAPH.CENTER)
    cell_text(nation, MOTTO, bold=True, size=sizes.motto, align=WD_ALIGN_PARAGRAPH.CENTER, new_paragraph=True)
    _rule(nation, length_mm=_MOTTO_MM_PER_PT * sizes.motto, column_mm=right)

    if number_text:
        cell_text(number, f"Số: {number_text}", size=sizes.date, align=WD_ALIGN_PARAGRAPH.CENTER, before=6)
    if summary:
        cell_text(number, summary, size=sizes.header, align=WD_ALIGN_PARAGRAPH.CENTER, new_paragraph=True, before=3)
    when = vietnamese_date(day) if day is not None else "ngày … tháng … năm …"
    cell_text(dated, f"{place}, {when}", italic=True, size=sizes.date, align=WD_ALIGN_PARAGRAPH.CENTER, before=6)
    return table


def add_title(doc: DocxDocument, title: str, subtitle: str | None = None) -> Any:
    """The document's type name in bold capitals, centred; an optional subject line with a rule."""
    sizes = sizes_of(doc)
    paragraph = _format(doc.add_paragraph(), align=WD_ALIGN_PARAGRAPH.CENTER, before=sizes.title / 2)
    paragraph.paragraph_format.keep_with_next = True
    _run(paragraph, title.upper(), bold=True, size=sizes.title)
    if subtitle:
        sub = _format(doc.add_paragraph(), align=WD_ALIGN_PARAGRAPH.CENTER)
        sub.paragraph_format.keep_with_next = True
        _run(sub, subtitle, bold=True, size=sizes.title)
        width = text_width_mm(doc)
        _rule(doc, length_mm=min(len(subtitle) * 0.2 * sizes.title, width) / 2.5, column_mm=width, after=sizes.after_pt)
    return paragraph


def add_paragraph(
    doc: DocxDocument,
    text: str = "",
    indent: bool = True,
    italic: bool = False,
    bold: bool = False,
    align: Any = WD_ALIGN_PARAGRAPH.JUSTIFY,
    *,
    size: float | None = None,
    before: float = 0,
    after: float | None = None,
) -> Any:
    """A body paragraph: justified, first-line indent, spacing after (Decree 30, ô 6)."""
    sizes = sizes_of(doc)
    spacing_after = sizes.after_pt if after is None else after
    paragraph = _format(doc.add_paragraph(), align=align, before=before, after=spacing_after)
    if indent:
        paragraph.paragraph_format.first_line_indent = Mm(sizes.indent_mm)
    if text:
        _run(paragraph, text, bold=bold, italic=italic, size=size)
    return paragraph


def add_runs(paragraph: Any, *parts: tuple[str, str]) -> Any:
    """Append runs to `paragraph`; each part is (style, text) with style "", "b", "i" or "bi"."""
    for style, text in parts:
        _run(paragraph, text, bold="b" in style, italic="i" in style)
    return paragraph


@dataclass(frozen=True, slots=True)
class FieldSlot:
    """A blank of a form's line: "label value" and dots up to `end_mm` from the left margin."""

    label: str
    value: str
    end_mm: float
    share: float  # of the line's width, from the previous slot's end to this one's


def layout_fields(
    fields: Sequence[tuple[str, str]], width_mm: float, size_pt: float, *, bold_values: bool = False
) -> list[list[FieldSlot]]:
    """Lay out (label, value) blanks on lines of `width_mm`: together when they fit, else a line each.

    The paper form's "Số điện thoại: …… Email: ……" shares a line; each blank but the last ends at a
    stop past its estimated text width (at least an even share), the last at the margin. Both the
    DOCX (tab stops with dot leaders) and the HTML (cells with CSS leaders) follow this layout.
    """
    factor = _TEXT_MM_PER_PT_CHAR * size_pt * (1.08 if bold_values else 1)
    needed = [len(f"{label} {value}") * factor + 8 for label, value in fields]
    if len(fields) > 1 and sum(needed) > width_mm:
        return [line for field in fields for line in layout_fields([field], width_mm, size_pt, bold_values=bold_values)]
    slots = []
    start = 0.0
    even = width_mm / len(fields)
    for index, (label, value) in enumerate(fields):
        last = index == len(fields) - 1
        end = width_mm if last else max(even * (index + 1), sum(needed[: index + 1]))
        slots.append(FieldSlot(label, value, end, (end - start) / width_mm))
        start = end
    return [slots]


def add_field(
    doc: DocxDocument,
    *fields: tuple[str, str],
    bold_values: bool = False,
    before: float = 0,
    after: float | None = None,
) -> Any:
    """Blanks of a form filled in: "Label: value" followed by dots (tab leaders) to the margin.

    Returns the last paragraph written; see layout_fields() for how several blanks share a line.
    """
    sizes = sizes_of(doc)
    lines = layout_fields(fields, text_width_mm(doc), sizes.body, bold_values=bold_values)
    paragraph = None
    for number, line in enumerate(lines):
        paragraph = _format(
            doc.add_paragraph(),
            align=WD_ALIGN_PARAGRAPH.LEFT,
            before=before if number == 0 else 0,
            after=sizes.after_pt if after is None else after,
        )
        stops = paragraph.paragraph_format.tab_stops
        for index, slot in enumerate(line):
            alignment = WD_TAB_ALIGNMENT.RIGHT if index == len(line) - 1 else WD_TAB_ALIGNMENT.LEFT
            stops.add_tab_stop(Mm(slot.end_mm), alignment, WD_TAB_LEADER.DOTS)
            _run(paragraph, f"{slot.label} " if slot.label else "")
            if slot.value:
                _run(paragraph, slot.value, bold=bold_values)
            _run(paragraph, "\t")
    return paragraph


def add_table(
    doc: DocxDocument,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths_mm: Sequence[float],
    *,
    center_columns: Collection[int] = (0,),
    size: float | None = None,
) -> Any:
    """A bordered table with a bold header row that repeats on each page; rows never split."""
    sizes = sizes_of(doc)
    size = size or sizes.table
    table = new_table(doc, widths_mm, rows=1 + len(rows))
    _cell_margins(table, left_mm=1.5, right_mm=1.5, top_mm=0.5, bottom_mm=0.5)
    header = table.rows[0]
    repeat_as_header(header)
    for cell, text in zip(header.cells, headers, strict=True):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        cell_text(cell, text, bold=True, size=size, align=WD_ALIGN_PARAGRAPH.CENTER)
    for row, values in zip(table.rows[1:], rows, strict=True):
        keep_row_on_one_page(row)
        for index, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            align = WD_ALIGN_PARAGRAPH.CENTER if index in center_columns else WD_ALIGN_PARAGRAPH.LEFT
            cell_text(cell, text, size=size, align=align)
    return table


@dataclass(frozen=True, slots=True)
class Signer:
    position_lines: Sequence[str]
    name: str = ""
    note: str = ""  # "(Ký, ghi rõ họ tên)" on the one-stop forms; nothing on Decree 30 documents


def _sign_block(doc: DocxDocument, cell: Any, signer: Signer) -> None:
    sizes = sizes_of(doc)
    for line in signer.position_lines:
        cell_text(cell, line.upper(), bold=True, size=sizes.header + 1, align=WD_ALIGN_PARAGRAPH.CENTER)
    if signer.note:
        cell_text(cell, signer.note, italic=True, size=sizes.small + 1, align=WD_ALIGN_PARAGRAPH.CENTER)
    # The gap for the handwritten signature and the seal is space before the name, not empty lines.
    cell_text(
        cell, signer.name, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, new_paragraph=True, before=sizes.sign_gap_pt
    )


def add_signatures(doc: DocxDocument, signers: Sequence[Signer]) -> Any:
    """Signature blocks side by side, as "NGƯỜI NỘP HỒ SƠ | NGƯỜI TIẾP NHẬN HỒ SƠ"."""
    width = text_width_mm(doc)
    table = new_table(doc, [width / len(signers)] * len(signers), borders=False)
    _cell_margins(table, left_mm=0, right_mm=0)
    keep_row_on_one_page(table.rows[0])
    table.rows[0].cells[0].paragraphs[0].paragraph_format.space_before = Pt(sizes_of(doc).after_pt * 2)
    for cell, signer in zip(table.rows[0].cells, signers, strict=True):
        _sign_block(doc, cell, signer)
    return table


def recipient_lines(recipients: Sequence[str]) -> list[str]:
    # Decree 30, ô 9b: "- …;" on each line and "." after the last.
    lines = []
    for index, text in enumerate(recipients):
        text = text.strip().lstrip("-").strip().rstrip(";.")
        end = "." if index == len(recipients) - 1 else ";"
        lines.append(f"- {text}{end}")
    return lines


def add_signature(
    doc: DocxDocument,
    position_lines: Sequence[str],
    name: str,
    recipients: Sequence[str] | None = None,
    *,
    note: str = "",
) -> Any:
    """The signer on the right half; "Nơi nhận:" and its list on the left when given (ô 7, 9b)."""
    sizes = sizes_of(doc)
    width = text_width_mm(doc)
    left = round(width * 0.45, 1)
    table = new_table(doc, [left, width - left], borders=False)
    _cell_margins(table, left_mm=0, right_mm=0)
    keep_row_on_one_page(table.rows[0])
    where, signer = table.rows[0].cells
    if recipients:
        cell_text(where, "Nơi nhận:", bold=True, italic=True, size=sizes.small + 1, before=sizes.after_pt)
        for line in recipient_lines(recipients):
            cell_text(where, line, size=sizes.small, new_paragraph=True)
    _sign_block(doc, signer, Signer(position_lines, name, note))
    signer.paragraphs[0].paragraph_format.space_before = Pt(sizes.after_pt)
    return table
