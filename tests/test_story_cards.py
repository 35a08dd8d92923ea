"""Story cards are rendered once per story and given each page's links: the pages must be
exactly what including the partial on every page gives, and an overridden partial must
still see the page it is on."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import Hub, read
from storyhub.site.story_cards import DEFAULTS, PARTIAL


def html_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def test_cards_from_the_store_are_the_included_partial_byte_for_byte(example_hub: Hub) -> None:
    stored = html_files(example_hub.build(site="stored"))
    # The same partial from overrides/ is rendered on every page, as an include would.
    shutil.copy2(DEFAULTS / PARTIAL, example_hub.write(f"overrides/{PARTIAL}", ""))
    included = html_files(example_hub.build(site="included"))
    assert stored.keys() == included.keys()
    differing = [name for name in stored if stored[name] != included[name]]
    assert differing == []
    # the comparison covers cards with photos, value badges and related stories
    listing = stored["stories/index.html"].decode()
    assert listing.count('class="sh-card sh-story-card') >= 10
    assert "<picture>" in listing and 'class="sh-badge"' in listing
    story_page = next(v.decode() for k, v in stored.items()
                      if k.startswith("stories/") and b'class="sh-related"' in v)
    assert 'class="sh-card sh-story-card' in story_page


def test_an_overridden_card_sees_the_page_it_is_on(hub: Hub) -> None:
    hub.set(theme={"name": "material", "font": False, "custom_dir": "overrides"})
    hub.write(f"overrides/{PARTIAL}",
              '<p class="probe">{{ story.title }} on /{{ page.url }} → {{ story.url | url }}</p>')
    site = hub.build()
    probes = re.compile(r'<p class="probe">(.*?)</p>')
    assert "Night shift on /stories/ → night-shift/" in probes.findall(
        read(site, "stories/index.html"))
    assert "Night shift on /people/giulia/ → ../../stories/night-shift/" in probes.findall(
        read(site, "people/giulia/index.html"))


def test_links_are_relative_to_each_page(hub: Hub) -> None:
    site = hub.build()
    listing = read(site, "stories/index.html")
    person = read(site, "people/giulia/index.html")
    assert '<a href="night-shift/">Night shift</a>' in listing
    assert '<a href="../../stories/night-shift/">Night shift</a>' in person
    assert "\0" not in listing + person
