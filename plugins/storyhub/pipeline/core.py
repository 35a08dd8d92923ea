"""One build of a hub, engine-independent: check → plan → per-page data → finish → leak scan.

The MkDocs adapter calls these steps from its event handlers; ``storyhub check``,
``snippets``, ``report`` and ``build`` call the same steps, so a hub gives the same
diagnostics, pages and exports whichever way it is built::

    pipeline = Pipeline.from_config_file(Path("mkdocs.yml"))   # or Pipeline.from_options(...)
    pipeline.check()                  # read, validate, link: every problem, one pass
    pipeline.plan                     # the pages and files the site will have
    pipeline.prepare_outputs()        # plan share images, compose snippets
    pipeline.asset_files()            # story images and photos, re-encoded without metadata
    pipeline.context(src_uri)         # what a page's template gets
    pipeline.finish(site_dir)         # share images, snippets page and exports, report page
    pipeline.scan(site_dir, texts)    # nothing unpublished anywhere in the output
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import storyhub
from storyhub.content.files import links_in
from storyhub.content.load import Content, load_content
from storyhub.diagnostics.core import Diagnostic, Diagnostics, Severity
from storyhub.hub.graph import Hub, build_hub
from storyhub.hub.privacy import departure_report, hidden_story_notes
from storyhub.i18n import CATALOGUE_DIR, Translator
from storyhub.options.read import (
    ConfigError,
    Positions,
    check_languages,
    check_option_files,
    parse_options,
    read_mkdocs_yml,
)
from storyhub.options.settings import HubSettings, cache_dir, hub_settings
from storyhub.social import NO_SITE_URL, check_social
from storyhub.text.urls import url_path

# What only a build needs (pages, images, snippets, feeds, the leak scan, the editor) is
# imported where it is used: `storyhub check` reads, validates and links, and does not pay
# for Pillow, Jinja and the output modules at start-up.
if TYPE_CHECKING:
    from storyhub.pipeline.leaks import Leak
    from storyhub.pipeline.renders import KeptSite, RenderCache
    from storyhub.pipeline.social import Social
    from storyhub.site.feeds import Feed, FeedLink
    from storyhub.site.meta import PageMeta
    from storyhub.site.plan import Asset, SitePage, SitePlan
    from storyhub.site.view import SiteView

#: The order of the top of the navigation (the engine may list other pages after these).
NAV_ORDER = ("index.md", "stories/index.md", "values/index.md", "people/index.md",
             "teams/index.md", "tags/index.md")
#: Listing pages that stand for their whole section in the navigation.
SECTION_INDEXES = ("stories", "people", "values", "teams", "tags")

LogLevel = Literal["info", "warning"]
#: Pages about one subject: their titles are not in the navigation.
SUBJECT_KINDS = ("story", "person", "value", "team")


class InvalidOptions(ConfigError):
    """The options (or the environment) are wrong; ``diagnostics`` says where and how."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        listing = "\n".join(d.format() for d in diagnostics)
        super().__init__(f"{len(diagnostics)} problem(s) in the storyhub options; nothing "
                         f"was done:\n{listing}")


class ContentErrors(Exception):
    """The content has errors; nothing may be built from it."""

    def __init__(self, errors: list[Diagnostic]):
        self.errors = errors
        listing = "\n".join(d.format() for d in errors)
        super().__init__(f"storyhub found {len(errors)} problem(s) in the content; nothing "
                         f"was built:\n{listing}")


class UnsafeOutput(Exception):
    """The built output holds traces of unpublished content (see the leak scan)."""

    def __init__(self, leaks: list[Leak]):
        from storyhub.pipeline.leaks import format_leaks

        self.leaks = leaks
        super().__init__(f"storyhub: the built site contains {len(leaks)} trace(s) of "
                         f"unpublished content; do not deploy it:\n{format_leaks(leaks)}")


@dataclass(frozen=True)
class PlannedFile:
    """A file of the site that is not a page: ``data`` when storyhub made the bytes
    (re-encoded images), else ``src`` to copy."""

    dest: str
    data: bytes | None = None
    src: Path | None = None


@dataclass(frozen=True)
class PictureFile:
    path: str  # its URL path (see storyhub.text.urls.url_path)
    width: int


@dataclass(frozen=True)
class Picture:
    """A photo or story image at a few widths: what ``<picture>``/``srcset`` need."""

    webp: tuple[PictureFile, ...]
    jpeg: tuple[PictureFile, ...]
    width: int  # of the largest version (the fallback ``src``)
    height: int

    @property
    def fallback(self) -> PictureFile:
        return self.jpeg[-1]


class Pipeline:
    """One build of one hub. Steps run at most once each; later steps run earlier ones."""

    def __init__(self, settings: HubSettings) -> None:
        self.settings = settings
        self.translator = Translator.for_language(settings.language)  # one per build
        self._hub: Hub | None = None
        self._plan: SitePlan | None = None
        self._view: SiteView | None = None
        self._feeds: dict[tuple[str, str], Feed] | None = None
        self.social: Social | None = None
        self._trusted: set[str] = set()
        self._global_key: str | None = None
        #: the folder of mkdocs.yml (the engine's folders must lie inside it)
        self.config_dir = settings.root
        self.config_file = settings.root / "mkdocs.yml"
        #: what a preview server keeps between rebuilds (pages, snippets), if serving
        self.preview: RenderCache | None = None
        self._pictures: dict[tuple[str, str], Any] = {}
        self._page_meta: dict[str, PageMeta] = {}
        #: what each hub object a page shows is, for the page fingerprints of this build
        self._described: dict[Any, Any] = {}

    # -- construction: options checked once, with positions ----------------------------------

    @classmethod
    def from_options(
        cls,
        raw: dict[str, Any] | None,
        *,
        config_file: Path,
        site_name: str | None = None,
        site_url: str | None = None,
        language: str | None = None,
        overrides: Path | None = None,
        serving: bool = False,
        as_of: datetime | None = None,
        positions: Positions | None = None,
        label: str | None = None,
    ) -> Pipeline:
        """A pipeline for the options of ``plugins: - storyhub:``; raise
        :class:`InvalidOptions` listing every problem, or :class:`ConfigError`."""
        label = label or config_file.name
        if positions is None and config_file.is_file():
            try:
                positions = read_mkdocs_yml(config_file).positions
            except ConfigError:
                positions = None
        positions = positions or Positions()
        diagnostics = Diagnostics()
        options = parse_options(raw, label=label, positions=positions, diagnostics=diagnostics)
        if options is None:
            raise InvalidOptions(diagnostics.errors)
        settings = hub_settings(
            config_file.resolve().parent, options, site_name=site_name, site_url=site_url,
            language=language, overrides=overrides, serving=serving, as_of=as_of,
        )
        check_option_files(options, settings.root, label=label, positions=positions,
                           diagnostics=diagnostics)
        check_languages(options, settings.language, label=label, positions=positions,
                        diagnostics=diagnostics)
        if diagnostics.errors:
            raise InvalidOptions(diagnostics.errors)
        pipeline = cls(settings)
        pipeline.config_dir = config_file.resolve().parent
        pipeline.config_file = config_file.resolve()
        return pipeline

    @classmethod
    def from_config_file(cls, config_file: Path, *, as_of: datetime | None = None,
                         serving: bool = False) -> Pipeline:
        """A pipeline for a hub's ``mkdocs.yml``, read without MkDocs (the command line)."""
        config = read_mkdocs_yml(config_file)
        if config.duplicates:
            line, col = config.duplicates[0]
            raise InvalidOptions([Diagnostic(
                config.label, line, col, "the storyhub plugin is listed twice under "
                "'plugins:'; keep one entry (with all its options)", code="config")])
        theme_language = config.theme("language")
        return cls.from_options(
            config.options, config_file=config_file, site_name=config.raw.get("site_name"),
            site_url=config.raw.get("site_url"),
            language=str(theme_language) if theme_language else None,
            overrides=config.custom_dir, serving=serving, as_of=as_of,
            positions=config.positions, label=config.label,
        )

    def refuse_site_links(self, docs_dir: Path, custom_dir: Path | None) -> None:
        """The engine's own folders (pages, theme overrides) must lie inside the hub and hold
        no symbolic link: an engine that follows links would publish files from elsewhere
        (``/proc/self/environ``: the CI job's secrets). Raise :class:`ConfigError`."""
        root = self.config_dir
        problems: list[str] = []
        for name, folder in (("docs_dir", docs_dir), ("theme.custom_dir", custom_dir)):
            if folder is None:
                continue
            if not folder.resolve().is_relative_to(root):
                problems.append(f"mkdocs.yml:1:1: '{name}' ({folder}) is outside the folder of "
                                "mkdocs.yml: MkDocs would publish files from elsewhere")
                continue
            problems += links_in(folder, folder.resolve().relative_to(root).as_posix())
        if problems:
            raise ConfigError(
                f"storyhub found {len(problems)} symbolic link(s) that MkDocs would follow; "
                "nothing was built:\n" + "\n".join(problems))

    def reuse_for(self, settings: HubSettings) -> Pipeline | None:
        """This pipeline, if it was made for the same settings (its moment kept), else None:
        a command that checked the hub hands its work to the engine's build."""
        return self if dataclasses.replace(settings, now=self.settings.now) == self.settings \
            else None

    # -- 1. check ------------------------------------------------------------------------------

    def check(self) -> Diagnostics:
        """Read every file, validate, link: every problem of the hub in one pass."""
        if self._hub is None:
            memo = self.preview.documents if self.preview is not None else None
            content: Content = load_content(self.settings.root, self.settings.options.publish,
                                            documents=memo)
            if memo is not None:
                from storyhub.pipeline.renders import trim

                trim(memo, len(content.files))
            from storyhub.media.images import check_media

            check_media(content)
            hub = build_hub(content, self.settings, self.translator)
            check_social(hub)
            self._hub = hub
        return self._hub.diagnostics

    @property
    def hub(self) -> Hub:
        self.check()
        assert self._hub is not None
        return self._hub

    @property
    def diagnostics(self) -> Diagnostics:
        return self.check()

    def require_valid(self) -> None:
        """Raise :class:`ContentErrors` when the content has any error."""
        errors = self.check().errors
        if errors:
            raise ContentErrors(errors)

    def notes(self, *, departures: bool = False) -> list[str]:
        """What is kept off the site and why (no names of unconsented people)."""
        notes = hidden_story_notes(self.hub)
        return [*notes, *departure_report(self.hub)] if departures else notes

    @staticmethod
    def log_level(diagnostic: Diagnostic) -> LogLevel:
        """How loudly an engine reports a warning: advice is information, the rest warns
        (and so fails ``mkdocs build --strict``)."""
        if diagnostic.severity is Severity.WARNING and diagnostic.code == "advice":
            return "info"
        return "warning"

    def messages(self) -> Iterator[tuple[LogLevel, str]]:
        """Warnings and notes to log during a build, with their level (errors are raised)."""
        for item in self.diagnostics:
            if item.severity is Severity.WARNING:
                yield self.log_level(item), item.format()
        for note in self.notes():
            yield "info", note
        if self.social is not None and self.social.needs_site_url and not self.settings.site_url:
            yield "warning", NO_SITE_URL

    # -- 2. plan -------------------------------------------------------------------------------

    @property
    def plan(self) -> SitePlan:
        if self._plan is None:
            from storyhub.site.plan import plan_site

            self.require_valid()
            self._plan = plan_site(self.hub)
        return self._plan

    @property
    def view(self) -> SiteView:
        if self._view is None:
            from storyhub.site.plan import asset_urls
            from storyhub.site.view import SiteView

            self._view = SiteView(self.hub, self.hub.translator, asset_urls(self.plan.assets),
                                  tags=self.plan.tags, share=self.share_links(),
                                  images=self.responsive_images())
        return self._view

    def share_links(self) -> Mapping[str, list[tuple[str, str]]]:
        """Per story, (network name, share-intent URL) from its composed snippets (the first
        variant per network; made when a page asks); without snippets, intents with the
        title and the address."""
        from storyhub.pipeline.social import ShareLinks, cached_share_links
        from storyhub.social.links import share_intent
        from storyhub.social.rules import RULES
        from storyhub.text.urls import absolute

        snippets = self.social.snippets if self.social is not None else None
        if snippets is not None:
            return ShareLinks(snippets)
        cached = self.social.cached_exports if self.social is not None else None
        if cached is not None:
            # the previous build's exports, identical inputs: the same posts, not composed again
            stored = cached_share_links(cached)
            if stored is not None:
                return stored
        links: dict[str, list[tuple[str, str]]] = {}
        for story in self.hub.stories:
            url = absolute(self.settings.site_url, story.url)
            found = [(RULES[n].name, share_intent(RULES[n], f"{story.title} {url}", url))
                     for n in ("linkedin", "x", "bluesky", "facebook")]
            links[story.id] = [(name, intent) for name, intent in found if intent]
        return links

    def responsive_images(self) -> dict[tuple[str, str], Any]:
        """Responsive versions of photos and story images, made by :meth:`asset_files`."""
        return self._pictures

    # -- story pages: pull quotes ---------------------------------------------------------

    def page_markdown(self, src_uri: str, markdown: str) -> str:
        """A page's Markdown before rendering: a story's pull quotes become markers."""
        page = self.page(src_uri)
        if page is None or page.kind != "story":
            return markdown
        from storyhub.site.quotes import mark_pull_quotes

        return mark_pull_quotes(markdown)

    def page_html(self, src_uri: str, html: str) -> str:
        """A page's sanitised HTML: a story's pull-quote markers become figures."""
        page = self.page(src_uri)
        if page is None or page.kind != "story":
            return html
        from storyhub.site.quotes import render_pull_quotes

        return render_pull_quotes(html, page.markdown, self.view, page.url)

    def nav_order(self, src_uri: str) -> int:
        """Rank of a top-level navigation entry: home, stories, values, people, teams, tags."""
        return NAV_ORDER.index(src_uri) if src_uri in NAV_ORDER else len(NAV_ORDER)

    def in_nav(self, src_uri: str) -> bool:
        """False for the home pages of further languages (/en/): reached from the home page's
        language links, not from the navigation."""
        page = self.plan.by_src.get(src_uri)
        return page is None or not (page.kind == "home" and page.url)

    def nav_titles(self, src_uri: str) -> dict[str, str]:
        """The navigation's section titles in the language of the page ``src_uri``."""
        from storyhub.site.plan import section_titles

        page = self.plan.by_src.get(src_uri)
        return section_titles(self.translator.in_language(page.language if page else None))

    def section_index(self, src_uri: str) -> bool:
        """True for a listing's first page, which stands for its section in the nav."""
        page = self.plan.by_src.get(src_uri)
        return page is not None and page.kind in SECTION_INDEXES and page.number == 1

    def asset_files(self) -> Iterator[PlannedFile]:
        """Photos and story images re-encoded from pixels (no EXIF, GPS, XMP or comments
        reach the site), other story files as they are. Raises :class:`ContentErrors` for an
        image that cannot be decoded."""
        cache = cache_dir(self.settings.root, "images")
        for asset in self.plan.assets:
            planned = self._planned(asset, cache)
            yield planned
            if planned.data is not None and asset.kind in ("photo", "story-image"):
                yield from self._responsive(asset, planned.data, cache)

    def _responsive(self, asset: Asset, data: bytes, cache: Path) -> Iterator[PlannedFile]:
        """Smaller WebP and JPEG versions of a published image, for ``srcset``."""
        from storyhub.media.images import responsive_variants

        variants = responsive_variants(data, asset.kind, cache=cache)
        if not variants:
            return
        stem = asset.dest.rsplit(".", 1)[0]
        files: dict[str, list[PictureFile]] = {"WEBP": [], "JPEG": []}
        for variant in variants:
            dest = f"{stem}-{variant.width}w{variant.suffix}"
            files[variant.format].append(PictureFile(url_path(dest), variant.width))
            yield PlannedFile(dest, data=variant.data)
        largest = variants[-1]
        self._pictures[(asset.kind, asset.owner)] = Picture(
            tuple(files["WEBP"]), tuple(files["JPEG"]), largest.width, largest.height)

    def _planned(self, asset: Asset, cache: Path) -> PlannedFile:
        from storyhub.media.images import IMAGE_SUFFIXES, ImageProblem, clean_image_bytes

        if asset.src.suffix.lower() not in IMAGE_SUFFIXES:
            return PlannedFile(asset.dest, src=asset.src)
        try:
            return PlannedFile(asset.dest, data=clean_image_bytes(asset.src, asset.kind,
                                                                  cache=cache))
        except ImageProblem as exc:
            raise ContentErrors([Diagnostic(_rel(asset.src, self.settings.root), 1, 1,
                                            str(exc), code="image")]) from None

    def theme_files(self, files: dict[str, Path]) -> tuple[set[str], set[str]]:
        """Decide about the files the engine copies from its theme folders (site path ->
        source). Returns ``(drop, trusted)``: storyhub's own templates (post texts under
        ``storyhub/``) are sources, never published; files from an installed theme package
        (not the hub's ``overrides/``) cannot hold hub content, so the leak scan reads only
        their names."""
        overrides = self.settings.overrides.resolve() if self.settings.overrides else None
        drop: set[str] = set()
        trusted: set[str] = set()
        for dest, src in files.items():
            if dest.startswith("storyhub/"):
                drop.add(dest)
            elif overrides is None or not src.resolve().is_relative_to(overrides):
                trusted.add(dest)
        self._trusted = trusted
        return drop, trusted

    # -- 3. per-page data ------------------------------------------------------------------

    def page(self, src_uri: str) -> SitePage | None:
        return self.plan.by_src.get(src_uri)

    def page_meta(self, page: SitePage | None) -> PageMeta | None:
        """Open Graph / Twitter / JSON-LD data for story and person pages (made once per page
        and build: a preview server's fingerprint asks for it before the template does)."""
        if page is None or page.kind not in ("story", "person"):
            return None
        if page.src_uri not in self._page_meta:
            self._page_meta[page.src_uri] = self._make_page_meta(page)
        return self._page_meta[page.src_uri]

    def _make_page_meta(self, page: SitePage) -> PageMeta:
        from storyhub.site.meta import add_translations, person_meta, story_meta

        hub, view = self.hub, self.view
        if page.kind == "person":
            return person_meta(hub, page.subject, view.photo_url(page.subject))
        story = page.subject
        cards = self.social.cards if self.social is not None else None
        meta = story_meta(hub, story, cards.stories.get(story.id) if cards else None,
                          view.image_url(story), story.image_alt)
        add_translations(meta, hub, story)
        return meta

    def global_key(self, config_file: Path | None = None, docs_dir: Path | None = None) -> str:
        """A hash of what every page is rendered with: options, site settings, "now",
        templates (overrides first), words, mkdocs.yml, the site's own pages, the page list."""
        if self._global_key is None:
            from storyhub.pipeline.renders import hash_files
            from storyhub.text.jinja import search_path

            hasher = hashlib.sha256()
            settings = self.settings
            hasher.update(json.dumps([
                settings.options.model_dump(mode="json"), settings.site_name,
                settings.site_url, settings.language, settings.now.date().isoformat(),
                settings.show_drafts, storyhub.__version__,
                # the page list (a page added or removed changes listings and navigation);
                # titles only of the pages the navigation names
                [(p.src_uri, p.kind, p.title if p.kind not in SUBJECT_KINDS else "")
                 for p in self.plan.pages],
                # what listings offer to filter by (chips on every listing page)
                repr(self.view.filters()),
            ], sort_keys=True, default=str).encode("utf-8"))
            folders = [Path(f) for f in search_path(settings.overrides)]
            hash_files([*folders, CATALOGUE_DIR, *(p for p in (config_file, docs_dir) if p)],
                       hasher)
            self._global_key = hasher.hexdigest()
        return self._global_key

    def cached_output(self, src_uri: str, markdown: str, cache: RenderCache, *,
                      config_file: Path | None = None, docs_dir: Path | None = None
                      ) -> tuple[str | None, str | None]:
        """``(fingerprint, previous output)`` of a storyhub page: the output when nothing it
        is rendered from changed since ``cache`` stored it, else None (render it)."""
        page = self.page(src_uri)
        if page is None:
            return None, None
        from storyhub.site.dependencies import fingerprint

        extra = [repr(self.page_meta(page)), repr(self.feed_links(page))]
        mark = fingerprint(self.view, page, markdown, extra,
                           self.global_key(config_file, docs_dir), self._described)
        return mark, cache.get(src_uri, mark)

    @property
    def feeds(self) -> dict[tuple[str, str], Feed]:
        """The hub's feeds by (kind, id): the hub's ("hub", ""), each value's, person's and
        team's with at least one story (none without ``site_url``)."""
        if self._feeds is None:
            from storyhub.site.feeds import plan_feeds

            self._feeds = {(f.kind, f.key): f for f in plan_feeds(self.hub, self.translator)}
        return self._feeds

    def feed_links(self, page: SitePage | None) -> list[FeedLink]:
        """The feeds a page points at (``<link rel="alternate">`` and visible links)."""
        if page is None or not self.settings.site_url:
            return []
        from storyhub.site.feeds import feed_links

        # Labels in the page's language (a home page in another language).
        site_url, t = self.settings.site_url, self.translator.in_language(page.language)
        if page.kind in ("home", "stories"):
            # The hub's feed, then each language's (labels name the language).
            return [link for (kind, _), feed in self.feeds.items() if kind in ("hub", "language")
                    for link in feed_links(feed, site_url, t, named=kind == "language")]
        if page.kind == "language":
            key = ("language", str(page.subject))
        elif page.kind in ("value", "person", "team"):
            key = (page.kind, page.subject.id)
        else:
            return []
        feed = self.feeds.get(key)
        return feed_links(feed, site_url, t) if feed else []

    def context(self, src_uri: str | None) -> dict[str, Any]:
        """The storyhub names a page's template gets (see :mod:`storyhub.site.view`); with
        ``None``, the names every template gets (no page: ``entry`` and subjects empty)."""
        from storyhub.site.view import template_context

        page = self.page(src_uri) if src_uri is not None else None
        return template_context(self.view, page, self.page_meta(page), self.feed_links(page))

    def share_image(self, story: Any) -> str | None:
        """A story's share image (site-relative): its card, else its own image."""
        cards = self.social.cards if self.social is not None else None
        if cards is not None and story.id in cards.stories:
            return str(cards.stories[story.id].og.path)
        return self.view.image_url(story)

    # -- 4. outputs beside the pages -----------------------------------------------------------

    def prepare_outputs(self, *, reuse_exports: bool = True,
                        out_dir: Path | None = None) -> Social:
        """Plan share images and compose snippets (nothing drawn yet). ``out_dir``: the
        folder the snippets will be written to, if not the site's (its ``calendar.json``,
        if any, is the previous plan: see :mod:`storyhub.social.previous`)."""
        from storyhub.pipeline.social import prepare_social
        from storyhub.social.previous import find_previous, site_calendar

        self.require_valid()
        if self.social is not None:
            self.social.cancel()
        calendar = self.settings.options.calendar
        previous = None
        if calendar.enabled and self.settings.snippets.enabled and not self.settings.serving:
            candidates = [out_dir / "calendar.json"] if out_dir is not None else []
            candidates.append(site_calendar(self.config_file,
                                            self.settings.snippets.folder))
            previous = find_previous(calendar.previous, root=self.settings.root,
                                     candidates=candidates)
        self.social = prepare_social(self.hub, reuse_exports=reuse_exports,
                                     memo=self.preview.snippets if self.preview else None,
                                     previous=previous, photo=self._story_photo)
        return self.social

    def _story_photo(self, story: Any) -> str | None:
        """A story's photo as its page publishes it (site-relative), for its posts when
        there are no share cards."""
        return self.view.image_url(story)

    def start_drawing(self) -> None:
        """Draw share images in worker processes while the engine renders pages."""
        if self.social is not None:
            self.social.start_drawing()

    def cancel(self) -> None:
        if self.social is not None:
            self.social.cancel()

    def finish(self, site_dir: Path, *, snippets_dir: Path | None = None,
               report: bool | None = None) -> list[Path]:
        """Write what is not a page: share images, the snippets page and its exports, the
        feeds (a site build only) and the hub report page. They are in no navigation,
        sitemap or search index."""
        from storyhub.pipeline.social import write_social
        from storyhub.site import sitemap
        from storyhub.site.feeds import write_feeds
        from storyhub.site.meta import story_alternates
        from storyhub.text.urls import absolute

        written: list[Path] = []
        if self.social is not None:
            written += write_social(self.social, self.hub, site_dir, snippets_dir=snippets_dir,
                                    memo=self.preview.exports if self.preview else None)
        if snippets_dir is None:
            written += write_feeds(self.hub, list(self.feeds.values()), site_dir,
                                   self.share_image)
        alternates = {absolute(self.settings.site_url or "", s.url): story_alternates(self.hub, s)
                      for s in self.hub.stories if s.id in self.hub.translations}
        homes = self.view.home_alternates()  # a site in several languages: a home per language
        alternates.update({url: homes for code, url in homes if code != "x-default"})
        if sitemap.rewrite(site_dir, alternates):
            written.append(site_dir / "sitemap.xml")
        if self.settings.options.report if report is None else report:
            from storyhub.site.report_page import write_page
            from storyhub.social.calendar import plan_figures

            calendar = self.social.calendar if self.social is not None else None
            written.append(write_page(self.hub, site_dir, overrides=self.settings.overrides,
                                      plan=plan_figures(calendar) if calendar else None))
        return written

    # -- the web editor at /admin/ and the preview error page ----------------------------------

    @property
    def broken_preview(self) -> bool:
        """A preview server with content errors: it shows them instead of the site."""
        return self.settings.serving and bool(self.diagnostics.errors)

    def editor_files(self, *, config_dir: Path, repo_url: str | None) -> list[PlannedFile]:
        """The admin page, its generated configuration and script (not the bundle, which
        :meth:`finish_editor` copies after the leak scan). None when the editor is off."""
        options = self.settings.options.editor
        if not options.enabled:
            return []
        from storyhub.editor.site import admin_files, editor_settings

        hub = self._hub
        settings = editor_settings(
            language=self.settings.language, repo_url=repo_url,
            site_url=self.settings.site_url, config_dir=config_dir,
            content_root=self.settings.root, options=options, serving=self.settings.serving,
            values=list(hub.values.values()) if hub is not None else [],
        )
        return [PlannedFile(item.uri, data=None if item.content is None
                            else item.content.encode("utf-8"), src=item.src)
                for item in admin_files(settings, self.settings.site_name)]

    def finish_editor(self, site_dir: Path, *, kept: KeptSite | None = None) -> list[Path]:
        """The pinned editor bundle: npm's checksummed bytes, copied after the leak scan.
        A preview server keeps (``kept``) the copy of its previous build if it is intact."""
        from storyhub.editor.site import ADMIN_DIR, VENDOR, copy_vendor, vendor_manifest

        if not self.settings.options.editor.enabled:
            return []
        if kept is not None:
            target = site_dir / ADMIN_DIR / "decap-cms"
            pairs = [(str(VENDOR / n), str(target / n)) for n in vendor_manifest()["files"]]
            if all(kept.unchanged_copy(src, dest) for src, dest in pairs):
                return []
        return copy_vendor(site_dir)

    def write_preview_error(self, site_dir: Path, *, mount: str = "/") -> None:
        """The page a broken preview shows at every address: every problem, exactly."""
        from storyhub.editor.site import write_preview_error

        write_preview_error(site_dir, [d.format() for d in self.diagnostics.errors],
                            self.settings.language, mount=mount)

    # -- 5. nothing unpublished ----------------------------------------------------------------

    def scan(self, site_dir: Path, docs_dir: Path | None = None) -> list[Leak]:
        """Traces of unpublished content anywhere in ``site_dir``. The site's own pages in
        ``docs_dir`` are public texts: words they share with hidden stories are not traces."""
        from storyhub.pipeline.leaks import scan_site, secrets_of

        return scan_site(site_dir, secrets_of(self.hub, list(public_texts(docs_dir))),
                         trusted=self._trusted)

    def require_safe(self, site_dir: Path, docs_dir: Path | None = None) -> None:
        """Raise :class:`UnsafeOutput` if the output holds traces of unpublished content.

        A local preview (``mkdocs serve``) is not scanned: it is never deployed, and the
        scan would cost more than the rest of a rebuild of a small hub. ``mkdocs build``
        and ``storyhub build`` always scan."""
        if self.settings.serving:
            return
        leaks = self.scan(site_dir, docs_dir)
        if leaks:
            raise UnsafeOutput(leaks)


def public_texts(docs_dir: Path | None) -> Iterable[str]:
    """The Markdown pages of ``docs_dir``, the site's own public text."""
    if docs_dir is None or not docs_dir.is_dir():
        return []
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(docs_dir.rglob("*.md"))]


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
