"""Recognise the structure of a yearly CCHC plan ("Kế hoạch cải cách hành chính") in plain text.

The text comes from extract.py: a clean DOCX, a PDF text layer or OCR of a scan. Plans follow the
NĐ 30/2020 layout: a header block (issuer, number, place and date, "KẾ HOẠCH" and the title, the
"Căn cứ" sentences), then parts I, II, III, numbered items "1.", lettered points "a)" … "đ)" … and
"-" bullets, then "Nơi nhận" and the signer. OCR garbles labels and marks but keeps this skeleton,
so recognition leans on the skeleton (label shapes, their order) and on accent-folded keywords.

Nothing is dropped: text the parser cannot place ends up in `ParsedPlan.unplaced` for the officer.
"""

import calendar
import datetime
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from cchc.plans.importers.vi_repair import has_lost_marks, repair

# User-facing texts, kept here so the Django layer can show (and later translate) them.
MESSAGES: dict[str, str] = {
    "empty": "Văn bản trống, không có nội dung để nhận dạng.",
    "no_structure": "Không nhận ra cấu trúc kế hoạch (không thấy các phần I, II, III).",
    "header_missing": "Không tìm thấy trong phần đầu văn bản: {fields}.",
    "unknown_area": "Mục {label} của phần {part} không khớp với lĩnh vực cải cách hành chính nào.",
    "letter_order": "Dòng {line}: điểm “{found})” không đúng thứ tự, lẽ ra là “{expected})”.",
    "unplaced": "Có {count} đoạn văn bản chưa xếp được vào kế hoạch, cần kiểm tra lại.",
}
HEADER_FIELDS: dict[str, str] = {
    "number": "số hiệu",
    "date": "ngày ban hành",
    "issuer": "cơ quan ban hành",
    "title": "tên kế hoạch",
}


class NodeKind(StrEnum):
    PART = "part"  # I, II, III
    ITEM = "item"  # 1., 2.
    LETTER = "letter"  # a), b), … đ), e)
    BULLET = "bullet"  # "- …" paragraphs ("+" for bullets under bullets)


class Area(StrEnum):
    """The reform areas of the PAR INDEX, as the content part of a plan lists them."""

    DIRECTION = "direction"
    INSTITUTIONS = "institutions"
    PROCEDURES = "procedures"
    ORGANISATION = "organisation"
    CIVIL_SERVICE = "civil_service"
    PUBLIC_FINANCE = "public_finance"
    DIGITAL_GOVERNMENT = "digital_government"


@dataclass(slots=True, kw_only=True)
class PlanNode:
    label: str
    kind: NodeKind
    title: str
    text: str
    area: Area | None = None
    deadline_hint: datetime.date | None = None
    line: int
    children: list["PlanNode"] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Target:
    text: str
    value: float  # percent
    indicator: str | None  # satisfaction, on_time, online_usage, digitised_results, time_cut


@dataclass(slots=True, kw_only=True)
class Header:
    parent_issuer: str | None = None
    issuer: str | None = None
    number: str | None = None
    place: str | None = None
    date: datetime.date | None = None
    title: str | None = None
    year: int | None = None
    signer: str | None = None
    signer_title: str | None = None
    legal_basis: list[str] = field(default_factory=list)
    preamble: str | None = None  # "Sở … ban hành Kế hoạch … như sau:"
    recipients: list[str] = field(default_factory=list)  # "Nơi nhận"
    source: list[str] = field(default_factory=list)  # the raw lines read into the header, for display


@dataclass(slots=True, kw_only=True)
class ParsedPlan:
    header: Header
    targets: list[Target] = field(default_factory=list)
    sections: list[PlanNode] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    page_numbers: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self, dict_factory=_json_dict)


def _json_dict(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    return {key: _json_value(value) for key, value in pairs}


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value) if isinstance(value, StrEnum) else value


def fold(s: str) -> str:
    """Lower case without marks, đ → d, for matching. Unlike cchc.lib.vntext.fold it keeps spacing,
    and each character of NFC text folds to exactly one character, so a match position in the
    folded text is the same position in the original."""
    return "".join(_fold_char(ch) for ch in s)


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    decomposed = unicodedata.normalize("NFD", ch.lower())
    return decomposed[:1] if decomposed[:1] and not unicodedata.combining(decomposed[0]) else ch


# --- lines -----------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Line:
    no: int  # 1-based line number in the input
    text: str  # stripped, single-spaced


def _split_lines(text: str) -> list[_Line]:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"\n?\f", "\n", text)  # pdftotext ends each page with a form feed
    text = re.sub(r"[\u200b\ufeff]", "", text)
    return [_Line(no, " ".join(raw.split())) for no, raw in enumerate(text.split("\n"), start=1)]


def _is_blank(line: _Line) -> bool:
    # Rules like "-------" under the title carry no text.
    return not any(ch.isalnum() for ch in line.text)


_PAGE_NUMBER = re.compile(r"(?:trang\s*)?-?\s*(\d{1,3})\s*-?")


def _page_number(line: _Line) -> int | None:
    m = _PAGE_NUMBER.fullmatch(fold(line.text))
    return int(m[1]) if m else None


def _ends_with(text: str, stops: str = ".;:!?") -> bool:
    return text.rstrip(")\"”’'»").endswith(tuple(stops))


_LEGAL_BASIS = re.compile(r"can\s+c(?:u|t|tr|ir)\b")  # "Căn cứ", OCR "Can ct"


def _is_legal_basis(text: str) -> bool:
    return bool(_LEGAL_BASIS.match(fold(text)))


def _starts_like_sentence(text: str) -> bool:
    # Labels are followed by a capital; "- xã hội" at a line start is a wrapped "kinh tế - xã hội".
    return bool(text) and (text[0].isupper() or text[0].isdigit() or text[0] in "(\"“'«")


def _join(lines: list[str]) -> str:
    out = ""
    for line in lines:
        # "4655/QĐ-" + "UBND": a code broken after its hyphen joins without a space.
        glue = "" if not out or re.search(r"\w-$", out) else " "
        out += glue + line
    return out


# --- labels ----------------------------------------------------------------------------------------

_PART = re.compile(r"([IVXl1|]{1,5})\s*[.,]\s+(\S.*)")
_ITEM = re.compile(r"(\d{1,2}|l)\s*\.\s+(\S.*)")
_LETTER = re.compile(r"([a-zđ¢©@])\s*\)\s+(\S.*)")
_BULLET = re.compile(r"([-–—•+*])\s+(\S.*)")
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
_ROMAN_OCR = str.maketrans({"l": "I", "1": "I", "|": "I"})  # "I1." / "Il." / "1I." are "II."
_RANK = {NodeKind.PART: 0, NodeKind.ITEM: 1, NodeKind.LETTER: 2, NodeKind.BULLET: 3}


def _is_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _part_label(text: str, expected: int) -> tuple[str, str] | None:
    """("II", heading) when `text` opens part number `expected` (or a later one, if written cleanly)."""
    m = _PART.match(text)
    if not m or not _starts_like_sentence(m[2]):
        return None
    roman = m[1].translate(_ROMAN_OCR)
    if roman not in _ROMAN:
        return None
    value = _ROMAN.index(roman) + 1
    clean = roman == m[1]
    # A label with OCR look-alikes ("l." is also how OCR writes "1.") counts only with a capitalised
    # heading at the expected place; a clean one may also skip ahead when its heading is capitalised.
    if value == expected and (clean or _is_upper(m[2])):
        return roman, m[2]
    if clean and value > expected and _is_upper(m[2]):
        return roman, m[2]
    return None


def _label(text: str, expected_part: int) -> tuple[NodeKind, str, str] | None:
    if part := _part_label(text, expected_part):
        return NodeKind.PART, *part
    for kind, pattern in ((NodeKind.ITEM, _ITEM), (NodeKind.LETTER, _LETTER), (NodeKind.BULLET, _BULLET)):
        m = pattern.match(text)
        if m and _starts_like_sentence(m[2]):
            label = "1" if m[1] == "l" else m[1]
            return kind, label, m[2]
    return None


_LETTERS = list("abcdđeghiklmnopqrstuvxy")  # the Vietnamese order: đ after d, no f, j, w
_LETTER_OCR = {"¢": "c", "©": "c", "@": "đ", "ð": "đ"}
# (expected, seen) pairs that OCR confuses; a second "d)" after "d)" is the "đ)" OCR lost.
_LETTER_SWAPS = {("đ", "d"), ("e", "c"), ("c", "e")}


def _letter(seen: str, previous: str | None) -> tuple[str, str | None]:
    """The letter meant by OCR's `seen`, and the letter expected at this place (None past the end)."""
    seen = _LETTER_OCR.get(seen, seen)
    if previous is None:
        expected: str | None = "a"
    else:
        index = _LETTERS.index(previous) + 1 if previous in _LETTERS else len(_LETTERS)
        expected = _LETTERS[index] if index < len(_LETTERS) else None
    if expected and (expected, seen) in _LETTER_SWAPS:
        return expected, expected
    return seen, expected


# --- paragraphs and the tree -----------------------------------------------------------------------


@dataclass(slots=True)
class _Block:
    """One paragraph: a labelled node's first paragraph, or a paragraph without a label."""

    line: int
    kind: NodeKind | None
    label: str
    lines: list[str]  # the first one without its label
    head: str  # the first input line, label included
    last: str  # the last input line, label included, for the paragraph-end rules

    @property
    def raw(self) -> str:
        return _join([self.head, *self.lines[1:]])


def _short_width(lines: list[_Line]) -> float:
    # A line much shorter than the page width ends its paragraph. The width is estimated from the
    # lines themselves, so DOCX text (one long line per paragraph) and OCR text both work.
    lengths = sorted(len(line.text) for line in lines if not _is_blank(line))
    return 0.6 * lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0.0


def _continues(block: _Block, text: str, gap: bool, short: float, stops: str = ".;:!?") -> bool:
    """Whether the unlabelled line `text` continues `block` (a wrapped line) or starts a paragraph."""
    if _is_legal_basis(text) or len(block.last) < short:
        return False
    # A finished sentence ends the paragraph at a blank line or before a capital; a page break or a
    # blank line in mid-sentence does not.
    return not (_ends_with(block.last, stops) and (gap or text[:1].isupper()))


def _blocks(lines: list[_Line], short: float, pages: list[int] | None, stops: str = ".;:!?") -> list[_Block]:
    """Paragraphs of `lines`. Page numbers go to `pages`; with `pages=None` they stay text."""
    blocks: list[_Block] = []
    expected_part, gap = 1, False
    for line in lines:
        if _is_blank(line):
            gap = True
            continue
        if pages is not None and (page := _page_number(line)) is not None:
            pages.append(page)
            gap = True
            continue
        label = _label(line.text, expected_part)
        if label:
            kind, name, rest = label
            if kind is NodeKind.PART:
                expected_part = _ROMAN.index(name) + 2
            blocks.append(_Block(line.no, kind, name, [rest], line.text, line.text))
        elif blocks and _continues(blocks[-1], line.text, gap, short, stops):
            blocks[-1].lines.append(line.text)
            blocks[-1].last = line.text
        else:
            blocks.append(_Block(line.no, None, "", [line.text], line.text, line.text))
        gap = False
    return blocks


def _build_tree(blocks: list[_Block], warnings: list[str]) -> tuple[list[PlanNode], list[str]]:
    roots: list[PlanNode] = []
    orphans: list[str] = []
    stack: list[PlanNode] = []
    for block in blocks:
        text = _join(block.lines)
        if block.kind is None:
            if not stack:
                orphans.append(block.raw)
                continue
            # "(Kèm theo Phụ lục …)" after the last point, and the closing "…./." paragraph, speak
            # for the whole part, not for the point they happen to follow.
            closing = text.startswith("(") or text.endswith("./.")
            target = stack[0] if closing else stack[-1]
            target.text = f"{target.text}\n{text}"
            continue
        rank = _rank(block.kind, block.label)
        while stack and _rank(stack[-1].kind, stack[-1].label) >= rank:
            stack.pop()
        siblings = stack[-1].children if stack else roots
        label = block.label
        if block.kind is NodeKind.LETTER:
            previous = next((n.label for n in reversed(siblings) if n.kind is NodeKind.LETTER), None)
            label, expected = _letter(label, previous)
            if label != expected:
                warnings.append(MESSAGES["letter_order"].format(line=block.line, found=label, expected=expected))
        node = PlanNode(label=label, kind=block.kind, title=_title(text), text=text, line=block.line)
        siblings.append(node)
        stack.append(node)
    return roots, orphans


def _rank(kind: NodeKind, label: str) -> int:
    return _RANK[kind] + (kind is NodeKind.BULLET and label == "+")  # "+" bullets sit under "-" ones


_SENTENCE_END = re.compile(r"[.;:](?=\s|$)")


def _title(text: str, limit: int = 200) -> str:
    """The heading, or the first sentence of a point."""
    first = text.split("\n", 1)[0]
    if _ends_with(first) or len(first) > limit:  # a sentence, not a heading like "3. Cải cách TTHC; …"
        first = _SENTENCE_END.split(first, maxsplit=1)[0].strip()
    if len(first) > limit:
        first = first[: first.rfind(" ", 0, limit)] + "…"
    return first.rstrip(",;:. ")


def walk(nodes: list[PlanNode]) -> list[PlanNode]:
    """Every node of the tree, depth first, in document order."""
    out: list[PlanNode] = []
    for node in nodes:
        out.append(node)
        out.extend(walk(node.children))
    return out


# --- header and footer -----------------------------------------------------------------------------

_NATIONAL_NAME = re.compile(r"c[o0]ng\s*h[o0]a\s+x\S*\s+h\S*\s+ch\S*\s+ngh\S*\s+vi\S*\s+nam")
_MOTTO = re.compile(r"\S+\s+l\S{1,2}p\s*-\s*t\S*\s+d\S*\s*-\s*h\S*\s+ph\S*")
_NUMBER_MARK = re.compile(r"\bs\S{0,2}\s*:\s*(?=\d)")  # "Số:", OCR "S6:"
_NUMBER = re.compile(r"(\d+)\s*/\s*([\dA-ZĐ&]+(?:[-/][\dA-ZĐ&]+)*)")
_LONG_DATE = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")
_TITLE_MARK = re.compile(r"ke\s+hoach\b")
_RECIPIENTS = re.compile(r"n[o0]i\s+nh\S{0,3}\s*:")
_SIGNER_TITLE = re.compile(r"\b(?:giam doc|chu tich|truong|pho)\b|\b(?:kt|tm|q)\.")


def _make_date(year: str | int, month: str | int, day: str | int) -> datetime.date | None:
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _fragments(text: str) -> list[str]:
    """`text` without the national name and motto, which share lines with the issuer in the layout."""
    folded = fold(text)
    for pattern in (_NATIONAL_NAME, _MOTTO):
        if m := pattern.search(folded):
            text, folded = (
                text[: m.start()] + "\n" + text[m.end() :],
                folded[: m.start()] + "\n" + folded[m.end() :],
            )
    # Keep a leading hyphen: "- VŨNG TÀU" is the rest of "ỦY BAN NHÂN DÂN TỈNH BÀ RỊA".
    return [part.strip(" _,") for part in text.split("\n") if part.strip(" -_,")]


# A PDF text layer reads the two header columns in turns, so the national name, the motto and the
# date arrive broken: "CỘNG HÒA XÃ HỘI CHỦ" / "ỦY BAN NHÂN DÂN TỈNH" / "NGHĨA VIỆT NAM".
_NATIONAL_WORDS = ("cong hoa xa hoi chu nghia viet nam", "doc lap tu do hanh phuc")
_AGENCY = re.compile(r"(ubnd|uy ban|so|ban|van phong|phong|chi cuc|cuc|tong cuc|trung tam|thanh tra|bo)\b")


def _is_national_piece(piece: str) -> bool:
    words = " ".join(re.findall(r"[a-z]+", fold(piece)))
    return len(words.split()) >= 2 and any(f" {words} " in f" {whole} " for whole in _NATIONAL_WORDS)


def _header_pieces(lines: list[_Line]) -> list[str]:
    pieces = [p for line in lines for p in _fragments(line.text) if not _is_national_piece(p)]
    for i, piece in enumerate(pieces):  # glue "…, ngày 05 tháng" to the "01 năm 2024" a few pieces on
        if re.search(r"\bngay\s+\d", fold(piece)) and not _LONG_DATE.search(fold(piece)):
            for j in range(i + 1, min(i + 4, len(pieces))):
                if _LONG_DATE.search(fold(f"{piece} {pieces[j]}")):
                    pieces[i] = f"{piece} {pieces.pop(j)}"
                    break
    return pieces


def _parse_top(lines: list[_Line], header: Header, unplaced: list[str]) -> None:
    """Issuer, number, place and date: the block above "KẾ HOẠCH"."""
    agencies: list[str] = []
    for piece in _header_pieces(lines):
        rest, used = piece, False
        if m := _NUMBER_MARK.search(fold(rest)):
            number = _NUMBER.match(rest, m.end())
            header.number = f"{number[1]}/{number[2]}" if number else header.number
            rest, used = rest[number.end() if number else m.end() :], True
        if m := _LONG_DATE.search(fold(rest)):
            header.date = _make_date(m[3], m[2], m[1])
            header.place = rest[: m.start()].strip(" ,") or header.place
            rest, used = rest[m.end() :], True
        rest = rest.strip(" ,")
        if not used and _is_upper(rest) and len(rest.split()) > 1:  # not a lone "KHẨN" stamp
            # "ỦY BAN NHÂN DÂN TỈNH BÀ RỊA" + "VŨNG TÀU": a piece without an agency word continues.
            if agencies and not _AGENCY.match(fold(rest)):
                agencies[-1] += " " + rest
            else:
                agencies.append(rest)
        elif rest:
            unplaced.append(rest)
    if agencies:
        header.parent_issuer = " ".join(agencies[:-1]) or None
        header.issuer = agencies[-1]


def _parse_header(lines: list[_Line], short: float, warnings: list[str]) -> tuple[Header, list[str]]:
    header = Header(source=[line.text for line in lines if not _is_blank(line)])
    unplaced: list[str] = []
    mark = next((i for i, line in enumerate(lines) if _TITLE_MARK.match(fold(line.text))), None)
    if mark is None:  # no "KẾ HOẠCH": the top block ends with the line that carries the date
        dated = [i for i, line in enumerate(lines) if _LONG_DATE.search(fold(line.text))]
        mark = dated[0] + 1 if dated else 0
        title_lines: list[str] = []
        rest = lines[mark:]
    else:
        title_lines, rest = _title_lines(lines[mark:])
    _parse_top(lines[:mark], header, unplaced)
    if title_lines:
        # "KẾ HOẠCH" is set in capitals as a heading; in the title it reads "Kế hoạch …".
        header.title = "Kế hoạch" + _join(title_lines)[len("ke hoach") :]
        if m := re.search(r"\bnam\s+((?:19|20)\d\d)\b", fold(header.title)):
            header.year = int(m[1])
    preamble: list[str] = []
    # A "Căn cứ …," sentence ends with a comma before the next one or the preamble.
    for block in _blocks(rest, short, pages=None, stops=".;:!?,"):
        (header.legal_basis if _is_legal_basis(block.raw) else preamble).append(block.raw)
    header.preamble = "\n".join(preamble) or None
    missing = [name for key, name in HEADER_FIELDS.items() if getattr(header, key) is None]
    if missing:
        warnings.append(MESSAGES["header_missing"].format(fields=", ".join(missing)))
    return header, unplaced


def _title_lines(lines: list[_Line]) -> tuple[list[str], list[_Line]]:
    """The "KẾ HOẠCH" line and the title lines under it (up to a blank line or "Căn cứ")."""
    taken = [lines[0].text]
    i = 1
    while i < len(lines) and _is_blank(lines[i]):
        i += 1
    while i < len(lines) and len(taken) < 5 and not _is_blank(lines[i]):
        if _is_legal_basis(lines[i].text) or _ends_with(lines[i].text):
            break
        taken.append(lines[i].text)
        i += 1
    return taken, lines[i:]


def _parse_footer(lines: list[_Line], header: Header, unplaced: list[str]) -> None:
    """The "Nơi nhận" list and the signature block after the body."""
    header.source.extend(line.text for line in lines if not _is_blank(line))
    titles: list[str] = []
    for line in lines:
        if _is_blank(line) or _page_number(line) is not None:
            continue
        text = line.text
        if m := _RECIPIENTS.match(fold(text)):
            text = text[m.end() :].strip()
        for piece in filter(None, (p.strip() for p in re.split(r"\s{3,}", text))):
            folded = fold(piece)
            if piece[0] in "-+•":
                header.recipients.append(piece.lstrip("-+• ").strip())
            elif _is_upper(piece) and _SIGNER_TITLE.search(folded):
                titles.append(piece)
            elif _looks_like_name(piece):
                header.signer = piece
            else:
                unplaced.append(piece)
    header.signer_title = " ".join(titles) or None


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 5 and all(w.isalpha() and w[0].isupper() for w in words)


def _footer_start(lines: list[_Line], start: int) -> int:
    for i in range(start, len(lines)):
        if _RECIPIENTS.match(fold(lines[i].text)):
            return i
        if lines[i].text.endswith("./."):  # NĐ 30 closes the body with "./."
            return i + 1
    return len(lines)


# --- areas, deadlines, targets ---------------------------------------------------------------------

# Accent-folded keywords of the area headings; tolerant of OCR ("to chirc, bd may", "che d9 cong vu").
# The keyword found first in the heading wins: "Cải cách TTHC trên môi trường điện tử" is procedures.
_AREA_PATTERNS: list[tuple[Area, re.Pattern[str]]] = [
    (
        Area.DIGITAL_GOVERNMENT,
        re.compile(r"chinh\s+(quy\S*|phu)\s+(dien|s)|chuyen\s+doi\s+s|hien\s+dai\s+hoa|dien\s+tu"),
    ),
    (Area.PROCEDURES, re.compile(r"\btthc\b|thu\s+tuc\s+hanh\s+chinh|mot\s+cua")),
    (Area.INSTITUTIONS, re.compile(r"\bthe\s+che\b")),
    (Area.ORGANISATION, re.compile(r"\bbo\s+may\b|\bb\S?\s+may\b|to\s+ch\S*\s+bo")),
    (Area.CIVIL_SERVICE, re.compile(r"cong\s+vu|cong\s+chuc")),
    (Area.PUBLIC_FINANCE, re.compile(r"tai\s+chinh")),
    (Area.DIRECTION, re.compile(r"chi\s+dao|dieu\s+hanh")),
]


def area_of(title: str) -> Area | None:
    folded = fold(title)
    found = [(m.start(), area) for area, pattern in _AREA_PATTERNS if (m := pattern.search(folded))]
    return min(found, key=lambda pair: pair[0])[1] if found else None


def _set_areas(sections: list[PlanNode], warnings: list[str]) -> None:
    # The content part is the one whose items name the reform areas (part II in practice); items of
    # the other parts ("1. Mục tiêu", "1. Trưởng phòng … tổ chức thực hiện") must not get an area.
    def items(part: PlanNode) -> list[PlanNode]:
        return [child for child in part.children if child.kind is NodeKind.ITEM]

    scored = [(sum(area_of(item.title) is not None for item in items(part)), part) for part in sections]
    best, content = max(scored, key=lambda pair: pair[0], default=(0, None))
    if content is None or best == 0:
        return
    for item in items(content):
        item.area = area_of(item.title)
        if item.area is None:
            warnings.append(MESSAGES["unknown_area"].format(label=item.label, part=content.label))


_DATE = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?![\d/])")
_DEADLINE_PATTERNS = [
    re.compile(r"\bquy\s+(iv|iii|ii|i|[1-4])\b"),
    re.compile(r"\b6\s+thang\b(?:\s+(cuoi|dau))?"),
    re.compile(r"\b(?:het|cuoi)\s+nam(?:\s+((?:19|20)\d\d))?"),
    re.compile(r"\btruoc\s+ngay\s+(\d{1,2})\s*/\s*(\d{1,2})(?!\s*/)"),
    re.compile(r"\bthang\s+(\d{1,2})(?:\s*/\s*((?:19|20)\d\d))?\b(?!\s*/)"),
]
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _is_citation(folded: str, start: int) -> bool:
    # "Quyết định số 4655/QĐ-UBND ngày 08/12/2021" dates a document, it is not a deadline.
    before = re.sub(r"ngay\s*$", "", folded[max(0, start - 60) : start].rstrip()).rstrip()
    return bool(re.search(r"/\S*[a-z]\S*(?:\s+[a-z]{2,6})?$", before))


def deadline_hint(text: str, year: int | None) -> datetime.date | None:
    """The first deadline the text names: a date, "quý II", "6 tháng", "tháng 9", "hết năm 2023"."""
    folded = fold(text)
    found: list[tuple[int, datetime.date | None]] = []
    taken: list[range] = []
    for pattern in (_LONG_DATE, _DATE):
        for m in pattern.finditer(folded):
            taken.append(range(m.start(), m.end()))
            if not _is_citation(folded, m.start()):
                day, month, year_ = (m[1], m[2], m[3])
                found.append((m.start(), _make_date(year_, month, day)))
    for pattern in _DEADLINE_PATTERNS:
        found.extend(
            (m.start(), _relative_date(m, year))
            for m in pattern.finditer(folded)
            if not any(m.start() in span for span in taken)
        )
    found = [(pos, when) for pos, when in found if when is not None]
    return min(found, key=lambda pair: pair[0])[1] if found else None


def _relative_date(m: re.Match[str], year: int | None) -> datetime.date | None:
    word = m[0].split()[0]
    if word == "het" or word == "cuoi":
        year = int(m[1]) if m[1] else year
        return datetime.date(year, 12, 31) if year else None
    if year is None:
        return None
    if word == "quy":
        month = 3 * _QUARTERS[m[1]]
    elif word == "6":
        month = 12 if m[1] == "cuoi" else 6
    elif word == "truoc":
        return _make_date(year, m[2], m[1])
    else:
        month, year = int(m[1]), int(m[2]) if m[2] else year
        if not 1 <= month <= 12:
            return None
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


_PERCENT = re.compile(r"(\d{1,3}(?:[.,]\d{1,2})?)(?:\s*(?:-|–|đến)\s*(\d{1,3}(?:[.,]\d{1,2})?))?\s*%")
_INDICATORS: list[tuple[str, re.Pattern[str]]] = [
    ("satisfaction", re.compile(r"hai\s*[l1i|][o0]ng")),
    ("on_time", re.compile(r"\bd\S?ng\s+h[ae4]n\b|truoc\s+han")),
    ("online_usage", re.compile(r"truc\s+tuy")),
    ("digitised_results", re.compile(r"\bs[o0-9d]\s+hoa\b")),
    ("time_cut", re.compile(r"\br\S{0,2}t\s+ng\S{1,2}n\b|cat\s+giam\s+thoi\s+gian|giam\s+thoi\s+gian")),
]
_CLAUSE_END = re.compile(r"(?<=[.!?])\s+(?=[^\W\d_])|;")


def find_targets(text: str) -> list[Target]:
    """Percent targets in `text`, each named by the indicator keyword closest before it."""
    targets: list[Target] = []
    for clause in _CLAUSE_END.split(text):
        folded, start = fold(clause), 0
        seen: set[str | None] = set()
        for m in _PERCENT.finditer(clause):
            indicator = _nearest_indicator(folded, start, m.start())
            start = m.end()
            if indicator is not None and indicator in seen:
                continue  # "giảm 40% … từ 35-40%": one target, the range stays in its text
            seen.add(indicator)
            value = float((m[2] or m[1]).replace(",", "."))
            targets.append(Target(text=clause.strip(), value=value, indicator=indicator))
    return targets


def _nearest_indicator(folded: str, start: int, end: int) -> str | None:
    before = [(m.end(), name) for name, p in _INDICATORS for m in p.finditer(folded, start, end)]
    if before:
        return max(before)[1]
    after = [(m.start(), name) for name, p in _INDICATORS for m in p.finditer(folded, end)]
    return min(after)[1] if after else None


def _repair_titles(header: Header, nodes: list[PlanNode]) -> None:
    """Put the marks back into the titles and header fields an officer would otherwise retype."""
    for node in nodes:
        node.title = repair(node.title)
    for name in ("parent_issuer", "issuer", "place", "title"):
        if value := getattr(header, name):
            setattr(header, name, repair(value))


# --- entry point -----------------------------------------------------------------------------------


def parse_plan_text(text: str) -> ParsedPlan:
    lines = _split_lines(text)
    content = [line for line in lines if not _is_blank(line)]
    if not content:
        return ParsedPlan(header=Header(), warnings=[MESSAGES["empty"]])
    short = _short_width(lines)
    body = next((i for i, line in enumerate(lines) if _part_label(line.text, 1)), None)
    if body is None:
        paragraphs = [block.raw for block in _blocks(lines, short, pages=None)]
        return ParsedPlan(header=Header(), unplaced=paragraphs, warnings=[MESSAGES["no_structure"]])

    warnings: list[str] = []
    header, unplaced = _parse_header(lines[:body], short, warnings)
    footer = _footer_start(lines, body)
    pages: list[int] = []
    sections, orphans = _build_tree(_blocks(lines[body:footer], short, pages), warnings)
    unplaced += orphans
    _parse_footer(lines[footer:], header, unplaced)

    if has_lost_marks(text):
        _repair_titles(header, walk(sections))
    _set_areas(sections, warnings)
    year = header.year or (header.date.year if header.date else None)
    nodes = walk(sections)
    for node in nodes:
        node.deadline_hint = deadline_hint(node.text, year)
    targets = [t for node in nodes for t in find_targets(node.text)]
    targets += [t for piece in unplaced for t in find_targets(piece)]
    if unplaced:
        warnings.append(MESSAGES["unplaced"].format(count=len(unplaced)))
    return ParsedPlan(
        header=header,
        targets=targets,
        sections=sections,
        unplaced=unplaced,
        page_numbers=pages,
        warnings=warnings,
    )
