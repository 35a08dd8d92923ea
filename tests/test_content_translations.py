"""The hub's own words in two languages (issue 11): values and people carry `translations`,
and everything about an Italian story on an English site (its page, the cards that list
it, its share images, posts, meta tags and feed entries) uses the Italian name,
description, hashtags and role, while the English story and the value's own page keep the
English ones. Built for real in tmp folders; messages exact."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from conftest import VALUES, Hub, person_text, read, run_core, story_text

CRAFT_IT = {"name": "Mestiere", "description": "Facciamo le cose per bene.",
            "hashtags": ["mestiere", "fattoamano"]}


def translated_hub(hub: Hub) -> Hub:
    """The small English hub; craft and care in Italian too (care with a name only), Giulia's
    role in Italian, and an Italian story beside the English one about the same values."""
    values = [dict(v) for v in VALUES]
    values[0]["translations"] = {"it": CRAFT_IT}
    values[1]["translations"] = {"it": {"name": "Cura"}}
    values[1]["hashtags"] = ["teamwork"]
    hub.write("values.yml", yaml.safe_dump(values, sort_keys=False, allow_unicode=True))
    hub.write("people/giulia.md", person_text(
        "Giulia Ferri", role="Night baker", extra="translations:\n  it:\n    role: Fornaia\n",
        bio="Giulia bakes at night."))
    hub.write("stories/turno-di-notte.md", story_text(
        "Turno di notte", date="2025-03-20", people="[giulia]", values="[craft, care]",
        summary="Una notte intera al forno.", extra="lang: it\n",
        body="Alle due il forno era già caldo."))
    return hub


def soup_of(site: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup(read(site, relative), "html.parser")


def badges(element: BeautifulSoup) -> list[str]:
    return [a.get_text(strip=True) for a in element.select(".sh-badges a")]


def meta(soup: BeautifulSoup, key: str) -> list[str]:
    return [str(m["content"]) for m in soup.find_all("meta", property=key)] + [
        str(m["content"]) for m in soup.find_all("meta", attrs={"name": key})]


def test_an_italian_story_on_an_english_site_uses_the_italian_words(hub: Hub) -> None:
    site = translated_hub(hub).build()

    italian = soup_of(site, "stories/turno-di-notte/index.html")
    story = italian.select_one("article.sh-story")
    assert badges(story) == ["Mestiere", "Cura"]
    assert [r.get_text(strip=True) for r in story.select(".sh-person__role")] == ["Fornaia"]
    assert meta(italian, "article:section") == ["Mestiere"]
    assert meta(italian, "article:tag")[:2] == ["Mestiere", "Cura"]
    assert meta(italian, "twitter:data2") == ["Mestiere, Cura"]
    article = json.loads(italian.find("script", type="application/ld+json").string)
    assert article["keywords"].startswith("Mestiere, Cura")
    assert "Mestiere" in meta(italian, "og:image:alt")[0]  # the share card's words

    english = soup_of(site, "stories/night-shift/index.html")
    assert badges(english.select_one("article.sh-story")) == ["Craft", "Care"]
    assert "Night baker" in [r.get_text(strip=True) for r in english.select(".sh-person__role")]
    assert meta(english, "article:section") == ["Craft"]
    assert "Craft" in meta(english, "og:image:alt")[0]

    # the value's page stays English; each story card on it in its story's language
    value = soup_of(site, "values/craft/index.html")
    assert value.h1.get_text(strip=True) == "Craft"
    cards = {c.h3.get_text(strip=True): c for c in value.select("article.sh-card")}
    assert cards["Turno di notte"]["lang"] == "it"
    assert badges(cards["Turno di notte"]) == ["Mestiere", "Cura"]
    assert badges(cards["Night shift"]) == ["Craft", "Care"]
    assert "Mestiere" not in value.select_one(".sh-value").get_text(" ")
    home = soup_of(site, "index.html")
    assert [s.get_text(strip=True) for s in home.select(".sh-strip__name")] == [
        "Craft", "Care", "Courage"]
    assert "Night baker" in home.get_text(" ") and "Fornaia" not in home.get_text(" ")
    team = soup_of(site, "teams/production/index.html")
    assert "Night baker" in team.get_text(" ") and "Fornaia" not in team.get_text(" ")


def test_posts_and_feeds_carry_the_story_language_words(hub: Hub) -> None:
    site = translated_hub(hub).build()
    stories = {s["slug"]: s for s in json.loads(read(site, "snippets/snippets.json"))["stories"]}
    italian, english = stories["turno-di-notte"], stories["night-shift"]
    assert italian["values"] == [{"id": "craft", "name": "Mestiere"},
                                 {"id": "care", "name": "Cura"}]
    for post in italian["snippets"]:
        if "#" in post["text"]:
            # Italian hashtags of craft; care has none in Italian, so its own are kept
            assert "#mestiere" in post["text"] and "#craftsmanship" not in post["text"]
    assert any("#mestiere #fattoamano #teamwork" in p["text"] for p in italian["snippets"])
    assert all("#mestiere" not in p["text"] for p in english["snippets"])
    assert any("#craftsmanship" in p["text"] for p in english["snippets"])
    assert "Mestiere" in italian["images"][0]["alt"] and "Craft" in english["images"][0]["alt"]

    feed = {item["url"].rsplit("/", 2)[-2]: item
            for item in json.loads(read(site, "feed.json"))["items"]}
    assert feed["turno-di-notte"]["tags"][:2] == ["Mestiere", "Cura"]
    assert feed["night-shift"]["tags"][:2] == ["Craft", "Care"]
    atom = read(site, "feed.xml")
    assert 'term="craft" label="Mestiere"' in atom and 'term="craft" label="Craft"' in atom


def test_translation_mistakes_are_reported_at_their_place(hub: Hub) -> None:
    hub.write("values.yml", """\
- id: craft
  name: Craft
  description: We do things properly.
  translations:
    fr:
      name: Métier
    IT:
      name: Mestiere
    it:
      nmae: Mestiere
      hashtags: [fatto a mano]
- id: care
  name: Care
  description: We look after each other.
  translations:
    en: {name: Care}
    it: Cura
""")
    hub.write("people/giulia.md", person_text(
        "Giulia Ferri", extra="translations:\n  it:\n    rol: Fornaia\n  en-GB:\n"
        "    role: Baker\n"))
    result = run_core(hub.root, site_name="Test")
    found = [d.format() for d in result.diagnostics]
    assert [f for f in found if f.startswith(("values.yml", "people/"))] == [
        "people/giulia.md:7:5: unknown field 'translations.it.rol' — did you mean 'role'?",
        "people/giulia.md:8:3: 'translations.en-GB': unknown language 'en-GB': write the code "
        "of a language storyhub has words for (en, it) — did you mean 'en'?",
        "values.yml:5:5: 'translations.fr': unknown language 'fr': write the code of a "
        "language storyhub has words for (en, it)",
        "values.yml:7:5: 'translations.IT': unknown language 'IT': write the code of a "
        "language storyhub has words for (en, it) — did you mean 'it'?",
        "values.yml:10:7: unknown field 'translations.it.nmae' — did you mean 'name'?",
        "values.yml:11:18: 'translations.it.hashtags[1]': 'fatto a mano' is not a hashtag: use "
        "one word of letters and digits, no spaces",
        "values.yml:17:9: 'translations.it' must be a group of fields, one 'key: value' per "
        "line (found the text \"Cura\")",
    ]


def test_a_translation_into_the_site_language_is_a_warning(hub: Hub) -> None:
    values = [dict(v) for v in VALUES]
    values[1]["translations"] = {"en": {"name": "Caring"}, "it": {"name": "Cura"}}
    hub.write("values.yml", yaml.safe_dump(values, sort_keys=False))
    hub.write("people/marco.md", person_text(
        "Marco Bianchi", extra="translations:\n  en:\n    role: Agent\n"))
    result = run_core(hub.root, site_name="Test")
    assert [d.format() for d in result.diagnostics if d.code == "translation"] == [
        "people/marco.md:6:3: warning: 'translations.en' is in the site's own language, which "
        "the fields above are written in: it is never used — move its words up, or remove it",
        "values.yml:14:5: warning: 'translations.en' is in the site's own language, which the "
        "fields above are written in: it is never used — move its words up, or remove it",
    ]
