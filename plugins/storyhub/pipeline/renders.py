"""Pages kept between the rebuilds of a preview server (``mkdocs serve``).

The engine adapter keeps one :class:`RenderCache` for the life of the server. For each
storyhub page the pipeline computes a fingerprint of everything the page is rendered from
(:mod:`storyhub.site.dependencies`, plus options, templates, words, mkdocs.yml and the
site's own pages); when it matches the previous build's, the previous output is reused
instead of rendering the page's template again. Pages of unknown kind, and every page
of a build whose global inputs changed, are rendered again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


@dataclass
class RenderCache:
    #: src_uri -> (fingerprint, output HTML) of the last build
    pages: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: src_uri -> what the engine made of the page's Markdown (its HTML and table of
    #: contents, opaque here), so an unchanged page is not converted again either
    converted: dict[str, tuple[str, Any]] = field(default_factory=dict)
    #: a story's snippets, by a hash of everything they are made from
    snippets: dict[str, Any] = field(default_factory=dict)
    #: per story, its part of snippets.json and snippets.csv as last written
    exports: dict[str, Any] = field(default_factory=dict)
    reused: int = 0
    rendered: int = 0
    #: src_uris of the pages rendered by the last build (the rest were reused)
    last_rendered: set[str] = field(default_factory=set)

    def start_build(self) -> None:
        self.reused = self.rendered = 0
        self.last_rendered = set()

    def get(self, src_uri: str, fingerprint: str | None) -> str | None:
        if fingerprint is None:
            return None
        found = self.pages.get(src_uri)
        return found[1] if found is not None and found[0] == fingerprint else None

    def store(self, src_uri: str, fingerprint: str, output: str,
              converted: tuple[str, Any] | None = None) -> None:
        self.pages[src_uri] = (fingerprint, output)
        if converted is not None:
            self.converted[src_uri] = converted
        self.rendered += 1
        self.last_rendered.add(src_uri)

    def forget_except(self, src_uris: Iterable[str]) -> None:
        """Drop pages that no longer exist (a removed story); keep the snippets memo small
        (measured against the pages the site has now: on the first build none is stored)."""
        keep = set(src_uris)
        if len(self.snippets) > 4 * max(len(keep), 64):
            self.snippets.clear()
        for src_uri in [s for s in self.pages if s not in keep]:
            del self.pages[src_uri]
            self.converted.pop(src_uri, None)


def hash_files(paths: Iterable[Path], hasher: hashlib._Hash) -> None:
    """Add the names and bytes of ``paths`` (files, or folders walked) to ``hasher``."""
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file())
        elif path.is_file():
            files = [path]
        else:
            continue
        for file in files:
            hasher.update(str(file).encode("utf-8", "surrogatepass"))
            hasher.update(b"\0")
            hasher.update(file.read_bytes())
            hasher.update(b"\0")


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory while ``mkdocs serve`` rebuilds: MkDocs makes a new
    Jinja environment for every build, and compiling Material's templates again costs more
    than rendering the pages of a small hub. Keyed by template name and source checksum,
    so an edited template is compiled again."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()
