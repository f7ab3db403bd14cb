"""The real app in a real browser: every page renders on the demo data without an error.

Starts ``streamlit run streamlit_app.py`` on a free local port against a fresh,
seeded SQLite database, drives Debian's Chromium with Playwright, and waits for
the script to finish running before asserting (Streamlit marks the app root with
``data-test-script-state``). Screenshots land in pytest's tmp folder.

CI installs Chromium (``.ci/run``); on a developer machine without it the test is
skipped with that reason, never silently.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from streamlit_app import PAGES

PROJECT_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI 必须安装 Chromium（.ci/run 会安装 Debian 的 chromium 包）")
    pytest.skip("本机未安装 Chromium（apt-get install -y chromium）", allow_module_level=True)

playwright_sync = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    env = {**os.environ, "CLASSICS_DATABASE_URL": f"sqlite:///{tmp / 'e2e.db'}"}
    bin_dir = Path(sys.executable).parent
    subprocess.run([str(bin_dir / "classics"), "seed", "demo"], check=True, env=env, cwd=PROJECT_DIR,
                   capture_output=True)
    port = _free_port()
    log = (tmp / "streamlit.log").open("w")
    proc = subprocess.Popen(
        [str(bin_dir / "streamlit"), "run", "streamlit_app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false"],
        cwd=PROJECT_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):  # bounded wait for the server to come up
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=1) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("Streamlit 服务未能启动：" + (tmp / "streamlit.log").read_text())
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


@pytest.fixture(scope="module")
def browser():
    with playwright_sync.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _wait_until_idle(page) -> None:
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)
    # A rerun may be queued right after the first run (e.g. widgets settling); wait it out too.
    page.wait_for_timeout(300)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)


ALL_PAGES = [(path, title) for entries in PAGES.values() for path, title, _icon in entries]


def _url(base: str, path: str) -> str:
    """The first page is the app's default page and lives at the root URL."""
    return base + "/" if path == ALL_PAGES[0][0] else f"{base}/{Path(path).stem}"


@pytest.mark.parametrize("path,title", ALL_PAGES, ids=[Path(p).stem for p, _ in ALL_PAGES])
def test_page_renders_without_error(app_url, browser, path, title, tmp_path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(_url(app_url, path))
    _wait_until_idle(page)
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
    _wait_until_idle(page)
    box = page.locator(".st-key-cat_query input")
    box.fill("学而时习之")
    box.press("Enter")
    _wait_until_idle(page)
    page.screenshot(path=str(tmp_path / "search.png"), full_page=True)
    cards = page.locator('[class*="st-key-cat_card_"]')
    assert cards.count() == 1
    assert "论语" in cards.first.inner_text()
    page.close()
