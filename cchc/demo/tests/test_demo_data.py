import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cchc.org.models import Membership, Unit, User

pytestmark = pytest.mark.django_db


def test_it_loads_once_and_prints_the_sign_ins(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("demo_data", dossiers=0)  # the demo year has its own tests (test_demo_dossiers.py)
    call_command("demo_data", dossiers=0)
    assert Unit.objects.filter(parent__isnull=True).count() == 1
    assert User.objects.count() == 8
    assert Membership.objects.count() == 8
    out = capsys.readouterr().out
    assert "motcua" in out
    assert "Mật khẩu" in out or "mật khẩu" in out


def test_it_never_resets_a_changed_password() -> None:
    call_command("demo_data", dossiers=0)
    user = User.objects.get(username="giamdoc")
    user.set_password("mat-khau-rieng-2026")
    user.save()
    call_command("demo_data", dossiers=0)
    user.refresh_from_db()
    assert user.check_password("mat-khau-rieng-2026")


def test_it_is_refused_outside_demo_mode(settings) -> None:
    settings.CCHC_DEMO = False
    with pytest.raises(CommandError, match="không bao giờ"):
        call_command("demo_data")
    assert not User.objects.exists()
