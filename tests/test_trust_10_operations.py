"""Class 10: operations — the plugin listed twice, a cache folder that cannot be written,
staging folders left by a killed build."""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml
from conftest import REPO, Hub
from trust import build_error


def dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_plugin_listed_twice(hub: Hub) -> None:
    data = yaml.safe_load((hub.root / "mkdocs.yml").read_text(encoding="utf-8"))
    data["plugins"] = ["search", "storyhub", {"storyhub": {"page_size": 3}}]
    (hub.root / "mkdocs.yml").write_text(yaml.safe_dump(data), encoding="utf-8")
    assert ("storyhub is listed 2 times under 'plugins:' in mkdocs.yml: keep one entry (with "
            "all its options); two would write the same files twice") in build_error(hub)


def test_cache_folder_that_cannot_be_written(hub: Hub) -> None:
    (hub.root / ".cache").mkdir()
    (hub.root / ".cache/storyhub").write_text("not a folder", encoding="utf-8")
    site = hub.build()
    assert len(list((site / "assets/cards").glob("*.jpg"))) == 4
    assert (site / "snippets/snippets.json").is_file()
    assert (hub.root / ".cache/storyhub").read_text(encoding="utf-8") == "not a folder"


def test_cache_root_is_a_file(hub: Hub) -> None:
    (hub.root / ".cache").write_text("", encoding="utf-8")
    site = hub.build()
    assert (site / "stories/night-shift/index.html").is_file()


def test_stale_staging_folders_of_a_killed_build_are_removed(hub: Hub) -> None:
    pid = dead_pid()
    for name in (f".site.building-{pid}", f".site.old-{pid}"):
        (hub.root / name / "stories").mkdir(parents=True)
        (hub.root / name / "stories/leftover.html").write_text("old", encoding="utf-8")
    result = hub.storyhub("build")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in hub.root.iterdir() if p.name.startswith(".site")) == []
    assert (hub.root / "site/stories/night-shift/index.html").is_file()


def test_staging_folder_of_a_running_build_is_kept(hub: Hub) -> None:
    import os

    live = hub.root / f".site.building-{os.getppid()}"
    live.mkdir()
    assert hub.storyhub("build").returncode == 0
    assert live.is_dir()


def test_stale_card_temporaries_are_removed(hub: Hub) -> None:
    hub.build()
    cards = hub.root / ".cache/storyhub/cards"
    stale = cards / f"abc.jpg.{dead_pid()}.tmp"
    stale.write_bytes(b"half a card")
    (hub.root / "stories/night-shift.md").write_text(
        (hub.root / "stories/night-shift.md").read_text().replace("Night shift", "Night"),
        encoding="utf-8")
    hub.build()
    assert not stale.exists()


def test_staging_folders_are_ignored_by_git() -> None:
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", ".site.building-123/index.html",
         ".site.old-123/index.html"], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.stdout.split() == [".site.building-123/index.html", ".site.old-123/index.html"]
    assert Path(REPO / ".gitignore").read_text(encoding="utf-8").count(".building-") == 1
