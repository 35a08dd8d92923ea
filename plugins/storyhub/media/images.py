"""Photos and story images: checked by content, re-encoded from pixels, cached.

Only JPEG, PNG and WebP are accepted, recognised by their first bytes (not by the
file name) and verified with Pillow. Every published image is decoded, turned
upright (EXIF orientation), converted to sRGB, scaled down to a web size and
encoded again from its pixels alone: EXIF (with GPS), XMP, comments and colour
profiles do not survive. The original in the repository is never written to.
Re-encoded bytes are cached by content hash under ``<hub>/.cache/storyhub/images``.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PIL import Image, ImageOps, UnidentifiedImageError

from storyhub.content.files import IMAGE_FORMATS
from storyhub.content.load import Content
from storyhub.content.model import Source
from storyhub.diagnostics.core import Diagnostics
from storyhub.media.cache_files import read_sealed, write_sealed
from storyhub.options.settings import cache_dir

#: Limits, in one place. File size: phone photos are 2-12 MB; 25 MB leaves room.
MAX_FILE_BYTES = 25 * 1024 * 1024
#: Pixel count: a 48-megapixel phone photo passes; decompression bombs do not.
MAX_PIXELS = 60_000_000
#: Longest side of the published file, per use (photos are shown at most 200 px wide).
MAX_EDGE = {"photo": 800, "story-image": 2400, "story-file": 2400}
JPEG_QUALITY = 85
WEBP_QUALITY = 85
#: Bump when the encoding recipe changes, so cached files are made again.
RECIPE = "storyhub-images-1"

#: Output format by file suffix: the published file keeps its name and extension.
#: (What a story folder may publish at all is decided once, in storyhub.content.files.)
FORMAT_BY_SUFFIX = IMAGE_FORMATS
IMAGE_SUFFIXES = tuple(FORMAT_BY_SUFFIX)

_PIXELS_IN_MESSAGE = re.compile(r"\((\d+) pixels\)")


class ImageProblem(Exception):
    """An image that cannot be published; the message names what to do."""


@dataclass(frozen=True)
class ImageInfo:
    format: str
    width: int
    height: int


def sniff(head: bytes) -> str | None:
    """The image format from a file's first bytes: JPEG, PNG, WEBP, or a name for others."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WEBP"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<svg", b"<?xml", b"<!doctype svg")) or b"<svg" in text[:512]:
        return "SVG"
    if text.startswith((b"<!doctype html", b"<html", b"<script")):
        return "HTML"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"avif"):
        return "HEIC" if head[8:12] != b"avif" else "AVIF"
    if head.startswith(b"%PDF"):
        return "PDF"
    return None


_HINTS = {
    "SVG": "SVG files can contain scripts and are not accepted: export it as PNG or JPEG",
    "HTML": "it is a web page, not an image",
    "GIF": "export it as PNG",
    "HEIC": "it is an iPhone HEIC photo: export it as JPEG (Photos > Export, or set the "
            "camera to 'Most Compatible')",
    "AVIF": "export it as JPEG or WebP",
    "PDF": "it is a PDF document: export the picture as JPEG or PNG",
}


def inspect_image(path: Path) -> ImageInfo:
    """Check ``path`` is a real JPEG/PNG/WebP within the limits; raise :class:`ImageProblem`."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ImageProblem(
            f"the file is {size / 1024 / 1024:.1f} MB; the limit is "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB: make it smaller (e.g. 2400 pixels wide, "
            "JPEG quality 85)"
        )
    with path.open("rb") as handle:
        head = handle.read(64)
    kind = sniff(head)
    if kind not in ("JPEG", "PNG", "WEBP"):
        what = f"a {kind} file" if kind else "not an image"
        hint = _HINTS.get(kind or "", "use a JPEG, PNG or WebP image")
        raise ImageProblem(f"the file is {what}, whatever its name says: {hint}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                _check_pixels(width, height)
                image.verify()
    except Image.DecompressionBombError as exc:
        found = _PIXELS_IN_MESSAGE.search(str(exc))
        pixels = int(found.group(1)) if found else 0
        raise ImageProblem(_too_many_pixels(pixels)) from None
    except Image.DecompressionBombWarning:
        raise ImageProblem(_too_many_pixels(0)) from None
    except ImageProblem:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ImageProblem(
            f"the file starts like a {kind} image but cannot be read ({exc}): "
            "open it in an image editor and save it again"
        ) from None
    return ImageInfo(kind, width, height)


def _check_pixels(width: int, height: int) -> None:
    if width * height > MAX_PIXELS:
        raise ImageProblem(_too_many_pixels(width * height, width, height))


def _too_many_pixels(pixels: int, width: int = 0, height: int = 0) -> str:
    size = f"{width}×{height} pixels, " if width else ""
    count = f"{size}{pixels / 1_000_000:.0f} megapixels" if pixels else "too many pixels"
    return (
        f"the image is too large ({count}); the limit is {MAX_PIXELS // 1_000_000} "
        "megapixels: resize it, e.g. to 2400 pixels on the longest side"
    )


# -- validation of a hub's images ------------------------------------------------------------


def check_media(content: Content, memo: ImageMemo | None = None) -> None:
    """Report every unusable photo, story image and image beside a story, at its field.

    The files are those the loader recorded (``Source.files``, ``Source.folder_files``):
    nothing here lists a folder again. ``memo``: a preview server's images
    (:class:`ImageMemo`).
    """
    diagnostics = content.diagnostics
    cache = cache_dir(content.root, "images")
    for person in content.people:
        if person.photo is not None:
            _check_field(person.source, "photo", person.photo, diagnostics, cache, "photo",
                         memo)
    for story in content.stories:
        if story.image is not None:
            _check_field(story.source, "image", story.image, diagnostics, cache, "story-image",
                         memo)
        found = story.source.files.get("image")
        checked = {found} if story.image is not None and found is not None else set()
        for item in story.source.folder_files:
            if item.kind != "image" or item.path in checked:
                continue  # the `image:` file was checked above, with the line of its field
            try:
                check_as_published(item.path, "story-file", cache, memo)
            except ImageProblem as exc:
                shown = story.source.path.rsplit("/", 1)[0] + "/" + item.relative
                diagnostics.error(shown, 1, 1, f"{exc}", code="image-content")


def check_as_published(path: Path, kind: str, cache: Path | None,
                       memo: ImageMemo | None = None) -> None:
    """Check ``path`` as the build will use it: inspected, then decoded and re-encoded
    (the result is cached, so the build reuses it). Raises :class:`ImageProblem`."""
    inspect_image(path)
    clean_image_bytes(path, kind, cache=cache, memo=memo)


def _check_field(source: Source, field: str, written: str, diagnostics: Diagnostics,
                 cache: Path | None, kind: str, memo: ImageMemo | None) -> None:
    found = source.files.get(field)
    if found is None:
        return  # the loader already said the file is missing or not an image
    try:
        check_as_published(found, kind, cache, memo)
    except ImageProblem as exc:
        line, col = source.value_pos(field)
        diagnostics.error(source.path, line, col, f"'{field}': {written}: {exc}",
                          field=field, code="image-content")


# -- re-encoding ------------------------------------------------------------------------------


T = TypeVar("T")


class ImageMemo:
    """A preview server's images as made in its last build, by content key (in memory: a
    rebuild reuses them without reading and checking their cache files again). Each build
    starts with :meth:`next_build`; what the previous build made and this one did not ask
    for is dropped then."""

    def __init__(self) -> None:
        self._previous: dict[str, Any] = {}
        self._current: dict[str, Any] = {}

    def next_build(self) -> None:
        self._previous, self._current = self._current, {}

    def get(self, key: str) -> Any:
        found = self._current.get(key)
        if found is None:
            found = self._previous.get(key)
            if found is not None:
                self._current[key] = found
        return found

    def put(self, key: str, made: Any) -> None:
        self._current[key] = made

    def get_or_make(self, key: str, make: Callable[[], T]) -> T:
        """What is kept under ``key``, else ``make()``, kept."""
        found = self.get(key)
        if found is None:
            found = make()
            self.put(key, found)
        return found  # type: ignore[no-any-return]


def clean_image_bytes(path: Path, kind: str, *, cache: Path | None = None,
                      memo: ImageMemo | None = None) -> bytes:
    """The published bytes of the image at ``path``: pixels only, same format as its name.

    Deterministic: the same file always gives the same bytes. Cached by content hash (and
    in ``memo``, a preview server's, when given).
    """
    data = path.read_bytes()
    target = FORMAT_BY_SUFFIX.get(path.suffix.lower())
    if target is None:
        raise ImageProblem(f"'{path.name}' is not a JPEG, PNG or WebP file name")
    edge = MAX_EDGE.get(kind, MAX_EDGE["story-image"])
    key = hashlib.sha256(
        f"{RECIPE}|{target}|{edge}|{JPEG_QUALITY}|{WEBP_QUALITY}|".encode() + data
    ).hexdigest()
    def make() -> bytes:
        return _cleaned(data, target, edge, key, cache, path)

    return memo.get_or_make(key, make) if memo is not None else make()


def _cleaned(data: bytes, target: str, edge: int, key: str, cache: Path | None,
             path: Path) -> bytes:
    """:func:`clean_image_bytes` of ``data`` (the bytes read, whose ``key`` names the
    result), from the cache when it holds storyhub's own output."""
    cached = cache / f"{key}.{target.lower()}" if cache is not None else None
    if cached is not None:
        data_out = read_sealed(cached, what="image", source=str(path))
        if data_out is not None and looks_reencoded(data_out, target):
            return data_out
        # A cache file that is not what storyhub writes (damaged, or committed under
        # .cache/ by a pull request): ignored and made again from the original.
    result = reencode(data, target, edge)
    if cached is not None:
        write_sealed(cached, result)
    return result


#: What storyhub's own encoders write in an image's info; anything else in a cached file
#: (EXIF, XMP, ICC profiles, comments, text chunks) means someone else wrote it.
_OWN_INFO = {"jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi", "progressive",
             "progression", "adobe", "adobe_transform", "loop", "background", "duration",
             "timestamp", "aspect"}


def looks_reencoded(data: bytes, target: str) -> bool:
    """Is ``data`` plausibly storyhub's own output in ``target`` format: the right format,
    within the limits, and without metadata? (Checks the header only; cheap.)"""
    if sniff(data[:64]) != target or len(data) > MAX_FILE_BYTES:
        return False
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_PIXELS:
                return False
            if target == "JPEG" and (b"\xff\xe1" in data[:65536] or b"\xff\xfe" in data[:65536]):
                return False  # an APP1 (EXIF/XMP) or COM segment
            return set(image.info) <= _OWN_INFO and not image.getexif()
    except Exception:
        return False


def reencode(data: bytes, target: str, edge: int) -> bytes:
    """Decode ``data``, turn it upright, convert to sRGB, fit in ``edge``, encode as ``target``."""
    if len(data) > MAX_FILE_BYTES or sniff(data[:64]) not in ("JPEG", "PNG", "WEBP"):
        raise ImageProblem("not a JPEG, PNG or WebP image within the size limit")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as opened:
                _check_pixels(*opened.size)
                opened.seek(0)
                opened.load()
                upright = ImageOps.exif_transpose(opened) or opened
                pixels = _to_srgb(upright, opened.info.get("icc_profile"))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageProblem(_too_many_pixels(0)) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ImageProblem(
            f"the file starts like a {sniff(data[:64])} image but cannot be read ({exc}): "
            "open it in an image editor and save it again"
        ) from None
    if max(pixels.size) > edge:
        pixels.thumbnail((edge, edge), Image.Resampling.LANCZOS)
    # A brand-new image holds pixels only: no info dict, no EXIF, no ICC, no XMP.
    fresh = Image.frombytes(pixels.mode, pixels.size, pixels.tobytes())
    out = io.BytesIO()
    if target == "JPEG":
        fresh = _flatten(fresh) if fresh.mode != "L" else fresh
        fresh.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=False)
    elif target == "PNG":
        fresh.save(out, "PNG", optimize=False, compress_level=9)
    else:
        if fresh.mode not in ("RGB", "RGBA"):
            fresh = fresh.convert("RGBA" if "A" in fresh.getbands() else "RGB")
        fresh.save(out, "WEBP", quality=WEBP_QUALITY, method=4)
    return out.getvalue()


def _to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """Pixels in sRGB, in a mode every encoder handles (L, LA, RGB or RGBA)."""
    if icc and image.mode in ("CMYK", "LAB"):
        # A CMYK photo is converted through its own profile, not by the naive formula.
        try:
            from PIL import ImageCms

            converted = ImageCms.profileToProfile(
                image, ImageCms.ImageCmsProfile(io.BytesIO(icc)),
                ImageCms.createProfile("sRGB"), outputMode="RGB")
            if converted is not None:
                return converted.copy()
        except Exception:  # an unreadable profile: convert without it below
            pass
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I") or image.mode.startswith("I;"):
        # 16-bit grey: scale to 8 bits (a plain conversion clips everything above 255 to white)
        wide = image if image.mode == "I" else image.convert("I")
        return wide.point(lambda value: value / 256).convert("L")
    if image.mode == "F":
        return image.point(lambda value: value * 255 if value <= 1.0 else value).convert("L")
    if image.mode in ("P", "PA"):
        image = image.convert("RGBA" if "transparency" in image.info or image.mode == "PA"
                              else "RGB")
    elif image.mode in ("CMYK", "YCbCr", "LAB", "HSV"):
        image = image.convert("RGB")
    elif image.mode.startswith(("I", "F")) or image.mode == "1":
        image = image.convert("L")
    if icc and image.mode in ("RGB", "RGBA") and _profile_space(icc) == "RGB ":
        try:
            from PIL import ImageCms

            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(
                image, source, ImageCms.createProfile("sRGB"), outputMode=image.mode
            )
            if converted is not None:
                image = converted
        except Exception:  # an unreadable profile: keep the pixels as they are
            pass
    return image.copy()


def _profile_space(icc: bytes) -> str:
    """The colour space an ICC profile describes ('RGB ', 'CMYK', 'GRAY'…), from its header."""
    return icc[16:20].decode("ascii", "replace") if len(icc) >= 20 else ""


def _flatten(image: Image.Image) -> Image.Image:
    """JPEG has no transparency: put transparent pixels on white."""
    if image.mode in ("RGBA", "LA"):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB") if image.mode != "RGB" else image


# -- responsive versions: smaller WebP and JPEG files for srcset ------------------------------

#: Widths (pixels) of the smaller versions, per use: photos are shown at most 160 CSS px
#: wide (×2 for dense screens), story images up to the width of the reading column.
RESPONSIVE_WIDTHS = {"photo": (128, 256), "story-image": (480, 800, 1200)}
RESPONSIVE_RECIPE = "storyhub-responsive-1"


@dataclass(frozen=True)
class Variant:
    """One smaller version of a published image."""

    width: int
    height: int
    format: str  # "WEBP" or "JPEG"
    data: bytes

    @property
    def suffix(self) -> str:
        return ".webp" if self.format == "WEBP" else ".jpg"


def responsive_variants(published: bytes, kind: str, *, cache: Path | None = None,
                        memo: ImageMemo | None = None) -> list[Variant]:
    """WebP and JPEG versions of an image's published bytes (already pixels only, see
    :func:`clean_image_bytes`) at each width of :data:`RESPONSIVE_WIDTHS` below its own
    width, and at its own width when it is narrower than the largest. Deterministic, and
    cached by content hash (and in ``memo``, a preview server's, when given). Returns WebP
    versions first, each list from narrow to wide."""
    widths = RESPONSIVE_WIDTHS.get(kind)
    if not widths:
        return []
    if memo is not None:
        key = hashlib.sha256(f"{RESPONSIVE_RECIPE}|{kind}|".encode() + published).hexdigest()
        return memo.get_or_make(key, lambda: responsive_variants(published, kind, cache=cache))
    with Image.open(io.BytesIO(published)) as opened:
        full_width, full_height = opened.size
    chosen = [w for w in widths if w < full_width]
    if full_width <= widths[-1]:
        chosen.append(full_width)
    variants: list[Variant] = []
    for target in ("WEBP", "JPEG"):
        for width in chosen:
            height = max(1, round(full_height * width / full_width))
            key = hashlib.sha256(
                f"{RESPONSIVE_RECIPE}|{target}|{width}|{JPEG_QUALITY}|{WEBP_QUALITY}|".encode()
                + published).hexdigest()
            cached = cache / f"{key}.{target.lower()}" if cache is not None else None
            found = read_sealed(cached, what=f"{width} px version of an image") if (
                cached is not None) else None
            if found is not None and looks_reencoded(found, target):
                data = found
            else:
                data = _scaled(published, target, width, height)
                if cached is not None:
                    write_sealed(cached, data)
            variants.append(Variant(width, height, target, data))
    return variants


def _scaled(published: bytes, target: str, width: int, height: int) -> bytes:
    with Image.open(io.BytesIO(published)) as opened:
        opened.load()
        pixels = opened.copy()
    if pixels.size != (width, height):
        pixels = pixels.resize((width, height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    if target == "JPEG":
        _flatten(pixels).save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    else:
        if pixels.mode not in ("RGB", "RGBA"):
            pixels = pixels.convert("RGBA" if "A" in pixels.getbands() else "RGB")
        pixels.save(out, "WEBP", quality=WEBP_QUALITY, method=4)
    return out.getvalue()
