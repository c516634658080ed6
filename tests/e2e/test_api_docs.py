"""The interactive API docs work in a real browser under the site's Content Security Policy."""

from pathlib import Path

import pytest
from playwright.sync_api import Page


@pytest.mark.django_db(transaction=True)
def test_swagger_ui_renders_without_policy_violations(page: Page, live_server, screenshot_dir: Path) -> None:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective));"
    )
    page.goto(f"{live_server.url}/api/v1/docs")
    page.get_by_text("Create a dossier").first.wait_for(timeout=15_000)
    page.get_by_text("Create a dossier").first.click()
    page.get_by_text("Idempotency-Key").first.wait_for(timeout=5_000)
    page.screenshot(path=str(screenshot_dir / "api-docs.png"), full_page=False)
    assert page.evaluate("window.__violations") == []
    assert problems == []
