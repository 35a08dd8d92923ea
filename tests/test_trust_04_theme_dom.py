"""Class 4: story HTML cannot reach into the theme (DOM clobbering).

Material reads its configuration from ``#__config`` and finds its search, drawer and
table of contents by ids starting with ``__``. Author ids, names and label targets that
could collide are prefixed ``user-content-`` (links to them follow); theme classes
(``md-*``) are dropped. A real Chromium checks that search still works on such a page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import CHROMIUM, Hub, person_text, serving, story_text
from storyhub.site.sanitize import clean_html

EVIL_CONFIG = ('{"base": "https://evil.example", "features": [], '
               '"search": "https://evil.example/search.js", "translations": {}}')


@pytest.mark.parametrize("html, expected", [
    ('<div id="__config">x</div>', '<div id="user-content-__config">x</div>'),
    ('<p id="__search">x</p>', '<p id="user-content-__search">x</p>'),
    ('<p id=" __drawer">x</p>', '<p id="user-content- __drawer">x</p>'),
    ('<span id="__palette_0">x</span>', '<span id="user-content-__palette_0">x</span>'),
    ('<p id="_x">x</p>', '<p id="user-content-_x">x</p>'),
    ('<p id="md-content">x</p>', '<p id="user-content-md-content">x</p>'),
    ('<a name="__config">x</a>', '<a name="user-content-__config" rel="noopener noreferrer">x'
     '</a>'),
    ('<input type="checkbox" id="__toc" name="__toc">',
     '<input type="checkbox" id="user-content-__toc" name="user-content-__toc">'),
    ('<label for="__drawer">x</label>', '<label for="user-content-__drawer">x</label>'),
    ('<a href="#__config">x</a>', '<a href="#user-content-__config" rel="noopener noreferrer">'
     'x</a>'),
    ('<div class="md-header md-header--shadow">x</div>', "<div>x</div>"),
    ('<div class="md-search admonition note">x</div>', '<div class="admonition note">x</div>'),
    ('<a class="md-button md-button--primary">x</a>',
     '<a class="md-button md-button--primary" rel="noopener noreferrer">x</a>'),
    ('<h2 id="night-shift">x</h2>', '<h2 id="night-shift">x</h2>'),
])
def test_ids_and_classes_cannot_collide_with_the_theme(html: str, expected: str) -> None:
    assert clean_html(html) == expected


def test_a_clobbering_story_is_reported_and_inert(
    hub: Hub, mkdocs_warnings: Callable[[], list[str]]
) -> None:
    hub.set(markdown_extensions=["attr_list", "md_in_html"])
    hub.write("stories/a.md", story_text("A", body=(
        f'<div id="__config">{EVIL_CONFIG}</div>\n\n'
        "## Heading {: #__search .md-search }\n")))
    hub.write("people/giulia.md", person_text("Giulia Ferri", bio='<p id="__drawer">Bio</p>'))
    site = hub.build(strict=False)
    for page in ("stories/a/index.html", "people/giulia/index.html"):
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        configs = soup.select("#__config")
        assert len(configs) == 1 and configs[0].name == "script"
        assert "evil.example" not in configs[0].string
        for theme_id in ("__search", "__drawer"):
            assert all(tag.name == "input" and "md-toggle" in tag.get("class", [])
                       for tag in soup.select(f"#{theme_id}")), page
    assert sorted(w for w in mkdocs_warnings() if "belong to the theme" in w) == sorted([
        "storyhub: people/giulia.md:12: removed 'id=\"__drawer\"' on <p> (renamed "
        "user-content-__drawer: names starting with '_' or 'md-' belong to the theme) from the "
        "HTML (not allowed in stories and profiles, it could run code or change the page)",
        "storyhub: stories/a.md:8: removed 'id=\"__config\"' on <div> (renamed "
        "user-content-__config: names starting with '_' or 'md-' belong to the theme) from the "
        "HTML (not allowed in stories and profiles, it could run code or change the page)",
        "storyhub: stories/a.md:10: removed 'id=\"__search\"' on <h2> (renamed "
        "user-content-__search: names starting with '_' or 'md-' belong to the theme) from the "
        "HTML (not allowed in stories and profiles, it could run code or change the page)",
        "storyhub: stories/a.md:10: removed class 'md-search' on <h2> (classes starting with '_' "
        "or 'md-' belong to the theme) from the HTML (not allowed in stories and profiles, it "
        "could run code or change the page)",
    ])


@pytest.fixture
def clobbering_site(hub: Hub) -> Iterator[str]:
    hub.set(markdown_extensions=["attr_list"],
            theme={"name": "material", "font": False,
                   "features": ["search.suggest", "search.highlight", "content.code.copy"]})
    hub.write("stories/night-shift.md", story_text("Night shift", body=(
        f'<div id="__config">{EVIL_CONFIG}</div>\n\n'
        '<input type="checkbox" id="__search">\n\n<p id="__drawer">Kiln stories here.</p>\n')))
    site = hub.build(strict=False)
    with serving(site) as url:
        yield url.rstrip("/")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent: run "
                    "scripts/test.sh to install it")
def test_material_search_still_works_on_a_clobbering_page(clobbering_site: str,
                                                          browser: Any) -> None:
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{clobbering_site}/stories/night-shift/")
    page.wait_for_load_state("networkidle")
    page.click("input.md-search__input")
    page.keyboard.type("oven")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    titles = page.locator(".md-search-result__item").all_inner_texts()
    assert any("first oven" in t.lower() for t in titles), titles
    assert page.evaluate("document.querySelector('#__config').tagName") == "SCRIPT"
    assert not any("evil.example" in url for url in requests), requests
    assert all(url.startswith(clobbering_site) for url in requests), requests
