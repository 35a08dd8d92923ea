"""Safety lives in the engine-independent pipeline: every command that writes public files
sanitises story HTML and runs the leak scan, whichever way it is started."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Hub, image_bytes, story_text
from storyhub.pipeline import Pipeline

SHIPPED = Path(__file__).resolve().parent.parent / "plugins/storyhub/templates/storyhub"
LEAK = "title of stories/soon.md is not published (draft)"
REFUSED = "trace(s) of unpublished content; do not deploy it"


@pytest.fixture
def leaky_hub(hub: Hub) -> Hub:
    """A hub whose snippets page template (overridden by a careless colleague) prints the
    title of a draft: every command that writes the snippets page must refuse it."""
    hub.write("stories/soon.md", story_text("Glazes in progress", extra="draft: true\n"))
    hub.set(theme={"name": "material", "font": False, "custom_dir": "overrides"})
    page = (SHIPPED / "snippets/page.html").read_text(encoding="utf-8")
    hub.write("overrides/storyhub/snippets/page.html",
              page.replace("</body>", "<p>Coming soon: Glazes in progress</p></body>", 1))
    return hub


def test_mkdocs_build_refuses_the_planted_leak(leaky_hub: Hub) -> None:
    result = leaky_hub.mkdocs("build")
    assert result.returncode == 1
    assert REFUSED in result.stderr
    assert f"snippets/index.html: {LEAK}" in result.stderr


def test_storyhub_build_refuses_the_planted_leak(leaky_hub: Hub) -> None:
    result = leaky_hub.storyhub("build")
    assert result.returncode == 3
    assert REFUSED in result.stderr
    assert f"snippets/index.html: {LEAK}" in result.stderr
    assert not (leaky_hub.root / "site").exists()


@pytest.mark.parametrize("command", ["mkdocs", "storyhub"])
def test_a_file_named_as_an_image_is_read_for_what_it_holds(hub: Hub, command: str) -> None:
    """A pull request's ``docs/`` files are published as they are: one named ``.jpg`` that
    is plain text, and a real JPEG whose comment holds the words, both carry a draft's
    title; both are refused (a name or a format is no hiding place)."""
    hub.write("stories/soon.md", story_text("Glazes in progress", extra="draft: true\n"))
    hub.write("docs/notes.jpg", "Coming soon: Glazes in progress\n")
    jpeg = image_bytes()
    comment = b"Glazes in progress"
    hub.write("docs/photo.jpg", jpeg[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big")
              + comment + jpeg[2:])
    result = hub.mkdocs("build") if command == "mkdocs" else hub.storyhub("build")
    assert result.returncode == (1 if command == "mkdocs" else 3), result.stderr
    assert REFUSED in result.stderr
    assert f"notes.jpg: {LEAK}" in result.stderr
    assert f"photo.jpg: {LEAK}" in result.stderr


def test_storyhub_snippets_refuses_the_planted_leak_and_writes_nothing(leaky_hub: Hub) -> None:
    out = leaky_hub.root / "out"
    out.mkdir()
    (out / "keep.txt").write_text("a file that was there before", encoding="utf-8")
    result = leaky_hub.storyhub("snippets", "--out", "out")
    assert result.returncode == 3, result.stderr
    assert REFUSED in result.stderr
    assert f"index.html: {LEAK}" in result.stderr
    assert f"nothing was written to {out}" in result.stderr
    assert sorted(p.name for p in leaky_hub.root.iterdir() if p.name.startswith(".out")) == []
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]


def test_storyhub_snippets_writes_its_files_after_the_scan(hub: Hub) -> None:
    out = hub.root / "out"
    out.mkdir()
    (out / "keep.txt").write_text("kept", encoding="utf-8")
    result = hub.storyhub("snippets", "--out", "out")
    assert result.returncode == 0, result.stderr
    names = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert {"keep.txt", "index.html", "snippets.json", "snippets.csv"} <= names
    assert not [p for p in hub.root.iterdir() if p.name.startswith(".out.")]


def test_the_pipeline_sanitises_story_html_without_an_engine(hub: Hub) -> None:
    """Another engine's adapter hands each page's HTML to the pipeline: the core removes
    what staff HTML may not carry, and says where."""
    pipeline = Pipeline.from_config_file(hub.root / "mkdocs.yml")
    warnings: list[str] = []
    page = next(p for p in pipeline.plan.pages if p.kind == "story")
    html = pipeline.page_html(page.src_uri, '<p onclick="steal()">Hi</p><script>x()</script>',
                              warn=warnings.append)
    assert "script" not in html and "onclick" not in html and "<p>Hi</p>" in html
    assert len(warnings) == 2 and all("removed" in w for w in warnings)
    listing = next(p for p in pipeline.plan.pages if p.kind == "stories")
    assert pipeline.page_html(listing.src_uri, "<p>ours</p>") == "<p>ours</p>"


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve --dirty"])
def test_the_preview_refuses_the_planted_leak_and_shows_it(
        leaky_hub: Hub, tmp_path: Path, caplog: pytest.LogCaptureFixture, dirty: bool) -> None:
    """`mkdocs serve` scans what it serves: the planted leak is logged with the build's
    message, every address shows it instead of the site (no page of that build stays
    served), and once the template is mended the next rebuild serves the site again (with
    `--dirty` too, which writes only the pages missing or older than their sources)."""
    from conftest import previewing

    site = tmp_path / "served"
    with previewing(leaky_hub, site, dirty=dirty) as rebuild:
        rebuild()
        assert REFUSED in caplog.text
        assert f"snippets/index.html: {LEAK}" in caplog.text
        for name in ("index.html", "404.html"):
            page = (site / name).read_text(encoding="utf-8")
            assert f"snippets/index.html: {LEAK}" in page
            assert "1 trace(s) of unpublished content" in page
            assert "mkdocs build would refuse this site" in page
        assert not (site / "snippets").exists() and not (site / "stories").exists()
        (leaky_hub.root / "overrides/storyhub/snippets/page.html").unlink()
        caplog.clear()
        rebuild()
        assert REFUSED not in caplog.text
        assert "Glazes in progress" not in (site / "snippets/index.html").read_text("utf-8")
        assert (site / "stories/first-oven/index.html").is_file()
        assert "storyhub-preview-error" not in (site / "index.html").read_text("utf-8")


@pytest.mark.parametrize("written_in", ["template", "page"])
def test_a_story_made_a_draft_stops_the_preview_where_a_page_links_to_it(
        hub: Hub, tmp_path: Path, written_in: str) -> None:
    """Drafts meet the preview's scan: when a story becomes a draft, the traces change, so
    the preview reads again what it had read clean (the about page, whose template links
    to the story: the same bytes as before) and shows the link; the story published again,
    the site is back. A link written in the page itself is the check's: the preview shows
    it at the page's line."""
    from conftest import previewing

    hub.write("stories/soon.md", story_text("Glazes in progress", extra="draft: true\n"))
    link = "It began with [the first oven](https://stories.example.com/stories/first-oven/)."
    hub.write("docs/about.md", "# About us\n\n" + (link if written_in == "page" else ""))
    if written_in == "template":  # (the check reads pages, not templates)
        hub.set(theme={"name": "material", "font": False, "custom_dir": "overrides"})
        hub.write("overrides/main.html", '{% extends "base.html" %}{% block footer %}'
                  '{{ super() }}{% if page.url == "about/" %}It began with <a href="https://'
                  'stories.example.com/stories/first-oven/">the first oven</a>.{% endif %}'
                  "{% endblock %}")
    first = hub.root / "stories/first-oven.md"
    published = first.read_text(encoding="utf-8")
    site = tmp_path / "served"
    with previewing(hub, site) as rebuild:
        rebuild()
        assert (site / "about/index.html").is_file()
        first.write_text(published.replace("---\n", "---\ndraft: true\n", 1), encoding="utf-8")
        rebuild()
        page = (site / "index.html").read_text(encoding="utf-8")
        assert ("about/index.html: link to stories/first-oven.md is not published (draft)"
                if written_in == "template" else "docs/about.md:3:60: links to the story "
                "&#x27;The first oven&#x27; (stories/first-oven.md), which is not published "
                "(draft)") in page
        assert not (site / "stories").exists()
        first.write_text(published, encoding="utf-8")
        rebuild()
        assert "first-oven" in (site / "about/index.html").read_text("utf-8")
        assert "storyhub-preview-error" not in (site / "index.html").read_text("utf-8")


def test_an_override_added_while_serving_is_used_by_the_next_rebuild(
        hub: Hub, tmp_path: Path) -> None:
    """storyhub's own pages (the snippets page) are rendered with environments that live
    as long as the server: an override saved while it serves is used by the next rebuild
    (not only the shipped template Jinja found first), and its removal too."""
    from conftest import previewing

    hub.set(theme={"name": "material", "font": False, "custom_dir": "overrides"})
    (hub.root / "overrides").mkdir()
    page = (SHIPPED / "snippets/page.html").read_text(encoding="utf-8")
    site = tmp_path / "served"
    with previewing(hub, site) as rebuild:
        rebuild()
        assert "Ask Marketing first" not in (site / "snippets/index.html").read_text("utf-8")
        override = hub.write("overrides/storyhub/snippets/page.html",
                             page.replace("</body>", "<p>Ask Marketing first</p></body>", 1))
        rebuild()
        assert "Ask Marketing first" in (site / "snippets/index.html").read_text("utf-8")
        override.unlink()
        rebuild()
        assert "Ask Marketing first" not in (site / "snippets/index.html").read_text("utf-8")
