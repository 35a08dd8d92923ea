"""Search for how people type (issue 21), typed into Material's real search box in headless
Chromium on the example hub: without accents (`citta`, `caffe`, `perche`), a word the
stop-word list would hide (`perché`, in a title), another form of a word (`chiedere` finds
«chiedo»); results show the story's thumbnail and date; the open overlay passes axe-core
(0 serious or critical) at 1280 and 390 px, light and dark."""

from __future__ import annotations

from typing import Any

import pytest
from test_accessibility_browser import AXE, CHROMIUM, serious_violations

pytestmark = pytest.mark.skipif(
    (not CHROMIUM.exists() or not AXE.exists()) and not __import__("os").environ.get("CI"),
    reason="needs /usr/bin/chromium and axe-core in .cache/tools: run scripts/test.sh",
)

#: what a reader types -> stories that must be among the results
EXPECTED = {
    "citta": {"dopo-l-alluvione", "faenza-vista-da-chi-ce-arrivata-dopo"},
    "città": {"dopo-l-alluvione", "faenza-vista-da-chi-ce-arrivata-dopo"},
    "caffe": {"libri-aperti", "non-lo-so-ma-lo-chiedo", "dopo-l-alluvione"},
    "perche": {"non-lo-so-ma-lo-chiedo", "libri-aperti"},
    "perché": {"non-lo-so-ma-lo-chiedo", "libri-aperti"},
    "chiedere": {"non-lo-so-ma-lo-chiedo"},
    "alluvione": {"dopo-l-alluvione"},
}


@pytest.fixture(scope="module")
def served(served_example: str) -> str:
    return served_example


def _type(page: Any, query: str) -> list[str]:
    """Type ``query`` in the search box as a reader does; the slugs of the stories found."""
    box = page.locator(".md-search__input")
    if not box.is_visible():
        page.click("label[for='__search']")
    box.fill("")
    box.press_sequentially(query, delay=20)
    page.wait_for_function(
        """() => { const m = document.querySelector('.md-search-result__meta');
                   return m && !/Digita|Type|Initializ|Inizializ/i.test(m.textContent) }""",
        timeout=15000)
    page.wait_for_timeout(300)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link", "els => els.map(e => e.href)")
    return [h.split("/stories/", 1)[1].split("/")[0] for h in hrefs if "/stories/" in h]


def test_typed_words_find_stories_however_they_are_typed(served: str, axe_url: str,
                                                         browser: Any) -> None:
    problems: list[str] = []
    for width, scheme in ((1280, "light"), (390, "dark")):
        page = browser.new_page(viewport={"width": width, "height": 900},
                                color_scheme=scheme)
        page.goto(served + "stories/it/", wait_until="load")
        for query, expected in EXPECTED.items():
            found = _type(page, query)
            if not expected <= set(found):
                problems.append(f"{width}: {query!r} found {found}")
        # results show the story's thumbnail and date
        _type(page, "alluvione")
        first = page.locator(".md-search-result__item").first
        assert first.locator("img.sh-search-thumb").count() == 1
        assert first.locator("img.sh-search-thumb").get_attribute("alt") == ""
        assert first.locator("time").get_attribute("datetime") == "2023-05-22"
        problems += [f"{width} {scheme}: axe: {rule}: {target}"
                     for rule, target in serious_violations(page, axe_url)]
        page.close()
    assert not problems, "\n".join(problems)
