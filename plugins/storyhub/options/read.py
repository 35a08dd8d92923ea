"""Read a hub's configuration: ``mkdocs.yml`` (without MkDocs), the storyhub options in it,
the command line's ``--as-of`` and the environment's ``SOURCE_DATE_EPOCH``.

Every problem becomes a diagnostic that points at the line and column of the value, in
the words of :mod:`storyhub.options.model`:

    mkdocs.yml:24:15: storyhub option 'page_size' must be a whole number without quotes
    (found the text "24") — write it as page_size: 24

Both the MkDocs adapter (which hands over the options MkDocs parsed) and the command line
(which reads ``mkdocs.yml`` itself) come through :func:`parse_options`, so they always
agree on defaults and on what is wrong.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from storyhub.diagnostics.core import Diagnostic, Diagnostics, did_you_mean, suggestion
from storyhub.i18n.catalogue import available_languages, primary_subtag
from storyhub.options.model import GROUPS, StoryhubOptions, model_for
from storyhub.text.controls import control_message, find_control
from storyhub.text.dates import EXAMPLE as DATETIME_EXAMPLE
from storyhub.text.dates import parse_aware_datetime
from storyhub.text.explain import clean_loc
from storyhub.text.migrations import migration_for
from storyhub.text.networks import NETWORK_IDS
from storyhub.text.yamlsource import syntax_problem

Loc = tuple[str | int, ...]
PLUGIN = "storyhub"


class ConfigError(Exception):
    """The configuration cannot be used; the message says what to do. Exit code 2.
    ``diagnostics``: each problem at its place, when the message lists them (for the
    formats of ``storyhub check``: GitHub annotations, JSON)."""

    def __init__(self, message: str, diagnostics: Sequence[Diagnostic] = ()) -> None:
        super().__init__(message)
        self.diagnostics = list(diagnostics)


def listed(diagnostics: Sequence[Diagnostic], where: str = "in the configuration") -> str:
    """The message of a :class:`ConfigError` that lists ``diagnostics``, one a line."""
    return (f"{len(diagnostics)} problem(s) {where}; nothing was done:\n"
            + "\n".join(d.format() for d in diagnostics))


class UnsafeConfig(ConfigError):
    """The configuration holds what would run code as the engine reads it."""


# -- mkdocs.yml, read the way MkDocs reads it --------------------------------------------------


class _LenientLoader(yaml.SafeLoader):
    """MkDocs' tags: ``!ENV`` is resolved like MkDocs does, ``!!python/...`` is recorded
    (:func:`python_tag_problem`) and read as nothing."""

    python_tags: list[tuple[str, yaml.Mark]]


def _env(loader: _LenientLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    else:
        names = [str(v) for v in loader.construct_sequence(node)]  # type: ignore[arg-type]
    default = names.pop() if len(names) > 1 else None
    for name in names:
        if name in os.environ:
            return os.environ[name]
    return default


def _ignore(loader: _LenientLoader, suffix: str, node: yaml.Node) -> Any:
    return None


def _python(loader: _LenientLoader, suffix: str, node: yaml.Node) -> Any:
    loader.python_tags.append((suffix, node.start_mark))
    return None


_LenientLoader.add_constructor("!ENV", _env)
_LenientLoader.add_multi_constructor("!", _ignore)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", _python)

#: the functions a ``!!python/name:`` tag may name: Material's and PyMdown Extensions' own
#: (``material.extensions.emoji.twemoji``, ``pymdownx.superfences.fence_code_format``), which
#: their documented settings name
PYTHON_NAMES = ("material.extensions.", "pymdownx.")


def python_tag_problem(suffix: str) -> str | None:
    """Why a ``!!python/<suffix>`` tag of mkdocs.yml is refused, or None. MkDocs reads the
    file with PyYAML's full loader, which runs what such a tag says while it reads:
    ``!!python/object/apply:os.system ["…"]`` runs a command, before any plugin."""
    kind, _, name = suffix.partition(":")
    if kind == "name" and name.startswith(PYTHON_NAMES):
        return None
    return (f"'!!python/{suffix}' makes MkDocs run Python code as it reads this file (a pull "
            "request could run any command where the site is built): remove it; only "
            "'!!python/name:' of Material's and PyMdown Extensions' functions is accepted "
            "(e.g. material.extensions.emoji.twemoji)")


@dataclass
class Positions:
    """Where each storyhub option's key and value stand in mkdocs.yml (1-based)."""

    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    start: tuple[int, int] = (1, 1)
    #: where each value of the whole mkdocs.yml stands, by its path from the top
    #: (``("copyright",)``, ``("markdown_extensions", 2)``): the engine's own options
    file: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def in_file(self, loc: Loc) -> tuple[int, int]:
        """Where the value at ``loc`` of mkdocs.yml stands (or its nearest parent)."""
        while loc:
            if loc in self.file:
                return self.file[loc]
            loc = loc[:-1]
        return (1, 1)

    def of(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        first, second = (self.keys, self.values) if key else (self.values, self.keys)
        while loc:
            if loc in first:
                return first[loc]
            if loc in second:
                return second[loc]
            loc = loc[:-1]
        return self.start


@dataclass
class MkDocsYml:
    """What storyhub takes from ``mkdocs.yml``."""

    path: Path
    raw: dict[str, Any]
    options: dict[str, Any]
    positions: Positions
    #: label of the file in messages: its path as given, relative when possible
    label: str
    #: positions of further ``storyhub`` entries (the plugin listed twice)
    duplicates: list[tuple[int, int]] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        return self.path.resolve().parent

    def theme(self, key: str) -> Any:
        theme = self.raw.get("theme")
        return theme.get(key) if isinstance(theme, dict) else None

    @property
    def custom_dir(self) -> Path | None:
        value = self.theme("custom_dir")
        return (self.folder / str(value)).resolve() if value else None


def read_mkdocs_yml(config_file: Path) -> MkDocsYml:
    """Read ``mkdocs.yml``; raise :class:`ConfigError` when it is missing or not YAML."""
    if not config_file.is_file():
        raise ConfigError(
            f"{config_file} not found: run storyhub from the hub's folder "
            "or pass -f path/to/mkdocs.yml"
        )
    try:
        text = config_file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{config_file} cannot be read: {exc}") from None
    loader = _LenientLoader(text)
    loader.python_tags = []
    try:  # parsed once: the nodes (for positions), then the data made from them
        node = loader.get_single_node()
        raw = (loader.construct_document(node) if node is not None else None) or {}
    except yaml.MarkedYAMLError as exc:  # where, as for a story's front matter
        mark, message = syntax_problem(exc)
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
        raise ConfigError(f"{_label(config_file)}:{where}: {message}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{config_file} is not valid YAML: {exc}") from None
    finally:
        loader.dispose()
    refused = [Diagnostic(_label(config_file), mark.line + 1, mark.column + 1, why,
                          code="engine-config")
               for suffix, mark in loader.python_tags
               if (why := python_tag_problem(suffix)) is not None]
    if refused:
        raise UnsafeConfig(listed(refused), refused)
    if not isinstance(raw, dict):
        raise ConfigError(f"{config_file} must be a YAML mapping (key: value lines)")
    options, positions, duplicates = _find_plugin(raw, node)
    return MkDocsYml(config_file, raw, options, positions, _label(config_file), duplicates)


def _label(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _find_plugin(raw: dict[str, Any], root: yaml.Node | None
                 ) -> tuple[dict[str, Any], Positions, list[tuple[int, int]]]:
    """The storyhub options, where they stand, and where any second listing stands."""
    found: list[tuple[Any, yaml.Node, yaml.Node]] = []  # (options, key node, value node)
    plugins_node = _child(root, "plugins")
    plugins = raw.get("plugins")
    if isinstance(plugins_node, yaml.SequenceNode) and isinstance(plugins, list):
        for item, item_node in zip(plugins, plugins_node.value, strict=False):
            if item == PLUGIN:
                found.append(({}, item_node, item_node))
            elif isinstance(item, dict) and PLUGIN in item:
                key = _key_node(item_node, PLUGIN)
                found.append((item[PLUGIN], key or item_node, _child(item_node, PLUGIN)
                              or item_node))
    elif (isinstance(plugins_node, yaml.MappingNode) and isinstance(plugins, dict)
          and PLUGIN in plugins):
        key = _key_node(plugins_node, PLUGIN)
        found.append((plugins[PLUGIN], key or plugins_node,
                      _child(plugins_node, PLUGIN) or plugins_node))
    whole = Positions()
    _record(root, (), whole)
    if not found:
        return {}, Positions(file=whole.values), []
    options, key_node, value_node = found[0]
    positions = Positions(start=_pos(key_node), file=whole.values)
    _record(value_node, (), positions)
    duplicates = [_pos(k) for _, k, _ in found[1:]]
    return (options if isinstance(options, dict) else {"": options}), positions, duplicates


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _key_node(mapping: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(mapping, yaml.MappingNode):
        for k, _ in mapping.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return k
    return None


def _child(mapping: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(mapping, yaml.MappingNode):
        for k, v in mapping.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return None


def _record(node: yaml.Node | None, at: Loc, positions: Positions) -> None:
    if node is None:
        return
    if at:
        positions.values[at] = _pos(node)
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode):
                positions.keys[(*at, k.value)] = _pos(k)
                _record(v, (*at, k.value), positions)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record(item, (*at, index), positions)


# -- the options, checked ----------------------------------------------------------------------


def parse_options(
    raw: dict[str, Any] | None,
    *,
    label: str = "mkdocs.yml",
    positions: Positions | None = None,
    diagnostics: Diagnostics,
) -> StoryhubOptions | None:
    """Check the raw options; on any problem record them all and return None."""
    positions = positions or Positions()
    data = dict(raw or {})
    if "" in data:  # `- storyhub: something` that is not a mapping
        line, col = positions.start
        diagnostics.error(label, line, col, "the storyhub options must be a mapping, one "
                          "'option: value' per line under '- storyhub:'", code="config")
        return None
    if _refuse_controls(data, (), label, positions, diagnostics):
        return None
    try:
        return StoryhubOptions.model_validate(data)
    except ValidationError as exc:
        report_option_errors(exc, label=label, positions=positions, diagnostics=diagnostics)
        return None


def _refuse_controls(value: Any, at: Loc, label: str, positions: Positions,
                     diagnostics: Diagnostics) -> bool:
    """Report every option text holding a character no output may carry; True if any."""
    found = False
    if isinstance(value, str):
        index = find_control(value)
        if index is not None:
            line, col = positions.of(at, key=False)
            diagnostics.error(label, line, col, f"storyhub option '{_name(at)}': "
                              + control_message(value[index]), field=_name(at),
                              code="control-character")
            return True
    elif isinstance(value, dict):
        for key, item in value.items():
            found = _refuse_controls(item, (*at, str(key)), label, positions,
                                     diagnostics) or found
    elif isinstance(value, list | tuple):
        for number, item in enumerate(value):
            found = _refuse_controls(item, (*at, number), label, positions, diagnostics) or found
    return found


def report_option_errors(exc: ValidationError, *, label: str, positions: Positions,
                         diagnostics: Diagnostics) -> None:
    errors = exc.errors(include_url=False)
    # A list whose items were refused is then "too short" too (pydantic counts what is
    # left): the items' own messages say it all ("must be a list (found a list)" did not).
    failed_items = {_clean(e["loc"])[:-1] for e in errors
                    if len(e["loc"]) > 1 and isinstance(e["loc"][-1], int)}
    for error in errors:
        loc = _clean(error["loc"])
        if error["type"] == "too_short" and loc in failed_items:
            continue
        key = error["type"] in ("extra_forbidden", "missing")
        line, col = positions.of(loc, key=key)
        diagnostics.error(label, line, col, option_message(error, loc), field=_name(loc),
                          code="config")


def _clean(loc: tuple[str | int, ...]) -> Loc:
    # pydantic's union branch names (the validator names go in clean_loc)
    return tuple(p for p in clean_loc(loc) if p not in ("tagged-union", "lax-or-strict"))


def _name(loc: Loc) -> str:
    parts: list[str] = []
    for part in loc:
        parts.append(f"[{part + 1}]" if isinstance(part, int) else ("." if parts else "") + part)
    return "".join(parts)


def _found(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'the text "{value}"'
    if value is None:
        return "nothing"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, datetime):
        return f"the date-time {value.isoformat()}"
    if hasattr(value, "isoformat"):
        return f"the date {value.isoformat()}"
    return str(value)


def option_message(error: ErrorDetails, loc: Loc) -> str:
    """A message a person can act on, for one validation error of the options."""
    kind, value = error["type"], error.get("input")
    name = _name(loc)
    key = str(loc[-1]) if loc else ""
    ctx = error.get("ctx") or {}
    prefix = f"storyhub option '{name}'"
    if kind == "extra_forbidden":
        moved = migration_for("option", ".".join(str(part) for part in loc))
        if moved is not None:
            return f"storyhub option {moved.message(name)}"
        group = model_for(loc)
        known = list(group.model_fields)
        return f"unknown storyhub option '{name}'" + suggestion(key, known, known="options")
    if kind == "literal_error" and len(loc) >= 2 and loc[-2] == "networks":
        return f"unknown network '{value}' in 'snippets.networks'" + suggestion(
            str(value), NETWORK_IDS, known="networks")
    if kind == "literal_error":
        expected = str(ctx.get("expected", ""))
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ",").split(",")]
        close = did_you_mean(str(value), [c for c in choices if c])
        hint = f" — did you mean '{close}'?" if close else ""
        return f"{prefix} cannot be '{value}': use {expected}{hint}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        example = value.strip() if isinstance(value, str) and value.strip().isdigit() else ""
        hint = f" — write it as {key}: {example}" if example else ""
        return f"{prefix} must be a whole number without quotes (found {_found(value)}){hint}"
    if kind == "bool_type":
        word = "true" if str(value).strip().lower() in ("true", "yes", "on", "1") else "false"
        return f"{prefix} must be true or false without quotes (found {_found(value)}) " \
               f"— write it as {key}: {word}"
    if kind in ("string_type",):
        return f"{prefix} must be text (found {_found(value)}): put it in quotes"
    if kind in ("greater_than_equal", "less_than_equal"):
        low, high = _bounds(loc)
        return f"{prefix} must be a whole number from {low} to {high}, not {value}"
    if kind == "too_short" and key == "languages":
        return f"{prefix} must name at least one language, the default first, e.g. [it, en]"
    if kind == "too_short" and key != "networks":
        return f"{prefix} must list at least one item (it is empty)"
    if kind in ("tuple_type", "list_type", "too_short"):
        if key == "networks":
            return f"{prefix} must be a list of networks, e.g. [linkedin, x]; known: " \
                   f"{', '.join(NETWORK_IDS)}"
        return f"{prefix} must be a list (found {_found(value)})"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{prefix} must be a mapping (one 'option: value' per line) or true/false, " \
               f"not {_found(value)}"
    if kind == "datetime_type":
        example = DATETIME_EXAMPLE
        if hasattr(value, "isoformat") and not isinstance(value, datetime):
            example = f"{value.isoformat()}T00:00:00+01:00"
        return f"{prefix} must be a date-time with a time zone, not {_found(value)} " \
               f"— write it as {key}: '{example}'"
    if kind.startswith("datetime"):
        return f"{prefix}: {error['msg']}"
    if kind in ("color", "file_path", "folder", "utm_type", "utm_key", "utm_placeholder"):
        return f"{prefix} {error['msg']}, not {value!r}" if kind in (
            "color", "file_path", "folder") else f"{prefix}: {error['msg']}"
    if kind == "value_error":
        return f"{prefix}: {error['msg'].removeprefix('Value error, ')}"
    return f"{prefix}: {error['msg']}"


def _bounds(loc: Loc) -> tuple[Any, Any]:
    group = model_for(loc)
    info = group.model_fields.get(str(loc[-1]))
    low = high = "?"
    for item in getattr(info, "metadata", []):
        low = getattr(item, "ge", low)
        high = getattr(item, "le", high)
    return low, high


def check_option_files(options: StoryhubOptions, root: Path, *, label: str,
                       positions: Positions, diagnostics: Diagnostics) -> None:
    """Files named by options must exist inside the hub."""
    named = [(("cards", key), getattr(options.cards, key))
             for key in ("font", "font_bold", "logo")] if options.cards.enabled else []
    for loc, value in named:
        if value is None:
            continue
        path = (root / value).resolve()
        line, col = positions.of(loc)
        if not path.is_relative_to(root.resolve()):
            diagnostics.error(label, line, col, f"storyhub option '{_name(loc)}': {value} is "
                              "outside the hub; put the file inside the hub's folder",
                              field=_name(loc), code="config")
        elif not path.is_file():
            diagnostics.error(label, line, col, f"storyhub option '{_name(loc)}': {path} does "
                              "not exist", field=_name(loc), code="config")


def check_content_dir(options: StoryhubOptions, config_folder: Path, *, label: str,
                      positions: Positions, diagnostics: Diagnostics) -> None:
    """``content_dir`` is a folder of the hub: inside the git repository that holds
    mkdocs.yml (``site/mkdocs.yml`` with ``content_dir: ..`` is a layout of its own), else
    inside mkdocs.yml's folder. The stories, profiles and values of another folder of the
    machine (``/etc``, another checkout beside a CI job's) are never read."""
    if not options.content_dir:
        return
    hub = repository_root(config_folder.resolve())
    if (config_folder.resolve() / options.content_dir).resolve().is_relative_to(hub):
        return
    line, col = positions.of(("content_dir",))
    diagnostics.error(label, line, col, f"storyhub option 'content_dir': "
                      f"{options.content_dir} is outside the hub ({hub}); give a folder "
                      "inside it, relative to mkdocs.yml, e.g. content",
                      field="content_dir", code="config")


def repository_root(start: Path) -> Path:
    """The folder holding ``.git`` at or above ``start`` (else ``start``): the hub's
    repository (where CODEOWNERS goes; what ``content_dir`` must stay inside)."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def check_languages(options: StoryhubOptions, site_language: str, *, label: str,
                    positions: Positions, diagnostics: Diagnostics) -> None:
    """``languages`` starts with the site's language (``theme.language``, English when
    unset): the two name the default language, so they must agree."""
    if options.languages is None:
        return
    default, site = options.languages[0], primary_subtag(site_language)
    if site == default:
        return
    fix = f"set theme.language: {default}"
    if site in options.languages or site in available_languages():
        fix += f", or put '{site}' first"
    line, col = positions.of(("languages",))
    diagnostics.error(label, line, col, f"storyhub option 'languages' starts with "
                      f"'{default}', but theme.language is '{site_language}': the first "
                      f"language is the site's default — {fix}", field="languages",
                      code="config")


# -- the environment and the command line ------------------------------------------------------


def source_date_epoch(environ: dict[str, str] | os._Environ[str] | None = None
                      ) -> datetime | None:
    """``SOURCE_DATE_EPOCH`` (seconds since 1970, UTC) as a date-time, or None if unset.

    Raise :class:`ConfigError` for anything else than whole seconds in a sane range, e.g.
    milliseconds (``1764547200000``) or a date."""
    environ = os.environ if environ is None else environ
    text = environ.get("SOURCE_DATE_EPOCH")
    if text is None or not text.strip():
        return None
    text = text.strip()
    if not text.isdigit():
        raise ConfigError(
            f"SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, e.g. 1764547200 "
            f"(`date +%s`), not '{text}'"
        )
    seconds = int(text)
    if seconds > 32_503_680_000:  # beyond the year 3000: milliseconds or microseconds
        guess = ""
        if 10**12 <= seconds < 10**14:
            guess = f" — it looks like milliseconds: use {seconds // 1000}"
        raise ConfigError(
            f"SOURCE_DATE_EPOCH '{text}' is too large for seconds since 1970{guess}"
        )
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def parse_as_of(text: str, *, flag: str = "--as-of") -> datetime:
    """The command line's ``--as-of``; raise :class:`ConfigError` with an example."""
    from pydantic_core import PydanticCustomError

    try:
        return parse_aware_datetime(text)  # type: ignore[no-any-return]
    except PydanticCustomError as exc:
        raise ConfigError(f"{flag} {exc.message()}") from None


__all__ = [
    "GROUPS",
    "ConfigError",
    "MkDocsYml",
    "Positions",
    "check_languages",
    "check_option_files",
    "parse_as_of",
    "parse_options",
    "read_mkdocs_yml",
    "source_date_epoch",
]
