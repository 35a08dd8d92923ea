"""Real builds of small hubs: pages, cross-links, listings, drafts, language, overrides."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import Hub, all_output_text, image_bytes, person_text, read, story_text


def soup(site: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup(read(site, relative), "html.parser")


def links(page: BeautifulSoup, selector: str = "article, section") -> list[str]:
    return [a["href"] for part in page.select(selector) for a in part.find_all("a", href=True)]


def test_pages_exist_at_their_urls_whatever_the_layout(hub: Hub) -> None:
    hub.write("stories/2025-06-01-kiln-day/index.md", story_text("Kiln day"))
    site = hub.build()
    for url in ("index.html", "stories/index.html", "stories/kiln-day/index.html",
                "stories/night-shift/index.html", "people/index.html", "people/giulia/index.html",
                "values/index.html", "values/craft/index.html", "teams/index.html",
                "teams/production/index.html", "teams/customer-care/index.html"):
        assert (site / url).is_file(), url


def test_story_page_links_people_and_values_both_ways(hub: Hub) -> None:
    site = hub.build()
    story = soup(site, "stories/night-shift/index.html")
    article = story.select_one("article.sh-story")
    assert article is not None
    assert article.h1.get_text() == "Night shift"
    hrefs = links(story, "article.sh-story")
    assert "../../people/giulia/" in hrefs and "../../people/marco/" in hrefs
    assert "../../values/craft/" in hrefs and "../../values/care/" in hrefs
    assert [n.get_text() for n in story.select(".sh-person__name")] == [
        "Giulia Ferri", "Marco Bianchi"]
    assert [n.get_text(strip=True) for n in article.select(".sh-story__header .sh-badge")] == [
        "Craft", "Care"]
    assert [n.get_text() for n in story.select(".sh-person__role")] == ["Baker", "Agent"]

    giulia = soup(site, "people/giulia/index.html")
    assert [a.get_text() for a in giulia.select(".sh-card__title > a")] == [
        "Night shift", "The first oven"]  # newest first
    assert "../../stories/night-shift/" in links(giulia)
    marco = soup(site, "people/marco/index.html")
    assert [a.get_text() for a in marco.select(".sh-card__title > a")] == ["Night shift"]

    craft = soup(site, "values/craft/index.html")
    assert [a.get_text() for a in craft.select(".sh-card__title > a")] == [
        "Night shift", "The first oven"]
    care = soup(site, "values/care/index.html")
    assert [a.get_text() for a in care.select(".sh-card__title > a")] == ["Night shift"]
    courage = soup(site, "values/courage/index.html")
    assert "No stories yet." in courage.get_text()


def test_story_body_is_rendered_once_and_bio_on_person_page(hub: Hub) -> None:
    hub.write("stories/night-shift.md", story_text(
        "Night shift", people="[giulia, marco]", values="[craft, care]",
        body="## At two in the morning\n\n> \"We saved them all.\" — Giulia\n"))
    site = hub.build()
    story = soup(site, "stories/night-shift/index.html")
    assert story.select_one(".sh-story__body h2").get_text(strip=True).startswith(
        "At two in the morning")
    assert story.select_one(".sh-story__body blockquote") is not None
    listing = read(site, "stories/index.html")
    assert "At two in the morning" not in listing  # listings use front matter only
    assert "Giulia bakes at night." in read(site, "people/giulia/index.html")


def test_related_previous_and_next(hub: Hub) -> None:
    hub.write("stories/courage-day.md", story_text("Courage day", date="2023-01-01",
                                                   people="[marco]", values="[courage]"))
    site = hub.build()
    first = soup(site, "stories/first-oven/index.html")
    assert [a.get_text() for a in first.select(".sh-related .sh-card__title a")] == [
        "Night shift"]
    assert first.select_one(".sh-prevnext__next").get_text(strip=True).endswith("Night shift")
    assert first.select_one(".sh-prevnext__prev").get_text(strip=True).endswith("Courage day")
    newest = soup(site, "stories/night-shift/index.html")
    assert newest.select_one(".sh-prevnext__next") is None
    assert [a.get_text() for a in newest.select(".sh-related .sh-card__title a")] == [
        "The first oven", "Courage day"]  # shares Giulia first, then Marco


def test_listings_home_people_values_teams(hub: Hub) -> None:
    site = hub.build()
    home = soup(site, "index.html")
    assert "Welcome to our stories." in home.get_text()
    assert [a.get_text() for a in home.select(".sh-card__title a")] == [
        "Night shift", "The first oven"]
    assert [a.get_text() for a in home.select(".sh-face__name")] == [
        "Giulia Ferri", "Marco Bianchi"]
    assert len(home.select("h1")) == 1
    assert [a.get_text(strip=True) for a in home.select(".sh-strip__value")] == [
        "Craft", "Care", "Courage"]
    values = soup(site, "values/index.html")
    assert [h.get_text(strip=True) for h in values.select(".sh-manifesto__name")] == [
        "Craft", "Care", "Courage"]
    # full statements; the staff prompts are not public by default
    assert "We do things properly." in values.get_text()
    assert "When did you slow down?" not in soup(site, "values/craft/index.html").get_text()
    teams = soup(site, "teams/index.html")
    assert [a.get_text() for a in teams.select(".sh-teams a")] == ["Customer Care", "Production"]
    team = soup(site, "teams/production/index.html")
    assert [a.get_text() for a in team.select(".sh-person__name")] == ["Giulia Ferri"]
    assert [a.get_text() for a in team.select(".sh-card__title > a")] == [
        "Night shift", "The first oven"]


def test_stories_listing_is_paginated(hub: Hub) -> None:
    for day in range(1, 6):
        hub.write(f"stories/day-{day}.md", story_text(f"Day {day}", date=f"2022-01-0{day}"))
    hub.config(page_size=3)
    site = hub.build()
    first = soup(site, "stories/index.html")
    assert len(first.select(".sh-story-card")) == 3
    assert first.select_one(".sh-pagination").get_text(" ", strip=True) == (
        "Page 1 of 3 Older →")
    last = soup(site, "stories/page/3/index.html")
    assert [a.get_text() for a in last.select(".sh-card__title a")] == ["Day 1"]


def test_drafts_are_absent_everywhere(hub: Hub) -> None:
    hub.write("stories/secret-plan/index.md", story_text(
        "Secret plan", people="[giulia]", values="[craft]", summary="Hush hush.",
        extra="draft: true\nimage: secret-photo.jpg\nimage_alt: A secret\n"))
    hub.write("stories/secret-plan/secret-photo.jpg", image_bytes("JPEG"))
    site = hub.build()
    assert not (site / "stories" / "secret-plan").exists()
    for path, text in all_output_text(site):
        assert "secret-plan" not in text and "Secret plan" not in text, path
        assert "secret-photo" not in path.name
    index = json.loads(read(site, "search/search_index.json"))
    assert all("secret" not in doc["location"] for doc in index["docs"])


def test_serve_shows_drafts_only_when_asked(hub: Hub) -> None:
    """`drafts: true` is ignored by `mkdocs build` (it is only for `mkdocs serve`)."""
    hub.write("stories/secret-plan.md", story_text("Secret plan", extra="draft: true\n"))
    hub.config(drafts=True)
    site = hub.build()
    assert not (site / "stories" / "secret-plan").exists()


def test_navigation_lists_sections_not_every_story(hub: Hub) -> None:
    for day in range(1, 10):
        hub.write(f"stories/day-{day}.md", story_text(f"Day {day}", date=f"2022-01-0{day}"))
    site = hub.build()
    page = soup(site, "stories/day-5/index.html")
    nav = page.select_one("nav.md-nav--primary")
    assert [a.get_text(strip=True) for a in nav.select("a.md-nav__link")] == [
        "Home", "Stories", "Values", "People", "Teams"]
    story_links = [a for a in page.find_all("a", href=True)
                   if re.match(r"^\.\./[a-z0-9-]+/$", a["href"])]
    assert len(story_links) <= 4 + 2 + 1  # related, previous/next, nothing else


def test_italian_interface(hub: Hub) -> None:
    hub.set(theme={"name": "material", "language": "it", "font": False})
    hub.write("stories/pane.md", story_text("Il pane", date="2025-03-01",
                                            extra="lang: it\n"))
    site = hub.build()
    home = soup(site, "index.html")
    assert "Le ultime storie" in home.get_text()
    assert "I nostri valori" in home.get_text()
    story = soup(site, "stories/pane/index.html")
    assert story.select_one("article.sh-story")["lang"] == "it"
    assert story.select_one(".sh-story__meta time").get_text() == "1 marzo 2025"


def test_english_dates_in_an_english_hub(hub: Hub) -> None:
    site = hub.build()
    page = soup(site, "stories/night-shift/index.html")
    assert page.select_one(".sh-story__meta time").get_text() == "14 March 2025"


def test_overrides_win_over_default_templates(hub: Hub) -> None:
    hub.write("overrides/storyhub/partials/value-badge.html",
              '<span class="my-badge">{{ value.name }}</span>')
    hub.set(theme={"name": "material", "custom_dir": "overrides", "font": False})
    site = hub.build()
    page = soup(site, "stories/night-shift/index.html")
    assert [b.get_text() for b in page.select(".sh-story__header .my-badge")] == ["Craft", "Care"]


def test_front_matter_is_escaped_in_pages(hub: Hub) -> None:
    hub.write("stories/xss.md", story_text(
        "'\\\"><script>alert(1)</script>'", summary="'\\\"><img src=x onerror=alert(2)>'"))
    site = hub.build()
    for relative in ("stories/xss/index.html", "stories/index.html", "index.html",
                     "people/giulia/index.html"):
        html = read(site, relative)
        assert "<script>alert(1)" not in html, relative
        assert "<img src=x onerror" not in html, relative
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in read(site, "stories/xss/index.html")


def test_people_without_photo_consent_show_initials(hub: Hub) -> None:
    from PIL import Image

    image = hub.root / "people" / "photos" / "marco.jpg"
    image.parent.mkdir()
    Image.new("RGB", (40, 40), "red").save(image)
    hub.write("people/marco.md", person_text(
        "Marco Bianchi", team="Customer Care", extra="photo: photos/marco.jpg\n"
    ).replace("photo: true", "photo: false"))
    hub.write("people/giulia.md", person_text("Giulia Ferri", extra="photo: photos/marco.jpg\n"))
    site = hub.build()
    assert (site / "people" / "giulia" / "marco.jpg").is_file()
    assert not (site / "people" / "marco").joinpath("marco.jpg").exists()
    marco = soup(site, "people/marco/index.html")
    assert marco.select_one(".sh-profile__photo") is None


def test_content_dir_option(hub: Hub, tmp_path: Path) -> None:
    """A repository with mkdocs.yml in a folder of its own and the content beside it
    (``content_dir: ../content``) builds; a content folder outside the repository is
    refused at its line, nothing read from it."""
    elsewhere = tmp_path / "content"
    for name in ("values.yml", "people", "stories"):
        (hub.root / name).rename(elsewhere / name if elsewhere.exists() else
                                 (elsewhere.mkdir() or elsewhere / name))
    hub.config(content_dir="../content")
    refused = hub.storyhub("check")
    assert refused.returncode == 2
    assert (f"storyhub option 'content_dir': ../content is outside the hub "
            f"({hub.root.resolve()})") in refused.stderr
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)  # the repository
    site = hub.build()
    assert (site / "stories" / "night-shift" / "index.html").is_file()
    hub.config(content_dir="/etc")
    result = hub.storyhub("check")
    assert result.returncode == 2 and (
        f"storyhub option 'content_dir': /etc is outside the hub ({tmp_path.resolve()}); give "
        "a folder inside it, relative to mkdocs.yml, e.g. content") in result.stderr


def test_serve_watches_content_outside_docs(hub: Hub) -> None:
    from mkdocs.config import load_config

    config = load_config(str(hub.root / "mkdocs.yml"))
    plugin = config.plugins["storyhub"]
    plugin.on_startup(command="serve", dirty=False)
    try:
        config = config.plugins.on_config(config)
    finally:
        # MkDocs keeps plugin instances with on_startup for the whole process.
        plugin.on_startup(command="build", dirty=False)

    class Server:
        def __init__(self) -> None:
            self.watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    server = Server()
    plugin.on_serve(server, config=config, builder=None)  # type: ignore[arg-type]
    assert sorted(Path(p).name for p in server.watched) == ["people", "stories", "values.yml"]


def test_the_preview_server_looks_often_and_rebuilds_at_once(hub: Hub) -> None:
    """`mkdocs serve`'s own server, after the first build: its files are polled every
    0.1 s (a hub this small), a change is rebuilt after 0.01 s (one look reports every
    change it finds at once), and the session's long-lived objects are frozen out of the
    cyclic garbage collector. In a process of its own (the freeze lasts for the process)."""
    code = """
import gc, json, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
config = load_config(sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="serve", dirty=False)
build(config)
server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=sys.argv[2])
try:
    server = config.plugins.on_serve(server, config=config, builder=lambda: None)
finally:
    server.server_close()
print(json.dumps([type(server.observer).__name__, server.observer.timeout,
                  server.build_delay, gc.get_freeze_count() > 0]))
"""
    result = subprocess.run(
        [sys.executable, "-c", code, str(hub.root / "mkdocs.yml"), str(hub.root / "served")],
        capture_output=True, text=True, cwd=hub.root, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [
        "GatedObserver", 0.1, 0.01, True]


def test_strict_build_of_the_example_hub_has_no_warning(example_site: Path) -> None:
    # the shared example site is built with strict=True: a warning would have failed it
    site = example_site
    stories = list((site / "stories").glob("*/index.html"))
    assert len(stories) >= 24
    assert not (site / "stories" / "autumn-glazes").exists()  # the example's draft


def test_a_value_description_in_markdown_reads_as_words_outside_its_page(hub: Hub) -> None:
    """A value's description is Markdown (its page renders it); the values page and the
    page's description (meta tags) show its words without the marks (they showed the
    asterisks and brackets as written)."""
    text = (hub.root / "values.yml").read_text(encoding="utf-8")
    hub.write("values.yml", text.replace(
        "We do things properly.", "We do things **properly**, see [the kiln](https://x.example/)"
        " &amp; *care*.", 1))
    site = hub.build()
    statement = soup(site, "values/index.html").select(".sh-manifesto__statement")[0]
    assert statement.get_text() == "We do things properly, see the kiln & care."
    page = soup(site, "values/craft/index.html")
    description = page.find("meta", attrs={"name": "description"})
    assert description is not None
    assert description["content"] == "We do things properly, see the kiln & care."
    strong = page.select_one(".sh-value__description strong")
    assert strong is not None and strong.get_text() == "properly"
