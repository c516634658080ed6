"""Reads of the procedure catalogue, with accent-insensitive search."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from cchc.catalog.models import Procedure, ProcessStep
from cchc.lib.vntext import fold


def procedure_search(*, query: str = "", field: str = "", active_only: bool = True) -> QuerySet[Procedure]:
    """Procedures whose name, field or code contains every word of `query`, accents and case ignored:
    "thu tuc", "THỦ TỤC" and "thủ tục" find the same; "d" finds "đ"."""
    queryset = Procedure.objects.select_related("handling_unit")
    if active_only:
        queryset = queryset.filter(status=Procedure.Status.ACTIVE)
    for word in fold(query).split():
        queryset = queryset.filter(name_folded__contains=word)
    if field:
        queryset = queryset.filter(field=field)
    return queryset.order_by("field", "name")


def procedure_fields() -> list[str]:
    return list(Procedure.objects.values_list("field", flat=True).distinct().order_by("field"))


def procedure_get(*, code: str) -> Procedure:
    queryset = Procedure.objects.select_related("handling_unit").prefetch_related(
        "fees", "required_documents", Prefetch("steps", queryset=ProcessStep.objects.select_related("unit"))
    )
    return get_object_or_404(queryset, code=code)
