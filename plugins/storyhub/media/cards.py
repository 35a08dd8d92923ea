"""Share images: an Open Graph card (1200×630) and an Instagram portrait (1080×1350)
for every published story, drawn with Pillow. This module plans them and keeps the cache.

* Two looks: over the story's own photo (:mod:`storyhub.media.photo_card`) when the story
  has one, everyone in it consented to photos (:func:`storyhub.hub.share.story_photo`) and
  the photo is large enough; else drawn from the story's colour
  (:mod:`storyhub.media.drawn_card`). Geometry: :mod:`storyhub.media.card_spec`.
* The fixed words (the label "Story · 1 May 2024", the alt text) are in the story's
  language, from the ``cards`` namespace of the catalogue.
* Offline: the bundled DejaVu Sans (``assets/fonts``) unless the hub names its own font.
* Deterministic: the same inputs give the same bytes (no timestamps, no EXIF).
* Cached in ``<hub>/.cache/storyhub/cards/<sha256 of every input>.jpg``: a build with
  nothing changed draws nothing; when many cards are missing, processes draw them.
* Only published people appear, and their photo only where they consented to it.
* Beside each card, a small WebP thumbnail for the snippets page (:meth:`CardSet.thumbnail`).
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import io
import multiprocessing
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PIL import Image

from storyhub.hub.share import ShareImage, ShareImages, story_photo
from storyhub.media.cache_files import copy_out, read_sealed, write_sealed
from storyhub.media.card_spec import LAYOUTS, PHOTO_LAYOUTS, CardSpec, Layout, PhotoLayout
from storyhub.media.card_text import MAX_BYTES, MAX_TITLE
from storyhub.media.card_worker import draw, draw_batch
from storyhub.media.images import MAX_EDGE, ImageMemo
from storyhub.media.photo_card import (
    MAX_ENLARGEMENT,
    fills_every_card,
    placement,
)
from storyhub.options.model import CardOptions
from storyhub.options.settings import cache_dir, pid_alive
from storyhub.text.networks import OPEN_GRAPH_CARD, PORTRAIT_CARD

if TYPE_CHECKING:
    from storyhub.content.model import Story
    from storyhub.hub.graph import Hub
    from storyhub.i18n import Translator

__all__ = ["LAYOUTS", "MAX_BYTES", "MAX_ENLARGEMENT", "MAX_TITLE", "PHOTO_LAYOUTS", "CardSet",
           "CardSpec", "Layout", "PhotoLayout", "draw", "plan_cards"]

FONTS = Path(__file__).resolve().parent.parent / "assets" / "fonts"
DEFAULT_FONT = FONTS / "DejaVuSans.ttf"
DEFAULT_FONT_BOLD = FONTS / "DejaVuSans-Bold.ttf"
DEFAULT_BACKGROUND = "#37474f"
CARDS_FOLDER = "assets/cards"
#: Draw in worker processes when at least this many cards are missing.
PARALLEL_FROM = 12
#: Thumbnails for the snippets page (:meth:`CardSet.thumbnail`): WebP quality, and a name
#: for the recipe that changes when it does (cached thumbnails are then made again).
THUMB_QUALITY = 75
THUMB_RECIPE = "t1"


#: The share images' data types live in the hub, where pages and posts read them.
CardImage = ShareImage
StoryCards = ShareImages


class KeptFiles(Protocol):
    """A preview server's kept output folder (:class:`storyhub.pipeline.renders.KeptSite`):
    whether a file already holds the bytes it would be given (and is then kept)."""

    def unchanged_copy(self, src: str, dest: str) -> bool: ...

    def same_bytes(self, dest: str, data: bytes) -> bool: ...


@dataclass
class CardStats:
    drawn: int = 0
    cached: int = 0
    #: time the build waited for drawing (drawing runs while pages are rendered)
    seconds: float = 0.0


@dataclass
class CardSet:
    """The cards of a hub: what to draw, where the cache is, and the drawing itself."""

    cache_dir: Path
    stories: dict[str, StoryCards]
    specs: dict[str, CardSpec]
    workers: int = 2
    stats: CardStats = field(default_factory=CardStats)
    _pool: concurrent.futures.Executor | None = None
    _futures: list[concurrent.futures.Future[int]] = field(default_factory=list)
    #: cards found in the cache, checked against their seal (they stay where they are even
    #: when new ones are drawn into another folder: a read-only cache)
    _found: dict[str, Path] = field(default_factory=dict)
    #: a preview server's images kept between rebuilds (the thumbnails, by their name)
    memo: ImageMemo | None = None

    def cached_path(self, key: str) -> Path:
        return self._found.get(key) or self.cache_dir / f"{key}.jpg"

    def missing(self) -> list[str]:
        """The cards to draw: absent from the cache, unsealed or damaged (reported)."""
        missing = []
        for key in self.specs:
            path = self.cache_dir / f"{key}.jpg"
            if key in self._found or (path.is_file() and read_sealed(
                    path, what="share image") is not None):
                self._found.setdefault(key, path)
            else:
                missing.append(key)
        return missing

    def start(self) -> None:
        """Begin drawing missing cards while the pages are rendered: in worker processes
        when there are many; a few (a preview's edited story) in one thread, where Pillow's
        drawing and encoding run beside the page rendering (starting a process costs more
        than drawing them)."""
        pending = self.missing()
        self.stats.cached = len(self.specs) - len(pending)
        if not pending:
            return
        self.cache_dir = usable_cache(self.cache_dir, "cards")
        if self.workers > 1 and len(pending) >= PARALLEL_FROM:
            context = multiprocessing.get_context("spawn")
            self._pool = concurrent.futures.ProcessPoolExecutor(self.workers, mp_context=context)
            chunk = max(1, len(pending) // (self.workers * 8))
        else:
            self._pool = concurrent.futures.ThreadPoolExecutor(1, "storyhub-cards")
            chunk = len(pending)
        for i in range(0, len(pending), chunk):
            batch = [(self.specs[k], str(self.cached_path(k))) for k in pending[i:i + chunk]]
            self._futures.append(self._pool.submit(draw_batch, batch))

    def finish(self) -> CardStats:
        """Wait for the drawing to end."""
        import time

        started = time.perf_counter()
        try:
            self.stats.drawn = sum(f.result() for f in self._futures)
        finally:
            self.cancel()
        self.stats.seconds = time.perf_counter() - started
        return self.stats

    def cancel(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._futures = []

    def write(self, out_dir: Path, kept: KeptFiles | None = None) -> list[Path]:
        """Put every card in ``out_dir`` (the site folder) under its site path, and its
        thumbnail beside it (:meth:`thumbnail`). A preview server's ``kept`` folder keeps
        the files that already hold the same bytes (compared) instead of writing them."""
        written = []
        for cards in self.stories.values():
            for image in cards.images():
                target = out_dir / image.path
                source = self.cached_path(image.key)
                if kept is None or not kept.unchanged_copy(str(source), str(target)):
                    target.parent.mkdir(parents=True, exist_ok=True)
                    copy_out(source, target)
                written.append(target)
                thumb = out_dir / image.thumb_path
                data = self.thumbnail(image)
                if kept is None or not kept.same_bytes(str(thumb), data):
                    thumb.write_bytes(data)
                written.append(thumb)
        return written

    def thumbnail(self, image: CardImage) -> bytes:
        """A small WebP of a drawn card, for the snippets page: twice its display size
        (:attr:`ShareImage.thumb_size`), a few kilobytes where the card is 60-100 KB.
        Made from the card's bytes, so deterministic; cached beside the card (sealed)."""
        width, height = (2 * side for side in image.thumb_size)
        cached = self.cache_dir / f"{image.key}-thumb-{width}x{height}-{THUMB_RECIPE}.webp"
        if self.memo is None:
            return self._thumbnail(image, cached, width, height)
        # named by the card's key: the same card, the same bytes
        return self.memo.get_or_make(cached.name,
                                     lambda: self._thumbnail(image, cached, width, height))

    def _thumbnail(self, image: CardImage, cached: Path, width: int, height: int) -> bytes:
        found = read_sealed(cached, what="share image thumbnail")
        if found is not None:
            return found
        with Image.open(self.cached_path(image.key)) as card:
            card.draft("RGB", (width, height))  # JPEG: decode at a smaller scale, faster
            small = card.convert("RGB").resize((width, height), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        small.save(out, "WEBP", quality=THUMB_QUALITY, method=6)
        data = out.getvalue()
        write_sealed(cached, data)
        return data


def usable_cache(folder: Path, part: str) -> Path:
    """``folder`` if it can be written, else a fresh temporary folder (the build goes on
    without a lasting cache, and says so). Temporary files that a killed build left there
    (``*.<pid>.tmp`` of a process that no longer runs) are removed."""
    import logging
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        logging.getLogger("mkdocs.plugins.storyhub").info(
            f"storyhub: the cache folder {folder} cannot be written ({exc.strerror or exc}); "
            f"{part} are made without a cache this time")
        return Path(tempfile.mkdtemp(prefix=f"storyhub-{part}-"))
    for stale in folder.glob("*.tmp"):
        pid = stale.name.rsplit(".", 2)[-2] if stale.name.count(".") >= 2 else ""
        if pid.isdigit() and not pid_alive(int(pid)):
            stale.unlink(missing_ok=True)
    return folder


# -- planning -------------------------------------------------------------------------------


def file_digest(path: Path) -> str:
    """SHA-256 of the file's bytes. Read every time: a photo replaced under ``mkdocs serve``
    (same name, even the same size and time) gets a new digest, so a new card."""
    hasher = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            hasher.update(block)
    return hasher.hexdigest()


def _alt(story: Story, names: list[str], values: list[str], company: str,
         has_photo: bool, over_image: bool, t: Translator) -> str:
    """The card's text alternative, in the story's language (``cards`` namespace)."""
    if over_image:
        photo = t("cards.alt_image", description=story.image_alt.rstrip(". ")) if story.image_alt \
            else t("cards.alt_image_plain")
    else:
        photo = t("cards.alt_photo", name=names[0]) if has_photo and names else ""
    return t(
        "cards.alt", title=story.title, company=company,
        people=t("cards.alt_people", names=", ".join(names)) if names else "",
        photo=photo,
        values=t("cards.alt_values", names=", ".join(values)) if values else "",
    )


def published_size(path: Path) -> tuple[int, int] | None:
    """Width and height of a story image as the site publishes it (turned upright, longest
    side at most ``MAX_EDGE["story-image"]``), read from the file's header only."""
    try:
        with Image.open(path) as opened:
            width, height = opened.size
            if opened.getexif().get(0x0112) in (5, 6, 7, 8):  # EXIF orientation: on its side
                width, height = height, width
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    edge = MAX_EDGE["story-image"]
    if max(width, height) > edge:
        scale = edge / max(width, height)
        width, height = max(1, round(width * scale)), max(1, round(height * scale))
    return width, height


#: The formats' names in advice (English, like every diagnostic).
FORMAT_NAMES = {OPEN_GRAPH_CARD: "Open Graph", PORTRAIT_CARD: "Instagram"}


def _too_small(hub: Hub, story: Story, size: tuple[int, int], kinds: list[str]) -> None:
    """Advice (never an error) that a story's photo is too small for some share images."""
    formats = " and ".join(FORMAT_NAMES[k] for k in kinds)
    side = fills_every_card()
    where: tuple[str, ...] = ("image",)
    field, written = "image", story.image
    if story.image is None and story.video is not None:  # its poster stands in for a photo
        where, field, written = ("video", "poster"), "video.poster", story.video.poster
    line, col = story.source.value_pos(*where)
    message = (f"'{field}': {written} is {size[0]}×{size[1]} pixels, too small for the "
               f"{formats} share image (a photo is never enlarged more than "
               f"{MAX_ENLARGEMENT:g}×): the drawn card is used; a photo at least {side} pixels "
               f"on each side fills every card")
    known = {(d.path, d.message) for d in hub.diagnostics}
    if (story.source.path, message) not in known:
        hub.diagnostics.warning(story.source.path, line, col, message, field=field,
                                code="advice")


def plan_cards(hub: Hub, options: CardOptions) -> CardSet:
    """Which cards the published stories need, and their cache keys (nothing is drawn)."""
    root = hub.settings.root
    font = Path(root / options.font) if options.font else DEFAULT_FONT
    font_bold = Path(root / options.font_bold) if options.font_bold else (
        font if options.font else DEFAULT_FONT_BOLD)
    logo = Path(root / options.logo) if options.logo else None
    images_cache = str(cache_dir(root, "images"))
    # the files exist: storyhub.options.read.check_option_files checked them
    known: dict[Path, str] = {}  # each file hashed once per build, never remembered longer

    def digest(path: Path) -> str:
        if path not in known:
            known[path] = file_digest(path)
        return known[path]

    base_digests = (digest(font), digest(font_bold), digest(logo) if logo else "")
    stories: dict[str, StoryCards] = {}
    specs: dict[str, CardSpec] = {}
    company = hub.settings.company
    for story in hub.stories:
        t = hub.translator.in_language(story.lang)
        people = hub.people_of(story)
        values = hub.values_of(story)
        names = [p.name for p in people]
        photo_person = next((p for p in people if hub.shows_photo(p)), None)
        photo: Path | None = None
        if photo_person is not None:
            # The file the loader resolved (inside the hub, never through a link).
            photo = photo_person.source.files.get("photo")
        backdrops = _backdrops(hub, story) if options.photo else {}
        color = options.background or next(
            (v.color for v in values if v.color), None) or DEFAULT_BACKGROUND
        detail = people[0].role if len(people) == 1 else ""
        label = t("cards.label", date=t.date(story.date))
        images = {}
        for kind, layout in LAYOUTS.items():
            backdrop = backdrops.get(kind)
            spec = CardSpec(
                kind=kind, title=story.title, names=_names_line(names), detail=detail,
                values=" · ".join(v.name for v in values), company=company,
                background=color, text_color=options.text_color, accent=options.accent,
                quality=options.jpeg_quality, font=str(font), font_bold=str(font_bold),
                photo=str(photo) if photo and not backdrop else None,
                logo=str(logo) if logo else None,
                digests=(*base_digests, digest(photo) if photo and not backdrop else ""),
                label=label, backdrop=str(backdrop) if backdrop else None,
                backdrop_digest=digest(backdrop) if backdrop else "",
                images_cache=images_cache if backdrop else None,
            )
            key = spec.key()
            specs[key] = spec
            alt = _alt(story, names, [v.name for v in values], company, photo is not None,
                       backdrop is not None, t)
            images[kind] = CardImage(
                kind, f"{CARDS_FOLDER}/{story.id}-{kind}-{key[:10]}.jpg",
                layout.width, layout.height, key, alt,
            )
        stories[story.id] = StoryCards(images[OPEN_GRAPH_CARD], images[PORTRAIT_CARD])
    return CardSet(cache_dir(root, "cards"), stories, specs, workers=options.workers)


def _backdrops(hub: Hub, story: Story) -> dict[str, Path]:
    """The formats whose card is drawn over the story's photo: those it fills without
    enlarging it more than ``MAX_ENLARGEMENT`` (advice names the others)."""
    found = story_photo(hub, story)
    if found is None:
        return {}
    size = published_size(found)
    if size is None:
        return {}
    chosen = {kind: found for kind in PHOTO_LAYOUTS if placement(size, kind)}
    if len(chosen) < len(PHOTO_LAYOUTS):
        _too_small(hub, story, size, [k for k in PHOTO_LAYOUTS if k not in chosen])
    return chosen


def _names_line(names: list[str]) -> str:
    if len(names) <= 2:
        return " & ".join(names)
    return f"{names[0]}, {names[1]} +{len(names) - 2}"
