"""Social-ready output of a hub: post text per network, share images, exports.

The engine adapters call three functions, in this order:

* :func:`check_social` during validation (``storyhub check`` and every build);
* :func:`prepare_social` once the hub is valid: plans the share images (their
  URLs and cache keys, nothing drawn yet) and composes every snippet;
* :func:`write_social` at the end: waits for the images and writes the snippets
  page, ``snippets.json`` and ``snippets.csv``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from storyhub.options.settings import cache_dir
from storyhub.options.social import (
    CardOptions,
    OptionError,
    SnippetOptions,
    card_options,
    snippet_options,
)
from storyhub.social.check import check_social_text
from storyhub.social.compose import SnippetSet, compose
from storyhub.social.export import write_exports
from storyhub.social.templates import (
    PACKAGE_TEMPLATES,
    html_environment,
    text_environment,
    variant_templates,
)

if TYPE_CHECKING:
    from storyhub.hub.graph import Hub
    from storyhub.media.cards import CardSet
    from storyhub.options.settings import HubSettings

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


EXPORT_FILES = ("index.html", "snippets.json", "snippets.csv")


@dataclass
class Social:
    snippet_options: SnippetOptions
    card_options: CardOptions
    cards: CardSet | None
    snippets: SnippetSet | None
    #: folder of the exports of a previous build with exactly the same inputs, if any
    cached_exports: Path | None = None
    exports_key: str = ""
    cache_root: Path | None = None

    @property
    def needs_site_url(self) -> bool:
        return self.snippet_options.enabled or self.card_options.enabled

    def start_drawing(self) -> None:
        if self.cards is not None:
            self.cards.start()

    def cancel(self) -> None:
        if self.cards is not None:
            self.cards.cancel()


def prepare_social(hub: Hub, *, overrides: Path | None = None,
                   reuse_exports: bool = True) -> Social:
    """Plan share images and compose snippets for the published stories (nothing drawn).

    With ``reuse_exports``, a site build whose inputs all match the previous build's
    reuses its snippets page and exports from ``.cache/storyhub/snippets/``."""
    from storyhub.media.cards import plan_cards

    snippets_opts, cards_opts = social_options(hub.settings)
    cards = plan_cards(hub, cards_opts) if cards_opts.enabled else None
    social = Social(snippets_opts, cards_opts, cards, None)
    if snippets_opts.enabled:
        folder = overrides.resolve() if overrides else None
        env = text_environment(folder)
        social.cache_root = cache_dir(hub.settings.root, "snippets")
        social.exports_key = exports_key(hub, snippets_opts, cards, env, folder)
        cached = social.cache_root / social.exports_key
        if reuse_exports and all((cached / name).is_file() for name in EXPORT_FILES):
            social.cached_exports = cached  # nothing changed: no need to compose again
        else:
            social.snippets = compose(hub, snippets_opts, env, cards.stories if cards else None)
    return social


def exports_key(hub: Hub, options: SnippetOptions, cards: CardSet | None, env: object,
                overrides: Path | None) -> str:
    """A hash of everything the snippets page and exports are made from."""
    from jinja2 import Environment

    assert isinstance(env, Environment)
    hasher = hashlib.sha256()

    def add(text: str) -> None:
        hasher.update(text.encode("utf-8"))
        hasher.update(b"\0")

    for path in sorted(Path(__file__).parent.glob("*.py")):  # the code itself
        hasher.update(path.read_bytes())
    names = [n for variants in variant_templates(env).values() for _, n in variants]
    for name in sorted(names):
        add(name)
        add(env.loader.get_source(env, name)[0])  # type: ignore[union-attr]
    page_env = html_environment(overrides)
    add(page_env.loader.get_source(page_env, "storyhub/snippets/page.html")[0])  # type: ignore[union-attr]
    settings = hub.settings
    add(json.dumps([asdict(options), settings.site_url, settings.site_name, settings.company,
                    settings.language, hub.now.date().isoformat(), str(PACKAGE_TEMPLATES)]))
    for value in hub.values.values():
        add(value.model_dump_json())
    for person in hub.people.values():
        add(person.id)
        add(person.model_dump_json())
    for story in hub.stories:
        add(story.id)
        add(story.model_dump_json())
        if cards is not None:
            for image in cards.stories[story.id].images():
                add(image.key)
    return hasher.hexdigest()


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
    folder = snippets_dir or out_dir / social.snippet_options.folder
    if social.cached_exports is not None:
        folder.mkdir(parents=True, exist_ok=True)
        for name in EXPORT_FILES:
            shutil.copyfile(social.cached_exports / name, folder / name)
            written.append(folder / name)
    elif social.snippets is not None:
        depth = len(folder.resolve().relative_to(out_dir.resolve()).parts)
        exports = write_exports(
            social.snippets, folder, root_prefix="../" * depth,
            overrides=overrides.resolve() if overrides else None,
            site_name=site_name, language=language,
        )
        written += exports
        if social.cache_root is not None and depth == 1:
            _store_exports(social.cache_root, social.exports_key, exports)
    return written


def _store_exports(cache_root: Path, key: str, files: list[Path]) -> None:
    """Keep the exports of this build (only the latest) for the next unchanged build; a
    cache folder that cannot be written only means no reuse next time."""
    try:
        if cache_root.is_dir():
            for old in cache_root.iterdir():
                if old.name != key:
                    shutil.rmtree(old, ignore_errors=True)
        target = cache_root / key
        target.mkdir(parents=True, exist_ok=True)
        for path in files:
            shutil.copyfile(path, target / path.name)
    except OSError:
        pass
