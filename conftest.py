"""Shared fixtures: the demo department's units and one persona per role (style.md rule 13).

`outsider` is a specialist of another unit (the standards sub-department): every permission rule
has a test that this person is refused.
"""

from collections.abc import Iterator

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from cchc.demo.loader import load_organisation
from cchc.org.models import Unit, User
from cchc.workdays.services import forget_calendar


@pytest.fixture(autouse=True)
def _fresh_calendar() -> Iterator[None]:
    # The calendar is cached per process; a test's overrides must not leak into the next test.
    forget_calendar()
    yield
    forget_calendar()


@pytest.fixture
def org(db: None) -> dict[str, Unit]:
    return load_organisation()


def _person(username: str) -> User:
    return User.objects.get(username=username)


@pytest.fixture
def officer(org: dict[str, Unit]) -> User:
    return _person("motcua")


@pytest.fixture
def specialist(org: dict[str, Unit]) -> User:
    return _person("chuyenvien")


@pytest.fixture
def unit_head(org: dict[str, Unit]) -> User:
    return _person("truongphong")


@pytest.fixture
def director(org: dict[str, Unit]) -> User:
    return _person("giamdoc")


@pytest.fixture
def cchc_officer(org: dict[str, Unit]) -> User:
    return _person("cchc")


@pytest.fixture
def appraiser(org: dict[str, Unit]) -> User:
    return _person("thamdinh")


@pytest.fixture
def admin_user(org: dict[str, Unit]) -> User:
    return _person("quantri")


@pytest.fixture
def outsider(org: dict[str, Unit]) -> User:
    return _person("chuyenvien.tdc")


@pytest.fixture
def catalogue(org: dict[str, Unit]) -> None:
    from cchc.catalog.demo import load_sample_catalogue

    load_sample_catalogue(org)


@pytest.fixture
def procedure(catalogue: None):
    """Khai báo thiết bị X-quang chẩn đoán trong y tế: 5 working days by law, 3 at the department."""
    from cchc.catalog.models import Procedure

    return Procedure.objects.get(code="2.002131")


@pytest.fixture
def _keep_connection_open() -> Iterator[None]:
    """For tests that call the WSGI app directly on PostgreSQL (stack.md G20)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
