"""Class 8: values that parse but make no sense — each an error (or a warning) at check
time with a suggestion, never a crash in the build."""

from __future__ import annotations

import pytest
from conftest import Hub, person_text, story_text
from trust import diagnostics

RANGE = "is out of range: write a real date between 1900 and 2200"


@pytest.mark.parametrize("files, expected", [
    ({"stories/a.md": story_text("A", date="9999-12-31")},
     f"stories/a.md:3:7: 'date': 9999-12-31 {RANGE}"),
    ({"stories/a.md": story_text("A", date="0001-01-01")},
     f"stories/a.md:3:7: 'date': 0001-01-01 {RANGE}"),
    ({"stories/a.md": story_text("A", extra="publish_at: 9999-12-31T09:00:00+01:00\n")},
     f"stories/a.md:7:13: 'publish_at': '9999-12-31T09:00:00+01:00' {RANGE}"),
    ({"people/p.md": person_text("Pia Quinto").replace("date: 2025-01-15", "date: 9999-01-01")},
     f"people/p.md:10:9: 'consent.date': 9999-01-01 {RANGE}"),
    ({"people/p.md": person_text("Pia Quinto", extra="left: 1066-10-14\n")},
     f"people/p.md:5:7: 'left': 1066-10-14 {RANGE}"),
    ({"stories/a.md": story_text("A", people="[giulia, giulia]")},
     "stories/a.md:4:18: 'giulia' is listed twice in 'people': remove one (or write the id "
     "you meant)"),
    ({"stories/a.md": story_text("A", values="[craft, care, craft]")},
     "stories/a.md:5:23: 'craft' is listed twice in 'values': remove one (or write the id "
     "you meant)"),
    ({"stories/a.md": story_text('"\\u200b\\u200b"')},
     "stories/a.md:2:8: 'title': has only invisible characters (U+200B): write some words "
     "people can read"),
    ({"stories/a.md": story_text('"\\u202e\\u202c\\u200f"')},
     "stories/a.md:2:8: 'title': has only invisible characters (U+202E, U+202C, U+200F): "
     "write some words people can read"),
    ({"stories/a.md": story_text("A", summary='"\\u00ad"')},
     "stories/a.md:6:10: 'summary': has only invisible characters (U+00AD): write some words "
     "people can read"),
    ({"stories/a.md": story_text("A", people="[\u0430nna-rossi]")},
     "stories/a.md:4:10: 'people[1]': '\u0430nna-rossi' mixes alphabets: '\u0430' is CYRILLIC "
     "SMALL LETTER A, which looks like a Latin letter but is not — write 'anna-rossi'"),
    ({"stories/a.md": story_text("A", extra="author: giul\u0456a\n")},
     "stories/a.md:7:9: 'author': 'giul\u0456a' mixes alphabets: '\u0456' is CYRILLIC SMALL "
     "LETTER BYELORUSSIAN-UKRAINIAN I, which looks like a Latin letter but is not — write "
     "'giulia'"),
    ({"people/\u0430nna-rossi.md": person_text("Anna Rossi")},
     "people/\u0430nna-rossi.md:1:1: the file name '\u0430nna-rossi.md' is not a valid person "
     "id: rename it to 'anna-rossi.md' (lower-case, hyphens)"),
])
def test_values_that_make_no_sense(hub: Hub, files: dict[str, str], expected: str) -> None:
    for path, text in files.items():
        hub.write(path, text)
    assert diagnostics(hub) == [expected]


def test_a_story_dated_in_the_future_is_a_warning(hub: Hub) -> None:
    hub.write("stories/a.md", story_text("A", date="2099-05-01"))
    assert diagnostics(hub, as_of="2026-01-01T00:00:00+00:00") == []
    assert diagnostics(hub, "warning", as_of="2026-01-01T00:00:00+00:00") == [
        "stories/a.md:3:7: warning: 'date': 2099-05-01 is in the future — the story is "
        "published now anyway; did you mean 'publish_at: 2099-05-01T09:00:00+01:00' to publish "
        "it on that day?"]


def test_consent_dated_in_the_future_is_not_consent_yet(hub: Hub) -> None:
    hub.write("people/marco.md", person_text("Marco Bianchi", team="Customer Care").replace(
        "date: 2025-01-15", "date: 2026-06-01"))
    options = {"as_of": "2026-01-01T00:00:00+00:00"}
    assert diagnostics(hub, "warning", **options) == [
        "people/marco.md:10:9: warning: 'consent.date': 2026-06-01 is in the future: nothing "
        "of this person is published before that day"]
    hub.config(as_of="2026-01-01T00:00:00+00:00")
    site = hub.build(strict=False)
    assert not (site / "people/marco").exists()
    assert not (site / "stories/night-shift").exists()  # a story about him waits too
    assert all("Marco Bianchi" not in p.read_text(encoding="utf-8", errors="replace")
               for p in site.rglob("*.html"))
    hub.config(as_of="2026-06-02T00:00:00+00:00")
    assert (hub.build(strict=False) / "people/marco/index.html").is_file()
