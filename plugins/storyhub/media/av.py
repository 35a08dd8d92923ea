"""Video and audio files: what their containers say about where and on what they were made.

storyhub publishes a story's video and audio byte for byte (it does not re-encode them,
unlike photos), so metadata that would tell readers *where* a recording was made (GPS
position) or *on which device* (make, model) is an error, at the ``file:`` field, with
the command that removes it. Stripping it ourselves would mean rewriting the container,
which only a full muxer does reliably (QuickTime keeps the place in ``moov/udta/©xyz``
and in ``moov/meta/keys`` as well as in the iTunes-style tags ``mutagen`` edits).

What is read, in one pass per file:

* MP4/M4A (ISO BMFF): the ``moov`` box is walked: ``©xyz`` and ``loci`` (place),
  ``©mak``/``©mod`` (device), and the QuickTime/Android metadata keys
  (``com.apple.quicktime.location.ISO6709``, ``…make``, ``…model``,
  ``com.android.manufacturer``/``model``); XMP GPS properties.
* MP3 (ID3), Ogg (Vorbis comments, Opus tags): tag names (``mutagen``) such as
  ``LOCATION``, ``GPS…``, ``MAKE``, ``MODEL``, ``DEVICE``, and ID3 ``TXXX`` descriptions.
* WebM (Matroska): tag names in the first and last megabytes (``LOCATION``…).

The duration (seconds) is read with ``mutagen`` for ``VideoObject`` structured data.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

from storyhub.content.load import Content
from storyhub.content.media_files import StoryMedia

#: Boxes of an MP4 that hold other boxes (walked), and those that say where or on what.
_CONTAINERS = {b"moov", b"udta", b"meta", b"ilst", b"trak", b"mdia", b"minf", b"keys"}
_PLACE_BOXES = {b"\xa9xyz": "the place it was recorded", b"loci": "the place it was recorded"}
_DEVICE_BOXES = {b"\xa9mak": "the device that recorded it", b"\xa9mod": "the device that "
                 "recorded it"}
_LONG_KEYS = {
    b"com.apple.quicktime.location": "the place it was recorded",
    b"com.apple.quicktime.make": "the device that recorded it",
    b"com.apple.quicktime.model": "the device that recorded it",
    b"com.android.manufacturer": "the device that recorded it",
    b"com.android.model": "the device that recorded it",
    b"exif:GPS": "the place it was recorded",
}
_MATROSKA_KEYS = {b"LOCATION": "the place it was recorded",
                  b"RECORDING_LOCATION": "the place it was recorded",
                  b"com.apple.quicktime.location": "the place it was recorded",
                  b"com.apple.quicktime.model": "the device that recorded it"}
_TAG_NAME = re.compile(r"(locat|gps|geo|latitude|longitude|\bmake\b|model|device|©xyz)",
                       re.IGNORECASE)
#: Largest ``moov`` box read (its metadata); a long film's sample tables fit easily.
MAX_MOOV = 64 * 1024 * 1024
SCAN_EDGE = 4 * 1024 * 1024


def container_leaks(path: Path) -> list[str]:
    """What the file's metadata would tell readers (sorted, without the values)."""
    with path.open("rb") as handle:
        head = handle.read(16)
    if head[4:8] == b"ftyp":
        found = _mp4_leaks(path)
    elif head.startswith(b"\x1a\x45\xdf\xa3"):
        found = _edge_leaks(path, _MATROSKA_KEYS)
    else:
        found = _tag_leaks(path)
    return sorted(set(found))


def _boxes(data: bytes, start: int, end: int):  # type: ignore[no-untyped-def]
    """(type, payload start, payload end) of the boxes between ``start`` and ``end``."""
    position = start
    while position + 8 <= end:
        size, kind = struct.unpack(">I4s", data[position:position + 8])
        header = 8
        if size == 1 and position + 16 <= end:
            size = struct.unpack(">Q", data[position + 8:position + 16])[0]
            header = 16
        elif size == 0:
            size = end - position
        if size < header or position + size > end:
            return
        yield kind, position + header, position + size
        position += size


def _walk(data: bytes, start: int, end: int, found: list[str]) -> None:
    for kind, payload, stop in _boxes(data, start, end):
        if kind in _PLACE_BOXES:
            found.append(_PLACE_BOXES[kind])
        elif kind in _DEVICE_BOXES:
            found.append(_DEVICE_BOXES[kind])
        if kind in _CONTAINERS:
            inner = payload
            if kind == b"meta" and data[payload:payload + 4] == b"\0\0\0\0":
                inner += 4  # ISO full box: version and flags before the children
            elif kind == b"keys":
                inner += 8  # version, flags, entry count
            _walk(data, inner, stop, found)


def _mp4_leaks(path: Path) -> list[str]:
    found: list[str] = []
    size = path.stat().st_size
    with path.open("rb") as handle:
        position = 0
        while position + 8 <= size:
            handle.seek(position)
            header = handle.read(16)
            box_size, kind = struct.unpack(">I4s", header[:8])
            if box_size == 1:
                box_size = struct.unpack(">Q", header[8:16])[0]
            elif box_size == 0:
                box_size = size - position
            if box_size < 8:
                break
            if kind in (b"moov", b"udta", b"meta", b"uuid") and box_size <= MAX_MOOV:
                handle.seek(position)
                data = handle.read(box_size)
                _walk(data, 0, len(data), found)
                found.extend(what for key, what in _LONG_KEYS.items() if key in data)
            position += box_size
    return found


def _edge_leaks(path: Path, keys: dict[bytes, str]) -> list[str]:
    size = path.stat().st_size
    with path.open("rb") as handle:
        data = handle.read(SCAN_EDGE)
        if size > SCAN_EDGE:
            handle.seek(max(size - SCAN_EDGE, SCAN_EDGE))
            data += handle.read()
    return [what for key, what in keys.items() if key in data]


def _tag_leaks(path: Path) -> list[str]:
    import mutagen

    try:
        opened = mutagen.File(path)
    except Exception:  # an unreadable file: its type was checked by its first bytes already
        return []
    found: list[str] = []
    tags = getattr(opened, "tags", None) or {}
    for key in list(tags.keys()):
        name = str(key)
        if name.startswith("TXXX:"):
            name = name[5:]
        if _TAG_NAME.search(name):
            found.append("the device that recorded it" if re.search(
                r"make|model|device", name, re.IGNORECASE) else "the place it was recorded")
    return found


def duration_of(path: Path) -> float | None:
    """The length of a recording in seconds, when its container says (MP4, MP3, Ogg)."""
    import mutagen

    try:
        opened = mutagen.File(path)
    except Exception:
        return None
    length = getattr(getattr(opened, "info", None), "length", None)
    return float(length) if isinstance(length, (int, float)) and length > 0 else None


def check_av(content: Content) -> None:
    """An error at the ``file:`` field of every video or audio whose container would tell
    where or on what it was recorded; the duration of the others recorded."""
    for story in content.stories:
        for media in story.source.media:
            if media.file is None:
                continue
            leaks = container_leaks(media.file)
            if leaks:
                _report(content, story.source.path, story.source.value_pos(media.kind, "file"),
                        media, leaks)
                continue
            media.duration = duration_of(media.file)


def _report(content: Content, shown: str, position: tuple[int, int], media: StoryMedia,
            leaks: list[str]) -> None:
    name = media.relative or ""
    content.diagnostics.error(
        shown, position[0], position[1],
        f"'{media.kind}.file': '{name}' carries {' and '.join(leaks)} in its metadata, "
        "which would be published with it: remove the metadata first, e.g. "
        f"'ffmpeg -i {name} -map_metadata -1 -c copy clean-{name}' (the picture and sound "
        "are kept as they are), then use the clean file",
        field=media.kind, code="media-metadata",
    )
