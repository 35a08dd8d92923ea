"""Characters no output may carry, refused where text enters.

YAML's escapes (``"\\e"``, ``"\\x00"``, ``"\\uFFFE"``) and a pasted byte let characters into
the text that no reader can see and every strict format refuses: XML 1.0 (the feeds, the
sitemap) has no way to write NUL, ESC or most C0 controls, RFC 5545 (the calendar) forbids
controls other than tab, and a CSV cell or a page shows them as garbage. storyhub refuses
them at the door — every YAML value (:mod:`storyhub.text.yamlsource`), every text file
(the loader's ``read_text``) and every option in ``mkdocs.yml`` — with the line and column,
so no output needs a filter of its own.

Refused: C0 controls except tab and line feed (a carriage return is a line break only as
part of a file's line ends, which the reader turns into line feeds), DEL, the C1 controls
(U+0080–U+009F) and the Unicode non-characters (U+FDD0–U+FDEF and every U+xxFFFE/U+xxFFFF).
"""

from __future__ import annotations

import re
import unicodedata

#: the forbidden characters of the Basic Multilingual Plane, found by one regular expression
_FORBIDDEN_BMP = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
#: any character beyond it: the non-characters there (U+1FFFE, U+1FFFF … U+10FFFF) are told
#: apart by their last 16 bits (a class listing all 32 made every character of every text
#: be compared with each of them: 13 times slower)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_NAMES = {0x00: "NUL", 0x1B: "ESC", 0x7F: "DEL", 0x0D: "carriage return", 0x0B: "vertical tab",
          0x0C: "form feed", 0x08: "backspace", 0x07: "bell"}


def find_control(text: str) -> int | None:
    """Index of the first forbidden character in ``text``, or ``None``."""
    match = _FORBIDDEN_BMP.search(text)
    if not text.isascii():
        for astral in _ASTRAL.finditer(text, 0, match.start() if match else len(text)):
            if ord(astral.group()) & 0xFFFE == 0xFFFE:
                return astral.start()
    return match.start() if match else None


#: the UTF-8 bytes of every forbidden character but the carriage return (a file's line ends
#: are turned into line feeds first), and of a few allowed ones: a file whose bytes hold none
#: holds no forbidden character, told by one search of its bytes (a third of the time of
#: :func:`find_control` on its text, which reads letters beyond ASCII two bytes wide)
_MAY_FORBID_UTF8 = re.compile(
    rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xef\xb7|\xef\xbf[\xbe\xbf]"
    rb"|[\xf0-\xf4][\x8f\x9f\xaf\xbf]\xbf[\xbe\xbf]")


def may_hold_control(data: bytes) -> bool:
    """Whether UTF-8 ``data`` may hold a forbidden character (a carriage return aside):
    False means certainly not; True, look with :func:`find_control`."""
    return _MAY_FORBID_UTF8.search(data) is not None


def describe(char: str) -> str:
    """``U+001B (ESC)``: a forbidden character, named for a person."""
    code = ord(char)
    name = _NAMES.get(code) or (
        "a non-character" if unicodedata.category(char) == "Cn" else "a control character")
    return f"U+{code:04X} ({name})"


def control_message(char: str) -> str:
    """The one message for a forbidden character, wherever it was found."""
    return (f"this text holds {describe(char)}, an invisible character that no page, feed, "
            "calendar or spreadsheet may carry: delete it (it often comes from a copy and "
            "paste, or from an escape such as \\e or \\x00 in quotes)")


def position(text: str, index: int) -> tuple[int, int]:
    """(line offset from the first line, 1-based column) of ``index`` in ``text``."""
    line = text.count("\n", 0, index)
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column
