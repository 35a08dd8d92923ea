"""Which post templates exist per network (``storyhub/snippets/<network>/variant-N.txt``).

The environments themselves are :mod:`storyhub.text.jinja`'s: the hub's overrides/ first,
then the package. Story fields are passed as data, never as template source, so
``{{ config }}`` in a title stays literal.
"""

from __future__ import annotations

import re

from jinja2 import Environment

from storyhub.text.jinja import PACKAGE_TEMPLATES, page_environment, text_environment

__all__ = ["PACKAGE_TEMPLATES", "PERSONAL", "html_environment", "personal_templates",
           "text_environment", "variant_templates"]
#: Variants for employees to post themselves, in their own voice: "me" for the person the
#: story is about (first person), "colleague" for everyone else (third person). Never
#: planned in the company's calendar.
PERSONAL = ("me", "colleague")
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


def personal_templates(env: Environment, network: str) -> dict[str, str]:
    """The template of each personal variant for ``network``: ``<network>/personal-me.txt``
    when a hub or the package has one, else the shared ``personal-me.txt``."""
    found = set(env.list_templates(extensions=["txt"]))
    result: dict[str, str] = {}
    for kind in PERSONAL:
        own = f"storyhub/snippets/{network}/personal-{kind}.txt"
        result[kind] = own if own in found else f"storyhub/snippets/personal-{kind}.txt"
    return result
