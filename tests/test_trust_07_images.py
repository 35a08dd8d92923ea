"""Class 7: images are checked at `check` time as the build will use them (decoded and
re-encoded), and unusual pixel formats convert correctly."""

from __future__ import annotations

import io

import pytest
from conftest import Hub, image_bytes, person_text, story_text
from PIL import Image
from storyhub.media.images import reencode
from trust import diagnostics

IMG = "image: pic.{ext}\nimage_alt: A picture\n"


def truncated_jpeg() -> bytes:
    out = io.BytesIO()
    Image.effect_noise((400, 300), 64).convert("RGB").save(out, "JPEG", quality=90)
    data = out.getvalue()
    return data[: len(data) // 2]


def truncated_png() -> bytes:
    out = io.BytesIO()
    Image.effect_noise((400, 300), 64).convert("RGB").save(out, "PNG")
    data = out.getvalue()
    return data[: len(data) // 2]


def test_truncated_jpeg_fails_check_at_the_image_line(hub: Hub) -> None:
    hub.write("stories/a/index.md", story_text("A", extra=IMG.format(ext="jpg")))
    hub.write("stories/a/pic.jpg", truncated_jpeg())
    [error] = diagnostics(hub)
    assert error.startswith(
        "stories/a/index.md:7:8: 'image': pic.jpg: the file starts like a JPEG image but "
        "cannot be read (image file is truncated")
    assert error.endswith("): open it in an image editor and save it again")
    result = hub.storyhub("check")
    assert result.returncode == 1 and "stories/a/index.md:7:8: 'image'" in result.stdout


def test_truncated_png_photo_fails_check_at_the_photo_line(hub: Hub) -> None:
    hub.write("people/giulia.md", person_text("Giulia Ferri", extra="photo: g.png\n"))
    hub.write("people/g.png", truncated_png())
    [error] = diagnostics(hub)
    assert error.startswith("people/giulia.md:5:8: 'photo': g.png: the file starts like a PNG "
                            "image but cannot be read (")


def test_truncated_jpeg_beside_a_story(hub: Hub) -> None:
    hub.write("stories/a/index.md", story_text("A"))
    hub.write("stories/a/more.jpg", truncated_jpeg())
    [error] = diagnostics(hub)
    assert error.startswith("stories/a/more.jpg:1:1: the file starts like a JPEG image but "
                            "cannot be read (image file is truncated")


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_16_bit_grey_keeps_its_tone() -> None:
    out = io.BytesIO()
    Image.new("I;16", (20, 10), 32768).save(out, "PNG")
    for target in ("PNG", "JPEG", "WEBP"):
        image = decoded(reencode(out.getvalue(), target, 100)).convert("L")
        assert abs(image.getpixel((5, 5)) - 128) <= 2, target


def test_palette_with_transparency() -> None:
    paletted = Image.new("P", (20, 10), 0)
    paletted.putpalette([0, 0, 0, 200, 30, 30] + [0] * 762)
    paletted.paste(1, (0, 0, 10, 10))
    out = io.BytesIO()
    paletted.save(out, "PNG", transparency=0)
    png = decoded(reencode(out.getvalue(), "PNG", 100))
    assert png.mode == "RGBA" and png.getpixel((15, 5))[3] == 0
    assert png.getpixel((5, 5)) == (200, 30, 30, 255)
    jpeg = decoded(reencode(out.getvalue(), "JPEG", 100)).convert("RGB")
    assert all(c >= 245 for c in jpeg.getpixel((15, 5)))  # transparent -> white, not black
    red = jpeg.getpixel((3, 5))
    assert red[0] > 170 and red[1] < 70


def test_cmyk_jpeg_converts_to_rgb() -> None:
    out = io.BytesIO()
    Image.new("RGB", (20, 10), (20, 80, 200)).convert("CMYK").save(out, "JPEG", quality=95)
    for target in ("JPEG", "PNG", "WEBP"):
        image = decoded(reencode(out.getvalue(), target, 100))
        assert image.mode in ("RGB", "RGBA")
        r, g, b = image.convert("RGB").getpixel((5, 5))
        assert abs(r - 20) < 25 and abs(g - 80) < 25 and abs(b - 200) < 25, (target, r, g, b)


@pytest.mark.parametrize("mode, color", [("RGBA", (10, 120, 10, 0)), ("LA", (50, 0))])
def test_alpha_is_kept_in_png_and_webp_and_flattened_on_white_in_jpeg(
    mode: str, color: tuple[int, ...]
) -> None:
    out = io.BytesIO()
    Image.new(mode, (20, 10), color).save(out, "PNG")
    for target in ("PNG", "WEBP"):
        image = decoded(reencode(out.getvalue(), target, 100))
        assert "A" in image.getbands() and image.getpixel((5, 5))[-1] == 0, target
    jpeg = decoded(reencode(out.getvalue(), "JPEG", 100)).convert("RGB")
    assert all(c >= 245 for c in jpeg.getpixel((5, 5)))


def test_bilevel_png() -> None:
    out = io.BytesIO()
    Image.new("1", (16, 8), 1).save(out, "PNG")
    image = decoded(reencode(out.getvalue(), "JPEG", 100)).convert("L")
    assert image.getpixel((4, 4)) >= 245


def test_the_build_reuses_what_check_decoded(hub: Hub) -> None:
    hub.write("stories/a/index.md", story_text("A", extra=IMG.format(ext="png")))
    hub.write("stories/a/pic.png", image_bytes("PNG"))
    assert diagnostics(hub) == []
    cached = list((hub.root / ".cache/storyhub/images").glob("*.png"))
    assert len(cached) == 1
    assert (hub.build() / "stories/a/pic.png").read_bytes() == cached[0].read_bytes()
