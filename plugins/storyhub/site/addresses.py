"""Every output address belongs to one thing: the address planner.

Each thing a build writes claims its address here before anything is written — a page,
a file, a family of responsive versions (``oven-480w.jpg``, ``oven-800w.webp``…) or a whole
folder (the snippets exports, the editor). A second claim on an address already claimed is
a collision, reported with both sources; nothing is overwritten in silence.

Addresses are compared as file systems compare names: Unicode NFC and case-folded (macOS
and Windows file systems ignore case, so ``stories/en-GB/`` and ``stories/en-gb/`` are one
folder there). A name longer than the file system's limit (255 bytes) is refused too.

The module knows nothing of stories or MkDocs: it takes :class:`Claim` objects and gives
back :class:`Collision` and :class:`TooLong` records. Its API:

* :meth:`AddressBook.claim` — one output file (``stories/a/index.html``);
* :meth:`AddressBook.claim_family` — ``<stem>-<width>w<suffix>`` for every width;
* :meth:`AddressBook.claim_folder` — every address under a folder;
* :attr:`AddressBook.collisions`, :attr:`AddressBook.too_long` — what went wrong, in the
  order the claims were made.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

#: The longest file or folder name most file systems take (ext4, APFS, NTFS: 255).
NAME_MAX = 255
_FAMILY_MEMBER = re.compile(r"^(?P<stem>.+)-\d+w(?P<suffix>\.[A-Za-z0-9]+)$")


@dataclass(frozen=True)
class Claim:
    """Who wants an address: ``what`` for people, and where it comes from."""

    address: str
    what: str
    source: str
    line: int = 1
    col: int = 1

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Collision:
    first: Claim
    second: Claim
    address: str


@dataclass(frozen=True)
class TooLong:
    claim: Claim
    name: str


def address_key(address: str) -> str:
    """How file systems compare ``address``: NFC, case-folded, without a trailing slash."""
    return unicodedata.normalize("NFC", address).casefold().strip("/")


@dataclass
class AddressBook:
    """The output addresses of one build, each claimed once."""

    _files: dict[str, Claim] = field(default_factory=dict)
    _families: dict[tuple[str, str], Claim] = field(default_factory=dict)
    _folders: dict[str, Claim] = field(default_factory=dict)
    #: files whose names look like a responsive version (``oven-480w.jpg``), by family
    _members: dict[tuple[str, str], Claim] = field(default_factory=dict)
    collisions: list[Collision] = field(default_factory=list)
    too_long: list[TooLong] = field(default_factory=list)

    def claim(self, claim: Claim) -> bool:
        """Claim one file's address; False (and a collision recorded) if it is taken."""
        key = address_key(claim.address)
        if not self._fits(claim, claim.address):
            return False
        earlier = self._files.get(key) or self._folder_of(key) or self._family_of(key)
        if earlier is not None:
            self.collisions.append(Collision(earlier, claim, claim.address))
            return False
        self._files[key] = claim
        family = _member(key)
        if family is not None:
            self._members.setdefault(family, claim)
        return True

    def claim_family(self, stem: str, suffixes: tuple[str, ...], longest: str,
                     claim: Claim) -> bool:
        """Claim ``<stem>-<width>w<suffix>`` for every width and suffix (an image's
        responsive versions); ``longest`` is the longest such name, checked for length."""
        if not self._fits(claim, longest):
            return False
        ok = True
        for suffix in suffixes:
            family = (address_key(stem), suffix.casefold())
            earlier = self._families.get(family) or self._members.get(family)
            if earlier is not None:
                self.collisions.append(Collision(earlier, claim, f"{stem}-…w{suffix}"))
                ok = False
                continue
            self._families[family] = claim
        return ok

    def claim_folder(self, folder: str, claim: Claim) -> bool:
        """Claim every address under ``folder`` (and the folder's own page)."""
        key = address_key(folder)
        earlier = self._folders.get(key) or self._folder_of(key)
        if earlier is None:
            prefix = key + "/"
            earlier = next((c for k, c in self._files.items()
                            if k.startswith(prefix) or k == key), None)
        if earlier is not None:
            self.collisions.append(Collision(earlier, claim, folder.rstrip("/") + "/"))
            return False
        self._folders[key] = claim
        return True

    def _folder_of(self, key: str) -> Claim | None:
        parts = key.split("/")
        for depth in range(1, len(parts)):
            found = self._folders.get("/".join(parts[:depth]))
            if found is not None:
                return found
        return None

    def _family_of(self, key: str) -> Claim | None:
        family = _member(key)
        return self._families.get(family) if family is not None else None

    def _fits(self, claim: Claim, address: str) -> bool:
        for name in address.strip("/").split("/"):
            if len(name.encode("utf-8")) > NAME_MAX:
                self.too_long.append(TooLong(claim, name))
                return False
        return True


def _member(key: str) -> tuple[str, str] | None:
    """(stem, suffix) of a responsive version's name (``a/oven-480w.jpg``), else None."""
    match = _FAMILY_MEMBER.match(key)
    return (match.group("stem"), match.group("suffix")) if match else None
