"""A person signs in, finds their way around, computes a due date, and signs out."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from cchc.demo.personas import DEMO_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_officer_signs_in_and_uses_the_calendar(page: Page, live_server, org, screenshot_dir: Path) -> None:
    console_errors: list[str] = []
    page.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)

    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()
    page.get_by_label("Tên đăng nhập").fill("motcua")
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.screenshot(path=str(screenshot_dir / "01-login.png"))
    page.get_by_role("button", name="Đăng nhập").click()

    expect(page.get_by_role("heading", name="Xin chào, Nguyễn Thị Mai")).to_be_visible()
    page.screenshot(path=str(screenshot_dir / "02-home-officer.png"), full_page=True)

    page.get_by_role("link", name="Lịch ngày làm việc").first.click()
    expect(page.get_by_role("heading", name="Lịch ngày làm việc", exact=False)).to_be_visible()
    page.get_by_label("Ngày tiếp nhận").fill("12/02/2026")
    page.get_by_label("Số ngày").fill("5")
    page.get_by_role("button", name="Tính").click()
    expect(page.locator("#calculator")).to_contain_text("26/02/2026")
    page.screenshot(path=str(screenshot_dir / "03-calendar.png"), full_page=True)

    page.get_by_role("link", name="Tổ chức").first.click()
    expect(page.get_by_role("heading", name="Tổ chức")).to_be_visible()
    page.screenshot(path=str(screenshot_dir / "04-organisation.png"), full_page=True)

    page.locator("#user-menu").click()
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()
    assert [e for e in console_errors if "Content Security Policy" in e] == []
