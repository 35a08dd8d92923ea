"""The copy button in real headless Chromium: a click puts exactly the shown text on the
clipboard. Debian's chromium is installed by scripts/test.sh."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Hub, story_text

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is absent: run scripts/test.sh to install it"
)


@pytest.fixture
def served_site(hub: Hub) -> Iterator[str]:
    hub.write("stories/night-shift.md", story_text(
        "'Perché sì: 👨‍👩‍👧 <b>notte</b>'", summary="'Città & caffè 🇮🇹 日本語. Second line.'"))
    site = hub.build()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_copy_button_copies_exactly_the_shown_text(served_site: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        try:
            context = browser.new_context()
            context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served_site)
            page = context.new_page()
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(f"{served_site}/snippets/")
            for target in ("t-night-shift-x-2", "t-night-shift-linkedin-1",
                           "t-night-shift-instagram-1"):
                shown = page.locator(f"#{target}").inner_text()
                expected = page.evaluate(
                    "id => document.getElementById(id).textContent", target)
                assert "\n" in expected and "👨‍👩‍👧" in expected and "Città & caffè" in expected
                page.click(f"button[data-target='{target}']")
                page.wait_for_function(
                    "id => document.querySelector(`button[data-target='${id}']`)"
                    ".textContent === 'Copied'", arg=target)
                copied = page.evaluate("navigator.clipboard.readText()")
                assert copied == expected
                assert copied.replace("\r\n", "\n").strip() == shown.strip()
            # Filters: a network filter hides the other networks' blocks.
            page.select_option("#f-network", "bluesky")
            assert page.locator("[data-network='x']").first.is_hidden()
            assert page.locator("[data-network='bluesky']").first.is_visible()
            assert all(url.startswith(served_site) for url in requests), requests
        finally:
            browser.close()
