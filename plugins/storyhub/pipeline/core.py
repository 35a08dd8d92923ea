"""One build of a hub, engine-independent: check → plan → per-page data → finish → leak scan.

The MkDocs adapter calls these steps from its event handlers; ``storyhub check``,
``snippets``, ``report`` and ``build`` call the same steps, so a hub gives the same
diagnostics, pages and exports whichever way it is built::

    pipeline = Pipeline.from_config_file(Path("mkdocs.yml"))   # or Pipeline.from_options(...)
    pipeline.check()                  # read, validate, link: every problem, one pass
    pipeline.plan                     # the pages and files the site will have
    pipeline.prepare_outputs()        # plan share images, ready the snippets' composer
    pipeline.asset_files()            # story images and photos, re-encoded without metadata
    pipeline.context(src_uri)         # what a page's template gets
    pipeline.finish(site_dir)         # every output of the registry (storyhub.outputs)
    pipeline.scan(site_dir, texts)    # nothing unpublished anywhere in the output
"""

from __future__ import annotations

import dataclasses
import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from storyhub.content.files import links_in
from storyhub.content.load import PEOPLE_DIR, STORIES_DIR, Content, load_content
from storyhub.diagnostics.core import Diagnostic, Diagnostics, Severity
from storyhub.hub.graph import Hub, build_hub
from storyhub.hub.privacy import departure_report, hidden_story_notes
from storyhub.i18n import Translator
from storyhub.options.read import (
    ConfigError,
    Positions,
    UnsafeConfig,
    check_content_dir,
    check_languages,
    check_option_files,
    listed,
    parse_options,
    read_mkdocs_yml,
)
from storyhub.options.settings import HubSettings, cache_dir, hub_settings
from storyhub.pipeline.preview import PagesRead
from storyhub.social import NO_SITE_URL, check_social
from storyhub.text.migrations import template_problems
from storyhub.text.urls import url_path

# What only a build needs (pages, images, snippets, feeds, the leak scan, the editor) is
# imported where it is used: `storyhub check` reads, validates and links, and does not pay
# for Pillow, Jinja and the output modules at start-up.
if TYPE_CHECKING:
    from storyhub.media.images import ImageMemo
    from storyhub.outputs.base import Command
    from storyhub.outputs.social import Social
    from storyhub.pipeline.leaks import Leak
    from storyhub.pipeline.renders import KeptSite, RenderCache
    from storyhub.site.feeds import Feed, FeedLink
    from storyhub.site.frame import Frame
    from storyhub.site.meta import PageMeta
    from storyhub.site.plan import Asset, SitePage, SitePlan
    from storyhub.site.view import SiteView

LogLevel = Literal["info", "warning"]
#: Pages whose HTML comes from text staff wrote: sanitised before anything else reads it.
SANITISED_KINDS = ("story", "person", "value")


class InvalidOptions(ConfigError):
    """The options (or the environment) are wrong; ``diagnostics`` says where and how."""

    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__(listed(diagnostics), diagnostics)


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
        self._valid = False  # the check passed without an error
        self._view: SiteView | None = None
        self._frame: Frame | None = None
        self._feeds: dict[tuple[str, str], Feed] | None = None
        self.social: Social | None = None
        self._trusted: set[str] = set()
        #: the folder of mkdocs.yml (the engine's folders must lie inside it)
        self.config_dir = settings.root
        self.config_file = settings.root / "mkdocs.yml"
        #: what a preview server keeps between rebuilds (pages, snippets), if serving
        self.preview: RenderCache | None = None
        self._pictures: dict[tuple[str, str], Any] = {}
        self._page_meta: dict[str, PageMeta] = {}
        #: a preview's pages: what each page read, and which pages are still true
        self.pages_read = PagesRead(self)
        #: the output folders the leak scan read and passed (``storyhub build`` stops when
        #: the folder it built is not among them: the engine ran without storyhub)
        self.scanned: list[Path] = []
        #: mkdocs.yml as the options were read from it (for messages about options)
        self.label = "mkdocs.yml"
        self.positions = Positions()
        #: the engine's pages (``docs/``): their addresses are planned with storyhub's
        self.docs_dir: Path | None = None
        #: mkdocs.yml's ``copyright``, the footer's line (HTML, sanitised in every page)
        self.copyright: str | None = None
        #: the engine's own options (mkdocs.yml as written, or the engine's configuration)
        self.engine: Mapping[str, Any] = {}

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
        docs_dir: str | None = None,
        copyright: str | None = None,
        engine: Mapping[str, Any] | None = None,
    ) -> Pipeline:
        """A pipeline for the options of ``plugins: - storyhub:``; raise
        :class:`InvalidOptions` listing every problem, or :class:`ConfigError`.
        ``positions``, ``label``, ``docs_dir``: from mkdocs.yml, when already read;
        ``copyright``: its footer line (HTML, checked with the content); ``engine``: the
        engine's own options (the engine's configuration, else mkdocs.yml as written),
        checked (:mod:`storyhub.options.engine_config`)."""
        from storyhub.options.engine_config import engine_config_problems

        label = label or config_file.name
        docs: Any = docs_dir
        written: Mapping[str, Any] | None = None
        if (positions is None or docs is None or engine is None) and config_file.is_file():
            try:  # read once, for all
                read = read_mkdocs_yml(config_file)
                positions = read.positions if positions is None else positions
                docs = read.raw.get("docs_dir") if docs is None else docs
                written = read.raw
            except UnsafeConfig:
                raise
            except ConfigError:
                pass  # (what the engine could read, as it reads it: reported by the engine)
        positions = positions or Positions()
        engine = engine if engine is not None else written or {}
        diagnostics = Diagnostics()
        engine_config_problems(engine, label=label, positions=positions,
                               diagnostics=diagnostics, written=written)
        parent = _inherited(config_file, written if written is not None else engine)
        if parent is not None:  # properdocs.yml's INHERIT: mkdocs.yml, checked where written
            inherited = read_mkdocs_yml(parent)  # (its !!python tags refused too)
            engine_config_problems(inherited.raw, label=inherited.label,
                                   positions=inherited.positions, diagnostics=diagnostics)
        options = parse_options(raw, label=label, positions=positions, diagnostics=diagnostics)
        if options is None:
            raise InvalidOptions(diagnostics.errors)
        settings = hub_settings(
            config_file.resolve().parent, options, site_name=site_name, site_url=site_url,
            language=language, overrides=overrides, serving=serving, as_of=as_of,
        )
        check_content_dir(options, config_file.resolve().parent, label=label,
                          positions=positions, diagnostics=diagnostics)
        check_option_files(options, settings.root, label=label, positions=positions,
                           diagnostics=diagnostics)
        check_languages(options, settings.language, label=label, positions=positions,
                        diagnostics=diagnostics)
        if diagnostics.errors:
            raise InvalidOptions(diagnostics.errors)
        pipeline = cls(settings)
        pipeline.config_dir = config_file.resolve().parent
        pipeline.label, pipeline.positions = label, positions
        pipeline.docs_dir = pipeline.config_dir / str(docs or "docs")
        pipeline.config_file = config_file.resolve()
        pipeline.copyright = copyright if isinstance(copyright, str) else None
        pipeline.engine = engine
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
            docs_dir=str(config.raw.get("docs_dir") or "docs"),
            copyright=config.raw.get("copyright"), engine=config.raw,
        )

    def refuse_site_links(self, docs_dir: Path, custom_dir: Path | None) -> None:
        """The engine's own folders (pages, theme overrides) must lie inside the hub and hold
        no symbolic link: an engine that follows links would publish files from elsewhere
        (``/proc/self/environ``: the CI job's secrets). Raise :class:`ConfigError`."""
        root = self.config_dir
        problems: list[Diagnostic] = []
        for name, folder in (("docs_dir", docs_dir), ("theme.custom_dir", custom_dir)):
            if folder is None:
                continue
            if not folder.resolve().is_relative_to(root):
                line, col = self.positions.in_file(tuple(name.split(".")))
                problems.append(Diagnostic(
                    self.label, line, col, f"'{name}' ({folder}) is outside the folder of "
                    f"{self.label}: MkDocs would publish files from elsewhere", code="config"))
                continue
            content = [self.settings.root / STORIES_DIR, self.settings.root / PEOPLE_DIR]
            if any(folder.resolve().is_relative_to(c.resolve())
                   or c.resolve().is_relative_to(folder.resolve()) for c in content):
                line, col = self.positions.in_file(tuple(name.split(".")))
                problems.append(Diagnostic(
                    self.label, line, col, f"'{name}' ({folder}) holds the stories or the "
                    "profiles: MkDocs would publish each of their files as it is (drafts, "
                    "people who may not be named); give it a folder of its own, such as docs",
                    code="config"))
                continue
            problems += links_in(folder, folder.resolve().relative_to(root).as_posix())
        if problems:
            raise ConfigError(listed(problems, "in the folders MkDocs publishes (symbolic "
                                     "links, a folder outside the hub or of its content)"),
                              problems)

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

            images = self.preview.images if self.preview is not None else None
            if images is not None:
                images.next_build()  # what this build does not use is dropped at the next
            check_media(content, images)
            if any(story.source.media for story in content.stories):
                from storyhub.media.av import check_av

                check_av(content)
                _check_transcripts(content)
            hub = build_hub(content, self.settings, self.translator)
            check_social(hub)
            self._check_footer(hub.diagnostics)
            docs_files = _docs_files(self.docs_dir)
            docs_texts = self._docs_texts(docs_files)
            self._check_docs_text(docs_texts, hub.diagnostics)
            self._check_pointers(hub, docs_texts)
            for path, line, col, message in template_problems(self.settings.overrides):
                hub.diagnostics.error(_rel(path, self.settings.root), line, col, message,
                                      code="renamed")
            self._hub = hub
            if not hub.diagnostics.errors:
                self._check_addresses(hub, docs_files)
        return self._hub.diagnostics

    def audit_markup(self) -> None:
        """Warn, at its line, about everything the build's sanitiser will remove from the
        stories, profiles and values (rendered as the engine renders them): what a strict
        build stops on, ``storyhub check`` says first. Only the texts that could hold such
        markup are rendered; nothing is when the engine's extensions cannot load here."""
        from storyhub.site.markup_audit import Audit
        from storyhub.site.sanitize import removal_message

        if self._hub is None:
            return
        audit = Audit(self.engine)
        content = self._hub.content
        texts: list[tuple[str, int, str]] = [
            (doc.source.path, doc.source.body_line, text)
            for doc, text in [*((s, s.body) for s in content.stories),
                              *((p, p.bio) for p in content.people)] if text]
        for value in content.values:
            worded: list[tuple[tuple[str, ...], str]] = [(("description",), value.description)]
            worded += [(("translations", lang, "description"), words.description)
                       for lang, words in value.translations.items() if words.description]
            texts += [(value.source.path, value.source.value_pos(*where)[0], text)
                      for where, text in worded]
        for path, first_line, text in texts:
            for line, what in audit.removals(text):
                self._hub.diagnostics.warning(path, first_line + line, 1,
                                              removal_message(what), code="removed-markup")

    def _check_footer(self, diagnostics: Diagnostics) -> None:
        """Markup the frame removes from the footer (mkdocs.yml's ``copyright``, the
        ``frame.footer`` option): a warning at its line, as for a story's."""
        from storyhub.site.frame import footer_problems

        for where, message in footer_problems(self.settings, self.copyright):
            line, col = (self.positions.in_file(where) if len(where) == 1
                         else self.positions.of(where))
            diagnostics.warning(self.label, line, col, message, code="removed-markup")

    def _docs_texts(self, docs_files: list[str]) -> list[tuple[str, str]]:
        """(path as messages show it, text) of each text file of the site's own pages
        (``docs_files``, relative to :attr:`docs_dir`); a symbolic link is not read (it could
        point out of the hub; the build refuses it: :meth:`refuse_site_links`)."""
        texts: list[tuple[str, str]] = []
        if self.docs_dir is None:  # (then there are no docs_files either)
            return texts
        shown = _rel(self.docs_dir, self.config_dir)
        for relative in docs_files:
            if not relative.endswith((".md", ".html", ".txt", ".xml", ".json", ".csv")):
                continue
            path = self.docs_dir / relative
            if path.is_symlink():
                continue
            try:
                text = path.read_text(
                    encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
            except (OSError, UnicodeDecodeError):
                continue
            texts.append((f"{shown}/{relative}", text))
        return texts

    def _check_docs_text(self, texts: list[tuple[str, str]], diagnostics: Diagnostics
                         ) -> None:
        """The site's own pages in ``docs/`` carry no control character either (a pull
        request can add one): the same refusal as for stories, with the line."""
        from storyhub.text.controls import control_message, find_control, position

        for path, text in texts:
            found = find_control(text)
            if found is not None:
                line, col = position(text, found)
                diagnostics.error(path, line + 1, col, control_message(text[found]),
                                  code="control-character")

    def _check_pointers(self, hub: Hub, texts: list[tuple[str, str]]) -> None:
        """An error at its line wherever a file the site publishes links to a story or
        profile that is not published, or names a person who may not be named: what the
        leak scan would refuse the built site for (:mod:`storyhub.pipeline.mentions`)."""
        from storyhub.pipeline.mentions import find_pointers

        memo = self.preview.pointers if self.preview is not None else None
        for found in find_pointers(hub, texts, memo):
            hub.diagnostics.error(found.path, found.line, found.col, found.message(),
                                  code="unpublished-mention")

    def _check_addresses(self, hub: Hub, docs_files: list[str]) -> None:
        """Plan every output address before anything is written (one place:
        :func:`storyhub.site.plan.claim_addresses`); each collision, each name too long for
        the file system and each tag without an address is an error with its line."""
        from storyhub.site.addresses import Claim
        from storyhub.site.plan import (
            ConfigPlace,
            claim_addresses,
            plan_site,
            tags_without_address,
        )

        def made_by(claim: Claim) -> str:
            return "made by storyhub" if claim.source == "storyhub" else claim.where

        diagnostics = hub.diagnostics
        for story, index, name in tags_without_address(hub):
            line, col = story.source.value_pos("tags", index)
            diagnostics.error(story.source.path, line, col,
                              f"the tag '{name}' has no letter or digit, so no page address: "
                              "write it with words", field="tags", code="address")
        options = self.settings.options
        snippets = None
        if options.snippets.enabled:
            line, col = self.positions.of(("snippets", "folder"))
            snippets = ConfigPlace(self.label, line, col)
        self._plan = plan_site(hub)
        book = claim_addresses(
            hub, self._plan, docs_files=docs_files, snippets=snippets,
            editor=options.editor.enabled, report=options.report, feeds=options.feeds.enabled)
        for collision in book.collisions:
            first, second = collision.first, collision.second
            diagnostics.error(
                second.source, second.line, second.col,
                f"{second.what} would be written to {collision.address}, the address of "
                f"{first.what} ({made_by(first)}): rename one of them", code="address")
        for too_long in book.too_long:
            claim = too_long.claim
            diagnostics.error(
                claim.source, claim.line, claim.col,
                f"{claim.what}: the name '{too_long.name[:24]}…' would be "
                f"{len(too_long.name.encode('utf-8'))} bytes long; file systems take at most "
                "255: shorten the file name", code="name-too-long")

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
        if not self._valid:
            # the check plans the site (and its addresses) when it is valid; once it passed,
            # nothing adds an error (asked for every page: 16,000 times at 1,000 stories)
            self.require_valid()
            self._valid = True
        if self._plan is None:
            from storyhub.site.plan import plan_site

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

    @property
    def frame(self) -> Frame:
        """Navigation order and titles, and the words around each page, in its language."""
        if self._frame is None:
            from storyhub.site.frame import Frame

            self._frame = Frame(self.plan, self.settings, self.translator)
        return self._frame

    def share_links(self) -> Mapping[str, list[tuple[str, str]]]:
        """Per story, (network name, share-intent URL): of its first post per network (made
        when a page asks); without snippets, intents with the title and the address."""
        from storyhub.social.links import share_intent
        from storyhub.text.networks import NETWORKS
        from storyhub.text.urls import absolute

        found = self.social.share_links() if self.social is not None else None
        if found is not None:
            return found
        links: dict[str, list[tuple[str, str]]] = {}
        for story in self.hub.stories:
            url = absolute(self.settings.site_url, story.url)
            intents = [(n.name, share_intent(n, f"{story.title} {url}", url))
                       for n in NETWORKS.values() if n.page_share]
            links[story.id] = [(name, intent) for name, intent in intents if intent]
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

    def page_html(self, src_uri: str, html: str, *,
                  warn: Callable[[str], None] | None = None) -> str:
        """A page's HTML as it may be published: the HTML of a story, profile or value
        (written by staff) sanitised (``warn`` is told each removal, with its line), then a
        story's pull-quote markers made figures. Every engine's adapter hands each page's
        HTML here: sanitising is the core's, not an adapter's, decision."""
        page = self.page(src_uri)
        if page is None or page.kind not in SANITISED_KINDS:
            return html
        from storyhub.site.sanitize import sanitize_html

        source = getattr(page.subject, "source", None)
        first_line = getattr(source, "body_line", 1)
        if page.kind == "value" and source is not None:  # its description's line
            worded = ("translations", str(page.language), "description")
            first_line = source.value_pos(*(worded if worded in source.located.keys
                                            else ("description",)))[0]
        html = sanitize_html(
            html, source=getattr(source, "path", page.src_uri), warn=warn,
            markdown=page.markdown, first_line=first_line,
        )
        if page.kind != "story":
            return html
        from storyhub.site.quotes import render_pull_quotes

        view = self.pages_read.view_for(src_uri, self.view.in_language(page.language))
        return render_pull_quotes(html, page.markdown, view, page.url)

    def asset_files(self) -> Iterator[PlannedFile]:
        """Photos and story images re-encoded from pixels (no EXIF, GPS, XMP or comments
        reach the site), other story files as they are. Raises :class:`ContentErrors` for an
        image that cannot be decoded."""
        cache = cache_dir(self.settings.root, "images")
        memo = self.preview.images if self.preview is not None else None
        for asset in self.plan.assets:
            planned = self._planned(asset, cache, memo)
            yield planned
            if planned.data is not None and asset.kind in ("photo", "story-image"):
                yield from self._responsive(asset, planned.data, cache, memo)

    def _responsive(self, asset: Asset, data: bytes, cache: Path, memo: ImageMemo | None
                    ) -> Iterator[PlannedFile]:
        """Smaller WebP and JPEG versions of a published image, for ``srcset``."""
        from storyhub.media.images import responsive_variants

        variants = responsive_variants(data, asset.kind, cache=cache, memo=memo)
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

    def _planned(self, asset: Asset, cache: Path, memo: ImageMemo | None) -> PlannedFile:
        from storyhub.media.images import IMAGE_SUFFIXES, ImageProblem, clean_image_bytes

        if asset.src.suffix.lower() not in IMAGE_SUFFIXES:
            return PlannedFile(asset.dest, src=asset.src)
        try:
            return PlannedFile(asset.dest, data=clean_image_bytes(asset.src, asset.kind,
                                                                  cache=cache, memo=memo))
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

    def has_language_choice(self) -> bool:
        """Does the header offer a choice of language (the hub has stories or pages in more
        than one)? See ``partials/alternate.html``."""
        return bool(self.view.language_choices())

    def context(self, src_uri: str | None) -> dict[str, Any]:
        """The storyhub names a page's template gets (see :mod:`storyhub.site.view`); with
        ``None``, the names every template gets (no page: ``entry`` and subjects empty)."""
        from storyhub.site.view import template_context

        page = self.page(src_uri) if src_uri is not None else None
        context = template_context(self.view, page, self.page_meta(page), self.feed_links(page))
        context["storyhub"] = self.pages_read.view_for(src_uri, context["storyhub"])
        return context

    def share_image(self, story: Any) -> str | None:
        """A story's share image (site-relative): its card, else its own image."""
        cards = self.social.cards if self.social is not None else None
        if cards is not None and story.id in cards.stories:
            return str(cards.stories[story.id].og.path)
        return self.view.image_url(story)

    # -- 4. outputs beside the pages -----------------------------------------------------------

    def prepare_outputs(self, *, out_dir: Path | None = None) -> Social:
        """Plan share images and ready the snippets' composer (nothing drawn or composed).
        ``out_dir``: the folder the snippets will be written to, if not the site's (its
        ``calendar.json``, if any, is the previous plan: see :mod:`storyhub.social.previous`)."""
        from storyhub.outputs.social import prepare_social
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
        self.social = prepare_social(self.hub, memo=self.preview.snippets if self.preview else None,
                                     previous=previous, photo=self._story_photo)
        if self.preview is not None and self.social.cards is not None:
            self.social.cards.memo = self.preview.images  # the thumbnails of the share images
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
               command: Command | None = None,
               request: Mapping[str, Any] | None = None,
               kept: KeptSite | None = None) -> list[Path]:
        """Write what is not a page: every output of the registry (:mod:`storyhub.outputs`:
        share images, the snippets page and its exports, the feeds, the report page…) that
        ``command`` writes, in order: a site build by default; ``snippets_dir``: ``storyhub
        snippets --out`` (the page and exports into that folder); ``request``: what the
        command asked for; ``kept``: a preview server's kept output folder."""
        from storyhub.outputs import Target, write_outputs

        if command is None:
            command = "snippets" if snippets_dir is not None else "site"
        written = write_outputs(self, Target(site_dir, command, snippets_dir, kept=kept,
                                             request=request or {}))
        if command == "site" and self.preview is None and self.social is not None:
            self.social.release_posts()  # (a preview keeps them for its next rebuild)
        return written

    @property
    def export_memo(self) -> Any:
        """A preview server's memo of each story's part of snippets.json and .csv."""
        return self.preview.exports if self.preview is not None else None

    def write_command(self, out: Path, command: Command,
                      request: Mapping[str, Any] | None = None) -> list[Path]:
        """The outputs of ``command`` (``snippets``, ``digest``) written into ``out``
        without a site: made in a folder beside it, scanned like a site (raise
        :class:`UnsafeOutput`, and nothing is written), then moved in. Returns the files
        written."""
        from storyhub.pipeline.staging import move_into, remove, staging_for

        out.parent.mkdir(parents=True, exist_ok=True)
        staging = staging_for(out)
        try:
            self.finish(staging, snippets_dir=staging if command == "snippets" else None,
                        command=command, request=request)
            self.require_safe(staging)
        except BaseException as exc:
            remove(staging)
            if isinstance(exc, OSError) and exc.filename:  # named as the folder asked for
                name = str(exc.filename)
                if name.startswith(str(staging)):
                    exc.filename = str(out) + name[len(str(staging)):]
            raise
        return move_into(staging, out)

    def write_snippets(self, out: Path) -> list[Path]:
        """The snippets page, its exports and share images written into ``out``."""
        return self.write_command(out, "snippets")

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
            # only people who may be named: admin/config.yml is published with the site
            people=list(hub.people.values()) if hub is not None else [],
            media_max_bytes=self.settings.options.publish.media_max_bytes,
        )
        return [PlannedFile(item.uri, data=None if item.content is None
                            else item.content.encode("utf-8"), src=item.src)
                for item in admin_files(settings, self.settings.site_name)]

    def finish_editor(self, site_dir: Path, *, kept: KeptSite | None = None) -> list[Path]:
        """The outputs copied after the leak scan (the web editor's pinned bundle). A
        preview server keeps (``kept``) the copy of its previous build if it is intact."""
        from storyhub.outputs import Target, write_outputs

        return write_outputs(self, Target(site_dir, kept=kept), after_scan=True)

    def write_preview_error(self, site_dir: Path, *, mount: str = "/",
                            leaks: list[Leak] | None = None) -> None:
        """The page a broken preview shows at every address: every problem of the content,
        exactly; or, with ``leaks``, every trace of unpublished content the scan found (and
        everything else in ``site_dir`` is deleted first: none of it may stay served)."""
        from storyhub.editor.site import write_preview_error
        from storyhub.pipeline.staging import remove

        if leaks is not None:
            for entry in site_dir.iterdir():
                if not entry.name.startswith("."):
                    remove(entry)
        problems = ([leak.format() for leak in leaks] if leaks is not None
                    else [d.format() for d in self.diagnostics.errors])
        write_preview_error(site_dir, problems, self.settings.language, mount=mount,
                            leaks=leaks is not None)

    # -- 5. nothing unpublished ----------------------------------------------------------------

    def scan(self, site_dir: Path, docs_dir: Path | None = None, *,
             kept: KeptSite | None = None) -> list[Leak]:
        """Traces of unpublished content anywhere in ``site_dir``. The site's own pages in
        ``docs_dir`` are public texts: words they share with hidden stories are not traces.
        ``kept``: a preview's folder (which files it kept, which it is about to delete)."""
        from storyhub.pipeline.leaks import scan_site, secrets_of

        return scan_site(site_dir, secrets_of(self.hub, list(public_texts(docs_dir))),
                         trusted=self._trusted,
                         memo=self.preview.scans if self.preview is not None else None,
                         state=kept.state if kept is not None else None)

    def require_safe(self, site_dir: Path, docs_dir: Path | None = None, *,
                     kept: KeptSite | None = None) -> None:
        """Raise :class:`UnsafeOutput` if the output holds traces of unpublished content.

        Every command that writes the site scans it; a preview (``mkdocs serve``) reads
        again only the files and pieces of files it has not read clean since the traces
        last changed (:class:`~storyhub.pipeline.leaks.ScanMemo`), and not the files of its
        last build it is about to delete (``kept``)."""
        leaks = self.scan(site_dir, docs_dir, kept=kept)
        if leaks:
            raise UnsafeOutput(leaks)
        self.scanned.append(site_dir.resolve())


def _check_transcripts(content: Content) -> None:
    """A warning at its line for what sanitising removes from a Markdown transcript (its
    page shows the transcript without it), as for a story's body."""
    from storyhub.site.media_player import transcript_removals
    from storyhub.site.sanitize import removal_message

    for story in content.stories:
        for media in story.source.media:
            if media.transcript_markdown is None or media.transcript_shown is None:
                continue
            for line, what in transcript_removals(media.transcript_markdown):
                content.diagnostics.warning(media.transcript_shown, line, 1,
                                            removal_message(what, "transcripts"),
                                            code="removed-markup")


def public_texts(docs_dir: Path | None) -> Iterable[str]:
    """The Markdown pages of ``docs_dir``, the site's own public text."""
    if docs_dir is None or not docs_dir.is_dir():
        return []
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(docs_dir.rglob("*.md"))]


def _docs_files(docs_dir: Path | None) -> list[str]:
    """The files MkDocs would read from ``docs_dir`` (hidden ones excluded), relative."""
    if docs_dir is None or not docs_dir.is_dir():
        return []
    found: list[str] = []
    for folder, folders, names in os.walk(docs_dir):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        base = Path(folder).relative_to(docs_dir).as_posix()
        for name in sorted(names):
            if not name.startswith("."):
                found.append(unicodedata.normalize(
                    "NFC", name if base == "." else f"{base}/{name}"))
    return found


def _inherited(config_file: Path, written: Mapping[str, Any]) -> Path | None:
    """The file the configuration's ``INHERIT`` names, when it is another file of the same
    folder (the only one :mod:`storyhub.options.engine_config` accepts is mkdocs.yml)."""
    value = written.get("INHERIT")
    if not isinstance(value, str):
        return None
    here = config_file.resolve()
    target = (here.parent / value).resolve()
    return target if target.parent == here.parent and target != here and target.is_file() \
        else None


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
