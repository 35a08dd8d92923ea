"""A preview's pages: which pages of the previous build are still true.

A preview server renders a storyhub page only when something it showed changed. Each page
is keyed by what every page is rendered with (options, templates, words, the page list)
and its own inputs (its Markdown, meta and feeds); while it renders, its template sees the
site view through a recorder (:mod:`storyhub.site.recording`), and the next build keeps the
page only if its key is unchanged and every question it asked gets the same answer from the
new hub. Nothing here knows an engine: the adapter asks :meth:`PagesRead.cached_output` for
each page and stores what it returns.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import storyhub
from storyhub.i18n import CATALOGUE_DIR

if TYPE_CHECKING:
    from storyhub.pipeline.core import Pipeline
    from storyhub.pipeline.renders import RenderCache
    from storyhub.site.recording import Digests, Lookup, Reads

#: Pages about one subject: their titles are not in the navigation.
SUBJECT_KINDS = ("story", "person", "value", "team")


class PagesRead:
    """What the pages of one build read, for the next build of a preview to reuse them."""

    def __init__(self, pipeline: Pipeline) -> None:
        self._pipeline = pipeline
        self._global_key: str | None = None
        #: what each page rendered in this build read (src_uri -> Reads)
        self._recording: dict[str, Reads] = {}
        self._digests: Digests | None = None
        self._lookup: Lookup | None = None

    def global_key(self, config_file: Path | None = None, docs_dir: Path | None = None) -> str:
        """A hash of what every page is rendered with: options, site settings, "now",
        templates (overrides first), words, mkdocs.yml, the site's own pages, the page list."""
        if self._global_key is None:
            from storyhub.pipeline.renders import hash_files
            from storyhub.text.jinja import search_path

            pipeline = self._pipeline
            hasher = hashlib.sha256()
            settings = pipeline.settings
            hasher.update(json.dumps([
                settings.options.model_dump(mode="json"), settings.site_name,
                settings.site_url, settings.language, settings.today.isoformat(),
                settings.show_drafts, storyhub.__version__,
                # the page list (a page added or removed changes listings and navigation);
                # titles only of the pages the navigation names
                [(p.src_uri, p.kind, p.title if p.kind not in SUBJECT_KINDS else "")
                 for p in pipeline.plan.pages],
                # what listings offer to filter by (chips on every listing page)
                repr(pipeline.view.filters()),
            ], sort_keys=True, default=str).encode("utf-8"))
            folders = [Path(f) for f in search_path(settings.overrides)]
            hash_files([*folders, CATALOGUE_DIR, *(p for p in (config_file, docs_dir) if p)],
                       hasher)
            self._global_key = hasher.hexdigest()
        return self._global_key

    def cached_output(self, src_uri: str, markdown: str, cache: RenderCache, *,
                      config_file: Path | None = None, docs_dir: Path | None = None
                      ) -> tuple[Any, str | None]:
        """``(mark, previous output)`` of a storyhub page in a preview: the output when the
        page's own key is unchanged since ``cache`` stored it and every question it asked
        the hub then gets the same answer now, else None (render it, recording what it
        reads into the mark)."""
        pipeline = self._pipeline
        page = pipeline.page(src_uri)
        if page is None:
            return None, None
        from storyhub.site.recording import Digests, Reads

        if self._digests is None:
            self._digests = Digests(pipeline.view)
            self._keep_cards(cache, self.global_key(config_file, docs_dir))
        digests = self._digests
        hasher = hashlib.sha256()
        for part in (self.global_key(config_file, docs_dir), markdown,
                     repr(pipeline.page_meta(page)), repr(pipeline.feed_links(page)),
                     digests.of(page) or ""):
            hasher.update(part.encode("utf-8", "surrogatepass") + b"\0")
        key = hasher.hexdigest()
        found = cache.pages.get(src_uri)
        if found is not None and found[0][0] == key and self._still_true(found[0][1]):
            return found[0], found[1]
        reads = self._recording[src_uri] = Reads()
        return (key, reads), None

    def _still_true(self, reads: Reads) -> bool:
        """Whether every question of ``reads`` gets the answer it had, in this build."""
        from storyhub.site.recording import Lookup, still_true

        assert self._digests is not None
        if self._lookup is None:
            self._lookup = Lookup(self._pipeline.view, self._pipeline.plan.by_src)
        return still_true(reads, self._lookup, self._digests)

    def _keep_cards(self, cache: RenderCache, global_key: str) -> None:
        """Offer this build's story cards the last build's, rendered under the same global
        key, and keep this build's for the next."""
        cards = self._pipeline.view.cards
        earlier = cache.cards
        cache.cards = (global_key, cards.rendered)
        if earlier is not None and earlier[0] == global_key:
            cards.keep_from(earlier[1], self._still_true)

    def view_for(self, src_uri: str | None, view: Any) -> Any:
        """``view``, recording what the page reads if a preview asked for it."""
        reads = self._recording.get(src_uri) if src_uri is not None else None
        if reads is None or self._digests is None:
            return view
        from storyhub.site.recording import RecordingView

        return RecordingView(view, reads, self._digests)
