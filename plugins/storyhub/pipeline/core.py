"""One pass of the core: read, validate, link and plan a hub. No engine involved."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from storyhub.content.load import load_content
from storyhub.content.model import parse_aware_datetime
from storyhub.diagnostics.core import Diagnostics
from storyhub.hub.graph import Hub, build_hub
from storyhub.i18n.translator import Translator
from storyhub.media.images import check_media
from storyhub.options.settings import HubSettings
from storyhub.site.plan import SitePlan, SiteView, asset_urls, plan_site
from storyhub.social import check_social

_SETTING_NAMES = (
    "company_name", "related_count", "latest_count", "page_size", "unconsented",
    "anonymous_label",
)


@dataclass
class BuildResult:
    hub: Hub
    plan: SitePlan
    view: SiteView

    @property
    def diagnostics(self) -> Diagnostics:
        return self.hub.diagnostics


def settings_from_options(
    root: Path,
    *,
    site_name: str = "Our stories",
    site_url: str | None = None,
    language: str = "en",
    options: dict[str, Any] | None = None,
) -> HubSettings:
    """Hub settings from the ``storyhub`` plugin options of ``mkdocs.yml``."""
    options = dict(options or {})
    known = {k: options[k] for k in _SETTING_NAMES if options.get(k) is not None}
    as_of: datetime | None = None
    if options.get("as_of"):
        as_of = parse_aware_datetime(str(options["as_of"]))
    extra = {k: v for k, v in options.items() if k not in _SETTING_NAMES}
    return HubSettings(
        root=root,
        site_name=site_name,
        site_url=site_url or None,
        language=language,
        as_of=as_of,
        show_drafts=bool(options.get("drafts")),
        extra=extra,
        **known,
    )


def run_core(root: Path, **kwargs: Any) -> BuildResult:
    settings = settings_from_options(root, **kwargs)
    return run_settings(settings)


def run_settings(settings: HubSettings) -> BuildResult:
    content = load_content(settings.root, settings.extra.get("publish"))  # type: ignore[arg-type]
    check_media(content)
    hub = build_hub(content, settings)
    check_social(hub)
    plan = plan_site(hub)
    view = SiteView(hub, Translator(settings.language), asset_urls(plan.assets))
    return BuildResult(hub=hub, plan=plan, view=view)
