"""JSON Schemas for editors, generated from the content models (never written by hand).

``storyhub schema --out DIR`` writes ``story.schema.json``, ``person.schema.json``,
``values.schema.json`` and ``campaigns.schema.json``. The models' validators are plain
Python functions, invisible to JSON Schema; :class:`EditorSchema` turns the ones the models use
into the equivalent schema keywords (patterns, one-id-or-a-list, dates written
``YYYY-MM-DD``), reading the patterns from the validators themselves, so the
schemas follow the models when they change.
"""

from __future__ import annotations

import copy
import functools
import inspect
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from storyhub.content import model
from storyhub.content.load import STORY_ALIASES

DIALECT = "https://json-schema.org/draft/2020-12/schema"
ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
FILES = {
    "story": "story.schema.json",
    "person": "person.schema.json",
    "values": "values.schema.json",
    "campaigns": "campaigns.schema.json",
}


def _validator_function(schema: Any) -> Callable[..., Any] | None:
    function = schema.get("function", {})
    return function.get("function") if isinstance(function, dict) else None


def _handle_pattern(function: Callable[..., Any]) -> str | None:
    """The regular expression a ``model._handle(...)`` validator checks against."""
    try:
        compiled = inspect.getclosurevars(function).nonlocals.get("compiled")
    except TypeError:
        return None
    return f"^{compiled.pattern}$" if isinstance(compiled, re.Pattern) else None


class EditorSchema(GenerateJsonSchema):
    """pydantic's generator, taught what storyhub's validators accept."""

    def function_after_schema(
        self, schema: core_schema.AfterValidatorFunctionSchema
    ) -> JsonSchemaValue:
        inner = dict(self.generate_inner(schema["schema"]))
        function = _validator_function(schema)
        if function is model._slug:
            inner["pattern"] = model.SLUG_RE.pattern
        elif function is model._text:
            inner.update(minLength=1, pattern=r"\S")
        elif function is model._hex_color:
            inner["pattern"] = "^#[0-9a-fA-F]{6}$"
        elif function is model._hashtag:
            # Python's \w is Unicode, an editor's is often ASCII: accept any one word here
            inner["pattern"] = r"^\s*#?[^\s#,]+\s*$"
        elif function is model._http_url:
            inner["pattern"] = r"^\s*[hH][tT][tT][pP][sS]?://\S+\s*$"
            inner["format"] = "uri"
        elif function is not None and (pattern := _handle_pattern(function)):
            inner["pattern"] = pattern
        return inner

    def function_before_schema(
        self, schema: core_schema.BeforeValidatorFunctionSchema
    ) -> JsonSchemaValue:
        function = _validator_function(schema)
        if function is model.parse_author_date:
            return {"type": "string", "format": "date", "pattern": ISO_DATE,
                    "examples": ["2025-03-14"]}
        if function is model.parse_aware_datetime:
            return {"type": "string", "format": "date-time",
                    "examples": ["2026-03-01T09:00:00+01:00"]}
        inner = self.generate_inner(schema["schema"])
        if function is model._one_or_many and inner.get("type") == "array":
            # `people: giulia` is accepted for `people: [giulia]`
            return {"anyOf": [dict(inner["items"]), inner]}
        return inner


@functools.cache
def _generated(model_class: type[BaseModel]) -> dict[str, Any]:
    """The model's schema as pydantic makes it (once per process: every build's editor
    files ask for it); callers copy it before they change it."""
    return model_class.model_json_schema(mode="validation", schema_generator=EditorSchema)


def _schema(model_class: type[BaseModel], title: str, description: str) -> dict[str, Any]:
    generated = copy.deepcopy(_generated(model_class))
    return {"$schema": DIALECT, "title": title, "description": description,
            **{k: v for k, v in generated.items() if k not in ("title", "description")}}


def story_schema() -> dict[str, Any]:
    schema = _schema(
        model.Story, "storyhub story",
        "Front matter of a story: stories/<slug>.md or stories/<date>-<slug>/index.md.",
    )
    properties = schema["properties"]
    required = list(schema.get("required", []))
    either: list[dict[str, Any]] = []
    for alias, canonical in STORY_ALIASES.items():
        entry = dict(properties[canonical])
        entry["description"] = f"One id, instead of '{canonical}'"
        entry["title"] = alias.capitalize()
        properties[alias] = entry
        if canonical in required:
            required.remove(canonical)
            either.append({"oneOf": [{"required": [canonical]}, {"required": [alias]}]})
    schema["required"] = required
    if either:
        schema["allOf"] = either
    return schema


def person_schema() -> dict[str, Any]:
    return _schema(
        model.Person, "storyhub person",
        "Front matter of a profile, people/<id>.md (the file name is the id).",
    )


def values_schema() -> dict[str, Any]:
    value = copy.deepcopy(_generated(model.Value))
    defs = value.pop("$defs", {})
    defs["Value"] = value
    listing = {"type": "array", "items": {"$ref": "#/$defs/Value"}}
    return {
        "$schema": DIALECT,
        "title": "storyhub values.yml",
        "description": "The company's values: a list, each with id, name and description.",
        "anyOf": [
            listing,
            {"type": "object", "properties": {"values": listing}, "required": ["values"],
             "additionalProperties": False},
        ],
        "$defs": defs,
    }


def campaigns_schema() -> dict[str, Any]:
    campaign = copy.deepcopy(_generated(model.Campaign))
    defs = campaign.pop("$defs", {})
    defs["Campaign"] = campaign
    listing = {"type": "array", "items": {"$ref": "#/$defs/Campaign"}}
    return {
        "$schema": DIALECT,
        "title": "storyhub campaigns.yml",
        "description": "Calls for stories: a list, each with id, title, prompt, values, "
                       "opens and closes (optional: target, translations).",
        "anyOf": [
            listing,
            {"type": "object", "properties": {"campaigns": listing},
             "required": ["campaigns"], "additionalProperties": False},
        ],
        "$defs": defs,
    }


def all_schemas() -> dict[str, dict[str, Any]]:
    return {
        FILES["story"]: story_schema(),
        FILES["person"]: person_schema(),
        FILES["values"]: values_schema(),
        FILES["campaigns"]: campaigns_schema(),
    }


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(out: Path) -> list[Path]:
    """Write the schemas into ``out``; return the files written (stable bytes)."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in all_schemas().items():
        path = out / name
        path.write_text(render(schema), encoding="utf-8", newline="\n")
        written.append(path)
    return written
