"""axe-core in real headless Chromium over every page kind of the example hub, at 1280 and
390 px: no serious or critical WCAG 2.2 AA violation may come from storyhub's templates or
stylesheet, in the light scheme (every rule) or the dark one (the rules a colour scheme
changes, on the same page switched to dark). The snippets page has its own run
(``test_snippets_phone_browser.py``), the open search overlay too
(``test_search_box_browser.py``). axe-core comes from npm into .cache/tools
(scripts/test.sh installs it)."""

from __future__ import annotations

import http.server
import os
from typing import Any

import pytest
from conftest import CHROMIUM, REPO

AXE = REPO / ".cache/tools/node_modules/axe-core/axe.min.js"
pytestmark = pytest.mark.skipif(
    (not CHROMIUM.exists() or not AXE.exists()) and not os.environ.get("CI"),
    reason="needs /usr/bin/chromium and axe-core in .cache/tools: run scripts/test.sh",
)
PAGES = {
    "home": "",
    "story": "stories/the-repair-counter/",
    "person": "people/lucia-marchetti/",
    "value": "values/craft/",
    "values": "values/",
    "team": "teams/decoration/",
    "people": "people/",
    "teams": "teams/",
    "listing": "stories/",
    "tag": "tags/repair/",
    "report": "report/",
    "video story": "stories/centring-at-the-wheel/",
    "audio story": "stories/the-kiln-at-night/",
    "campaign": "campaigns/second-lives/",
    "italian story": "stories/libri-aperti/",
    "language listing": "stories/it/",
    "docs page": "about/",
    "missing page": "404.html",  # what hosting answers a missing address with
}
#: Material's own regions, outside storyhub's templates: left out of the page-kind runs
#: (the open search overlay has its own run, in test_search_box_browser.py).
MATERIAL = (".md-header", ".md-tabs", ".md-search", ".md-footer", ".md-nav", ".md-sidebar",
            ".md-top", ".md-dialog", ".md-source", ".md-copyright")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


#: The rules whose outcome depends on the colour scheme (the page's DOM is the same in
#: both: Material switches its palette with an attribute): the dark scheme runs these only.
SCHEME_RULES = ("color-contrast", "link-in-text-block")


def serious_violations(page: Any, axe_url: str, rules: tuple[str, ...] | None = None, *,
                       exclude: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(rule id, target) of every serious or critical axe-core violation (WCAG 2.2 A/AA
    and best practices, or only ``rules``) on the page shown (only violations are gathered
    in full: about three times faster on a large page). ``axe_url``: the script (the
    ``axe_url`` fixture). ``exclude``: selectors of regions left out (Material's own,
    :data:`MATERIAL`, about halves a run on the example's pages)."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(url=axe_url)
    only = ({"type": "rule", "values": list(rules)} if rules else
            {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
                                       "best-practice"]})
    result = page.evaluate("([only, exclude]) => axe.run({exclude}, "
                           "{resultTypes: ['violations'], runOnly: only})",
                           [only, [[selector] for selector in exclude]])
    return [(violation["id"], " ".join(str(t) for t in node["target"]))
            for violation in result["violations"]
            if violation["impact"] in ("serious", "critical") for node in violation["nodes"]]


def _open_details(page: Any) -> None:
    """Transcripts (and any other collapsed text) are checked open too."""
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")


#: Material remembers the palette it showed (localStorage, written as a page is left) and
#: shows it again on the next page; run before every page's own scripts, this leaves the
#: reader's preference to decide on each load
FORGET_PALETTE = "try { localStorage.clear(); } catch (e) {}"


def _palette(page: Any) -> str | None:
    """Material's scheme on the page shown (None on a page of storyhub's own, the report)."""
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def _to_dark(page: Any) -> None:
    """The page shown to a reader whose system is dark, without loading it again: the
    preference emulated (what storyhub's own pages read, the report) and Material's dark
    palette chosen through its toggle's input, whose change event runs the same code that
    picks the palette from the preference on load (Material keeps its palette when the
    preference changes later; transitions are off while it switches). Half the time of a
    reload, and axe-core stays loaded;
    :func:`test_the_dark_page_is_the_one_a_dark_system_gets`
    holds it to a page loaded dark. The page must forget palettes (:data:`FORGET_PALETTE`)."""
    page.emulate_media(color_scheme="dark")
    page.evaluate("""() => {
        const dark = document.querySelector(
            'input[name="__palette"][data-md-color-media="(prefers-color-scheme: dark)"]');
        if (dark && !dark.checked) dark.click();
    }""")


def test_no_serious_axe_violations_from_storyhub(served_example: str, browser: Any,
                                                 axe_url: str) -> None:
    ours: list[str] = []
    for width in (1280, 390):
        context = browser.new_context(viewport={"width": width, "height": 900})
        context.add_init_script(FORGET_PALETTE)
        page = context.new_page()
        for name, path in PAGES.items():
            page.emulate_media(color_scheme="light")
            page.goto(served_example + path, wait_until="load")
            _open_details(page)
            assert _palette(page) in ("default", None), (name, _palette(page))
            ours += [f"{name}@{width}: {rule}: {target}"
                     for rule, target in serious_violations(page, axe_url, exclude=MATERIAL)]
            # the same page dark: the rules a colour scheme changes (the DOM is the same)
            _to_dark(page)
            assert _palette(page) in ("slate", None), (name, _palette(page))
            ours += [f"{name}@{width} dark: {rule}: {target}"
                     for rule, target in serious_violations(page, axe_url, SCHEME_RULES,
                                                            exclude=MATERIAL)]
        context.close()
    assert not ours, "\n".join(sorted(set(ours)))


def test_the_dark_page_is_the_one_a_dark_system_gets(served_example: str, browser: Any
                                                     ) -> None:
    """What :func:`_to_dark` makes of a page loaded light (its collapsed text opened first,
    as the axe run does) is what loading it dark gives, colour for colour; the next page
    in the same browser page is light again."""
    styles = """() => [...document.querySelectorAll(
        'body, .md-typeset a, .sh-chip, .sh-story-card, .md-typeset h1, .md-typeset p')]
        .slice(0, 200).map(e => { const s = getComputedStyle(e);
            return [s.color, s.backgroundColor, s.borderColor].join(' '); })
        .concat([document.querySelector('meta[name=color-scheme]')?.content])"""
    for path in ("stories/", "stories/the-repair-counter/"):
        found = []
        for scheme in ("light", "dark"):
            page = browser.new_page(color_scheme=scheme)
            page.add_init_script(FORGET_PALETTE)
            page.goto(served_example + path, wait_until="load")
            _open_details(page)
            if scheme == "light":
                light = page.evaluate(styles)
                _to_dark(page)
            found.append(page.evaluate(styles))
            assert _palette(page) == "slate", _palette(page)
            if scheme == "light":
                page.emulate_media(color_scheme="light")
                page.goto(served_example + path, wait_until="load")
                _open_details(page)
                assert page.evaluate(styles) == light
            page.close()
        assert len(found[1]) > 40 and found[0] == found[1], path
        assert light != found[1], path  # the colours did change
