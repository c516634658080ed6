"""The transition table: which action is possible from which status (pure)."""

import pytest

from cchc.dossiers.workflow import (
    CLOSED,
    NATIONAL_CODE,
    TRANSITIONS,
    Action,
    Status,
    TransitionNotAllowed,
    actions_from,
    can_take,
    ensure_allowed,
)


def test_every_status_has_a_national_code_from_1_to_10() -> None:
    assert set(NATIONAL_CODE) == set(Status)
    assert set(NATIONAL_CODE.values()) == set(range(1, 11)) - {7}  # 7 is passed through on withdrawal


def test_closed_dossiers_accept_no_transition() -> None:
    for status in CLOSED:
        assert actions_from(status) == []


@pytest.mark.parametrize(
    ("status", "action", "allowed"),
    [
        (Status.SUBMITTED, Action.RECEIVE, True),
        (Status.RECEIVED, Action.RECEIVE, False),
        (Status.RECEIVED, Action.TRANSFER, True),
        (Status.IN_PROGRESS, Action.REQUEST_SUPPLEMENT, True),
        (Status.AWAITING_SUPPLEMENT, Action.APPROVE, False),
        (Status.AWAITING_SUPPLEMENT, Action.SUPPLEMENT_RECEIVED, True),
        (Status.CONSULTING, Action.REFUSE, True),
        (Status.RESULT_READY, Action.WITHDRAW, False),
        (Status.RESULT_READY, Action.RETURN_RESULT, True),
        (Status.IN_PROGRESS, Action.RETURN_RESULT, False),
    ],
)
def test_the_table_allows_only_the_right_moves(status: Status, action: Action, allowed: bool) -> None:
    assert can_take(status, action) is allowed


def test_a_refused_move_names_the_action_and_the_status_in_vietnamese() -> None:
    with pytest.raises(TransitionNotAllowed, match="Không thể “Trả kết quả” khi hồ sơ đang ở trạng thái “Đang xử lý”"):
        ensure_allowed(Status.IN_PROGRESS, Action.RETURN_RESULT)


def test_actions_that_tell_the_applicant_something_need_a_reason() -> None:
    for action in (Action.REFUSE_INTAKE, Action.REQUEST_SUPPLEMENT, Action.REFUSE, Action.APOLOGISE, Action.WITHDRAW):
        assert TRANSITIONS[action].needs_reason


def test_the_workflow_document_matches_the_table() -> None:
    from django.conf import settings

    from cchc.dossiers.workflow_doc import render

    committed = (settings.BASE_DIR / "docs" / "workflows" / "dossier.md").read_text(encoding="utf-8")
    assert committed == render(), "run ./dev manage workflow_doc"
