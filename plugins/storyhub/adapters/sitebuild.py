"""``storyhub build``: a build for CI that never leaves a half-built or unchecked site.

1. Check the whole hub with the core (no MkDocs): any content error stops here.
2. Build with MkDocs into a temporary folder beside the output folder (same disk);
   the plugin runs the core's leak scan on it.
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
import sys
from pathlib import Path
from typing import TextIO

from storyhub.diagnostics.formats import text_line
from storyhub.options.read import ConfigError
from storyhub.pipeline import Pipeline
from storyhub.pipeline.staging import remove, staging_for, swap_in

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
        staging = staging_for(target)
        mkdocs_config.site_dir = str(staging)
        try:
            build(mkdocs_config)
        except Exception as exc:  # Abort (strict warnings), PluginError, template errors…
            remove(staging)
            detail = str(exc) or type(exc).__name__
            print(f"storyhub build: the build failed ({detail}); "
                  f"{_shown(target)} was left as it was", file=out)
            return EXIT_BUILD
    finally:
        logger.removeHandler(echo)

    try:
        swap_in(staging, target)
    except OSError as exc:
        remove(staging)
        print(f"storyhub build: the site was built but {_shown(target)} could not be "
              f"replaced: {exc}", file=out)
        return EXIT_SWAP
    print(f"storyhub build: site written to {_shown(target)}", file=out)
    return EXIT_OK


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix() + "/"
    except ValueError:
        return str(path)
