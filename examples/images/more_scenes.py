"""More story scenes: river blue, hospice cups, noes, signatures, portici, tallies, pug mill."""

from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw, ImageFilter

from examples.images.canvas import (
    darker,
    dgradient,
    glow,
    lighter,
    rgb,
    rgba,
    soft_layer,
    vgradient,
    wave_points,
)
from examples.images.pieces import (
    bezier,
    paste_rotated,
    scribble,
    shadow,
    side_cup,
    small_motif,
    tick,
    wood_grain,
)
from examples.images.scenes import H, W, flower

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
