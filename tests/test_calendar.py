"""The posting calendar and its exports: calendar.ics read by ``icalendar`` (as strict
clients read it), the scheduler CSV files read by ``csv`` against each tool's exact format
(golden files for the example hub), the schedule's rules on the example hub and on a
synthetic hub of 1,000 stories, and ``storyhub check`` listing posts to cancel."""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections import defaultdict
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from conftest import Hub, copy_example, story_text
from storyhub.options.model import CalendarOptions, SnippetOptions
from storyhub.social.calendar import plan_calendar, publication_moment
from storyhub.social.cells import neutralise
from storyhub.social.ics import fold
from storyhub.social.schedulers import scheduler_files

GOLDEN = Path(__file__).parent / "golden" / "calendar"
AS_OF = "2026-03-02T08:00:00+01:00"
EPOCH = {"SOURCE_DATE_EPOCH": "1772434800"}  # 2026-03-02T07:00:00Z, the same moment
_CARD_HASH = re.compile(r"-(og|instagram)-[0-9a-f]{6,}\.jpg")


def _export(hub: Hub, out: str = "out", *extra: str) -> Path:
    result = hub.storyhub("snippets", "--out", out, "--as-of", AS_OF, *extra, env=EPOCH)
    assert result.returncode == 0, result.stderr
    return hub.root / out


@pytest.fixture(scope="module")
def example_export(tmp_path_factory: pytest.TempPathFactory, example_site: Path) -> Path:
    """The example's exports (its copy starts with the shared build's image cache)."""
    root = tmp_path_factory.mktemp("calendar") / "example"
    root.mkdir()
    copy_example(root)
    return _export(Hub(root))


def _posts(folder: Path) -> list[dict[str, object]]:
    return json.loads((folder / "calendar.json").read_text(encoding="utf-8"))["posts"]


# -- iCalendar -------------------------------------------------------------------------------


def test_ics_is_rfc5545_and_parses_with_icalendar(example_export: Path) -> None:
    import icalendar

    raw = (example_export / "calendar.ics").read_bytes()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode("utf-8")  # folding never splits a character
    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    posts = _posts(example_export)
    assert len(events) == len(posts) > 20
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert all(uid.endswith("@stories.example.com") for uid in uids)
    for event, post in zip(events, posts, strict=True):
        assert event["DTSTAMP"].dt == datetime(2026, 3, 2, 7, 0, tzinfo=timezone.utc)
        start = event["DTSTART"].dt
        assert start.tzinfo is not None
        assert start == datetime.fromisoformat(str(post["at"]))
        assert event["DTEND"].dt - start == timedelta(minutes=15)
        description = str(event["DESCRIPTION"])
        assert str(post["text"]) in description  # unescaped back to the exact text
        assert str(post["link"]) in description
        assert str(event["URL"]) == post["link"]


def test_ics_is_identical_on_rebuild(example_export: Path) -> None:
    first = example_export
    second = _export(Hub(example_export.parent), "again")
    for name in ("calendar.ics", "calendar.json", "hootsuite-x.csv", "buffer-linkedin.csv"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_fold_and_escape() -> None:
    from storyhub.social.ics import escape_text

    line = "DESCRIPTION:" + "è" * 80
    folded = fold(line)
    parts = folded.encode("utf-8").split(b"\r\n")
    assert all(len(p) <= 75 for p in parts)
    assert folded.replace("\r\n ", "").rstrip("\r\n") == line
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_fold_fills_lines_and_never_splits_a_character() -> None:
    """Mixed 1- to 4-octet characters at every length: each line holds at most 75 octets
    (the continuation's space included), is as full as the next character allows, and
    unfolding gives the line back."""
    import random

    rnd = random.Random(5545)
    alphabet = "ab ,;\\è€😀日"
    for _ in range(2000):
        line = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 300)))
        folded = fold(line)
        assert folded.endswith("\r\n") and folded.replace("\r\n ", "")[:-2] == line
        parts = folded[:-2].split("\r\n")
        for i, part in enumerate(parts):
            size = len(part.encode("utf-8"))
            assert size <= 75 and (i == 0 or part.startswith(" "))
            if i + 1 < len(parts):  # full: the next character would not have fitted
                assert size + len(parts[i + 1][1].encode("utf-8")) > 75


# -- scheduler CSV profiles ----------------------------------------------------------------


def _normalised(data: bytes) -> str:
    return _CARD_HASH.sub(r"-\1-HASH.jpg", data.decode("utf-8"))


@pytest.mark.parametrize("name", ["buffer-linkedin.csv", "buffer-instagram.csv",
                                  "hootsuite-linkedin.csv", "hootsuite-x.csv"])
def test_scheduler_files_match_golden(example_export: Path, name: str) -> None:
    """Golden files (share-image hashes masked). To update after a deliberate change:
    ``storyhub snippets --out /tmp/o --as-of 2026-03-02T08:00:00+01:00`` in a copy of the
    example hub, and copy the files here."""
    expected = (GOLDEN / name).read_bytes()
    assert _normalised((example_export / name).read_bytes()) == _normalised(expected)


def test_buffer_format(example_export: Path) -> None:
    files = sorted(example_export.glob("buffer-*.csv"))
    assert {f.name for f in files} >= {"buffer-linkedin.csv", "buffer-x.csv",
                                        "buffer-instagram.csv"}
    posts = _posts(example_export)
    for path in files:
        network = path.stem.removeprefix("buffer-")
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        assert rows[0] == ["Text", "Image URL", "Tags", "Posting Time"]
        mine = [p for p in posts if p["network"] == network]
        assert len(rows) - 1 == len(mine)  # one network per file
        for row, post in zip(rows[1:], mine, strict=True):
            assert len(row) == 4
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", row[3])
            assert row[3] == str(post["at"])[:16].replace("T", " ")
            assert row[0] == post["text"]
            if row[1].endswith("/poster.jpg"):  # a video story's posts attach its poster
                assert row[1] == ("https://stories.example.com/stories/centring-at-the-wheel/"
                                  "poster.jpg")
                continue
            assert row[1].startswith("https://stories.example.com/assets/cards/")
            if network == "instagram":
                assert "-instagram-" in row[1]


def test_hootsuite_format(example_export: Path) -> None:
    posts = _posts(example_export)
    for path in sorted(example_export.glob("hootsuite-*.csv")):
        raw = path.read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
        network = re.sub(r"-\d+$", "", path.stem.removeprefix("hootsuite-"))
        assert 0 < len(rows) <= 350
        assert rows[0][0] != "Date"  # no header
        for row in rows:
            assert len(row) == 3
            moment = datetime.strptime(row[0], "%d/%m/%Y %H:%M")
            assert moment.minute % 5 == 0
            if network == "instagram":  # "link in bio": no link column to append
                assert row[2] == "" and "https://" not in row[1]
            elif row[2]:
                assert row[2].startswith("https://stories.example.com/stories/")
                assert row[2] not in row[1]  # the link column, not twice
            else:  # a repeat varied by keeping its own link in the text
                assert "https://stories.example.com/stories/" in row[1]
        # Hootsuite refuses duplicates: compared after the link is removed
        bare = [re.sub(r"https://\S+", "", row[1]).strip() if not row[2] else row[1]
                for row in rows]
        assert len(set(bare)) == len(rows) or network == "instagram"
        assert len({row[1] for row in rows}) == len(rows)
        assert len(rows) == sum(1 for p in posts if p["network"] == network)
    # Hootsuite does not publish to Mastodon (nor, unconfirmed, Bluesky): no file for them
    assert not list(example_export.glob("hootsuite-mastodon*.csv"))
    assert not list(example_export.glob("hootsuite-bluesky*.csv"))


def test_hootsuite_splits_at_350_rows() -> None:
    hub, snippets = _synthetic(1000)
    calendar = plan_calendar(hub, snippets, CalendarOptions(
        days=("mon", "tue", "wed", "thu", "fri"), times=("09:00", "13:00", "17:00"),
        spacing={"x": 1}, backlog_days=1000, horizon_days=3650,
        evergreen=False))  # type: ignore[arg-type]
    files = {f.name: f for f in scheduler_files(calendar) if f.network == "x"}
    x_posts = [p for p in calendar.posts if p.network == "x"]
    hootsuite = [f for f in files.values() if f.profile == "hootsuite"]
    assert [f.rows for f in hootsuite][:-1] == [350] * (len(hootsuite) - 1)
    assert sum(f.rows for f in hootsuite) == len(x_posts) == 2000
    assert "hootsuite-x-2.csv" in files and "hootsuite-x-6.csv" in files
    buffer = [f for f in files.values() if f.profile == "buffer"]
    assert [f.rows for f in buffer] == [100] * 20  # buffer_max_rows (default 100)
    assert "buffer-x-20.csv" in files


def test_hootsuite_date_format_option(hub: Hub) -> None:
    hub.write("stories/night-shift.md", story_text("Night shift", date="2026-02-28"))
    hub.config(calendar={"hootsuite_date_format": "yyyy-mm-dd hh:mm", "schedulers": "hootsuite"})
    out = _export(hub)
    assert not list(out.glob("buffer-*.csv"))
    first = next(csv.reader(io.StringIO((out / "hootsuite-x.csv").read_text(encoding="utf-8"))))
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", first[0])


def test_cells_are_neutralised_against_formulas(hub: Hub) -> None:
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert neutralise(start + "1+1") == "'" + start + "1+1"
    assert neutralise("Plain text") == "Plain text"
    hub.write("stories/formula.md", story_text(
        "Formula", date="2026-03-01", summary="'=HYPERLINK(\"https://evil.example\",\"x\")'"))
    hub.write("stories/night-shift.md", story_text(
        "Night shift", date="2026-02-28", summary="'@everyone look'"))
    out = _export(hub)
    for path in out.glob("*.csv"):
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (path.name, cell)
    buffer = (out / "buffer-linkedin.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in buffer and "'@everyone" in buffer
    # The machine-readable export keeps the exact text.
    assert any(str(p["text"]).startswith("=HYPERLINK") for p in _posts(out))


# -- the schedule's rules ----------------------------------------------------------------


def _check_rules(posts: list[dict[str, object]] | list[SimpleNamespace],
                 options: CalendarOptions, published: dict[str, datetime],
                 build_day: date) -> None:
    zone = ZoneInfo(options.timezone)
    weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    by_network: dict[str, list[datetime]] = defaultdict(list)
    for post in posts:
        get = post.__getitem__ if isinstance(post, dict) else post.__getattribute__
        at = get("at")
        at = datetime.fromisoformat(at) if isinstance(at, str) else at
        local = at.astimezone(zone)
        assert weekdays[local.weekday()] in options.days
        assert local.strftime("%H:%M") in options.times
        assert at >= published[get("story")], "posted before publication"
        assert local.date() > build_day
        by_network[get("network")].append(at)
    for network, moments in by_network.items():
        assert len(set(moments)) == len(moments), f"two posts in one slot on {network}"
        moments.sort()
        spacing = timedelta(hours=options.spacing[network])  # type: ignore[index]
        for before, after in itertools.pairwise(moments):
            assert after - before >= spacing, (network, before, after)


def test_example_hub_schedule_rules(example_export: Path, example_hub: Hub) -> None:
    from storyhub.pipeline import Pipeline

    pipeline = Pipeline.from_config_file(example_hub.root / "mkdocs.yml",
                                         as_of=datetime.fromisoformat(AS_OF))
    options = pipeline.settings.options.calendar
    assert options.timezone == "Europe/Rome" and options.spacing["linkedin"] == 48
    zone = ZoneInfo(options.timezone)
    published = {s.id: publication_moment(s, zone) for s in pipeline.hub.stories}
    posts = _posts(example_export)
    assert {p["story"] for p in posts} <= set(published)
    _check_rules(posts, options, published, date(2026, 3, 2))
    # The second variant waits next_variant_days after the first, per network.
    first: dict[tuple[object, object], datetime] = {}
    for post in posts:
        at = datetime.fromisoformat(str(post["at"]))
        key = (post["story"], post["network"])
        if key in first:
            assert at - first[key] >= timedelta(days=options.next_variant_days)
        else:
            first[key] = at
    # Embargoed stories are not planned at all (they are not published yet).
    hidden = set(pipeline.hub.hidden_stories)
    assert not hidden & {p["story"] for p in posts}


def _synthetic(count: int, *, zone: str = "Europe/Rome") -> tuple[SimpleNamespace,
                                                                     SimpleNamespace]:
    """A hub of ``count`` stories (three a day, some embargoed to odd minutes) with two
    variants per network, as the planner sees it."""
    from storyhub.social.compose import Snippet

    now = datetime(2026, 1, 5, 10, 0, tzinfo=timezone.utc)
    networks = ("linkedin", "x", "instagram")
    items = []
    for index in range(count):
        day = date(2025, 12, 20) + timedelta(days=index // 3)
        publish_at = (datetime(day.year, day.month, day.day, 14, 7 + index % 40,
                               tzinfo=timezone.utc) if index % 7 == 0 else None)
        story = SimpleNamespace(id=f"story-{index:04d}", title=f"Story {index}", date=day,
                                publish_at=publish_at, people=["p"], author=None)
        snippets = [Snippet(net, variant, f"{net} {variant} {index}", None,  # type: ignore[arg-type]
                            f"https://example.com/s/{index}/", None, day)
                    for net in networks for variant in ("1", "2")]
        items.append(SimpleNamespace(story=story, snippets=snippets, cards=None,
                                     values=[("craft", "Craft")]))
    person = SimpleNamespace(consent=SimpleNamespace(withdrawn=None), left=None,
                             status="active")
    from zoneinfo import ZoneInfo

    hub = SimpleNamespace(now=now, all_people={"p": person}, preview_only=lambda story: False,
                          translations={}, today=now.astimezone(ZoneInfo(zone)).date())
    snippet_set = SimpleNamespace(stories=items, site_url="https://example.com/",
                                  options=SnippetOptions(networks=networks))
    return hub, snippet_set


def test_synthetic_hub_of_1000_stories() -> None:
    import time as clock

    hub, snippets = _synthetic(1000)
    options = CalendarOptions(timezone="Europe/Rome", days=("mon", "wed", "fri"),
                              times=("08:00", "12:30", "18:15"), backlog_days=30,
                              spacing={"linkedin": 24, "x": 4, "instagram": 0},
                              horizon_days=3650, evergreen=False)
    started = clock.perf_counter()
    calendar = plan_calendar(hub, snippets, options)  # type: ignore[arg-type]
    assert clock.perf_counter() - started < 10
    zone = ZoneInfo(options.timezone)
    published = {i.story.id: publication_moment(i.story, zone)  # type: ignore[arg-type]
                 for i in snippets.stories}
    # Stories older than the backlog window are left out, every other is planned.
    oldest = datetime.combine(date(2026, 1, 6), time(0, 0), tzinfo=zone) - timedelta(days=30)
    expected = {sid for sid, when in published.items() if when >= oldest}
    assert {p.story for p in calendar.posts} <= expected
    # Every post is planned before the horizon, or counted as waiting beyond it.
    assert calendar.horizon_end is not None and calendar.beyond > 0
    assert len(calendar.posts) + calendar.beyond == len(expected) * 3 * 2
    end = datetime.combine(calendar.horizon_end, time(0, 0), tzinfo=zone)
    assert all(p.at < end for p in calendar.posts)
    _check_rules(calendar.posts, options, published, date(2026, 1, 5))  # type: ignore[arg-type]
    again = plan_calendar(hub, snippets, options)  # type: ignore[arg-type]
    assert [(p.uid, p.at) for p in again.posts] == [(p.uid, p.at) for p in calendar.posts]


def test_dst_change_keeps_local_times() -> None:
    hub, snippets = _synthetic(30)
    hub.now = datetime(2026, 3, 20, 10, 0, tzinfo=timezone.utc)
    options = CalendarOptions(timezone="Europe/Rome", days=("sat", "sun", "mon"),
                              times=("09:30",), backlog_days=1000, spacing={"linkedin": 0})
    calendar = plan_calendar(hub, snippets, options)  # type: ignore[arg-type]
    zone = ZoneInfo("Europe/Rome")
    linkedin = [p.at for p in calendar.posts if p.network == "linkedin"]
    assert all(at.astimezone(zone).strftime("%H:%M") == "09:30" for at in linkedin)
    offsets = {at.utcoffset() for at in linkedin}
    assert offsets == {timedelta(hours=1), timedelta(hours=2)}  # across 29 March 2026


# -- embargo, withdrawal, taken-down stories -------------------------------------------------


def test_embargo_and_future_withdrawal(hub: Hub) -> None:
    hub.write("stories/first-oven.md", story_text(
        "The first oven", date="2026-03-01",
        extra="publish_at: 2026-03-11T10:02:00+01:00\n"))
    hub.write("stories/night-shift.md", story_text(
        "Night shift", date="2026-03-01", people="[giulia, marco]", values="[craft, care]"))
    hub.write("people/marco.md", (hub.root / "people/marco.md").read_text(
        encoding="utf-8").replace("  date: 2025-01-15\n",
                                  "  date: 2025-01-15\n  withdrawn: 2026-03-10\n"))
    hub.config(calendar={"days": ["mon", "tue", "wed", "thu", "fri"], "times": ["09:30"]})
    result = hub.storyhub("snippets", "--out", "early", "--as-of", "2026-03-02T08:00:00+01:00")
    assert result.returncode == 0, result.stderr
    posts = _posts(hub.root / "early")
    assert not [p for p in posts if p["story"] == "first-oven"]  # embargoed: not yet
    night = [datetime.fromisoformat(str(p["at"])) for p in posts if p["story"] == "night-shift"]
    assert night and all(at.date() < date(2026, 3, 10) for at in night)  # consent ends
    assert len(night) == 7  # the second variants would fall after the withdrawal
    later = hub.storyhub("snippets", "--out", "later", "--as-of", "2026-03-11T10:05:00+01:00")
    assert later.returncode == 0, later.stderr
    oven = [datetime.fromisoformat(str(p["at"])) for p in _posts(hub.root / "later")
            if p["story"] == "first-oven"]
    assert oven and min(oven) >= datetime(2026, 3, 12, 9, 30, tzinfo=timezone.utc)


def test_check_lists_posts_to_cancel(hub: Hub) -> None:
    hub.write("stories/night-shift.md", story_text(
        "Night shift", date="2026-03-01", people="[giulia, marco]", values="[craft, care]"))
    result = hub.storyhub("snippets", "--out", "site/snippets", "--as-of",
                          "2026-03-02T08:00:00+01:00")
    assert result.returncode == 0, result.stderr
    later = datetime.fromisoformat("2026-03-04T08:00:00+01:00")
    planned = [p for p in _posts(hub.root / "site/snippets") if p["story"] == "night-shift"
               and datetime.fromisoformat(str(p["at"])) > later]  # past posts: nothing to do
    assert planned
    hub.write("people/marco.md", (hub.root / "people/marco.md").read_text(
        encoding="utf-8").replace("  date: 2025-01-15\n",
                                  "  date: 2025-01-15\n  withdrawn: 2026-03-03\n"))
    check = hub.storyhub("check", "--no-advice", "--as-of", "2026-03-04T08:00:00+01:00")
    assert check.returncode == 0, check.stderr
    assert f"{len(planned)} planned post(s) must not go out any more" in check.stdout
    assert "night-shift — marco withdrew consent on 2026-03-03" in check.stdout
    assert "Marco Bianchi" not in check.stdout.split("planned post(s)")[1]
    explicit = hub.storyhub("check", "--no-advice", "--as-of", "2026-03-04T08:00:00+01:00",
                            "--calendar", "site/snippets/calendar.json")
    assert explicit.stdout == check.stdout
    wrong = hub.storyhub("check", "--calendar", "values.yml")
    assert wrong.returncode == 2 and "cannot read it" in wrong.stderr


# -- options -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("calendar", "message"), [
    ({"times": ["9:30am"]}, "is not a time"),
    ({"times": ["09:32"]}, "multiple of 5"),
    ({"timezone": "Europe/Roma"}, "unknown time zone 'Europe/Roma'"),
    ({"days": ["tuesday"]}, "calendar.days"),
    ({"spacing": {"tiktok": 3}}, "unknown network 'tiktok'"),
    ({"start": "2026-13-01"}, "YYYY-MM-DD"),
])
def test_calendar_option_errors(hub: Hub, calendar: dict[str, object], message: str) -> None:
    hub.config(calendar=calendar)
    result = hub.storyhub("check")
    assert result.returncode == 2
    assert message in result.stderr
    assert re.search(r"mkdocs\.yml:\d+:\d+", result.stderr)


def test_unquoted_time_is_read_as_written(hub: Hub) -> None:
    """MkDocs' YAML 1.1 reads ``times: [09:30]`` as 570 (minutes); storyhub's reader as
    text. Both mean half past nine."""
    text = (hub.root / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("- storyhub\n", "- storyhub:\n    calendar:\n      times: [09:30]\n")
    (hub.root / "mkdocs.yml").write_text(text, encoding="utf-8")
    assert hub.storyhub("check").returncode == 0
    assert CalendarOptions.model_validate({"times": [570]}).times == ("09:30",)
    hub.build()


def test_snippets_page_links_every_export(example_export: Path) -> None:
    from bs4 import BeautifulSoup

    html = (example_export / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    links = {a["href"] for a in soup.select(".downloads a[download]")}
    written = {p.name for p in example_export.glob("*.csv")} | {"calendar.ics", "snippets.json",
                                                                 "calendar.json"}
    assert links == written
    # Each story's header shows its planned days; each text its planned time.
    posts = _posts(example_export)
    first = posts[0]
    header = soup.select_one(f"#story-{first['story']} .story-head").get_text(" ")
    assert "Planned:" in header
    label = soup.find(id=f"t-{first['story']}-{first['network']}-{first['variant']}")
    assert label is not None
    assert str(first["at"])[11:16] in label.find_previous("p", class_="label").get_text()
    assert "Times are in Europe/Rome." in soup.get_text(" ")
    assert soup.find("noscript") is not None
    # Everything the page loads is its own (no third-party host anywhere in src/href).
    for element in soup.find_all(src=True):
        assert not element["src"].startswith(("http:", "https:", "//"))


def test_hootsuite_message_leaves_the_link_to_its_column() -> None:
    from storyhub.social.schedulers import _without_link

    link = "https://example.com/s/1/?utm_source=x"

    def post(text: str) -> SimpleNamespace:
        return SimpleNamespace(text=text, link=link)

    assert _without_link(post(f"Hook.\n\nRead the story: {link}\n\n#a")) == "Hook.\n\n#a"
    assert _without_link(post(f"“Title” → {link}\n#a")) == "“Title”\n#a"
    assert _without_link(post(f"Hook.\n\n{link} #a #b")) == "Hook.\n\n#a #b"
    assert _without_link(post("No link: link in bio.")) == "No link: link in bio."


def test_snippets_json_and_csv_carry_the_planned_moment(example_export: Path) -> None:
    planned: dict[str, str] = {}  # the first post of each text: its own, else a re-share
    reshares: dict[str, list[str]] = defaultdict(list)
    for post in _posts(example_export):
        key = f"{post['story']}.{post['network']}.{post['variant']}"
        planned.setdefault(key, str(post["at"]))
        if post["reshare"]:
            reshares[key].append(str(post["at"]))
    assert reshares  # the example hub has free slots and older stories
    data = json.loads((example_export / "snippets.json").read_text(encoding="utf-8"))
    seen = 0
    for story in data["stories"]:
        for snippet in story["snippets"]:
            uid = f"{story['slug']}.{snippet['network']}.{snippet['variant']}"
            assert snippet["planned_at"] == planned.get(uid)
            assert snippet["reshares"] == reshares.get(uid, [])
            if uid in planned:
                seen += 1
                assert snippet["suggested_date"] == planned[uid][:10]
    assert seen == len(planned)
    rows = list(csv.DictReader(io.StringIO(
        (example_export / "snippets.csv").read_text(encoding="utf-8-sig"), newline="")))
    for row in rows:
        uid = f"{row['story']}.{row['network']}.{row['variant']}"
        if uid in planned:
            assert row["suggested_date"] == planned[uid][:10]


def test_real_hub_of_1000_stories(hub: Hub) -> None:
    """The whole way (files → hub → snippets → calendar → files) on 1,000 stories: published
    ones only, never before publication or after a known withdrawal, no slot taken twice,
    spacing respected; Hootsuite files split at 350 rows."""
    import time as clock

    from storyhub.pipeline import Pipeline

    hub.write("people/marco.md", (hub.root / "people/marco.md").read_text(
        encoding="utf-8").replace("  date: 2025-01-15\n",
                                  "  date: 2025-01-15\n  withdrawn: 2026-03-20\n"))
    for index in range(1000):
        day = date(2026, 1, 1) + timedelta(days=index // 8)
        extra = ""
        if index % 9 == 0:
            extra = f"publish_at: {day.isoformat()}T15:{index % 60:02d}:00+01:00\n"
        if index % 97 == 0:
            extra = "publish_at: 2099-01-01T09:00:00+01:00\n"  # embargoed: never planned
        people = "[marco]" if index % 50 == 0 else "[giulia]"
        hub.write(f"stories/s{index:04d}.md", story_text(
            f"Story {index}", date=day.isoformat(), people=people, extra=extra,
            summary=f"Summary number {index}."))
    options = {"cards": False, "snippets": {"networks": ["linkedin", "x"]},
               "calendar": {"timezone": "Europe/Rome", "days": ["mon", "tue", "wed", "thu", "fri"],
                            "times": ["09:00", "12:30", "17:45"], "backlog_days": 1000,
                            "spacing": {"linkedin": 24, "x": 2}, "horizon_days": 3650}}
    pipeline = Pipeline.from_options(options, config_file=hub.root / "mkdocs.yml",
                                     site_url="https://stories.example.com/",
                                     as_of=datetime.fromisoformat("2026-02-01T08:00:00+01:00"))
    started = clock.perf_counter()
    social = pipeline.prepare_outputs()
    calendar = social.calendar
    assert calendar is not None
    assert clock.perf_counter() - started < 120
    published_stories = {s.id: s for s in pipeline.hub.stories}
    assert set(pipeline.hub.hidden_stories) == {  # embargoed at the build: not planned
        s.id for s in pipeline.hub.content.stories
        if s.publish_at is not None and s.publish_at > pipeline.hub.now}
    assert len(published_stories) > 900
    zone = ZoneInfo("Europe/Rome")
    published = {sid: publication_moment(s, zone) for sid, s in published_stories.items()}
    _check_rules(calendar.posts, pipeline.settings.options.calendar, published,
                 date(2026, 2, 1))
    stop = datetime(2026, 3, 20, tzinfo=zone)
    marco = {s.id for s in published_stories.values() if "marco" in s.people}
    assert not [p for p in calendar.posts if p.story in marco and p.at >= stop]
    assert {p.story for p in calendar.posts} >= {sid for sid in published
                                                 if sid not in marco and sid.startswith("s")}
    files = scheduler_files(calendar)
    for item in files:
        assert item.rows <= 350 or item.profile != "hootsuite"
    hootsuite_x = [f for f in files if f.profile == "hootsuite" and f.network == "x"]
    assert len(hootsuite_x) >= 6  # about 2,000 posts on X
    assert sum(f.rows for f in hootsuite_x) == sum(1 for p in calendar.posts if p.network == "x")


def test_calendar_off(hub: Hub) -> None:
    hub.write("stories/night-shift.md", story_text("Night shift", date="2026-02-28"))
    hub.config(calendar=False)
    out = _export(hub)
    assert not (out / "calendar.ics").exists() and not (out / "calendar.json").exists()
    assert not list(out.glob("buffer-*.csv")) and not list(out.glob("hootsuite-*.csv"))
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "calendar.ics" not in page and "suggested" in page
    data = json.loads((out / "snippets.json").read_text(encoding="utf-8"))
    assert all(s["planned_at"] is None for st in data["stories"] for s in st["snippets"])


def test_check_lists_posts_after_a_withdrawal_written_in_advance(hub: Hub) -> None:
    hub.write("stories/night-shift.md", story_text(
        "Night shift", date="2026-03-01", people="[giulia, marco]", values="[craft, care]"))
    hub.config(calendar={"days": ["mon", "tue", "wed", "thu", "fri"], "times": ["09:30"]})
    result = hub.storyhub("snippets", "--out", "site/snippets", "--as-of",
                          "2026-03-02T08:00:00+01:00")
    assert result.returncode == 0, result.stderr
    second = [p for p in _posts(hub.root / "site/snippets")
              if p["story"] == "night-shift" and p["variant"] == "2"]
    assert len(second) == 7  # a week after the first ones
    hub.write("people/marco.md", (hub.root / "people/marco.md").read_text(
        encoding="utf-8").replace("  date: 2025-01-15\n",
                                  "  date: 2025-01-15\n  withdrawn: 2026-03-08\n"))
    check = hub.storyhub("check", "--no-advice", "--as-of", "2026-03-04T08:00:00+01:00")
    assert check.returncode == 0, check.stderr
    assert "7 planned post(s)" in check.stdout
    assert check.stdout.count("withdraws consent or leaves on 2026-03-08") == 7


def test_two_versions_of_a_story_never_go_out_on_one_network_the_same_day(hub: Hub) -> None:
    """Three published versions of one story (en original, it and de translations) on the
    same day, a draft French one, and no spacing: each network still posts every published
    version, each on its own day, the original first, none before its publication; an
    unrelated story takes the slots the translations leave free."""
    import icalendar

    people, values = "[giulia, marco]", "[craft, care]"
    hub.write("stories/night-shift.md", story_text(
        "Night shift", date="2026-03-03", people=people, values=values))
    hub.write("stories/turno-di-notte.md", story_text(
        "Turno di notte", date="2026-03-03", people=people, values=values,
        extra="lang: it\ntranslation_of: night-shift\n"))
    hub.write("stories/nachtschicht.md", story_text(
        "Nachtschicht", date="2026-03-03", people=people, values=values,
        extra="lang: de\ntranslation_of: night-shift\n"))
    hub.write("stories/equipe-de-nuit.md", story_text(
        "Équipe de nuit", date="2026-03-03", people=people, values=values,
        extra="lang: fr\ntranslation_of: night-shift\ndraft: true\n"))
    hub.write("stories/first-oven.md", story_text("The first oven", date="2026-03-03"))
    hub.config(snippets={"networks": ["linkedin", "x"]},
               calendar={"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                         "times": ["09:00", "12:00", "15:00", "18:00"],
                         "spacing": {"linkedin": 0, "x": 0}, "posts_per_story": 2})
    folder = _export(hub)
    zone = ZoneInfo("Europe/Rome")
    posts = _posts(folder)
    versions = {"night-shift", "turno-di-notte", "nachtschicht"}
    assert {p["story"] for p in posts} == versions | {"first-oven"}
    days: dict[tuple[object, object], list[str]] = defaultdict(list)
    first: dict[tuple[object, object], datetime] = {}
    for post in posts:
        at = datetime.fromisoformat(str(post["at"]))
        assert at >= datetime(2026, 3, 3, tzinfo=zone)
        first.setdefault((post["story"], post["network"]), at)
        if post["story"] in versions:
            days[(post["network"], at.date())].append(str(post["story"]))
    assert all(len(stories) == 1 for stories in days.values()), days
    for network in ("linkedin", "x"):
        order = sorted(versions | {"first-oven"}, key=lambda s: first[(s, network)])
        assert order[0] in ("night-shift", "first-oven")
        assert order.index("night-shift") < min(order.index("turno-di-notte"),
                                                order.index("nachtschicht"))
        # The unrelated story is not pushed back by the translations' waiting.
        assert first[("first-oven", network)].date() == date(2026, 3, 3)
    # Each version posts its own page, in its own words.
    for post in posts:
        assert f"/stories/{post['story']}/" in str(post["link"])
    italian = [p for p in posts if p["story"] == "turno-di-notte" and p["network"] == "linkedin"]
    assert italian and "Nuova storia" in str(italian[0]["text"])
    # calendar.ics, read with icalendar, holds the same days.
    ics_days: dict[tuple[str, object], set[str]] = defaultdict(set)
    for event in icalendar.Calendar.from_ical((folder / "calendar.ics").read_bytes()).walk(
            "VEVENT"):
        story, network, _ = str(event["UID"]).split("@", 1)[0].rsplit(".", 2)
        if story in versions:
            ics_days[(network, event.decoded("DTSTART").astimezone(zone).date())].add(story)
    assert {k: sorted(v) for k, v in ics_days.items()} == {
        k: sorted(v) for k, v in days.items()}
    assert "equipe-de-nuit" not in (folder / "calendar.ics").read_text(encoding="utf-8")
    # The same inputs give the same calendar.
    again = _export(hub, "again")
    assert (again / "calendar.json").read_bytes() == (folder / "calendar.json").read_bytes()
