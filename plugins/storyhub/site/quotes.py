"""Pull quotes on a story page: the person's words, photo, name and role.

Before Markdown, each ``!!! quote <person-id>`` block becomes two marker paragraphs around
its (Markdown) words; after the story's HTML is sanitised, the markers become a
``<figure>`` whose caption names the person. The figure is storyhub's own markup, so the
sanitiser never has to allow it in authors' HTML.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from storyhub.site.view import SiteView
from storyhub.text.pullquotes import PullQuote, find_pull_quotes, replace_pull_quotes

_MARKER = "storyhub-pull-quote-{number}-{side}"
_MARKED = re.compile(r"<p>storyhub-pull-quote-(\d+)-(start|end)</p>")


def mark_pull_quotes(markdown: str) -> str:
    """``markdown`` with every pull-quote block between two marker paragraphs."""
    return replace_pull_quotes(markdown, lambda number, quote: (
        f"\n{_MARKER.format(number=number, side='start')}\n\n{quote.body}\n\n"
        f"{_MARKER.format(number=number, side='end')}\n"))


def render_pull_quotes(html: str, markdown: str, view: SiteView, page_url: str) -> str:
    """Turn the markers of :func:`mark_pull_quotes` in a story's HTML into figures.
    A quote of someone not published (any more) is left out, words included."""
    quotes = find_pull_quotes(markdown)
    if not quotes:
        return html
    up = "../" * page_url.count("/")
    shown = [view.hub.people.get(q.person) is not None for q in quotes]

    def swap(match: re.Match[str]) -> str:
        number, side = int(match.group(1)), match.group(2)
        if number >= len(quotes):
            return match.group(0)
        if not shown[number]:
            return "<!--storyhub-quote-hidden-->"
        if side == "start":
            return '<figure class="sh-quote"><blockquote class="sh-quote__words">'
        return f"</blockquote>{_caption(quotes[number], view, up)}</figure>"

    html = _MARKED.sub(swap, html)
    # words of people no longer shown: drop everything between their two markers
    return re.sub(r"<!--storyhub-quote-hidden-->.*?<!--storyhub-quote-hidden-->", "", html,
                  flags=re.DOTALL)


def _caption(quote: PullQuote, view: SiteView, up: str) -> str:
    person = view.worded(view.hub.people[quote.person])  # the role in the page's language
    photo = view.photo_url(person)
    picture = view.picture("photo", person.id)
    if photo and picture is not None:
        photo = picture.jpeg[0].path  # the smallest version: shown 48 px wide
    image = Markup("")
    if photo:
        image = Markup('<img class="sh-quote__photo" src="{}" alt="" width="64" height="64" '
                       'loading="lazy" decoding="async">').format(up + photo)
    return str(Markup(
        '<figcaption class="sh-quote__by">{image}<span><a class="sh-quote__name" href="{url}">'
        '{name}</a><span class="sh-quote__role">{role}</span></span></figcaption>'
    ).format(image=image, url=up + person.url, name=escape(person.name),
             role=escape(person.role)))
