"""Request-scoped context for the audit trail."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from cchc.core.audit import acting_as


class AuditActorMiddleware:
    """Changes made while handling a request are recorded as made by its user, from its address."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user if request.user.is_authenticated else None
        with acting_as(user, ip_address=request.META.get("REMOTE_ADDR")):
            return self.get_response(request)
