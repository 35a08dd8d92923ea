"""Share images drawn per CPU-second: cards over a story photo against drawn cards.

    python bench/card_rate.py                 # 40 stories (80 cards) of each kind
    python bench/card_rate.py --stories 100 --photo-size 2400x1600

Each story gets both formats (Open Graph 1200×630 and Instagram 1080×1350), drawn in this
one process, one after the other, as a worker process draws a batch; CPU time is the
process's user+sys time (``time.process_time``). Photos are synthetic (gradients, shapes
and grain, the same every run), re-encoded once beforehand as a build's check step does,
so the figure is the drawing: decoding, cropping, the scrim, the words and the JPEG.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter
from storyhub.media.cards import DEFAULT_FONT, DEFAULT_FONT_BOLD, LAYOUTS, CardSpec, draw
from storyhub.media.images import clean_image_bytes

TITLES = ["The first oven", "Why the kiln never sleeps, not even in August",
          "A blue that took eleven months", "Thirty kids, one wheel and a very patient teacher"]


def synthetic_photo(path: Path, size: tuple[int, int], seed: int) -> None:
    rng = random.Random(seed)
    width, height = size
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    tint = Image.new("RGB", size, (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    image = Image.blend(image, tint, 0.6)
    canvas = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(width), rng.randrange(height)
        r = rng.randrange(40, width // 4)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        canvas.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    image = image.filter(ImageFilter.GaussianBlur(3))
    grain = Image.effect_noise(size, 12).convert("RGB")
    Image.blend(image, grain, 0.08).save(path, "JPEG", quality=90)


def specs(stories: int, photos: list[Path] | None, cache: Path) -> list[CardSpec]:
    out = []
    for index in range(stories):
        for kind in LAYOUTS:
            photo = photos[index % len(photos)] if photos else None
            out.append(CardSpec(
                kind=kind, title=f"{TITLES[index % len(TITLES)]} #{index}",
                names="Giulia Ferri & Marco Bianchi", detail="", values="Craft · Care",
                company="Ceramiche Vento", background="#b5651d", text_color="#ffffff",
                accent="#1b1b1b", quality=85, font=str(DEFAULT_FONT),
                font_bold=str(DEFAULT_FONT_BOLD), photo=None, logo=None,
                label="Story · 14 March 2025", backdrop=str(photo) if photo else None,
                backdrop_digest=f"{photo}-{index}" if photo else "",  # one decode per story
                images_cache=str(cache) if photo else None))
    return out


def rate(batch: list[CardSpec]) -> tuple[float, float]:
    started = time.process_time()
    for spec in batch:
        draw(spec)
    seconds = time.process_time() - started
    return len(batch) / seconds, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, default=40)
    parser.add_argument("--photo-size", default="2400x1600")
    args = parser.parse_args()
    size = tuple(int(v) for v in args.photo_size.split("x"))
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        cache = root / "images"
        photos = []
        for seed in range(8):
            path = root / f"photo-{seed}.jpg"
            synthetic_photo(path, size, seed)  # type: ignore[arg-type]
            clean_image_bytes(path, "story-image", cache=cache)  # as the check step does
            photos.append(path)
        draw(specs(1, None, cache)[0])  # fonts loaded before timing
        for label, batch in (("drawn", specs(args.stories, None, cache)),
                             ("photo", specs(args.stories, photos, cache))):
            per_second, seconds = rate(batch)
            print(f"{label:5} cards: {len(batch)} in {seconds:.2f} CPU-s = "
                  f"{per_second:.1f} cards per CPU-second ({1000 / per_second:.1f} ms per card)")


if __name__ == "__main__":
    main()
