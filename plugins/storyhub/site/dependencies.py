"""What each storyhub page shows, so a preview server re-renders only the pages an edit can
change.

:func:`page_inputs` lists every hub object a page's template can read, for each page kind
(a story page shows its people, values, author, related, previous and next stories; a
listing shows a card per item; …). The pipeline hashes them with everything global (options,
templates, words, navigation) into a fingerprint; a page whose fingerprint did not change
since the last build is served from the previous build's output. A kind this module does
not know (a page added by an override or a later feature) has no list, and is always
rendered again: when in doubt, render.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from storyhub.content.model import Person, Story, Value
from storyhub.hub.graph import Team
from storyhub.site.plan import SitePage, Tag
from storyhub.site.view import SiteView


def _card(view: SiteView, story: Story, cards: dict[int, list[Any]] | None = None
          ) -> list[Any]:
    """What a story card or list item shows: the story, its people, its values (``cards``:
    the answers of this build, by story: a story is on many pages)."""
    if cards is not None and id(story) in cards:
        return cards[id(story)]
    found = [story, *view.people_of(story), *view.values_of(story)]
    if cards is not None:
        cards[id(story)] = found
    return found


def page_inputs(view: SiteView, page: SitePage, cards: dict[int, list[Any]] | None = None
                ) -> list[Any] | None:
    """The hub objects ``page`` shows, or None when unknown (always render it). ``cards``:
    a memo of story cards, for one build (while the hub's objects live)."""
    kind, subject = page.kind, page.subject
    found: list[Any] = []

    def card(story: Story) -> list[Any]:
        return _card(view, story, cards)
    if kind == "story":
        found += card(subject)
        found += view.tags_of(subject)
        found += [other for _, other in view.translations(subject)]
        if "!!! quote" in subject.body:  # pull quotes show a person's photo, name and role
            found += view.people()
        found.append(view.author_of(subject))
        for person in view.people_of(subject):
            found.append(view.team_of(person))
        for other in (*view.related(subject), view.previous(subject), view.next(subject)):
            if other is not None:
                found += card(other)
    elif kind == "person":
        found += [subject, view.team_of(subject)]
        for story in (*view.stories_with(subject), *view.stories_by(subject)):
            found += card(story)
    elif kind == "value":
        found.append(subject)
        found += view.people()  # the value's quote
        for story in view.stories_about(subject):
            found += card(story)
    elif kind == "team":
        found += [subject, *subject.members]
        for story in view.team_stories(subject):
            found += card(story)
    elif kind in ("stories", "tag", "language"):  # a grid of story cards, and chips
        for story in page.items:
            found += card(story)
    else:
        # Home, the people/values/teams listings, tag and language pages: few pages that
        # show a little of everything (hero, manifesto, faces, chips). Always rendered.
        return None
    return found


def _media(story: Story) -> str:
    """What the page shows of a story's video and audio that its front matter does not say:
    the captions' and transcript's words, the length (an edited captions file re-renders)."""
    parts: list[str] = []
    for media in story.source.media:
        parts.append(f"{media.kind}|{media.duration}|{media.transcript_markdown or ''}")
        parts += [f"{t.language}|{t.captions.text}" for t in media.captions]
        if media.transcript_captions is not None:
            parts.append(media.transcript_captions.text)
    return "\n".join(parts)


def describe(view: SiteView, item: Any) -> str:
    """Everything about ``item`` a template can print, as one stable string."""
    if item is None:
        return "-"
    if isinstance(item, Story):
        return "\0".join(("story", item.model_dump_json(), str(view.image_url(item)),
                          str(view.is_hidden(item)), view.date(item), _media(item)))
    if isinstance(item, Person):
        return "\0".join(("person", item.model_dump_json(), str(view.photo_url(item)),
                          str(view.display_name(item))))
    if isinstance(item, Value):
        return "\0".join(("value", item.model_dump_json()))
    if isinstance(item, Team):
        return "\0".join(("team", item.id, item.name, *(m.id for m in item.members)))
    if isinstance(item, Tag):
        # A chip (name and link) and which stories have it; not every story's whole text
        # (a tag's repr holds its stories: every story page would print the tag's stories).
        return "\0".join(("tag", item.name, item.slug, *(s.id for s in item.stories)))
    return f"{type(item).__name__}\0{item!r}"


def fingerprint(view: SiteView, page: SitePage, markdown: str, extra: Iterable[str],
                global_key: str, memo: dict[Any, Any] | None = None) -> str | None:
    """A hash of everything ``page`` is rendered from, or None if that is not known.

    ``memo`` (one per build, while the hub's objects live) keeps each object's description:
    a story is on many pages (its own, its people's, listings, related stories)."""
    memo = {} if memo is None else memo
    inputs = page_inputs(view, page, memo.setdefault("cards", {}))
    if inputs is None:
        return None

    def described(item: Any) -> str:
        key = id(item)
        if key not in memo:
            memo[key] = describe(view, item)
        return memo[key]

    hasher = hashlib.sha256()
    for text in (global_key, page.src_uri, page.kind, page.title, page.description,
                 str(page.number), str(page.count), markdown, *extra,
                 *(described(item) for item in inputs)):
        hasher.update(text.encode("utf-8", "surrogatepass"))
        hasher.update(b"\0")
    return hasher.hexdigest()
