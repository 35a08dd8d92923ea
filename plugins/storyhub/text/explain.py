"""Turn schema validation errors into messages a non-developer can act on."""

from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from storyhub.diagnostics.core import Diagnostics, did_you_mean, suggestion
from storyhub.text.migrations import migration_for
from storyhub.text.yamlsource import Located

# Example lines shown when a required field is missing.
EXAMPLES: dict[str, str] = {
    "title": "title: The night the oven stopped",
    "date": "date: 2025-03-14",
    "people": "people: [giulia-ferri]",
    "values": "values: [craft]",
    "summary": "summary: One or two sentences that make people want to read on.",
    "name": "name: Giulia Ferri",
    "role": "role: Head baker",
    "team": "team: Production",
    "consent": "consent: {name: true, photo: true, quotes: true, social: false, date: 2025-01-15}",
    "id": "id: craft",
    "description": "description: What this value means for us.",
}


def _field_name(loc: tuple[str | int, ...]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part + 1}]")
        else:
            parts.append(("." if parts else "") + part)
    return "".join(parts) or "front matter"


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return f"the text \"{value}\""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return str(value)


def _inner(annotation: Any) -> tuple[Any, bool]:
    """The model inside ``X | None`` or ``dict[key, X]``, and whether ``loc`` then names a
    key of the mapping (``translations.it.name``: ``it`` is a key, ``name`` a field)."""
    origin = get_origin(annotation)
    if origin is dict:
        return get_args(annotation)[1], True
    if origin in (Union, types.UnionType):
        models = [a for a in get_args(annotation) if a is not type(None)]
        return (models[0], False) if len(models) == 1 else (None, False)
    return annotation, False


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The nested model class that owns the last key of ``loc``."""
    current: type[BaseModel] | None = model
    mapping_key = False
    for part in loc[:-1]:
        if mapping_key:
            mapping_key = False
            continue
        if current is None or isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        annotation, mapping_key = _inner(getattr(info, "annotation", None))
        current = annotation if isinstance(annotation, type) and issubclass(
            annotation, BaseModel
        ) else None
    return current


def clean_loc(loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """``loc`` without pydantic's markers (``function-after``; ``[key]`` after a mapping's
    key, whose own error is then about the key: ``translations.fr``)."""
    return tuple(p for p in loc
                 if not (isinstance(p, str) and (p.startswith("function-") or p == KEY)))


#: pydantic's marker of an error in a mapping's key rather than its value
KEY = "[key]"


def message_for(error: ErrorDetails, model: type[BaseModel], aliases: dict[str, str]) -> str:
    loc = clean_loc(error["loc"])
    kind = error["type"]
    name = _field_name(loc)
    value = error.get("input")
    if kind == "missing":
        example = EXAMPLES.get(str(loc[-1]), "")
        return f"missing required field '{name}'" + (f" (add a line such as: {example})"
                                                      if example else "")
    if kind == "extra_forbidden":
        owner = _model_at(model, loc)
        known = list(owner.model_fields) if owner else []
        key = str(loc[-1])
        moved = migration_for(owner.__name__.lower(), key) if owner is model else None
        if moved is not None:
            return moved.message(name)
        choices = known + (list(aliases) if owner is model else [])
        return f"unknown field '{name}'" + suggestion(key, choices, known="known fields")
    if kind == "bool_type":
        return f"'{name}' must be true or false, without quotes (found {_describe(value)})"
    if kind in ("list_type", "tuple_type", "set_type"):
        if isinstance(value, str) and "," in value:
            items = ", ".join(part.strip() for part in value.split(","))
            return f"'{name}' must be a list, not text: write {loc[-1]}: [{items}]"
        return f"'{name}' must be a list, e.g. {loc[-1]}: [a, b] (found {_describe(value)})"
    if kind in ("string_type",):
        if isinstance(value, bool | int | float):
            return f"'{name}' must be text (found {_describe(value)}): put it in quotes"
        return f"'{name}' must be text (found {_describe(value)})"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"'{name}' must be a group of fields, one 'key: value' per line " \
               f"(found {_describe(value)})"
    if kind == "too_long" and not isinstance(value, str):
        limit = error.get("ctx", {}).get("max_length")
        count = len(value) if isinstance(value, list | tuple | dict) else 0
        return (f"'{name}' has {count:,} items; at most {limit} are accepted (each one is "
                "shown on every page, feed and post that lists the story)")
    if kind in ("string_too_long", "too_long"):
        limit = error.get("ctx", {}).get("max_length")
        return (f"'{name}' is {len(str(value)):,} characters long; at most {limit:,} are "
                "accepted: shorten it")
    if kind == "too_short":
        return f"'{name}' must not be empty: give at least one id"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ",").split(",")]
        text = str(value)
        return f"'{name}' cannot be '{text}': use one of {expected}" + (
            suggestion(text, [c for c in choices if c])
            if " — did you mean" in suggestion(text, [c for c in choices if c]) else ""
        )
    if kind == "string_pattern_mismatch":
        return f"'{name}' has an invalid format: '{value}'"
    if kind in ("int_type", "float_type"):
        return f"'{name}' must be a number (found {_describe(value)})"
    return f"'{name}': {error['msg']}"


def report_validation_error(
    exc: ValidationError,
    model: type[BaseModel],
    path: str,
    located: Located,
    diagnostics: Diagnostics,
    *,
    aliases: dict[str, str] | None = None,
    prefix: tuple[str | int, ...] = (),
) -> None:
    """Record every error of ``exc`` at the position of the field it is about.

    A misspelled field (``titel``) is reported once, as unknown with a suggestion,
    not also as the required field (``title``) it stands for.
    """
    errors = exc.errors(include_url=False)
    missing = {clean_loc(e["loc"]) for e in errors if e["type"] == "extra_forbidden"}
    stand_ins: set[tuple[str | int, ...]] = set()
    for loc in missing:
        owner = _model_at(model, loc)
        known = list(owner.model_fields) if owner else []
        moved = migration_for(model.__name__.lower(), str(loc[-1])) if len(loc) == 1 else None
        close = moved.new if moved is not None else did_you_mean(str(loc[-1]), known)
        if close is not None:
            stand_ins.add((*loc[:-1], close))
    for error in errors:
        loc = clean_loc(error["loc"])
        if error["type"] == "missing" and loc in stand_ins:
            continue
        full = (*prefix, *loc)
        if error["type"] == "missing":
            line, col = located.key_pos(full[:-1]) if full[:-1] else located.start
        elif error["type"] == "extra_forbidden" or KEY in error["loc"]:
            line, col = located.key_pos(full)
        else:
            line, col = located.value_pos(full)
        field = str(loc[0]) if loc else None
        diagnostics.error(
            path, line, col, message_for(error, model, aliases or {}), field=field,
            code=error["type"],
        )
