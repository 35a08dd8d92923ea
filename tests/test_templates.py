"""The template interface overriders use: the documented names, and one search path
(overrides/ first) for every storyhub page, the standalone ones included."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import Hub, read

GUIDE = Path(__file__).resolve().parents[1] / "guide" / "templates.md"


def guide_example() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    return re.search(r"```jinja\n(.*?)```", text, re.S).group(1)  # type: ignore[union-attr]


def test_the_guides_override_works(hub: Hub) -> None:
    hub.set(theme={"name": "material", "font": False, "custom_dir": "overrides"})
    hub.write("overrides/storyhub/partials/story-card.html", guide_example())
    site = hub.build()
    listing = read(site, "stories/index.html")
    assert '<p class="sh-card__date">' in listing
    assert '<a href="../stories/night-shift/">Night shift</a>' in listing or \
        'href="night-shift/">Night shift</a>' in listing


def test_documented_names_reach_every_page(hub: Hub) -> None:
    hub.set(theme={"name": "material", "font": False, "custom_dir": "overrides"})
    hub.write("overrides/main.html", (
        '{% extends "base.html" %}{% block footer %}{{ super() }}'
        '<p id="probe">{{ entry.kind if entry else "none" }}|{{ story.title if story else "" }}'
        '|{{ person.name if person else "" }}|{{ t("all_stories") }}'
        '|{{ storyhub.values() | length }}</p>{% endblock %}'))
    site = hub.build()
    probe = re.compile(r'<p id="probe">(.*?)</p>')
    assert probe.search(read(site, "stories/night-shift/index.html")).group(1) == (  # type: ignore[union-attr]
        "story|Night shift||All stories|3")
    assert probe.search(read(site, "people/giulia/index.html")).group(1) == (  # type: ignore[union-attr]
        "person||Giulia Ferri|All stories|3")


def test_standalone_pages_honour_overrides(hub: Hub) -> None:
    hub.set(theme={"name": "material", "font": False, "custom_dir": "overrides"})
    hub.write("overrides/storyhub/report.html", "<p>our own report: {{ r.published }}</p>")
    hub.write("overrides/storyhub/snippets/page.html", "<p>our own snippets page</p>")
    site = hub.build()
    assert read(site, "report/index.html") == "<p>our own report: 2</p>"
    assert read(site, "snippets/index.html") == "<p>our own snippets page</p>"
