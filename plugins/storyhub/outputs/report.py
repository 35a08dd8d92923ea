"""The hub's health as a page (``report/``): counts, gaps, advice (option ``report``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storyhub.outputs.base import Build, Output, Target


def _write(build: Build, target: Target) -> list[Path]:
    from storyhub.site.report_page import write_page

    return [write_page(build.hub, target.site_dir, overrides=build.settings.overrides,
                       plan=_plan(build))]


def _plan(build: Build) -> dict[str, Any] | None:
    """The posting plan's figures, if the build plans posts."""
    from storyhub.social.calendar import plan_figures

    calendar = build.social.calendar if build.social is not None else None
    return plan_figures(calendar) if calendar is not None else None


OUTPUT = Output(
    "report",
    reads=("the whole hub: counts per value, person and team, hidden stories (no names)",
           "campaigns' progress", "the posting plan's figures"),
    writes=("report/index.html",),
    write=_write,
    wanted=lambda build: bool(build.settings.options.report),
)
