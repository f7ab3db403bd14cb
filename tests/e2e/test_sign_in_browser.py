"""Sign-in in a real browser: a bookmarked page asks for sign-in, then opens; signing out locks it again."""

from __future__ import annotations

import pytest
from browser_kit import require_browser, serve_app, wait_until_idle

from curriculum.demo.accounts import DEMO_PASSWORD

require_browser()


@pytest.fixture(scope="module")
def locked_url(tmp_path_factory):
    with serve_app(tmp_path_factory.mktemp("e2e_sign_in"), CLASSICS_REQUIRE_SIGN_IN="true") as url:
        yield url


def test_a_deep_link_asks_for_sign_in_then_opens_the_page(locked_url, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{locked_url}/plan")
    wait_until_idle(page)
    assert page.locator("h1").first.inner_text() == "登录"
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0  # no way around the form
    page.locator(".st-key-auth_username input").fill("demo_teacher")
    page.locator(".st-key-auth_password input").fill(DEMO_PASSWORD)
    page.locator(".st-key-auth_submit button").click()
    # The run after the click may start later than the idle check on a busy machine: wait for the page itself.
    page.locator("h1", has_text="教学计划").first.wait_for(timeout=60_000)
    wait_until_idle(page)
    page.screenshot(path=str(tmp_path / "signed_in.png"), full_page=True)
    assert "教学计划" in page.locator("h1").first.inner_text()
    assert page.locator('[role="dialog"]').count() == 0  # no "page not found" on the way
    page.locator(".st-key-auth_sign_out button").click()
    page.locator("h1", has_text="登录").first.wait_for(timeout=60_000)
    assert page.locator(".st-key-auth_username").count() == 1
    page.close()
