"""The MkDocs adapter: wires MkDocs events to the engine-independent core.

Nothing here decides what is valid, linked or published; it only moves the
core's site plan into MkDocs files, pages, navigation and template contexts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from storyhub.diagnostics.core import Severity
from storyhub.hub.privacy import hidden_story_notes
from storyhub.media.images import IMAGE_SUFFIXES, ImageProblem, clean_image_bytes
from storyhub.options.settings import cache_dir
from storyhub.pipeline.core import BuildResult, run_core
from storyhub.pipeline.leaks import format_leaks, scan_site, secrets_of
from storyhub.site.meta import PageMeta, person_meta, story_meta
from storyhub.site.plan import SitePage
from storyhub.site.sanitize import sanitize_html
from storyhub.social import NO_SITE_URL, OptionError, Social, prepare_social, write_social
from storyhub.text.escaping import json_for_script
from storyhub.text.networks import NETWORK_IDS

log = get_plugin_logger(__name__)

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STYLESHEET = Path(__file__).resolve().parent.parent / "assets" / "storyhub.css"
STYLESHEET_URI = "assets/storyhub/storyhub.css"


class SnippetsConfig(base.Config):
    """``snippets:`` — post text per network, the snippets page and its exports."""

    enabled = c.Type(bool, default=True)
    networks = c.ListOfItems(c.Choice(NETWORK_IDS), default=list(NETWORK_IDS))
    utm = c.Type((bool, dict), default=True)
    """true: utm_source/medium/campaign/content; false: none; a mapping overrides them."""
    mastodon_limit = c.Type(int, default=500)
    folder = c.Type(str, default="snippets")
    page_stories = c.Type(int, default=100)
    """How many of the newest stories the snippets page shows (0: all); exports hold all."""


class CardsConfig(base.Config):
    """``cards:`` — share images (Open Graph 1200×630, Instagram 1080×1350)."""

    enabled = c.Type(bool, default=True)
    font = c.Optional(c.Type(str))
    font_bold = c.Optional(c.Type(str))
    logo = c.Optional(c.Type(str))
    background = c.Optional(c.Type(str))
    text_color = c.Type(str, default="#ffffff")
    accent = c.Type(str, default="#1b1b1b")
    jpeg_quality = c.Type(int, default=85)
    workers = c.Type(int, default=2)


class StoryhubConfig(base.Config):
    content_dir = c.Optional(c.Type(str))
    """Folder holding stories/, people/ and values.yml; default: the folder of mkdocs.yml."""
    company_name = c.Optional(c.Type(str))
    related_count = c.Type(int, default=4)
    latest_count = c.Type(int, default=6)
    page_size = c.Type(int, default=24)
    unconsented = c.Choice(("skip", "anonymous"), default="skip")
    anonymous_label = c.Type(str, default="")
    drafts = c.Type(bool, default=False)
    """Show drafts and embargoed stories, marked, when serving (never in `mkdocs build`)."""
    report = c.Type(bool, default=True)
    """Write the hub report, a noindex page, to report/index.html."""
    as_of = c.Optional(c.Type(str))
    """ISO date-time used as "now" for embargoes and withdrawals (default: SOURCE_DATE_EPOCH)."""
    snippets = c.SubConfig(SnippetsConfig)
    cards = c.SubConfig(CardsConfig)
    publish = c.Optional(c.Type(dict))
    """Extra file types a story folder may publish (storyhub.options.publish)."""


class StoryhubPlugin(BasePlugin[StoryhubConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.result: BuildResult | None = None
        self.is_serving = False
        self.social: Social | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serving = command == "serve"

    # -- configuration and validation ------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        listed = [name for name in config.plugins if name.split(" #")[0] == "storyhub"]
        if len(listed) > 1:
            raise PluginError(
                f"storyhub is listed {len(listed)} times under 'plugins:' in mkdocs.yml: keep "
                "one entry (with all its options); two would write the same files twice"
            )
        if config.theme.name == "material" and config.theme.get("font") is not False:
            # Material would load Roboto from Google's servers: not without consent (EU).
            log.info("theme.font turned off: fonts are never loaded from Google's servers")
            config.theme["font"] = False
        config.theme.dirs.append(str(TEMPLATES))
        if STYLESHEET_URI not in config.extra_css:
            config.extra_css.append(STYLESHEET_URI)
        root = Path(config.config_file_path or ".").resolve().parent
        _refuse_links(config, root)
        if self.config.content_dir:
            root = (root / self.config.content_dir).resolve()
        options = dict(self.config)
        options["drafts"] = bool(options.get("drafts")) and self.is_serving
        self.result = run_core(
            root,
            site_name=config.site_name,
            site_url=config.site_url,
            language=str(config.theme.get("language") or "en"),
            options=options,
        )
        diagnostics = self.result.diagnostics
        for item in diagnostics:
            if item.severity is Severity.WARNING:
                (log.info if item.code == "advice" else log.warning)(item.format())
        for note in hidden_story_notes(self.result.hub):
            log.info(note)
        errors = diagnostics.errors
        if errors:
            listing = "\n".join(d.format() for d in errors)
            raise PluginError(
                f"storyhub found {len(errors)} problem(s) in the content; nothing was built:\n"
                f"{listing}"
            )
        self._prepare_social(config)
        return config

    def _prepare_social(self, config: MkDocsConfig) -> None:
        """Plan share images and compose snippets (see storyhub.snippets)."""
        assert self.result is not None
        if self.social is not None:
            self.social.cancel()
        custom_dir = config.theme.custom_dir
        try:
            self.social = prepare_social(
                self.result.hub, overrides=Path(custom_dir) if custom_dir else None
            )
        except OptionError as exc:
            raise PluginError(f"storyhub: {exc}") from None
        if self.social.needs_site_url and not config.site_url:
            log.warning(NO_SITE_URL)

    # -- files, navigation, pages ----------------------------------------------------------

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.result is not None
        plan = self.result.plan
        files.append(File.generated(config, STYLESHEET_URI, abs_src_path=str(STYLESHEET)))
        for page in plan.pages:
            if files.get_file_from_path(page.src_uri) is None:
                files.append(File.generated(config, page.src_uri, content="\n" + page.markdown))
        cache = cache_dir(self.result.hub.settings.root, "images")
        for asset in plan.assets:
            existing = files.get_file_from_path(asset.dest)
            if existing is not None:
                files.remove(existing)
            if asset.src.suffix.lower() in IMAGE_SUFFIXES:
                # Re-encoded from pixels: no EXIF, GPS, XMP or comments reach the site.
                try:
                    data = clean_image_bytes(asset.src, asset.kind, cache=cache)
                except ImageProblem as exc:
                    raise PluginError(f"storyhub: {asset.src}: {exc}") from None
                files.append(File.generated(config, asset.dest, content=data))
            else:
                files.append(File.generated(config, asset.dest, abs_src_path=str(asset.src)))
        if self.social is not None:
            self.social.start_drawing()  # in worker processes while MkDocs renders pages
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        if config.nav is not None:
            return nav
        assert self.result is not None
        listings = {p.src_uri for p in self.result.plan.pages if p.kind in (
            "stories", "people", "values", "teams") and p.number == 1}
        items: list[Any] = []
        for item in nav.items:
            if isinstance(item, Section):
                index = next((child for child in item.children if isinstance(child, Page)
                              and child.file.src_uri in listings), None)
                if index is not None:
                    index.parent = None
                    items.append(index)
                    continue
            items.append(item)
        order = ["index.md", "stories/index.md", "values/index.md", "people/index.md",
                 "teams/index.md"]

        def rank(item: Any) -> tuple[int, str]:
            src = item.file.src_uri if isinstance(item, Page) else "~"
            return (order.index(src) if src in order else len(order), "")

        items.sort(key=rank)
        pages = [p for p in _flatten(items)]
        for previous, current in zip([None, *pages], pages, strict=False):
            current.previous_page = previous
            if previous is not None:
                previous.next_page = current
        if pages:
            pages[-1].next_page = None
        return Navigation(items, pages)

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        spec = self._spec(page)
        if spec is None:
            return markdown
        page.meta.setdefault("template", spec.template)
        if spec.kind != "home" or "title" not in page.meta:
            page.meta["title"] = Markup(escape(spec.title))
        if spec.description and "description" not in page.meta:
            page.meta["description"] = Markup(escape(spec.description))
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        spec = self._spec(page)
        if spec is None or spec.kind not in ("story", "person", "value"):
            return html
        source = getattr(spec.subject, "source", None)
        return sanitize_html(
            html, source=_source_path(spec), warn=log.warning, markdown=spec.markdown,
            first_line=getattr(source, "body_line", 1) if spec.kind != "value" else 1,
        )

    def on_page_context(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        assert self.result is not None
        context["sh"] = self.result.view
        context["shp"] = self._spec(page)
        context["shm"] = self._page_meta(context["shp"])
        return context

    def _page_meta(self, spec: SitePage | None) -> PageMeta | None:
        """Open Graph / Twitter / JSON-LD data for story and person pages."""
        assert self.result is not None
        if spec is None or spec.kind not in ("story", "person"):
            return None
        hub, view = self.result.hub, self.result.view
        if spec.kind == "person":
            return person_meta(hub, spec.subject, view.photo_url(spec.subject))
        story = spec.subject
        cards = self.social.cards if self.social is not None else None
        return story_meta(hub, story, cards.stories.get(story.id) if cards else None,
                          view.image_url(story), story.image_alt)

    def _write_social(self, config: MkDocsConfig) -> None:
        """Share images, the snippets page and its exports: outside MkDocs' pages, so
        they are in no navigation, sitemap or search index."""
        if self.social is None:
            return
        assert self.result is not None
        write_social(
            self.social, Path(config.site_dir), site_name=config.site_name,
            language=self.result.hub.settings.language,
            overrides=Path(config.theme.custom_dir) if config.theme.custom_dir else None,
        )
        stats = self.social.cards.stats if self.social.cards is not None else None
        if stats is not None:
            log.info(f"share images: {stats.drawn} drawn, {stats.cached} from cache "
                     f"(waited {stats.seconds:.1f}s)")

    def on_build_error(self, *, error: Exception) -> None:
        if self.social is not None:
            self.social.cancel()

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        assert self.result is not None
        env.globals["sh_t"] = self.result.view.t
        env.autoescape = _autoescape_storyhub(env.autoescape)
        env.filters["sh_json"] = json_for_script
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Snippets and share images, the hub report page, then the leak scan: nothing
        unpublished may be anywhere in the output (snippets included)."""
        assert self.result is not None
        self._write_social(config)
        if self.config.report:
            # A standalone page written after the build: outside nav, sitemap and search index.
            from storyhub.hub.report import write_page

            write_page(self.result.hub, Path(config.site_dir))
        docs = Path(config.docs_dir)
        public = [p.read_text(encoding="utf-8", errors="replace")
                  for p in sorted(docs.rglob("*.md"))] if docs.is_dir() else []
        leaks = scan_site(Path(config.site_dir), secrets_of(self.result.hub, public))
        if leaks:
            raise PluginError(
                f"storyhub: the built site contains {len(leaks)} trace(s) of unpublished "
                f"content; do not deploy it:\n{format_leaks(leaks)}"
            )

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        assert self.result is not None
        root = self.result.hub.settings.root
        for name in ("stories", "people", "values.yml"):
            if (root / name).exists():
                server.watch(str(root / name))
        return server

    def _spec(self, page: Page) -> SitePage | None:
        assert self.result is not None
        return self.result.plan.by_src.get(page.file.src_uri)


def _refuse_links(config: MkDocsConfig, root: Path) -> None:
    """MkDocs follows symbolic links in docs/ and overrides/: refuse them before it reads."""
    from storyhub.content.files import links_in

    problems: list[str] = []
    for name, folder in (("docs_dir", config.docs_dir), ("theme.custom_dir",
                                                          config.theme.custom_dir)):
        if folder:
            path = Path(folder)
            if not path.resolve().is_relative_to(root):
                problems.append(f"mkdocs.yml:1:1: '{name}' ({folder}) is outside the folder of "
                                "mkdocs.yml: MkDocs would publish files from elsewhere")
                continue
            problems += links_in(path, path.resolve().relative_to(root).as_posix())
    if problems:
        raise PluginError(
            f"storyhub found {len(problems)} symbolic link(s) that MkDocs would follow; "
            "nothing was built:\n" + "\n".join(problems)
        )


def _autoescape_storyhub(previous: Any) -> Any:
    """Autoescape every storyhub template (ours, and overrides of them), whatever includes
    them: MkDocs' environment does not autoescape, and an ``{% autoescape %}`` block does
    not reach into included partials."""

    def select(name: str | None) -> bool:
        if name is not None and name.startswith("storyhub/"):
            return True
        return bool(previous(name)) if callable(previous) else bool(previous)

    return select


def _flatten(items: list[Any]) -> list[Page]:
    pages: list[Page] = []
    for item in items:
        if isinstance(item, Page):
            pages.append(item)
        elif isinstance(item, Section):
            pages.extend(_flatten(item.children))
    return pages


def _source_path(spec: SitePage) -> str:
    source = getattr(spec.subject, "source", None)
    return getattr(source, "path", spec.src_uri)
