"""Class 2: what a story folder may publish is an allowlist, decided once by the loader.

JPEG, PNG and WebP are re-encoded from pixels; other camera formats are rejected with
what to do; active content (HTML, SVG, XML, scripts…) is never copied; other types need a
``publish: files:`` entry with a size limit. Build cases scan every output file.
"""

from __future__ import annotations

import pytest
from conftest import Hub, image_bytes, story_text
from trust import diagnostics, output_bytes

ACTIVE = ("cannot be published beside a story: {suffix} files can run code in the reader's "
          "browser (export images as PNG or JPEG)")


@pytest.mark.parametrize("name", [
    "page.html", "page.htm", "inc.shtml", "doc.xht", "doc.xhtml", "logo.svg", "logo.svgz",
    "feed.xml", "app.js", "mod.mjs", "data.json", "style.css", "x.php", "PAGE.HTML",
    "archive.mhtml", "tool.hta", "prog.wasm",
])
def test_active_content_is_never_copied(hub: Hub, name: str) -> None:
    hub.write("stories/a/index.md", story_text("A"))
    hub.write(f"stories/a/{name}", "<script>alert('active')</script>")
    suffix = "." + name.rsplit(".", 1)[1].lower()
    assert diagnostics(hub) == [f"stories/a/{name}:1:1: '{name}' " + ACTIVE.format(
        suffix=suffix)]


@pytest.mark.parametrize("name, what", [
    ("photo.heic", "an iPhone HEIC photo: export it as JPEG (Photos > Export, or set the camera "
     "to 'Most Compatible')"),
    ("photo.HEIF", "a HEIF photo: export it as JPEG"),
    ("anim.gif", "a GIF image: export it as PNG (animations are not published)"),
    ("scan.tiff", "a TIFF image: export it as JPEG or PNG"),
    ("scan.tif", "a TIFF image: export it as JPEG or PNG"),
    ("paint.bmp", "a BMP image: export it as PNG"),
    ("raw.dng", "a camera RAW file: export it as JPEG"),
    ("pic.avif", "an AVIF image: export it as JPEG or WebP"),
])
def test_other_camera_formats_are_rejected_with_advice(hub: Hub, name: str, what: str) -> None:
    hub.write("stories/a/index.md", story_text("A"))
    hub.write(f"stories/a/{name}", image_bytes("GIF") if name.endswith("gif") else b"\0" * 64)
    assert diagnostics(hub) == [
        f"stories/a/{name}:1:1: '{name}' is {what}; a story folder publishes only JPEG, PNG "
        "and WebP images"]


@pytest.mark.parametrize("name", ["notes.txt", "data.csv", "report.pdf", "README", "x.docx"])
def test_other_files_are_not_published_and_a_warning_says_so(hub: Hub, name: str) -> None:
    hub.write("stories/a/index.md", story_text("A"))
    hub.write(f"stories/a/{name}", "private notes: do not publish 0123456789")
    suffix = f".{name.rsplit('.', 1)[1]} files" if "." in name else "files without a suffix"
    assert diagnostics(hub) == []
    assert diagnostics(hub, "warning") == [
        f"stories/a/{name}:1:1: warning: '{name}' is not published: a story folder publishes "
        f"JPEG, PNG and WebP images; to publish {suffix}, list the type with a size limit in "
        "the 'publish: files:' option"]
    site = hub.build(strict=False)
    assert [n for n, data in output_bytes(site).items() if b"private notes" in data
            or name in n] == []


def test_jfif_and_jpe_are_jpeg_and_reencoded(hub: Hub) -> None:
    hub.write("stories/a/index.md", story_text("A"))
    hub.write("stories/a/cam.jfif", image_bytes(exif=b"Exif\0\0GPS-SECRET-XYZ"))
    hub.write("stories/a/old.jpe", image_bytes(comment=b"COMMENT-SECRET-XYZ"))
    assert diagnostics(hub) == []
    files = output_bytes(hub.build())
    assert files["stories/a/cam.jfif"].startswith(b"\xff\xd8\xff")
    assert "stories/a/old.jpe" in files
    assert [n for n, data in files.items() if b"SECRET-XYZ" in data] == []


def test_allowlisted_type_within_its_limit_is_copied(hub: Hub) -> None:
    hub.config(publish={"files": {".pdf": 1000}})
    hub.write("stories/a/index.md", story_text("A"))
    hub.write("stories/a/menu.pdf", b"%PDF-1.4\n%fake but passive\n")
    assert diagnostics(hub, publish={"files": {".pdf": 1000}}) == []
    assert (hub.build() / "stories/a/menu.pdf").read_bytes().startswith(b"%PDF")


def test_allowlisted_type_over_its_limit(hub: Hub) -> None:
    hub.write("stories/a/index.md", story_text("A"))
    hub.write("stories/a/menu.pdf", b"%PDF-1.4\n" + b"0" * 2000)
    assert diagnostics(hub, publish={"files": {"pdf": 1000}}) == [
        "stories/a/menu.pdf:1:1: 'menu.pdf' is 2009 bytes; the limit for .pdf files is 1000 "
        "bytes ('publish: files:' option): make it smaller"]


def test_allowlisted_type_holding_html(hub: Hub) -> None:
    hub.write("stories/a/index.md", story_text("A"))
    hub.write("stories/a/menu.txt", "\n  <!DOCTYPE html><script>alert(1)</script>")
    assert diagnostics(hub, publish={"files": {".txt": 1000}}) == [
        "stories/a/menu.txt:1:1: 'menu.txt' contains HTML, SVG or XML, whatever its name says: "
        "a browser could run it, so it is not published"]


@pytest.mark.parametrize("files, message", [
    ({".html": 10}, "storyhub option 'publish.files': '.html' files can run code "
     "in a reader's browser and are never published"),
    ({".svg": 10}, "storyhub option 'publish.files': '.svg' files can run code "
     "in a reader's browser and are never published"),
    ({".pdf": 0}, "storyhub option 'publish.files': the size limit of '.pdf' must "
     "be a number of bytes > 0"),
    ({"../x": 10}, "storyhub option 'publish.files': '../x' is not a file suffix "
     "such as .pdf"),
])
def test_active_types_cannot_be_allowlisted(hub: Hub, files: dict[str, int],
                                            message: str) -> None:
    # The options are given here, not in the fixture's mkdocs.yml: the position is the
    # storyhub entry's (8:3); the message is exact.
    assert diagnostics(hub, publish={"files": files}) == [f"mkdocs.yml:8:3: {message}"]


def test_hidden_files_and_extra_markdown_are_never_published(hub: Hub) -> None:
    hub.write("stories/a/index.md", story_text("A"))
    hub.write("stories/a/.env", "SECRET_TOKEN=abcdef0123456789")
    hub.write("stories/a/.DS_Store", b"\0\0\0\1Bud1")
    hub.write("stories/a/draft-notes.md", "Unpublished draft notes 0123456789")
    hub.write("stories/a/.git/config", "[remote] url=secret-remote-0123456789")
    assert diagnostics(hub) == []
    assert diagnostics(hub, "warning") == [
        "stories/a/.env:1:1: warning: '.env' is a hidden file and is not published",
        "stories/a/.git/config:1:1: warning: 'config' is a hidden file and is not published",
        "stories/a/draft-notes.md:1:1: warning: 'draft-notes.md' is not read: the story's text "
        "is stories/a/index.md; another Markdown file beside it is neither read nor published",
    ]
    files = output_bytes(hub.build(strict=False))
    # admin/decap-cms/ is the web editor's pinned bundle (npm's bytes, checked against its
    # manifest by test_editor_config): its code happens to contain the digits 0-9 in a row.
    assert [n for n, d in files.items() if (b"0123456789" in d or ".env" in n)
            and not n.startswith("admin/decap-cms/")] == []


def test_images_in_subfolders_are_reencoded_and_keep_their_path(hub: Hub) -> None:
    hub.write("stories/a/index.md", story_text("A"))
    hub.write("stories/a/img/one.png", image_bytes("PNG", pnginfo=None))
    files = output_bytes(hub.build())
    assert files["stories/a/img/one.png"].startswith(b"\x89PNG")


def test_fake_jpeg_beside_a_story(hub: Hub) -> None:
    hub.write("stories/a/index.md", story_text("A"))
    hub.write("stories/a/x.jpg", "<svg onload=alert(1)>")
    assert diagnostics(hub) == [
        "stories/a/x.jpg:1:1: the file is a SVG file, whatever its name says: SVG files can "
        "contain scripts and are not accepted: export it as PNG or JPEG"]


def test_draft_folder_files_are_never_copied(hub: Hub) -> None:
    hub.write("stories/a/index.md", story_text("A long draft title here", extra="draft: true\n"))
    hub.write("stories/a/secret-plan.jpg", image_bytes())
    files = output_bytes(hub.build())
    assert [n for n in files if "secret-plan" in n or n.startswith("stories/a/")] == []


def test_a_cache_file_committed_by_a_pull_request_is_not_published(hub: Hub) -> None:
    """The image cache is keyed by the original's bytes, which an attacker knows: a cached
    file that is not storyhub's own clean output is ignored and made again."""
    hub.write("stories/a/index.md", story_text("A"))
    hub.write("stories/a/pic.jpg", image_bytes())
    hub.build()
    [cached] = (hub.root / ".cache/storyhub/images").glob("*.jpeg")
    cached.write_bytes(image_bytes(exif=b"Exif\0\0POISONED-GPS-XYZ"))
    # reported as damaged (issue 20: every cache file is checked against its hash)
    files = output_bytes(hub.build(strict=False))
    assert [n for n, data in files.items() if b"POISONED-GPS-XYZ" in data] == []
    assert b"POISONED" not in cached.read_bytes()


def test_cache_files_committed_to_git_stop_the_build(hub: Hub) -> None:
    import subprocess

    hub.write(".cache/storyhub/snippets/0123abcd/index.html", "<script>alert(1)</script>")
    for command in (["init", "-q"], ["add", "-f", ".cache"]):
        subprocess.run(["git", *command], cwd=hub.root, check=True, capture_output=True)
    assert diagnostics(hub) == [
        ".cache/storyhub/snippets/0123abcd/index.html:1:1: this build-cache file is committed "
        "to the repository: storyhub would publish it as if it had made it — remove it (git rm "
        "-r --cached .cache) and keep .cache/ out of git"]
