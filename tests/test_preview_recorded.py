"""A preview re-renders exactly the pages whose recorded reads changed: what a page read from
the hub while it was rendered (template overrides included) is written down and asked again
on the next build. Random edits, then the served folder must equal a fresh build's."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import Hub, own_plugins, person_text, previewing, read, story_text

SHIPPED = Path(__file__).resolve().parent.parent / "plugins/storyhub/templates/storyhub"

#: Template overrides that use documented names of the template interface, each on a page
#: kind whose shipped template does not show that answer.
OVERRIDES = {
    "story.html": "<ul class=\"t-latest\">{% for s in storyhub.latest() %}<li>{{ s.title }}"
                  "</li>{% endfor %}</ul>",
    "value.html": "<p class=\"t-people\">{% for p in storyhub.people() %}{{ p.name }} "
                  "{% endfor %}</p>",
    "person.html": "<p class=\"t-values\">{% for v in storyhub.values() %}{{ v.name }} "
                   "{% endfor %}{{ storyhub.featured().title if storyhub.featured() }}</p>",
    "team.html": "<p class=\"t-tags\">{% for tag in storyhub.tags() %}{{ tag.name }} "
                 "{% endfor %}</p>",
}


def override(hub: Hub, page: str) -> None:
    text = (SHIPPED / page).read_text(encoding="utf-8")
    marker = "{% block content %}{% autoescape true %}"
    assert marker in text
    hub.write(f"overrides/storyhub/{page}", text.replace(marker, marker + OVERRIDES[page], 1))


@pytest.fixture
def serve(hub: Hub, tmp_path: Path,
          monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], Path]]:
    """Rebuild as `mkdocs serve` does (the plugin instance kept between builds)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    hub.set(theme={"name": "material", "font": False, "custom_dir": "overrides"})
    (hub.root / "overrides").mkdir(exist_ok=True)
    with previewing(hub, tmp_path / "served") as rebuild:
        yield rebuild


def fresh(hub: Hub, site: Path) -> dict[str, bytes]:
    """The files a new `mkdocs serve` of the hub as it is now builds first."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with own_plugins():  # a new server's plugin, not the one being tested
        config = load_config(str(hub.root / "mkdocs.yml"), site_dir=str(site))
        config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url="http://127.0.0.1:8000/")
    return tree(site)


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def differing(served: dict[str, bytes], expected: dict[str, bytes]) -> list[str]:
    names = set(served) | set(expected)
    return sorted(n for n in names if served.get(n) != expected.get(n))


def test_an_override_listing_the_latest_stories_shows_a_renamed_story(hub: Hub, serve) -> None:  # type: ignore[no-untyped-def]
    """The issue's case: story.html overridden to list storyhub.latest(); another story
    renamed: every story page shows the new title, not only the renamed story's own."""
    override(hub, "story.html")
    site = serve()
    assert "The first oven" in read(site, "stories/night-shift/index.html")
    hub.write("stories/first-oven.md", story_text("The very first oven", date="2024-05-01",
                                                  summary="How it started."))
    site = serve()
    assert "The very first oven" in read(site, "stories/night-shift/index.html")
    renders = serve.plugin.renders
    assert "stories/night-shift/index.md" in renders.last_rendered
    site = serve()  # nothing changed: nothing rendered again
    assert renders.last_rendered == set()
    assert renders.reused > 0


def test_an_unchanged_page_is_reused_and_a_page_that_reads_an_edit_is_not(hub: Hub, serve) -> None:  # type: ignore[no-untyped-def]
    site = serve()
    assert "Senior agent" not in read(site, "stories/night-shift/index.html")
    hub.write("people/marco.md", person_text("Marco Bianchi", team="Customer Care",
                                             role="Senior agent"))
    site = serve()
    assert "Senior agent" in read(site, "stories/night-shift/index.html")
    rendered = serve.plugin.renders.last_rendered
    # Marco is in night-shift only: its page and his own are rendered; the first oven's
    # page (Giulia's story) read nothing of Marco and is reused. (A new name would change
    # every listing's filter chips, a global input.)
    assert {"stories/night-shift/index.md", "people/marco/index.md"} <= rendered
    assert "stories/first-oven/index.md" not in rendered


def test_a_question_many_pages_asked_is_asked_once_per_build() -> None:
    """Deciding which pages are still true asks each recorded question of the new hub once
    per build (a story's card is on many pages), and each page still gets its verdict."""
    from types import SimpleNamespace

    from storyhub.site.recording import Digests, Lookup, Reads, still_true

    class View:
        language = "en"
        hub = SimpleNamespace(stories=[], people={}, values={}, teams={})

        def __init__(self, answer: int) -> None:
            self.answer, self.asked = answer, 0

        def tags(self) -> list[object]:
            return []

        def in_language(self, code: str) -> View:
            return self

        def reading_minutes(self, story_id: str) -> int:
            self.asked += 1
            return self.answer

    before = View(3)
    digest = Digests(before).of(3)
    pages = [Reads() for _ in range(50)]
    for reads in pages:
        reads.add("en", "reading_minutes", (("=", "night-shift"),), digest)
    pages[0].add("en", "reading_minutes", (("=", "first-oven"),), digest)
    same = View(3)
    lookup = Lookup(same, {})
    assert all(still_true(reads, lookup, Digests(same)) for reads in pages)
    assert same.asked == 2  # night-shift once for 50 pages, first-oven once
    changed = View(4)
    lookup = Lookup(changed, {})
    assert not any(still_true(reads, lookup, Digests(changed)) for reads in pages)
    assert changed.asked == 1  # the first page's first question already fails


EDITS = ("title", "person", "value", "consent", "draft", "override", "unoverride", "new")


def edit(hub: Hub, kind: str, rng: random.Random, step: int) -> None:
    if kind == "title":
        name = rng.choice(["first-oven", "night-shift"])
        date = "2024-05-01" if name == "first-oven" else "2025-03-14"
        people = "[giulia]" if name == "first-oven" else "[giulia, marco]"
        hub.write(f"stories/{name}.md", story_text(f"Title {step} of {name}", date=date,
                                                   people=people))
    elif kind == "person":
        hub.write("people/giulia.md", person_text(f"Giulia {step}", bio="Giulia bakes."))
    elif kind == "value":
        values = (hub.root / "values.yml").read_text(encoding="utf-8")
        hub.write("values.yml", values.replace("name: Care", f"name: Care {step}", 1)
                  if "name: Care\n" in values else values.replace(
                      "description: We say what we think.", f"description: Courage {step}."))
    elif kind == "consent":
        text = person_text("Marco Bianchi", team="Customer Care", role="Agent")
        if rng.random() < 0.5:
            text = text.replace("  name: true\n", "  name: false\n")
        hub.write("people/marco.md", text)
    elif kind == "draft":
        draft = "draft: true\n" if rng.random() < 0.5 else ""
        hub.write("stories/first-oven.md", story_text("The first oven", date="2024-05-01",
                                                      summary="How it started.", extra=draft))
    elif kind == "override":
        override(hub, rng.choice(sorted(OVERRIDES)))
    elif kind == "unoverride":
        for page in OVERRIDES:
            (hub.root / "overrides" / "storyhub" / page).unlink(missing_ok=True)
    else:
        hub.write(f"stories/extra-{step}.md", story_text(
            f"Extra story {step}", date=f"2025-0{1 + step % 9}-1{step % 10}",
            people=rng.choice(["[giulia]", "[marco]"]), values="[courage]",
            extra=f"tags: [tag-{step % 3}]\n"))


@pytest.mark.parametrize("seed", [11, 29])
def test_random_edits_serve_what_a_fresh_build_gives(hub: Hub, serve, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                     seed: int) -> None:
    rng = random.Random(seed)
    override(hub, "team.html")
    site = serve()
    for step in range(6):
        kind = rng.choice(EDITS)
        edit(hub, kind, rng, step)
        site = serve()
        expected = fresh(hub, tmp_path / f"fresh-{step}")
        assert differing(tree(site), expected) == [], f"step {step}: {kind}"
