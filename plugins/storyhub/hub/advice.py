"""Storytelling advice: what would make a valid story read and share better.

Advice never blocks a build: each item is a WARNING diagnostic with
``code="advice"`` that names the file and says what to do. ``storyhub check
--strict`` turns them into failures for hubs that want that.
Everything here reads each story once: the cost grows with the number of stories.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from storyhub.content.model import Person, Story
from storyhub.diagnostics.core import Diagnostics
from storyhub.hub.graph import Hub

GUIDANCE_MARKER = "storyhub:guidance"


@dataclass(frozen=True)
class AdviceLimits:
    """The thresholds behind the advice, in one table, easy to update."""

    #: LinkedIn folds a post behind "…see more" after about 210 characters
    #: (LinkedIn help, "post character limits"; observed 2025-2026).
    summary_fold: int = 210
    #: Link-preview cards (Open Graph on LinkedIn, Facebook, Slack) cut titles at ~70 characters.
    title_card: int = 70
    #: Fewer words than this reads as a caption, not a story.
    body_min_words: int = 120
    #: More words than this rarely gets read to the end on a phone.
    body_max_words: int = 1500


LIMITS = AdviceLimits()

# Quoted words: “…”, «…», „…“, "…", and Markdown blockquotes.
_QUOTED = re.compile(
    r"“[^“”\n]{2,600}”|«[^«»\n]{2,600}»|„[^„“\n]{2,600}“|\"[^\"\n]{2,600}\"|^[ \t]{0,3}>[ \t]*\S",
    re.MULTILINE,
)


def _without_comments(text: str) -> str:
    """``text`` with HTML comments blanked out; linear however many ``<!--`` it holds."""
    pieces: list[str] = []
    position = 0
    while True:
        start = text.find("<!--", position)
        if start < 0:
            break
        end = text.find("-->", start + 4)
        if end < 0:
            break
        pieces.append(text[position:start])
        pieces.append(" ")
        position = end + 3
    pieces.append(text[position:])
    return "".join(pieces)


#: Markdown that is not words: list bullets, quote marks, heading hashes, lone dashes.
_MARKUP = re.compile(r"(?m)^[ \t]*(?:[-*+>#]+|\d+[.)])(?=\s)|\s[-–—|]+(?=\s)")
#: How far from a quote a name counts as saying who spoke ("…," says Giulia).
_ATTRIBUTION_REACH = 160


def advise(hub: Hub, diagnostics: Diagnostics | None = None,
           limits: AdviceLimits = LIMITS) -> Diagnostics:
    """Add advice for every valid story of ``hub`` to ``diagnostics`` (the hub's by default)."""
    out = hub.diagnostics if diagnostics is None else diagnostics
    for story in hub.content.stories:
        advise_story(story, hub.all_people, out, limits)
    return out


def advise_story(story: Story, people: dict[str, Person], out: Diagnostics,
                 limits: AdviceLimits = LIMITS) -> None:
    src = story.source
    path = src.path

    def note(field: str | None, message: str, pos: tuple[int, int] | None = None) -> None:
        line, col = pos if pos is not None else (src.value_pos(field) if field else (1, 1))
        out.warning(path, line, col, message, field=field, code="advice")

    if len(story.summary) > limits.summary_fold:
        note("summary",
             f"the summary has {len(story.summary)} characters: LinkedIn shows only about "
             f"{limits.summary_fold} before '…see more' — put the hook in the first "
             f"{limits.summary_fold} characters, or shorten it")
    if len(story.title) > limits.title_card:
        note("title",
             f"the title has {len(story.title)} characters: preview cards cut it after about "
             f"{limits.title_card} — try a shorter one")
    if story.image is None and "image" not in src.files:  # a video's poster stands in
        note(None,
             "no image: a story with a photo gets far more attention when shared — add "
             "'image:' (a JPEG, PNG or WebP beside the story) and 'image_alt:'",
             src.key_pos("title"))
    elif not story.image_alt and story.image is not None:
        note("image",
             "the image has no description: add 'image_alt:' saying what it shows, for "
             "people who cannot see it (and for previews)")

    body = story.body
    if GUIDANCE_MARKER in body:
        note(None,
             "the questions written by 'storyhub new' are still in the text: delete the "
             "block from '<!--' to '-->' once the story is written",
             (src.body_line, 1))
    text = _without_comments(body)
    words = _word_count(text, limits)
    body_pos = (src.body_line, 1)
    if words is None:
        pass  # within the limits
    elif words < limits.body_min_words:
        told = "no text yet" if words == 0 else f"only {words} words"
        note(None,
             f"the story has {told}: tell what happened, who was there and what "
             f"changed (aim for at least {limits.body_min_words} words)",
             body_pos)
    elif words > limits.body_max_words:
        note(None,
             f"the story has {words} words: most readers stop before the end of a text this "
             f"long on a phone — cut it below {limits.body_max_words} words or split it",
             body_pos)

    quotes = [m.span() for m in _QUOTED.finditer(text)]
    quotable = [people[p] for p in dict.fromkeys(story.people)
                if p in people and people[p].consent.quotes]
    if not quotes:
        if quotable:
            names = " or ".join(p.name.split()[0] for p in quotable[:2])
            note(None,
                 "nobody's words are quoted: a sentence in their own words (\"…,\" says "
                 f"{names}) makes a story come alive",
                 body_pos)
        return
    for person in quotable:
        if not _quoted_near(text, quotes, person):
            first = person.name.split()[0]
            note("people",
                 f"no quote from {person.name}: the story is about them, let them speak — add "
                 f"a sentence in their words and say who said it (\"…,\" says {first})",
                 src.value_pos("people", story.people.index(person.id)))


def _word_count(text: str, limits: AdviceLimits) -> int | None:
    """The words of ``text`` (Markdown's bullets, quote marks, heading hashes and lone dashes
    aside), or None when they are certainly within ``limits``.

    Each mark :data:`_MARKUP` takes out is one whole blank-separated token: at most one at
    the start of each line, and the others each hold a dash or a bar. So the count lies
    between the tokens less that bound and the tokens, told by ``str.split`` and
    ``str.count`` in C; the pattern reads the text only when that is not enough."""
    tokens = len(text.split())
    at_most_marks = text.count("\n") + 1 + sum(text.count(c) for c in "-–—|")
    if tokens - at_most_marks >= limits.body_min_words and tokens <= limits.body_max_words:
        return None
    return len(_MARKUP.sub(" ", text).split())


@functools.lru_cache(maxsize=4096)
def _name_pattern(name: str) -> re.Pattern[str]:
    """The full name or the first name, as whole words."""
    names = sorted({name, name.split()[0]}, key=len, reverse=True)
    return re.compile("|".join(rf"\b{re.escape(n)}\b" for n in names), re.IGNORECASE)


def _quoted_near(text: str, quotes: list[tuple[int, int]], person: Person) -> bool:
    """Is the person named close to one of the quotes (before, inside or after it)?"""
    pattern = _name_pattern(person.name)
    return any(
        pattern.search(text, max(start - _ATTRIBUTION_REACH, 0), end + _ATTRIBUTION_REACH)
        for start, end in quotes
    )
