"""The share image drawn over the story's own photograph.

* **Crop**: the photo fills the card, cut around its centre (the content model has no
  focal point). It is the story image as the site publishes it (re-encoded from pixels
  by :func:`storyhub.media.images.clean_image_bytes`: upright, sRGB, no metadata).
* **Small photos**: a photo is never enlarged more than :data:`MAX_ENLARGEMENT` (1.25×,
  not visible at the size networks show cards). One that fills the card's width but not
  its height (a landscape photo on the 4:5 Instagram card) goes across the top, the words
  below it on the story's colour; one narrower than that keeps the drawn card for that
  format, and the planner says so as advice (:mod:`storyhub.media.cards`).
* **Readable**: the words sit on a scrim — the story's colour, darkened — whose opacity
  is computed from the pixels behind each line so that the text reaches
  :data:`CONTRAST_TARGET` against *every* pixel behind it (WCAG AA asks 4.5:1; the margin
  absorbs JPEG compression). See :func:`storyhub.text.contrast.scrim_opacity`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw

from storyhub.media.card_spec import PHOTO_LAYOUTS, CardSpec, PhotoLayout
from storyhub.media.card_text import fit_title, font, shorten
from storyhub.media.drawn_card import logo_image
from storyhub.text.contrast import (
    BLACK,
    RGB,
    WHITE,
    contrast,
    ink_on,
    rgb,
    scrim_opacity,
    toward,
    worst_behind,
)

#: The most a photo is enlarged to fill a card; a smaller photo keeps the drawn card.
MAX_ENLARGEMENT = 1.25
#: Contrast the text gets against every pixel behind it: AA's 4.5:1 with a margin, so
#: that JPEG's ringing around the glyphs does not take the produced image below 4.5:1.
CONTRAST_TARGET = 6.0
#: A photo narrower than the card is never used; one that fills the width but not the
#: height goes across the top when it covers at least this share of the card.
MIN_COVER = 0.4
#: Least scrim opacity under the text, so a card looks the same on dark and light photos.
SCRIM_FLOOR = 64
#: Pixels around each line's glyphs that count as "behind the text".
PAD = 8
#: The scrim's colour reaches this contrast with the text (a tinted, deep shade).
SCRIM_INK_CONTRAST = 10.0


def enlargement(size: tuple[int, int], kind: str) -> float:
    """How much a photo of ``size`` is enlarged to fill a ``kind`` card (< 1: reduced)."""
    layout = PHOTO_LAYOUTS[kind]
    return max(layout.width / size[0], layout.height / size[1])


def placement(size: tuple[int, int], kind: str) -> str | None:
    """How a photo of ``size`` goes on a ``kind`` card: ``"fill"`` (the whole card, cut
    around the centre), ``"top"`` (the card's width, the words below it on the story's
    colour: a landscape photo on the portrait card), or None (too small: drawn card)."""
    layout = PHOTO_LAYOUTS[kind]
    if enlargement(size, kind) <= MAX_ENLARGEMENT:
        return "fill"
    across = layout.width / size[0]
    if across <= MAX_ENLARGEMENT and size[1] * across >= layout.height * MIN_COVER:
        return "top"
    return None


def fills_every_card() -> int:
    """The side (pixels) of the smallest square photo that fills every card format."""
    return max(math.ceil(max(layout.width, layout.height) / MAX_ENLARGEMENT)
               for layout in PHOTO_LAYOUTS.values())


@lru_cache(maxsize=2)
def _published(path: str, digest: str, cache: str | None) -> bytes:
    """The story image as the site publishes it (read once for both formats; cached by
    content hash ``digest``, not by path). Imported here, not at the top: a card worker
    process imports this module, and the image checks bring the content model with them."""
    from storyhub.media.images import clean_image_bytes

    return clean_image_bytes(Path(path), "story-image", cache=Path(cache) if cache else None)


def _photo(spec: CardSpec, scale: float) -> Image.Image:
    """The published story image decoded in RGB, at the smallest JPEG scale at or above
    ``scale`` (decoding a quarter of the pixels costs a quarter of the time)."""
    with Image.open(BytesIO(_published(spec.backdrop or "", spec.backdrop_digest,
                                       spec.images_cache))) as opened:
        if scale < 1:
            opened.draft("RGB", (math.ceil(opened.width * scale),
                                 math.ceil(opened.height * scale)))
        if opened.mode in ("RGBA", "LA", "PA", "P"):
            rgba = opened.convert("RGBA")
            flat = Image.new("RGB", rgba.size, WHITE)
            flat.paste(rgba, mask=rgba.getchannel("A"))
            return flat
        opened.load()
        return opened if opened.mode == "RGB" else opened.convert("RGB")


def _size_of(spec: CardSpec) -> tuple[int, int]:
    with Image.open(BytesIO(_published(spec.backdrop or "", spec.backdrop_digest,
                                       spec.images_cache))) as opened:
        return opened.size


def _resampling(scale: float) -> Image.Resampling:
    """Bicubic to enlarge (at most 1.25×); to reduce, the box filter: each pixel the
    average of the area it covers (no ringing, as sharp as the card needs), at two thirds
    of bilinear's cost and less than half of bicubic's."""
    return Image.Resampling.BICUBIC if scale > 1 else Image.Resampling.BOX


def _band_height(spec: CardSpec, layout: PhotoLayout) -> int:
    """Where the photo ends when it goes across the top of the card (0: it fills it)."""
    size = _size_of(spec)
    if placement(size, spec.kind) != "top":
        return 0
    return min(layout.height, round(size[1] * layout.width / size[0]))


def _backdrop(spec: CardSpec, layout: PhotoLayout, ground: RGB) -> Image.Image | None:
    """The card's picture: the photo filling the card, or across its top on ``ground``."""
    size = _size_of(spec)
    how = placement(size, spec.kind)
    if how is None:
        return None
    width, height = layout.width, layout.height
    fill = how == "fill"
    scale = max(width / size[0], height / size[1]) if fill else width / size[0]
    photo = _photo(spec, scale)
    scale *= size[0] / photo.width  # the decoded photo may be smaller (JPEG draft)
    if fill:
        crop_w, crop_h = width / scale, height / scale
        left, top = (photo.width - crop_w) / 2, (photo.height - crop_h) / 2
        return photo.resize((width, height), _resampling(scale),
                            box=(left, top, left + crop_w, top + crop_h), reducing_gap=2.0)
    band = photo.resize((width, _band_height(spec, layout)), _resampling(scale),
                        reducing_gap=2.0)
    card = Image.new("RGB", (width, height), ground)
    card.paste(band, (0, 0))
    return card


@dataclass(frozen=True)
class TextRun:
    """One line of text on a card: what, where, in which font."""

    text: str
    x: int
    y: int
    font_path: str
    size: int
    box: tuple[int, int, int, int]  # the glyphs' bounds with PAD around: "behind the text"


@dataclass
class PhotoCard:
    """A photo card before its words are drawn: the scrimmed photo and the lines."""

    image: Image.Image
    runs: list[TextRun]
    ink: RGB

    def draw_text(self) -> Image.Image:
        """The words drawn on :attr:`image` itself (no copy: a card is drawn once)."""
        canvas = ImageDraw.Draw(self.image)
        for run in self.runs:
            canvas.text((run.x, run.y), run.text, font=font(run.font_path, run.size),
                        fill=self.ink)
        return self.image


def _ink(spec: CardSpec) -> RGB:
    """The text colour: the hub's, unless black or white cannot carry it to AA."""
    ink = rgb(spec.text_color)
    if max(contrast(ink, BLACK), contrast(ink, WHITE)) >= SCRIM_INK_CONTRAST:
        return ink
    return rgb(ink_on(spec.background))


def _runs(spec: CardSpec, layout: PhotoLayout, canvas: ImageDraw.ImageDraw,
          below: int = 0) -> list[TextRun]:
    """Where every line goes, all in one block at the bottom (the photo stays clear above
    it): the label with the company at its right, the title, the names, the values. With
    the photo across the top, ending at ``below``, the block is centred under it."""
    m = layout.margin
    width = layout.width - 2 * m
    lines: list[tuple[str, str, int, int]] = []  # text, font, size, space before
    label_font = font(spec.font_bold, layout.label_size)
    company = spec.company.upper()
    gap = m // 2
    beside = bool(company and spec.label) and canvas.textlength(
        spec.label, font=label_font) + gap + canvas.textlength(company, font=label_font) <= width
    if company and not beside:
        lines.append((shorten(canvas, company, label_font, width), spec.font_bold,
                      layout.label_size, 0))
    if spec.label:
        lines.append((shorten(canvas, spec.label, label_font, width), spec.font_bold,
                      layout.label_size, 0))
    title_font, title_lines = fit_title(canvas, spec.title, spec.font_bold, layout.title_sizes,
                                        layout.title_lines, width)
    for index, line in enumerate(title_lines):
        lines.append((line, spec.font_bold, int(title_font.size), m // 4 if index == 0 else 0))
    if spec.names:
        lines.append((shorten(canvas, spec.names, font(spec.font_bold, layout.name_size), width),
                      spec.font_bold, layout.name_size, m // 3))
    detail = " — ".join(p for p in (spec.detail, spec.values) if p)
    if detail:
        lines.append((shorten(canvas, detail, font(spec.font, layout.detail_size), width),
                      spec.font, layout.detail_size, 6))

    def run(text: str, font_path: str, size: int, x: int, y: int) -> TextRun:
        left, upper, right, lower = canvas.textbbox((x, y), text, font=font(font_path, size))
        box = (max(0, int(left) - PAD), max(0, int(upper) - PAD),  # ints (Pillow's bounding
               min(layout.width, int(right) + PAD), min(layout.height, int(lower) + PAD))  # box)
        return TextRun(text, x, y, font_path, size, box)

    heights = [round(size * 1.2) + before for _, _, size, before in lines]
    y = layout.height - m - sum(heights)
    if below:
        y = min(y, below + max(0, (layout.height - m - below - sum(heights)) // 2))
    runs: list[TextRun] = []
    for index, ((text, font_path, size, before), height) in enumerate(
            zip(lines, heights, strict=True)):
        runs.append(run(text, font_path, size, m, y + before))
        if beside and index == 0:  # the label's line: the company at its right end
            right = layout.width - m - round(canvas.textlength(company, font=label_font))
            runs.append(run(company, spec.font_bold, layout.label_size, right, y + before))
        y += height
    return runs


def _profile(runs: list[TextRun], needs: list[int], height: int, fade: int) -> list[int]:
    """The scrim's opacity per row: one level — the most any line needs — from the top of
    the words to the bottom of the card, easing to nothing over ``fade`` pixels above."""
    alpha = [0] * height
    if not runs:
        return alpha
    level = max(needs)
    start = min(r.box[1] for r in runs)
    for y in range(max(0, start - fade), height):
        if y >= start:
            alpha[y] = level
        else:
            share = 1 - (start - y) / fade
            alpha[y] = round(level * share * share * (3 - 2 * share))  # smoothstep
    return alpha


def compose(spec: CardSpec) -> PhotoCard | None:
    """The photo card without its words (None if the photo cannot be read)."""
    assert spec.backdrop is not None
    layout = PHOTO_LAYOUTS[spec.kind]
    ink = _ink(spec)
    goal = BLACK if contrast(ink, BLACK) >= contrast(ink, WHITE) else WHITE
    scrim_color = toward(rgb(spec.background), goal, ink, SCRIM_INK_CONTRAST)
    try:
        image = _backdrop(spec, layout, scrim_color)
        below = _band_height(spec, layout)
    except (OSError, ValueError, Image.DecompressionBombError):
        image = None
    if image is None:
        return None
    runs = _runs(spec, layout, ImageDraw.Draw(image), below)
    needs = [max(SCRIM_FLOOR, scrim_opacity(_worst_behind(ink, image, r), ink, scrim_color,
                                            CONTRAST_TARGET)) for r in runs]
    for _ in range(8):  # Pillow may round a level away from the prediction: check, redo
        _lay_scrim(image, _profile(runs, needs, layout.height, layout.fade), scrim_color)
        short = [i for i, r in enumerate(runs)
                 if contrast(ink, _worst_behind(ink, image, r)) < CONTRAST_TARGET]
        if not short:
            break
        for i in short:
            needs[i] = min(255, needs[i] + 8)
        again = _backdrop(spec, layout, scrim_color)  # the photo again, bare
        if again is None:
            return None
        image = again
    return PhotoCard(image, runs, ink)


def _worst_behind(ink: RGB, image: Image.Image, run: TextRun) -> RGB:
    """The least readable colour behind ``run`` on ``image`` (an RGB image)."""
    extrema = image.crop(run.box).getextrema()
    return worst_behind(ink, extrema)  # type: ignore[arg-type]  # RGB: a (min, max) per band


def _lay_scrim(image: Image.Image, alpha: list[int], color: RGB) -> None:
    """``color`` laid over each row of ``image`` at that row's opacity (only the rows that
    have some: the photo between the blocks of words is left alone)."""
    mask = Image.new("L", (1, image.height))
    mask.putdata(alpha)
    y = 0
    while y < image.height:
        if not alpha[y]:
            y += 1
            continue
        end = y
        while end < image.height and alpha[end]:
            end += 1
        rows = mask.crop((0, y, 1, end)).resize((image.width, end - y),
                                                 Image.Resampling.NEAREST)
        image.paste(color, (0, y, image.width, end), rows)
        y = end


def draw_photo(spec: CardSpec) -> Image.Image | None:
    """The photo card's pixels (None if the photo cannot be read)."""
    card = compose(spec)
    if card is None:
        return None
    image = card.draw_text()
    layout = PHOTO_LAYOUTS[spec.kind]
    logo = logo_image(spec.logo, spec.digests[2] if len(spec.digests) > 2 else "",
                      layout.logo_height) if spec.logo else None
    if logo is not None:
        image.paste(logo, (layout.width - layout.margin - logo.width, layout.margin - 8), logo)
    return image

