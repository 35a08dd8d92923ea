"""Shortening text at a sentence or word boundary, never inside a word, URL or hashtag."""

from __future__ import annotations

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


def longest_fitting(cuts: list[str], fits: Callable[[str], bool]) -> str | None:
    """The longest of ``cuts`` (longest first, lengths falling) that ``fits``."""
    low, high = 0, len(cuts)
    while low < high:  # find the first index that fits; fitting is monotone in length
        middle = (low + high) // 2
        if fits(cuts[middle]):
            high = middle
        else:
            low = middle + 1
    return cuts[low] if low < len(cuts) else None


def shorten(text: str, fits: Callable[[str], bool]) -> str | None:
    """The best shortened ``text`` that ``fits``: a whole-sentence cut if it keeps most of
    what a word cut keeps, else a word cut; None if not even one word fits."""
    if fits(text):
        return text
    by_word = longest_fitting(word_cuts(text), fits)
    by_sentence = longest_fitting(sentence_cuts(text), fits)
    if by_sentence is not None and (by_word is None or len(by_sentence) >= 0.6 * len(by_word)):
        return by_sentence
    return by_word
