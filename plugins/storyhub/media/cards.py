"""Share images: an Open Graph card (1200×630) and an Instagram portrait (1080×1350)
for every published story, drawn with Pillow.

* The layout lives in :data:`LAYOUTS` and :class:`CardOptions` (colours, fonts, logo).
* Offline: the bundled DejaVu Sans (``assets/fonts``) unless the hub names its own font.
* Deterministic: the same inputs give the same bytes (no timestamps, no EXIF).
* Cached in ``<hub>/.cache/storyhub/cards/<sha256 of every input>.jpg``: a build with
  nothing changed draws nothing; when many cards are missing, processes draw them.
* Only published people appear, and their photo only where they consented to it.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import multiprocessing
import os
import shutil
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

import PIL
from PIL import Image, ImageDraw, ImageFont, ImageOps

from storyhub.hub.share import ShareImage, ShareImages
from storyhub.options.model import CardOptions
from storyhub.options.settings import cache_dir, pid_alive
from storyhub.text.contrast import contrast, luminance, rgb

if TYPE_CHECKING:
    from storyhub.content.model import Story
    from storyhub.hub.graph import Hub
    from storyhub.i18n import Translator

#: Bump when the drawing code changes, so cached cards are redrawn.
CARD_VERSION = "1"
FONTS = Path(__file__).resolve().parent.parent / "assets" / "fonts"
DEFAULT_FONT = FONTS / "DejaVuSans.ttf"
DEFAULT_FONT_BOLD = FONTS / "DejaVuSans-Bold.ttf"
DEFAULT_BACKGROUND = "#37474f"
CARDS_FOLDER = "assets/cards"
MAX_BYTES = 300_000  # WhatsApp previews want JPEG ≤ 300 KB
#: Characters of a title a card can ever show (5 lines of large type); the rest is cut.
MAX_TITLE = 300
#: Draw in worker processes when at least this many cards are missing.
PARALLEL_FROM = 12


@dataclass(frozen=True)
class Layout:
    """Geometry of one card format, in pixels."""

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


LAYOUTS: dict[str, Layout] = {
    # Open Graph / LinkedIn / Facebook / X summary_large_image: 1200×630 (1.91:1)
    "og": Layout(1200, 630, 64, 232, (64, 56, 48, 42), 4, 28, 32, 24, 56, False),
    # Instagram feed portrait: 1080×1350 (4:5)
    "instagram": Layout(1080, 1350, 80, 380, (76, 66, 58, 50), 5, 34, 40, 30, 72, True),
}


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
    photo: str | None
    logo: str | None
    digests: tuple[str, ...] = ()  # content hashes of the font, photo and logo files

    def key(self) -> str:
        data = {**asdict(self), "version": CARD_VERSION, "pillow": PIL.__version__}
        blob = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
        return hashlib.sha256(blob).hexdigest()


#: The share images' data types live in the hub, where pages and posts read them.
CardImage = ShareImage
StoryCards = ShareImages


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
    _pool: concurrent.futures.ProcessPoolExecutor | None = None
    _futures: list[concurrent.futures.Future[int]] = field(default_factory=list)
    _pending: list[str] = field(default_factory=list)

    def cached_path(self, key: str) -> Path:
        return self.cache_dir / f"{key}.jpg"

    def missing(self) -> list[str]:
        return [k for k in self.specs if not self.cached_path(k).is_file()]

    def start(self) -> None:
        """Begin drawing missing cards; in worker processes when there are many."""
        self._pending = self.missing()
        self.stats.cached = len(self.specs) - len(self._pending)
        if not self._pending:
            return
        self.cache_dir = usable_cache(self.cache_dir, "cards")
        if self.workers > 1 and len(self._pending) >= PARALLEL_FROM:
            context = multiprocessing.get_context("spawn")
            self._pool = concurrent.futures.ProcessPoolExecutor(self.workers, mp_context=context)
            chunk = max(1, len(self._pending) // (self.workers * 8))
            for i in range(0, len(self._pending), chunk):
                batch = [(self.specs[k], str(self.cached_path(k))) for k in
                         self._pending[i:i + chunk]]
                self._futures.append(self._pool.submit(_draw_batch, batch))

    def finish(self) -> CardStats:
        """Wait for the drawing to end (drawing here what no worker drew)."""
        import time

        started = time.perf_counter()
        try:
            if self._pool is not None:
                self.stats.drawn = sum(f.result() for f in self._futures)
            elif self._pending:
                self.stats.drawn = _draw_batch(
                    [(self.specs[k], str(self.cached_path(k))) for k in self._pending]
                )
        finally:
            self.cancel()
        self._pending = []
        self.stats.seconds = time.perf_counter() - started
        return self.stats

    def cancel(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._futures = []

    def write(self, out_dir: Path) -> list[Path]:
        """Put every card in ``out_dir`` (the site folder) under its site path."""
        written = []
        for cards in self.stories.values():
            for image in cards.images():
                target = out_dir / image.path
                target.parent.mkdir(parents=True, exist_ok=True)
                if target.exists():
                    target.unlink()
                source = self.cached_path(image.key)
                try:
                    os.link(source, target)
                except OSError:
                    shutil.copyfile(source, target)
                written.append(target)
        return written


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
         has_photo: bool, t: Translator) -> str:
    """The card's text alternative, in the story's language (``cards`` namespace)."""
    return t(
        "cards.alt", title=story.title, company=company,
        people=t("cards.alt_people", names=", ".join(names)) if names else "",
        photo=t("cards.alt_photo", name=names[0]) if has_photo and names else "",
        values=t("cards.alt_values", names=", ".join(values)) if values else "",
    )


def plan_cards(hub: Hub, options: CardOptions) -> CardSet:
    """Which cards the published stories need, and their cache keys (nothing is drawn)."""
    root = hub.settings.root
    font = Path(root / options.font) if options.font else DEFAULT_FONT
    font_bold = Path(root / options.font_bold) if options.font_bold else (
        font if options.font else DEFAULT_FONT_BOLD)
    logo = Path(root / options.logo) if options.logo else None
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
        people = hub.people_of(story)
        values = hub.values_of(story)
        names = [p.name for p in people]
        photo_person = next((p for p in people if hub.shows_photo(p)), None)
        photo: Path | None = None
        if photo_person is not None:
            # The file the loader resolved (inside the hub, never through a link).
            photo = photo_person.source.files.get("photo")
        color = options.background or next(
            (v.color for v in values if v.color), None) or DEFAULT_BACKGROUND
        detail = people[0].role if len(people) == 1 else ""
        shown_names = _names_line(names)
        alt = _alt(story, names, [v.name for v in values], company, photo is not None,
                   hub.translator.in_language(story.lang))
        images = {}
        for kind, layout in LAYOUTS.items():
            spec = CardSpec(
                kind=kind, title=story.title, names=shown_names, detail=detail,
                values=" · ".join(v.name for v in values), company=company,
                background=color, text_color=options.text_color, accent=options.accent,
                quality=options.jpeg_quality, font=str(font), font_bold=str(font_bold),
                photo=str(photo) if photo else None, logo=str(logo) if logo else None,
                digests=(*base_digests, digest(photo) if photo else ""),
            )
            key = spec.key()
            specs[key] = spec
            images[kind] = CardImage(
                kind, f"{CARDS_FOLDER}/{story.id}-{kind}-{key[:10]}.jpg",
                layout.width, layout.height, key, alt,
            )
        stories[story.id] = StoryCards(images["og"], images["instagram"])
    return CardSet(cache_dir(root, "cards"), stories, specs, workers=options.workers)


def _names_line(names: list[str]) -> str:
    if len(names) <= 2:
        return " & ".join(names)
    return f"{names[0]}, {names[1]} +{len(names) - 2}"


# -- drawing (runs in worker processes too: module-level functions only) --------------------


def _draw_batch(batch: list[tuple[CardSpec, str]]) -> int:
    for spec, target in batch:
        data = draw(spec)
        temporary = f"{target}.{os.getpid()}.tmp"
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, target)
    return len(batch)


@lru_cache(maxsize=32)
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


def _rgb(color: str) -> tuple[int, int, int]:
    return rgb(color)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont,
          width: int) -> list[str]:
    """Greedy word wrap; a word longer than the line is split by characters."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if draw.textlength(trial, font=font) <= width:
            line = trial
            continue
        if line:
            lines.append(line)
        while draw.textlength(word, font=font) > width and len(word) > 1:
            low, high = 1, len(word)  # the longest prefix that fits, by bisection
            while low < high:
                middle = (low + high + 1) // 2
                if draw.textlength(word[:middle], font=font) <= width:
                    low = middle
                else:
                    high = middle - 1
            lines.append(word[:low])
            word = word[low:]
        line = word
    if line:
        lines.append(line)
    return lines


def _fit_title(draw: ImageDraw.ImageDraw, spec: CardSpec, layout: Layout,
               width: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    # No card shows more than a few hundred characters: longer titles are cut before
    # wrapping, so drawing costs the same for any title.
    title = spec.title if len(spec.title) <= MAX_TITLE else spec.title[:MAX_TITLE] + "…"
    for size in layout.title_sizes:
        font = _font(spec.font_bold, size)
        lines = _wrap(draw, title, font, width)
        if len(lines) <= layout.title_lines:
            return font, lines
    lines = lines[: layout.title_lines]
    last = lines[-1]
    while last and draw.textlength(last + "…", font=font) > width:
        last = last[:-1].rstrip()
    lines[-1] = last.rstrip("…") + "…"
    return font, lines


@lru_cache(maxsize=64)
def _round_photo(path: str, digest: str, size: int,
                 ring: tuple[int, int, int]) -> Image.Image | None:
    """The photo cut round in a ring (cached by the file's content hash ``digest``, not its
    path: a person appears on many cards, and a replaced photo must not be drawn stale)."""
    try:
        with Image.open(path) as source:
            source.draft("RGB", (size * 2, size * 2))  # fast JPEG downscale on load
            photo = ImageOps.exif_transpose(source).convert("RGB")
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    photo = ImageOps.fit(photo, (size, size), Image.Resampling.LANCZOS)
    scale = 4  # antialiased circle: draw the mask large, then shrink
    mask = Image.new("L", (size * scale, size * scale), 0)
    ImageDraw.Draw(mask).ellipse((0, 0, size * scale - 1, size * scale - 1), fill=255)
    mask = mask.resize((size, size), Image.Resampling.LANCZOS)
    framed = Image.new("RGBA", (size + 12, size + 12), (0, 0, 0, 0))
    ring_mask = Image.new("L", ((size + 12) * scale, (size + 12) * scale), 0)
    ImageDraw.Draw(ring_mask).ellipse((0, 0, (size + 12) * scale - 1, (size + 12) * scale - 1),
                                      fill=255)
    framed.paste(ring, (0, 0, size + 12, size + 12),
                 ring_mask.resize((size + 12, size + 12), Image.Resampling.LANCZOS))
    framed.paste(photo, (6, 6), mask)
    return framed


@lru_cache(maxsize=4)
def _logo(path: str, digest: str, height: int) -> Image.Image | None:
    """The logo at ``height`` (cached by content hash ``digest``, not by path)."""
    try:
        with Image.open(path) as source:
            logo = source.convert("RGBA")
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    width = max(1, round(logo.width * height / logo.height))
    return logo.resize((width, height), Image.Resampling.LANCZOS)


def draw(spec: CardSpec) -> bytes:
    """The JPEG bytes of one card."""
    layout = LAYOUTS[spec.kind]
    background = _rgb(spec.background)
    text = _rgb(spec.text_color)
    if contrast(background, text) < 3.0:  # keep the title readable on light colours
        text = _rgb(spec.accent) if contrast(background, _rgb(spec.accent)) >= 3.0 else (
            (0, 0, 0) if luminance(background) > 0.18 else (255, 255, 255))
    image = Image.new("RGB", (layout.width, layout.height), background)
    canvas = ImageDraw.Draw(image)
    m = layout.margin
    # A darker band at the bottom carries the people and values.
    band_height = layout.name_size + layout.detail_size + m
    band = tuple(max(0, int(c * 0.78)) for c in background)
    canvas.rectangle((0, layout.height - band_height - m // 2, layout.width, layout.height),
                     fill=band)
    band_text = text if contrast(band, text) >= 3.0 else (255, 255, 255)

    company_font = _font(spec.font_bold, layout.company_size)
    canvas.text((m, m), spec.company.upper(), font=company_font, fill=text)
    top = m + layout.company_size + m // 2

    logo = _logo(spec.logo, spec.digests[2] if len(spec.digests) > 2 else "",
                 layout.logo_height) if spec.logo else None
    if logo is not None:
        image.paste(logo, (layout.width - m - logo.width, m - 8), logo)

    photo_digest = spec.digests[3] if len(spec.digests) > 3 else ""
    photo = _round_photo(spec.photo, photo_digest, layout.photo, band_text) \
        if spec.photo else None
    text_width = layout.width - 2 * m
    if layout.portrait:
        if photo is not None:
            image.paste(photo, ((layout.width - photo.width) // 2, top + m // 2), photo)
            top += photo.height + m
        else:
            top += m
    elif photo is not None:
        text_width -= photo.width + m // 2
        y = (layout.height - band_height - photo.height) // 2 + m // 4
        image.paste(photo, (layout.width - m - photo.width, max(top, y)), photo)

    title_font, lines = _fit_title(canvas, spec, layout, text_width)
    line_height = round(title_font.size * 1.18)
    title_area = layout.height - band_height - m - top
    y = top + max(0, (title_area - line_height * len(lines)) // 2)
    for line in lines:
        canvas.text((m, y), line, font=title_font, fill=text)
        y += line_height

    name_font = _font(spec.font_bold, layout.name_size)
    detail_font = _font(spec.font, layout.detail_size)
    y = layout.height - band_height
    if spec.names:
        canvas.text((m, y), spec.names, font=name_font, fill=band_text)
    detail = " — ".join(p for p in (spec.detail, spec.values) if p)
    if detail:
        while detail and canvas.textlength(detail, font=detail_font) > layout.width - 2 * m:
            detail = detail[:-2] + "…"
        canvas.text((m, y + layout.name_size + 10), detail, font=detail_font, fill=band_text)

    quality = spec.quality
    while True:
        out = BytesIO()
        image.save(out, "JPEG", quality=quality, optimize=True, progressive=False,
                   subsampling="4:2:0")
        data = out.getvalue()
        if len(data) < MAX_BYTES or quality <= 40:
            return data
        quality -= 10
