"""The theme's files, listed without walking hidden folders.

On every build (and every rebuild of ``mkdocs serve``) MkDocs lists each file of the theme
folders to find the static files to copy (``Files.add_files_from_theme``), then drops by
name every path with a part that starts with a dot (its patterns ``.*`` and ``*/.*``).
Material keeps its icons in a hidden folder, ``.icons/``: about 13,000 of the 14,500 files
listed, walked and matched against MkDocs' patterns one by one, only to be dropped (about
0.2 s of each build, nearly half of a small hub's). The loader here lists the same files
minus those below a hidden folder or named with a dot, which MkDocs drops anyway, so the
static files found are the same. Reading a template (an icon included) is unchanged.

The same environments share their compiled templates (a bytecode cache the adapter keeps):
Material's search plugin makes three on every build, before any other plugin sees the
theme, to read its translations, and compiled the same templates each time (a quarter of
the function calls of a small hub's build).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemLoader


class ThemeLoader(FileSystemLoader):
    """A :class:`~jinja2.FileSystemLoader` whose listing skips hidden files and folders."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for root in self.searchpath:
            for folder, subfolders, names in os.walk(root, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                relative = os.path.relpath(folder, root)
                prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
                found.update(prefix + name for name in names if not name.startswith("."))
        return sorted(found)


def list_theme_quickly(theme: Any, bytecode: BytecodeCache | None = None) -> None:
    """Make ``theme.get_env()`` (MkDocs' :class:`~mkdocs.theme.Theme`) give environments
    whose loader is a :class:`ThemeLoader` over the same folders. Another loader (a theme
    that makes its own) is left as it is. ``bytecode``: compiled templates for these
    environments, MkDocs' own settings (Material's search plugin makes three on every
    build to read its translations, and compiled the same two templates each time)."""
    make: Callable[[], Environment] = theme.get_env
    if getattr(make, "storyhub_listing", False):
        return

    def get_env() -> Environment:
        env = make()
        if bytecode is not None and env.bytecode_cache is None:
            env.bytecode_cache = bytecode
        loader = env.loader
        if type(loader) is FileSystemLoader:
            env.loader = ThemeLoader(loader.searchpath, loader.encoding, loader.followlinks)
        return env

    get_env.storyhub_listing = True  # type: ignore[attr-defined]
    theme.get_env = get_env
