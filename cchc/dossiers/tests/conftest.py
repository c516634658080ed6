from collections.abc import Iterator

import pytest

from cchc.core import clock
from cchc.dossiers.tests.factories import vn


@pytest.fixture(autouse=True)
def _tuesday_morning() -> Iterator[None]:
    """Unless a test says otherwise, actions happen on Tuesday 03/03/2026 at 10:00, the day after the
    factories' default reception (Monday 02/03/2026 09:00)."""
    with clock.at(vn(2026, 3, 3, 10)):
        yield
