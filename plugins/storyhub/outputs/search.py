"""What search results show beside a story's title (``search/storyhub.json``: each story's
thumbnail and date, see :mod:`storyhub.site.search`)."""

from __future__ import annotations

from pathlib import Path

from storyhub.outputs.base import Build, Output, Target


def _write(build: Build, target: Target) -> list[Path]:
    from storyhub.site.search import write_search_extras

    return [write_search_extras(build.view, target.site_dir)]


OUTPUT = Output(
    "search",
    reads=("published stories: their URL, smallest image version and date",),
    writes=("search/storyhub.json",),
    write=_write,
)
