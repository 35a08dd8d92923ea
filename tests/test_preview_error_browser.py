"""While `mkdocs serve` runs and a story is broken, the browser shows the same
`path:line:col: message` as `storyhub check` instead of hanging, and the story again
once it is fixed — in real headless Chromium, with the real `mkdocs serve`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_servers import (
    free_port,
    http_get,
    port_open,
    start,
    stop,
    wait_until,
)
from conftest import CHROMIUM, Hub, story_text

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is absent: run scripts/test.sh to install it"
)


def test_preview_shows_the_error_while_a_story_is_broken(hub: Hub, tmp_path: Path,
                                                          browser: Any) -> None:
    port = free_port()
    log = tmp_path / "serve.log"
    process = start(["-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                    hub.root, log)
    base = f"http://127.0.0.1:{port}"
    good = story_text("Night shift", people="[giulia, marco]", values="[craft, care]")
    try:
        wait_until(lambda: http_get(f"{base}/stories/night-shift/")[0] == 200,
                   "mkdocs serve", log=log)
        page = browser.new_page()
        page.goto(f"{base}/stories/night-shift/")
        page.get_by_role("heading", name="Night shift", level=1).wait_for()

        hub.write("stories/night-shift.md", good.replace("values: [craft, care]",
                                                         "values: [craft, cair]"))
        expected = [line for line in hub.storyhub("check", "--no-advice").stdout
                    .splitlines() if line.startswith("stories/")]
        assert expected == [
            "stories/night-shift.md:5:17: unknown value 'cair' — did you mean 'care'?"]
        # the open tab reloads by itself and shows the list
        page.locator("#storyhub-preview-error").wait_for(timeout=90_000)
        shown = page.locator("#storyhub-problems li").all_inner_texts()
        assert shown == expected
        assert "1 problem" in page.locator("h1").inner_text()
        # any other address shows it too, rather than hanging
        _, other = http_get(f"{base}/people/giulia/")
        assert "unknown value &#x27;cair&#x27;" in other

        hub.write("stories/night-shift.md", good)
        page.get_by_role("heading", name="Night shift", level=1).wait_for(
            timeout=90_000)
        assert page.locator("#storyhub-preview-error").count() == 0
    finally:
        stop(process)
    assert not port_open(port)
