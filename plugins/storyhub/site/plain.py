"""Authored Markdown as plain text, for the places that show it as a line of text: a
value's statement on the values page and its page's description (meta tags, search
results). A value's ``description`` is Markdown (its page renders it): elsewhere its words
are shown without the marks, ``**Hands** first`` as "Hands first", never the asterisks."""

from __future__ import annotations

import html
import re
from functools import lru_cache

#: a tag (the rendered Markdown's, or raw HTML written in it): never spans another '<'
_TAG = re.compile(r"<[^<>]*>")
#: a tag that ends a block of text (a paragraph, a line, an item): a space between words
_BLOCK_TAG = re.compile(
    r"</?(?:p|br|li|ul|ol|h[1-6]|div|blockquote|pre|hr|table|tr|td|th)\b[^<>]*>", re.I)


@lru_cache(maxsize=256)
def plain_text(markdown_text: str) -> str:
    """The words of ``markdown_text`` as a reader sees them once rendered: marks, tags and
    entities gone, blanks collapsed (paragraphs joined by a space)."""
    if not any(mark in markdown_text for mark in "*_`[]<>&#\\"):
        return " ".join(markdown_text.split())  # nothing to render: the words as written
    import markdown

    rendered = markdown.markdown(markdown_text)
    words = _TAG.sub("", _BLOCK_TAG.sub(" ", rendered))  # inline marks join their words
    return " ".join(html.unescape(words).split())
