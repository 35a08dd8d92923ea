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


#: the bytes that may start a forbidden character's UTF-8 (all but the carriage return: a
#: file's line ends are turned into line feeds first): C0 controls and DEL, 0xC2 (C1
#: controls), 0xEF (U+FDD0-FDEF, U+FFFE, U+FFFF), 0xF0-0xF4 (the other planes); the others
#: are deleted from a file's bytes in one pass in C, and what is left says whether to look
_NO_CONTROL_STARTS = bytes(
    sorted(set(range(256)) - {*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0xC2, 0xEF,
                              *range(0xF0, 0xF5)}))


def may_hold_control(data: bytes) -> bool:
    """Whether UTF-8 ``data`` may hold a forbidden character (a carriage return aside):
    False means certainly not (most text: letters with accents, typographic quotes and
    dashes start with other bytes); True, look with :func:`find_control` (a regular
    expression over the text, four times slower)."""
    return bool(data.translate(None, _NO_CONTROL_STARTS))


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
