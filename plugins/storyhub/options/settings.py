"""The settings one build runs with: the checked options plus what the site says about
itself (name, address, language, folders) and the build's "now".

:func:`hub_settings` is the only way to make them; the MkDocs adapter and the command line
both call it (through :class:`storyhub.pipeline.Pipeline`), so they always agree.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import cached_property
from pathlib import Path
from zoneinfo import ZoneInfo

from storyhub.i18n.catalogue import normalize_language
from storyhub.options.model import CardOptions, SnippetOptions, StoryhubOptions
from storyhub.options.read import source_date_epoch

DEFAULT_SITE_NAME = "Our stories"


@dataclass(frozen=True)
class HubSettings:
    #: the folder holding stories/, people/ and values.yml
    root: Path
    site_name: str = DEFAULT_SITE_NAME
    site_url: str | None = None
    language: str = "en"
    options: StoryhubOptions = field(default_factory=StoryhubOptions)
    #: the theme's custom_dir (``overrides/``), searched first for every template
    overrides: Path | None = None
    #: When the build happens; decides embargoes and withdrawals (see :func:`resolve_now`).
    now: datetime = field(default_factory=lambda: resolve_now())
    #: Show drafts and embargoed stories, clearly marked (``mkdocs serve`` only).
    show_drafts: bool = False
    #: A local preview (``mkdocs serve``): never published, rebuilt on every edit.
    serving: bool = False

    @property
    def zone(self) -> ZoneInfo:
        """The hub's time zone (``calendar.timezone``, the company's): every date decision
        (withdrawals, departures, consents, future dates, the calendar) is taken in it."""
        return ZoneInfo(self.options.calendar.timezone)

    @property
    def today(self) -> date:
        """The build's day in the hub's time zone: the one day every date is compared to.
        A withdrawal dated tomorrow takes effect at midnight in the company's zone, on the
        site as in the calendar."""
        return company_day(self.now, self.zone)

    @property
    def company(self) -> str:
        return self.options.company_name or self.site_name

    @cached_property  # asked about 20,000 times a 1,000-story build (worded content, views)
    def languages(self) -> tuple[str, ...]:
        """The site's languages, the default first: the ``languages`` option, else the
        site's language alone (a catalogue language: ``it`` for ``it-IT``)."""
        return self.options.languages or (normalize_language(self.language),)

    @property
    def multilingual(self) -> bool:
        """More than one language configured: a home page per language, listings that put
        the reader's language first."""
        return len(self.languages) > 1

    @property
    def snippets(self) -> SnippetOptions:
        return self.options.snippets

    @property
    def cards(self) -> CardOptions:
        return self.options.cards

    # Shortcuts used by the hub and the page plan.
    @property
    def related_count(self) -> int:
        return self.options.related_count

    @property
    def latest_count(self) -> int:
        return self.options.latest_count

    @property
    def page_size(self) -> int:
        return self.options.page_size

    @property
    def unconsented(self) -> str:
        return self.options.unconsented

    @property
    def anonymous_label(self) -> str:
        return self.options.anonymous_label

    @property
    def as_of(self) -> datetime | None:
        return self.options.as_of


def content_root(config_folder: Path, options: StoryhubOptions) -> Path:
    """Where stories/, people/ and values.yml are: the one place this is decided."""
    if options.content_dir:
        return (config_folder / options.content_dir).resolve()
    return config_folder.resolve()


def hub_settings(
    config_folder: Path,
    options: StoryhubOptions,
    *,
    site_name: str | None = None,
    site_url: str | None = None,
    language: str | None = None,
    overrides: Path | None = None,
    serving: bool = False,
    as_of: datetime | None = None,
) -> HubSettings:
    """Settings for one build. ``as_of`` (the command line's) wins over the option's, which
    wins over ``SOURCE_DATE_EPOCH``; drafts are shown only when ``serving``.

    Raises :class:`storyhub.options.read.ConfigError` for a malformed ``SOURCE_DATE_EPOCH``.
    """
    if as_of is not None:
        options = options.model_copy(update={"as_of": as_of})
    return HubSettings(
        root=content_root(config_folder, options),
        site_name=site_name or DEFAULT_SITE_NAME,
        site_url=site_url or None,
        language=str(language or "en"),
        options=options,
        overrides=overrides,
        now=resolve_now(options.as_of),
        show_drafts=options.drafts and serving,
        serving=serving,
    )


def cache_dir(root: Path, part: str) -> Path:
    """Where storyhub keeps what later builds can reuse: ``<hub>/.cache/storyhub/<part>``
    (re-encoded images, share images, snippet exports). Safe to delete at any time."""
    return root / ".cache" / "storyhub" / part


def pid_alive(pid: int) -> bool:
    """Is process ``pid`` still running? (Working files named after a killed build's process
    are left-overs that may be removed.)"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def company_day(moment: datetime, zone: ZoneInfo) -> date:
    """The calendar day ``moment`` falls on in ``zone`` (the hub's)."""
    return moment.astimezone(zone).date()


def resolve_now(as_of: datetime | None = None) -> datetime:
    """The build's "now": ``as_of`` if given, else ``SOURCE_DATE_EPOCH``, else the clock."""
    if as_of is not None:
        return as_of if as_of.tzinfo else as_of.replace(tzinfo=timezone.utc)
    epoch = source_date_epoch()
    if epoch is not None:
        return epoch
    return datetime.now(tz=timezone.utc)
