"""The social outputs of a build: share images (:mod:`storyhub.media.cards`) and snippets
(:mod:`storyhub.social`), planned together because posts link to the images.

* :func:`prepare_social` once the hub is valid: plans the share images (URLs and cache
  keys, nothing drawn yet) and readies the composer; the pages ask it for their share links
  (:meth:`Social.share_links`: a story's first post per network, at most);
* :meth:`Social.start_drawing` while the engine renders pages (worker processes);
* :func:`write_social` at the end: waits for the images, writes them; composes every post
  (:attr:`Social.snippets`, once) and plans the posting calendar from them
  (:mod:`storyhub.social.calendar`), and writes the snippets page, ``snippets.json``,
  ``snippets.csv``, ``calendar.ics``, ``calendar.json`` and the scheduler CSV files
  (:mod:`storyhub.social.schedulers`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from storyhub.hub.graph import Hub
from storyhub.i18n import CATALOGUE_DIR
from storyhub.media.cards import CardSet, KeptFiles, plan_cards
from storyhub.options.model import CardOptions, SnippetOptions
from storyhub.outputs.base import Build, Output, Target
from storyhub.social.calendar import Calendar, plan_calendar
from storyhub.social.compose import Composer, SnippetSet, StorySnippets, compose, story_key
from storyhub.social.export import ExportMemo, write_exports
from storyhub.social.schedulers import write_calendar_files
from storyhub.social.templates import (
    html_environment,
    personal_templates,
    text_environment,
    variant_templates,
)
from storyhub.text.jinja import PACKAGE_TEMPLATES

if TYPE_CHECKING:
    from storyhub.content.model import Story


@dataclass
class Social:
    snippet_options: SnippetOptions
    card_options: CardOptions
    cards: CardSet | None
    #: composes the posts (None when snippets are off)
    composer: Composer | None = None
    hub: Hub | None = None
    #: a preview server's posts of each story, by :func:`~storyhub.social.compose.story_key`
    memo: MutableMapping[str, StorySnippets] | None = None
    memo_key: str = ""
    #: each story's :func:`~storyhub.social.compose.story_key` in this build, once known
    keys: dict[str, str] = field(default_factory=dict)
    #: the last export's ``calendar.json`` (:mod:`storyhub.social.previous`)
    previous: dict[str, Any] | None = None
    #: a story's published photo, for posts when share cards are off
    photo: Callable[[Story], str | None] | None = None
    #: posts a scheduler file left out or changed (catalogue keys of ``snippets`` and
    #: their values), told by the command line and the build's log
    export_warnings: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    _snippets: SnippetSet | None = None
    _calendar: Calendar | None = None

    @property
    def snippets(self) -> SnippetSet | None:
        """Every post of every published story, composed when first asked for (by the
        output that writes them, after the pages), with the posting calendar planned from
        them; None when snippets are off."""
        if self._snippets is None and self.composer is not None and self.hub is not None:
            hub = self.hub
            self._snippets = compose(hub, self.snippet_options, self.composer,
                                     self.cards.stories if self.cards else None,
                                     memo=self.memo, memo_key=self.memo_key,
                                     keys=self.keys)
            if hub.settings.options.calendar.enabled:
                self._calendar = plan_calendar(
                    hub, self._snippets, hub.settings.options.calendar, self.previous,
                    self.photo if self.cards is None else None)
        return self._snippets

    def release_posts(self) -> None:
        """Let go of the composed posts once every output is written (a site build, whose
        leak scan then reads the files, not the posts: at 1,000 stories they are about 8 MB
        of the build's peak). :attr:`snippets` keeps its words and options, with no stories;
        the posts the calendar planned stay with it."""
        if self._snippets is not None:
            self._snippets.stories.clear()

    @property
    def calendar(self) -> Calendar | None:
        """The posting calendar (its posts composed first, see :attr:`snippets`)."""
        return self._calendar if self.snippets is not None else None

    def share_links(self) -> Mapping[str, list[tuple[str, str]]] | None:
        """Per story, its page's share links, made when a page asks (None: snippets off)."""
        if self.composer is None or self.hub is None:
            return None
        return ShareLinks(self.composer, self.hub, self.kept)

    def kept(self, story: Story) -> StorySnippets | None:
        """A preview's posts of ``story`` from an earlier build, if nothing they are made
        from changed since."""
        if self.memo is None or self.hub is None:
            return None
        key = self.keys.get(story.id)
        if key is None:
            cards = self.cards.stories.get(story.id) if self.cards is not None else None
            key = self.keys[story.id] = story_key(self.hub, story, cards, self.memo_key)
        return self.memo.get(key)

    def warning_lines(self, t: Callable[..., str], *, problems_only: bool = False
                      ) -> list[str]:
        """The export warnings in words; ``problems_only``: without the notes about what
        was adjusted and needs nothing done (a varied Hootsuite message)."""
        from storyhub.social.schedulers import NOTICES

        return [t(key, **values) for key, values in self.export_warnings
                if not (problems_only and key in NOTICES)]

    @property
    def needs_site_url(self) -> bool:
        return self.snippet_options.enabled or self.card_options.enabled

    def start_drawing(self) -> None:
        if self.cards is not None:
            self.cards.start()

    def cancel(self) -> None:
        if self.cards is not None:
            self.cards.cancel()


def prepare_social(hub: Hub, *, memo: MutableMapping[str, StorySnippets] | None = None,
                   previous: dict[str, Any] | None = None,
                   photo: Callable[[Story], str | None] | None = None) -> Social:
    """Plan share images and ready the composer of snippets for the published stories
    (nothing drawn or composed yet). With ``memo`` (a preview server's), stories whose
    inputs did not change keep their snippets. ``previous``: the last export's
    ``calendar.json`` (:mod:`storyhub.social.previous`); ``photo``: a story's published
    photo, for posts when share cards are off."""
    settings = hub.settings
    snippets_opts, cards_opts = settings.snippets, settings.cards
    cards = plan_cards(hub, cards_opts) if cards_opts.enabled else None
    social = Social(snippets_opts, cards_opts, cards, hub=hub, previous=previous, photo=photo)
    if snippets_opts.enabled:
        folder = settings.overrides.resolve() if settings.overrides else None
        social.composer = Composer(hub, snippets_opts, text_environment(folder))
        if memo is not None:
            social.memo, social.memo_key = memo, posts_key(hub, snippets_opts, folder)
    return social


class ShareLinks(Mapping[str, list[tuple[str, str]]]):
    """Per story, its page's share links (:meth:`Composer.share_links`), made when a page
    asks for them; in a preview, read from the story's posts kept from an earlier build
    (``kept``) when there are some."""

    def __init__(self, composer: Composer, hub: Hub,
                 kept: Callable[[Story], StorySnippets | None] | None = None) -> None:
        self._composer = composer
        self._stories = {story.id: story for story in hub.stories}
        self._kept = kept

    def __getitem__(self, story_id: str) -> list[tuple[str, str]]:
        story = self._stories[story_id]
        kept = self._kept(story) if self._kept is not None else None
        if kept is not None:
            return self._composer.share_links_of(kept)
        return self._composer.share_links(story)

    def __iter__(self) -> Iterator[str]:
        return iter(self._stories)

    def __len__(self) -> int:
        return len(self._stories)


def posts_key(hub: Hub, options: SnippetOptions, overrides: Path | None) -> str:
    """A hash of what every story's posts share (words, templates, options, settings): with
    :func:`~storyhub.social.compose.story_key`, a preview server's memo key."""
    env = text_environment(overrides)
    hasher = hashlib.sha256()

    def add(text: str) -> None:
        hasher.update(text.encode("utf-8"))
        hasher.update(b"\0")

    for path in sorted(CATALOGUE_DIR.glob("*.yml")):  # the words
        hasher.update(path.read_bytes())
    names = [n for variants in variant_templates(env).values() for _, n in variants]
    names += [n for net in options.networks for n in personal_templates(env, net).values()]
    for name in sorted(set(names)):
        add(name)
        add(env.loader.get_source(env, name)[0])  # type: ignore[union-attr]
    page_env = html_environment(overrides)
    add(page_env.loader.get_source(page_env, "storyhub/snippets/page.html")[0])  # type: ignore[union-attr]
    settings = hub.settings
    # The calendar depends on the build's day in the company's time zone, not its hour.
    calendar = settings.options.calendar
    local_day = hub.now.astimezone(ZoneInfo(calendar.timezone)).date().isoformat()
    add(json.dumps([options.model_dump(mode="json"), calendar.model_dump(mode="json"),
                    settings.site_url, settings.site_name, settings.company, settings.language,
                    hub.today.isoformat(), local_day, str(PACKAGE_TEMPLATES)]))
    return hasher.hexdigest()


def write_social(
    social: Social,
    hub: Hub,
    out_dir: Path,
    *,
    snippets_dir: Path | None = None,
    memo: ExportMemo | None = None,
    kept: KeptFiles | None = None,
) -> list[Path]:
    """Finish the images and write them, the snippets page and the exports (their posts
    composed here, once).

    ``out_dir`` is the site root (images go to ``assets/cards/``); the page and exports
    go to ``snippets_dir`` (default: ``out_dir / options.folder``). ``kept``: a preview
    server's kept folder, where images already in place are not written again.
    """
    settings = hub.settings
    written: list[Path] = []
    if social.cards is not None:
        social.cards.finish()
        written += social.cards.write(out_dir, kept)
    snippets = social.snippets
    if snippets is not None:
        folder = snippets_dir or out_dir / social.snippet_options.folder
        depth = len(folder.resolve().relative_to(out_dir.resolve()).parts)
        t = snippets.translator.scope("snippets")
        exports = write_calendar_files(social.calendar, folder, site_name=settings.site_name,
                                       t=t, warnings=social.export_warnings)
        written += exports
        written += write_exports(
            snippets, folder, root_prefix="../" * depth,
            overrides=settings.overrides.resolve() if settings.overrides else None,
            site_name=settings.site_name, language=settings.language,
            calendar=social.calendar, calendar_files=[p.name for p in exports], memo=memo,
            notes=social.warning_lines(t),
        )
    return written


def _write(build: Build, target: Target) -> list[Path]:
    if build.social is None:
        return []
    return write_social(build.social, build.hub, target.site_dir,
                        snippets_dir=target.snippets_dir,
                        memo=build.export_memo, kept=target.kept)


OUTPUT = Output(
    "social",
    reads=("the composed snippets and planned calendar", "share-image plans", "options"),
    writes=("assets/cards/", "snippets/index.html", "snippets/snippets.json",
            "snippets/snippets.csv", "snippets/calendar.ics", "snippets/calendar.json",
            "snippets/<scheduler>-*.csv"),
    write=_write,
    commands=frozenset({"site", "snippets"}),
)
