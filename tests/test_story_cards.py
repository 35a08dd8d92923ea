"""Story cards are rendered once per story and given each page's links: an overridden
partial must still see the page it is on. That the pages are exactly what including the
partial on every page gives is checked on the example hub in ``test_material_partials.py``
(one pair of builds for both partials storyhub keeps)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import Hub, read
from storyhub.site.story_cards import PARTIAL


def html_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


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
