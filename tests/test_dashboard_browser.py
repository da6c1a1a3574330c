"""The dashboard in a real browser: paste the bundled example, see its events, the article view, the timeline.

Starts ``corridor serve`` (uvicorn) on a free loopback port over a temporary store, and drives Debian's
Chromium (``/usr/bin/chromium``, or ``$CORRIDOR_CHROMIUM``) with Playwright's sync API; no browser is
downloaded. Skipped, with the reason, when Playwright or Chromium is missing. On failure a screenshot is
saved in the test's temporary folder and its path printed.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from corridor.resources import data_path

CHROMIUM = os.environ.get("CORRIDOR_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (pip install playwright; no browser download needed)"
)
pytest.importorskip("uvicorn", reason="uvicorn is not installed")
if not Path(CHROMIUM).exists():
    pytest.skip(
        f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set CORRIDOR_CHROMIUM)",
        allow_module_level=True,
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``corridor serve`` in a subprocess; yields its base URL once /healthz answers (model loaded)."""
    import httpx

    folder = tmp_path_factory.mktemp("dashboard")
    port = _free_port()
    log = (folder / "server.log").open("w")
    cmd = [
        sys.executable,
        "-c",
        "from corridor.cli import main; main()",
        "serve",
        "--db",
        str(folder / "store.duckdb"),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    env = {k: v for k, v in os.environ.items() if k != "CORRIDOR_API_KEY"}
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            if proc.poll() is not None:
                pytest.fail(f"server exited with {proc.returncode}: {(folder / 'server.log').read_text()[-2000:]}")
            try:
                if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("server did not answer /healthz within 180 s")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def test_paste_example_then_see_events_article_and_timeline(server: str, browser: object, tmp_path: Path) -> None:
    example = data_path("examples/demo-article.txt").read_text(encoding="utf-8")
    page = browser.new_page(viewport={"width": 1200, "height": 1600})  # type: ignore[attr-defined]
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("console", lambda msg: problems.append(f"console: {msg.text}") if msg.type == "error" else None)
    try:
        page.goto(server + "/")
        page.wait_for_selector("#stats:has-text('articles')")

        # paste the example (its first line carries the date) and save it to the store
        page.fill("#paste-text", example)
        page.check("#paste-store")
        page.click("#paste-go")
        page.wait_for_selector("#coded-events tbody tr", timeout=60_000)
        assert page.input_value("#paste-date") == "2024-03-14"
        rows = page.locator("#coded-events tbody tr")
        assert rows.count() >= 5
        first = rows.first.inner_text()
        assert "IDNGOV" in first or "AUSGOV" in first
        marks = page.locator("#coded-events tbody mark.trigger").all_inner_texts()
        assert marks and all(m.strip() for m in marks)
        assert "saved to the store" in page.inner_text("#paste-status")

        # the stored events show in the store's event table too
        page.wait_for_selector("#events tbody tr td.code")
        assert page.locator("#events tbody tr").count() == rows.count()

        # the article view: coloured spans of every layer
        page.locator("#coded-events a.article-link").first.click()
        page.wait_for_selector("#article-panel:not([hidden]) #article-text .k-actor")
        assert "Joko Widodo" in page.inner_text("#article-text")
        for kind in ("actor", "trigger", "quote", "time", "place"):
            assert page.locator(f"#article-text .k-{kind}").count() > 0, kind
        assert page.locator("#article-text .k-actor", has_text="Anthony Albanese").count() >= 1

        # the dyad timeline and the network render as SVG
        page.wait_for_selector("#timeline rect.coop")
        assert page.locator("#timeline rect").count() >= 1
        assert page.locator("#dyad-a").input_value() and page.locator("#dyad-b").input_value()
        page.wait_for_selector("#network circle")
        assert page.locator("#network circle").count() >= 2
        assert problems == []
        page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
    except BaseException:
        shot = tmp_path / "failure.png"
        try:
            page.screenshot(path=str(shot), full_page=True)
            print(f"screenshot of the failure: {shot}")
        except Exception as exc:  # the page itself may be gone
            print(f"no screenshot: {exc}")
        print("\n".join(problems))
        raise
    finally:
        page.close()
