"""A dossier walks from the counter to the returned result in the browser, one person at a time."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import SCREENSHOTS, sign_in, sign_out

pytestmark = pytest.mark.django_db(transaction=True)


def _act(page: Page, action: str, label: str) -> None:
    page.locator(f'[data-bs-target="#act-{action}"]').click()  # opens the accordion item
    submit = page.locator(f"#do-{action}")
    expect(submit).to_be_visible()
    with page.expect_navigation(timeout=30_000):  # the POST, then the redirect back to the dossier
        submit.click()
    try:
        expect(page.locator(".alert").first).to_contain_text(f"Đã thực hiện: {label}.", timeout=15_000)
    except AssertionError:
        # Keep what the browser showed, to see why when it happens in CI.
        page.screenshot(path=str(SCREENSHOTS / f"failed-{action}.png"), full_page=True)
        raise


def test_a_dossier_from_intake_to_result_returned(page: Page, live_server, catalogue, screenshot_dir: Path) -> None:
    base = live_server.url
    sign_in(page, base, "motcua")
    page.get_by_role("navigation").get_by_role("link", name="Việc của tôi").click()
    page.get_by_role("link", name="Tiếp nhận hồ sơ").click()
    page.get_by_label("Thủ tục").select_option(
        label="2.002131 — Thủ tục khai báo thiết bị X-quang chẩn đoán trong y tế"
    )
    expect(page.locator("#checklist")).to_contain_text("Phiếu khai báo")
    page.get_by_label("Họ tên cá nhân hoặc tên tổ chức").fill("Phòng khám Đa khoa Sài Gòn - Vũng Tàu")
    page.get_by_label("Người nộp hồ sơ").select_option("organisation")
    page.get_by_label("Số định danh cá nhân / mã số thuế").fill("3501234567")
    page.get_by_label("Số điện thoại").fill("0254 3811 222")
    page.get_by_label("Địa chỉ").fill("27 Lê Hồng Phong, phường Vũng Tàu")
    page.screenshot(path=str(screenshot_dir / "10-intake.png"), full_page=True)
    page.get_by_role("button", name="Tiếp nhận và cấp giấy hẹn").click()
    expect(page.get_by_text("Đã tiếp nhận hồ sơ")).to_be_visible()
    code = page.locator("h1 code").inner_text()
    page.screenshot(path=str(screenshot_dir / "11-received.png"), full_page=True)
    _act(page, "transfer", "Chuyển xử lý")
    sign_out(page)

    for username, action, label in (
        ("chuyenvien", "forward", "Chuyển bước tiếp theo"),
        ("truongphong", "forward", "Chuyển bước tiếp theo"),
        ("giamdoc", "approve", "Duyệt kết quả"),
    ):
        sign_in(page, base, username)
        page.goto(f"{base}/ho-so/{code}/")
        if username == "chuyenvien":
            page.screenshot(path=str(screenshot_dir / "12-specialist.png"), full_page=True)
        _act(page, action, label)
        sign_out(page)

    sign_in(page, base, "motcua")
    page.goto(f"{base}/ho-so/viec-cua-toi/")
    expect(page.get_by_text(code)).to_be_visible()
    page.screenshot(path=str(screenshot_dir / "13-my-work-officer.png"), full_page=True)
    page.goto(f"{base}/ho-so/{code}/")
    _act(page, "return_result", "Trả kết quả")
    expect(page.locator("h1")).to_contain_text("Đã trả kết quả")
    page.screenshot(path=str(screenshot_dir / "14-returned.png"), full_page=True)
    sign_out(page)

    page.goto(f"{base}/tra-cuu/")
    page.get_by_label("Mã hồ sơ").fill(code)
    page.get_by_label("Số điện thoại hoặc số định danh").fill("0254381122")
    page.get_by_role("button", name="Tra cứu").click()
    expect(page.get_by_text("Không tìm thấy hồ sơ")).to_be_visible()
    page.get_by_label("Số điện thoại hoặc số định danh").fill("02543811222")
    page.get_by_role("button", name="Tra cứu").click()
    expect(page.get_by_text("Đã trả kết quả").first).to_be_visible()
    assert "0254" not in page.url
    page.screenshot(path=str(screenshot_dir / "15-public-lookup.png"), full_page=True)
