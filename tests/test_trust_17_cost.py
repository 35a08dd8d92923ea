"""Class 17 (issue 20, class 5): cost is linear in any one input.

Each input is bounded where it enters (``LIMITS`` in the content model, checked by
``storyhub check`` with the line), and each step that grew faster than its input is
linear: a listing page's filter chips are capped (the most used, then one chip to the
index), and shortening a text finds its cuts in one pass and makes a cut's text only when
the search asks for it. Costs are counted at two sizes — chips, calls, bytes — not timed.
"""

from __future__ import annotations

import shutil
import tracemalloc
from pathlib import Path

import pytest
from conftest import Hub, run_core, story_text
from storyhub.content.model import LIMITS
from storyhub.site.view import MAX_CHIPS
from storyhub.social.shorten import shorten, word_cuts
from trust import diagnostics

ITEMS = ("each one is shown on every page, feed and post that lists the story")


@pytest.mark.parametrize("extra, title, summary, message", [
    ("tags: [" + ", ".join(f"t{i}" for i in range(5000)) + "]\n", "A", "S.",
     f"stories/a.md:7:7: 'tags' has 5,000 items; at most {LIMITS['tags']} are accepted ({ITEMS})"),
    ("tags: [" + "x" * 61 + "]\n", "A", "S.",
     "stories/a.md:7:8: 'tags[1]' is 61 characters long; at most 60 are accepted: shorten it"),
    ("", "T" * 20_000, "S.",
     "stories/a.md:2:8: 'title' is 20,000 characters long; at most 200 are accepted: "
     "shorten it"),
    ("", "A", "S" * 30_000,
     "stories/a.md:6:10: 'summary' is 30,000 characters long; at most 1,000 are accepted: "
     "shorten it"),
    ("social:\n  linkedin: " + "w " * 4000 + "\n", "A", "S.",
     "stories/a.md:8:13: 'social.linkedin' is 7,999 characters long; at most 5,000 are "
     "accepted: shorten it"),
    ("image_alt: " + "a" * 1001 + "\n", "A", "S.",
     "stories/a.md:7:12: 'image_alt' is 1,001 characters long; at most 1,000 are accepted: "
     "shorten it"),
])
def test_each_input_is_bounded_at_check_time(
    hub: Hub, extra: str, title: str, summary: str, message: str
) -> None:
    hub.write("stories/a.md", story_text(title, summary=summary, extra=extra))
    assert diagnostics(hub) == [message]


def test_people_per_story(hub: Hub) -> None:
    hub.write("stories/a.md", story_text("A", people="[" + ", ".join(["giulia"] * 40) + "]"))
    assert diagnostics(hub) == [
        f"stories/a.md:4:9: 'people' has 40 items; at most 30 are accepted ({ITEMS})"]


def _chips(hub: Hub, stories: int) -> tuple[int, int]:
    """(chips on one listing page, tags) of a hub whose every story has 3 tags of its own."""
    for number in range(stories):
        hub.write(f"stories/s{number}.md", story_text(
            f"Story {number}", extra=f"tags: [a{number}, b{number}, c{number}]\n"))
    pipeline = run_core(hub.root, site_name="Test")
    assert not pipeline.diagnostics.errors
    groups = pipeline.view.filters()
    return sum(len(chips) for _, chips in groups), len(pipeline.plan.tags)


def test_a_listing_page_has_the_same_chips_at_two_sizes(hub: Hub, tmp_path: Path) -> None:
    small, small_tags = _chips(hub, 20)
    other = Hub(tmp_path / "large")
    shutil.copytree(hub.root, other.root)
    large, large_tags = _chips(other, 40)
    assert (small_tags, large_tags) == (60, 120)
    assert small == large <= 3 * MAX_CHIPS + 8  # tags capped (+1 "all" chip), per page
    # so all tag pages together hold chips in proportion to the tags: linear
    assert large_tags * large / (small_tags * small) == pytest.approx(2.0)


def _peak(text: str) -> int:
    tracemalloc.start()
    try:
        cuts = word_cuts(text)
        assert len(cuts) > 0
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_word_cuts_take_memory_in_proportion_to_the_text() -> None:
    """Before: one copy of the text per word (quadratic bytes). Now: linear."""
    small = _peak("word " * 4_000)
    large = _peak("word " * 8_000)
    assert large / small < 2.5


def test_shortening_asks_a_logarithmic_number_of_questions() -> None:
    def calls(words: int) -> tuple[int, int]:
        asked: list[int] = []

        def fits(text: str) -> bool:
            asked.append(len(text))
            return len(text) <= 280

        result = shorten("Un forno acceso. " * words, fits)
        assert result is not None and len(result) <= 280
        return len(asked), sum(asked)

    (small_calls, small_bytes), (large_calls, large_bytes) = calls(2_000), calls(4_000)
    assert large_calls <= small_calls + 3
    assert large_bytes <= small_bytes * 2 + 2_000  # the whole text is measured once: linear
