"""The hub's health as a page (``report/``): counts, gaps, advice (option ``report``)."""

from __future__ import annotations

from pathlib import Path

from storyhub.outputs.base import Build, Output, Target


def _write(build: Build, target: Target) -> list[Path]:
    from storyhub.site.report_page import write_page

    return [write_page(build.hub, target.site_dir, overrides=build.settings.overrides)]


OUTPUT = Output(
    "report",
    reads=("the whole hub: counts per value, person and team, hidden stories (no names)",),
    writes=("report/index.html",),
    write=_write,
    wanted=lambda build: bool(build.settings.options.report),
)
