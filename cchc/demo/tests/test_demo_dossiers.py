"""The demo year: built through the services, varied like a real year, loaded once."""

from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db.models import Count

from cchc.catalog.models import Procedure
from cchc.demo.dossiers import load_demo_catalogue, load_demo_dossiers
from cchc.dossiers.applicant import check_applicant
from cchc.dossiers.models import Dossier, DossierEvent, DossierRating

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 16, 10, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture
def year(org):
    load_demo_catalogue(org)
    return load_demo_dossiers(org, count=120, now=NOW)


def test_every_dossier_has_its_real_history(year) -> None:
    assert (year.made, year.stalled) == (120, 0)
    assert Dossier.objects.count() == 120
    firsts = Counter(d.events.order_by("at", "id").first().action for d in Dossier.objects.all())
    assert set(firsts) == {"submit"}
    assert not Dossier.objects.annotate(n=Count("events")).filter(n__lt=2, channel="counter").exists()
    assert not DossierEvent.objects.filter(at__gt=NOW).exists()
    assert Dossier.objects.filter(received_at__lt=datetime(2025, 3, 16, tzinfo=ZoneInfo("UTC"))).count() == 0


def test_the_year_is_varied(year) -> None:
    channels = Counter(Dossier.objects.values_list("channel", flat=True))
    assert set(channels) == {"counter", "post", "online", "national_portal"}
    online = channels["online"] + channels["national_portal"]
    assert 0.35 < online / 120 < 0.7
    statuses = Counter(Dossier.objects.values_list("status", flat=True))
    assert statuses["returned"] > 80
    assert Dossier.objects.filter(closed_at__isnull=True).exists()  # some still open now
    assert Dossier.objects.filter(supplement_count__gt=0).exists()
    assert Dossier.objects.filter(finished_late=True).exists()
    assert DossierRating.objects.exists()
    assert Dossier.objects.filter(has_digitised_result=True).exists()
    assert len(set(Dossier.objects.values_list("procedure", flat=True))) > 15
    assert len(set(Dossier.objects.values_list("handling_unit", flat=True))) >= 4


def test_applicants_look_real_and_pass_the_checks() -> None:
    import random

    from cchc.demo.dossiers import _applicant

    rng = random.Random(7)
    procedure = Procedure(name="Thủ tục đăng ký công bố hợp quy", online_level="partial")
    for _ in range(200):
        applicant = _applicant(rng, procedure)
        _clean, errors = check_applicant(applicant)
        assert errors == {}, applicant
        assert any(ch in applicant.name for ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýĐ")


def test_it_loads_once(year, org) -> None:
    again = load_demo_dossiers(org, count=10, now=NOW)
    assert again.made == 0
    assert Dossier.objects.count() == 120


def test_demo_data_loads_the_catalogue_and_the_year_once(capsys) -> None:
    call_command("demo_data", dossiers=30)
    assert Procedure.objects.count() >= 40
    assert Dossier.objects.count() == 30
    assert "Hồ sơ mẫu của một năm: 30" in capsys.readouterr().out
    call_command("demo_data", dossiers=30)
    assert Dossier.objects.count() == 30
