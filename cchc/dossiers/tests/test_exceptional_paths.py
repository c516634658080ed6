"""Supplement, refusal at intake, refusal after appraisal, apology, withdrawal — and their rules."""

from datetime import date

import pytest

from cchc.core import clock
from cchc.core.errors import RuleViolation
from cchc.dossiers import services
from cchc.dossiers.models import Dossier
from cchc.dossiers.tests.factories import APPLICANT, received, vn
from cchc.dossiers.workflow import Status

pytestmark = pytest.mark.django_db


def _in_progress(procedure, officer, at=None):
    dossier = received(procedure, officer, at=at or vn(2026, 3, 2, 9))
    with clock.at(at or vn(2026, 3, 2, 9, 30)):
        return services.dossier_transfer(dossier=dossier, actor=officer)


class TestSupplement:
    def test_the_clock_stops_and_restarts_from_zero(self, procedure, officer, specialist) -> None:
        dossier = _in_progress(procedure, officer)
        with clock.at(vn(2026, 3, 3, 10)):
            dossier = services.dossier_request_supplement(
                dossier=dossier, actor=specialist, missing=["Bản sao giấy phép hoạt động"], reason="Thiếu giấy phép"
            )
        assert dossier.status == Status.AWAITING_SUPPLEMENT
        assert dossier.paused_at == vn(2026, 3, 3, 10)
        with clock.at(vn(2026, 3, 9, 8)):
            dossier = services.dossier_supplement_received(dossier=dossier, actor=officer)
        # NĐ 61/2018 Art. 19(4): counted again from the complete dossier: 3 working days from Monday 09/03.
        assert dossier.due_at == vn(2026, 3, 12, 17)
        assert (dossier.status, dossier.paused_at, dossier.supplement_days) == (Status.IN_PROGRESS, None, 4)

    def test_a_pausing_rule_set_adds_the_waiting_days(self, procedure, officer, specialist) -> None:
        dossier = _in_progress(procedure, officer)
        dossier.rule_set.supplement_clock = "pause"
        dossier.rule_set.save()
        with clock.at(vn(2026, 3, 3, 10)):
            dossier = services.dossier_request_supplement(
                dossier=dossier, actor=specialist, missing=["A"], reason="Thiếu A"
            )
        with clock.at(vn(2026, 3, 5, 10)):
            dossier = services.dossier_supplement_received(dossier=dossier, actor=officer)
        assert dossier.due_at == vn(2026, 3, 9, 17)  # the old due date 05/03 plus 2 working days waited

    def test_only_once(self, procedure, officer, specialist) -> None:
        dossier = _in_progress(procedure, officer)
        dossier = services.dossier_request_supplement(
            dossier=dossier, actor=specialist, missing=["A"], reason="Thiếu A"
        )
        dossier = services.dossier_supplement_received(dossier=dossier, actor=officer)
        with pytest.raises(RuleViolation, match="chỉ cho phép yêu cầu một lần"):
            services.dossier_request_supplement(dossier=dossier, actor=specialist, missing=["B"], reason="Thiếu B")
        assert Dossier.objects.get(pk=dossier.pk).status == Status.IN_PROGRESS

    def test_within_three_working_days_of_reception(self, procedure, officer, specialist) -> None:
        dossier = _in_progress(procedure, officer)
        with clock.at(vn(2026, 3, 6, 9)), pytest.raises(RuleViolation, match="trong vòng 3 ngày làm việc"):
            services.dossier_request_supplement(dossier=dossier, actor=specialist, missing=["A"], reason="Thiếu A")

    def test_it_needs_the_missing_documents_and_a_reason(self, procedure, officer, specialist) -> None:
        dossier = _in_progress(procedure, officer)
        with pytest.raises(RuleViolation, match="liệt kê các giấy tờ"):
            services.dossier_request_supplement(dossier=dossier, actor=specialist, missing=[" "], reason="Thiếu")
        with pytest.raises(RuleViolation, match="ghi rõ lý do"):
            services.dossier_request_supplement(dossier=dossier, actor=specialist, missing=["A"], reason="")
        assert Dossier.objects.get(pk=dossier.pk).supplement_count == 0


def test_refusal_at_intake_closes_an_online_submission(procedure, officer) -> None:
    with clock.at(vn(2026, 3, 2, 20)):
        dossier = services.dossier_intake(
            actor=None,
            receiving_unit=received.__globals__["Unit"].objects.get(parent__isnull=True),
            procedure=procedure,
            applicant=APPLICANT,
            channel="online",
            receive=False,
        ).dossier
    assert (dossier.status, dossier.due_at) == (Status.SUBMITTED, None)
    dossier = services.dossier_refuse_intake(dossier=dossier, actor=officer, reason="Không thuộc thẩm quyền của Sở")
    assert dossier.status == Status.REFUSED_AT_INTAKE
    assert dossier.closed_at is not None
    assert dossier.events.last().national_status == 3


def test_receiving_an_online_submission_starts_the_clock(procedure, officer) -> None:
    from cchc.org.models import Unit

    with clock.at(vn(2026, 3, 6, 21)):  # Friday evening
        dossier = services.dossier_intake(
            actor=None,
            receiving_unit=Unit.objects.get(parent__isnull=True),
            procedure=procedure,
            applicant=APPLICANT,
            channel="national_portal",
            receive=False,
        ).dossier
    with clock.at(vn(2026, 3, 9, 8)):
        dossier = services.dossier_receive(dossier=dossier, actor=officer)
    assert dossier.due_at == vn(2026, 3, 12, 17)


class TestRefusal:
    def test_within_the_deadline(self, procedure, officer, unit_head) -> None:
        dossier = _in_progress(procedure, officer)
        dossier = services.dossier_refuse(dossier=dossier, actor=unit_head, reason="Thiết bị không đạt yêu cầu an toàn")
        assert (dossier.status, dossier.events.last().national_status) == (Status.REFUSED, 8)

    def test_not_after_the_deadline(self, procedure, officer, unit_head) -> None:
        dossier = _in_progress(procedure, officer)
        with clock.at(vn(2026, 3, 6, 9)), pytest.raises(RuleViolation, match="Đã quá hạn"):
            services.dossier_refuse(dossier=dossier, actor=unit_head, reason="Không đạt")
        assert Dossier.objects.get(pk=dossier.pk).status == Status.IN_PROGRESS

    def test_not_by_a_specialist(self, procedure, officer, specialist) -> None:
        dossier = _in_progress(procedure, officer)
        with pytest.raises(services.NotAllowed):
            services.dossier_refuse(dossier=dossier, actor=specialist, reason="Không đạt")


class TestApology:
    def test_it_sets_a_new_date_once(self, procedure, officer, unit_head) -> None:
        dossier = _in_progress(procedure, officer)  # due Thursday 05/03
        with clock.at(vn(2026, 3, 4, 9)):
            dossier = services.dossier_apologise(
                dossier=dossier, actor=unit_head, reason="Cần kiểm tra thực tế tại cơ sở", new_due=date(2026, 3, 10)
            )
        assert dossier.due_at == vn(2026, 3, 10, 17)
        assert dossier.original_due_at == vn(2026, 3, 5, 17)
        with clock.at(vn(2026, 3, 5, 9)), pytest.raises(RuleViolation, match="một lần"):
            services.dossier_apologise(dossier=dossier, actor=unit_head, reason="Lần hai", new_due=date(2026, 3, 12))

    def test_at_least_one_working_day_before_the_due_date(self, procedure, officer, unit_head) -> None:
        dossier = _in_progress(procedure, officer)
        with clock.at(vn(2026, 3, 5, 8)), pytest.raises(RuleViolation, match="chậm nhất ngày 04/03/2026"):
            services.dossier_apologise(dossier=dossier, actor=unit_head, reason="Chậm", new_due=date(2026, 3, 10))
        assert Dossier.objects.get(pk=dossier.pk).apology_count == 0

    @pytest.mark.parametrize(
        ("new_due", "message"), [(date(2026, 3, 5), "phải sau hạn trả"), (date(2026, 3, 7), "không phải ngày làm việc")]
    )
    def test_the_new_date_must_make_sense(self, procedure, officer, unit_head, new_due, message) -> None:
        dossier = _in_progress(procedure, officer)
        with clock.at(vn(2026, 3, 3, 9)), pytest.raises(RuleViolation, match=message):
            services.dossier_apologise(dossier=dossier, actor=unit_head, reason="Chậm", new_due=new_due)


def test_withdrawal_stops_handling(procedure, officer) -> None:
    dossier = _in_progress(procedure, officer)
    dossier = services.dossier_withdraw(dossier=dossier, actor=officer, reason="Người nộp đề nghị rút hồ sơ")
    assert (dossier.status, dossier.events.last().national_status) == (Status.WITHDRAWN, 8)
    with pytest.raises(services.TransitionNotAllowed):
        services.dossier_withdraw(dossier=dossier, actor=officer, reason="Lần nữa")


def test_consultation_round_trip(procedure, officer, specialist, outsider, org) -> None:
    dossier = _in_progress(procedure, officer)
    dossier = services.dossier_consult(
        dossier=dossier, actor=specialist, unit=org["cctdc"], question="Đề nghị cho ý kiến"
    )
    assert (dossier.status, dossier.consulted_unit) == (Status.CONSULTING, org["cctdc"])
    dossier = services.dossier_answer(dossier=dossier, actor=outsider, answer="Thống nhất")
    assert (dossier.status, dossier.consulted_unit) == (Status.IN_PROGRESS, None)


def test_fee_payment_round_trip(procedure, officer, specialist) -> None:
    dossier = _in_progress(procedure, officer)
    with pytest.raises(RuleViolation, match="lớn hơn 0"):
        services.dossier_request_payment(dossier=dossier, actor=specialist, amount_vnd=0, reason="Phí thẩm định")
    dossier = services.dossier_request_payment(
        dossier=dossier, actor=specialist, amount_vnd=450000, reason="Phí thẩm định"
    )
    assert dossier.events.last().national_status == 6
    dossier = services.dossier_payment_received(dossier=dossier, actor=officer)
    assert dossier.status == Status.IN_PROGRESS
