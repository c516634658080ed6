"""Importing a plan document: the draft, the officer's corrections, confirmation — and every bad
input refused with a Vietnamese message, leaving nothing behind."""

import io
from datetime import date

import docx
import pytest

from cchc.core.errors import NotAllowed, RuleViolation
from cchc.plans import importing, outline
from cchc.plans.models import Area, ImportDraft, Plan, Section, Target, Task, TaskEvent
from cchc.plans.tests.conftest import SEED, import_seed

pytestmark = pytest.mark.django_db


def _nothing_saved() -> None:
    assert not Plan.objects.exists()
    assert not Section.objects.exists()
    assert not Task.objects.exists()
    assert not Target.objects.exists()


def _draft(officer, org, content: bytes = b"", name: str = "ke-hoach.txt") -> ImportDraft:
    return importing.import_draft_create(
        actor=officer, unit=org["so"], filename=name, content=content or SEED.read_bytes()
    )


def _header(**overrides):
    values = {"number": "64/KH-SKHCN", "year": 2023, "title": "Kế hoạch công tác CCHC năm 2023"}
    return importing.HeaderInput(**{**values, **overrides})


def test_the_seed_becomes_a_plan_whose_tree_and_targets_match_the_document(cchc_officer, org) -> None:
    plan = import_seed(cchc_officer, org, in_force=False)
    parts = list(plan.sections.filter(parent=None).order_by("order"))
    assert [(p.label, p.title) for p in parts] == [
        ("I", "MỤC TIÊU, YÊU CẦU"),
        ("II", "NỘI DUNG, NHIỆM VỤ CỤ THỂ"),
        ("III", "TỔ CHỨC THỰC HIỆN"),
    ]
    areas = list(plan.sections.filter(parent__label="II").order_by("order"))
    assert [(s.label, s.area) for s in areas] == [
        ("1", Area.DIRECTION),
        ("2", Area.INSTITUTIONS),
        ("3", Area.PROCEDURES),
        ("4", Area.ORGANISATION),
        ("5", Area.CIVIL_SERVICE),
        ("6", Area.PUBLIC_FINANCE),
        ("7", Area.DIGITAL_GOVERNMENT),
    ]
    letters = {s.label: [t.label for t in s.tasks.order_by("order")] for s in areas}
    assert letters == {
        "1": ["a", "b", "c", "d", "đ", "e"],
        "2": ["a", "b", "c", "d"],
        "3": ["a", "b", "c", "d", "đ", "e", "g"],
        "4": ["a", "b"],
        "5": ["a", "b", "c", "d", "đ"],
        "6": ["a", "b", "c", "d", "đ"],
        "7": ["a", "b", "c", "d", "đ"],
    }
    assert plan.tasks.count() == 34
    assert all(t.area == t.section.area for t in plan.tasks.select_related("section"))
    assert [(t.indicator, float(t.target_value)) for t in plan.targets.order_by("order")] == [
        ("satisfaction", 87.0),
        ("on_time", 98.0),
        ("online_usage", 70.0),
        ("digitised_results", 100.0),
        ("time_cut", 40.0),
    ]
    assert plan.source_name == SEED.name
    assert plan.source_file.read() == SEED.read_bytes()
    assert TaskEvent.objects.filter(kind=TaskEvent.Kind.CREATED).count() == 34
    assert not ImportDraft.objects.exists()  # the draft is gone once confirmed


def test_nothing_is_saved_before_confirmation(cchc_officer, org) -> None:
    draft = _draft(cchc_officer, org)
    assert draft.status == ImportDraft.Status.READY
    _nothing_saved()
    importing.import_draft_discard(draft=draft, actor=cchc_officer)
    assert not ImportDraft.objects.exists()


def test_the_officers_corrections_are_what_is_saved(cchc_officer, org) -> None:
    draft = _draft(cchc_officer, org)
    rows = outline.rows_from_parsed(draft.parsed)
    first_task = next(r for r in rows if r.is_task)
    item = next(r for r in rows if r.kind == outline.ITEM and r.area == "direction")
    given = importing.suggested_rows(rows, 2023)
    given[first_task.key] = importing.RowInput(
        title="Đẩy mạnh công tác tuyên truyền về CCHC", lead_unit=org["vp"], deadline=date(2023, 6, 30)
    )
    given[item.key] = importing.RowInput(title="Công tác chỉ đạo, điều hành và tuyên truyền về CCHC", area="direction")
    plan = importing.plan_import_confirm(draft=draft, actor=cchc_officer, header=_header(), rows=given, targets=[0, 2])
    task = plan.tasks.get(label="a", section__label="1", section__parent__label="II")
    assert (task.title, task.lead_unit, task.deadline, task.next_due) == (
        "Đẩy mạnh công tác tuyên truyền về CCHC",
        org["vp"],
        date(2023, 6, 30),
        date(2023, 6, 30),
    )
    assert plan.sections.get(label="1", parent__label="II").title.endswith("về CCHC")
    assert [t.indicator for t in plan.targets.order_by("order")] == ["satisfaction", "online_usage"]


def test_it_suggests_deadlines_and_rhythms_the_text_names(cchc_officer, org) -> None:
    rows = outline.rows_from_parsed(_draft(cchc_officer, org).parsed)
    by_code = {importing.row_code(rows, r): r for r in rows if r.is_task}
    assert by_code["II.3.e"].deadline == date(2023, 12, 31)  # "Phấn đấu đến hết năm 2023"
    assert by_code["II.1.đ"].recurrence == "regular"  # "Định kỳ …", OCR "Pinh ky"
    assert by_code["II.1.a"].deadline is None
    assert by_code["II.1.a"].recurrence == "once"


def test_a_docx_plan_imports_like_the_text(cchc_officer, org) -> None:
    document = docx.Document()
    for line in SEED.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    draft = _draft(cchc_officer, org, buffer.getvalue(), "ke-hoach.docx")
    assert draft.kind == "docx"
    assert sum(r.is_task for r in outline.rows_from_parsed(draft.parsed)) == 34


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Tệp rỗng."),
        (b"   \n\n  ", "Tệp rỗng."),
        (b"PK\x03\x04 not really a zip", "Không đọc được tệp: tệp bị hỏng hoặc được đặt mật khẩu."),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "Chưa nhập được tệp Word 97-2003 (.doc)."),
        (b"{\\rtf1 hello}", "Không nhập được loại tệp này."),
        ("Biên bản họp giao ban tuần.\nNội dung: trao đổi công việc.".encode(), "Tệp này không phải là kế hoạch CCHC"),
    ],
)
def test_a_bad_file_gets_a_clear_message_and_changes_nothing(cchc_officer, org, content, message) -> None:
    with pytest.raises(RuleViolation) as refused:
        importing.import_draft_create(actor=cchc_officer, unit=org["so"], filename="x", content=content)
    assert message in refused.value.message
    assert not ImportDraft.objects.exists()
    _nothing_saved()


def test_a_duplicate_plan_is_refused_and_changes_nothing(cchc_officer, org) -> None:
    import_seed(cchc_officer, org, in_force=False)
    draft = _draft(cchc_officer, org)
    before = (Plan.objects.count(), Task.objects.count(), Section.objects.count())
    with pytest.raises(RuleViolation) as refused:
        importing.plan_import_confirm(draft=draft, actor=cchc_officer, header=_header(number="64/kh-skhcn"), rows={})
    assert refused.value.message.startswith("Kế hoạch số 64/KH-SKHCN năm 2023 đã có")
    assert (Plan.objects.count(), Task.objects.count(), Section.objects.count()) == before
    assert ImportDraft.objects.filter(pk=draft.pk).exists()  # the officer can still correct and retry


def test_a_deadline_outside_the_plans_year_is_refused_and_changes_nothing(cchc_officer, org) -> None:
    draft = _draft(cchc_officer, org)
    rows = outline.rows_from_parsed(draft.parsed)
    given = importing.suggested_rows(rows, 2023)
    task = next(r for r in rows if r.is_task)
    given[task.key] = importing.RowInput(title=task.title, deadline=date(2024, 1, 15))
    with pytest.raises(RuleViolation) as refused:
        importing.plan_import_confirm(draft=draft, actor=cchc_officer, header=_header(), rows=given)
    assert refused.value.message == (
        "Nhiệm vụ II.1.a: Ngày 15/01/2024 nằm ngoài năm của kế hoạch (2023): thời hạn phải nằm trong năm kế hoạch."
    )
    _nothing_saved()


def test_a_lead_unit_outside_the_department_is_refused(cchc_officer, org) -> None:
    from cchc.org.services import unit_create

    other = unit_create(name="Sở Tư pháp", code="000.00.27.H56", kind="external")
    draft = _draft(cchc_officer, org)
    rows = outline.rows_from_parsed(draft.parsed)
    task = next(r for r in rows if r.is_task)
    with pytest.raises(RuleViolation, match="không phải là đơn vị thuộc"):
        importing.plan_import_confirm(
            draft=draft,
            actor=cchc_officer,
            header=_header(),
            rows={task.key: importing.RowInput(title=task.title, lead_unit=other)},
        )
    _nothing_saved()


@pytest.mark.parametrize("persona", ["unit_head", "specialist", "director", "appraiser", "outsider"])
def test_only_the_cchc_officer_imports(persona, org, request) -> None:
    person = request.getfixturevalue(persona)
    with pytest.raises(NotAllowed, match="Chỉ đầu mối CCHC được nhập kế hoạch"):
        importing.import_draft_create(actor=person, unit=org["so"], filename="x.txt", content=SEED.read_bytes())
    assert not ImportDraft.objects.exists()
