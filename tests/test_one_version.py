"""One version per reader (issue 21): where translations meet listings, counts, related
stories and feeds, a translated story shows once — in the page's language, else the
original — and the other versions are one click away (the story's page, the header's
language choice). The repository's example hub, built once for the module."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from conftest import read

SITE = "https://stories.example.com/"


@pytest.fixture(scope="module")
def example(example_site: Path) -> tuple[Path, Any]:
    from storyhub.pipeline import Pipeline

    site = example_site
    pipeline = Pipeline.from_config_file(site.parent / "mkdocs.yml")
    pipeline.check()
    return site, pipeline.hub


def _groups(hub: Any) -> dict[str, str]:
    """story URL -> its translation group (the original's id), translated stories only."""
    return {story.url: versions[0][1].id for story in hub.stories
            if (versions := hub.translations.get(story.id))}


def _card_urls(soup: BeautifulSoup, page: str, scope: str = "") -> list[str]:
    """The story URLs of the cards of ``page`` (site-relative, as a story's own ``url``)."""
    base = "https://x/" + page.removesuffix("index.html")
    return [urljoin(base, str(link["href"])).removeprefix("https://x/")
            for link in soup.select(f"{scope} .sh-story-card .sh-card__title a".strip())]


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html")
                  if not p.relative_to(site).as_posix().startswith(("admin/", "report/")))


def test_every_listing_shows_a_translated_story_once(example: tuple[Path, Any]) -> None:
    site, hub = example
    groups = _groups(hub)
    assert len(set(groups.values())) >= 6  # the example translates six stories or more
    checked = 0
    for page in _pages(site):
        if page.startswith(("stories/", "snippets/")) and page.count("/") == 2 \
                and page.split("/")[1] not in ("en", "it", "page"):
            continue  # a story's own page: its related stories are checked below
        soup = BeautifulSoup(read(site, page), "html.parser")
        urls = _card_urls(soup, page)
        shown = [groups[u] for u in urls if u in groups]
        assert len(shown) == len(set(shown)), (page, urls)
        checked += bool(urls)
    assert checked > 20


def test_english_pages_show_the_english_version_else_the_original(
        example: tuple[Path, Any]) -> None:
    site, hub = example
    listed: list[str] = []
    number = 1
    while (site / ("stories/" if number == 1 else f"stories/page/{number}/")).exists():
        page = "stories/index.html" if number == 1 else f"stories/page/{number}/index.html"
        listed += _card_urls(BeautifulSoup(read(site, page), "html.parser"), page)
        number += 1
    # every story once: the translated ones in English, an untranslated Italian one as is
    expected = hub.one_version(hub.stories, "en")
    assert sorted(listed) == sorted(s.url for s in expected)
    assert len(listed) < len(hub.stories)
    assert "stories/goodbye-kiln-two/" in listed
    assert "stories/addio-al-forno-numero-due/" not in listed
    assert "stories/libri-aperti/" in listed or "stories/open-books/" in listed
    for story in expected:
        versions = hub.translations.get(story.id)
        if versions:
            languages = {lang for lang, _ in versions}
            assert hub.language_of(story) == ("en" if "en" in languages else versions[0][0])
    home = BeautifulSoup(read(site, "index.html"), "html.parser")
    assert "stories/addio-al-forno-numero-due/" not in _card_urls(home, "index.html")


def test_counts_say_what_the_page_shows(example: tuple[Path, Any]) -> None:
    site, _ = example
    checked = 0
    for page in _pages(site):
        if not page.startswith(("values/", "people/")) or page.count("/") != 2:
            continue
        soup = BeautifulSoup(read(site, page), "html.parser")
        heading = soup.select_one("h2 small")
        if heading is None:
            continue
        said = int(re.search(r"\d+", heading.get_text()).group())  # type: ignore[union-attr]
        section = heading.find_parent("section")
        assert said == len(section.select(".sh-story-card")), page
        checked += 1
    assert checked >= 8
    # the values page's counts and the tag pages' counts too
    values = BeautifulSoup(read(site, "values/index.html"), "html.parser")
    for item in values.select(".sh-manifesto__item"):
        link = item.select(".sh-manifesto__story a")
        if not link:
            continue
        target = urljoin("https://x/values/", str(link[-1]["href"])).removeprefix("https://x/")
        value_page = BeautifulSoup(read(site, target + "index.html"), "html.parser")
        said = int(re.search(r"\d+", link[-1].get_text()).group())  # type: ignore[union-attr]
        assert said == len(value_page.select("section .sh-story-card"))
    for tag_page in sorted((site / "tags").glob("*/index.html")):
        soup = BeautifulSoup(tag_page.read_text(encoding="utf-8"), "html.parser")
        said = int(re.search(r"\d+", soup.select_one(".sh-count").get_text()).group())
        assert said == len(soup.select(".sh-story-card")), tag_page


def test_related_stories_and_feeds_show_one_version(example: tuple[Path, Any]) -> None:
    site, hub = example
    groups = _groups(hub)
    for story in hub.stories:
        soup = BeautifulSoup(read(site, story.url + "index.html"), "html.parser")
        related = _card_urls(soup, story.url + "index.html", ".sh-related")
        shown = [groups[u] for u in related if u in groups]
        assert len(shown) == len(set(shown)), (story.id, related)
        assert groups.get(story.url) not in shown or story.url not in groups
    for feed in [site / "feed.json", *sorted(site.glob("values/*/feed.json")),
                 *sorted(site.glob("people/*/feed.json")), *sorted(site.glob("teams/*/feed.json"))]:
        items = [i["url"].removeprefix(SITE) for i in json.loads(feed.read_text())["items"]]
        shown = [groups[u] for u in items if u in groups]
        assert len(shown) == len(set(shown)), feed


def test_the_other_versions_are_reachable(example: tuple[Path, Any]) -> None:
    """From a story, its versions (under the title and in the header's language choice);
    from every page, the header's choice of the hub's languages, the page's marked."""
    site, hub = example
    for story in hub.stories:
        versions = hub.translations.get(story.id)
        if not versions:
            continue
        soup = BeautifulSoup(read(site, story.url + "index.html"), "html.parser")
        choice = soup.select(".md-header .sh-language-choice a")
        assert [a["lang"] for a in choice] == [lang for lang, _ in versions]
        current = [a for a in choice if a.get("aria-current") == "page"]
        assert len(current) == 1 and current[0]["href"] == "./"
        below_title = {a["hreflang"] for a in soup.select(".sh-story .sh-translations a")}
        assert below_title == {lang for lang, s in versions if s.id != story.id}
    for page in [*_pages(site), "404.html"]:
        if page.startswith("snippets/"):
            continue  # the staff's snippets page is not a Material page
        soup = BeautifulSoup(read(site, page), "html.parser")
        choice = soup.select(".md-header .sh-language-choice a")
        assert {a["lang"] for a in choice} == {"en", "it"}, page
        assert [a.get_text(strip=True) for a in choice if a["lang"] == "it"] == ["Italiano"]
    italian = BeautifulSoup(read(site, "stories/it/index.html"), "html.parser")
    assert italian.html["lang"] == "it"
    assert italian.h1.get_text(strip=True) == "Storie in italiano"
    assert [a["lang"] for a in italian.select(".sh-language-choice a[aria-current]")] == ["it"]
