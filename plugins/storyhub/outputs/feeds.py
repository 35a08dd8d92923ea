"""Atom and JSON Feed of the hub, each language, value, person and team
(:mod:`storyhub.site.feeds` plans and writes them)."""

from __future__ import annotations

from pathlib import Path

from storyhub.outputs.base import Build, Output, Target


def _write(build: Build, target: Target) -> list[Path]:
    from storyhub.site.feeds import write_feeds

    return write_feeds(build.hub, list(build.feeds.values()), target.site_dir,
                       build.share_image)


OUTPUT = Output(
    "feeds",
    reads=("published stories, newest first", "their people, values and teams",
           "each story's share image", "site_url (none without it)"),
    writes=("feed.xml", "feed.json", "<language|value|person|team page>/feed.{xml,json}"),
    write=_write,
)
