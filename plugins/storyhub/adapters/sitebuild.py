"""``storyhub build``: a build for CI that never leaves a half-built or unchecked site.

1. Check the whole hub with the core (no MkDocs): any content error stops here.
2. Build with the engine (MkDocs, or ProperDocs when the hub has a ``properdocs.yml`` and
   ProperDocs is installed) into a temporary folder beside the output folder (same disk);
   the plugin runs the core's leak scan on it.
3. Make sure storyhub really ran inside the engine: its pages are there and the leak scan
   read this very folder. An engine that ignores plugins it does not know would otherwise
   publish a site of bare Markdown pages, unchecked: that is a failure (exit 3).
4. Only if everything passed (in ``--strict`` mode: without a single warning),
   swap the new folder in with renames and delete the old one.

A failed build leaves the previous output exactly as it was. This module and the
plugin are the only ones that import MkDocs, and only inside :func:`build_site`.

Exit codes (also in the README):

====  =====================================================================
0     built; the output folder holds the new site
1     content errors (listed as path:line:col): nothing was built
2     wrong usage or configuration (no mkdocs.yml, bad option)
3     the build failed or, with --strict, logged warnings, or storyhub did not run
      inside the engine (no storyhub pages, or no leak scan): output untouched
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


#: what every storyhub site has, whatever its content: the stories listing and storyhub's
#: stylesheet (written by the plugin, linked from every page)
STORYHUB_PAGES = ("stories/index.html", "assets/storyhub/storyhub.css")


def choose_engine(config_file: Path, engine: str = "auto") -> tuple[str, Path]:
    """``(engine, its configuration file)``. ``auto``: ProperDocs when it is installed and a
    ``properdocs.yml`` sits beside ``mkdocs.yml`` (see guide/running-the-hub.md, Engines),
    else MkDocs with ``mkdocs.yml``."""
    import importlib.util

    properdocs_yml = config_file.parent / "properdocs.yml"
    if engine == "auto":
        has_properdocs = importlib.util.find_spec("properdocs") is not None
        engine = "properdocs" if has_properdocs and properdocs_yml.is_file() else "mkdocs"
    if engine == "properdocs" and config_file.name != "properdocs.yml":
        return engine, properdocs_yml
    return engine, config_file


def engine_guard(plugin: object, pipeline: Pipeline, site: Path) -> str | None:
    """Why the built ``site`` must not be published although the engine succeeded, or
    ``None``: storyhub's plugin did not run, wrote no pages, or did not scan this folder."""
    ran = getattr(plugin, "pipeline", None)
    if plugin is None or not isinstance(ran, Pipeline):
        return ("the engine ran without storyhub: the site has no storyhub pages and the "
                "leak scan did not run (is '- storyhub' under 'plugins:', and does the "
                "engine run MkDocs plugins?)")
    missing = [name for name in STORYHUB_PAGES if not (site / name).is_file()]
    if missing:
        return (f"the site has no storyhub pages ({', '.join(missing)} missing): the "
                "engine did not let storyhub write them")
    if site.resolve() not in ran.scanned and site.resolve() not in pipeline.scanned:
        return "the leak scan did not run over the built site: it must not be published"
    return None


def build_site(
    config_file: Path,
    *,
    site_dir: Path | None = None,
    strict: bool = False,
    out: TextIO | None = None,
    engine: str = "auto",
) -> int:
    """Check, build into a temporary folder, make sure storyhub ran, swap it in. Returns an
    exit code."""
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

    engine, engine_file = choose_engine(config_file, engine)
    if engine == "properdocs":
        try:
            # as the properdocs command does: every `mkdocs.*` import (the plugins', Material's
            # and storyhub's adapter) is ProperDocs' module from here on
            import properdocs.replacement  # type: ignore[import-not-found]  # noqa: F401
            from properdocs.commands.build import build  # type: ignore[import-not-found]
            from properdocs.config import load_config  # type: ignore[import-not-found]
            from properdocs.exceptions import (  # type: ignore[import-not-found]
                ProperDocsException as EngineException,
            )
        except ImportError:
            print("storyhub build: --engine properdocs, but ProperDocs is not installed "
                  "(see guide/running-the-hub.md, Engines)", file=out)
            return EXIT_USAGE
        if not engine_file.is_file():
            print(f"storyhub build: {engine_file} does not exist (see "
                  "guide/running-the-hub.md, Engines)", file=out)
            return EXIT_USAGE
    else:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        from mkdocs.exceptions import MkDocsException as EngineException

    echo = _Echo(out)
    logger = logging.getLogger(engine)
    logger.addHandler(echo)
    try:
        try:
            mkdocs_config = load_config(str(engine_file), strict=strict)
            plugin = mkdocs_config.plugins.get("storyhub")
            if plugin is not None and hasattr(plugin, "checked"):
                plugin.checked = pipeline  # checked above: the build need not read it again
        except EngineException as exc:
            print(f"storyhub build: {engine_file}: {exc}", file=out)
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

    refused = engine_guard(plugin, pipeline, staging)
    if refused:
        remove(staging)
        print(f"storyhub build: {refused}; {_shown(target)} was left as it was", file=out)
        return EXIT_BUILD

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
