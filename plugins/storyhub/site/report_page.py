"""The hub report as a standalone, noindex page (``report/index.html``), rendered through
the same templates search path as every storyhub page, so ``overrides/`` can change it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storyhub.hub.graph import Hub
from storyhub.hub.report import REPORT_URL, HubReport, hub_report
from storyhub.i18n import Translator
from storyhub.text.jinja import report_environment

TEMPLATE = "storyhub/report.html"


def render_page(report: HubReport, *, site_name: str, translator: Translator, home_url: str,
                overrides: Path | None = None) -> str:
    """The standalone, noindex report page, in the translator's language (its words are
    the catalogue's ``report`` namespace: ``t("title")``). Drafts are counted, never named."""
    env = report_environment(overrides)
    most_month = max((c.stories for c in report.months), default=0)
    most_value = max((c.stories for c in report.values), default=0)
    return env.get_template(TEMPLATE).render(
        r=report, site_name=site_name, lang=translator.language, home_url=home_url,
        t=translator.scope("report"), most_month=most_month, most_value=most_value,
    )


def write_page(hub: Hub, site_dir: Path, overrides: Path | None = None,
               plan: dict[str, Any] | None = None) -> Path:
    """Write ``report/index.html`` into a built site; return its path. ``plan``: the
    posting plan's figures, when the build planned one."""
    report = hub_report(hub)
    report.plan = plan
    page = site_dir / REPORT_URL / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(
        render_page(report, site_name=hub.settings.site_name, translator=hub.translator,
                    home_url="../", overrides=overrides),
        encoding="utf-8",
    )
    return page
