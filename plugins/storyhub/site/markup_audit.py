"""What the build's sanitiser will remove from what staff wrote, told by ``storyhub check``.

A build renders each story, profile and value page and sanitises its HTML
(:mod:`storyhub.site.sanitize`), warning at its line about each removal; ``--strict`` then
fails. The check builds nothing, so it renders here, with the same Markdown extensions as
the engine (MkDocs' own three and mkdocs.yml's ``markdown_extensions``), only the texts that
hold something a sanitiser could remove (HTML, an attribute list, a character reference, a
link to another scheme than http, https or mailto: not an ordinary story), and says the
same things at the same lines: a check that passes is a strict build that passes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property
from typing import Any

from storyhub.site.sanitize import located_removals

#: the extensions MkDocs always adds before mkdocs.yml's
ENGINE_EXTENSIONS = ("toc", "tables", "fenced_code")
#: what can render as markup a sanitiser removes: HTML (and autolinks), attribute lists,
#: character references (an encoded 'javascript:')
_MARKS = ("<", "{", "&#")
#: a link's or an image's destination, or a reference's, with a scheme other than http,
#: https or mailto (``](javascript:…)``, ``[x]: data:…``): links to the web, to a mail
#: address or to a page of the site are what stories hold, and render to nothing removed
_OTHER_SCHEME = re.compile(r"\]\s*[(:]\s*<?\s*(?!(?:https?|mailto):)[^\s()<>/]*:", re.I)


def markdown_renderer(engine: Mapping[str, Any]) -> Callable[[str], str] | None:
    """Markdown to HTML as the engine configured by ``engine`` (mkdocs.yml as written)
    renders a page's body; None when its extensions cannot be loaded here (the build then
    says why)."""
    import markdown

    names: list[str] = list(ENGINE_EXTENSIONS)
    configs: dict[str, Any] = {}
    listed = engine.get("markdown_extensions") or []
    items = list(listed.items()) if isinstance(listed, Mapping) else [
        pair for item in (listed if isinstance(listed, list) else [])
        for pair in ([(item, None)] if isinstance(item, str) else
                     list(item.items()) if isinstance(item, Mapping) else [])]
    for name, config in items:
        if name not in names:
            names.append(str(name))
        if isinstance(config, Mapping):
            configs[str(name)] = dict(config)
    try:
        converter = markdown.Markdown(extensions=names, extension_configs=configs)
    except Exception:  # any extension's own failure: the build reports it
        return None

    def render(text: str) -> str:
        converter.reset()
        try:
            return converter.convert(text)
        except Exception:  # an extension configured in a way only the engine can read
            return ""  # (a !!python/name: tag): nothing said here, the build says it all

    return render


class Audit:
    """The removals of the texts of one hub, rendered as ``engine`` renders them; the
    Markdown converter is made for the first text that could hold markup (a hub whose texts
    hold none, most of them, never loads it)."""

    def __init__(self, engine: Mapping[str, Any]) -> None:
        self._engine = engine

    @cached_property
    def _render(self) -> Callable[[str], str] | None:
        return markdown_renderer(self._engine)

    def removals(self, text: str) -> Iterator[tuple[int, str]]:
        """(line of ``text``, counted from 0, what) of each thing the sanitiser will remove
        from ``text`` rendered, located as the build locates it."""
        if not may_hold_markup(text) or self._render is None:
            return
        for line, removal in located_removals(self._render(text), text):
            yield line, removal.what


def may_hold_markup(text: str) -> bool:
    """Whether Markdown ``text`` may render to something the sanitiser removes; False
    means certainly not, and it need not be rendered to know."""
    return any(mark in text for mark in _MARKS) or _OTHER_SCHEME.search(text) is not None
