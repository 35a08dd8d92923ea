"""The last story scenes: open books, routes, whiteboards, shards, greys, sketchbooks."""

from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw, ImageFilter

from examples.images.canvas import (
    darker,
    dgradient,
    glow,
    lighter,
    mix,
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
    tick,
    top_cup,
    vine_border,
    wood_grain,
)
from examples.images.scenes import H, W

# --------------------------------------------------- more story scenes: the scenes


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
