"""Photos lose their metadata, builds are reproducible, fonts stay local, names are NFC."""

from __future__ import annotations

import hashlib
import io
import unicodedata
from pathlib import Path

import pytest
from conftest import Hub, image_bytes, person_text, read, story_text
from PIL import Image


def gps_jpeg(size: tuple[int, int] = (64, 48), orientation: int = 6) -> bytes:
    """A JPEG with GPS coordinates, camera data, a comment, XMP and an orientation tag."""
    image = Image.new("RGB", size, "red")
    image.paste((0, 0, 255), (0, 0, size[0] // 2, size[1]))
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (44.0, 17.0, 1.5), 3: "E", 4: (11.0, 53.0, 2.5)})
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, comment=b"shot at home",
               xmp=b"<x:xmpmeta>secret-xmp</x:xmpmeta>")
    return out.getvalue()


def jpeg_segments(data: bytes) -> list[int]:
    """The marker bytes of a JPEG's header segments (APPn = 0xE0-0xEF, COM = 0xFE)."""
    markers, pos = [], 2
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker == 0xDA:  # start of scan: pixel data follows
            break
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        markers.append(marker)
        pos += 2 + length
    return markers


def test_published_photo_has_no_metadata_and_original_is_untouched(hub: Hub) -> None:
    original = gps_jpeg()
    with Image.open(io.BytesIO(original)) as check:
        assert check.getexif().get_ifd(0x8825)  # the test file really has GPS data
    source = hub.write("people/photos/giulia-portrait.jpg", original)
    hub.write("people/giulia.md", person_text(
        "Giulia Ferri", extra="photo: photos/giulia-portrait.jpg\n"))
    site = hub.build()
    published = (site / "people" / "giulia" / "giulia-portrait.jpg").read_bytes()
    assert source.read_bytes() == original
    with Image.open(io.BytesIO(published)) as image:
        assert image.format == "JPEG"
        assert dict(image.getexif()) == {}
        assert "icc_profile" not in image.info and "comment" not in image.info
        assert image.size == (48, 64)  # orientation 6 applied: turned upright
    for needle in (b"Exif", b"GPS", b"SecretCam", b"shot at home", b"secret-xmp",
                   b"http://ns.adobe.com/xap"):
        assert needle not in published
    assert all(m == 0xE0 or m in (0xDB, 0xC0, 0xC4, 0xDD) for m in jpeg_segments(published))


@pytest.mark.parametrize("fmt, suffix", [("PNG", ".png"), ("WEBP", ".webp"), ("JPEG", ".jpg")])
def test_story_images_are_reencoded_in_their_format(hub: Hub, fmt: str, suffix: str) -> None:
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"
    hub.write(f"stories/kiln/photo{suffix}", image_bytes(fmt, exif=exif.tobytes()))
    hub.write("stories/kiln/index.md", story_text(
        "Kiln", extra=f"image: photo{suffix}\nimage_alt: The kiln\n"))
    site = hub.build()
    published = (site / "stories" / "kiln" / f"photo{suffix}").read_bytes()
    assert b"SecretCam" not in published
    with Image.open(io.BytesIO(published)) as image:
        assert image.format == fmt
        assert dict(image.getexif()) == {}


def test_png_content_named_jpg_is_published_as_jpeg(hub: Hub) -> None:
    hub.write("stories/kiln/photo.jpg", image_bytes("PNG"))
    hub.write("stories/kiln/index.md", story_text(
        "Kiln", extra="image: photo.jpg\nimage_alt: The kiln\n"))
    site = hub.build()
    with Image.open(site / "stories" / "kiln" / "photo.jpg") as image:
        assert image.format == "JPEG"


def test_large_photos_are_scaled_down(hub: Hub) -> None:
    hub.write("people/photos/big.png", image_bytes("PNG", size=(2000, 1000)))
    hub.write("people/giulia.md", person_text("Giulia Ferri", extra="photo: photos/big.png\n"))
    site = hub.build()
    with Image.open(site / "people" / "giulia" / "big.png") as image:
        assert image.size == (800, 400)


def test_reencoding_is_cached_by_content(hub: Hub) -> None:
    from storyhub.media.images import clean_image_bytes
    from storyhub.options.settings import cache_dir

    path = hub.write("people/photos/p.jpg", gps_jpeg())
    cache = cache_dir(hub.root, "images")
    first = clean_image_bytes(path, "photo", cache=cache)
    cached = [p for p in cache.iterdir() if not p.name.endswith(".sha256")]  # its seal beside
    assert len(cached) == 1 and cached[0].read_bytes() == first
    assert clean_image_bytes(path, "photo", cache=cache) == first
    assert clean_image_bytes(path, "photo", cache=None) == first  # deterministic without cache


def test_two_builds_are_byte_identical(hub: Hub) -> None:
    hub.write("people/photos/giulia.jpg", gps_jpeg())
    hub.write("people/giulia.md", person_text("Giulia Ferri", extra="photo: photos/giulia.jpg\n"))
    hub.write("stories/kiln/index.md", story_text(
        "Kiln", extra="image: kiln.webp\nimage_alt: The kiln\n"))
    hub.write("stories/kiln/kiln.webp", image_bytes("WEBP", size=(300, 200)))
    env = {"SOURCE_DATE_EPOCH": "1767225600"}

    def digest(site: Path) -> dict[str, str]:
        return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(site.rglob("*")) if p.is_file()}

    first = hub.mkdocs("build", "-d", "one", env=env)
    assert first.returncode == 0, first.stderr
    import shutil

    shutil.rmtree(hub.root / ".cache")  # the second build re-encodes from scratch
    second = hub.mkdocs("build", "-d", "two", env=env)
    assert second.returncode == 0, second.stderr
    one, two = digest(hub.root / "one"), digest(hub.root / "two")
    assert "sitemap.xml.gz" in one and "people/giulia/giulia.jpg" in one
    assert one == two


def test_nfd_file_names_are_published_in_nfc(hub: Hub) -> None:
    nfd = unicodedata.normalize("NFD", "caffè.jpg")
    hub.write(f"stories/kiln/{nfd}", image_bytes())
    hub.write("stories/kiln/index.md", story_text(
        "Kiln", extra="image: caff\u00e8.jpg\nimage_alt: Coffee\n"))
    site = hub.build()
    names = [p.name for p in (site / "stories" / "kiln").iterdir()]
    assert "caff\u00e8.jpg" in names
    assert nfd not in names or nfd == "caff\u00e8.jpg"


def test_no_fonts_or_scripts_from_other_hosts(example_site: Path) -> None:
    import re

    site = example_site
    external = re.compile(r"""(?:src|href)=["']?(?:https?:)?//([^/"' >]+)""")
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, path
        for match in re.finditer(r"<(?:script|link)\b[^>]*>", text):
            tag = match.group(0)
            if "rel=\"canonical\"" in tag or "rel=\"alternate\"" in tag:
                continue
            assert not external.search(tag), (path, tag)


def test_google_fonts_are_turned_off_even_when_configured(hub: Hub) -> None:
    hub.set(theme={"name": "material", "font": {"text": "Roboto"}})
    site = hub.build()
    assert "fonts.googleapis.com" not in read(site, "index.html")
