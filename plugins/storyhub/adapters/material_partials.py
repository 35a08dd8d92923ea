"""Material's navigation partials rendered once per folder, not once per page.

Material renders its tabs and its navigation drawer (``partials/tabs.html``,
``partials/nav.html``) into every page. A hub's thousand story pages all sit in one folder
(``stories/<slug>/``) and none of them is in the navigation, so all of them get the same
tabs and drawer, byte for byte: the links are relative to the page, but two pages of one
folder reach every navigation target the same way unless the target lies inside one of them.

So each partial's output is kept under a key naming everything it reads: the navigation's
items (title, address, active state, index flag, metadata, nesting), the page's language
(its words), and where the page stands (the folder its links are relative to). A page that
is itself in the navigation (its table of contents is in the drawer), or whose folder holds
a navigation target, is rendered as usual. An overridden partial (``overrides/partials/...``)
is never kept: it may read anything.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateNotFound

#: the partials kept, and the macro files they import (all must be Material's own)
PARTIALS = {
    "partials/tabs.html": ("partials/tabs-item.html",),
    "partials/nav.html": ("partials/nav-item.html",),
}


class _Uncacheable(Exception):
    pass


def keep_navigation_partials(env: Environment, theme_dir: Path) -> None:
    """Make ``env`` keep the output of Material's tabs and drawer (see the module)."""
    for name, imports in PARTIALS.items():
        try:
            templates = [env.get_template(n) for n in (name, *imports)]
        except TemplateNotFound:
            continue
        if not all(_is_in(t.filename, theme_dir) for t in templates):
            continue  # overridden: rendered on every page
        template = templates[0]
        template.root_render_func = _kept(template.root_render_func, name)


def _is_in(filename: str | None, folder: Path) -> bool:
    return filename is not None and Path(filename).resolve().is_relative_to(folder.resolve())


def _kept(render: Callable[[Any], Iterator[str]],
          name: str) -> Callable[[Any], Iterator[str]]:
    store: dict[tuple[Any, ...], str] = {}

    def root(context: Any) -> Iterator[str]:
        key = _page_key(context)
        if key is None:
            yield from render(context)
            return
        key = (name, *key)
        found = store.get(key)
        if found is None:
            found = store[key] = "".join(render(context))
        yield found

    return root


_last: list[Any] = [None, None, None]  # the page, its navigation and its key, last asked


def _page_key(context: Any) -> tuple[Any, ...] | None:
    """:func:`_key`, worked out once per page for both partials (None: not kept)."""
    page, nav = context.get("page"), context.get("nav")
    if _last[0] is not page or _last[1] is not nav or page is None:
        try:
            key: tuple[Any, ...] | None = _key(context)
        except _Uncacheable:
            key = None
        _last[:] = [page, nav, key]
    return _last[2]  # type: ignore[no-any-return]


def _key(context: Any) -> tuple[Any, ...]:
    page, nav = context.get("page"), context.get("nav")
    if page is None or nav is None or any(p is page for p in nav.pages):
        raise _Uncacheable
    url = page.url or ""
    # MkDocs makes links relative to the page's folder (the URL itself for folder URLs)
    last = url.rstrip("/").rsplit("/", 1)[-1]
    folder = posixpath.dirname(url) if "." in last and not url.endswith("/") else url.rstrip("/")
    items: list[tuple[Any, ...]] = []
    _describe(nav.items, folder, items)
    view = context.get("storyhub")
    where = (folder.count("/") + 1, posixpath.dirname(folder)) if folder else (0, "")
    return (*where, getattr(view, "language", None), tuple(items))


def _describe(nav_items: Any, folder: str, out: list[tuple[Any, ...]]) -> None:
    for item in nav_items:
        target = getattr(item, "url", None)
        if target is not None and folder and (
                target.rstrip("/") == folder or target.startswith(folder + "/")):
            raise _Uncacheable  # a link into the page's own folder depends on the page
        meta = getattr(item, "meta", None) or {}
        # Material's navigation reads a page's title, icon and status from its metadata
        out.append((type(item).__name__, str(item.title), target, bool(item.active),
                    getattr(item, "is_index", None), str(meta.get("icon", "")),
                    str(meta.get("status", "")), len(item.children or ())))
        if item.children:
            _describe(item.children, folder, out)
