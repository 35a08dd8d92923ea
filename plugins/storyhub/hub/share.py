"""A story's share images as pages and posts see them: where they are, their size and alt
text. :mod:`storyhub.media.cards` plans and draws them; the page meta tags and the social
snippets only read these records, so neither depends on how the images are made.

The one consent decision about them lives here too: whether a card may be drawn over the
story's own photograph (:func:`story_photo`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from storyhub.hub.publish import photo_allowed
from storyhub.text.networks import NETWORKS

if TYPE_CHECKING:
    from storyhub.content.model import Story
    from storyhub.hub.graph import Hub


#: Height in CSS pixels of a share image's thumbnail on the snippets page; its file is
#: twice as tall (sharp on dense phone screens, a few kilobytes).
THUMB_HEIGHT = 84


@dataclass(frozen=True)
class ShareImage:
    #: OPEN_GRAPH_CARD (1200×630) or PORTRAIT_CARD (1080×1350), see storyhub.text.networks
    kind: str
    path: str  # site-relative, e.g. assets/cards/night-oven-og-1a2b3c4d.jpg
    width: int
    height: int
    key: str  # hash of everything the image is drawn from
    alt: str

    @property
    def thumb_path(self) -> str:
        """The thumbnail's site path, beside the image: ``...-1a2b3c4d-thumb.webp``."""
        return self.path.rsplit(".", 1)[0] + "-thumb.webp"

    @property
    def thumb_size(self) -> tuple[int, int]:
        """The thumbnail's display size in CSS pixels (its file has twice as many)."""
        return max(1, round(self.width * THUMB_HEIGHT / self.height)), THUMB_HEIGHT


@dataclass
class ShareImages:
    og: ShareImage
    instagram: ShareImage

    @property
    def alt(self) -> str:
        return self.og.alt

    def images(self) -> list[ShareImage]:
        return [self.og, self.instagram]

    def for_network(self, network: str) -> ShareImage:
        """The image the network's posts carry (:attr:`Network.card`)."""
        kind = NETWORKS[network].card
        return next((image for image in self.images() if image.kind == kind), self.og)


def story_photo(hub: Hub, story: Story) -> Path | None:
    """The story's own image, when its share images may show it: the file is published
    with the story, and everyone in the story (its people and its author) is named on the
    site and consented to photos (not withdrawn, not departed). One unconsented or
    anonymous person is enough for the drawn card: the photo may show them."""
    found = story.source.files.get("image")
    if found is None or not hub.file_published(found):
        return None
    today = hub.today
    involved = [*story.people, *([story.author] if story.author else [])]
    for person_id in involved:
        person = hub.people.get(person_id)
        if person is None or not photo_allowed(person, today):
            return None
    return found
