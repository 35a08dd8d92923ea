"""Story cards rendered once per story, not once per page that shows them.

A 1,000-story hub shows about ten thousand story cards (listings, related stories, person,
value and team pages) but only a few thousand distinct ones: a card differs between pages
only by its links, which the template's ``url`` filter makes relative to the page. So the
default card partial is rendered once per (story, language, options) with the page left
out (``page=None``) and ``base_url`` set to a mark, which the ``url`` filter joins before
every site path (``\\0/stories/slug/``). Each page then gets the stored text with every
marked path passed through its own ``url`` filter: byte for byte what rendering the
partial on that page gives.

An overridden ``storyhub/partials/story-card.html`` may use anything of the page (its URL,
``config.extra``...), so it is rendered on every page, with the page's whole context, as
an ``{% include %}`` would.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

PARTIAL = "storyhub/partials/story-card.html"
DEFAULTS = Path(__file__).resolve().parents[1] / "templates"

#: joined before every site path the url filter is asked for (YAML cannot carry NUL, so no
#: front-matter text holds it)
MARK = "\0"
_MARKED = re.compile("\0/([^\"'\\s,<>]*)")
#: the heading element of a stored card (``<\0h class=...>``), named on each page
HEADING = "\0h"
#: a path holding one of these could not be told from the text after it
_UNSAFE = re.compile("[\"'\\s,<>\0]")


class StoryCards:
    """The cards of one build: ``render`` is called from templates (``storyhub.story_card``)."""

    def __init__(self) -> None:
        self._cards: dict[tuple[Any, ...], tuple[str, Any]] = {}  # text, what it read
        self._default: dict[str, bool] = {}  # template file -> is it storyhub's own
        self._page: Any = None  # the page whose links are in _links
        self._links: dict[str, str] = {}  # marked path -> its link on that page, escaped
        #: a preview's cards of the last build, each reused once what it read is unchanged
        self._earlier: dict[tuple[Any, ...], tuple[str, Any]] = {}
        self._still_true: Callable[[Any], bool] | None = None

    @property
    def rendered(self) -> dict[tuple[Any, ...], tuple[str, Any]]:
        """The cards of this build so far: (text, what it read) by key."""
        return self._cards

    def keep_from(self, earlier: dict[tuple[Any, ...], tuple[str, Any]],
                  still_true: Callable[[Any], bool]) -> None:
        """In a preview: a card of the last build (``earlier``, rendered under the same
        templates, words and options) is shown again, not rendered, when ``still_true`` of
        what it read (the story itself included) holds in this build."""
        self._earlier, self._still_true = earlier, still_true

    def render(self, context: Any, story: Any, safe_paths: bool, key: tuple[Any, ...],
               names: dict[str, Any]) -> Markup:
        """The card of ``story`` for the page of ``context``. ``key`` names everything the
        default card depends on besides the page and its heading level (language, loading,
        lead); ``safe_paths``: every path of the card can be told from its surroundings."""
        template = context.environment.get_template(PARTIAL)
        if not (safe_paths and self._is_default(template)):
            return Markup(template.render({**context.get_all(), "story": story, **names}))
        heading = str(escape(names["heading"] or "h3"))
        view = context.get("storyhub")
        recording = hasattr(view, "fork")  # a preview records what each page reads
        found = self._cards.get(key)
        if found is None and recording and self._still_true is not None:
            earlier = self._earlier.get(key)
            if earlier is not None and earlier[1] is not None and self._still_true(earlier[1]):
                found = self._cards[key] = earlier
        if found is None or (recording and found[1] is None):
            # storyhub's own partial reads these names only, and its heading level only as
            # the title's element: one text serves h2 and h3 cards, the page's links marked
            card_view = view.fork() if recording else view
            if recording:
                card_view.note(story)  # what it prints of the story, for a later build
            marked = template.render({"storyhub": card_view,
                                      "t": context.get("t"), "story": story,
                                      **names, "heading": HEADING, "page": None,
                                      "base_url": MARK})
            found = self._cards[key] = (marked, card_view.recorded if recording else None)
        marked, reads = found
        if recording:
            view.recorded.absorb(reads)  # every page showing the card read what it read
        text = marked.replace(f"<{HEADING} ", f"<{heading} ").replace(
            f"</{HEADING}>", f"</{heading}>")
        return Markup(_MARKED.sub(self._linker(context), text))

    def _linker(self, context: Any) -> Any:
        """Marked path -> the page's link to it (a page shows the same value badges and
        pictures on many cards: each link is made once per page)."""
        page = context.get("page")
        if page is not self._page:
            self._page, self._links = page, {}
        links, url = self._links, context.environment.filters["url"]

        def link(match: re.Match[str]) -> str:
            found = links.get(match[1])
            if found is None:
                found = links[match[1]] = str(escape(url(context, unescape(match[1]))))
            return found
        return link

    def _is_default(self, template: Any) -> bool:
        filename = getattr(template, "filename", None) or ""
        found = self._default.get(filename)
        if found is None:
            found = bool(filename) and Path(filename).resolve().is_relative_to(DEFAULTS)
            self._default[filename] = found
        return found


def safe_path(path: str | None) -> bool:
    """True when ``path`` (a site path a card links to) can be found again in its text."""
    return path is None or _UNSAFE.search(path) is None
