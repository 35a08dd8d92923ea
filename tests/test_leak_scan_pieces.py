"""The leak scan reads large files in pieces: a trace across a piece's edge is still found."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from storyhub.pipeline import leaks
from storyhub.pipeline.leaks import Secret, scan_site

SECRET = Secret("the secret glaze recipe", "title of a draft")


@pytest.fixture(autouse=True)
def tiny_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(leaks, "CHUNK_CHARS", 64)
    monkeypatch.setattr(leaks, "OVERLAP", 48)


def filler(lines: int) -> str:
    return "".join(f"line {n} of ordinary published text\n" for n in range(lines))


@pytest.mark.parametrize("where", [0, 1, 2, 3, 17, 40, 63])
def test_trace_across_a_piece_edge_in_html(tmp_path: Path, where: int) -> None:
    text = filler(5)[:-where or None] + " <p>The secret <em>glaze</em> recipe</p>\n" + filler(5)
    (tmp_path / "page.html").write_text(text, encoding="utf-8")
    assert [leak.file for leak in scan_site(tmp_path, [SECRET])] == ["page.html"]


def test_trace_in_json_split_over_pieces(tmp_path: Path) -> None:
    data = {"stories": [{"title": f"published story number {n}"} for n in range(40)]}
    data["stories"][23]["title"] = "The \"secret\" glaze recipe".replace('"secret"', "secret")
    (tmp_path / "snippets.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    (tmp_path / "sitemap.xml.gz").write_bytes(gzip.compress(
        (filler(30) + "<loc>the secret glaze recipe</loc>\n").encode()))
    found = sorted(leak.file for leak in scan_site(tmp_path, [SECRET]))
    assert found == ["sitemap.xml.gz", "snippets.json"]


def test_clean_files_give_nothing(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(filler(200), encoding="utf-8")
    assert scan_site(tmp_path, [SECRET]) == []


def test_one_long_line_is_read_in_bounded_pieces(tmp_path: Path) -> None:
    """A search index is one line: it is read in pieces too (memory stays bounded), a JSON
    piece never starts inside a string, and a trace anywhere in it is found once."""
    stories = [{"title": f"published story \"{n}\" \\ number {n}", "text": "x" * (n % 7)}
               for n in range(60)]
    for where in (3, 17, 29, 41, 58):
        data = [dict(s) for s in stories]
        data[where]["text"] = "Ordinary words. The secret glaze recipe, told."
        (tmp_path / "search_index.json").write_text(json.dumps({"docs": data}),
                                                    encoding="utf-8")
        (tmp_path / "page.html").write_text(
            "".join(f"<p>{s['title']}</p>" for s in stories[:where])
            + "<p>The secret <em>glaze</em> recipe</p>"
            + "".join(f"<p>{s['title']}</p>" for s in stories[where:]), encoding="utf-8")
        assert "\n" not in (tmp_path / "search_index.json").read_text(encoding="utf-8")
        for name in ("search_index.json", "page.html"):
            pieces = list(leaks.text_pieces(tmp_path / name, json_strings=name.endswith("json")))
            assert len(pieces) > 10
            assert max(map(len, pieces)) <= 2 * leaks.CHUNK_CHARS + leaks.OVERLAP + 64
        found = sorted(leak.file for leak in scan_site(tmp_path, [SECRET]))
        assert found == ["page.html", "search_index.json"], where
    (tmp_path / "page.html").unlink()
    (tmp_path / "search_index.json").write_text(json.dumps({"docs": stories}), encoding="utf-8")
    assert scan_site(tmp_path, [SECRET]) == []
