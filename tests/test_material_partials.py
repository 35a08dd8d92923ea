"""Two partials storyhub renders once and reuses, checked byte for byte against rendering
them on every page: Material's tabs and navigation drawer (rendered once per folder and
kept) and storyhub's story cards (rendered once per story, given each page's links; more in
``test_story_cards.py``). One build with both shortcuts, one with both partials copied into
``overrides/`` (which turns both off): every page must be the same."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import Hub
from storyhub.adapters.material_partials import PARTIALS
from storyhub.adapters.mkdocs import MATERIAL_TEMPLATES
from storyhub.site.story_cards import DEFAULTS, PARTIAL


def html_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def test_kept_partials_are_the_rendered_partials_byte_for_byte(example_hub: Hub) -> None:
    # pages in nested folders, one of them holding another navigation target
    # docs/about.md moves to docs/about/index.md (both would be about/index.html: a collision)
    (example_hub.root / "docs/about").mkdir()
    (example_hub.root / "docs/about.md").rename(example_hub.root / "docs/about/index.md")
    example_hub.write("docs/about/history/index.md", "# History\n")
    example_hub.write("docs/about/visit.md", "# Visit\n")
    kept = html_files(example_hub.build(site="kept"))
    # The same partials copied into overrides/ are rendered on every page: Material's
    # navigation partials, and the story card as an include would render it.
    for name, imports in PARTIALS.items():
        for partial in (name, *imports):
            copy = example_hub.write(f"overrides/{partial}", "")
            shutil.copy2(MATERIAL_TEMPLATES / partial, copy)
    shutil.copy2(DEFAULTS / PARTIAL, example_hub.write(f"overrides/{PARTIAL}", ""))
    rendered = html_files(example_hub.build(site="rendered"))
    assert kept.keys() == rendered.keys()
    assert [name for name in kept if kept[name] != rendered[name]] == []
    # the comparison covers story pages in two languages, listings and nested pages
    assert any(b'lang="it"' in kept[n] for n in kept if n.startswith("stories/"))
    assert "about/history/index.html" in kept
    assert b'class="md-tabs"' in kept["stories/index.html"]
    # and cards with photos, value badges and related stories
    listing = kept["stories/index.html"].decode()
    assert listing.count('class="sh-card sh-story-card') >= 10
    assert "<picture>" in listing and 'class="sh-badge"' in listing
    story_page = next(v.decode() for k, v in kept.items()
                      if k.startswith("stories/") and b'class="sh-related"' in v)
    assert 'class="sh-card sh-story-card' in story_page


class _Item:
    def __init__(self, title: str, url: str | None, children: list[_Item] | None = None):
        self.title, self.url, self.children = title, url, children
        self.active, self.is_index, self.meta = False, False, {}


class _Nav:
    def __init__(self, items: list[_Item]):
        self.items = items
        self.pages = [i for i in items if i.url is not None]


def key_of(page: _Item | str, nav: _Nav) -> tuple[object, ...] | None:
    from storyhub.adapters.material_partials import _key, _Uncacheable

    try:
        return _key({"page": _Item("page", page) if isinstance(page, str) else page,
                     "nav": nav})
    except _Uncacheable:
        return None


def test_the_key_is_the_folder_a_pages_links_are_relative_to() -> None:
    nav = _Nav([_Item("Home", ""), _Item("Stories", "stories/"),
                _Item("About", None, [_Item("History", "about/history/")])])
    # sibling story pages link to every target the same way
    assert key_of("stories/a/", nav) == key_of("stories/b/", nav) is not None
    # other folders, or other depths, do not
    assert key_of("people/a/", nav) != key_of("stories/a/", nav)
    assert key_of("stories/page/2/", nav) != key_of("stories/a/", nav)
    assert key_of("snippets/", nav) != key_of("stories/a/", nav)
    # a page whose folder holds a navigation target links to it from inside: not kept
    assert key_of("about/", nav) is None
    # a page in the navigation (its table of contents is in the drawer): not kept
    home = nav.items[0]
    assert key_of(home, nav) is None
