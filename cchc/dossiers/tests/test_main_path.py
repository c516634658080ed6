"""A dossier from counter intake to result returned, with every step on record and on time."""

from datetime import datetime

import pytest

from cchc.core import clock
from cchc.core.errors import NotAllowed
from cchc.dossiers import services
from cchc.dossiers.models import Dossier, DossierEvent, DossierRating
from cchc.dossiers.tests.factories import received, vn
from cchc.dossiers.workflow import Action, Status

pytestmark = pytest.mark.django_db


def test_counter_intake_gives_a_code_a_due_date_and_the_first_step(procedure, officer) -> None:
    dossier = received(procedure, officer, at=vn(2026, 3, 2, 9, 0))
    assert dossier.code == "000.00.26.H56-260302-0001"
    assert dossier.status == Status.RECEIVED
    # 3 working days (the department's limit) from Monday 02/03: due at the close of Thursday 05/03.
    assert dossier.due_at == vn(2026, 3, 5, 17, 0)
    assert dossier.current_step == 1
    assert dossier.rule_set.key == "nd118-2025"
    assert dossier.applicant_phone == "0912345678"
    assert [e.action for e in dossier.events.all()] == [Action.SUBMIT, Action.RECEIVE]
    assert dossier.documents.count() == procedure.required_documents.count()


def test_codes_are_sequential_per_body_per_day(procedure, officer) -> None:
    first = received(procedure, officer, at=vn(2026, 3, 2, 8))
    second = received(procedure, officer, at=vn(2026, 3, 2, 16))
    next_day = received(procedure, officer, at=vn(2026, 3, 3, 8))
    assert [first.code[-4:], second.code[-4:], next_day.code[-11:]] == ["0001", "0002", "260303-0001"]


def test_the_main_path_to_result_returned(procedure, officer, specialist, unit_head, director) -> None:
    dossier = received(procedure, officer, at=vn(2026, 3, 2, 9))
    with clock.at(vn(2026, 3, 2, 10)):
        dossier = services.dossier_transfer(dossier=dossier, actor=officer, assignee=specialist)
    assert (dossier.status, dossier.current_step, dossier.assignee) == (Status.IN_PROGRESS, 2, specialist)
    assert dossier.step_due_at == vn(2026, 3, 3, 10, 30)  # 1 working day (7.5 office hours + 0.5)
    with clock.at(vn(2026, 3, 3, 9)):
        dossier = services.dossier_forward(dossier=dossier, actor=specialist, note="Hồ sơ hợp lệ")
    with clock.at(vn(2026, 3, 3, 14)):
        dossier = services.dossier_forward(dossier=dossier, actor=unit_head)
    with clock.at(vn(2026, 3, 4, 9)):
        dossier = services.dossier_approve(dossier=dossier, actor=director)
    assert dossier.status == Status.RESULT_READY
    assert dossier.finished_late is False
    with clock.at(vn(2026, 3, 4, 15)):
        dossier = services.dossier_return_result(
            dossier=dossier, actor=officer, rating={f"c{i}": 2 for i in range(1, 10)}
        )
    assert dossier.status == Status.RETURNED
    assert dossier.closed_at == vn(2026, 3, 4, 15)
    assert DossierRating.objects.get(dossier=dossier).total == 18
    events = list(dossier.events.order_by("at", "id"))
    assert [e.national_status for e in events] == [1, 2, 4, 4, 4, 9, 10]
    assert [e.step_order for e in events] == [0, 1, 2, 3, 4, 5, 5]
    assert events[-1].actor == officer
    assert events[2].step_planned_end == vn(2026, 3, 3, 10, 30)


def test_a_late_approval_is_marked_late(procedure, officer, specialist, unit_head, director) -> None:
    dossier = received(procedure, officer, at=vn(2026, 3, 2, 9))
    with clock.at(vn(2026, 3, 2, 10)):
        dossier = services.dossier_transfer(dossier=dossier, actor=officer)
        dossier = services.dossier_forward(dossier=dossier, actor=specialist)
        dossier = services.dossier_forward(dossier=dossier, actor=unit_head)
    with clock.at(vn(2026, 3, 6, 9)):
        dossier = services.dossier_approve(dossier=dossier, actor=director)
    assert dossier.finished_late is True


def test_outsiders_cannot_act_and_nothing_changes(procedure, officer, outsider) -> None:
    dossier = received(procedure, officer)
    with pytest.raises(NotAllowed, match="Bạn không được “Chuyển xử lý”"):
        services.dossier_transfer(dossier=dossier, actor=outsider)
    dossier.refresh_from_db()
    assert (dossier.status, dossier.current_step, dossier.events.count()) == (Status.RECEIVED, 1, 2)


def test_a_specialist_cannot_act_at_the_directors_step(procedure, officer, specialist, unit_head) -> None:
    dossier = received(procedure, officer)
    dossier = services.dossier_transfer(dossier=dossier, actor=officer)
    dossier = services.dossier_forward(dossier=dossier, actor=specialist)
    dossier = services.dossier_forward(dossier=dossier, actor=unit_head)
    with pytest.raises(NotAllowed):
        services.dossier_approve(dossier=dossier, actor=specialist)


def test_the_result_cannot_be_approved_before_the_last_step(procedure, officer, specialist) -> None:
    dossier = services.dossier_transfer(dossier=received(procedure, officer), actor=officer)
    with pytest.raises(services.TransitionNotAllowed, match="bước xử lý cuối cùng"):
        services.dossier_approve(dossier=dossier, actor=specialist)
    assert Dossier.objects.get(pk=dossier.pk).status == Status.IN_PROGRESS


def test_a_wrong_state_is_refused_in_vietnamese(procedure, officer) -> None:
    dossier = received(procedure, officer)
    with pytest.raises(services.TransitionNotAllowed, match="Không thể “Trả kết quả”"):
        services.dossier_return_result(dossier=dossier, actor=officer)


def test_a_stale_screen_is_refused(procedure, officer, specialist) -> None:
    dossier = received(procedure, officer)
    seen = dossier.version
    services.dossier_transfer(dossier=dossier, actor=officer, expected_version=seen)
    with pytest.raises(services.Conflict, match="Người khác vừa thay đổi"):
        services.dossier_transfer(dossier=dossier, actor=officer, expected_version=seen)


def test_the_same_idempotency_key_gives_one_dossier(procedure, officer) -> None:
    first = received(procedure, officer, idempotency_key="portal-42")
    with clock.at(vn(2026, 3, 2, 11)):
        again = services.dossier_intake(
            actor=officer,
            receiving_unit=first.unit,
            procedure=procedure,
            applicant=services.ApplicantInput("person", "X", "1", "2", "3"),
            channel="online",
            idempotency_key="portal-42",
        )
    assert again.created is False
    assert again.dossier.pk == first.pk
    assert Dossier.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("id_number", "12345", "12 chữ số"),
        ("phone", "12345", "di động"),
        ("name", "", "họ tên"),
        ("email", "khong-phai-email", "thư điện tử hợp lệ"),
    ],
)
def test_bad_applicant_details_are_refused_and_nothing_is_saved(
    procedure, officer, field: str, value: str, message: str
) -> None:
    from dataclasses import replace

    from cchc.dossiers.tests.factories import APPLICANT

    with pytest.raises(services.ApplicantInvalid, match=message):
        received(procedure, officer, applicant=replace(APPLICANT, **{field: value}))
    assert not Dossier.objects.exists()
    assert not DossierEvent.objects.exists()


def test_an_organisation_uses_its_tax_code(procedure, officer) -> None:
    from dataclasses import replace

    from cchc.dossiers.tests.factories import APPLICANT

    dossier = received(
        procedure,
        officer,
        applicant=replace(APPLICANT, kind="organisation", id_number="3500123456-001", name="Bệnh viện Đa khoa Bà Rịa"),
    )
    assert dossier.applicant_id_number == "3500123456-001"


def test_only_one_stop_officers_receive(procedure, specialist) -> None:
    with pytest.raises(NotAllowed, match="cán bộ một cửa"):
        received(procedure, specialist)
    assert not Dossier.objects.exists()


def _time(dossier: Dossier) -> datetime:
    assert dossier.due_at is not None
    return dossier.due_at


def test_a_dossier_keeps_the_rules_in_force_when_it_was_received(procedure, officer) -> None:
    from cchc.dossiers import printing

    old = received(procedure, officer, at=vn(2024, 3, 1, 9))
    new = received(procedure, officer, at=vn(2025, 8, 1, 9))
    assert (old.rule_set.key, new.rule_set.key) == ("nd61-2018", "nd118-2025")
    # The forms follow the circular of each dossier's rule set: the control sheet is Mẫu 05 under
    # TT 01/2018 and Mẫu 06 under TT 03/2025.
    assert dict(printing.printable(old))["control_sheet"].startswith("Mẫu số 05")
    assert dict(printing.printable(new))["control_sheet"].startswith("Mẫu số 06")
    # Changing the catalogue afterwards changes neither the limit nor the process of received dossiers.
    procedure.shortened_time_limit = 1
    procedure.save()
    procedure.steps.filter(order=2).update(name="Bước mới")
    old.refresh_from_db()
    assert old.time_limit == 3
    assert old.steps[1]["name"] == "Thẩm định hồ sơ"
