"""Names a hub may still use after an upgrade, and what to write instead.

One table, :data:`MIGRATIONS`, read by every place that meets an unknown name: the options
(``options/read.py``), the front matter of stories, profiles and ``values.yml``
(``text/explain.py``) and the hub's template overrides (:func:`template_problems`, run by
``storyhub check`` and every build). A renamed or removed name then gets, instead of
"unknown … did you mean", the version that changed it and what to write instead. Adding a
rename to storyhub means adding its row here and a line to CHANGELOG.md.

The template names are real renames from storyhub's history (the template interface of
2026-12-01, before 0.1.0 was tagged: overrides written against earlier snapshots use them).
The option and front-matter rows are names other tools use for the same thing (Material's
blog plugin, Jekyll, Hugo), which people bring along when they move a blog to storyhub.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

#: where a name is used: a storyhub option, a front-matter field of a story, profile or
#: value, or a name storyhub's templates receive
WHERE = ("option", "story", "person", "value", "template")


@dataclass(frozen=True)
class Migration:
    where: str
    old: str  #: dotted for nested options: ``snippets.old_name``
    new: str | None  #: what to write instead; ``None``: removed, see ``note``
    since: str | None  #: the storyhub version that changed it; ``None``: another tool's name
    note: str = ""

    def message(self, shown: str | None = None) -> str:
        name = shown or self.old
        if self.since is None:
            head = f"'{name}' is what {self.note} call it; storyhub's name is '{self.new}'"
            return f"{head}: write '{self.new}' instead"
        if self.new is None:
            return f"'{name}' was removed in storyhub {self.since}: {self.note}"
        extra = f" ({self.note})" if self.note else ""
        return (f"'{name}' was renamed '{self.new}' in storyhub {self.since}: write "
                f"'{self.new}' instead{extra}")


MIGRATIONS: tuple[Migration, ...] = (
    # the template interface (commit 8f052b4): sh, sh_t, shp, shm, sh_json
    Migration("template", "sh", "storyhub", "0.1.0",
              "storyhub.people_of(story), storyhub.related(story), …"),
    Migration("template", "sh_t", "t", "0.1.0", "t('key'), t.count(), t.date()"),
    Migration("template", "shp", "entry", "0.1.0",
              "shp.subject is now story, person, value or team"),
    Migration("template", "shm", "page_meta", "0.1.0"),
    Migration("template", "sh_json", None, "0.1.0", "use Jinja's own filter, | tojson"),
    # names other tools use for the same fields and options
    Migration("story", "excerpt", "summary", None, "Jekyll and Hugo"),
    Migration("story", "authors", "author", None,
              "Material's blog plugin (storyhub: one person id, the writer)"),
    Migration("story", "categories", "values", None, "Material's blog plugin and Jekyll"),
    Migration("option", "pagination_per_page", "page_size", None, "Material's blog plugin"),
)


def migration_for(where: str, name: str) -> Migration | None:
    """The row for ``name`` (an option's dotted path, or a field) used in ``where``."""
    return next((m for m in MIGRATIONS if m.where == where and m.old == name), None)


_TEMPLATE_SUFFIXES = (".html", ".txt", ".xml", ".j2")
#: an expression or statement of Jinja, where template names are used
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
#: a string literal inside it (its words are not names)
_STRING = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")


def template_problems(folder: Path | None) -> Iterator[tuple[Path, int, int, str]]:
    """``(file, line, col, message)`` for every renamed or removed template name used in
    the templates under ``folder`` (the hub's ``overrides/``); symbolic links are not
    followed (the loader refuses them)."""
    if folder is None or not folder.is_dir():
        return
    rows = [m for m in MIGRATIONS if m.where == "template"]
    names = re.compile(r"(?<![\w.'\"])(" + "|".join(re.escape(m.old) for m in rows)
                       + r")\b(?!\s*=[^=])")
    for path in sorted(_templates(folder)):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for block in _JINJA.finditer(text):
            code = _STRING.sub(lambda m: " " * len(m.group(0)), block.group(0))
            for hit in names.finditer(code):
                at = block.start() + hit.start()
                line = text.count("\n", 0, at) + 1
                col = at - (text.rfind("\n", 0, at) + 1) + 1
                row = migration_for("template", hit.group(1))
                assert row is not None
                yield path, line, col, row.message()


def _templates(folder: Path) -> Iterable[Path]:
    for path in folder.rglob("*"):
        if path.suffix in _TEMPLATE_SUFFIXES and path.is_file() and not path.is_symlink():
            yield path
