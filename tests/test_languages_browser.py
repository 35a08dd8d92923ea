"""A site in two languages in real headless Chromium: an Italian story on an English site
passes axe-core and speaks Italian (``<html lang>``, Material's search box), and the language
buttons on a value page put the reader's language (the browser's) first and show one
language at a time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import Hub, serving
from test_accessibility_browser import AXE, CHROMIUM, MATERIAL, serious_violations
from test_languages import bilingual

pytestmark = pytest.mark.skipif(
    (not CHROMIUM.exists() or not AXE.exists()) and not __import__("os").environ.get("CI"),
    reason="needs /usr/bin/chromium and axe-core in .cache/tools: run scripts/test.sh",
)


@pytest.fixture
def served(hub: Hub) -> Iterator[str]:
    with serving(hub.root / "site") as address:
        bilingual(hub, "en")
        # the site's own address: Material's instant navigation follows links of its sitemap
        hub.set(site_url=address, theme={"name": "material", "font": False, "language": "en",
                                         "features": ["navigation.instant",
                                                      "navigation.tabs"]})
        hub.build()
        yield address


def test_italian_story_on_an_english_site_in_chromium(served: str, axe_url: str,
                                                      browser: Any) -> None:
    ours: list[str] = []
    for width in (1280, 390):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(served + "stories/turno-di-notte/", wait_until="load")
        assert page.evaluate("document.documentElement.lang") == "it"
        assert page.get_attribute(".md-search__input", "placeholder") == "Cerca"
        assert "1 minuto di lettura" in page.inner_text(".sh-story__meta")
        switch = page.locator(".sh-translations a")
        assert switch.get_attribute("hreflang") == "en"
        assert switch.inner_text() == "English"
        ours += [f"{width}: {rule}: {target}"
                 for rule, target in serious_violations(page, axe_url,
                                                        exclude=MATERIAL)]
        page.close()
    assert not ours, "\n".join(ours)


def _cards(page: object) -> list[tuple[str, bool]]:
    """(language, shown) of each story card, in the page's order."""
    found = page.evaluate(  # type: ignore[attr-defined]
        """() => Array.from(document.querySelectorAll('.sh-grid .sh-card')).map(
            c => [c.getAttribute('data-sh-lang'), c.offsetParent !== null])""")
    return [(str(lang), bool(shown)) for lang, shown in found]


def test_language_buttons_put_the_readers_language_first(served: str, browser: Any) -> None:
    english = browser.new_page(locale="en-GB")
    english.goto(served + "values/care/", wait_until="load")
    # one version of a translated story per reader: Night shift, not also its
    # Italian original (issue 21), The first order, and La consegna
    assert [lang for lang, _ in _cards(english)] == ["en", "en", "it"]
    english.close()

    context = browser.new_context(locale="it-IT")
    page = context.new_page()
    page.goto(served + "values/care/", wait_until="load")
    group = page.locator(".sh-langfilter")
    assert group.is_visible()
    assert group.get_attribute("aria-label") == "Show the stories in"
    # an Italian reader: the Italian stories first, every story still shown
    assert _cards(page) == [("it", True), ("en", True), ("en", True)]
    page.get_by_role("button", name="Italiano").click()
    assert page.get_by_role("button", name="Italiano").get_attribute(
        "aria-pressed") == "true"
    assert _cards(page) == [("it", True), ("en", False), ("en", False)]
    page.get_by_role("button", name="All languages").click()
    assert all(shown for _, shown in _cards(page))
    # the buttons are reached with the keyboard
    page.get_by_role("button", name="English").focus()
    page.keyboard.press("Enter")
    assert _cards(page) == [("it", False), ("en", True), ("en", True)]
    context.close()


def test_instant_navigation_reloads_a_page_in_another_language(served: str, browser: Any) -> None:
    """Material's instant navigation keeps <html lang> and the header of the page it came
    from: a link to a page in another language loads it in full."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served + "values/care/", wait_until="load")
    page.get_by_role("link", name="La consegna").first.click()
    page.wait_for_url("**/stories/la-consegna/")
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.lang") == "it"
    assert page.get_attribute(".md-search__input", "placeholder") == "Cerca"
    page.locator(".md-tabs").get_by_role("link", name="Storie").click()
    page.wait_for_url("**/stories/")
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator(".md-tabs").get_by_role("link", name="Stories").count() == 1
    # The "By language" filter chip opens the Italian listing in full, in Italian.
    filters = page.locator(".sh-filters")
    filters.get_by_text("By language").click()
    filters.get_by_role("link", name="Italiano").click()
    page.wait_for_url("**/stories/it/")
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.lang") == "it"
    assert page.get_attribute(".md-search__input", "placeholder") == "Cerca"
