"""The hub's health, for the people who steer it: who and what is told, and what is missing.

:func:`hub_report` computes the figures once from a linked hub (one pass over the
stories); :func:`render_text`, :func:`render_markdown` and :func:`render_json`
print them for ``storyhub report``; :mod:`storyhub.site.report_page` writes the
standalone ``report/index.html`` page (no script, inline CSS, HTML/SVG bars).

Only published stories count as told. Drafts are listed by title in the
command's output (for the team) but only counted on the site page, so nothing
unpublished leaks. "Now" is the build's now (``SOURCE_DATE_EPOCH`` or ``as_of``).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from storyhub.hub.graph import Hub

QUIET_DAYS = 90
MONTHS_SHOWN = 12
REPORT_URL = "report/"

@dataclass(frozen=True)
class Count:
    id: str
    name: str
    stories: int
    share: float = 0.0  # of all published stories, 0..1
    last: str | None = None  # date of the newest story, YYYY-MM-DD


@dataclass(frozen=True)
class Waiting:
    path: str
    title: str
    date: str
    reason: str  # "draft" or "embargoed until …"


@dataclass
class HubReport:
    now: str
    published: int
    people: int
    values: list[Count] = field(default_factory=list)
    months: list[Count] = field(default_factory=list)  # last MONTHS_SHOWN months, oldest first
    all_months: dict[str, int] = field(default_factory=dict)
    quiet_values: list[Count] = field(default_factory=list)
    untold_people: list[Count] = field(default_factory=list)
    teams: list[Count] = field(default_factory=list)
    drafts: list[Waiting] = field(default_factory=list)
    embargoed: list[Waiting] = field(default_factory=list)
    quiet_days: int = QUIET_DAYS

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _is_out(story: Any, hub: Hub) -> bool:
    """Published at the build's now (a preview server may show drafts: they don't count)."""
    return not story.draft and (story.publish_at is None or story.publish_at <= hub.now)


def _month_keys(today: date, count: int) -> list[str]:
    year, month = today.year, today.month
    keys = []
    for _ in range(count):
        keys.append(f"{year:04d}-{month:02d}")
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return keys[::-1]


def hub_report(hub: Hub) -> HubReport:
    today = hub.now.date()
    stories = [s for s in hub.stories if _is_out(s, hub)]
    total = len(stories)

    def share(n: int) -> float:
        return round(n / total, 4) if total else 0.0

    per_value: Counter[str] = Counter()
    last_value: dict[str, date] = {}
    per_month: Counter[str] = Counter()
    per_person: Counter[str] = Counter()
    per_team: Counter[str] = Counter()
    for story in stories:
        per_month[story.date.strftime("%Y-%m")] += 1
        for value_id in dict.fromkeys(story.values):
            per_value[value_id] += 1
            if value_id not in last_value or story.date > last_value[value_id]:
                last_value[value_id] = story.date
        teams_here = set()
        for person_id in dict.fromkeys(story.people):
            per_person[person_id] += 1
            person = hub.people.get(person_id)
            if person is not None:
                teams_here.add(person.team_id)
        for team_id in teams_here:
            per_team[team_id] += 1

    values = [
        Count(v.id, v.name, per_value[v.id], share(per_value[v.id]),
              last_value[v.id].isoformat() if v.id in last_value else None)
        for v in hub.values.values()
    ]
    since = today - timedelta(days=QUIET_DAYS)
    quiet = [c for c in values if c.last is None or date.fromisoformat(c.last) < since]
    months = [Count(k, k, per_month[k], share(per_month[k]))
              for k in _month_keys(today, MONTHS_SHOWN)]
    untold = [Count(p.id, p.name, 0) for p in hub.people.values() if not per_person[p.id]]
    teams = sorted(
        (Count(t.id, t.name, per_team[t.id], share(per_team[t.id]))
         for t in hub.teams.values()),
        key=lambda c: (-c.stories, c.name.casefold()),
    )
    drafts: list[Waiting] = []
    embargoed: list[Waiting] = []
    for story in sorted(hub.content.stories, key=lambda s: (s.date, s.source.path)):
        if story.draft:
            drafts.append(Waiting(story.source.path, story.title, story.date.isoformat(),
                                  "draft"))
        elif story.publish_at is not None and story.publish_at > hub.now:
            embargoed.append(Waiting(story.source.path, story.title, story.date.isoformat(),
                                     f"embargoed until {story.publish_at.isoformat()}"))
    return HubReport(
        now=hub.now.isoformat(),
        published=total,
        people=len(hub.people),
        values=values,
        months=months,
        all_months=dict(sorted(per_month.items())),
        quiet_values=quiet,
        untold_people=untold,
        teams=teams,
        drafts=drafts,
        embargoed=embargoed,
    )


# -- output ----------------------------------------------------------------------------------


def pct(value: float) -> str:
    return f"{value * 100:.0f}%"


def _bar(n: int, most: int, width: int = 24) -> str:
    return "█" * (round(n / most * width) if most else 0)


def render_text(report: HubReport) -> str:
    lines = [
        f"Hub report at {report.now[:10]}: {report.published} published stories, "
        f"{report.people} people",
        "",
        "Stories per value",
    ]
    most = max((c.stories for c in report.values), default=0)
    width = max((len(c.name) for c in report.values), default=0)
    for c in report.values:
        lines.append(f"  {c.name.ljust(width)}  {c.stories:>5}  {pct(c.share):>4}  "
                     f"{_bar(c.stories, most)}")
    lines += ["", f"Stories per month (last {len(report.months)})"]
    most = max((c.stories for c in report.months), default=0)
    for c in report.months:
        lines.append(f"  {c.id}  {c.stories:>5}  {_bar(c.stories, most)}")
    lines += ["", f"Values with no story in the last {report.quiet_days} days"]
    lines += [f"  {c.name} ({c.id}): last story {c.last or 'never'}"
              for c in report.quiet_values] or ["  none"]
    lines += ["", "People with no story yet"]
    lines += [f"  {c.name} ({c.id})" for c in report.untold_people] or ["  none"]
    lines += ["", "Share of stories by team (a story with people of two teams counts for both)"]
    width = max((len(c.name) for c in report.teams), default=0)
    lines += [f"  {c.name.ljust(width)}  {c.stories:>5}  {pct(c.share):>4}"
              for c in report.teams] or ["  none"]
    lines += ["", f"Waiting: {len(report.drafts)} draft(s), {len(report.embargoed)} embargoed"]
    lines += [f"  {w.path}: {w.title} ({w.reason})" for w in [*report.drafts, *report.embargoed]]
    return "\n".join(lines)


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell or list item."""
    escaped = text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
    for char in "*_`[]#":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def render_markdown(report: HubReport) -> str:
    """For a CI job summary ($GITHUB_STEP_SUMMARY) or a pull-request comment."""
    out = [
        "## Story hub report",
        "",
        f"{report.published} published stories, {report.people} people, "
        f"as of {report.now[:10]}.",
        "",
        "### Stories per value",
        "",
        "| value | stories | share | latest |",
        "|---|---:|---:|---|",
    ]
    out += [f"| {_md(c.name)} | {c.stories} | {pct(c.share)} | {c.last or '—'} |"
            for c in report.values]
    out += ["", f"### Stories per month (last {len(report.months)})", "",
            "| month | stories |", "|---|---:|"]
    out += [f"| {c.id} | {c.stories} |" for c in report.months]
    out += ["", f"### Values with no story in the last {report.quiet_days} days", ""]
    out += [f"- {_md(c.name)} (`{c.id}`): last story {c.last or 'never'}"
            for c in report.quiet_values] or ["None: every value has a recent story."]
    out += ["", "### People with no story yet", ""]
    out += [f"- {_md(c.name)} (`{c.id}`)" for c in report.untold_people] or [
        "None: everyone has a story."]
    out += ["", "### Share of stories by team", "", "| team | stories | share |",
            "|---|---:|---:|"]
    out += [f"| {_md(c.name)} | {c.stories} | {pct(c.share)} |" for c in report.teams]
    out += ["", "### Waiting", "",
            f"{len(report.drafts)} draft(s), {len(report.embargoed)} embargoed.", ""]
    out += [f"- `{w.path}`: {_md(w.title)} ({w.reason})"
            for w in [*report.drafts, *report.embargoed]]
    return "\n".join(out).rstrip() + "\n"


def render_json(report: HubReport) -> str:
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=2)
