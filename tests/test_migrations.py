"""Upgrades: ``storyhub check`` names options, front-matter fields and template names that
storyhub renamed or removed (or that other tools use), with what to write instead, from
one table (text/migrations.py)."""

from __future__ import annotations

import re

import pytest
from conftest import Hub, story_text
from storyhub.text.migrations import MIGRATIONS, WHERE, migration_for, template_problems


def test_every_row_of_the_table_is_well_formed() -> None:
    seen = set()
    for row in MIGRATIONS:
        assert row.where in WHERE
        assert (row.where, row.old) not in seen
        seen.add((row.where, row.old))
        assert row.new or row.note  # a removal says what to do
        assert row.since is None or re.fullmatch(r"\d+\.\d+\.\d+", row.since)
        assert row.new != row.old


def test_check_names_renamed_fields_and_options_with_what_to_write(hub: Hub) -> None:
    hub.write("stories/moved.md", story_text("Moved over from the blog").replace(
        "summary:", "excerpt:", 1).replace("---\n", "---\nauthors: [giulia]\n", 1))
    hub.config(pagination_per_page=12)
    result = hub.storyhub("check")
    assert result.returncode == 2  # an option problem stops before the content
    assert ("mkdocs.yml" in result.stderr and "'pagination_per_page' is what Material's blog "
            "plugin call it; storyhub's name is 'page_size': write 'page_size' instead"
            in result.stderr)
    hub.config()
    result = hub.storyhub("check", "--no-advice")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    excerpt = [line for line in lines if "'excerpt'" in line]
    assert excerpt and re.match(r"stories/moved\.md:\d+:1: ", excerpt[0])
    assert "storyhub's name is 'summary': write 'summary' instead" in excerpt[0]
    assert any("'authors'" in line and "write 'author' instead" in line for line in lines)
    # the renamed field stands for the missing one: no second error "missing summary"
    assert not [line for line in lines if "missing required field 'summary'" in line]


def test_check_names_renamed_template_names_in_overrides(hub: Hub) -> None:
    hub.write("overrides/storyhub/partials/story-card.html",
              "<article class='sh-card'>\n  <h3>{{ story.title }}</h3>\n"
              "  {{ sh_t('read') }} {% for p in sh.people_of(story) %}{{ p.name }}{% endfor %}\n"
              "  <script>{{ shm | sh_json }}</script>{{ 'sh is fine in a string' }}\n"
              "</article>\n")
    hub.set(theme={"name": "material", "font": False, "custom_dir": "overrides"})
    result = hub.storyhub("check", "--no-advice")
    assert result.returncode == 1
    found = [line for line in result.stdout.splitlines() if "story-card.html" in line]
    assert [line.split(": ", 1)[0] for line in found] == [
        "overrides/storyhub/partials/story-card.html:3:6",
        "overrides/storyhub/partials/story-card.html:3:34",
        "overrides/storyhub/partials/story-card.html:4:14",
        "overrides/storyhub/partials/story-card.html:4:20",
    ]
    assert "'sh_t' was renamed 't' in storyhub 0.1.0: write 't' instead" in found[0]
    assert "'sh' was renamed 'storyhub'" in found[1]
    assert "'shm' was renamed 'page_meta'" in found[2]
    assert "'sh_json' was removed in storyhub 0.1.0: use Jinja's own filter, | tojson" in found[3]


def test_templates_with_todays_names_pass(tmp_path) -> None:
    (tmp_path / "storyhub").mkdir()
    (tmp_path / "storyhub/story.html").write_text(
        "{{ storyhub.people_of(story) }} {{ t('read') }} {{ entry.kind }} {{ page_meta }}"
        " {% set shade = 1 %}{{ shade }} <div class='sh-x'>{{ x.sh }}</div>", encoding="utf-8")
    assert list(template_problems(tmp_path)) == []


@pytest.mark.parametrize(("where", "old", "new"), [
    ("template", "shp", "entry"), ("story", "excerpt", "summary"),
    ("option", "pagination_per_page", "page_size"),
])
def test_lookup(where: str, old: str, new: str) -> None:
    row = migration_for(where, old)
    assert row is not None and row.new == new
    assert migration_for(where, new) is None
