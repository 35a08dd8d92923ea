"""Class 12: every generated post fits its network's limit, whatever the title's length or
the number of people; only a story's own `social:` text can be over, and that is an error.
(Since issue 20 a title, a summary and the people of a story are bounded by
``LIMITS``: posts are tried at those bounds.)"""

from __future__ import annotations

import json

import pytest
from conftest import Hub, person_text, story_text
from storyhub.content.model import LIMITS
from trust import diagnostics

MANY = [f"person-{i:02d}" for i in range(LIMITS["people"])]
TITLE = LIMITS["title"]


def all_snippets(hub: Hub, **options: object) -> list[dict[str, object]]:
    if options:
        hub.config(**options)
    site = hub.build(strict=False)
    data = json.loads((site / "snippets/snippets.json").read_text(encoding="utf-8"))
    return [s for story in data["stories"] for s in story["snippets"]]


def assert_all_fit(snippets: list[dict[str, object]]) -> None:
    assert snippets
    too_long = [(s["network"], s["variant"], s["count"], s["limit"]) for s in snippets
                if not s["fits"] or int(s["count"]) > int(s["limit"])  # type: ignore[call-overload]
                or (s["byte_limit"] and int(s["bytes"]) > int(s["byte_limit"]))]  # type: ignore[call-overload]
    assert too_long == []


def many_people(hub: Hub, name: str = "Maria Antonietta Esposito-Bevilacqua") -> str:
    for person_id in MANY:
        hub.write(f"people/{person_id}.md", person_text(
            f"{name} {person_id[-2:]}",
            extra=f"links:\n  x: h{person_id[-2:]}_handle_long\n  threads: t.p{person_id[-2:]}\n"))
    return "[" + ", ".join(MANY) + "]"


@pytest.mark.parametrize("title", [
    ("A " + "very " * 300 + "long title")[:TITLE],
    ("Supercalifragilistic" * 40)[:TITLE],
    ("夜の窯の物語" * 100)[:TITLE],
    ("👨‍👩‍👧" * 400)[:TITLE],
    ('"' + "Ünïcödé tïtlé wïth äccents " * 30)[:TITLE - 1] + '"',
])
def test_long_titles_fit(hub: Hub, title: str) -> None:
    hub.write("stories/a.md", story_text(json.dumps(title, ensure_ascii=False)))
    assert_all_fit(all_snippets(hub))


def test_the_most_people_fit(hub: Hub) -> None:
    hub.write("stories/a.md", story_text("Everyone", people=many_people(hub)))
    assert_all_fit(all_snippets(hub))


def test_long_title_and_the_most_people_and_long_summary(hub: Hub) -> None:
    people = many_people(hub)
    hub.write("stories/a.md", story_text(
        "A " + "remarkably " * 17 + "title", people=people,
        summary="'" + "An extraordinarily long hook sentence. " * 25 + "'",
        extra="tags: [" + ", ".join(f"tag{i}" for i in range(30)) + "]\n"))
    assert_all_fit(all_snippets(hub))


def test_small_mastodon_limit(hub: Hub) -> None:
    hub.write("stories/a.md", story_text("A " + "long " * 38 + "title", people=many_people(hub)))
    assert_all_fit(all_snippets(hub, snippets={"mastodon_limit": 120}))


def test_own_social_text_over_the_limit_is_an_error(hub: Hub) -> None:
    hub.write("stories/a.md", story_text("A", extra="social:\n  x: '" + "word " * 80 + "'\n"))
    assert diagnostics(hub) == [
        "stories/a.md:8:6: social.x is too long: 399 weighted characters, over X's limit of 280 "
        "by 119 — shorten it (storyhub shortens generated text, never yours)"]


def test_half_an_emoji_escaped_in_yaml_is_an_error_not_a_crash(hub: Hub) -> None:
    hub.write("stories/a.md", story_text('"Night \\ud83d shift"'))
    assert diagnostics(hub) == [
        "stories/a.md:2:8: this text has half a character (an escape such as \\ud83d, one of "
        "the two halves of an emoji): write the character itself"]
