"""Class 1: nothing from outside the hub. Real symbolic links in temporary hubs.

A pull request can add ``ln -s /proc/self/environ x.txt`` to a story folder: the CI job's
environment (its secrets) would become a public file. No link is ever followed under
``stories/``, ``people/``, ``docs/`` or ``overrides/``; ``image:`` and ``photo:`` resolve
inside ``stories/`` and ``people/``; a copy of someone's photo is governed by their consent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import Hub, image_bytes, person_text, story_text
from trust import build_error, diagnostics, files_containing, output_bytes

LINK = ("is a symbolic link (to {target}): storyhub never follows links, so that nothing "
        "from outside the hub can be published; copy the file here instead")


def link_error(path: str, target: str) -> str:
    return f"{path}:1:1: '{Path(path).name}' " + LINK.format(target=target)


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the hub, with a secret file and a photo."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.txt").write_text("TOKEN=hunter2-outside-secret\n", encoding="utf-8")
    (folder / "photo.jpg").write_bytes(image_bytes(color="red"))
    (folder / "story.md").write_text(story_text("Borrowed story"), encoding="utf-8")
    sub = folder / "folder"
    sub.mkdir()
    (sub / "index.md").write_text(story_text("Borrowed folder"), encoding="utf-8")
    return folder


def test_proc_self_environ_in_a_story_folder_is_an_error_and_nothing_is_built(
    hub: Hub, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STORYHUB_TEST_SECRET", "ci-secret-value-0123456789")
    hub.write("stories/a/index.md", story_text("A story"))
    os.symlink("/proc/self/environ", hub.root / "stories/a/env.txt")
    assert diagnostics(hub) == [link_error("stories/a/env.txt", "/proc/self/environ")]
    assert link_error("stories/a/env.txt", "/proc/self/environ") in build_error(hub)
    site = hub.root / "site"
    assert not site.exists() or files_containing(site, "ci-secret-value") == []


def test_link_named_like_an_image_used_as_image(hub: Hub, outside: Path) -> None:
    hub.write("stories/a/index.md", story_text("A", extra="image: pic.jpg\nimage_alt: x\n"))
    os.symlink(outside / "photo.jpg", hub.root / "stories/a/pic.jpg")
    assert diagnostics(hub) == [
        "stories/a/index.md:7:8: 'image': 'pic.jpg' goes through a symbolic link "
        "(stories/a/pic.jpg): storyhub never follows links; copy the file here instead",
        link_error("stories/a/pic.jpg", str(outside / "photo.jpg")),
    ]


def test_link_to_a_secret_beside_a_flat_story(hub: Hub, outside: Path) -> None:
    hub.write("stories/a.md", story_text("A", extra="image: pic.jpg\nimage_alt: x\n"))
    os.symlink(outside / "secret.txt", hub.root / "stories/pic.jpg")
    errors = diagnostics(hub)
    assert errors[1] == link_error("stories/pic.jpg", str(outside / "secret.txt"))
    assert errors[0].startswith("stories/a.md:7:8: 'image': 'pic.jpg' goes through a symbolic")


def test_linked_story_folder(hub: Hub, outside: Path) -> None:
    os.symlink(outside / "folder", hub.root / "stories/borrowed")
    assert diagnostics(hub) == [link_error("stories/borrowed", str(outside / "folder"))]


def test_linked_story_file(hub: Hub, outside: Path) -> None:
    os.symlink(outside / "story.md", hub.root / "stories/borrowed.md")
    assert diagnostics(hub) == [link_error("stories/borrowed.md", str(outside / "story.md"))]


def test_linked_profile(hub: Hub, tmp_path: Path) -> None:
    (tmp_path / "p.md").write_text(person_text("Pia Quinto"), encoding="utf-8")
    os.symlink(tmp_path / "p.md", hub.root / "people/pia.md")
    assert diagnostics(hub) == [link_error("people/pia.md", str(tmp_path / "p.md"))]


def test_linked_photo(hub: Hub, outside: Path) -> None:
    hub.write("people/giulia.md", person_text("Giulia Ferri", extra="photo: photos/g.jpg\n"))
    (hub.root / "people/photos").mkdir()
    os.symlink(outside / "photo.jpg", hub.root / "people/photos/g.jpg")
    assert diagnostics(hub) == [
        "people/giulia.md:5:8: 'photo': 'photos/g.jpg' goes through a symbolic link "
        "(people/photos/g.jpg): storyhub never follows links; copy the file here instead",
        link_error("people/photos/g.jpg", str(outside / "photo.jpg")),
    ]


def test_linked_photos_folder(hub: Hub, outside: Path) -> None:
    hub.write("people/giulia.md", person_text("Giulia Ferri", extra="photo: photos/photo.jpg\n"))
    os.symlink(outside, hub.root / "people/photos")
    assert diagnostics(hub) == [
        "people/giulia.md:5:8: 'photo': 'photos/photo.jpg' goes through a symbolic link "
        "(people/photos): storyhub never follows links; copy the file here instead",
        link_error("people/photos", str(outside)),
    ]


def test_linked_values_file(hub: Hub, tmp_path: Path) -> None:
    real = tmp_path / "values.yml"
    (hub.root / "values.yml").rename(real)
    os.symlink(real, hub.root / "values.yml")
    assert link_error("values.yml", str(real)) in diagnostics(hub)


def test_dangling_link(hub: Hub) -> None:
    hub.write("stories/a/index.md", story_text("A"))
    os.symlink("/nonexistent/for/sure", hub.root / "stories/a/gone.jpg")
    assert diagnostics(hub) == [link_error("stories/a/gone.jpg", "/nonexistent/for/sure")]


def test_link_inside_the_hub_is_refused_too(hub: Hub) -> None:
    """Even a relative link to another story's file: links are never followed."""
    hub.write("stories/b/index.md", story_text("B"))
    hub.write("stories/b/pic.jpg", image_bytes())
    hub.write("stories/a/index.md", story_text("A"))
    os.symlink("../b/pic.jpg", hub.root / "stories/a/pic.jpg")
    assert diagnostics(hub) == [link_error("stories/a/pic.jpg", "../b/pic.jpg")]


@pytest.mark.parametrize("written, message", [
    ("/etc/passwd", "'/etc/passwd' must be a path relative to this file, e.g. photos/me.jpg"),
    ("../../../../../../etc/passwd", "'../../../../../../etc/passwd' points outside the hub "
     "folder"),
    ("../docs/x.jpg", "'../docs/x.jpg' is outside stories/ and people/: put the file beside "
     "the story or in people/photos/"),
    ("../.cache/storyhub/x.jpg", "'../.cache/storyhub/x.jpg' is outside stories/ and people/: "
     "put the file beside the story or in people/photos/"),
    ("C:\\Windows\\win.ini", "'C:\\Windows\\win.ini' must be a path relative to this file, "
     "e.g. photos/me.jpg"),
    ("images\\pic.jpg", "'images\\pic.jpg' must use '/' between folders, e.g. photos/me.jpg"),
    ("file:///etc/passwd", "'file:///etc/passwd' must be a path relative to this file, e.g. "
     "photos/me.jpg"),
])
def test_image_paths_resolve_inside_the_content_folders(
    hub: Hub, written: str, message: str
) -> None:
    hub.write("docs/x.jpg", image_bytes())
    hub.write("stories/a.md", story_text("A", extra=f"image: '{written}'\nimage_alt: x\n"))
    assert diagnostics(hub) == [f"stories/a.md:7:8: 'image': {message}"]


def test_docs_link_is_refused_before_mkdocs_reads_it(hub: Hub, outside: Path) -> None:
    os.symlink(outside / "secret.txt", hub.root / "docs/secret.txt")
    said = "nothing was done:\n" + link_error("docs/secret.txt", str(outside / "secret.txt"))
    assert said in build_error(hub)
    assert not (hub.root / "site").exists()
    checked = hub.storyhub("check")  # the check says it first
    assert checked.returncode == 2 and said in checked.stderr, checked


def test_docs_linked_folder_is_refused(hub: Hub, outside: Path) -> None:
    os.symlink(outside, hub.root / "docs/more")
    assert "docs/more:1:1: 'more' is a symbolic link" in build_error(hub)


def test_overrides_link_is_refused(hub: Hub, outside: Path) -> None:
    hub.write("overrides/main.html", '{% extends "base.html" %}\n')
    os.symlink(outside / "secret.txt", hub.root / "overrides/secret.txt")
    hub.set(theme={"name": "material", "font": False, "custom_dir": "overrides"})
    assert "overrides/secret.txt:1:1: 'secret.txt' is a symbolic" in build_error(hub)


# -- a person's photo, whatever path reaches it, is governed by their consent ----------------

NO_PHOTO = person_text("Marco Bianchi", team="Customer Care", role="Agent",
                       extra="photo: photos/marco.jpg\n").replace("photo: true", "photo: false")
MARCO = image_bytes(color="purple", size=(40, 30))


def _marco_without_photo_consent(hub: Hub) -> None:
    hub.write("people/marco.md", NO_PHOTO)
    hub.write("people/photos/marco.jpg", MARCO)


def _assert_marco_absent(site: Path) -> None:
    files = output_bytes(site)
    assert not any("marco.jpg" in name for name in files)
    assert files_containing(site, "photos/marco") == []
    assert [n for n in files if n.startswith("stories/a/") and n != "stories/a/index.html"] == []


def test_story_image_pointing_at_an_unconsented_photo(hub: Hub) -> None:
    _marco_without_photo_consent(hub)
    hub.write("stories/a.md", story_text("A", extra=(
        "image: ../people/photos/marco.jpg\nimage_alt: x\n")))
    assert diagnostics(hub) == []
    assert diagnostics(hub, "warning") == [
        "stories/a.md:7:8: warning: ../people/photos/marco.jpg is not published: it is the profile "
        "photo of marco (marco has not consented to publishing their photo)"]
    _assert_marco_absent(hub.build(strict=False))


def test_copy_of_an_unconsented_photo_beside_a_story(hub: Hub) -> None:
    _marco_without_photo_consent(hub)
    hub.write("stories/a/index.md", story_text("A", extra="image: me.jpg\nimage_alt: x\n"))
    hub.write("stories/a/me.jpg", MARCO)
    hub.write("stories/a/also.jpg", MARCO)
    assert diagnostics(hub, "warning") == [
        "stories/a/also.jpg:1:1: warning: also.jpg is not published: it is the profile photo "
        "of marco (marco has not consented to publishing their photo)",
        "stories/a/index.md:7:8: warning: me.jpg is not published: it is the profile photo "
        "of marco (marco has not consented to publishing their photo)",
    ]
    _assert_marco_absent(hub.build(strict=False))


def test_hard_link_of_an_unconsented_photo(hub: Hub) -> None:
    _marco_without_photo_consent(hub)
    hub.write("stories/a/index.md", story_text("A"))
    os.link(hub.root / "people/photos/marco.jpg", hub.root / "stories/a/m.jpg")
    assert len(diagnostics(hub, "warning")) == 1
    _assert_marco_absent(hub.build(strict=False))


def test_copy_of_a_withdrawn_persons_photo(hub: Hub) -> None:
    hub.write("people/marco.md", person_text(
        "Marco Bianchi", extra="photo: photos/marco.jpg\n").replace(
        "  date: 2025-01-15\n", "  date: 2025-01-15\n  withdrawn: 2025-02-01\n"))
    hub.write("people/photos/marco.jpg", MARCO)
    hub.write("stories/a/index.md", story_text("A"))
    hub.write("stories/a/team.jpg", MARCO)
    assert diagnostics(hub, "warning") == [
        "stories/a/team.jpg:1:1: warning: team.jpg is not published: it is the profile photo "
        "of marco (marco withdrew consent on 2025-02-01)"]


def test_copy_of_a_consented_photo_is_published(hub: Hub) -> None:
    hub.write("people/giulia.md", person_text("Giulia Ferri", extra="photo: photos/g.jpg\n"))
    hub.write("people/photos/g.jpg", MARCO)
    hub.write("stories/a/index.md", story_text("A"))
    hub.write("stories/a/g.jpg", MARCO)
    assert diagnostics(hub, "warning") == []
    assert (hub.build(strict=False) / "stories/a/g.jpg").is_file()


def test_hard_link_to_a_file_outside_is_not_copied(hub: Hub, outside: Path) -> None:
    hub.write("stories/a/index.md", story_text("A"))
    os.link(outside / "secret.txt", hub.root / "stories/a/notes.txt")
    assert diagnostics(hub, publish={"files": {".txt": 1000}}) == [
        "stories/a/notes.txt:1:1: 'notes.txt' is a hard link to a file elsewhere (2 names for "
        "the same file): it would be copied as it is, so it is not published; copy the file "
        "here instead"]


def test_docs_dir_outside_the_hub_is_refused(hub: Hub, outside: Path) -> None:
    hub.set(docs_dir=str(outside))
    line = next(n for n, text in enumerate(
        (hub.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines(), 1)
        if text.startswith("docs_dir:"))
    said = (f"mkdocs.yml:{line}:11: 'docs_dir' ({outside}) is outside the folder of mkdocs.yml: "
            "MkDocs would publish files from elsewhere")
    assert said in build_error(hub)
    checked = hub.storyhub("check")
    assert checked.returncode == 2 and said in checked.stderr, checked


def test_theme_custom_dir_outside_the_hub_is_refused(hub: Hub, outside: Path) -> None:
    """``custom_dir: /some/folder`` made MkDocs copy every file there into the site (its
    static files): refused at its line by the build and, first, by the check."""
    hub.set(theme={"name": "material", "font": False, "custom_dir": str(outside)})
    said = f"'theme.custom_dir' ({outside}) is outside the folder of mkdocs.yml"
    assert said in build_error(hub)
    assert not (hub.root / "site").exists()
    checked = hub.storyhub("check")
    assert checked.returncode == 2 and said in checked.stderr, checked



@pytest.mark.parametrize(("setting", "value"), [("docs_dir", "people"),
                                                ("docs_dir", "stories"),
                                                ("custom_dir", "stories")])
def test_a_content_folder_is_not_the_engines_own(hub: Hub, setting: str, value: str) -> None:
    """``docs_dir: people`` made MkDocs publish every profile as a page, hidden people's too
    (tried: the build was stopped only by the search for their names, labelled docs/…);
    ``docs_dir: stories`` every story file, drafts included. Refused at the line, by the
    check and the build."""
    if setting == "docs_dir":
        hub.set(docs_dir=value)
    else:
        hub.set(theme={"name": "material", "font": False, "custom_dir": value})
    name = "docs_dir" if setting == "docs_dir" else "theme.custom_dir"
    said = f"'{name}' ({hub.root / value}) holds the stories or the profiles"
    checked = hub.storyhub("check")
    assert checked.returncode == 2 and said in checked.stderr, checked
    assert said in build_error(hub)
    assert not (hub.root / "site").exists()


def test_a_page_of_another_docs_dir_is_named_by_its_own_folder(hub: Hub) -> None:
    """The check named every page of the site's own pages "docs/…", whatever docs_dir says."""
    hub.set(docs_dir="pages")
    hub.write("pages/index.md", "Welcome.\n")
    hub.write("pages/about.md", "We bake.\n\nNight\x07 shift.\n")
    checked = hub.storyhub("check")
    assert "pages/about.md:3:6: this text holds U+0007 (bell)" in checked.stdout + checked.stderr
