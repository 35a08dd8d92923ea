"""The Jinja environments storyhub renders its standalone pages and post texts with.

Templates are looked up in the hub's ``overrides/`` first, then in the package's
``templates/`` folder: the same search order MkDocs uses for the site's pages (the
adapter appends the package folder to the theme's folders, after ``custom_dir``), so
one override changes a template everywhere it is used.

* :func:`page_environment`: HTML pages written outside MkDocs (the snippets page, the
  hub report). Autoescaped.
* :func:`text_environment`: post texts for social networks. Plain text, not escaped.

Story fields are always passed as data, never as template source.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    Undefined,
)
from jinja2.loaders import split_template_path

PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def search_path(overrides: Path | None) -> list[str]:
    """Folders templates are looked up in, first match wins (the hub's overrides folder
    whether or not it exists yet: a preview server's environments outlive its creation)."""
    folders = [str(overrides)] if overrides is not None else []
    return [*folders, str(PACKAGE_TEMPLATES)]


class _OverridableLoader(FileSystemLoader):
    """A file loader whose templates go out of date when an earlier folder gains one of
    their name: the environments below live as long as the process (a preview server), and
    Jinja's own check looks only at the file it found, so an override added to the hub's
    ``overrides/`` while serving would never be read."""

    def get_source(self, environment: Environment, template: str
                   ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        pieces = split_template_path(template)
        earlier = []
        for folder in self.searchpath:
            candidate = os.path.join(folder, *pieces)
            if os.path.normpath(candidate) == os.path.normpath(filename):
                break
            earlier.append(candidate)

        def still_found_here() -> bool:
            return bool(uptodate()) and not any(map(os.path.isfile, earlier))

        return source, filename, still_found_here


def _loader(overrides: Path | None) -> BaseLoader:
    return ChoiceLoader([_OverridableLoader(search_path(overrides))])


@lru_cache(maxsize=8)
def text_environment(overrides: Path | None) -> Environment:
    return Environment(
        loader=_loader(overrides),
        autoescape=False,
        trim_blocks=False,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        undefined=StrictUndefined,
    )


@lru_cache(maxsize=8)
def page_environment(overrides: Path | None) -> Environment:
    return Environment(loader=_loader(overrides), autoescape=True, undefined=StrictUndefined)


@lru_cache(maxsize=8)
def report_environment(overrides: Path | None) -> Environment:
    """The page environment, with block tags trimmed (the report template is written so)."""
    return page_environment(overrides).overlay(
        trim_blocks=True, lstrip_blocks=True, undefined=Undefined
    )
