"""Small video, audio and caption files for the media tests, made without ffmpeg.

``EXAMPLE_VIDEO``/``EXAMPLE_AUDIO`` are the example hub's committed files (made by
``python -m examples.media``); :func:`mp4` writes a minimal ISO BMFF file whose metadata a
test chooses (a place in ``moov/udta/©xyz``, say)."""

from __future__ import annotations

import struct

from conftest import REPO

EXAMPLE_VIDEO = REPO / "stories/2026-02-09-centring-at-the-wheel/centring.mp4"
EXAMPLE_POSTER = REPO / "stories/2026-02-09-centring-at-the-wheel/poster.jpg"
EXAMPLE_AUDIO = REPO / "stories/2026-02-23-the-kiln-at-night/kiln-night.mp3"


def box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def mp4(*, udta: bytes = b"", meta: bytes = b"", padding: int = 64) -> bytes:
    """ftyp + moov (mvhd, optional udta/meta boxes) + mdat of ``padding`` bytes."""
    ftyp = box(b"ftyp", b"isom\0\0\2\0isomiso2avc1mp41")
    inner = box(b"mvhd", bytes(100))
    if udta:
        inner += box(b"udta", udta)
    if meta:
        inner += box(b"meta", meta)
    return ftyp + box(b"moov", inner) + box(b"mdat", bytes(padding))


def place_box() -> bytes:
    """QuickTime's ``©xyz``: where the clip was shot (Faenza)."""
    return box(b"\xa9xyz", b"\x00\x12\x15\xc7+44.2853+011.8834/")


def vtt(*cues: tuple[str, str, str], language: str | None = None) -> str:
    header = "WEBVTT\n" + (f"Language: {language}\n" if language else "")
    return header + "".join(f"\n{a} --> {b}\n{text}\n" for a, b, text in cues)


CAPTION_EN = vtt(("00:00.000", "00:02.000", "Centre the clay with your body."),
                 language="en")
CAPTION_IT = vtt(("00:00.000", "00:02.000", "Centra l'argilla con il corpo."), language="it")
