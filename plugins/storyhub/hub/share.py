"""A story's share images as pages and posts see them: where they are, their size and alt
text. :mod:`storyhub.media.cards` plans and draws them; the page meta tags and the social
snippets only read these records, so neither depends on how the images are made."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ShareImage:
    kind: str  # "og" (1200×630) or "instagram" (1080×1350)
    path: str  # site-relative, e.g. assets/cards/night-oven-og-1a2b3c4d.jpg
    width: int
    height: int
    key: str  # hash of everything the image is drawn from
    alt: str


@dataclass
class ShareImages:
    og: ShareImage
    instagram: ShareImage

    @property
    def alt(self) -> str:
        return self.og.alt

    def images(self) -> list[ShareImage]:
        return [self.og, self.instagram]
