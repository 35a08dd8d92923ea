"""The CSV exports are written line by line by :func:`storyhub.social.cells.csv_line`, not by
the ``csv`` module's writer (slow on long cells); each line must be exactly what the writer
writes."""

from __future__ import annotations

import csv
import io
import random

import pytest
from storyhub.social import cells
from storyhub.social.cells import csv_line

POOL = ['"', ",", "\r", "\n", "\r\n", " ", "\t", "\x00", "a", "é", "日", "👍", "'", "=", "\\",
        ";", "\u2028", "\x85", "https%3A%2F%2Fa.example", "#tag"]


def _by_writer(row: list[str | int]) -> str:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerow(row)
    return out.getvalue()


def _rows() -> list[list[str | int]]:
    rng = random.Random(4180)
    rows: list[list[str | int]] = [[""], ["", ""], [0], [-3, ""], ["x" * 3000, '"' * 5]]
    for _ in range(3000):
        rows.append([rng.randint(-5, 10**6) if rng.random() < 0.15 else
                     "".join(rng.choice(POOL) for _ in range(rng.randint(0, 6)))
                     for _ in range(rng.randint(1, 5))])
    return rows


def test_lines_are_the_writers() -> None:
    assert cells._AS_THE_WRITER  # the check made at import found no difference
    for row in _rows():
        assert csv_line(row) == _by_writer(row), repr(row)


def test_the_writer_is_used_when_the_check_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cells, "_AS_THE_WRITER", False)
    for row in _rows()[:200]:
        assert csv_line(row) == _by_writer(row)
