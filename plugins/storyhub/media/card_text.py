"""Text on share images: fonts, word wrap, fitting a title, and the JPEG encoding."""

from __future__ import annotations

from functools import lru_cache
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

#: Characters of a title a card can ever show (5 lines of large type); the rest is cut.
MAX_TITLE = 300
MAX_BYTES = 300_000  # WhatsApp previews want JPEG ≤ 300 KB


@lru_cache(maxsize=32)
def font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size)


def wrap(draw: ImageDraw.ImageDraw, text: str, face: ImageFont.FreeTypeFont,
         width: int) -> list[str]:
    """Greedy word wrap; a word longer than the line is split by characters."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if draw.textlength(trial, font=face) <= width:
            line = trial
            continue
        if line:
            lines.append(line)
        while draw.textlength(word, font=face) > width and len(word) > 1:
            low, high = 1, len(word)  # the longest prefix that fits, by bisection
            while low < high:
                middle = (low + high + 1) // 2
                if draw.textlength(word[:middle], font=face) <= width:
                    low = middle
                else:
                    high = middle - 1
            lines.append(word[:low])
            word = word[low:]
        line = word
    if line:
        lines.append(line)
    return lines


def fit_title(draw: ImageDraw.ImageDraw, title: str, font_path: str, sizes: tuple[int, ...],
              max_lines: int, width: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest of ``sizes`` at which ``title`` fits in ``max_lines`` lines of
    ``width``; at the smallest, the lines that fit with an ellipsis."""
    # No card shows more than a few hundred characters: longer titles are cut before
    # wrapping, so drawing costs the same for any title.
    title = title if len(title) <= MAX_TITLE else title[:MAX_TITLE] + "…"
    face = font(font_path, sizes[-1])
    lines: list[str] = []
    for size in sizes:
        face = font(font_path, size)
        lines = wrap(draw, title, face, width)
        if len(lines) <= max_lines:
            return face, lines
    lines = lines[:max_lines]
    last = lines[-1]
    while last and draw.textlength(last + "…", font=face) > width:
        last = last[:-1].rstrip()
    lines[-1] = last.rstrip("…") + "…"
    return face, lines


def shorten(draw: ImageDraw.ImageDraw, text: str, face: ImageFont.FreeTypeFont,
            width: int) -> str:
    """``text`` cut with an ellipsis until it fits in ``width``."""
    while text and draw.textlength(text, font=face) > width:
        text = text[:-2] + "…"
    return text


def encode_jpeg(image: Image.Image, quality: int) -> bytes:
    """Baseline JPEG without metadata, lowering the quality until it is under
    :data:`MAX_BYTES` (at worst quality 40). Without Huffman optimisation: it made a drawn
    card about 15 % smaller but took 60 % of its encoding time, and share images are
    fetched by the networks' crawlers once, not by readers."""
    while True:
        out = BytesIO()
        image.save(out, "JPEG", quality=quality, optimize=False, progressive=False,
                   subsampling="4:2:0")
        data = out.getvalue()
        if len(data) < MAX_BYTES or quality <= 40:
            return data
        quality -= 10
