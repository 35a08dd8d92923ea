"""Composed posts, as the outputs that write them read them.

A story's posts are composed once, by the output that writes them
(:mod:`storyhub.outputs.social`), after the pages: a page needs only its story's share links,
which :meth:`storyhub.social.compose.Composer.share_links` makes without composing every
post.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from storyhub.social.counting import Measure
from storyhub.social.links import share_intent
from storyhub.text.networks import Network

if TYPE_CHECKING:
    from storyhub.content.model import Story
    from storyhub.hub.share import ShareImages as StoryCards


@dataclass(slots=True, init=False)
class Snippet:
    network: str
    variant: str  # "1", "2", … or "own" for the text written in the story itself
    #: the text in UTF-8 (:attr:`text`): every post is held until the exports are written,
    #: and Python holds a text with one emoji or typographic quote at 2 or 4 bytes a
    #: character (22 of a 1,000-story build's 38 MB of posts; 9 MB in UTF-8)
    encoded: bytes
    measure: Measure
    link: str
    #: the network's row, the share intent is made from when asked (an intent holds the
    #: whole text percent-encoded, three times its size: made for the output writing it)
    rule: Network | None
    suggested_date: date
    shortened: bool

    def __init__(self, network: str, variant: str, text: str, measure: Measure, link: str,
                 rule: Network | None, suggested_date: date, shortened: bool = False):
        self.network, self.variant = network, variant
        self.encoded = text.encode("utf-8", "surrogatepass")  # (any text back as it was)
        self.measure, self.link, self.rule = measure, link, rule
        self.suggested_date, self.shortened = suggested_date, shortened

    @property
    def text(self) -> str:
        return self.encoded.decode("utf-8", "surrogatepass")

    @property
    def fits(self) -> bool:
        return self.measure.ok

    @property
    def intent(self) -> str | None:
        """A link that opens the network's composer with this post (see :func:`share_intent`)."""
        return share_intent(self.rule, self.text, self.link) if self.rule else None


@dataclass(slots=True)
class StorySnippets:
    """One story and its posts, in the order they were composed."""

    story: Story
    url: str  # absolute (or /path when there is no site_url)
    values: list[tuple[str, str]]  # (id, name)
    people: list[tuple[str, str]]
    cards: StoryCards | None
    snippets: tuple[Snippet, ...] = ()
    #: its page's share links, once read from the posts (a preview keeps the posts)
    share_links: list[tuple[str, str]] | None = field(default=None, compare=False)

    def __repr__(self) -> str:
        return f"StorySnippets({self.story.id!r}, {len(self.snippets)} posts)"
