"""Addresses on the published site, shared by pages, feeds and posts."""

from __future__ import annotations

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
