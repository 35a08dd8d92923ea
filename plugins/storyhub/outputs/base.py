"""What an output is: :class:`Output`, the :class:`Build` it reads, the :class:`Target`
it writes into (see :mod:`storyhub.outputs`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

if TYPE_CHECKING:
    from storyhub.content.model import Story
    from storyhub.hub.graph import Hub
    from storyhub.media.cards import KeptFiles
    from storyhub.options.settings import HubSettings
    from storyhub.outputs.social import Social
    from storyhub.site.feeds import Feed
    from storyhub.site.view import SiteView
    from storyhub.social.export import ExportMemo

Command = Literal["site", "snippets", "digest"]


class Build(Protocol):
    """What an output may read of the build that runs it (the pipeline)."""

    @property
    def hub(self) -> Hub: ...
    @property
    def settings(self) -> HubSettings: ...
    @property
    def view(self) -> SiteView: ...
    @property
    def feeds(self) -> Mapping[tuple[str, str], Feed]: ...
    @property
    def social(self) -> Social | None: ...
    @property
    def export_memo(self) -> ExportMemo | None:
        """A preview server's memo of each story's part of the exports."""
    def share_image(self, story: Story) -> str | None: ...


@dataclass(frozen=True)
class Target:
    """Where a build writes: the site's folder; for ``storyhub snippets --out`` the
    snippets page and exports go to ``snippets_dir`` (the folder given) instead."""

    site_dir: Path
    command: Command = "site"
    snippets_dir: Path | None = None
    #: a preview server's kept output folder (:class:`storyhub.pipeline.renders.KeptSite`)
    kept: KeptFiles | None = None
    #: what the command asked for (the digest: the rendered month)
    request: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Output:
    name: str
    #: what of the build it reads
    reads: tuple[str, ...]
    #: the files it writes, relative to the site
    writes: tuple[str, ...]
    write: Callable[[Build, Target], list[Path]]
    commands: frozenset[Command] = frozenset({"site"})
    #: whether it is wanted for this build (an option), when it runs for the command
    wanted: Callable[[Build], bool] = lambda build: True
    #: copied after the leak scan (bytes that cannot hold hub content)
    after_scan: bool = False
