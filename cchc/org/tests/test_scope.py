"""Unit-scoped permissions: a role covers its unit and the units below it, nothing else."""

import pytest
from django.test import Client
from django.urls import reverse

from cchc.org import selectors
from cchc.org.models import Unit, User
from cchc.org.roles import Role
from cchc.org.scope import scope_for

pytestmark = pytest.mark.django_db


def test_a_role_covers_the_unit_and_its_sub_units(org: dict[str, Unit], outsider: User) -> None:
    scope = scope_for(outsider)
    assert scope.units(Role.SPECIALIST) == {org["cctdc"].pk, org["cctdc-ql"].pk}
    assert not scope.can(org["qlcng"].pk)
    assert not scope.has_role(Role.UNIT_HEAD)


def test_the_director_covers_the_whole_department(org: dict[str, Unit], director: User) -> None:
    assert scope_for(director).units(Role.DIRECTOR) == {u.pk for u in org.values()}


def test_inactive_units_and_people_drop_out_of_scope(org: dict[str, Unit], outsider: User) -> None:
    Unit.objects.filter(pk=org["cctdc-ql"].pk).update(is_active=False)
    assert scope_for(User.objects.get(pk=outsider.pk)).units() == {org["cctdc"].pk}
    outsider.is_active = False
    assert scope_for(outsider).units() == frozenset()


def test_unit_list_shows_only_the_scope(org: dict[str, Unit], specialist: User, outsider: User) -> None:
    assert list(selectors.unit_list_for_user(user=specialist)) == [org["qlcng"]]
    assert org["qlcng"] not in selectors.unit_list_for_user(user=outsider)


def test_staff_list_shows_only_people_in_scope(unit_head: User, specialist: User, outsider: User) -> None:
    assert set(selectors.staff_list_for_user(user=unit_head)) == {unit_head, specialist}
    assert specialist not in selectors.staff_list_for_user(user=outsider)


def test_the_unit_page_refuses_outsiders(client: Client, org: dict[str, Unit], unit_head: User, outsider: User) -> None:
    url = reverse("org:unit", args=[org["qlcng"].pk])
    client.force_login(unit_head)
    assert client.get(url).status_code == 200
    client.force_login(outsider)
    response = client.get(url)
    assert response.status_code == 403
    assert "Bạn không có quyền truy cập trang này" in response.content.decode()


def test_the_organisation_page_lists_only_the_scope(client: Client, outsider: User) -> None:
    client.force_login(outsider)
    body = client.get(reverse("org:units")).content.decode()
    assert "Chi cục Tiêu chuẩn Đo lường Chất lượng" in body
    assert "Phòng Quản lý Chuyên ngành" not in body
    assert "Trần Văn Bình" not in body


def test_the_admin_site_is_for_administrators_only(client: Client, admin_user: User, director: User) -> None:
    client.force_login(director)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302  # to the admin login: the director is not an administrator
    client.force_login(admin_user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "Quản trị CCHC" in response.content.decode()


def test_an_administrator_of_a_sub_unit_manages_only_that_subtree(
    client: Client, org: dict[str, Unit], outsider: User, specialist: User
) -> None:
    from cchc.org.services import membership_grant

    membership_grant(user=outsider, unit=org["cctdc"], role=Role.ADMINISTRATOR)
    client.force_login(outsider)
    units_page = client.get(reverse("admin:org_unit_changelist")).content.decode()
    assert "Chi cục Tiêu chuẩn Đo lường Chất lượng" in units_page
    assert "Phòng Quản lý Chuyên ngành" not in units_page
    assert client.get(reverse("admin:org_user_change", args=[specialist.pk])).status_code == 302
    assert client.get(reverse("admin:org_unit_change", args=[org["qlcng"].pk])).status_code == 302


def test_appraisers_read_the_department_but_administer_nothing(
    client: Client, org: dict[str, Unit], appraiser: User
) -> None:
    scope = scope_for(appraiser)
    assert scope.units(Role.APPRAISER) == {u.pk for u in org.values()}
    assert not scope.has_role(Role.ADMINISTRATOR)
    client.force_login(appraiser)
    assert client.get(reverse("admin:index")).status_code == 302
