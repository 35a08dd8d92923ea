"""Feeds: Atom and JSON Feed 1.1 for the hub and each value, person and team, read with
``feedparser`` (what most feed readers behave like) and checked field by field; discovery
links in the head of the matching pages; nothing unpublished; the same bytes on rebuild."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import Hub, all_output_text, person_text, read, story_text

SITE = "https://stories.example.com/"


def _parse(path: Path) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


@pytest.fixture
def site(hub: Hub) -> Path:
    hub.write("stories/first-oven.md", story_text(
        "The first oven & <b>you</b>", date="2024-05-01", summary="How it started.",
        extra="author: marco\n"))
    return hub.build()


def test_hub_feed_is_valid_atom(site: Path) -> None:
    feed = _parse(site / "feed.xml")
    assert feed.version == "atom10"
    assert feed.feed.title == "Test hub"
    assert feed.feed.id == f"{SITE}feed.xml"
    assert feed.feed.link == SITE
    assert feed.feed.updated == "2025-03-14T00:00:00+00:00"  # newest story, not the clock
    titles = [e.title for e in feed.entries]
    assert titles == ["Night shift", "The first oven & <b>you</b>"]  # newest first, as text
    night = feed.entries[0]
    assert night.id == night.link == f"{SITE}stories/night-shift/"
    assert [a.name for a in night.authors] == ["Giulia Ferri", "Marco Bianchi"]
    assert night.authors[0].href == f"{SITE}people/giulia/"
    assert night.summary == "A short summary."
    assert night.published == "2025-03-14T00:00:00+00:00"
    assert {t.term for t in night.tags} == {"craft", "care"}
    assert night.media_thumbnail[0]["url"].startswith(f"{SITE}assets/cards/night-shift-og-")
    assert "contributors" not in night  # its people wrote it themselves
    oven = feed.entries[1]
    assert [a.name for a in oven.authors] == ["Marco Bianchi"]  # the writer
    assert oven.authors[0].href == f"{SITE}people/marco/"
    assert [c.name for c in oven.contributors] == ["Giulia Ferri"]  # the person featured
    assert oven.contributors[0].href == f"{SITE}people/giulia/"
    assert feed.feed.generator == "storyhub"
    assert "href" not in feed.feed.generator_detail  # no placeholder address
    for entry in feed.entries:
        assert entry.link.startswith(SITE)


def test_json_feed_fields(site: Path) -> None:
    data = json.loads(read(site, "feed.json"))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["title"] == "Test hub"
    assert data["home_page_url"] == SITE
    assert data["feed_url"] == f"{SITE}feed.json"
    assert data["language"] == "en"
    first = data["items"][0]
    assert set(first) >= {"id", "url", "title", "content_text", "summary", "image",
                          "date_published", "authors", "language"}
    assert first["url"] == f"{SITE}stories/night-shift/"
    assert first["date_published"] == "2025-03-14T00:00:00+00:00"
    assert first["authors"][0] == {"name": "Giulia Ferri", "url": f"{SITE}people/giulia/"}
    assert first["image"].startswith(f"{SITE}assets/cards/")
    assert data["items"][1]["title"] == "The first oven & <b>you</b>"
    oven = data["items"][1]
    assert oven["authors"] == [{"name": "Marco Bianchi", "url": f"{SITE}people/marco/"}]
    assert oven["_storyhub"] == {"people": [{"name": "Giulia Ferri",
                                             "url": f"{SITE}people/giulia/"}]}
    assert [p["name"] for p in first["_storyhub"]["people"]] == ["Giulia Ferri",
                                                                  "Marco Bianchi"]
    text = read(site, "feed.json")
    assert "<b>" not in text  # escaped for HTML, same value
    # the standard library's indented text, <, > and & as \u escapes
    assert text == json.dumps(data, ensure_ascii=False, indent=2).replace(
        "<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def test_feeds_per_value_person_team(site: Path) -> None:
    expectations = {
        "values/craft/": ["Night shift", "The first oven & <b>you</b>"],
        "values/care/": ["Night shift"],
        "people/giulia/": ["Night shift", "The first oven & <b>you</b>"],
        "people/marco/": ["Night shift", "The first oven & <b>you</b>"],  # in one, wrote one
        "teams/production/": ["Night shift", "The first oven & <b>you</b>"],
        "teams/customer-care/": ["Night shift"],
    }
    for folder, titles in expectations.items():
        feed = _parse(site / folder / "feed.xml")
        assert [e.title for e in feed.entries] == titles, folder
        assert feed.feed.link == SITE + folder
        data = json.loads(read(site, folder + "feed.json"))
        assert [i["title"] for i in data["items"]] == titles
        assert data["feed_url"] == f"{SITE}{folder}feed.json"
    assert not (site / "values/courage/feed.xml").exists()  # no story: no feed


def test_discovery_links_in_head_and_on_the_page(site: Path) -> None:
    for folder in ("", "stories/", "values/craft/", "people/giulia/", "teams/production/"):
        soup = BeautifulSoup(read(site, folder + "index.html"), "html.parser")
        feed = "feed.xml" if folder in ("", "stories/") else folder + "feed.xml"
        atom = soup.head.find("link", rel="alternate", type="application/atom+xml")
        assert atom is not None and atom["href"] == SITE + feed, folder
        assert atom["title"]
        json_link = soup.head.find("link", rel="alternate", type="application/feed+json")
        assert json_link is not None and json_link["href"].endswith("feed.json")
        visible = soup.select("p.sh-feeds a")
        assert [a["href"] for a in visible] == [SITE + feed, SITE + feed[:-3] + "json"]
    story = BeautifulSoup(read(site, "stories/night-shift/index.html"), "html.parser")
    assert story.head.find("link", type="application/atom+xml") is None


def test_nothing_unpublished_in_feeds(hub: Hub) -> None:
    hub.write("people/anna.md", person_text("Anna Segreta").replace(
        "  name: true", "  name: false"))
    hub.write("people/luca.md", person_text("Luca Andato").replace(
        "  date: 2025-01-15", "  date: 2025-01-15\n  withdrawn: 2025-02-01"))
    hub.write("stories/anon.md", story_text("With Anna", people="[anna, giulia]",
                                            date="2025-04-01"))
    hub.write("stories/gone.md", story_text("Luca's kiln", people="[luca]",
                                            date="2025-04-02"))
    hub.write("stories/draft.md", story_text("Secret draft", extra="draft: true\n"))
    hub.write("stories/later.md", story_text(
        "Embargoed news", extra="publish_at: 2099-01-01T09:00:00+01:00\n"))
    hub.config(unconsented="anonymous")
    site = hub.build()
    feed = _parse(site / "feed.xml")
    titles = {e.title for e in feed.entries}
    assert "With Anna" in titles
    assert not titles & {"Luca's kiln", "Secret draft", "Embargoed news"}
    anon = next(e for e in feed.entries if e.title == "With Anna")
    assert [a.name for a in anon.authors] == ["A colleague", "Giulia Ferri"]
    assert "href" not in anon.authors[0]
    for path, text in all_output_text(site):
        if path.name in ("feed.xml", "feed.json"):
            for secret in ("Anna Segreta", "Luca Andato", "Luca's kiln", "Secret draft",
                           "Embargoed news", "people/anna", "people/luca"):
                assert secret not in text, (path, secret)


def test_feeds_are_identical_on_rebuild(hub: Hub) -> None:
    first = hub.build(site="a")
    second = hub.build(site="b")
    for name in ("feed.xml", "feed.json", "values/craft/feed.xml", "people/giulia/feed.json"):
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_no_site_url_no_feeds(hub: Hub) -> None:
    hub.set(site_url=None)
    site = hub.build(strict=False)
    assert not (site / "feed.xml").exists()
    assert 'type="application/atom+xml"' not in read(site, "index.html")


def test_feeds_option(hub: Hub) -> None:
    hub.config(feeds={"items": 1})
    site = hub.build()
    assert len(_parse(site / "feed.xml").entries) == 1
    hub.config(feeds=False)
    site = hub.build(site="off")
    assert not (site / "feed.xml").exists()


def test_preview_server_drafts_stay_out_of_feeds_and_plans(hub: Hub) -> None:
    """``drafts: true`` under ``mkdocs serve`` shows drafts on pages, never in feeds or in
    the posting calendar."""
    from datetime import datetime

    from storyhub.pipeline import Pipeline

    hub.write("stories/draft.md", story_text("Secret draft", date="2026-03-01",
                                             extra="draft: true\n"))
    hub.write("stories/night-shift.md", story_text("Night shift", date="2026-03-01"))
    pipeline = Pipeline.from_options(
        {"drafts": True}, config_file=hub.root / "mkdocs.yml", site_url=SITE, serving=True,
        as_of=datetime.fromisoformat("2026-03-02T08:00:00+01:00"))
    assert "draft" in {s.id for s in pipeline.hub.stories}  # the preview shows it
    feed = pipeline.feeds[("hub", "")]
    assert [s.id for s in feed.stories] == ["night-shift", "first-oven"]
    social = pipeline.prepare_outputs()
    assert social.calendar is not None and social.calendar.posts
    assert {p.story for p in social.calendar.posts if not p.reshare} == {"night-shift"}
    assert "draft" not in {p.story for p in social.calendar.posts}  # nor re-shared


def test_a_feed_per_language_with_its_own_words(hub: Hub) -> None:
    """Stories in three languages: a feed per language beside its listing, with only that
    language's published stories and words from that language's catalogue (the site's
    words naming the code for a language without one); a draft translation in none."""
    from storyhub.pipeline import Pipeline

    people, values = "[giulia, marco]", "[craft, care]"
    hub.write("stories/turno-di-notte.md", story_text(
        "Turno di notte", people=people, values=values,
        extra="lang: it\ntranslation_of: night-shift\n"))
    hub.write("stories/nachtschicht.md", story_text(
        "Nachtschicht", people=people, values=values,
        extra="lang: de\ntranslation_of: night-shift\n"))
    hub.write("stories/equipe-de-nuit.md", story_text(
        "Équipe de nuit", people=people, values=values,
        extra="lang: fr\ntranslation_of: night-shift\ndraft: true\n"))
    site = hub.build()
    expected = {"en": ["night-shift", "first-oven"], "it": ["turno-di-notte"],
                "de": ["nachtschicht"]}
    titles = {"en": "Test hub — stories in English", "it": "Test hub — storie in italiano",
              "de": "Test hub — stories in 'de'"}
    for code, slugs in expected.items():
        atom = _parse(site / "stories" / code / "feed.xml")
        assert atom.feed.language == code
        assert atom.feed.title == titles[code]
        assert [e.link for e in atom.entries] == [f"{SITE}stories/{s}/" for s in slugs]
        data = json.loads(read(site, f"stories/{code}/feed.json"))
        assert data["language"] == code and data["title"] == titles[code]
        assert [i["language"] for i in data["items"]] == [code] * len(slugs)
    assert _parse(site / "stories/it/feed.xml").feed.subtitle == (
        "Le nuove storie di Test hub, scritte in italiano")
    assert not (site / "stories" / "fr").exists()
    for path, text in all_output_text(site):
        assert "Équipe de nuit" not in text and "equipe-de-nuit" not in text, path
    # The hub's feed has each story once (issue 21): the version in the site's language,
    # its translations only in their own languages' feeds.
    hub_feed = json.loads(read(site, "feed.json"))
    assert hub_feed["language"] == "en"
    assert [i["url"] for i in hub_feed["items"]] == [
        f"{SITE}stories/night-shift/", f"{SITE}stories/first-oven/"]
    # What the pipeline hands the templates: the listing of a language points at its feed,
    # the home page at the hub's and every language's, labelled with the language.
    pipeline = Pipeline.from_config_file(hub.root / "mkdocs.yml")
    pipeline.check()
    # (the Italian listing is worded in Italian, issue 21: its feeds' labels too)
    italian = pipeline.feed_links(pipeline.page("stories/it/index.md"))
    assert [(f.href, f.label) for f in italian] == [
        (f"{SITE}stories/it/feed.xml", "Feed Atom"), (f"{SITE}stories/it/feed.json", "JSON Feed")]
    home = [(f.href, f.label) for f in pipeline.feed_links(pipeline.page("index.md"))]
    assert home[:2] == [(f"{SITE}feed.xml", "Atom feed"), (f"{SITE}feed.json", "JSON Feed")]
    assert (f"{SITE}stories/it/feed.xml", "Atom feed (Italiano)") in home
    assert (f"{SITE}stories/de/feed.json", "JSON Feed (de)") in home
    assert len(home) == 8
    # The language listing page announces its feed in <head> and links it visibly.
    page = (site / "stories" / "it" / "index.html").read_text(encoding="utf-8")
    assert (f'<link rel="alternate" type="application/atom+xml" title="Test hub — storie in '
            f'italiano (Feed Atom)" href="{SITE}stories/it/feed.xml">') in page
    assert f'<a href="{SITE}stories/it/feed.json" type="application/feed+json">' in page


def test_one_language_no_language_feeds(site: Path) -> None:
    assert not (site / "stories" / "en").exists()
    soup = BeautifulSoup(read(site, "index.html"), "html.parser")
    assert len(soup.head.find_all("link", rel="alternate", type=True)) == 2
