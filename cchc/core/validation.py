"""Vietnamese messages for pydantic validation errors (the API's request bodies, the import files).

pydantic reports each problem as a machine-readable `type` with a location; people need one
sentence per field. The messages are translatable English, like every other message of CCHC.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.utils.translation import gettext as _


def _message(error: Mapping[str, Any]) -> str:
    kind = str(error.get("type", ""))
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind in {"string_type", "string_sub_type"}:
        return _("Enter text.")
    if kind == "string_too_short":
        return _("Enter at least %(n)s characters.") % {"n": ctx.get("min_length", 1)}
    if kind == "string_too_long":
        return _("Enter at most %(n)s characters.") % {"n": ctx.get("max_length", "")}
    if kind == "string_pattern_mismatch":
        return _("The value does not have the expected form.")
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return _("Enter a whole number.")
    if kind in {"float_type", "float_parsing", "decimal_parsing", "decimal_type"}:
        return _("Enter a number.")
    if kind in {"bool_type", "bool_parsing"}:
        return _("Enter true or false.")
    if kind in {"greater_than", "greater_than_equal"}:
        return _("Enter a number of at least %(n)s.") % {"n": ctx.get("ge", ctx.get("gt", ""))}
    if kind in {"less_than", "less_than_equal"}:
        return _("Enter a number of at most %(n)s.") % {"n": ctx.get("le", ctx.get("lt", ""))}
    if kind in {"enum", "literal_error"}:
        return _("Choose one of: %(choices)s.") % {"choices": ctx.get("expected", "")}
    if kind.startswith("date_") or kind == "date_type":
        return _("Enter a date as YYYY-MM-DD.")
    if kind.startswith("datetime_") or kind == "timezone_aware":
        return _("Enter a date and time in ISO 8601 with the time zone, e.g. 2026-03-02T09:00:00+07:00.")
    if kind in {"list_type", "tuple_type", "set_type"}:
        return _("Enter a list.")
    if kind in {"dict_type", "model_type", "model_attributes_type", "dataclass_type"}:
        return _("Enter an object.")
    if kind == "extra_forbidden":
        return _("This field is not known.")
    if kind in {"json_invalid", "json_type"}:
        return _("The body is not valid JSON.")
    if kind == "too_short":
        return _("Give at least %(n)s item(s).") % {"n": ctx.get("min_length", 1)}
    if kind == "too_long":
        return _("Give at most %(n)s item(s).") % {"n": ctx.get("max_length", "")}
    if kind == "value_error":
        # Raised by our own validators: their message is already a translated sentence.
        return str(ctx.get("error", error.get("msg", ""))).removeprefix("Value error, ")
    return _("The value is not valid.")


def field_name(location: Sequence[Any], skip: int = 0) -> str:
    """ "applicant.phone" from ("body", "payload", "applicant", "phone") with skip=2; list indexes kept."""
    parts = [str(part) for part in location[skip:]]
    return ".".join(parts) or "__all__"


def error_messages(errors: Iterable[Mapping[str, Any]], *, skip: int = 0) -> dict[str, str]:
    """One Vietnamese sentence per field (several problems of one field are joined)."""
    messages: dict[str, str] = {}
    for error in errors:
        name = field_name(tuple(error.get("loc", ())), skip)
        text = _message(error)
        messages[name] = f"{messages[name]} {text}" if name in messages and text not in messages[name] else text
    return messages
