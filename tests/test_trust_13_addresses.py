"""Class 13 (issue 20, class 1): every output address belongs to one thing.

Every address a build writes is claimed in one place before anything is written
(:func:`storyhub.site.plan.claim_addresses` over :class:`storyhub.site.addresses.AddressBook`):
pages, generated files, responsive image versions, pages in ``docs/``, the snippets folder,
tag and team slugs, language listings and their spellings. A collision is an error at the
source that came second, naming the first; nothing is built.
"""

from __future__ import annotations

import pytest
from conftest import Hub, image_bytes, person_text, story_text
from storyhub.site.addresses import AddressBook, Claim, address_key
from trust import build_error, diagnostics

TWO_LANGUAGES = {"languages": ["en", "it"]}


def test_a_story_slug_equal_to_a_language_code(hub: Hub) -> None:
    hub.write("stories/it.md", story_text("It", extra="lang: en\n"))
    hub.write("stories/pane.md", story_text("Pane", extra="lang: it\n"))
    assert diagnostics(hub) == [
        "stories/it.md:1:1: the story 'it' would be written to stories/it/index.html, the "
        "address of the listing of stories in 'it' (stories/pane.md:7:7): rename one of them"]


def test_a_story_slug_set_in_front_matter(hub: Hub) -> None:
    hub.write("stories/pane.md", story_text("Pane", extra="lang: it\n"))
    hub.write("stories/other.md", story_text("Other", extra="lang: en\nslug: it\n"))
    assert diagnostics(hub) == [
        "stories/other.md:8:1: the story 'it' would be written to stories/it/index.html, the "
        "address of the listing of stories in 'it' (stories/pane.md:7:7): rename one of them"]


def test_two_spellings_of_one_language(hub: Hub) -> None:
    hub.write("stories/a.md", story_text("A", extra="lang: en-GB\n"))
    hub.write("stories/b.md", story_text("B", extra="lang: en-gb\n"))
    assert diagnostics(hub) == [
        "stories/b.md:7:7: the listing of stories in 'en-gb' would be written to "
        "stories/en-gb/index.html, the address of the listing of stories in 'en-GB' "
        "(stories/a.md:7:7): rename one of them"]


def test_a_responsive_version_cannot_replace_an_authors_file(hub: Hub) -> None:
    hub.write("stories/pics/index.md", story_text("Pics", extra="image: oven.jpg\n"))
    hub.write("stories/pics/oven.jpg", image_bytes(size=(900, 600)))
    hub.write("stories/pics/oven-480w.jpg", image_bytes(size=(480, 320), color="red"))
    assert diagnostics(hub) == [
        "stories/pics/index.md:7:8: the smaller versions of oven.jpg would be written to "
        "stories/pics/oven-…w.jpg, the address of the file stories/pics/oven-480w.jpg "
        "(stories/pics/oven-480w.jpg:1:1): rename one of them"]


def test_a_webp_version_too(hub: Hub) -> None:
    hub.write("stories/pics/index.md", story_text("Pics", extra="image: oven.jpg\n"))
    hub.write("stories/pics/oven.jpg", image_bytes(size=(900, 600)))
    hub.write("stories/pics/OVEN-800w.webp", image_bytes("WEBP", size=(80, 60)))
    assert diagnostics(hub) == [
        "stories/pics/index.md:7:8: the smaller versions of oven.jpg would be written to "
        "stories/pics/oven-…w.webp, the address of the file stories/pics/OVEN-800w.webp "
        "(stories/pics/OVEN-800w.webp:1:1): rename one of them"]


@pytest.mark.parametrize("page, address, owner", [
    ("people.md", "people/index.html", "the people page"),
    ("people/index.md", "people/index.html", "the people page"),
    ("report.md", "report/index.html", "the hub report"),
    ("admin/config.yml", "admin/config.yml", "the web editor"),
    ("stories/night-shift.md", "stories/night-shift/index.html", "the story 'night-shift'"),
    ("teams.md", "teams/index.html", "the teams page"),
    ("feed.xml", "feed.xml", "the hub's feed"),
    ("assets/cards/x.jpg", "assets/cards/x.jpg", "the share images"),
    ("Values/README.md", "Values/index.html", "the values page"),
])
def test_a_page_in_docs_at_an_address_the_hub_makes(
    hub: Hub, page: str, address: str, owner: str
) -> None:
    hub.write(f"docs/{page}", "# Mine\n")
    found = diagnostics(hub)
    assert len(found) == 1
    assert found[0].startswith(f"docs/{page}:1:1: the page docs/{page} would be written to "
                               f"{address}, the address of {owner} (")
    assert found[0].endswith("): rename one of them")


def test_the_snippets_folder_cannot_take_a_section(hub: Hub) -> None:
    assert diagnostics(hub, snippets={"folder": "people"}) == [
        "mkdocs.yml:8:3: the snippets folder (snippets.folder) would be written to people/, "
        "the address of the page of person 'giulia' (people/giulia.md:1:1): rename one of "
        "them"]


def test_tags_that_slug_alike(hub: Hub) -> None:
    hub.write("stories/a.md", story_text("A", extra="tags: [C++, C#, c, 'C ']\n"))
    assert diagnostics(hub) == [
        "stories/a.md:7:13: the tag 'C#' would be written to tags/c/index.html, the address of "
        "the tag 'C++' (stories/a.md:7:8): rename one of them",
        "stories/a.md:7:17: the tag 'c' would be written to tags/c/index.html, the address of "
        "the tag 'C++' (stories/a.md:7:8): rename one of them"]


def test_a_tag_that_slugs_to_nothing(hub: Hub) -> None:
    hub.write("stories/a.md", story_text("A", extra="tags: [ovens, '🎉', '---']\n"))
    assert diagnostics(hub) == [
        "stories/a.md:7:15: the tag '🎉' has no letter or digit, so no page address: write it "
        "with words",
        "stories/a.md:7:20: the tag '---' has no letter or digit, so no page address: write "
        "it with words"]


def test_team_names_that_slug_alike(hub: Hub) -> None:
    hub.write("people/anna.md", person_text("Anna Neri", team="R&D"))
    hub.write("people/bruno.md", person_text("Bruno Sala", team="R-D"))
    assert diagnostics(hub) == [
        "people/bruno.md:4:7: the team 'R-D' would be written to teams/r-d/index.html, the "
        "address of the team 'R&D' (people/anna.md:4:7): rename one of them"]


def test_spellings_of_one_name_that_differ_only_in_case_are_one(hub: Hub) -> None:
    hub.write("people/anna.md", person_text("Anna Neri", team="customer  care"))
    hub.write("stories/a.md", story_text("A", extra="tags: [Night Shift, night shift]\n"))
    assert diagnostics(hub) == []


def test_nothing_is_built_on_a_collision(hub: Hub) -> None:
    hub.write("docs/people.md", "# Our own people page\n")
    assert "docs/people.md:1:1: the page docs/people.md would be written to people/index.html" \
        in build_error(hub)
    assert not (hub.root / "site" / "people").exists()


def test_a_valid_hub_with_two_languages_has_no_collision(hub: Hub) -> None:
    hub.config(**TWO_LANGUAGES)
    hub.write("docs/en/index.md", "English intro\n")
    hub.write("stories/a.md", story_text("A", extra="lang: it\ntags: [forno]\n"))
    assert diagnostics(hub, **TWO_LANGUAGES) == []


def test_the_address_book_alone() -> None:
    """The planner's API, without a hub: files, families, folders, case and NFC."""
    book = AddressBook()
    assert book.claim(Claim("stories/Café/index.html", "a", "x.md"))
    assert not book.claim(Claim("stories/cafe\u0301/INDEX.html", "b", "y.md"))
    assert book.claim_folder("snippets", Claim("snippets/", "c", "mkdocs.yml"))
    assert not book.claim(Claim("snippets/x.json", "d", "z.md"))
    assert book.claim_family("img/a", (".jpg",), "img/a-99999w.jpg", Claim("img/a", "e", "s"))
    assert not book.claim(Claim("img/A-128w.jpg", "f", "t"))
    assert book.claim(Claim("img/a-128w.png", "g", "u"))  # not a version's suffix
    assert not book.claim(Claim("x/" + "n" * 256, "h", "v"))
    assert [(c.first.what, c.second.what) for c in book.collisions] == [
        ("a", "b"), ("c", "d"), ("e", "f")]
    assert [t.claim.what for t in book.too_long] == ["h"]
    assert address_key("A/B/") == "a/b"
