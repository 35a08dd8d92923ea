"""Campaigns: calls for stories (``campaigns.yml``) and the stories that answer them.

The domain only: references checked (a story's ``campaign:``, a campaign's ``values``),
which campaigns are open on a day, the published stories of a campaign as a reader in one
language sees them (one version of each translated story), and the figures the report
shows (progress against targets, the values that have waited longest for a story). The
series pages (:mod:`storyhub.site.plan`) and the digest read these.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from storyhub.content.load import CAMPAIGNS_FILE, Content
from storyhub.content.model import Campaign, Story, Value
from storyhub.diagnostics.core import Diagnostics, suggestion


def check_campaigns(content: Content, values: dict[str, Value],
                    diagnostics: Diagnostics) -> None:
    """A story's ``campaign:`` names a campaign of campaigns.yml, and a campaign's
    ``values`` name values of values.yml (nearest ids suggested)."""
    campaigns = {c.id: c for c in content.campaigns}
    known = campaigns.keys() | content.invalid_campaigns
    for story in content.stories:
        if story.campaign is not None and story.campaign not in known:
            line, col = story.source.value_pos("campaign")
            where = (suggestion(story.campaign, campaigns, known="campaigns") if campaigns
                     else f" (there is no {CAMPAIGNS_FILE}: add the campaign there)")
            diagnostics.error(story.source.path, line, col,
                              f"unknown campaign '{story.campaign}'" + where,
                              field="campaign", code="unknown-campaign")
    known_values = values.keys() | content.invalid_values
    for campaign in content.campaigns:
        for index, value_id in enumerate(campaign.values):
            if value_id not in known_values:
                line, col = campaign.source.value_pos("values", index)
                diagnostics.error(
                    CAMPAIGNS_FILE, line, col, f"unknown value '{value_id}'"
                    + suggestion(value_id, values, known="values"),
                    field="values", code="unknown-value")


def open_campaigns(campaigns: list[Campaign], today: date) -> list[Campaign]:
    """The campaigns asking for stories on ``today``, closing soonest first."""
    return sorted((c for c in campaigns if c.is_open(today)), key=lambda c: (c.closes, c.id))


def campaign_groups(stories: list[Story], translations: dict[str, list[tuple[str, Story]]]
                    ) -> dict[str, list[list[tuple[str, Story]]]]:
    """Per campaign id, its published stories as groups of versions ((language, story),
    the original first; a story without translations is a group of one). A translated
    story belongs to a campaign when any of its versions names it. ``stories`` newest first;
    one pass."""
    groups: dict[str, list[list[tuple[str, Story]]]] = {}
    seen: set[tuple[str, str]] = set()
    for story in stories:
        if story.campaign is None:
            continue
        versions = translations.get(story.id) or [("", story)]
        key = (story.campaign, versions[0][1].id)
        if key in seen:
            continue
        seen.add(key)
        groups.setdefault(story.campaign, []).append(versions)
    return groups


def for_reader(groups: list[list[tuple[str, Story]]], language: str) -> list[Story]:
    """One version of each group for a reader of ``language``: theirs when there is one,
    else the original."""
    return [next((s for code, s in versions if code == language), versions[0][1])
            for versions in groups]


@dataclass(frozen=True)
class CampaignProgress:
    id: str
    title: str
    opens: str
    closes: str
    status: str  # "open", "closed" or "upcoming": data, the same in every language
    stories: int
    target: int | None


def campaign_progress(campaigns: list[Campaign], stories: list[Story],
                      translations: dict[str, list[tuple[str, Story]]], today: date,
                      language: str | None = None) -> list[CampaignProgress]:
    """Each campaign's published stories (a translated story counts once) against its
    target; open campaigns first."""
    groups = campaign_groups(stories, translations)
    found = []
    for campaign in campaigns:
        status = ("open" if campaign.is_open(today) else
                  "upcoming" if today < campaign.opens else "closed")
        found.append(CampaignProgress(
            campaign.id, campaign.title_in(language), campaign.opens.isoformat(),
            campaign.closes.isoformat(), status, len(groups.get(campaign.id, [])),
            campaign.target))
    order = {"open": 0, "upcoming": 1, "closed": 2}
    return sorted(found, key=lambda p: (order[p.status], p.closes, p.id))


def longest_waiting(values: list[Value], last: dict[str, date], today: date
                    ) -> list[tuple[Value, int | None]]:
    """Values by how long they have gone without a published story, longest first:
    (value, days since its newest story, or None when it never had one)."""
    waited = [(v, (today - last[v.id]).days if v.id in last else None) for v in values]
    return sorted(waited, key=lambda item: (item[1] is not None, -(item[1] or 0), item[0].id))
