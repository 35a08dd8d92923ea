"""Who and what may be published at a given moment, and why not.

One place decides; pages, listings, feeds, snippets and images all ask here.
"""

from __future__ import annotations

import hashlib
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
    if not consent.name:
        return Verdict(False, f"{person.id} has not consented to publishing their name")
    return PUBLISHED


def photo_allowed(person: Person, today: date) -> bool:
    return bool(person_verdict(person, today)) and person.consent.photo


def story_verdict(
    story: Story,
    people: dict[str, Person],
    now: datetime,
    *,
    show_drafts: bool = False,
    anonymous: bool = False,
) -> Verdict:
    """May this story be published at ``now``? Drafts and embargoes first, then consent."""
    if story.draft and not show_drafts:
        return Verdict(False, "draft")
    if story.publish_at is not None and story.publish_at > now and not show_drafts:
        return Verdict(False, f"embargoed until {story.publish_at.isoformat()}")
    today = now.date()
    for person_id in story.people:
        person = people.get(person_id)
        if person is None:
            return Verdict(False, f"unknown person {person_id}")
        verdict = person_verdict(person, today)
        if not verdict and not (anonymous and _only_name_missing(person, today)):
            return verdict
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
    return not person.consent.name and not is_gone(person, today)


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
