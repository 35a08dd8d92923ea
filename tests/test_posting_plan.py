"""The posting plan never runs dry and imports cleanly (issue 22): re-shares fill free
slots (the example hub has a plan on any day), an empty plan says why and still writes a
valid calendar, posts that leave the plan are cancelled with their UID and a higher
SEQUENCE (read with icalendar across builds), the horizon holds, and each scheduler's
rules hold on a generated hub of 1,000 stories (files read with csv)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from conftest import REPO, Hub, copy_example, image_bytes, story_text

EPOCH = {"SOURCE_DATE_EPOCH": "1772434800"}


def _snippets(hub: Hub, out: str, as_of: str) -> tuple[Path, str]:
    result = hub.storyhub("snippets", "--out", out, "--as-of", as_of, env=EPOCH)
    assert result.returncode == 0, result.stderr
    return hub.root / out, result.stderr


def _calendar(folder: Path) -> dict[str, object]:
    return json.loads((folder / "calendar.json").read_text(encoding="utf-8"))


def _events(folder: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical((folder / "calendar.ics").read_bytes())
    return {str(e["UID"]).split("@", 1)[0]: e for e in calendar.walk("VEVENT")}


# -- the example hub has a plan on any day ------------------------------------------------------


@pytest.mark.parametrize("as_of", ["2026-03-02T08:00:00+01:00", "2026-12-06T08:00:00+01:00",
                                   "2031-07-15T08:00:00+02:00"])
def test_example_hub_plan_is_never_empty(as_of: str) -> None:
    """Planned without drawing anything (the calendar is made with the snippets): on the
    day of the example's newest stories, months after them and years after them."""
    from storyhub.pipeline import Pipeline

    moment = datetime.fromisoformat(as_of)
    pipeline = Pipeline.from_config_file(REPO / "mkdocs.yml", as_of=moment)
    pipeline.check()
    social = pipeline.prepare_outputs(out_dir=Path("/nonexistent"))
    calendar = social.calendar
    assert calendar is not None and calendar.posts and not calendar.empty_reasons
    options = pipeline.settings.options.calendar
    zone = ZoneInfo(options.timezone)
    end = datetime.combine(moment.date() + timedelta(days=1 + options.horizon_days), time(0, 0),
                           tzinfo=zone)
    assert all(moment < post.at < end for post in calendar.posts)
    reshares = [post for post in calendar.posts if post.reshare]
    assert reshares and all(post.uid.endswith(f".reshare-{post.reshare}")
                            for post in reshares)
    # a re-share's story was last posted at least evergreen_after_days before
    wait = timedelta(days=options.evergreen_after_days)
    for post in reshares:
        story = next(s for s in pipeline.hub.stories if s.id == post.story)
        assert post.at - datetime.combine(story.date, time(0, 0), tzinfo=zone) >= wait
    # balance: no value takes more than half of a network's re-shares
    for network in {post.network for post in reshares}:
        firsts = Counter(post.tags[0] for post in reshares if post.network == network)
        assert max(firsts.values()) <= max(2, sum(firsts.values()) // 2), firsts
    # at most evergreen_per_week re-shares a week on a network
    weeks = Counter((p.network, p.at.isocalendar()[:2]) for p in reshares)
    assert max(weeks.values()) <= options.evergreen_per_week


def test_reshares_are_marked_in_every_export(tmp_path: Path, example_site: Path) -> None:

    root = tmp_path / "example"
    root.mkdir()
    copy_example(root)
    hub = Hub(root)
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(text.replace("      calendar:\n",
                                                  "      cards: false\n      calendar:\n"),
                                     encoding="utf-8")
    folder, stderr = _snippets(hub, "out", "2026-12-06T08:00:00+01:00")
    posts = _calendar(folder)["posts"]
    assert isinstance(posts, list) and posts
    assert all(p["reshare"] >= 1 for p in posts)  # nothing new since September: all re-shares
    assert re.search(r"\d+ re-shares of older stories fill free slots", stderr)
    events = _events(folder)
    for post in posts:
        event = events[post["uid"]]
        assert "re-share" in str(event["SUMMARY"])
        assert "re-share" in [str(c) for c in event["CATEGORIES"].cats]
    rows = list(csv.reader(io.StringIO((folder / "buffer-linkedin.csv").read_text(
        encoding="utf-8"), newline="")))
    assert rows[1:] and all("reshare" in row[2].split(",") for row in rows[1:])
    data = json.loads((folder / "snippets.json").read_text(encoding="utf-8"))
    marked = [s for story in data["stories"] for s in story["snippets"] if s["reshares"]]
    assert sum(len(s["reshares"]) for s in marked) == len(posts)
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert page.count('class="reshare"') >= 1
    # Share cards off: the Instagram rows carry the story's own photo, or are left out
    # with a warning naming the story.
    instagram = list(csv.reader(io.StringIO((folder / "buffer-instagram.csv").read_text(
        encoding="utf-8"), newline="")))[1:] if (folder / "buffer-instagram.csv").exists() else []
    assert all(row[1].startswith("https://stories.example.com/") for row in instagram)
    left_out = [p for p in posts if p["network"] == "instagram" and not p["image_url"]]
    for post in left_out:
        assert f"({post['story']})" in stderr and "has no image" in stderr
    assert len(instagram) + len(left_out) == sum(1 for p in posts if p["network"] == "instagram")


# -- an empty plan says why, and the calendar is still valid ------------------------------------


def test_empty_plan_says_why_and_writes_a_valid_calendar(hub: Hub) -> None:
    hub.config(calendar={"evergreen": False})
    folder, stderr = _snippets(hub, "out", "2026-12-06T08:00:00+01:00")
    assert "Nothing is planned." in stderr
    assert ("Every story is older than calendar.backlog_days (30 days; the newest is from "
            "2025-03-14): publish a new story, or raise backlog_days.") in stderr
    assert ("Re-shares are off: set calendar.evergreen: true to fill free slots with older "
            "stories.") in stderr
    raw = (folder / "calendar.ics").read_bytes()
    calendar = icalendar.Calendar.from_ical(raw)
    assert not list(calendar.walk("VEVENT")) and list(calendar.walk("VTIMEZONE"))
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert _calendar(folder)["empty_reasons"] == ["why_backlog", "why_evergreen_off"]
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert "Re-shares are off" in page and 'href="calendar.ics"' in page
    # Re-shares on, but every story posted too recently for one within the horizon.
    hub.config(calendar={"evergreen_after_days": 3000})
    folder, stderr = _snippets(hub, "again", "2026-12-06T08:00:00+01:00")
    assert ("No story is due for a re-share within the horizon: each was posted less than "
            "calendar.evergreen_after_days (3000) ago. Lower evergreen_after_days, or raise "
            "calendar.horizon_days (90).") in stderr
    # The default: the same hub has a plan.
    hub.config()
    folder, stderr = _snippets(hub, "default", "2026-12-06T08:00:00+01:00")
    assert _calendar(folder)["posts"] and "Nothing is planned" not in stderr


# -- cancellations across two builds ------------------------------------------------------------


def test_withdrawal_between_two_builds_cancels_with_the_same_uid(hub: Hub) -> None:
    hub.write("stories/night-shift.md", story_text(
        "Night shift", date="2026-03-01", people="[giulia, marco]", values="[craft, care]"))
    hub.write("stories/bread.md", story_text("Bread at dawn", date="2026-03-01",
                                             summary="Flour everywhere."))
    hub.config(snippets={"networks": ["linkedin", "x"]},
               calendar={"days": ["mon", "tue", "wed", "thu", "fri"], "times": ["09:30"],
                         "evergreen": False})
    first, _ = _snippets(hub, "site/snippets", "2026-03-02T08:00:00+01:00")
    before = _events(first)
    night = {uid for uid in before if uid.startswith("night-shift.")}
    assert night and all(int(before[uid].get("SEQUENCE", 0)) == 0 for uid in before)
    # Between the builds: Marco withdraws consent (the story is taken down) and the other
    # story's summary changes (its posts change).
    hub.write("people/marco.md", (hub.root / "people/marco.md").read_text(
        encoding="utf-8").replace("  date: 2025-01-15\n",
                                  "  date: 2025-01-15\n  withdrawn: 2026-03-02\n"))
    hub.write("stories/bread.md", story_text("Bread at dawn", date="2026-03-01",
                                             summary="Flour everywhere, and songs."))
    second, stderr = _snippets(hub, "site/snippets", "2026-03-03T08:00:00+01:00")
    after = _events(second)
    future = {uid for uid in night
              if before[uid].decoded("DTSTART") > datetime.fromisoformat(
                  "2026-03-03T08:00:00+01:00")}
    assert future
    for uid in future:
        event = after[uid]
        assert str(event["STATUS"]) == "CANCELLED"
        assert int(event["SEQUENCE"]) == int(before[uid].get("SEQUENCE", 0)) + 1
        assert event.decoded("DTSTART") == before[uid].decoded("DTSTART")
        assert "Night shift" not in str(event["SUMMARY"])  # no title of a taken-down story
        assert "DESCRIPTION" not in event
    assert f"{len(future)} posts of the previous plan are cancelled" in stderr
    bread = [uid for uid in after if uid.startswith("bread.")]
    assert bread and all(int(after[uid]["SEQUENCE"]) == 1 for uid in bread if uid in before)
    assert all(str(after[uid]["STATUS"]) == "CONFIRMED" for uid in bread)
    # A third build with nothing changed: the cancellations stay (for a late re-import),
    # with the same SEQUENCE; nothing else moves.
    third, _ = _snippets(hub, "site/snippets", "2026-03-03T09:00:00+01:00")
    again = _events(third)
    for uid in future:
        assert str(again[uid]["STATUS"]) == "CANCELLED"
        assert int(again[uid]["SEQUENCE"]) == int(after[uid]["SEQUENCE"])
    for uid in bread:
        assert int(again[uid]["SEQUENCE"]) == int(after[uid]["SEQUENCE"])
    # No trace of the withdrawn person in the calendar.
    assert "Marco" not in (third / "calendar.ics").read_text(encoding="utf-8")
    assert "Marco" not in (third / "calendar.json").read_text(encoding="utf-8")


def test_previous_plan_given_by_option(hub: Hub) -> None:
    hub.write("stories/night-shift.md", story_text(
        "Night shift", date="2026-03-01", people="[giulia, marco]", values="[craft, care]"))
    hub.config(calendar={"evergreen": False})
    first, _ = _snippets(hub, "one", "2026-03-02T08:00:00+01:00")
    hub.write("stories/night-shift.md", story_text(
        "Night shift", date="2026-03-01", people="[giulia, marco]", values="[craft, care]",
        extra="draft: true\n"))
    hub.config(calendar={"evergreen": False, "previous": "one/calendar.json"})
    second, _ = _snippets(hub, "two", "2026-03-03T08:00:00+01:00")
    cancelled = _calendar(second)["cancelled"]
    assert cancelled and {c["story"] for c in cancelled} == {"night-shift"}
    hub.config(calendar={"previous": "missing/calendar.json"})
    wrong = hub.storyhub("snippets", "--out", "three")
    assert wrong.returncode == 2
    assert "calendar.previous missing/calendar.json: cannot read it" in wrong.stderr
    # nothing from outside the hub, a symbolic link included
    outside = hub.root.parent / "elsewhere.json"
    outside.write_text((first / "calendar.json").read_text(encoding="utf-8"), encoding="utf-8")
    (hub.root / "linked.json").symlink_to(outside)
    hub.config(calendar={"previous": "../elsewhere.json"})  # refused with the options
    refused = hub.storyhub("snippets", "--out", "four")
    assert refused.returncode == 2
    assert ("storyhub option 'calendar.previous': '../elsewhere.json' is outside the hub"
            in refused.stderr)
    hub.config(calendar={"previous": "linked.json"})  # refused when the link is followed
    refused = hub.storyhub("snippets", "--out", "four")
    assert refused.returncode == 2
    assert ("calendar.previous linked.json: must be a file inside the hub (or an https:// "
            "address): no file from outside it is read") in refused.stderr


# -- 1,000 stories: each scheduler's rules and the horizon ------------------------------------


def test_generated_hub_of_1000_stories_meets_every_scheduler_rule(hub: Hub) -> None:
    """Built through the command line (no site): 1,000 stories over four years, many with
    the same title and summary (their X texts differ only by their link), photos on a few,
    share cards off."""
    for index in range(1000):
        day = date(2023, 1, 2) + timedelta(days=index * 3 // 2)
        same = index % 5 == 0  # a fifth of the stories read the same but for their link
        title = "Team day" if same else f"Story number {index}"
        summary = "We met." if same else f"Summary number {index}."
        people = "[giulia, marco]" if index % 3 == 0 else "[giulia]"
        if index % 100 == 7:
            hub.write(f"stories/s{index:04d}/index.md", story_text(
                title, date=day.isoformat(), people=people, summary=summary,
                extra="image: photo.jpg\nimage_alt: The kitchen at dawn\n"))
            hub.write(f"stories/s{index:04d}/photo.jpg", image_bytes(size=(64, 48)))
        else:
            hub.write(f"stories/s{index:04d}.md", story_text(
                title, date=day.isoformat(), people=people, summary=summary))
    hub.config(cards=False, snippets={"networks": ["linkedin", "x", "instagram", "mastodon"]},
               calendar={"days": ["mon", "tue", "wed", "thu", "fri"],
                         "times": ["09:00", "12:30", "17:45"], "backlog_days": 400,
                         "spacing": {"x": 2, "linkedin": 4, "instagram": 4},
                         "buffer_max_rows": 50})
    folder, stderr = _snippets(hub, "out", "2026-01-20T08:00:00+01:00")
    data = _calendar(folder)
    posts = data["posts"]
    assert isinstance(posts, list) and len(posts) > 500
    # the horizon: nothing after it, the rest counted and told
    end = date.fromisoformat(str(data["horizon_end"]))
    assert end == date(2026, 4, 21)
    assert all(datetime.fromisoformat(str(p["at"])).date() < end for p in posts)
    assert int(data["beyond_horizon"]) > 0
    assert (f"{int(data['beyond_horizon']):,} posts wait beyond the horizon (21 April 2026): "
            "a later build plans them.") in stderr
    # Buffer: within its cap per file, one network per file, Instagram always with an image
    by_network = Counter(p["network"] for p in posts)
    for path in folder.glob("buffer-*.csv"):
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        assert rows[0] == ["Text", "Image URL", "Tags", "Posting Time"]
        assert 0 < len(rows) - 1 <= 50, path.name
        if path.name.startswith("buffer-instagram"):
            assert all(row[1].startswith("https://stories.example.com/") for row in rows[1:])
    instagram = [p for p in posts if p["network"] == "instagram"]
    with_image = [p for p in instagram if p["image_url"]]
    assert with_image and len(with_image) < len(instagram)
    buffer_instagram = sum(
        len(list(csv.reader(io.StringIO(p.read_text(encoding="utf-8"), newline="")))) - 1
        for p in folder.glob("buffer-instagram*.csv"))
    assert buffer_instagram == len(with_image)
    story = next(p for p in instagram if not p["image_url"])
    assert (f"Buffer: the Instagram post of “{story['title']}” ({story['story']}) on "
            f"{story['at']} has no image") in stderr
    assert sum(1 for p in folder.glob("buffer-x*.csv")) == -(-by_network["x"] // 50)
    # Hootsuite: no Mastodon file; within 350; no message twice after link removal
    assert not list(folder.glob("hootsuite-mastodon*.csv"))
    assert list(folder.glob("buffer-mastodon*.csv"))
    for network in ("linkedin", "x", "instagram"):
        messages: list[str] = []
        for path in sorted(folder.glob(f"hootsuite-{network}*.csv")):
            rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"),
                                               newline="")))
            assert 0 < len(rows) <= 350
            for row in rows:
                if network == "instagram":
                    assert row[2] == ""
                messages.append(row[1])  # what Hootsuite compares: the link column apart
        assert len(messages) == len(set(messages)), network
    assert "read the same as another once its link was removed" in stderr


# -- the horizon in the report --------------------------------------------------------------


def test_report_counts_posts_beyond_the_horizon(hub: Hub) -> None:
    for index in range(12):
        hub.write(f"stories/s{index}.md", story_text(f"Story {index}", date="2026-03-01"))
    hub.config(snippets={"networks": ["linkedin"]},
               calendar={"days": ["tue"], "times": ["09:30"], "horizon_days": 14})
    result = hub.storyhub("report", "--as-of", "2026-03-02T08:00:00+01:00")
    assert result.returncode == 0, result.stderr
    assert ("Posting plan: 2 post(s) planned before 2026-03-17 (0 re-share(s)); 22 wait "
            "beyond it, for a later build.") in result.stdout
    figures = json.loads(hub.storyhub("report", "--format", "json", "--as-of",
                                      "2026-03-02T08:00:00+01:00").stdout)["plan"]
    assert figures == {"planned": 2, "reshares": 0, "beyond": 22,
                       "horizon_end": "2026-03-17", "cancelled": 0}
