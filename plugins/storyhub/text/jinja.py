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

from functools import lru_cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, Undefined

PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def search_path(overrides: Path | None) -> list[str]:
    """Folders templates are looked up in, first match wins."""
    folders = [str(overrides)] if overrides is not None and overrides.is_dir() else []
    return [*folders, str(PACKAGE_TEMPLATES)]


def _loader(overrides: Path | None) -> ChoiceLoader:
    return ChoiceLoader([FileSystemLoader(search_path(overrides))])


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
