"""The hub's health as a page (``report/``): counts, gaps, advice (option ``report``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from storyhub.outputs.base import Build, Output, Target


def _write(build: Build, target: Target) -> list[Path]:
    from storyhub.site.report_page import write_page

    return [write_page(build.hub, target.site_dir, overrides=build.settings.overrides,
                       plan=_plan(build))]


def _plan(build: Build) -> dict[str, Any] | None:
    """The posting plan's figures: from the plan this build made, else from the exports it
    reused (the same inputs made the same plan), else none."""
    from storyhub.social.calendar import plan_figures, plan_figures_of

    social = build.social
    if social is None:
        return None
    if social.calendar is not None:
        return plan_figures(social.calendar)
    cached = social.cached_exports / "calendar.json" if social.cached_exports else None
    if cached is not None and cached.is_file():
        try:
            return plan_figures_of(json.loads(cached.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return None
    return None


OUTPUT = Output(
    "report",
    reads=("the whole hub: counts per value, person and team, hidden stories (no names)",
           "campaigns' progress", "the posting plan's figures"),
    writes=("report/index.html",),
    write=_write,
    wanted=lambda build: bool(build.settings.options.report),
)
