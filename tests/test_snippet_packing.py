"""A story's composed posts are kept packed (:mod:`storyhub.social.posts`): what comes back
must be exactly what was composed, and the outputs made from them must not change."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from conftest import Hub, read, story_text
from storyhub.options.model import CalendarOptions
from storyhub.outputs.social import SHARE_LINKS, ShareLinks, cached_share_links
from storyhub.pipeline import Pipeline
from storyhub.social import compose as compose_module
from storyhub.social import posts
from storyhub.social.calendar import plan_calendar
from storyhub.social.counting import Measure
from storyhub.social.posts import Snippet, StorySnippets, first_intents
from storyhub.social.schedulers import _file_data, _profile_row, profile_for, scheduler_files
from storyhub.text.networks import NETWORKS
from test_calendar import _synthetic

TEXTS = [
    "", "plain", "“Curly” quotes — and an emoji 👩‍🍳 with a line\r\nend",
    "a NUL \x00 and a lone surrogate \ud800 and \U0010ffff", "x" * 5000,
]


def _posts() -> list[Snippet]:
    made = []
    for index, text in enumerate(TEXTS):
        rule = list(NETWORKS.values())[index % len(NETWORKS)]
        share: Any = [rule, None, "https://example.com/intent?x=1"][index % 3]
        size = Measure(index * 7, rule.limit, rule.unit, index, rule.byte_limit)
        made.append(Snippet(rule.id, ["1", "own", "me", "2", "colleague"][index], text, size,
                            f"https://example.com/s/{index}/?utm_source={rule.id}", share,
                            date(2026, 1, 1 + index), bool(index % 2)))
    return made


def _story(slug: str = "night-shift") -> Any:
    return SimpleNamespace(id=slug)


def test_packed_posts_come_back_equal_and_in_order() -> None:
    composed = _posts()
    item = StorySnippets(_story(), "https://example.com/s/", [("craft", "Craft")],
                         [("giulia", "Giulia")], None, composed)
    assert list(item.snippets) == composed
    for got, made in zip(item.snippets, composed, strict=True):
        assert type(got.text) is str and got.text == made.text
        assert got.share is made.share or got.share == made.share  # the rule objects back
    assert StorySnippets(_story(), "/s/", [], [], None).snippets == ()
    # the layout, read without unpacking, is one tuple for the stories that share it
    assert item.layout == tuple((s.network, s.variant) for s in composed)
    assert StorySnippets(_story("other"), "/o/", [], [], None, _posts()).layout is item.layout


def test_a_hubs_composed_posts_are_the_ones_unpacked(hub: Hub, monkeypatch: pytest.MonkeyPatch
                                                     ) -> None:
    hub.write("stories/long-night.md", story_text(
        "A “long” night — 🍞", people="[giulia, marco]", values="[craft, care]",
        summary="“Quoted” hook, é and 日本."))
    given: dict[str, list[Snippet]] = {}

    class Recording(StorySnippets):
        __slots__ = ()

        def __init__(self, story: Any, url: str, values: Any, people: Any, cards: Any,
                     snippets: list[Snippet], *rest: Any) -> None:
            given[story.id] = list(snippets)
            super().__init__(story, url, values, people, cards, snippets, *rest)

    monkeypatch.setattr(compose_module, "StorySnippets", Recording)
    pipeline = Pipeline.from_config_file(hub.root / "mkdocs.yml")
    social = pipeline.prepare_outputs(reuse_exports=False)
    assert social.snippets is not None and len(given) == 3
    for item in social.snippets.stories:
        assert list(item.snippets) == given[item.story.id]
        assert any("日本" in s.text for s in item.snippets) == (item.story.id == "long-night")
        # kept apart for the story page, equal to those made from the unpacked posts
        assert item.share_links == first_intents(item.snippets, social.snippets.rules)
        assert item.share_links


def test_only_the_last_stories_read_stay_unpacked() -> None:
    items = [StorySnippets(_story(f"s{i}"), "/s/", [], [], None, _posts())
             for i in range(posts.KEEP_UNPACKED + 5)]
    for item in items:
        assert list(item.snippets) == _posts()
    assert len(posts._unpacked) <= posts.KEEP_UNPACKED
    assert items[0]._open is None and items[-1]._open is not None
    assert list(items[0].snippets) == _posts()  # unpacked again, the same posts
    items[-1].snippets = _posts()[:2]  # type: ignore[assignment]
    assert list(items[-1].snippets) == _posts()[:2]
    assert len(posts._unpacked) <= posts.KEEP_UNPACKED


def test_first_intents_with_and_without_intents_made() -> None:
    composed = _posts()
    rules = {rule.id: rule for rule in NETWORKS.values()}
    intents = [s.intent for s in composed]
    assert first_intents(composed, rules) == first_intents(composed, rules, intents)
    names = [name for name, _ in first_intents(composed, rules)]
    assert len(names) == len(set(names))


def test_calendar_posts_read_their_text_from_the_packed_posts(hub: Hub) -> None:
    for day in range(1, 8):
        hub.write(f"stories/day-{day}.md", story_text(f"Day “{day}”", date=f"2026-02-0{day}",
                                                      people="[giulia]"))
    hub.config(calendar={"start": "2026-02-01", "backlog_days": 400})
    pipeline = Pipeline.from_config_file(hub.root / "mkdocs.yml")
    social = pipeline.prepare_outputs(reuse_exports=False)
    assert social.calendar is not None and social.snippets is not None
    by_story = {item.story.id: item for item in social.snippets.stories}
    assert len(social.calendar.posts) > 10
    for post in social.calendar.posts:
        found = [s for s in by_story[post.story].snippets
                 if (s.network, s.variant) == (post.network, post.variant)]
        assert len(found) == 1
        assert (post.text, post.link) == (found[0].text, found[0].link)


def _per_network(calendar: Any) -> list[tuple[str, int, bytes]]:
    """The scheduler files as a pass per network made them."""
    files = []
    by_network: dict[str, list[Any]] = {}
    for post in calendar.posts:
        by_network.setdefault(post.network, []).append(post)
    for profile_id in calendar.options.schedulers:
        profile = profile_for(profile_id,
                              hootsuite_date_format=calendar.options.hootsuite_date_format,
                              buffer_max_rows=calendar.options.buffer_max_rows)
        for network, planned in by_network.items():
            if network not in profile.networks:
                continue
            seen: set[str] = set()
            rows = [_profile_row(profile, post, NETWORKS[network].links_clickable, seen, [])
                    for post in planned]
            mine = [row for row in rows if row is not None]
            size = profile.max_rows or max(len(mine), 1)
            for number, first in enumerate(range(0, len(mine), size), start=1):
                chunk = mine[first:first + size]
                suffix = "" if number == 1 else f"-{number}"
                files.append((f"{profile.id}-{network}{suffix}.csv", len(chunk),
                              _file_data(profile, chunk)))
    return files


def test_scheduler_files_in_one_pass_equal_a_pass_per_network() -> None:
    hub, snippets = _synthetic(400)
    calendar = plan_calendar(hub, snippets, CalendarOptions(  # type: ignore[arg-type]
        days=("mon", "tue", "wed", "thu", "fri"), times=("09:00", "13:00", "17:00"),
        spacing={"x": 1}, backlog_days=1000))
    made = [(f.name, f.rows, f.data) for f in scheduler_files(calendar)]
    assert made == _per_network(calendar)
    assert any(name.endswith("-2.csv") for name, _, _ in made)


def test_a_refused_time_names_the_post_a_pass_per_network_met_first() -> None:
    hub, snippets = _synthetic(30)
    options = CalendarOptions(backlog_days=1000, schedulers=("hootsuite",),  # type: ignore[arg-type]
                              spacing={"linkedin": 28, "x": 1})
    # not a time the options accept (Hootsuite refuses it): a planner given it anyway
    calendar = plan_calendar(hub, snippets,
                             options.model_copy(update={"times": ("09:00", "13:03")}))
    refused = [p for p in calendar.posts if p.at.minute == 3]
    # LinkedIn, the first network, is refused after X is: a pass per network names LinkedIn
    assert refused[0].network == "x" and calendar.posts[0].network == "linkedin"
    with pytest.raises(ValueError) as expected:
        _per_network(calendar)
    with pytest.raises(ValueError) as found:
        scheduler_files(calendar)
    assert str(found.value) == str(expected.value)
    first_linkedin = next(p for p in refused if p.network == "linkedin")
    assert first_linkedin.at.isoformat() in str(found.value)


def _story_pages(site: Path) -> dict[str, str]:
    return {p.parent.name: read(site, str(p.relative_to(site)))
            for p in sorted((site / "stories").glob("*/index.html"))}


def test_share_links_of_a_reused_build_are_those_of_a_composed_one(hub: Hub) -> None:
    hub.write("stories/long-night.md", story_text(
        "A “long” night", people="[giulia, marco]", summary="“Quoted” hook & more."))
    composed = _story_pages(hub.build())
    assert "x.com/intent/post?text=" in composed["long-night"]
    folders = list((hub.root / ".cache" / "storyhub" / "snippets").iterdir())
    assert len(folders) == 1 and (folders[0] / SHARE_LINKS).is_file()
    stored = cached_share_links(folders[0])
    assert _story_pages(hub.build(site="again")) == composed  # the exports reused
    (folders[0] / SHARE_LINKS).unlink()  # without the file: read from snippets.json
    assert cached_share_links(folders[0]) == stored

    pipeline = Pipeline.from_config_file(hub.root / "mkdocs.yml")
    social = pipeline.prepare_outputs(reuse_exports=False)
    assert social.snippets is not None
    links = ShareLinks(social.snippets)
    assert len(links) == 3 and set(links) == set(stored or {})
    assert {slug: links[slug] for slug in links} == stored


@pytest.mark.parametrize("count", [0, 40])
def test_calendar_json_written_a_post_at_a_time_is_the_standard_encoders(count: int) -> None:
    import json

    from storyhub.social.calendar import to_data
    from storyhub.social.export import indented_json_chunks

    hub, snippets = _synthetic(count)
    calendar = plan_calendar(hub, snippets, CalendarOptions(backlog_days=1000))  # type: ignore[arg-type]
    assert bool(calendar.posts) == bool(count)
    streamed = "".join(indented_json_chunks(to_data(calendar, streamed=True), stream=3))
    assert streamed == json.dumps(to_data(calendar), ensure_ascii=False, indent=2)
