"""Class 14 (issue 20, class 2): every URL a page carries is safe as the browser reads it.

One function, :func:`storyhub.text.urls.unsafe_url`, decides for every URL taken from
content or configuration — the home call to action, the editor's backend, profile links,
and the links, images and citations of story HTML — after the normalisation browsers
apply (C0 controls and spaces stripped from both ends, tabs and line breaks from inside);
a control character anywhere is refused outright.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import Hub, person_text, story_text
from storyhub.site.sanitize import clean_html, find_removals
from storyhub.text.urls import browser_form, unsafe_url, url_scheme
from trust import build_error, diagnostics, files_containing

JS = "'javascript:' addresses are not allowed (use http, https, mailto)"


def _control(code: int) -> str:
    return (f"it holds a control character (U+{code:04X}), which browsers remove before "
            "reading the address")


@pytest.mark.parametrize("url, scheme", [
    ("\tjavascript:alert(1)", "javascript"),
    ("  javascript:alert(1)", "javascript"),
    ("\x00\x1fjavascript:alert(1)", "javascript"),
    ("java\tscript:alert(1)", "javascript"),
    ("java\nscript:alert(1)", "javascript"),
    ("java\r\nscript:alert(1)", "javascript"),
    ("JaVaScRiPt:alert(1)", "javascript"),
    ("javascript:alert(1)\x1f ", "javascript"),
    ("about/", None),
    ("//evil.example/x", None),
])
def test_the_scheme_is_read_as_a_browser_reads_it(url: str, scheme: str | None) -> None:
    assert url_scheme(url) == scheme
    assert "\t" not in browser_form(url) and "\n" not in browser_form(url)


@pytest.mark.parametrize("url, problem", [
    ("\tjavascript:alert(1)", _control(0x09)),
    ("\x01javascript:alert(1)", _control(0x01)),
    ("java\x0bscript:alert(1)", _control(0x0B)),
    ("https://example.com/\x7f", _control(0x7F)),
    ("\x85javascript:alert(1)", _control(0x85)),
    (" javascript:alert(1)", JS),
    ("vbscript:msgbox(1)", "'vbscript:' addresses are not allowed (use http, https, mailto)"),
    ("data:text/html,<script>alert(1)</script>",
     "'data:' addresses are not allowed (use http, https, mailto)"),
    ("file:///etc/passwd", "'file:' addresses are not allowed (use http, https, mailto)"),
    ("https://jobs.example.com/", None),
    ("mailto:jobs@example.com", None),
    ("about/", None),
])
def test_one_function_decides(url: str, problem: str | None) -> None:
    assert unsafe_url(url) == problem


@pytest.mark.parametrize("url, problem", [
    ("\tjavascript:alert(1)", _control(0x09)),
    ("java\nscript:alert(1)", _control(0x0A)),
    ("java\tscript:alert(1)", _control(0x09)),
    ("  javascript:alert(1)", JS),
    ("JAVASCRIPT:alert(1)", JS),
])
def test_the_home_call_to_action(hub: Hub, url: str, problem: str) -> None:
    assert diagnostics(hub, home={"cta_label": "Go", "cta_url": url}) == [
        "mkdocs.yml:8:3: storyhub option 'home.cta_url': must be an https:// address, a "
        f"mailto: link or a path of the site: {problem}"]


def test_other_controls_are_refused_where_options_enter(hub: Hub) -> None:
    """(Class 4 refuses them first, for every option: see test_trust_16_controls.py.)"""
    assert diagnostics(hub, home={"cta_label": "Go", "cta_url": " \x01javascript:x"}) == [
        "mkdocs.yml:8:3: storyhub option 'home.cta_url': this text holds U+0001 (a control "
        "character), an invisible character that no page, feed, calendar or spreadsheet may "
        "carry: delete it (it often comes from a copy and paste, or from an escape such as "
        "\\e or \\x00 in quotes)"]


def test_the_home_call_to_action_stops_a_real_build(hub: Hub) -> None:
    hub.config(home={"cta_label": "Go", "cta_url": "\tjavascript:alert(document.cookie)"})
    assert ("storyhub option 'home.cta_url': must be an https:// address, a mailto: link or "
            f"a path of the site: {_control(0x09)}") in build_error(hub)


def test_the_editor_backend(hub: Hub) -> None:
    assert diagnostics(hub, editor={"backend": {"name": "github",
                                                "base_url": " javascript:alert(1)"}}) == [
        f"mkdocs.yml:8:3: storyhub option 'editor.backend': 'base_url' must be an https:// "
        f"address: {JS}"]


def test_profile_links(hub: Hub) -> None:
    hub.write("people/giulia.md", person_text("Giulia Ferri", extra=(
        'links:\n  website: "\\tjavascript://x.com/%0aalert(1)"\n'
        '  linkedin: "https://www.linkedin.com/in/\\x01g"\n')))
    found = diagnostics(hub)
    assert found[0] == (
        "people/giulia.md:6:12: 'links.website': '\\tjavascript://x.com/%0aalert(1)' is not "
        f"a safe web address: {_control(0x09)}")
    assert (
        "people/giulia.md:7:13: 'links.linkedin': 'https://www.linkedin.com/in/\\x01g' is not "
        f"a safe web address: {_control(0x01)}") in found  # and, first, class 4's refusal
    assert any(f.startswith("people/giulia.md:7:13: this text holds U+0001") for f in found)
    assert len(found) == 3


@pytest.mark.parametrize("html, cleaned, what", [
    ('<a href="&#x09;javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>',
     "'javascript:' link in 'href' on <a>"),
    ('<a href=" java&#10;script:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>',
     "'javascript:' link in 'href' on <a>"),
    ('<a href="&#1;javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>',
     "'javascript:' link in 'href' on <a>"),
    ('<a href="https://example.com/&#1;x">x</a>', '<a rel="noopener noreferrer">x</a>',
     "address with a control character in 'href' on <a>"),
    ('<q cite="javascript:alert(1)">x</q>', "<q>x</q>", "'javascript:' link in 'cite' on <q>"),
    ('<blockquote cite=" vbscript:x">y</blockquote>', "<blockquote>y</blockquote>",
     "'vbscript:' link in 'cite' on <blockquote>"),
    ('<img src="&#x6A;avascript:alert(1)" alt="a">', '<img alt="a">',
     "'javascript:' link in 'src' on <img>"),
])
def test_story_html_urls_go_through_the_same_function(html: str, cleaned: str,
                                                       what: str) -> None:
    """What the sanitiser reports is what it removes: the same function decides both."""
    assert clean_html(html) == cleaned
    assert [r.what for r in find_removals(html)] == [what]


def test_a_hostile_story_reaches_no_output(
    hub: Hub, mkdocs_warnings: Callable[[], list[str]]
) -> None:
    hub.write("stories/a.md", story_text("A", body=(
        'Read <q cite="javascript:alert(11)">this</q>.\n\n'
        '<a href="&#9;javascript:alert(12)">click</a>\n')))
    site = hub.build(strict=False)
    assert files_containing(site, "alert(11)") == []
    assert files_containing(site, "alert(12)") == []
    assert [w for w in mkdocs_warnings() if "stories/a.md" in w] == [
        "storyhub: stories/a.md:8: removed 'javascript:' link in 'cite' on <q> from the HTML "
        "(not allowed in stories and profiles, it could run code or change the page)",
        "storyhub: stories/a.md:10: removed 'javascript:' link in 'href' on <a> from the HTML "
        "(not allowed in stories and profiles, it could run code or change the page)"]
