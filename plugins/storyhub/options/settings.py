"""Settings of a hub, independent of the engine that renders it.

The MkDocs plugin fills them from ``mkdocs.yml``; the command line reads the same
``plugins: - storyhub:`` block, so both always agree.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal


@dataclass
class HubSettings:
    root: Path
    site_name: str = "Our stories"
    site_url: str | None = None
    language: str = "en"
    #: When the build happens; decides embargoes and withdrawals. None: see :func:`resolve_now`.
    as_of: datetime | None = None
    #: Show drafts and embargoed stories, clearly marked (for `mkdocs serve` only).
    show_drafts: bool = False
    related_count: int = 4
    latest_count: int = 6
    page_size: int = 24
    #: A story about someone who did not consent to their name: 'skip' it, or use a label.
    unconsented: Literal["skip", "anonymous"] = "skip"
    anonymous_label: str = ""
    company_name: str = ""
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def company(self) -> str:
        return self.company_name or self.site_name


def cache_dir(root: Path, part: str) -> Path:
    """Where storyhub keeps what later builds can reuse: ``<hub>/.cache/storyhub/<part>``
    (re-encoded images, share images, snippet exports). Safe to delete at any time."""
    return root / ".cache" / "storyhub" / part


def resolve_now(as_of: datetime | None = None) -> datetime:
    """The build's "now": ``as_of`` if given, else ``SOURCE_DATE_EPOCH``, else the clock."""
    if as_of is not None:
        return as_of if as_of.tzinfo else as_of.replace(tzinfo=timezone.utc)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(tz=timezone.utc)
