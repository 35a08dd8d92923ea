"""What a card worker process runs: draw cards and write them to the cache.

Worker processes are spawned (not forked), so each imports this module afresh: it imports
only the drawing code and Pillow, not the hub, the options or the content model (importing
those cost each worker about 0.3 CPU s and 15 MB).
"""

from __future__ import annotations

import os

from storyhub.media.cache_files import SEAL, digest
from storyhub.media.card_spec import CardSpec
from storyhub.media.card_text import encode_jpeg
from storyhub.media.drawn_card import draw_drawn
from storyhub.media.photo_card import draw_photo


def draw(spec: CardSpec) -> bytes:
    """The JPEG bytes of one card: over the story's photo when the plan gave it one."""
    image = draw_photo(spec) if spec.backdrop else None
    if image is None:
        image = draw_drawn(spec)
    return encode_jpeg(image, spec.quality)


def draw_batch(batch: list[tuple[CardSpec, str]]) -> int:
    """Draw each (spec, target file) and write it atomically; the number drawn."""
    for spec, target in batch:
        data = draw(spec)
        temporary = f"{target}.{os.getpid()}.tmp"
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, target)
        seal = f"{target}{SEAL}.{os.getpid()}.tmp"  # written last: see cache_files
        with open(seal, "w", encoding="ascii") as handle:
            handle.write(digest(data))
        os.replace(seal, f"{target}{SEAL}")
    return len(batch)
