"""`mkdocs serve` rebuilds: the plugin instance (and its caches) survives, and every page
that shows an edited story, person or value shows the edit; nothing stale is served."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Hub, person_text, read, story_text


@pytest.fixture
def serve(hub: Hub, tmp_path: Path) -> Iterator[object]:
    """Build like `mkdocs serve` does: config loaded again for every rebuild, the plugin
    instance kept (MkDocs keeps plugins that define on_startup)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = tmp_path / "served"
    first = load_config(str(hub.root / "mkdocs.yml"), site_dir=str(site))
    first.plugins.on_startup(command="serve", dirty=False)
    plugins = first.plugins

    def rebuild() -> Path:
        config = load_config(str(hub.root / "mkdocs.yml"), site_dir=str(site))
        config.plugins = plugins
        build(config, serve_url="http://127.0.0.1:8000/")
        return site

    rebuild.plugin = plugins["storyhub"]  # type: ignore[attr-defined]
    try:
        yield rebuild
    finally:
        plugins.on_startup(command="build", dirty=False)


PAGES_SHOWING_NIGHT_SHIFT = (
    "index.html", "stories/index.html", "stories/night-shift/index.html",
    "people/giulia/index.html", "people/marco/index.html", "values/craft/index.html",
    "values/care/index.html",
)


def test_an_edited_title_shows_everywhere(hub: Hub, serve) -> None:  # type: ignore[no-untyped-def]
    site = serve()
    plugin = serve.plugin
    for page in PAGES_SHOWING_NIGHT_SHIFT:
        assert "Night shift" in read(site, page), page
    hub.write("stories/night-shift.md",
              story_text("Night shift, told again", people="[giulia, marco]",
                         values="[craft, care]"))
    site = serve()
    assert serve.plugin is plugin  # caches survive the rebuild
    for page in PAGES_SHOWING_NIGHT_SHIFT:
        html = read(site, page)
        assert "Night shift, told again" in html, page
    exports = read(site, "snippets/snippets.json")
    assert "Night shift, told again" in exports and '"title": "Night shift"' not in exports
    assert "The first oven" in exports
    # Only the pages that show the story were rendered again; the rest were reused.
    renders = plugin.renders
    assert renders.reused > 0
    # (the home page, like the people/values/teams listings, is always rendered: it shows a
    # little of everything; it is not kept, so not counted here)
    assert {"stories/index.md", "stories/night-shift/index.md",
            "people/giulia/index.md", "values/craft/index.md"} <= renders.last_rendered
    assert "values/courage/index.md" not in renders.last_rendered
    unchanged = read(site, "values/courage/index.html")
    index = read(site, "search/search_index.json")
    site = serve()  # nothing changed: nothing rendered
    assert renders.last_rendered == set()
    assert read(site, "values/courage/index.html") == unchanged
    # Reused pages keep their text in the search index (their HTML is the previous build's).
    assert read(site, "search/search_index.json") == index
    assert "first-oven" in index and "Night shift, told again" in index


def test_a_removed_story_disappears_everywhere(hub: Hub, serve) -> None:  # type: ignore[no-untyped-def]
    site = serve()
    (hub.root / "stories" / "night-shift.md").unlink()
    site = serve()
    assert not (site / "stories" / "night-shift").exists()
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".xml"):
            assert "Night shift" not in path.read_text(encoding="utf-8"), path


def test_an_edited_person_and_value_show_everywhere(hub: Hub, serve) -> None:  # type: ignore[no-untyped-def]
    serve()
    hub.write("people/giulia.md", person_text("Giulia Ferri-Rossi", bio="Giulia bakes at night."))
    values = (hub.root / "values.yml").read_text(encoding="utf-8")
    assert "name: Craft\n" in values
    hub.write("values.yml", values.replace("name: Craft", "name: Craftsmanship"))
    site = serve()
    for page in ("stories/night-shift/index.html", "people/giulia/index.html",
                 "people/index.html"):
        assert "Giulia Ferri-Rossi" in read(site, page), page
    for page in ("stories/night-shift/index.html", "values/index.html",
                 "values/craft/index.html"):
        assert "Craftsmanship" in read(site, page), page


def test_preview_exports_equal_a_fresh_build(hub: Hub, serve, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A preview server reuses each unchanged story's part of snippets.json and snippets.csv;
    after edits its exports are byte for byte those of a fresh build of the same hub."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    serve()
    memo = serve.plugin.renders.exports
    assert set(memo) == {"night-shift", "first-oven"}
    kept, edited = memo["first-oven"], memo["night-shift"]
    hub.write("stories/night-shift.md",
              story_text("Night shift, told again", people="[giulia, marco]",
                         values="[craft, care]"))
    served = serve()
    assert memo["first-oven"] is kept  # not written again: nothing it shows changed
    assert memo["night-shift"] is not edited
    fresh = hub.build(site="fresh")
    names = sorted(p.name for p in (fresh / "snippets").iterdir())
    assert {"snippets.json", "snippets.csv", "index.html"} <= set(names)
    assert names == sorted(p.name for p in (served / "snippets").iterdir())
    for name in names:
        assert (served / "snippets" / name).read_bytes() == \
            (fresh / "snippets" / name).read_bytes(), name
    assert "Night shift, told again" in read(served, "snippets/snippets.csv")
    # A person renamed: the stories they are in are written again, the others are kept.
    kept = memo["first-oven"]
    hub.write("people/marco.md", person_text("Marco Rinaldi-Neri"))
    served = serve()
    fresh = hub.build(site="fresh2")
    for name in ("snippets.json", "snippets.csv"):
        assert (served / "snippets" / name).read_bytes() == \
            (fresh / "snippets" / name).read_bytes(), name
    assert "Marco Rinaldi-Neri" in read(served, "snippets/snippets.json")
    assert memo["first-oven"] is kept  # Marco is not in it
