"""The seed plan imported through the services, as the CCHC officer would: lead units assigned by
area, deadlines in the plan's year, then put in force."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cchc.org.models import Unit, User
from cchc.plans import importing, outline, services
from cchc.plans.models import Plan, PlanStatus, Task

SEED = Path(__file__).resolve().parents[1] / "importers" / "samples" / "ke_hoach_cchc_2023_skhcn.txt"

# Which demo unit leads the tasks of each reform area in the test plan.
LEADS = {
    "direction": "vp",
    "institutions": "ttra",
    "procedures": "qlcng",
    "organisation": "vp",
    "civil_service": "vp",
    "public_finance": "khtc",
    "digital_government": "ttud",
}


@pytest.fixture
def seed_bytes() -> bytes:
    return SEED.read_bytes()


def import_seed(officer: User, units: dict[str, Unit], *, year: int = 2023, in_force: bool = True) -> Plan:
    draft = importing.import_draft_create(
        actor=officer, unit=units["so"], filename=SEED.name, content=SEED.read_bytes()
    )
    rows = {}
    for row in outline.rows_from_parsed(draft.parsed):
        if row.is_task:
            rows[row.key] = importing.RowInput(
                title=row.title, lead_unit=units[LEADS[row.area]], deadline=date(year, 12, 31)
            )
    header = importing.HeaderInput(number="64/KH-SKHCN", year=year, title=f"Kế hoạch công tác CCHC năm {year}")
    plan = importing.plan_import_confirm(draft=draft, actor=officer, header=header, rows=rows)
    if in_force:
        services.plan_set_status(plan=plan, actor=officer, status=PlanStatus.IN_FORCE)
        plan.refresh_from_db()
    return plan


@pytest.fixture
def plan(cchc_officer: User, org: dict[str, Unit]) -> Plan:
    return import_seed(cchc_officer, org)


@pytest.fixture
def qlcng_task(plan: Plan) -> Task:
    """II.3.a, led by the unit of the `unit_head` and `specialist` personas."""
    return plan.tasks.get(section__label="3", section__parent__label="II", label="a")


@pytest.fixture
def other_task(plan: Plan) -> Task:
    """II.6.a, led by the planning and finance division: nothing to do with the personas' unit."""
    return plan.tasks.get(section__label="6", section__parent__label="II", label="a")
