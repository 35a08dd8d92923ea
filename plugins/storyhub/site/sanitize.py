"""Allowlist sanitising of story and bio HTML, after Markdown rendering.

Python-Markdown passes raw HTML, ``javascript:`` links and ``{ onclick=… }``
attributes (``attr_list``) straight through. Everything that reaches a page from a
story or a profile goes through :func:`sanitize_html`: nh3 (the Rust ``ammonia``
sanitiser) keeps only the tags, attributes and URL schemes listed here, and a
small parser beside it names what was removed so the author can be told where.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "label", "li", "mark", "ol", "p",
    "pre", "q", "s",
    "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
}
#: Tags removed together with their content (the rest keep their text).
DROPPED_WITH_CONTENT = {"script", "style"}
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang", "name"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "details": {"open"},
    "div": {"data-tabs"},
    "time": {"datetime"},
    "q": {"cite"},
    "input": {"checked", "disabled", "name"},
    "label": {"for"},
    "blockquote": {"cite"},
}
#: Attributes allowed only with these values (task lists and content tabs).
ALLOWED_VALUES = {"input": {"type": {"checkbox", "radio"}}}
URL_ATTRIBUTES = {"href", "src", "cite"}
URL_SCHEMES = {"http", "https", "mailto"}
#: Attributes nh3 writes itself: never reported as removed.
_SET_BY_SANITISER = {("a", "rel")}

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
# Python-Markdown's tables align columns with style="text-align: …"; keep that as `align`.
_ALIGN_STYLE = re.compile(
    r'(<t[hd]\b[^>]*?)\sstyle="text-align:\s*(left|right|center);?"', re.IGNORECASE
)


@dataclass(frozen=True)
class Removal:
    """Something the sanitiser removed: ``what`` for people, ``needles`` to find it."""

    what: str
    needles: tuple[str, ...]


def url_scheme(value: str) -> str | None:
    """The scheme of a URL as a browser reads it: entities decoded, blanks ignored."""
    match = _SCHEME.match(_INVISIBLE.sub("", value))
    return match.group(1).lower() if match else None


class _Auditor(HTMLParser):
    """Lists what the allowlist removes, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.removed: list[Removal] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.removed.append(Removal(f"<{tag}> element", (f"<{tag}",)))
            return
        allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, set())
        only = ALLOWED_VALUES.get(tag, {})
        for name, value in attrs:
            if (tag, name) in _SET_BY_SANITISER:
                continue
            if name in only:
                if (value or "").lower() not in only[name]:
                    self.removed.append(
                        Removal(f"'{name}=\"{value}\"' on <{tag}>", (f"{name}=", name))
                    )
            elif name not in allowed:
                self.removed.append(
                    Removal(f"'{name}' attribute on <{tag}>", (f"{name}=", name))
                )
            elif name in URL_ATTRIBUTES and value:
                scheme = url_scheme(value)
                if scheme is not None and scheme not in URL_SCHEMES:
                    self.removed.append(
                        Removal(
                            f"'{scheme}:' link in '{name}' on <{tag}>",
                            (value, scheme, f"{name}=", "&#"),
                        )
                    )


def find_removals(html: str) -> list[Removal]:
    """What :func:`clean_html` removes from ``html``, without changing it."""
    auditor = _Auditor()
    auditor.feed(_ALIGN_STYLE.sub(r'\1 align="\2"', html))
    auditor.close()
    return auditor.removed


def clean_html(html: str) -> str:
    """Keep only the allowlisted tags, attributes and http(s)/mailto/relative URLs."""
    return nh3.clean(
        _ALIGN_STYLE.sub(r'\1 align="\2"', html),
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        tag_attribute_values=ALLOWED_VALUES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def locate(markdown: str, needles: tuple[str, ...], start: int = 0) -> tuple[int, int] | None:
    """(line index, offset) of the first needle found in ``markdown`` from ``start``."""
    lowered = markdown.lower()
    for needle in needles:
        index = lowered.find(needle.lower(), start)
        if index >= 0:
            return lowered.count("\n", 0, index), index
    return None


def sanitize_html(
    html: str,
    *,
    source: str = "",
    warn: Callable[[str], None] | None = None,
    markdown: str = "",
    first_line: int = 1,
) -> str:
    """Sanitise ``html`` rendered from ``markdown`` (which starts on ``first_line`` of
    ``source``); call ``warn`` once per removal with ``source:line: what``."""
    if warn is not None:
        cursor = 0
        for removal in find_removals(html):
            found = locate(markdown, removal.needles, cursor) or locate(
                markdown, removal.needles
            )
            line = first_line
            if found is not None:
                line = first_line + found[0]
                cursor = found[1] + 1
            where = f"{source}:{line}: " if source else ""
            warn(f"{where}removed {removal.what} from the HTML (not allowed in stories "
                 "and profiles, it could run code or change the page)")
    return clean_html(html)
