"""A site in two languages (issue 11, the pages): the ``languages`` option checked with exact
messages, a home page per language with reciprocal hreflang, every page worded in its own
language (``<html lang>``, storyhub's words, Material's), the reader's language first on
listings, and a draft translation nowhere. Built for real in tmp folders."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from conftest import Hub, all_output_text, person_text, read, story_text
from storyhub.i18n import available_languages, load_catalogue
from storyhub.pipeline import InvalidOptions, Pipeline

SITE = "https://stories.example.com/"


# -- hubs in two languages -------------------------------------------------------------------


def bilingual(hub: Hub, site: str) -> None:
    """A hub whose site language is ``site`` (it or en), ``languages`` both, with stories in
    both, a translated pair, and a draft translation."""
    other = "en" if site == "it" else "it"
    hub.set(theme={"name": "material", "font": False, "language": site})
    hub.config(languages=[site, other],
               home={"tagline": {"it": "Le nostre storie di forno", "en": "Our oven stories"}})
    # the hub's own words: written in the site's language, translated into the other
    words = CONTENT_WORDS
    values = [{"id": value_id, **words[site][value_id],
               "translations": {other: words[other][value_id]}} for value_id in ("craft", "care")]
    values[0]["color"] = "#b5651d"
    hub.write("values.yml", yaml.safe_dump(values, allow_unicode=True))
    for name in ("first-oven", "night-shift"):
        (hub.root / "stories" / f"{name}.md").unlink()
    for person_id, name in (("giulia", "Giulia Ferri"), ("marco", "Marco Bianchi")):
        hub.write(f"people/{person_id}.md", person_text(
            name, team="Forno", role=words[site][person_id],
            extra=f"translations:\n  {other}:\n    role: {words[other][person_id]}\n",
            bio=name.split()[0] + "."))
    hub.write("stories/turno-di-notte.md", story_text(
        "Turno di notte", date="2025-03-14", people="[giulia, marco]", values="[craft, care]",
        summary="Una notte intera al forno.", extra="lang: it\ntags: [notte]\n",
        body="Alle due il forno era già caldo e la città dormiva."))
    hub.write("stories/night-shift.md", story_text(
        "Night shift", date="2025-03-15", people="[giulia, marco]", values="[craft, care]",
        summary="A whole night at the oven.",
        extra="lang: en\ntranslation_of: turno-di-notte\ntags: [notte]\n",
        body="At two the oven was already hot and the town was asleep."))
    hub.write("stories/primo-impasto.md", story_text(
        "Primo impasto", date="2024-06-01", people="[marco]", values="[craft]",
        summary="Il primo impasto di Marco.", extra="lang: it\n", body="Farina, acqua, sale."))
    hub.write("stories/the-first-order.md", story_text(
        "The first order", date="2024-05-01", people="[giulia]", values="[care]",
        summary="How the first order came in.", extra="lang: en\n",
        body="A letter came in the morning."))
    hub.write("stories/la-consegna.md", story_text(
        "La consegna", date="2024-09-01", people="[giulia]", values="[care]",
        summary="Una consegna sotto la neve.", extra="lang: it\n", body="Nevicava forte."))
    hub.write("stories/snowbound-delivery.md", story_text(
        "Snowbound zebra delivery", date="2024-09-02", people="[giulia]", values="[care]",
        summary="Quartzlike zebra summary.",
        extra="lang: en\ntranslation_of: la-consegna\ndraft: true\n",
        body="Xylophone zebra text."))
    # a story without `lang` is in the site's language
    hub.write("stories/no-lang.md", story_text(
        "Forno" if site == "it" else "Oven", date="2025-01-10", people="[marco]",
        values="[craft]", summary="Marco." if site == "it" else "Marco's.",
        body="Forno." if site == "it" else "Oven."))
    hub.write("docs/index.md", "Benvenuti.\n" if site == "it" else "Welcome.\n")


#: the values' and people's words in each language (values.yml, roles)
CONTENT_WORDS: dict[str, dict[str, dict[str, str]]] = {
    "it": {"craft": {"name": "Mestiere", "description": "Facciamo bene le cose."},
           "care": {"name": "Cura", "description": "Ci prendiamo cura."},
           "giulia": "Fornaia", "marco": "Fornaio"},
    "en": {"craft": {"name": "Craftsmanship", "description": "We do things properly."},
           "care": {"name": "Caring", "description": "We look after each other."},
           "giulia": "Night baker", "marco": "Dough maker"},
}

STORY_LANGUAGE = {"turno-di-notte": "it", "night-shift": "en", "primo-impasto": "it",
                  "the-first-order": "en", "la-consegna": "it", "no-lang": ""}


def page_language(relative: str, site: str) -> str:
    """The language each page of a bilingual hub must be worded in."""
    other = "en" if site == "it" else "it"
    parts = relative.split("/")
    if parts[0] == "stories" and len(parts) == 3 and parts[1] in STORY_LANGUAGE:
        return STORY_LANGUAGE[parts[1]] or site
    if relative in (f"{other}/index.html", f"stories/{other}/index.html"):
        return other
    return site


def html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if not p.relative_to(site).as_posix().startswith("admin/"))


@pytest.fixture(params=["it", "en"])
def built(request: pytest.FixtureRequest, hub: Hub) -> tuple[str, Path]:
    bilingual(hub, request.param)
    return request.param, hub.build()


# -- words that give a page away -------------------------------------------------------------


def fragments(language: str, other: str) -> dict[str, str]:
    """Fragment of text -> catalogue key: the words of ``language`` (the placeholders cut
    out) that differ from ``other``'s, in the namespaces pages show; words that ``other``
    uses too (English "Social snippets", Italian "Social") are not told apart."""
    mine, theirs = load_catalogue(language), load_catalogue(other)
    everything = " ".join(str(v) for v in theirs.values())
    found: dict[str, str] = {}
    for key, value in mine.items():
        if not key.startswith(("site.", "snippets.", "report.")):
            continue
        texts = (list(value.values()) if isinstance(value, dict)
                 else value if isinstance(value, list) else [value])
        their = theirs[key]
        their_texts = (list(their.values()) if isinstance(their, dict)
                       else their if isinstance(their, list) else [their])
        for text in texts:
            for piece in re.split(r"\{\w+\}", text):
                piece = piece.strip(" :·—–-,.()“”\"'→←")
                if (len(piece) >= 4 and re.search(r"[A-Za-zÀ-ÿ]{3}", piece)
                        and not any(piece in t for t in their_texts)
                        and not re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", everything)):
                    found.setdefault(piece, key)
    return found


SKIP = ("script", "style", "noscript", "template")
LABELS = ("aria-label", "title", "placeholder", "alt")


def _in_language(element: Tag, language: str) -> bool:
    """Is ``element`` in ``language`` (its nearest ``lang``), shown (not ``hidden``)?"""
    for node in [element, *element.parents]:
        if not isinstance(node, Tag):
            continue
        if node.name in SKIP or node.has_attr("hidden"):
            return False
        if "md-copyright" in (node.get("class") or []):
            # Material's "Made with Material for MkDocs", English in every language of
            # Material (extra.generator: false removes it): not a storyhub or catalogue word
            return False
        if node.has_attr("lang"):
            return str(node["lang"]).split("-")[0].lower() == language
    return True


@lru_cache(maxsize=512)  # two tests read every page of the same sites
def page_words(html: str, language: str) -> str:
    """The text and labels of a page that are in ``language``: what a reader sees or hears
    as the page's own words (text marked with another ``lang`` is left out: a story's title
    in another language, a language's name in itself)."""
    soup = BeautifulSoup(html, "html.parser")
    out: list[str] = []
    for text in soup.find_all(string=True):
        parent = text.parent
        if isinstance(parent, Tag) and _in_language(parent, language):
            out.append(str(text))
    for element in soup.find_all(True):
        if _in_language(element, language):
            out += [str(element[a]) for a in LABELS if element.has_attr(a)]
    return " ".join(re.sub(r"https?://\S+", " ", " ".join(out)).split())


def other_words(html: str, language: str) -> list[str]:
    other = next(code for code in available_languages() if code != language)
    words = page_words(html, language)
    return sorted(f"{piece!r} ({key})" for piece, key, pattern in _patterns(other, language)
                  if pattern.search(words))


@cache
def _patterns(language: str, other: str) -> list[tuple[str, str, re.Pattern[str]]]:
    """:func:`fragments`, each with its pattern as a whole word, made once per pair."""
    return [(piece, key, re.compile(rf"(?<![\w-]){re.escape(piece)}(?![\w-])"))
            for piece, key in fragments(language, other).items()]


# -- the option ------------------------------------------------------------------------------


def option_errors(hub: Hub, options: str) -> list[str]:
    """The messages for ``options`` (the lines under ``- storyhub:``, 6 spaces in) on an
    Italian site; mkdocs.yml is written out so that the positions can be read."""
    hub.write("mkdocs.yml", "site_name: Test hub\ntheme:\n  name: material\n  language: it\n"
              "plugins:\n  - storyhub:\n" + options)
    with pytest.raises(InvalidOptions) as caught:
        Pipeline.from_config_file(hub.root / "mkdocs.yml")
    return [d.format().split("mkdocs.yml:", 1)[1] for d in caught.value.diagnostics]


def test_languages_option_messages(hub: Hub) -> None:
    assert option_errors(hub, "      languages: [it, eng]\n") == [
        "7:23: storyhub option 'languages[2]': unknown language 'eng' — did you mean 'en'?"]
    assert option_errors(hub, "      languages: [it, IT]\n") == [
        "7:23: storyhub option 'languages[2]': unknown language 'IT' — did you mean 'it'?"]
    assert option_errors(hub, "      languages:\n        - it\n        - fr\n") == [
        "9:11: storyhub option 'languages[2]': unknown language 'fr' (languages storyhub "
        "has words for: en, it)"]
    assert option_errors(hub, "      languages: [it, en, it]\n") == [
        "7:18: storyhub option 'languages': lists 'it' twice: each language once, the "
        "default first"]
    assert option_errors(hub, "      languages: []\n") == [
        "7:18: storyhub option 'languages' must name at least one language, the default "
        "first, e.g. [it, en]"]
    assert option_errors(hub, "      languages: [en, it]\n") == [
        "7:18: storyhub option 'languages' starts with 'en', but theme.language is 'it': the "
        "first language is the site's default — set theme.language: en, or put 'it' first"]
    assert option_errors(hub, "      languages: [it, en]\n      home:\n"
                              "        tagline: {it: Ciao, de: Hallo}\n") == [
        "9:18: storyhub option 'home.tagline': unknown language 'de' (languages storyhub has "
        "words for: en, it)"]


def test_a_story_outside_the_languages_is_a_warning(hub: Hub) -> None:
    hub.set(theme={"name": "material", "font": False, "language": "en"})
    hub.config(languages=["en", "it"])
    hub.write("stories/nachtschicht.md", story_text("Nachtschicht", extra="lang: de\n"))
    hub.write("stories/english.md", story_text("English", extra="lang: eng\n"))
    pipeline = Pipeline.from_config_file(hub.root / "mkdocs.yml")
    assert [d.format() for d in pipeline.check().warnings if d.code == "language"] == [
        "stories/english.md:7:7: warning: 'lang' is 'eng', not one of the site's languages "
        "(en, it) — did you mean 'en'?; correct 'lang', or add the language to 'languages' "
        "in mkdocs.yml",
        "stories/nachtschicht.md:7:7: warning: 'lang' is 'de', not one of the site's "
        "languages (en, it); correct 'lang', or add the language to 'languages' in mkdocs.yml",
    ]


def test_without_the_option_a_site_has_one_home_and_stories_keep_their_language(
        hub: Hub) -> None:
    hub.write("stories/turno.md", story_text("Turno", extra="lang: it\n"))
    site = hub.build()
    assert not (site / "it").exists() and not (site / "en").exists()
    assert 'hreflang' not in read(site, "index.html").split("</head>")[0].replace(
        'hreflang="x', "").split("feed")[0]
    story = BeautifulSoup(read(site, "stories/turno/index.html"), "html.parser")
    assert story.html["lang"] == "it"
    assert "1 minuto di lettura" in story.get_text(" ")
    assert [a.get_text(strip=True) for a in story.select(".md-tabs__link")] == [
        "Home", "Storie", "Valori", "Persone", "Team"]
    english = BeautifulSoup(read(site, "stories/night-shift/index.html"), "html.parser")
    assert english.html["lang"] == "en"
    assert [a.get_text(strip=True) for a in english.select(".md-tabs__link")] == [
        "Home", "Stories", "Values", "People", "Teams"]


# -- the built site ---------------------------------------------------------------------------


def test_every_page_says_its_language(built: tuple[str, Path]) -> None:
    site_language, site = built
    wrong = []
    for relative in html_pages(site):
        soup = BeautifulSoup(read(site, relative), "html.parser")
        expected = page_language(relative, site_language)
        if soup.html is None or soup.html.get("lang") != expected:
            wrong.append(f"{relative}: {soup.html.get('lang') if soup.html else None} "
                         f"(expected {expected})")
    assert not wrong, "\n".join(wrong)
    # on a page in the other language, a story without `lang` is marked with the site's
    # language and dated in it
    other_page = "night-shift" if site_language == "it" else "turno-di-notte"
    soup = BeautifulSoup(read(site, f"stories/{other_page}/index.html"), "html.parser")
    card = soup.find("a", href="../no-lang/").find_parent("article")
    assert card["lang"] == site_language
    assert card.time.get_text() == ("10 gennaio 2025" if site_language == "it"
                                    else "10 January 2025")
    night = BeautifulSoup(read(site, "stories/night-shift/index.html"), "html.parser")
    assert night.find("meta", property="og:locale")["content"] == "en_US"
    assert night.find("meta", property="og:locale:alternate")["content"] == "it_IT"


def test_no_words_of_the_other_language_on_any_page(built: tuple[str, Path]) -> None:
    site_language, site = built
    found = []
    for relative in html_pages(site):
        language = page_language(relative, site_language)
        words = other_words(read(site, relative), language)
        if words:
            found.append(f"{relative} ({language}): {', '.join(words)}")
    assert not found, "\n".join(found)
    # the check does find words: an English page taken for an Italian one is full of them
    english = read(site, "stories/night-shift/index.html").replace('<html lang="en"',
                                                                   '<html lang="it"')
    assert "'Related stories' (site.related)" in other_words(english, "it")


def content_words(language: str) -> list[str]:
    """The values' names and the roles written in ``language`` in :func:`bilingual`."""
    words = CONTENT_WORDS[language]
    return [words["craft"]["name"], words["care"]["name"], words["giulia"], words["marco"]]


def test_no_value_or_role_of_the_other_language_on_any_page(built: tuple[str, Path]) -> None:
    """Value badges, value strips and filters, people's roles: the page's language, or
    marked with the language they are in (a story card in the other language)."""
    site_language, site = built
    found = []
    for relative in html_pages(site):
        language = page_language(relative, site_language)
        other = "en" if language == "it" else "it"
        words = page_words(read(site, relative), language)
        found += [f"{relative} ({language}): {word!r}" for word in content_words(other)
                  if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", words)]
    assert not found, "\n".join(found)
    # and the words are there: each story page shows its own language's
    for slug, code in (("turno-di-notte", "it"), ("night-shift", "en")):
        text = BeautifulSoup(read(site, f"stories/{slug}/index.html"), "html.parser").get_text()
        assert all(word in text for word in content_words(code)), slug


def test_home_pages_per_language_link_each_other(built: tuple[str, Path]) -> None:
    site_language, site = built
    other = "en" if site_language == "it" else "it"
    expected = {(site_language, SITE), (other, f"{SITE}{other}/"), ("x-default", SITE)}
    homes = {"index.html": site_language, f"{other}/index.html": other}
    for relative, language in homes.items():
        soup = BeautifulSoup(read(site, relative), "html.parser")
        links = {(link["hreflang"], link["href"])
                 for link in soup.find_all("link", rel="alternate", hreflang=True)}
        assert links == expected, relative
        hero = soup.select_one(".sh-hero__title").get_text(strip=True)
        assert hero == ("Le nostre storie di forno" if language == "it" else "Our oven stories")
        if language == other:  # its description in its language too (was site_description)
            assert soup.find("meta", attrs={"name": "description"})["content"] == hero
        switch = soup.select_one(".sh-hero .sh-translations a")
        assert switch["hreflang"] == ("en" if language == "it" else "it")
        featured = soup.select_one(".sh-hero__featured .sh-card")
        assert featured["data-sh-lang"] == language
        # of a translated story, only the version in the page's language
        titles = [a.get_text(strip=True) for a in soup.select(".sh-card__title a")]
        assert ("Turno di notte" in titles) == (language == "it")
        assert ("Night shift" in titles) == (language == "en")
        # the reader's language first: every story in it before any other
        langs = [card["data-sh-lang"] for card in soup.select(".sh-card")]
        assert langs == sorted(langs, key=lambda code: code != language), relative
    # the sitemap carries the same alternates under each home page's address
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    sitemap = {url.findtext("s:loc", namespaces=ns):
               {(link.get("hreflang"), link.get("href")) for link in url.findall("x:link", ns)}
               for url in ET.fromstring((site / "sitemap.xml").read_bytes()).findall("s:url", ns)}
    assert sitemap[SITE] == expected == sitemap[f"{SITE}{other}/"]
    # the further language's home is reached from the home pages, not the navigation
    home = BeautifulSoup(read(site, "index.html"), "html.parser")
    assert f'href="{other}/"' not in str(home.select_one(".md-tabs"))


def test_listings_put_the_page_language_first_and_offer_the_others(
        built: tuple[str, Path]) -> None:
    site_language, site = built
    for relative in ("stories/index.html", "values/care/index.html", "people/giulia/index.html",
                     "teams/forno/index.html"):
        soup = BeautifulSoup(read(site, relative), "html.parser")
        langs = [c["data-sh-lang"] for c in soup.select(".sh-grid")[0].select(".sh-card")]
        assert len(set(langs)) == 2 and langs == sorted(
            langs, key=lambda code: code != site_language), relative
    value = BeautifulSoup(read(site, "values/care/index.html"), "html.parser")
    buttons = value.select(".sh-langfilter button")
    assert value.select_one(".sh-langfilter").has_attr("hidden")  # until the script runs
    assert [b["data-sh-lang"] for b in buttons] == ["", site_language,
                                                    "en" if site_language == "it" else "it"]
    for code in ("it", "en"):
        listing = BeautifulSoup(read(site, f"stories/{code}/index.html"), "html.parser")
        assert {c["data-sh-lang"] for c in listing.select(".sh-card")} == {code}


def test_the_draft_translation_is_nowhere(built: tuple[str, Path]) -> None:
    _, site = built
    for path, text in all_output_text(site):
        for secret in ("Snowbound zebra", "snowbound-delivery", "Quartzlike", "Xylophone"):
            assert secret not in text, f"{path}: {secret}"
    # a story's own translation is linked by the switcher, not as the next or related story
    turno = BeautifulSoup(read(site, "stories/turno-di-notte/index.html"), "html.parser")
    linked = [a["href"] for a in turno.select(".sh-prevnext a, .sh-related a")]
    assert "../night-shift/" not in linked and "../no-lang/" in linked
    consegna = BeautifulSoup(read(site, "stories/la-consegna/index.html"), "html.parser")
    assert consegna.select(".sh-translations") == []
    assert consegna.find("link", rel="alternate", hreflang=True) is None
    for code in ("it", "en"):
        titles = read(site, f"stories/{code}/index.html")
        assert ("La consegna" in titles) == (code == "it")
