"""Class 6: nothing silently ignored. Every file under stories/ and people/ is read, or a
warning names it and says what storyhub expected."""

from __future__ import annotations

import pytest
from conftest import Hub, image_bytes, person_text, story_text
from trust import diagnostics

STORIES = ("a story is stories/<slug>.md or stories/<slug>/index.md (one folder deep), and "
           "other files are published only beside a story's index.md or when a story names "
           "them in 'image:'")
PEOPLE = ("a profile is people/<id>.md (not in a subfolder); photos are published only when a "
          "profile names them in 'photo:'")


@pytest.mark.parametrize("path, expected", [
    ("stories/night.md.txt", f"'night.md.txt' is not read: {STORIES} — rename it to 'night.md'"),
    ("stories/night.markdown", f"'night.markdown' is not read: {STORIES} — rename it to "
     "'night.md'"),
    ("stories/night.txt", f"'night.txt' is not read: {STORIES} — rename it to 'night.md'"),
    ("stories/2025/night/index.md", f"'index.md' is not read: {STORIES} — move its folder to "
     "stories/night/"),
    ("stories/drafts/old/night.md", f"'night.md' is not read: {STORIES} — move it to "
     "stories/night.md"),
    ("stories/_night.md", f"'_night.md' is not read: {STORIES} — files starting with '_' are "
     "skipped; rename it to drop the '_'"),
    ("people/team/pia.md", f"'pia.md' is not read: {PEOPLE} — move it to people/pia.md"),
    ("people/pia.txt", f"'pia.txt' is not read: {PEOPLE} — rename it to 'pia.md'"),
    ("people/pia.markdown", f"'pia.markdown' is not read: {PEOPLE} — rename it to 'pia.md'"),
    ("people/.pia.md", f"'.pia.md' is not read: {PEOPLE} — files starting with '.' are "
     "skipped; rename it to drop the '.'"),
])
def test_a_file_that_is_not_read_is_named(hub: Hub, path: str, expected: str) -> None:
    hub.write(path, story_text("Lost") if path.startswith("stories") else person_text("Pia"))
    assert diagnostics(hub, "warning") == [f"{path}:1:1: warning: {expected}"]


@pytest.mark.parametrize("path, field, who", [
    ("stories/images/unused.jpg", "image", "story"),
    ("stories/unused.png", "image", "story"),
    ("people/photos/unused.jpg", "photo", "profile"),
    ("people/photos/old.heic", "photo", "profile"),
])
def test_an_image_nothing_names_is_reported(hub: Hub, path: str, field: str, who: str) -> None:
    hub.write(path, image_bytes())
    name = path.rsplit("/", 1)[1]
    assert diagnostics(hub, "warning") == [
        f"{path}:1:1: warning: '{name}' is not used: no {who} names it in '{field}:', so it is "
        "not published"]


def test_upper_case_md_extension_is_read(hub: Hub) -> None:
    hub.write("stories/loud.MD", story_text("Loud story"))
    assert diagnostics(hub) == [] and diagnostics(hub, "warning") == []
    assert (hub.build() / "stories/loud/index.html").is_file()


def test_readme_and_system_junk_are_quiet(hub: Hub) -> None:
    hub.write("stories/README.md", "How to write a story.")
    hub.write("people/README.md", "How to write a profile.")
    hub.write("stories/.DS_Store", b"\0\0\0\1Bud1")
    hub.write("people/photos/Thumbs.db", b"\0")
    assert diagnostics(hub, "warning") == []


def test_every_file_of_the_example_hub_is_read(example_hub: Hub) -> None:
    assert diagnostics(example_hub, "warning") == []
