"""Where snippet templates come from: the hub's overrides/ first, then the package.

Snippet text is plain text (no HTML escaping); the snippets page is HTML and is
rendered by a second environment with autoescaping on. Story fields are passed
as data, never as template source, so ``{{ config }}`` in a title stays literal.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_VARIANT = re.compile(r"^storyhub/snippets/([a-z]+)/variant-(\w+)\.txt$")


def _loader(overrides: Path | None) -> ChoiceLoader:
    folders = [str(overrides)] if overrides is not None and overrides.is_dir() else []
    return ChoiceLoader([FileSystemLoader([*folders, str(PACKAGE_TEMPLATES)])])


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
def html_environment(overrides: Path | None) -> Environment:
    return Environment(loader=_loader(overrides), autoescape=True, undefined=StrictUndefined)


def variant_templates(env: Environment) -> dict[str, list[tuple[str, str]]]:
    """Per network, ``(variant name, template name)`` in order: variant-1.txt, variant-2.txt…

    An override folder may add variants (variant-3.txt) or replace existing ones.
    """
    found: dict[str, dict[str, str]] = {}
    for name in env.list_templates(extensions=["txt"]):
        match = _VARIANT.match(name)
        if match:
            found.setdefault(match.group(1), {})[match.group(2)] = name

    def order(variant: str) -> tuple[int, str]:
        return (int(variant), "") if variant.isdigit() else (1 << 30, variant)

    return {net: [(v, found[net][v]) for v in sorted(found[net], key=order)] for net in found}
