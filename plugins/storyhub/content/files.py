"""What the content folders hold: walked once, every entry decided once.

:func:`walk_content` lists ``stories/`` and ``people/`` (and ``values.yml``) a single
time, without following a single symbolic link: a link is an error at the link, never
read or copied (a pull request could point one at ``/proc/self/environ`` or at any
file of the CI machine). Everything else — which Markdown files are stories and
profiles, which files a story folder may publish, what an ``image:`` or ``photo:``
path names — is answered from this record, so pages, image checks and the leak scan
never look at the folders again with their own filter.

What a story folder may publish is an allowlist: JPEG, PNG and WebP images (re-encoded
from their pixels later), and the extra types of the ``publish: files:`` option, each
with a size limit. Active content (HTML, SVG, XML, scripts…) never; other camera
formats (HEIC, GIF, TIFF, BMP, RAW…) are rejected with what to do instead; anything
else is not published and a warning says so.
"""

from __future__ import annotations

import os
import posixpath
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from storyhub.diagnostics.core import Diagnostic, Diagnostics, did_you_mean
from storyhub.options.publish import ACTIVE_SUFFIXES, MEDIA_SUFFIXES, PublishOptions

#: Images a story folder publishes, re-encoded from pixels into the format of their name.
IMAGE_FORMATS = {
    ".jpg": "JPEG", ".jpeg": "JPEG", ".jpe": "JPEG", ".jfif": "JPEG",
    ".png": "PNG", ".webp": "WEBP",
}
IMAGE_SUFFIXES = tuple(IMAGE_FORMATS)
#: Other images phones and cameras produce: rejected, with what to do instead.
OTHER_RASTER = {
    ".heic": "an iPhone HEIC photo: export it as JPEG (Photos > Export, or set the camera "
             "to 'Most Compatible')",
    ".heif": "a HEIF photo: export it as JPEG",
    ".avif": "an AVIF image: export it as JPEG or WebP",
    ".gif": "a GIF image: export it as PNG (animations are not published)",
    ".tif": "a TIFF image: export it as JPEG or PNG",
    ".tiff": "a TIFF image: export it as JPEG or PNG",
    ".bmp": "a BMP image: export it as PNG",
    ".dib": "a BMP image: export it as PNG",
    ".ico": "an icon file: export it as PNG",
    ".psd": "a Photoshop file: export it as JPEG or PNG",
    ".jxl": "a JPEG XL image: export it as JPEG",
    ".jp2": "a JPEG 2000 image: export it as JPEG",
    ".dng": "a camera RAW file: export it as JPEG",
    ".raw": "a camera RAW file: export it as JPEG",
    ".cr2": "a camera RAW file: export it as JPEG",
    ".cr3": "a camera RAW file: export it as JPEG",
    ".nef": "a camera RAW file: export it as JPEG",
    ".arw": "a camera RAW file: export it as JPEG",
    ".orf": "a camera RAW file: export it as JPEG",
    ".rw2": "a camera RAW file: export it as JPEG",
}
#: Files that operating systems and editors leave behind: never published, never reported.
JUNK = frozenset({".ds_store", "thumbs.db", "desktop.ini", ".gitkeep", ".keep", ".gitignore"})
_CONTENT_DIRS = ("stories", "people")


@dataclass(frozen=True)
class Entry:
    """One thing found under a content folder. ``path`` is never followed if it is a link."""

    path: Path
    rel: str  # relative to the hub root, POSIX, NFC
    kind: str  # "file" | "dir" | "link" | "other"
    size: int = 0
    links: int = 1  # hard links to the same file (a git checkout never makes more than 1)


@dataclass(frozen=True)
class FolderFile:
    """A file a story folder publishes: decided by the loader, used by every output."""

    path: Path  # a regular file inside the hub, never a symbolic link
    relative: str  # POSIX, NFC, relative to the story's folder: the name it is published under
    #: "image" (re-encoded from pixels) | "file" (allowlisted type, copied) | "media" (video,
    #: audio or WebVTT captions: published only when the story's video:/audio: names it)
    kind: str


@dataclass
class Walk:
    """Every entry of ``stories/`` and ``people/``, by path relative to the hub root."""

    root: Path
    entries: dict[str, Entry] = field(default_factory=dict)
    #: children of each folder, by the folder's rel path ("" for the root)
    children: dict[str, list[Entry]] = field(default_factory=dict)
    #: files that some reader or output claimed (read as a story, named by a field…)
    claimed: set[str] = field(default_factory=set)

    def get(self, rel: str) -> Entry | None:
        return self.entries.get(unicodedata.normalize("NFC", rel))

    def files_under(self, rel: str) -> list[Entry]:
        """Every entry below folder ``rel``, depth first, in name order (links not entered)."""
        out: list[Entry] = []
        for child in self.children.get(rel, []):
            out.append(child)
            if child.kind == "dir":
                out.extend(self.files_under(child.rel))
        return out


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


#: the hub's files beside stories/ and people/: values.yml, and tags.yml (optional)
ROOT_FILES = ("values.yml", "tags.yml", "campaigns.yml")


def walk_content(root: Path) -> Walk:
    """List ``stories/`` and ``people/`` once; symbolic links are recorded, never entered."""
    walk = Walk(root)
    walk.children[""] = []
    for name in (*_CONTENT_DIRS, *ROOT_FILES):
        entry = _entry(root / name, name)
        if entry is None:
            continue
        walk.entries[name] = entry
        walk.children[""].append(entry)
        if entry.kind == "dir":
            _walk_dir(walk, entry)
    return walk


def _entry(path: Path, rel: str) -> Entry | None:
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if stat.S_ISLNK(info.st_mode):
        kind = "link"
    elif stat.S_ISDIR(info.st_mode):
        kind = "dir"
    elif stat.S_ISREG(info.st_mode):
        kind = "file"
    else:
        kind = "other"
    return Entry(path, _nfc(rel), kind, info.st_size if kind == "file" else 0,
                 info.st_nlink if kind == "file" else 1)


def _walk_dir(walk: Walk, folder: Entry) -> None:
    children: list[Entry] = []
    try:
        with os.scandir(folder.path) as listing:
            names = sorted(item.name for item in listing)
    except OSError:
        names = []
    for name in names:
        entry = _entry(folder.path / name, f"{folder.rel}/{name}")
        if entry is None:
            continue
        walk.entries[entry.rel] = entry
        children.append(entry)
    walk.children[folder.rel] = children
    for child in children:
        if child.kind == "dir":
            _walk_dir(walk, child)


def link_message(entry: Entry) -> str:
    try:
        target = os.readlink(entry.path)
    except OSError:
        target = "?"
    return (
        f"'{entry.path.name}' is a symbolic link (to {target}): storyhub never follows links, "
        "so that nothing from outside the hub can be published; copy the file here instead"
    )


def report_links(walk: Walk, diagnostics: Diagnostics) -> None:
    """An error at every symbolic link and special file under the content folders."""
    for entry in walk.entries.values():
        if entry.kind == "link":
            diagnostics.error(entry.rel, 1, 1, link_message(entry), code="symlink")
        elif entry.kind == "other":
            diagnostics.error(
                entry.rel, 1, 1,
                f"'{entry.path.name}' is not a regular file or folder: remove it",
                code="symlink",
            )


def links_in(folder: Path, shown: str) -> list[Diagnostic]:
    """An error at every symbolic link in ``folder`` (itself included), which is never
    entered through a link. For ``docs/`` and ``overrides/``: MkDocs would follow a link
    there and copy whatever it points to into the site."""
    problems: list[Diagnostic] = []
    if not os.path.lexists(folder):
        return problems
    stack = [(folder, shown)]
    while stack:
        path, name = stack.pop()
        entry = _entry(path, name)
        if entry is None:
            continue
        if entry.kind == "link":
            problems.append(Diagnostic(entry.rel, 1, 1, link_message(entry), code="symlink"))
        elif entry.kind == "other":
            problems.append(Diagnostic(entry.rel, 1, 1, f"'{path.name}' is not a regular "
                                       "file or folder", code="symlink"))
        elif entry.kind == "dir":
            try:
                names = sorted(os.listdir(path), reverse=True)
            except OSError:
                continue
            stack.extend((path / child, f"{name}/{child}") for child in names)
    return problems


def committed_cache(root: Path) -> list[str]:
    """Files under ``.cache/storyhub`` that the repository tracks. The cache is keyed by
    inputs anyone can compute, so a pull request could commit a "cached" page or image
    with any content; storyhub refuses to build with one. (Empty outside a git checkout.)"""
    import subprocess

    if not (root / ".cache").exists():
        return []
    try:
        result = subprocess.run(
            ["git", "ls-files", "-z", "--", ".cache"], cwd=root, capture_output=True,
            check=False, timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    if result.returncode != 0:
        return []
    return sorted(_nfc(name) for name in result.stdout.decode("utf-8", "replace").split("\0")
                  if name)


# -- paths written in fields ------------------------------------------------------------------


def resolve(walk: Walk, folder_rel: str, written: str) -> tuple[Entry | None, str | None]:
    """The file that ``written`` (relative to ``folder_rel``) names, from the walk.

    Matching is exact (case and all), never through a link, and only inside ``stories/``
    and ``people/``. Returns the entry, or ``None`` and a sentence saying what is wrong.
    """
    if written.startswith(("/", "\\")) or "://" in written or Path(written).is_absolute() or (
        len(written) > 1 and written[1] == ":"
    ):
        return None, f"'{written}' must be a path relative to this file, e.g. photos/me.jpg"
    if "\\" in written:
        return None, f"'{written}' must use '/' between folders, e.g. photos/me.jpg"
    joined = posixpath.normpath(posixpath.join(folder_rel, _nfc(written)))
    if joined == ".." or joined.startswith("../"):
        return None, f"'{written}' points outside the hub folder"
    top = joined.split("/", 1)[0]
    if top not in _CONTENT_DIRS:
        return None, (
            f"'{written}' is outside stories/ and people/: put the file beside the story or "
            "in people/photos/"
        )
    parts = joined.split("/")
    current = ""
    for index, part in enumerate(parts):
        current = f"{current}/{part}" if current else part
        entry = walk.entries.get(current)
        if entry is None:
            parent = current.rsplit("/", 1)[0] if "/" in current else ""
            siblings = {_nfc(c.path.name): c for c in walk.children.get(parent, [])}
            same_case = [n for n in siblings if n.casefold() == part.casefold()]
            if same_case:
                return None, (
                    f"'{written}' does not exist — the file is called '{same_case[0]}' "
                    "(capital letters matter on the web)"
                )
            close = did_you_mean(part, siblings.keys())
            hint = f" — did you mean '{close}'?" if close else ""
            return None, f"'{written}' does not exist{hint}"
        if entry.kind == "link":
            return None, (
                f"'{written}' goes through a symbolic link ({entry.rel}): storyhub never "
                "follows links; copy the file here instead"
            )
        if entry.kind == "other":
            return None, f"'{written}' is not a regular file"
        if index < len(parts) - 1 and entry.kind != "dir":
            return None, f"'{written}' does not exist"
    assert entry is not None
    if entry.kind == "dir":
        return None, f"'{written}' is a folder, not a file"
    return entry, None


# -- what a story folder publishes ----------------------------------------------------------


def suffix_of(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def looks_active(head: bytes) -> bool:
    """Bytes a browser would run as a page or a script, whatever the file's name says."""
    text = head.lstrip(b"\xef\xbb\xbf\xfe\xff \t\r\n\x00").lower()
    return text.startswith((b"<", b"<?xml")) or any(
        marker in text[:1024] for marker in (b"<script", b"<html", b"<svg", b"<!doctype",
                                             b"<iframe", b"<body", b"<?xml")
    )


def folder_files(
    walk: Walk,
    folder_rel: str,
    diagnostics: Diagnostics,
    publish: PublishOptions,
    *,
    index_name: str = "index.md",
    named: frozenset[str] = frozenset(),
) -> list[FolderFile]:
    """The files a story folder may publish, in name order; every other file is reported
    (links and active content as errors, unknown types as warnings). ``named``: files the
    story's fields name (relative to the folder), such as a Markdown transcript: read, not
    reported."""
    published: list[FolderFile] = []
    for entry in walk.files_under(folder_rel):
        if entry.kind != "file":
            continue  # folders are walked; links and special files are reported once
        relative = entry.rel[len(folder_rel) + 1 :]
        name = entry.path.name
        suffix = suffix_of(name)
        if relative == index_name:
            continue
        walk.claimed.add(entry.rel)
        if any(part.startswith(".") for part in relative.split("/")):
            if name.lower() not in JUNK:
                diagnostics.warning(
                    entry.rel, 1, 1,
                    f"'{name}' is a hidden file and is not published",
                    code="not-published",
                )
            continue
        if name.lower() in JUNK:
            continue
        if suffix in (".md", ".markdown") and relative in named:
            continue  # read by the loader (an audio transcript), never copied
        if suffix in (".md", ".markdown"):
            diagnostics.warning(
                entry.rel, 1, 1,
                f"'{relative}' is not read: the story's text is {folder_rel}/{index_name}; "
                "another Markdown file beside it is neither read nor published",
                code="not-read",
            )
            continue
        if suffix in ACTIVE_SUFFIXES:
            diagnostics.error(
                entry.rel, 1, 1,
                f"'{name}' cannot be published beside a story: {suffix} files can run "
                "code in the reader's browser (export images as PNG or JPEG)",
                code="image-content",
            )
            continue
        if suffix in IMAGE_FORMATS:
            published.append(FolderFile(entry.path, relative, "image"))
            continue
        if suffix in OTHER_RASTER:
            diagnostics.error(
                entry.rel, 1, 1,
                f"'{name}' is {OTHER_RASTER[suffix]}; a story folder publishes only JPEG, "
                "PNG and WebP images",
                code="image-type",
            )
            continue
        limit = publish.media_max_bytes if suffix in MEDIA_SUFFIXES else publish.files.get(suffix)
        if limit is None:
            what = f"{suffix} files" if suffix else "files without a suffix"
            diagnostics.warning(
                entry.rel, 1, 1,
                f"'{name}' is not published: a story folder publishes JPEG, PNG and WebP "
                f"images; to publish {what}, list the type with a size limit in the "
                "'publish: files:' option",
                code="not-published",
            )
            continue
        if entry.links > 1:
            diagnostics.error(
                entry.rel, 1, 1,
                f"'{name}' is a hard link to a file elsewhere ({entry.links} names for the same "
                "file): it would be copied as it is, so it is not published; copy the file "
                "here instead",
                code="symlink",
            )
            continue
        if entry.size > limit and suffix in MEDIA_SUFFIXES:
            # the size of a file the story names is reported at its field (content/media_files)
            published.append(FolderFile(entry.path, relative, "media"))
            continue
        if entry.size > limit:
            diagnostics.error(
                entry.rel, 1, 1,
                f"'{name}' is {entry.size} bytes; the limit for {suffix} files is {limit} "
                "bytes ('publish: files:' option): make it smaller",
                code="file-size",
            )
            continue
        try:
            with entry.path.open("rb") as handle:
                head = handle.read(2048)
        except OSError:
            head = b""
        if looks_active(head):
            diagnostics.error(
                entry.rel, 1, 1,
                f"'{name}' contains HTML, SVG or XML, whatever its name says: a browser "
                "could run it, so it is not published",
                code="image-content",
            )
            continue
        published.append(FolderFile(entry.path, relative,
                                    "media" if suffix in MEDIA_SUFFIXES else "file"))
    return published


def report_unclaimed(walk: Walk, diagnostics: Diagnostics, expected: dict[str, str]) -> None:
    """A warning for every file under ``stories/`` and ``people/`` that nothing read or
    named. ``expected`` says, per content folder, what storyhub looks for there."""
    for entry in walk.entries.values():
        if entry.kind != "file" or entry.rel in walk.claimed or entry.rel in ROOT_FILES:
            continue
        name = entry.path.name
        if name.lower() in JUNK:
            continue
        top = entry.rel.split("/", 1)[0]
        if suffix_of(name) in IMAGE_FORMATS or suffix_of(name) in OTHER_RASTER:
            message = (
                f"'{name}' is not used: no {'profile' if top == 'people' else 'story'} names "
                f"it in '{'photo' if top == 'people' else 'image'}:', so it is not published"
            )
        else:
            message = f"'{name}' is not read: {expected.get(top, '')}{_rename_hint(entry)}"
        diagnostics.warning(entry.rel, 1, 1, message, code="not-read")


def _rename_hint(entry: Entry) -> str:
    """What the author most likely meant, for a file that is not read."""
    name = entry.path.name
    parts = entry.rel.split("/")
    lowered = name.lower()
    if name.startswith(("_", ".")) and lowered.endswith(".md"):
        return f" — files starting with '{name[0]}' are skipped; rename it to drop the '{name[0]}'"
    for wrong in (".md.txt", ".markdown", ".mdown", ".mkd", ".md.md", ".txt", ".md~"):
        if lowered.endswith(wrong):
            return f" — rename it to '{name[: -len(wrong)]}.md'"
    if lowered.endswith(".md") and len(parts) > 2:
        if parts[0] == "people":
            return f" — move it to people/{name}"
        if name == "index.md" and len(parts) > 3:
            return f" — move its folder to stories/{parts[-2]}/"
        if len(parts) > 3:
            return f" — move it to stories/{name}"
    return ""


__all__ = [
    "IMAGE_FORMATS",
    "IMAGE_SUFFIXES",
    "Entry",
    "FolderFile",
    "Walk",
    "folder_files",
    "link_message",
    "report_links",
    "report_unclaimed",
    "resolve",
    "walk_content",
]
