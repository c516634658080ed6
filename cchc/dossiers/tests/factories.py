"""Dossiers for tests, built through the services so every one has its real events."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from cchc.catalog.models import Procedure
from cchc.core import clock
from cchc.dossiers import services
from cchc.dossiers.applicant import ApplicantInput
from cchc.dossiers.models import Dossier
from cchc.org.models import Unit, User

VN = ZoneInfo("Asia/Ho_Chi_Minh")

APPLICANT = ApplicantInput(
    kind="person",
    name="Nguyễn Văn An",
    id_number="079123456789",
    phone="0912 345 678",
    address="12 Lê Lợi, phường Vũng Tàu, TP Hồ Chí Minh",
    email="an@example.com",
)


def vn(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=VN)


def received(procedure: Procedure, officer: User, *, at: datetime | None = None, **kwargs: object) -> Dossier:
    unit = Unit.objects.get(parent__isnull=True)
    with clock.at(at or vn(2026, 3, 2)):
        return services.dossier_intake(
            actor=officer,
            receiving_unit=unit,
            procedure=procedure,
            applicant=kwargs.pop("applicant", APPLICANT),  # type: ignore[arg-type]
            channel=str(kwargs.pop("channel", "counter")),
            documents=[
                services.DocumentInput(name=d.name, form=d.kind, count=d.count, required_document_id=d.pk)
                for d in procedure.required_documents.all()
            ],
            **kwargs,  # type: ignore[arg-type]
        ).dossier
