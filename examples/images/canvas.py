"""Shared drawing tools: sizes, colours, gradients, glows, waves, saving."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parents[2]  # the repository (examples/images/ is two below)
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")

PORTRAIT_SIZE = 600
PORTRAIT_QUALITY = 85
STORY_SIZE = (1200, 800)
STORY_QUALITY = 82
SS = 2  # supersampling factor: draw at 2x, then downscale for smooth edges

RGB = tuple[int, int, int]


# --------------------------------------------------------------------------- colour


def rgb(hex_colour: str) -> RGB:
    h = hex_colour.lstrip("#")
    return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))


def mix(a: RGB, b: RGB, t: float) -> RGB:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def lighter(c: RGB, t: float) -> RGB:
    return mix(c, (255, 255, 255), t)


def darker(c: RGB, t: float) -> RGB:
    return mix(c, (0, 0, 0), t)


def rgba(c: RGB, a: int = 255) -> tuple[int, int, int, int]:
    return (c[0], c[1], c[2], a)


# ------------------------------------------------------------------------- helpers


def vgradient(size: tuple[int, int], top: RGB, bottom: RGB) -> Image.Image:
    mask = Image.linear_gradient("L").resize(size, Image.BILINEAR)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def dgradient(size: tuple[int, int], a: RGB, b: RGB, angle: float) -> Image.Image:
    """Gradient from colour a to colour b along `angle` degrees."""
    w, h = size
    side = int(math.hypot(w, h)) + 2
    mask = Image.linear_gradient("L").resize((side, side), Image.BILINEAR)
    mask = mask.rotate(angle, resample=Image.BILINEAR, expand=False)
    left, top = (side - w) // 2, (side - h) // 2
    mask = mask.crop((left, top, left + w, top + h))
    return Image.composite(Image.new("RGB", size, b), Image.new("RGB", size, a), mask)


def glow(
    base: Image.Image, centre: tuple[int, int], radius: int, colour: RGB, strength: float
) -> None:
    """Add a soft radial glow (in place)."""
    d = radius * 2
    mask = Image.radial_gradient("L").resize((d, d), Image.BILINEAR)
    # radial_gradient is 0 at the centre and 181 at the middle of each edge
    # (255 only in the corners): fade to 0 at the inscribed circle, smoothly.
    mask = mask.point(lambda v: int(255 * strength * max(0.0, 1 - v / 181) ** 2))
    layer = Image.new("RGBA", (d, d), rgba(colour))
    layer.putalpha(mask)
    base.alpha_composite(
        layer, (centre[0] - radius, centre[1] - radius)
    ) if base.mode == "RGBA" else base.paste(layer, (centre[0] - radius, centre[1] - radius), layer)


def soft_layer(
    base: Image.Image, draw_fn: Callable[[ImageDraw.ImageDraw], None], blur: float
) -> None:
    layer = Image.new("RGBA", base.size, (0, 0, 0, 0))
    draw_fn(ImageDraw.Draw(layer))
    if blur:
        layer = layer.filter(ImageFilter.GaussianBlur(blur))
    base.alpha_composite(layer)


def wave_points(
    x0: int, x1: int, y: float, amp: float, period: float, phase: float, bottom: int
) -> list[tuple[float, float]]:
    pts = [(x0, bottom)]
    steps = 80
    for i in range(steps + 1):
        x = x0 + (x1 - x0) * i / steps
        pts.append((x, y + amp * math.sin((x / period) * 2 * math.pi + phase)))
    pts.append((x1, bottom))
    return pts


def save_jpeg(img: Image.Image, path: Path, size: tuple[int, int], quality: int) -> None:
    out = img.convert("RGB").resize(size, Image.LANCZOS)
    path.parent.mkdir(parents=True, exist_ok=True)
    # No EXIF, no comment, no timestamp: identical bytes on every run.
    out.save(path, "JPEG", quality=quality, optimize=True, progressive=False, subsampling="4:2:0")
