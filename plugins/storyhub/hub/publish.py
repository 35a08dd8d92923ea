"""Who and what may be published at a given moment, and why not.

One place decides; pages, listings, feeds, snippets and images all ask here.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from storyhub.content.model import Person, Story


@dataclass(frozen=True)
class Verdict:
    published: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.published


PUBLISHED = Verdict(True)


def person_verdict(person: Person, today: date) -> Verdict:
    """May this person be named publicly on ``today``?"""
    consent = person.consent
    if consent.withdrawn is not None and consent.withdrawn <= today:
        return Verdict(False, f"{person.id} withdrew consent on {consent.withdrawn.isoformat()}")
    if _has_left(person, today):
        when = f" on {person.left.isoformat()}" if person.left else ""
        return Verdict(False, f"{person.id} left the company{when}")
    if consent.date > today:
        return Verdict(False, f"{person.id}'s consent only starts on {consent.date.isoformat()}")
    if not consent.name:
        return Verdict(False, f"{person.id} has not consented to publishing their name")
    return PUBLISHED


def photo_allowed(person: Person, today: date) -> bool:
    return bool(person_verdict(person, today)) and person.consent.photo


def media_verdict(person: Person, today: date) -> Verdict:
    """May this person be seen or heard in a story's video or audio on ``today``? Their
    consent to be named first, then the ``media`` consent and its own withdrawal."""
    verdict = person_verdict(person, today)
    if not verdict:
        return verdict
    consent = person.consent
    if consent.media_withdrawn is not None and consent.media_withdrawn <= today:
        return Verdict(False, f"{person.id} withdrew consent to video and audio on "
                              f"{consent.media_withdrawn.isoformat()}")
    if not consent.media:
        return Verdict(False, f"{person.id} has not consented to appearing in video or audio")
    return PUBLISHED


def story_verdict(
    story: Story,
    people: dict[str, Person],
    now: datetime,
    *,
    today: date,
    show_drafts: bool = False,
    anonymous: bool = False,
) -> Verdict:
    """May this story be published at ``now`` (on ``today``, the hub's day: see
    :attr:`HubSettings.today`)? Drafts and embargoes first, then consent."""
    if story.draft and not show_drafts:
        return Verdict(False, "draft")
    if story.publish_at is not None and story.publish_at > now and not show_drafts:
        return Verdict(False, f"embargoed until {story.publish_at.isoformat()}")
    for person_id in story.people:
        person = people.get(person_id)
        if person is None:
            return Verdict(False, f"unknown person {person_id}")
        verdict = person_verdict(person, today)
        if not verdict and not (anonymous and _only_name_missing(person, today)):
            return verdict
    for person_id in story.media_people():
        person = people.get(person_id)
        if person is None:
            return Verdict(False, f"unknown person {person_id}")
        verdict = media_verdict(person, today)
        if not verdict:
            # their face or voice is the story: it is not published, exactly as for a name
            return Verdict(False, f"{verdict.reason} (the story's video or audio has them)")
    author = people.get(story.author) if story.author else None
    if author is not None and story.author not in story.people and is_gone(author, today):
        # Their words are the story: a withdrawal or a departure takes it down too.
        return person_verdict(author, today)
    return PUBLISHED


def is_gone(person: Person, today: date) -> bool:
    """Withdrew consent or left the company on or before ``today``."""
    consent = person.consent
    withdrawn = consent.withdrawn is not None and consent.withdrawn <= today
    return withdrawn or _has_left(person, today)


def _has_left(person: Person, today: date) -> bool:
    """Alumni without a date have left; a ``left`` date counts from that day, whatever
    the status says (forgetting to write ``status: alumni`` must not keep them online)."""
    if person.left is not None:
        return person.left <= today
    return person.status == "alumni"


def shown_anonymously(person: Person, today: date, unconsented: str) -> bool:
    """With ``unconsented: anonymous``, is this person shown under the anonymous label?"""
    return unconsented == "anonymous" and _only_name_missing(person, today)


def _only_name_missing(person: Person, today: date) -> bool:
    """An anonymous label may stand in for a missing name consent, never for a withdrawal."""
    return (not person.consent.name or person.consent.date > today) and not is_gone(
        person, today)


# -- files: whatever path reaches a person's photo is governed by their consent ---------------


class PhotoIndex:
    """Every person's photo, by size and content hash (and by inode, for hard links), so
    that a copy of it beside a story, under any name, is recognised as their photo."""

    def __init__(self, people: list[Person]) -> None:
        self._by_size: dict[int, list[tuple[Path, Person]]] = {}
        self._by_inode: dict[tuple[int, int], Person] = {}
        self._digests: dict[Path, str] = {}
        for person in people:
            found = person.source.files.get("photo")
            if found is None:
                continue
            try:
                info = found.stat()
            except OSError:
                continue
            self._by_size.setdefault(info.st_size, []).append((found, person))
            self._by_inode[(info.st_dev, info.st_ino)] = person

    def _digest(self, path: Path) -> str:
        if path not in self._digests:
            self._digests[path] = hashlib.sha256(path.read_bytes()).hexdigest()
        return self._digests[path]

    def owners(self, path: Path) -> list[Person]:
        """The people whose photo ``path`` is (the same file, or the same bytes)."""
        try:
            info = path.stat()
        except OSError:
            return []
        found: dict[str, Person] = {}
        same = self._by_inode.get((info.st_dev, info.st_ino))
        if same is not None:
            found[same.id] = same
        candidates = self._by_size.get(info.st_size, [])
        if candidates:
            digest = self._digest(path)
            for photo, person in candidates:
                if self._digest(photo) == digest:
                    found[person.id] = person
        return list(found.values())


def file_verdict(path: Path, photos: PhotoIndex, today: date) -> Verdict:
    """May this file beside a story be published? Not if it is the photo of someone who
    has not consented to their photo (or withdrew, or left), whatever it is called."""
    for owner in photos.owners(path):
        if not photo_allowed(owner, today):
            verdict = person_verdict(owner, today)
            why = verdict.reason if not verdict else (
                f"{owner.id} has not consented to publishing their photo")
            return Verdict(False, f"it is the profile photo of {owner.id} ({why})")
    return PUBLISHED


# -- quotes and handles: consent per use -----------------------------------------------------

#: A quotation: “…”, «…», „…“, "…", ‘…’ (bounded length: linear on any line; two words
#: or more inside, checked by _WORDS).
_QUOTATION = re.compile(
    r"“[^“”\n]{3,600}”|«[^«»\n]{3,600}»|„[^„“\n]{3,600}“|\"[^\"\n]{3,600}\"|‘[^‘’\n]{3,600}’"
)
_WORDS = re.compile(r"\w\s+\w")
#: A pull quote: a Markdown blockquote, a quote admonition, <blockquote> or <q>.
_PULL_QUOTE = re.compile(
    r"^[ \t]{0,3}>|^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*(?:quote|cite)\b|<blockquote\b|<q\b",
    re.IGNORECASE,
)
#: How far (characters) from a quotation a name says who spoke: "…," says Giulia.
ATTRIBUTION_REACH = 160


def _names_of(person: Person) -> re.Pattern[str]:
    names = {person.name, person.name.split()[0], person.id}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def quotes_without_consent(
    text: str, people: list[Person]
) -> list[tuple[int, int, Person]]:
    """(line index, column, person) of every quote of someone who has not consented to
    quotes: a quotation with their name near it, or a pull quote naming them (or any
    pull quote, when the story is about that person alone). Linear in the text."""
    return quotes_of(text, people, [p for p in people if not p.consent.quotes])


def quotes_of(text: str, people: list[Person], unquotable: list[Person]
              ) -> list[tuple[int, int, Person]]:
    """(line index, column, person) of every quote of one of ``unquotable`` (some of the
    story's ``people``) in ``text``: see :func:`quotes_without_consent`."""
    if not unquotable:
        return []
    found: list[tuple[int, int, Person]] = []
    lines = text.split("\n")
    offsets = [0]
    for each in lines:
        offsets.append(offsets[-1] + len(each) + 1)
    patterns = {p.id: _names_of(p) for p in unquotable}

    def line_of(position: int) -> tuple[int, int]:
        low, high = 0, len(lines) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if offsets[middle] <= position:
                low = middle
            else:
                high = middle - 1
        return low, position - offsets[low] + 1

    seen: set[tuple[int, str]] = set()
    for match in _QUOTATION.finditer(text):
        if not _WORDS.search(match.group(0)):
            continue
        start, end = match.span()
        window = text[max(start - ATTRIBUTION_REACH, 0) : end + ATTRIBUTION_REACH]
        for person in unquotable:
            if patterns[person.id].search(window):
                line, col = line_of(start)
                if (line, person.id) not in seen:
                    seen.add((line, person.id))
                    found.append((line, col, person))
    only = unquotable[0] if len(people) == 1 else None
    previous = False
    for index, line_text in enumerate(lines):
        if not _PULL_QUOTE.search(line_text):
            previous = False
            continue
        if previous and line_text.lstrip().startswith(">"):
            continue  # the same blockquote goes on (its attribution line, say)
        previous = line_text.lstrip().startswith(">")
        nearby = "\n".join(lines[index : index + 3])
        named = [p for p in unquotable if patterns[p.id].search(nearby)]
        for person in named or ([only] if only is not None else []):
            if (index, person.id) not in seen:
                seen.add((index, person.id))
                found.append((index, 1, person))
    return sorted(found, key=lambda item: (item[0], item[1], item[2].id))


def quote_message(person: Person) -> str:
    return (
        f"this quotes {person.name}, who has not consented to being quoted ({person.source.path}:"
        " 'quotes' is not true under 'consent:'): remove the quote or retell it without "
        "quotation marks, or record 'quotes: true' once they agree"
    )


def handles_of(person: Person) -> list[str]:
    """Every way a person's profiles can be written in a post: handles and profile URLs."""
    found: list[str] = []
    for value in person.links.model_dump().values():
        if not value:
            continue
        text = str(value).strip()
        found.append(text)
        if "://" in text:
            bare = text.split("://", 1)[1].rstrip("/")
            found.append(bare)
            if bare.lower().startswith("www."):
                found.append(bare[4:])
        else:
            found.append(text.lstrip("@"))
    return [h for h in dict.fromkeys(found) if len(h) >= 3]


def handles_without_consent(text: str, people: list[Person], named: set[str]) -> list[
    tuple[str, Person]
]:
    """(handle, person) for every handle in ``text`` of someone who may not be mentioned
    (no ``social`` consent, or not named on the site)."""
    found: list[tuple[str, Person]] = []
    folded = text.casefold()
    for person in people:
        if person.consent.social and person.id in named:
            continue
        for handle in handles_of(person):
            index = folded.find(handle.casefold())
            if index < 0:
                continue
            before = folded[index - 1] if index > 0 else " "
            after_index = index + len(handle)
            after = folded[after_index] if after_index < len(folded) else " "
            if not (before.isalnum() or before in "._") and not (
                after.isalnum() or after == "_"
            ):
                found.append((handle, person))
                break
    return found
