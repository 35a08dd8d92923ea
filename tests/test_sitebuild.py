"""`storyhub build`: validate, build aside, swap in; a failed build leaves the old site."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import Hub, story_text
from storyhub.adapters import sitebuild
from storyhub.pipeline import staging as staging_module


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(hub: Hub) -> list[str]:
    return sorted(p.name for p in hub.root.iterdir() if p.name.startswith(".site."))


def test_build_writes_the_site(hub: Hub) -> None:
    result = hub.storyhub("build", "--strict")
    assert result.returncode == 0, result.stderr
    assert result.stderr.endswith("storyhub build: site written to site/\n")
    assert (hub.root / "site/stories/night-shift/index.html").is_file()
    assert (hub.root / "site/report/index.html").is_file()
    assert leftovers(hub) == []
    # the same files as the engine's own command writes (the engine tests rely on it)
    env = {"SOURCE_DATE_EPOCH": "1796083200"}
    assert hub.storyhub("build", "-d", "by-storyhub", env=env).returncode == 0
    assert hub.mkdocs("build", "-d", "by-mkdocs", env=env).returncode == 0
    assert snapshot(hub.root / "by-storyhub") == snapshot(hub.root / "by-mkdocs")


def test_broken_story_leaves_the_previous_site_untouched(hub: Hub) -> None:
    assert hub.storyhub("build").returncode == 0
    before = snapshot(hub.root / "site")
    hub.write("stories/new-one.md", story_text("New one", values="[craf]"))
    result = hub.storyhub("build", "--strict")
    assert result.returncode == 1
    assert result.stderr == (
        "stories/new-one.md:5:10: unknown value 'craf' — did you mean 'craft'?\n"
        "storyhub build: 1 content error(s); nothing was built and the output folder was "
        "left as it was\n"
    )
    assert snapshot(hub.root / "site") == before
    assert leftovers(hub) == []


def test_strict_warning_leaves_the_previous_site_untouched(hub: Hub) -> None:
    """MkDocs writes the whole site before failing --strict; storyhub build does not."""
    assert hub.storyhub("build").returncode == 0
    before = snapshot(hub.root / "site")
    hub.write("docs/index.md", "Welcome. [A broken link](nowhere.md)\n")
    hub.write("stories/fresh.md", story_text("Fresh"))
    result = hub.storyhub("build", "--strict")
    assert result.returncode == 3
    assert "contains a link 'nowhere.md', but the target is not found" in result.stderr
    assert result.stderr.endswith(
        "storyhub build: the build failed (Aborted with 1 warnings in strict mode!); "
        "site/ was left as it was\n"
    )
    assert snapshot(hub.root / "site") == before
    assert not (hub.root / "site/stories/fresh").exists()
    assert leftovers(hub) == []
    # without --strict the warning does not stop it, and the new site replaces the old one
    assert hub.storyhub("build").returncode == 0
    assert (hub.root / "site/stories/fresh/index.html").is_file()


def test_successful_build_replaces_every_old_file(hub: Hub) -> None:
    assert hub.storyhub("build").returncode == 0
    (hub.root / "site/stale.txt").write_text("old", encoding="utf-8")
    (hub.root / "stories/first-oven.md").unlink()
    assert hub.storyhub("build", "--site-dir", "site").returncode == 0
    assert not (hub.root / "site/stale.txt").exists()
    assert not (hub.root / "site/stories/first-oven").exists()
    assert (hub.root / "site/stories/night-shift/index.html").is_file()


def test_usage_errors_exit_2(hub: Hub) -> None:
    result = hub.storyhub("build", "-f", "missing.yml")
    assert result.returncode == 2
    assert "missing.yml not found" in result.stderr
    hub.set(theme={"name": "no-such-theme"})
    bad = hub.storyhub("build")
    assert bad.returncode == 2
    assert "Unrecognised theme name" in bad.stderr
    assert not (hub.root / "site").exists()


def test_swap_in_restores_the_old_folder_when_the_second_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target, staging = tmp_path / "site", tmp_path / ".site.building-1"
    target.mkdir()
    (target / "old.html").write_text("old", encoding="utf-8")
    staging.mkdir()
    (staging / "new.html").write_text("new", encoding="utf-8")
    real_replace = os.replace

    def failing(src: Path, dst: Path) -> None:
        if Path(src) == staging:
            raise OSError("disk full")
        real_replace(src, dst)

    monkeypatch.setattr(staging_module.os, "replace", failing)
    with pytest.raises(OSError, match="disk full"):
        staging_module.swap_in(staging, target)
    assert (target / "old.html").read_text(encoding="utf-8") == "old"


def test_build_reads_the_content_once(hub: Hub, monkeypatch: pytest.MonkeyPatch) -> None:
    """`storyhub build` checks the hub, then hands the checked pipeline to the MkDocs build."""
    from storyhub.pipeline import core

    calls: list[Path] = []
    real = core.load_content

    def counting(root: Path, *args: object, **kwargs: object) -> object:
        calls.append(root)
        return real(root, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(core, "load_content", counting)
    monkeypatch.chdir(hub.root)
    code = sitebuild.build_site(Path("mkdocs.yml"), out=open(os.devnull, "w"))  # noqa: SIM115
    assert code == 0
    assert len(calls) == 1
    assert (hub.root / "site/stories/night-shift/index.html").is_file()
