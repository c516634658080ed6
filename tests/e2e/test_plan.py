"""The CCHC officer imports the seed plan in the browser and puts it in force; the head of a division
takes a task from not started to done with evidence; the officer sees it done in the tree."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in, sign_out

pytestmark = pytest.mark.django_db(transaction=True)

SEED = Path(__file__).resolve().parents[2] / "cchc" / "plans" / "importers" / "samples" / "ke_hoach_cchc_2023_skhcn.txt"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_plan_is_imported_and_a_task_is_done_with_evidence(
    page: Page, live_server, org, screenshot_dir: Path, tmp_path: Path
) -> None:
    console_errors: list[str] = []
    page.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("dialog", lambda dialog: dialog.accept())

    # The officer uploads the seed and checks what was recognised.
    sign_in(page, live_server.url, "cchc")
    page.get_by_role("link", name="Kế hoạch CCHC").first.click()
    page.get_by_role("link", name="Nhập văn bản kế hoạch").click()
    page.get_by_label("Văn bản kế hoạch").set_input_files(str(SEED))
    page.get_by_role("button", name="Đọc văn bản").click()
    expect(page.get_by_role("heading", name="Kiểm tra kế hoạch vừa nhập")).to_be_visible()
    expect(page.get_by_text("Nhận dạng được 15 mục, 34 nhiệm vụ, 5 chỉ tiêu")).to_be_visible()
    expect(page.locator("#unplaced")).to_contain_text("Toàn bộ nội dung văn bản đã được xếp vào cây kế hoạch.")
    assert page.locator("tr.preview-task").count() == 34

    # This year's plan reuses the 2023 structure: new year, lead units per area.
    page.locator("#id_year").fill("2026")
    page.locator("#id_title").fill("Kế hoạch công tác cải cách hành chính năm 2026 của Sở Khoa học và Công nghệ")
    page.locator("#id_issued_on").fill("30/12/2025")
    leads = page.locator('tr[data-kind="item"] select[name$="-lead_all"]')
    assert leads.count() == 7
    for index in range(7):
        leads.nth(index).select_option(label="Phòng QLCNg" if index == 2 else "Văn phòng")
    page.screenshot(path=str(screenshot_dir / "plan-01-import-preview.png"), full_page=False)
    page.get_by_role("button", name="Xác nhận và tạo kế hoạch").click()

    # The deadline the text names ("hết năm 2023") is outside 2026: refused, nothing saved.
    expect(page.locator("#preview-errors")).to_contain_text("Ngày 31/12/2023 nằm ngoài năm của kế hoạch (2026).")
    page.locator('input[name$="-deadline"][value="31/12/2023"]').fill("31/12/2026")
    page.get_by_role("button", name="Xác nhận và tạo kế hoạch").click()
    expect(page.get_by_text("Đã tạo kế hoạch 64/KH-SKHCN ở dạng dự thảo với 34 nhiệm vụ")).to_be_visible()
    page.get_by_role("button", name="Đưa vào áp dụng").click()
    expect(page.locator("#plan-status")).to_have_text("Đang áp dụng")
    expect(page.locator("tr.plan-task")).to_have_count(34)
    page.screenshot(path=str(screenshot_dir / "plan-02-tree.png"), full_page=True)
    sign_out(page)

    # The head of the specialised-management division works on the first of the unit's tasks.
    sign_in(page, live_server.url, "truongphong")
    expect(page.get_by_text("Nhiệm vụ của đơn vị").first).to_be_visible()
    page.get_by_role("link", name="Nhiệm vụ CCHC").first.click()
    expect(page.locator("#task-rows tr.plan-task")).to_have_count(7)
    first = page.locator("#task-rows tr.plan-task a").first
    title = first.inner_text()
    first.click()
    expect(page.locator("#task-status")).to_contain_text("Chưa thực hiện")
    page.get_by_label("Tiến độ (%)").fill("50")
    page.get_by_label("Kết quả đã làm").fill("Đã trình Giám đốc dự thảo kế hoạch kiểm soát TTHC.")
    page.get_by_role("button", name="Bắt đầu và báo cáo").click()
    expect(page.locator("#task-status")).to_contain_text("Đang thực hiện")

    # Done without evidence is refused; with a file it goes through.
    page.locator("#complete-form button[type=submit]").click()
    expect(page.locator("#complete-form")).to_contain_text("Nhiệm vụ chưa có hồ sơ chứng minh.")
    evidence = tmp_path / "ke-hoach-kiem-soat-tthc.pdf"
    evidence.write_bytes(PDF)
    page.locator("#file-form input[type=file]").set_input_files(str(evidence))
    page.locator("#file-form").get_by_label("Tiêu đề").fill("Kế hoạch kiểm soát TTHC năm 2026")
    page.get_by_role("button", name="Tải lên").click()
    expect(page.locator("#evidence")).to_contain_text("Kế hoạch kiểm soát TTHC năm 2026")
    page.locator("#complete-form button[type=submit]").click()
    expect(page.locator("#task-status")).to_contain_text("Hoàn thành")
    expect(page.locator("#history")).to_contain_text("Đang thực hiện → Hoàn thành")
    page.screenshot(path=str(screenshot_dir / "plan-03-task-done.png"), full_page=True)
    sign_out(page)

    # The officer sees it done in the tree at once.
    sign_in(page, live_server.url, "cchc")
    page.get_by_role("link", name="Kế hoạch CCHC").first.click()
    page.get_by_role("link", name="64/KH-SKHCN").click()
    row = page.locator("tr.plan-task", has_text=title)
    expect(row).to_have_attribute("data-status", "done")
    expect(row.locator(".badge").first).to_contain_text("Hoàn thành")
    expect(page.get_by_text("Đã hoàn thành 1/34 nhiệm vụ").first).to_be_visible()
    page.locator('select[name="status"]').select_option(label="Hoàn thành")
    expect(page.locator("tr.plan-task")).to_have_count(1)
    page.screenshot(path=str(screenshot_dir / "plan-04-tree-filtered.png"), full_page=False)
    assert [e for e in console_errors if "Content Security Policy" in e] == []
