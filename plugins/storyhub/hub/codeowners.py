"""CODEOWNERS: the people a story features or quotes become the reviewers of its files.

``storyhub codeowners`` writes a block of rules, one per story whose people have a forge
handle (``links.github`` / ``links.gitlab``), between two marker lines of the repository's
CODEOWNERS file; the rest of the file is the company's own and is kept as it is. The
block goes last, because on GitHub and GitLab the last matching pattern wins. With branch
protection's "require review from code owners", a pull request that changes a story asks
the people in it to approve it. ``--check`` fails when the block is not what the content
says now (someone added to a story, a handle changed) so CI can catch a forgotten run.

Every story counts, drafts and embargoed ones included: review happens before publishing.
People who have left (or withdrew consent) are not asked.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from storyhub.content.model import Person, Story
from storyhub.hub.publish import is_gone, quotes_of
from storyhub.text.pullquotes import find_pull_quotes

BEGIN = "# BEGIN storyhub: the people in each story review it (storyhub codeowners)"
END = "# END storyhub"
NOTE = "# Generated from the stories' people and quotes: do not edit between these lines."
#: where each forge reads the file, in the order it looks (GitHub and GitLab docs)
LOCATIONS = {
    "github": (".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"),
    "gitlab": ("CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS"),
}
FORGES = tuple(LOCATIONS)


@dataclass(frozen=True)
class Rule:
    pattern: str
    owners: tuple[str, ...]
    story: str  # the story's file, for messages

    def line(self) -> str:
        return f"{self.pattern} {' '.join(self.owners)}"


def reviewers(story: Story, people: dict[str, Person]) -> list[Person]:
    """The story's featured people, then anyone it quotes (pull quotes and quotations near
    a name), each once."""
    found = dict.fromkeys(p for p in story.people if p in people)
    named = [people[p] for p in found]
    for _, _, person in quotes_of(story.body, named, named):
        found.setdefault(person.id)
    for quote in find_pull_quotes(story.body):
        if quote.person in people:
            found.setdefault(quote.person)
    return [people[p] for p in found]


def _escape(path: str) -> str:
    """A path as a CODEOWNERS pattern: anchored, spaces and # escaped; a control character
    (a line break in a folder name, say) cannot be written, so ``*`` stands for it — a file
    name in a pull request can never add a line, and so an owner, to the file."""
    path = "".join("*" if unicodedata.category(c).startswith("C") else c for c in path)
    escaped = path.replace("\\", "\\\\").replace(" ", "\\ ").replace("#", "\\#")
    return "/" + escaped


def story_pattern(story: Story, prefix: str) -> str:
    """The folder of a story folder (its photo and files too), else its Markdown file."""
    path = story.source.path
    if story.source.abs_path.name == "index.md" and "/" in path:
        path = path.rsplit("/", 1)[0] + "/"
    return _escape(f"{prefix}{path}")


def rules(stories: list[Story], people: dict[str, Person], forge: str, today: date,
          prefix: str = "") -> list[Rule]:
    """One rule per story with at least one reviewer on ``forge``, in file order.
    ``prefix``: the content folder's path inside the repository (``""`` or ``hub/``)."""
    found: list[Rule] = []
    for story in sorted(stories, key=lambda s: s.source.path):
        owners: list[str] = []
        for person in reviewers(story, people):
            handle = getattr(person.links, forge)
            if handle and not is_gone(person, today):
                owners.append("@" + handle.lstrip("@"))
        if owners:
            found.append(Rule(story_pattern(story, prefix), tuple(dict.fromkeys(owners)),
                              story.source.path))
    return found


def block(found: list[Rule]) -> str:
    lines = [BEGIN, NOTE, *(rule.line() for rule in found), END]
    return "\n".join(lines) + "\n"


def merged(existing: str, new_block: str) -> str:
    """``existing`` CODEOWNERS with its storyhub block replaced by ``new_block`` (added at the
    end when it has none); every other line kept."""
    lines = existing.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip("\r\n") == BEGIN), None)
    if start is not None:
        end = next((i for i in range(start, len(lines)) if lines[i].rstrip("\r\n") == END),
                   len(lines) - 1)
        return "".join(lines[:start]) + new_block + "".join(lines[end + 1:])
    text = "".join(lines)
    if text and not text.endswith("\n"):
        text += "\n"
    return text + ("\n" if text.strip() else "") + new_block


def default_location(repo_root: Path, forge: str) -> Path:
    """The CODEOWNERS file the forge reads: an existing one, else the first it looks for."""
    for name in LOCATIONS[forge]:
        if (repo_root / name).is_file():
            return repo_root / name
    return repo_root / LOCATIONS[forge][0]


def forge_of(backend: Mapping[str, object]) -> str:
    """The forge the hub lives on, from the web editor's backend (default GitHub)."""
    name = str(backend.get("name", "github"))
    return name if name in FORGES else "github"
