"""Shortening text at a sentence or word boundary, never inside a word, URL or hashtag."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

ELLIPSIS = "…"
_SENTENCE_END = re.compile(r"[.!?…][\"'”»)\]]*(?=\s)")
_SPACE = re.compile(r"\s+")
_ATOMIC = re.compile(r"^(?:https?://|www\.|#|@)|\.[a-z]{2,}/", re.IGNORECASE)
_DANGLING = " ,;:—–-(\"'“«"


def sentence_cuts(text: str) -> list[str]:
    """Whole-sentence prefixes of ``text``, longest first (the whole text excluded)."""
    cuts = [text[: m.end()] for m in _SENTENCE_END.finditer(text)]
    return [c for c in reversed(cuts) if c.strip() and len(c) < len(text.rstrip())]


def word_cuts(text: str) -> list[str]:
    """Prefixes of ``text`` ending after a whole word, with an ellipsis, longest first."""
    cuts: list[str] = []
    for match in _SPACE.finditer(text):
        head = text[: match.start()].rstrip(_DANGLING)
        if not head:
            continue
        last = head.split()[-1]
        # A URL, hashtag or mention must stay intact: the ellipsis goes after a space.
        cuts.append(head + (" " + ELLIPSIS if _ATOMIC.search(last) else ELLIPSIS))
    return list(reversed(dict.fromkeys(cuts)))


def longest_fitting(cuts: list[str], fits: Callable[[str], bool],
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


def within(cuts: list[str], length: int) -> int:
    """The index of the first of ``cuts`` (lengths falling) no longer than ``length``, or
    the last; by bisection. (Only where a search starts: see :func:`longest_fitting`.)"""
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
