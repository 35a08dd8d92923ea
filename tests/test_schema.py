"""JSON Schemas: generated from the models, up to date in schemas/, and agreeing with the
validator on real front matter read the way storyhub reads it (dates as text, YAML 1.2)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import REPO, Hub
from storyhub.content.load import split_front_matter
from storyhub.content.schema import all_schemas, render
from storyhub.diagnostics.core import Diagnostics
from storyhub.text.yamlsource import parse_yaml


def validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((REPO / "schemas" / name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def front_matter(text: str) -> Any:
    diagnostics = Diagnostics()
    document = split_front_matter(text, "x.md", diagnostics)
    assert document is not None and not diagnostics, diagnostics.format()
    return document.located.data


def yaml_data(text: str) -> Any:
    diagnostics = Diagnostics()
    located = parse_yaml(text, "values.yml", diagnostics)
    assert located is not None and not diagnostics
    return located.data


def errors(name: str, data: Any) -> list[str]:
    return sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.validator}"
                  for e in validator(name).iter_errors(data))


def test_committed_schemas_are_generated_from_the_current_models() -> None:
    for name, schema in all_schemas().items():
        committed = (REPO / "schemas" / name).read_text(encoding="utf-8")
        assert committed == render(schema), f"schemas/{name} is stale: run storyhub schema"


def test_schema_command_writes_and_checks(hub: Hub) -> None:
    result = hub.storyhub("schema", "--out", "editor")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "Wrote editor/story.schema.json", "Wrote editor/person.schema.json",
        "Wrote editor/values.schema.json", "Wrote editor/campaigns.schema.json",
    ]
    assert hub.storyhub("schema", "--out", "editor", "--check").returncode == 0
    (hub.root / "editor/story.schema.json").write_text("{}", encoding="utf-8")
    stale = hub.storyhub("schema", "--out", "editor", "--check")
    assert stale.returncode == 1
    assert stale.stdout == (
        "editor/story.schema.json: out of date — run storyhub schema --out editor\n"
    )


def test_schemas_are_useful_to_editors() -> None:
    story = json.loads((REPO / "schemas/story.schema.json").read_text(encoding="utf-8"))
    props = story["properties"]
    assert story["additionalProperties"] is False
    assert props["title"]["description"] == "The story's title"
    assert props["social"]["propertyNames"]["enum"][:2] == ["linkedin", "x"]
    assert props["date"]["pattern"] == r"^\d{4}-\d{2}-\d{2}$"
    person = json.loads((REPO / "schemas/person.schema.json").read_text(encoding="utf-8"))
    assert person["properties"]["status"]["enum"] == ["active", "alumni"]
    assert "Consent" in person["$defs"]


STORY = """---
title: The night the oven stopped
date: 2025-03-14
people: [giulia-ferri]
values: [craft, care]
summary: At 2 a.m. the main oven failed.
image: oven.jpg
image_alt: Giulia pulling trays out of the oven
tags: [night-shift, bread]
draft: false
publish_at: 2026-03-01T09:00:00+01:00
social:
  linkedin: Our night shift, told by Giulia.
---
Body.
"""


@pytest.mark.parametrize("text", [
    STORY,
    STORY.replace("people: [giulia-ferri]", "person: giulia-ferri"),
    STORY.replace("people: [giulia-ferri]", "people: giulia-ferri"),
    STORY.replace("values: [craft, care]", "value: craft"),
    STORY.replace("values: [craft, care]", "values:\n  - craft\n  - care"),
])
def test_valid_story_front_matter(text: str) -> None:
    assert errors("story.schema.json", front_matter(text)) == []


@pytest.mark.parametrize(("change", "expected"), [
    (("title:", "titel:"), [": additionalProperties", ": required"]),
    (("draft: false", 'draft: "false"'), ["draft: type"]),
    (("draft: false", "draft: no"), ["draft: type"]),  # YAML 1.2: `no` is text
    (("date: 2025-03-14", "date: 14/03/2025"), ["date: format", "date: pattern"]),
    (("tags: [night-shift, bread]", "tags: night-shift, bread"), ["tags: type"]),
    (("people: [giulia-ferri]", "people: [Giulia Ferri]"), ["people: anyOf"]),
    (("people: [giulia-ferri]", "people: []"), ["people: minItems"]),
    (("  linkedin:", "  myspace:"), ["social: enum"]),
    (("summary: At 2 a.m. the main oven failed.", 'summary: "  "'), ["summary: pattern"]),
    (("people: [giulia-ferri]", "people: [giulia-ferri]\nperson: giulia-ferri"), [": oneOf"]),
])
def test_invalid_story_front_matter(change: tuple[str, str], expected: list[str]) -> None:
    assert errors("story.schema.json", front_matter(STORY.replace(*change))) == expected


PERSON = """---
name: Giulia Ferri
role: Head baker
team: Production
photo: photos/giulia-ferri.jpg
status: active
joined: 2012-09-01
links:
  instagram: giulia.bakes
  linkedin: https://www.linkedin.com/in/giulia-ferri
  mastodon: "@giulia@mastodon.social"
consent:
  name: true
  photo: true
  quotes: true
  social: false
  date: 2025-01-15
---
Bio.
"""


def test_valid_person_front_matter() -> None:
    assert errors("person.schema.json", front_matter(PERSON)) == []


@pytest.mark.parametrize(("change", "expected"), [
    (("consent:\n  name: true\n  photo: true\n  quotes: true\n  social: false\n"
      "  date: 2025-01-15\n", ""), [": required"]),
    (("  date: 2025-01-15", "  date: 2025-1-15x"),
     ["consent/date: format", "consent/date: pattern"]),
    (("  instagram: giulia.bakes", "  instagram: https://instagram.com/giulia"),
     ["links/instagram: anyOf"]),
    (("  linkedin: https://www.linkedin.com/in/giulia-ferri", "  linkedin: javascript:alert(1)"),
     ["links/linkedin: anyOf"]),
    (("status: active", "status: retired"), ["status: enum"]),
    (("  name: true", "  name: yes"), ["consent/name: type"]),
])
def test_invalid_person_front_matter(change: tuple[str, str], expected: list[str]) -> None:
    assert errors("person.schema.json", front_matter(PERSON.replace(*change))) == expected


VALUES = """- id: craft
  name: Craft
  description: We take the time to do things properly.
  color: "#b5651d"
  icon: material/hand-heart
  hashtags: [craftsmanship, "#madeinitaly"]
  prompts:
    - When did you take more time than planned?
"""


def test_values_file() -> None:
    assert errors("values.schema.json", yaml_data(VALUES)) == []
    assert errors("values.schema.json", yaml_data("values:\n" + VALUES.replace(
        "\n", "\n  ").replace("- id", "  - id", 1))) == []
    bad = yaml_data(VALUES.replace('"#b5651d"', "brown").replace("id: craft", "id: Craft"))
    assert errors("values.schema.json", bad) == [": anyOf"]
    def messages(errs: Any) -> list[str]:
        return [m for e in errs for m in [e.message, *messages(e.context or [])]]

    detail = messages(validator("values.schema.json").iter_errors(bad))
    assert any("'brown' does not match" in m for m in detail)
    assert any("'Craft' does not match" in m for m in detail)


def test_schemas_agree_with_the_validator_on_the_example_hub() -> None:
    """Every file of the example hub is valid for both the check and the schemas."""
    stories = [*(REPO / "stories").glob("*.md"), *(REPO / "stories").glob("*/index.md")]
    for path in sorted(stories):  # not an audio transcript beside a story (transcript.md)
        if path.name.lower() == "readme.md":
            continue
        assert errors("story.schema.json", front_matter(path.read_text("utf-8"))) == [], path
    for path in sorted((REPO / "people").glob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        assert errors("person.schema.json", front_matter(path.read_text("utf-8"))) == [], path
    values = yaml_data((REPO / "values.yml").read_text("utf-8"))
    assert errors("values.schema.json", values) == []


def test_vscode_maps_the_values_schema() -> None:
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert mapping == {"./schemas/values.schema.json": ["values.yml"]}
    for target in mapping:
        assert (REPO / Path(target)).is_file()
