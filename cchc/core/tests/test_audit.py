"""The audit trail records who changed what, from any path: services, the admin, commands."""

import pytest
from django.test import Client
from django.urls import reverse

from cchc.core.models import AuditEvent
from cchc.org.models import Unit, User

pytestmark = pytest.mark.django_db


def test_an_admin_edit_is_recorded_with_the_changed_fields(
    client: Client, org: dict[str, Unit], admin_user: User
) -> None:
    client.force_login(admin_user)
    unit = org["ttud"]
    response = client.post(
        reverse("admin:org_unit_change", args=[unit.pk]),
        {
            "name": "Trung tâm Ứng dụng khoa học và công nghệ",
            "short_name": unit.short_name,
            "code": unit.code,
            "kind": unit.kind,
            "parent": org["so"].pk,
            "order": 0,
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.filter(model="org.unit", object_id=str(unit.pk)).latest("id")
    assert event.action == AuditEvent.Action.UPDATE
    assert event.actor == admin_user
    assert event.changes["name"] == [
        "Trung tâm Thông tin và Ứng dụng khoa học công nghệ",
        "Trung tâm Ứng dụng khoa học và công nghệ",
    ]


def test_the_system_is_recorded_as_no_actor(org: dict[str, Unit]) -> None:
    event = AuditEvent.objects.filter(model="org.unit").first()
    assert event is not None
    assert event.actor is None
    assert event.actor_name == ""


def test_saving_without_changes_records_nothing(org: dict[str, Unit]) -> None:
    before = AuditEvent.objects.count()
    unit = Unit.objects.get(pk=org["vp"].pk)
    unit.save()
    assert AuditEvent.objects.count() == before


def test_the_trail_cannot_be_edited_in_the_admin(client: Client, org: dict[str, Unit], admin_user: User) -> None:
    client.force_login(admin_user)
    event = AuditEvent.objects.first()
    assert event is not None
    assert client.get(reverse("admin:core_auditevent_changelist")).status_code == 200
    response = client.post(reverse("admin:core_auditevent_delete", args=[event.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()
