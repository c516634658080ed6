"""Changes to units, people and roles."""

import pytest

from cchc.core.audit import acting_as
from cchc.core.errors import RuleViolation
from cchc.core.models import AuditEvent
from cchc.org import services
from cchc.org.models import Membership, Unit, User
from cchc.org.roles import Role

pytestmark = pytest.mark.django_db


def test_moving_a_unit_moves_its_subtree(org: dict[str, Unit]) -> None:
    sub = org["cctdc-ql"]
    sub_department = org["cctdc"]
    sub_department.parent = org["qlkh"]
    services.unit_save(unit=sub_department)
    sub.refresh_from_db()
    assert sub.path.startswith(org["qlkh"].path)
    assert sub.depth == 3


def test_a_unit_cannot_move_under_its_own_subtree(org: dict[str, Unit]) -> None:
    sub_department = org["cctdc"]
    old_path = sub_department.path
    sub_department.parent = org["cctdc-ql"]
    with pytest.raises(RuleViolation, match="không thể nằm dưới chính nó"):
        services.unit_save(unit=sub_department)
    assert Unit.objects.get(pk=sub_department.pk).path == old_path


def test_unit_codes_are_validated_and_unique(org: dict[str, Unit]) -> None:
    with pytest.raises(RuleViolation, match="mã định danh"):
        services.unit_create(name="Phòng mới", code="mã sai!", kind="division", parent=org["so"])
    with pytest.raises(RuleViolation):
        services.unit_create(name="Trùng mã", code=org["vp"].code, kind="division", parent=org["so"])
    assert not Unit.objects.filter(name__in=["Phòng mới", "Trùng mã"]).exists()


def test_granting_twice_changes_nothing(org: dict[str, Unit], specialist: User) -> None:
    services.membership_grant(user=specialist, unit=org["qlcng"], role=Role.SPECIALIST)
    assert Membership.objects.filter(user=specialist).count() == 1


def test_an_appraiser_must_sit_on_the_top_unit(org: dict[str, Unit], specialist: User) -> None:
    with pytest.raises(RuleViolation, match="đơn vị cao nhất"):
        services.membership_grant(user=specialist, unit=org["qlcng"], role=Role.APPRAISER)
    assert not Membership.objects.filter(user=specialist, role=Role.APPRAISER).exists()


def test_revoking_a_role_that_is_not_held_is_refused(org: dict[str, Unit], specialist: User) -> None:
    with pytest.raises(RuleViolation, match="không giữ vai trò"):
        services.membership_revoke(user=specialist, unit=org["vp"], role=Role.DIRECTOR)


def test_user_creation_checks_the_password_and_the_username(org: dict[str, Unit]) -> None:
    with pytest.raises(RuleViolation, match=r"quá ngắn|quá phổ biến"):
        services.user_create(username="moi", full_name="Người Mới", password="123", unit=org["vp"])
    with pytest.raises(RuleViolation, match="đã có người dùng"):
        services.user_create(username="MOTCUA", full_name="Trùng", password="mot-mat-khau-dai", unit=org["vp"])
    assert not User.objects.filter(full_name__in=["Người Mới", "Trùng"]).exists()


def test_passwords_are_hashed_with_argon2_in_production_settings() -> None:
    from cchc.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_role_changes_are_audited_with_the_actor(org: dict[str, Unit], admin_user: User, specialist: User) -> None:
    with acting_as(admin_user, ip_address="10.0.0.5"):
        services.membership_grant(user=specialist, unit=org["qlkh"], role=Role.SPECIALIST)
        services.membership_revoke(user=specialist, unit=org["qlkh"], role=Role.SPECIALIST)
    events = list(AuditEvent.objects.filter(model="org.membership", actor=admin_user).order_by("id"))
    assert [e.action for e in events] == [AuditEvent.Action.CREATE, AuditEvent.Action.DELETE]
    assert events[0].ip_address == "10.0.0.5"
    assert events[0].actor_name == "quantri"


def test_the_audit_trail_never_copies_passwords(specialist: User) -> None:
    specialist.set_password("mot-mat-khau-moi-2026")
    specialist.save()
    event = AuditEvent.objects.filter(model="org.user", object_id=str(specialist.pk)).latest("id")
    assert event.changes["password"] == ["***", "***"]


def test_nobody_deactivates_their_own_account(admin_user: User) -> None:
    with pytest.raises(RuleViolation, match="chính mình"):
        services.user_set_active(user=admin_user, active=False, actor=admin_user)
    admin_user.refresh_from_db()
    assert admin_user.is_active
