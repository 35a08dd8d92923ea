"""Spreadsheet cells that stay text: the one guard against CSV formula injection.

Excel, LibreOffice and Google Sheets read a cell starting with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return as a formula (OWASP "CSV injection"). Every CSV storyhub writes
passes its text cells through :func:`neutralise`; the JSON exports stay exact.
"""

from __future__ import annotations

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
