"""Posts are composed once, by the output that writes them (:mod:`storyhub.outputs.social`):
a story page's share links come from its first post per network, never from every post; the
calendar and the scheduler files read the composed posts."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import Hub, read, story_text
from storyhub.options.model import CalendarOptions
from storyhub.pipeline import Pipeline
from storyhub.social import compose as compose_module
from storyhub.social.calendar import plan_calendar
from storyhub.social.schedulers import _file_data, _profile_row, profile_for, scheduler_files
from storyhub.text.networks import NETWORKS
from test_calendar import _synthetic


def _first_intents(posts: Any) -> list[tuple[str, str]]:
    """Per network, (its name, the intent of its first post that has one)."""
    seen: dict[str, str] = {}
    for post in posts:
        intent = post.intent
        if intent and post.network not in seen:
            seen[post.network] = intent
    return [(NETWORKS[network].name, url) for network, url in seen.items()]


@pytest.mark.parametrize("site_url", ["https://stories.example.com/", None])
def test_share_links_are_those_of_each_networks_first_post(
        hub: Hub, monkeypatch: pytest.MonkeyPatch, site_url: str | None) -> None:
    hub.write("stories/long-night.md", story_text(
        "A “long” night — 🍞", people="[giulia, marco]", values="[craft, care]",
        summary="“Quoted” hook, é and 日本.",
        extra="social:\n  bluesky: My own words on Bluesky.\n  linkedin: Mine too.\n"))
    if site_url is None:
        hub.set(site_url=None)
    pipeline = Pipeline.from_config_file(hub.root / "mkdocs.yml")
    social = pipeline.prepare_outputs()
    composed: list[str] = []
    story = compose_module.Composer.story

    def counting(self: Any, *args: Any) -> Any:
        composed.append(args[0].id)
        return story(self, *args)

    monkeypatch.setattr(compose_module.Composer, "story", counting)
    links = pipeline.share_links()
    pages = {slug: links[slug] for slug in links}
    assert composed == []  # the pages' links made without composing every post
    assert social.snippets is not None and len(composed) == 3
    for item in social.snippets.stories:
        assert pages[item.story.id] == _first_intents(item.snippets)
        assert social.composer.share_links_of(item) == pages[item.story.id]  # a preview's
    names = dict(pages["long-night"])
    if site_url:
        assert names["Bluesky"].endswith("text=My%20own%20words%20on%20Bluesky.")
        assert "linkedin.com" in names["LinkedIn"] and "utm_content%3Dvown" in names["LinkedIn"]
        assert set(names) == {"LinkedIn", "X", "Facebook", "Threads", "Bluesky"}
    else:
        assert set(names) == {"X", "Threads", "Bluesky"}  # an address is needed for the rest
    assert social.snippets is social.snippets  # composed once


def test_a_preview_reads_share_links_from_the_posts_it_kept(
        hub: Hub, monkeypatch: pytest.MonkeyPatch) -> None:
    """A preview keeps each story's posts between rebuilds: a page's share links are read
    from them, and only a story whose posts must be made again has its first posts made."""
    from storyhub.pipeline.renders import RenderCache

    kept = RenderCache()

    def rebuild() -> tuple[dict[str, list[tuple[str, str]]], Any]:
        pipeline = Pipeline.from_config_file(hub.root / "mkdocs.yml", serving=True)
        pipeline.preview = kept
        social = pipeline.prepare_outputs()
        links = pipeline.share_links()
        return {slug: links[slug] for slug in links}, social

    first, social = rebuild()
    assert social.snippets is not None  # composed, and kept
    made: list[str] = []
    share_links = compose_module.Composer.share_links

    def counting(self: Any, story: Any) -> Any:
        made.append(story.id)
        return share_links(self, story)

    monkeypatch.setattr(compose_module.Composer, "share_links", counting)
    again, social = rebuild()
    assert again == first and made == []
    hub.write("stories/night-shift.md", story_text("Night shift, again", people="[giulia, marco]",
                                                   summary="Told again, at dawn."))
    edited, social = rebuild()
    assert made == ["night-shift"]
    assert edited["first-oven"] == first["first-oven"]
    assert edited["night-shift"] != first["night-shift"]
    assert social.snippets is not None
    for item in social.snippets.stories:  # what a build without kept posts gives
        assert edited[item.story.id] == _first_intents(item.snippets)


def test_share_links_of_a_hub_without_share_cards_are_its_posts(hub: Hub) -> None:
    """Without share cards the calendar reads each story's photo from the site view; made
    while the posts were planned, before the social outputs existed, that view gave every
    page the links of a hub without snippets (title and address; fixed in issue 19)."""
    hub.config(cards={"enabled": False})
    page = read(hub.build(strict=False), "stories/night-shift/index.html")
    assert "x.com/intent/post?text=" in page and "utm_source%3Dx" in page
    assert "threads.net/intent/post" in page


def test_calendar_posts_read_their_text_from_the_composed_posts(hub: Hub) -> None:
    for day in range(1, 8):
        hub.write(f"stories/day-{day}.md", story_text(f"Day “{day}”", date=f"2026-02-0{day}",
                                                      people="[giulia]"))
    hub.config(calendar={"start": "2026-02-01", "backlog_days": 400})
    pipeline = Pipeline.from_config_file(hub.root / "mkdocs.yml")
    social = pipeline.prepare_outputs()
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


@pytest.mark.parametrize("count", [0, 40])
def test_calendar_json_written_a_post_at_a_time_is_the_standard_encoders(count: int) -> None:
    import json

    from storyhub.social.calendar import to_data
    from storyhub.text.jsontext import indented_json_chunks

    hub, snippets = _synthetic(count)
    calendar = plan_calendar(hub, snippets, CalendarOptions(backlog_days=1000))  # type: ignore[arg-type]
    assert bool(calendar.posts) == bool(count)
    streamed = "".join(indented_json_chunks(to_data(calendar, streamed=True)))
    assert streamed == json.dumps(to_data(calendar), ensure_ascii=False, indent=2)
