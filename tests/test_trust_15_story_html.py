"""Class 15 (issue 20, class 3): story HTML cannot use storyhub's own styling, and the
sanitiser's warnings say exactly what it removed.

Classes starting with ``sh-`` are storyhub's (``sh-card__title a::after`` covers a whole
card with its link; in a story it would cover the whole content area) and are dropped like
the theme's ``md-`` ones; ids, names and label targets starting with ``sh-`` are renamed
``user-content-…``. Comments are taken out the way browsers end them before the allowlist
runs, so a comment that "breaks out of itself" cannot hide what follows from the audit; a
malformed comment is reported. Every URL goes through :func:`unsafe_url`, for the filter and
the audit alike.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup
from conftest import Hub, person_text, story_text
from storyhub.site.sanitize import clean_html, find_removals
from trust import files_containing

SH = "classes starting with 'sh-' belong to storyhub"


@pytest.mark.parametrize("html, cleaned, removed", [
    ('<a class="sh-card__title" href="https://evil.example">x</a>',
     '<a rel="noopener noreferrer" href="https://evil.example">x</a>',
     [f"class 'sh-card__title' on <a> ({SH})"]),
    ('<div class="SH-Card sh_x note">x</div>', '<div class="note">x</div>',
     [f"class 'SH-Card sh_x' on <div> ({SH})"]),
    ('<div class="md-header sh-card">x</div>', "<div>x</div>",
     ["class 'md-header' on <div> (classes starting with '_' or 'md-' belong to the theme)",
      f"class 'sh-card' on <div> ({SH})"]),
    ('<p id="sh-filters">x</p>', '<p id="user-content-sh-filters">x</p>',
     ["'id=\"sh-filters\"' on <p> (renamed user-content-sh-filters: names starting with "
      "'sh-' belong to storyhub)"]),
    ('<label for="sh-menu">x</label>', '<label for="user-content-sh-menu">x</label>',
     ["'for=\"sh-menu\"' on <label> (renamed user-content-sh-menu: names starting with "
      "'sh-' belong to storyhub)"]),
    ('<q cite="javascript:alert(1)">x</q>', "<q>x</q>",
     ["'javascript:' link in 'cite' on <q>"]),
    ('<!-- a --!><img src="x.jpg" onerror="alert(1)"><!-- b -->', '<img src="x.jpg">',
     ["a malformed HTML comment '<!-- a --!>'", "'onerror' attribute on <img>"]),
    ('<!--><script>alert(1)</script>-->', "--&gt;",
     ["a malformed HTML comment '<!-->'", "<script> element"]),
    ('<!---><b onclick="x()">b</b>', "<b>b</b>",
     ["a malformed HTML comment '<!--->'", "'onclick' attribute on <b>"]),
    ("<p>a</3 x>b<?php echo 1 ?>c</p>", "<p>abc</p>",
     ["a malformed HTML comment '</3 x>'", "a malformed HTML comment '<?php echo 1 ?>'"]),
    ("<p>never closed <!-- <b>gone</b>", "<p>never closed </p>",
     ["a malformed HTML comment '<!-- <b>gone</b>'"]),
    ("<p>a <!-- a note for editors --> b</p>", "<p>a  b</p>", []),
])
def test_every_removal_is_reported_and_only_removals(
    html: str, cleaned: str, removed: list[str]
) -> None:
    assert clean_html(html) == cleaned
    assert [r.what for r in find_removals(html)] == removed


def test_a_story_cannot_cover_the_page_with_its_link(
    hub: Hub, mkdocs_warnings: Callable[[], list[str]]
) -> None:
    hub.set(markdown_extensions=["attr_list", "md_in_html"])
    hub.write("stories/a.md", story_text("A", body=(
        '<h3 class="sh-card__title"><a href="https://evil.example/">Win</a></h3>\n\n'
        "## Also { .sh-card__title #sh-story-head }\n\n"
        "Text <!-- x --!> <b onclick=\"go()\">x</b> <!-- y -->\n\n"
        "<p class=\"sh-quote\">Hi</p>\n")))
    hub.write("people/giulia.md", person_text("Giulia Ferri",
                                              bio='<span class="sh-card">Bio</span>'))
    site = hub.build(strict=False)
    for page in ("stories/a/index.html", "people/giulia/index.html"):
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article") or soup
        authored = [tag for tag in article.find_all(("a", "h2", "h3", "p", "span", "b"))
                    if "evil.example" in str(tag.get("href", "")) or tag.get_text() in (
                        "Win", "Also", "Hi", "Bio", "x")]
        assert authored, page
        for tag in authored:
            assert not any(c.startswith("sh-") for c in tag.get("class", [])), (page, tag)
            assert not str(tag.get("id", "")).startswith("sh-"), (page, tag)
    assert files_containing(site, "go()") == []
    assert [w.split(" from the HTML")[0] for w in mkdocs_warnings()
            if w.startswith("storyhub: ") and "removed" in w] == [
        f"storyhub: stories/a.md:8: removed class 'sh-card__title' on <h3> ({SH})",
        f"storyhub: stories/a.md:10: removed class 'sh-card__title' on <h2> ({SH})",
        "storyhub: stories/a.md:10: removed 'id=\"sh-story-head\"' on <h2> (renamed "
        "user-content-sh-story-head: names starting with 'sh-' belong to storyhub)",
        "storyhub: stories/a.md:12: removed 'onclick' attribute on <b>",
        f"storyhub: stories/a.md:14: removed class 'sh-quote' on <p> ({SH})",
        f"storyhub: people/giulia.md:12: removed class 'sh-card' on <span> ({SH})"]
