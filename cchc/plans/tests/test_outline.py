"""Which recognised nodes become sections and which become tasks (outline.py is pure)."""

import pytest

from cchc.plans.importers.plan_text import parse_plan_text
from cchc.plans.outline import ITEM, PART, TASK, recurrence_hint, rows_from_parsed, unit_hint
from cchc.plans.tests.conftest import SEED


@pytest.fixture(scope="module")
def rows():
    return rows_from_parsed(parse_plan_text(SEED.read_text(encoding="utf-8")).to_dict())


def test_the_lettered_points_of_the_content_part_are_the_tasks(rows) -> None:
    kinds = [r.kind for r in rows]
    assert (kinds.count(PART), kinds.count(ITEM), kinds.count(TASK)) == (3, 12, 34)
    by_key = {r.key: r for r in rows}
    for row in rows:
        if row.is_task:
            parent = by_key[row.parent]
            assert parent.kind == ITEM
            assert by_key[parent.parent].label == "II"
            assert row.area == parent.area != ""


def test_no_text_is_lost(rows) -> None:
    text = " ".join(r.text for r in rows)
    # The bullets of I.1 (objectives) stay in the section text, with the targets they state.
    assert "(87%)" in text
    assert "(98%)" in text
    assert "(70%)" in text
    assert "(Kém theo Phu luc cdc nhiém vu cu thé)" in text
    objectives = next(r for r in rows if r.kind == ITEM and r.title == "Mục tiêu")
    assert objectives.text.count("\n- ") == 4


def test_an_item_with_only_bullets_gets_a_task_per_bullet() -> None:
    text = (
        "KẾ HOẠCH\nCải cách hành chính năm 2026\n\nI. MỤC TIÊU\n\n1. Mục tiêu chung\n\n- Nâng cao chất lượng.\n\n"
        "II. NHIỆM VỤ\n\n1. Cải cách thể chế\n\n- Rà soát văn bản quy phạm pháp luật.\n\n"
        "- Theo dõi thi hành pháp luật hằng quý.\n\n2. Cải cách tài chính công\n\nThực hiện tự chủ tài chính.\n"
    )
    rows = rows_from_parsed(parse_plan_text(text).to_dict())
    tasks = [(r.title, r.recurrence) for r in rows if r.is_task]
    assert tasks[:2] == [
        ("Rà soát văn bản quy phạm pháp luật", "once"),
        ("Theo dõi thi hành pháp luật hằng quý", "quarterly"),
    ]
    # An item with neither points nor bullets is a task of its own.
    assert tasks[2][0].startswith("Cải cách tài chính công")
    assert len(tasks) == 3


@pytest.mark.parametrize(
    ("text", "rhythm"),
    [
        ("Thường xuyên rà soát, đánh giá kết quả giải quyết TTHC", "regular"),
        ("Pinh ky tién hanh khao sat sy hai long", "regular"),
        ("Báo cáo hằng tháng về tiến độ", "monthly"),
        ("Tổng hợp báo cáo hàng quý gửi Sở Nội vụ", "quarterly"),
        ("Định kỳ 6 tháng sơ kết", "six_monthly"),
        ("Tổ chức hội nghị tổng kết hằng năm", "yearly"),
        ("Ban hành kế hoạch kiểm soát TTHC", "once"),
    ],
)
def test_it_reads_the_rhythm_from_the_text(text: str, rhythm: str) -> None:
    assert recurrence_hint(text) == rhythm


def test_it_suggests_the_unit_the_text_puts_in_charge() -> None:
    units = [(1, "Văn phòng Sở", "Văn phòng"), (2, "Thanh tra Sở", "Thanh tra")]
    assert unit_hint("Giao Văn phòng Sở chủ trì, phối hợp Thanh tra Sở theo dõi", units) == 1
    assert unit_hint("Thanh tra Sở (Tổ pháp chế) chủ trì thực hiện", units) == 2
    assert unit_hint("Phối hợp với Văn phòng Sở", units) is None
