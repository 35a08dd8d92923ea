"""The hub report as a standalone, noindex page (``report/index.html``), rendered through
the same templates search path as every storyhub page, so ``overrides/`` can change it."""

from __future__ import annotations

from pathlib import Path

from storyhub.hub.graph import Hub
from storyhub.hub.report import PAGE_TEXT, REPORT_URL, HubReport, pct, hub_report
from storyhub.text.jinja import report_environment

TEMPLATE = "storyhub/report.html"


def render_page(report: HubReport, *, site_name: str, language: str, home_url: str,
                overrides: Path | None = None) -> str:
    """The standalone, noindex report page. Drafts are counted, never named."""
    env = report_environment(overrides)
    lang = language.split("-")[0].lower()
    lang = lang if lang in PAGE_TEXT else "en"
    most_month = max((c.stories for c in report.months), default=0)
    most_value = max((c.stories for c in report.values), default=0)
    return env.get_template(TEMPLATE).render(
        r=report, site_name=site_name, lang=lang, home_url=home_url, t=PAGE_TEXT[lang],
        most_month=most_month, most_value=most_value, pct=pct,
    )


def write_page(hub: Hub, site_dir: Path, overrides: Path | None = None) -> Path:
    """Write ``report/index.html`` into a built site; return its path."""
    report = hub_report(hub)
    page = site_dir / REPORT_URL / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(
        render_page(report, site_name=hub.settings.site_name, language=hub.settings.language,
                    home_url="../", overrides=overrides),
        encoding="utf-8",
    )
    return page
