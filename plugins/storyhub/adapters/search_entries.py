"""A preview server's search index entries of unchanged pages, kept between rebuilds.

The theme's search plugin (Material's, or MkDocs' own) indexes every page on every build:
it parses the page's HTML again to cut it into sections. While ``mkdocs serve`` rebuilds,
most pages come out the same (storyhub keeps them: :mod:`storyhub.pipeline.renders`), and
parsing them again was a seventh of a rebuild at 1,000 stories. :class:`SearchEntries`
wraps the index's ``add_entry_from_context`` for one build: a page whose URL, HTML, title,
table of contents and search fields (``title``, ``tags``, ``search`` in its meta) are what
they were in the previous build gets the entries it had; any other page is indexed by the
plugin itself. The index written is the same either way (``tests/test_serve.py`` compares
the served folder, ``search/search_index.json`` included, with a fresh build's).
"""

from __future__ import annotations

from typing import Any

Key = tuple[Any, ...]


def _toc(items: Any) -> tuple[Any, ...]:
    """What the index reads of a table of contents: each anchor's id and link, nested."""
    return tuple((getattr(i, "id", None), getattr(i, "url", None),
                  _toc(getattr(i, "children", ()))) for i in items or ())


def _key(page: Any) -> Key:
    meta = page.meta or {}
    return (page.title, page.content, repr(meta.get("title")), repr(meta.get("tags")),
            repr(meta.get("search")), _toc(page.toc))


class SearchEntries:
    """Per search plugin (a new one, after ``mkdocs.yml`` changed, starts empty): each
    page's key and entries, from the last build."""

    def __init__(self) -> None:
        self._plugin: Any = None
        self._previous: dict[str, tuple[Key, list[Any]]] = {}
        self._current: dict[str, tuple[Key, list[Any]]] = {}
        self.kept = 0  # pages whose entries the last build kept

    def wrap(self, plugins: Any) -> bool:
        """Wrap this build's index of the search plugin among ``plugins`` (MkDocs' plugin
        collection); False, and nothing changed, when there is none to wrap."""
        plugin = next((p for p in plugins.values() if hasattr(
            getattr(p, "search_index", None), "add_entry_from_context")), None)
        index: Any = getattr(plugin, "search_index", None)
        add: Any = getattr(index, "add_entry_from_context", None)
        if (not isinstance(getattr(index, "entries", None), list)
                or getattr(add, "storyhub_entries", False)):
            return False  # no index of entries, or one already wrapped (not made anew)
        if plugin is not self._plugin:
            self._plugin, self._current = plugin, {}
        self._previous, self._current = self._current, {}
        self.kept = 0

        def add_entry_from_context(page: Any) -> None:
            key = _key(page)
            found = self._previous.get(page.url)
            if found is not None and found[0] == key:
                index.entries.extend(found[1])
                self.kept += 1
                self._current[page.url] = found
                return
            start = len(index.entries)
            add(page)
            self._current[page.url] = (key, index.entries[start:])

        add_entry_from_context.storyhub_entries = True  # type: ignore[attr-defined]
        index.add_entry_from_context = add_entry_from_context
        return True
