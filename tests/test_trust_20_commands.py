"""Class 20 (issue 20, class 8): every command fails cleanly.

A full disk, a name too long for the file system, a title too long to be a folder name, a
read-only cache: each gives one message and an exit status (1 content, 2 configuration or
command line, 3 the operating system refused), never a traceback. The command line's
``main`` is the one place a refused read or write becomes that message
(:func:`storyhub.cli.main.system_refused`).
"""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path

import pytest
from conftest import Hub, image_bytes, story_text
from storyhub.cli.main import SYSTEM_REFUSED, main
from trust import diagnostics, output_bytes

EPOCH = {"SOURCE_DATE_EPOCH": "1741948800"}  # 2025-03-14
FULL = ("No space left on device — the disk is full: free some space (or write elsewhere) "
        "and run the command again; files written before it may be incomplete")


def _disk_full_under(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write under ``folder``, or the folder a command stages its files in beside it
    (``.<name>.building-<pid>``: the same disk), fails as on a full disk (open,
    write_bytes, copies)."""
    import shutil

    real_open, real_copy = Path.open, shutil.copyfile

    def on_disk(path: Path) -> bool:
        path = path.resolve()
        return path.is_relative_to(folder) or any(
            part.startswith(f".{folder.name}.building-") for part in path.parts)

    def full(path: object) -> OSError:
        return OSError(errno.ENOSPC, "No space left on device", str(path))

    def open_(self: Path, mode: str = "r", *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if any(c in mode for c in "wax") and on_disk(self):
            raise full(self)
        return real_open(self, mode, *args, **kwargs)  # type: ignore[arg-type]

    def copy(src: object, dst: object, *args: object, **kwargs: object) -> object:
        if on_disk(Path(str(dst))):
            raise full(dst)
        return real_copy(src, dst, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", open_)
    monkeypatch.setattr(shutil, "copyfile", copy)
    monkeypatch.setattr(Path, "write_bytes", lambda self, data: (_ for _ in ()).throw(
        full(self)) if self.resolve().is_relative_to(folder) else real_open(self, "wb").write(
        data))


def test_snippets_out_onto_a_full_disk(
    hub: Hub, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = (hub.root.parent / "out").resolve()
    _disk_full_under(out, monkeypatch)
    monkeypatch.chdir(hub.root)
    assert main(["snippets", "--out", str(out)]) == SYSTEM_REFUSED
    err = capsys.readouterr().err
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith(f"storyhub: {out}/") and last.endswith(f": {FULL}")


def test_snippets_out_onto_a_file(hub: Hub) -> None:
    hub.write("taken", "a file, not a folder\n")
    result = hub.storyhub("snippets", "--out", "taken")
    assert result.returncode == SYSTEM_REFUSED
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith(f"storyhub: {hub.root}/taken")


def test_new_story_with_a_very_long_title_gets_a_short_name(hub: Hub) -> None:
    title = "A very long title " + " ".join(f"word{i}" for i in range(27))  # 196 characters
    result = hub.storyhub("new", "story", "--title", title, "--person", "giulia", "--value",
                          "craft", "--summary", "S.", env=EPOCH)
    assert result.returncode == 0, result.stderr
    [made] = [p for p in (hub.root / "stories").iterdir() if p.name.startswith("2025-")]
    assert made.name == "2025-03-14-a-very-long-title-word0-word1-word2-word3-word4-word5-word6"
    assert len(made.name) <= 11 + 60
    assert f'title: "{title}"' in (made / "index.md").read_text(encoding="utf-8")


def test_new_story_with_a_title_over_the_limit(hub: Hub) -> None:
    result = hub.storyhub("new", "story", "--title", "x" * 300, "--person", "giulia",
                          "--value", "craft", "--summary", "S.", env=EPOCH)
    assert (result.returncode, result.stderr) == (
        2, "storyhub new: --title: 300 characters; at most 200 are accepted — shorten it\n")


def test_new_story_with_a_slug_over_the_limit(hub: Hub) -> None:
    result = hub.storyhub("new", "story", "--title", "T", "--slug", "a" * 80, "--person",
                          "giulia", "--value", "craft", "--summary", "S.", env=EPOCH)
    assert (result.returncode, result.stderr) == (
        2, "storyhub new: --slug: 80 characters; at most 60 are accepted — shorten it\n")


def test_an_image_whose_versions_would_be_too_long_a_name(hub: Hub) -> None:
    name = "o" * 246 + ".jpg"  # 250 bytes: fine; its 1200 px version is not
    hub.write("stories/long/index.md", story_text("Long", extra=f"image: {name}\n"))
    hub.write(f"stories/long/{name}", image_bytes(size=(1400, 900)))
    assert diagnostics(hub) == [
        "stories/long/index.md:7:8: the smaller versions of " + name + ": the name "
        "'oooooooooooooooooooooooo…' would be 258 bytes long; file systems take at most 255: "
        "shorten the file name"]
    result = hub.storyhub("check")
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_a_read_only_cache_that_holds_share_cards(
    hub: Hub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache is read-only (a CI cache restored read-only): cards already there are
    used where they are, the missing ones drawn elsewhere; the build succeeds."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1741948800")
    first = output_bytes(hub.build(site="site1"))
    hub.write("stories/new-one.md", story_text("New one", summary="Fresh."))
    cards = hub.root / ".cache" / "storyhub" / "cards"
    before = {p.name: p.read_bytes() for p in cards.iterdir()}
    import storyhub.media.cards as cards_module

    def read_only(folder: Path, part: str) -> Path:  # what usable_cache does when it cannot
        return Path(tempfile.mkdtemp(prefix=f"storyhub-{part}-"))

    monkeypatch.setattr(cards_module, "usable_cache", read_only)
    second = output_bytes(hub.build(site="site2"))
    assert {p.name: p.read_bytes() for p in cards.iterdir()} == before  # untouched
    old_cards = {n: d for n, d in first.items() if n.startswith("assets/cards/")}
    assert old_cards and all(second[n] == d for n, d in old_cards.items())
    assert any(n.startswith("assets/cards/new-one") for n in second)
