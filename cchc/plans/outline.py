"""From what the importer recognised to the rows of the preview: which nodes become sections and
which become tasks, with suggested deadlines, rhythms and lead units. Pure: no Django.

The content part of a plan (the one whose items name the reform areas, part II in practice) holds
the tasks: its numbered items are sections and their lettered points are tasks; an item with only
"-" bullets gets one task per bullet, and an item with neither becomes a task of its own. In the
other parts (objectives, organisation of the work) everything stays section text. Bullets under a
task are part of its description. No text is lost: each node's text lands in a row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cchc.plans.importers.plan_text import fold

PART, ITEM, POINT, TASK = "part", "item", "point", "task"


@dataclass(slots=True, kw_only=True)
class Row:
    key: str
    kind: str  # part, item, point (sections) or task
    depth: int
    label: str
    title: str
    text: str
    parent: str | None
    area: str = ""
    deadline: date | None = None  # named in the text
    recurrence: str = "once"
    line: int = 0
    children: list[str] = field(default_factory=list)

    @property
    def is_task(self) -> bool:
        return self.kind == TASK


def rows_from_parsed(parsed: dict[str, Any]) -> list[Row]:
    """Rows in document order. `parsed` is ParsedPlan.to_dict() (what an import draft stores)."""
    sections: list[dict[str, Any]] = parsed.get("sections", [])
    content = _content_parts(sections)
    rows: list[Row] = []
    for part in sections:
        _add(rows, part, parent=None, depth=0, kind=PART, in_content=id(part) in content, area="")
    return rows


def _content_parts(parts: list[dict[str, Any]]) -> set[int]:
    with_areas = {id(p) for p in parts if any(c.get("area") for c in p.get("children", []))}
    if with_areas:
        return with_areas
    lettered = [(sum(_count_letters(c) for c in p.get("children", [])), p) for p in parts]
    best = max(lettered, key=lambda pair: pair[0], default=(0, None))
    return {id(best[1])} if best[0] else set()


def _count_letters(node: dict[str, Any]) -> int:
    own = node.get("kind") == "letter"
    return own + sum(_count_letters(c) for c in node.get("children", []))


def _add(
    rows: list[Row], node: dict[str, Any], *, parent: Row | None, depth: int, kind: str, in_content: bool, area: str
) -> Row:
    area = node.get("area") or area
    text = node.get("text", "")
    children = node.get("children", [])
    structured = [c for c in children if c.get("kind") != "bullet"]
    bullets = [c for c in children if c.get("kind") == "bullet"]
    if kind == TASK or (kind != PART and not structured and not (in_content and kind == ITEM)):
        # A task, or a section without sub-headings outside the content part: bullets are its text.
        text = _with_bullets(text, bullets)
        bullets = []
    row = Row(
        key=f"n{len(rows)}",
        kind=kind,
        depth=depth,
        label=node.get("label", ""),
        title=node.get("title", ""),
        text=text,
        parent=parent.key if parent else None,
        area=area or "",
        line=node.get("line", 0),
    )
    if kind == TASK:
        row.deadline = _date(node.get("deadline_hint"))
        row.recurrence = recurrence_hint(text) if row.deadline is None else "once"
    rows.append(row)
    if parent is not None:
        parent.children.append(row.key)
    if kind == TASK:
        return row
    for child in structured:
        child_kind = _kind_of(child, parent_kind=kind, in_content=in_content)
        _add(rows, child, parent=row, depth=depth + 1, kind=child_kind, in_content=in_content, area=area)
    if in_content and kind == ITEM:
        for bullet in bullets:
            _add(rows, bullet, parent=row, depth=depth + 1, kind=TASK, in_content=True, area=area)
        if not structured and not bullets:
            own = {**node, "children": [], "label": ""}
            _add(rows, own, parent=row, depth=depth + 1, kind=TASK, in_content=True, area=area)
    elif bullets:
        row.text = _with_bullets(row.text, bullets)
    return row


def _kind_of(node: dict[str, Any], *, parent_kind: str, in_content: bool) -> str:
    if node.get("kind") == "item":
        return ITEM
    if in_content and parent_kind == ITEM:
        return TASK  # a lettered point of an area
    return POINT


def _with_bullets(text: str, bullets: list[dict[str, Any]]) -> str:
    lines = [text] if text else []
    lines += [f"{b.get('label') or '-'} {_with_bullets(b.get('text', ''), b.get('children', []))}" for b in bullets]
    return "\n".join(lines)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# Accent-folded, OCR-tolerant ("Pinh ky" is "Định kỳ" whose Đ became P). The earliest match in the
# text decides; at the same place the more precise pattern (earlier in the list) wins.
_RHYTHMS: list[tuple[str, re.Pattern[str]]] = [
    ("monthly", re.compile(r"\b(?:hang|moi)\s+thang\b")),
    ("quarterly", re.compile(r"\b(?:hang|moi)\s+quy\b")),
    ("six_monthly", re.compile(r"\b(?:dinh\s+ky|hang)\s+(?:6|sau)\s+thang\b")),
    ("yearly", re.compile(r"\b(?:hang|moi)\s+nam\b")),
    ("regular", re.compile(r"\bthuong\s+xuyen\b|\b[dp]inh\s+ky\b")),
]


def recurrence_hint(text: str) -> str:
    """The rhythm a task's text names ("hằng quý", "thường xuyên", "định kỳ"), else "once"."""
    folded = fold(text)
    found = [(m.start(), rank, name) for rank, (name, pattern) in enumerate(_RHYTHMS) if (m := pattern.search(folded))]
    return min(found)[2] if found else "once"


_IN_CHARGE = re.compile(r"[\s,]*(?:\([^)]*\)\s*)?(?:la\s+don\s+vi\s+)?chu\s+tri\b")


def unit_hint(text: str, units: Sequence[tuple[int, str, str]]) -> int | None:
    """The unit the text puts in charge ("Văn phòng Sở chủ trì …"): (id, name, short name) triples."""
    folded = " ".join(fold(text).split())
    best: tuple[int, int] | None = None
    for unit_id, *names in units:
        for name in names:
            name = " ".join(fold(name).split())
            if not name:
                continue
            for m in re.finditer(rf"\b{re.escape(name)}\b", folded):
                in_charge = _IN_CHARGE.match(folded[m.end() :])
                if in_charge and (best is None or m.start() < best[0]):
                    best = (m.start(), unit_id)
    return best[1] if best else None
