"""Reader basics (issue 21) in headless Chromium on the example hub, at 1280 px light and
390 px dark: no request that fails (Material's sitemap.xml beside feeds and translations
included) and no console error; a skip link is the first thing Tab reaches on every page
kind and takes the reader to the content; the "All stories" button keeps AA contrast
hovered and focused; a missing address gets a helpful page in the site's languages
(search, latest stories, home). axe-core runs over the same page kinds in
``test_accessibility_browser.py``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import serving
from storyhub.text.contrast import AA_TEXT, contrast
from test_accessibility_browser import AXE, CHROMIUM, _Quiet

pytestmark = pytest.mark.skipif(
    (not CHROMIUM.exists() or not AXE.exists()) and not __import__("os").environ.get("CI"),
    reason="needs /usr/bin/chromium and axe-core in .cache/tools: run scripts/test.sh",
)

PAGES = {"home": "", "story": "stories/the-repair-counter/", "italian story":
         "stories/libri-aperti/", "listing": "stories/", "language": "stories/it/",
         "value": "values/craft/", "values": "values/", "person": "people/lucia-marchetti/",
         "team": "teams/decoration/", "tag": "tags/kiln/", "docs page": "about/",
         "missing": "stories/no-such-story/"}


class _With404(_Quiet):
    """A static server that answers a missing address with 404.html, as hosting does."""

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def served(example_site: Path) -> Iterator[str]:
    site = example_site  # the example hub, built once per test run
    with serving(site, _With404) as address:
        yield address


def _rgb(css: str) -> str:
    parts = [int(float(p)) for p in css[css.index("(") + 1:css.index(")")].split(",")[:3]]
    return "#" + "".join(f"{p:02x}" for p in parts)




def test_skip_link_contrast_and_the_missing_page(served: str, browser: Any) -> None:
    problems: list[str] = []
    # every page kind on a desk; on a dark phone the kinds whose templates differ most
    # (the skip link is one element and one style on every page)
    phone = ("home", "story", "listing", "missing")
    for width, scheme in ((1280, "light"), (390, "dark")):
        page = browser.new_page(viewport={"width": width, "height": 900},
                                color_scheme=scheme)
        failed: list[str] = []  # no request that fails, no error in the console
        page.on("response", lambda r, f=failed: f.append(f"{r.status} {r.url}")
                if r.status >= 400 and "no-such-story" not in r.url else None)
        # a request the browser dropped because the test moved on is not a failure
        page.on("requestfailed", lambda r, f=failed: f.append(f"failed {r.url}")
                if "ERR_ABORTED" not in (r.failure or "") else None)
        page.on("console", lambda m, f=failed: f.append(m.text)
                if m.type == "error" and "404" not in m.text else None)
        for kind, url in PAGES.items():
            if width == 390 and kind not in phone:
                continue
            response = page.goto(served + url, wait_until="load")
            assert response is not None
            assert response.status == (404 if kind == "missing" else 200), kind
            page.keyboard.press("Tab")
            focused = page.evaluate("""() => [document.activeElement.className,
                document.activeElement.textContent.trim(),
                document.activeElement.getBoundingClientRect().width > 0]""")
            if "md-skip" not in focused[0] or not focused[2]:
                problems.append(f"{width} {kind}: first Tab reaches {focused}")
            page.keyboard.press("Enter")
            page.wait_for_timeout(100)
            inside = page.evaluate("""() => !!document.activeElement.closest(
                '.md-content, [id]') && document.activeElement.tagName !== 'BODY'""")
            if not inside:
                problems.append(f"{width} {kind}: the skip link goes nowhere")
        page.wait_for_timeout(500)
        problems += [f"{width}: {item}" for item in failed]
        # "All stories" hovered and focused: AA contrast
        page.goto(served, wait_until="load")
        button = page.locator(".sh-hero__actions .sh-button")
        for state in ("hover", "focus"):
            getattr(button, state)()
            page.wait_for_timeout(250)  # Material's transition
            ink, ground = button.evaluate("""b => [getComputedStyle(b).color,
                getComputedStyle(b).backgroundColor]""")
            if "rgba(0, 0, 0, 0)" in ground:
                ground = page.evaluate("getComputedStyle(document.body).backgroundColor")
            ratio = contrast(_rgb(ink), _rgb(ground))
            if ratio < AA_TEXT:
                problems.append(f"{width} {scheme} All stories {state}: {ratio:.2f}")
        # the missing page: search, latest stories, home, the other language
        page.goto(served + "stories/no-such-story/", wait_until="load")
        assert page.locator("h1").inner_text() == "This page is not here"
        page.click(".sh-notfound label[for='__search']")
        assert page.locator(".md-search__input").is_visible()
        page.keyboard.press("Escape")
        cards = page.locator(".sh-notfound .sh-story-card")
        assert cards.count() == 3
        images = page.eval_on_selector_all(
            ".sh-notfound .sh-story-card img", "els => els.map(i => i.naturalWidth)")
        assert images and all(images), images  # addresses right from any depth
        assert page.locator(".sh-notfound [lang=it] a").inner_text() == "Leggi le storie"
        page.close()
    assert not problems, "\n".join(problems)


#: Characters on each full line of a story's paragraphs (the last line of each left out),
#: counted from where the browser broke them: median, shortest, longest.
_LINE_LENGTHS = """() => { const counts = [];
  for (const p of document.querySelectorAll('.sh-story__body p')) {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT); const lines = new Map();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        const top = Math.round(box.top);
        if (box.height) { lines.set(top, (lines.get(top) || 0) + 1); }
      } }
    counts.push(...[...lines.values()].slice(0, -1)); }
  counts.sort((a, b) => a - b);
  return [counts[Math.floor(counts.length / 2)], counts.length]; }"""

#: (cards on the last row, rows, columns) of every grid of story cards on the page, from
#: where the browser placed them.
_GRIDS = """() => [...document.querySelectorAll('.sh-grid')].filter(g => g.offsetParent)
  .map(g => { const tops = [...g.children].filter(c => c.offsetParent)
      .map(c => Math.round(c.getBoundingClientRect().top));
    const rows = [...new Set(tops)];
    return [tops.filter(t => t === rows[rows.length - 1]).length, rows.length,
            getComputedStyle(g).gridTemplateColumns.split(' ').length]; })"""


def test_editorial_points(served: str, browser: Any) -> None:
    """Issue 21's editorial page, point by point, at 1280 and 390 px in light and dark: a
    story's body is 18-21 px at a measure of 60-75 characters on a desk (a phone's column
    is narrower, never wider); headlines and body differ in colour in dark mode; no grid of
    story cards leaves one card alone on its last row; a tag page on a phone shows its
    stories before its filter chips. Each page is loaded once and measured at both widths
    (the browser lays it out again when the window narrows; sizes, measures and grids are
    the same in both schemes, Material switching only its palette)."""
    from test_accessibility_browser import FORGET_PALETTE, _to_dark

    problems: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(FORGET_PALETTE)
    page = context.new_page()

    def grids(where: str) -> None:
        for last, rows, columns in page.evaluate(_GRIDS):
            if columns > 1 and rows > 1 and last == 1:
                problems.append(f"{where}: one card alone on the last of {rows} rows")

    for story in ("stories/the-repair-counter/", "stories/libri-aperti/"):
        page.set_viewport_size({"width": 1280, "height": 900})
        page.emulate_media(color_scheme="light")
        page.goto(served + story, wait_until="load")
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            size = float(page.evaluate(
                "parseFloat(getComputedStyle(document.querySelector("
                "'.sh-story__body p')).fontSize)"))
            if not 18 <= size <= 21:
                problems.append(f"{width} {story}: body {size} px")
            median, lines = page.evaluate(_LINE_LENGTHS)
            low = 60 if width == 1280 else 25
            if lines < 5 or not low <= median <= 75:
                problems.append(f"{width} {story}: {median} characters a line")
            grids(f"{width} {story}")
        _to_dark(page)
        heading, body = page.evaluate("""() => [
            getComputedStyle(document.querySelector('.md-typeset h1')).color,
            getComputedStyle(document.querySelector('.sh-story__body p')).color]""")
        if heading == body:
            problems.append(f"dark {story}: headline and body both {body}")
    page.emulate_media(color_scheme="light")
    for listing in ("", "values/craft/", "values/patience/", "teams/decoration/",
                    "people/lucia-marchetti/", "stories/", "tags/kiln/"):
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(served + listing, wait_until="load")
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            grids(f"{width} /{listing}")
            if listing == "tags/kiln/":
                first_card, chips = page.evaluate("""() => [
                    document.querySelector('.sh-grid > *').getBoundingClientRect().top,
                    (document.querySelector('.sh-filters') || {getBoundingClientRect: () =>
                        ({top: Infinity})}).getBoundingClientRect().top]""")
                if not first_card < chips or (width == 390 and first_card > 900):
                    problems.append(f"{width} tag page: first story at {first_card}, chips "
                                    f"at {chips}")
    context.close()
    assert not problems, "\n".join(problems)
