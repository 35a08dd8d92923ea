"""Addresses on the published site, shared by pages, feeds and posts."""

from __future__ import annotations

import re
from urllib.parse import quote


def absolute(site_url: str | None, path: str) -> str:
    """``path`` (site-relative, no leading slash) under ``site_url``; "/path" without one."""
    if not site_url:
        return "/" + path
    return site_url.rstrip("/") + "/" + path


def url_path(path: str) -> str:
    """A published file's site path as it stands in a URL: a photo an author named
    ``my photo, 2024.jpg`` is ``my%20photo%2C%202024.jpg`` (a space or comma would end
    the address in ``srcset``; letters outside ASCII are UTF-8, percent-encoded)."""
    return quote(path, safe="/")


#: Schemes a link from content or configuration may use; anything else (``javascript:``,
#: ``data:``, ``vbscript:``, ``file:``…) could run code or reach outside the site.
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
#: C0 controls and space: what browsers strip from both ends of a URL (WHATWG URL, "basic
#: URL parser"); tab, line feed and carriage return they also remove from inside it.
_C0_OR_SPACE = "".join(chr(code) for code in range(0x21))
_TAB_OR_NEWLINE = re.compile("[\t\n\r]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def browser_form(url: str) -> str:
    """``url`` as a browser reads it before looking at its scheme: C0 controls and spaces
    stripped from both ends, tabs and line breaks removed from inside
    (``" java\\tscript:x"`` is ``javascript:x``)."""
    return _TAB_OR_NEWLINE.sub("", url.strip(_C0_OR_SPACE))


def url_scheme(url: str) -> str | None:
    """The scheme of ``url`` as a browser reads it (lower case), ``None`` for a relative
    address."""
    match = _SCHEME.match(browser_form(url))
    return match.group(1).lower() if match else None


def unsafe_url(url: str, *, schemes: frozenset[str] = SAFE_SCHEMES,
               relative: bool = True) -> str | None:
    """Why ``url`` (from content or configuration) must not be published, or ``None`` if it
    is safe. The one test for every such URL: configuration (the home call to action),
    profile links and the links, images and citations of story HTML. Read as a browser
    reads it (:func:`browser_form`); a control character anywhere is refused outright,
    since browsers disagree on what it means."""
    control = _CONTROL.search(url)
    if control is not None:
        return (f"it holds a control character (U+{ord(control.group()):04X}), which "
                "browsers remove before reading the address")
    scheme = url_scheme(url)
    if scheme is None:
        return None if relative else "it is not a full address (https://…)"
    if scheme not in schemes:
        return f"'{scheme}:' addresses are not allowed (use {', '.join(sorted(schemes))})"
    return None
