"""What the leak scan would refuse a built site for, when the hub's own files hold it, is an
error of the check at the file's line: a published story, profile, value, caption or page
that names someone who may not be named, or links to a story or profile that is not
published. (The scan itself, which still reads every built file: test_consent.py,
test_leak_scan_*.py.)"""

from __future__ import annotations

import random

import pytest
from conftest import Hub, person_text, story_text
from storyhub.pipeline.leaks import Matcher, Secret, normalise
from storyhub.pipeline.mentions import mentions
from trust import diagnostics

NAMED = ("mentions Marco Bianchi (people/marco.md), who may not be named on the site (marco "
         "has not consented to publishing their name): remove the name, or tell it without "
         "naming them (the build refuses a site that names them)")
LINKED = ("links to the story 'Soon' (stories/soon.md), which is not published (draft): "
          "remove the link until it is (the build refuses a site that links to it)")


@pytest.fixture
def unnamed(hub: Hub) -> Hub:
    """Marco may not be named; the other story is about Giulia alone."""
    hub.write("people/marco.md", person_text("Marco Bianchi").replace("name: true",
                                                                      "name: false"))
    hub.write("stories/night-shift.md", story_text("Night shift"))
    return hub


@pytest.mark.parametrize("body, where", [
    ("Marco Bianchi fixed the oven.", "8:1"),
    ("It was fixed by\nMarco\nBianchi at dawn.", "9:1"),  # across line breaks
    ("Fixed by **Marco** Bianchi.", "8:12"),  # emphasis between the words
    ("Fixed by <em>Marco</em> Bianchi.", "8:14"),
    ("Fixed by Mar&shy;co Bianchi.", "8:1"),  # a soft hyphen, as a reference
    ("Fixed by Mar\u00adco Bianchi.", "8:1"),
    ("Fixed by ＭＡＲＣＯ ＢＩＡＮＣＨＩ.", "8:1"),
    ("Fixed by MARCO BIANCHI.", "8:10"),
])
def test_a_story_that_names_someone_who_may_not_be_named(unnamed: Hub, body: str,
                                                          where: str) -> None:
    unnamed.write("stories/first-oven.md", story_text("The first oven", body=body))
    assert diagnostics(unnamed) == [f"stories/first-oven.md:{where}: {NAMED}"]


def test_every_published_file_is_read_at_its_line(unnamed: Hub) -> None:
    """Front matter, a profile's bio, a value's description, a page of the site: each
    names its line; a draft's text is not published, and is not read."""
    unnamed.write("stories/first-oven.md", story_text(
        "The first oven", summary="'With Marco Bianchi, at dawn.'"))
    unnamed.write("people/giulia.md", person_text(
        "Giulia Ferri", bio="Giulia bakes at night.\nShe learnt it from Marco Bianchi."))
    values = (unnamed.root / "values.yml").read_text(encoding="utf-8")
    unnamed.write("values.yml", values.replace("description: We do", "description: With "
                                               "Marco Bianchi we do", 1))
    unnamed.write("docs/about.md", "# About\n\nThanks to marco bianchi.\n")
    unnamed.write("stories/soon.md", story_text("Soon", extra="draft: true\n",
                                                body="Marco Bianchi again."))
    found = diagnostics(unnamed)
    line = next(number for number, text in enumerate(values.splitlines(), 1)
                if "description: We do" in text)
    column = values.splitlines()[line - 1].index("description: ") + 19
    assert found == [f"docs/about.md:3:11: {NAMED}",
                     f"people/giulia.md:13:20: {NAMED}",
                     f"stories/first-oven.md:6:16: {NAMED}",
                     f"values.yml:{line}:{column}: {NAMED}"], found


def test_a_link_to_a_draft_or_to_a_profile_not_published(hub: Hub) -> None:
    hub.write("stories/soon.md", story_text("Soon", extra="draft: true\n"))
    hub.write("people/marco.md", person_text("Marco").replace("name: true", "name: false"))
    hub.write("stories/night-shift.md", story_text("Night shift"))
    hub.write("stories/first-oven.md", story_text("The first oven", body=(
        "See [what is coming](https://stories.example.com/stories/soon/).\n"
        "Not [soon-ish](/stories/soon-ish/), and [Marco](../people/marco/).")))
    hub.write("stories/soon-ish.md", story_text("Soon-ish"))
    assert diagnostics(hub) == [
        f"stories/first-oven.md:8:50: {LINKED}",
        "stories/first-oven.md:9:52: links to the profile of Marco (people/marco.md), which "
        "is not published (marco has not consented to publishing their name): remove the "
        "link until it is (the build refuses a site that links to it)"]


def test_captions_of_a_published_video_are_read(example_hub: Hub) -> None:
    """A voice tag names the speaker in the captions file the site publishes as it is."""
    folder = "stories/2026-02-09-centring-at-the-wheel"
    captions = example_hub.root / folder / "centring.en.vtt"
    captions.write_text(captions.read_text(encoding="utf-8") + (
        "\n00:03.800 --> 00:04.000\n<v Roberto Fabbri>Keep it wet.</v>\n"), encoding="utf-8")
    found = [d for d in diagnostics(example_hub) if "centring" in d]
    assert found == [
        f"{folder}/centring.en.vtt:11:4: mentions Roberto Fabbri (people/roberto-fabbri.md), "
        "who may not be named on the site (roberto-fabbri withdrew consent on 2025-09-15): "
        "remove the name, or tell it without naming them (the build refuses a site that "
        "names them)"], found


def test_the_build_stops_before_writing_anything(unnamed: Hub) -> None:
    """The build says the same, at the line, and writes nothing: no page to take down."""
    unnamed.write("stories/first-oven.md", story_text("The first oven",
                                                      body="Marco Bianchi fixed it."))
    for result in (unnamed.mkdocs("build"), unnamed.storyhub("build")):
        assert result.returncode != 0
        assert f"stories/first-oven.md:8:1: {NAMED}" in result.stderr
        assert "trace(s) of unpublished content" not in result.stderr
    assert not (unnamed.root / "site").exists()


def test_a_hub_that_hides_nothing_reads_nothing(hub: Hub, monkeypatch: pytest.MonkeyPatch
                                                ) -> None:
    import storyhub.pipeline.mentions as module

    monkeypatch.setattr(module, "mentions", lambda *a: pytest.fail("read"))
    assert diagnostics(hub) == []


def test_reading_whole_first_finds_what_reading_line_by_line_finds() -> None:
    """mentions() reads each view of a text whole before line by line: on random texts of
    names, line breaks, blanks, references, tags and emphasis, every place a line-by-line
    reading finds is found, and each at the line its trace starts on."""
    rng = random.Random(41)
    words = ["marco", "Bianchi", "MARCO", "bianchi", "night", "stories/soon", "-ish", "/"]
    pieces = [" ", "\n", "\n\n", "  ", "**", "_", "<em>", "</em>", "<a\nhref>", "&amp;",
              "&shy;", "\u00ad", "\u200b", "ｍ", "é", "\t"]
    traces = Matcher([Secret(normalise("Marco Bianchi"), ""),
                      Secret("stories/soon", "", url=True, always=True)])
    for case in range(3000):
        text = "".join(rng.choice(words) if rng.random() < 0.5 else rng.choice(pieces)
                       for _ in range(rng.randint(0, 30)))
        found = list(mentions(text, traces))
        lines = text.split("\n")
        for line, _ in found:
            assert 1 <= line <= len(lines), (case, text)
        expected = set()
        for view in (text, *([module_markup(text)] if any(m in text for m in "<*_~`") else [])):
            joined = " ".join(filter(None, (_folded(line) for line in view.split("\n"))))
            expected |= {secret.text for secret, _, _ in traces.find(joined)}
        assert {secret.text for _, secret in found} == expected, (case, text)


def module_markup(text: str) -> str:
    from storyhub.pipeline.mentions import _MARKUP

    return _MARKUP.sub("", text)


def _folded(line: str) -> str:
    import html

    return normalise(html.unescape(line) if "&" in line else line)


def test_what_the_site_does_not_publish_is_not_read(unnamed: Hub) -> None:
    """A writer's note (an HTML comment, a YAML comment) is never published: no error, and
    the build passes its scan. A comment that ends at once (``<!-->``) shows what follows:
    the sanitiser and the check take comments out the same way."""
    unnamed.write("stories/first-oven.md", story_text(
        "The first oven", extra="# Marco Bianchi checked the dates\n",
        body="Fixed at dawn.\n<!-- ask Marco Bianchi\nagain -->\nThe end."))
    assert diagnostics(unnamed) == []
    unnamed.build()
    unnamed.write("stories/first-oven.md", story_text(
        "The first oven", body="Fixed at dawn.\n<!-->Marco Bianchi fixed it.\n"))
    assert diagnostics(unnamed) == [f"stories/first-oven.md:9:6: {NAMED}"]


def test_a_page_linked_out_of_the_hub_is_not_read(unnamed: Hub, tmp_path) -> None:
    """A page of docs/ that is a symbolic link to a file outside the hub is not read by the
    check (its words are not reported; the build refuses the link itself)."""
    outside = tmp_path / "outside.md"
    outside.write_text("Marco Bianchi\n", encoding="utf-8")
    (unnamed.root / "docs/notes.md").symlink_to(outside)
    assert diagnostics(unnamed) == []
    result = unnamed.mkdocs("build")
    assert result.returncode == 1
    assert "docs/notes.md:1:1: 'notes.md' is a symbolic link" in result.stderr
    assert "mentions Marco Bianchi" not in result.stderr
