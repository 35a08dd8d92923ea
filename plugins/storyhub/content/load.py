"""Where content enters: files -> validated models, with every problem collected.

Nothing here renders or links; :mod:`storyhub.hub` checks references between
files once everything has been read.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from frontmatter.default_handlers import YAMLHandler
from pydantic import BaseModel, ValidationError

from storyhub.content.files import (
    IMAGE_SUFFIXES,
    Walk,
    committed_cache,
    folder_files,
    report_links,
    report_unclaimed,
    resolve,
    walk_content,
)
from storyhub.content.media_files import load_story_media
from storyhub.content.model import (
    SLUG_RE,
    Campaign,
    Person,
    Source,
    Story,
    TagLabel,
    Value,
    slugify,
)
from storyhub.diagnostics.core import Diagnostics, did_you_mean
from storyhub.options.publish import PublishOptions
from storyhub.text.controls import control_message, find_control, may_hold_control
from storyhub.text.controls import position as text_position
from storyhub.text.explain import report_validation_error
from storyhub.text.yamlsource import Located, parse_yaml

M = TypeVar("M", bound=BaseModel)

STORIES_DIR = "stories"
PEOPLE_DIR = "people"
VALUES_FILE = "values.yml"
CAMPAIGNS_FILE = "campaigns.yml"
TAGS_FILE = "tags.yml"
_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-(?=.)")
_SKIPPED = ("README.md", "readme.md")

# Singular spellings accepted for one id, as authors naturally write them.
STORY_ALIASES = {"person": "people", "value": "values"}


@dataclass
class Content:
    """Everything read from a hub folder, valid or not."""

    root: Path
    values: list[Value] = field(default_factory=list)
    #: the labels of tags (``tags.yml``, optional)
    tags: list[TagLabel] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    #: calls for stories (campaigns.yml, optional)
    campaigns: list[Campaign] = field(default_factory=list)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    #: files that were read (for `mkdocs serve` to watch and for cache keys)
    files: list[Path] = field(default_factory=list)
    #: stories whose fields are invalid: their ids are still checked, so one pass finds all
    rejected: list[Rejected] = field(default_factory=list)
    #: ids of values and people whose own fields are invalid (reported there): a story that
    #: names one is not told it is unknown as well
    invalid_values: set[str] = field(default_factory=set)
    invalid_people: set[str] = field(default_factory=set)
    invalid_campaigns: set[str] = field(default_factory=set)
    #: every entry of stories/ and people/, listed once (links recorded, never followed)
    walk: Walk | None = None
    publish: PublishOptions = field(default_factory=PublishOptions)
    #: a preview server's split documents by (file, text), kept between its rebuilds: an
    #: unchanged story or profile is not parsed and checked again
    documents: dict[tuple[str, str], Document] | None = None


@dataclass
class Rejected:
    """The references of a story that failed validation, as far as they can be read."""

    source: Source
    people: list[str]
    values: list[str]
    author: str | None


EXPECTED = {
    "stories": "a story is stories/<slug>.md or stories/<slug>/index.md (one folder deep), "
               "and other files are published only beside a story's index.md or when a "
               "story names them in 'image:'",
    "people": "a profile is people/<id>.md (not in a subfolder); photos are published only "
              "when a profile names them in 'photo:'",
}


def load_content(root: Path, publish: PublishOptions | dict[str, Any] | None = None, *,
                 documents: dict[tuple[str, str], Document] | None = None) -> Content:
    """Read and validate ``values.yml``, ``people/`` and ``stories/`` under ``root``.

    The content folders are listed once (:func:`walk_content`); that record decides
    which files are read, which a story folder may publish, and what a path field names.
    ``documents``: a memo of split documents kept between reads (a preview server's).
    """
    content = Content(root=root, documents=documents)
    content.publish = _publish_options(publish, content.diagnostics)
    content.walk = walk_content(root)
    report_links(content.walk, content.diagnostics)
    for name in committed_cache(root):
        content.diagnostics.error(
            name, 1, 1,
            "this build-cache file is committed to the repository: storyhub would publish "
            "it as if it had made it — remove it (git rm -r --cached .cache) and keep .cache/ "
            "out of git", code="committed-cache",
        )
    content.values = _load_values(root, content)
    content.campaigns = _load_campaigns(root, content)
    content.tags = _load_tags(root, content)
    content.people = _load_people(root, content)
    content.stories = _load_stories(root, content)
    report_unclaimed(content.walk, content.diagnostics, _expected_hints(content.walk))
    return content


def _publish_options(
    publish: PublishOptions | dict[str, Any] | None, diagnostics: Diagnostics
) -> PublishOptions:
    if isinstance(publish, PublishOptions):
        return publish
    try:
        return PublishOptions.model_validate(publish or {})
    except ValidationError as exc:
        for error in exc.errors():
            where = ".".join(str(p) for p in error["loc"])
            diagnostics.error(
                "mkdocs.yml", 1, 1,
                f"storyhub option 'publish{'.' + where if where else ''}': {error['msg']}",
                code="option",
            )
        return PublishOptions()


def _expected_hints(walk: Walk) -> dict[str, str]:
    return EXPECTED


# -- reading files ---------------------------------------------------------------------------


def rel(root: Path, path: Path) -> str:
    return unicodedata.normalize("NFC", path.relative_to(root).as_posix())


#: Largest story, profile or values.yml accepted (a long story is ~50 KB).
MAX_TEXT_BYTES = 1_000_000
#: Longest line accepted (a long paragraph is ~3,000 characters).
MAX_LINE = 100_000


def read_text(path: Path, shown: str, diagnostics: Diagnostics) -> str | None:
    """Read UTF-8 (with or without BOM, LF or CRLF); report anything else, and files or
    lines too long to be text a person wrote."""
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        diagnostics.error(
            shown, 1, 1,
            f"the file is {size:,} bytes; the limit is {MAX_TEXT_BYTES:,}: a story or profile "
            "this long is probably pasted data — remove it, or split the text",
            code="file-size",
        )
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        latin = raw[exc.start : exc.start + 1].decode("latin-1")
        diagnostics.error(
            shown,
            line,
            col,
            f"the file is not saved as UTF-8 (byte 0x{raw[exc.start]:02X}, "
            f"probably '{latin}' in another encoding): save it again as UTF-8 "
            "(in most editors: File > Save with encoding > UTF-8)",
            code="encoding",
        )
        return None
    if b"\r" in raw:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = find_control(text) if may_hold_control(raw) else None
    if found is not None:
        line, col = text_position(text, found)
        diagnostics.error(shown, line + 1, col, control_message(text[found]),
                          code="control-character")
        return None
    if len(text) > MAX_LINE:
        for number, long_line in enumerate(text.split("\n"), start=1):
            if len(long_line) > MAX_LINE:
                diagnostics.error(
                    shown, number, MAX_LINE + 1,
                    f"line {number} is {len(long_line):,} characters long; the limit is "
                    f"{MAX_LINE:,}: break it into paragraphs",
                    code="line-length",
                )
                return None
    return text


@dataclass
class Document:
    """A Markdown file split into front matter and body."""

    located: Located
    body: str
    body_line: int


#: Markdown the renderer cannot take at any cost: Python-Markdown's link and inline-HTML
#: parsing grows with the square of the brackets in a paragraph (30,000 '[' take minutes),
#: and deep nesting or long emphasis runs exhaust its recursion.
MAX_BRACKETS = 400
MAX_EMPHASIS_RUN = 50
MAX_NESTING = 20
_EMPHASIS_RUN = re.compile(rf"\*{{{MAX_EMPHASIS_RUN + 1},}}|_{{{MAX_EMPHASIS_RUN + 1},}}")
#: the shortest runs it finds, looked for as plain text first (a search the expression's
#: alternatives make 30 times slower: 46 µs a story of 1.7 K characters)
_EMPHASIS_RUNS = ("*" * (MAX_EMPHASIS_RUN + 1), "_" * (MAX_EMPHASIS_RUN + 1))
#: a line that opens more than MAX_NESTING quotes or lists (a ">", a bullet or a number
#: each)
_TOO_NESTED = re.compile(rf"^(?:[ \t]*(?:>|[-*+][ \t]|\d{{1,9}}[.)][ \t])){{{MAX_NESTING + 1}}}",
                         re.MULTILINE)


def check_markdown_cost(text: str, shown: str, first_line: int, field: str | None,
                        diagnostics: Diagnostics) -> bool:
    """Refuse Markdown whose rendering would cost minutes or exhaust recursion; one error
    (the first problem) with its line. True when the text is fine."""
    if (text.count("[") <= MAX_BRACKETS and text.count("<") <= MAX_BRACKETS
            and not any(run in text for run in _EMPHASIS_RUNS)
            and not _TOO_NESTED.search(text)):
        return True  # no paragraph can be over a limit: most texts, in five scans
    lines = text.split("\n")
    paragraph_start = 0
    counts = {"[": 0, "<": 0}
    for index, line in enumerate([*lines, ""]):
        if not line.strip():
            paragraph_start, counts = index + 1, {"[": 0, "<": 0}
            continue
        for char in counts:
            counts[char] += line.count(char)
            if counts[char] > MAX_BRACKETS:
                diagnostics.error(
                    shown, first_line + paragraph_start, 1,
                    f"this paragraph has more than {MAX_BRACKETS} '{char}' characters: split it "
                    "into several paragraphs (an empty line between them)",
                    field=field, code="markdown-limit")
                return False
        run = _EMPHASIS_RUN.search(line)
        if run:
            diagnostics.error(
                shown, first_line + index, run.start() + 1,
                f"{len(run.group(0))} '{run.group(0)[0]}' in a row: at most "
                f"{MAX_EMPHASIS_RUN} (for a line, write '---' on a line of its own)",
                field=field, code="markdown-limit")
            return False
        if _TOO_NESTED.match(line):
            diagnostics.error(
                shown, first_line + index, 1,
                f"quotes or lists nested more than {MAX_NESTING} levels deep: flatten them",
                field=field, code="markdown-limit")
            return False
    return True


#: python-frontmatter's YAML handler: what a front-matter delimiter is (a line of three or
#: more dashes). storyhub parses the YAML itself, to keep every key's line and column.
FRONT_MATTER = YAMLHandler()


def split_front_matter(text: str, shown: str, diagnostics: Diagnostics) -> Document | None:
    lines = text.split("\n")
    boundary = FRONT_MATTER.FM_BOUNDARY
    if not FRONT_MATTER.detect(text):
        first = next((i for i, ln in enumerate(lines) if ln.strip()), 0)
        hint = ""
        if first < len(lines) and boundary.fullmatch(lines[first].rstrip()):
            hint = " (remove the empty lines before the first '---')"
        diagnostics.error(
            shown,
            first + 1,
            1,
            "missing front matter: the file must start with a line '---', then the fields "
            f"(title: …, date: …), then a line '---'{hint}",
            code="front-matter",
        )
        return None
    for index in range(1, len(lines)):
        if boundary.fullmatch(lines[index].rstrip()) or lines[index].rstrip() == "...":
            break
    else:
        diagnostics.error(
            shown, 1, 1,
            "the front matter is never closed: add a line '---' after the last field",
            code="front-matter",
        )
        return None
    yaml_text = "\n".join(lines[1:index]) + "\n"
    located = parse_yaml(yaml_text, shown, diagnostics, line_offset=1)
    if located is None:
        return None
    if located.data is None:
        located.data = {}
    if not isinstance(located.data, dict):
        diagnostics.error(
            shown, 2, 1,
            "the front matter must be fields written 'key: value', one per line",
            code="front-matter",
        )
        return None
    body = "\n".join(lines[index + 1 :])
    return Document(located=located, body=body, body_line=index + 2)


def validate(
    model: type[M],
    data: Any,
    shown: str,
    located: Located,
    diagnostics: Diagnostics,
    *,
    aliases: dict[str, str] | None = None,
    prefix: tuple[str | int, ...] = (),
) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        report_validation_error(
            exc, model, shown, located, diagnostics, aliases=aliases, prefix=prefix
        )
        return None


# -- values.yml ------------------------------------------------------------------------------


@dataclass
class _ListFile:
    """A YAML file holding a list of groups of fields (values.yml, campaigns.yml, tags.yml),
    read once: its path, its positions, and each item that is a group, with its index and
    its own positions (an item that is not a group was reported)."""

    path: Path
    located: Located
    items: list[tuple[int, dict[str, Any], Located]]


def _read_list_file(root: Path, content: Content, name: str, *, shape: str, item_shape: str,
                    code: str, wrapper: str | None = None, missing: str | None = None,
                    empty_ok: bool = False) -> _ListFile | None:
    """``name`` read and checked to be a list (or the same list under ``wrapper:``), every
    problem reported at its position; None when there is nothing to read: no file (the
    error ``missing`` if given, else it is optional), a link or special file (reported where
    folders are listed), an unreadable or invalid file (reported), or, with ``empty_ok``, a
    file or wrapper left empty."""
    diagnostics = content.diagnostics
    entry = content.walk.get(name) if content.walk is not None else None
    if entry is not None and entry.kind != "file":
        return None
    if entry is None:
        if missing is not None:
            diagnostics.error(name, 1, 1, missing, code="missing-file")
        return None
    path = root / name
    content.files.append(path)
    text = read_text(path, name, diagnostics)
    located = parse_yaml(text, name, diagnostics) if text is not None else None
    if located is None:
        return None
    data = located.data
    if data is None and empty_ok:
        return None
    empty = (list, type(None)) if empty_ok else (list,)
    if wrapper is not None and isinstance(data, dict) and list(data) == [wrapper] and \
            isinstance(data[wrapper], empty):
        data = data[wrapper] or []
        located.values = {k[1:]: v for k, v in located.values.items() if k[:1] == (wrapper,)}
        located.keys = {k[1:]: v for k, v in located.keys.items() if k[:1] == (wrapper,)}
    if not isinstance(data, list):
        diagnostics.error(name, 1, 1, shape, code=code)
        return None
    per_item = _per_item(located, data)
    items: list[tuple[int, dict[str, Any], Located]] = []
    for index, item in enumerate(data):
        if not isinstance(item, dict):
            line, col = located.value_pos((index,))
            diagnostics.error(name, line, col, item_shape, code=code)
            continue
        items.append((index, item, per_item.get(index, Located(item))))
    return _ListFile(path, located, items)


def _load_values(root: Path, content: Content) -> list[Value]:
    found = _read_list_file(
        root, content, VALUES_FILE, wrapper="values", code="values-shape",
        missing="values.yml is missing: create it with the company's values (see the "
        "content model)",
        shape="values.yml must be a list of values, each starting with '- id: …'",
        item_shape="each value must be a group of fields (id, name, description)")
    if found is None:
        return []
    diagnostics, located = content.diagnostics, found.located
    values: list[Value] = []
    first_line: dict[str, int] = {}
    for index, item, positions in found.items:
        value = validate(Value, item, VALUES_FILE, located, diagnostics, prefix=(index,))
        dline, _ = located.value_pos((index, "description"))
        if value is None or not check_markdown_cost(value.description, VALUES_FILE, dline,
                                                    "description", diagnostics):
            if isinstance(item.get("id"), str):
                content.invalid_values.add(item["id"])
            continue
        if value.id in first_line:
            vline, vcol = located.value_pos((index, "id"))
            diagnostics.error(
                VALUES_FILE, vline, vcol,
                f"duplicate value id '{value.id}' (already used on line {first_line[value.id]})",
                field="id", code="duplicate-id",
            )
            continue
        if value.icon is not None:
            problem = _icon_problem(value.icon)
            if problem is not None:
                iline, icol = located.value_pos((index, "icon"))
                diagnostics.error(VALUES_FILE, iline, icol, problem, field="icon",
                                  code="unknown-icon")
        first_line[value.id] = located.value_pos((index, "id"))[0]
        value._source = Source(VALUES_FILE, found.path, positions)
        values.append(value)
    return values


# -- campaigns.yml (optional) ----------------------------------------------------------------


def _load_campaigns(root: Path, content: Content) -> list[Campaign]:
    """``campaigns.yml`` (optional): a list of campaigns, or the same under ``campaigns:``
    (the form the web editor edits), checked like values.yml."""
    found = _read_list_file(
        root, content, CAMPAIGNS_FILE, wrapper="campaigns", empty_ok=True,
        code="campaigns-shape",
        shape="campaigns.yml must be a list of campaigns, each starting with '- id: …' (or "
        "the same list under 'campaigns:')",
        item_shape="each campaign must be a group of fields (id, title, prompt, values, "
        "opens, closes)")
    if found is None:
        return []
    diagnostics, located = content.diagnostics, found.located
    campaigns: list[Campaign] = []
    first_line: dict[str, int] = {}
    for index, item, positions in found.items:
        campaign = validate(Campaign, item, CAMPAIGNS_FILE, located, diagnostics,
                            prefix=(index,))
        if campaign is None:
            if isinstance(item.get("id"), str):
                content.invalid_campaigns.add(item["id"])
            continue
        if campaign.id in first_line:
            line, col = located.value_pos((index, "id"))
            diagnostics.error(
                CAMPAIGNS_FILE, line, col, f"duplicate campaign id '{campaign.id}' (already "
                f"used on line {first_line[campaign.id]})", field="id", code="duplicate-id")
            continue
        if campaign.closes < campaign.opens:
            line, col = located.value_pos((index, "closes"))
            diagnostics.error(
                CAMPAIGNS_FILE, line, col, f"'closes' ({campaign.closes.isoformat()}) is before "
                f"'opens' ({campaign.opens.isoformat()}): a campaign closes after it opens",
                field="closes", code="campaign-dates")
        first_line[campaign.id] = located.value_pos((index, "id"))[0]
        campaign._source = Source(CAMPAIGNS_FILE, found.path, positions)
        campaigns.append(campaign)
    return campaigns


# -- tags.yml (optional) ---------------------------------------------------------------------


def _load_tags(root: Path, content: Content) -> list[TagLabel]:
    """The tags' labels per language: a list of ``- id: kiln``, ``name: Kiln``,
    ``translations: {it: {name: Forno}}``. Two tags may not share a spelling."""
    found = _read_list_file(
        root, content, TAGS_FILE, code="tags-shape",
        shape="tags.yml must be a list of tags, each starting with '- id: …'",
        item_shape="each tag must be a group of fields (id, name, translations)")
    if found is None:
        return []
    diagnostics, located = content.diagnostics, found.located
    tags: list[TagLabel] = []
    owner: dict[str, str] = {}
    for index, item, positions in found.items:
        tag = validate(TagLabel, item, TAGS_FILE, located, diagnostics, prefix=(index,))
        if tag is None:
            continue
        clash = next((owner[s] for s in sorted(tag.spellings()) if s in owner), None)
        if clash is not None:
            line, col = located.value_pos((index, "id"))
            diagnostics.error(TAGS_FILE, line, col, f"tag '{tag.id}' shares a spelling with "
                              f"tag '{clash}': give each tag its own id and names",
                              field="id", code="duplicate-id")
            continue
        owner.update(dict.fromkeys(tag.spellings(), tag.id))
        tag._source = Source(TAGS_FILE, found.path, positions)
        tags.append(tag)
    return tags


def _per_item(located: Located, data: list[Any]) -> dict[int, Located]:
    """The positions of each item of a YAML list, as if it were a file of its own (so a
    value's ``source.key_pos("translations", "it")`` works as a person's does); one pass."""
    items: dict[int, Located] = {}
    for table in ("keys", "values"):
        for path, position in getattr(located, table).items():
            if path and isinstance(path[0], int) and path[0] < len(data):
                item = items.setdefault(path[0], Located(data[path[0]]))
                getattr(item, table)[path[1:]] = position
    for index, item in items.items():
        item.start = located.values.get((index,), located.start)
    return items


@functools.lru_cache(maxsize=1)
def _icons_folder() -> Path | None:
    """Material for MkDocs' icon folder, found without importing it (None if absent)."""
    import importlib.util

    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "templates" / ".icons"
    return folder if folder.is_dir() else None


@functools.lru_cache(maxsize=1)
def material_icons() -> frozenset[str]:
    """Names of the icons Material ships ('material/hand-heart', 'fontawesome/solid/heart'…)."""
    folder = _icons_folder()
    if folder is None:
        return frozenset()
    names: set[str] = set()
    for current, _, files in os.walk(folder):
        prefix = current[len(str(folder)) + 1 :].replace(os.sep, "/")
        names.update(f"{prefix}/{name[:-4]}" for name in files if name.endswith(".svg"))
    return frozenset(names)


def _icon_problem(icon: str) -> str | None:
    folder = _icons_folder()
    if folder is None or (folder / f"{icon}.svg").is_file():
        return None  # the common case costs one stat; the list is read only for a typo
    known = material_icons()
    close = did_you_mean(icon, [k for k in known if k.split("/")[0] == icon.split("/")[0]]
                         or known)
    hint = f" — did you mean '{close}'?" if close else ""
    return (f"unknown icon '{icon}'{hint} (the icons Material ships are listed at "
            "https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/)")


# -- people/ ---------------------------------------------------------------------------------


def _markdown_files(walk: Walk, folder: str) -> Iterator[Path]:
    """Profiles: the regular ``.md`` files directly in ``folder`` (links are never read)."""
    for entry in walk.children.get(folder, []):
        if entry.kind != "file" or entry.path.suffix.lower() != ".md":
            continue
        if entry.path.name in _SKIPPED:
            walk.claimed.add(entry.rel)
        elif not entry.path.name.startswith(("_", ".")):
            walk.claimed.add(entry.rel)
            yield entry.path


def _load_people(root: Path, content: Content) -> list[Person]:
    diagnostics = content.diagnostics
    people: list[Person] = []
    seen: dict[str, str] = {}
    assert content.walk is not None
    for path in _markdown_files(content.walk, PEOPLE_DIR):
        shown = rel(root, path)
        content.files.append(path)
        person_id = unicodedata.normalize("NFC", path.stem)
        if not SLUG_RE.match(person_id):
            diagnostics.error(
                shown, 1, 1,
                f"the file name '{path.name}' is not a valid person id: rename it to "
                f"'{slugify(person_id) or 'name-surname'}.md' (lower-case, hyphens)",
                code="file-name",
            )
            continue
        if person_id.lower() in seen:
            diagnostics.error(
                shown, 1, 1, f"person id '{person_id}' is used twice (also {seen[person_id]})",
                code="duplicate-id",
            )
            continue
        seen[person_id.lower()] = shown
        document = _read_document(path, shown, diagnostics, content.documents)
        if document is None:
            continue
        person = validate(Person, document.located.data, shown, document.located, diagnostics)
        if person is None:
            content.invalid_people.add(person_id)
            continue
        person.attach(person_id, document.body,
                      Source(shown, path, document.located, document.body_line))
        if person.photo is not None:
            _check_image(content.walk, person.source, "photo", person.photo, diagnostics)
        people.append(person)
    return people


def _read_document(path: Path, shown: str, diagnostics: Diagnostics,
                   memo: dict[tuple[str, str], Document] | None = None) -> Document | None:
    text = read_text(path, shown, diagnostics)
    if text is None:
        return None
    if memo is not None and (shown, text) in memo:
        return _copy(memo[(shown, text)])
    errors = len(diagnostics.items)
    document = split_front_matter(text, shown, diagnostics)
    if document is not None and not check_markdown_cost(
        document.body, shown, document.body_line, None, diagnostics
    ):
        return None
    if memo is not None and document is not None and len(diagnostics.items) == errors:
        memo[(shown, text)] = _copy(document)  # only what gave no message
    return document


def _copy(document: Document) -> Document:
    """A copy the loader may change (aliases renamed) without changing the memo's."""
    located = document.located
    data = dict(located.data) if isinstance(located.data, dict) else located.data
    return Document(Located(data, dict(located.keys), dict(located.values), located.start),
                    document.body, document.body_line)


def _check_image(
    walk: Walk, source: Source, field_name: str, written: str, diagnostics: Diagnostics
) -> Path | None:
    folder = source.path.rsplit("/", 1)[0] if "/" in source.path else ""
    entry, problem = resolve(walk, folder, written)
    line, col = source.value_pos(field_name)
    if problem is not None:
        diagnostics.error(source.path, line, col, f"'{field_name}': {problem}",
                          field=field_name, code="missing-file")
        return None
    assert entry is not None
    walk.claimed.add(entry.rel)
    found = entry.path
    if found.suffix.lower() not in IMAGE_SUFFIXES:
        diagnostics.error(
            source.path, line, col,
            f"'{field_name}': '{written}' is not a JPEG, PNG or WebP image",
            field=field_name, code="image-type",
        )
        return None
    source.files[field_name] = found
    return found


# -- stories/ --------------------------------------------------------------------------------


def story_files(
    root: Path, diagnostics: Diagnostics | None = None, walk: Walk | None = None
) -> Iterator[tuple[Path, str]]:
    """Yield (file, default slug) for ``stories/<slug>.md`` and ``stories/<slug>/index.md``.

    Read from the one listing of the folders (``walk``); links are never followed.
    """
    walk = walk if walk is not None else walk_content(root)
    for entry in walk.children.get(STORIES_DIR, []):
        name = entry.path.name
        if entry.kind == "file" and entry.path.suffix.lower() == ".md":
            if name.startswith(("_", ".")):
                continue  # reported as not read
            walk.claimed.add(entry.rel)
            if name in _SKIPPED:
                continue
            yield entry.path, _DATE_PREFIX.sub("", unicodedata.normalize("NFC", entry.path.stem))
        elif entry.kind == "dir" and not name.startswith(("_", ".")):
            index = walk.get(f"{entry.rel}/index.md")
            if index is not None and index.kind == "file":
                walk.claimed.add(index.rel)
                yield index.path, _DATE_PREFIX.sub("", unicodedata.normalize("NFC", name))
            elif index is not None:
                continue  # a link named index.md: reported as a link
            elif diagnostics is not None and any(
                c.kind == "file" and c.path.suffix.lower() == ".md"
                for c in walk.children.get(entry.rel, [])
            ):
                for child in walk.children.get(entry.rel, []):
                    walk.claimed.add(child.rel)
                diagnostics.error(
                    entry.rel, 1, 1,
                    "this story folder has no index.md: the story's text must be in "
                    f"{entry.rel}/index.md",
                    code="story-folder",
                )


def _load_stories(root: Path, content: Content) -> list[Story]:
    diagnostics = content.diagnostics
    stories: list[Story] = []
    walk = content.walk if content.walk is not None else walk_content(root)
    for path, default_slug in story_files(root, diagnostics, walk):
        shown = rel(root, path)
        content.files.append(path)
        document = _read_document(path, shown, diagnostics, content.documents)
        # a Markdown transcript beside the story is read, not reported as a stray file
        named = _named_transcripts(document)
        beside = folder_files(walk, shown.rsplit("/", 1)[0], diagnostics, content.publish,
                              named=named) if path.name == "index.md" else []
        if document is None:
            continue
        data = dict(document.located.data)
        located = document.located
        for alias, canonical in STORY_ALIASES.items():
            if alias in data and canonical not in data:
                data[canonical] = data.pop(alias)
                _rename_positions(located, alias, canonical)
        story = validate(Story, data, shown, located, diagnostics, aliases=STORY_ALIASES)
        if story is None:
            content.rejected.append(_rejected(data, Source(shown, path, located)))
            continue
        slug = story.slug or default_slug
        source = Source(shown, path, located, document.body_line)
        if story.slug is None and not SLUG_RE.match(slug):
            diagnostics.error(
                shown, 1, 1,
                f"the name '{slug}' cannot be used in a web address: rename it to "
                f"'{slugify(slug) or 'my-story'}' (lower-case letters, digits, hyphens) "
                "or set 'slug:'",
                code="file-name",
            )
            continue
        story.attach(slug, document.body, source)
        _check_repeated_ids(story, diagnostics)
        if story.image is not None:
            _check_image(walk, source, "image", story.image, diagnostics)
        source.folder_files = beside
        load_story_media(story, source, walk, diagnostics, content.publish,
                         lambda found, name: _read_transcript(found, name, content))
        stories.append(story)
    _check_duplicate_slugs(stories, diagnostics)
    return stories


def _named_transcripts(document: Document | None) -> frozenset[str]:
    """The Markdown transcript an ``audio:`` field names, as written (before validation)."""
    data = document.located.data if document is not None else None
    audio = data.get("audio") if isinstance(data, dict) else None
    written = audio.get("transcript") if isinstance(audio, dict) else None
    if isinstance(written, str) and written.lower().endswith((".md", ".markdown")):
        import posixpath

        return frozenset({posixpath.normpath(written)})
    return frozenset()


def _read_transcript(path: Path, shown: str, content: Content) -> str | None:
    content.files.append(path)
    text = read_text(path, shown, content.diagnostics)
    if text is None or not check_markdown_cost(text, shown, 1, "audio", content.diagnostics):
        return None
    return text


def _check_repeated_ids(story: Story, diagnostics: Diagnostics) -> None:
    """``people: [giulia, giulia]`` is a slip (a copy-paste, or a second person missing)."""
    for field_name in ("people", "values"):
        seen: set[str] = set()
        for index, item in enumerate(getattr(story, field_name)):
            if item in seen:
                line, col = story.source.value_pos(field_name, index)
                diagnostics.error(
                    story.source.path, line, col,
                    f"'{item}' is listed twice in '{field_name}': remove one (or write the id "
                    "you meant)",
                    field=field_name, code="duplicate-id",
                )
            seen.add(item)


def _rejected(data: dict[str, Any], source: Source) -> Rejected:
    def ids(value: Any) -> list[str]:
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [item if isinstance(item, str) and SLUG_RE.match(item) else "" for item in items]

    author = data.get("author")
    return Rejected(source, ids(data.get("people")), ids(data.get("values")),
                    author if isinstance(author, str) and SLUG_RE.match(author) else None)


def _rename_positions(located: Located, old: str, new: str) -> None:
    for table in (located.keys, located.values):
        for key in [k for k in table if k[:1] == (old,)]:
            table[(new, *key[1:])] = table.pop(key)


def _check_duplicate_slugs(stories: list[Story], diagnostics: Diagnostics) -> None:
    first: dict[str, Story] = {}
    for story in stories:
        key = unicodedata.normalize("NFC", story.id).casefold()
        if key in first:
            other = first[key]
            line, col = story.source.value_pos("slug") if story.slug else (1, 1)
            diagnostics.error(
                story.source.path, line, col,
                f"duplicate slug '{story.id}': {other.source.path} already uses it "
                "(rename one of the files, or set a different 'slug:')",
                field="slug", code="duplicate-slug",
            )
        else:
            first[key] = story
    stories[:] = [s for s in stories if first.get(
        unicodedata.normalize("NFC", s.id).casefold()) is s]
