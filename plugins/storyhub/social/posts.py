"""Composed posts, as the outputs read them, and how a story's posts are kept until then.

A hub's posts are many (stories × networks × variants) and are composed before the pages,
while only the outputs written after them (the exports, the snippets page, the calendar)
read them all. In between they are kept packed: a story's posts as one compressed block,
about a tenth of the memory of their objects and strings (texts with curly quotes are two
bytes a character in CPython; links repeat the story's address), with the few things read
earlier kept apart (the story page's share links, and which network and variant each post
is, for the calendar's plan). :attr:`StorySnippets.snippets` unpacks them when asked, into
the same :class:`Snippet` objects; the few stories unpacked last stay unpacked, so that
reading a story's posts several times in a row (a template looping once per network, a
calendar in time order) unpacks them once.
"""

from __future__ import annotations

import json
import marshal
import zlib
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from storyhub.social.counting import Measure
from storyhub.social.links import share_intent
from storyhub.text.networks import Network

if TYPE_CHECKING:
    from storyhub.content.model import Story
    from storyhub.hub.share import ShareImages as StoryCards


@dataclass(slots=True)
class Snippet:
    network: str
    variant: str  # "1", "2", … or "own" for the text written in the story itself
    text: str
    measure: Measure
    link: str
    #: the share intent (a URL or None), or the network's rule to make it from when asked:
    #: an intent holds the whole text percent-encoded, three times its size, and a hub's
    #: posts are many; it is made again for each output that writes it
    share: str | Network | None
    suggested_date: date
    shortened: bool = False

    @property
    def fits(self) -> bool:
        return self.measure.ok

    @property
    def intent(self) -> str | None:
        """A link that opens the network's composer with this post (see :func:`share_intent`)."""
        if isinstance(self.share, Network):
            return share_intent(self.share, self.text, self.link)
        return self.share


#: how many stories stay unpacked (the most recently unpacked first out)
KEEP_UNPACKED = 8
_unpacked: deque[StorySnippets] = deque()


class StorySnippets:
    """One story and its posts (kept packed, see the module)."""

    __slots__ = ("_layout", "_links", "_open", "_packed", "_rules", "cards", "people", "story",
                 "url", "values")

    def __init__(self, story: Story, url: str, values: list[tuple[str, str]],
                 people: list[tuple[str, str]], cards: StoryCards | None,
                 snippets: Iterable[Snippet] = (),
                 share_links: list[tuple[str, str]] | None = None) -> None:
        self.story = story
        self.url = url  # absolute (or /path when there is no site_url)
        self.values = values  # (id, name)
        self.people = people
        self.cards = cards
        self._open: tuple[Snippet, ...] | None = None
        self.snippets = snippets  # type: ignore[assignment]
        #: the story page's share links (:func:`first_intents`), if given: packed apart, a
        #: page reads them without unpacking every post
        self._links = (None if share_links is None
                       else zlib.compress(json.dumps(share_links).encode(), 1))

    @property
    def share_links(self) -> list[tuple[str, str]] | None:
        """The share links given when made (None if none were)."""
        if self._links is None:
            return None
        return [(name, url) for name, url in json.loads(zlib.decompress(self._links))]

    @property
    def snippets(self) -> tuple[Snippet, ...]:
        """The story's posts, in the order they were composed."""
        found = self._open
        if found is None:
            found = self._open = unpack(self._packed, self._rules)
            _unpacked.append(self)
            if len(_unpacked) > KEEP_UNPACKED:
                _unpacked.popleft()._open = None
        return found

    @snippets.setter
    def snippets(self, posts: Iterable[Snippet]) -> None:
        if self._open is not None:
            self._open = None
            _unpacked.remove(self)
        self._packed, self._rules, self._layout = pack(posts)
        self._links = None  # made from other posts

    @property
    def layout(self) -> tuple[tuple[str, str], ...]:
        """(network, variant) of each post, in order, read without unpacking them."""
        return self._layout

    def __repr__(self) -> str:
        return f"StorySnippets({self.story.id!r}, {len(self.snippets)} posts)"


#: layouts of stories (see :attr:`StorySnippets.layout`), one tuple for all stories with it
_layouts: dict[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]] = {}


def pack(posts: Iterable[Snippet]
         ) -> tuple[bytes, tuple[Network, ...], tuple[tuple[str, str], ...]]:
    """Posts as one compressed block, the rules their share intents are made from (objects,
    kept as they are: a block holds only strings, numbers and dates), and their layout."""
    rules: dict[int, tuple[int, Network]] = {}  # by id(): the same objects back
    rows = []
    for post in posts:
        share: Any = post.share
        if isinstance(share, Network):  # an int in the block: the rule's place
            share = rules.setdefault(id(share), (len(rules), share))[0]
        size = post.measure
        rows.append((
            post.network, post.variant, post.text, post.link, share,
            post.suggested_date.toordinal(), post.shortened,
            (size.count, size.limit, size.unit, size.bytes, size.byte_limit),
        ))
    layout = tuple((row[0], row[1]) for row in rows)
    if len(_layouts) > 4096:
        _layouts.clear()
    return (zlib.compress(marshal.dumps(tuple(rows)), 1), tuple(r for _, r in rules.values()),
            _layouts.setdefault(layout, layout))


def unpack(packed: bytes, rules: Sequence[Network]) -> tuple[Snippet, ...]:
    """The posts :func:`pack` was given, equal and in the same order."""
    days: dict[int, date] = {}  # a story's posts share a few days
    posts = []
    for network, variant, text, link, share, day, shortened, size in marshal.loads(
            zlib.decompress(packed)):
        when = days.get(day)
        if when is None:
            when = days[day] = date.fromordinal(day)
        posts.append(Snippet(
            network, variant, text, Measure(*size), link,
            rules[share] if type(share) is int else share, when, shortened))
    return tuple(posts)


def first_intents(posts: Iterable[Snippet], rules: Mapping[str, Network],
                  intents: Iterable[str | None] | None = None) -> list[tuple[str, str]]:
    """A story's share links as its page shows them: per network, (the network's name, the
    share intent of its first post that has one); ``intents``, the posts' intents if
    already made."""
    seen: dict[str, str] = {}
    if intents is None:
        for post in posts:
            if post.network not in seen:  # an intent is made when asked for: only the first
                intent = post.intent
                if intent:
                    seen[post.network] = intent
    else:
        for post, intent in zip(posts, intents, strict=True):
            if intent and post.network not in seen:
                seen[post.network] = intent
    return [(rules[network].name, url) for network, url in seen.items()]
