"""A procedure as read from an import file, before it touches the database (pure)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class FeeRow:
    name: str
    amount_vnd: int
    note: str = ""


@dataclass(frozen=True, slots=True)
class DocumentRow:
    name: str
    kind: str = "original"
    count: int = 1
    template_name: str = ""


@dataclass(frozen=True, slots=True)
class StepRow:
    name: str
    unit_code: str
    role: str
    days: Decimal


@dataclass(frozen=True, slots=True)
class ProcedureRow:
    row_number: int
    code: str
    name: str
    field: str
    level: str
    time_limit: Decimal
    time_unit: str
    time_limit_text: str
    shortened_time_limit: Decimal
    online_level: str
    legal_basis: list[str]
    result_name: str
    handling_unit_code: str
    status: str
    national_code_confirmed: bool
    fees: list[FeeRow] = dataclasses.field(default_factory=list)
    documents: list[DocumentRow] = dataclasses.field(default_factory=list)
    steps: list[StepRow] = dataclasses.field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RowError:
    row_number: int
    message: str
