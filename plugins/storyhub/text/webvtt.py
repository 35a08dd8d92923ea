"""WebVTT captions read strictly, with the line and column of every problem.

Why not webvtt-py: it accepts files a browser ignores without a word (``00:00.000 ->
00:02.000`` and SRT's ``00:00:00,000`` are silently dropped, a cue that ends before it
starts is kept) and its errors carry no line. A caption file that a player shows empty is
an accessibility failure storyhub must catch, so this module follows the WebVTT file
format (W3C WebVTT, "file structure" and "cue timings") and refuses what it does not
say. It reads what storyhub needs: the header's ``Language:`` line (written by YouTube,
Amara and most caption editors), the cues' times and texts; ``NOTE``, ``STYLE`` and
``REGION`` blocks are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: ``mm:ss.ttt`` or ``hh:mm:ss.ttt`` (hours of any length), as the specification says.
_TIME = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
_TIMING = re.compile(rf"^{_TIME}[ \t]+-->[ \t]+{_TIME}(?:[ \t]+(.*))?$")
_LOOSE_TIMING = re.compile(r"\d[\d:.,]*\s*-+>?\s*\d")
_TAG = re.compile(r"<[^>]*>")
#: Longest caption file accepted (an hour of dense captions is ~100 KB).
MAX_BYTES = 2_000_000


@dataclass(frozen=True)
class Cue:
    start: float  # seconds
    end: float
    text: str  # the cue's text with its markup (<i>, <v Name>) removed
    line: int  # of its timing line


@dataclass
class Captions:
    """A parsed WebVTT file: its header's language (if it names one) and its cues."""

    language: str | None = None
    language_line: int = 0
    cues: list[Cue] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The words of every cue, one cue a line (a transcript of the video)."""
        return "\n".join(cue.text for cue in self.cues)


class CaptionProblem(Exception):
    """A file that is not valid WebVTT; ``line`` and ``col`` say where (1-based)."""

    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


def _seconds(hours: str | None, minutes: str, seconds: str, millis: str) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def parse_webvtt(data: bytes) -> Captions:
    """Parse a WebVTT file; raise :class:`CaptionProblem` at the first problem."""
    if len(data) > MAX_BYTES:
        raise CaptionProblem(1, 1, f"the file is {len(data):,} bytes; captions are at most "
                                   f"{MAX_BYTES:,}: is it really a caption file?")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        raise CaptionProblem(before.count(b"\n") + 1, exc.start - before.rfind(b"\n"),
                             "the file is not saved as UTF-8: save it again as UTF-8") from None
    if "\x00" in text:
        raise CaptionProblem(1, 1, "the file holds NUL characters: it is not a text file")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first = lines[0]
    if not (first == "WEBVTT" or first.startswith(("WEBVTT ", "WEBVTT\t"))):
        hint = ""
        if _LOOSE_TIMING.match(first) or first.strip().isdigit():
            hint = " (it looks like SubRip, .srt: convert it to WebVTT)"
        raise CaptionProblem(1, 1, "a WebVTT file must start with the line 'WEBVTT'" + hint)
    captions = Captions()
    index = 1
    # The header: lines up to the first blank one.
    while index < len(lines) and lines[index].strip():
        line = lines[index]
        if "-->" in line:
            raise CaptionProblem(index + 1, 1, "put an empty line between the 'WEBVTT' "
                                               "header and the first cue")
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() == "language" and value.strip():
            captions.language, captions.language_line = value.strip(), index + 1
        index += 1
    previous_start = 0.0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        block_start = index
        block: list[str] = []
        while index < len(lines) and lines[index].strip():
            block.append(lines[index])
            index += 1
        head = block[0]
        if head.startswith(("NOTE", "STYLE", "REGION")) and "-->" not in head and (
            len(head) == len(head.split()[0]) or head[len(head.split()[0])] in " \t"
        ):
            continue
        if "-->" not in head and _LOOSE_TIMING.match(head.strip()):
            raise CaptionProblem(block_start + 1, 1, _timing_hint(head))  # "->", "- >"…
        timing_at = 0 if "-->" in head else 1
        if timing_at >= len(block) or "-->" not in block[timing_at]:
            where = block_start + timing_at + 1
            raise CaptionProblem(where, 1, _timing_hint(block[min(timing_at, len(block) - 1)]))
        timing_line = block[timing_at]
        found = _TIMING.match(timing_line.strip())
        line_no = block_start + timing_at + 1
        if found is None:
            raise CaptionProblem(line_no, 1, _timing_hint(timing_line))
        start = _seconds(*found.groups()[0:4])
        end = _seconds(*found.groups()[4:8])
        if end <= start:
            col = timing_line.index("-->") + 5
            raise CaptionProblem(line_no, col, f"this cue ends ({_clock(end)}) before it "
                                               f"starts ({_clock(start)})")
        if start < previous_start:
            raise CaptionProblem(line_no, 1, f"this cue starts at {_clock(start)}, before the "
                                             f"cue above it ({_clock(previous_start)}): cues go "
                                             "in time order")
        body = block[timing_at + 1 :]
        for offset, text_line in enumerate(body):
            if "-->" in text_line:
                raise CaptionProblem(line_no + 1 + offset, text_line.index("-->") + 1,
                                     "a cue's text cannot contain '-->': put an empty line "
                                     "before the next cue")
        words = " ".join(_TAG.sub("", t).strip() for t in body).strip()
        if not words:
            raise CaptionProblem(line_no, 1, "this cue has no text: write what is said, or "
                                             "remove the cue")
        previous_start = start
        captions.cues.append(Cue(start, end, _unescape(words), line_no))
    if not captions.cues:
        raise CaptionProblem(1, 1, "the file has no cues: write at least one "
                                   "'00:00.000 --> 00:04.000' line followed by its text")
    return captions


def _unescape(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", "\u00a0")
            .replace("&lrm;", "\u200e").replace("&rlm;", "\u200f").replace("&amp;", "&"))


def _timing_hint(line: str) -> str:
    shown = line.strip()[:60]
    if "," in line and "-->" in line:
        return (f"'{shown}' is not a WebVTT cue timing: write a full stop before the "
                "milliseconds (00:00:01.500, not 00:00:01,500)")
    return (f"'{shown}' is not a WebVTT cue timing: write it as "
            "'00:01.000 --> 00:04.500' (minutes:seconds.milliseconds, hours optional)")


def _clock(seconds: float) -> str:
    whole = int(seconds)
    millis = round((seconds - whole) * 1000)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}.{millis:03d}"
