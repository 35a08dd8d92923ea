"""Pages kept between the rebuilds of a preview server (``mkdocs serve``).

The engine adapter keeps one :class:`RenderCache` for the life of the server. For each
storyhub page it keeps the output with the page's mark: a key of the page itself and of
everything global (options, templates, words, mkdocs.yml, the site's own pages), and what
the page read from the hub while it was rendered (:mod:`storyhub.site.recording`). When
the key is the same and every recorded question gets the same answer from the new hub,
the previous output is reused instead of rendering the page's template again.

:class:`KeptSite` keeps the output folder itself between rebuilds: the engine empties it
before every build, so it is set aside first and put back, and what the build leaves
unchanged (theme files, the editor bundle, pages whose output did not change) is not
written again; afterwards every file the build neither wrote nor kept is deleted (the
page of a removed or unpublished story), so what is served is what a clean build gives.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


def _export_memo() -> dict[str, Any]:
    from storyhub.social.export import ExportMemo

    return ExportMemo()


def _scan_memo() -> Any:
    from storyhub.pipeline.leaks import ScanMemo

    return ScanMemo()


def _pointer_memo() -> Any:
    from storyhub.pipeline.mentions import PointerMemo

    return PointerMemo()


def _image_memo() -> Any:
    from storyhub.media.images import ImageMemo

    return ImageMemo()


@dataclass
class RenderCache:
    #: src_uri -> (mark, output HTML) of the last build; a mark is the page's own key and
    #: what it read from the hub (:class:`storyhub.site.recording.Reads`)
    pages: dict[str, tuple[Any, str]] = field(default_factory=dict)
    #: src_uri -> what the engine made of the page's Markdown (its HTML and table of
    #: contents, opaque here), so an unchanged page is not converted again either
    converted: dict[str, tuple[str, Any, Any]] = field(default_factory=dict)
    #: a story's snippets, by a hash of everything they are made from
    snippets: dict[str, Any] = field(default_factory=dict)
    #: per story, its part of snippets.json, snippets.csv and the snippets page as last
    #: written (:class:`storyhub.social.export.ExportMemo`)
    exports: dict[str, Any] = field(default_factory=_export_memo)
    #: images re-encoded and their responsive versions, by content key
    images: Any = field(default_factory=_image_memo)
    #: stories and profiles split into front matter and body, by (file, text)
    documents: dict[tuple[str, str], Any] = field(default_factory=dict)
    #: the story cards of the last build and the global key they were rendered under
    #: (:meth:`storyhub.site.story_cards.StoryCards.keep_from`)
    cards: tuple[str, dict[Any, Any]] | None = None
    #: what the leak scans found clean (:class:`storyhub.pipeline.leaks.ScanMemo`)
    scans: Any = field(default_factory=_scan_memo)
    #: what the hub's files held of the traces the check looks for
    #: (:class:`storyhub.pipeline.mentions.PointerMemo`)
    pointers: Any = field(default_factory=_pointer_memo)
    reused: int = 0
    rendered: int = 0
    #: src_uris of the pages rendered by the last build (the rest were reused)
    last_rendered: set[str] = field(default_factory=set)

    def start_build(self) -> None:
        self.reused = self.rendered = 0
        self.last_rendered = set()

    def store(self, src_uri: str, fingerprint: Any, output: str,
              converted: tuple[str, Any, Any] | None = None) -> None:
        self.pages[src_uri] = (fingerprint, output)
        if converted is not None:
            self.converted[src_uri] = converted
        self.rendered += 1
        self.last_rendered.add(src_uri)

    def forget_except(self, src_uris: Iterable[str]) -> None:
        """Drop pages that no longer exist (a removed story); keep the snippets memo small
        (measured against the pages the site has now: on the first build none is stored)."""
        keep = set(src_uris)
        trim(self.snippets, len(keep))
        for src_uri in [s for s in self.pages if s not in keep]:
            del self.pages[src_uri]
            self.converted.pop(src_uri, None)


def trim(memo: dict[Any, Any], live: int) -> None:
    """Empty a memo kept between rebuilds once it holds more than four entries per ``live``
    item: the rest are old versions of edited ones."""
    if len(memo) > 4 * max(live, 64):
        memo.clear()


#: the previous build's folders while the engine empties the output folder (a hidden
#: name: MkDocs does not empty what starts with a dot)
ASIDE = ".storyhub-previous"
_MARK = ".storyhub-build-mark"


def _changed_at(found: os.stat_result) -> int:
    # ctime: a copy that keeps the source's mtime (copy2) is still new; mtime: on Windows
    # st_ctime is the creation time, which overwriting a file does not change.
    return max(found.st_mtime_ns, found.st_ctime_ns)


@dataclass
class KeptSite:
    """A preview server's output folder, updated in place instead of emptied and written
    again. One per server; every step does nothing unless :meth:`set_aside` ran.

    1. :meth:`set_aside` (before the engine empties the folder): note the time, move the
       folders under a hidden name the engine leaves alone;
    2. :meth:`put_back` (before anything is written): move them back;
    3. while building: :meth:`unchanged_copy` and :meth:`same_bytes` say which files
       need not be written again, and keep them;
    4. :meth:`sweep` (after the build): delete every file that was neither written since
       step 1 nor kept, and the folders left empty.

    A build the engine started from an emptied folder (the first, one after a failed
    build, or when the file system's times cannot tell builds apart) keeps nothing.
    """

    site_dir: Path | None = None
    #: the moment of step 1, on the file system's clock
    mark: int | None = None
    #: files not written again by this build, on purpose
    kept: set[str] = field(default_factory=set)
    #: whether the last build finished (a failed build's folder is not trusted)
    finished: bool = False
    #: the latest change time the last sweep saw (its build's newest file)
    newest: int = 0

    def set_aside(self, site_dir: Path) -> None:
        aside = site_dir / ASIDE
        if aside.exists():  # left by a build that failed before step 2
            shutil.rmtree(aside, ignore_errors=True)
        self.kept = set()
        if not (self.finished and site_dir == self.site_dir and site_dir.is_dir()):
            self.site_dir, self.mark = site_dir, None
            return
        self.finished = False
        marker = site_dir / _MARK
        marker.write_bytes(b"")
        self.mark = _changed_at(marker.stat())
        marker.unlink()
        if self.mark <= self.newest:
            # a file system whose times are too coarse (FAT: 2 s) to tell this build's files
            # from the last one's: the engine empties the folder, as always
            self.mark = None
            return
        aside.mkdir()
        for entry in os.scandir(site_dir):
            # Files at the top (the home page, the sitemap) are few and always written.
            if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
                os.replace(entry.path, aside / entry.name)

    def put_back(self) -> None:
        if self.site_dir is None:
            return
        aside = self.site_dir / ASIDE
        if not aside.is_dir():
            self.mark = None  # nothing to keep: the build writes everything
            return
        for entry in os.scandir(aside):
            target = self.site_dir / entry.name
            if target.exists():  # something wrote there first: write it all again
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                os.replace(entry.path, target)
        shutil.rmtree(aside, ignore_errors=True)

    @property
    def active(self) -> bool:
        return self.mark is not None

    def unchanged_copy(self, src: str, dest: str) -> bool:
        """True (and ``dest`` kept) when ``dest`` already holds exactly the bytes of ``src``
        (compared, not guessed from names, sizes or dates)."""
        if not self.active:
            return False
        try:
            if os.path.getsize(src) != os.path.getsize(dest):
                return False
            with open(src, "rb") as source, open(dest, "rb") as copy:
                while True:
                    block = source.read(1 << 20)
                    if block != copy.read(1 << 20):
                        return False
                    if not block:
                        break
        except OSError:
            return False
        self.kept.add(os.path.normpath(dest))
        return True

    def same_bytes(self, dest: str, data: bytes) -> bool:
        """True (and ``dest`` kept) when ``dest`` already holds exactly ``data``."""
        if not self.active:
            return False
        try:
            if os.path.getsize(dest) != len(data):
                return False
            with open(dest, "rb") as handle:
                if handle.read() != data:
                    return False
        except OSError:
            return False
        self.kept.add(os.path.normpath(dest))
        return True

    def state(self, path: Path) -> str:
        """What this build did with a file of the folder, for the leak scan: "kept" (its
        bytes compared with the ones this build would write), "stale" (left by the last
        build and neither written nor kept: :meth:`sweep` deletes it), or "" (written)."""
        if self.mark is None or self.site_dir is None:
            return ""
        name = os.path.normpath(path)
        if name in self.kept:
            return "kept"
        try:
            top = Path(name).relative_to(self.site_dir).parts
            if len(top) < 2 or top[0].startswith("."):
                return ""  # files at the top are always written; hidden ones never swept
            return "stale" if _changed_at(os.stat(name, follow_symlinks=False)) < self.mark else ""
        except (OSError, ValueError):
            return ""

    def sweep(self) -> int:
        """Delete what the build neither wrote nor kept; returns how many files."""
        site, mark = self.site_dir, self.mark
        self.finished = site is not None
        if site is None:
            return 0
        removed = newest = 0
        # Files at the top were emptied by the engine like always; hidden entries are never
        # touched (the engine does not empty them either).
        tops = [e.path for e in os.scandir(site)
                if e.is_dir(follow_symlinks=False) and not e.name.startswith(".")]
        for top in tops:
            for folder, _, files in os.walk(top, topdown=False):
                for name in files:
                    path = os.path.join(folder, name)
                    if path in self.kept:
                        continue
                    with contextlib.suppress(OSError):
                        changed = _changed_at(os.stat(path, follow_symlinks=False))
                        if mark is not None and changed < mark:
                            os.unlink(path)
                            removed += 1
                        newest = max(newest, changed)
                with contextlib.suppress(OSError):
                    os.rmdir(folder)  # only if empty
        self.newest = newest
        return removed


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
