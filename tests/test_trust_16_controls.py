"""Class 16 (issue 20, class 4): no control character reaches an output.

Characters YAML's escapes allow (NUL, ESC, other C0 and C1 controls, DEL, non-characters)
are refused where text enters — every YAML value, every text file, every option — with the
line and column (:mod:`storyhub.text.controls`). Feeds stay XML, the calendar stays RFC
5545, the CSVs and pages stay clean: a built site is scanned byte by byte for them.
"""

from __future__ import annotations

import re

import feedparser
import pytest
from conftest import Hub, person_text, story_text
from trust import diagnostics, output_bytes


def _message(code: str) -> str:
    return (f"this text holds {code}, an invisible character that no page, feed, calendar or "
            "spreadsheet may carry: delete it (it often comes from a copy and paste, or from "
            "an escape such as \\e or \\x00 in quotes)")


ESC, NUL = _message("U+001B (ESC)"), _message("U+0000 (NUL)")


@pytest.mark.parametrize("field, text, code", [
    ("title", '"Night \\e[31mshift"', "U+001B (ESC)"),
    ("title", '"Night\\0 shift"', "U+0000 (NUL)"),
    ("summary", '"A summary\\x07 that rings"', "U+0007 (bell)"),
    ("summary", '"Back\\bspace"', "U+0008 (backspace)"),
    ("summary", '"Carriage\\r return"', "U+000D (carriage return)"),
    ("summary", '"Form\\ffeed"', "U+000C (form feed)"),
    ("summary", '"Delete\\x7f me"', "U+007F (DEL)"),
    ("summary", '"Next line\\N here"', "U+0085 (a control character)"),
    ("summary", '"Not a char \\uFFFE"', "U+FFFE (a non-character)"),
    ("summary", '"Not a char \\uFDD0"', "U+FDD0 (a non-character)"),
    ("summary", '"Plane one \\U0001FFFF"', "U+1FFFF (a non-character)"),
])
def test_escapes_in_story_fields(hub: Hub, field: str, text: str, code: str) -> None:
    hub.write("stories/a.md", story_text("A") if field != "title" else story_text(text))
    if field == "summary":
        hub.write("stories/a.md", story_text("A", summary=text))
    line = 2 if field == "title" else 6
    col = len(field) + 3
    assert diagnostics(hub) == [f"stories/a.md:{line}:{col}: {_message(code)}"]


def test_a_tag_and_a_social_text(hub: Hub) -> None:
    hub.write("stories/a.md", story_text("A", extra=(
        'tags: ["ok", "bad\\x1b"]\nsocial:\n  linkedin: "Post\\x00 text"\n')))
    assert diagnostics(hub) == [f"stories/a.md:7:14: {ESC}", f"stories/a.md:9:13: {NUL}"]


def test_a_raw_byte_in_a_story_body(hub: Hub) -> None:
    hub.write("stories/a.md", story_text("A", body="Line one.\n\nBody \x1b[2J here.\n"))
    assert diagnostics(hub) == [f"stories/a.md:10:6: {ESC}"]


def test_a_raw_byte_in_front_matter(hub: Hub) -> None:
    hub.write("stories/a.md", story_text("A\x1b"))
    assert diagnostics(hub) == [f"stories/a.md:2:9: {ESC}"]


def test_profiles_and_values(hub: Hub) -> None:
    hub.write("people/giulia.md", person_text("Giulia \\x00Ferri".join('""'),
                                              role='"Baker\\e"'))
    hub.write("values.yml", "- id: craft\n  name: \"Craft\\x01\"\n  description: Properly.\n"
              "- id: care\n  name: Care\n  description: Care.\n")
    assert diagnostics(hub) == [
        f"people/giulia.md:2:7: {NUL}",
        f"people/giulia.md:3:7: {ESC}",
        f"values.yml:2:9: {_message('U+0001 (a control character)')}",
    ]


def test_options(hub: Hub) -> None:
    assert diagnostics(hub, company_name="Acme\x07", home={"tagline": {"en": "Hi\x1b"}}) == [
        f"mkdocs.yml:8:3: storyhub option 'company_name': {_message('U+0007 (bell)')}",
        f"mkdocs.yml:8:3: storyhub option 'home.tagline.en': {ESC}"]


def test_tab_and_line_breaks_are_fine(hub: Hub) -> None:
    hub.write("stories/a.md", story_text("A", summary='"Two\\tcolumns"',
                                         body="Line\r\nwith CRLF.\r\n"))
    assert diagnostics(hub) == []


_FORBIDDEN = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xef\xbf[\xbe\xbf]")


def test_a_built_site_carries_none(hub: Hub) -> None:
    """Whatever a story says, no output file (pages, feeds, calendar, CSVs, search index,
    sitemap, snippets) holds a control character; the feeds parse as strict XML."""
    hub.write("stories/a.md", story_text("Tabs\tand ünïcödé", summary='"Tab\\there"',
                                         body="Text with a tab\tand CRLF\r\n"))
    site = hub.build()
    bad = {name: _FORBIDDEN.search(data).group()  # type: ignore[union-attr]
           for name, data in output_bytes(site).items()
           if not name.startswith("admin/decap-cms/")  # vendored from npm
           and not name.endswith((".png", ".jpg", ".jpeg", ".webp", ".woff2", ".woff", ".ico",
                                 ".ttf", ".z", ".gz")) and _FORBIDDEN.search(data)}
    assert bad == {}
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo and any(e.title.startswith("Tabs") for e in feed.entries)


def test_a_page_in_docs(hub: Hub) -> None:
    hub.write("docs/about.md", "# About\n\nWe bake\x00 bread.\n")
    assert diagnostics(hub) == [f"docs/about.md:3:8: {NUL}"]


def test_find_control_is_the_documented_set_for_every_code_point() -> None:
    """:func:`find_control` refuses exactly C0 controls but tab and line feed, DEL, C1 and
    the Unicode non-characters: every one of them, found first wherever it sits (after
    emoji too); none of the other characters of the first plane, nor one in 97 beyond it
    and those beside each non-character."""
    from storyhub.text.controls import find_control

    def refused(code: int) -> bool:
        return ((code < 0x20 and code not in (0x09, 0x0A)) or 0x7F <= code <= 0x9F
                or 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE)

    beyond = {*range(0x10000, 0x110000, 97),
              *(c + step for c in range(0x1FFFE, 0x110000, 0x10000) for step in (-1, 2))}
    allowed = "".join(chr(c) for c in sorted({*range(0x10000), *beyond} - {0x110000})
                      if not refused(c) and not 0xD800 <= c <= 0xDFFF)
    assert find_control(allowed) is None
    assert find_control("plain ascii\ttext\n") is None
    every_refused = [c for c in (*range(0x10000), *range(0x1FFFE, 0x110000, 0x10000),
                                 *range(0x1FFFF, 0x110000, 0x10000)) if refused(c)]
    assert len(every_refused) == 30 + 1 + 32 + 32 + 2 + 32  # C0, DEL, C1, FDD0-FDEF, 2 a plane
    for code in every_refused:
        for before in ("", "a", "città 🙂", "\U0010fffd"):
            text = before + chr(code) + "x\x01"
            assert find_control(text) == len(before), hex(code)


def test_a_file_whose_bytes_hold_no_control_is_not_read_for_one() -> None:
    """A text file is searched for forbidden characters only if its UTF-8 bytes may hold
    one (:func:`may_hold_control`, one pass over the bytes): every forbidden character but
    the carriage return (line ends become line feeds first) is seen in its bytes, wherever
    it sits, and most text is not."""
    from storyhub.text.controls import find_control, may_hold_control

    refused = [c for c in (*range(0x10000), *range(0x1FFFE, 0x110000, 0x10000),
                           *range(0x1FFFF, 0x110000, 0x10000))
               if not 0xD800 <= c <= 0xDFFF and c != 0x0D
               and find_control(chr(c)) is not None]
    assert len(refused) == 30 - 1 + 1 + 32 + 32 + 2 + 32
    for code in refused:
        for before in ("", "a", "città 🙂", "\U0010fffd", "\u00e9\ufeff"):
            assert may_hold_control((before + chr(code) + "x").encode()), hex(code)
    assert not may_hold_control("Città, “quote” — é € ’\t\r\n".encode())
    assert may_hold_control("an emoji 🙂".encode())  # looked at closely: another plane
    # what European text is written with is not taken for one: printable ASCII, tab and
    # line ends, Latin letters with accents, typographic punctuation, the euro
    common = [*range(0x20, 0x7F), 0x09, 0x0A, 0x0D, *range(0xC0, 0x250),
              *range(0x2010, 0x2028), *range(0x2030, 0x205F), 0x20AC]
    assert not may_hold_control("".join(map(chr, common)).encode())
