"""Every mistake an author can make gives path:line:col: message, all at once."""

from __future__ import annotations

import re

import pytest
from conftest import Hub, image_bytes, person_text, run_core, story_text


def problems(hub: Hub) -> list[str]:
    result = run_core(hub.root, site_name="Test")
    return [d.format() for d in result.diagnostics.errors]


def test_valid_hub_has_no_problem(hub: Hub) -> None:
    assert problems(hub) == []


def story(hub: Hub, text: str, name: str = "bad.md") -> str:
    hub.write(f"stories/{name}", text)
    return f"stories/{name}"


CASES: list[tuple[str, str, str]] = [
    (
        "misspelled field",
        "---\ntitel: Oven\ndate: 2025-03-14\npeople: [giulia]\nvalues: [craft]\n"
        "summary: S.\n---\nBody\n",
        "stories/bad.md:2:1: unknown field 'titel' — did you mean 'title'?",
    ),
    (
        "missing required field",
        "---\ntitle: Oven\ndate: 2025-03-14\npeople: [giulia]\nvalues: [craft]\n---\nBody\n",
        "stories/bad.md:2:1: missing required field 'summary' (add a line such as: "
        "summary: One or two sentences that make people want to read on.)",
    ),
    (
        "unknown value with suggestion",
        story_text("Oven", values="[crafts]"),
        "stories/bad.md:5:10: unknown value 'crafts' — did you mean 'craft'?",
    ),
    (
        "unknown person with suggestion",
        story_text("Oven", people="[giula]"),
        "stories/bad.md:4:10: unknown person 'giula' — did you mean 'giulia'?",
    ),
    (
        "person: no is kept as text, then unknown",
        "---\ntitle: Oven\ndate: 2025-03-14\nperson: no\nvalues: [craft]\nsummary: S.\n---\nB\n",
        "stories/bad.md:4:9: unknown person 'no' (people: giulia, marco)",
    ),
    (
        "draft as text",
        story_text("Oven", extra='draft: "false"\n'),
        "stories/bad.md:7:8: 'draft' must be true or false, without quotes "
        '(found the text "false")',
    ),
    (
        "draft: yes is not a boolean",
        story_text("Oven", extra="draft: yes\n"),
        "stories/bad.md:7:8: 'draft' must be true or false, without quotes "
        '(found the text "yes")',
    ),
    (
        "tags as a comma-separated string",
        story_text("Oven", extra="tags: a, b\n"),
        "stories/bad.md:7:7: 'tags' must be a list, not text: write tags: [a, b]",
    ),
    (
        "values as a comma-separated string",
        story_text("Oven", values="craft, care"),
        "stories/bad.md:5:9: 'values' must be a list, not text: write values: [craft, care]",
    ),
    (
        "quote never closed",
        "---\ntitle: \"Il forno\ndate: 2025-03-14\npeople: [giulia]\nvalues: [craft]\n"
        "summary: S.\n---\nB\n",
        "stories/bad.md:2:8: YAML syntax error: this quote is never closed "
        "(hint: end the text with the same quote mark, or remove it)",
    ),
    (
        "impossible date",
        story_text("Oven", date="2024-02-30"),
        "stories/bad.md:3:7: 'date': 2024-02-30 is not a real date: February 2024 has 29 days",
    ),
    (
        "day-first date",
        story_text("Oven", date="05/03/2024"),
        "stories/bad.md:3:7: 'date': '05/03/2024' is ambiguous: write dates as YYYY-MM-DD "
        "— did you mean 2024-03-05?",
    ),
    (
        "month 13",
        story_text("Oven", date="2024-13-01"),
        "stories/bad.md:3:7: 'date': 2024-13-01 is not a real date: there is no month 13",
    ),
    (
        "duplicate key",
        "---\ntitle: Oven\ndate: 2025-03-14\npeople: [giulia]\nvalues: [craft]\n"
        "summary: S.\ntitle: Again\n---\nB\n",
        "stories/bad.md:7:1: duplicate key 'title' (already set on line 2); keep only one of them",
    ),
    (
        "YAML syntax error",
        "---\ntitle: Update: the oven\ndate: 2025-03-14\npeople: [giulia]\nvalues: [craft]\n"
        "summary: S.\n---\nB\n",
        "stories/bad.md:2:14: YAML syntax error: mapping values are not allowed here "
        "(hint: put the text in quotes if it contains ': ')",
    ),
    (
        "hash swallowed as a comment",
        story_text("Update #2"),
        "stories/bad.md:2:15: 'title': the text from '#' on is read as a comment and dropped "
        '(put the whole value in quotes: title: "Update #2")',
    ),
    (
        "missing front matter",
        "# The oven\n\nNo fields at all.\n",
        "stories/bad.md:1:1: missing front matter: the file must start with a line '---', "
        "then the fields (title: …, date: …), then a line '---'",
    ),
    (
        "front matter never closed",
        "---\ntitle: Oven\ndate: 2025-03-14\n",
        "stories/bad.md:1:1: the front matter is never closed: add a line '---' after the "
        "last field",
    ),
    (
        "empty people list",
        story_text("Oven", people="[]"),
        "stories/bad.md:4:9: 'people' must not be empty: give at least one id",
    ),
    (
        "title is a number",
        story_text("1984"),
        "stories/bad.md:2:8: 'title' must be text (found 1984): put it in quotes",
    ),
    (
        "missing image",
        story_text("Oven", extra="image: oven.jpg\nimage_alt: The oven\n"),
        "stories/bad.md:7:8: 'image': 'oven.jpg' does not exist",
    ),
    (
        "unknown author",
        story_text("Oven", extra="author: marko\n"),
        "stories/bad.md:7:9: unknown author 'marko' — did you mean 'marco'?",
    ),
    (
        "naive publish_at",
        story_text("Oven", extra="publish_at: 2026-03-01T09:00:00\n"),
        "stories/bad.md:7:13: 'publish_at': '2026-03-01T09:00:00' has no time zone, so it is "
        "ambiguous: add one, e.g. 2026-03-01T09:00:00+01:00 (Italy in winter) or "
        "2026-03-01T09:00:00Z (UTC)",
    ),
    (
        "bad language code",
        story_text("Oven", extra="lang: Italian\n"),
        "stories/bad.md:7:7: 'lang' has an invalid format: 'Italian'",
    ),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_story_mistakes(hub: Hub, text: str, expected: str) -> None:
    story(hub, text)
    assert problems(hub) == [expected]


def test_image_with_wrong_case(hub: Hub) -> None:
    hub.write("stories/oven/Oven.JPG", image_bytes("JPEG"))
    hub.write(
        "stories/oven/index.md", story_text("Oven", extra="image: oven.jpg\nimage_alt: The oven\n")
    )
    assert problems(hub) == [
        "stories/oven/index.md:7:8: 'image': 'oven.jpg' does not exist — the file is called "
        "'Oven.JPG' (capital letters matter on the web)"
    ]


def test_latin1_file(hub: Hub) -> None:
    hub.write("stories/caffe.md", story_text("Caffè").encode("latin-1"))
    assert problems(hub) == [
        "stories/caffe.md:2:12: the file is not saved as UTF-8 (byte 0xE8, probably 'è' in "
        "another encoding): save it again as UTF-8 (in most editors: File > Save with "
        "encoding > UTF-8)"
    ]


def test_bom_and_crlf_are_accepted(hub: Hub) -> None:
    text = "\ufeff" + story_text("Caffè", summary="Con l'accento.").replace("\n", "\r\n")
    hub.write("stories/caffe.md", text.encode("utf-8"))
    assert problems(hub) == []


def test_duplicate_slug(hub: Hub) -> None:
    hub.write("stories/2025-01-01-night-shift/index.md", story_text("Another night"))
    assert problems(hub) == [
        "stories/night-shift.md:1:1: duplicate slug 'night-shift': "
        "stories/2025-01-01-night-shift/index.md already uses it (rename one of the files, or "
        "set a different 'slug:')"
    ]


def test_person_mistakes(hub: Hub) -> None:
    hub.write(
        "people/anna.md",
        "---\nname: Anna\nrole: Baker\nteam: Production\n"
        "photo: photos/anna.jpg\nstatus: retired\nlinks:\n  x: https://x.com/anna\n"
        "consent:\n  name: yes\n  date: 2025-01-01\n---\nBio\n",
    )
    assert problems(hub) == [
        "people/anna.md:6:9: 'status' cannot be 'retired': use one of 'active' or 'alumni'",
        "people/anna.md:8:6: 'links.x': 'https://x.com/anna' is a link, not a handle: write "
        "only the handle, e.g. giuliaferri",
        "people/anna.md:10:9: 'consent.name' must be true or false, without quotes "
        '(found the text "yes")',
    ]


def test_person_file_name_must_be_an_id(hub: Hub) -> None:
    hub.write("people/Anna Rossi.md", person_text("Anna Rossi"))
    assert problems(hub) == [
        "people/Anna Rossi.md:1:1: the file name 'Anna Rossi.md' is not a valid person id: "
        "rename it to 'anna-rossi.md' (lower-case, hyphens)"
    ]


def test_values_mistakes(hub: Hub) -> None:
    hub.write(
        "values.yml",
        "- id: craft\n  name: Craft\n  description: D.\n"
        "- id: craft\n  name: Again\n  description: D.\n- id: Care\n  nme: Care\n"
        "  description: D.\n",
    )
    assert problems(hub) == [
        "stories/night-shift.md:5:17: unknown value 'care' (values: craft)",
        "values.yml:4:7: duplicate value id 'craft' (already used on line 1)",
        "values.yml:7:7: 'id': 'Care' is not a valid id: use lower-case letters, digits and "
        "hyphens, e.g. 'care'",
        "values.yml:8:3: unknown field 'nme' — did you mean 'name'?",
    ]


def test_unquoted_colour_is_explained(hub: Hub) -> None:
    hub.write(
        "values.yml",
        "- id: craft\n  name: Craft\n  description: D.\n  color: #b5651d\n"
        "- id: care\n  name: Care\n  description: D.\n",
    )
    assert problems(hub) == [
        "values.yml:4:10: 'color': the text from '#' on is read as a comment and dropped "
        '(put the whole value in quotes: color: "#b5651d")'
    ]


def test_all_problems_are_reported_in_one_pass(hub: Hub) -> None:
    story(hub, story_text("One", values="[crafts]"), "one.md")
    story(hub, story_text("Two", date="2024-02-30"), "two.md")
    hub.write("people/anna.md", "---\nname: Anna\n---\n")
    found = problems(hub)
    assert [f.split(":")[0] for f in found] == [
        "people/anna.md",
        "people/anna.md",
        "people/anna.md",
        "stories/one.md",
        "stories/two.md",
    ]


def test_storyhub_check_exit_codes_and_output(hub: Hub) -> None:
    ok = hub.storyhub("check")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "2 stories, 2 people, 3 values checked: 0 error(s), 0 warning(s)" in ok.stderr
    story(hub, story_text("Oven", values="[crafts]"))
    bad = hub.storyhub("check", "--no-advice")  # advice: see tests/test_check_formats.py
    assert bad.returncode == 1
    assert bad.stdout.splitlines() == [
        "stories/bad.md:5:10: unknown value 'crafts' — did you mean 'craft'?"
    ]
    assert "Traceback" not in bad.stdout + bad.stderr


def test_check_without_config_is_a_usage_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "storyhub.cli.main", "check"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "mkdocs.yml not found" in result.stderr


def test_mkdocs_build_fails_with_the_list_and_no_traceback(hub: Hub) -> None:
    story(hub, story_text("Oven", values="[crafts]", date="2024-02-30"))
    result = hub.mkdocs("build", "--strict")
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "storyhub found 2 problem(s) in the content; nothing was built:" in output
    assert "stories/bad.md:3:7: 'date': 2024-02-30 is not a real date" in output
    assert "stories/bad.md:5:10: unknown value 'crafts' — did you mean 'craft'?" in output
    assert not (hub.root / "site").exists()


def test_a_broken_story_image_is_reported_once_at_its_field(hub: Hub) -> None:
    hub.write("stories/oven/oven.jpg", b"not an image at all")
    hub.write("stories/oven/spare.jpg", b"not an image either")
    hub.write("stories/oven/index.md", story_text("Oven", extra="image: oven.jpg\n"
                                                   "image_alt: The oven\n"))
    assert problems(hub) == [
        "stories/oven/index.md:7:8: 'image': oven.jpg: the file is not an image, whatever its "
        "name says: use a JPEG, PNG or WebP image",
        "stories/oven/spare.jpg:1:1: the file is not an image, whatever its name says: use a "
        "JPEG, PNG or WebP image",  # files beside a story are checked too
    ]


def test_a_value_or_person_with_a_mistake_is_reported_once_in_its_own_file(hub: Hub) -> None:
    """One mistake in values.yml or a profile is one error there: the stories that name
    that value or person are not also told it is unknown (it exists, it is invalid)."""
    values = (hub.root / "values.yml").read_text(encoding="utf-8")
    hub.write("values.yml", re.sub(r"color: .*", "color: red", values, count=1))
    hub.write("people/marco.md", person_text("Marco Bianchi", team="Customer Care",
                                             role="Agent").replace("role:", "rol:", 1))
    found = problems(hub)
    assert [p.split(":")[0] for p in found] == ["people/marco.md", "values.yml"], found
    assert not [p for p in found if "unknown value" in p or "unknown person" in p]
