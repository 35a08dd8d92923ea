"""tags.yml (issue 21): a tag's labels per language; stories tagged with any of its spellings
share one tag page; mistakes reported at their line with the fix."""

from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import Hub, read, story_text


def test_twins_become_one_tag_labelled_per_language(hub: Hub) -> None:
    hub.write("tags.yml", "- id: kiln\n  name: Kiln\n  translations:\n    it: {name: Forno}\n")
    hub.write("stories/forno.md", story_text("Il forno", extra="lang: it\ntags: [forno]\n"))
    hub.write("stories/kiln.md", story_text("The kiln", date="2024-01-01",
                                            extra="tags: [Kiln, night]\n"))
    site = hub.build()
    assert sorted(p.name for p in (site / "tags").iterdir() if p.is_dir()) == ["kiln", "night"]
    tag = BeautifulSoup(read(site, "tags/kiln/index.html"), "html.parser")
    assert len(tag.select(".sh-story-card")) == 2
    italian = BeautifulSoup(read(site, "stories/forno/index.html"), "html.parser")
    assert [a.get_text() for a in italian.select(".sh-tags .sh-chip")] == ["Forno"]
    english = BeautifulSoup(read(site, "stories/kiln/index.html"), "html.parser")
    assert [a.get_text() for a in english.select(".sh-tags .sh-chip")] == ["Kiln", "night"]


def test_tags_yml_mistakes(hub: Hub) -> None:
    hub.write("tags.yml", "- id: kiln\n  name: Kiln\n  translations:\n    it: {name: Forno}\n"
                          "- id: forno\n  name: Oven\n- id: x\n  nam: X\n")
    result = hub.storyhub("check")
    assert result.returncode != 0
    out = result.stdout + result.stderr
    assert ("tags.yml:5:7: tag 'forno' shares a spelling with tag 'kiln': give each tag its "
            "own id and names") in out
    assert "tags.yml:8:3" in out and "nam" in out
