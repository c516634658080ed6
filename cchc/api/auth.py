"""Who is calling: another system with a bearer token, or a signed-in member of staff in the browser.

Either way the request then acts as a CCHC user, with exactly the roles and unit scope that user
has in the web screens: the services and selectors check them, not the API.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from cchc.api.services import api_token_user


class TokenAuth(HttpBearer):
    """`Authorization: Bearer cchc_…` — a token issued in the administration or by create_api_token."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_token_user(token.strip())
        if user is not None:
            request.user = user
        return user


class StaffSessionAuth(APIKeyCookie):
    """The staff member's browser session, with Django's CSRF check on unsafe methods.

    Unlike ninja's `django_auth`, a request without a signed-in user is simply not authenticated
    here (401, not a CSRF error), and a failed CSRF check is explained in Vietnamese.
    """

    param_name: str = settings.SESSION_COOKIE_NAME

    def __call__(self, request: HttpRequest) -> Any:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if check_csrf(request):
            raise HttpError(403, _("The security check (CSRF) failed. Reload the page and try again."))
        return user

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:  # pragma: no cover - __call__ decides
        return None
