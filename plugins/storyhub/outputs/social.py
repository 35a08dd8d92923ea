"""The social outputs of a build: share images (:mod:`storyhub.media.cards`) and snippets
(:mod:`storyhub.social`), planned together because posts link to the images.

* :func:`prepare_social` once the hub is valid: plans the share images (URLs and cache
  keys, nothing drawn yet) and composes every snippet — or finds that a previous build with
  exactly the same inputs left its snippets page and exports in the cache;
* :meth:`Social.start_drawing` while the engine renders pages (worker processes);
* :func:`write_social` at the end: waits for the images, writes them, the snippets page,
  ``snippets.json`` and ``snippets.csv``, and — from the posting calendar planned with the
  snippets (:mod:`storyhub.social.calendar`) — ``calendar.ics``, ``calendar.json`` and the
  scheduler CSV files (:mod:`storyhub.social.schedulers`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
import zlib
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from storyhub.hub.graph import Hub
from storyhub.i18n import CATALOGUE_DIR
from storyhub.media import cards as cards_module
from storyhub.media.cache_files import digest, report_damaged
from storyhub.media.cards import CardSet, plan_cards
from storyhub.options.model import CardOptions, SnippetOptions
from storyhub.options.settings import cache_dir
from storyhub.outputs.base import Build, Output, Target
from storyhub.social import compose as compose_module
from storyhub.social.calendar import Calendar, plan_calendar
from storyhub.social.compose import SnippetSet, StorySnippets, compose
from storyhub.social.export import ExportMemo, write_exports
from storyhub.social.posts import first_intents
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

#: in the cache folder of a build's exports: the names of every file it holds
MANIFEST = "files.txt"
#: in the same folder, not copied to the site: the hashes of the previous plans
#: (:func:`previous_digest`) these exports stand for — the one they were made with, and
#: their own calendar.json (made again with it as the previous plan, the same day, the plan
#: is the same: same posts, same SEQUENCEs, same cancellations)
PREVIOUS = "previous.txt"
#: in the same folder, not copied to the site: each story's share links, for the story pages
#: of a build that reuses the exports (zlib-compressed JSON lines ``[slug, [[name, url]…]]``)
SHARE_LINKS = "share-links.jsonl.z"


@dataclass
class Social:
    snippet_options: SnippetOptions
    card_options: CardOptions
    cards: CardSet | None
    snippets: SnippetSet | None
    calendar: Calendar | None = None
    #: folder of the exports of a previous build with exactly the same inputs, if any
    cached_exports: Path | None = None
    exports_key: str = ""
    cache_root: Path | None = None
    #: :func:`previous_digest` of the previous plan this build compares with
    previous_digest: str = "none"
    #: posts a scheduler file left out or changed (catalogue keys of ``snippets`` and
    #: their values), told by the command line and the build's log
    export_warnings: list[tuple[str, dict[str, str]]] = field(default_factory=list)

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


def prepare_social(hub: Hub, *, reuse_exports: bool = True,
                   memo: MutableMapping[str, StorySnippets] | None = None,
                   previous: dict[str, Any] | None = None,
                   photo: Callable[[Story], str | None] | None = None) -> Social:
    """Plan share images and compose snippets for the published stories (nothing drawn).

    With ``reuse_exports``, a site build whose inputs all match the previous build's
    reuses its snippets page and exports from ``.cache/storyhub/snippets/``; with ``memo``
    (a preview server's), stories whose inputs did not change keep their snippets.
    ``previous``: the last export's ``calendar.json`` (:mod:`storyhub.social.previous`);
    ``photo``: a story's published photo, for posts when share cards are off."""
    settings = hub.settings
    snippets_opts, cards_opts = settings.snippets, settings.cards
    cards = plan_cards(hub, cards_opts) if cards_opts.enabled else None
    social = Social(snippets_opts, cards_opts, cards, None)
    if snippets_opts.enabled:
        folder = settings.overrides.resolve() if settings.overrides else None
        env = text_environment(folder)
        social.cache_root = cache_dir(settings.root, "snippets")
        social.exports_key = exports_key(hub, snippets_opts, cards, folder)
        social.previous_digest = previous_digest(previous)
        cached = social.cache_root / social.exports_key
        # A preview server composes even then: its memo must hold every story's snippets, or
        # its first rebuild after an edit would compose them all.
        if (reuse_exports and memo is None and _cached_files(cached) is not None
                and (cached / SHARE_LINKS).is_file()
                and social.previous_digest in _read_lines(cached / PREVIOUS)):
            social.cached_exports = cached  # nothing changed: no need to compose again
        else:
            social.snippets = compose(hub, snippets_opts, env, cards.stories if cards else None,
                                      memo=memo, memo_key=exports_key(
                                          hub, snippets_opts, cards, folder, content=False)
                                      if memo is not None else "")
            if settings.options.calendar.enabled:
                social.calendar = plan_calendar(hub, social.snippets, settings.options.calendar,
                                                previous, photo if cards is None else None)
    return social


class ShareLinks(Mapping[str, list[tuple[str, str]]]):
    """Per story, its page's share links (:func:`first_intents`), made when a page asks for
    them: made for every story before the pages, they would be held while every page is
    rendered (an intent holds a post's whole text, percent-encoded)."""

    def __init__(self, snippets: SnippetSet) -> None:
        self._rules = snippets.rules
        self._stories = {item.story.id: item for item in snippets.stories}

    def __getitem__(self, story_id: str) -> list[tuple[str, str]]:
        item = self._stories[story_id]
        found = item.share_links  # kept apart when composed: the posts stay packed
        return found if found is not None else first_intents(item.snippets, self._rules)

    def __iter__(self) -> Iterator[str]:
        return iter(self._stories)

    def __len__(self) -> int:
        return len(self._stories)


def cached_share_links(folder: Path) -> dict[str, list[tuple[str, str]]] | None:
    """The share links of the build whose exports are in ``folder`` (see :data:`SHARE_LINKS`;
    else read from its ``snippets.json``), or None."""
    links: dict[str, list[tuple[str, str]]] = {}
    try:
        lines = zlib.decompress((folder / SHARE_LINKS).read_bytes()).decode("utf-8")
    except (OSError, zlib.error, UnicodeDecodeError):
        lines = None
    if lines is not None:
        for line in lines.splitlines():
            slug, pairs = json.loads(line)
            links[slug] = [(name, url) for name, url in pairs]
        return links
    if not (folder / "snippets.json").is_file():
        return None
    data = json.loads((folder / "snippets.json").read_text(encoding="utf-8"))
    names = {n: info.get("name", n) for n, info in dict(data["networks"]).items()}
    for entry in data["stories"]:
        seen = {}
        for post in entry["snippets"]:
            if post.get("intent") and post["network"] not in seen:
                seen[post["network"]] = post["intent"]
        links[entry["slug"]] = [(names.get(n, n), url) for n, url in seen.items()]
    return links


def _cached_files(folder: Path) -> list[str] | None:
    """The files a previous build stored in ``folder``, if it stored them all and each is
    still what it wrote: the manifest holds every file's SHA-256 (the share links' too),
    checked before anything is reused; a damaged file is reported and the exports are made
    again."""
    manifest = folder / MANIFEST
    try:
        lines = manifest.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    names: list[str] = []
    for line in lines:
        name, _, recorded = line.partition(" ")
        try:
            data = (folder / name).read_bytes()
        except OSError:
            return None
        if "/" in name or name.startswith(".") or digest(data) != recorded:
            report_damaged(folder / name, what="snippets file")
            return None
        if name != SHARE_LINKS:
            names.append(name)
    return names if lines and SHARE_LINKS in {ln.partition(" ")[0] for ln in lines} else None


def _code_files() -> list[Path]:
    """The code the snippets page and exports are made by (part of the cache key)."""
    social = Path(compose_module.__file__).parent
    return [*sorted(social.glob("*.py")), Path(__file__), Path(cards_module.__file__)]


def previous_digest(previous: dict[str, Any] | None) -> str:
    """A hash of a previous plan (``calendar.json``, parsed), or "none"."""
    if previous is None:
        return "none"
    return hashlib.sha256(json.dumps(previous, sort_keys=True, ensure_ascii=False)
                          .encode("utf-8")).hexdigest()


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").split()
    except OSError:
        return []


def exports_key(hub: Hub, options: SnippetOptions, cards: CardSet | None,
                overrides: Path | None, *, content: bool = True) -> str:
    """A hash of everything the snippets page and exports are made from; without
    ``content``, only of what every story's snippets share (code, words, templates,
    options, settings)."""
    env = text_environment(overrides)
    hasher = hashlib.sha256()

    def add(text: str) -> None:
        hasher.update(text.encode("utf-8"))
        hasher.update(b"\0")

    for path in _code_files():
        hasher.update(path.read_bytes())
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
    if not content:
        return hasher.hexdigest()
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
    hub: Hub,
    out_dir: Path,
    *,
    snippets_dir: Path | None = None,
    memo: ExportMemo | None = None,
) -> list[Path]:
    """Finish the images and write them, the snippets page and the exports.

    ``out_dir`` is the site root (images go to ``assets/cards/``); the page and exports
    go to ``snippets_dir`` (default: ``out_dir / options.folder``).
    """
    settings = hub.settings
    written: list[Path] = []
    if social.cards is not None:
        social.cards.finish()
        written += social.cards.write(out_dir)
    folder = snippets_dir or out_dir / social.snippet_options.folder
    if social.cached_exports is not None:
        folder.mkdir(parents=True, exist_ok=True)
        for name in _cached_files(social.cached_exports) or ():
            shutil.copyfile(social.cached_exports / name, folder / name)
            written.append(folder / name)
    elif social.snippets is not None:
        depth = len(folder.resolve().relative_to(out_dir.resolve()).parts)
        exports = write_calendar_files(social.calendar, folder, site_name=settings.site_name,
                                       t=social.snippets.translator.scope("snippets"),
                                       warnings=social.export_warnings)
        store = social.cache_root is not None and depth == 1
        packer = zlib.compressobj(1)
        share_links: list[bytes] = []  # compressed as the exports are written

        def share(story_id: str, links: str) -> None:
            line = f"[{json.dumps(story_id)}, {links}]\n"
            share_links.append(packer.compress(line.encode()))

        exports += write_exports(
            social.snippets, folder, root_prefix="../" * depth,
            overrides=settings.overrides.resolve() if settings.overrides else None,
            site_name=settings.site_name, language=settings.language,
            calendar=social.calendar, calendar_files=[p.name for p in exports], memo=memo,
            share=share if store else None,
            notes=social.warning_lines(social.snippets.translator.scope("snippets")),
        )
        written += exports
        if store and social.cache_root is not None:
            share_links.append(packer.flush())
            _store_exports(social.cache_root, social.exports_key, exports,
                           b"".join(share_links), social.previous_digest)
    return written


def _store_exports(cache_root: Path, key: str, files: list[Path], share_links: bytes,
                   previous: str = "none") -> None:
    """Keep the exports of this build (only the latest), and its stories' share links
    (:data:`SHARE_LINKS`), for the next unchanged build; a cache folder that cannot be
    written only means no reuse next time."""
    try:
        if cache_root.is_dir():
            for old in cache_root.iterdir():
                if old.name != key:
                    shutil.rmtree(old, ignore_errors=True)
        target = cache_root / key
        target.mkdir(parents=True, exist_ok=True)
        for path in files:
            shutil.copyfile(path, target / path.name)
        (target / SHARE_LINKS).write_bytes(share_links)
        sealed = [f"{p.name} {digest((target / p.name).read_bytes())}" for p in files]
        sealed.append(f"{SHARE_LINKS} {digest(share_links)}")
        digests = [previous]
        written = {path.name: path for path in files}
        if "calendar.json" in written:
            with contextlib.suppress(ValueError):
                digests.append(previous_digest(json.loads(
                    written["calendar.json"].read_text(encoding="utf-8"))))
        (target / PREVIOUS).write_text("\n".join(digests) + "\n", encoding="utf-8")
        # Written last: a cache folder without its manifest is never reused.
        (target / MANIFEST).write_text("\n".join(sealed) + "\n", encoding="utf-8")
    except OSError:
        pass


def _write(build: Build, target: Target) -> list[Path]:
    if build.social is None:
        return []
    return write_social(build.social, build.hub, target.site_dir,
                        snippets_dir=target.snippets_dir,
                        memo=build.export_memo)


OUTPUT = Output(
    "social",
    reads=("the composed snippets and planned calendar", "share-image plans", "options"),
    writes=("assets/cards/", "snippets/index.html", "snippets/snippets.json",
            "snippets/snippets.csv", "snippets/calendar.ics", "snippets/calendar.json",
            "snippets/<scheduler>-*.csv"),
    write=_write,
    commands=frozenset({"site", "snippets"}),
)
