"""Rich previews: Open Graph, Twitter Card and JSON-LD parsed back from built pages."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup
from conftest import Hub, person_text, read, story_text


def _meta(html: str) -> dict[str, list[str]]:
    soup = BeautifulSoup(html, "html.parser")
    found: dict[str, list[str]] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name")
        if key and (key.startswith(("og:", "article:", "twitter:", "profile:"))):
            found.setdefault(key, []).append(tag["content"])
    return found


def test_story_page_meta_tags_and_json_ld(hub: Hub) -> None:
    hub.write("stories/night-shift.md", story_text(
        "'\"><script>alert(1)</script> Night & day'", people="[giulia, marco]",
        values="[craft, care]", summary="'Città <b>notte</b> \"quoted\"'",
        extra="tags: [bread]\n"))
    site = hub.build()
    html = read(site, "stories/night-shift/index.html")
    assert "<script>alert(1)</script>" not in html
    meta = _meta(html)
    assert meta["og:type"] == ["article"]
    assert meta["og:title"] == ["\"><script>alert(1)</script> Night & day"]
    assert meta["og:description"] == ["Città <b>notte</b> \"quoted\""]
    assert meta["og:url"] == ["https://stories.example.com/stories/night-shift/"]
    assert meta["og:site_name"] == ["Test hub"]
    assert meta["og:locale"] == ["en_US"]
    image = meta["og:image"][0]
    assert image.startswith("https://stories.example.com/assets/cards/night-shift-og-")
    assert (site / image.removeprefix("https://stories.example.com/")).is_file()
    assert meta["og:image:width"] == ["1200"] and meta["og:image:height"] == ["630"]
    assert meta["og:image:alt"][0] and meta["twitter:image:alt"] == meta["og:image:alt"]
    assert meta["article:published_time"] == ["2025-03-14"]
    assert meta["article:author"] == ["https://stories.example.com/people/giulia/",
                                      "https://stories.example.com/people/marco/"]
    assert meta["article:section"] == ["Craft"]
    assert meta["article:tag"] == ["Craft", "Care", "bread"]
    assert meta["twitter:card"] == ["summary_large_image"]
    assert meta["twitter:image"] == [image]
    assert meta["twitter:data1"] == ["Giulia Ferri, Marco Bianchi"]

    soup = BeautifulSoup(html, "html.parser")
    scripts = soup.find_all("script", attrs={"type": "application/ld+json"})
    assert len(scripts) == 1
    assert "</script" not in scripts[0].string
    data = json.loads(scripts[0].string)
    assert data["@type"] == "Article"
    assert data["headline"] == "\"><script>alert(1)</script> Night & day"
    assert data["datePublished"] == "2025-03-14"
    assert [a["name"] for a in data["author"]] == ["Giulia Ferri", "Marco Bianchi"]
    assert data["image"] == [image]
    assert data["mainEntityOfPage"]["@id"] == meta["og:url"][0]


def test_person_page_profile_tags_and_photo_consent(hub: Hub) -> None:
    from PIL import Image

    hub.write("people/giulia.md", person_text("Giulia Ferri", extra="photo: giulia.jpg\n"))
    Image.new("RGB", (300, 300), "#884422").save(hub.root / "people" / "giulia.jpg")
    site = hub.build()
    meta = _meta(read(site, "people/giulia/index.html"))
    assert meta["og:type"] == ["profile"]
    assert meta["profile:first_name"] == ["Giulia"] and meta["profile:last_name"] == ["Ferri"]
    assert meta["og:url"] == ["https://stories.example.com/people/giulia/"]
    assert meta["og:image"][0].startswith("https://stories.example.com/")

    hub.write("people/giulia.md", person_text("Giulia Ferri", extra="photo: giulia.jpg\n")
              .replace("photo: true", "photo: false"))
    site = hub.build()
    assert "og:image" not in _meta(read(site, "people/giulia/index.html"))


def test_without_site_url_no_relative_og_urls(hub: Hub) -> None:
    hub.set(site_url=None)
    site = hub.build(strict=False)
    meta = _meta(read(site, "stories/night-shift/index.html"))
    assert "og:url" not in meta and "og:image" not in meta
    assert meta["og:title"] == ["Night shift"]


def test_author_is_who_wrote_the_story_and_the_people_are_its_subject(hub: Hub) -> None:
    hub.write("people/sara.md", person_text("Sara Neri", role="Writer"))
    hub.write("stories/night-shift.md", story_text(
        "Night shift", people="[giulia, marco]", extra="author: sara\n"))
    site = hub.build()
    html = read(site, "stories/night-shift/index.html")
    assert _meta(html)["article:author"] == ["https://stories.example.com/people/sara/"]
    soup = BeautifulSoup(html, "html.parser")
    data = json.loads(soup.find("script", attrs={"type": "application/ld+json"}).string)
    assert [a["name"] for a in data["author"]] == ["Sara Neri"]
    assert [a["name"] for a in data["about"]] == ["Giulia Ferri", "Marco Bianchi"]
