"""Which post templates exist per network (``storyhub/snippets/<network>/variant-N.txt``).

The environments themselves are :mod:`storyhub.text.jinja`'s: the hub's overrides/ first,
then the package. Story fields are passed as data, never as template source, so
``{{ config }}`` in a title stays literal.
"""

from __future__ import annotations

import re

from jinja2 import Environment

from storyhub.text.jinja import PACKAGE_TEMPLATES, page_environment, text_environment

__all__ = ["PACKAGE_TEMPLATES", "html_environment", "text_environment", "variant_templates"]
_VARIANT = re.compile(r"^storyhub/snippets/([a-z]+)/variant-(\w+)\.txt$")
html_environment = page_environment


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
