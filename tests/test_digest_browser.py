"""The monthly digest in real headless Chromium, as a phone shows an email: 390 px wide,
every image blocked (what many mail apps do until asked), light and dark. No text may
overlap other text or an image's box, nothing may be wider than the screen, and dark mode
keeps the words readable. Screenshots go to $SHOTS (default: the test's folder)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from conftest import CHROMIUM, Hub, make_hub
from storyhub.text.contrast import contrast
from test_coaching import _write_hub

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is absent: run scripts/test.sh")

#: every piece of visible text and every image as boxes (text per line box)
BOXES = """() => {
  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!node.textContent.trim() || !el.checkVisibility()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width > 0 && r.height > 0)
        boxes.push({x: r.left, y: r.top, w: r.width, h: r.height,
                    what: node.textContent.trim().slice(0, 40)});
    }
  }
  for (const img of document.images) {
    const r = img.getBoundingClientRect();
    boxes.push({x: r.left, y: r.top, w: r.width, h: r.height, what: "img " + img.alt});
  }
  return {boxes, width: document.documentElement.scrollWidth};
}"""


def _overlaps(boxes: list[dict[str, Any]]) -> list[tuple[str, str]]:
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            dx = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
            dy = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
            if dx > 1 and dy > 1:
                found.append((a["what"], b["what"]))
    return found


def _rgb(css: str) -> str:
    parts = [int(float(p)) for p in css[css.index("(") + 1:css.index(")")].split(",")[:3]]
    return "#" + "".join(f"{p:02x}" for p in parts)


@pytest.fixture(scope="module")
def digest_html(tmp_path_factory: pytest.TempPathFactory) -> str:
    hub: Hub = make_hub(tmp_path_factory.mktemp("digest-browser"))
    _write_hub(hub)
    result = hub.storyhub("digest", "--month", "2026-11", "--out", "out")
    assert result.returncode == 0, result.stderr
    return (hub.root / "out/digest-2026-11-en.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_digest_at_390px_with_images_blocked(digest_html: str, scheme: str,
                                             tmp_path: Path, browser: Any) -> None:
    shots = Path(os.environ.get("SHOTS", str(tmp_path)))
    page = browser.new_context(viewport={"width": 390, "height": 844},
                               color_scheme=scheme).new_page()
    blocked: list[str] = []

    def block(route: Any) -> None:
        blocked.append(route.request.url)
        route.abort()

    page.route("**/*", block)
    page.set_content(digest_html, wait_until="load")
    found = page.evaluate(BOXES)
    page.screenshot(path=str(shots / f"digest-390-{scheme}.png"), full_page=True)
    colours = page.evaluate("""() => {
        const h1 = document.querySelector('h1');
        const bg = getComputedStyle(document.body).backgroundColor;
        return {text: getComputedStyle(h1).color, background: bg};
    }""")
    assert blocked and all(u.startswith("https://stories.example.com/") for u in blocked)
    assert found["width"] <= 390, "the digest is wider than the phone"
    texts = [b["what"] for b in found["boxes"]]
    assert "The kiln that sang" in texts and "Tell yours" in texts
    assert _overlaps(found["boxes"]) == []
    ratio = contrast(_rgb(colours["text"]), _rgb(colours["background"]))
    assert ratio >= 4.5, colours
    if scheme == "dark":
        assert _rgb(colours["background"]) == "#121212"
