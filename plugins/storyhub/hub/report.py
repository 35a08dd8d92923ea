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

from storyhub.hub.campaigns import CampaignProgress, campaign_progress, longest_waiting
from storyhub.hub.graph import Hub
from storyhub.i18n import Translator

QUIET_DAYS = 90
MONTHS_SHOWN = 12
REPORT_URL = "report/"

#: ``Waiting.reason`` is data (``--format json``): English, whatever the hub's language
_english = Translator.for_language(None).scope("report")
DRAFT = _english("reason_draft")


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
    reason: str  # "draft" or "embargoed until <ISO time>": data, the same in every language


@dataclass(frozen=True)
class Waited:
    id: str
    name: str
    days: int | None
    last: str | None


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
    #: the posting plan, when the command planned one (the hub does not plan posts itself):
    #: planned, reshares, beyond (posts waiting beyond the horizon), horizon_end, cancelled
    plan: dict[str, Any] | None = None
    #: campaigns.yml: published stories against each campaign's target, open ones first
    campaigns: list[CampaignProgress] = field(default_factory=list)
    #: every value, longest without a published story first (``days``: since its newest
    #: story; None: never had one)
    waited: list[Waited] = field(default_factory=list)

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
    today = hub.today
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
                                  DRAFT))
        elif story.publish_at is not None and story.publish_at > hub.now:
            until = story.publish_at.isoformat()
            embargoed.append(Waiting(story.source.path, story.title, story.date.isoformat(),
                                     _english("reason_embargoed", when=until)))
    out_ids = {s.id for s in stories}
    progress = campaign_progress(
        hub.content.campaigns, stories,
        {k: [(c, s) for c, s in v if s.id in out_ids] for k, v in hub.translations.items()},
        today, hub.content_language)
    waited = [Waited(v.id, v.name, days, last_value[v.id].isoformat() if v.id in last_value
                     else None)
              for v, days in longest_waiting(list(hub.values.values()), last_value, today)]
    return HubReport(
        campaigns=progress,
        waited=waited,
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


def _bar(n: int, most: int, width: int = 24) -> str:
    return "█" * (round(n / most * width) if most else 0)


def _words(t: Translator | None) -> Translator:
    """The ``report`` namespace of ``t`` (default: English)."""
    return (t or Translator.for_language(None)).scope("report")


def _reason(waiting: Waiting, t: Translator) -> str:
    if waiting.reason == DRAFT:
        return t("reason_draft")
    return t("reason_embargoed", when=waiting.reason.rsplit(" ", 1)[-1])


def render_text(report: HubReport, t: Translator | None = None) -> str:
    """For the terminal, in ``t``'s language (the hub's, from ``storyhub report``)."""
    t = _words(t)
    lines = [
        t("cli_title", date=report.now[:10], stories=t.number(report.published),
          people=t.number(report.people)),
        "",
        t("per_value"),
    ]
    most = max((c.stories for c in report.values), default=0)
    width = max((len(c.name) for c in report.values), default=0)
    for c in report.values:
        lines.append(f"  {c.name.ljust(width)}  {c.stories:>5}  {t.percent(c.share):>4}  "
                     f"{_bar(c.stories, most)}")
    lines += ["", t("per_month", count=len(report.months))]
    most = max((c.stories for c in report.months), default=0)
    for c in report.months:
        lines.append(f"  {c.id}  {c.stories:>5}  {_bar(c.stories, most)}")
    lines += ["", t("quiet", days=report.quiet_days)]
    lines += ["  " + t("quiet_item", name=c.name, id=c.id, last=c.last or t("never"))
              for c in report.quiet_values] or ["  " + t("none")]
    lines += ["", t("longest")]
    lines += ["  " + _waited(w, t) for w in report.waited] or ["  " + t("none")]
    lines += ["", t("campaigns")]
    lines += ["  " + _campaign(c, t) for c in report.campaigns] or ["  " + t("none_campaigns")]
    lines += ["", t("untold")]
    lines += [f"  {c.name} ({c.id})" for c in report.untold_people] or ["  " + t("none")]
    lines += ["", t("teams_counted")]
    width = max((len(c.name) for c in report.teams), default=0)
    lines += [f"  {c.name.ljust(width)}  {c.stories:>5}  {t.percent(c.share):>4}"
              for c in report.teams] or ["  " + t("none")]
    lines += ["", f"{t('waiting')}: " + t("waiting_short", drafts=len(report.drafts),
                                            embargoed=len(report.embargoed))]
    lines += [f"  {w.path}: {w.title} ({_reason(w, t)})"
              for w in [*report.drafts, *report.embargoed]]
    if report.plan is not None:
        lines += ["", _plan_line(report.plan, t)]
    return "\n".join(lines)


def _plan_line(plan: dict[str, Any], t: Translator) -> str:
    return t("plan_line", planned=plan["planned"], reshares=plan["reshares"],
             end=plan["horizon_end"], beyond=plan["beyond"])


def _waited(item: Waited, t: Translator, *, markdown: bool = False) -> str:
    name, id_ = (_md(item.name), f"`{item.id}`") if markdown else (item.name, item.id)
    if item.days is None:
        return t("waited_never", name=name, id=id_)
    return t("waited", name=name, id=id_, days=t.number(item.days))


def _campaign(item: CampaignProgress, t: Translator, *, markdown: bool = False) -> str:
    """A campaign's line: its stories (against its target), status and dates."""
    title, id_ = (_md(item.title), f"`{item.id}`") if markdown else (item.title, item.id)
    words = {"title": title, "id": id_, "stories": t.number(item.stories),
             "status": t(f"status_{item.status}"), "opens": item.opens, "closes": item.closes}
    if item.target:
        return t("campaign_target", target=t.number(item.target), **words)
    return t("campaign_count", **words)


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell or list item."""
    escaped = text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
    for char in "*_`[]#":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def render_markdown(report: HubReport, t: Translator | None = None) -> str:
    """For a CI job summary ($GITHUB_STEP_SUMMARY) or a pull-request comment."""
    t = _words(t)
    out = [
        f"## {t('md_title')}",
        "",
        t("summary", stories=t.number(report.published), people=t.number(report.people),
          date=report.now[:10]),
        "",
        f"### {t('per_value')}",
        "",
        f"| {t('col_value')} | {t('col_stories')} | {t('col_share')} | {t('col_latest')} |",
        "|---|---:|---:|---|",
    ]
    out += [f"| {_md(c.name)} | {c.stories} | {t.percent(c.share)} | {c.last or '—'} |"
            for c in report.values]
    out += ["", f"### {t('per_month', count=len(report.months))}", "",
            f"| {t('col_month')} | {t('col_stories')} |", "|---|---:|"]
    out += [f"| {c.id} | {c.stories} |" for c in report.months]
    out += ["", f"### {t('quiet', days=report.quiet_days)}", ""]
    out += ["- " + t("quiet_item", name=_md(c.name), id=f"`{c.id}`", last=c.last or t("never"))
            for c in report.quiet_values] or [t("none_quiet")]
    out += ["", f"### {t('longest')}", ""]
    out += ["- " + _waited(w, t, markdown=True) for w in report.waited] or [t("none")]
    out += ["", f"### {t('campaigns')}", ""]
    out += ["- " + _campaign(c, t, markdown=True) for c in report.campaigns] or [
        t("none_campaigns")]
    out += ["", f"### {t('untold')}", ""]
    out += [f"- {_md(c.name)} (`{c.id}`)" for c in report.untold_people] or [t("none_untold")]
    out += ["", f"### {t('teams')}", "",
            f"| {t('col_team')} | {t('col_stories')} | {t('col_share')} |", "|---|---:|---:|"]
    out += [f"| {_md(c.name)} | {c.stories} | {t.percent(c.share)} |" for c in report.teams]
    out += ["", f"### {t('waiting')}", "",
            t("waiting_short", drafts=len(report.drafts), embargoed=len(report.embargoed)) + ".",
            ""]
    out += [f"- `{w.path}`: {_md(w.title)} ({_reason(w, t)})"
            for w in [*report.drafts, *report.embargoed]]
    if report.plan is not None:
        out += ["", _plan_line(report.plan, t)]
    return "\n".join(out).rstrip() + "\n"


def render_json(report: HubReport, t: Translator | None = None) -> str:
    """Figures only: the same in every language (``t`` is accepted and unused)."""
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=2)
