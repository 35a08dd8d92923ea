"""Where the hub's own files point at what it does not publish, found at their line before
anything is built.

The leak scan (:mod:`storyhub.pipeline.leaks`) refuses a built site that links to a story or
profile the hub does not publish, or names a person who may not be named, wherever it
stands (:class:`~storyhub.pipeline.leaks.Pointer`): published text cannot excuse it. When
the words come from the hub's own files (a story that names a colleague who withdrew
consent, a page linking to a draft), the scan can only name the built page they landed on.
:func:`find_pointers` reads the files the site publishes (stories, profiles, values, the
captions and transcripts of published stories, the site's own pages) for the same traces,
seen the way the scan sees them (case, width, invisible characters, character references,
tags and emphasis marks set aside; across a line break too), so that ``storyhub check``, and
every build before it writes anything, names the file, line and column instead.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from storyhub.hub.graph import Hub
from storyhub.pipeline.leaks import Matcher, Pointer, Secret, normalise, pointers, unescape
from storyhub.site.sanitize import blank_comments
from storyhub.text.yamlsource import Located

#: the files of a story folder read as text (captions, transcripts, allowlisted text files)
TEXT_SUFFIXES = (".vtt", ".md", ".markdown", ".txt", ".csv", ".json", ".xml")
#: what a page shows without: tags, and Markdown's emphasis and code marks
#: (a tag within its line, so that the text keeps its lines)
_MARKUP = re.compile(r"<[^<>\n]*>|[*_~`]+")
_MARKS = "<*_~`"


@dataclass(frozen=True)
class Found:
    path: str  # as messages show it
    line: int
    col: int
    pointer: Pointer

    def message(self) -> str:
        pointer = self.pointer
        if not pointer.url:
            return (f"mentions {pointer.title} ({pointer.source}), who may not be named on the "
                    f"site ({pointer.reason}): remove the name, or tell it without naming "
                    "them (the build refuses a site that names them)")
        what = (f"the story '{pointer.title}'" if pointer.kind == "story"
                else f"the profile of {pointer.title}")
        return (f"links to {what} ({pointer.source}), which is not published "
                f"({pointer.reason}): remove the link until it is (the build refuses a site "
                "that links to it)")


@dataclass
class PointerMemo:
    """A preview server's record of what each file held, by its text, for the traces of
    ``traces`` (forgotten when they change): an edit reads again only the file it changed."""

    traces: tuple[Secret, ...] = ()
    found: dict[tuple[str, str], list[tuple[int, int, str]]] = field(default_factory=dict)


def find_pointers(hub: Hub, texts: list[tuple[str, str]], memo: PointerMemo | None = None
                  ) -> list[Found]:
    """Each place where a text the site publishes holds a :class:`Pointer` of ``hub``: the
    published stories and profiles (their front matter's texts and their bodies, HTML
    comments aside: never published), the values, the captions and text files of published
    story folders, and ``texts`` (path and text: the site's own pages, already read, published
    as they are). Nothing is read when the hub hides nothing."""
    found_pointers = pointers(hub)
    if not found_pointers:
        return []
    by_text = {normalise(p.text): p for p in found_pointers}
    matcher = Matcher(Secret(text, "", url=p.url, always=True) for text, p in by_text.items())
    seen: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    if memo is not None:
        if memo.traces != matcher.secrets:
            memo.traces, memo.found = matcher.secrets, {}
        seen, memo.found = memo.found, {}
    found: list[Found] = []
    # one file at a time: no more than one file's text is held (outside a preview's memo)
    for path, raw, parts in chain(_published(hub), ((p, t, None) for p, t in texts)):
        key = (path, raw)
        places = seen.get(key)
        if places is None:
            places = _places(raw, parts, matcher)
        if memo is not None:
            memo.found[key] = places  # (only this build's files: the memo never grows)
        found += [Found(path, line, col, by_text[trace]) for line, col, trace in places]
    return found


#: what of a file the site publishes: the texts of its YAML (or of parts of it) and its
#: Markdown body (first line, text); None: the file as it is
Parts = tuple[list[Located], tuple[int, str] | None] | None


def _places(raw: str, parts: Parts, matcher: Matcher) -> list[tuple[int, int, str]]:
    """(line, column, trace) of each trace in what the site publishes of a file ``raw``.
    The file is read whole first: what it publishes is in it as written, but for the
    escapes of a double-quoted YAML text (hence a file holding a backslash is read part by
    part), so most files are read once and found clean."""
    if parts is None:
        pieces = [(1, raw)]
    elif "\\" not in raw and not _holds(raw, matcher):
        return []
    else:
        documents, body = parts
        pieces = [text for located in documents for text in _strings(located)]
        if body is not None:
            pieces.append((body[0], blank_comments(body[1])))
    lines = raw.split("\n")
    places: list[tuple[int, int, str]] = []
    for first, text in pieces:
        for line, secret in mentions(text, matcher):
            number = min(first + line - 1, len(lines))
            places.append((number, _column(lines[number - 1], secret.text), secret.text))
    return places


def _published(hub: Hub) -> Iterator[tuple[str, str, Parts]]:
    """(path, text as written, what of it the site publishes) of each hub file whose words
    the site publishes."""
    files: dict[str, tuple[Path | str, Parts]] = {}  # a path to read, or the text read
    bodies = [*((s.source, s.body) for s in hub.stories),
              *((p.source, p.bio) for p in hub.people.values())]
    for source, body in bodies:
        # (read again: kept from the loader, the texts held 5 MB more at 1,000 stories)
        files[source.path] = (source.abs_path, ([source.located], (source.body_line, body)))
    for story in hub.stories:
        base = story.source.path.rsplit("/", 1)[0]
        for item in story.source.folder_files:
            if item.relative.lower().endswith(TEXT_SUFFIXES) and hub.file_published(item.path):
                files[f"{base}/{item.relative}"] = (item.path, None)
        for media in story.source.media:  # a transcript the page renders, read by the loader
            if media.transcript_markdown and media.transcript_shown:
                files[media.transcript_shown] = (media.transcript_markdown,
                                                 ([], (1, media.transcript_markdown)))
    for value in hub.values.values():  # each value: its part of values.yml
        _, parts = files.setdefault(value.source.path, (value.source.abs_path, ([], None)))
        assert parts is not None
        parts[0].append(value.source.located)
    for path, (where, parts) in files.items():
        if isinstance(where, str):
            yield path, where, parts
            continue
        try:
            text = where.read_text(encoding="utf-8-sig", errors="replace")
        except OSError:
            continue
        yield path, text.replace("\r\n", "\n").replace("\r", "\n"), parts


def _strings(located: Located) -> list[tuple[int, str]]:
    """(line, text) of every text of a YAML document (keys and comments aside)."""
    found: list[tuple[int, str]] = []

    def walk(node: object, path: tuple[str | int, ...]) -> None:
        if isinstance(node, str):
            found.append((located.value_pos(path)[0], node))
        elif isinstance(node, dict):
            for key, item in node.items():
                walk(item, (*path, key))
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, (*path, index))

    walk(located.data, ())
    return found


def _views(text: str) -> list[str]:
    """``text`` as written and, where it holds markup, without its tags and emphasis marks."""
    if any(mark in text for mark in _MARKS):  # (each a quick search in C: no pattern)
        return [text, _MARKUP.sub("", text)]
    return [text]


def _holds(text: str, matcher: Matcher) -> bool:
    """Whether a view of ``text`` holds a trace of ``matcher``."""
    return any(next(matcher.find(_folded(view)), None) is not None for view in _views(text))


def mentions(text: str, matcher: Matcher) -> Iterator[tuple[int, Secret]]:
    """(line, trace) of each trace of ``matcher`` in ``text`` (1-based), read as the leak
    scan reads a page: normalised, character references decoded; and, where the text holds
    markup, once more without its tags and emphasis marks. Lines are joined as a page joins
    them, so a name across a line break is found (at the line it starts on).

    Each view is read whole first (none of its steps crosses a line end, so reading it line
    by line finds the same); only a view that holds a trace is read line by line."""
    seen: set[tuple[int, str]] = set()
    for view in _views(text):
        if next(matcher.find(_folded(view)), None) is None:
            continue
        starts: list[int] = []
        numbers: list[int] = []
        parts: list[str] = []
        at = 0
        for number, line in enumerate(view.split("\n")):
            folded = _folded(line)
            if folded:
                starts.append(at)
                numbers.append(number)
                parts.append(folded)
                at += len(folded) + 1
        for secret, start, _ in matcher.find(" ".join(parts)):
            number = numbers[bisect_right(starts, start) - 1]
            if (number, secret.text) not in seen:
                seen.add((number, secret.text))
                yield number + 1, secret


def _folded(text: str) -> str:
    """``text`` as the scan matches it: character references decoded, normalised."""
    return normalise(unescape(text))


def _column(line: str, trace: str) -> int:
    """Where on ``line`` the trace's first word starts, as near as can be told (1 if it is
    written otherwise: full-width, split by an invisible character)."""
    first = trace.split(" ", 1)[0]
    at = line.casefold().find(first)
    return at + 1 if at >= 0 else 1
