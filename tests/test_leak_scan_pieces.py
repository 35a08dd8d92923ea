"""The leak scan reads large files in pieces: a trace across a piece's edge is still found."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from storyhub.pipeline import leaks
from storyhub.pipeline.leaks import Secret, scan_site

SECRET = Secret("the secret glaze recipe", "title of a draft")


@pytest.fixture(autouse=True)
def tiny_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(leaks, "PIECE_BYTES", 64)
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
            assert max(map(len, pieces)) <= 2 * leaks.PIECE_BYTES + leaks.OVERLAP + 64
        found = sorted(leak.file for leak in scan_site(tmp_path, [SECRET]))
        assert found == ["page.html", "search_index.json"], where
    (tmp_path / "page.html").unlink()
    (tmp_path / "search_index.json").write_text(json.dumps({"docs": stories}), encoding="utf-8")
    assert scan_site(tmp_path, [SECRET]) == []


@pytest.mark.parametrize("name", ["notes.txt", "index.json"])
def test_pieces_of_a_long_line_never_split_a_character(tmp_path: Path, name: str) -> None:
    """Files are read in pieces of bytes: a line longer than a piece is cut, and the next
    piece started, at a character's first byte, so that no piece decodes to a replacement
    character and a trace written in accented letters and emoji is found wherever it falls."""
    secret = Secret("la ricetta è così 🏺 perché", "title of a draft")
    words = ["è", "così", "€", "🏺", "perché", "città", "ö", "x"]
    for where in range(0, 90, 7):
        before = " ".join(words[(n * 5) % len(words)] for n in range(where))
        after = " ".join(words[(n * 3) % len(words)] for n in range(60))
        text = f"{before} La ricetta è così 🏺 perché {after}"
        data = json.dumps({"docs": [before, text, after]}, ensure_ascii=False) \
            if name.endswith(".json") else text
        (tmp_path / name).write_text(data, encoding="utf-8")
        pieces = list(leaks.text_pieces(tmp_path / name, json_strings=name.endswith("json")))
        assert len(pieces) > 3
        assert all("\ufffd" not in piece.decode("utf-8", "replace") for piece in pieces)
        assert [leak.file for leak in scan_site(tmp_path, [secret])] == [name], where


def test_a_preview_reads_again_only_what_changed_and_finds_what_a_whole_scan_finds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A preview's scan (ScanMemo) skips the files its folder kept and the pieces it read
    clean before: over random edits of a folder (lines inserted, removed and changed, traces
    written and removed, the traces themselves changed now and then), it finds exactly what
    a whole scan finds, and an unchanged folder is not read again."""
    import random

    from storyhub.pipeline.leaks import KEPT, ScanMemo

    monkeypatch.setattr(leaks, "PIECE_BYTES", 256)
    monkeypatch.setattr(leaks, "PREVIEW_PIECE_BYTES", 256)  # the same excerpts
    rng = random.Random(41)
    words = ["kiln", "night", "glaze", "shift", "the", "oven", "é", "recipe", "secret"]
    traces = [[SECRET, Secret("night shift kiln", "title of another draft")],
              [Secret("glaze recipe", "summary of a draft")]]
    site = tmp_path / "site"
    site.mkdir()
    files: dict[str, list[str]] = {name: [] for name in
                                   ("a/page.html", "b/notes.txt", "c/posts.csv", "d.json")}

    def line() -> str:
        return " ".join(rng.choice(words) for _ in range(rng.randint(1, 9)))

    def write(name: str) -> None:
        lines = files[name]
        text = (json.dumps(lines, indent=1, ensure_ascii=False) if name.endswith(".json")
                else "\n".join(lines))
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")

    for name in files:
        files[name] = [line() for _ in range(120)]
        write(name)
    memo, secrets = ScanMemo(), traces[0]
    read: list[str] = []
    pieces = [0, 0]  # read by the preview's scans, by whole scans
    reading = leaks.readable_texts

    def counted(suffix: str, text: str, reach: int) -> Iterator[str]:
        read.append(text)
        return reading(suffix, text, reach)

    monkeypatch.setattr(leaks, "readable_texts", counted)
    for _ in range(80):
        changed = set(rng.sample(sorted(files), rng.randint(0, 2)))
        for name in sorted(changed):
            lines = files[name]
            for _ in range(rng.randint(1, 3)):
                at = rng.randrange(len(lines))
                edit = rng.random()
                if edit < 0.3:
                    lines.insert(at, line())
                elif edit < 0.5 and len(lines) > 20:
                    del lines[at]
                else:
                    lines[at] = line()
            write(name)
        if rng.random() < 0.1:
            secrets = traces[1] if secrets is traces[0] else traces[0]

        def state(path: Path, changed: set[str] = changed) -> str:
            return "" if path.relative_to(site).as_posix() in changed else KEPT

        read.clear()
        found = scan_site(site, secrets, memo=memo, state=state)
        pieces[0] += len(read)
        read.clear()
        whole = scan_site(site, secrets)
        pieces[1] += len(read)
        # the same traces in the same files (an excerpt may end where a piece ends: the
        # preview cuts a file where it cut it last time)
        assert sorted((leak.file, leak.secret.text) for leak in found) == sorted(
            (leak.file, leak.secret.text) for leak in whole)
        assert all(leak.secret.text in leak.excerpt for leak in found)
    assert pieces[0] < pieces[1] / 2, pieces
    for name, lines in files.items():  # no trace left: every file is found clean
        files[name] = [text.replace("glaze", "clay").replace("night", "day") for text in lines]
        write(name)
    assert scan_site(site, secrets, memo=memo) == []
    read.clear()
    assert scan_site(site, secrets, memo=memo, state=lambda path: KEPT) == []
    assert read == []
    # A file written again with one line near its start longer: cut in the same places
    # after that line, so only the pieces about it are read again.
    files["b/notes.txt"][3] += " and a few more words"
    write("b/notes.txt")
    read.clear()
    assert scan_site(site, secrets, memo=memo, state=lambda path: "") == []
    total = len(list(leaks.text_pieces(site / "b/notes.txt", size=256)))
    assert total > 10 and len(read) <= 3, (len(read), total)
    # Lines added and removed, longer together than a line: after them the file is cut where
    # it was cut last time, so only the pieces about them are read again (cut at the last
    # line end from the last cut, every later cut would fall on another line).
    for at, count in ((2, 7), (40, -3), (90, 5)):
        lines = files["b/notes.txt"]
        lines[at:at] = [line().replace("glaze", "clay").replace("night", "day")
                        for _ in range(count)]
        del lines[at:at - min(count, 0)]
        write("b/notes.txt")
        read.clear()
        assert scan_site(site, secrets, memo=memo, state=lambda path: "") == []
        assert len(read) <= 4, (at, count, len(read), total)


def test_the_files_of_a_site_are_listed_as_pathlib_lists_them(tmp_path: Path) -> None:
    """The scan lists a site's files from the folders' own listings (a stat for each file
    cost more than reading them): the files rglob lists, in the order of their parts, a
    link to a file included, a link to a folder not followed, a broken link left out."""
    site = tmp_path / "site"
    for name in ("a/b.html", "a-b/c.html", "a/b/c.txt", "a.b", "z/y/x/w.json", "é/ü.txt"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(name, encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("the secret glaze recipe", encoding="utf-8")
    (site / "linked.txt").symlink_to(outside / "secret.txt")
    (site / "folder").symlink_to(outside, target_is_directory=True)
    (site / "broken.txt").symlink_to(tmp_path / "nowhere")
    listed = leaks._files_of(site)
    assert listed == [p.relative_to(site).as_posix()
                      for p in sorted(site.rglob("*")) if p.is_file()]
    assert "linked.txt" in listed and "broken.txt" not in listed
    assert not any(name.startswith("folder/") for name in listed)
    assert [leak.file for leak in scan_site(site, [SECRET])] == ["linked.txt"]


def test_compressed_is_told_by_the_bytes_not_the_name(tmp_path: Path) -> None:
    """A file is gunzipped when its bytes are gzip, whatever its name: a plain text named
    ``.gz`` (a pull request's notes), bytes that start like gzip and are not (a browser
    shows the text after them), and gzip under another name (Pagefind's fragments) are
    all read for traces; a clean file of each kind gives nothing."""
    trace = (filler(3) + "The secret glaze recipe, in the notes.\n").encode()
    (tmp_path / "notes.txt.gz").write_bytes(trace)
    (tmp_path / "fake.txt").write_bytes(b"\x1f\x8b" + trace)
    (tmp_path / "fragment.pf_fragment").write_bytes(gzip.compress(trace))
    (tmp_path / "real.xml.gz").write_bytes(gzip.compress(trace))
    found = sorted(leak.file for leak in scan_site(tmp_path, [SECRET]))
    assert found == ["fake.txt", "fragment.pf_fragment", "notes.txt.gz", "real.xml.gz"]
    clean = filler(4).encode()
    for name in found:
        data = gzip.compress(clean) if name in ("fragment.pf_fragment", "real.xml.gz") else (
            b"\x1f\x8b" + clean if name == "fake.txt" else clean)
        (tmp_path / name).write_bytes(data)
    assert scan_site(tmp_path, [SECRET]) == []


def test_a_file_named_binary_is_read_as_what_its_bytes_are(tmp_path: Path) -> None:
    """A name does not make a file an image: plain text named ``.jpg``, ``.pdf`` or
    ``.mp4`` (a pull request's ``docs/photo.jpg`` holding a draft's title) is read as
    text; a real image, PDF or video is read as bytes, where metadata writes text in
    UTF-8 or UTF-16 (a JPEG comment, an XMP packet, Windows' EXIF title, an ID3 tag);
    clean files of each kind give nothing."""
    text = (filler(3) + "The secret glaze recipe, in the notes.\n").encode()
    jpeg = b"\xff\xd8\xff\xfe\x00\x30" + b"Comment: THE SECRET GLAZE RECIPE" + bytes(range(256))
    png = (b"\x89PNG\r\n\x1a\n" + bytes(300) + b"iTXt<x:xmpmeta>the secret glaze recipe"
           + bytes(300))
    mp3 = b"ID3\x03\x00" + bytes(20) + "The Secret Glaze Recipe".encode("utf-16-be")
    mp4 = bytes(4) + b"ftypisom" + bytes(500) + "the secret glaze recipe".encode("utf-16-le")
    files = {"photo.jpg": text, "brochure.pdf": b"<p>The secret <b>glaze</b> recipe</p>",
             "clip.mp4": b"%2Fthe%20secret%20glaze%20recipe\n", "real.jpg": jpeg,
             "real.png": png, "real.mp3": mp3, "real.mp4": mp4}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    found = {leak.file: leak.excerpt for leak in scan_site(tmp_path, [SECRET])}
    assert sorted(found) == sorted(files)
    assert "SECRET GLAZE RECIPE".lower() in found["real.jpg"].lower()
    assert "secret glaze recipe" in found["real.mp4"]  # the excerpt decoded as UTF-16
    clean = {"photo.jpg": filler(4).encode(), "brochure.pdf": b"%PDF-1.7\n" + bytes(99),
             "clip.mp4": mp4.replace(b"s\x00e\x00c", b"x\x00x\x00x"),
             "real.jpg": jpeg.replace(b"SECRET", b"PUBLIC"), "real.png": png[:-330],
             "real.mp3": mp3[:-10], "real.mp4": bytes(4) + b"ftypisom" + bytes(9)}
    for name, data in clean.items():
        (tmp_path / name).write_bytes(data)
    assert scan_site(tmp_path, [SECRET]) == []


def test_a_link_trace_in_a_binary_file_is_not_a_longer_slug(tmp_path: Path) -> None:
    link = Secret("stories/night", "link to a draft", url=True, always=True)
    head = b"\xff\xd8\xff\xe1"
    (tmp_path / "longer.jpg").write_bytes(head + b"https://x/stories/night-shift/ " * 3)
    (tmp_path / "wide.jpg").write_bytes(head + "stories/nights".encode("utf-16-le"))
    assert scan_site(tmp_path, [link]) == []
    (tmp_path / "exact.jpg").write_bytes(head + b"see https://x/stories/night/\x00")
    (tmp_path / "wide.jpg").write_bytes(head + "stories/night/".encode("utf-16-le"))
    assert sorted(leak.file for leak in scan_site(tmp_path, [link])) == ["exact.jpg",
                                                                          "wide.jpg"]


def test_a_trace_across_pieces_of_a_binary_file_is_found(tmp_path: Path) -> None:
    for where in range(0, 130, 7):
        data = b"\xff\xd8\xff" + bytes(where) + b"the secret glaze recipe" + bytes(200)
        (tmp_path / "photo.jpg").write_bytes(data)
        assert [leak.file for leak in scan_site(tmp_path, [SECRET])] == ["photo.jpg"], where
