"""How each network measures a post, implemented from the networks' published rules.

``twitter-text-parser`` on PyPI implements X's rules, but with an old emoji table and
no Bluesky, Threads or Mastodon rules; the rules are short enough to implement here
with the ``regex`` package (grapheme clusters ``\\X`` and Unicode emoji properties).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import regex

from storyhub.text.networks import Network

#: Characters never part of a URL's end: "see https://a.example/x." ends before the dot.
_TRAILING = ".,;:!?)]}'\"…»"

# A URL as the networks link it: with a scheme, or a bare domain with a common TLD.
# Not after "@" (a mention such as @giulia.bsky.social or @giulia@mastodon.social).
# The standard library's engine: the pattern needs nothing of ``regex`` and ``re`` scans
# it about three times faster (every post of every network is measured, some many times).
_NOT_AFTER = r"(?<![@\w.\-/])"
_SCHEME = r"""https?://[^\s<>"]+"""
_TLD = r"\.(?:com|org|net|it|eu|io|co|uk|de|fr|es|ch|dev|app|social|blog|info|me|ly)(?![\w-])"
URL_RE = re.compile(
    rf"""{_NOT_AFTER}
    (?:
        {_SCHEME}
      | (?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*
        {_TLD}(?:/[^\s<>"]*)?
    )""",
    re.VERBOSE | re.IGNORECASE,
)
#: the first alternative alone, tried where a "://" is; and where the second could end
_SCHEME_AT = re.compile(_NOT_AFTER + _SCHEME, re.IGNORECASE)
_TLD_AT = re.compile(_TLD, re.IGNORECASE)

# An emoji as users see one: a flag, a keycap, a tag sequence (🏴 England) or a
# pictograph with its modifiers and ZWJ-joined parts. Text-style symbols such as
# "©" count as emoji only when followed by the emoji variation selector U+FE0F.
_PICTO = r"(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)(?:\p{Emoji_Modifier}|\uFE0F)*"
EMOJI_RE = regex.compile(
    r"\p{Regional_Indicator}{2}"
    r"|[0-9#*]\uFE0F?\u20E3"
    r"|\U0001F3F4[\U000E0020-\U000E007E]+\U000E007F"
    rf"|{_PICTO}(?:\u200D(?:{_PICTO}|\p{{Extended_Pictographic}}))*"
)

MENTION_RE = regex.compile(r"(?<![\w@])@([A-Za-z0-9_.]+)@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")

# X: code points in these ranges weigh 1, all others 2 (developer.x.com, twitter-text v3).
_X_LIGHT = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
X_URL_LENGTH = 23
MASTODON_URL_LENGTH = 23


def find_urls(text: str) -> list[tuple[int, int]]:
    """Spans of the URLs in ``text`` (trailing punctuation left out)."""
    spans = []
    for start, end in _url_matches(text):
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        spans.append((start, end))
    return spans


def _url_matches(text: str) -> list[tuple[int, int]]:
    """The spans of ``URL_RE.finditer(text)``, most often without running it: a post's
    URLs are most often its link, with a scheme, and ``URL_RE`` is slow to scan with.

    A bare domain (the second alternative) ends with a ``.tld`` (``_TLD_AT``) and holds no
    ``/`` or ``:``. If every ``.tld`` is inside a URL with a scheme, no bare domain can
    match: it would start inside that URL, after its ``//``, where the scan for the scheme
    URLs has already moved past. Then the matches are those of the first alternative
    alone, found at each ``://`` (its scheme, ``http`` or ``https``, is 4 or 5 characters
    long: ``re`` matches one character per pattern character, ignoring case)."""
    spans: list[tuple[int, int]] = []
    done = 0  # where the last match ended: matches do not overlap
    at = text.find("://")
    while at >= 0:
        for start in (at - 5, at - 4):
            if start >= done:
                match = _SCHEME_AT.match(text, start)
                if match is not None:
                    spans.append(match.span())
                    done = match.end()
                    break
        at = text.find("://", max(at + 3, done))
    for hit in _TLD_AT.finditer(text):
        where = hit.start()
        if not any(start <= where < end for start, end in spans):
            return [match.span() for match in URL_RE.finditer(text)]
    return spans


_X_HEAVY = regex.compile(
    "[^" + "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in _X_LIGHT) + "]"
)


def _x_weight(text: str) -> int:
    """Sum of X weights of the code points of ``text`` (1 for light, 2 for heavy)."""
    return len(text) + len(_X_HEAVY.findall(text))


def _without_urls(text: str) -> tuple[list[str], int]:
    """The pieces of ``text`` between URLs, and the number of URLs."""
    pieces, last = [], 0
    spans = find_urls(text)
    for start, end in spans:
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    return pieces, len(spans)


def x_length(text: str) -> int:
    """X's weighted length: NFC, URLs 23, emoji sequences 2, wide characters 2."""
    text = unicodedata.normalize("NFC", text)
    pieces, urls = _without_urls(text)
    total = urls * X_URL_LENGTH
    if not _MAY_EMOJI.search(text):
        return total + sum(_x_weight(piece) for piece in pieces)
    for piece in pieces:
        last = 0
        for match in EMOJI_RE.finditer(piece):
            total += _x_weight(piece[last:match.start()]) + 2
            last = match.end()
        total += _x_weight(piece[last:])
    return total


def graphemes(text: str) -> int:
    """User-perceived characters (extended grapheme clusters)."""
    if text.isascii() or not _MAY_JOIN.search(text) or not _has_joining(text):
        # Every character is its own cluster, except CR LF (Unicode UAX #29, GB3).
        return len(text) - text.count("\r\n")
    return len(_GRAPHEME.findall(text))


# Characters that can join a neighbour into one grapheme cluster: those whose
# Grapheme_Cluster_Break is not Other, Control, CR or LF (UAX #29). Text without them
# has one cluster per character, except CR LF. Asked of `regex`, the same tables as \X.
_JOINS = regex.compile(
    r"[\p{Grapheme_Cluster_Break=Extend}\p{Grapheme_Cluster_Break=ZWJ}"
    r"\p{Grapheme_Cluster_Break=SpacingMark}\p{Grapheme_Cluster_Break=Prepend}"
    r"\p{Grapheme_Cluster_Break=Regional_Indicator}\p{Grapheme_Cluster_Break=L}"
    r"\p{Grapheme_Cluster_Break=V}\p{Grapheme_Cluster_Break=T}"
    r"\p{Grapheme_Cluster_Break=LV}\p{Grapheme_Cluster_Break=LVT}]"
)
_SINGLE: set[str] = set()  # characters seen that never join
_JOINING: set[str] = set()  # characters seen that may join


def _has_joining(text: str) -> bool:
    """Whether ``text`` has a character that may join a neighbour (each distinct
    character is looked up once per process)."""
    chars = set(text)
    new = chars - _SINGLE - _JOINING
    for ch in new:
        (_JOINING if _JOINS.match(ch) else _SINGLE).add(ch)
    return not _JOINING.isdisjoint(chars)


def _low_class(pattern: regex.Pattern[str]) -> re.Pattern[str]:
    """A ``re`` class of the characters below U+3000 that ``pattern`` (one ``regex``
    character class) matches, and of every character from U+3000 up."""
    runs: list[list[int]] = []
    for ch in pattern.findall("".join(map(chr, range(0x3000)))):
        if runs and runs[-1][1] == ord(ch) - 1:
            runs[-1][1] = ord(ch)
        else:
            runs.append([ord(ch), ord(ch)])
    ranges = "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in runs)
    return re.compile(f"[{ranges}\\U00003000-\\U0010ffff]")


#: Text written in European languages has all its characters below U+3000. Below it, the
#: characters that may be part of an emoji (``EMOJI_RE`` matches nothing without one: every
#: match holds an Emoji_Presentation character, two regional indicators, U+FE0F or U+20E3)
#: and those that may join a neighbour (``_JOINS``), as ``re`` classes made once from
#: ``regex``'s tables; every character from U+3000 up is taken as one that may. Text with
#: none is measured without ``regex``'s scans, which cost more than all the rest.
_MAY_EMOJI = _low_class(
    regex.compile(r"[\p{Emoji_Presentation}\p{Regional_Indicator}\uFE0F\u20E3]"))
_MAY_JOIN = _low_class(_JOINS)


def utf8_bytes(text: str) -> int:
    return len(text.encode("utf-8"))


def utf16_units(text: str) -> int:
    """Length as a JavaScript composer counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def threads_length(text: str) -> int:
    """Threads: characters, except that an emoji counts as its UTF-8 byte length."""
    if not _MAY_EMOJI.search(text):
        return len(text)
    total, last = 0, 0
    for match in EMOJI_RE.finditer(text):
        total += len(text[last:match.start()]) + utf8_bytes(match.group())
        last = match.end()
    return total + len(text[last:])


def mastodon_length(text: str) -> int:
    """Mastodon: graphemes, every URL 23, a remote mention @user@server as @user."""
    pieces, urls = _without_urls(text)
    # a remote mention holds two "@"
    rest = "".join(MENTION_RE.sub(r"@\1", piece) if piece.count("@") > 1 else piece
                   for piece in pieces)
    return graphemes(rest) + urls * MASTODON_URL_LENGTH


_GRAPHEME = regex.compile(r"\X")

#: by :data:`storyhub.text.networks.Counting`
_COUNTERS = {
    "weighted": x_length,
    "graphemes": graphemes,
    "emoji_bytes": threads_length,
    "graphemes_urls23": mastodon_length,
    "utf16": utf16_units,
}


@dataclass(frozen=True, slots=True)  # one per post: about 28,000 at 1,000 stories
class Measure:
    """A post's length against its network's limit(s)."""

    count: int
    limit: int
    unit: str
    bytes: int = 0
    byte_limit: int = 0

    @property
    def ok(self) -> bool:
        return self.count <= self.limit and (not self.byte_limit or self.bytes <= self.byte_limit)

    def describe(self) -> str:
        text = f"{self.count} {self.unit} (limit {self.limit})"
        if self.byte_limit:
            text += f", {self.bytes} bytes (limit {self.byte_limit})"
        return text


def count(rule: Network, text: str) -> int:
    return _COUNTERS[rule.counting](text)


def measure(rule: Network, text: str) -> Measure:
    return Measure(
        count(rule, text),
        rule.limit,
        rule.unit,
        utf8_bytes(text) if rule.byte_limit else 0,
        rule.byte_limit,
    )
