"""MkDocs lists every theme file on each build to find the static ones; storyhub's loader
skips hidden folders (Material's 13,000 icons), which MkDocs drops by name anyway: the
static files found must be exactly MkDocs' own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import Hub
from jinja2 import FileSystemLoader
from mkdocs.config import load_config
from mkdocs.structure.files import Files
from storyhub.adapters.theme_listing import ThemeLoader, list_theme_quickly


def _static(config: object, env: object) -> list[tuple[str, str]]:
    files = Files([])
    files.add_files_from_theme(env, config)  # type: ignore[arg-type]
    return sorted((f.src_uri, f.abs_src_path or "") for f in files)


def test_the_static_theme_files_are_those_mkdocs_finds(hub: Hub) -> None:
    hub.set(theme={"name": "material", "font": False, "custom_dir": "overrides"})
    hub.write("overrides/assets/extra.css", "body { margin: 0 }\n")
    hub.write("overrides/.hidden/kept.css", "a {}\n")
    hub.write("overrides/assets/.DS_Store", b"\0")
    hub.write("overrides/main.html", "{% extends 'base.html' %}\n")
    config = load_config(str(hub.root / "mkdocs.yml"))
    theme = config.theme
    own = _static(config, theme.get_env())
    list_theme_quickly(theme)
    list_theme_quickly(theme)  # once is enough: a second call changes nothing
    env = theme.get_env()
    assert type(env.loader) is ThemeLoader
    quick = _static(config, env)
    assert quick == own
    names = [name for name, _ in quick]
    assert "assets/extra.css" in names and len(names) > 30  # Material's assets too
    assert not any("/." in f"/{name}" for name in names)
    # templates, the icons below the hidden folder included, are read as before
    assert env.get_template(".icons/material/heart.svg").render()
    everything = FileSystemLoader(theme.dirs).list_templates()
    assert len(everything) > 10_000  # Material's icons
    assert env.loader.list_templates() == [  # type: ignore[union-attr]
        name for name in everything if not any(p.startswith(".") for p in name.split("/"))]


def test_the_plugin_uses_it_and_the_site_is_unchanged(hub: Hub) -> None:
    site = hub.build()
    assert (site / "assets" / "stylesheets").is_dir()
    assert not (site / ".icons").exists()
    assert not any(part.startswith(".") for p in site.rglob("*")
                   for part in p.relative_to(site).parts)


def test_a_theme_with_its_own_loader_keeps_it(tmp_path: Path) -> None:
    class Theme:
        def get_env(self) -> object:
            from jinja2 import DictLoader, Environment

            return Environment(loader=DictLoader({"a.css": ""}))

    theme = Theme()
    list_theme_quickly(theme)
    assert type(theme.get_env().loader).__name__ == "DictLoader"  # type: ignore[attr-defined]


def test_theme_environments_share_their_compiled_templates(hub: Hub, monkeypatch: Any) -> None:
    """Material's search plugin makes environments of the theme on every build to read its
    translations: with storyhub's cache, a template is compiled once for all of them, and
    again when its source changes."""
    from jinja2 import Environment
    from storyhub.pipeline.renders import MemoryBytecodeCache

    hub.set(theme={"name": "material", "font": False, "custom_dir": "overrides"})
    hub.write("overrides/partials/own.html", "{% macro t(key) %}{{ key }}!{% endmacro %}")
    compiled: list[str | None] = []
    original = Environment.compile

    def counting(self: Environment, source: Any, name: str | None = None,
                 filename: str | None = None, raw: bool = False, defer_init: bool = False
                 ) -> Any:
        compiled.append(name)
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(Environment, "compile", counting)
    cache = MemoryBytecodeCache()
    for _ in range(3):  # a new configuration each time, as each build (or rebuild) has
        theme = load_config(str(hub.root / "mkdocs.yml")).theme
        list_theme_quickly(theme, cache)
        assert theme.get_env().get_template("partials/own.html").module.t("a") == "a!"
        assert theme.get_env().get_template("partials/language.html") is not None
    assert compiled.count("partials/own.html") == 1
    assert compiled.count("partials/language.html") == 1
    hub.write("overrides/partials/own.html", "{% macro t(key) %}{{ key }}?{% endmacro %}")
    theme = load_config(str(hub.root / "mkdocs.yml")).theme
    list_theme_quickly(theme, cache)
    assert theme.get_env().get_template("partials/own.html").module.t("a") == "a?"
    assert compiled.count("partials/own.html") == 2
