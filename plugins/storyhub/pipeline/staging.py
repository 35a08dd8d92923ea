"""Public files are written aside, scanned, then put in place: a folder a command writes
into never holds a half-written or unscanned output.

``storyhub build`` stages the whole site and swaps it in (:func:`swap_in`); ``storyhub
snippets --out`` stages its files and moves them into the folder it was given
(:func:`move_into`), which may hold other files. A staging folder a killed command left
behind is removed by the next one (:func:`remove_stale`).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from storyhub.options.settings import pid_alive


def staging_for(target: Path) -> Path:
    """An empty folder beside ``target`` (same file system, so renames are atomic)."""
    remove_stale(target)
    staging = target.parent / f".{target.name}.building-{os.getpid()}"
    remove(staging)
    return staging


def swap_in(staging: Path, target: Path) -> None:
    """Put ``staging`` in place of ``target`` with renames (same file system).

    POSIX cannot rename a folder over a non-empty one, so the old folder is first
    renamed aside, then the new one into place; if that fails the old one goes back.
    Between the two renames (microseconds) the folder is absent, never half-written.
    """
    if not target.exists():
        os.replace(staging, target)
        return
    aside = target.parent / f".{target.name}.old-{os.getpid()}"
    remove(aside)
    os.replace(target, aside)
    try:
        os.replace(staging, target)
    except OSError:
        os.replace(aside, target)
        raise
    remove(aside)


def move_into(staging: Path, target: Path) -> list[Path]:
    """Move every file of ``staging`` to the same place under ``target`` (replacing a file
    of that name, keeping the others), then remove ``staging``. Returns the files moved,
    as paths under ``target``."""
    moved: list[Path] = []
    for src in sorted(p for p in staging.rglob("*") if p.is_file()):
        dest = target / src.relative_to(staging)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if dest.is_dir() and not dest.is_symlink():
            shutil.rmtree(dest)
        os.replace(src, dest)
        moved.append(dest)
    remove(staging)
    return moved


def remove_stale(target: Path) -> None:
    """Staging and set-aside folders that a killed command left beside ``target``
    (``.site.building-<pid>``, ``.site.old-<pid>`` of a process that no longer runs)."""
    for pattern in (f".{target.name}.building-*", f".{target.name}.old-*"):
        for stale in target.parent.glob(pattern):
            pid = stale.name.rsplit("-", 1)[-1]
            if pid.isdigit() and int(pid) != os.getpid() and not pid_alive(int(pid)):
                remove(stale)


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()
