"""Browser-test kit (a plain module the browser tests import): Chromium via Playwright, the app on a local port.

``serve_app`` seeds a fresh SQLite database with the demo, starts
``streamlit run streamlit_app.py`` against it (extra environment variables
allowed, e.g. sign-in required) and stops it afterwards; ``wait_until_idle``
waits for the script to finish running before a test asserts (Streamlit marks
the app root with ``data-test-script-state``).

CI installs Chromium (``.ci/run``); on a developer machine without it the
browser tests are skipped with that reason, never silently.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def require_browser():
    """Skip the calling test module without Chromium or Playwright (in CI: fail, CI installs them)."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            raise RuntimeError("CI 必须安装 Chromium（.ci/run 会安装 Debian 的 chromium 包）")
        pytest.skip("本机未安装 Chromium（apt-get install -y chromium）", allow_module_level=True)
    return pytest.importorskip("playwright.sync_api")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve_app(tmp: Path, **extra_env: str) -> Iterator[str]:
    """The app on demo data at a local URL, for the duration of the block."""
    env = {**os.environ, "CLASSICS_DATABASE_URL": f"sqlite:///{tmp / 'e2e.db'}", **extra_env}
    bin_dir = Path(sys.executable).parent
    subprocess.run([str(bin_dir / "classics"), "seed", "demo"], check=True, env=env, cwd=PROJECT_DIR,
                   capture_output=True)
    port = free_port()
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
    playwright_sync = require_browser()
    with playwright_sync.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def wait_until_idle(page) -> None:
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)
    # A rerun may be queued right after the first run (e.g. widgets settling); wait it out too.
    page.wait_for_timeout(300)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)
