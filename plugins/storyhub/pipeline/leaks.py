"""The leak scan: after a build, look through every output file for unpublished content.

:func:`secrets_of` lists distinctive traces of everything the hub did *not*
publish (drafts, embargoed stories, stories taken down after a withdrawal, people
who are not named, photos without consent): their URLs, titles, summaries, a
sentence of their text, file names, names. :func:`scan_site` reads every file of
a built site (HTML, XML, JSON, text, gzip, file names; the bytes of images, fonts,
PDFs and media, and as text any file whose name says binary and whose bytes do not)
and reports where one appears. Short or common words are never used as traces, so
ordinary text does not trip the scan; the price is that a leak of a very short title goes
unseen.

Every trace is looked for at once, with an Aho-Corasick automaton (``ahocorasick_rs``): the
scan reads each text once however many traces there are. A hub with hundreds of drafts has
thousands of traces; a regular expression of alternatives tried them one by one at every
character, a time that grew with the traces times the site (300 traces: 24 s on the
example hub, against 0.2 s).
"""

from __future__ import annotations

import binascii
import contextlib
import gzip
import html
import json
import os
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from html.entities import html5
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote

from ahocorasick_rs import AhoCorasick, BytesAhoCorasick

from storyhub.content.model import Person, Story
from storyhub.hub.graph import Hub

#: Binary formats by suffix, each with how its files start (offset, bytes; any of them).
#: A file named so whose bytes start otherwise is not that format: it is read as text (a
#: ``docs/photo.jpg`` holding a draft's title in plain text is served as it is). One whose
#: bytes do start so is read as bytes for the traces as they are written in metadata
#: (:class:`BytesMatcher`); what it holds compressed (a PDF's streams) is not seen.
BINARY_SIGNATURES: dict[str, tuple[tuple[int, bytes], ...]] = {
    ".jpg": ((0, b"\xff\xd8\xff"),),
    ".jpeg": ((0, b"\xff\xd8\xff"),),
    ".png": ((0, b"\x89PNG\r\n\x1a\n"),),
    ".gif": ((0, b"GIF87a"), (0, b"GIF89a")),
    ".webp": ((8, b"WEBP"),),  # after "RIFF" and a length
    ".avif": ((4, b"ftyp"),),
    ".ico": ((0, b"\x00\x00\x01\x00"),),
    ".woff": ((0, b"wOFF"),),
    ".woff2": ((0, b"wOF2"),),
    ".ttf": ((0, b"\x00\x01\x00\x00"), (0, b"true"), (0, b"ttcf")),
    ".otf": ((0, b"OTTO"),),
    ".eot": ((34, b"LP"),),
    ".pdf": ((0, b"%PDF-"),),
    ".zip": ((0, b"PK\x03\x04"), (0, b"PK\x05\x06")),
    # ID3 tags first, or straight to a frame's sync bits (MPEG 1, 2, 2.5; with or without CRC)
    ".mp3": ((0, b"ID3"), *((0, bytes((0xFF, second))) for second in
                            (0xFB, 0xFA, 0xF3, 0xF2, 0xE3, 0xE2))),
    ".mp4": ((4, b"ftyp"),),
    ".m4v": ((4, b"ftyp"),),
    ".m4a": ((4, b"ftyp"),),
    ".webm": ((0, b"\x1a\x45\xdf\xa3"),),
    ".ogg": ((0, b"OggS"),),
    ".oga": ((0, b"OggS"),),
    ".opus": ((0, b"OggS"),),
}
MIN_TEXT = 12  # a title or name shorter than this is too common to scan for
MIN_SENTENCE = 32
# A run of words and spaces only: it reads the same in the Markdown and in the page.
# Starts only where a word starts, words bounded in length: linear on any line.
_SENTENCE = re.compile(r"(?<![^\W_])[^\W_]{1,60}(?: [^\W_]{1,60}){4,}")


@dataclass(frozen=True)
class Secret:
    """A trace of unpublished content: ``text`` (normalised), ``why`` it must not appear."""

    text: str
    why: str
    url: bool = False  # match as a URL path: not followed by more of a slug
    #: kept even when published text contains it (a hidden person's name in a story is a leak)
    always: bool = False


@dataclass(frozen=True)
class Leak:
    file: str  # path relative to the site folder
    secret: Secret
    excerpt: str

    def format(self) -> str:
        return f"{self.file}: {self.secret.why} ({self.excerpt!r})"


#: Characters that change nothing a reader sees: soft hyphens, zero-width characters,
#: bidirectional controls, word joiners, variation selectors, the BOM. Removed before
#: matching, so that a name split by one of them is still found.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)


def normalise(text: str) -> str:
    """Text as a reader sees it, for matching: NFKC (full-width and ligatures folded),
    case-folded, invisible characters removed, blanks collapsed.

    Plain ASCII has nothing to fold or remove: its words, lower-cased. Each step keeps to
    its line (a line end is never decomposed, composed or folded), so only the lines that
    hold another character take the long way: a page whose one ellipsis or no-break space
    would otherwise send all of it through NFKC twice."""
    if text.isascii():
        return " ".join(text.lower().split())
    parts = []
    done = 0
    while (found := _NON_ASCII.search(text, done)) is not None:
        start = text.rfind("\n", done, found.start()) + 1
        end = text.find("\n", found.end())
        if end < 0:
            end = len(text)
        parts.append(text[done:start].lower())
        parts.append(_folded(text[start:end]))
        done = end
    parts.append(text[done:].lower())
    return " ".join(" ".join(parts).split())


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _folded(text: str) -> str:
    """NFKC, invisible characters removed, case-folded (and NFKC again: folding can undo it)."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    return unicodedata.normalize("NFKC", text.casefold())


# -- what must not appear --------------------------------------------------------------------


def secrets_of(hub: Hub, public_texts: Iterable[str] = ()) -> list[Secret]:
    """Distinctive traces of every story, person and photo the hub does not publish.

    A trace that also occurs in published content (``public_texts``: e.g. the site's
    own pages; published stories and profiles are added here) is dropped: it cannot
    be told apart from what was meant to be public. Links and the names of people who
    must not be named are always kept: in a published story they are a leak too.
    """
    published_texts = _published_texts(hub)
    secrets: dict[str, Secret] = {}

    def add(text: str, why: str, *, url: bool = False, minimum: int = MIN_TEXT,
            always: bool = False) -> None:
        key = normalise(text)
        if url or (len(key) >= minimum and key not in published_texts):
            secrets.setdefault(key, Secret(key, why, url, always or url))

    stories = {s.id: s for s in hub.content.stories}
    published_files = {normalise(Path(a).name) for a in _published_asset_names(hub)}
    for pointer in pointers(hub):
        add(pointer.text, pointer.why, url=pointer.url, minimum=6, always=True)
    for slug, verdict in sorted(hub.hidden_stories.items()):
        story = stories.get(slug)
        if story is None:
            continue
        why = f"{story.source.path} is not published ({verdict.reason})"
        add(story.title, f"title of {why}")
        add(story.summary, f"summary of {why}")
        sentence = first_sentence(story.body)
        if sentence:
            add(sentence, f"text of {why}", minimum=MIN_SENTENCE)
        for name in _story_file_names(hub, story):
            if normalise(name) not in published_files:
                add(name, f"file of {why}", minimum=10)
        for text, what in _media_texts(story):
            add(text, f"{what} of {why}", minimum=MIN_SENTENCE if what != "video or audio "
                "description" else MIN_TEXT)
    for person_id, verdict in sorted(hub.hidden_people.items()):
        person = hub.all_people[person_id]
        why = f"{person.source.path} is not named ({verdict.reason})"
        _add_photo(hub, person, why, published_files, add)
    for person in hub.people.values():
        if person.photo is not None and not hub.shows_photo(person):
            _add_photo(hub, person, f"{person.source.path} did not consent to their photo",
                       published_files, add)
    matcher = Matcher([s for s in secrets.values() if not s.always])
    if not matcher:  # nothing a published text could excuse: no corpus to read
        return list(secrets.values())
    public = _found_in(matcher, map(normalise, [*_public_corpus(hub), *public_texts]))
    return [s for s in secrets.values() if s.always or s.text not in public]


#: the published texts are matched in pieces of about this many characters (:func:`_found_in`)
CHUNK_CHARS = 1 << 18


@dataclass(frozen=True)
class Pointer:
    """What no published text may hold, however public it is otherwise: the address of a
    story or profile the hub does not publish (``url``), or the name of a person who may
    not be named (when it is distinctive enough to look for: two words or more, or
    :data:`MIN_TEXT` characters)."""

    text: str  # as written (``stories/<slug>``, ``people/<id>``, the name)
    url: bool
    kind: str  # "story" | "person"
    source: str  # the story's or the person's file, as messages show it
    reason: str  # why it is not published
    title: str  # the story's title or the person's name

    @property
    def why(self) -> str:
        """What the leak scan says of a trace of it."""
        what = "link to" if self.url else "name from"
        state = "not published" if self.kind == "story" else "not named"
        return f"{what} {self.source} is {state} ({self.reason})"


def pointers(hub: Hub) -> list[Pointer]:
    """Every :class:`Pointer` of ``hub``: its hidden stories' addresses, its hidden people's
    addresses and names."""
    found: list[Pointer] = []
    stories = {s.id: s for s in hub.content.stories}
    for slug, verdict in sorted(hub.hidden_stories.items()):
        story = stories.get(slug)
        if story is not None:
            found.append(Pointer(f"stories/{slug}", True, "story", story.source.path,
                                 verdict.reason, story.title))
    for person_id, verdict in sorted(hub.hidden_people.items()):
        person = hub.all_people[person_id]
        where = (person.source.path, verdict.reason, person.name)
        found.append(Pointer(f"people/{person_id}", True, "person", *where))
        if len(person.name.split()) >= 2 or len(person.name) >= MIN_TEXT:
            found.append(Pointer(person.name, False, "person", *where))
    return found


def _found_in(matcher: Matcher, texts: Iterable[str]) -> set[str]:
    """The traces found in ``texts`` (normalised) joined by a space, read in pieces of about
    :data:`CHUNK_CHARS` characters, each starting with the last ``reach`` characters of the
    one before (so a trace across two pieces is whole in one): the whole hub's text is
    never one string (the matcher holds several bytes per character of what it reads)."""
    reach = matcher.reach
    found: set[str] = set()
    piece: list[str] = []
    size = 0
    for text in texts:
        if not text:
            continue
        piece.append(text)
        size += len(text) + 1
        if size >= CHUNK_CHARS:
            joined = " ".join(piece)
            found.update(secret.text for secret, _, _ in matcher.find(joined))
            piece, size = [joined[-reach:]], reach
    if piece:
        found.update(secret.text for secret, _, _ in matcher.find(" ".join(piece)))
    return found


def _public_corpus(hub: Hub) -> Iterator[str]:
    for story in hub.stories:
        yield from (story.title, story.summary, story.body, *story.tags)
        yield from story.social.values()
        for media in story.source.media:  # a published video's words are public
            yield media.description
            yield from (" ".join(c.text for c in t.captions.cues) for t in media.captions)
            if media.transcript_captions is not None:
                yield " ".join(c.text for c in media.transcript_captions.cues)
            if media.transcript_markdown:
                yield media.transcript_markdown
    for person in hub.people.values():
        yield from (person.name, person.role, person.team, person.bio)
        yield from (t for t in (person.location, person.photo_alt, person.pronouns) if t)
    for value in hub.values.values():
        yield from (value.name, value.description, *value.prompts)


def _add_photo(hub: Hub, person: Person, why: str, published: set[str], add: object) -> None:
    if person.photo is None:
        return
    found = person.source.files.get("photo")
    name = found.name if found is not None else Path(person.photo).name
    if normalise(name) not in published:
        add(name, f"photo file of {why}", minimum=10)  # type: ignore[operator]


def _published_texts(hub: Hub) -> set[str]:
    """Texts that are public anyway: never treated as secrets."""
    texts: set[str] = set()
    for story in hub.stories:
        texts.update(normalise(t) for t in (story.title, story.summary, *story.tags))
    for person in hub.people.values():
        texts.add(normalise(person.name))
    for value in hub.values.values():
        texts.update(normalise(t) for t in (value.name, value.description, value.id))
    texts.add(normalise(hub.settings.site_name))
    texts.add(normalise(hub.anonymous_label))
    return texts


def _published_asset_names(hub: Hub) -> Iterator[str]:
    from storyhub.site.plan import plan_assets

    for asset in plan_assets(hub):
        yield asset.dest


def _story_file_names(hub: Hub, story: Story) -> list[str]:
    names: list[str] = []
    if story.image is not None:
        found = story.source.files.get("image")
        names.append(found.name if found is not None else Path(story.image).name)
    # The files the loader recorded beside the story: the only ones that could be copied.
    names.extend(unicodedata.normalize("NFC", item.path.name)
                 for item in story.source.folder_files)
    return names


def _media_texts(story: Story) -> Iterator[tuple[str, str]]:
    """Traces of a story's video and audio: the description, and a run of words from each
    captions file and from the transcript (what the person says is theirs)."""
    for media in story.source.media:
        yield media.description, "video or audio description"
        for track in media.captions:
            sentence = first_sentence(" ".join(cue.text for cue in track.captions.cues))
            if sentence:
                yield sentence, f"captions ({track.language})"
        if media.transcript_captions is not None:
            sentence = first_sentence(" ".join(c.text for c in media.transcript_captions.cues))
            if sentence:
                yield sentence, "transcript"
        if media.transcript_markdown:
            sentence = first_sentence(media.transcript_markdown)
            if sentence:
                yield sentence, "transcript"


def first_sentence(markdown: str) -> str:
    """A run of plain words from the story's text, as it will read once rendered."""
    for line in markdown.splitlines():
        line = line.strip()
        if not line or line.startswith(("<", "{", "|", "```", "~~~", "!!!", "???", "[^")):
            continue
        for found in _SENTENCE.finditer(line):
            if len(found.group(0)) >= MIN_SENTENCE:
                return " ".join(found.group(0).split()[:12])
    return ""


# -- where it appears ------------------------------------------------------------------------


class Matcher:
    """Every occurrence of any of ``secrets`` in a (normalised) text, overlapping ones
    included: a trace inside or across another is found too. A URL trace counts only where
    no more of a slug follows it (``stories/night`` is not in ``stories/night-shift``)."""

    def __init__(self, secrets: Iterable[Secret]) -> None:
        self.secrets = tuple(sorted({s.text: s for s in secrets if s.text}.values(),
                                    key=lambda s: s.text))
        self._automaton = AhoCorasick([s.text for s in self.secrets]) if self.secrets else None
        #: the longest trace's length: how far a trace can reach across an edge
        self.reach = max((len(s.text) for s in self.secrets), default=0)

    def __bool__(self) -> bool:
        return self._automaton is not None

    def find(self, text: str) -> Iterator[tuple[Secret, int, int]]:
        """(secret, start, end) of each occurrence in ``text``, by where it ends."""
        if self._automaton is None:
            return
        for index, start, end in self._automaton.find_matches_as_indexes(text, overlapping=True):
            secret = self.secrets[index]
            if secret.url and _SLUG_GOES_ON.match(text, end):
                continue
            yield secret, start, end


_SLUG_GOES_ON = re.compile("[a-z0-9-]")


#: how a text can be written in a binary file's metadata (EXIF, XMP, ID3, PDF strings)
_BYTE_ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")


class BytesMatcher:
    """The traces of a :class:`Matcher` in a binary file's bytes, as its metadata would write
    them: in UTF-8 or UTF-16 (either byte order), ASCII letters in any case (the bytes are
    lower-cased as ASCII; other letters as the trace has them). A URL trace counts only
    where no more of a slug follows it, in the same encoding."""

    def __init__(self, matcher: Matcher) -> None:
        patterns: dict[bytes, tuple[Secret, str]] = {}
        for secret in matcher.secrets:
            for encoding in _BYTE_ENCODINGS:
                patterns.setdefault(secret.text.encode(encoding), (secret, encoding))
        self._patterns = list(patterns.values())
        self._automaton = BytesAhoCorasick(list(patterns)) if patterns else None

    def find(self, data: bytes) -> Iterator[tuple[Secret, str]]:
        """(secret, excerpt) of each occurrence in ``data`` (its bytes lower-cased as ASCII)."""
        if self._automaton is None:
            return
        data = data.lower()
        for index, start, end in self._automaton.find_matches_as_indexes(data,
                                                                        overlapping=True):
            secret, encoding = self._patterns[index]
            after = data[end:end + 4].decode(encoding, "replace")[:1]
            if secret.url and _SLUG_GOES_ON.match(after):
                continue
            width = 1 if encoding == "utf-8" else 2
            # thirty characters either side, from a byte where one of them starts
            excerpt = data[start - width * min(start // width, 30):end + 30 * width]
            yield secret, excerpt.decode(encoding, "replace")


def binary_format(path: Path) -> bool:
    """Whether ``path`` is named as a binary format (:data:`BINARY_SIGNATURES`) and its bytes
    start as that format's do; False for any other file, and for one whose bytes say
    otherwise (it is read as text)."""
    signatures = BINARY_SIGNATURES.get(path.suffix.lower())
    if signatures is None:
        return False
    try:
        with open(path, "rb") as handle:
            start = handle.read(64)
    except OSError:
        return False
    return any(start.startswith(magic, offset) for offset, magic in signatures)


#: Large files are read in pieces of about this many bytes, ending at a line end (or within
#: a line longer than that, at a character's first byte: a search index is one line); the
#: last lines of a piece (at least OVERLAP bytes) start the next, so a trace across the edge
#: is still seen and memory stays bounded however big the output grows. Bytes, not
#: characters: a preview tells a piece it read clean before by its bytes' hash, without
#: decoding it (a third of a preview's scan went to decoding exports it then skipped).
PIECE_BYTES = 1 << 18
#: A preview's pieces: smaller, so that an edit has it read again less of each export
PREVIEW_PIECE_BYTES = 1 << 16
OVERLAP = 4096
#: A tag; never spans another '<', so a line of '<<<<…' costs linear time.
_TAG = re.compile(r"<[^<>]*>")
# A JSON string starts at a quote that is not escaped (linear even on '\"\"\"…'); the quote
# first, then what is before it, so that the search jumps from quote to quote (a fifth
# quicker on the exports than the look behind first).
_JSON_STRING = re.compile(r'"(?<!\\")[^"\\\n]*(?:\\.[^"\\\n]*)*"')
#: the same, in a file's bytes (quotes, backslashes and line ends are single bytes in UTF-8)
_JSON_STRING_BYTES = re.compile(_JSON_STRING.pattern.encode("ascii"))


def _gunzipped(raw: BinaryIO) -> gzip.GzipFile | None:
    """``raw`` (a file open for bytes, at its start) gunzipped if its bytes are compressed,
    whatever its name says: Pagefind's index and page fragments
    (``search/fragment/*.pf_fragment``, MaterialX's search) hold the pages' text compressed
    under names that do not say so, and a file named ``.gz`` may hold plain text."""
    compressed = raw.read(2) == b"\x1f\x8b"
    raw.seek(0)
    return gzip.GzipFile(fileobj=raw, mode="rb") if compressed else None


def text_pieces(path: Path, *, json_strings: bool = False, size: int = 0,
                cuts: Cuts | None = None, plain: bool = False) -> Iterator[bytes]:
    """The bytes of ``path`` (gunzipped unless ``plain``; a file that starts like a gzip
    file and is not one is read again as it is), in overlapping pieces of at most ``size``
    (:data:`PIECE_BYTES`) bytes and the overlap, ending where :func:`_cut` says (or, with
    ``cuts``, where the last reading of the file was cut, wherever the same bytes are); a
    piece never starts or ends inside a character's UTF-8 bytes. ``json_strings``: a piece
    never starts inside a JSON string (its strings are found by pairing quotes)."""
    size = size or PIECE_BYTES
    # how far to read ahead: to a last cut, or a byte past the piece (where a character starts)
    ahead = 2 * size if cuts is not None else size + 1
    compressed = None
    try:
        with open(path, "rb") as raw:  # (opened once: gzip is told from its first bytes)
            compressed = None if plain else _gunzipped(raw)
            handle = compressed or raw
            carried = rest = b""
            ended = False
            while True:
                while not ended and len(rest) < ahead:
                    more = handle.read(size)
                    ended = not more
                    rest += more
                if not rest:
                    return
                if ended and len(rest) <= size:
                    cut = len(rest)
                else:
                    cut = (cuts.follow(rest, size) if cuts is not None else 0) or _cut(rest, size)
                if cuts is not None:
                    cuts.made.append((rest[max(cut - CUT_WINDOW, 0):cut], cut))
                piece = carried + rest[:cut]
                rest = rest[cut:]
                yield piece
                # The next piece starts at the piece's last line start before its last
                # OVERLAP bytes; without one, at the edge (in JSON, where the last string
                # before it ends).
                edge = max(len(piece) - OVERLAP, 0)
                start = piece.rfind(b"\n", len(carried), edge) + 1
                if not start:
                    start = (_string_ends_before(piece, edge) if json_strings
                             else _character_start(piece, edge))
                carried = piece[start:]
    except (OSError, EOFError):  # unreadable (its name is still scanned), or not gzip
        if compressed is not None:  # what a browser would show of it: its bytes as they are
            yield from text_pieces(path, json_strings=json_strings, size=size, plain=True)


def _cut(data: bytes, size: int) -> int:
    """Where a piece of ``data`` (longer than one) ends: at its last line end within
    ``size`` bytes, else at that length (a line longer than a piece), moved back to the
    start of the character there."""
    limit = min(len(data), size)
    return data.rfind(b"\n", 0, limit) + 1 or _character_start(data, limit) or limit


def _character_start(data: bytes, at: int) -> int:
    """``at``, or the first byte of the UTF-8 character whose later bytes it falls on."""
    for _ in range(3):  # a character has at most three bytes after its first
        if not 0 < at < len(data) or data[at] & 0xC0 != 0x80:
            break
        at -= 1
    return at


#: the bytes before a cut a preview remembers to cut a file written again in the same place
CUT_WINDOW = 256
#: how many of the last reading's cuts ahead a piece looks for (past an edited stretch)
CUT_LOOKAHEAD = 8


@dataclass
class Cuts:
    """Where a preview's last scan cut a file (``last``: the :data:`CUT_WINDOW` bytes
    before each cut and the piece's length, in order), to cut it in the same places again;
    ``made``: this reading's cuts, for the next one.

    Cutting each piece at its last line end from the last cut is not enough for a file
    written again after an edit: when the edit changed a length by more than a line, every
    later cut lands on another line, and the pieces never meet the ones read before (a
    title 15 characters longer had a preview read all 28 MB of snippets.csv again). So a
    piece ends where the next cut of the last reading is: at the same length if the same
    bytes are there, else where those bytes are found again (within two pieces: after an
    edit), else (an edited stretch) where one of the next few cuts is."""

    last: list[tuple[bytes, int]] = field(default_factory=list)
    made: list[tuple[bytes, int]] = field(default_factory=list)
    ahead: int = 0

    def follow(self, data: bytes, size: int) -> int:
        """Where in ``data`` (the rest of the file from the last cut) the piece ends at one
        of the last reading's next cuts, or 0 when none is found."""
        for index in range(self.ahead, min(self.ahead + CUT_LOOKAHEAD, len(self.last))):
            window, length = self.last[index]
            if index == self.ahead and data.startswith(window, length - len(window), length):
                end = length
            else:
                at = data.find(window, 0, 2 * size)  # (a window is never empty)
                end = at + len(window) if at >= 0 else 0
            if end > 0:
                self.ahead = index + 1
                return end
        return 0


def _string_ends_before(data: bytes, edge: int) -> int:
    """A place outside every JSON string of ``data`` (read from its start, which is outside
    any), as near ``edge`` as can be told: where the last string ending by ``edge`` ends,
    ``edge`` itself when no string starts before it, else 0 (a string longer than a piece:
    carried whole)."""
    end = 0
    for match in _JSON_STRING_BYTES.finditer(data, 0, edge):
        end = match.end()
    return end or (_character_start(data, edge) if b'"' not in data[:edge] else 0)


def readable_texts(suffix: str, text: str, reach: int) -> Iterator[str]:
    """The text of (a piece of) a file in the forms a reader or a crawler would see it,
    normalised (:func:`normalise`): what a trace of up to ``reach`` characters can be found
    in. Of the text decoded as a URL only what decoding changes is given
    (:func:`_decoded_parts`)."""
    if suffix == ".json":
        text = "\n".join(_json_strings(_JSON_STRING.findall(text)))
    plain = unescape(text)
    yield normalise(plain)
    if "%" in plain or "+" in plain:
        lines = plain.split("\n")
        # Decoded as a URL, and with "+" as a space too. A trace in the second that meets no
        # line with a "+" is in the first (those lines decode the same), and one in the
        # first that meets no line with a "%" is in the text itself.
        yield from _decoded_parts(lines, "%", _unquote, reach)
        yield from _decoded_parts(lines, "+", _unquote_plus, reach)
    if "<" in plain:
        # Text split by tags (<em>, <a>) reads as one line in the browser.
        yield normalise(unescape(_TAG.sub("", text)))


#: where ``html.unescape`` could see a character reference: '&' and the first characters of
#: what it reads as a name (at most 32, then ';'), or '#'; not the '&utm_' of every link's
#: query string (no name starts with 'utm'), told apart here without a step of Python each
_AMPERSAND = re.compile(r"&(?!utm_)(#|[^\t\n\f <&#;]{1,3};?)")
#: the first three characters of each reference name of HTML5 (with their ';'), and the
#: names of two characters: a name starting otherwise is not a reference
_NAME_STARTS = frozenset(name[:3] for name in html5 if len(name) >= 3)
_SHORT_NAMES = frozenset(name for name in html5 if len(name) == 2)


def unescape(text: str) -> str:
    """``html.unescape(text)``, returning ``text`` itself at once when no '&' in it can
    start a reference: the query strings of links in CSV and JSON exports ('&utm_medium')
    would otherwise each cost a search through HTML5's names."""
    for match in _AMPERSAND.finditer(text):
        start = match[1]
        if start == "#" or start[:3] in _NAME_STARTS or start[:2] in _SHORT_NAMES:
            return html.unescape(text)
    return text


#: a '%' that does not start an escape (unquote keeps it as it is)
_NOT_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _unquote(text: str) -> str:
    """``urllib.parse.unquote(text)``, in C where it can be: plain ASCII whose every '%'
    starts an escape is decoded as quoted-printable with '%' for '=' (the exports' intent
    links: each is dozens of escapes, which unquote decodes one by one in Python)."""
    if "%" not in text:
        return text
    if not text.isascii() or _NOT_ESCAPE.search(text):
        return unquote(text)
    quoted = text.replace("=", "=3D").replace("%", "=")
    return binascii.a2b_qp(quoted).decode("utf-8", "replace")


def _unquote_plus(text: str) -> str:
    """``urllib.parse.unquote_plus(text)``: '+' is a space, then :func:`_unquote`."""
    return _unquote(text.replace("+", " "))


def _decoded_parts(lines: list[str], mark: str, decode: Callable[[str], str], reach: int
                   ) -> Iterator[str]:
    """What ``decode`` changes in the text of ``lines`` (only lines holding ``mark``),
    normalised: each run of them decoded, with enough lines decoded around it that any trace
    of up to ``reach`` characters that meets the run is whole. A trace that meets no such
    line is in the text itself; so scanning the text and these parts finds what scanning the
    whole decoded text finds, reading about a third as much on a page of share links.

    Decoding and normalising keep to each line (:func:`normalise`; no escape or UTF-8
    sequence spans a line end): a part is its lines decoded and normalised one by one,
    joined by a space, and each line is decoded and normalised once however many parts
    read it."""
    normals: dict[int, str] = {}

    def normal(index: int) -> str:
        found = normals.get(index)
        if found is None:
            found = normals[index] = normalise(decode(lines[index]))
        return found

    def width(index: int) -> int:  # the line decoded and normalised, with its joining space
        found = normal(index)
        return len(found) + 1 if found else 0

    count, stop = len(lines), 0
    for index in [i for i, line in enumerate(lines) if mark in line]:
        if index < stop:
            continue  # read with the run before
        # Back from the run for `reach` characters: over lines no part has read, then at
        # most into the last part's tail (`reach` characters after that part's last run).
        start, need = index, reach
        while start > 0 and need > 0:
            start -= 1
            need -= width(start)
        stop, need = index + 1, reach
        while stop < count and (need > 0 or mark in lines[stop]):
            need = reach if mark in lines[stop] else need - width(stop)
            stop += 1
        yield " ".join(filter(None, map(normal, range(start, stop))))


def _json_strings(literals: list[str]) -> list[str]:
    """The strings of JSON string ``literals``: decoded together (one call for a whole
    piece), or one by one, leaving out any that is not valid JSON."""
    try:
        return json.loads(f"[{','.join(literals)}]")  # type: ignore[no-any-return]
    except ValueError:
        strings = []
        for literal in literals:
            with contextlib.suppress(ValueError):
                strings.append(json.loads(literal))
        return strings


def _text_suffix(path: Path) -> str:
    """The suffix that says how to read ``path`` as text."""
    return Path(path.stem).suffix.lower() if path.suffix == ".gz" else path.suffix.lower()


@dataclass
class ScanMemo:
    """A preview server's record of what its scans read and found clean, so that a rebuild
    reads only what changed: the files found clean (a file the next build keeps, its bytes
    compared, is not read again), and the pieces of files by their hash (a piece's result
    depends on its text and the traces only, and a file written again is cut where it was
    cut last time, :class:`Cuts`, outside what changed). Forgotten when the traces change."""

    traces: tuple[Secret, ...] = ()
    files: set[str] = field(default_factory=set)
    pieces: set[tuple[str, int]] = field(default_factory=set)
    #: where each file was cut into pieces when last read (:class:`Cuts`)
    cuts: dict[str, list[tuple[bytes, int]]] = field(default_factory=dict)


#: pieces a preview remembers (each edit adds the few it changed) before it starts afresh
MEMO_PIECES = 50_000
#: what a preview's folder says of a file (:meth:`storyhub.pipeline.renders.KeptSite.state`)
KEPT, STALE = "kept", "stale"


def scan_site(site: Path, secrets: list[Secret], *, trusted: Collection[str] = (),
              memo: ScanMemo | None = None, state: Callable[[Path], str] | None = None
              ) -> list[Leak]:
    """Every place in the built ``site`` where a secret appears (first hit per file).

    ``trusted``: site paths copied verbatim from an installed theme package (Material's
    scripts and styles): their names are checked, their bytes cannot hold hub content.
    ``memo``: a preview's record of what earlier scans found clean (:class:`ScanMemo`);
    ``state``: the preview's folder on each file: :data:`KEPT` (the bytes the last build
    wrote, compared), :data:`STALE` (left by the last build, about to be deleted: not
    read), or anything else (written by this build)."""
    matcher = Matcher(secrets)
    if not matcher:
        return []
    reach = matcher.reach
    if memo is not None and (memo.traces != matcher.secrets or len(memo.pieces) > MEMO_PIECES):
        memo.traces, memo.files, memo.pieces, memo.cuts = matcher.secrets, set(), set(), {}
    clean: set[str] = set()
    cut: dict[str, list[tuple[bytes, int]]] = {}
    leaks: list[Leak] = []
    in_bytes: BytesMatcher | None = None  # made for the first binary file
    for relative in _files_of(site):
        path = site / relative
        relative = unicodedata.normalize("NFC", relative)
        seen = state(path) if state is not None else ""
        if seen == STALE:
            continue
        if memo is not None and seen == KEPT and relative in memo.files:
            clean.add(relative)
            if relative in memo.cuts:
                cut[relative] = memo.cuts[relative]
            continue
        found: dict[str, Leak] = {}

        def look(folded: str, relative: str = relative, found: dict[str, Leak] = found
                 ) -> bool:
            """Note the first place of each trace in ``folded``; whether it holds any."""
            hit = False
            for secret, start, end in matcher.find(folded):
                hit = True
                if secret.text not in found:
                    found[secret.text] = Leak(relative, secret,
                                              folded[max(start - 30, 0):end + 30])
            return hit

        look(normalise(relative))
        if relative in trusted:
            pass  # the theme package's own file: its name is read above, its bytes are npm's
        elif binary_format(path):  # bytes: the traces as metadata would write them
            if in_bytes is None:
                in_bytes = BytesMatcher(matcher)
            for piece in text_pieces(path, plain=True):
                for secret, excerpt in in_bytes.find(piece):
                    found.setdefault(secret.text, Leak(relative, secret, excerpt))
        else:
            suffix = _text_suffix(path)
            cuts = None if memo is None else Cuts(memo.cuts.get(relative, []))
            for piece in text_pieces(path, json_strings=suffix == ".json", cuts=cuts,
                                     size=PREVIEW_PIECE_BYTES if memo is not None else 0):
                key = (suffix, hash(piece))
                if memo is not None and key in memo.pieces:
                    continue
                text = piece.decode("utf-8", "replace")
                hits = [look(text) for text in readable_texts(suffix, text, reach)]
                if memo is not None and not any(hits):
                    memo.pieces.add(key)
            if cuts is not None and len(cuts.made) > 1:
                cut[relative] = cuts.made
        if not found:
            clean.add(relative)
        leaks.extend(found.values())
    if memo is not None:
        memo.files, memo.cuts = clean, cut
    return leaks


def _files_of(site: Path) -> list[str]:
    """The files under ``site`` (symbolic links to files included, not links to folders:
    they are not followed), as paths relative to it, in the order of their parts."""
    found: list[str] = []
    folders = [("", str(site))]
    while folders:
        prefix, folder = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            # the kind from the listing itself; a link's target is looked up (is_file)
            if entry.is_dir(follow_symlinks=False):
                folders.append((f"{prefix}{entry.name}/", entry.path))
            elif entry.is_file():
                found.append(prefix + entry.name)
    return sorted(found, key=lambda relative: relative.split("/"))


def format_leaks(leaks: list[Leak], limit: int = 50) -> str:
    lines = [leak.format() for leak in leaks[:limit]]
    if len(leaks) > limit:
        lines.append(f"… and {len(leaks) - limit} more")
    return "\n".join(lines)
