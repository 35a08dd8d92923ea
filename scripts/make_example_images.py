#!/usr/bin/env python3
"""Draw the illustrations used by the example hub (Ceramiche Vento).

Every image in people/photos/, in the example story folders and in
stories/images/ (for the flat stories/<slug>.md files) is drawn here with
Pillow: no photographs, nothing downloaded. The output is deterministic (fixed
seeds, no timestamps, no metadata), so running the script twice gives
byte-identical files.

    python scripts/make_example_images.py            # write all images
    python scripts/make_example_images.py --check    # only report missing files

Replace the example content with your own photos; this script is only for the
example.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
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


# ----------------------------------------------------------------------- portraits

TEAM_COLOURS: dict[str, str] = {
    "Production": "#b5562d",
    "Decoration": "#3f6fb5",
    "Design": "#2f7f8a",
    "Customer Care": "#c0395a",
    "Logistics": "#4f8a4b",
    "Office": "#6b5b95",
}

SKIN = {
    "porcelain": "#f3d9c6",
    "light": "#eac2a4",
    "olive": "#d6a47c",
    "tan": "#c18a62",
    "brown": "#9a6440",
    "deep": "#6e4429",
}

HAIR = {
    "black": "#1f1a17",
    "darkbrown": "#3b2a20",
    "chestnut": "#6b3f24",
    "lightbrown": "#8c6a4a",
    "blond": "#d2b06a",
    "red": "#a8462a",
    "grey": "#a7a29c",
    "white": "#e4e0da",
}

# id: (initials, team, skin, hair colour, hair style, clothing, extras)
PEOPLE: dict[str, tuple[str, str, str, str, str, str, tuple[str, ...]]] = {
    "giovanna-bertoni": ("GB", "Production", "light", "grey", "short", "#5a6e7a", ()),
    "matteo-ricci": ("MR", "Production", "olive", "darkbrown", "curly", "#3c4a5c", ("beard",)),
    "nicola-bassi": ("NB", "Production", "porcelain", "lightbrown", "ponytail", "#7a4b3a", ()),
    "roberto-fabbri": ("RF", "Production", "tan", "white", "bald", "#6d6256", ("moustache",)),
    "lucia-marchetti": (
        "LM",
        "Decoration",
        "light",
        "darkbrown",
        "long-streak",
        "#b85c5c",
        ("glasses-up",),
    ),
    "elena-savini": ("ES", "Decoration", "porcelain", "red", "bun", "#e0b34f", ()),
    "tommaso-gardini": ("TG", "Design", "light", "blond", "short", "#2c2c34", ("glasses",)),
    "chiara-lanzoni": ("CL", "Design", "olive", "black", "bob", "#f2efe8", ()),
    "silvia-vento": ("SV", "Office", "light", "chestnut", "shoulder", "#24506e", ()),
    "rita-gallegati": ("RG", "Office", "light", "white", "short-soft", "#8a6d9e", ("scarf",)),
    "federica-monti": ("FM", "Customer Care", "tan", "chestnut", "long", "#2f6f6a", ()),
    "davide-zauli": ("DZ", "Customer Care", "tan", "black", "short", "#d8d2c4", ("beard",)),
    "amira-benali": ("AB", "Logistics", "brown", "black", "headscarf", "#e9e1d3", ()),
}


def draw_portrait(
    pid: str, spec: tuple[str, str, str, str, str, str, tuple[str, ...]], seed: int
) -> Image.Image:
    initials, team, skin_key, hair_key, style, cloth_hex, extras = spec
    rnd = random.Random(seed)
    n = PORTRAIT_SIZE * SS
    team_c = rgb(TEAM_COLOURS[team])
    skin = rgb(SKIN[skin_key])
    hair = rgb(HAIR[hair_key])
    cloth = rgb(cloth_hex)

    img = dgradient(
        (n, n), lighter(team_c, 0.55), darker(team_c, 0.05), rnd.uniform(20, 70)
    ).convert("RGBA")

    # Soft background discs, like out-of-focus light in a workshop.
    def discs(d: ImageDraw.ImageDraw) -> None:
        for _ in range(5):
            r = rnd.randint(n // 10, n // 4)
            x, y = rnd.randint(0, n), rnd.randint(0, n // 2)
            d.ellipse(
                (x - r, y - r, x + r, y + r), fill=rgba(lighter(team_c, 0.75), rnd.randint(40, 80))
            )

    soft_layer(img, discs, blur=n / 40)

    cx = n // 2 + rnd.randint(-n // 40, n // 40)
    head_w, head_h = int(n * 0.25), int(n * 0.31)
    head_top = int(n * 0.24)
    head = (cx - head_w // 2, head_top, cx + head_w // 2, head_top + head_h)
    d = ImageDraw.Draw(img)

    # Hair behind the head (long styles, bun, headscarf drape).
    if style in ("long", "long-streak"):
        d.rounded_rectangle(
            (head[0] - n * 0.045, head[1] + n * 0.02, head[2] + n * 0.045, head[3] + n * 0.20),
            radius=int(n * 0.10),
            fill=rgba(hair),
        )
    elif style == "shoulder":
        d.rounded_rectangle(
            (head[0] - n * 0.04, head[1] + n * 0.02, head[2] + n * 0.04, head[3] + n * 0.07),
            radius=int(n * 0.09),
            fill=rgba(hair),
        )
    elif style == "headscarf":
        scarf = rgb("#2f8f8a")
        d.ellipse(
            (head[0] - n * 0.05, head[1] - n * 0.04, head[2] + n * 0.05, head[3] + n * 0.08),
            fill=rgba(scarf),
        )
        d.polygon(
            [
                (head[0] - n * 0.05, head[1] + head_h * 0.6),
                (head[2] + n * 0.05, head[1] + head_h * 0.6),
                (cx + n * 0.17, head[3] + n * 0.16),
                (cx - n * 0.17, head[3] + n * 0.16),
            ],
            fill=rgba(scarf),
        )
    elif style == "bun":
        r = int(n * 0.065)
        d.ellipse((cx - r, head[1] - r * 1.5, cx + r, head[1] + r * 0.5), fill=rgba(hair))
    elif style == "ponytail":
        d.ellipse(
            (head[2] - n * 0.03, head[1] + n * 0.08, head[2] + n * 0.06, head[1] + n * 0.26),
            fill=rgba(hair),
        )

    # Shoulders and body.
    body_top = head[3] + int(n * 0.05)
    d.rounded_rectangle(
        (cx - n * 0.34, body_top, cx + n * 0.34, n + n * 0.2),
        radius=int(n * 0.16),
        fill=rgba(cloth),
    )
    # Collar shadow and neck.
    neck_w = int(head_w * 0.42)
    d.ellipse(
        (cx - neck_w, body_top - n * 0.02, cx + neck_w, body_top + n * 0.07),
        fill=rgba(darker(cloth, 0.15)),
    )
    d.rectangle(
        (cx - neck_w // 2, head[3] - n * 0.03, cx + neck_w // 2, body_top + n * 0.03),
        fill=rgba(darker(skin, 0.08)),
    )
    d.ellipse(
        (cx - neck_w // 2, body_top - n * 0.005, cx + neck_w // 2, body_top + n * 0.05),
        fill=rgba(darker(skin, 0.08)),
    )

    if "scarf" in extras:
        sc = rgb("#5d9b6a")
        d.rounded_rectangle(
            (cx - neck_w * 1.3, body_top - n * 0.015, cx + neck_w * 1.3, body_top + n * 0.05),
            radius=int(n * 0.03),
            fill=rgba(sc),
        )
        d.polygon(
            [
                (cx + neck_w * 0.3, body_top + n * 0.03),
                (cx + neck_w * 1.0, body_top + n * 0.03),
                (cx + neck_w * 0.9, body_top + n * 0.20),
                (cx + neck_w * 0.4, body_top + n * 0.19),
            ],
            fill=rgba(darker(sc, 0.1)),
        )

    # Ears and head.
    ear_r = int(n * 0.025)
    if style not in ("headscarf", "long", "long-streak", "shoulder", "bob"):
        for ex in (head[0] + ear_r * 0.2, head[2] - ear_r * 0.2):
            d.ellipse(
                (
                    ex - ear_r,
                    head[1] + head_h * 0.45,
                    ex + ear_r,
                    head[1] + head_h * 0.45 + ear_r * 2.4,
                ),
                fill=rgba(darker(skin, 0.05)),
            )
    d.ellipse(head, fill=rgba(skin))

    # Hair on top of the head.
    top_box = (head[0] - n * 0.01, head[1] - n * 0.02, head[2] + n * 0.01, head[1] + head_h * 0.62)
    if style == "short":
        d.chord(top_box, 180, 360, fill=rgba(hair))
        d.chord(
            (head[0], head[1] - n * 0.015, head[2], head[1] + head_h * 0.45),
            160,
            380,
            fill=rgba(hair),
        )
    elif style == "short-soft":
        d.chord(top_box, 170, 370, fill=rgba(hair))
        for i in range(5):
            x = head[0] + head_w * (0.12 + 0.19 * i)
            d.ellipse(
                (x - n * 0.03, head[1] - n * 0.025, x + n * 0.03, head[1] + n * 0.04),
                fill=rgba(hair),
            )
    elif style == "curly":
        for i in range(9):
            a = math.pi + math.pi * i / 8
            x = cx + math.cos(a) * head_w * 0.5
            y = head[1] + head_h * 0.30 + math.sin(a) * head_h * 0.36
            r = n * rnd.uniform(0.035, 0.045)
            d.ellipse((x - r, y - r, x + r, y + r), fill=rgba(hair))
        d.chord(top_box, 180, 360, fill=rgba(hair))
    elif style in ("long", "long-streak", "shoulder"):
        d.chord(
            (head[0] - n * 0.02, head[1] - n * 0.025, head[2] + n * 0.02, head[1] + head_h * 0.7),
            180,
            360,
            fill=rgba(hair),
        )
        d.polygon(
            [
                (head[0] - n * 0.02, head[1] + head_h * 0.35),
                (head[0] + head_w * 0.25, head[1] + head_h * 0.15),
                (head[0] + n * 0.01, head[1] + head_h * 0.8),
            ],
            fill=rgba(hair),
        )
        d.polygon(
            [
                (head[2] + n * 0.02, head[1] + head_h * 0.35),
                (head[2] - head_w * 0.25, head[1] + head_h * 0.15),
                (head[2] - n * 0.01, head[1] + head_h * 0.8),
            ],
            fill=rgba(hair),
        )
        if style == "long-streak":
            streak = rgb(HAIR["grey"])
            d.line(
                [(cx - head_w * 0.12, head[1]), (head[0] + head_w * 0.08, head[1] + head_h * 0.45)],
                fill=rgba(streak),
                width=int(n * 0.018),
            )
    elif style == "bob":
        d.rounded_rectangle(
            (
                head[0] - n * 0.035,
                head[1] - n * 0.025,
                head[2] + n * 0.035,
                head[1] + head_h * 0.80,
            ),
            radius=int(n * 0.09),
            fill=rgba(hair),
        )
        d.ellipse(
            (head[0] + head_w * 0.08, head[1] + head_h * 0.30, head[2] - head_w * 0.08, head[3]),
            fill=rgba(skin),
        )
        d.rectangle(
            (
                head[0] - n * 0.035,
                head[1] + head_h * 0.28,
                head[2] + n * 0.035,
                head[1] + head_h * 0.36,
            ),
            fill=rgba(hair),
        )
    elif style in ("bun", "ponytail"):
        d.chord(
            (
                head[0] - n * 0.008,
                head[1] - n * 0.015,
                head[2] + n * 0.008,
                head[1] + head_h * 0.55,
            ),
            180,
            360,
            fill=rgba(hair),
        )
    elif style == "bald":
        d.chord(
            (
                head[0] - n * 0.004,
                head[1] + head_h * 0.35,
                head[2] + n * 0.004,
                head[1] + head_h * 0.75,
            ),
            150,
            210,
            fill=rgba(hair),
        )
        d.chord(
            (
                head[0] - n * 0.004,
                head[1] + head_h * 0.35,
                head[2] + n * 0.004,
                head[1] + head_h * 0.75,
            ),
            330,
            390,
            fill=rgba(hair),
        )
    elif style == "headscarf":
        scarf = rgb("#2f8f8a")
        d.chord(
            (head[0] - n * 0.03, head[1] - n * 0.03, head[2] + n * 0.03, head[1] + head_h * 0.55),
            180,
            360,
            fill=rgba(scarf),
        )
        d.arc(
            (head[0] - n * 0.01, head[1] - n * 0.01, head[2] + n * 0.01, head[3] + n * 0.02),
            0,
            360,
            fill=rgba(lighter(scarf, 0.25)),
            width=int(n * 0.012),
        )

    # Facial hair and accessories.
    if "beard" in extras:
        d.chord(
            (
                head[0] + head_w * 0.06,
                head[1] + head_h * 0.40,
                head[2] - head_w * 0.06,
                head[3] + n * 0.01,
            ),
            0,
            180,
            fill=rgba(hair),
        )
        d.ellipse(
            (
                cx - head_w * 0.16,
                head[1] + head_h * 0.70,
                cx + head_w * 0.16,
                head[1] + head_h * 0.80,
            ),
            fill=rgba(skin),
        )
    if "moustache" in extras:
        d.chord(
            (
                cx - head_w * 0.22,
                head[1] + head_h * 0.62,
                cx + head_w * 0.22,
                head[1] + head_h * 0.80,
            ),
            180,
            360,
            fill=rgba(hair),
        )
    if "glasses" in extras:
        lw = int(n * 0.008)
        gy = head[1] + head_h * 0.48
        r = head_w * 0.14
        for gx in (cx - head_w * 0.2, cx + head_w * 0.2):
            d.ellipse((gx - r, gy - r, gx + r, gy + r), outline=rgba((40, 36, 34)), width=lw)
        d.line(
            [(cx - head_w * 0.2 + r, gy), (cx + head_w * 0.2 - r, gy)],
            fill=rgba((40, 36, 34)),
            width=lw,
        )
    if "glasses-up" in extras:
        lw = int(n * 0.008)
        gy = head[1] + head_h * 0.08
        r = head_w * 0.11
        for gx in (cx - head_w * 0.17, cx + head_w * 0.17):
            d.ellipse(
                (gx - r, gy - r * 0.8, gx + r, gy + r * 0.8), outline=rgba((205, 170, 90)), width=lw
            )

    # A gentle light from the upper left.
    soft_layer(
        img,
        lambda dd: dd.ellipse(
            (
                head[0] + head_w * 0.12,
                head[1] + head_h * 0.18,
                head[0] + head_w * 0.5,
                head[1] + head_h * 0.55,
            ),
            fill=(255, 255, 255, 28),
        ),
        blur=n / 60,
    )

    # Initials, small, bottom right.
    font = ImageFont.truetype(str(FONT_BOLD), int(n * 0.045))
    text_layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    td = ImageDraw.Draw(text_layer)
    bbox = td.textbbox((0, 0), initials, font=font)
    tw, th = bbox[2] - bbox[0], bbox[3] - bbox[1]
    pad = int(n * 0.04)
    td.text(
        (n - pad - tw - bbox[0], n - pad - th - bbox[1]),
        initials,
        font=font,
        fill=(255, 255, 255, 200),
    )
    img.alpha_composite(text_layer)
    return img


# ---------------------------------------------------------------- story scenes

W, H = STORY_SIZE[0] * SS, STORY_SIZE[1] * SS


def bricks(
    d: ImageDraw.ImageDraw,
    box: tuple[float, float, float, float],
    base: RGB,
    rnd: random.Random,
    rows: int,
) -> None:
    x0, y0, x1, y1 = box
    rh = (y1 - y0) / rows
    bw = rh * 2.4
    for r in range(rows):
        y = y0 + r * rh
        offset = 0 if r % 2 == 0 else bw / 2
        x = x0 - offset
        while x < x1:
            c = mix(base, darker(base, 0.25), rnd.random() * 0.6)
            d.rectangle((max(x, x0) + 3, y + 3, min(x + bw, x1) - 3, y + rh - 3), fill=rgba(c))
            x += bw


def kiln(
    d: ImageDraw.ImageDraw, box: tuple[float, float, float, float], rnd: random.Random, brick: RGB
) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = box
    d.rectangle((x0, y0 + (x1 - x0) * 0.25, x1, y1), fill=rgba(darker(brick, 0.45)))
    d.pieslice((x0, y0, x1, y0 + (x1 - x0) * 0.5), 180, 360, fill=rgba(darker(brick, 0.45)))
    bricks(d, (x0 + 8, y0 + (x1 - x0) * 0.25, x1 - 8, y1), brick, rnd, rows=14)
    ow = (x1 - x0) * 0.42
    ox0, ox1 = (x0 + x1) / 2 - ow / 2, (x0 + x1) / 2 + ow / 2
    oy0, oy1 = y0 + (y1 - y0) * 0.38, y0 + (y1 - y0) * 0.72
    return ox0, oy0, ox1, oy1


def scene_kiln_log(rnd: random.Random) -> Image.Image:
    img = vgradient((W, H), rgb("#3a2620"), rgb("#1e1512")).convert("RGBA")
    d = ImageDraw.Draw(img)
    d.rectangle((0, H * 0.82, W, H), fill=rgba(rgb("#2b1d18")))
    ox0, oy0, ox1, oy1 = kiln(d, (W * 0.12, H * 0.12, W * 0.56, H * 0.86), rnd, rgb("#a0522d"))
    d.rounded_rectangle((ox0, oy0, ox1, oy1), radius=40, fill=rgba(rgb("#ff9a3c")))
    glow(img, (int((ox0 + ox1) / 2), int((oy0 + oy1) / 2)), int(W * 0.28), rgb("#ffb347"), 0.55)
    d = ImageDraw.Draw(img)
    d.rounded_rectangle(
        (ox0 + 30, oy0 + 30, ox1 - 30, oy1 - 30), radius=30, fill=rgba(rgb("#ffd27a"))
    )
    # shelf with notebooks
    sx0, sx1, sy = W * 0.64, W * 0.93, H * 0.46
    d.rectangle((sx0, sy, sx1, sy + 24), fill=rgba(rgb("#6b4a32")))
    x = sx0 + 20
    palette = ["#d9c7a7", "#c9b48f", "#8fa9a0", "#b6664b", "#e2d6bd", "#6f8fae", "#5f8a5a"]
    while x < sx1 - 50:
        w = rnd.randint(34, 52)
        h = rnd.randint(170, 230)
        d.rectangle((x, sy - h, x + w, sy), fill=rgba(rgb(rnd.choice(palette))))
        d.rectangle((x + 8, sy - h + 30, x + w - 8, sy - h + 44), fill=rgba((255, 255, 255, 150)))
        x += w + 6
    # open notebook on the table
    ny = H * 0.74
    d.polygon(
        [(W * 0.62, ny), (W * 0.77, ny - 30), (W * 0.77, ny + 90), (W * 0.62, ny + 120)],
        fill=rgba(rgb("#efe6d2")),
    )
    d.polygon(
        [(W * 0.77, ny - 30), (W * 0.92, ny), (W * 0.92, ny + 120), (W * 0.77, ny + 90)],
        fill=rgba(rgb("#e4d9c1")),
    )
    for i in range(6):
        yy = ny + 10 + i * 16
        d.line([(W * 0.64, yy + 4), (W * 0.75, yy - 22)], fill=rgba(rgb("#8a7f70")), width=4)
        d.line([(W * 0.79, yy - 22), (W * 0.90, yy + 4)], fill=rgba(rgb("#8a7f70")), width=4)
    return img


def scene_flood(rnd: random.Random) -> Image.Image:
    img = vgradient((W, H), rgb("#9aa3ab"), rgb("#cfd3d4")).convert("RGBA")
    d = ImageDraw.Draw(img)
    # houses
    x = -40
    while x < W:
        w = rnd.randint(260, 420)
        h = rnd.randint(int(H * 0.35), int(H * 0.55))
        c = mix(rgb("#d8b98f"), rgb("#c98f6b"), rnd.random())
        d.rectangle((x, H * 0.78 - h, x + w, H * 0.78), fill=rgba(c))
        d.polygon(
            [(x - 10, H * 0.78 - h), (x + w / 2, H * 0.78 - h - 70), (x + w + 10, H * 0.78 - h)],
            fill=rgba(darker(c, 0.3)),
        )
        for wx in range(int(x + 40), int(x + w - 60), 110):
            d.rectangle(
                (wx, H * 0.78 - h + 70, wx + 54, H * 0.78 - h + 170), fill=rgba(rgb("#5b6870"))
            )
        x += w + rnd.randint(10, 40)
    # waterline stain
    d.rectangle((0, H * 0.63, W, H * 0.66), fill=rgba(rgb("#7d6a55"), 150))
    # mud
    d.polygon(wave_points(0, W, H * 0.76, 14, 500, 0.5, H), fill=rgba(rgb("#7a5c3e")))
    d.polygon(wave_points(0, W, H * 0.84, 10, 340, 2.0, H), fill=rgba(rgb("#5f4630")))
    # shovels and boots leaning on the wall
    for bx in (W * 0.62, W * 0.68, W * 0.74):
        d.line([(bx, H * 0.36), (bx + 40, H * 0.78)], fill=rgba(rgb("#a57c4e")), width=16)
        d.polygon(
            [
                (bx + 40 - 46, H * 0.76),
                (bx + 40 + 46, H * 0.76),
                (bx + 40 + 34, H * 0.86),
                (bx + 40 - 34, H * 0.86),
            ],
            fill=rgba(rgb("#6d7378")),
        )
    for bx in (W * 0.22, W * 0.30):
        d.rounded_rectangle((bx, H * 0.66, bx + 70, H * 0.84), radius=14, fill=rgba(rgb("#2f4f3f")))
        d.rounded_rectangle(
            (bx - 10, H * 0.80, bx + 120, H * 0.86), radius=18, fill=rgba(rgb("#2f4f3f"))
        )
    # moka pot
    mx, my = W * 0.45, H * 0.80
    d.polygon(
        [(mx, my), (mx + 70, my), (mx + 55, my - 70), (mx + 15, my - 70)], fill=rgba(rgb("#b9bcbe"))
    )
    d.polygon(
        [(mx + 15, my - 70), (mx + 55, my - 70), (mx + 70, my - 150), (mx, my - 150)],
        fill=rgba(rgb("#c9cccd")),
    )
    d.polygon(
        [(mx + 5, my - 150), (mx + 65, my - 150), (mx + 35, my - 180)], fill=rgba(rgb("#9ea2a4"))
    )
    soft_layer(
        img,
        lambda dd: [
            dd.ellipse(
                (mx + 10 + i * 14, my - 260 - i * 40, mx + 60 + i * 14, my - 210 - i * 40),
                fill=(255, 255, 255, 90),
            )
            for i in range(3)
        ],
        blur=14,
    )
    return img


def flower(
    d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, petal: RGB, centre: RGB, n_petals: int
) -> None:
    for i in range(n_petals):
        a = 2 * math.pi * i / n_petals
        px, py = cx + math.cos(a) * r * 0.6, cy + math.sin(a) * r * 0.6
        d.ellipse((px - r * 0.45, py - r * 0.45, px + r * 0.45, py + r * 0.45), fill=rgba(petal))
    d.ellipse((cx - r * 0.3, cy - r * 0.3, cx + r * 0.3, cy + r * 0.3), fill=rgba(centre))


def scene_brushes(rnd: random.Random) -> Image.Image:
    img = Image.new("RGBA", (W, H), rgba(rgb("#f4ede0")))
    d = ImageDraw.Draw(img)
    blue, yellow, orange, green = rgb("#2f5d9e"), rgb("#e8b53c"), rgb("#d9783a"), rgb("#5f8c4e")
    for row in range(5):
        for col in range(9):
            cx = col * W / 8 + (W / 16 if row % 2 else 0)
            cy = row * H / 4
            flower(d, cx, cy, 95, blue if (row + col) % 2 else orange, yellow, 6)
            d.ellipse((cx + 120, cy + 60, cx + 190, cy + 100), fill=rgba(green))
    img = Image.blend(img, Image.new("RGBA", (W, H), rgba(rgb("#f4ede0"))), 0.45)
    d = ImageDraw.Draw(img)
    # jar
    jx0, jx1, jy0, jy1 = W * 0.38, W * 0.62, H * 0.52, H * 0.95
    d.rounded_rectangle((jx0, jy0, jx1, jy1), radius=90, fill=rgba(rgb("#f8f4ea")))
    d.rounded_rectangle(
        (jx0 + 20, jy0 - 30, jx1 - 20, jy0 + 30), radius=20, fill=rgba(rgb("#e9e2d2"))
    )
    d.arc((jx0 + 40, jy0 + 80, jx1 - 40, jy1 - 40), 200, 340, fill=rgba(blue), width=14)
    flower(d, (jx0 + jx1) / 2, (jy0 + jy1) / 2 + 40, 70, blue, yellow, 8)
    # brushes: cane handles with thick bellies and fine tips
    for i in range(7):
        base_x = jx0 + 60 + i * (jx1 - jx0 - 120) / 6
        ang = math.radians(-18 + i * 6 + rnd.uniform(-2, 2))
        length = rnd.uniform(H * 0.22, H * 0.30)
        tip = (base_x + math.sin(ang) * length, jy0 - math.cos(ang) * length)
        d.line([(base_x, jy0 + 10), tip], fill=rgba(rgb("#c9a86b")), width=18)
        # hair belly
        hx, hy = tip
        belly = [
            (hx - 14, hy),
            (hx + 14, hy),
            (hx + math.sin(ang) * 120 + 4, hy - math.cos(ang) * 120),
            (hx + math.sin(ang) * 170, hy - math.cos(ang) * 170),
        ]
        d.polygon(
            [
                belly[0],
                belly[1],
                belly[2],
                belly[3],
                (hx + math.sin(ang) * 120 - 18, hy - math.cos(ang) * 120),
            ],
            fill=rgba(rgb(rnd.choice(["#2a2420", "#3d2f25", "#4a3b2d"]))),
        )
    return img


def scene_night_kiln(rnd: random.Random) -> Image.Image:
    img = vgradient((W, H), rgb("#141a33"), rgb("#232a45")).convert("RGBA")
    d = ImageDraw.Draw(img)
    # window with moon and stars
    wx0, wy0, wx1, wy1 = W * 0.08, H * 0.12, W * 0.34, H * 0.55
    d.rectangle((wx0, wy0, wx1, wy1), fill=rgba(rgb("#0c1128")))
    for _ in range(40):
        sx, sy = rnd.uniform(wx0, wx1), rnd.uniform(wy0, wy1)
        r = rnd.uniform(2, 5)
        d.ellipse((sx - r, sy - r, sx + r, sy + r), fill=rgba((240, 236, 210), 220))
    d.ellipse((wx0 + 260, wy0 + 90, wx0 + 400, wy0 + 230), fill=rgba(rgb("#f1e7c4")))
    d.ellipse((wx0 + 300, wy0 + 70, wx0 + 440, wy0 + 210), fill=rgba(rgb("#0c1128")))
    d.rectangle((wx0, (wy0 + wy1) / 2 - 6, wx1, (wy0 + wy1) / 2 + 6), fill=rgba(rgb("#3a4262")))
    d.rectangle(((wx0 + wx1) / 2 - 6, wy0, (wx0 + wx1) / 2 + 6, wy1), fill=rgba(rgb("#3a4262")))
    d.rectangle((wx0, wy0, wx1, wy1), outline=rgba(rgb("#3a4262")), width=16)
    # kiln box with spyhole
    kx0, ky0, kx1, ky1 = W * 0.48, H * 0.20, W * 0.88, H * 0.86
    d.rounded_rectangle((kx0, ky0, kx1, ky1), radius=30, fill=rgba(rgb("#3b3f52")))
    d.rounded_rectangle(
        (kx0 + 40, ky0 + 40, kx1 - 40, ky1 - 40), radius=20, fill=rgba(rgb("#464b61"))
    )
    for yy in (ky0 + 140, ky1 - 140):
        d.rectangle((kx1 - 30, yy - 30, kx1 + 10, yy + 30), fill=rgba(rgb("#2b2e3d")))
    sx, sy = (kx0 + kx1) / 2, ky0 + (ky1 - ky0) * 0.42
    glow(img, (int(sx), int(sy)), 360, rgb("#ff8a2a"), 0.6)
    d = ImageDraw.Draw(img)
    d.ellipse((sx - 40, sy - 40, sx + 40, sy + 40), fill=rgba(rgb("#ffb44a")))
    d.ellipse((sx - 20, sy - 20, sx + 20, sy + 20), fill=rgba(rgb("#fff0b0")))
    # controller display
    d.rounded_rectangle(
        (kx0 + 120, ky1 - 260, kx0 + 420, ky1 - 160), radius=12, fill=rgba(rgb("#10141f"))
    )
    d.text(
        (kx0 + 150, ky1 - 250),
        "980",
        font=ImageFont.truetype(str(FONT_BOLD), 70),
        fill=rgba(rgb("#ff7b39")),
    )
    # table and steaming cup
    d.rectangle((0, H * 0.80, W * 0.45, H * 0.84), fill=rgba(rgb("#5b4636")))
    d.rectangle((0, H * 0.84, W * 0.45, H), fill=rgba(rgb("#2e2520")))
    cx, cy = W * 0.25, H * 0.80
    d.rounded_rectangle((cx - 60, cy - 120, cx + 60, cy), radius=22, fill=rgba(rgb("#e9e3d6")))
    d.arc((cx + 30, cy - 100, cx + 100, cy - 30), 270, 90, fill=rgba(rgb("#e9e3d6")), width=16)
    soft_layer(
        img,
        lambda dd: [
            dd.ellipse(
                (
                    cx - 30 + (i % 2) * 30,
                    cy - 220 - i * 60,
                    cx + 20 + (i % 2) * 30,
                    cy - 170 - i * 60,
                ),
                fill=(255, 255, 255, 70),
            )
            for i in range(3)
        ],
        blur=16,
    )
    return img


def scene_school(rnd: random.Random) -> Image.Image:
    img = Image.new("RGBA", (W, H), rgba(rgb("#efe4d0")))
    d = ImageDraw.Draw(img)
    cx, cy = W / 2, H / 2
    for r, c in (
        (560, "#c9b79a"),
        (500, "#8f8a86"),
        (430, "#a3a09b"),
        (300, "#b59b7e"),
        (200, "#a88f72"),
    ):
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=rgba(rgb(c)))
    for k in range(6):
        r = 210 + k * 14
        d.arc(
            (cx - r, cy - r, cx + r, cy + r),
            k * 40,
            k * 40 + 200,
            fill=rgba(rgb("#947a5f")),
            width=5,
        )
    d.ellipse((cx - 110, cy - 110, cx + 110, cy + 110), fill=rgba(rgb("#c4a98a")))
    d.ellipse((cx - 60, cy - 60, cx + 60, cy + 60), fill=rgba(rgb("#9c8264")))
    colours = [
        "#e4572e",
        "#f3a712",
        "#29335c",
        "#669bbc",
        "#a8c686",
        "#d4a5a5",
        "#7b2cbf",
        "#2a9d8f",
    ]
    for i in range(16):
        a = 2 * math.pi * i / 16 + rnd.uniform(-0.08, 0.08)
        dist = rnd.uniform(640, 820)
        hx, hy = cx + math.cos(a) * dist * 1.2, cy + math.sin(a) * dist * 0.75
        col = rgb(colours[i % len(colours)])
        rot = a + math.pi / 2
        layer = Image.new("RGBA", (260, 300), (0, 0, 0, 0))
        ld = ImageDraw.Draw(layer)
        ld.ellipse((60, 120, 200, 280), fill=rgba(col, 220))
        for fx, fl in ((55, 70), (95, 40), (135, 35), (175, 45), (215, 110)):
            ld.rounded_rectangle((fx - 18, fl, fx + 18, fl + 120), radius=18, fill=rgba(col, 220))
        layer = layer.rotate(-math.degrees(rot) + 180, expand=True, resample=Image.BICUBIC)
        img.alpha_composite(layer, (int(hx - layer.width / 2), int(hy - layer.height / 2)))
    return img


def scene_packing(rnd: random.Random) -> Image.Image:
    img = vgradient((W, H), rgb("#f1e6d4"), rgb("#e0cfb3")).convert("RGBA")
    d = ImageDraw.Draw(img)
    d.rectangle((0, H * 0.86, W, H), fill=rgba(rgb("#b89a74")))
    # stacked closed boxes on the right
    for row, (y, n) in enumerate(((H * 0.60, 3), (H * 0.34, 2), (H * 0.08, 1))):
        for i in range(n):
            x = W * 0.58 + i * 300 + row * 150
            c = mix(rgb("#c49a6c"), rgb("#b4865a"), rnd.random())
            d.rectangle((x, y, x + 290, y + 0.26 * H), fill=rgba(c))
            d.rectangle((x + 125, y, x + 165, y + 0.26 * H), fill=rgba(lighter(c, 0.25)))
            d.rectangle((x, y, x + 290, y + 10), fill=rgba(darker(c, 0.15)))
    # open box with cups in paper
    bx0, by0, bx1, by1 = W * 0.06, H * 0.46, W * 0.52, H * 0.90
    d.polygon(
        [(bx0, by0), (bx0 - 60, by0 - 140), (bx0 + 300, by0 - 140), (bx0 + 300, by0)],
        fill=rgba(rgb("#d8b384")),
    )
    d.polygon(
        [(bx1, by0), (bx1 + 60, by0 - 140), (bx1 - 300, by0 - 140), (bx1 - 300, by0)],
        fill=rgba(rgb("#caa170")),
    )
    d.rectangle((bx0, by0, bx1, by1), fill=rgba(rgb("#b88a58")))
    d.rectangle((bx0 + 20, by0 - 10, bx1 - 20, by0 + 40), fill=rgba(rgb("#5a4330")))
    cup_colours = ["#3f6fb5", "#f4efe4", "#4f8a4b", "#2f7f8a", "#f4efe4", "#b5562d"]
    for i in range(6):
        cx = bx0 + 90 + i * ((bx1 - bx0 - 180) / 5)
        cy = by0 + 20
        # folded paper zigzag
        pts = []
        for k in range(9):
            pts.append((cx - 80 + k * 20, cy - 30 + (0 if k % 2 else 26)))
        d.line(pts, fill=rgba(rgb("#efe7d7")), width=10)
        d.rounded_rectangle(
            (cx - 50, cy - 150, cx + 50, cy - 10), radius=20, fill=rgba(rgb(cup_colours[i]))
        )
        d.ellipse(
            (cx - 50, cy - 170, cx + 50, cy - 130), fill=rgba(darker(rgb(cup_colours[i]), 0.2))
        )
    # wood wool strands
    for _ in range(70):
        x = rnd.uniform(bx0 + 20, bx1 - 20)
        y = rnd.uniform(by0 + 10, by0 + 60)
        d.arc(
            (x - 40, y - 15, x + 40, y + 15),
            rnd.uniform(0, 180),
            rnd.uniform(180, 360),
            fill=rgba(rgb("#e2c48e")),
            width=4,
        )
    return img


def plate_stack(
    d: ImageDraw.ImageDraw, cx: float, base_y: float, n: int, w: float, body: RGB, rim: RGB
) -> None:
    for i in range(n):
        y = base_y - i * 22
        d.ellipse(
            (cx - w / 2, y - w * 0.16, cx + w / 2, y + w * 0.16), fill=rgba(darker(body, 0.08))
        )
        d.ellipse((cx - w / 2, y - w * 0.16 - 8, cx + w / 2, y + w * 0.16 - 8), fill=rgba(body))
    top = base_y - (n - 1) * 22 - 8
    d.ellipse((cx - w / 2, top - w * 0.16, cx + w / 2, top + w * 0.16), outline=rgba(rim), width=18)
    d.ellipse(
        (cx - w * 0.3, top - w * 0.09, cx + w * 0.3, top + w * 0.09), fill=rgba(lighter(body, 0.3))
    )


def scene_kitchen(rnd: random.Random) -> Image.Image:
    img = vgradient((W, H), rgb("#3a3633"), rgb("#5b5550")).convert("RGBA")
    d = ImageDraw.Draw(img)
    # tiles on the wall
    for y in range(0, int(H * 0.6), 120):
        for x in range(0, W, 160):
            d.rectangle((x + 4, y + 4, x + 156, y + 116), fill=rgba(rgb("#4a4541")))
    # lamps and light cones
    for lx in (W * 0.25, W * 0.55, W * 0.82):
        d.line([(lx, 0), (lx, H * 0.16)], fill=rgba(rgb("#222222")), width=6)
        d.pieslice((lx - 90, H * 0.12, lx + 90, H * 0.28), 180, 360, fill=rgba(rgb("#2d2a28")))
        soft_layer(
            img,
            lambda dd, lx=lx: dd.polygon(
                [
                    (lx - 80, H * 0.2),
                    (lx + 80, H * 0.2),
                    (lx + 360, H * 0.75),
                    (lx - 360, H * 0.75),
                ],
                fill=(255, 214, 150, 55),
            ),
            blur=40,
        )
        glow(img, (int(lx), int(H * 0.21)), 160, rgb("#ffd18a"), 0.8)
        d = ImageDraw.Draw(img)
    # steel counter
    counter = vgradient((W, int(H * 0.32)), rgb("#c9ccce"), rgb("#8e9294")).convert("RGBA")
    img.alpha_composite(counter, (0, int(H * 0.68)))
    d = ImageDraw.Draw(img)
    d.rectangle((0, H * 0.68, W, H * 0.70), fill=rgba(rgb("#e6e8e9")))
    plate_stack(d, W * 0.30, H * 0.82, 9, 520, rgb("#f4f1ea"), rgb("#2f5d9e"))
    plate_stack(d, W * 0.66, H * 0.84, 6, 560, rgb("#f4f1ea"), rgb("#2f7f8a"))
    # a single rolled rim plate in front
    d.ellipse((W * 0.44, H * 0.86, W * 0.60, H * 0.98), fill=rgba(rgb("#f4f1ea")))
    d.ellipse((W * 0.44, H * 0.86, W * 0.60, H * 0.98), outline=rgba(rgb("#2f5d9e")), width=14)
    return img


def scene_design_week(rnd: random.Random) -> Image.Image:
    img = vgradient((W, H), rgb("#f3f1ec"), rgb("#dedad2")).convert("RGBA")
    d = ImageDraw.Draw(img)
    palette = [
        rgb(c)
        for c in (
            "#2f5d9e",
            "#3f7fb5",
            "#5c9ec9",
            "#2f7f8a",
            "#4f8a4b",
            "#8aa86b",
            "#c9a23c",
            "#d08a2e",
            "#b5562d",
            "#8c7a6b",
            "#e8e2d4",
            "#6b5b95",
            "#24506e",
            "#a9c4c9",
        )
    ]
    cols, rows = 14, 8
    tile, gap = 118, 22
    gx0 = (W - (cols * tile + (cols - 1) * gap)) / 2
    gy0 = H * 0.06
    for r in range(rows):
        for c in range(cols):
            if rnd.random() < 0.05:
                continue  # a few gaps: sold or lent out
            x, y = gx0 + c * (tile + gap), gy0 + r * (tile + gap)
            base = palette[(r * 3 + c * 5 + rnd.randint(0, 3)) % len(palette)]
            base = mix(base, lighter(base, 0.4), rnd.random() * 0.4)
            d.rectangle((x + 6, y + 8, x + tile + 6, y + tile + 8), fill=rgba(rgb("#bdb6aa")))
            d.rectangle((x, y, x + tile, y + tile), fill=rgba(base))
            if rnd.random() < 0.3:
                d.ellipse(
                    (x + 30, y + 30, x + tile - 30, y + tile - 30), fill=rgba(darker(base, 0.15))
                )
    # shelf with six plates
    sy = H * 0.86
    d.rectangle((W * 0.1, sy, W * 0.9, sy + 28), fill=rgba(rgb("#8a6a4a")))
    for i in range(6):
        px = W * 0.16 + i * W * 0.136
        d.ellipse((px - 110, sy - 200, px + 110, sy + 10), fill=rgba(rgb("#f6f3ec")))
        d.ellipse((px - 110, sy - 200, px + 110, sy + 10), outline=rgba(rgb("#3d6a8a")), width=14)
        d.ellipse((px - 60, sy - 150, px + 60, sy - 40), fill=rgba(rgb("#e9e4d9")))
    return img


def scene_wheels(rnd: random.Random) -> Image.Image:
    img = vgradient((W, H), rgb("#ece3d3"), rgb("#d9c9ae")).convert("RGBA")
    d = ImageDraw.Draw(img)
    d.rectangle((0, H * 0.72, W, H), fill=rgba(rgb("#b9a385")))
    for i, cx in enumerate((W * 0.28, W * 0.72)):
        # wheel body and splash pan
        d.rounded_rectangle(
            (cx - 300, H * 0.62, cx + 300, H * 0.92), radius=40, fill=rgba(rgb("#6f7d86"))
        )
        d.ellipse((cx - 330, H * 0.54, cx + 330, H * 0.70), fill=rgba(rgb("#55616a")))
        d.ellipse((cx - 270, H * 0.56, cx + 270, H * 0.68), fill=rgba(rgb("#8c969c")))
        d.ellipse((cx - 200, H * 0.575, cx + 200, H * 0.665), fill=rgba(rgb("#a4aaae")))
        clay = rgb("#a98a70")
        if i == 0:  # a tall, straight cylinder
            d.rectangle((cx - 120, H * 0.22, cx + 120, H * 0.62), fill=rgba(clay))
            d.ellipse((cx - 120, H * 0.19, cx + 120, H * 0.25), fill=rgba(darker(clay, 0.25)))
            d.ellipse((cx - 120, H * 0.59, cx + 120, H * 0.65), fill=rgba(clay))
            for k in range(5):
                y = H * 0.30 + k * 55
                d.arc(
                    (cx - 120, y - 14, cx + 120, y + 14),
                    0,
                    180,
                    fill=rgba(darker(clay, 0.12)),
                    width=4,
                )
        else:  # a lopsided first bowl
            d.polygon(
                [
                    (cx - 230, H * 0.40),
                    (cx + 210, H * 0.45),
                    (cx + 110, H * 0.62),
                    (cx - 120, H * 0.62),
                ],
                fill=rgba(clay),
            )
            d.ellipse((cx - 230, H * 0.36, cx + 210, H * 0.49), fill=rgba(darker(clay, 0.28)))
            d.ellipse((cx - 120, H * 0.59, cx + 110, H * 0.65), fill=rgba(clay))
    # a tally on the wall
    for g in range(6):
        x0 = W * 0.38 + g * 95
        for k in range(4):
            d.line(
                [(x0 + k * 16, H * 0.08), (x0 + k * 16, H * 0.18)],
                fill=rgba(rgb("#6b5d4f")),
                width=6,
            )
        d.line([(x0 - 8, H * 0.16), (x0 + 58, H * 0.10)], fill=rgba(rgb("#6b5d4f")), width=6)
    return img


def scene_repair(rnd: random.Random) -> Image.Image:
    img = vgradient((W, H), rgb("#b98b5e"), rgb("#8c6440")).convert("RGBA")
    d = ImageDraw.Draw(img)
    for _ in range(26):
        y = rnd.uniform(0, H)
        d.line(
            [
                (0, y),
                (W * 0.3, y + rnd.uniform(-20, 20)),
                (W * 0.7, y + rnd.uniform(-20, 20)),
                (W, y),
            ],
            fill=rgba(rgb("#7a5535"), 90),
            width=rnd.randint(3, 8),
        )
    cx, cy, r = W * 0.5, H * 0.5, H * 0.38
    soft_layer(
        img,
        lambda dd: dd.ellipse(
            (cx - r + 30, cy - r + 40, cx + r + 30, cy + r + 40), fill=(40, 25, 10, 110)
        ),
        blur=30,
    )
    d = ImageDraw.Draw(img)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=rgba(rgb("#f3efe6")))
    d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=rgba(rgb("#2f5d9e")), width=38)
    d.ellipse(
        (cx - r * 0.62, cy - r * 0.62, cx + r * 0.62, cy + r * 0.62),
        outline=rgba(rgb("#2f5d9e")),
        width=10,
    )
    flower(d, cx, cy, r * 0.32, rgb("#2f5d9e"), rgb("#e8b53c"), 7)
    for k in range(8):
        a = 2 * math.pi * k / 8
        flower(
            d,
            cx + math.cos(a) * r * 0.80,
            cy + math.sin(a) * r * 0.80,
            r * 0.08,
            rgb("#e8b53c"),
            rgb("#d9783a"),
            5,
        )
    gold = rgb("#d4a437")
    cracks = [
        [
            (cx, cy),
            (cx - r * 0.2, cy - r * 0.35),
            (cx - r * 0.15, cy - r * 0.7),
            (cx - r * 0.3, cy - r),
        ],
        [
            (cx, cy),
            (cx + r * 0.4, cy - r * 0.1),
            (cx + r * 0.65, cy + r * 0.15),
            (cx + r, cy + r * 0.05),
        ],
        [
            (cx, cy),
            (cx - r * 0.1, cy + r * 0.45),
            (cx + r * 0.1, cy + r * 0.75),
            (cx + r * 0.05, cy + r),
        ],
    ]
    for path in cracks:
        d.line(path, fill=rgba(gold), width=12, joint="curve")
        d.line(path, fill=rgba(lighter(gold, 0.4)), width=4, joint="curve")
    return img


def scene_kiln_two(rnd: random.Random) -> Image.Image:
    img = vgradient((W, H), rgb("#9ccbe8"), rgb("#e8f1f4")).convert("RGBA")
    glow(img, (int(W * 0.84), int(H * 0.14)), 260, rgb("#fff3b0"), 0.9)
    d = ImageDraw.Draw(img)
    d.ellipse(
        (W * 0.84 - 80, H * 0.14 - 80, W * 0.84 + 80, H * 0.14 + 80), fill=rgba(rgb("#ffd54a"))
    )
    # roof with panels
    d.polygon(
        [(W * 0.02, H * 0.40), (W * 0.5, H * 0.16), (W * 0.98, H * 0.40)], fill=rgba(rgb("#8d5a40"))
    )
    for i in range(7):
        t0, t1 = 0.12 + i * 0.11, 0.12 + i * 0.11 + 0.09
        x0, x1 = W * 0.02 + (W * 0.96) * t0, W * 0.02 + (W * 0.96) * t1

        def roof_y(x: float) -> float:
            return H * 0.40 - (H * 0.24) * (1 - abs(x - W * 0.5) / (W * 0.48))

        d.polygon(
            [
                (x0, roof_y(x0) + 14),
                (x1, roof_y(x1) + 14),
                (x1, roof_y(x1) + 70),
                (x0, roof_y(x0) + 70),
            ],
            fill=rgba(rgb("#24406a")),
        )
        d.line(
            [
                ((x0 + x1) / 2, roof_y((x0 + x1) / 2) + 14),
                ((x0 + x1) / 2, roof_y((x0 + x1) / 2) + 70),
            ],
            fill=rgba(rgb("#5b7fb0")),
            width=4,
        )
    d.rectangle((W * 0.05, H * 0.40, W * 0.95, H), fill=rgba(rgb("#e9e1d1")))
    d.rectangle((0, H * 0.90, W, H), fill=rgba(rgb("#a99f8f")))
    # old brick kiln, left, cold
    ox0, oy0, ox1, oy1 = kiln(d, (W * 0.10, H * 0.46, W * 0.44, H * 0.92), rnd, rgb("#9c6b52"))
    d.rounded_rectangle((ox0, oy0, ox1, oy1), radius=30, fill=rgba(rgb("#4b3a33")))
    # new steel kiln, right
    kx0, ky0, kx1, ky1 = W * 0.56, H * 0.50, W * 0.88, H * 0.92
    d.rounded_rectangle((kx0, ky0, kx1, ky1), radius=24, fill=rgba(rgb("#9aa3a8")))
    d.rounded_rectangle(
        (kx0 + 30, ky0 + 30, kx1 - 30, ky1 - 30), radius=16, fill=rgba(rgb("#b5bdc1"))
    )
    d.rounded_rectangle(
        (kx1 - 150, ky0 + 60, kx1 - 60, ky0 + 110), radius=8, fill=rgba(rgb("#1d2430"))
    )
    d.ellipse(
        ((kx0 + kx1) / 2 - 26, (ky0 + ky1) / 2 - 26, (kx0 + kx1) / 2 + 26, (ky0 + ky1) / 2 + 26),
        fill=rgba(rgb("#ff9a3c")),
    )
    # cable from roof to kiln
    d.line(
        [(W * 0.93, H * 0.40), (W * 0.93, H * 0.70), (kx1, H * 0.70)],
        fill=rgba(rgb("#3b3b3b")),
        width=8,
    )
    return img


def scene_autumn(rnd: random.Random) -> Image.Image:
    img = vgradient((W, H), rgb("#f1dcc0"), rgb("#f6ece0")).convert("RGBA")
    d = ImageDraw.Draw(img)
    bands = [
        ("#b9b2a8", H * 0.30),
        ("#c98a4b", H * 0.40),
        ("#9b5a34", H * 0.50),
        ("#8a8276", H * 0.58),
        ("#d9823b", H * 0.66),
    ]
    for i, (c, y) in enumerate(bands):
        d.polygon(wave_points(0, W, y, 40 - i * 5, 700 - i * 90, i * 1.3, H), fill=rgba(rgb(c)))
    # a tree on the ridge
    tx, ty = W * 0.78, H * 0.34
    d.line([(tx, ty), (tx, ty - 120)], fill=rgba(rgb("#4b3526")), width=14)
    d.ellipse((tx - 90, ty - 230, tx + 90, ty - 90), fill=rgba(rgb("#c2622d")))
    # test tiles in the foreground
    d.rectangle((0, H * 0.80, W, H), fill=rgba(rgb("#efe6d6")))
    tile_colours = [
        "#e0783a",
        "#c1662f",
        "#8b5a3c",
        "#6e4a34",
        "#a59c8f",
        "#8a8a84",
        "#b86f2e",
        "#d9a441",
    ]
    for i, c in enumerate(tile_colours):
        x = W * 0.08 + i * W * 0.108
        y = H * 0.83
        d.rectangle((x + 8, y + 10, x + 150, y + 110), fill=rgba(rgb("#cfc3ae")))
        d.rectangle((x, y, x + 142, y + 100), fill=rgba(rgb(c)))
        d.rectangle((x, y + 70, x + 142, y + 100), fill=rgba(lighter(rgb(c), 0.25)))
    return img


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


# --------------------------------------------------- more story scenes: the scenes


def scene_river_blue(rnd: random.Random) -> Image.Image:
    """Tile 87 held up against the Lamone at dusk, earlier test tiles on the parapet."""
    horizon = int(H * 0.50)
    img = vgradient((W, horizon), rgb("#34466e"), rgb("#e6b08c")).convert("RGBA")
    full = Image.new("RGBA", (W, H))
    full.alpha_composite(img)
    img = full
    river = vgradient((W, H - horizon), rgb("#55708e"), rgb("#2a4560")).convert("RGBA")
    img.alpha_composite(river, (0, horizon))
    glow(img, (int(W * 0.30), horizon), 520, rgb("#f6c79a"), 0.55)
    d = ImageDraw.Draw(img)
    d.polygon(wave_points(0, W, H * 0.44, 26, 900, 0.8, horizon), fill=rgba(rgb("#5d6a86")))
    d.polygon(wave_points(0, W, H * 0.47, 16, 600, 2.4, horizon + 2), fill=rgba(rgb("#4a5674")))
    # a far bridge with three arches
    by = H * 0.455
    d.rectangle((W * 0.04, by, W * 0.46, by + 22), fill=rgba(rgb("#3a4460")))
    for i in range(4):
        ax = W * 0.07 + i * W * 0.12
        d.rectangle((ax, by + 22, ax + 26, horizon + 4), fill=rgba(rgb("#3a4460")))
    # haze and ripples on the water
    soft_layer(
        img,
        lambda dd: [
            dd.rectangle((0, horizon + k * 60, W, horizon + k * 60 + 24), fill=(220, 225, 235, 26))
            for k in range(6)
        ],
        blur=22,
    )
    d = ImageDraw.Draw(img)
    for _ in range(46):
        y = rnd.uniform(horizon + 30, H * 0.78)
        x = rnd.uniform(-100, W)
        ln = rnd.uniform(80, 260)
        d.line([(x, y), (x + ln, y)], fill=rgba(rgb("#8ba3bd"), rnd.randint(50, 110)), width=4)
    # stone parapet in front
    d.rectangle((0, H * 0.80, W, H), fill=rgba(rgb("#8c8176")))
    d.rectangle((0, H * 0.80, W, H * 0.82), fill=rgba(rgb("#a89c8f")))
    for x in range(0, W, 300):
        d.line([(x, H * 0.82), (x, H)], fill=rgba(rgb("#7b7065")), width=4)
    # wrong tiles leaning on the parapet, from swimming-pool to shouting cobalt
    wrong = ["#3fb3d3", "#1f3fbf", "#2e5fd0", "#5b8fb8", "#2a6fa0", "#4b6fa8"]
    for i, c in enumerate(wrong):
        x, s = W * 0.05 + i * 170, 140
        y = H * 0.80 - s + 14
        d.rectangle((x + 10, y + 12, x + s + 10, y + s + 12), fill=rgba(rgb("#5f564e"), 160))
        d.rectangle((x, y, x + s, y + s), fill=rgba(rgb("#efe6d6")))
        d.rectangle((x + 10, y + 10, x + s - 10, y + s - 34), fill=rgba(rgb(c)))
    # tile 87, propped up on the parapet: the same quiet blue as the river
    tx, ts = W * 0.60, 500
    ty = H * 0.80 - ts + 20
    shadow(
        img,
        lambda dd, f: dd.rounded_rectangle(
            (tx + 30, ty + 30, tx + ts + 30, ty + ts + 24), radius=10, fill=f
        ),
        26,
        120,
    )
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((tx, ty, tx + ts, ty + ts), radius=10, fill=rgba(rgb("#e9dfcd")))
    gh = int(ts * 0.78)
    glaze = dgradient((ts - 30, gh), rgb("#6a879c"), rgb("#2c4761"), 60).convert("RGBA")
    img.alpha_composite(glaze, (int(tx + 15), int(ty + 15)))
    d = ImageDraw.Draw(img)
    # glaze pools thicker at its lower edge, and thinner (paler) on the top corners
    d.rectangle((tx + 15, ty + 15 + gh - 14, tx + ts - 15, ty + 15 + gh), fill=rgba(rgb("#253d55")))
    d.rectangle((tx + 15, ty + 15, tx + ts - 15, ty + 27), fill=rgba(rgb("#8aa2b4")))
    return img


def scene_hospice_cups(rnd: random.Random) -> Image.Image:
    """A tea trolley of white cups, each painted with its own motif and space for a name."""
    img = vgradient((W, H), rgb("#f4e6cf"), rgb("#e6cfae")).convert("RGBA")
    glow(img, (int(W * 0.18), int(H * 0.10)), 900, rgb("#fff4d8"), 0.8)
    d = ImageDraw.Draw(img)
    # window light falling on the wall
    soft_layer(
        img,
        lambda dd: dd.polygon(
            [(W * 0.05, 0), (W * 0.40, 0), (W * 0.75, H * 0.85), (W * 0.30, H * 0.85)],
            fill=(255, 246, 220, 70),
        ),
        blur=60,
    )
    d = ImageDraw.Draw(img)
    d.rectangle((0, H * 0.86, W, H), fill=rgba(rgb("#c9a982")))
    wood = rgb("#9a6a42")
    x0, x1 = W * 0.08, W * 0.92
    shelves = (H * 0.36, H * 0.60, H * 0.84)
    for sx in (x0 + 20, x1 - 50):
        d.rectangle((sx, H * 0.28, sx + 30, H * 0.88), fill=rgba(darker(wood, 0.15)))
    d.rounded_rectangle(
        (x1 - 40, H * 0.20, x1 + 40, H * 0.30), radius=30, outline=rgba(darker(wood, 0.2)), width=18
    )
    for wx in (x0 + 35, x1 - 35):
        d.ellipse((wx - 50, H * 0.87, wx + 50, H * 0.97), fill=rgba(rgb("#3b3330")))
        d.ellipse((wx - 18, H * 0.905, wx + 18, H * 0.935), fill=rgba(rgb("#8c8179")))
    motifs = ["lemon", "swallow", "olive", "bicycle", "tower", "flower"]
    white = rgb("#f7f3ea")
    for row, sy in enumerate(shelves):
        d.rectangle((x0, sy, x1, sy + 26), fill=rgba(wood))
        d.rectangle((x0, sy + 26, x1, sy + 34), fill=rgba(darker(wood, 0.3)))
        count = 6 if row == 1 else 7
        span = (x1 - x0 - 260) / 6
        start = x0 + 130 + (span / 2 if row == 1 else 0)
        order = motifs[:]
        rnd.shuffle(order)
        for i in range(count):
            cx = start + i * span
            side_cup(d, cx, sy, 160, 190, white)
            small_motif(d, order[i % len(order)], cx - 8, sy - 122, 38)
            # the space for a name
            d.line([(cx - 48, sy - 50), (cx + 40, sy - 50)], fill=rgba(rgb("#c8bfae")), width=4)
    return img


def scene_list_of_noes(rnd: random.Random) -> Image.Image:
    """A list pinned to a cork board, eleven items and a twelfth in pencil."""
    img = Image.new("RGBA", (W, H), rgba(rgb("#c79a66")))
    d = ImageDraw.Draw(img)
    for _ in range(2600):
        x, y = rnd.uniform(0, W), rnd.uniform(0, H)
        r = rnd.uniform(2, 6)
        c = rnd.choice([rgb("#a87a48"), rgb("#d8ae7c"), rgb("#b98a56")])
        d.ellipse((x - r, y - r, x + r, y + r), fill=rgba(c))
    img = img.filter(ImageFilter.GaussianBlur(1.2))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, W, H), outline=rgba(rgb("#7a5436")), width=40)
    # the list
    pw, ph = 900, 1180
    sheet = Image.new("RGBA", (pw + 80, ph + 80), (0, 0, 0, 0))
    sd = ImageDraw.Draw(sheet)
    sd.rectangle((52, 56, pw + 52, ph + 56), fill=(40, 25, 10, 90))
    sheet = sheet.filter(ImageFilter.GaussianBlur(14))
    sd = ImageDraw.Draw(sheet)
    sd.rectangle((30, 30, pw + 30, ph + 30), fill=rgba(rgb("#fbf8f1")))
    sd.rectangle((110, 100, pw - 160, 150), fill=rgba(rgb("#2b2b33")))
    ink = rgba(rgb("#2b3b5c"))
    for i in range(11):
        y = 220 + i * 78
        sd.ellipse((100, y - 9, 118, y + 9), fill=ink)
        scribble(sd, 150, y, rnd.uniform(380, pw - 260), rnd, ink, width=6, amp=6)
    pencil = (120, 120, 120, 170)
    y = 220 + 11 * 78
    sd.ellipse((100, y - 8, 116, y + 8), outline=pencil, width=3)
    scribble(sd, 150, y, 520, rnd, pencil, width=4, amp=5)
    paste_rotated(img, sheet, (W * 0.36, H * 0.50), 2.2)
    d = ImageDraw.Draw(img)
    # red push pin
    px, py = W * 0.36 - 10, H * 0.50 - ph / 2 + 40
    d.ellipse((px - 34, py - 20, px + 46, py + 54), fill=rgba(rgb("#5a3820"), 120))
    d.ellipse((px - 36, py - 36, px + 36, py + 36), fill=rgba(rgb("#c0392b")))
    d.ellipse((px - 18, py - 22, px + 2, py - 6), fill=rgba(rgb("#e8786b")))
    # a calendar with a few days circled in green
    cx0, cy0, cw, ch = W * 0.63, H * 0.14, 680, 620
    shadow(
        img, lambda dd, f: dd.rectangle((cx0 + 20, cy0 + 24, cx0 + cw + 20, cy0 + ch + 24), fill=f)
    )
    d = ImageDraw.Draw(img)
    d.rectangle((cx0, cy0, cx0 + cw, cy0 + ch), fill=rgba(rgb("#fbf8f1")))
    d.rectangle((cx0, cy0, cx0 + cw, cy0 + 110), fill=rgba(rgb("#c0395a")))
    cell = (cw - 60) / 7
    for r in range(5):
        for c in range(7):
            x, y = cx0 + 30 + c * cell, cy0 + 140 + r * 90
            d.rectangle((x + 6, y + 6, x + cell - 6, y + 80), fill=rgba(rgb("#ece6da")))
    for r, c in ((1, 2), (3, 4), (4, 1)):
        x, y = cx0 + 30 + c * cell, cy0 + 140 + r * 90
        d.ellipse((x - 4, y - 2, x + cell + 4, y + 88), outline=rgba(rgb("#4f8a4b")), width=8)
    # a yellow sticky note and a pencil
    nx, ny = W * 0.70, H * 0.62
    d.rectangle((nx + 14, ny + 16, nx + 374, ny + 376), fill=rgba(rgb("#8a6a44"), 120))
    d.rectangle((nx, ny, nx + 360, ny + 360), fill=rgba(rgb("#f5d86a")))
    for i in range(3):
        scribble(d, nx + 50, ny + 100 + i * 80, 220 - i * 40, rnd, rgba(rgb("#6a5a2a")), 5, 5)
    d.line([(W * 0.60, H * 0.93), (W * 0.93, H * 0.84)], fill=rgba(rgb("#e0a93a")), width=30)
    d.polygon(
        [(W * 0.93, H * 0.84 - 15), (W * 0.96, H * 0.832), (W * 0.93, H * 0.84 + 15)],
        fill=rgba(rgb("#e8c9a0")),
    )
    return img


def scene_signature(rnd: random.Random) -> Image.Image:
    """The back of a plate with a small leaf mark, the fine brush laid beside it."""
    img = Image.new("RGBA", (W, H), rgba(rgb("#d9c6a5")))
    d = ImageDraw.Draw(img)
    wood_grain(d, (0, 0, W, H), rgb("#b89b72"), rnd, 34, 110)
    # part of the finished set, face up, at the top right
    for i, (px, py) in enumerate(((W * 0.92, H * 0.02), (W * 1.02, H * 0.40))):
        r = 420
        shadow(
            img,
            lambda dd, f, px=px, py=py, r=r: dd.ellipse(
                (px - r + 24, py - r + 30, px + r + 24, py + r + 30), fill=f
            ),
        )
        d = ImageDraw.Draw(img)
        d.ellipse((px - r, py - r, px + r, py + r), fill=rgba(rgb("#f6f1e6")))
        d.ellipse(
            (px - r * 0.92, py - r * 0.92, px + r * 0.92, py + r * 0.92),
            outline=rgba(rgb("#3f6fb5")),
            width=12,
        )
        for k in range(14):
            a = 2 * math.pi * k / 14 + i * 0.2
            flower(
                d,
                px + math.cos(a) * r * 0.8,
                py + math.sin(a) * r * 0.8,
                36,
                rgb("#e8b53c") if k % 2 else rgb("#3f6fb5"),
                rgb("#d9783a"),
                5,
            )
    # the plate upside down: foot ring, stamp, and the new mark
    cx, cy, r = W * 0.36, H * 0.52, 560
    shadow(
        img, lambda dd, f: dd.ellipse((cx - r + 30, cy - r + 36, cx + r + 30, cy + r + 36), fill=f)
    )
    d = ImageDraw.Draw(img)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=rgba(rgb("#efe8da")))
    d.ellipse(
        (cx - r * 0.64, cy - r * 0.64, cx + r * 0.64, cy + r * 0.64), fill=rgba(rgb("#d9cbb4"))
    )
    d.ellipse(
        (cx - r * 0.56, cy - r * 0.56, cx + r * 0.56, cy + r * 0.56), fill=rgba(rgb("#e9e1d2"))
    )
    # workshop stamp
    sx, sy = cx - 130, cy
    d.ellipse((sx - 110, sy - 110, sx + 110, sy + 110), outline=rgba(rgb("#5a6e8a")), width=10)
    d.ellipse((sx - 80, sy - 80, sx + 80, sy + 80), outline=rgba(rgb("#5a6e8a")), width=5)
    d.polygon(
        [(sx - 40, sy + 30), (sx, sy - 50), (sx + 40, sy + 30)],
        outline=rgba(rgb("#5a6e8a")),
        width=8,
    )
    # Elena's mark: a small leaf, painted in manganese
    lx, ly = cx + 170, cy + 10
    man = rgb("#5b3a29")
    d.polygon(
        bezier((lx - 90, ly + 40), (lx - 40, ly - 80), (lx + 60, ly - 90), (lx + 100, ly - 60))
        + bezier((lx + 100, ly - 60), (lx + 70, ly + 10), (lx + 10, ly + 70), (lx - 90, ly + 40)),
        fill=rgba(man),
    )
    d.line(
        bezier((lx - 100, ly + 50), (lx - 20, ly), (lx + 40, ly - 30), (lx + 90, ly - 56)),
        fill=rgba(rgb("#e9e1d2")),
        width=6,
    )
    d.line([(lx - 90, ly + 40), (lx - 130, ly + 70)], fill=rgba(man), width=8)
    # a tile palette with colour wells
    tx, ty = W * 0.70, H * 0.64
    shadow(img, lambda dd, f: dd.rectangle((tx + 20, ty + 24, tx + 560, ty + 404), fill=f))
    d = ImageDraw.Draw(img)
    d.rectangle((tx, ty, tx + 540, ty + 380), fill=rgba(rgb("#fbf8f1")))
    for i, c in enumerate(["#3f6fb5", "#e8b53c", "#d9783a", "#5f8c4e", "#5b3a29", "#24406a"]):
        wx, wy = tx + 100 + (i % 3) * 170, ty + 110 + (i // 3) * 160
        d.ellipse((wx - 60, wy - 60, wx + 60, wy + 60), fill=rgba(rgb(c)))
        d.ellipse((wx - 30, wy - 40, wx, wy - 14), fill=rgba(lighter(rgb(c), 0.35)))
    # the fine brush, handed over
    b0, b1 = (W * 0.56, H * 0.97), (W * 0.80, H * 0.18)
    d.line([b0, b1], fill=rgba(rgb("#c9a86b")), width=22)
    ang = math.atan2(b1[1] - b0[1], b1[0] - b0[0])
    fx, fy = b1
    ex, ey = fx + math.cos(ang) * 70, fy + math.sin(ang) * 70
    d.line([(fx, fy), (ex, ey)], fill=rgba(rgb("#a7a9ab")), width=24)
    tipx, tipy = ex + math.cos(ang) * 150, ey + math.sin(ang) * 150
    nx, ny = -math.sin(ang), math.cos(ang)
    d.polygon(
        [
            (ex + nx * 12, ey + ny * 12),
            (ex + math.cos(ang) * 60 + nx * 16, ey + math.sin(ang) * 60 + ny * 16),
            (tipx, tipy),
            (ex + math.cos(ang) * 60 - nx * 16, ey + math.sin(ang) * 60 - ny * 16),
            (ex - nx * 12, ey - ny * 12),
        ],
        fill=rgba(rgb("#2a2420")),
    )
    return img


def scene_portici(rnd: random.Random) -> Image.Image:
    """Plates hung outside the shops under an arcade in Faenza, a parcel in front."""
    img = vgradient((W, H), rgb("#b9d3e3"), rgb("#e8eef0")).convert("RGBA")
    d = ImageDraw.Draw(img)
    wall, wall_dark = rgb("#e0a96d"), rgb("#c98a4f")
    d.rectangle((0, H * 0.08, W, H * 0.86), fill=rgba(wall))
    d.rectangle((0, H * 0.06, W, H * 0.10), fill=rgba(rgb("#b5562d")))
    # upper floor windows with green shutters
    for i in range(6):
        x = W * 0.05 + i * W * 0.165
        d.rectangle((x + 60, H * 0.14, x + 180, H * 0.30), fill=rgba(rgb("#4d5a4a")))
        for sx in (x + 10, x + 180):
            d.rectangle((sx, H * 0.14, sx + 50, H * 0.30), fill=rgba(rgb("#4f7a5a")))
            for k in range(6):
                yy = H * 0.15 + k * 36
                d.line([(sx + 6, yy), (sx + 44, yy)], fill=rgba(rgb("#3f6248")), width=4)
    d.rectangle((0, H * 0.34, W, H * 0.37), fill=rgba(wall_dark))
    # the arcade: arches in shade, pillars in light, shop windows full of plates
    n = 4
    aw = W / n
    pw = 220
    palette = ["#3f6fb5", "#e8b53c", "#2f7f8a", "#d9783a", "#5f8c4e", "#24406a", "#c0395a"]
    for i in range(n):
        ax0 = i * aw + pw / 2
        ax1 = (i + 1) * aw - pw / 2
        d.rectangle((ax0, H * 0.54, ax1, H * 0.86), fill=rgba(rgb("#8c5a36")))
        d.pieslice((ax0, H * 0.41, ax1, H * 0.67), 180, 360, fill=rgba(rgb("#8c5a36")))
        wx0, wx1 = ax0 + 50, ax1 - 50
        d.rectangle((wx0, H * 0.56, wx1, H * 0.82), fill=rgba(rgb("#f0d9b0")))
        glow(img, (int((wx0 + wx1) / 2), int(H * 0.66)), 200, rgb("#fff1cf"), 0.6)
        d = ImageDraw.Draw(img)
        d.rectangle((wx0, H * 0.56, wx1, H * 0.82), outline=rgba(rgb("#5a3a26")), width=14)
        for k in range(6):
            px = wx0 + (wx1 - wx0) * (0.2 + 0.3 * (k % 3))
            py = H * 0.625 + (k // 3) * H * 0.135
            r = 46
            c = rgb(palette[(i * 2 + k) % len(palette)])
            d.ellipse((px - r, py - r, px + r, py + r), fill=rgba(rgb("#f6f1e6")))
            d.ellipse((px - r * 0.6, py - r * 0.6, px + r * 0.6, py + r * 0.6), fill=rgba(c))
        d.rectangle((wx0, H * 0.69, wx1, H * 0.70), fill=rgba(rgb("#8c5a36")))
    # plates hung on the pillars, as outside the shops of corso Mazzini
    for i in range(n + 1):
        px = i * aw
        for k in range(3):
            py = H * 0.50 + k * 150
            r = 62
            c = rgb(palette[(i * 3 + k) % len(palette)])
            d.ellipse(
                (px - r + 8, py - r + 10, px + r + 8, py + r + 10), fill=rgba(darker(wall, 0.25))
            )
            d.ellipse((px - r, py - r, px + r, py + r), fill=rgba(rgb("#f6f1e6")))
            d.ellipse(
                (px - r * 0.85, py - r * 0.85, px + r * 0.85, py + r * 0.85),
                outline=rgba(c),
                width=9,
            )
            flower(d, px, py, r * 0.45, c, rgb("#e8b53c"), 6)
    # street and a parcel ready to go
    d.rectangle((0, H * 0.86, W, H), fill=rgba(rgb("#a59a8c")))
    for x in range(0, W, 160):
        d.line([(x, H * 0.86), (x - 80, H)], fill=rgba(rgb("#958a7c")), width=4)
    bx, by, bw, bh = W * 0.60, H * 0.66, 520, 330
    shadow(img, lambda dd, f: dd.rectangle((bx + 20, by + 30, bx + bw + 40, by + bh + 20), fill=f))
    d = ImageDraw.Draw(img)
    d.polygon(
        [(bx, by), (bx + 90, by - 70), (bx + bw + 90, by - 70), (bx + bw, by)],
        fill=rgba(rgb("#d8b384")),
    )
    d.polygon(
        [(bx + bw, by), (bx + bw + 90, by - 70), (bx + bw + 90, by + bh - 70), (bx + bw, by + bh)],
        fill=rgba(rgb("#a97e50")),
    )
    d.rectangle((bx, by, bx + bw, by + bh), fill=rgba(rgb("#c49a6c")))
    d.rectangle((bx + bw / 2 - 30, by, bx + bw / 2 + 30, by + bh), fill=rgba(rgb("#dcc29a")))
    d.polygon(
        [
            (bx + bw / 2 - 30 + 90 * 0.5, by - 35),
            (bx + bw / 2 + 30 + 45, by - 35),
            (bx + bw / 2 + 30, by),
            (bx + bw / 2 - 30, by),
        ],
        fill=rgba(rgb("#dcc29a")),
    )
    d.rectangle((bx + 50, by + 60, bx + 200, by + 150), fill=rgba(rgb("#f6f1e6")))
    for i in range(3):
        d.line(
            [(bx + 70, by + 85 + i * 24), (bx + 180 - i * 30, by + 85 + i * 24)],
            fill=rgba(rgb("#2f7f8a")),
            width=5,
        )
    return img


def scene_tally(rnd: random.Random) -> Image.Image:
    """214 pencil marks in groups of five, and the first plate that didn't crack."""
    img = vgradient((W, H), rgb("#ebe4d7"), rgb("#ddd3c2")).convert("RGBA")
    d = ImageDraw.Draw(img)
    glow(img, (int(W * 0.2), int(H * 0.1)), 900, rgb("#f6f1e8"), 0.6)
    d = ImageDraw.Draw(img)
    pencil = rgba(rgb("#6a645d"), 215)
    gx0, gy0 = W * 0.08, H * 0.07
    group_w, row_h = 200, 150
    per_row = 10
    marks = 214
    g = 0
    while marks > 0:
        n = min(5, marks)
        x = gx0 + (g % per_row) * group_w + rnd.uniform(-8, 8)
        y = gy0 + (g // per_row) * row_h + rnd.uniform(-6, 6)
        for k in range(min(n, 4)):
            xx = x + k * 28
            d.line(
                [(xx + rnd.uniform(-4, 4), y), (xx + rnd.uniform(-4, 4), y + 100)],
                fill=pencil,
                width=6,
            )
        if n == 5:
            d.line([(x - 18, y + 78), (x + 104, y + 18)], fill=pencil, width=6)
        marks -= n
        g += 1
    # the shelf, with the plate that didn't crack and the tools that helped
    sy = H * 0.84
    d.rectangle((0, sy, W, H), fill=rgba(rgb("#8a6a4a")))
    d.rectangle((0, sy, W, sy + 20), fill=rgba(rgb("#a5825c")))
    wood_grain(d, (0, sy + 20, W, H), rgb("#6f5238"), rnd, 8, 120)
    cx, cy, r = W * 0.62, sy - 330, 320
    glow(img, (int(cx), int(cy)), 620, rgb("#fff8e6"), 0.7)
    shadow(
        img,
        lambda dd, f: dd.ellipse((cx - r + 24, cy - r + 16, cx + r + 24, cy + r + 10), fill=f),
        26,
        80,
    )
    d = ImageDraw.Draw(img)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=rgba(rgb("#f3efe6")))
    d.ellipse(
        (cx - r * 0.66, cy - r * 0.66, cx + r * 0.66, cy + r * 0.66), fill=rgba(rgb("#ebe5d8"))
    )
    d.ellipse(
        (cx - r * 0.66, cy - r * 0.66, cx + r * 0.66, cy + r * 0.66),
        outline=rgba(rgb("#d8cfbf")),
        width=8,
    )
    d.arc(
        (cx - r * 0.9, cy - r * 0.9, cx + r * 0.9, cy + r * 0.9),
        200,
        290,
        fill=rgba((255, 255, 255, 200)),
        width=14,
    )
    # Lucia's lopsided first plate, lying beside it
    lx, ly = W * 0.26, sy - 40
    d.polygon(
        [
            *bezier((lx - 230, ly), (lx - 220, ly - 90), (lx + 160, ly - 110), (lx + 240, ly - 20)),
            (lx + 200, ly + 10),
            (lx - 200, ly + 10),
        ],
        fill=rgba(rgb("#c9b08a")),
    )
    d.ellipse((lx - 120, ly - 70, lx + 130, ly - 20), fill=rgba(rgb("#b79b74")))
    # Giovanna's pencil
    px, py = W * 0.80, sy - 22
    d.rectangle((px, py, px + 300, py + 22), fill=rgba(rgb("#e0a93a")))
    d.polygon([(px + 300, py), (px + 350, py + 11), (px + 300, py + 22)], fill=rgba(rgb("#e8c9a0")))
    d.polygon(
        [(px + 336, py + 7), (px + 350, py + 11), (px + 336, py + 15)], fill=rgba(rgb("#3b3a40"))
    )
    d.rectangle((px - 30, py, px, py + 22), fill=rgba(rgb("#d98a8a")))
    return img


def clock(
    d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, hours: float, minutes: float
) -> None:
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=rgba(rgb("#3b3a40")))
    d.ellipse((cx - r * 0.9, cy - r * 0.9, cx + r * 0.9, cy + r * 0.9), fill=rgba(rgb("#fbf8f1")))
    for k in range(12):
        a = 2 * math.pi * k / 12
        r0 = r * (0.70 if k % 3 == 0 else 0.76)
        d.line(
            [
                (cx + math.sin(a) * r0, cy - math.cos(a) * r0),
                (cx + math.sin(a) * r * 0.82, cy - math.cos(a) * r * 0.82),
            ],
            fill=rgba(rgb("#3b3a40")),
            width=10 if k % 3 == 0 else 6,
        )
    ha = 2 * math.pi * ((hours % 12) + minutes / 60) / 12
    ma = 2 * math.pi * minutes / 60
    d.line(
        [(cx, cy), (cx + math.sin(ha) * r * 0.45, cy - math.cos(ha) * r * 0.45)],
        fill=rgba(rgb("#2b2b33")),
        width=16,
    )
    d.line(
        [(cx, cy), (cx + math.sin(ma) * r * 0.68, cy - math.cos(ma) * r * 0.68)],
        fill=rgba(rgb("#2b2b33")),
        width=10,
    )
    d.ellipse((cx - 14, cy - 14, cx + 14, cy + 14), fill=rgba(rgb("#c0395a")))


def scene_phone_promise(rnd: random.Random) -> Image.Image:
    """A phone, a clock at five to eleven, and a notebook column of promises, all ticked."""
    img = vgradient((W, H), rgb("#d7e6e2"), rgb("#c3d8d3")).convert("RGBA")
    d = ImageDraw.Draw(img)
    d.rectangle((0, H * 0.60, W, H), fill=rgba(rgb("#b98b5e")))
    d.rectangle((0, H * 0.60, W, H * 0.62), fill=rgba(rgb("#cfa273")))
    wood_grain(d, (0, H * 0.62, W, H), rgb("#9c7048"), rnd, 14, 100)
    clock(d, W * 0.20, H * 0.26, 210, 10, 55)
    # the notebook, open, pinned up above the desk
    nx0, ny0, nx1, ny1 = W * 0.38, H * 0.08, W * 0.90, H * 0.56
    shadow(
        img, lambda dd, f: dd.rectangle((nx0 + 24, ny0 + 30, nx1 + 24, ny1 + 30), fill=f), 24, 80
    )
    d = ImageDraw.Draw(img)
    mid = (nx0 + nx1) / 2
    d.rectangle((nx0, ny0, mid, ny1), fill=rgba(rgb("#fbf8f1")))
    d.rectangle((mid, ny0, nx1, ny1), fill=rgba(rgb("#f6f2e8")))
    d.line([(mid, ny0), (mid, ny1)], fill=rgba(rgb("#d8d0c0")), width=6)
    ink = rgba(rgb("#2f4f6a"))
    for i in range(9):
        y = ny0 + 80 + i * 72
        d.line([(nx0 + 30, y + 24), (mid - 30, y + 24)], fill=rgba(rgb("#d6e0e8")), width=3)
        d.line([(mid + 30, y + 24), (nx1 - 30, y + 24)], fill=rgba(rgb("#d6e0e8")), width=3)
        scribble(d, nx0 + 50, y, rnd.uniform(260, 480), rnd, ink, 5, 5)
        scribble(d, mid + 50, y, rnd.uniform(180, 320), rnd, ink, 5, 5)
        bx = nx1 - 150
        d.rectangle((bx, y - 26, bx + 52, y + 26), outline=ink, width=5)
        tick(d, bx + 6, y - 2, 58, rgba(rgb("#2f8f6a")), 9)
    # telephone
    px, py = W * 0.28, H * 0.80
    shadow(
        img,
        lambda dd, f: dd.polygon(
            [(px - 240, py + 150), (px - 170, py - 60), (px + 230, py - 60), (px + 300, py + 150)],
            fill=f,
        ),
        20,
        90,
    )
    d = ImageDraw.Draw(img)
    body = rgb("#c0395a")
    d.polygon(
        [(px - 260, py + 140), (px - 190, py - 70), (px + 190, py - 70), (px + 260, py + 140)],
        fill=rgba(body),
    )
    d.rounded_rectangle(
        (px - 290, py - 170, px + 290, py - 60), radius=50, fill=rgba(darker(body, 0.12))
    )
    d.rounded_rectangle(
        (px - 300, py - 210, px - 150, py - 90), radius=40, fill=rgba(darker(body, 0.12))
    )
    d.rounded_rectangle(
        (px + 150, py - 210, px + 300, py - 90), radius=40, fill=rgba(darker(body, 0.12))
    )
    d.ellipse((px - 110, py - 40, px + 110, py + 120), fill=rgba(rgb("#f3ead8")))
    for k in range(10):
        a = math.radians(120 + k * 30)
        d.ellipse(
            (
                px + math.cos(a) * 70 - 14,
                py + 40 + math.sin(a) * 60 - 14,
                px + math.cos(a) * 70 + 14,
                py + 40 + math.sin(a) * 60 + 14,
            ),
            fill=rgba(darker(body, 0.2)),
        )
    cord = [(px + 260, py + 80)]
    for i in range(60):
        t = i / 59
        cord.append(
            (px + 260 + t * 420 + math.sin(t * 40) * 18, py + 80 + t * 140 + math.cos(t * 40) * 18)
        )
    d.line(cord, fill=rgba(darker(body, 0.2)), width=8, joint="curve")
    # a cup of coffee
    side_cup(d, W * 0.80, H * 0.86, 200, 230, rgb("#2f6f6a"))
    soft_layer(
        img,
        lambda dd: [
            dd.ellipse(
                (
                    W * 0.80 - 40 + (i % 2) * 40,
                    H * 0.86 - 330 - i * 70,
                    W * 0.80 + 20 + (i % 2) * 40,
                    H * 0.86 - 270 - i * 70,
                ),
                fill=(255, 255, 255, 90),
            )
            for i in range(3)
        ],
        blur=16,
    )
    return img


def scene_pug_mill(rnd: random.Random) -> Image.Image:
    """The big blue pug mill, the sludge and trimmings buckets, and the drying slabs."""
    img = vgradient((W, H), rgb("#dcd6cc"), rgb("#cfc7ba")).convert("RGBA")
    d = ImageDraw.Draw(img)
    d.rectangle((0, H * 0.78, W, H), fill=rgba(rgb("#9b8f80")))
    for _ in range(40):
        x, y = rnd.uniform(0, W), rnd.uniform(H * 0.8, H)
        r = rnd.uniform(10, 40)
        d.ellipse((x - r, y - r * 0.4, x + r, y + r * 0.4), fill=rgba(rgb("#8c8072"), 120))
    # chalkboard with the running total climbing
    bx0, by0, bx1, by1 = W * 0.06, H * 0.08, W * 0.34, H * 0.42
    d.rectangle((bx0 - 16, by0 - 16, bx1 + 16, by1 + 16), fill=rgba(rgb("#8a6a4a")))
    d.rectangle((bx0, by0, bx1, by1), fill=rgba(rgb("#2f3b36")))
    chalk = rgba(rgb("#e8e6de"), 220)
    prev = None
    for k in range(12):
        x = bx0 + 50 + k * (bx1 - bx0 - 100) / 11
        y = by1 - 60 - (by1 - by0 - 120) * (k / 11) ** 0.8 + rnd.uniform(-8, 8)
        if prev:
            d.line([prev, (x, y)], fill=chalk, width=7)
        d.ellipse((x - 9, y - 9, x + 9, y + 9), fill=chalk)
        prev = (x, y)
    d.line([(bx0 + 40, by1 - 40), (bx1 - 30, by1 - 40)], fill=chalk, width=4)
    # the pug mill
    blue = rgb("#2f5d9e")
    mx0, mx1, my = W * 0.34, W * 0.74, H * 0.56
    for lx in (mx0 + 60, mx1 - 100):
        d.rectangle((lx, my + 80, lx + 40, H * 0.82), fill=rgba(rgb("#3b3b3b")))
    d.rounded_rectangle((mx0, my - 110, mx1, my + 110), radius=90, fill=rgba(blue))
    d.rounded_rectangle(
        (mx0 + 30, my - 90, mx1 - 30, my - 50), radius=20, fill=rgba(lighter(blue, 0.2))
    )
    d.polygon(
        [
            (mx0 + 200, my - 110),
            (mx0 + 140, my - 330),
            (mx0 + 480, my - 330),
            (mx0 + 420, my - 110),
        ],
        fill=rgba(darker(blue, 0.12)),
    )
    d.rectangle((mx0 + 130, my - 350, mx0 + 490, my - 320), fill=rgba(darker(blue, 0.25)))
    d.rounded_rectangle(
        (mx1 - 380, my - 300, mx1 - 80, my - 110), radius=24, fill=rgba(darker(blue, 0.3))
    )
    for k in range(5):
        d.line(
            [(mx1 - 350, my - 270 + k * 34), (mx1 - 110, my - 270 + k * 34)],
            fill=rgba(darker(blue, 0.45)),
            width=8,
        )
    # nozzle and the log of reclaimed clay
    d.polygon(
        [(mx1 - 10, my - 90), (mx1 + 90, my - 60), (mx1 + 90, my + 60), (mx1 - 10, my + 90)],
        fill=rgba(rgb("#6d7378")),
    )
    clay = rgb("#8f8275")
    d.rectangle((mx1 + 60, my + 84, W * 0.98, my + 124), fill=rgba(rgb("#b58d5f")))
    d.rounded_rectangle((mx1 + 90, my - 50, W * 0.96, my + 84), radius=64, fill=rgba(clay))
    d.line([(mx1 + 120, my - 20), (W * 0.94, my - 20)], fill=rgba(lighter(clay, 0.2)), width=10)
    # buckets: sludge and trimmings
    for i, bxc in enumerate((W * 0.10, W * 0.22)):
        by = H * 0.90
        d.polygon(
            [(bxc - 110, by - 260), (bxc + 110, by - 260), (bxc + 90, by), (bxc - 90, by)],
            fill=rgba(rgb("#e2e4e2")),
        )
        d.ellipse((bxc - 110, by - 285, bxc + 110, by - 235), fill=rgba(rgb("#c9ccca")))
        if i == 0:
            d.ellipse((bxc - 96, by - 278, bxc + 96, by - 242), fill=rgba(rgb("#8a7f74")))
            d.ellipse((bxc - 40, by - 268, bxc + 10, by - 256), fill=rgba(rgb("#a3988c")))
        else:
            for _ in range(14):
                x = bxc + rnd.uniform(-80, 80)
                y = by - 270 + rnd.uniform(-30, 10)
                d.arc(
                    (x - 30, y - 14, x + 30, y + 14),
                    rnd.uniform(0, 180),
                    rnd.uniform(200, 360),
                    fill=rgba(rgb("#8f8275")),
                    width=10,
                )
    # drying slabs with patches of slurry
    for k in range(3):
        sx0 = W * 0.44 + k * 16
        sy0 = H * 0.84 + k * 34
        d.rectangle((sx0 - 20, sy0 + 20, sx0 + 640, sy0 + 60), fill=rgba(rgb("#c9c4ba")))
        d.rectangle((sx0, sy0, sx0 + 660, sy0 + 40), fill=rgba(rgb("#f4f2ec")))
        d.ellipse(
            (sx0 + 80 + k * 90, sy0 + 6, sx0 + 360 + k * 60, sy0 + 32), fill=rgba(rgb("#9a8e82"))
        )
    return img


def scene_open_books(rnd: random.Random) -> Image.Image:
    """One sheet with the month's numbers in the middle of a table, and coffee all around."""
    img = Image.new("RGBA", (W, H), rgba(rgb("#6b5b95")))
    d = ImageDraw.Draw(img)
    tx0, ty0, tx1, ty1 = W * 0.06, H * 0.10, W * 0.94, H * 0.90
    shadow(
        img,
        lambda dd, f: dd.rounded_rectangle(
            (tx0 + 30, ty0 + 40, tx1 + 30, ty1 + 40), radius=80, fill=f
        ),
        30,
        110,
    )
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((tx0, ty0, tx1, ty1), radius=80, fill=rgba(rgb("#d8b88e")))
    wood_grain(d, (tx0 + 40, ty0 + 30, tx1 - 40, ty1 - 30), rgb("#c29f74"), rnd, 12, 120)

    def sheet(cx: float, cy: float, scale: float, deg: float) -> None:
        sw, sh = int(420 * scale), int(594 * scale)
        layer = Image.new("RGBA", (sw + 60, sh + 60), (0, 0, 0, 0))
        ld = ImageDraw.Draw(layer)
        ld.rectangle((36, 40, sw + 36, sh + 40), fill=(40, 25, 10, 70))
        layer = layer.filter(ImageFilter.GaussianBlur(10 * scale))
        ld = ImageDraw.Draw(layer)
        ld.rectangle((20, 20, sw + 20, sh + 20), fill=rgba(rgb("#fbf8f1")))
        ld.rectangle((50 * scale, 50 * scale, 300 * scale, 76 * scale), fill=rgba(rgb("#2b2b33")))
        bars = [0.55, 0.72, 0.40, 0.86, 0.64, 0.78]
        colours = ["#6b5b95", "#2f7f8a", "#c98a4b", "#4f8a4b", "#b5562d", "#3f6fb5"]
        base = 320 * scale
        for i, (bv, c) in enumerate(zip(bars, colours, strict=True)):
            x = 60 * scale + i * 55 * scale
            ld.rectangle((x, base - bv * 200 * scale, x + 38 * scale, base), fill=rgba(rgb(c)))
        ld.line(
            [(50 * scale, base + 2), (sw - 20 * scale, base + 2)],
            fill=rgba(rgb("#2b2b33")),
            width=max(int(4 * scale), 2),
        )
        for i in range(6):
            y = base + (50 + i * 38) * scale
            ld.line(
                [(50 * scale, y), (50 * scale + (300 - (i % 3) * 50) * scale, y)],
                fill=rgba(rgb("#9a96a4")),
                width=max(int(8 * scale), 3),
            )
            ld.line(
                [(sw - 70 * scale, y), (sw - 10 * scale, y)],
                fill=rgba(rgb("#2b2b33")),
                width=max(int(8 * scale), 3),
            )
        paste_rotated(img, layer, (cx, cy), deg)

    # everyone's copy, and a coffee beside it, round the table
    seats = 8
    for k in range(seats):
        a = 2 * math.pi * k / seats + 0.2
        sx = W / 2 + math.cos(a) * W * 0.36
        sy = H / 2 + math.sin(a) * H * 0.32
        sheet(sx, sy, 0.48, -math.degrees(a) - 90 + rnd.uniform(-8, 8))
    d = ImageDraw.Draw(img)
    for k in range(seats):
        a = 2 * math.pi * k / seats + 0.2 + 0.39
        cx = W / 2 + math.cos(a) * W * 0.30
        cy = H / 2 + math.sin(a) * H * 0.23
        top_cup(
            d,
            cx,
            cy,
            44,
            rgb(rnd.choice(["#f4efe4", "#f4efe4", "#3f6fb5", "#2f7f8a", "#b5562d"])),
            a,
        )
    sheet(W / 2, H / 2, 1.0, 3)
    return img


def scene_route(rnd: random.Random) -> Image.Image:
    """The white van on a road winding through the Romagna hills, a tower on the ridge."""
    img = vgradient((W, H), rgb("#a9cfe6"), rgb("#f3ead2")).convert("RGBA")
    glow(img, (int(W * 0.16), int(H * 0.16)), 300, rgb("#fff3c0"), 0.9)
    d = ImageDraw.Draw(img)
    d.ellipse(
        (W * 0.16 - 70, H * 0.16 - 70, W * 0.16 + 70, H * 0.16 + 70), fill=rgba(rgb("#ffe08a"))
    )
    # the ridge with the rocca and the clock tower
    d.polygon(wave_points(0, W, H * 0.36, 40, 1100, 1.0, H), fill=rgba(rgb("#9fb58e")))
    tx, ty = W * 0.70, H * 0.28
    d.polygon(
        [(tx - 160, ty + 110), (tx - 60, ty - 20), (tx + 60, ty - 20), (tx + 160, ty + 110)],
        fill=rgba(rgb("#9fb58e")),
    )
    d.rectangle((tx - 50, ty - 150, tx + 50, ty), fill=rgba(rgb("#c9a27a")))
    for k in range(4):
        d.rectangle(
            (tx - 50 + k * 30, ty - 175, tx - 34 + k * 30, ty - 150), fill=rgba(rgb("#c9a27a"))
        )
    d.rectangle((tx - 18, ty - 110, tx + 18, ty - 70), fill=rgba(rgb("#6e5a48")))
    for hx in (tx - 170, tx + 110):
        d.rectangle((hx, ty + 10, hx + 70, ty + 80), fill=rgba(rgb("#e3c9a3")))
        d.polygon(
            [(hx - 8, ty + 10), (hx + 35, ty - 16), (hx + 78, ty + 10)], fill=rgba(rgb("#b5562d"))
        )
    hills = [
        ("#86a874", H * 0.46, 30, 800, 2.0),
        ("#6f9660", H * 0.56, 36, 1000, 0.4),
        ("#5a8450", H * 0.68, 24, 700, 3.1),
    ]
    for c, y, amp, period, phase in hills:
        d.polygon(wave_points(0, W, y, amp, period, phase, H), fill=rgba(rgb(c)))
    # vineyard rows on the middle hill
    for k in range(7):
        for j in range(12):
            x = W * 0.04 + j * 40 + k * 30
            y = H * 0.62 + k * 34 - j * 6
            d.ellipse((x - 14, y - 12, x + 14, y + 12), fill=rgba(rgb("#4e7445")))
    # cypresses
    for cx, cy, s in (
        (W * 0.88, H * 0.55, 1.0),
        (W * 0.92, H * 0.57, 0.8),
        (W * 0.40, H * 0.48, 0.7),
    ):
        d.ellipse((cx - 26 * s, cy - 200 * s, cx + 26 * s, cy), fill=rgba(rgb("#2f4f38")))
    # the road, winding up from the bottom towards the town, narrowing with distance
    road = bezier(
        (W * 0.10, H + 40), (W * 0.72, H * 0.84), (W * 0.08, H * 0.64), (W * 0.60, H * 0.42), 80
    )
    for i in range(len(road) - 1):
        w = 96 - 80 * i / len(road)
        d.line([road[i], road[i + 1]], fill=rgba(rgb("#b9b2a2")), width=int(w + 14))
    for i in range(len(road) - 1):
        w = 96 - 80 * i / len(road)
        d.line([road[i], road[i + 1]], fill=rgba(rgb("#d8d2c2")), width=int(w))
        if i % 5 == 0 and i < 70:
            d.line([road[i], road[i + 1]], fill=rgba(rgb("#f6f2e8")), width=max(int(w / 12), 2))
    # a fig tree by the road
    fx, fy = W * 0.80, H * 0.86
    d.line([(fx, fy), (fx, fy - 160)], fill=rgba(rgb("#6e5a48")), width=26)
    for ox, oy, r in ((-90, -200, 110), (60, -230, 120), (-10, -300, 110), (110, -150, 80)):
        d.ellipse((fx + ox - r, fy + oy - r, fx + ox + r, fy + oy + r), fill=rgba(rgb("#3f6e3e")))
    for _ in range(9):
        x, y = fx + rnd.uniform(-160, 160), fy - rnd.uniform(130, 360)
        d.ellipse((x - 14, y - 16, x + 14, y + 16), fill=rgba(rgb("#6b4a7a")))
    # the white van on the road
    vx, vy = road[30]
    vw, vh = 360, 190
    shadow(
        img,
        lambda dd, f: dd.ellipse((vx - vw * 0.55, vy + 20, vx + vw * 0.6, vy + 70), fill=f),
        14,
        110,
    )
    d = ImageDraw.Draw(img)
    d.rounded_rectangle(
        (vx - vw / 2, vy - vh, vx + vw * 0.25, vy + 20), radius=24, fill=rgba(rgb("#f7f7f4"))
    )
    d.polygon(
        [
            (vx + vw * 0.25, vy - vh * 0.75),
            (vx + vw * 0.42, vy - vh * 0.62),
            (vx + vw * 0.5, vy - vh * 0.25),
            (vx + vw * 0.5, vy + 20),
            (vx + vw * 0.25, vy + 20),
        ],
        fill=rgba(rgb("#eeeeea")),
    )
    d.polygon(
        [
            (vx + vw * 0.28, vy - vh * 0.66),
            (vx + vw * 0.40, vy - vh * 0.56),
            (vx + vw * 0.45, vy - vh * 0.30),
            (vx + vw * 0.28, vy - vh * 0.30),
        ],
        fill=rgba(rgb("#6f8fae")),
    )
    d.rectangle(
        (vx - vw / 2 + 40, vy - vh * 0.55, vx + vw * 0.15, vy - vh * 0.40),
        fill=rgba(rgb("#2f5d9e")),
    )
    for wx in (vx - vw * 0.3, vx + vw * 0.32):
        d.ellipse((wx - 36, vy - 16, wx + 36, vy + 56), fill=rgba(rgb("#2b2b2b")))
        d.ellipse((wx - 14, vy + 6, wx + 14, vy + 34), fill=rgba(rgb("#b0b0b0")))
    return img


def scene_whiteboard(rnd: random.Random) -> Image.Image:
    """A whiteboard in a hot courtyard, full of ticks and arrows, and a melting plate."""
    img = vgradient((W, H), rgb("#f8dc8a"), rgb("#f4c57a")).convert("RGBA")
    glow(img, (int(W * 0.90), int(H * 0.08)), 700, rgb("#fff6d0"), 1.0)
    d = ImageDraw.Draw(img)
    # courtyard wall and paving
    d.rectangle((0, H * 0.22, W, H * 0.80), fill=rgba(rgb("#e3a872")))
    for row in range(8):
        y = H * 0.22 + row * 90
        off = 0 if row % 2 else 120
        for x in range(-240 + off, W, 240):
            d.rectangle((x + 4, y + 4, x + 236, y + 86), fill=rgba(rgb("#dc9d66")))
    d.rectangle((0, H * 0.80, W, H), fill=rgba(rgb("#cdb28e")))
    for x in range(0, W, 200):
        d.line([(x, H * 0.80), (x - 120, H)], fill=rgba(rgb("#bfa47f")), width=5)
    # heat shimmer
    for k in range(4):
        y = H * 0.08 + k * 50
        pts = [(W * 0.55 + i * 20, y + 12 * math.sin(i * 0.9 + k)) for i in range(40)]
        d.line(pts, fill=rgba((255, 255, 255), 90), width=6, joint="curve")
    # the whiteboard on its stand
    bx0, by0, bx1, by1 = W * 0.12, H * 0.12, W * 0.72, H * 0.70
    for lx in (bx0 + 80, bx1 - 80):
        d.line([(lx, by1), (lx - 40, H * 0.95)], fill=rgba(rgb("#8c8f93")), width=20)
    shadow(
        img, lambda dd, f: dd.rectangle((bx0 + 30, by0 + 36, bx1 + 30, by1 + 36), fill=f), 24, 90
    )
    d = ImageDraw.Draw(img)
    d.rectangle((bx0 - 18, by0 - 18, bx1 + 18, by1 + 18), fill=rgba(rgb("#b9bdc1")))
    d.rectangle((bx0, by0, bx1, by1), fill=rgba(rgb("#fbfbf8")))
    d.rectangle((bx0 + 60, by1 + 18, bx1 - 60, by1 + 40), fill=rgba(rgb("#9a9ea2")))
    col = (bx1 - bx0) / 3
    blue, black, red = rgba(rgb("#2b5fa8")), rgba(rgb("#2b2b33")), rgba(rgb("#d0392b"))
    for k in (1, 2):
        d.line([(bx0 + k * col, by0 + 40), (bx0 + k * col, by1 - 40)], fill=black, width=6)
    ticks = (9, 4, 12)
    for k in range(3):
        x = bx0 + k * col + 40
        scribble(d, x, by0 + 70, col - 120, rnd, black, 7, 6)
        d.line([(x, by0 + 110), (x + col - 100, by0 + 110)], fill=black, width=4)
        for t in range(ticks[k]):
            tx = x + 10 + (t % 4) * 90 + rnd.uniform(-8, 8)
            ty = by0 + 190 + (t // 4) * 90 + rnd.uniform(-8, 8)
            tick(d, tx, ty, 60, blue if (t + k) % 3 else black, 8)
    # comments and arrows
    for i in range(3):
        scribble(d, bx0 + 50, by0 + 520 + i * 50, rnd.uniform(200, 320), rnd, blue, 5, 5)
    ax, ay = bx0 + col * 1.1, by0 + 560
    d.line(
        bezier((ax, ay), (ax + 120, ay + 80), (ax + 300, ay + 60), (ax + 420, ay - 40)),
        fill=black,
        width=7,
    )
    d.line([(ax + 420, ay - 40), (ax + 370, ay - 36)], fill=black, width=7)
    d.line([(ax + 420, ay - 40), (ax + 410, ay + 8)], fill=black, width=7)
    # Amira's note, in red, in a box
    rx0, ry0 = bx0 + 2 * col + 30, by0 + 520
    d.rectangle((rx0, ry0, rx0 + col - 80, ry0 + 160), outline=red, width=8)
    for i in range(2):
        scribble(d, rx0 + 30, ry0 + 50 + i * 60, col - 160 - i * 60, rnd, red, 6, 6)
    # the melting plate
    mx, my = bx0 + col * 1.5, by0 + 380
    outline = [
        (mx + math.cos(a) * 120, my + math.sin(a) * 50)
        for a in [math.pi + math.pi * i / 20 for i in range(21)]
    ]
    drips = [
        (-120, 30),
        (-90, 60),
        (-60, 150),
        (-30, 70),
        (0, 90),
        (30, 190),
        (60, 70),
        (90, 110),
        (120, 30),
    ]
    outline += [(mx - x, my + y) for x, y in drips]
    d.line([*outline, outline[0]], fill=black, width=7, joint="curve")
    d.ellipse((mx - 55, my - 20, mx + 55, my + 20), outline=black, width=5)
    # a coffee machine table and a potted lemon tree
    d.rectangle((W * 0.78, H * 0.56, W * 0.96, H * 0.60), fill=rgba(rgb("#7a5a3e")))
    d.line([(W * 0.80, H * 0.60), (W * 0.80, H * 0.86)], fill=rgba(rgb("#7a5a3e")), width=16)
    d.line([(W * 0.94, H * 0.60), (W * 0.94, H * 0.86)], fill=rgba(rgb("#7a5a3e")), width=16)
    d.rounded_rectangle(
        (W * 0.81, H * 0.36, W * 0.92, H * 0.56), radius=16, fill=rgba(rgb("#3b3a40"))
    )
    d.rectangle((W * 0.835, H * 0.47, W * 0.895, H * 0.50), fill=rgba(rgb("#8c8f93")))
    side_cup(d, W * 0.865, H * 0.56, 60, 64, rgb("#f4efe4"))
    return img


def scene_shard(rnd: random.Random) -> Image.Image:
    """A shard with a vine border on a tea towel, the new plate, the letter."""
    img = Image.new("RGBA", (W, H), rgba(rgb("#8d6a4c")))
    d = ImageDraw.Draw(img)
    wood_grain(d, (0, 0, W, H), rgb("#77583e"), rnd, 16, 130)
    # tea towel, striped
    towel = Image.new("RGBA", (1120, 1000), rgba(rgb("#f1ebdd")))
    td = ImageDraw.Draw(towel)
    for y in (90, 130, 850, 890):
        td.rectangle((0, y, 1120, y + 22), fill=rgba(rgb("#b5453a")))
    for x in range(0, 1120, 40):
        td.rectangle((x, 0, x + 18, 1000), fill=rgba(rgb("#e9e2d2")))
    shadow(
        img,
        lambda dd, f: dd.rectangle(
            (W * 0.06 + 30, H * 0.14 + 30, W * 0.06 + 1150, H * 0.14 + 1030), fill=f
        ),
        20,
        80,
    )
    paste_rotated(img, towel, (W * 0.06 + 560, H * 0.14 + 500), -4)
    d = ImageDraw.Draw(img)
    # the shard: a wedge of the rim of an old plate, on the towel
    ocx, ocy, r = W * 0.29, H * 0.84, 820
    a0, a1 = math.radians(-122), math.radians(-62)
    outer = [
        (ocx + math.cos(a0 + (a1 - a0) * i / 30) * r, ocy + math.sin(a0 + (a1 - a0) * i / 30) * r)
        for i in range(31)
    ]
    inner = [
        (
            ocx + math.cos(a1 - (a1 - a0) * i / 6) * r * 0.55 + rnd.uniform(-40, 40),
            ocy + math.sin(a1 - (a1 - a0) * i / 6) * r * 0.55 + rnd.uniform(-40, 40),
        )
        for i in range(7)
    ]
    piece = outer + inner
    shadow(img, lambda dd, f: dd.polygon([(x + 20, y + 26) for x, y in piece], fill=f), 14, 120)
    d = ImageDraw.Draw(img)
    d.polygon(piece, fill=rgba(rgb("#f3ead3")))
    d.line(outer, fill=rgba(rgb("#c99a2e")), width=16)
    vine_border(d, ocx, ocy, r * 0.84, a0 + 0.02, a1 - 0.02, rnd)
    d.line([*piece, piece[0]], fill=rgba(rgb("#d9cdb2")), width=5)
    # the new plate
    px, py, pr = W * 0.72, H * 0.46, 560
    shadow(
        img,
        lambda dd, f: dd.ellipse((px - pr + 30, py - pr + 36, px + pr + 30, py + pr + 36), fill=f),
        26,
        120,
    )
    d = ImageDraw.Draw(img)
    d.ellipse((px - pr, py - pr, px + pr, py + pr), fill=rgba(rgb("#f4ecd8")))
    d.ellipse((px - pr, py - pr, px + pr, py + pr), outline=rgba(rgb("#c99a2e")), width=16)
    d.ellipse(
        (px - pr * 0.66, py - pr * 0.66, px + pr * 0.66, py + pr * 0.66),
        outline=rgba(rgb("#d9cdb2")),
        width=6,
    )
    vine_border(d, px, py, pr * 0.84, 0, 2 * math.pi, rnd)
    # the letter, folded
    lx, ly = W * 0.26, H * 0.85
    letter = Image.new("RGBA", (560, 420), rgba(rgb("#fbf7ee")))
    ld = ImageDraw.Draw(letter)
    ld.line([(0, 210), (560, 210)], fill=rgba(rgb("#e3dccd")), width=4)
    for i in range(7):
        scribble(
            ld,
            50,
            60 + i * 48 + (20 if i > 3 else 0),
            rnd.uniform(300, 440),
            rnd,
            rgba(rgb("#24406a")),
            4,
            5,
        )
    shadow(
        img, lambda dd, f: dd.rectangle((lx - 260, ly - 190, lx + 320, ly + 240), fill=f), 20, 90
    )
    paste_rotated(img, letter, (lx, ly), 8)
    # a matching test tile
    tx, ty = W * 0.10, H * 0.08
    d = ImageDraw.Draw(img)
    d.rectangle((tx + 14, ty + 16, tx + 234, ty + 236), fill=rgba(rgb("#5a4230"), 120))
    d.rectangle((tx, ty, tx + 220, ty + 220), fill=rgba(rgb("#efe6d2")))
    d.rectangle((tx + 20, ty + 20, tx + 200, ty + 150), fill=rgba(rgb("#7e9a3a")))
    d.rectangle((tx + 20, ty + 150, tx + 200, ty + 190), fill=rgba(rgb("#c99a2e")))
    return img


def scene_leftover_grey(rnd: random.Random) -> Image.Image:
    """Seen from above: blue, white and ochre leftovers swirling into grey; the grey mug."""
    img = Image.new("RGBA", (W, H), rgba(rgb("#a9aeb0")))
    d = ImageDraw.Draw(img)
    glow(img, (int(W * 0.5), int(H * 0.4)), 1100, rgb("#c4c8c9"), 0.8)
    d = ImageDraw.Draw(img)
    colours = [rgb("#2f5d9e"), rgb("#f2efe8"), rgb("#c98a2e")]
    # the three small buckets with what was left at the bottom
    for i, c in enumerate(colours):
        cx, cy, r = W * 0.10, H * 0.20 + i * H * 0.30, 150
        shadow(
            img,
            lambda dd, f, cx=cx, cy=cy, r=r: dd.ellipse(
                (cx - r + 20, cy - r + 26, cx + r + 20, cy + r + 26), fill=f
            ),
            16,
            90,
        )
        d = ImageDraw.Draw(img)
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=rgba(rgb("#e6e8e6")))
        d.ellipse(
            (cx - r * 0.86, cy - r * 0.86, cx + r * 0.86, cy + r * 0.86), fill=rgba(rgb("#cdd0ce"))
        )
        d.ellipse((cx - r * 0.6, cy - r * 0.6, cx + r * 0.6, cy + r * 0.6), fill=rgba(c))
    # the big bucket: the leftovers swirl together into grey
    bx, by, br = W * 0.44, H * 0.50, 560
    shadow(
        img,
        lambda dd, f: dd.ellipse((bx - br + 30, by - br + 40, bx + br + 30, by + br + 40), fill=f),
        30,
        110,
    )
    d = ImageDraw.Draw(img)
    d.ellipse((bx - br, by - br, bx + br, by + br), fill=rgba(rgb("#eceeec")))
    d.ellipse(
        (bx - br * 0.9, by - br * 0.9, bx + br * 0.9, by + br * 0.9), fill=rgba(rgb("#d3d6d4"))
    )
    liquid = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    ld = ImageDraw.Draw(liquid)
    lr = br * 0.84
    ld.ellipse((bx - lr, by - lr, bx + lr, by + lr), fill=rgba(rgb("#9d9a96")))
    for i, c in enumerate(colours):
        pts = []
        for k in range(120):
            t = k / 119
            a = i * 2 * math.pi / 3 + t * 3.2 * math.pi
            rr = lr * (0.96 - 0.9 * t)
            pts.append((bx + math.cos(a) * rr, by + math.sin(a) * rr))
        for k in range(len(pts) - 1):
            w = 60 * (1 - k / len(pts)) + 6
            t = 0.25 + 0.75 * k / len(pts)
            ld.line([pts[k], pts[k + 1]], fill=rgba(mix(c, rgb("#9d9a96"), t)), width=int(w))
    liquid = liquid.filter(ImageFilter.GaussianBlur(16))
    mask = Image.new("L", (W, H), 0)
    ImageDraw.Draw(mask).ellipse((bx - lr, by - lr, bx + lr, by + lr), fill=255)
    img.paste(liquid, (0, 0), Image.composite(liquid.getchannel("A"), mask, mask))
    d = ImageDraw.Draw(img)
    d.arc((bx - lr, by - lr, bx + lr, by + lr), 200, 300, fill=rgba((255, 255, 255), 120), width=10)
    # a wooden stirring stick across the bucket
    d.line(
        [(bx - br * 0.6, by + br * 1.05), (bx + br * 0.7, by - br * 0.9)],
        fill=rgba(rgb("#c9a86b")),
        width=40,
    )
    # the mug of Grigio Avanzi from above, with its batch label
    mx, my, mr = W * 0.81, H * 0.42, 270
    glow(img, (int(mx), int(my)), 520, rgb("#f4f1ea"), 0.5)
    shadow(
        img,
        lambda dd, f: dd.ellipse((mx - mr + 20, my - mr + 26, mx + mr + 20, my + mr + 26), fill=f),
        18,
        100,
    )
    d = ImageDraw.Draw(img)
    grey = rgb("#a39e98")
    d.line(
        [(mx + mr * 0.8, my + mr * 0.5), (mx + mr * 1.35, my + mr * 0.85)],
        fill=rgba(darker(grey, 0.08)),
        width=64,
    )
    d.ellipse((mx - mr, my - mr, mx + mr, my + mr), fill=rgba(grey))
    d.ellipse(
        (mx - mr * 0.84, my - mr * 0.84, mx + mr * 0.84, my + mr * 0.84),
        fill=rgba(lighter(grey, 0.12)),
    )
    for _ in range(90):
        a, rr = rnd.uniform(0, 2 * math.pi), mr * math.sqrt(rnd.random()) * 0.97
        x, y = mx + math.cos(a) * rr, my + math.sin(a) * rr
        r = rnd.uniform(3, 9)
        d.ellipse(
            (x - r, y - r, x + r, y + r),
            fill=rgba(rgb(rnd.choice(["#2f5d9e", "#4a6f9e", "#6e7f96"]))),
        )
    lx, ly = mx - 170, my + mr + 120
    d.line([(mx - 40, my + mr - 10), (lx + 120, ly)], fill=rgba(rgb("#6a5a4a")), width=4)
    d.rectangle((lx, ly, lx + 260, ly + 140), fill=rgba(rgb("#fbf7ee")))
    scribble(d, lx + 30, ly + 50, 200, rnd, rgba(rgb("#4a4a52")), 5, 5)
    scribble(d, lx + 30, ly + 96, 110, rnd, rgba(rgb("#2f5d9e")), 5, 5)
    return img


def scene_seconds(rnd: random.Random) -> Image.Image:
    """Trestle tables in the courtyard, imperfect pieces, each with a label saying why."""
    img = vgradient((W, H), rgb("#cfdde6"), rgb("#eef0ea")).convert("RGBA")
    d = ImageDraw.Draw(img)
    # the old stable, with its arch
    d.rectangle((0, H * 0.12, W, H * 0.70), fill=rgba(rgb("#e8dcc6")))
    d.polygon([(-40, H * 0.14), (W / 2, H * 0.02), (W + 40, H * 0.14)], fill=rgba(rgb("#a55a3a")))
    d.rectangle((W * 0.38, H * 0.30, W * 0.62, H * 0.70), fill=rgba(rgb("#6e5440")))
    d.pieslice((W * 0.38, H * 0.20, W * 0.62, H * 0.40), 180, 360, fill=rgba(rgb("#6e5440")))
    # December string lights
    pts = bezier((0, H * 0.22), (W * 0.3, H * 0.34), (W * 0.7, H * 0.34), (W, H * 0.22), 30)
    d.line(pts, fill=rgba(rgb("#5a5048")), width=4)
    for x, y in pts[1:-1:2]:
        glow(img, (int(x), int(y + 18)), 40, rgb("#ffd98a"), 0.8)
        d = ImageDraw.Draw(img)
        d.ellipse((x - 9, y + 9, x + 9, y + 27), fill=rgba(rgb("#ffe9a8")))
    d.rectangle((0, H * 0.70, W, H), fill=rgba(rgb("#b3a690")))
    for x in range(0, W, 110):
        for y in range(int(H * 0.72), H, 60):
            d.ellipse(
                (x + (y // 60 % 2) * 55, y, x + 96 + (y // 60 % 2) * 55, y + 46),
                fill=rgba(rgb("#a7997f")),
            )
    palette = [
        "#3f6fb5",
        "#f4efe4",
        "#2f7f8a",
        "#4f8a4b",
        "#b5562d",
        "#e0b34f",
        "#24406a",
        "#a39e98",
    ]
    for t, (tx0, tx1) in enumerate(((W * 0.03, W * 0.47), (W * 0.53, W * 0.97))):
        ty = H * 0.66
        for lx in (tx0 + 70, tx1 - 70):
            d.line([(lx - 70, H * 0.94), (lx + 70, ty)], fill=rgba(rgb("#7a5a3e")), width=18)
            d.line([(lx + 70, H * 0.94), (lx - 70, ty)], fill=rgba(rgb("#7a5a3e")), width=18)
        d.rectangle((tx0, ty - 10, tx1, ty + 30), fill=rgba(rgb("#b88a5c")))
        x = tx0 + 80
        k = 0
        while x < tx1 - 120:
            c = rgb(palette[(k * 3 + t * 5) % len(palette)])
            kind = (k + t) % 4
            if kind == 0:  # a bowl
                w = 200
                d.chord((x, ty - 140, x + w, ty + 10), 0, 180, fill=rgba(c))
                d.ellipse((x, ty - 100, x + w, ty - 50), fill=rgba(darker(c, 0.15)))
            elif kind == 1:  # a mug, its handle a little crooked
                w = 130
                side_cup(d, x + w / 2, ty - 10, w, 150, c)
            elif kind == 2:  # a plate standing on its edge
                w = 230
                d.ellipse((x, ty - 240, x + w, ty - 10), fill=rgba(c))
                d.ellipse((x + 40, ty - 200, x + w - 40, ty - 50), fill=rgba(lighter(c, 0.2)))
            else:  # a small vase with a drip
                w = 120
                d.rounded_rectangle((x, ty - 230, x + w, ty - 10), radius=50, fill=rgba(c))
                d.rectangle((x + 35, ty - 270, x + w - 35, ty - 220), fill=rgba(c))
                d.line(
                    [(x + 80, ty - 210), (x + 80, ty - 120)], fill=rgba(darker(c, 0.3)), width=12
                )
                d.ellipse((x + 70, ty - 130, x + 90, ty - 106), fill=rgba(darker(c, 0.3)))
            # the paper label, tied on with string
            lx = x + w / 2 - 40 + rnd.uniform(-20, 20)
            d.line([(x + w / 2, ty - 40), (lx + 40, ty + 60)], fill=rgba(rgb("#6a5a4a")), width=3)
            d.rectangle((lx, ty + 60, lx + 90, ty + 120), fill=rgba(rgb("#fbf7ee")))
            d.line([(lx + 14, ty + 84), (lx + 70, ty + 84)], fill=rgba(rgb("#5a5a62")), width=4)
            d.line([(lx + 14, ty + 100), (lx + 54, ty + 100)], fill=rgba(rgb("#5a5a62")), width=4)
            x += w + 50
            k += 1
    return img


def scene_wrong_green(rnd: random.Random) -> Image.Image:
    """Two sage-green plates by the window: one is a shade too yellow."""
    img = Image.new("RGBA", (W, H), rgba(rgb("#d6c3a4")))
    d = ImageDraw.Draw(img)
    wood_grain(d, (0, 0, W, H), rgb("#c2ab88"), rnd, 20, 120)
    # daylight from the window falling across the table
    soft_layer(
        img,
        lambda dd: dd.polygon(
            [(0, 0), (W * 0.34, 0), (W * 0.98, H), (W * 0.40, H)], fill=(255, 252, 236, 90)
        ),
        blur=50,
    )
    # window frame shadows (muntins)
    soft_layer(
        img,
        lambda dd: [
            dd.line(
                [(W * (0.12 + k * 0.10), 0), (W * (0.56 + k * 0.10), H)],
                fill=(120, 100, 70, 40),
                width=24,
            )
            for k in range(2)
        ],
        blur=10,
    )
    d = ImageDraw.Draw(img)
    # the open box of plates, at the left edge, wrapped in paper
    bx0, by0, bx1, by1 = -60, H * 0.16, W * 0.25, H * 0.84
    d.rectangle((bx0, by0, bx1 + 120, by1), fill=rgba(rgb("#d2a874")))
    d.rectangle((bx0, by0, bx1, by1), fill=rgba(rgb("#b88a58")))
    d.rectangle((bx0 + 30, by0 + 30, bx1 - 30, by1 - 30), fill=rgba(rgb("#8f6840")))
    pcx, pcy, pr = (bx0 + bx1) / 2, (by0 + by1) / 2, 250
    d.ellipse((pcx - pr, pcy - pr, pcx + pr, pcy + pr), fill=rgba(rgb("#9ea35c")))
    d.ellipse(
        (pcx - pr * 0.9, pcy - pr * 0.9, pcx + pr * 0.9, pcy + pr * 0.9), fill=rgba(rgb("#b3b66f"))
    )
    d.polygon(
        [(bx0 + 30, by0 + 30), (bx0 + 260, by0 + 30), (bx0 + 30, by0 + 300)],
        fill=rgba(rgb("#efe7d7")),
    )
    d.polygon(
        [(bx1 - 30, by1 - 30), (bx1 - 280, by1 - 30), (bx1 - 30, by1 - 260)],
        fill=rgba(rgb("#e6dccb")),
    )
    # the two plates side by side: the wrong green and the right one
    for px, body, rim in (
        (W * 0.47, rgb("#b3b66f"), rgb("#9ea35c")),
        (W * 0.78, rgb("#9db38c"), rgb("#869e76")),
    ):
        r = 330
        py = H * 0.48
        shadow(
            img,
            lambda dd, f, px=px, py=py, r=r: dd.ellipse(
                (px - r + 26, py - r + 32, px + r + 26, py + r + 32), fill=f
            ),
            22,
            110,
        )
        d = ImageDraw.Draw(img)
        d.ellipse((px - r, py - r, px + r, py + r), fill=rgba(rim))
        d.ellipse((px - r * 0.9, py - r * 0.9, px + r * 0.9, py + r * 0.9), fill=rgba(body))
        d.ellipse(
            (px - r * 0.6, py - r * 0.6, px + r * 0.6, py + r * 0.6),
            outline=rgba(darker(body, 0.06)),
            width=8,
        )
        d.arc(
            (px - r * 0.8, py - r * 0.8, px + r * 0.8, py + r * 0.8),
            200,
            260,
            fill=rgba((255, 255, 255, 120)),
            width=14,
        )
    # the reference tile that now goes through the kiln with every order
    tx, ty = W * 0.56, H * 0.80
    d.rectangle((tx + 12, ty + 14, tx + 232, ty + 174), fill=rgba(rgb("#6e5a3e"), 110))
    d.rectangle((tx, ty, tx + 220, ty + 160), fill=rgba(rgb("#efe6d2")))
    d.rectangle((tx + 16, ty + 16, tx + 204, ty + 110), fill=rgba(rgb("#9db38c")))
    # Federica's phone, face up
    fx, fy = W * 0.88, H * 0.80
    d.rounded_rectangle((fx, fy, fx + 150, fy + 280), radius=24, fill=rgba(rgb("#2b2b33")))
    d.rounded_rectangle(
        (fx + 12, fy + 22, fx + 138, fy + 258), radius=10, fill=rgba(rgb("#5a8a7a"))
    )
    return img


def scene_sketchbook(rnd: random.Random) -> Image.Image:
    """The same cup drawn twice: as imagined, and as it came out of the kiln."""
    img = Image.new("RGBA", (W, H), rgba(rgb("#3d3430")))
    d = ImageDraw.Draw(img)
    wood_grain(d, (0, 0, W, H), rgb("#4a3f3a"), rnd, 24, 160)
    # the row of black sketchbooks, spines up, at the top
    x = -20
    while x < W:
        w = rnd.randint(70, 100)
        c = rnd.choice(["#1e1e22", "#26262b", "#2d2c31"])
        d.rectangle((x, 0, x + w, H * 0.16), fill=rgba(rgb(c)))
        d.rectangle((x + 14, H * 0.10, x + w - 14, H * 0.12), fill=rgba(rgb("#d8d2c4"), 140))
        x += w + 6
    d.rectangle((0, H * 0.16, W, H * 0.18), fill=rgba(rgb("#2a221f")))
    # the open sketchbook
    sx0, sy0, sx1, sy1 = W * 0.10, H * 0.24, W * 0.90, H * 0.94
    shadow(
        img, lambda dd, f: dd.rectangle((sx0 + 30, sy0 + 40, sx1 + 30, sy1 + 40), fill=f), 30, 140
    )
    d = ImageDraw.Draw(img)
    d.rectangle((sx0 - 16, sy0 - 16, sx1 + 16, sy1 + 16), fill=rgba(rgb("#1e1e22")))
    mid = (sx0 + sx1) / 2
    left = dgradient((int(mid - sx0), int(sy1 - sy0)), rgb("#f6f1e4"), rgb("#e6dfcc"), 0).convert(
        "RGBA"
    )
    right = dgradient((int(sx1 - mid), int(sy1 - sy0)), rgb("#e6dfcc"), rgb("#f6f1e4"), 0).convert(
        "RGBA"
    )
    img.alpha_composite(left, (int(sx0), int(sy0)))
    img.alpha_composite(right, (int(mid), int(sy0)))
    d = ImageDraw.Draw(img)
    graphite = rgba(rgb("#4a4a52"), 230)

    def cup(cx: float, base: float, w: float, h: float, slump: float) -> None:
        top = base - h
        d.line([(cx - w / 2, top), (cx - w / 2 * 0.9, base)], fill=graphite, width=7)
        d.line([(cx + w / 2, top), (cx + w / 2 * 0.9, base)], fill=graphite, width=7)
        d.ellipse((cx - w / 2, top - 30, cx + w / 2, top + 30), outline=graphite, width=7)
        d.arc(
            (cx - w / 2 * 0.9, base - 30, cx + w / 2 * 0.9, base + 30),
            0,
            180,
            fill=graphite,
            width=7,
        )
        hx = cx + w / 2
        d.line(
            bezier(
                (hx - 4, top + h * 0.2),
                (hx + 170 - slump * 0.4, top + h * 0.1 + slump * 0.6),
                (hx + 160 - slump * 0.3, top + h * 0.75 + slump),
                (hx - 8, top + h * 0.75),
            ),
            fill=graphite,
            width=7,
            joint="curve",
        )
        for k in range(5):
            y = top + 60 + k * 40
            d.line(
                [(cx - w / 2 + 30, y + 10), (cx - w / 2 + 70, y - 20)],
                fill=rgba(rgb("#4a4a52"), 110),
                width=4,
            )

    base = sy1 - 200
    cup(sx0 + (mid - sx0) * 0.45, base, 300, 440, 0)
    cup(mid + (sx1 - mid) * 0.45, base, 330, 388, 170)
    # pencil notes under the second drawing, glaze numbers in the margin
    for i in range(2):
        scribble(d, mid + 120, base + 80 + i * 46, 360 - i * 120, rnd, graphite, 4, 5)
    for i in range(3):
        scribble(d, sx1 - 170, sy0 + 90 + i * 50, 110, rnd, rgba(rgb("#2f5d9e")), 4, 4)
    # the gutter shadow
    soft_layer(
        img, lambda dd: dd.rectangle((mid - 30, sy0, mid + 30, sy1), fill=(80, 60, 40, 80)), blur=16
    )
    d = ImageDraw.Draw(img)
    d.line([(mid, sy0), (mid, sy1)], fill=rgba(rgb("#b9b09c")), width=4)
    # a pencil lying across the corner
    d.line([(W * 0.80, H * 0.99), (W * 0.97, H * 0.62)], fill=rgba(rgb("#2b2b33")), width=28)
    d.polygon(
        [(W * 0.97 - 12, H * 0.62 - 6), (W * 0.985, H * 0.575), (W * 0.97 + 14, H * 0.62 + 6)],
        fill=rgba(rgb("#e8c9a0")),
    )
    return img


# story folder / image file -> (scene, seed)
STORY_IMAGES: dict[str, tuple[Callable[[random.Random], Image.Image], int]] = {
    "stories/2023-02-14-the-kiln-log/kiln-log.jpg": (scene_kiln_log, 101),
    "stories/2023-05-22-dopo-l-alluvione/alluvione.jpg": (scene_flood, 102),
    "stories/2023-09-18-lucias-brushes/brushes.jpg": (scene_brushes, 103),
    "stories/2024-01-25-l-ultimo-forno/forno-notte.jpg": (scene_night_kiln, 104),
    "stories/2024-05-06-thirty-kids-one-wheel/school-visit.jpg": (scene_school, 105),
    "stories/2024-09-12-packing-without-plastic/packing.jpg": (scene_packing, 106),
    "stories/2025-02-17-plates-for-a-kitchen/kitchen-plates.jpg": (scene_kitchen, 107),
    "stories/2025-04-22-design-week/design-week.jpg": (scene_design_week, 108),
    "stories/2025-06-09-matteo-teaches/wheel.jpg": (scene_wheels, 109),
    "stories/2025-10-13-the-repair-counter/repair.jpg": (scene_repair, 110),
    "stories/2026-03-16-goodbye-kiln-two/kiln-two.jpg": (scene_kiln_two, 111),
    "stories/2026-09-14-autumn-glazes/autumn.jpg": (scene_autumn, 112),
    "stories/2023-04-03-first-plate-that-did-not-crack/tally.jpg": (scene_tally, 113),
    "stories/2023-07-10-a-blue-that-took-eleven-months/river-blue.jpg": (scene_river_blue, 114),
    "stories/2023-10-30-the-wrong-green/greens.jpg": (scene_wrong_green, 115),
    "stories/2023-12-12-the-seconds-shelf/seconds.jpg": (scene_seconds, 116),
    "stories/2024-03-08-elenas-first-signature/signature.jpg": (scene_signature, 117),
    "stories/2024-06-20-nothing-leaves-the-floor/pug-mill.jpg": (scene_pug_mill, 118),
    "stories/2024-07-29-summer-hours/whiteboard.jpg": (scene_whiteboard, 119),
    "stories/2024-10-21-the-customer-who-sent-a-shard/shard.jpg": (scene_shard, 120),
    "stories/2024-11-14-tommaso-draws-everything-twice/sketchbook.jpg": (scene_sketchbook, 121),
    "stories/2025-05-19-the-grey-nobody-ordered/grigio.jpg": (scene_leftover_grey, 122),
    "stories/2025-09-04-paolos-tuesday-route/route.jpg": (scene_route, 123),
    "stories/2025-11-24-faenza-vista-da-chi-ce-arrivata-dopo/portici.jpg": (scene_portici, 124),
    "stories/2026-01-19-cups-for-the-hospice/hospice-cups.jpg": (scene_hospice_cups, 125),
    # Three flat stories (stories/<slug>.md) keep their image in stories/images/.
    "stories/images/open-books.jpg": (scene_open_books, 126),
    "stories/images/non-lo-so-ma-lo-chiedo.jpg": (scene_phone_promise, 127),
    "stories/images/davides-list-of-noes.jpg": (scene_list_of_noes, 128),
}


def targets() -> list[tuple[Path, Callable[[], None]]]:
    jobs: list[tuple[Path, Callable[[], None]]] = []
    for i, (pid, spec) in enumerate(sorted(PEOPLE.items())):
        path = ROOT / "people" / "photos" / f"{pid}.jpg"
        jobs.append(
            (
                path,
                lambda p=path, pid=pid, spec=spec, s=1000 + i: save_jpeg(
                    draw_portrait(pid, spec, s), p, (PORTRAIT_SIZE, PORTRAIT_SIZE), PORTRAIT_QUALITY
                ),
            )
        )
    for rel, (scene, seed) in STORY_IMAGES.items():
        path = ROOT / rel
        jobs.append(
            (
                path,
                lambda p=path, scene=scene, seed=seed: save_jpeg(
                    scene(random.Random(seed)), p, STORY_SIZE, STORY_QUALITY
                ),
            )
        )
    return jobs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only list images that are missing")
    args = parser.parse_args(argv)
    missing = 0
    for path, make in targets():
        rel = path.relative_to(ROOT)
        if args.check:
            if not path.is_file():
                print(f"missing: {rel}")
                missing += 1
            continue
        make()
        print(f"{rel}  {path.stat().st_size // 1024} KB")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
