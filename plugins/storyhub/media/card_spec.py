"""What a share image is drawn from: the geometry of each format and one card's inputs.

A :class:`CardSpec` is plain data (workers receive it pickled) and its :meth:`key` is the
card's cache key: a hash of every input's *content* — texts, colours, the bytes of the
font, logo and photo files (as digests), both layouts and the drawing code itself. File
paths are left out: the same card is found again after the hub moves or a file is renamed,
and a file replaced in place gets a new key.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import PIL

from storyhub.text.networks import OPEN_GRAPH_CARD, PORTRAIT_CARD

#: The modules whose code draws a card: any change to them draws every card anew.
DRAWING_MODULES = ("card_spec.py", "card_text.py", "drawn_card.py", "photo_card.py",
                   "card_worker.py")


@dataclass(frozen=True)
class Layout:
    """Geometry of one card format drawn from the story's colours, in pixels."""

    width: int
    height: int
    margin: int
    photo: int  # diameter of the round photo
    title_sizes: tuple[int, ...]  # tried largest first until the title fits
    title_lines: int
    company_size: int
    name_size: int
    detail_size: int
    logo_height: int
    portrait: bool  # photo above the title (Instagram) or beside it (Open Graph)


@dataclass(frozen=True)
class PhotoLayout:
    """Geometry of one card format drawn over the story's photograph, in pixels."""

    width: int
    height: int
    margin: int
    title_sizes: tuple[int, ...]
    title_lines: int  # fewer than on a drawn card: the photo is the point
    company_size: int
    label_size: int
    name_size: int
    detail_size: int
    logo_height: int
    fade: int  # height of the scrim's soft edge above the text


LAYOUTS: dict[str, Layout] = {
    # Open Graph / LinkedIn / Facebook / X summary_large_image: 1200×630 (1.91:1)
    OPEN_GRAPH_CARD: Layout(1200, 630, 64, 232, (64, 56, 48, 42), 4, 28, 32, 24, 56, False),
    # Instagram feed portrait: 1080×1350 (4:5)
    PORTRAIT_CARD: Layout(1080, 1350, 80, 380, (76, 66, 58, 50), 5, 34, 40, 30, 72, True),
}

PHOTO_LAYOUTS: dict[str, PhotoLayout] = {
    OPEN_GRAPH_CARD: PhotoLayout(1200, 630, 56, (56, 50, 44, 40), 3, 24, 22, 28, 22, 48, 150),
    PORTRAIT_CARD: PhotoLayout(1080, 1350, 72, (72, 64, 56, 50), 5, 30, 30, 38, 28, 64, 320),
}


@lru_cache(maxsize=1)
def code_digest() -> str:
    """SHA-256 of the drawing code (plus the contrast rules it follows)."""
    folder = Path(__file__).resolve().parent
    hasher = hashlib.sha256()
    for name in DRAWING_MODULES:
        hasher.update((folder / name).read_bytes())
    hasher.update((folder.parent / "text" / "contrast.py").read_bytes())
    return hasher.hexdigest()


#: Fields that name files: their content is in the digests instead.
_PATHS = ("font", "font_bold", "photo", "logo", "backdrop", "images_cache")


@dataclass(frozen=True)
class CardSpec:
    """Everything a card is drawn from: picklable, and hashed into its cache key."""

    kind: str
    title: str
    names: str
    detail: str  # role, or value names
    values: str
    company: str
    background: str
    text_color: str
    accent: str
    quality: int
    font: str
    font_bold: str
    photo: str | None  # a person's photo, in a ring (drawn cards only)
    logo: str | None
    digests: tuple[str, ...] = ()  # content hashes of the font, bold font, logo and photo
    #: the fixed words above the title, in the story's language ("Story · 1 May 2024")
    label: str = ""
    #: the story's own image, filling the card (see storyhub.hub.share.story_photo)
    backdrop: str | None = None
    backdrop_digest: str = ""
    #: where the re-encoded story images are cached (not part of the key)
    images_cache: str | None = None

    def key(self) -> str:
        data = {k: v for k, v in asdict(self).items() if k not in _PATHS}
        data["has"] = [k for k in _PATHS if getattr(self, k)]
        layout = PHOTO_LAYOUTS[self.kind] if self.backdrop else LAYOUTS[self.kind]
        data.update(layout=asdict(layout), code=code_digest(), pillow=PIL.__version__)
        blob = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
        return hashlib.sha256(blob).hexdigest()
