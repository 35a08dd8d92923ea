"""One catalogue per language, one Translator, one language normaliser, and every former
string site (pages, snippets, report, cards, meta, scaffold) reading the catalogue."""

from __future__ import annotations

import ast
import logging
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO, Hub, read, run_core, story_text
from storyhub.cli import scaffold
from storyhub.i18n import (
    CATALOGUE_DIR,
    Translator,
    available_languages,
    catalogue_problems,
    load_catalogue,
    normalize_language,
    og_locale,
)
from storyhub.media.cards import plan_cards
from storyhub.options.model import CardOptions
from storyhub.outputs.social import prepare_social
from storyhub.site.meta import story_meta

PACKAGE = REPO / "plugins" / "storyhub"
#: the modules that held UI strings before the catalogue
STRING_SITES = ["i18n/translator.py", "social/compose.py", "social/export.py",
                "social/__init__.py", "hub/report.py", "cli/scaffold.py", "site/meta.py",
                "site/plan.py", "site/view.py", "site/report_page.py", "media/cards.py"]


# -- the catalogue files ----------------------------------------------------------------------


def test_every_language_has_the_keys_and_placeholders_of_english() -> None:
    assert set(available_languages()) >= {"en", "it"}
    assert catalogue_problems() == []


def test_namespaces() -> None:
    namespaces = {key.split(".")[0] for key in load_catalogue("en")}
    assert namespaces == {"language", "site", "snippets", "report", "scaffold", "cards",
                          "meta", "dates", "feeds", "editor", "digest"}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the shipped catalogue folder, to add languages to."""
    copy = tmp_path / "catalogue"
    shutil.copytree(CATALOGUE_DIR, copy)
    return copy


def _german(folder: Path, change: object = None) -> Path:
    data = yaml.safe_load((folder / "en.yml").read_text(encoding="utf-8"))
    data["language"].update(name="Deutsch", locale="de_DE")
    data["site"]["stories"] = "Geschichten"
    data["site"]["story_count"] = {"one": "{count} Geschichte", "other": "{count} Geschichten"}
    if callable(change):
        change(data)
    path = folder / "de.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_a_third_language_is_one_file(folder: Path) -> None:
    _german(folder)
    assert available_languages(folder) == ("de", "en", "it")
    assert catalogue_problems(folder) == []
    assert normalize_language("de-AT", folder=folder) == "de"
    t = Translator.for_language("de_DE", folder)
    assert t.language == "de"
    assert t("stories") == "Geschichten" and t("site.stories") == "Geschichten"
    assert t.count("story_count", 1) == "1 Geschichte"
    assert t.count("story_count", 1200) == "1.200 Geschichten"
    assert t.date(date(2025, 3, 14)) == "14 März 2025"
    assert Translator.for_language("de", folder) is t  # cached


def test_a_key_missing_in_one_language_fails_the_check(folder: Path) -> None:
    _german(folder, lambda data: data["site"].pop("related"))
    assert catalogue_problems(folder) == ["de.yml: missing 'site.related'"]


def test_other_placeholders_or_plural_forms_fail_the_check(folder: Path) -> None:
    def change(data: dict) -> None:  # type: ignore[type-arg]
        data["site"]["stories_with"] = "Geschichten mit {person}"
        data["site"]["person_count"] = {"other": "{count} Personen"}
        data["snippets"]["surprise"] = "Überraschung"

    _german(folder, change)
    assert sorted(catalogue_problems(folder)) == [
        "de.yml: 'site.person_count' needs the plural forms one",
        "de.yml: 'site.stories_with' has placeholders person; en.yml has name",
        "de.yml: 'snippets.surprise' is not in en.yml",
    ]


def test_a_missing_key_falls_back_to_english_visibly(
    folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _german(folder, lambda data: data["site"].pop("related"))
    t = Translator.for_language("de", folder)
    with caplog.at_level(logging.WARNING, logger="storyhub.i18n"):
        assert t("related") == "Related stories"
    assert t.missing == {"site.related"}
    assert "no 'site.related' in the de catalogue" in caplog.text
    with pytest.raises(KeyError, match=r"site\.no_such_key"):
        t("no_such_key")


# -- the normaliser and the translator --------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "language"),
    [("it", "it"), ("it-IT", "it"), ("it_IT", "it"), ("IT", "it"), (" it ", "it"),
     ("en-GB", "en"), ("fr", "en"), ("xx-YY", "en"), ("", "en"), (None, "en")],
)
def test_normalize_language(code: str | None, language: str) -> None:
    assert normalize_language(code) == language
    assert Translator.for_language(code).language == language


def test_og_locale() -> None:
    assert [og_locale(c) for c in ("en", "it", "IT", "it-it", "en_gb", "fr", "ja")] == [
        "en_US", "it_IT", "it_IT", "it_IT", "en_GB", "fr_FR", "ja"]


def test_translator_strings_counts_dates_numbers() -> None:
    en, it = Translator.for_language("en"), Translator.for_language("it")
    assert it.in_language(None) is it and it.in_language("en-US") is en
    assert en("stories_with", name="Giulia") == "Stories with Giulia"
    assert it("site.stories_with", name="Giulia") == "Le storie di Giulia"
    assert [en.count("story_count", n) for n in (0, 1, 2)] == ["0 stories", "1 story",
                                                                "2 stories"]
    assert it.count("person_count", 1) == "1 persona"
    assert en.date(date(2025, 3, 4)) == "4 March 2025"
    assert it.date(date(2025, 3, 4)) == "4 marzo 2025"
    assert (en.number(1234.5, 1), it.number(1234.5, 1)) == ("1,234.5", "1.234,5")
    assert (en.percent(0.6667), it.percent(0.25)) == ("67%", "25%")
    report = it.scope("report")
    assert report("title") == "Stato dell'hub" and report("site.stories") == "Storie"
    assert str(en.markup("snippets.page_limited", shown=1, total=2, csv="<b>", json="x")) == (
        "The 1 newest of 2 stories are shown here; &lt;b&gt; and x hold every one.")


def _literals(path: Path) -> str:
    """A template's text without comments; a module's string literals without docstrings."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".py":
        return re.sub(r"\{#.*?#\}", "", text, flags=re.S)
    tree = ast.parse(text)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)}
    return "\n".join(node.value for node in ast.walk(tree)
                     if isinstance(node, ast.Constant) and isinstance(node.value, str)
                     and id(node) not in docstrings)


def test_no_catalogue_string_is_written_in_code_or_templates() -> None:
    """Long catalogue strings appear only in the catalogue, not again in the modules that
    used to hold strings or in the templates. (``storyhub check`` diagnostics elsewhere
    are English on purpose and may share words with the catalogue.)"""
    sources = [PACKAGE / m for m in STRING_SITES] + [
        p for p in (PACKAGE / "templates").rglob("*") if p.suffix in (".html", ".txt")]
    texts = {p: _literals(p) for p in sources}
    for language in available_languages():
        for key, value in load_catalogue(language).items():
            if key.startswith("snippets.unit_"):
                continue  # the English unit names are also the rules' ids (social/rules.py)
            values = value.values() if isinstance(value, dict) else (
                value if isinstance(value, list) else [value])
            for text in values:
                for fragment in re.split(r"\{\w+\}|\n", text):
                    if len(fragment.strip()) < 14:
                        continue
                    found = [p.name for p, t in texts.items() if fragment.strip() in t]
                    assert not found, f"{language}:{key} {fragment!r} written in {found}"
    everywhere = [_literals(p) for p in PACKAGE.rglob("*.py")]
    assert not [t for t in everywhere if "January" in t or "gennaio" in t]  # months: once


# -- every former string site reads the catalogue --------------------------------------------


def _english_fragments(namespace: str) -> list[str]:
    """Distinctive English words of a namespace that Italian says differently."""
    en, it = load_catalogue("en"), load_catalogue("it")
    fragments = []
    for key, value in en.items():
        if key.startswith(f"{namespace}.") and isinstance(value, str) and value != it[key]:
            fragments += [f.strip() for f in re.split(r"\{\w+\}", value)
                          if len(f.strip()) >= 5 and f.strip() not in it[key]]
    return fragments


def _english_left(namespace: str, text: str) -> list[str]:
    return [f for f in _english_fragments(namespace)
            if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text)]


def _visible_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style"]):
        element.decompose()
    return soup.get_text(" ")


@pytest.fixture
def italian_site(hub: Hub) -> Path:
    hub.set(theme={"name": "material", "font": False, "language": "it"})
    return hub.build()


def test_italian_report_page_has_no_english_label(italian_site: Path) -> None:
    html = read(italian_site, "report/index.html")
    assert '<html lang="it">' in html and "Stato dell&#39;hub" in html
    text = _visible_text(html)
    assert _english_left("report", text) == []


def test_italian_snippets_page_has_no_english_label(italian_site: Path) -> None:
    html = read(italian_site, "snippets/index.html")
    text = _visible_text(html)
    assert "Testi per i social" in text and "Copia" in text
    assert _english_left("snippets", text) == []
    assert '"Copiato"' in html and '"{count} storie mostrate"' in html  # the script's words


def test_italian_site_pages(italian_site: Path) -> None:
    home = _visible_text(read(italian_site, "index.html"))
    assert "Le ultime storie" in home and "Latest stories" not in home
    assert "14 marzo 2025" in _visible_text(read(italian_site, "stories/night-shift/index.html"))


def test_italian_story_on_an_english_hub(hub: Hub) -> None:
    """Cards, page meta, the date and post texts follow the story's own language."""
    hub.write("stories/night-shift.md", story_text(
        "Turno di notte", people="[giulia, marco]", values="[craft, care]", extra="lang: it\n"))
    result = run_core(hub.root, site_url="https://stories.example.com/")
    story = result.hub.story("night-shift")
    assert story is not None
    cards = plan_cards(result.hub, CardOptions()).stories["night-shift"]
    assert cards.og.alt.startswith("Immagine della storia “Turno di notte”, con ")
    assert "Valori: Craft, Care." in cards.og.alt
    tags = {(m.key, m.content) for m in story_meta(result.hub, story, cards).tags}
    assert ("twitter:label1", "Con") in tags and ("twitter:label2", "Valori") in tags
    assert ("og:locale", "it_IT") in tags
    assert result.view.date(story) == "14 marzo 2025"
    other = result.hub.story("first-oven")
    assert other is not None and result.view.date(other) == "1 May 2024"
    social = prepare_social(result.hub)
    assert social.snippets is not None
    texts = {(item.story.id, s.network, s.variant): s.text
             for item in social.snippets.stories for s in item.snippets}
    assert "Nuova storia: “Turno di notte”, con Giulia Ferri" in texts[
        ("night-shift", "linkedin", "1")]
    assert " e Marco Bianchi" in texts[("night-shift", "linkedin", "1")]
    assert "New story: “The first oven”, with Giulia Ferri" in texts[
        ("first-oven", "linkedin", "1")]


def test_scaffold_reads_the_catalogue() -> None:
    it = load_catalogue("it")
    assert scaffold.words("it")("title") == it["scaffold.title"]
    assert scaffold.language_of("it_IT", "en") == "it"
    assert scaffold.language_of(None, "fr") == "en"
    assert scaffold.unknown_message("giula", {"giulia": "Giulia"}, "it") == (
        "id sconosciuto 'giula' — forse intendevi 'giulia'?")


def test_report_command_output_in_the_hub_language(hub: Hub) -> None:
    from storyhub.hub.report import hub_report, render_markdown, render_text

    hub.write("stories/secret.md", story_text("Segreto", extra="draft: true\n"))
    result = run_core(hub.root, language="it-IT")
    report = hub_report(result.hub)
    assert report.drafts[0].reason == "draft"  # data (--format json): English
    text = render_text(report, result.hub.translator)
    assert text.startswith("Stato dell'hub al ") and "storie pubblicate" in text
    assert "stories/secret.md: Segreto (bozza)" in text
    assert "published" not in text and "none" not in text.split()
    markdown = render_markdown(report, result.hub.translator)
    assert "| valore | storie | quota | ultima |" in markdown
    assert render_text(report).startswith("Hub report at ")  # English by default
