"""Social-ready output of a hub: post text per network, share images, exports.

The engine adapters call three functions, in this order:

* :func:`check_social` during validation (``storyhub check`` and every build);
* :func:`prepare_social` once the hub is valid: plans the share images (their
  URLs and cache keys, nothing drawn yet) and composes every snippet;
* :func:`write_social` at the end: waits for the images and writes the snippets
  page, ``snippets.json`` and ``snippets.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .check import check_social_text
from .compose import SnippetSet, compose
from .export import write_exports
from .options import CardOptions, OptionError, SnippetOptions, card_options, snippet_options
from .templates import text_environment

if TYPE_CHECKING:
    from ..cards import CardSet
    from ..hub import Hub
    from ..settings import HubSettings

__all__ = [
    "OptionError", "Social", "check_social", "prepare_social", "social_options", "write_social",
]

NO_SITE_URL = (
    "site_url is not set in mkdocs.yml: share links, og:url and og:image cannot be "
    "absolute, so rich previews and the links in social snippets will not work. "
    "Set site_url to the address the hub is published at, e.g. https://stories.example.com/"
)


def social_options(settings: HubSettings) -> tuple[SnippetOptions, CardOptions]:
    return (snippet_options(settings.extra.get("snippets")),
            card_options(settings.extra.get("cards")))


def check_social(hub: Hub) -> None:
    """Report wrong ``snippets``/``cards`` options and over-long ``social:`` texts."""
    try:
        snippets, _ = social_options(hub.settings)
    except OptionError as exc:
        hub.diagnostics.error("mkdocs.yml", 1, 1, str(exc), code="config")
        return
    check_social_text(hub.content, hub.diagnostics, snippets.mastodon_limit)


@dataclass
class Social:
    snippet_options: SnippetOptions
    card_options: CardOptions
    cards: CardSet | None
    snippets: SnippetSet | None

    @property
    def needs_site_url(self) -> bool:
        return self.snippet_options.enabled or self.card_options.enabled

    def start_drawing(self) -> None:
        if self.cards is not None:
            self.cards.start()

    def cancel(self) -> None:
        if self.cards is not None:
            self.cards.cancel()


def prepare_social(hub: Hub, *, overrides: Path | None = None) -> Social:
    """Plan share images and compose snippets for the published stories (nothing drawn)."""
    from ..cards import plan_cards

    snippets_opts, cards_opts = social_options(hub.settings)
    cards = plan_cards(hub, cards_opts) if cards_opts.enabled else None
    snippets = None
    if snippets_opts.enabled:
        env = text_environment(overrides.resolve() if overrides else None)
        snippets = compose(hub, snippets_opts, env, cards.stories if cards else None)
    return Social(snippets_opts, cards_opts, cards, snippets)


def write_social(
    social: Social,
    out_dir: Path,
    *,
    site_name: str,
    language: str,
    overrides: Path | None = None,
    snippets_dir: Path | None = None,
) -> list[Path]:
    """Finish the images and write them, the snippets page and the exports.

    ``out_dir`` is the site root (images go to ``assets/cards/``); the page and exports
    go to ``snippets_dir`` (default: ``out_dir / options.folder``).
    """
    written: list[Path] = []
    if social.cards is not None:
        social.cards.finish()
        written += social.cards.write(out_dir)
    if social.snippets is not None:
        folder = snippets_dir or out_dir / social.snippet_options.folder
        depth = len(folder.resolve().relative_to(out_dir.resolve()).parts)
        written += write_exports(
            social.snippets, folder, root_prefix="../" * depth,
            overrides=overrides.resolve() if overrides else None,
            site_name=site_name, language=language,
        )
    return written
