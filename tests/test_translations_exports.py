"""Stories in two languages, on the built example hub and its exports (issue 11, exports
part): the example hub's translations go both ways; every translated story's hreflang set
is reciprocal, absolute and has x-default, in the head and in the sitemap; the draft
translation is in no file of the site nor of the snippet exports while its published
sibling is; feeds per language (feedparser, no bozo); posts in the story's language,
linking its own version; never two versions of one story on one network the same day
(calendar.json and calendar.ics read with icalendar)."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup
from conftest import Hub, all_output_text, copy_example, read
from storyhub.i18n import Translator

SITE = "https://stories.example.com/"
# 2025-12-01T08:00:00Z: the draft's published sibling (24 November 2025) is still in the
# calendar's 30-day backlog, and the kiln story of March 2026 is ahead.
EPOCH = "1764576000"
AS_OF = "2025-12-01T09:00:00+01:00"
DRAFT = "more-city-than-town"
DRAFT_TITLE = "More city than town"
SIBLING = "faenza-vista-da-chi-ce-arrivata-dopo"


@dataclass
class Example:
    root: Path
    site: Path
    exports: Path  # `storyhub snippets --out` (calendar.ics and scheduler CSV files)
    hub: Any  # the built pipeline's hub


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory, example_site: Path) -> Example:
    import os

    from storyhub.pipeline import Pipeline

    root = tmp_path_factory.mktemp("translations") / "example"
    root.mkdir()
    copy_example(root)
    # a horizon that reaches the example's March 2026 stories from December 2025
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace(
        "        timezone: Europe/Rome\n", "        timezone: Europe/Rome\n"
        "        horizon_days: 180\n"), encoding="utf-8")
    hub = Hub(root)
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        # Not strict: as of that day the example's 2026 stories are dated in the future,
        # which `storyhub check` rightly warns about.
        site = hub.build(strict=False)
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
    result = hub.storyhub("snippets", "--out", "out", "--as-of", AS_OF,
                          env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr
    pipeline = Pipeline.from_config_file(root / "mkdocs.yml",
                                         as_of=datetime.fromisoformat(AS_OF))
    pipeline.check()
    return Example(root, site, root / "out", pipeline.hub)


def _language(story: Any) -> str:
    return story.lang or "en"


def test_example_hub_translates_both_ways_and_keeps_a_draft(example: Example) -> None:
    hub = example.hub
    published = {s.id: s for s in hub.stories}
    translations = [s for s in published.values() if s.translation_of]
    directions = {(_language(published[s.translation_of]), _language(s))
                  for s in translations}
    assert len(translations) >= 6
    assert {("it", "en"), ("en", "it")} <= directions
    for story in translations:
        assert sorted(story.people) == sorted(published[story.translation_of].people)
        assert sorted(story.values) == sorted(published[story.translation_of].values)
    # The draft translation is in the content, unpublished; its original is published.
    draft = next(s for s in hub.content.stories if s.id == DRAFT)
    assert draft.draft and draft.translation_of == SIBLING
    assert DRAFT not in published and SIBLING in published
    assert SIBLING not in hub.translations  # no published sibling to link to


def _alternates(html: str) -> dict[str, str]:
    soup = BeautifulSoup(html, "html.parser")
    found: dict[str, str] = {}
    for link in soup.head.find_all("link", rel="alternate", hreflang=True):
        assert link["hreflang"] not in found, link
        found[link["hreflang"]] = link["href"]
    return found


def test_hreflang_sets_are_reciprocal_absolute_with_x_default(example: Example) -> None:
    hub = example.hub
    assert len(hub.translations) >= 12
    for story_id, versions in hub.translations.items():
        story = hub.story(story_id)
        found = _alternates(read(example.site, story.url + "index.html"))
        expected = {language: SITE + version.url for language, version in versions}
        original = versions[0][1]
        expected["x-default"] = SITE + original.url
        assert found == expected, story_id
        assert found[_language(story)] == SITE + story.url  # itself included
        for language, version in versions:
            # Reciprocal: each version lists the same set.
            assert _alternates(read(example.site, version.url + "index.html")) == found
            assert re.fullmatch(r"[a-z]{2}(-[A-Z]{2})?", language)
    # A story without a published translation has none (the draft's sibling too).
    assert _alternates(read(example.site, f"stories/{SIBLING}/index.html")) == {}


def test_sitemap_carries_the_same_alternates(example: Example) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
          "x": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring((example.site / "sitemap.xml").read_bytes())
    in_sitemap = {url.findtext("s:loc", namespaces=ns): {
        link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        for url in root.findall("s:url", ns)}
    for story_id in example.hub.translations:
        url = example.hub.story(story_id).url
        head = _alternates(read(example.site, url + "index.html"))
        assert in_sitemap[SITE + url] == head, story_id
    assert f"{SITE}stories/{DRAFT}/" not in in_sitemap
    assert in_sitemap[f"{SITE}stories/{SIBLING}/"] == {}


def test_the_draft_translation_is_nowhere_and_its_sibling_everywhere(
        example: Example) -> None:
    assert not (example.site / "stories" / DRAFT).exists()
    for folder in (example.site, example.exports):
        for path, text in all_output_text(folder):
            assert DRAFT not in text and DRAFT_TITLE not in text, path
    # The published sibling: its page, the search index, feeds, snippets, the calendar.
    sibling_url = f"{SITE}stories/{SIBLING}/"
    assert (example.site / "stories" / SIBLING / "index.html").is_file()
    search = json.loads(read(example.site, "search/search_index.json"))
    assert any(doc["location"].startswith(f"stories/{SIBLING}/") for doc in search["docs"])
    assert sibling_url in [e.link for e in _parse(example.site / "stories/it/feed.xml").entries]
    for folder in (example.site / "snippets", example.exports):
        stories = json.loads(read(folder, "snippets.json"))["stories"]
        assert SIBLING in {s["slug"] for s in stories}
        rows = list(csv.DictReader(io.StringIO(read(folder, "snippets.csv").lstrip("\ufeff"))))
        assert SIBLING in {row["story"] for row in rows}
        assert SIBLING in {p["story"] for p in json.loads(read(folder, "calendar.json"))["posts"]}
    events = _events(example.exports / "calendar.ics")
    assert any(uid.startswith(f"{SIBLING}.") for uid, _, _ in events)
    schedulers = sorted(example.exports.glob("buffer-*.csv")) + sorted(
        example.exports.glob("hootsuite-*.csv"))
    assert schedulers
    assert any(sibling_url in path.read_text(encoding="utf-8") for path in schedulers)


# -- feeds per language ---------------------------------------------------------------------


def _parse(path: Path) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


@pytest.mark.parametrize("code", ["it", "en"])
def test_a_feed_per_language_lists_only_that_language(example: Example, code: str) -> None:
    hub = example.hub
    limit = hub.settings.options.feeds.items
    expected = [SITE + s.url for s in hub.stories if _language(s) == code][:limit]
    words = Translator.for_language(code).scope("feeds")
    company = hub.settings.company

    atom = _parse(example.site / "stories" / code / "feed.xml")
    assert atom.version == "atom10"
    assert atom.feed.language == code
    assert atom.feed.title == words("language_title", company=company)
    assert atom.feed.subtitle == words("language_subtitle", company=company)
    assert atom.feed.link == f"{SITE}stories/{code}/"
    assert [e.link for e in atom.entries] == expected
    assert {e.get("language", atom.feed.language) for e in atom.entries} == {code}

    data = json.loads(read(example.site, f"stories/{code}/feed.json"))
    assert data["language"] == code
    assert data["feed_url"] == f"{SITE}stories/{code}/feed.json"
    assert data["title"] == atom.feed.title
    assert [item["url"] for item in data["items"]] == expected
    assert {item["language"] for item in data["items"]} == {code}


def test_mixed_feeds_say_each_entry_language(example: Example) -> None:
    hub = example.hub
    languages = {SITE + s.url: _language(s) for s in hub.stories}
    atom = _parse(example.site / "feed.xml")
    assert atom.feed.language == "en"  # the site's language: the feed's own words
    # each story once (issue 21): the English version of a translated story, an Italian
    # story without an English version as it is, saying its language
    links = {e.link for e in atom.entries}
    assert f"{SITE}stories/goodbye-kiln-two/" in links
    assert f"{SITE}stories/addio-al-forno-numero-due/" not in links
    assert {languages[link] for link in links} == {"en", "it"}
    text = read(example.site, "feed.xml")
    for entry in atom.entries:
        assert f'<entry xml:lang="{languages[entry.link]}">\n    <id>{entry.link}</id>' in text
    for path in [example.site / "feed.json", *sorted(example.site.glob("values/*/feed.json"))]:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["language"] == "en"
        for item in data["items"]:
            assert item["language"] == languages[item["url"]], (path, item["url"])


def test_language_feeds_are_discoverable(example: Example) -> None:
    for page in ("index.html", "stories/index.html"):
        soup = BeautifulSoup(read(example.site, page), "html.parser")
        hrefs = [link["href"] for link in soup.head.find_all("link", rel="alternate",
                                                              type=True)]
        for code in ("en", "it"):
            assert f"{SITE}stories/{code}/feed.xml" in hrefs, page
            assert f"{SITE}stories/{code}/feed.json" in hrefs, page
        visible = [a.get_text() for a in soup.select("p.sh-feeds a")]
        assert "Atom feed (Italiano)" in visible and "JSON Feed (English)" in visible


# -- snippets and calendar ------------------------------------------------------------------


def test_posts_are_in_the_story_language_and_link_their_own_version(example: Example) -> None:
    stories = {s["slug"]: s for s in json.loads(read(example.exports, "snippets.json"))[
        "stories"]}
    checked = 0
    for story_id, versions in example.hub.translations.items():
        item = stories[story_id]
        code = _language(example.hub.story(story_id))
        own_words = Translator.for_language(code).scope("snippets")
        other = Translator.for_language("it" if code == "en" else "en").scope("snippets")
        assert item["url"] == SITE + example.hub.story(story_id).url
        assert len(versions) == 2
        for snippet in item["snippets"]:
            assert item["url"] in snippet["link"]
            for _, version in versions:
                if version.id != story_id:
                    assert SITE + version.url not in snippet["text"] + snippet["link"]
        company = [s for s in item["snippets"] if s["network"] == "linkedin"
                   and s["variant"] == "1"]
        assert own_words("new_story") in company[0]["text"]
        assert other("new_story") not in company[0]["text"]
        checked += 1
    assert checked >= 12


def _events(path: Path) -> list[tuple[str, str, datetime]]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    found = []
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"]).split("@", 1)[0]
        story, network, _ = uid.rsplit(".", 2)
        found.append((uid, network, event.decoded("DTSTART")))
        assert story
    return found


def _same_day_versions(posts: list[tuple[str, str, datetime]], group: dict[str, str],
                       zone: ZoneInfo) -> list[tuple[str, str, str]]:
    """(group, network, day) where more than one version of a story goes out."""
    seen: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for story, network, at in posts:
        if story in group:
            seen[(group[story], network, at.astimezone(zone).date().isoformat())].add(story)
    return [key for key, versions in seen.items() if len(versions) > 1]


def test_calendar_never_posts_two_versions_the_same_day(example: Example) -> None:
    from storyhub.social.calendar import publication_moment

    hub = example.hub
    zone = ZoneInfo(hub.settings.options.calendar.timezone)
    group = {sid: versions[0][1].id for sid, versions in hub.translations.items()}
    data = json.loads(read(example.exports, "calendar.json"))
    posts = [(p["story"], p["network"], datetime.fromisoformat(p["at"]))
             for p in data["posts"]]
    # Both versions of the kiln story are planned, on every network, each on its own day.
    planned = {story for story, _, _ in posts}
    assert {"goodbye-kiln-two", "addio-al-forno-numero-due"} <= planned
    assert _same_day_versions(posts, group, zone) == []
    for story, _, at in posts:
        assert at >= publication_moment(hub.story(story), zone)
    # The original goes first on each network (both are published the same day).
    first: dict[tuple[str, str], datetime] = {}
    for story, network, at in posts:
        first.setdefault((story, network), at)
    for network in {n for _, n, _ in posts}:
        assert first[("goodbye-kiln-two", network)] < first[("addio-al-forno-numero-due",
                                                             network)]
    # calendar.ics says the same, read as a strict client reads it.
    events = [(uid.rsplit(".", 2)[0], network, at)
              for uid, network, at in _events(example.exports / "calendar.ics")]
    assert sorted((s, n, a.astimezone(zone)) for s, n, a in events) == sorted(
        (s, n, a.astimezone(zone)) for s, n, a in posts)
    assert _same_day_versions(events, group, zone) == []
