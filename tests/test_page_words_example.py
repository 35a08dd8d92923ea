"""Every word of a page in its language (issue 21), on the repository's example hub: an
Italian page shows no English word — header, tabs, team names, roles, tag labels, footer,
the colour toggles' names included — and an English page no Italian one. Text marked with
another ``lang`` (an English story's title on an Italian page) is the story's own words and
is left out. Built once for the module."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO
from storyhub.i18n import load_catalogue
from test_languages import page_words

#: words both languages use (or too short to tell), never counted
SHARED = {"home", "team", "tag", "design", "faenza", "feed", "json", "atom", "social",
          "email", "linkedin", "facebook", "threads", "bluesky", "instagram", "mastodon",
          "whatsapp", "per", "italiano", "english", "romagna", "feedback", "ceramiche",
          "vento", "week"}
#: everyday words that give a page away, beyond the catalogue's and the content's
EVERYDAY = {"en": {"the", "and", "with", "from", "about", "this", "our", "your", "more",
                   "switch", "mode", "dark", "light"},
            "it": {"della", "delle", "degli", "nella", "questa", "sono", "anche", "tutte"}}


def _words(texts: list[str]) -> set[str]:
    return {w.lower() for t in texts
            for w in re.findall(r"[A-Za-zÀ-ÿ]{3,}(?!['’])", re.sub(r"\{\w+\}", "", t))}


def _texts(item: Any) -> list[str]:
    if isinstance(item, str):
        return [item]
    if isinstance(item, dict):
        return [t for v in item.values() for t in _texts(v)]
    if isinstance(item, list):
        return [t for v in item for t in _texts(v)]
    return []


def _vocabulary(language: str) -> set[str]:
    """The words storyhub and the example hub say in ``language``: the catalogue, the
    hub's frame in mkdocs.yml, values, roles, team names, tag labels and docs titles."""
    catalogue = load_catalogue(language)
    texts = _texts({k: v for k, v in catalogue.items()
                    if k.startswith(("site.", "dates.", "feeds."))})
    options = next(p["storyhub"] for p in yaml.safe_load(
        (REPO / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"]
        if isinstance(p, dict) and "storyhub" in p)
    for text in (options["home"]["tagline"], options["home"]["cta_label"],
                 options["frame"]["site_name"]):
        texts.append(text.get(language, ""))
    values = yaml.safe_load((REPO / "values.yml").read_text(encoding="utf-8"))["values"]
    tags = yaml.safe_load((REPO / "tags.yml").read_text(encoding="utf-8"))
    people = [yaml.safe_load(p.read_text(encoding="utf-8").split("---")[1])
              for p in sorted((REPO / "people").glob("*.md"))]
    if language == "en":  # the hub's own language: the words at the top
        texts += [v["name"] for v in values] + [t["name"] for t in tags]
        texts += [p["role"] for p in people] + [p["team"] for p in people]
        texts += ["About this hub"]
    else:
        texts += [v.get("translations", {}).get(language, {}).get("name", "") for v in values]
        texts += [t.get("translations", {}).get(language, {}).get("name", "") for t in tags]
        texts += _texts([p.get("translations", {}).get(language, {}) for p in people])
        texts += ["Chi siamo"]
    return _words(texts) | EVERYDAY[language]


@pytest.fixture(scope="module")
def site(example_site: Path) -> Path:
    return example_site


def _reader_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html"))
            if not p.relative_to(site).as_posix().startswith(("admin/", "report/",
                                                               "snippets/"))]


def test_no_word_of_the_other_language_on_any_page(site: Path) -> None:
    english, italian = _vocabulary("en"), _vocabulary("it")
    only = {"en": english - italian - SHARED, "it": italian - english - SHARED}
    assert {"office", "logistics", "stories", "kiln"} <= only["en"]
    assert {"amministrazione", "logistica", "storie", "forno"} <= only["it"]
    found: dict[str, list[str]] = {}
    seen = {"en": 0, "it": 0}
    for path in _reader_pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        language = str(soup.html.get("lang", "")).split("-")[0]
        if language not in only:
            continue
        seen[language] += 1
        other = "it" if language == "en" else "en"
        words = {w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ]{3,}(?!['’])",
                                               page_words(str(soup.body), language))}
        if words & only[other]:
            found[path.relative_to(site).as_posix()] = sorted(words & only[other])
    assert found == {}
    assert seen["it"] >= 8 and seen["en"] >= 40


def test_an_italian_story_is_italian_around_its_words(site: Path) -> None:
    soup = BeautifulSoup((site / "stories/libri-aperti/index.html").read_text(), "html.parser")
    assert soup.html["lang"] == "it"
    assert soup.title.get_text() == "Libri aperti, una volta al mese - Ceramiche Vento — Storie"
    assert soup.select_one(".md-header__topic").get_text(strip=True) == "Ceramiche Vento — Storie"
    assert [a.get_text(strip=True) for a in soup.select(".md-tabs__link")] == [
        "Home", "Storie", "Valori", "Persone", "Team", "Tag", "Chi siamo", "Lavora con noi"]
    assert {label["title"] for label in soup.select("label[title]")} == {
        "Passa al tema scuro", "Passa al tema chiaro"}
    assert {a.get_text() for a in soup.select(".sh-person__team")} == {"Amministrazione"}
    assert {a.get_text() for a in soup.select(".sh-tags .sh-chip")} == {
        "Riunioni", "Numeri", "Trasparenza"}
    assert "Made with" not in soup.get_text()  # no theme credit by default
    # a pull quote's role is the Italian one, as on the card above it
    flood = BeautifulSoup((site / "stories/dopo-l-alluvione/index.html").read_text(),
                          "html.parser")
    roles = {r.get_text() for r in flood.select(".sh-quote__role")}
    assert "Amministratrice delegata" in roles and "Managing director" not in roles
    # the English twin: the same tags, in English, on the same tag pages
    twin = BeautifulSoup((site / "stories/open-books/index.html").read_text(), "html.parser")
    assert {(a.get_text(), a["href"].rsplit("tags/", 1)[1]) for a in
            twin.select(".sh-tags .sh-chip")} == {
        ("Meetings", "meetings/"), ("Numbers", "numbers/"), ("Transparency", "transparency/")}
    assert not (site / "tags" / "riunioni").exists()
    values = BeautifulSoup((site / "values/index.html").read_text(), "html.parser")
    quotes = [q.get_text(strip=True) for q in values.select(".sh-manifesto__quote blockquote")]
    assert len(quotes) == len(set(quotes))  # no quote under two values


def test_work_with_us_has_the_address_and_organization_data(site: Path) -> None:
    import json

    home = BeautifulSoup((site / "index.html").read_text(), "html.parser")
    assert home.select_one(".sh-cta")["href"] == "work-with-us/"
    assert home.select_one(".sh-cta").get_text(strip=True) == "Work with us"
    page = BeautifulSoup((site / "work-with-us/index.html").read_text(), "html.parser")
    assert "48018 Faenza" in page.select_one("address").get_text()
    data = json.loads(page.select_one("script[type='application/ld+json']").string)
    assert data["@type"] == "Organization" and data["name"] == "Ceramiche Vento"
    assert data["address"]["addressLocality"] == "Faenza"
    story = BeautifulSoup((site / "stories/libri-aperti/index.html").read_text(), "html.parser")
    share = {a.get_text(strip=True): a["href"] for a in story.select(".sh-share a")}
    assert share["WhatsApp"].startswith("https://wa.me/?text=Libri%20aperti")
    assert story.select_one(".sh-share__native")["hidden"] is not None  # until JS shows it


def test_a_value_page_reads_as_a_manifesto(site: Path) -> None:
    """The statement, an image, a voice, then the stories — in that order."""
    page = BeautifulSoup((site / "values/patience/index.html").read_text(), "html.parser")
    order = page.select(".sh-value__statement, .sh-value__image img, "
                        ".sh-value__quote blockquote, #sh-value-stories")
    assert [el.name for el in order] == ["div", "img", "blockquote", "h2"]
    assert page.select_one(".sh-value__image img")["width"]  # no layout shift
