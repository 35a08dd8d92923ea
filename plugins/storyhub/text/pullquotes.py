"""Pull quotes attributed to a person, written in a story's Markdown like an admonition::

    !!! quote lucia-marchetti
        He said: now it has a story like the rest of us.

The block names a person id; its indented lines are the quote (Markdown). This module
only finds the blocks (with their line and column, for diagnostics) and swaps them for
markers; the hub checks the person and their consent, the site renders them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_OPENER = re.compile(r"^(?P<indent>[ ]{0,3})!!![ \t]+quote[ \t]+(?P<id>[A-Za-z0-9][\w.-]*)[ \t]*$")
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")


@dataclass(frozen=True)
class PullQuote:
    person: str
    #: 1-based line and column of the person id, counted in the Markdown given
    line: int
    col: int
    #: lines [start, end) of the block, 0-based
    start: int
    end: int
    body: str


def find_pull_quotes(markdown: str) -> list[PullQuote]:
    """Every pull-quote block of ``markdown``, outside fenced code."""
    if "!!!" not in markdown:  # most stories: every opener has it (a value page asks often)
        return []
    lines = markdown.split("\n")
    found: list[PullQuote] = []
    fence: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        fenced = _FENCE.match(line)
        if fence is not None:
            if fenced and fenced.group(1)[0] == fence[0] and len(fenced.group(1)) >= len(fence):
                fence = None
            index += 1
            continue
        if fenced:
            fence = fenced.group(1)
            index += 1
            continue
        opener = _OPENER.match(line)
        if opener is None:
            index += 1
            continue
        end = index + 1
        body: list[str] = []
        while end < len(lines):
            text = lines[end]
            if text.startswith(("    ", "\t")):
                body.append(text[4:] if text.startswith("    ") else text[1:])
            elif not text.strip() and end + 1 < len(lines) and lines[end + 1].startswith(
                    ("    ", "\t")):
                body.append("")
            else:
                break
            end += 1
        found.append(PullQuote(opener.group("id"), index + 1, opener.start("id") + 1, index,
                               end, "\n".join(body).strip("\n")))
        index = end
    return found


def replace_pull_quotes(markdown: str, replace: Callable[[int, PullQuote], str]) -> str:
    """``markdown`` with the ``n``-th block swapped for ``replace(n, block)``."""
    quotes = find_pull_quotes(markdown)
    if not quotes:
        return markdown
    lines = markdown.split("\n")
    out: list[str] = []
    position = 0
    for number, quote in enumerate(quotes):
        out.extend(lines[position:quote.start])
        out.append(replace(number, quote))
        position = quote.end
    out.extend(lines[position:])
    return "\n".join(out)
