"""Diagnostics written for people (text), for GitHub Actions (annotations) and for tools (JSON)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from storyhub.diagnostics.core import Diagnostic, Severity

Format = Literal["text", "github", "json"]
FORMATS: tuple[Format, ...] = ("text", "github", "json")


@dataclass(frozen=True)
class CheckCounts:
    stories: int
    people: int
    values: int
    errors: int
    warnings: int  # warnings that are not advice
    advice: int

    def sentence(self) -> str:
        return (
            f"{self.stories} stories, {self.people} people, {self.values} values checked: "
            f"{self.errors} error(s), {self.warnings} warning(s), {self.advice} advice"
        )


def shown_path(diagnostic: Diagnostic, root: Path, base: Path | None = None) -> str:
    """The diagnostic's path relative to ``base`` (the current folder by default).

    GitHub annotations need paths relative to the repository, which differs from
    the hub root when ``content_dir`` is set.
    """
    base = Path.cwd() if base is None else base
    try:
        return Path(os.path.relpath(root / diagnostic.path, base)).as_posix()
    except ValueError:  # another drive on Windows
        return diagnostic.path


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(diagnostic: Diagnostic, path: str) -> str:
    """One workflow command, e.g. ``::error file=a.md,line=3,col=7,title=…::message``."""
    level = "error" if diagnostic.severity is Severity.ERROR else "warning"
    title = "storyhub advice" if diagnostic.code == "advice" else "storyhub check"
    props = ",".join(
        f"{key}={_escape_property(value)}"
        for key, value in (
            ("file", path), ("line", str(diagnostic.line)), ("col", str(diagnostic.col)),
            ("title", title),
        )
    )
    return f"::{level} {props}::{_escape_data(diagnostic.message)}"


def render(
    diagnostics: Iterable[Diagnostic],
    counts: CheckCounts,
    fmt: Format,
    *,
    root: Path,
    base: Path | None = None,
    notes: Iterable[str] = (),
) -> str:
    """The report of ``storyhub check`` in ``fmt`` (text goes to stdout, summary to stderr).

    Text and JSON give paths relative to the hub root, as every diagnostic does;
    GitHub annotations give them relative to ``base`` (the repository checkout).
    """
    items = list(diagnostics)
    notes = list(notes)
    if fmt == "json":
        payload = {
            "summary": {
                "stories": counts.stories, "people": counts.people, "values": counts.values,
                "errors": counts.errors, "warnings": counts.warnings, "advice": counts.advice,
            },
            "diagnostics": [
                {
                    "path": d.path, "line": d.line, "col": d.col,
                    "severity": d.severity.value, "code": d.code, "field": d.field,
                    "message": d.message,
                }
                for d in items
            ],
            "notes": notes,
        }
        return json.dumps(payload, ensure_ascii=False, indent=2)
    if fmt == "github":
        return "\n".join([*(github_line(d, shown_path(d, root, base)) for d in items),
                          *(github_notice(note, root, base) for note in notes)])
    return "\n".join([*(text_line(d) for d in items), *notes])


_NOTE = re.compile(r"^\s*(?P<path>[^:\s][^:]*):(?P<line>\d+):(?P<col>\d+): (?:info: )?(?P<msg>.*)$")


def github_notice(note: str, root: Path, base: Path | None = None) -> str:
    """An information line (a story not published, and why) as a notice annotation."""
    match = _NOTE.match(note)
    if match is None:
        return f"::notice title=storyhub::{_escape_data(note.strip())}"
    where = Diagnostic(match["path"], int(match["line"]), int(match["col"]), match["msg"])
    props = ",".join(
        f"{key}={_escape_property(value)}"
        for key, value in (("file", shown_path(where, root, base)), ("line", match["line"]),
                           ("col", match["col"]), ("title", "storyhub"))
    )
    return f"::notice {props}::{_escape_data(match['msg'])}"


def text_line(diagnostic: Diagnostic) -> str:
    """``path:line:col: message``; warnings and advice say so after the position."""
    if diagnostic.severity is Severity.ERROR:
        return diagnostic.format()
    kind = "advice" if diagnostic.code == "advice" else "warning"
    return f"{diagnostic.path}:{diagnostic.line}:{diagnostic.col}: {kind}: {diagnostic.message}"
