"""Class 9: every name gets a page — non-Latin team names get distinct, stable slugs;
unknown Material icons are errors with a did-you-mean; right-to-left stories get dir=rtl."""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import VALUES, Hub, person_text, story_text
from storyhub.content.model import slugify, text_direction
from trust import diagnostics


@pytest.mark.parametrize("name, slug", [
    ("Отдел продаж", "otdel-prodazh"),
    ("Ελληνικά", "ellinika"),
    ("営業", "x-28bd4af7"),
    ("開発", "x-2dfb21e5"),
    ("مبيعات", "x-a3c727d5"),
    ("R&D 開発", "r-d-e90293fa"),
    ("Perché sì", "perche-si"),
])
def test_slugs_are_distinct_and_stable(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_every_non_latin_team_gets_its_own_page(hub: Hub) -> None:
    teams = {"giulia": "営業", "marco": "開発", "pia": "مبيعات", "olga": "Отдел продаж"}
    for person_id, team in teams.items():
        hub.write(f"people/{person_id}.md", person_text(f"Name {person_id.title()} Surname",
                                                        team=team))
    site = hub.build()
    for team in teams.values():
        page = site / "teams" / slugify(team) / "index.html"
        assert page.is_file(), team
        assert team in page.read_text(encoding="utf-8")
    assert len({slugify(t) for t in teams.values()}) == len(teams)


def test_non_latin_story_file_name_asks_for_an_explicit_slug(hub: Hub) -> None:
    hub.write("stories/営業の夜.md", story_text("A"))
    [error] = diagnostics(hub)
    assert error == (
        f"stories/営業の夜.md:1:1: the name '営業の夜' cannot be used in a web address: rename "
        f"it to '{slugify('営業の夜')}' (lower-case letters, digits, hyphens) or set 'slug:'")
    hub.write("stories/営業の夜.md", story_text("A", extra="slug: eigyo-no-yoru\n"))
    assert diagnostics(hub) == []


@pytest.mark.parametrize("icon, suggestion", [
    ("material/hand-hart", "material/hand-heart"),
    ("material/lightbulb-on-outlin", "material/lightbulb-on-outline"),
    ("fontawesome/solid/hart", "fontawesome/solid/heart"),
    ("materal/heart", "material/heart"),
])
def test_unknown_icon_is_an_error_with_a_suggestion(hub: Hub, icon: str,
                                                    suggestion: str) -> None:
    values = [dict(VALUES[0], icon=icon), *VALUES[1:]]
    hub.write("values.yml", yaml.safe_dump(values, sort_keys=False))
    line = yaml.safe_dump(values, sort_keys=False).split("\n").index(f"  icon: {icon}") + 1
    assert diagnostics(hub) == [
        f"values.yml:{line}:9: unknown icon '{icon}' — did you mean '{suggestion}'? (the icons "
        "Material ships are listed at "
        "https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/)"]


def test_known_icons_pass(hub: Hub) -> None:
    values = [dict(VALUES[0], icon="material/hand-heart"),
              dict(VALUES[1], icon="octicons/heart-16"), VALUES[2]]
    hub.write("values.yml", yaml.safe_dump(values, sort_keys=False))
    assert diagnostics(hub) == []


@pytest.mark.parametrize("lang, direction", [
    ("ar", "rtl"), ("he", "rtl"), ("fa", "rtl"), ("ur", "rtl"), ("he-IL", "rtl"),
    ("ku-Arab", "rtl"), ("yi", "rtl"), ("it", "ltr"), ("sr-Latn", "ltr"), ("en-GB", "ltr"),
])
def test_text_direction(lang: str, direction: str) -> None:
    assert text_direction(lang) == direction


@pytest.mark.parametrize("lang", ["ar", "he"])
def test_right_to_left_story_page(hub: Hub, lang: str) -> None:
    hub.write("stories/rtl.md", story_text("Right to left", extra=f"lang: {lang}\n",
                                           body="שלום עולם مرحبا بالعالم"))
    soup = BeautifulSoup((hub.build() / "stories/rtl/index.html").read_text(encoding="utf-8"),
                         "html.parser")
    article = soup.select_one("article.sh-story")
    assert article is not None and article["lang"] == lang and article["dir"] == "rtl"
