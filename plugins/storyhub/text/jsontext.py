"""JSON as storyhub writes it: the text of ``json.dumps(data, ensure_ascii=False,
indent=2)``, made quickly and in pieces, and safe to paste into HTML."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

import orjson


def escape_markup(chunk: str) -> str:
    """``<``, ``>`` and ``&`` as \\u escapes, so that a tool pasting the JSON into HTML
    cannot have a title such as ``<script>`` read as markup (the values are unchanged).
    Each of the three is one character, so escaping piece by piece is exact."""
    return chunk.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_INDENT = "  "


class Written:
    """A value already written as indented JSON (at its level), escaped as
    :func:`escape_markup` escapes and in UTF-8: copied as it is (a preview keeps an
    unchanged story's part of the exports this way, and writes it without decoding,
    escaping and encoding it again)."""

    __slots__ = ("at", "data")

    def __init__(self, data: bytes | memoryview) -> None:
        self.data = data
        #: where :func:`write_json` wrote it in its file
        self.at = -1

    @classmethod
    def of(cls, value: Any, level: int) -> Written:
        return cls(escape_markup(dumps(value, level)).encode("utf-8"))


def dumps(data: Any, level: int = 0) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)`` as written ``level`` deep in an
    indented document (a line end is never inside a JSON string: it is written ``\\n``).

    Made by orjson, whose two-space indented output is the same text: the standard
    library indents in pure Python (its C encoder only writes compact JSON), and that was
    5.2 of the 18 CPU seconds a 1,000-story build spent on the social output (under the
    profiler). One difference: a float that is not finite is written ``null`` (valid JSON),
    not the standard library's ``NaN`` (storyhub writes none)."""
    try:
        text = orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8")
    except TypeError:  # keys that are not strings, integers beyond 64 bits: rare, exact
        text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + _INDENT * level) if level else text


def write_json(out: BinaryIO, data: Any) -> None:
    """``data`` as :func:`indented_json_chunks` gives it, escaped (:func:`escape_markup`), in
    UTF-8, then a line end, to a file open for bytes."""
    for chunk in indented_json_chunks(data):
        if isinstance(chunk, Written):
            chunk.at = out.tell()
            out.write(chunk.data)
        else:
            out.write(escape_markup(chunk).encode("utf-8"))
    out.write(b"\n")


def indented_json_chunks(data: Any, level: int = 0) -> Iterator[str | Written]:
    """The text of ``json.dumps(data, ensure_ascii=False, indent=2)``, in pieces: an
    iterator (the data, or a value of its top mapping, whose keys are strings) is written as
    a list, its items made one at a time and each written whole (a story is one piece: no
    more than one story's data exists at a time); a :class:`Written` item is given as it is
    (already escaped and encoded: :func:`write_json` copies its bytes)."""
    if isinstance(data, Written):
        yield data
        return
    is_dict = level == 0 and isinstance(data, dict)
    if is_dict and any(isinstance(value, Iterator) for value in data.values()):
        items: Iterator[Any] = iter(data.items())
    elif isinstance(data, Iterator):
        items, is_dict = data, False
    else:
        yield dumps(data, level)
        return
    inner = "\n" + _INDENT * (level + 1)
    count = 0
    for item in items:
        yield ("," if count else "{" if is_dict else "[") + inner
        count += 1
        if is_dict:
            key, item = item
            yield json.dumps(key, ensure_ascii=False) + ": "
        yield from indented_json_chunks(item, level + 1)
    if not count:
        yield "{}" if is_dict else "[]"
    else:
        yield "\n" + _INDENT * level + ("}" if is_dict else "]")
