"""What storyhub's templates see: the documented names of the template interface.

Every storyhub page (and every override of one) is rendered with these names:

============  ===========================================================================
``storyhub``  the :class:`SiteView`: the hub as templates ask about it (people of a story,
              its values, photo and image URLs, related stories, dates in the reader's
              language). Templates never reach into the hub's internals.
``t``         the :class:`~storyhub.i18n.Translator` of the page's language (a story's
              page is in the story's language, ``/en/`` in English; other pages in the
              site's): ``t("stories")`` (keys without a namespace are in ``site``),
              ``t("snippets.copy")``, ``t.count("story_count", n)``, ``t.date(d)``,
              ``t.number(n)``; ``t.language`` is the page's language (``<html lang>``).
``entry``     the storyhub page being rendered (:class:`~storyhub.site.plan.SitePage`):
              ``entry.kind``, ``entry.title``, ``entry.items`` (a listing's stories, people,
              values or teams), ``entry.number``/``entry.count``/``entry.newer_url``/
              ``entry.older_url`` (pagination); ``None`` on pages storyhub did not make.
``story``,    the subject of a story, person, value or team page (the same object as
``person``,   ``entry.subject``), or ``None`` on other pages.
``value``,
``team``
``page_meta`` Open Graph / Twitter / JSON-LD data of story and person pages, or ``None``.
``feeds``     the feeds this page offers (:class:`~storyhub.site.feeds.FeedLink`: ``title``,
              ``href`` (absolute), ``type``, ``label``): the hub's on the home page and the
              stories listing, the subject's on value, person and team pages; else empty.
============  ===========================================================================
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from jinja2 import pass_context

from storyhub.content.model import Person, Story, Value
from storyhub.hub.graph import Hub, Team
from storyhub.i18n import Translator
from storyhub.options.model import in_language
from storyhub.site.plan import (
    SitePage,
    Tag,
    campaign_pages,
    campaign_url,
    in_reading_order,
    languages_of,
)
from storyhub.site.story_cards import StoryCards, safe_path
from storyhub.text.contrast import LIGHT_INK, ink_on
from storyhub.text.pullquotes import find_pull_quotes
from storyhub.text.urls import absolute

SUBJECT_NAMES = ("story", "person", "value", "team")


def template_context(view: SiteView, entry: SitePage | None, page_meta: Any,
                     feeds: list[Any] | None = None) -> dict[str, Any]:
    """The storyhub names added to a page's template context."""
    view = view.in_language(entry.language if entry is not None else None)
    context: dict[str, Any] = {
        "storyhub": view, "t": view.t, "entry": entry, "page_meta": page_meta,
        "feeds": feeds or [],
    }
    for name in SUBJECT_NAMES:
        context[name] = entry.subject if entry is not None and entry.kind == name else None
    context["value"] = context["value"] and view.worded(context["value"])
    context["person"] = context["person"] and view.worded(context["person"])
    context["team"] = context["team"] and view.worded(context["team"])
    return context


class SiteView:
    """What templates ask about the hub; URLs are site-relative, without leading slash."""

    def __init__(self, hub: Hub, translator: Translator, assets: dict[tuple[str, str], str],
                 tags: dict[str, Tag] | None = None,
                 share: Mapping[str, list[tuple[str, str]]] | None = None,
                 images: dict[tuple[str, str], Any] | None = None):
        self.hub = hub
        self.t = translator
        self._assets = assets
        self._tags = tags or {}
        self._story_tags: dict[str, list[Tag]] = {}  # story id -> its tags, made once
        for tag in self._tags.values():
            for story in tag.stories:
                self._story_tags.setdefault(story.id, []).append(tag)
        self._share = share or {}
        self._images = images if images is not None else {}  # filled as files are made
        self._languages: dict[str, SiteView] = {}  # the same view in other languages
        self.cards = StoryCards()  # shared by the views in other languages
        self._alternates: dict[str, list[tuple[str, str]]] | None = None
        self._filters: list[tuple[str, list[tuple[str, str, str]]]] | None = None
        self._campaigns: dict[str, str] | None = None  # series pages: URL -> title

    # -- the page's language ----------------------------------------------------------------

    def in_language(self, code: str | None) -> SiteView:
        """This view worded in ``code`` (a catalogue language), for a page in it."""
        if not code or code == self.t.language:
            return self
        found = self._languages.get(code)
        if found is None:
            found = copy.copy(self)
            found.t = self.t.in_language(code)
            found._filters = None  # worded in the view's own language
            self._languages[code] = found
        return found

    @property
    def language(self) -> str:
        """The language of the page's words (``<html lang>``)."""
        return self.t.language

    def worded(self, item: Any) -> Any:
        """A value or person with the words of the page's language (name, description and
        hashtags of a value, a person's role), from their ``translations``."""
        if isinstance(item, Value):
            return self.hub.value_in(item, self.language)
        if isinstance(item, Person):
            return self.hub.person_in(item, self.language)
        if isinstance(item, Team):
            return item.in_language(self.language)
        return item

    def statement(self, value: Value) -> str:
        """A value's description in the page's language as a line of text (its Markdown
        rendered to words: :func:`~storyhub.site.plain.plain_text`)."""
        from storyhub.site.plain import plain_text

        return plain_text(self.hub.value_in(value, self.language).description)

    @property
    def default_language(self) -> str:
        """The site's language: of ``/``, the listings and value, person and team pages."""
        return str(self.hub.settings.languages[0])

    @property
    def multilingual(self) -> bool:
        return bool(self.hub.settings.multilingual)

    def story_language(self, story: Story) -> str:
        """The language a story is written in (``it`` for ``it-IT``; the site's if unset)."""
        return self.hub.language_of(story)

    def language_homes(self) -> list[tuple[str, str]]:
        """(language, home page URL) of every language of the site, the default first."""
        return [(code, "" if index == 0 else f"{code}/")
                for index, code in enumerate(self.hub.settings.languages)]

    def home_alternates(self) -> list[tuple[str, str]]:
        """(hreflang, absolute URL) of every home page and ``x-default`` (the default
        language's): reciprocal, on each home page; empty on a one-language site or without
        ``site_url``."""
        site_url = self.hub.settings.site_url
        if not self.multilingual or not site_url:
            return []
        homes = [(code, absolute(site_url, url)) for code, url in self.language_homes()]
        return [*homes, ("x-default", homes[0][1])]

    def sitemap_alternates(self) -> dict[str, list[tuple[str, str]]]:
        """For the sitemap (``templates/sitemap.xml``): absolute page address -> its
        language versions ``[(hreflang, absolute address)]``, for every translated story
        and, on a site in several languages, every home page and series page (empty without
        ``site_url``)."""
        if self._alternates is None:
            from storyhub.site.meta import story_alternates

            hub, site_url = self.hub, self.hub.settings.site_url
            found: dict[str, list[tuple[str, str]]] = {}
            if site_url:
                found = {absolute(site_url, s.url): story_alternates(hub, s)
                         for s in hub.stories if s.id in hub.translations}
                homes = self.home_alternates()
                found.update({url: homes for code, url in homes if code != "x-default"})
                found.update(self._series_alternates())  # campaign pages, one per language
            self._alternates = {url: links for url, links in found.items() if links}
        return self._alternates

    def language_choices(self, story: Story | None = None,
                         entry: SitePage | None = None) -> list[tuple[str, str, bool]]:
        """The header's language choice: (language, site-relative URL, is this page's).
        On a translated story's page its versions; else, on a site in several languages,
        every language's home page, and on a site whose stories are in several languages,
        every language's listing. Empty when the hub has one language."""
        versions = self.hub.translations.get(story.id, []) if story is not None else []
        if versions:
            return [(lang, s.url, s.id == story.id) for lang, s in versions]  # type: ignore[union-attr]
        current = self.story_language(story) if story is not None else self.language
        if entry is not None and entry.kind == "language":
            current = str(entry.subject)
        if self.multilingual:
            return [(code, url, code == current) for code, url in self.language_homes()]
        return [(code, f"stories/{code}/", code == current) for code in languages_of(self.hub)]

    def reading_order(self, stories: list[Story]) -> list[Story]:
        """On a site in several languages, the stories in the page's language first (each
        part newest first); else ``stories`` as they are."""
        if not self.multilingual:
            return stories
        return in_reading_order(stories, self.language, self.hub.settings.language)

    def languages_in(self, stories: list[Story]) -> list[str]:
        """The languages of ``stories``, the page's first, then in the site's order."""
        found = {self.story_language(s) for s in stories}
        order = [self.language, *self.hub.settings.languages]
        return [*dict.fromkeys(c for c in order if c in found), *sorted(found - set(order))]

    def _home_stories(self) -> list[Story]:
        """The home page's stories: each translated story once, in the page's language if
        it has a version in it; on a site in several languages, that language first."""
        return self.reading_order(self.one_version(self.hub.stories))

    def one_version(self, stories: list[Story] | tuple[Story, ...]) -> list[Story]:
        """``stories`` with each translated story once: the version in the page's language,
        else the original (the others are linked from its page)."""
        return self.hub.one_version(stories, self.language)

    @property
    def stories_url(self) -> str:
        """The listing of every story for this page's reader: the language's own listing on
        a home page in another language than the site's, else ``stories/``."""
        if self.language != self.default_language and self.language in languages_of(self.hub):
            return f"stories/{self.language}/"
        return "stories/"

    # -- colours: text on a value's colour is chosen from it (WCAG 2.2 AA, 4.5:1) ---------

    def ink(self, value: Value) -> str:
        """The text colour readable on ``value``'s colour (white or near-black)."""
        return ink_on(value.color) if value.color else LIGHT_INK

    def value_style(self, value: Value) -> str:
        """CSS custom properties of a value: its colour and the ink drawn on it."""
        if not value.color:
            return ""
        return f"--sh-value: {value.color}; --sh-value-ink: {self.ink(value)}"

    # -- the home page ----------------------------------------------------------------------

    def featured(self) -> Story | None:
        """The story of the home page's hero: the newest with ``featured: true``, else the
        newest."""
        stories = self._home_stories()
        if self.multilingual:
            own = [s for s in stories if self.story_language(s) == self.language]
            stories = own or stories
        return next((s for s in stories if s.featured), stories[0] if stories else None)

    def tagline(self, site_description: str | None = None) -> str:
        home = self.hub.settings.options.home
        text = in_language(home.tagline, self.language, self.default_language)
        return text or site_description or self.hub.settings.company

    @property
    def cta_label(self) -> str:
        """The call to action's label in the page's language."""
        return in_language(self.home.cta_label, self.language, self.default_language)

    @property
    def home(self) -> Any:
        return self.hub.settings.options.home

    # -- story pages ------------------------------------------------------------------------

    def translations(self, story: Story) -> list[tuple[str, Story]]:
        """The other published versions of ``story``: (language, story)."""
        return [(lang, s) for lang, s in self.hub.translations.get(story.id, [])
                if s.id != story.id]

    def language_name(self, code: str) -> str:
        """A language's name in that language ("Italiano", "English")."""
        return self.t.in_language(code)("language.name")

    def reading_minutes(self, story: Story) -> int:
        """Minutes to read the story at 200 words a minute, at least one."""
        return max(1, round(len(story.body.split()) / 200))

    def tags_of(self, story: Story) -> list[Tag]:
        """A story's tags, labelled in the page's language (``tags.yml``)."""
        return [tag.in_language(self.language) for tag in self._story_tags.get(story.id, [])]

    def tags(self) -> list[Tag]:
        """Every tag, labelled in the page's language."""
        return [tag.in_language(self.language) for tag in self._tags.values()]

    def tag_count(self, tag: Tag) -> int:
        """How many stories a tag's page lists (each translated story once)."""
        return len(self.hub.one_version(tag.stories))

    def share_links(self, story: Story) -> list[tuple[str, str]]:
        """(network label, share-intent URL) pairs from the story's composed snippets."""
        return self._share.get(story.id, [])

    @pass_context
    def story_card(self, context: Any, story: Story, eager: bool = False,
                   priority: bool = False, heading: str = "h3", lead: str = "") -> Any:
        """The ``storyhub/partials/story-card.html`` of ``story`` on this page, as an
        ``{% include %}`` of it with these names set would give (see
        :mod:`storyhub.site.story_cards`: rendered once per story, not once per page)."""
        names = {"eager": eager, "priority": priority, "heading": heading, "lead": lead}
        safe = safe_path(story.url) and safe_path(self.image_url(story))
        key = (story.id, self.language, eager, priority, str(lead))
        return self.cards.render(context, story, safe, key, names)

    def picture(self, kind: str, owner: str) -> Any:
        """Responsive versions of a photo or story image (see :mod:`storyhub.media`)."""
        return self._images.get((kind, owner))

    def quote_about(self, value: Value, taken: set[str] | None = None
                    ) -> tuple[str, Person, Story] | None:
        """The first pull quote of the newest story showing ``value`` whose speaker is
        published: (the words as plain text, the person, the story). ``taken``: words
        already shown on the page (another value's), skipped and added to."""
        for story in self.stories_about(value):
            for quote in find_pull_quotes(story.body):
                person = self.hub.people.get(quote.person)
                if person is not None and person.consent.quotes:
                    words = " ".join(quote.body.replace("*", "").replace("_", " ").split())
                    if taken is not None:
                        if words in taken:
                            continue
                        taken.add(words)
                    return words, self.worded(person), story
        return None

    def first_pictured(self, stories: list[Story]) -> Story | None:
        """The first of ``stories`` with an image (a value page's picture)."""
        return next((s for s in stories if self.image_url(s)), None)

    def manifesto_quotes(self) -> dict[str, tuple[str, Person, Story]]:
        """One quote per value for the values page, no quote under two values."""
        taken: set[str] = set()
        found = {}
        for value in self.hub.values.values():
            quote = self.quote_about(value, taken)
            if quote is not None:
                found[value.id] = quote
        return found

    # -- listings and filters ---------------------------------------------------------------

    def filters(self) -> list[tuple[str, list[tuple[str, str, str]]]]:
        """Filter chips of the story listings, as plain links to server-rendered pages:
        (group label, [(label, url, language), …]) for values, people, teams, languages and
        tags; ``language`` is the code of a language listing's chip (its label is in that
        language and the page it opens too), else empty."""
        if self._filters is not None:
            return self._filters
        t = self.t
        hub = self.hub
        groups: list[tuple[str, list[tuple[str, str, str]]]] = [
            (t("filter_values"), _most_used(
                [(v.name, v.url, "", len(hub.by_value.get(v.id, ()))) for v in self.values()
                 if hub.by_value.get(v.id)], "values/", t)),
            (t("filter_people"), _most_used(
                [(p.name, p.url, "", len(hub.by_person.get(p.id, ())))
                 for p in hub.people.values() if hub.by_person.get(p.id)], "people/", t)),
            (t("filter_teams"), _most_used(
                [(team.name, team.url, "", len(team.members)) for team in self.teams()],
                "teams/", t)),
            (t("filter_languages"), [(t.in_language(code)("language.name"), f"stories/{code}/",
                                      code) for code in languages_of(hub)]),
            (t("filter_tags"), _most_used(
                [(tag.name, tag.url, "", len(tag.stories)) for tag in self.tags()],
                "tags/", t)),
        ]
        self._filters = [(label, chips) for label, chips in groups if chips]
        return self._filters

    def campaign_of(self, story: Story) -> tuple[str, str] | None:
        """(title, URL) of the series page of the campaign a story answers, in the page's
        language, or None (no campaign, or its page is not written)."""
        campaign = story.campaign or next(  # a translation answers its original's
            (s.campaign for _, s in self.hub.translations.get(story.id, []) if s.campaign),
            None)
        if campaign is None:
            return None
        pages = self._campaign_pages()
        own = self.language if self.language in self.hub.settings.languages[1:] else None
        url = campaign_url(campaign, own)
        if url not in pages:
            return None
        # named in the page's language, even where the series page is in another one only
        found = next((c for c in self.hub.content.campaigns if c.id == campaign), None)
        return (found.title_in(self.language) if found is not None else pages[url], url)

    def campaign_versions(self, campaign_id: str) -> list[tuple[str, str]]:
        """(language, site path) of the series page of a campaign in each site language;
        empty when it has none, or on a site in one language."""
        if not self.multilingual:
            return []
        pages = self._campaign_pages()
        found = [(code, campaign_url(campaign_id, code if index else None))
                 for index, code in enumerate(self.hub.settings.languages)]
        return [(code, url) for code, url in found if url in pages]

    def campaign_alternates(self, campaign_id: str) -> list[tuple[str, str]]:
        """(hreflang, absolute URL) of every version of a campaign's series page and
        ``x-default`` (the default language's): reciprocal, on each version; empty with one
        version or without ``site_url``."""
        site_url = self.hub.settings.site_url
        versions = [(code, absolute(site_url, url))
                    for code, url in self.campaign_versions(campaign_id)] if site_url else []
        return [*versions, ("x-default", versions[0][1])] if len(versions) > 1 else []

    def _series_alternates(self) -> dict[str, list[tuple[str, str]]]:
        """The hreflang alternates of the series pages: absolute URL -> links."""
        found: dict[str, list[tuple[str, str]]] = {}
        for url in self._campaign_pages():
            campaign_id = url.rstrip("/").rsplit("/", 1)[-1]
            links = self.campaign_alternates(campaign_id)
            found.update({href: links for code, href in links if code != "x-default"})
        return found

    def _campaign_pages(self) -> dict[str, str]:
        if self._campaigns is None:
            self._campaigns = {p.url: p.title for p in campaign_pages(self.hub)}
        return self._campaigns

    @property
    def settings(self) -> Any:
        return self.hub.settings

    def people_of(self, story: Story) -> list[Person]:
        """The story's people, their roles in the story's language (as the story's card
        and page are, whatever page lists it)."""
        return self.hub.people_of(story)

    def values_of(self, story: Story) -> list[Value]:
        """The story's values worded in the story's language."""
        return self.hub.values_of(story)

    def members(self, team: Team) -> list[Person]:
        """A team's people, their roles in the page's language."""
        return [self.worded(person) for person in team.members]

    def names_of(self, story: Story) -> list[str]:
        """Names to print for a story's people (anonymous ones as the label)."""
        return self.hub.names_of(story)

    def display_name(self, person: Person) -> str | None:
        return self.hub.display_name(person)

    def anonymous_in(self, story: Story) -> int:
        return self.hub.anonymous_in(story)

    @property
    def anonymous_label(self) -> str:
        return self.hub.anonymous_label

    def author_of(self, story: Story) -> Person | None:
        return self.hub.author_of(story)

    def related(self, story: Story) -> list[Story]:
        """Related stories (never the story's own translations, linked above already), the
        page's language first."""
        return self.reading_order(self.hub.related(story))

    def previous(self, story: Story) -> Story | None:
        """The next older story that is not a version of ``story``."""
        versions = self.hub.versions_of(story)
        found = self.hub.previous(story)
        while found is not None and found.id in versions:
            found = self.hub.previous(found)
        return found

    def next(self, story: Story) -> Story | None:
        """The next newer story that is not a version of ``story``."""
        versions = self.hub.versions_of(story)
        found = self.hub.next(story)
        while found is not None and found.id in versions:
            found = self.hub.next(found)
        return found

    def team_of(self, person: Person) -> Team | None:
        """``person``'s team, named in the page's language."""
        team = self.hub.team_of(person)
        return team and team.in_language(self.language)

    def teams(self) -> list[Team]:
        """Every team, named in the page's language."""
        return [team.in_language(self.language) for team in self.hub.teams.values()]

    def stories_with(self, person: Person) -> list[Story]:
        """The stories ``person`` is in, each translated story once (the page's language)."""
        return self.one_version(self.hub.by_person.get(person.id, []))

    def stories_by(self, person: Person) -> list[Story]:
        """The stories ``person`` wrote about others, each translated story once."""
        return self.one_version(self.hub.by_author.get(person.id, []))

    def stories_about(self, value: Value) -> list[Story]:
        """The stories showing ``value``, each translated story once."""
        return self.one_version(self.hub.by_value.get(value.id, []))

    def team_stories(self, team: Team, limit: int = 12) -> list[Story]:
        """The newest stories of a team's people, each translated story once."""
        seen: dict[str, Story] = {}
        for member in team.members:
            # twice the limit: two versions of one story count once
            for story in self.hub.by_person.get(member.id, [])[:2 * limit]:
                seen[story.id] = story
        ordered = sorted(seen.values(), key=lambda s: (-s.date.toordinal(), s.id))
        return self.one_version(ordered)[:limit]

    def photo_url(self, person: Person) -> str | None:
        if not self.hub.shows_photo(person):
            return None
        return self._assets.get(("photo", person.id))

    def image_url(self, story: Story) -> str | None:
        return self._assets.get(("story-image", story.id))

    def players(self, story: Story) -> list[Any]:
        """The story's video and audio players (sources, caption tracks, poster, transcript;
        see :mod:`storyhub.site.media_player`), captions in the page's language first."""
        from storyhub.site.media_player import players

        return players(story, self.language)

    def media_kind(self, story: Story) -> str | None:
        """"video" or "audio" when the story has one (a video first): listings' badge."""
        kinds = [media.kind for media in story.source.media]
        return "video" if "video" in kinds else kinds[0] if kinds else None

    def date(self, story: Story) -> str:
        """The story's date in the story's language (the site's for a story without
        ``lang``), whatever the page's."""
        return self.t.in_language(story.lang or self.hub.settings.language).date(story.date)

    def lang_of(self, story: Story) -> str:
        """What a ``lang`` attribute around a story's title or card says: its ``lang``; for
        a story without one, the site's language on a page in another language; else
        nothing (the page's language is the story's)."""
        if story.lang:
            return story.lang
        return self.hub.settings.language if self.language != self.default_language else ""

    def is_hidden(self, story: Story) -> bool:
        """True for drafts and embargoed stories shown by a preview server."""
        return story.draft or (story.publish_at is not None and story.publish_at > self.hub.now)

    def values(self) -> list[Value]:
        """Every value, in the order of ``values.yml``, worded in the page's language."""
        return [self.worded(value) for value in self.hub.values.values()]

    def people(self) -> list[Person]:
        """Every published person, in the hub's order, roles in the page's language."""
        return [self.worded(person) for person in self.hub.people.values()]

    def latest(self, skip: Story | None = None) -> list[Story]:
        stories = [s for s in self._home_stories() if s is not skip]
        return stories[: self.hub.settings.latest_count]


#: At most this many chips per group on a listing page, the most used first (in their own
#: order), then one chip to the group's index: every listing page costs the same however
#: many tags, people or teams the hub has (with a chip each, a hub's listing pages together
#: would grow with the square of its size).
MAX_CHIPS = 24


def _most_used(chips: list[tuple[str, str, str, int]], index: str,
               t: Any) -> list[tuple[str, str, str]]:
    if len(chips) <= MAX_CHIPS:
        return [(name, url, lang) for name, url, lang, _ in chips]
    ranked = sorted(range(len(chips)), key=lambda i: -chips[i][3])[:MAX_CHIPS]
    kept = [chips[i][:3] for i in sorted(ranked)]
    return [*kept, (t("filter_all", count=len(chips)), index, "")]
