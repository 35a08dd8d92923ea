"""Feeds: Atom (RFC 4287) and JSON Feed 1.1 for the hub and for each value, person and team.

``feed.xml`` and ``feed.json`` sit beside the page they follow (``/``, ``/values/<id>/``,
``/people/<id>/``, ``/teams/<id>/``). A hub with stories in more than one language also
has a feed per language beside that language's listing (``/stories/it/feed.xml``): only
the stories written in it, the feed's own words (title, subtitle) from that language's
catalogue (``feeds`` namespace). Each entry carries its story's language (Atom
``xml:lang``, JSON Feed ``language``); a feed's own language is the one its words are in.
Everything in them is published: only
:attr:`Hub.stories`, names as :meth:`Hub.names_of` prints them (consent, anonymous label),
people linked only when they have a page. Links are absolute, so feeds need ``site_url``.
The output depends only on the content and options: ``updated`` is the newest story's
publication, never the build's clock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr
from zoneinfo import ZoneInfo

from storyhub.content.model import Story
from storyhub.hub.graph import Hub
from storyhub.i18n import Translator
from storyhub.i18n.catalogue import available_languages, primary_subtag
from storyhub.site.meta import writers_of
from storyhub.site.plan import languages_of
from storyhub.text.jsontext import dumps, escape_markup
from storyhub.text.urls import absolute

ATOM_TYPE = "application/atom+xml"
JSON_TYPE = "application/feed+json"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
_IMAGE_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
                ".webp": "image/webp"}


@dataclass(frozen=True)
class FeedLink:
    """What a page's head and body need to point at a feed."""

    title: str
    href: str  # absolute
    type: str
    label: str  # "Atom", "JSON Feed"


@dataclass
class Feed:
    kind: str  # "hub", "language", "value", "person", "team"
    key: str  # the subject's id ("" for the hub, the language code for a language's feed)
    title: str
    description: str
    folder: str  # site-relative folder of the page it follows, "" for the home page
    stories: list[Story]
    language: str | None = None  # the language of the feed's words; None: the site's

    @property
    def atom_path(self) -> str:
        return f"{self.folder}feed.xml"

    @property
    def json_path(self) -> str:
        return f"{self.folder}feed.json"


def plan_feeds(hub: Hub, translator: Translator) -> list[Feed]:
    """Every feed of the hub: only subjects with at least one published story."""
    options = hub.settings.options.feeds
    if not options.enabled or not hub.settings.site_url:
        return []
    limit = options.items
    site = hub.settings.site_name

    def public(stories: list[Story]) -> list[Story]:
        """Published stories, each translated story once (in the site's language, else
        the original): a reader subscribes to stories, not to their versions."""
        return hub.one_version([s for s in stories if not hub.preview_only(s)])

    feeds = [Feed("hub", "", site, translator("feed_hub", site=site), "",
                  public(hub.stories)[:limit])]
    for code, stories in languages_of(hub).items():
        stories = public(stories)
        if stories:
            title, description = language_feed_words(translator, code, hub.settings.company)
            feeds.append(Feed("language", code, title, description, f"stories/{code}/",
                              stories[:limit], code))
    for value in hub.values.values():
        stories = public(hub.by_value.get(value.id, []))
        if stories:
            feeds.append(Feed("value", value.id, f"{value.name} — {site}",
                              translator("stories_about", name=value.name), value.url,
                              stories[:limit]))
    for person in hub.people.values():
        stories = public(_merge(hub.by_person.get(person.id, []),
                                hub.by_author.get(person.id, [])))
        if stories:
            feeds.append(Feed("person", person.id, f"{person.name} — {site}",
                              translator("stories_with", name=person.name), person.url,
                              stories[:limit]))
    for team in hub.teams.values():
        stories = public(_merge(*(hub.by_person.get(m.id, []) for m in team.members)))
        if stories:
            feeds.append(Feed("team", team.id, f"{team.name} — {site}",
                              translator("team_stories"), team.url, stories[:limit]))
    return feeds


def language_feed_words(translator: Translator, code: str, company: str) -> tuple[str, str]:
    """A language feed's title and subtitle, in that language when it has a catalogue,
    else in the site's language naming the code."""
    if primary_subtag(code) in available_languages(translator.folder):
        words = translator.in_language(code).scope("feeds")
        return (words("language_title", company=company),
                words("language_subtitle", company=company))
    words = translator.scope("feeds")
    return (words("other_language_title", company=company, code=code),
            words("other_language_subtitle", company=company, code=code))


def _merge(*groups: list[Story]) -> list[Story]:
    seen: dict[str, Story] = {}
    for group in groups:
        for story in group:
            seen[story.id] = story
    return sorted(seen.values(), key=lambda s: (-_ordinal(s), s.id))


def _ordinal(story: Story) -> int:
    return story.date.toordinal()


def published(story: Story, zone: ZoneInfo) -> datetime:
    """The story's publication moment: its embargo end, else its date at midnight."""
    if story.publish_at is not None:
        return story.publish_at
    return datetime.combine(story.date, time(0, 0), tzinfo=zone)


def _rfc3339(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


@dataclass
class FeedWriter:
    """Renders feeds; ``image_of`` gives a story's share image (site-relative) or None.

    A story is in several feeds (the hub's, its language's, each value's, person's and
    team's), always with the same entry: each is made once per writer."""

    hub: Hub
    image_of: Callable[[Story], str | None]
    _entries: dict[int, str] = field(default_factory=dict, init=False, repr=False)
    _items: dict[int, dict[str, object]] = field(default_factory=dict, init=False, repr=False)

    @property
    def site_url(self) -> str:
        assert self.hub.settings.site_url
        return self.hub.settings.site_url

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.hub.settings.options.calendar.timezone)

    def url(self, path: str) -> str:
        return absolute(self.site_url, path)

    def people(self, story: Story) -> list[tuple[str, str | None]]:
        """The people the story is about, (name, profile URL) as published: names only
        with consent, the anonymous label for the others (no link)."""
        hub = self.hub
        result: list[tuple[str, str | None]] = []
        for person_id in dict.fromkeys(story.people):
            person = hub.all_people.get(person_id)
            if person is None:
                continue
            name = hub.display_name(person)
            if name is None:
                continue
            link = self.url(person.url) if person.id in hub.people else None
            if (name, link) not in result:
                result.append((name, link))
        return result

    def authors(self, story: Story) -> list[tuple[str, str | None]]:
        """Who wrote the story (as its page's JSON-LD says: its ``author`` when set, else
        the people it is about, who tell their own story)."""
        if story.author is not None:
            return [(p.name, self.url(p.url)) for p in writers_of(self.hub, story)]
        return self.people(story)

    def contributors(self, story: Story) -> list[tuple[str, str | None]]:
        """The people featured who are not its writers (Atom ``contributor``)."""
        writers = self.authors(story)
        return [pair for pair in self.people(story) if pair not in writers]

    def updated(self, feed: Feed) -> datetime:
        moments = [published(s, self.zone) for s in feed.stories]
        return max(moments) if moments else datetime(1970, 1, 1, tzinfo=self.zone)

    # -- Atom ----------------------------------------------------------------------------------

    def atom(self, feed: Feed) -> Iterator[str]:
        hub = self.hub
        lang = feed.language or hub.settings.language
        yield '<?xml version="1.0" encoding="utf-8"?>\n'
        yield (f'<feed xmlns="http://www.w3.org/2005/Atom" '
               f'xmlns:media="http://search.yahoo.com/mrss/" xml:lang={quoteattr(lang)}>\n')
        yield f"  <id>{escape(self.url(feed.atom_path))}</id>\n"
        yield f"  <title>{escape(feed.title)}</title>\n"
        yield f"  <subtitle>{escape(feed.description)}</subtitle>\n"
        yield f"  <updated>{_rfc3339(self.updated(feed))}</updated>\n"
        yield (f'  <link rel="self" type="{ATOM_TYPE}" '
               f"href={quoteattr(self.url(feed.atom_path))}/>\n")
        yield ('  <link rel="alternate" type="text/html" '
               f"href={quoteattr(self.url(feed.folder))}/>\n")
        yield f"  <author><name>{escape(hub.settings.company)}</name></author>\n"
        # no uri: the project has no public address to give (a placeholder misleads)
        yield "  <generator>storyhub</generator>\n"
        for story in feed.stories:
            entry = self._entries.get(id(story))
            if entry is None:
                entry = self._entries[id(story)] = "".join(self._atom_entry(story))
            yield entry
        yield "</feed>\n"

    def _atom_entry(self, story: Story) -> Iterator[str]:
        hub = self.hub
        url = self.url(story.url)
        moment = _rfc3339(published(story, self.zone))
        lang = story.lang or hub.settings.language
        yield f"  <entry xml:lang={quoteattr(lang)}>\n"
        yield f"    <id>{escape(url)}</id>\n"
        yield f"    <title type=\"text\">{escape(story.title)}</title>\n"
        yield f'    <link rel="alternate" type="text/html" href={quoteattr(url)}/>\n'
        yield f"    <published>{moment}</published>\n"
        yield f"    <updated>{moment}</updated>\n"
        for tag, people in (("author", self.authors(story)),
                            ("contributor", self.contributors(story))):
            for name, link in people:
                uri = f"<uri>{escape(link)}</uri>" if link else ""
                yield f"    <{tag}><name>{escape(name)}</name>{uri}</{tag}>\n"
        for value in hub.values_of(story):
            yield (f"    <category term={quoteattr(value.id)} "
                   f"label={quoteattr(value.name)}/>\n")
        yield f'    <summary type="text">{escape(story.summary)}</summary>\n'
        image = self.image_of(story)
        if image:
            kind = _IMAGE_TYPES.get(Path(image).suffix.lower(), "image/jpeg")
            yield (f'    <media:thumbnail url={quoteattr(self.url(image))}/>\n'
                   f'    <link rel="enclosure" type="{kind}" '
                   f"href={quoteattr(self.url(image))}/>\n")
        yield "  </entry>\n"

    # -- JSON Feed 1.1 ---------------------------------------------------------------------------

    def json_data(self, feed: Feed) -> dict[str, object]:
        hub = self.hub
        return {
            "version": JSON_FEED_VERSION,
            "title": feed.title,
            "description": feed.description,
            "home_page_url": self.url(feed.folder),
            "feed_url": self.url(feed.json_path),
            "language": feed.language or hub.settings.language,
            "authors": [{"name": hub.settings.company}],
            "items": [self._item(story) for story in feed.stories],
        }

    def _item(self, story: Story) -> dict[str, object]:
        item = self._items.get(id(story))
        if item is None:
            hub = self.hub
            item = self._items[id(story)] = {
                "id": self.url(story.url),
                "url": self.url(story.url),
                "title": story.title,
                "content_text": story.summary,
                "summary": story.summary,
                "date_published": _rfc3339(published(story, self.zone)),
                "authors": [{"name": name, **({"url": link} if link else {})}
                            for name, link in self.authors(story)],
                "tags": [v.name for v in hub.values_of(story)] + list(story.tags),
                "language": story.lang or hub.settings.language,
                # JSON Feed extension (a key starting with "_"): the people featured
                "_storyhub": {"people": [{"name": name, **({"url": link} if link else {})}
                                         for name, link in self.people(story)]},
            }
            image = self.image_of(story)
            if image:
                item["image"] = self.url(image)
        return item

    def json(self, feed: Feed) -> str:
        # Safe if a tool pastes it into HTML; the values are unchanged.
        return escape_markup(dumps(self.json_data(feed))) + "\n"


def feed_links(feed: Feed, site_url: str, translator: Translator, *,
               named: bool = False) -> list[FeedLink]:
    """The Atom and JSON Feed links of ``feed``, labelled in the page's language
    (``translator``); ``named``: the labels name the feed's language (a language feed
    offered beside the hub's, on the home page and the story listing)."""
    if named and feed.language:
        words = translator.scope("feeds")
        name = translator.in_language(feed.language)("language.name") if primary_subtag(
            feed.language) in available_languages(translator.folder) else feed.language
        atom, data = words("atom_in", language=name), words("json_in", language=name)
    else:
        atom, data = translator("feed_atom"), translator("feed_json")
    return [
        FeedLink(feed.title, absolute(site_url, feed.atom_path), ATOM_TYPE, atom),
        FeedLink(feed.title, absolute(site_url, feed.json_path), JSON_TYPE, data),
    ]


def write_feeds(hub: Hub, feeds: list[Feed], site_dir: Path,
                image_of: Callable[[Story], str | None]) -> list[Path]:
    """Write ``feed.xml`` and ``feed.json`` of every feed under ``site_dir``."""
    writer = FeedWriter(hub, image_of)
    written: list[Path] = []
    for feed in feeds:
        folder = site_dir / feed.folder if feed.folder else site_dir
        folder.mkdir(parents=True, exist_ok=True)
        atom, data = folder / "feed.xml", folder / "feed.json"
        with atom.open("w", encoding="utf-8", newline="\n") as out:
            out.writelines(writer.atom(feed))
        data.write_text(writer.json(feed), encoding="utf-8", newline="\n")
        written += [atom, data]
    return written
