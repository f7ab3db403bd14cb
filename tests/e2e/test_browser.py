"""The real app in a real browser: every page renders on the demo data without an error.

Starts ``streamlit run streamlit_app.py`` on a free local port against a fresh,
seeded SQLite database, drives Debian's Chromium with Playwright, and waits for
the script to finish running before asserting (Streamlit marks the app root with
``data-test-script-state``). Screenshots land in pytest's tmp folder.

CI installs Chromium (``.ci/run``); on a developer machine without it the test is
skipped with that reason, never silently.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_kit import require_browser, serve_app, wait_until_idle

from streamlit_app import PAGES

require_browser()


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    with serve_app(tmp_path_factory.mktemp("e2e")) as url:
        yield url


ALL_PAGES = [(path, title) for entries in PAGES.values() for path, title, _icon in entries]


def _url(base: str, path: str) -> str:
    """The first page is the app's default page and lives at the root URL."""
    return base + "/" if path == ALL_PAGES[0][0] else f"{base}/{Path(path).stem}"


@pytest.mark.parametrize("path,title", ALL_PAGES, ids=[Path(p).stem for p, _ in ALL_PAGES])
def test_page_renders_without_error(app_url, browser, path, title, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(_url(app_url, path))
    wait_until_idle(page)
    page.screenshot(path=str(tmp_path / f"{Path(path).stem}.png"), full_page=True)
    assert page.locator('[data-testid="stException"]').count() == 0, f"{title} 页面出现异常"
    assert page.locator('[role="dialog"]').count() == 0, f"{title} 页面弹出了对话框（如“Page not found”）"
    heading = page.locator("h1").first.inner_text()
    # The home page's heading is the programme's name (经典诵读); every other page's is its own title.
    assert (heading.startswith("经典诵读") if path == "pages/home.py" else title in heading)
    page.close()


def test_search_finds_lunyu_in_the_catalog(app_url, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(_url(app_url, "pages/catalog.py"))
    wait_until_idle(page)
    box = page.locator(".st-key-cat_query input")
    box.fill("学而时习之")
    box.press("Enter")
    wait_until_idle(page)
    page.screenshot(path=str(tmp_path / "search.png"), full_page=True)
    cards = page.locator('[class*="st-key-cat_card_"]')
    assert cards.count() == 1
    assert "论语" in cards.first.inner_text()
    page.close()
