"""Pieces shared by the later scenes: curves, wood, cups, borders, motifs."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from PIL import Image, ImageDraw

from examples.images.canvas import RGB, darker, lighter, rgb, rgba, soft_layer
from examples.images.scenes import flower

# ------------------------------------------------ more story scenes: shared pieces


def bezier(
    p0: tuple[float, float],
    p1: tuple[float, float],
    p2: tuple[float, float],
    p3: tuple[float, float],
    steps: int = 40,
) -> list[tuple[float, float]]:
    """Points along a cubic Bézier curve."""
    pts = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        pts.append(
            (
                u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
            )
        )
    return pts


def wood_grain(
    d: ImageDraw.ImageDraw,
    box: tuple[float, float, float, float],
    colour: RGB,
    rnd: random.Random,
    lines: int,
    alpha: int = 90,
) -> None:
    """Wavy grain lines across a wooden surface."""
    x0, y0, x1, y1 = box
    for _ in range(lines):
        y = rnd.uniform(y0 + 6, y1 - 6)
        d.line(
            [
                (x0, y),
                (x0 + (x1 - x0) * 0.3, y + rnd.uniform(-14, 14)),
                (x0 + (x1 - x0) * 0.7, y + rnd.uniform(-14, 14)),
                (x1, y),
            ],
            fill=rgba(colour, alpha),
            width=rnd.randint(3, 7),
        )


def shadow(
    img: Image.Image,
    draw_fn: Callable[[ImageDraw.ImageDraw, tuple[int, int, int, int]], None],
    blur: float = 24,
    alpha: int = 90,
) -> None:
    """A soft drop shadow: draw_fn draws the shape with the given fill."""
    soft_layer(img, lambda dd: draw_fn(dd, (30, 20, 10, alpha)), blur=blur)


def scribble(
    d: ImageDraw.ImageDraw,
    x0: float,
    y: float,
    length: float,
    rnd: random.Random,
    colour: tuple[int, int, int, int],
    width: int = 5,
    amp: float = 7,
) -> None:
    """A wavy line that reads as handwriting from a distance."""
    steps = max(int(length / 9), 2)
    phase = rnd.uniform(0, 6)
    pts = []
    for i in range(steps + 1):
        x = x0 + length * i / steps
        pts.append((x, y + amp * math.sin(i * 1.9 + phase) + rnd.uniform(-2, 2)))
    d.line(pts, fill=colour, width=width, joint="curve")


def tick(
    d: ImageDraw.ImageDraw,
    x: float,
    y: float,
    s: float,
    colour: tuple[int, int, int, int],
    width: int = 8,
) -> None:
    d.line(
        [(x, y), (x + s * 0.35, y + s * 0.4), (x + s, y - s * 0.55)],
        fill=colour,
        width=width,
        joint="curve",
    )


def side_cup(
    d: ImageDraw.ImageDraw,
    cx: float,
    base_y: float,
    w: float,
    h: float,
    body: RGB,
    handle_right: bool = True,
) -> None:
    """A mug seen from the side, standing on base_y."""
    hw = w / 2
    hx = cx + hw if handle_right else cx - hw
    sign = 1 if handle_right else -1
    d.ellipse(
        (
            hx - w * 0.2 + sign * w * 0.05,
            base_y - h * 0.78,
            hx + w * 0.2 + sign * w * 0.05,
            base_y - h * 0.28,
        ),
        outline=rgba(darker(body, 0.08)),
        width=max(int(w * 0.09), 4),
    )
    d.rounded_rectangle(
        (cx - hw, base_y - h, cx + hw, base_y), radius=int(w * 0.16), fill=rgba(body)
    )
    d.ellipse(
        (cx - hw, base_y - h - w * 0.09, cx + hw, base_y - h + w * 0.09),
        fill=rgba(darker(body, 0.12)),
    )
    d.rectangle(
        (cx - hw + w * 0.06, base_y - h * 0.96, cx - hw + w * 0.14, base_y - h * 0.12),
        fill=rgba(lighter(body, 0.25), 160),
    )


def top_cup(
    d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, body: RGB, angle: float
) -> None:
    """A cup of coffee on a saucer, seen from above."""
    d.ellipse((cx - r * 1.55, cy - r * 1.55, cx + r * 1.55, cy + r * 1.55), fill=rgba(body))
    d.ellipse(
        (cx - r * 1.5, cy - r * 1.5, cx + r * 1.5, cy + r * 1.5),
        outline=rgba(darker(body, 0.08)),
        width=4,
    )
    hx, hy = cx + math.cos(angle) * r * 1.15, cy + math.sin(angle) * r * 1.15
    d.line(
        [(hx, hy), (hx + math.cos(angle) * r * 0.5, hy + math.sin(angle) * r * 0.5)],
        fill=rgba(darker(body, 0.05)),
        width=int(r * 0.32),
    )
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=rgba(lighter(body, 0.3)))
    d.ellipse((cx - r * 0.8, cy - r * 0.8, cx + r * 0.8, cy + r * 0.8), fill=rgba(rgb("#5a3a24")))
    d.ellipse(
        (cx - r * 0.45, cy - r * 0.55, cx - r * 0.05, cy - r * 0.2), fill=rgba(rgb("#8a6040"))
    )


def paste_rotated(
    img: Image.Image, layer: Image.Image, centre: tuple[float, float], deg: float
) -> None:
    layer = layer.rotate(deg, expand=True, resample=Image.BICUBIC)
    img.alpha_composite(
        layer, (int(centre[0] - layer.width / 2), int(centre[1] - layer.height / 2))
    )


def vine_border(
    d: ImageDraw.ImageDraw,
    cx: float,
    cy: float,
    r: float,
    a0: float,
    a1: float,
    rnd: random.Random,
) -> None:
    """The 'tralcio' border: a wavy vine with leaves and bunches of grapes (angles in radians)."""
    stem, leaf, leaf_dark = rgb("#6b7a2e"), rgb("#7e9a3a"), rgb("#5d7a2a")
    grape, grape_hi = rgb("#c99a2e"), rgb("#e5bf57")
    steps = max(int((a1 - a0) * r / 12), 8)
    pts = []
    for i in range(steps + 1):
        a = a0 + (a1 - a0) * i / steps
        rr = r + r * 0.05 * math.sin(a * 14)
        pts.append((cx + math.cos(a) * rr, cy + math.sin(a) * rr))
    d.line(pts, fill=rgba(stem), width=max(int(r * 0.018), 3), joint="curve")
    k = 0
    a = a0 + 0.12
    while a < a1 - 0.08:
        rr = r + r * 0.05 * math.sin(a * 14)
        x, y = cx + math.cos(a) * rr, cy + math.sin(a) * rr
        out = 1 if k % 2 else -1
        lx, ly = x + math.cos(a) * r * 0.07 * out, y + math.sin(a) * r * 0.07 * out
        s = r * 0.06
        if k % 3 == 2:
            for g in range(6):
                gx = lx + (g % 3 - 1) * s * 0.45 + (g // 3) * s * 0.2
                gy = ly + (g // 3) * s * 0.45
                d.ellipse(
                    (gx - s * 0.28, gy - s * 0.28, gx + s * 0.28, gy + s * 0.28), fill=rgba(grape)
                )
                d.ellipse(
                    (gx - s * 0.12, gy - s * 0.18, gx + s * 0.02, gy - s * 0.04),
                    fill=rgba(grape_hi),
                )
        else:
            d.ellipse((lx - s * 0.7, ly - s * 0.45, lx + s * 0.7, ly + s * 0.45), fill=rgba(leaf))
            d.line([(lx - s * 0.5, ly), (lx + s * 0.5, ly)], fill=rgba(leaf_dark), width=3)
        a += 0.32 + rnd.uniform(-0.03, 0.03)
        k += 1


def small_motif(d: ImageDraw.ImageDraw, kind: str, cx: float, cy: float, s: float) -> None:
    """A little hand-painted motif for a cup (s is about its half size)."""
    if kind == "lemon":
        d.ellipse((cx - s, cy - s * 0.7, cx + s * 0.9, cy + s * 0.7), fill=rgba(rgb("#f0c53a")))
        d.ellipse(
            (cx + s * 0.6, cy - s * 0.2, cx + s * 1.15, cy + s * 0.2), fill=rgba(rgb("#f0c53a"))
        )
        d.ellipse(
            (cx - s * 0.9, cy - s * 1.25, cx - s * 0.1, cy - s * 0.65), fill=rgba(rgb("#5f8c4e"))
        )
    elif kind == "swallow":
        c = rgba(rgb("#24406a"))
        d.polygon(
            [
                (cx - s * 1.2, cy - s * 0.6),
                (cx - s * 0.1, cy + s * 0.1),
                (cx + s * 1.2, cy - s * 0.7),
                (cx + s * 0.1, cy + s * 0.5),
                (cx - s * 0.3, cy + s * 1.0),
                (cx - s * 0.35, cy + s * 0.4),
            ],
            fill=c,
        )
    elif kind == "olive":
        g = rgba(rgb("#6b7f3a"))
        d.line([(cx - s * 1.1, cy + s * 0.8), (cx + s * 1.1, cy - s * 0.8)], fill=g, width=4)
        for i in range(4):
            t = -0.8 + i * 0.5
            x, y = cx + t * s, cy - t * s * 0.72
            d.ellipse((x - s * 0.45, y - s * 0.55, x + s * 0.05, y - s * 0.25), fill=g)
            d.ellipse((x + s * 0.05, y + s * 0.1, x + s * 0.55, y + s * 0.4), fill=g)
        d.ellipse(
            (cx + s * 0.2, cy - s * 0.1, cx + s * 0.5, cy + s * 0.25), fill=rgba(rgb("#3b3a52"))
        )
    elif kind == "bicycle":
        c = rgba(rgb("#c0395a"))
        for wx in (cx - s * 0.65, cx + s * 0.65):
            d.ellipse(
                (wx - s * 0.48, cy - s * 0.1, wx + s * 0.48, cy + s * 0.86), outline=c, width=4
            )
        d.line(
            [
                (cx - s * 0.65, cy + s * 0.38),
                (cx - s * 0.1, cy - s * 0.3),
                (cx + s * 0.4, cy - s * 0.3),
                (cx + s * 0.65, cy + s * 0.38),
                (cx, cy + s * 0.38),
                (cx - s * 0.1, cy - s * 0.3),
            ],
            fill=c,
            width=4,
        )
    elif kind == "tower":
        c = rgb("#b5562d")
        d.rectangle((cx - s * 0.3, cy - s * 0.6, cx + s * 0.3, cy + s * 1.0), fill=rgba(c))
        d.polygon(
            [(cx - s * 0.4, cy - s * 0.6), (cx, cy - s * 1.3), (cx + s * 0.4, cy - s * 0.6)],
            fill=rgba(darker(c, 0.2)),
        )
        d.rectangle(
            (cx - s * 0.1, cy - s * 0.35, cx + s * 0.1, cy - s * 0.05), fill=rgba(rgb("#f3ead8"))
        )
    else:  # flower
        flower(d, cx, cy, s * 1.1, rgb("#3f6fb5"), rgb("#e8b53c"), 5)
