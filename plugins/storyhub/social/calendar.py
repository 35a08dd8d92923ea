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
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from storyhub.hub.publish import is_gone
from storyhub.options.model import WEEKDAYS, CalendarOptions

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

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
    #: of the texts)
    posts: Any = field(compare=False, repr=False)
    index: int
    image_url: str | None
    image_alt: str | None
    tags: tuple[str, ...]  # the story's value ids, for the scheduler's own labels
    #: 0 for a story's own posts; n for its n-th re-share on this network (evergreen)
    reshare: int = 0
    #: RFC 5545 SEQUENCE: raised each time the post changes between two exports
    sequence: int = 0

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
        """Stable across rebuilds: the same story, network and variant keep their id (a
        re-share: the same story, network and re-share number)."""
        if self.reshare:
            return f"{self.story}.{self.network}.reshare-{self.reshare}"
        return f"{self.story}.{self.network}.{self.variant}"


@dataclass(frozen=True, slots=True)
class CancelledPost:
    """A post of the previous export that left the plan: written as a cancelled event
    with the same UID and a higher SEQUENCE, so calendar applications remove it. Only
    its slug and network: a story taken down may name someone who withdrew."""

    uid: str
    story: str
    network: str
    at: datetime
    sequence: int


@dataclass
class Calendar:
    options: CalendarOptions
    posts: list[Post]  # by time, then network, then story
    generated: datetime  # the build's "now"
    site_url: str | None
    network_names: dict[str, str]
    #: posts of the previous export that left the plan, still to come (by time)
    cancelled: list[CancelledPost] = field(default_factory=list)
    #: posts that would come after the horizon: they wait for a later build
    beyond: int = 0
    #: the first day after the horizon (local)
    horizon_end: date | None = None
    #: per "story.network": [last post moment (ISO), re-shares so far], kept in
    #: calendar.json so that the next build knows what already went out
    history: dict[str, list[Any]] = field(default_factory=dict)
    #: why nothing is planned, as catalogue keys with their values (empty when posts are)
    empty_reasons: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

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
    today = hub.today
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

    def between(self, start: datetime, end: datetime) -> Iterator[datetime]:
        """Every slot at or after ``start`` and before ``end``, in order."""
        slot = self.first_at_or_after(start)
        while slot < end:
            yield slot
            slot = self.first_at_or_after(slot + timedelta(minutes=1))

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


def _sequences(item: StorySnippets, count: int) -> dict[str, list[tuple[int, str]]]:
    """A story's company posts per network, in order: own text, variant 1, 2, … (the
    personal variants are for employees to post themselves, never planned); each as its
    place among the story's posts and its variant; at most ``count`` a network. One pass
    over the story's posts."""
    own: dict[str, list[tuple[int, str]]] = {}
    numbered: dict[str, list[tuple[int, int, str]]] = {}
    for index, post in enumerate(item.snippets):
        variant = post.variant
        if variant == "own":
            own.setdefault(post.network, []).append((index, variant))
        elif variant.isdigit():
            numbered.setdefault(post.network, []).append((int(variant), index, variant))
    found: dict[str, list[tuple[int, str]]] = {}
    for network in dict.fromkeys([*own, *numbered]):
        ordered = sorted(numbered.get(network, ()))  # by variant number, then place
        found[network] = [*own.get(network, ()),
                          *((index, variant) for _, index, variant in ordered)][:count]
    return found


def _image(item: StorySnippets, network: str, site_url: str | None,
           photo: Callable[[Story], str | None] | None = None
           ) -> tuple[str | None, str | None]:
    """The post's image: the story's share card, else (share cards off) its own photo as
    published on its page, else none."""
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
    if item.cards is not None:
        image = item.cards.for_network(network)
        return absolute(site_url, image.path), image.alt
    found = photo(item.story) if photo is not None else None
    if found:
        return absolute(site_url, found), item.story.image_alt or item.story.title
    return None, None


def translation_groups(hub: Hub) -> dict[str, str]:
    """Published story id -> the id of its translation group (the first of its published
    versions, the original when it is published), for stories with more than one
    published version."""
    return {story_id: versions[0][1].id for story_id, versions in hub.translations.items()}


def plan_calendar(hub: Hub, snippets: SnippetSet, options: CalendarOptions,
                  previous: dict[str, Any] | None = None,
                  photo: Callable[[Story], str | None] | None = None) -> Calendar:
    """Plan every published story's posts (see the module's rules), fill free slots with
    re-shares (:func:`_evergreen`), and compare with the ``previous`` export's
    ``calendar.json``: changed posts get a higher SEQUENCE, posts that left the plan are
    cancelled (:func:`_against_previous`). ``photo``: a story's published photo (a
    site-relative URL), the image of its posts when there are no share cards."""
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
    horizon_end = start.date() + timedelta(days=options.horizon_days)
    end = datetime.combine(horizon_end, time(0, 0), tzinfo=zone)
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
    published_at: dict[str, datetime] = {}
    fresh: set[str] = set()  # stories recent enough for their own posts
    for item in snippets.stories:
        story = item.story
        if hub.preview_only(story):
            continue
        published = publication_moment(story, zone)
        items[story.id] = item
        published_at[story.id] = published
        tags[story.id] = tuple(value_id for value_id, _ in item.values)
        stop = end_of_consent(hub, story)
        until[story.id] = (datetime.combine(stop, time(0, 0), tzinfo=zone)
                           if stop is not None else None)
        by_network = _sequences(item, options.posts_per_story)
        recent = published >= oldest
        if recent:
            fresh.add(story.id)
        for net in snippets.options.networks:
            sequence = by_network.get(net)
            if sequence:
                sequences[(story.id, net)] = sequence
                if recent:
                    order = 0 if group_of.get(story.id, story.id) == story.id else 1
                    queues.setdefault(net, []).append(
                        (max(published, start), published, order, story.id, 0))

    posts: list[Post] = []
    beyond = 0
    #: (translation group, network, local day) taken by a post
    group_days: set[tuple[str, str, date]] = set()
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
            if slot >= end:
                # Planned times on a network only move forward: every post still queued
                # comes after the horizon too. They wait for a later build.
                sequence_of = sequences
                beyond += len(sequence_of[(story_id, network)]) - rank
                beyond += sum(len(sequence_of[(sid, network)]) - r
                              for _, _, _, sid, r in queue)
                break
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
                group_days.add((group, network, day))
            last = slot
            item = items[story_id]
            index, variant = sequences[(story_id, network)][rank]
            image_url, image_alt = _image(item, network, snippets.site_url, photo)
            posts.append(Post(
                story=story_id, title=item.story.title, network=network,
                variant=variant, at=slot, posts=item, index=index,
                image_url=image_url, image_alt=image_alt,
                tags=tags[story_id],
            ))
            if rank + 1 < len(sequences[(story_id, network)]):
                heapq.heappush(queue, (slot + step, published, order, story_id, rank + 1))

    history = _history(previous, now, set(items))
    if options.evergreen:
        counting = {key: list(entry) for key, entry in history.items()}
        posts += _evergreen(
            _Plan(hub, snippets, options, slots, start, end, items, sequences, published_at,
                  until, tags, group_of, group_days, counting, photo), posts)
    rank_of: dict[str, int] = {net: i for i, net in enumerate(snippets.options.networks)}
    posts.sort(key=lambda p: (p.at, rank_of[p.network], p.story, p.variant, p.reshare))
    names: dict[str, str] = {net: NETWORK_NAMES[net] for net in snippets.options.networks}
    calendar = Calendar(options, posts, now, snippets.site_url, names, beyond=beyond,
                        horizon_end=horizon_end, history=dict(sorted(history.items())))
    _against_previous(calendar, previous)
    if not calendar.posts:
        calendar.empty_reasons = _why_empty(options, items, fresh, sequences, history,
                                            published_at, zone)
    return calendar


def _history(previous: dict[str, Any] | None, now: datetime, stories: set[str]
             ) -> dict[str, list[Any]]:
    """Per "story.network": [its last post that went out (ISO), its re-shares that went
    out], from the previous export: its history, and its posts whose moment has passed
    (handed to a scheduler, so gone out). Only stories still published are kept."""
    history: dict[str, list[Any]] = {}
    if not previous:
        return history

    def note(key: str, moment: datetime, reshare: int) -> None:
        entry = history.setdefault(key, [local_text(moment), reshare])
        if datetime.fromisoformat(entry[0]) < moment:
            entry[0] = local_text(moment)
        entry[1] = max(entry[1], reshare)

    raw = previous.get("history")
    for key, value in (raw.items() if isinstance(raw, dict) else ()):
        if (isinstance(key, str) and key.rsplit(".", 1)[0] in stories
                and isinstance(value, list) and len(value) == 2
                and isinstance(value[1], int)):
            try:
                moment = datetime.fromisoformat(str(value[0]))
            except ValueError:
                continue
            if moment.tzinfo is not None and moment <= now:
                note(key, moment, value[1])
    for post in previous.get("posts") or ():
        try:
            moment = datetime.fromisoformat(str(post["at"]))
            story = str(post["story"])
            key = f"{story}.{post['network']}"
            reshare = int(post.get("reshare") or 0)
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        if moment.tzinfo is not None and story in stories and moment <= now:
            note(key, moment, reshare)
    return history


@dataclass
class _Plan:
    """What :func:`_evergreen` reads of a plan in the making."""

    hub: Hub
    snippets: SnippetSet
    options: CalendarOptions
    slots: Slots
    start: datetime
    end: datetime
    items: dict[str, StorySnippets]
    sequences: dict[tuple[str, str], list[tuple[int, str]]]
    published_at: dict[str, datetime]
    until: dict[str, datetime | None]
    tags: dict[str, tuple[str, ...]]
    group_of: dict[str, str]
    group_days: set[tuple[str, str, date]]
    history: dict[str, list[Any]]
    photo: Callable[[Story], str | None] | None


def _evergreen(plan: _Plan, planned: list[Post]) -> list[Post]:
    """Re-shares of older published stories in the free slots of each network, up to the
    horizon: a slot is free when no post takes it and the network's spacing holds on both
    sides; a story is due on a network when its last post there (its publication counts as
    one) is at least ``evergreen_after_days`` old; at most ``evergreen_per_week`` a week per
    network. With ``evergreen_balance`` the next re-share comes from the value re-shared
    least so far on the network (each story counts for its first value); among the due
    stories of a value, the one whose last post is oldest. Only a translation group's first
    version is re-shared (one audience per profile). Cost: the slots up to the horizon,
    plus a heap operation per story and network."""
    import bisect

    options = plan.options
    zone = plan.slots.zone
    wait = timedelta(days=options.evergreen_after_days)
    by_network: dict[str, list[datetime]] = {}
    last_on: dict[tuple[str, str], datetime] = {}
    for post in planned:
        by_network.setdefault(post.network, []).append(post.at)
        pair = (post.story, post.network)
        if pair not in last_on or post.at > last_on[pair]:
            last_on[pair] = post.at
    added: list[Post] = []
    for network in plan.snippets.options.networks:
        spacing = timedelta(hours=options.spacing.get(network, 24))  # type: ignore[call-overload]
        taken = sorted(by_network.get(network, ()))
        # per value (or one queue without balance): (due moment, story id)
        queues: dict[str, list[tuple[datetime, str]]] = {}
        counts: dict[str, int] = {}
        for story_id in plan.items:
            if (story_id, network) not in plan.sequences:
                continue
            if plan.group_of.get(story_id, story_id) != story_id:
                continue
            last = max(plan.published_at[story_id], last_on.get((story_id, network),
                                                                plan.published_at[story_id]))
            known = plan.history.get(f"{story_id}.{network}")
            if known:
                last = max(last, datetime.fromisoformat(known[0]))  # checked when read
            value = (plan.tags[story_id][:1] or ("",))[0] if options.evergreen_balance else ""
            queues.setdefault(value, []).append((last + wait, story_id))
            counts.setdefault(value, 0)
        for queue in queues.values():
            heapq.heapify(queue)
        if not queues:
            continue
        week_counts: dict[tuple[int, int], int] = {}
        previous_reshare: datetime | None = None
        for slot in plan.slots.between(plan.start, plan.end):
            week = slot.astimezone(zone).isocalendar()[:2]
            if week_counts.get(week, 0) >= options.evergreen_per_week:
                continue
            at = bisect.bisect_left(taken, slot)
            if at < len(taken) and (taken[at] == slot or taken[at] - slot < spacing):
                continue
            if at > 0 and slot - taken[at - 1] < spacing:
                continue
            if previous_reshare is not None and (slot <= previous_reshare
                                                 or slot - previous_reshare < spacing):
                continue
            chosen = _choose(plan, queues, counts, network, slot)
            if chosen is None:
                continue
            value, story_id = chosen
            counts[value] += 1
            week_counts[week] = week_counts.get(week, 0) + 1
            previous_reshare = slot
            heapq.heappush(queues[value], (slot + wait, story_id))
            key = f"{story_id}.{network}"
            entry = plan.history.setdefault(key, ["", 0])
            entry[1] += 1
            sequence = plan.sequences[(story_id, network)]
            index, variant = sequence[(entry[1] - 1) % len(sequence)]
            item = plan.items[story_id]
            image_url, image_alt = _image(item, network, plan.snippets.site_url, plan.photo)
            added.append(Post(
                story=story_id, title=item.story.title, network=network, variant=variant,
                at=slot, posts=item, index=index, image_url=image_url, image_alt=image_alt,
                tags=plan.tags[story_id], reshare=entry[1]))
            group = plan.group_of.get(story_id)
            if group is not None:
                plan.group_days.add((group, network, slot.astimezone(zone).date()))
    return added


def _choose(plan: _Plan, queues: dict[str, list[tuple[datetime, str]]],
            counts: dict[str, int], network: str, slot: datetime) -> tuple[str, str] | None:
    """The story to re-share in ``slot``: from the least re-shared value with a story due
    (ties: the earliest due, then the value id); stories whose consent ends before the
    slot leave their queue; a story whose translation was posted that day waits."""
    day = slot.astimezone(plan.slots.zone).date()
    while True:
        best: tuple[int, datetime, str] | None = None
        for value, queue in queues.items():
            if queue and queue[0][0] <= slot:
                candidate = (counts[value], queue[0][0], value)
                if best is None or candidate < best:
                    best = candidate
        if best is None:
            return None
        value = best[2]
        _, story_id = heapq.heappop(queues[value])
        stop = plan.until[story_id]
        if stop is not None and slot >= stop:
            continue  # consent ends: never again
        group = plan.group_of.get(story_id)
        if group is not None and (group, network, day) in plan.group_days:
            heapq.heappush(queues[value], (slot + timedelta(days=1), story_id))
            continue
        return value, story_id


def _why_empty(options: CalendarOptions, items: dict[str, StorySnippets], fresh: set[str],
               sequences: dict[tuple[str, str], list[tuple[int, str]]],
               history: dict[str, list[Any]], published_at: dict[str, datetime],
               zone: ZoneInfo) -> list[tuple[str, dict[str, Any]]]:
    """Why a plan is empty, and what to change (catalogue keys of ``snippets``)."""
    if not items:
        return [("why_no_stories", {})]
    if not sequences:
        return [("why_no_texts", {})]
    reasons: list[tuple[str, dict[str, Any]]] = []
    if not fresh:
        newest = max(published_at.values()).astimezone(zone).date()
        reasons.append(("why_backlog", {"days": options.backlog_days,
                                        "newest": newest.isoformat()}))
    if not options.evergreen:
        reasons.append(("why_evergreen_off", {}))
    else:
        reasons.append(("why_evergreen_wait", {"days": options.evergreen_after_days,
                                               "horizon": options.horizon_days}))
    return reasons


def _against_previous(calendar: Calendar, previous: dict[str, Any] | None) -> None:
    """SEQUENCE and cancellations from the previous export's ``calendar.json``: a post
    whose moment, text or link changed (or that comes back after a cancellation) gets the
    previous SEQUENCE + 1; a post still to come that left the plan becomes a
    :class:`CancelledPost` with the previous SEQUENCE + 1 (once: a post already cancelled
    keeps its number). Past posts went out: nothing to cancel."""
    if not previous:
        return
    before: dict[str, tuple[dict[str, Any], bool]] = {}
    for key, cancelled in (("posts", False), ("cancelled", True)):
        for entry in previous.get(key) or ():
            if isinstance(entry, dict) and isinstance(entry.get("uid"), str):
                before[entry["uid"]] = (entry, cancelled)
    if not before:
        return
    for index, post in enumerate(calendar.posts):
        found = before.get(post.uid)
        if found is None:
            continue
        entry, cancelled = found
        sequence = _int(entry.get("sequence"))
        if (cancelled or entry.get("at") != local_text(post.at)
                or entry.get("text") != post.text or entry.get("link") != post.link):
            sequence += 1
        if sequence:
            calendar.posts[index] = replace(post, sequence=sequence)
    planned = {post.uid for post in calendar.posts}
    for uid, (entry, cancelled) in before.items():
        if uid in planned:
            continue
        try:
            at = datetime.fromisoformat(str(entry["at"]))
        except (KeyError, ValueError):
            continue
        if at.tzinfo is None or at <= calendar.generated:
            continue
        calendar.cancelled.append(CancelledPost(
            uid, str(entry.get("story", "")), str(entry.get("network", "")), at,
            _int(entry.get("sequence")) + (0 if cancelled else 1)))
    calendar.cancelled.sort(key=lambda c: (c.at, c.network, c.uid))


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def plan_figures(calendar: Calendar) -> dict[str, Any]:
    """The plan's figures for the hub report: posts planned, re-shares among them, posts
    waiting beyond the horizon, the horizon's end (ISO day), posts cancelled."""
    return {"planned": len(calendar.posts),
            "reshares": sum(1 for post in calendar.posts if post.reshare),
            "beyond": calendar.beyond,
            "horizon_end": calendar.horizon_end.isoformat() if calendar.horizon_end else None,
            "cancelled": len(calendar.cancelled)}


def plan_notes(calendar: Calendar | None, t: Callable[..., str]) -> list[str]:
    """What the snippets page and ``storyhub snippets`` say about the plan (``t``: the
    catalogue's ``snippets`` words): why it is empty and what to change, the re-shares,
    the posts waiting beyond the horizon, the posts cancelled."""
    if calendar is None:
        return []
    lines = [t(key, **values) for key, values in calendar.empty_reasons]
    if lines:
        lines.insert(0, t("plan_empty"))
    reshares = sum(1 for post in calendar.posts if post.reshare)
    if reshares:
        lines.append(t.count("reshares_planned", reshares))  # type: ignore[attr-defined]
    if calendar.beyond and calendar.horizon_end is not None:
        lines.append(t.count("beyond_horizon", calendar.beyond,  # type: ignore[attr-defined]
                             day=t.date(calendar.horizon_end)))  # type: ignore[attr-defined]
    if calendar.cancelled:
        lines.append(t.count("cancelled_count",  # type: ignore[attr-defined]
                             len(calendar.cancelled)))
    return lines


def local_text(moment: datetime) -> str:
    """``2026-03-03T09:30:00+01:00``: ISO 8601 with the offset of the calendar's zone."""
    return moment.isoformat(timespec="seconds")


def to_data(calendar: Calendar, *, streamed: bool = False) -> dict[str, Any]:
    """``calendar.json``: every planned post (``storyhub check`` compares a previous one).
    With ``streamed``, the posts are an iterator, each made when written (see
    :func:`storyhub.text.jsontext.indented_json_chunks`): a post's text is not held."""
    posts = ({"uid": p.uid, "story": p.story, "title": p.title, "network": p.network,
              "variant": p.variant, "at": local_text(p.at), "text": p.text, "link": p.link,
              "image_url": p.image_url, "tags": list(p.tags), "reshare": p.reshare,
              "sequence": p.sequence}
             for p in calendar.posts)
    return {
        "schema": SCHEMA_ID,
        "generated": calendar.generated.astimezone(timezone.utc).isoformat(timespec="seconds"),
        "timezone": calendar.options.timezone,
        "site_url": calendar.site_url,
        "horizon_end": calendar.horizon_end.isoformat() if calendar.horizon_end else None,
        "beyond_horizon": calendar.beyond,
        "empty_reasons": [key for key, _ in calendar.empty_reasons],
        "posts": posts if streamed else list(posts),
        "cancelled": [{"uid": c.uid, "story": c.story, "network": c.network,
                       "at": local_text(c.at), "sequence": c.sequence}
                      for c in calendar.cancelled],
        "history": calendar.history,
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
