"""Class 5: bounded cost for any input. YAML aliases, nesting, file size, line length and
pixel budgets give clear errors; no regular expression is quadratic on a long line."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from conftest import Hub, image_bytes, person_text, story_text
from storyhub.content.model import Person
from storyhub.diagnostics.core import Diagnostics
from storyhub.hub.advice import advise_story
from storyhub.hub.publish import quotes_without_consent
from storyhub.pipeline.leaks import first_sentence, readable_texts, scan_site
from storyhub.site.sanitize import clean_html, find_removals
from trust import diagnostics

LONG = 300_000

BILLION_LAUGHS = (
    "---\ntitle: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
    "f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n---\nx\n"
)


def timed(check: Callable[[], object], limit: float = 3.0) -> object:
    start = time.perf_counter()
    result = check()
    assert time.perf_counter() - start < limit
    return result


def test_billion_laughs(hub: Hub) -> None:
    hub.write("stories/a.md", BILLION_LAUGHS)
    assert timed(lambda: diagnostics(hub)) == [
        "stories/a.md:3:1: YAML aliases (*name) are not accepted: write the value out in full"]


def test_scalar_alias(hub: Hub) -> None:
    hub.write("stories/a.md", story_text("&t Title", summary="*t"))
    assert diagnostics(hub) == [
        "stories/a.md:6:1: YAML aliases (*name) are not accepted: write the value out in full"]


def test_alias_in_values_yml(hub: Hub) -> None:
    hub.write("values.yml", "- &v {id: craft, name: Craft, description: D.}\n- *v\n")
    assert (
        "values.yml:1:3: YAML aliases (*name) are not accepted: write the value out in full"
    ) in diagnostics(hub)


@pytest.mark.parametrize("front, where", [
    ("x: " + "[" * 40_000 + "]" * 40_000 + "\n", "2:23"),
    ("x: " + "{a: " * 5_000 + "1" + "}" * 5_000 + "\n", "2:80"),
    ("".join(" " * i + f"k{i}:\n" for i in range(40)) + " " * 40 + "v: 1\n", "22:21"),
    ("x:\n" + "  " + "- " * 5_000 + "deep\n", "3:3"),
])
def test_deep_nesting(hub: Hub, front: str, where: str) -> None:
    hub.write("stories/a.md", "---\n" + front + "---\nx\n")
    assert timed(lambda: diagnostics(hub)) == [
        f"stories/a.md:{where}: the fields are nested more than 20 levels deep here: storyhub's "
        "fields are at most a few levels deep (check the indentation and the brackets)"]


def test_huge_file(hub: Hub) -> None:
    hub.write("stories/a.md", story_text("A", body="word " * 250_000))
    assert diagnostics(hub) == [
        "stories/a.md:1:1: the file is 1,250,094 bytes; the limit is 1,000,000: a story or "
        "profile this long is probably pasted data — remove it, or split the text"]


@pytest.mark.parametrize("line", ["a" * LONG, "<" * LONG, '"' * LONG, "“" * LONG,
                                  "<!--" * (LONG // 4), "> " * (LONG // 2)])
def test_a_300000_character_line_is_a_clear_error_quickly(hub: Hub, line: str) -> None:
    hub.write("stories/a.md", story_text("A", body=f"First.\n\n{line}\n"))
    assert timed(lambda: diagnostics(hub)) == [
        f"stories/a.md:10:100001: line 10 is {len(line):,} characters long; the limit is "
        "100,000: break it into paragraphs"]


def test_a_long_front_matter_line(hub: Hub) -> None:
    hub.write("people/p.md", person_text("P" * LONG))
    assert diagnostics(hub) == [
        "people/p.md:2:100001: line 2 is 300,006 characters long; the limit is 100,000: break "
        "it into paragraphs"]


HOSTILE_LINES = [
    "a" * LONG, "<" * LONG, "<td" * (LONG // 3), "<!--" * (LONG // 4), '"' * LONG, "“" * LONG,
    "«" * LONG, "\\\"" * (LONG // 2), "- " * (LONG // 2), " -" * (LONG // 2), "a_" * (LONG // 2),
    "aaaa " * (LONG // 5), ". " * (LONG // 2), "#" * LONG, "&#" * (LONG // 2),
]


@pytest.mark.parametrize("line", HOSTILE_LINES, ids=lambda s: repr(s[:6]))
def test_no_regular_expression_is_quadratic(hub: Hub, line: str) -> None:
    """Every function that runs a regular expression over author text, on 300,000
    characters: each well under a second (a quadratic one takes minutes)."""
    from conftest import run_core

    person: Person = run_core(hub.root).hub.all_people["giulia"]
    person.consent.quotes = False
    story = run_core(hub.root).hub.stories[0]
    story._body = line
    timed(lambda: first_sentence(line), 1.5)
    timed(lambda: list(readable_texts(".html", line, 300)), 1.5)
    timed(lambda: list(readable_texts(".json", line, 300)), 1.5)
    timed(lambda: quotes_without_consent(line, [person]), 1.5)
    timed(lambda: advise_story(story, {"giulia": person}, Diagnostics()), 1.5)
    timed(lambda: find_removals(line), 1.5)
    # nh3 (html5ever) itself grows faster than linearly on one long run of non-ASCII text;
    # the loader's line limit (100,000 characters) keeps it well under a second.
    timed(lambda: clean_html(line[:100_000]), 1.0)


def test_scan_of_a_hostile_output_file_is_linear(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from storyhub.pipeline.leaks import Secret

    (tmp_path / "x.csv").write_text("<" * LONG + "%" * LONG, encoding="utf-8")
    timed(lambda: scan_site(tmp_path, [Secret("marco bianchi", "name")]), 3.0)


def jpeg_claiming(width: int, height: int) -> bytes:
    data = bytearray(image_bytes())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = height.to_bytes(2, "big") + width.to_bytes(2, "big")
    return bytes(data)


@pytest.mark.parametrize("width, height, size", [
    (65000, 65000, "4225 megapixels"), (60000, 1100, "60000×1100 pixels, 66 megapixels")])
def test_small_jpeg_that_would_decompress_into_gigabytes(
    hub: Hub, width: int, height: int, size: str
) -> None:
    data = jpeg_claiming(width, height)
    assert len(data) < 2000
    hub.write("stories/a/index.md", story_text("A", extra="image: bomb.jpg\nimage_alt: x\n"))
    hub.write("stories/a/bomb.jpg", data)
    hub.write("stories/a/other.jpg", data)
    assert timed(lambda: diagnostics(hub)) == [
        f"stories/a/index.md:7:8: 'image': bomb.jpg: the image is too large ({size}); the "
        "limit is 60 megapixels: resize it, e.g. to 2400 pixels on the longest side",
        f"stories/a/other.jpg:1:1: the image is too large ({size}); the limit is 60 "
        "megapixels: resize it, e.g. to 2400 pixels on the longest side",
    ]


@pytest.mark.parametrize("body, expected", [
    ("Intro.\n\n" + "[" * 30_000 + "x" + "]" * 30_000 + "\n",
     "stories/a.md:10:1: this paragraph has more than 400 '[' characters: split it into "
     "several paragraphs (an empty line between them)"),
    ("[a" * 300 + "\n" + "[b" * 300 + "\n",
     "stories/a.md:8:1: this paragraph has more than 400 '[' characters: split it into "
     "several paragraphs (an empty line between them)"),
    ("<a " * 3_000 + "\n",
     "stories/a.md:8:1: this paragraph has more than 400 '<' characters: split it into "
     "several paragraphs (an empty line between them)"),
    ("Text " + "*" * 50_000 + "x\n",
     "stories/a.md:8:6: 50000 '*' in a row: at most 50 (for a line, write '---' on a line of "
     "its own)"),
    ("_" * 3_000 + "x" + "_" * 3_000 + "\n",
     "stories/a.md:8:1: 3000 '_' in a row: at most 50 (for a line, write '---' on a line of "
     "its own)"),
    ("Fine " + "*" * 50 + " and " + "_" * 50 + ", then " + "_" * 51 + "\n",
     "stories/a.md:8:118: 51 '_' in a row: at most 50 (for a line, write '---' on a line of "
     "its own)"),
    ("- " * 3_000 + "x\n",
     "stories/a.md:8:1: quotes or lists nested more than 20 levels deep: flatten them"),
    (">" * 3_000 + " x\n",
     "stories/a.md:8:1: quotes or lists nested more than 20 levels deep: flatten them"),
    ("1. " * 100 + "x\n",
     "stories/a.md:8:1: quotes or lists nested more than 20 levels deep: flatten them"),
])
def test_markdown_the_renderer_cannot_take_is_refused_quickly(
    hub: Hub, body: str, expected: str
) -> None:
    hub.write("stories/a.md", story_text("A", body=body))
    assert timed(lambda: diagnostics(hub)) == [expected]


def test_ordinary_markdown_is_accepted(hub: Hub) -> None:
    body = ("# Title\n\n> quote\n> > nested\n\n- a\n  - b\n    - c\n\n" + "[link](x) " * 100
            + "\n\n" + "*" * 3 + "strong em" + "*" * 3 + "\n\n---\n\n" + "_" * 40 + "\n")
    hub.write("stories/a.md", story_text("A", body=body))
    assert diagnostics(hub) == []


def test_value_description_is_bounded_too(hub: Hub) -> None:
    hub.write("values.yml", "- id: craft\n  name: Craft\n  description: '" + "[" * 5_000
              + "'\n- id: care\n  name: Care\n  description: C.\n- id: courage\n  name: C\n"
              "  description: C.\n")
    assert "values.yml:3:1: this paragraph has more than 400 '[' characters: split it into " \
        "several paragraphs (an empty line between them)" in timed(lambda: diagnostics(hub))
