"""The example hub's video and audio: a short clip at the wheel and a voice from the kiln room.

Run from the repository root: ``python -m examples.media`` (needs ffmpeg and espeak-ng:
``apt-get install -y ffmpeg espeak-ng``). The files are committed, so building the
example hub needs neither. ``--check`` makes them in a temporary folder and says whether
the committed ones are still what the script makes (sizes and durations; encoders may
differ by a few bytes between versions, so bytes are not compared).

What it makes (each well under 300 KB):

* ``stories/2026-02-09-centring-at-the-wheel/``: ``centring.mp4`` (4 s, 320×180, H.264
  and a spoken line in AAC), ``poster.jpg`` (a frame), ``centring.en.vtt`` and
  ``centring.it.vtt`` (captions of the spoken line).
* ``stories/2026-02-23-the-kiln-at-night/``: ``kiln-night.mp3`` (a spoken note, mono,
  32 kbit/s) and ``transcript.md``.

Every file is written with ``-map_metadata -1 -fflags +bitexact``: no date, device or
encoder version in the containers, and the same bytes on every run of one ffmpeg.
"""

from __future__ import annotations

import argparse
import math
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
VIDEO_DIR = ROOT / "stories" / "2026-02-09-centring-at-the-wheel"
AUDIO_DIR = ROOT / "stories" / "2026-02-23-the-kiln-at-night"
SIZE = (320, 180)
FPS = 12
SECONDS = 4
LIMIT = 300_000

VIDEO_LINE = "Centre the clay with your body, not with your arms."
AUDIO_LINES = (
    "It is two in the morning and kiln three is at nine hundred degrees. "
    "You can hear the burners, a low roar, like the sea behind a wall. "
    "When the roar goes thin, something is wrong with the gas. "
    "I write the temperature in the log every hour, and I go home at six."
)
CAPTIONS = {
    "en": ("WEBVTT\nLanguage: en\n\n00:00.300 --> 00:02.000\nCentre the clay with your body,\n\n"
           "00:02.000 --> 00:03.800\nnot with your arms.\n"),
    "it": ("WEBVTT\nLanguage: it\n\n00:00.300 --> 00:02.000\nCentra l'argilla con il corpo,\n\n"
           "00:02.000 --> 00:03.800\nnon con le braccia.\n"),
}
TRANSCRIPT = (
    "**Giovanna Bertoni, recorded in the kiln room, February 2026**\n\n"
    "It is two in the morning and kiln three is at nine hundred degrees. You can hear the "
    "burners, a low roar, like the sea behind a wall. When the roar goes thin, something is "
    "wrong with the gas.\n\n"
    "I write the temperature in the log every hour, and I go home at six.\n"
)


def _run(*command: str) -> None:
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _frame(index: int) -> Image.Image:
    """A potter's wheel seen from the side, turning: clay rising as the clip goes on."""
    width, height = SIZE
    image = Image.new("RGB", SIZE, (46, 38, 33))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 120, width, height), fill=(74, 58, 47))  # the bench
    draw.ellipse((80, 110, 240, 140), fill=(120, 120, 118))  # the wheel head
    angle = index / FPS * 2 * math.pi * 1.5
    for spoke in range(4):
        a = angle + spoke * math.pi / 2
        draw.line((160, 125, 160 + 70 * math.cos(a), 125 + 12 * math.sin(a)),
                  fill=(95, 95, 93), width=2)
    rise = 30 + 30 * index / (FPS * SECONDS)
    draw.polygon([(125, 118), (195, 118), (185, 118 - rise), (135, 118 - rise)],
                 fill=(181, 118, 72))  # the clay
    draw.ellipse((133, 112 - rise, 187, 124 - rise), fill=(200, 140, 95))
    wobble = 3 * math.sin(angle * 2)
    for side in (-1, 1):  # two hands, steady against the clay
        x = 160 + side * (44 + wobble)
        draw.ellipse((x - 16, 98 - rise / 2, x + 16, 122 - rise / 2), fill=(226, 186, 150))
    return image


def make_video(folder: Path, work: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    frames = work / "frames"
    frames.mkdir()
    for index in range(FPS * SECONDS):
        _frame(index).save(frames / f"{index:03d}.png")
    _frame(FPS * SECONDS - 1).resize((640, 360), Image.Resampling.LANCZOS).save(
        folder / "poster.jpg", quality=82)
    speech = work / "line.wav"
    _run("espeak-ng", "-v", "en-gb", "-s", "150", "-w", str(speech), VIDEO_LINE)
    _run("ffmpeg", "-y", "-loglevel", "error", "-framerate", str(FPS), "-i",
         str(frames / "%03d.png"), "-i", str(speech), "-t", str(SECONDS),
         "-af", "adelay=300|300,apad", "-c:v", "libx264", "-preset", "veryslow", "-crf", "30",
         "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "32k", "-ac", "1",
         "-movflags", "+faststart", "-map_metadata", "-1", "-fflags", "+bitexact",
         "-flags:v", "+bitexact", "-flags:a", "+bitexact", str(folder / "centring.mp4"))
    for language, text in CAPTIONS.items():
        (folder / f"centring.{language}.vtt").write_text(text, encoding="utf-8")


def make_audio(folder: Path, work: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    speech = work / "kiln.wav"
    _run("espeak-ng", "-v", "en-gb+f3", "-s", "140", "-w", str(speech), AUDIO_LINES)
    _run("ffmpeg", "-y", "-loglevel", "error", "-i", str(speech), "-ac", "1", "-ar", "22050",
         "-c:a", "libmp3lame", "-b:a", "32k", "-map_metadata", "-1", "-id3v2_version", "0",
         "-write_xing", "0", "-fflags", "+bitexact", str(folder / "kiln-night.mp3"))
    (folder / "transcript.md").write_text(TRANSCRIPT, encoding="utf-8")


def made_files(video: Path, audio: Path) -> list[Path]:
    return [video / "centring.mp4", video / "poster.jpg", video / "centring.en.vtt",
            video / "centring.it.vtt", audio / "kiln-night.mp3", audio / "transcript.md"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="make the files aside and compare with the committed ones")
    args = parser.parse_args(argv)
    for tool in ("ffmpeg", "espeak-ng"):
        if shutil.which(tool) is None:
            print(f"{tool} is needed: apt-get install -y ffmpeg espeak-ng", file=sys.stderr)
            return 2
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        video = work / "out-video" if args.check else VIDEO_DIR
        audio = work / "out-audio" if args.check else AUDIO_DIR
        make_video(video, work)
        make_audio(audio, work)
        problems = []
        for path in made_files(video, audio):
            size = path.stat().st_size
            if size > LIMIT:
                problems.append(f"{path.name} is {size:,} bytes (limit {LIMIT:,})")
            if args.check:
                committed = (VIDEO_DIR if path.parent == video else AUDIO_DIR) / path.name
                if not committed.is_file():
                    problems.append(f"{committed} is missing: run python -m examples.media")
                elif path.suffix in (".vtt", ".md") and committed.read_bytes() != path.read_bytes():
                    problems.append(f"{committed} differs from what the script makes")
            print(f"{path.name}: {size:,} bytes")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
