"""The portraits in people/photos/: one per person, drawn from a few traits."""

from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw, ImageFont

from examples.images.canvas import (
    FONT_BOLD,
    PORTRAIT_SIZE,
    SS,
    darker,
    dgradient,
    lighter,
    rgb,
    rgba,
    soft_layer,
)

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
