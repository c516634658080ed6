"""Accent-insensitive search: "thu tuc", "THỦ TỤC" and "thủ tục" find the same; "d" finds "đ"."""

import pytest
from django.test import Client
from django.urls import reverse

from cchc.catalog.selectors import procedure_search
from cchc.org.models import User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["thu tuc khai bao", "THỦ TỤC KHAI BÁO", "thủ tục khai báo", "Thu Tuc Khai Bao"])
def test_accents_and_case_do_not_matter(catalogue: None, query: str) -> None:
    codes = set(procedure_search(query=query).values_list("code", flat=True))
    assert "2.002131" in codes


def test_d_finds_d_with_stroke(catalogue: None) -> None:
    assert procedure_search(query="dang ky").exists()
    assert set(procedure_search(query="dang ky").values_list("code", flat=True)) == set(
        procedure_search(query="đăng ký").values_list("code", flat=True)
    )


def test_search_by_code_and_by_field(catalogue: None) -> None:
    assert list(procedure_search(query="2.002131").values_list("code", flat=True)) == ["2.002131"]
    assert procedure_search(query="buc xa").count() >= 4


def test_the_catalogue_is_public_and_searches_in_a_fragment(client: Client, catalogue: None) -> None:
    page = client.get(reverse("catalog:list"), {"q": "x quang"})
    assert page.status_code == 200
    assert "X-quang" in page.content.decode()
    fragment = client.get(reverse("catalog:list"), {"q": "x quang"}, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment
    detail = client.get(reverse("catalog:detail", args=["2.002131"])).content.decode()
    assert "Thành phần hồ sơ" in detail
    assert "Quy trình nội bộ" in detail


def test_only_administrators_import(client: Client, catalogue: None, outsider: User, admin_user: User) -> None:
    client.force_login(outsider)
    assert client.get(reverse("catalog:import")).status_code == 403
    client.force_login(admin_user)
    assert client.get(reverse("catalog:import")).status_code == 200
    response = client.post(reverse("catalog:import"), {"file": _upload(b"not a spreadsheet")})
    assert "không phải bảng tính Excel" in response.content.decode()


def _upload(data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("danh-muc.xlsx", data)
