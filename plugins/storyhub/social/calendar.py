"""The posting calendar: when each company post goes out, per network.

From each published story's publication moment (``publish_at``, else its date at midnight
in the company's time zone) a few posts per network are planned — the story's own text or
variant 1 first, then variant 2 ``next_variant_days`` later — into the configured posting
slots (days × times in ``calendar.timezone``). The rules, all checked by the tests:

* never before the story is published, never before the calendar's start, never on or
  before the build's day;
* never after someone in the story withdraws consent or leaves (dates already known);
* on one network, never two posts in one slot and never closer than ``spacing`` hours;
* on one network, never two versions of one translated story on the same day (in the
  calendar's time zone): a company profile speaks to one audience, which would read the
  same story twice. The version that may go out first keeps its slot (the original first
  when both are published the same day); a post of another version that would land on a
  day already taken by its group on that network waits for the next day with a free slot.
  Every version is still posted, each in its own language and linking its own page;
* the same inputs and ``SOURCE_DATE_EPOCH`` give the same calendar.

Only published stories are planned (:attr:`Hub.stories`), so a story taken down leaves the
calendar by itself; :func:`posts_to_cancel` compares a previous ``calendar.json`` with the
hub to list the posts already handed to a scheduler that must now be cancelled.

Each network is planned on its own: a queue ordered by the earliest moment a post may go
out; the next post takes the first slot at or after both that moment and the network's
previous post plus the spacing. Planned times on a network only move forward, so a hub of
thousands of stories is planned in time proportional to its number of posts.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from storyhub.hub.publish import is_gone
from storyhub.options.model import WEEKDAYS, CalendarOptions

if TYPE_CHECKING:
    from collections.abc import Sequence

    from storyhub.content.model import Story
    from storyhub.hub.graph import Hub
    from storyhub.social.compose import Snippet, SnippetSet, StorySnippets

SCHEMA_ID = "storyhub-calendar/1"
#: how long a post "takes" in calendar applications (an event needs an end)
EVENT_MINUTES = 15


@dataclass(frozen=True, slots=True)
class Post:
    """One planned post: a story's snippet on one network at one moment."""

    story: str
    title: str
    network: str
    variant: str
    at: datetime  # aware, in the calendar's time zone
    #: the story's posts (:class:`StorySnippets`) and this one's place among them: its
    #: text and link are read from there when an output asks (a calendar holds no copy
    #: of the texts; the story's posts are kept packed)
    posts: Any = field(compare=False, repr=False)
    index: int
    image_url: str | None
    image_alt: str | None
    tags: tuple[str, ...]  # the story's value ids, for the scheduler's own labels

    @property
    def snippet(self) -> Snippet:
        snippet: Snippet = self.posts.snippets[self.index]
        return snippet

    @property
    def text(self) -> str:
        return self.snippet.text

    @property
    def link(self) -> str:
        return self.snippet.link

    @property
    def uid(self) -> str:
        """Stable across rebuilds: the same story, network and variant keep their id."""
        return f"{self.story}.{self.network}.{self.variant}"


@dataclass
class Calendar:
    options: CalendarOptions
    posts: list[Post]  # by time, then network, then story
    generated: datetime  # the build's "now"
    site_url: str | None
    network_names: dict[str, str]

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.options.timezone)

    def by_story(self) -> dict[str, list[Post]]:
        grouped: dict[str, list[Post]] = {}
        for post in self.posts:
            grouped.setdefault(post.story, []).append(post)
        return grouped

    def networks(self) -> list[str]:
        return list(dict.fromkeys(p.network for p in self.posts))


def publication_moment(story: Story, zone: ZoneInfo) -> datetime:
    """When a story is public: its embargo end, else the start of its date (local time)."""
    if story.publish_at is not None:
        return story.publish_at
    return datetime.combine(story.date, time(0, 0), tzinfo=zone)


def end_of_consent(hub: Hub, story: Story) -> date | None:
    """The first day someone in the story is known to withdraw consent or leave (a date
    already written in their profile but still in the future): no post from that day."""
    today = hub.now.date()
    involved = [*dict.fromkeys(story.people)]
    if story.author and story.author not in involved:
        involved.append(story.author)
    days: list[date] = []
    for person_id in involved:
        person = hub.all_people.get(person_id)
        if person is None or is_gone(person, today):
            continue
        for day in (person.consent.withdrawn, person.left):
            if day is not None and day > today:
                days.append(day)
    return min(days) if days else None


class Slots:
    """The posting slots of the calendar: ``days`` × ``times`` in ``zone``."""

    def __init__(self, options: CalendarOptions) -> None:
        self.zone = ZoneInfo(options.timezone)
        self.weekdays = {WEEKDAYS.index(d) for d in options.days}
        self.times = [time(int(t[:2]), int(t[3:])) for t in options.times]

    def first_at_or_after(self, moment: datetime) -> datetime:
        """The first slot at or after ``moment``."""
        local = moment.astimezone(self.zone)
        day = local.date()
        while True:
            if day.weekday() in self.weekdays:
                for slot_time in self.times:
                    # Through UTC and back: a time that does not exist (a DST jump) moves
                    # to the real moment it stands for.
                    slot = datetime.combine(day, slot_time, tzinfo=self.zone)
                    slot = slot.astimezone(timezone.utc).astimezone(self.zone)
                    if slot >= moment:
                        return slot
            day += timedelta(days=1)


def _layout(item: StorySnippets) -> Sequence[tuple[str, str]]:
    """(network, variant) of each of the story's posts, in order (not unpacked for it)."""
    from storyhub.social.posts import StorySnippets

    if isinstance(item, StorySnippets):
        return item.layout
    return [(s.network, s.variant) for s in item.snippets]


def _sequence(layout: Sequence[tuple[str, str]], network: str, count: int
              ) -> list[tuple[int, str]]:
    """A story's company posts on one network, in order: own text, variant 1, 2, …
    (the personal variants are for employees to post themselves, never planned); each
    as its place among the story's posts (``layout``: see :func:`_layout`) and its variant."""
    own = [(i, variant) for i, (net, variant) in enumerate(layout)
           if net == network and variant == "own"]
    numbered = sorted(((i, variant) for i, (net, variant) in enumerate(layout)
                       if net == network and variant.isdigit()),
                      key=lambda found: int(found[1]))
    return [*own, *numbered][:count]


def _image(item: StorySnippets, network: str, site_url: str | None) -> tuple[str | None,
                                                                              str | None]:
    from storyhub.social.links import absolute

    if not site_url:
        return None, None
    source = getattr(item.story, "source", None)  # a story as the planner's tests fake it
    video = next((m for m in source.media if m.kind == "video"), None) if source else None
    if video is not None and video.poster_relative:
        # a video story's posts carry its poster: the still people will see when it plays
        from storyhub.text.urls import url_path

        return (absolute(site_url, url_path(f"{item.story.url}{video.poster_relative}")),
                video.description)
    if item.cards is None:
        return None, None
    image = item.cards.instagram if network == "instagram" else item.cards.og
    return absolute(site_url, image.path), image.alt


def translation_groups(hub: Hub) -> dict[str, str]:
    """Published story id -> the id of its translation group (the first of its published
    versions, the original when it is published), for stories with more than one
    published version."""
    return {story_id: versions[0][1].id for story_id, versions in hub.translations.items()}


def plan_calendar(hub: Hub, snippets: SnippetSet, options: CalendarOptions) -> Calendar:
    """Plan every published story's posts (see the module's rules)."""
    from storyhub.text.networks import NETWORK_NAMES

    slots = Slots(options)
    zone = slots.zone
    now = hub.now
    # Nothing on the build's own day (its slots may be past, and a scheduler needs time to
    # import): the calendar depends on the build's date only, not on its hour.
    tomorrow = datetime.combine(now.astimezone(zone).date() + timedelta(days=1), time(0, 0),
                                tzinfo=zone)
    start = max(tomorrow, datetime.combine(options.start, time(0, 0), tzinfo=zone)
                if options.start is not None else tomorrow)
    oldest = start - timedelta(days=options.backlog_days)
    step = timedelta(days=options.next_variant_days)

    # Per network: a queue of (earliest moment, publication, version order, story, rank);
    # the version order puts an original before its translations published the same moment.
    queues: dict[str, list[tuple[datetime, datetime, int, str, int]]] = {}
    group_of = translation_groups(hub)
    sequences: dict[tuple[str, str], list[tuple[int, str]]] = {}
    items: dict[str, StorySnippets] = {}
    tags: dict[str, tuple[str, ...]] = {}  # a story's value ids, one tuple for its posts
    until: dict[str, datetime | None] = {}
    for item in snippets.stories:
        story = item.story
        published = publication_moment(story, zone)
        if published < oldest or hub.preview_only(story):
            continue
        items[story.id] = item
        tags[story.id] = tuple(value_id for value_id, _ in item.values)
        stop = end_of_consent(hub, story)
        until[story.id] = (datetime.combine(stop, time(0, 0), tzinfo=zone)
                           if stop is not None else None)
        layout = _layout(item)
        for network in snippets.options.networks:
            sequence = _sequence(layout, network, options.posts_per_story)
            if sequence:
                sequences[(story.id, network)] = sequence
                order = 0 if group_of.get(story.id, story.id) == story.id else 1
                queues.setdefault(network, []).append(
                    (max(published, start), published, order, story.id, 0))

    posts: list[Post] = []
    for network, queue in queues.items():
        heapq.heapify(queue)
        spacing = timedelta(hours=options.spacing.get(network, 24))  # type: ignore[call-overload]
        last: datetime | None = None
        # translation group -> day -> the version posted that day on this network
        days_taken: dict[str, dict[date, str]] = {}
        while queue:
            earliest, published, order, story_id, rank = heapq.heappop(queue)
            floor = earliest if last is None else max(earliest, last + spacing)
            # Strictly after the previous post, even with a spacing of 0: one post a slot.
            slot = slots.first_at_or_after(floor)
            if last is not None and slot <= last:
                slot = slots.first_at_or_after(last + timedelta(minutes=1))
            stop = until[story_id]
            if stop is not None and slot >= stop:
                continue  # consent ends first: this post and the later ones are dropped
            group = group_of.get(story_id)
            if group is not None:
                taken = days_taken.setdefault(group, {})
                day = slot.astimezone(zone).date()
                if taken.get(day, story_id) != story_id:
                    # Another version of this story goes out on this network that day: this
                    # one waits for the next day (the slot stays free for other stories).
                    next_day = datetime.combine(day + timedelta(days=1), time(0, 0),
                                                tzinfo=zone)
                    heapq.heappush(queue, (next_day, published, order, story_id, rank))
                    continue
                taken[day] = story_id
            last = slot
            item = items[story_id]
            index, variant = sequences[(story_id, network)][rank]
            image_url, image_alt = _image(item, network, snippets.site_url)
            posts.append(Post(
                story=story_id, title=item.story.title, network=network,
                variant=variant, at=slot, posts=item, index=index,
                image_url=image_url, image_alt=image_alt,
                tags=tags[story_id],
            ))
            if rank + 1 < len(sequences[(story_id, network)]):
                heapq.heappush(queue, (slot + step, published, order, story_id, rank + 1))
    order = {net: i for i, net in enumerate(snippets.options.networks)}
    posts.sort(key=lambda p: (p.at, order[p.network], p.story, p.variant))
    names = {net: NETWORK_NAMES[net] for net in snippets.options.networks}
    return Calendar(options, posts, now, snippets.site_url, names)


def local_text(moment: datetime) -> str:
    """``2026-03-03T09:30:00+01:00``: ISO 8601 with the offset of the calendar's zone."""
    return moment.isoformat(timespec="seconds")


def to_data(calendar: Calendar, *, streamed: bool = False) -> dict[str, Any]:
    """``calendar.json``: every planned post (``storyhub check`` compares a previous one).
    With ``streamed``, the posts are an iterator, each made when written (see
    :func:`storyhub.social.export.indented_json_chunks`): a post's text is not held."""
    posts = ({"uid": p.uid, "story": p.story, "title": p.title, "network": p.network,
              "variant": p.variant, "at": local_text(p.at), "text": p.text, "link": p.link,
              "image_url": p.image_url, "tags": list(p.tags)}
             for p in calendar.posts)
    return {
        "schema": SCHEMA_ID,
        "generated": calendar.generated.astimezone(timezone.utc).isoformat(timespec="seconds"),
        "timezone": calendar.options.timezone,
        "site_url": calendar.site_url,
        "posts": posts if streamed else list(posts),
    }


@dataclass(frozen=True)
class Cancellation:
    uid: str
    story: str  # the slug only: a hidden story's title may name someone who withdrew
    network: str
    at: str
    reason: str

    def format(self) -> str:
        return f"{self.at}  {self.network:<9} {self.story} — {self.reason}"


def posts_to_cancel(previous: dict[str, Any], hub: Hub) -> list[Cancellation]:
    """Posts of a previous ``calendar.json`` still to come that must not go out: their
    story is no longer published (withdrawn consent, departure, draft again, embargo,
    deleted), or someone in it withdraws consent or leaves before the post's day."""
    published = {story.id: story for story in hub.stories if not hub.preview_only(story)}
    by_slug = {story.id: story for story in hub.content.stories}
    try:
        zone = ZoneInfo(str(previous.get("timezone") or "UTC"))
    except (ValueError, KeyError):
        zone = ZoneInfo("UTC")
    stops: dict[str, date | None] = {}
    cancel: list[Cancellation] = []
    for post in previous.get("posts", []):
        try:
            at = datetime.fromisoformat(str(post["at"]))
            story_id = str(post["story"])
        except (KeyError, ValueError, TypeError):
            continue
        if at.tzinfo is None or at <= hub.now:
            continue
        story = published.get(story_id)
        if story is not None:
            if story_id not in stops:
                stops[story_id] = end_of_consent(hub, story)
            stop = stops[story_id]
            if stop is None or at.astimezone(zone).date() < stop:
                continue
            reason = f"someone in the story withdraws consent or leaves on {stop.isoformat()}"
        elif story_id in hub.hidden_stories:
            reason = hub.hidden_stories[story_id].reason
        elif story_id in by_slug:
            reason = "not published"
        else:
            reason = "the story is no longer in the hub"
        cancel.append(Cancellation(str(post.get("uid", "")), story_id,
                                   str(post.get("network", "")), at.isoformat(), reason))
    cancel.sort(key=lambda c: (c.at, c.network, c.story))
    return cancel
