"""Story scenes: kilns, floods, brushes, school visits, packing and more."""

from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw, ImageFont

from examples.images.canvas import (
    FONT_BOLD,
    RGB,
    SS,
    STORY_SIZE,
    darker,
    glow,
    lighter,
    mix,
    rgb,
    rgba,
    soft_layer,
    vgradient,
    wave_points,
)

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
