"""import_dossiers: historical dossiers with their timelines, all or nothing, idempotent by code."""

import json
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from cchc.core import clock
from cchc.dossiers import services
from cchc.dossiers.legacy_import import import_dossiers
from cchc.dossiers.models import Dossier, DossierCounter, DossierDocument, DossierEvent, DossierRating
from cchc.dossiers.tests.factories import APPLICANT, vn
from cchc.org.models import Unit

pytestmark = pytest.mark.django_db

SAMPLE = Path(settings.BASE_DIR) / "docs" / "examples" / "dossiers-sample.jsonl"


def _sample() -> list[dict[str, Any]]:
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def _lines(*dossiers: dict[str, Any]) -> list[str]:
    return [json.dumps(d, ensure_ascii=False) for d in dossiers]


class TestTheSample:
    def test_it_imports_cleanly_with_every_event(self, catalogue, capsys) -> None:
        call_command("import_dossiers", str(SAMPLE))
        assert "Đã nhập 6 hồ sơ" in capsys.readouterr().out
        assert Dossier.objects.count() == 6
        statuses = dict(Dossier.objects.values_list("code", "status"))
        assert sorted(statuses.values()) == sorted(
            ["returned", "returned", "refused_at_intake", "returned", "refused", "withdrawn"]
        )
        lines = _sample()
        assert DossierEvent.objects.count() == sum(len(line["events"]) for line in lines)
        assert set(DossierEvent.objects.values_list("data__source", flat=True)) == {"import"}

    def test_due_dates_are_recomputed_with_the_dossiers_rule_set(self, catalogue) -> None:
        import_dossiers(SAMPLE.read_text(encoding="utf-8").splitlines())
        counter = Dossier.objects.get(code="000.00.26.H56-250303-0001")
        assert counter.rule_set.key == "nd61-2018"
        # 3 working days from Monday 03/03/2025: due at the close of Thursday 06/03.
        assert (counter.due_at, counter.finished_late) == (vn(2025, 3, 6, 17), False)
        assert counter.events.last().actor.username == "motcua"
        assert DossierRating.objects.get(dossier=counter).total == 17
        assert counter.has_digitised_input
        assert counter.has_digitised_result
        # Restarted after the supplement (NĐ 61 and NĐ 118 both): 3 working days from 15/09/2025.
        online = Dossier.objects.get(code="000.00.26.H56-250909-0003")
        assert online.rule_set.key == "nd118-2025"
        assert (online.original_due_at, online.due_at) == (vn(2025, 9, 12, 17), vn(2025, 9, 18, 17))
        assert (online.supplement_count, online.supplement_days, online.finished_late) == (1, 3, False)
        # The apology moved the date; the result came before the new one.
        apology = Dossier.objects.get(code="000.00.26.H56-251103-0002")
        assert (apology.original_due_at, apology.due_at) == (vn(2025, 11, 17, 17), vn(2025, 11, 21, 17))
        assert (apology.apology_count, apology.finished_late) == (1, False)
        # A due date given in the file wins over the recomputed one.
        given = Dossier.objects.get(code="000.00.26.H56-251201-0004")
        assert given.due_at == vn(2025, 12, 12, 17)
        assert given.closed_at == vn(2025, 12, 5, 10)

    def test_running_it_again_imports_nothing_new_and_says_so(self, catalogue, capsys) -> None:
        call_command("import_dossiers", str(SAMPLE))
        capsys.readouterr()
        call_command("import_dossiers", str(SAMPLE))
        out = capsys.readouterr().out
        assert "6 hồ sơ đã được nhập trước đây; bỏ qua." in out
        assert "Không có hồ sơ mới để nhập." in out
        assert Dossier.objects.count() == 6

    def test_the_example_in_the_documentation_imports(self, catalogue) -> None:
        text = (Path(settings.BASE_DIR) / "docs" / "dossier-import.md").read_text(encoding="utf-8")
        example = json.loads(text.split("```json", 1)[1].split("```", 1)[0])
        report = import_dossiers(_lines(example))
        assert report.errors == []
        dossier = Dossier.objects.get(code=example["code"])
        assert (dossier.status, dossier.apology_count, dossier.has_digitised_result) == ("returned", 1, True)

    def test_the_live_desk_never_reissues_an_imported_code(self, catalogue, officer, procedure) -> None:
        import_dossiers(SAMPLE.read_text(encoding="utf-8").splitlines())
        assert DossierCounter.objects.get(day="2025-11-03").last == 2
        with clock.at(vn(2025, 11, 3, 16)):
            dossier = services.dossier_intake(
                actor=officer,
                receiving_unit=Unit.objects.get(parent__isnull=True),
                procedure=procedure,
                applicant=APPLICANT,
                channel="counter",
            ).dossier
        assert dossier.code == "000.00.26.H56-251103-0003"


class TestRefusals:
    @pytest.fixture
    def good(self) -> dict[str, Any]:
        return _sample()[0]

    def _refused(self, *dossiers: dict[str, Any]) -> list[tuple[int, str]]:
        report = import_dossiers(_lines(*dossiers))
        assert not report.applied
        assert not Dossier.objects.exists()
        assert not DossierEvent.objects.exists()
        assert not DossierDocument.objects.exists()
        return [(e.line, e.message) for e in report.errors]

    def test_one_bad_line_stops_the_whole_file(self, catalogue, good, capsys) -> None:
        bad = {**good, "code": "000.00.26.H56-250303-0002", "procedure": "9.999999"}
        path = Path(settings.BASE_DIR) / "var" / "test-import.jsonl"
        path.write_text("\n".join(_lines(good, bad)) + "\n", encoding="utf-8")
        try:
            with pytest.raises(CommandError, match="Không nhập hồ sơ nào: 1 dòng trong 2 dòng bị từ chối"):
                call_command("import_dossiers", str(path))
        finally:
            path.unlink()
        err = capsys.readouterr().err
        assert "dòng 2 (000.00.26.H56-250303-0002): Không có thủ tục nào có mã 9.999999." in err
        assert not Dossier.objects.exists()

    def test_an_impossible_history_is_refused(self, catalogue, good) -> None:
        events = [good["events"][0], good["events"][4]]  # received, then approved without handling
        assert self._refused({**good, "events": events}) == [
            (1, "Sự kiện 2 (approve): Không thể “Duyệt kết quả” khi hồ sơ đang ở trạng thái “Đã tiếp nhận”.")
        ]

    def test_events_must_be_in_order(self, catalogue, good) -> None:
        events = [*good["events"][:2], {**good["events"][2], "at": "2025-03-03T09:00:00+07:00"}]
        [(_line, message)] = self._refused({**good, "events": events, "rating": None})
        assert "Sự kiện 3 (forward) có thời điểm trước sự kiện ở trên" in message

    @pytest.mark.parametrize(
        ("change", "expected"),
        [
            ({"channel": "fax"}, "channel: Hãy chọn một trong"),
            ({"code": "HS-0001"}, "không có dạng <mã định danh>-YYMMDD-NNNN"),
            ({"unit": "999.99.99.X99"}, "cơ quan tiếp nhận: không có đơn vị nào có mã định danh 999.99.99.X99"),
            ({"events": []}, "events: Hãy ghi ít nhất 1 mục."),
            ({"rating": {"scores": {"c1": 7}}}, "Mỗi tiêu chí chấm 2, 1 hoặc 0 điểm."),
            ({"surprise": 1}, "surprise: Trường này không có trong định dạng."),
        ],
    )
    def test_bad_values_are_explained(self, catalogue, good, change, expected) -> None:
        [(line, message)] = self._refused({**good, **change})
        assert line == 1
        assert expected in message

    @pytest.mark.parametrize(
        ("event", "expected"),
        [
            ({"at": "2025-03-03 08:30"}, "events.0.at: Hãy nhập ngày giờ theo ISO 8601 kèm múi giờ"),
            ({"at": 1741000000}, "events.0.at: Hãy nhập ngày giờ theo ISO 8601 kèm múi giờ"),
            ({"actor": "khong-co-ai"}, "người thực hiện: không có người dùng nào có tên đăng nhập khong-co-ai"),
        ],
    )
    def test_bad_events_are_explained(self, catalogue, good, event, expected) -> None:
        events = [{**good["events"][0], **event}, *good["events"][1:]]
        [(_line, message)] = self._refused({**good, "events": events})
        assert expected in message

    def test_an_unknown_action_is_explained(self, catalogue, good) -> None:
        events = [good["events"][0], {**good["events"][1], "action": "fly"}]
        [(_line, message)] = self._refused({**good, "events": events, "rating": None})
        assert message == "Sự kiện 2: hành động “fly” không có trong quy trình."

    def test_a_history_must_start_with_submission_or_reception(self, catalogue, good) -> None:
        [(_line, message)] = self._refused({**good, "events": good["events"][1:], "rating": None})
        assert "phải bắt đầu bằng" in message

    def test_a_refusal_needs_its_reason(self, catalogue, good) -> None:
        events = [*good["events"][:2], {"action": "refuse", "at": "2025-03-03T10:00:00+07:00"}]
        [(_line, message)] = self._refused({**good, "events": events, "rating": None})
        assert "Hãy ghi rõ lý do" in message

    def test_bad_applicant_details_are_explained(self, catalogue, good) -> None:
        applicant = {**good["applicant"], "id_number": "12", "phone": "000"}
        [(_line, message)] = self._refused({**good, "applicant": applicant})
        assert "applicant.id_number" in message
        assert "applicant.phone" in message

    def test_lines_that_are_not_json_or_repeat_a_code(self, catalogue, good) -> None:
        report = import_dossiers(["{not json", *_lines(good, good), "[1, 2]"])
        assert [(e.line, e.message[:30]) for e in report.errors] == [
            (1, "Không phải JSON hợp lệ (Expect"),
            (3, "Mã này đã có ở dòng 2."),
            (4, "Mỗi dòng phải là một đối tượng"),
        ]
        assert not Dossier.objects.exists()

    def test_a_dry_run_writes_nothing(self, catalogue, capsys) -> None:
        call_command("import_dossiers", str(SAMPLE), dry_run=True)
        assert "Không ghi gì" in capsys.readouterr().out
        assert not Dossier.objects.exists()

    def test_a_missing_file_is_explained(self, org) -> None:
        with pytest.raises(CommandError, match="Không đọc được"):
            call_command("import_dossiers", "/khong/co/tep.jsonl")
