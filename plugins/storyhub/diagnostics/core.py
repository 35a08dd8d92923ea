"""Problems found in a hub's content, reported as ``path:line:col: message``.

Every loader and checker appends to one :class:`Diagnostics` collection, so a
single run reports every problem of the whole hub at once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import PurePosixPath


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem, located in a source file (1-based line and column)."""

    path: str
    line: int
    col: int
    message: str
    severity: Severity = Severity.ERROR
    field: str | None = None
    code: str = "invalid"

    def format(self) -> str:
        prefix = "" if self.severity is Severity.ERROR else "warning: "
        return f"{self.path}:{self.line}:{self.col}: {prefix}{self.message}"

    def __str__(self) -> str:
        return self.format()


@dataclass
class Diagnostics:
    """An ordered collection of diagnostics for one run."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(
        self,
        severity: Severity,
        path: str | PurePosixPath,
        line: int,
        col: int,
        message: str,
        *,
        field: str | None = None,
        code: str,
    ) -> None:
        self.items.append(
            Diagnostic(str(path), max(line, 1), max(col, 1), message, severity, field, code)
        )

    def error(self, path: str | PurePosixPath, line: int, col: int, message: str, *,
              field: str | None = None, code: str = "invalid") -> None:
        self.add(Severity.ERROR, path, line, col, message, field=field, code=code)

    def warning(self, path: str | PurePosixPath, line: int, col: int, message: str, *,
                field: str | None = None, code: str = "advice") -> None:
        self.add(Severity.WARNING, path, line, col, message, field=field, code=code)

    def extend(self, other: Iterable[Diagnostic]) -> None:
        self.items.extend(other)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.sorted() if d.severity is Severity.WARNING]

    def sorted(self) -> list[Diagnostic]:
        unique = dict.fromkeys(self.items)
        return sorted(unique, key=lambda d: (d.path, d.line, d.col, d.message))

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def format(self) -> str:
        return "\n".join(d.format() for d in self.sorted())


def did_you_mean(word: str, choices: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """Return the choice closest to ``word``, if one is close enough."""
    candidates = sorted(set(choices))
    if not candidates:
        return None
    lowered = {c.lower(): c for c in candidates}
    if word.lower() in lowered:
        return lowered[word.lower()]
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
    return matches[0] if matches else None


def suggestion(word: str, choices: Iterable[str], *, known: str = "") -> str:
    """A ' — did you mean …?' suffix, or a list of what exists when nothing is close."""
    candidates = sorted(set(choices))
    close = did_you_mean(word, candidates)
    if close is not None:
        return f" — did you mean '{close}'?"
    if not candidates:
        return ""
    shown = ", ".join(candidates[:8]) + (", …" if len(candidates) > 8 else "")
    return f" ({known or 'known'}: {shown})"
