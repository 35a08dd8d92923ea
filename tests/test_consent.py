"""Consent, departures, drafts and embargoes around "now", and the leak scan after a build."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Hub, all_output_text, image_bytes, read, story_text


def person(name: str, *, consent: dict[str, object] | None = None, extra: str = "",
           bio: str = "A bio.") -> str:
    fields = {"name": True, "photo": True, "quotes": True, "social": True,
              "date": "2025-01-15", **(consent or {})}
    lines = "".join(f"  {k}: {str(v).lower() if isinstance(v, bool) else v}\n"
                    for k, v in fields.items())
    return (f"---\nname: {name}\nrole: Glazer\nteam: Production\n{extra}consent:\n{lines}"
            f"---\n{bio}\n")


def everywhere(site: Path, needle: str) -> list[str]:
    needle = needle.casefold()
    return [p.relative_to(site).as_posix() for p, text in all_output_text(site)
            if needle in text.casefold() or needle in p.relative_to(site).as_posix().casefold()]


def with_photo(hub: Hub, pid: str, full_name: str, **consent: object) -> None:
    hub.write(f"people/photos/{pid}-portrait.jpg", image_bytes())
    hub.write(f"people/{pid}.md", person(full_name, consent=consent,
                                         extra=f"photo: photos/{pid}-portrait.jpg\n"))


# -- consent combinations -----------------------------------------------------------------------


def test_name_without_photo_consent_publishes_no_photo_anywhere(hub: Hub) -> None:
    with_photo(hub, "marco", "Marco Bianchi", photo=False)
    site = hub.build()
    assert everywhere(site, "marco-portrait") == []
    assert "Marco Bianchi" in read(site, "people/marco/index.html")


@pytest.mark.parametrize("mode", ["skip", "anonymous"])
def test_without_name_consent_the_person_is_never_named(hub: Hub, mode: str) -> None:
    with_photo(hub, "marco", "Marco Bianchi", name=False)
    hub.config(unconsented=mode, anonymous_label="A team member")
    site = hub.build()
    assert everywhere(site, "Marco Bianchi") == []
    assert everywhere(site, "marco-portrait") == []
    assert everywhere(site, "people/marco") == []
    assert not (site / "people" / "marco").exists()
    night = site / "stories" / "night-shift" / "index.html"
    if mode == "skip":
        assert not night.exists()
        assert everywhere(site, "stories/night-shift") == []
    else:
        html = night.read_text(encoding="utf-8")
        assert "A team member" in html
        assert "Giulia Ferri" in html
        cards = read(site, "stories/index.html")
        assert "Giulia Ferri, A team member" in cards


def test_anonymous_label_defaults_to_the_language(hub: Hub) -> None:
    hub.write("people/marco.md", person("Marco Bianchi", consent={"name": False}))
    hub.config(unconsented="anonymous")
    site = hub.build()
    assert "A colleague" in read(site, "stories/night-shift/index.html")


def test_withdrawal_is_never_replaced_by_the_anonymous_label(hub: Hub) -> None:
    hub.write("people/marco.md", person(
        "Marco Bianchi", consent={"name": False, "withdrawn": "2025-02-01"}))
    hub.config(unconsented="anonymous")
    site = hub.build()
    assert not (site / "stories" / "night-shift").exists()
    assert everywhere(site, "Marco Bianchi") == []


def test_name_of_an_anonymous_person_in_the_text_fails_the_build(hub: Hub) -> None:
    hub.write("people/marco.md", person("Marco Bianchi", consent={"name": False}))
    hub.write("stories/night-shift.md", story_text(
        "Night shift", people="[giulia, marco]", body="Marco Bianchi fixed the oven."))
    hub.config(unconsented="anonymous")
    result = hub.mkdocs("build")
    assert result.returncode == 1
    # said by the check, at the story's line, before anything is written (the scan of the
    # built pages would say it of stories/night-shift/index.html)
    assert ("stories/night-shift.md:8:1: mentions Marco Bianchi (people/marco.md), who may "
            "not be named on the site (marco has not consented to publishing their name)"
            ) in result.stderr
    assert not (hub.root / "site").exists()


# -- withdrawals and departures around "now" ----------------------------------------------------


@pytest.mark.parametrize("as_of, published", [
    ("2025-05-31T23:59:59+00:00", True),
    ("2025-06-01T00:00:00+00:00", False),
    ("2026-01-01T00:00:00+00:00", False),
])
def test_withdrawal_counts_from_its_day(hub: Hub, as_of: str, published: bool) -> None:
    hub.write("people/marco.md", person("Marco Bianchi", consent={"withdrawn": "2025-06-01"}))
    hub.config(as_of=as_of)
    site = hub.build()
    assert (site / "stories" / "night-shift").exists() is published
    assert (site / "people" / "marco").exists() is published
    if not published:
        assert everywhere(site, "Marco Bianchi") == []
        assert everywhere(site, "night-shift") == []


@pytest.mark.parametrize("status, left, published", [
    ("alumni", "2025-06-30", True),     # leaves tomorrow
    ("alumni", "2025-06-29", False),    # left today
    ("alumni", None, False),            # alumni without a date: gone
    ("active", "2025-06-01", False),    # a past 'left' date counts even without 'alumni'
])
def test_departure(hub: Hub, status: str, left: str | None, published: bool) -> None:
    extra = f"status: {status}\n" + (f"left: {left}\n" if left else "")
    hub.write("people/marco.md", person("Marco Bianchi", extra=extra))
    hub.config(as_of="2025-06-29T12:00:00+02:00")
    site = hub.build()
    assert (site / "stories" / "night-shift").exists() is published
    assert bool(everywhere(site, "Marco Bianchi")) is published


def test_a_story_written_by_someone_who_withdrew_is_taken_down(hub: Hub) -> None:
    hub.write("people/marco.md", person("Marco Bianchi", consent={"withdrawn": "2025-02-01"}))
    hub.write("stories/first-oven.md", story_text("The first oven", extra="author: marco\n"))
    site = hub.build()
    assert not (site / "stories" / "first-oven").exists()


def test_check_lists_every_story_affected_by_a_withdrawal(hub: Hub) -> None:
    hub.write("people/marco.md", person("Marco Bianchi", consent={"withdrawn": "2025-02-01"}))
    hub.write("people/anna.md", person("Anna Neri", consent={"name": False}))
    hub.write("stories/by-marco.md", story_text("Marco's notes", extra="author: marco\n"))
    hub.write("stories/anna.md", story_text("Anna's kiln", people="[anna]"))
    hub.write("stories/draft.md", story_text("Soon", extra="draft: true\n"))
    hub.write("stories/later.md", story_text(
        "Later", extra="publish_at: 2099-01-01T09:00:00+01:00\n"))
    result = hub.storyhub("check", "--no-advice")  # advice: test_check_formats.py
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "stories/anna.md:4:1: info: not published: anna has not consented to publishing their "
        "name (set 'unconsented: anonymous' in mkdocs.yml to publish it with an anonymous label "
        "instead)",
        "stories/by-marco.md:7:1: info: not published: marco withdrew consent on 2025-02-01",
        "stories/draft.md:7:1: info: not published: draft",
        "stories/later.md:7:1: info: not published: embargoed until 2099-01-01T09:00:00+01:00",
        "stories/night-shift.md:4:1: info: not published: marco withdrew consent on 2025-02-01",
        "2 story(ies) taken down because someone withdrew consent or left; remove posts "
        "already shared about them:",
        "  stories/by-marco.md: Marco's notes — marco withdrew consent on 2025-02-01",
        "  stories/night-shift.md: Night shift — marco withdrew consent on 2025-02-01",
    ]


# -- drafts and embargoes ---------------------------------------------------------------------


@pytest.mark.parametrize("as_of, published", [
    ("2026-03-01T08:59:59+01:00", False),
    ("2026-03-01T07:59:59Z", False),
    ("2026-03-01T09:00:00+01:00", True),
    ("2026-03-01T08:00:00Z", True),
])
def test_embargo_lifts_at_its_time(hub: Hub, as_of: str, published: bool) -> None:
    hub.write("stories/launch.md", story_text(
        "The new kiln launch", extra="publish_at: 2026-03-01T09:00:00+01:00\n"))
    hub.config(as_of=as_of)
    site = hub.build()
    assert (site / "stories" / "launch").exists() is published
    assert bool(everywhere(site, "The new kiln launch")) is published


@pytest.mark.parametrize("epoch, published", [("1772351999", False), ("1772352000", True)])
def test_embargo_follows_source_date_epoch(hub: Hub, epoch: str, published: bool) -> None:
    hub.write("stories/launch.md", story_text(
        "The new kiln launch", extra="publish_at: 2026-03-01T09:00:00+01:00\n"))
    result = hub.mkdocs("build", env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 0, result.stderr
    assert (hub.root / "site" / "stories" / "launch").exists() is published


def test_drafts_option_never_applies_to_mkdocs_build(hub: Hub) -> None:
    hub.write("stories/soon/index.md", story_text(
        "Glazes in progress", extra="draft: true\nimage: soon-glaze.jpg\nimage_alt: Tiles\n"))
    hub.write("stories/soon/soon-glaze.jpg", image_bytes())
    hub.config(drafts=True)
    site = hub.build()
    assert everywhere(site, "Glazes in progress") == []
    assert everywhere(site, "soon-glaze") == []
    assert everywhere(site, "stories/soon") == []


def test_serve_with_drafts_shows_them_marked(hub: Hub, tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    hub.write("stories/soon.md", story_text("Glazes in progress", extra="draft: true\n"))
    hub.config(drafts=True)
    config = load_config(str(hub.root / "mkdocs.yml"), site_dir=str(tmp_path / "served"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config, serve_url="http://127.0.0.1:8000/")
    finally:
        # MkDocs keeps plugin instances with on_startup for the whole process.
        config.plugins.on_startup(command="build", dirty=False)
    html = (tmp_path / "served" / "stories" / "soon" / "index.html").read_text(encoding="utf-8")
    assert "Draft — not published" in html
    assert 'sh-flag' in read(tmp_path / "served", "stories/index.html")


# -- the leak scan ----------------------------------------------------------------------------


def test_a_template_that_prints_drafts_fails_the_build(hub: Hub) -> None:
    hub.write("stories/soon.md", story_text("Glazes in progress", extra="draft: true\n"))
    hub.set(theme={"name": "material", "font": False, "custom_dir": "overrides"})
    hub.write("overrides/main.html", (
        '{% extends "base.html" %}{% block footer %}{{ super() }}{% if storyhub %}'
        "{% for s in storyhub.hub.content.stories %}{{ s.title }} {% endfor %}{% endif %}"
        "{% endblock %}"))
    result = hub.mkdocs("build")
    assert result.returncode == 1
    assert "trace(s) of unpublished content; do not deploy it" in result.stderr
    assert "index.html: title of stories/soon.md is not published (draft)" in result.stderr


def test_a_page_linking_to_a_draft_fails_the_build(hub: Hub) -> None:
    hub.write("stories/soon.md", story_text("Soon", extra="draft: true\n"))
    hub.write("docs/about.md", "Read [what is coming](https://stories.example.com/stories/soon/).")
    result = hub.mkdocs("build")
    assert result.returncode == 1
    assert ("docs/about.md:1:51: links to the story 'Soon' (stories/soon.md), which is not "
            "published (draft): remove the link until it is") in result.stderr
    # written by the company's template instead (not read by the check): the scan says it
    hub.write("docs/about.md", "About us.")
    hub.set(theme={"name": "material", "font": False, "custom_dir": "overrides"})
    hub.write("overrides/main.html", '{% extends "base.html" %}{% block footer %}{{ super() }}'
              '<a href="/stories/soon/">Coming soon</a>{% endblock %}')
    result = hub.mkdocs("build")
    assert result.returncode == 1
    assert "about/index.html: link to stories/soon.md is not published (draft)" in result.stderr


def test_scan_finds_traces_in_every_kind_of_file(hub: Hub) -> None:
    import gzip

    from conftest import run_core
    from storyhub.pipeline.leaks import scan_site, secrets_of

    hub.write("stories/soon/index.md", story_text(
        "Glazes in progress", summary="Persimmon and chestnut for the autumn.",
        extra="draft: true\nimage: autumn-tiles.jpg\nimage_alt: Tiles\n",
        body="We are still waiting for the second round of test tiles."))
    hub.write("stories/soon/autumn-tiles.jpg", image_bytes())
    secrets = secrets_of(run_core(hub.root).hub)
    site = hub.root / "fake-site"
    site.mkdir()
    (site / "a.html").write_text("<p>Glazes in <b>progress</b></p>")
    (site / "b.json").write_text('{"t": "Persimmon and chestnut for the \\u0061utumn."}')
    (site / "c.xml").write_text("<loc>https://x.example/stories/soon/</loc>")
    (site / "d.txt.gz").write_bytes(gzip.compress(
        b"we are STILL waiting for the second round of test tiles."))
    (site / "autumn-tiles.jpg").write_bytes(b"")
    (site / "e.txt").write_text("share?text=Glazes%20in%20progress")
    (site / "f.html").write_text("<p>stories/soon-after is another story; glazes.</p>")
    found = {(leak.file, leak.secret.why.split(" of ")[0]) for leak in scan_site(site, secrets)}
    assert found == {
        ("a.html", "title"), ("b.json", "summary"), ("c.xml", "link to stories/soon/index.md is "
                                                    "not published (draft)"),
        ("d.txt.gz", "text"), ("autumn-tiles.jpg", "file"), ("e.txt", "title"),
    }


def test_short_or_public_words_are_not_secrets(hub: Hub) -> None:
    from conftest import run_core
    from storyhub.pipeline.leaks import secrets_of

    hub.write("stories/soon.md", story_text("Night shift", summary="Short.",
                                            extra="draft: true\nslug: soon\n"))
    hub.write("stories/kiln.md", story_text("The kiln", summary="Kilns.", extra="draft: true\n"))
    texts = {s.text for s in secrets_of(run_core(hub.root).hub)}
    # 'Night shift' is also a published title; 'The kiln' and 'Short.' are too short.
    assert texts == {"stories/soon", "stories/kiln"}
