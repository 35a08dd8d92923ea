"""The MkDocs adapter: MkDocs events → :class:`storyhub.pipeline.Pipeline` steps.

Nothing here decides what is valid, linked, published or in which order: each handler
moves the pipeline's answer into MkDocs' files, navigation, pages and template contexts,
and turns the pipeline's exceptions into a clean :class:`PluginError`.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import material
from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from storyhub.adapters.material_partials import keep_navigation_partials
from storyhub.adapters.preview_server import poll_interval, settle_memory, tune_server
from storyhub.adapters.search_entries import SearchEntries
from storyhub.adapters.theme_listing import list_theme_quickly
from storyhub.editor.site import remove_preview_error
from storyhub.options.read import ConfigError
from storyhub.pipeline import ContentErrors, Pipeline, PlannedFile, UnsafeOutput
from storyhub.pipeline.renders import KeptSite, MemoryBytecodeCache, RenderCache
from storyhub.site.frame import Frame, docs_title, footer_html
from storyhub.text.jinja import PACKAGE_TEMPLATES

log = get_plugin_logger(__name__)

STYLESHEET = PACKAGE_TEMPLATES.parent / "assets" / "storyhub.css"
STYLESHEET_URI = "assets/storyhub/storyhub.css"
CACHED_TEMPLATE = "storyhub/cached.html"
SCRIPT = PACKAGE_TEMPLATES.parent / "assets" / "storyhub.js"
SCRIPT_URI = "assets/storyhub/storyhub.js"
SEARCH_WORKER = PACKAGE_TEMPLATES.parent / "assets" / "search-worker.js"
MATERIAL_TEMPLATES = Path(material.__file__).resolve().parent / "templates"


class StoryhubPlugin(BasePlugin):  # type: ignore[type-arg]
    """Options are checked by storyhub's own model (:mod:`storyhub.options.model`), with
    line and column, not by a second MkDocs schema: :meth:`load_config` only keeps them."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.bytecode = MemoryBytecodeCache()  # compiled templates, kept across rebuilds
        #: those of environments with MkDocs' own settings (before on_env changes them)
        self.plain_bytecode = MemoryBytecodeCache()
        self.renders: RenderCache | None = None  # pages kept across `mkdocs serve` rebuilds
        self.site: KeptSite | None = None  # the served folder, updated in place
        #: the served folder, when the last preview showed traces instead of the site
        self._refused: Path | None = None
        self.search_entries = SearchEntries()  # unchanged pages' search entries, ditto
        self._quiet = _UnwrittenPages()
        self._docs_files = 0  # files MkDocs found in docs_dir (it watches them)
        #: a pipeline `storyhub build` already checked, used if the settings are the same
        self.checked: Pipeline | None = None
        self._marks: dict[str, str] = {}
        self._reuse: dict[str, str] = {}
        self.raw_options: dict[str, Any] = {}
        self.pipeline: Pipeline | None = None
        self.is_serving = False
        #: mkdocs.yml's own words around every page (site name, copyright, toggle names)
        self._frame: tuple[str, str | None, list[str | None]] = ("", None, [])
        self._nav_titles: dict[str, Any] = {}  # docs pages' titles as written
        #: mkdocs.yml's words as written while a page is rendered with them escaped
        #: (:meth:`_dress`): where each was, and its value
        self._dressed: list[tuple[Any, str, Any]] = []

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None
                    ) -> tuple[list[Any], list[Any]]:
        self.raw_options = dict(options)
        return [], []

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serving = command == "serve"
        self.renders = RenderCache() if self.is_serving else None
        # `mkdocs serve --dirty` keeps the folder itself (and skips unchanged Markdown pages,
        # which the sweep would take for leftovers)
        self.site = KeptSite() if self.is_serving and not dirty else None
        build_log = logging.getLogger("mkdocs.commands.build")
        build_log.removeFilter(self._quiet)
        if self.is_serving:
            build_log.addFilter(self._quiet)

    def on_shutdown(self) -> None:
        logging.getLogger("mkdocs.commands.build").removeFilter(self._quiet)

    @event_priority(100)  # before the search plugin, which makes theme environments
    def _on_config_early(self, config: MkDocsConfig) -> None:
        # the same static files, Material's icons not walked; compiled templates kept
        list_theme_quickly(config.theme, self.plain_bytecode)

    def _on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        listed = [name for name in config.plugins if name.split(" #")[0] == "storyhub"]
        if len(listed) > 1:
            raise PluginError(
                f"storyhub is listed {len(listed)} times under 'plugins:' in mkdocs.yml: keep "
                "one entry (with all its options); two would write the same files twice"
            )
        if config.theme.name in ("material", "materialx") and (
                config.theme.get("font") is not False):
            # Material would load Roboto from Google's servers: not without consent (EU).
            log.info("theme.font turned off: fonts are never loaded from Google's servers")
            config.theme["font"] = False
        if config.theme.name == "material":
            features = config.theme.get("features") or []
            if "navigation.tabs" not in features:
                # storyhub pages hide the sidebar: the sections stay reachable as header tabs
                config.theme["features"] = [*features, "navigation.tabs"]
        # after overrides/, before Material: its partials/language.html follows the page's
        # language (Material's own takes theme.language on every page)
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(PACKAGE_TEMPLATES))
        if STYLESHEET_URI not in config.extra_css:
            config.extra_css.append(STYLESHEET_URI)
        if SCRIPT_URI not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT_URI)
        if self.pipeline is not None:
            self.pipeline.cancel()
            self.pipeline = None
        custom_dir = config.theme.custom_dir
        try:
            pipeline = Pipeline.from_options(
                self.raw_options, config_file=Path(config.config_file_path or "mkdocs.yml"),
                site_name=config.site_name, site_url=config.site_url,
                language=str(config.theme.get("language") or "en"),
                overrides=Path(custom_dir) if custom_dir else None, serving=self.is_serving,
                copyright=config.copyright, engine=config,
            )
            # MkDocs follows symbolic links in docs/ and overrides/: refuse them before it reads.
            pipeline.refuse_site_links(Path(config.docs_dir), Path(custom_dir) if custom_dir
                                       else None)
        except ConfigError as exc:
            raise PluginError(str(exc)) from None
        if self.checked is not None:  # `storyhub build` checked this hub a moment ago
            pipeline = self.checked.reuse_for(pipeline.settings) or pipeline
            self.checked = None
        self.pipeline = pipeline
        pipeline.preview = self.renders
        try:
            pipeline.check()
            if pipeline.broken_preview:  # the browser shows the problems instead of hanging
                for item in pipeline.diagnostics.errors:
                    log.error(item.format())
                return config
            pipeline.require_valid()
            pipeline.prepare_outputs()
            self._set_frame(config, pipeline)
            if config.theme.name == "material" and not config.extra.get("alternate"):
                # Material shows its language choice when extra.alternate is set; storyhub's
                # partials/alternate.html fills it per page (a story: its versions). Not a
                # list: Material would also put each as an hreflang alternate of every page.
                config.extra["alternate"] = pipeline.has_language_choice()
        except ContentErrors as exc:
            raise PluginError(str(exc)) from None
        finally:
            for level, message in pipeline.messages():
                getattr(log, level)(message)
        return config

    on_config = CombinedEvent(_on_config_early, _on_config)

    def _set_frame(self, config: MkDocsConfig, pipeline: Pipeline) -> None:
        """The ``frame`` option: the company's logo, no theme credit unless asked for; the
        words mkdocs.yml gives (worded per page in :meth:`on_page_context`) kept."""
        frame = pipeline.settings.options.frame
        if frame.logo:
            config.theme["logo"] = frame.logo
        if not frame.theme_credit and "generator" not in config.extra:
            config.extra["generator"] = False
        palette = config.theme.get("palette")
        toggles = [(option.get("toggle") or {}).get("name") if isinstance(option, dict) else None
                   for option in (palette if isinstance(palette, list) else [])]
        self._frame = (config.site_name, config.copyright, toggles)
        self._nav_titles = {}
        # the engine's own pages, which the plugin does not word (the 404 page, rendered
        # before any other), get the site's language's words, as its pages do
        _put_words(config, pipeline.frame.words(None, config.site_name, config.copyright))

    def _dress(self, config: MkDocsConfig) -> None:
        """Material prints some of mkdocs.yml's words into every page as they are: while it
        renders a page (and only then: other plugins read them as written), the words are
        escaped (:data:`WORDS`, the consent banner's title, ``extra.status``) and the HTML
        ones (``copyright``, the banner's description) sanitised and marked safe;
        :meth:`_undress` puts them back."""
        self._undress(config)
        saved: list[tuple[Any, str, Any]] = []
        places: list[tuple[Any, str, bool]] = [(config, key, False) for key in WORDS]
        places += [(config, "copyright", True)]
        consent, status = config.extra.get("consent"), config.extra.get("status")
        if isinstance(consent, dict):
            places += [(consent, "title", False), (consent, "description", True)]
        if isinstance(status, dict):
            places += [(status, name, False) for name in status]
        for owner, key, is_html in places:
            value = owner.get(key)
            if isinstance(value, str) and not isinstance(value, Markup):
                saved.append((owner, key, value))
                owner[key] = Markup(footer_html(value)) if is_html else Markup(escape(value))
        self._dressed = saved

    def _undress(self, config: MkDocsConfig) -> None:
        for owner, key, value in reversed(self._dressed):
            owner[key] = value
        self._dressed = []

    def _word_frame(self, config: MkDocsConfig, src_uri: str, nav: Navigation) -> None:
        """The site's name, footer, colour toggles and docs pages' tab titles in the page's
        language (Material reads them from ``config`` and the navigation as it renders)."""
        pipeline = self._pipeline()
        site_name, footer, toggles = self._frame
        frame = pipeline.frame
        words = frame.words(src_uri, site_name, footer)
        _put_words(config, words)
        palette = config.theme.get("palette")
        if isinstance(palette, list):
            for option, name in zip(palette, toggles, strict=False):
                toggle = option.get("toggle") if isinstance(option, dict) else None
                if isinstance(toggle, dict) and name is not None:
                    # a scheme's toggle switches to the other scheme
                    other = words["light"] if option.get("scheme") == "slate" else words["dark"]
                    toggle["name"] = other or name
        language = frame.language(src_uri)
        for item in nav.items:
            if not isinstance(item, Page) or pipeline.page(item.file.src_uri) is not None:
                continue
            written = self._nav_titles.setdefault(item.file.src_uri, item.meta.get("title"))
            translated = docs_title(item.meta, language)
            if translated or written is not None:
                item.meta["title"] = translated or written

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self._refused is not None:
            # The last preview showed traces of unpublished content in an emptied folder:
            # its error pages go too, so that `mkdocs serve --dirty` (which writes only the
            # pages missing or older than their sources) writes every page again.
            remove_preview_error(self._refused)
            self._refused = None
        if self.site is not None:  # MkDocs empties the folder next: keep what it holds
            self.site.set_aside(Path(os.path.normpath(config.site_dir)))

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if self.site is not None:
            self.site.put_back()
        self._docs_files = sum(1 for f in files if f.generated_by is None
                               and f.src_dir == config.docs_dir)
        pipeline = self._pipeline()
        admin = [self._file(config, planned) for planned in pipeline.editor_files(
            config_dir=Path(config.config_file_path or ".").parent, repo_url=config.repo_url)]
        if pipeline.broken_preview:  # only the editor, so the broken file can be fixed there
            return Files(admin)
        for item in admin:
            files.append(item)
        docs_dir = Path(config.docs_dir).resolve()
        theme = {f.src_uri: Path(f.abs_src_path) for f in files
                 if f.abs_src_path and not f.is_documentation_page()
                 and not Path(f.abs_src_path).is_relative_to(docs_dir)}
        drop, _ = pipeline.theme_files(theme)
        for src_uri in drop:
            files.remove(files.get_file_from_path(src_uri))  # type: ignore[arg-type]
        _forgiving_search(files, config)
        files.append(File.generated(config, STYLESHEET_URI, abs_src_path=str(STYLESHEET)))
        files.append(File.generated(config, SCRIPT_URI, abs_src_path=str(SCRIPT)))
        for page in pipeline.plan.pages:
            if files.get_file_from_path(page.src_uri) is None:
                made = File.generated(config, page.src_uri, content="\n" + page.markdown)
                files.append(made)
                if self.renders is not None:
                    _PreviewPage(None, made, config)
        try:
            for planned in pipeline.asset_files():
                existing = files.get_file_from_path(planned.dest)
                if existing is not None:
                    files.remove(existing)
                files.append(self._file(config, planned))
        except ContentErrors as exc:
            raise PluginError(str(exc)) from None
        pipeline.start_drawing()  # in worker processes or a thread while MkDocs renders pages
        if self.renders is not None:
            self.search_entries.wrap(config.plugins)
            self._marks.clear()
            self._reuse.clear()
            self._quiet.unwritten.clear()
            self.renders.start_build()
            self.renders.forget_except(p.src_uri for p in pipeline.plan.pages)
        return files

    def _file(self, config: MkDocsConfig, planned: PlannedFile) -> File:
        if planned.data is not None:
            made = File.generated(config, planned.dest, content=planned.data)
            if self.site is not None and self.site.same_bytes(made.abs_dest_path, planned.data):
                # already there: MkDocs does not copy a file onto itself
                return File.generated(config, planned.dest, abs_src_path=made.abs_dest_path)
            return made
        return File.generated(config, planned.dest, abs_src_path=str(planned.src))

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        pipeline = self._pipeline()
        if config.nav is not None or pipeline.broken_preview:  # a broken preview has no plan
            return nav
        frame = pipeline.frame
        items: list[Any] = []
        for item in nav.items:
            if isinstance(item, Section):  # a language's home page (/en/) is not a section
                item.children = _in_nav(item.children, frame)
                if not item.children:
                    continue
            index = next((child for child in getattr(item, "children", None) or []
                          if isinstance(child, Page)
                          and frame.section_index(child.file.src_uri)), None)
            if isinstance(item, Section) and index is not None:
                index.parent = None
                item = index
            items.append(item)
        items.sort(key=lambda i: frame.nav_order(
            i.file.src_uri if isinstance(i, Page) else "~"))
        pages = _flatten(items)
        for previous, current in zip([None, *pages], pages, strict=False):
            current.previous_page = previous
            if previous is not None:
                previous.next_page = current
        if pages:
            pages[-1].next_page = None
        return Navigation(items, pages)

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        pipeline = self._pipeline()
        src_uri = page.file.src_uri
        entry = pipeline.page(src_uri)
        if entry is not None:
            page.meta.setdefault("template", entry.template)
            page.meta.setdefault("hide", entry.hide)
            if entry.kind == "home" and not entry.url:
                # the browser's title is the site's name alone, not "Home - <site name>"
                page.meta.pop("title", None)
            else:
                page.meta["title"] = Markup(escape(entry.title))
            if entry.description and "description" not in page.meta:
                page.meta["description"] = Markup(escape(entry.description))
            if self.renders is not None:
                mark, output = pipeline.pages_read.cached_output(
                    src_uri, markdown, self.renders,
                    config_file=Path(config.config_file_path or "mkdocs.yml"),
                    docs_dir=Path(config.docs_dir))
                if mark is not None:
                    self._marks[src_uri] = mark
                if output is not None and src_uri in self.renders.converted:
                    self._reuse[src_uri] = output
                    page.meta["template"] = CACHED_TEMPLATE
                    if isinstance(page, _PreviewPage):
                        page.converted = self.renders.converted[src_uri]
                    return ""  # its HTML is the previous build's (on_page_content)
            return pipeline.page_markdown(src_uri, markdown)
        return markdown

    @event_priority(-100)  # after other plugins: an unchanged page gets its previous HTML
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str | None:
        if self.renders is not None and page.file.src_uri in self._reuse:
            content, page.toc, _ = self.renders.converted[page.file.src_uri]
            return content
        return self._pipeline().page_html(page.file.src_uri, html, warn=log.warning)

    def _page_context(self, context: TemplateContext, /, *, page: Page,
                      config: MkDocsConfig, nav: Navigation) -> TemplateContext:
        pipeline = self._pipeline()
        context.update(pipeline.context(page.file.src_uri))  # type: ignore[typeddict-item]
        self._word_frame(config, page.file.src_uri, nav)
        titles = pipeline.frame.nav_titles(page.file.src_uri)  # the tabs in the page's language
        for item in nav.items:
            if isinstance(item, Page) and item.file.src_uri in titles:
                item.meta["title"] = Markup(escape(titles[item.file.src_uri]))
        if page.file.src_uri in self._reuse:
            context["storyhub_cached_output"] = self._reuse[  # type: ignore[typeddict-unknown-key]
                page.file.src_uri]
        return context

    @event_priority(-100)  # after every other plugin: Material renders next
    def _dress_page(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                    nav: Navigation) -> TemplateContext:
        self._dress(config)
        return context

    on_page_context = CombinedEvent(_page_context, _dress_page)

    @event_priority(100)  # before every other plugin: Material has rendered the page
    def _undress_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> None:
        self._undress(config)

    @event_priority(-100)
    def on_template_context(self, context: TemplateContext, /, *, template_name: str,
                            config: MkDocsConfig) -> TemplateContext:
        self._dress(config)  # the engine's own pages (404.html) are rendered next
        return context

    @event_priority(100)
    def on_post_template(self, output_content: str, /, *, template_name: str,
                         config: MkDocsConfig) -> None:
        self._undress(config)

    @event_priority(-100)  # after every other plugin: keep the output as it is written
    def _post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        src_uri = page.file.src_uri
        if self.renders is not None and src_uri in self._marks:
            if src_uri in self._reuse:
                self.renders.reused += 1
                if self.site is not None and self.site.same_bytes(
                        page.file.abs_dest_path,
                        output.encode("utf-8", errors="xmlcharrefreplace")):
                    # MkDocs writes no empty page: the file from the last build stays
                    self._quiet.unwritten.add(src_uri)
                    return ""
            else:
                self.renders.store(src_uri, self._marks[src_uri], output,
                                   (page.content or "", page.toc, page.present_anchor_ids))
        return output

    on_post_page = CombinedEvent(_undress_page, _post_page)

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.site is not None:
            self._keep_static_files(files)
        if self._pipeline().broken_preview:
            return env
        env.globals.update(self._pipeline().context(None))  # every template, 404 included
        env.bytecode_cache = self.bytecode
        env.autoescape = _autoescape_storyhub(env.autoescape)
        if config.theme.name == "material":
            keep_navigation_partials(env, MATERIAL_TEMPLATES)
        return env

    def _keep_static_files(self, files: Files) -> None:
        """Static files whose copy from the previous build is intact are not copied again:
        pointed at their own copy, MkDocs leaves them as they are."""
        assert self.site is not None
        for file in files:
            src, dest = file.abs_src_path, file.abs_dest_path
            if file.is_documentation_page() or src is None or src == dest:
                continue
            if self.site.unchanged_copy(src, dest):
                file.abs_src_path = dest

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Share images, snippets page and exports, the report page; then the leak scan:
        nothing unpublished may be anywhere in the output (snippets included)."""
        pipeline = self._pipeline()
        site_dir = Path(config.site_dir)
        if pipeline.broken_preview:
            pipeline.write_preview_error(site_dir, mount=urlsplit(config.site_url or "/").path
                                         or "/")
            pipeline.finish_editor(site_dir, kept=self.site)
            self._sweep()
            return
        pipeline.finish(site_dir, kept=self.site)
        social = pipeline.social
        if social is not None and social.snippets is not None:
            # posts a scheduler file left out, naming the story (the varied ones are
            # on the snippets page: nothing to do about them)
            t = social.snippets.translator.scope("snippets")
            for line in social.warning_lines(t, problems_only=True):
                log.warning(line)
        if self.renders is not None:
            log.info(f"preview: {self.renders.reused} page(s) unchanged, "
                     f"{self.renders.rendered} rendered")
        stats = pipeline.social.cards.stats if pipeline.social and pipeline.social.cards else None
        if stats is not None:
            log.info(f"share images: {stats.drawn} drawn, {stats.cached} from cache "
                     f"(waited {stats.seconds:.1f}s)")
        try:
            pipeline.require_safe(site_dir, Path(config.docs_dir), kept=self.site)
        except UnsafeOutput as exc:
            if not self.is_serving:
                raise PluginError(str(exc)) from None
            # A preview shows the traces at every address instead of the site, as a build
            # would refuse it; the next build starts from an emptied folder.
            log.error(str(exc).removeprefix("storyhub: "))
            pipeline.write_preview_error(site_dir, mount=urlsplit(config.site_url or "/").path
                                         or "/", leaks=exc.leaks)
            self._refused = site_dir
            if self.site is not None:
                self.site.finished = False
            return
        pipeline.finish_editor(site_dir, kept=self.site)
        self._sweep()

    def _sweep(self) -> None:
        """A preview: delete what this build did not make (a removed story's page)."""
        if self.site is not None:
            removed = self.site.sweep()
            if removed:
                log.info(f"preview: {removed} file(s) of the previous build removed")

    def on_build_error(self, *, error: Exception) -> None:
        if self.site is not None:
            self.site.finished = False  # the next build starts from an emptied folder
        if self.pipeline is not None:
            self.pipeline.cancel()

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig,
                 builder: Any) -> LiveReloadServer:
        pipeline = self._pipeline()
        watched = len(pipeline.hub.content.files) + self._docs_files
        tune_server(server, config, poll_interval(watched))
        root = pipeline.settings.root
        for name in ("stories", "people", "values.yml", "tags.yml", "campaigns.yml"):
            if (root / name).exists():
                server.watch(str(root / name))
        if isinstance(server, LiveReloadServer):  # MkDocs' own server: a real session
            settle_memory()
        return server

    def _pipeline(self) -> Pipeline:
        if self.pipeline is None:  # pragma: no cover - MkDocs calls on_config first
            raise PluginError("storyhub: the plugin was not configured")
        return self.pipeline


class _UnwrittenPages(logging.Filter):
    """MkDocs says it skipped a page when a plugin leaves its output empty; in a preview
    an unchanged page is left as it is on disk that way, which is not news."""

    def __init__(self) -> None:
        super().__init__()
        self.unwritten: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if not (self.unwritten and message.startswith("Page skipped: '")):
            return True
        return message.split("'")[1] not in self.unwritten


#: mkdocs.yml's words Material prints as they are, and are only words: escaped while a page
#: is rendered (:meth:`StoryhubPlugin._dress`); with ``copyright`` and the consent banner's
#: description (HTML, sanitised) and its title and ``extra.status`` names (words)
WORDS = ("site_name", "site_description", "site_author", "repo_name")


def _put_words(config: MkDocsConfig, words: dict[str, str | None]) -> None:
    """The frame's site name and footer (sanitised HTML) where Material reads them."""
    config.site_name = str(words["site_name"])
    config.copyright = words["footer"]


class _PreviewPage(Page):
    """A storyhub page in a preview: when its output is reused, its Markdown is not
    converted again (MkDocs would make a Markdown converter for it, for nothing)."""

    #: the previous build's HTML, table of contents and anchors, when reused
    converted: tuple[str, Any, set[str] | None] | None = None

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.converted is None:
            super().render(config, files)
            return
        self.content, self.toc, anchors = self.converted
        self.present_anchor_ids = set(anchors) if anchors is not None else None


def _autoescape_storyhub(previous: Any) -> Any:
    """Autoescape every storyhub template (ours, and overrides of them), whatever includes
    them: MkDocs' environment does not autoescape, and an ``{% autoescape %}`` block does
    not reach into included partials."""

    def select(name: str | None) -> bool:
        if name is not None and name.startswith("storyhub/"):
            return True
        return bool(previous(name)) if callable(previous) else bool(previous)

    return select


def _in_nav(items: list[Any], frame: Frame) -> list[Any]:
    """``items`` without the pages the frame keeps out of the navigation, at any depth
    (campaigns/<id>/, it/campaigns/<id>/); a section left empty goes too."""
    kept: list[Any] = []
    for item in items:
        if isinstance(item, Section):
            item.children = _in_nav(item.children, frame)
            if not item.children:
                continue
        elif isinstance(item, Page) and not frame.in_nav(item.file.src_uri):
            continue
        kept.append(item)
    return kept


def _flatten(items: list[Any]) -> list[Page]:
    pages: list[Page] = []
    for item in items:
        if isinstance(item, Page):
            pages.append(item)
        elif isinstance(item, Section):
            pages.extend(_flatten(item.children))
    return pages


def _forgiving_search(files: Files, config: MkDocsConfig) -> None:
    """Material's search worker wrapped by storyhub's (assets/search-worker.js: accents
    folded, typed words stemmed as the index's): the wrapper takes the worker's address,
    which every page's configuration names, and loads Material's from a name beside it."""
    worker = next((f for f in files if f.src_uri.startswith("assets/javascripts/workers/search.")
                   and f.src_uri.endswith(".min.js") and f.abs_src_path), None)
    if worker is None or worker.abs_src_path is None or config.theme.name != "material":
        return
    name = worker.src_uri.rsplit("/", 1)[1]
    material = worker.src_uri.removesuffix(".min.js") + ".material.min.js"
    files.remove(worker)
    files.append(File.generated(config, material, abs_src_path=worker.abs_src_path))
    wrapper = SEARCH_WORKER.read_text(encoding="utf-8").replace(
        "__MATERIAL_WORKER__", name.removesuffix(".min.js") + ".material.min.js")
    files.append(File.generated(config, worker.src_uri, content=wrapper))

