"""The monthly digest: the month's published stories, as an email for inside the company.

:func:`plan_digest` picks what the digest holds (from the linked hub: only published
stories, one version of a translated story per reader, the campaigns open today);
:func:`render_digest` writes the HTML and its plain-text twin. The HTML is made for mail
clients, not browsers: one 600-pixel column of tables, every style inline (Gmail drops
most ``<style>``), absolute addresses, ``alt`` on every image and nothing that needs the
image to be read, a ``color-scheme`` so dark mode keeps contrast, and under Gmail's
clipping size (about 102 KB: older stories are left out, with a link, to stay under it).

A story belongs to the month it went public: its ``date``, or the end of its embargo when
that is later. Drafts, embargoed and withdrawn stories are never in the hub's published
stories, so never here; the pipeline runs the leak scan over the files before they leave.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

from storyhub.content.model import Story
from storyhub.hub.campaigns import campaign_groups, for_reader, open_campaigns
from storyhub.hub.graph import Hub
from storyhub.i18n import Translator
from storyhub.site.plan import asset_urls, campaign_url, plan_assets
from storyhub.text.contrast import ink_on
from storyhub.text.jinja import page_environment, text_environment
from storyhub.text.urls import absolute

#: Gmail clips a message whose HTML is larger than about 102 KB (its help pages).
GMAIL_CLIP_BYTES = 102 * 1024
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
HTML_TEMPLATE = "storyhub/digest/digest.html"
TEXT_TEMPLATE = "storyhub/digest/digest.txt"


class DigestError(ValueError):
    """A digest cannot be made as asked (a wrong month, no site_url)."""


def parse_month(text: str) -> tuple[int, int]:
    """``2026-11`` → (2026, 11); anything else is a :class:`DigestError` that says how."""
    match = _MONTH.match(text.strip())
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise DigestError(f"--month {text}: write the month as YYYY-MM, e.g. 2026-11")
    return int(match.group(1)), int(match.group(2))


def went_public(story: Story) -> date:
    """The day a story went public: its date, or its embargo's end when later."""
    if story.publish_at is not None and story.publish_at.date() > story.date:
        return story.publish_at.date()
    return story.date


@dataclass(frozen=True)
class DigestValue:
    name: str
    color: str
    ink: str


@dataclass(frozen=True)
class DigestStory:
    title: str
    summary: str
    url: str
    date: str
    people: list[str]
    values: list[DigestValue]
    image: str | None = None
    image_alt: str = ""


@dataclass(frozen=True)
class DigestCampaign:
    title: str
    prompt: str
    closes: str
    url: str | None  # its series page, when it has stories


@dataclass
class Digest:
    month: str  # YYYY-MM
    language: str
    subject: str
    site_name: str
    site_url: str
    tell_url: str
    stories: list[DigestStory] = field(default_factory=list)
    campaigns: list[DigestCampaign] = field(default_factory=list)
    #: stories of the month left out to stay under the size limit
    more: int = 0

    @property
    def file_stem(self) -> str:
        return f"digest-{self.month}-{self.language}"


def month_stories(hub: Hub, year: int, month: int, language: str) -> list[Story]:
    """The stories that went public in the month, newest first, one version of each
    translated story: the one in ``language`` when there is one, else the original."""
    published = [s for s in hub.stories if not hub.preview_only(s)]
    in_month = {s.id for s in published
                if (went_public(s).year, went_public(s).month) == (year, month)}
    chosen: list[Story] = []
    seen: set[str] = set()
    for story in published:
        versions = hub.translations.get(story.id) or [("", story)]
        group = versions[0][1].id
        if group in seen or not any(s.id in in_month for _, s in versions):
            continue
        seen.add(group)
        chosen.append(for_reader([[v for v in versions if v[1].id in in_month]], language)[0])
    return chosen


def tell_url(hub: Hub) -> str:
    """Where "tell yours" leads: the option, else the web editor, else the site."""
    options = hub.settings.options
    if options.digest.tell_url:
        return options.digest.tell_url
    site_url = hub.settings.site_url or ""
    return absolute(site_url, "admin/") if options.editor.enabled else absolute(site_url, "")


def plan_digest(hub: Hub, year: int, month: int, language: str | None = None) -> Digest:
    """What the digest of ``year``-``month`` holds, in ``language`` (default: the site's)."""
    site_url = hub.settings.site_url
    if not site_url:
        raise DigestError("the digest needs site_url in mkdocs.yml: an email's links and "
                          "images must be absolute addresses")
    code = language or hub.content_language
    t = Translator.for_language(code).scope("digest")
    key = f"{year:04d}-{month:02d}"
    campaign_key = f"digest-{key}"
    images = asset_urls(plan_assets(hub))

    def link(path: str) -> str:
        query = urlencode({"utm_source": "digest", "utm_medium": "email",
                           "utm_campaign": campaign_key})
        return f"{absolute(site_url, path)}?{query}"

    stories: list[DigestStory] = []
    for story in month_stories(hub, year, month, code):
        people: list[str] = []
        for person_id in dict.fromkeys(story.people):
            person = hub.people.get(person_id)
            if person is not None:
                worded = hub.person_in(person, code)
                people.append(f"{worded.name}, {worded.role}")
            elif person_id in hub.anonymous:
                people.append(hub.anonymous_label)
        values = [hub.value_in(hub.values[v], code) for v in dict.fromkeys(story.values)
                  if v in hub.values]
        image = images.get(("story-image", story.id))
        stories.append(DigestStory(
            story.title, story.summary, link(story.url), t.date(story.date), people,
            [DigestValue(v.name, v.color or "#5d4037", ink_on(v.color or "#5d4037"))
             for v in values],
            absolute(site_url, image) if image else None, story.image_alt or ""))
    pages = campaign_groups(hub.stories, hub.translations) \
        if hub.settings.options.campaigns.pages else {}
    own = code if code in hub.settings.languages[1:] else None
    campaigns = [DigestCampaign(c.title_in(code), c.prompt_in(code), t.date(c.closes),
                                link(campaign_url(c.id, own)) if c.id in pages else None)
                 for c in open_campaigns(hub.content.campaigns, hub.now.date())]
    subject = t("subject", month=t.month_name(month), year=year,
                site=hub.settings.company)
    return Digest(key, code, subject, hub.settings.site_name, absolute(site_url, ""),
                  tell_url(hub), stories, campaigns)


@dataclass(frozen=True)
class RenderedDigest:
    html: str
    text: str
    digest: Digest


def render_digest(digest: Digest, overrides: Path | None = None,
                  max_bytes: int = GMAIL_CLIP_BYTES) -> RenderedDigest:
    """The HTML and plain-text digest; older stories are left out (and counted in
    ``more``) until the HTML is under ``max_bytes``."""
    t = Translator.for_language(digest.language).scope("digest")
    html_template = page_environment(overrides).get_template(HTML_TEMPLATE)
    text_template = text_environment(overrides).get_template(TEXT_TEMPLATE)
    stories = list(digest.stories)

    def with_first(count: int) -> tuple[Digest, str]:
        current = Digest(**{**digest.__dict__, "stories": stories[:count],
                            "more": len(stories) - count})
        return current, html_template.render(digest=current, t=t)

    def fits(html: str) -> bool:
        return len(html.encode("utf-8")) <= max_bytes

    current, html = with_first(len(stories))
    if not fits(html):
        # the most stories that fit, by bisection (the size grows with the count): a few
        # renders, not one per story left out
        low, high = 0, len(stories) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if fits(with_first(middle)[1]):
                low = middle
            else:
                high = middle - 1
        current, html = with_first(low)
    text = re.sub(r"\n{3,}", "\n\n", text_template.render(digest=current, t=t)).strip() + "\n"
    return RenderedDigest(html, text, current)
