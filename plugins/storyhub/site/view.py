"""What storyhub's templates see: the documented names of the template interface.

Every storyhub page (and every override of one) is rendered with these names:

============  ===========================================================================
``storyhub``  the :class:`SiteView`: the hub as templates ask about it (people of a story,
              its values, photo and image URLs, related stories, dates in the reader's
              language). Templates never reach into the hub's internals.
``t``         the :class:`~storyhub.i18n.Translator` of the build: ``t("stories")`` (keys
              without a namespace are in ``site``), ``t("snippets.copy")``,
              ``t.count("story_count", n)``, ``t.date(d)``, ``t.number(n)``.
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

from typing import Any

from storyhub.content.model import Person, Story, Value
from storyhub.hub.graph import Hub, Team
from storyhub.i18n import Translator
from storyhub.site.plan import SitePage

SUBJECT_NAMES = ("story", "person", "value", "team")


def template_context(view: SiteView, entry: SitePage | None, page_meta: Any,
                     feeds: list[Any] | None = None) -> dict[str, Any]:
    """The storyhub names added to a page's template context."""
    context: dict[str, Any] = {
        "storyhub": view, "t": view.t, "entry": entry, "page_meta": page_meta,
        "feeds": feeds or [],
    }
    for name in SUBJECT_NAMES:
        context[name] = entry.subject if entry is not None and entry.kind == name else None
    return context


class SiteView:
    """What templates ask about the hub; URLs are site-relative, without leading slash."""

    def __init__(self, hub: Hub, translator: Translator, assets: dict[tuple[str, str], str]):
        self.hub = hub
        self.t = translator
        self._assets = assets

    @property
    def settings(self) -> Any:
        return self.hub.settings

    def people_of(self, story: Story) -> list[Person]:
        return self.hub.people_of(story)

    def values_of(self, story: Story) -> list[Value]:
        return self.hub.values_of(story)

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
        return self.hub.related(story)

    def previous(self, story: Story) -> Story | None:
        return self.hub.previous(story)

    def next(self, story: Story) -> Story | None:
        return self.hub.next(story)

    def team_of(self, person: Person) -> Team | None:
        return self.hub.team_of(person)

    def stories_with(self, person: Person) -> list[Story]:
        return self.hub.by_person.get(person.id, [])

    def stories_by(self, person: Person) -> list[Story]:
        return self.hub.by_author.get(person.id, [])

    def stories_about(self, value: Value) -> list[Story]:
        return self.hub.by_value.get(value.id, [])

    def team_stories(self, team: Team, limit: int = 12) -> list[Story]:
        seen: dict[str, Story] = {}
        for member in team.members:
            for story in self.hub.by_person.get(member.id, [])[:limit]:
                seen[story.id] = story
        return sorted(seen.values(), key=lambda s: (-s.date.toordinal(), s.id))[:limit]

    def photo_url(self, person: Person) -> str | None:
        if not self.hub.shows_photo(person):
            return None
        return self._assets.get(("photo", person.id))

    def image_url(self, story: Story) -> str | None:
        return self._assets.get(("story-image", story.id))

    def date(self, story: Story) -> str:
        return self.t.in_language(story.lang).date(story.date)

    def is_hidden(self, story: Story) -> bool:
        """True for drafts and embargoed stories shown by a preview server."""
        return story.draft or (story.publish_at is not None and story.publish_at > self.hub.now)

    def values(self) -> list[Value]:
        """Every value, in the order of ``values.yml``."""
        return list(self.hub.values.values())

    def people(self) -> list[Person]:
        """Every published person, in the hub's order."""
        return list(self.hub.people.values())

    def latest(self) -> list[Story]:
        return self.hub.stories[: self.hub.settings.latest_count]


