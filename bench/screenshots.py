"""Screenshots of a built site at a desktop and a phone width, in headless Chromium.

    python bench/screenshots.py site/ bench/out/shots   # after `mkdocs build`

Serves the folder on localhost and writes <page>-<width>.png for home, a story, a person,
a value, a team and a listing. Not part of the test suite.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

PAGES = {
    "home": "",
    "story": "stories/the-repair-counter/",
    "person": "people/lucia-marchetti/",
    "value": "values/",
    "value-craft": "values/craft/",
    "team": "teams/decoration/",
    "people": "people/",
    "teams": "teams/",
    "listing": "stories/",
    "story-it": "stories/libri-aperti/",
    "listing-it": "stories/it/",
}
WIDTHS = (1280, 390)
SCROLL = """async () => {
  for (let y = 0; y < document.body.scrollHeight; y += 600) {
    window.scrollTo(0, y);
    await new Promise(r => setTimeout(r, 60));
  }
  window.scrollTo(0, 0);
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main(site: Path, out: Path, scheme: str = "light") -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                        args=["--no-sandbox", "--disable-gpu"])
            for width in WIDTHS:
                context = browser.new_context(
                    viewport={"width": width, "height": 900 if width > 500 else 844},
                    device_scale_factor=1, color_scheme="dark" if scheme == "dark" else "light")
                page = context.new_page()
                for name, path in PAGES.items():
                    page.goto(base + path, wait_until="networkidle")
                    # scroll to the end so lazy images load, as a reader's would
                    page.evaluate(SCROLL)
                    page.wait_for_load_state("networkidle")
                    page.wait_for_timeout(500)  # the header settles after scrolling back
                    suffix = "" if scheme == "light" else "-dark"
                    page.screenshot(path=str(out / f"{name}-{width}{suffix}.png"), full_page=True)
                context.close()
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), *(sys.argv[3:4]))
