"""The organisation page: the units within the user's scope and the people in them."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cchc.org import selectors


@login_required
def units(request: HttpRequest) -> HttpResponse:
    unit_list = list(selectors.unit_list_for_user(user=request.user))
    staff = list(selectors.staff_list_for_user(user=request.user))
    by_unit: dict[int, list[object]] = {}
    for person in staff:
        by_unit.setdefault(person.unit_id or 0, []).append(person)
    rows = [(unit, by_unit.get(unit.pk, [])) for unit in unit_list]
    return render(request, "org/units.html", {"rows": rows, "staff_count": len(staff)})


@login_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_get_for_user(user=request.user, pk=pk)
    staff = selectors.staff_list_for_user(user=request.user, unit=unit)
    return render(request, "org/unit_detail.html", {"unit": unit, "staff": staff})
