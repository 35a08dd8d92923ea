"""Shortening text at a sentence or word boundary, never inside a word, URL or hashtag.

Linear in the text: the cuts are found in one pass and kept as end positions
(:class:`Cuts`); a cut's text is made only when the search asks for it (a few dozen
times), never one copy of the text per word (a 30,000-word text would have made 30,000
copies, about 450 million characters).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from typing import overload

ELLIPSIS = "…"
_SENTENCE_END = re.compile(r"[.!?…][\"'”»)\]]*(?=\s)")
_SPACE = re.compile(r"\s+")
_ATOMIC = re.compile(r"^(?:https?://|www\.|#|@)|\.[a-z]{2,}/", re.IGNORECASE)
_DANGLING = " ,;:—–-(\"'“«"


class Cuts(Sequence[str]):
    """Prefixes of a text, longest first, each ``text[:end] + tail``, made when asked for."""

    def __init__(self, text: str, ends: list[tuple[int, str]]) -> None:
        self._text = text
        self._ends = ends

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        end, tail = self._ends[index]
        return self._text[:end] + tail

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Cuts | list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def length(self, index: int) -> int:
        """``len(self[index])`` without making the cut."""
        end, tail = self._ends[index]
        return end + len(tail)


def sentence_cuts(text: str) -> Cuts:
    """Whole-sentence prefixes of ``text``, longest first (the whole text excluded)."""
    whole = len(text.rstrip())
    ends = [(m.end(), "") for m in _SENTENCE_END.finditer(text) if m.end() < whole]
    return Cuts(text, ends[::-1])


def word_cuts(text: str) -> Cuts:
    """Prefixes of ``text`` ending after a whole word, with an ellipsis, longest first.
    One pass: for every position, where the text ends once trailing punctuation and spaces
    are dropped (``kept``) and where the last word before it starts (``word``)."""
    size = len(text)
    kept = [0] * (size + 1)  # kept[i]: len(text[:i].rstrip(_DANGLING))
    word = [0] * (size + 1)  # word[i]: start of the last whitespace-free run ending at i
    solid = [0] * (size + 1)  # solid[i]: len(text[:i].rstrip()) (whitespace only)
    for i, char in enumerate(text, start=1):
        kept[i] = kept[i - 1] if char in _DANGLING else i
        space = char.isspace()
        solid[i] = solid[i - 1] if space else i
        word[i] = i if space else word[i - 1]
    ends: list[tuple[int, str]] = []
    seen: set[int] = set()
    for match in _SPACE.finditer(text):
        end = kept[match.start()]
        if not end or end in seen:
            continue
        stop = solid[end]
        if not stop:
            continue
        seen.add(end)
        last = text[word[stop]:stop]
        # A URL, hashtag or mention must stay intact: the ellipsis goes after a space.
        ends.append((end, " " + ELLIPSIS if _ATOMIC.search(last) else ELLIPSIS))
    return Cuts(text, ends[::-1])


def longest_fitting(cuts: Sequence[str], fits: Callable[[str], bool],
                    start: int | None = None) -> str | None:
    """The longest of ``cuts`` (longest first, lengths falling) that ``fits``.

    Fitting is monotone in length, so the answer is the first cut that fits. ``start``, a
    guess of its index, only saves calls of ``fits``: from there the search gallops (1, 2,
    4… cuts) to bracket the answer, then bisects, and finds the same cut as without it."""
    low, high = 0, len(cuts)
    if start is not None and cuts:
        at = min(max(start, 0), len(cuts) - 1)
        step = 1
        if fits(cuts[at]):
            high = at
            while high > low:  # longer cuts, until one does not fit
                probe = max(high - step, low)
                if not fits(cuts[probe]):
                    low = probe + 1
                    break
                high, step = probe, step * 2
        else:
            low = at + 1
            while low < high:  # shorter cuts, until one fits
                probe = min(low + step - 1, high - 1)
                if fits(cuts[probe]):
                    high = probe
                    break
                low, step = probe + 1, step * 2
    while low < high:  # find the first index that fits; fitting is monotone in length
        middle = (low + high) // 2
        if fits(cuts[middle]):
            high = middle
        else:
            low = middle + 1
    return cuts[low] if low < len(cuts) else None


def within(cuts: Sequence[str], length: int) -> int:
    """The index of the first of ``cuts`` (lengths falling) no longer than ``length``, or
    the last; by bisection. (Only where a search starts: see :func:`longest_fitting`.)"""
    if isinstance(cuts, Cuts):
        at = bisect.bisect_left(range(len(cuts)), -length, key=lambda i: -cuts.length(i))
    else:
        at = bisect.bisect_left(cuts, -length, key=lambda cut: -len(cut))
    return min(at, len(cuts) - 1)


def shorten(text: str, fits: Callable[[str], bool], target: int | None = None) -> str | None:
    """The best shortened ``text`` that ``fits``: a whole-sentence cut if it keeps most of
    what a word cut keeps, else a word cut; None if not even one word fits. ``target``, a
    guess of the length that fits, only makes the search quicker (the result is the same)."""
    if fits(text):
        return text
    words, sentences = word_cuts(text), sentence_cuts(text)
    by_word = longest_fitting(words, fits,
                              within(words, target) if target is not None else None)
    by_sentence = longest_fitting(sentences, fits,
                                  within(sentences, target) if target is not None else None)
    if by_sentence is not None and (by_word is None or len(by_sentence) >= 0.6 * len(by_word)):
        return by_sentence
    return by_word
