"""The OpenAPI document and the interactive docs: served locally, committed, never stale."""

import pytest
from django.test import Client

from cchc.api.management.commands.export_openapi import DEFAULT_PATH, openapi_text


def test_the_committed_document_matches_the_code() -> None:
    committed = DEFAULT_PATH.read_text(encoding="utf-8") if DEFAULT_PATH.exists() else ""
    assert committed == openapi_text(), (
        "docs/api/openapi.json is out of date: run `./dev manage export_openapi` and commit the file"
    )


def test_it_documents_every_operation() -> None:
    import json

    schema = json.loads(openapi_text())
    operations = {op["operationId"] for path in schema["paths"].values() for op in path.values()}
    assert operations == {
        "dossier_create",
        "dossier_get",
        "dossier_list",
        "dossier_act",
        "document_upload",
        "procedure_list",
        "procedure_get",
    }
    assert schema["components"]["securitySchemes"]["TokenAuth"] == {"scheme": "bearer", "type": "http"}


@pytest.mark.django_db
def test_the_document_is_served(client: Client) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "CCHC API"


@pytest.mark.django_db
def test_the_docs_page_loads_swagger_from_this_site_under_a_strict_policy(client: Client) -> None:
    response = client.get("/api/v1/docs")
    page = response.content.decode()
    assert response.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn.jsdelivr.net" not in page
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "'unsafe-eval'" not in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.django_db
def test_other_pages_keep_the_site_policy(client: Client) -> None:
    policy = client.get("/dang-nhap/")["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
