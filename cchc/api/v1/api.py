"""API v1: one NinjaAPI, a router per area, CCHC's authentication and error handlers.

The OpenAPI document is served at /api/v1/openapi.json and committed as docs/api/openapi.json
(`manage.py export_openapi`); a test fails when the two drift apart.
"""

from __future__ import annotations

from ninja import NinjaAPI, Swagger

from cchc.api import errors
from cchc.api.auth import StaffSessionAuth, TokenAuth
from cchc.api.v1 import catalog, dossiers

DESCRIPTION = """\
REST API of CCHC for the systems around the one-stop desk (the national or provincial public-service
portal, a gateway, a reporting tool).

**Authentication.** Systems send `Authorization: Bearer <token>`; an administrator issues tokens
(administration → API tokens, or `manage.py create_api_token <username> <name>`). A token acts as
one user, with that user's roles and units, exactly as in the staff screens. In the browser a
signed-in member of staff may call the API with their session (unsafe methods need the CSRF token).

**Errors** are JSON: `{"detail": "<Vietnamese message>", "code": "...", "errors": {"field": "..."}}`.
"""

# Swagger UI comes from ninja's local static files ("ninja" is in INSTALLED_APPS): its page loads
# two scripts from this site and reads its settings from a JSON block, so the site-wide policy
# (script-src 'self' 'nonce-…', no inline styles) holds for the docs too; tests/e2e/test_api_docs.py
# checks in Chromium that no directive is violated. No per-view csp_override is needed.


def build_api() -> NinjaAPI:
    api = NinjaAPI(
        title="CCHC API",
        version="1",
        description=DESCRIPTION,
        urls_namespace="api-v1",
        auth=[TokenAuth(), StaffSessionAuth()],
        docs=Swagger(settings={"persistAuthorization": False, "tryItOutEnabled": False}),
    )
    errors.install(api)
    api.add_router("", dossiers.router)
    api.add_router("", catalog.router)
    return api


api = build_api()
