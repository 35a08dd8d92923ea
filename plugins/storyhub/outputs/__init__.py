"""The public outputs a build writes beside the pages: one module each, one line in
:data:`OUTPUTS`, in the order they are written (in the spirit of Pelican's generators).

Each module declares an :class:`Output`: what it reads of the build (``reads``, for people
who read the code and for the documentation), which files it writes (``writes``), for which
commands (a site build, ``storyhub snippets --out``), and the function that writes them.
The pipeline runs them in order after the engine has written the pages, then scans the
whole output for traces of unpublished content; outputs marked ``after_scan`` (the web
editor's pinned bundle: npm's checksummed bytes, no hub content) are copied after it.

Adding an output is one module here and one line in :data:`OUTPUTS`. The pages themselves
are planned by :mod:`storyhub.site.plan` and rendered by the engine, and so is the sitemap
(``templates/sitemap.xml``, with each page's language versions from the site view).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from storyhub.outputs import digest, editor, feeds, report, search, social
from storyhub.outputs.base import Build, Output, Target

#: Every output, in the order it is written.
OUTPUTS: tuple[Output, ...] = (
    social.OUTPUT,
    feeds.OUTPUT,
    search.OUTPUT,
    report.OUTPUT,
    editor.OUTPUT,
    digest.OUTPUT,
)


def write_outputs(build: Build, target: Target, *, after_scan: bool = False,
                  only: Callable[[Output], bool] | None = None) -> list[Path]:
    """Run every output wanted for ``target``'s command, in order: those written before
    the leak scan, or (``after_scan``) those copied after it."""
    written: list[Path] = []
    for output in OUTPUTS:
        if output.after_scan != after_scan or target.command not in output.commands:
            continue
        if (only is not None and not only(output)) or not output.wanted(build):
            continue
        written += output.write(build, target)
    return written


__all__ = ["OUTPUTS", "Build", "Output", "Target", "write_outputs"]
