"""``storyhub build``: a build for CI that never leaves a half-built or unchecked site.

1. Check the whole hub with the core (no MkDocs): any content error stops here.
2. Build with MkDocs into a temporary folder beside the output folder (same disk).
3. Only if the build passed (in ``--strict`` mode: without a single warning),
   swap the new folder in with renames and delete the old one.

A failed build leaves the previous output exactly as it was. This module and the
plugin are the only ones that import MkDocs, and only inside :func:`build_site`.

Exit codes (also in the README):

====  =====================================================================
0     built; the output folder holds the new site
1     content errors (listed as path:line:col): nothing was built
2     wrong usage or configuration (no mkdocs.yml, bad option)
3     the MkDocs build failed or, with --strict, logged warnings: output untouched
4     built, but the output folder could not be replaced (permissions, disk)
====  =====================================================================
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path
from typing import TextIO

from storyhub.diagnostics.formats import text_line
from storyhub.options.read import ConfigError
from storyhub.options.settings import pid_alive
from storyhub.pipeline import Pipeline

EXIT_OK = 0
EXIT_CONTENT = 1
EXIT_USAGE = 2
EXIT_BUILD = 3
EXIT_SWAP = 4


class _Echo(logging.Handler):
    def __init__(self, stream: TextIO) -> None:
        super().__init__(logging.WARNING)
        self.stream = stream
        self.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        print(self.format(record), file=self.stream)


def build_site(
    config_file: Path,
    *,
    site_dir: Path | None = None,
    strict: bool = False,
    out: TextIO | None = None,
) -> int:
    """Check, build into a temporary folder, swap it in. Returns an exit code."""
    out = sys.stderr if out is None else out
    try:
        pipeline = Pipeline.from_config_file(config_file)
    except ConfigError as exc:
        print(f"storyhub build: {exc}", file=out)
        return EXIT_USAGE
    errors = pipeline.check().errors
    if errors:
        for item in errors:
            print(text_line(item), file=out)
        print(f"storyhub build: {len(errors)} content error(s); nothing was built and the "
              "output folder was left as it was", file=out)
        return EXIT_CONTENT

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    echo = _Echo(out)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(echo)
    try:
        try:
            mkdocs_config = load_config(str(config_file), strict=strict)
            plugin = mkdocs_config.plugins.get("storyhub")
            if plugin is not None and hasattr(plugin, "checked"):
                plugin.checked = pipeline  # checked above: the build need not read it again
        except MkDocsException as exc:
            print(f"storyhub build: {config_file}: {exc}", file=out)
            return EXIT_USAGE
        target = Path(site_dir or mkdocs_config.site_dir).resolve()
        staging = target.parent / f".{target.name}.building-{os.getpid()}"
        _remove(staging)
        _remove_stale(target)
        mkdocs_config.site_dir = str(staging)
        try:
            build(mkdocs_config)
        except Exception as exc:  # Abort (strict warnings), PluginError, template errors…
            _remove(staging)
            detail = str(exc) or type(exc).__name__
            print(f"storyhub build: the build failed ({detail}); "
                  f"{_shown(target)} was left as it was", file=out)
            return EXIT_BUILD
    finally:
        logger.removeHandler(echo)

    try:
        swap_in(staging, target)
    except OSError as exc:
        _remove(staging)
        print(f"storyhub build: the site was built but {_shown(target)} could not be "
              f"replaced: {exc}", file=out)
        return EXIT_SWAP
    print(f"storyhub build: site written to {_shown(target)}", file=out)
    return EXIT_OK


def swap_in(staging: Path, target: Path) -> None:
    """Put ``staging`` in place of ``target`` with renames (same file system).

    POSIX cannot rename a folder over a non-empty one, so the old folder is first
    renamed aside, then the new one into place; if that fails the old one goes back.
    Between the two renames (microseconds) the folder is absent, never half-written.
    """
    if not target.exists():
        os.replace(staging, target)
        return
    aside = target.parent / f".{target.name}.old-{os.getpid()}"
    _remove(aside)
    os.replace(target, aside)
    try:
        os.replace(staging, target)
    except OSError:
        os.replace(aside, target)
        raise
    _remove(aside)


def _remove_stale(target: Path) -> None:
    """Staging and set-aside folders that a killed build left beside ``target``
    (``.site.building-<pid>``, ``.site.old-<pid>`` of a process that no longer runs)."""
    for pattern in (f".{target.name}.building-*", f".{target.name}.old-*"):
        for stale in target.parent.glob(pattern):
            pid = stale.name.rsplit("-", 1)[-1]
            if pid.isdigit() and int(pid) != os.getpid() and not pid_alive(int(pid)):
                _remove(stale)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix() + "/"
    except ValueError:
        return str(path)
