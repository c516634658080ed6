"""manage.py import_plan: --dry-run prints the tree and the targets, --json one JSON object; both
save nothing. Without them the plan is created as a draft, as the named CCHC officer."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cchc.plans.models import ImportDraft, Plan, Task
from cchc.plans.tests.conftest import SEED

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command("import_plan", *args, stdout=out)
    return out.getvalue()


def test_dry_run_prints_one_line_per_node_with_its_kind_and_the_targets() -> None:
    lines = _run(str(SEED), "--dry-run").splitlines()
    assert lines[0] == "64/KH-SKHCN · Bà Rịa - Vũng Tàu · 2022-12-30"
    assert "part    II. NỘI DUNG, NHIỆM VỤ CỤ THỂ" in lines
    assert "  item    3. Cải cách TTHC; thực hiện co ché mt cira, mdt cira lién thong  [procedures]" in lines
    assert sum(1 for line in lines if line.startswith("    letter  ")) == 34
    assert any(line.startswith("    letter  đ) ") for line in lines)
    assert "Chỉ tiêu: 5" in lines
    assert any(line.startswith("  87%  satisfaction") for line in lines)
    assert "Đoạn chưa xếp được: 0" in lines
    assert lines[-1] == "Sẽ tạo 15 mục và 34 nhiệm vụ. Chưa có gì được lưu."
    assert not Plan.objects.exists()
    assert not ImportDraft.objects.exists()


def test_json_prints_the_header_targets_sections_and_unplaced() -> None:
    data = json.loads(_run(str(SEED), "--json"))
    assert set(data) == {"header", "targets", "sections", "unplaced"}
    assert data["header"] == {
        "issuer": "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "number": "64/KH-SKHCN",
        "place": "Bà Rịa - Vũng Tàu",
        "date": "2022-12-30",
        "title": "Kế hoạch Công tác cải cách hành chính năm 2023 của Sở Khoa học và Công nghệ",
    }
    assert [t["value"] for t in data["targets"]] == [87.0, 98.0, 70.0, 100.0, 40.0]
    assert set(data["targets"][0]) == {"text", "value"}
    part_ii = data["sections"][1]
    assert (part_ii["label"], part_ii["kind"]) == ("II", "part")
    assert [c["label"] for c in part_ii["children"]] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [c["label"] for c in part_ii["children"][2]["children"]] == ["a", "b", "c", "d", "đ", "e", "g"]
    assert set(part_ii["children"][2]["children"][4]) == {"label", "kind", "title", "children"}
    assert data["unplaced"] == []
    assert not Plan.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "Tệp rỗng."), ("Giấy mời họp.\nThời gian: 8 giờ.".encode(), "Tệp này không phải là kế hoạch CCHC")],
)
def test_a_bad_file_stops_the_command_with_the_reason(tmp_path, content, message) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        _run(str(path), "--dry-run")
    with pytest.raises(CommandError, match="Không mở được"):
        _run(str(tmp_path / "missing.txt"), "--json")


def test_without_dry_run_it_creates_a_draft_plan_as_the_officer(cchc_officer) -> None:
    out = _run(str(SEED), "--as", "cchc")
    plan = Plan.objects.get()
    assert (plan.number, plan.year, plan.status, plan.created_by) == ("64/KH-SKHCN", 2023, "draft", cchc_officer)
    assert Task.objects.count() == 34
    assert "Đã tạo kế hoạch 64/KH-SKHCN ở dạng dự thảo với 34 nhiệm vụ" in out
    with pytest.raises(CommandError, match="đã có"):
        _run(str(SEED), "--as", "cchc")
    assert Plan.objects.count() == 1
    assert not ImportDraft.objects.exists()


def test_only_a_cchc_officer_may_import(unit_head) -> None:
    with pytest.raises(CommandError, match="không phải là đầu mối CCHC"):
        _run(str(SEED), "--as", "truongphong")
    assert not Plan.objects.exists()
