"""Template filters for Vietnamese presentation."""

from datetime import date, datetime

from django import template

from cchc.lib.vndates import weekday_name

register = template.Library()


@register.filter
def weekday(value: date | datetime | None) -> str:
    """Vietnamese weekday name: Thứ Hai … Chủ nhật."""
    if value is None:
        return ""
    return weekday_name(value.date() if isinstance(value, datetime) else value)


@register.filter
def initials(name: str) -> str:
    """Two letters for an avatar badge: "Nguyễn Văn An" → "NA"."""
    parts = (name or "").split()
    if not parts:
        return "?"
    return (parts[0][0] + (parts[-1][0] if len(parts) > 1 else "")).upper()


@register.filter
def get_item(mapping: dict[object, object] | None, key: object) -> object:
    """{{ mapping|get_item:key }} for dictionaries with non-string keys."""
    if not mapping:
        return None
    return mapping.get(key)
