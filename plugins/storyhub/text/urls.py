"""Addresses on the published site, shared by pages, feeds and posts."""

from __future__ import annotations


def absolute(site_url: str | None, path: str) -> str:
    """``path`` (site-relative, no leading slash) under ``site_url``; "/path" without one."""
    if not site_url:
        return "/" + path
    return site_url.rstrip("/") + "/" + path
