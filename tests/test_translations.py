"""Linked translations (issue 11, first part): `translation_of` checked with exact
messages, and every published version of a story linking the others (hreflang, switcher)."""

from __future__ import annotations

import re

from conftest import Hub, read, run_core, story_text


def errors(hub: Hub) -> list[str]:
    return [d.format() for d in run_core(hub.root).diagnostics.errors]


def warnings(hub: Hub) -> list[str]:
    return [d.format() for d in run_core(hub.root).diagnostics.warnings
            if d.code == "translation"]


def test_unknown_original_gets_a_suggestion(hub: Hub) -> None:
    hub.write("stories/turno-di-notte.md", story_text(
        "Turno di notte", people="[giulia, marco]", values="[craft, care]",
        extra="lang: it\ntranslation_of: night-shfit\n"))
    assert errors(hub) == [
        "stories/turno-di-notte.md:8:17: unknown story 'night-shfit' in 'translation_of' "
        "— did you mean 'night-shift'?"]


def test_a_translation_of_a_translation_points_to_the_original(hub: Hub) -> None:
    hub.write("stories/turno-di-notte.md", story_text(
        "Turno di notte", people="[giulia, marco]", values="[craft, care]",
        extra="lang: it\ntranslation_of: night-shift\n"))
    hub.write("stories/nachtschicht.md", story_text(
        "Nachtschicht", people="[giulia, marco]", values="[craft, care]",
        extra="lang: de\ntranslation_of: turno-di-notte\n"))
    assert errors(hub) == [
        "stories/nachtschicht.md:8:17: 'turno-di-notte' is itself a translation (of "
        "'night-shift'): write translation_of: night-shift"]


def test_itself_and_two_versions_in_one_language(hub: Hub) -> None:
    hub.write("stories/loop.md", story_text("Loop", extra="translation_of: loop\n"))
    hub.write("stories/night-shift-again.md", story_text(
        "Night shift again", people="[giulia, marco]", values="[craft, care]",
        extra="translation_of: night-shift\n"))
    assert errors(hub) == [
        "stories/loop.md:7:17: 'translation_of' names this story itself: write the slug of "
        "the story this one translates",
        "stories/night-shift-again.md:7:17: two stories of one translation group are in "
        "'en': this one and 'night-shift' (stories/night-shift.md); set 'lang' to the "
        "language this version is written in",
    ]


def test_different_people_or_values_is_a_warning(hub: Hub) -> None:
    hub.write("stories/turno-di-notte.md", story_text(
        "Turno di notte", people="[giulia]", values="[craft, care]",
        extra="lang: it\ntranslation_of: night-shift\n"))
    assert errors(hub) == []
    assert warnings(hub) == [
        "stories/turno-di-notte.md:4:9: warning: 'people' differs from the original "
        "'night-shift' (giulia, marco): a translation tells the same story"]


def alternates(html: str) -> set[tuple[str, str]]:
    return set(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_versions_link_each_other_and_a_draft_stays_out(hub: Hub) -> None:
    hub.write("stories/turno-di-notte.md", story_text(
        "Turno di notte", people="[giulia, marco]", values="[craft, care]",
        extra="lang: it\ntranslation_of: night-shift\n"))
    hub.write("stories/nachtschicht.md", story_text(
        "Nachtschicht", people="[giulia, marco]", values="[craft, care]",
        extra="lang: de\ntranslation_of: night-shift\ndraft: true\n"))
    site = hub.build()
    base = "https://stories.example.com/stories/"
    expected = {("en", f"{base}night-shift/"), ("it", f"{base}turno-di-notte/"),
                ("x-default", f"{base}night-shift/")}
    english = read(site, "stories/night-shift/index.html")
    italian = read(site, "stories/turno-di-notte/index.html")
    assert alternates(english) == expected == alternates(italian)  # reciprocal, absolute
    assert 'property="og:locale:alternate" content="it_IT"' in english
    assert 'hreflang="it" lang="it">Italiano</a>' in english
    assert 'hreflang="en" lang="en">English</a>' in italian
    # The draft translation is nowhere; its published siblings are unaffected.
    assert not (site / "stories" / "nachtschicht").exists()
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".csv"):
            assert "Nachtschicht" not in path.read_text(encoding="utf-8"), path
    # A story without translations gets no alternates.
    assert alternates(read(site, "stories/first-oven/index.html")) == set()


def test_the_sitemap_carries_the_alternates(hub: Hub) -> None:
    import gzip
    import xml.etree.ElementTree as ET

    hub.write("stories/turno-di-notte.md", story_text(
        "Turno di notte", people="[giulia, marco]", values="[craft, care]",
        extra="lang: it\ntranslation_of: night-shift\n"))
    site = hub.build()
    xml = (site / "sitemap.xml").read_bytes()
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == xml
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
          "x": "http://www.w3.org/1999/xhtml"}
    base = "https://stories.example.com/stories/"
    found = {}
    for url in ET.fromstring(xml).findall("s:url", ns):
        loc = url.findtext("s:loc", namespaces=ns)
        found[loc] = {(link.get("hreflang"), link.get("href"))
                      for link in url.findall("x:link", ns)}
    expected = {("en", f"{base}night-shift/"), ("it", f"{base}turno-di-notte/"),
                ("x-default", f"{base}night-shift/")}
    assert found[f"{base}night-shift/"] == expected == found[f"{base}turno-di-notte/"]
    assert found[f"{base}first-oven/"] == set()


def related_titles(page: str) -> list[str]:
    section = page.split('id="sh-related-title"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'<h3 class="sh-card__title">\s*<a [^>]*>([^<]+)</a>', section)


def test_a_translated_story_is_related_once_in_the_readers_language(hub: Hub) -> None:
    """Related stories count a translated story once: the version in the page's language
    when there is one (else the original), never both, never the page's own versions."""
    people, values = "[giulia, marco]", "[craft, care]"
    hub.write("stories/turno-di-notte.md", story_text(
        "Turno di notte", people=people, values=values,
        extra="lang: it\ntranslation_of: night-shift\n"))
    hub.write("stories/the-glaze-book.md", story_text(
        "The glaze book", date="2025-03-10", people="[giulia]"))
    hub.write("stories/il-libro-degli-smalti.md", story_text(
        "Il libro degli smalti", date="2025-03-10", people="[giulia]",
        extra="lang: it\ntranslation_of: the-glaze-book\n"))
    site = hub.build()
    english = related_titles(read(site, "stories/night-shift/index.html"))
    italian = related_titles(read(site, "stories/turno-di-notte/index.html"))
    assert "The glaze book" in english and "Il libro degli smalti" not in english
    assert "Il libro degli smalti" in italian and "The glaze book" not in italian
    for titles in (english, italian):
        assert "Night shift" not in titles and "Turno di notte" not in titles
        assert len(titles) == len(set(titles))
    # The original (English) of a story with no Italian version, on the Italian page.
    assert "The first oven" in italian and "The first oven" in english
