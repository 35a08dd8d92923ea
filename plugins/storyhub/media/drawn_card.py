"""The drawn share image: the story's colour, its title, the first person's photo in a
ring (only with photo consent, decided by the planner), names, values and the company.

Used when a story has no photograph of its own, when someone in it has not consented to
photos, when its photo is too small, or when a hub sets ``cards.photo: false``.
"""

from __future__ import annotations

from functools import lru_cache

from PIL import Image, ImageDraw, ImageOps

from storyhub.media.card_spec import LAYOUTS, CardSpec
from storyhub.media.card_text import fit_title, font, shorten
from storyhub.text.contrast import contrast, luminance, rgb


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


@lru_cache(maxsize=8)
def logo_image(path: str, digest: str, height: int) -> Image.Image | None:
    """The logo at ``height`` (cached by content hash ``digest``, not by path)."""
    try:
        with Image.open(path) as source:
            logo = source.convert("RGBA")
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    width = max(1, round(logo.width * height / logo.height))
    return logo.resize((width, height), Image.Resampling.LANCZOS)


def draw_drawn(spec: CardSpec) -> Image.Image:
    """The drawn card's pixels."""
    layout = LAYOUTS[spec.kind]
    background = rgb(spec.background)
    text = rgb(spec.text_color)
    if contrast(background, text) < 3.0:  # keep the title readable on light colours
        text = rgb(spec.accent) if contrast(background, rgb(spec.accent)) >= 3.0 else (
            (0, 0, 0) if luminance(background) > 0.18 else (255, 255, 255))
    image = Image.new("RGB", (layout.width, layout.height), background)
    canvas = ImageDraw.Draw(image)
    m = layout.margin
    # A darker band at the bottom carries the people and values.
    band_height = layout.name_size + layout.detail_size + m
    band: tuple[int, int, int] = (max(0, int(background[0] * 0.78)),
                                  max(0, int(background[1] * 0.78)),
                                  max(0, int(background[2] * 0.78)))
    canvas.rectangle((0, layout.height - band_height - m // 2, layout.width, layout.height),
                     fill=band)
    band_text = text if contrast(band, text) >= 3.0 else (255, 255, 255)

    company_font = font(spec.font_bold, layout.company_size)
    canvas.text((m, m), spec.company.upper(), font=company_font, fill=text)
    top = m + layout.company_size + m // 2

    logo = logo_image(spec.logo, spec.digests[2] if len(spec.digests) > 2 else "",
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

    title_font, lines = fit_title(canvas, spec.title, spec.font_bold, layout.title_sizes,
                                  layout.title_lines, text_width)
    line_height = round(title_font.size * 1.18)
    label_font = font(spec.font, layout.detail_size)
    label_height = layout.detail_size + m // 3 if spec.label else 0
    title_area = layout.height - band_height - m - top
    y = top + max(0, (title_area - label_height - line_height * len(lines)) // 2)
    if spec.label:
        canvas.text((m, y), shorten(canvas, spec.label, label_font, text_width),
                    font=label_font, fill=text)
        y += label_height
    for line in lines:
        canvas.text((m, y), line, font=title_font, fill=text)
        y += line_height

    name_font = font(spec.font_bold, layout.name_size)
    detail_font = font(spec.font, layout.detail_size)
    y = layout.height - band_height
    if spec.names:
        canvas.text((m, y), spec.names, font=name_font, fill=band_text)
    detail = " — ".join(p for p in (spec.detail, spec.values) if p)
    if detail:
        canvas.text((m, y + layout.name_size + 10),
                    shorten(canvas, detail, detail_font, layout.width - 2 * m),
                    font=detail_font, fill=band_text)
    return image
