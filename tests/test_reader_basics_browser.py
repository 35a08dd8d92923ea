"""Reader basics (issue 21) in headless Chromium on the example hub, at 1280 px light and
390 px dark: no request that fails (Material's sitemap.xml beside feeds and translations
included) and no console error; a skip link is the first thing Tab reaches on every page
kind and takes the reader to the content; the "All stories" button keeps AA contrast
hovered and focused; a missing address gets a helpful page in the site's languages
(search, latest stories, home); axe-core finds nothing serious or critical on any of these pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import serving
from storyhub.text.contrast import AA_TEXT, contrast
from test_accessibility_browser import AXE, CHROMIUM, _is_material, _Quiet, serious_violations

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


def test_skip_link_contrast_and_the_missing_page(served: str) -> None:
    from playwright.sync_api import sync_playwright

    axe = AXE.read_text(encoding="utf-8")
    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM),
                                    args=["--no-sandbox", "--disable-gpu"])
        try:
            for width, scheme in ((1280, "light"), (390, "dark")):
                page = browser.new_page(viewport={"width": width, "height": 900},
                                        color_scheme=scheme)
                failed: list[str] = []  # no request that fails, no error in the console
                page.on("response", lambda r, f=failed: f.append(f"{r.status} {r.url}")
                        if r.status >= 400 and "no-such-story" not in r.url else None)
                page.on("requestfailed", lambda r, f=failed: f.append(f"failed {r.url}"))
                page.on("console", lambda m, f=failed: f.append(m.text)
                        if m.type == "error" and "404" not in m.text else None)
                for kind, url in PAGES.items():
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
                    problems += [f"{width} {scheme} {kind}: {rule}: {target}"
                                 for rule, target in serious_violations(page, axe)
                                 if not _is_material(target)]
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
        finally:
            browser.close()
    assert not problems, "\n".join(problems)
