"""Reading YAML as authors write it, with every value's line and column.

PyYAML's defaults do three things that hurt people who are not developers:
``no``/``on``/``yes`` silently become booleans, duplicate keys silently keep the
last value, and ``2024-02-30`` raises a bare ``ValueError``. This reader:

* resolves only ``true``/``false`` as booleans (YAML 1.2 style); ``no`` stays text;
* keeps dates as text, so the model can explain what is wrong with them;
* reports duplicate keys, syntax errors and ``#tag``-looking comments as diagnostics;
* records where every key and value stands, so later checks can point at them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from storyhub.diagnostics.core import Diagnostics
from storyhub.text.controls import control_message, find_control

Path = tuple[str | int, ...]

_SURROGATE = re.compile("[\ud800-\udfff]")
_STR = "tag:yaml.org,2002:str"
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")


class _AuthorLoader(yaml.SafeLoader):
    """SafeLoader without YAML 1.1 yes/no/on/off booleans and without timestamps."""


_AuthorLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_AuthorLoader.add_implicit_resolver("tag:yaml.org,2002:bool", _BOOL, list("tTfF"))

_FastLoader: type[Any] = _AuthorLoader
if getattr(yaml, "__with_libyaml__", False):
    # libyaml parses several times faster (`storyhub check` on thousands of stories);
    # the same resolvers apply. On a syntax error the pure-Python loader parses again,
    # so messages are always PyYAML's.
    class _AuthorCLoader(yaml.CSafeLoader):  # type: ignore[misc,name-defined]
        yaml_implicit_resolvers = _AuthorLoader.yaml_implicit_resolvers

    _FastLoader = _AuthorCLoader


@dataclass
class Located:
    """A parsed YAML document and where each of its parts stands in the file."""

    data: Any
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    start: tuple[int, int] = (1, 1)

    def key_pos(self, path: Path) -> tuple[int, int]:
        """Where the key of ``path`` stands, falling back to its parents."""
        while path:
            if path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.start

    def value_pos(self, path: Path) -> tuple[int, int]:
        """Where the value at ``path`` stands, falling back to its key or parents."""
        while path:
            if path in self.values:
                return self.values[path]
            if path in self.keys:
                return self.keys[path]
            path = path[:-1]
        return self.start


_HINTS = (
    ("mapping values are not allowed", "put the text in quotes if it contains ': '"),
    ("cannot start any token", "use spaces, not tabs, and quote text starting with @ or `"),
    ("found undefined alias", "quote text that starts with '*'"),
    ("expected alphabetic or numeric character", "quote text that starts with '&' or '*'"),
    ("quote is never closed", "end the text with the same quote mark, or remove it"),
    ("did not find expected key", "check the indentation of this line and the ones above"),
    ("found unexpected end of stream", "a quote or bracket was opened and never closed"),
    ("did not find expected ',' or ']'", "a list in [brackets] is not closed, or an item "
     "needs quotes"),
)


def _hint(problem: str) -> str:
    for needle, hint in _HINTS:
        if needle in problem:
            return f" (hint: {hint})"
    return ""


def syntax_problem(exc: yaml.MarkedYAMLError) -> tuple[yaml.Mark | None, str]:
    """Where a YAML syntax error is (PyYAML's mark: 0-based) and what to tell the author,
    with a hint."""
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "invalid YAML"
    if exc.context_mark is not None and "quoted scalar" in (exc.context or ""):
        # Point at the quote that was opened, not at where the file ran out.
        mark = exc.context_mark
        problem = "this quote is never closed"
    return mark, f"YAML syntax error: {problem}{_hint(problem)}"


def parse_yaml(
    text: str,
    path: str,
    diagnostics: Diagnostics,
    *,
    line_offset: int = 0,
) -> Located | None:
    """Parse ``text``; on a syntax error record it and return ``None``.

    ``line_offset`` is the number of file lines before ``text`` (front matter
    starts after its ``---`` line), so positions refer to the real file.
    """

    def pos(mark: yaml.Mark) -> tuple[int, int]:
        return mark.line + 1 + line_offset, mark.column + 1

    deep = _too_deep(text)
    if deep is not None:
        line, col = deep
        diagnostics.error(
            path, line + line_offset, col,
            f"the fields are nested more than {MAX_DEPTH} levels deep here: storyhub's fields "
            "are at most a few levels deep (check the indentation and the brackets)",
            code="yaml-limit",
        )
        return None
    loader = _FastLoader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.YAMLError:
            if _FastLoader is _AuthorLoader:
                raise
            loader.dispose()
            loader = _AuthorLoader(text)
            node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark, message = syntax_problem(exc)
        line, col = pos(mark) if mark else (1 + line_offset, 1)
        diagnostics.error(path, line, col, message, code="yaml-syntax")
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - non-marked errors are rare
        diagnostics.error(path, 1 + line_offset, 1, f"YAML syntax error: {exc}", code="yaml-syntax")
        return None
    finally:
        loader.dispose()

    located = Located(None, start=(1 + line_offset, 1))
    if node is None:
        return located
    lines = text.splitlines()
    walked: set[int] = set()
    # a file with no forbidden character anywhere: only escapes can put one in a value
    raw_clean = find_control(text) is None and _SURROGATE.search(text) is None

    def walk(node: yaml.Node, at: Path) -> Any:
        if id(node) in walked:
            # An alias (*name): refused, so that no document expands exponentially
            # ("billion laughs") however it is written.
            owner = next((at[:n] for n in range(len(at), 0, -1) if at[:n] in located.keys),
                         None)
            line, col = located.keys[owner] if owner is not None else pos(node.start_mark)
            raise _AliasFound(line, col)
        walked.add(id(node))
        located.values[at] = pos(node.start_mark)
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    line, col = pos(key_node.start_mark)
                    diagnostics.error(path, line, col, "a key must be a plain word", code="yaml")
                    continue
                key = (key_node.value if key_node.tag == _STR
                       else str(loader.construct_object(key_node)))
                line, col = pos(key_node.start_mark)
                if key in result:
                    first = located.keys[(*at, key)][0]
                    diagnostics.error(
                        path,
                        line,
                        col,
                        f"duplicate key '{key}' (already set on line {first}); "
                        "keep only one of them",
                        field=key,
                        code="duplicate-key",
                    )
                    continue
                located.keys[(*at, key)] = (line, col)
                result[key] = walk(value_node, (*at, key))  # noqa: F821 (del below)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [walk(item, (*at, i))  # noqa: F821 (emptied by `del walk` below)
                    for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)  # mappings and sequences are walked above
        # a text is the scalar's own value: PyYAML's constructor would only return it
        value = node.value if node.tag == _STR else loader.construct_object(node)
        # with no forbidden character in the file, only escapes ("\e", "\ud83d") make one
        if isinstance(value, str) and (node.style == '"' or not raw_clean):
            if _SURROGATE.search(value):
                line, col = pos(node.start_mark)
                diagnostics.error(
                    path, line, col,
                    "this text has half a character (an escape such as \\ud83d, one of the "
                    "two halves of an emoji): write the character itself",
                    code="yaml",
                )
                value = _SURROGATE.sub("\ufffd", value)
            control = find_control(value)
            if control is not None:
                line, col = pos(node.start_mark)
                diagnostics.error(path, line, col, control_message(value[control]),
                                  field=next((str(p) for p in reversed(at)
                                              if isinstance(p, str)), None),
                                  code="control-character")
        if not node.style and (  # plain: None in PyYAML, "" in libyaml
            node.tag == _STR
            or (node.tag == "tag:yaml.org,2002:null" and node.value == "")
        ):
            _check_swallowed_comment(node, lines, path, diagnostics, pos, at)
        return value

    try:
        located.data = walk(node, ())
    except _AliasFound as found:
        diagnostics.error(
            path, found.line, found.col,
            "YAML aliases (*name) are not accepted: write the value out in full",
            code="yaml-limit",
        )
        return None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = pos(mark) if mark else (1 + line_offset, 1)
        diagnostics.error(path, line, col, f"YAML error: {exc}", code="yaml")
        return None
    finally:
        # ``walk`` calls itself through its closure: a cycle that kept the loader, the lines
        # and the nodes of every document alive until a garbage collection found it
        del walk
    return located


#: Deepest nesting of fields accepted (storyhub's own fields are at most 3 deep).
MAX_DEPTH = 20


class _AliasFound(Exception):
    def __init__(self, line: int, col: int) -> None:
        super().__init__(line, col)
        self.line, self.col = line, col


def _too_deep(text: str) -> tuple[int, int] | None:
    """(line, column) where ``text`` nests deeper than :data:`MAX_DEPTH`, by brackets or by
    indentation, found in one pass before any parser recurses into it."""
    indents: list[int] = []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(stripped)
        # "- - - x" nests one sequence per dash on the same line
        dashes = 0
        rest = stripped
        while rest.startswith("- ") or rest == "-":
            dashes += 1
            rest = rest[2:].lstrip(" ")
        while indents and indents[-1] >= indent:
            indents.pop()
        indents.append(indent)
        if len(indents) + dashes > MAX_DEPTH:
            return number, indent + 1
        if "[" not in rest and "{" not in rest:
            continue
        depth = 0
        quote = ""
        for column, char in enumerate(rest):
            if quote:
                if char == quote:
                    quote = ""
            elif char in "\"'" and (column == 0 or rest[column - 1] in " [{,:"):
                quote = char
            elif char in "[{":
                depth += 1
                if len(indents) + dashes + depth > MAX_DEPTH:
                    return number, len(line) - len(rest) + column + 1
            elif char in "]}":
                depth = max(depth - 1, 0)
    return None


#: a comment after a plain value, which looks like part of it: "Update #2"
_SWALLOWED = re.compile(r"\s+#(\S)")


def _check_swallowed_comment(
    node: yaml.ScalarNode,
    lines: list[str],
    path: str,
    diagnostics: Diagnostics,
    pos: Any,
    at: Path,
) -> None:
    """``title: Update #2`` loses ``#2`` as a comment: report it when it looks like content."""
    end = node.end_mark
    if end.line >= len(lines):
        return
    rest = lines[end.line][end.column :]
    if "#" not in rest:  # most values: nothing to look at
        return
    match = _SWALLOWED.match(rest)
    if not match or not at:
        return
    line, col = pos(end)
    col += len(rest) - len(rest.lstrip())
    name = next((str(p) for p in reversed(at) if isinstance(p, str)), str(at[0]))
    shown = f"{node.value} {rest.strip()}" if node.value else rest.strip()
    diagnostics.error(
        path,
        line,
        col,
        f"'{name}': the text from '#' on is read as a comment and dropped "
        f"(put the whole value in quotes: {name}: \"{shown}\")",
        field=name,
        code="yaml-comment",
    )
