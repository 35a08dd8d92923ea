"""Spreadsheet cells that stay text: the one guard against CSV formula injection.

Excel, LibreOffice and Google Sheets read a cell starting with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return as a formula (OWASP "CSV injection"). Every CSV storyhub writes
passes its text cells through :func:`neutralise`; the JSON exports stay exact.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

#: Full-width forms are folded to these by some spreadsheets; leading spaces are skipped.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_SKIPPED = " \u00a0\u200b\ufeff"


#: a cell starting with none of these is left as it is (checked first: most cells)
_WATCHED = frozenset(FORMULA_STARTS) | frozenset(_SKIPPED)


def neutralise(cell: str) -> str:
    """``cell`` with a leading ``'`` when a spreadsheet would read it as a formula.
    (Quotes inside the cell are escaped by the CSV writer.)"""
    if cell[:1] not in _WATCHED:
        return cell
    if cell.startswith(FORMULA_STARTS) or cell.lstrip(_SKIPPED).startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def _quoted(cell: str) -> str:
    """``cell`` as the standard CSV writer (the ``excel`` dialect, ``QUOTE_MINIMAL``, CR LF
    line ends) writes it: in quotes, its quotes doubled, when it holds a comma, a quote, a
    CR or an LF; else as it is."""
    if '"' in cell or "," in cell or "\n" in cell or "\r" in cell:
        return '"' + cell.replace('"', '""') + '"'
    return cell


def _line_by_csv(cells: Sequence[str | int]) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerow(cells)
    return out.getvalue()


def _line(cells: Sequence[str | int]) -> str:
    if len(cells) == 1 and cells[0] == "":
        return '""\r\n'  # the writer quotes a lone empty cell, or the line would be blank
    return ",".join([_quoted(c) if type(c) is str else _quoted(str(c)) for c in cells]) + "\r\n"


def csv_line(cells: Sequence[str | int]) -> str:
    """One CSV line (record and CR LF), exactly as ``csv.writer(out, lineterminator="\\r\\n",
    quoting=csv.QUOTE_MINIMAL).writerow(cells)`` writes it. The writer looks at each
    character in turn, about 18 ns each, and a post's row holds its share intent (a
    kilobyte); here, four string scans per cell: the 35,000 rows of a 1,000-story build
    (snippets.csv and the scheduler files) in 0.16 CPU s instead of 0.70 s (4 % of the
    build; issue 19). Checked against the writer on tricky cells when the module is
    imported: should a Python release write them otherwise, the writer is used."""
    return _line(cells) if _AS_THE_WRITER else _line_by_csv(cells)


#: cells whose writing the standard writer and :func:`csv_line` must agree on
_SAMPLES: tuple[tuple[str | int, ...], ...] = (
    ("",), ("", ""), ("a", "", 0, -12, 2**70), ('say "hi"', "a,b", "two\nlines", "cr\rlf\r\n"),
    ('"', ",", " lead", "trail ", "\t", "\x00", "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", "é日👍"),
    ("=1+2", "'quoted'", "\\", "a;b", "#", "'"),
)
_AS_THE_WRITER = all(_line(cells) == _line_by_csv(cells) for cells in _SAMPLES)
