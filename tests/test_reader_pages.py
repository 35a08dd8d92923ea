"""The reader's pages: pull quotes (syntax, rendering, checks), tag pages, filter links,
the home page's hero and call to action; nothing unpublished in any of them."""

from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import Hub, image_bytes, person_text, read, story_text
from storyhub.pipeline import Pipeline
from storyhub.text.pullquotes import find_pull_quotes

QUOTE = "Intro.\n\n!!! quote {who}\n    Bread is *patience*.\n    Two lines.\n\nAfter.\n"


def soup(site, path: str) -> BeautifulSoup:  # type: ignore[no-untyped-def]
    return BeautifulSoup(read(site, path), "html.parser")


def _errors(hub: Hub) -> list[str]:
    pipeline = Pipeline.from_config_file(hub.root / "mkdocs.yml")
    return [d.format() for d in pipeline.check().errors]


def test_pull_quote_syntax_is_found_outside_code() -> None:
    text = "```\n!!! quote nobody\n    no\n```\n" + QUOTE.format(who="giulia")
    [quote] = find_pull_quotes(text)
    assert (quote.person, quote.line, quote.col) == ("giulia", 7, 11)
    assert quote.body == "Bread is *patience*.\nTwo lines."


def test_pull_quote_renders_with_name_role_and_link(hub: Hub) -> None:
    hub.write("stories/night-shift.md", story_text(
        "Night shift", people="[giulia, marco]", body=QUOTE.format(who="marco")))
    site = hub.build()
    page = soup(site, "stories/night-shift/index.html")
    [figure] = page.select("figure.sh-quote")
    assert figure.select_one("blockquote em").get_text() == "patience"
    assert figure.select_one(".sh-quote__name").get_text() == "Marco Bianchi"
    assert figure.select_one(".sh-quote__name")["href"] == "../../people/marco/"
    assert figure.select_one(".sh-quote__role").get_text() == "Agent"
    assert "storyhub-pull-quote" not in str(page)


def test_pull_quote_of_unknown_person_suggests_the_nearest(hub: Hub) -> None:
    hub.write("stories/night-shift.md", story_text("Night shift", body=QUOTE.format(who="giula")))
    [error] = _errors(hub)
    assert error.startswith("stories/night-shift.md:10:11:")
    assert "unknown person 'giula'" in error and "giulia" in error


def test_pull_quote_without_quote_consent_is_an_error(hub: Hub) -> None:
    hub.write("people/marco.md", person_text("Marco Bianchi").replace(
        "quotes: true", "quotes: false"))
    hub.write("stories/night-shift.md", story_text("Night shift", body=QUOTE.format(who="marco")))
    [error] = _errors(hub)
    assert error.startswith("stories/night-shift.md:10:11:") and "consented to be quoted" in error


def test_tag_pages_and_filter_links_list_only_published_stories(hub: Hub) -> None:
    hub.write("stories/night-shift.md", story_text(
        "Night shift", extra="tags: [Bread, night work]\n"))
    hub.write("stories/first-oven.md", story_text(
        "The first oven", date="2024-05-01", extra="tags: [bread]\n"))
    hub.write("stories/hidden.md", story_text(
        "Secret loaf", extra="tags: [bread, secret-tag]\ndraft: true\n"))
    site = hub.build()
    bread = soup(site, "tags/bread/index.html")
    assert [a.get_text() for a in bread.select(".sh-card__title > a")] == [
        "Night shift", "The first oven"]
    assert len(bread.select("h1")) == 1
    assert not (site / "tags/secret-tag").exists()
    story = soup(site, "stories/night-shift/index.html")
    assert [(a.get_text(), a["href"]) for a in story.select(".sh-tags a")] == [
        ("Bread", "../../tags/bread/"), ("night work", "../../tags/night-work/")]
    listing = soup(site, "stories/index.html")
    chips = {a.get_text(): a["href"] for a in listing.select(".sh-filters a")}
    assert chips["Craft"] == "../values/craft/"
    assert chips["Giulia Ferri"] == "../people/giulia/"
    assert chips["Production"] == "../teams/production/"
    assert chips["Bread"] == "../tags/bread/" and "secret-tag" not in chips
    assert "Secret loaf" not in read(site, "tags/bread/index.html")


def test_home_has_one_h1_featured_story_and_call_to_action(hub: Hub) -> None:
    hub.write("stories/first-oven.md", story_text(
        "The first oven", date="2024-05-01", extra="featured: true\n"))
    hub.config(home={"tagline": "Bread at night", "cta_label": "Work with us",
                     "cta_url": "https://jobs.example.com/"})
    site = hub.build()
    home = soup(site, "index.html")
    assert [h.get_text() for h in home.select("h1")] == ["Bread at night"]
    assert home.select_one(".sh-hero__featured .sh-card__title a").get_text() == "The first oven"
    assert home.select_one(".sh-cta")["href"] == "https://jobs.example.com/"
    assert home.title.get_text() == "Test hub"


def test_the_latest_stories_section_only_when_it_has_stories(hub: Hub) -> None:
    """A hub's first story is the featured one: the home showed an empty "Latest stories"
    section under it (an `init`-made hub's first build; the example at 2025-01-01)."""
    home = soup(hub.build(), "index.html")
    assert [a.get_text() for a in home.select("#sh-latest-title ~ .sh-grid .sh-card__title a")]
    (hub.root / "stories/night-shift.md").unlink()
    home = soup(hub.build(), "index.html")
    assert home.select_one(".sh-hero__featured .sh-card__title a") is not None
    assert home.select_one("#sh-latest-title") is None
    assert home.select_one(".sh-hero .sh-button")["href"] == "stories/"  # all stories, still


def test_story_images_have_webp_and_jpeg_srcset_with_sizes(hub: Hub) -> None:
    from PIL import Image

    hub.write("stories/kiln/photo.png", image_bytes("PNG", size=(1600, 1000)))
    hub.write("stories/kiln/index.md", story_text(
        "Kiln", extra="image: photo.png\nimage_alt: The kiln at night\n"))
    hub.write("stories/hidden/photo.png", image_bytes("PNG", size=(1600, 1000)))
    hub.write("stories/hidden/index.md", story_text(
        "Hidden", extra="image: photo.png\nimage_alt: x\ndraft: true\n"))
    site = hub.build()
    for width, height in ((480, 300), (800, 500), (1200, 750)):
        for suffix, fmt in ((".webp", "WEBP"), (".jpg", "JPEG")):
            with Image.open(site / f"stories/kiln/photo-{width}w{suffix}") as image:
                assert (image.format, image.size) == (fmt, (width, height))
                assert dict(image.getexif()) == {}
    assert not list((site / "stories").glob("hidden*"))
    page = soup(site, "stories/kiln/index.html")
    picture = page.select_one(".sh-story__image picture")
    assert picture.source["type"] == "image/webp"
    assert picture.source["srcset"] == ", ".join(
        f"photo-{w}w.webp {w}w" for w in (480, 800, 1200))
    img = picture.img
    assert img["src"] == "photo-1200w.jpg" and img["alt"] == "The kiln at night"
    assert (img["width"], img["height"]) == ("1200", "750")
    assert img.get("fetchpriority") == "high" and img.get("loading") is None
    listing = soup(site, "stories/index.html")
    assert all(i.get("width") and i.get("height") for i in listing.select("img"))
    home = soup(site, "index.html")
    images = home.select(".sh-card img")
    assert images[0].get("loading") is None and images[0]["width"] == "1200"
    # every <img> of storyhub's pages has its size
    for path in ("index.html", "stories/index.html", "stories/kiln/index.html",
                 "people/giulia/index.html"):
        for img in soup(site, path).select("article img, section img"):
            assert img.get("width") and img.get("height"), (path, img)


def test_storyhub_pages_are_full_width_and_own_pages_keep_their_hide(hub: Hub) -> None:
    hub.write("docs/about.md", "---\nhide: [toc]\n---\n# About\n\n## Part\n\nText.\n")
    site = hub.build()
    for path in ("index.html", "stories/index.html", "stories/night-shift/index.html",
                 "people/giulia/index.html", "values/craft/index.html",
                 "teams/production/index.html"):
        page = soup(site, path)
        assert page.select_one(".md-sidebar--primary").has_attr("hidden"), path
        assert page.select_one(".md-sidebar--secondary").has_attr("hidden"), path
        assert page.select_one(".md-tabs"), path  # the sections stay reachable
    about = soup(site, "about/index.html")
    assert not about.select_one(".md-sidebar--primary").has_attr("hidden")
    assert about.select_one(".md-sidebar--secondary").has_attr("hidden")


def test_share_row_comes_from_the_snippets_and_loads_nothing_from_elsewhere(hub: Hub) -> None:
    site = hub.build()
    page = soup(site, "stories/night-shift/index.html")
    links = [a["href"] for a in page.select(".sh-share a")]
    assert any(h.startswith("https://x.com/intent/post?text=") for h in links)
    assert any(h.startswith("https://www.linkedin.com/sharing/share-offsite/") for h in links)
    assert "utm_source%3Dx" in next(h for h in links if h.startswith("https://x.com/"))
    assert page.select_one(".sh-share__copy").has_attr("hidden")  # shown by script only
    loaded = [t.get("src") or t.get("href") for t in page.select("script[src], img, link")]
    assert all(not str(u).startswith(("http:", "https:", "//")) for u in loaded
               if u and not str(u).startswith("https://stories.example.com/")), loaded
    again = soup(hub.build(site="site2"), "stories/night-shift/index.html")
    assert [a["href"] for a in again.select(".sh-share a")] == links  # from the cached exports


def test_prompts_only_on_an_internal_build(hub: Hub) -> None:
    site = hub.build()
    assert "When did you slow down?" not in read(site, "values/craft/index.html")
    hub.config(show_prompts=True)
    site = hub.build(site="internal")
    assert "When did you slow down?" in read(site, "values/craft/index.html")
