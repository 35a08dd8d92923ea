"""`mkdocs serve` rebuilds: the plugin instance (and its caches) survives, and every page
that shows an edited story, person or value shows the edit; nothing stale is served."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import (
    Hub,
    all_output_text,
    image_bytes,
    own_plugins,
    person_text,
    previewing,
    read,
    story_text,
)


@pytest.fixture
def serve(hub: Hub, tmp_path: Path) -> Iterator[object]:
    """Build like `mkdocs serve` does (conftest.previewing)."""
    with previewing(hub, tmp_path / "served") as rebuild:
        yield rebuild


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
    # (what each page read is recorded while it renders: site/recording.py)
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


def test_the_search_index_keeps_only_unchanged_pages_entries(hub: Hub, serve) -> None:  # type: ignore[no-untyped-def]
    """Unchanged pages keep their search entries from the last build (not parsed again);
    a page whose HTML or title changed is indexed again: the index is a fresh build's."""
    import json

    hub.write("docs/about.md", "# About\n\nWho we are.\n\n## Our kilns\n\nTwo of them.\n")
    site = serve()
    before = json.loads(read(site, "search/search_index.json"))["docs"]
    assert any(d["title"] == "Our kilns" for d in before)
    hub.write("docs/about.md", "# About\n\nWho we are.\n\n## Our ovens\n\nThree now.\n")
    site = serve()
    after = json.loads(read(site, "search/search_index.json"))["docs"]
    assert [d for d in after if d["location"].startswith("about/")] == [
        {"location": "about/", "title": "About", "text": "<p>Who we are.</p>"},
        {"location": "about/#our-ovens", "title": "Our ovens", "text": "<p>Three now.</p>"}]
    assert [d for d in after if not d["location"].startswith("about/")] == [
        d for d in before if not d["location"].startswith("about/")]
    # every page but the edited one kept its entries (the site's own pages are in every
    # page's key, so all were rendered again, and came out the same); with nothing
    # changed, every page keeps them
    entries = serve.plugin.search_entries
    kept = entries.kept
    assert kept > len({d["location"].split("#")[0] for d in after}) - 2
    site = serve()
    assert entries.kept == kept + 1
    assert json.loads(read(site, "search/search_index.json"))["docs"] == after


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
    """A preview server reuses each unchanged story's part of snippets.json and snippets.csv
    (copied from the files it wrote last time, not made again); after edits its exports are
    byte for byte those of a fresh build of the same hub, and a file changed by hand between
    two builds is not copied from."""
    from storyhub.social import export

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    made: list[str] = []
    story_data = export._story_data

    def counted(item, *args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(item.story.id)
        return story_data(item, *args, **kwargs)

    monkeypatch.setattr(export, "_story_data", counted)
    serve()
    memo = serve.plugin.renders.exports
    assert set(memo) == set(memo.articles) == {"night-shift", "first-oven"}
    assert sorted(made) == ["first-oven", "night-shift"]
    kept, edited = memo["first-oven"], memo["night-shift"]
    kept_article, edited_article = memo.articles["first-oven"], memo.articles["night-shift"]
    hub.write("stories/night-shift.md",
              story_text("Night shift, told again", people="[giulia, marco]",
                         values="[craft, care]"))
    made.clear()
    served = serve()
    assert made == ["night-shift"]  # first-oven's part copied: nothing it shows changed
    assert memo["first-oven"][0] is kept[0]
    assert memo["night-shift"][0] is not edited[0]
    # the same for the stories' articles on the snippets page (compared whole below)
    assert memo.articles["first-oven"] is kept_article
    assert memo.articles["night-shift"] is not edited_article
    assert "Night shift, told again" in memo.articles["night-shift"][2]
    fresh = hub.build(site="fresh")
    names = sorted(p.name for p in (fresh / "snippets").iterdir())
    assert {"snippets.json", "snippets.csv", "index.html"} <= set(names)
    assert names == sorted(p.name for p in (served / "snippets").iterdir())
    for name in names:
        assert (served / "snippets" / name).read_bytes() == \
            (fresh / "snippets" / name).read_bytes(), name
    assert "Night shift, told again" in read(served, "snippets/snippets.csv")
    # A person renamed: the stories they are in are written again, the others are kept.
    hub.write("people/marco.md", person_text("Marco Rinaldi-Neri"))
    made.clear()
    served = serve()
    assert made == ["night-shift"]  # Marco is not in first-oven
    fresh = hub.build(site="fresh2")
    for name in ("snippets.json", "snippets.csv"):
        assert (served / "snippets" / name).read_bytes() == \
            (fresh / "snippets" / name).read_bytes(), name
    assert "Marco Rinaldi-Neri" in read(served, "snippets/snippets.json")
    # The exports changed by hand between two builds (a file written over, one removed):
    # nothing is copied from them, every story's part is made again, and right.
    for name in ("snippets.json", "snippets.csv"):
        (served / "snippets" / name).write_bytes(b"{}")
        made.clear()
        hub.write("stories/night-shift.md", story_text(f"Night shift, {name}",
                                                       people="[giulia, marco]"))
        served = serve()
        assert sorted(made) == ["first-oven", "night-shift"]
        fresh = hub.build(site=f"fresh-{name}")
        for written in ("snippets.json", "snippets.csv"):
            assert (served / "snippets" / written).read_bytes() == \
                (fresh / "snippets" / written).read_bytes(), (name, written)
    (served / "snippets" / "snippets.csv").unlink()
    made.clear()
    hub.write("stories/night-shift.md", story_text("Night shift, once more",
                                                   people="[giulia, marco]"))
    served = serve()
    assert sorted(made) == ["first-oven", "night-shift"]
    assert "Night shift, once more" in read(served, "snippets/snippets.csv")
    assert not list((served / "snippets").glob(".*"))  # nothing left beside them


def test_a_failed_export_says_why_and_the_next_rebuild_is_whole(hub: Hub, serve,  # type: ignore[no-untyped-def]
                                                                 monkeypatch) -> None:
    """An export that fails halfway through a preview's rebuild (after an unchanged story's
    part was copied from the last files) fails with its own error, leaves nothing beside
    the exports, and the next rebuild writes them whole and right."""
    from storyhub.social import export

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    served = serve()
    rows = export._rows

    def failing(item, *args, **kwargs):  # type: ignore[no-untyped-def]
        if item.story.id == "first-oven":  # written after night-shift (newest first)
            raise RuntimeError("the disk is full")
        return rows(item, *args, **kwargs)

    monkeypatch.setattr(export, "_rows", failing)
    hub.write("stories/first-oven.md", story_text("First oven, again", date="2024-05-01"))
    with pytest.raises(RuntimeError, match="the disk is full"):
        serve()
    assert not list((served / "snippets").glob(".*"))
    monkeypatch.setattr(export, "_rows", rows)
    served = serve()
    fresh = hub.build(site="fresh")
    for name in ("snippets.json", "snippets.csv"):
        assert (served / "snippets" / name).read_bytes() == \
            (fresh / "snippets" / name).read_bytes(), name
    assert "First oven, again" in read(served, "snippets/snippets.csv")


def _fresh_preview(hub: Hub, site: Path) -> Path:
    """What a new `mkdocs serve` of the hub as it is now builds first (a new plugin)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with own_plugins():  # a new server's plugin, not the one being tested
        config = load_config(str(hub.root / "mkdocs.yml"), site_dir=str(site))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url="http://127.0.0.1:8000/")
    return site


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_the_served_folder_equals_a_fresh_one_after_edits(hub: Hub, serve, tmp_path,  # type: ignore[no-untyped-def]
                                                           monkeypatch) -> None:
    """The served folder is updated in place (not emptied): after edits that add, remove,
    rename and unpublish, it holds exactly the files of a fresh preview, byte for byte."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    hub.write("docs/about.md", "# About\n\nWho we are.\n")
    hub.write("docs/extra.txt", "first version\n")
    site = serve()
    assert (site / "about" / "index.html").is_file()
    hub.write("stories/night-shift.md",
              story_text("Night shift, told again", people="[giulia, marco]",
                         values="[craft, care]"))
    serve()
    hub.write("stories/new-kiln.md", story_text("The new kiln", date="2025-04-02",
                                                values="[courage]"))
    (hub.root / "docs" / "about.md").unlink()
    hub.write("docs/extra.txt", "second version\n")
    hub.write("stories/first-oven.md", story_text("The first oven", date="2024-05-01",
                                                  summary="How it started.",
                                                  extra="draft: true\n"))
    site = serve()
    assert not (site / "about").exists()
    assert not (site / "stories" / "first-oven").exists()
    assert read(site, "extra.txt") == "second version\n"
    served, fresh = _tree(site), _tree(_fresh_preview(hub, tmp_path / "fresh"))
    assert sorted(served) == sorted(fresh)
    assert [name for name in served if served[name] != fresh[name]] == []
    assert not list(site.glob(".storyhub*"))  # nothing of the bookkeeping is served


def test_a_card_whose_story_and_answers_did_not_change_is_not_rendered_again(  # type: ignore[no-untyped-def]
        hub: Hub, serve, tmp_path, monkeypatch) -> None:
    """A preview page rendered again (a value page listing an edited story) shows the
    other stories' cards as the last build rendered them, once everything each card read
    gets the same answer (the story itself included); a card whose story changed is
    rendered again. The served folder stays a fresh preview's, byte for byte."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    hub.write("stories/marco-desk.md", story_text("Marco's desk", date="2025-02-01",
                                                  people="[marco]", values="[craft]"))
    serve()
    plugin = serve.plugin

    def cards() -> dict[str, tuple[str, object]]:
        # (text, reads) of each story's card in the last build, by story id
        return {key[0]: found for key, found in plugin.pipeline.view.cards.rendered.items()}

    for title in ("Night shift, once more", "Night shift, told again"):
        hub.write("stories/night-shift.md",
                  story_text(title, people="[giulia, marco]", values="[craft, care]"))
        site = serve()
        assert "values/craft/index.md" in plugin.renders.last_rendered
        if title == "Night shift, once more":
            earlier = cards()  # rendered while recording: what each card read is known
    now = cards()
    assert now["first-oven"] is earlier["first-oven"]  # shown again, not rendered
    assert now["marco-desk"] is earlier["marco-desk"]
    assert now["night-shift"] is not earlier["night-shift"]
    assert "Night shift, told again" in read(site, "values/craft/index.html")
    # The first oven's summary edited: its card is rendered again, Marco's desk is not.
    hub.write("stories/first-oven.md", story_text("The first oven", date="2024-05-01",
                                                  summary="How it all started."))
    serve()
    after = cards()
    assert after["first-oven"] is not now["first-oven"]
    assert "How it all started." in after["first-oven"][0]
    assert after["marco-desk"] is now["marco-desk"]
    # Giulia renamed (the listings' filter chips name her: every page is rendered again)
    hub.write("people/giulia.md", person_text("Giulia Ferri-Rossi", bio="Giulia bakes at night."))
    site = serve()
    assert "Giulia Ferri-Rossi" in cards()["first-oven"][0]
    served, fresh = _tree(site), _tree(_fresh_preview(hub, tmp_path / "fresh"))
    assert sorted(served) == sorted(fresh)
    assert [name for name in served if served[name] != fresh[name]] == []


def test_a_story_made_a_draft_disappears_from_every_page_and_file(hub: Hub, serve) -> None:  # type: ignore[no-untyped-def]
    site = serve()
    assert (site / "stories" / "night-shift" / "index.html").is_file()
    written = {p for p in site.rglob("*") if p.is_file()}
    hub.write("stories/night-shift.md",
              story_text("Night shift", people="[giulia, marco]", values="[craft, care]",
                         extra="draft: true\n"))
    site = serve()
    assert not (site / "stories" / "night-shift").exists()
    for path, text in all_output_text(site):
        assert "Night shift" not in text and "night-shift" not in text, path
    # Unchanged files stay where they were (the folder is not emptied and written again).
    kept = [p for p in written if p.is_file()]
    assert kept and (site / "assets" / "stylesheets").is_dir()
    hub.write("stories/night-shift.md",
              story_text("Night shift", people="[giulia, marco]", values="[craft, care]"))
    site = serve()  # published again: back everywhere
    for page in PAGES_SHOWING_NIGHT_SHIFT:
        assert "Night shift" in read(site, page), page


def test_a_replaced_file_with_the_same_name_is_copied_again(hub: Hub, serve) -> None:  # type: ignore[no-untyped-def]
    """An intact copy is kept only while its source is unchanged: a file replaced by
    another of the same size (and an older date) is copied again."""
    import os

    source = hub.write("docs/files/notes.txt", "AAAA\n")
    site = serve()
    assert read(site, "files/notes.txt") == "AAAA\n"
    copied = (site / "files" / "notes.txt").stat().st_mtime_ns
    site = serve()
    assert read(site, "files/notes.txt") == "AAAA\n"
    assert (site / "files" / "notes.txt").stat().st_mtime_ns == copied  # kept, not copied
    before = source.stat()
    source.write_text("BBBB\n", encoding="utf-8")
    os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size, same date
    site = serve()
    assert read(site, "files/notes.txt") == "BBBB\n"


def test_a_failed_rebuild_then_a_good_one_serves_no_stale_page(hub: Hub, serve) -> None:  # type: ignore[no-untyped-def]
    import pytest as _pytest
    from mkdocs.exceptions import Abort, PluginError

    site = serve()
    (hub.root / "stories" / "first-oven.md").unlink()
    hub.write("mkdocs.yml", read(hub.root, "mkdocs.yml").replace(
        "- storyhub", "- storyhub:\n    no_such_option: 1"))
    with _pytest.raises((PluginError, Abort)):
        serve()
    hub.write("mkdocs.yml", read(hub.root, "mkdocs.yml").replace(
        "- storyhub:\n    no_such_option: 1", "- storyhub"))
    site = serve()
    assert not (site / "stories" / "first-oven").exists()
    for path, text in all_output_text(site):
        assert "The first oven" not in text, path


def test_a_dirty_preview_leaves_the_folder_to_mkdocs(hub: Hub, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`mkdocs serve --dirty` does not empty the folder and skips unchanged Markdown pages:
    the plugin does not update the folder in place then (it would remove those pages)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = tmp_path / "dirty"
    hub.write("docs/about.md", "# About\n\nWho we are.\n")
    config = load_config(str(hub.root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)
    plugins = config.plugins
    try:
        for _ in range(2):
            config = load_config(str(hub.root / "mkdocs.yml"), site_dir=str(site))
            config.plugins = plugins
            build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
        assert (site / "about" / "index.html").is_file()
        assert plugins["storyhub"].site is None
    finally:
        plugins.on_startup(command="build", dirty=False)


def test_a_broken_preview_keeps_no_page_of_the_previous_build(hub: Hub, serve) -> None:  # type: ignore[no-untyped-def]
    """Content errors in a preview: every address shows the problems (MkDocs answers the
    404 page), so no page of the last good build may stay in the folder; once fixed, the
    pages are all back."""
    site = serve()
    good = read(hub.root, "stories/night-shift.md")
    hub.write("stories/night-shift.md", good.replace("title: Night shift", "title: [unclosed"))
    site = serve()
    assert "storyhub-preview-error" in read(site, "index.html")
    left = [p.relative_to(site).as_posix() for p in site.rglob("*.html")
            if not p.is_relative_to(site / "admin")]
    assert sorted(left) == ["404.html", "index.html"]
    hub.write("stories/night-shift.md", good)
    site = serve()
    assert not (site / "storyhub-preview-error.txt").exists()
    for page in PAGES_SHOWING_NIGHT_SHIFT:
        assert "Night shift" in read(site, page), page


def test_times_too_coarse_to_tell_builds_apart_mean_an_emptied_folder(hub: Hub, serve) -> None:  # type: ignore[no-untyped-def]
    """On a file system whose times cannot tell this build's files from the last build's
    (FAT: 2 s), nothing is kept: MkDocs empties the folder as it always does."""
    serve()
    site_state = serve.plugin.site
    assert site_state.newest > 0
    site_state.newest = 2**62  # as if the last build's files were written "now"
    (hub.root / "stories" / "first-oven.md").unlink()
    site = serve()
    assert site_state.mark is None and not site_state.kept
    assert not (site / "stories" / "first-oven").exists()
    assert (site / "stories" / "night-shift" / "index.html").is_file()
    site = serve()  # and the next one keeps again
    assert site_state.mark is not None and site_state.kept


def test_a_photo_replaced_in_a_preview_is_served_anew(hub: Hub, serve, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A preview keeps its re-encoded photos and their responsive versions in memory (by
    content): an unchanged photo is neither re-encoded nor read back from the image cache;
    a photo replaced in place (same name) is served as a fresh build gives it."""
    import os

    from storyhub.media import cache_files

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    hub.write("people/giulia.md", person_text("Giulia Ferri", extra="photo: g.png\n"))
    path = hub.write("people/g.png", image_bytes("PNG", (900, 900), "red", compress_level=0))
    served = serve()
    photos = sorted(p.relative_to(served).as_posix() for p in served.rglob("g*.*")
                    if p.suffix in (".png", ".webp", ".jpg"))
    assert len(photos) > 2, photos  # the photo and its smaller versions
    before = {name: (served / name).read_bytes() for name in photos}
    reads: list[Path] = []
    read_sealed = cache_files.read_sealed
    monkeypatch.setattr(cache_files, "read_sealed",
                        lambda *a, **k: reads.append(a[0]) or read_sealed(*a, **k))
    monkeypatch.setattr("storyhub.media.images.read_sealed", cache_files.read_sealed)
    monkeypatch.setattr("storyhub.media.cards.read_sealed", cache_files.read_sealed)
    hub.write("stories/night-shift.md", story_text("Night shift", people="[giulia, marco]",
                                                   values="[craft, care]",
                                                   body="Told again, at dawn."))
    served = serve()
    assert "Told again, at dawn." in read(served, "stories/night-shift/index.html")
    assert {name: (served / name).read_bytes() for name in photos} == before
    # the images and the share images' thumbnails of the last build, from memory (the share
    # images themselves are checked on disk: the next step copies them from there)
    assert [p for p in reads if p.parent.name != "cards" or "-thumb-" in p.name] == []
    assert any(p.parent.name == "cards" for p in reads)
    stamp = path.stat().st_mtime_ns
    path.write_bytes(image_bytes("PNG", (900, 900), "blue", compress_level=0))
    os.utime(path, ns=(stamp, stamp))  # same name, size and time: only the content changed
    served = serve()
    fresh = hub.build(site="fresh")
    for name in photos:
        assert (served / name).read_bytes() == (fresh / name).read_bytes(), name
        assert (served / name).read_bytes() != before[name], name
