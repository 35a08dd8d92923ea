"""Where snippets leave: ``snippets.json``, ``snippets.csv`` and the snippets page.

The JSON follows ``snippets.schema.json`` (shipped beside this module); the CSV is
RFC 4180 (CRLF line ends, quoted multi-line cells) in UTF-8 with a byte order
mark, so that Excel and LibreOffice open accents and emoji correctly.
"""

from __future__ import annotations

import codecs
import mmap
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from markupsafe import Markup

from storyhub.i18n.catalogue import primary_subtag
from storyhub.social.calendar import Calendar, plan_notes
from storyhub.social.cells import csv_line, neutralise
from storyhub.social.compose import SnippetSet, StorySnippets
from storyhub.social.links import absolute
from storyhub.social.schedulers import PROFILES, Profile
from storyhub.social.templates import PersonalVariants, html_environment
from storyhub.text.jsontext import Written, write_json
from storyhub.text.networks import NETWORKS

SCHEMA_ID = "storyhub-snippets/1"
SCHEMA_FILE = Path(__file__).with_name("snippets.schema.json")
CSV_COLUMNS = (
    "story", "title", "network", "variant", "text", "count", "limit", "link",
    "intent", "image_url", "image_alt", "suggested_date",
)


def _images(item: StorySnippets, site_url: str | None) -> list[dict[str, Any]]:
    if item.cards is None:
        return []
    return [
        {"kind": image.kind, "url": absolute(site_url, image.path), "path": image.path,
         "width": image.width, "height": image.height, "alt": image.alt}
        for image in item.cards.images()
    ]


def _planned(calendar: Calendar | None) -> dict[str, str]:
    """Each planned text's first moment (ISO, the calendar's zone), by
    story.network.variant: its own post, else its first re-share."""
    planned: dict[str, str] = {}
    for post in calendar.posts if calendar else ():
        planned.setdefault(_text_key(post), post.at.isoformat(timespec="seconds"))
    return planned


def _text_key(post: Any) -> str:
    return f"{post.story}.{post.network}.{post.variant}"


def _reshares(calendar: Calendar | None) -> dict[str, list[str]]:
    """The re-shares' moments, by story.network.variant."""
    found: dict[str, list[str]] = {}
    for post in calendar.posts if calendar else ():
        if post.reshare:
            found.setdefault(_text_key(post), []).append(post.at.isoformat(timespec="seconds"))
    return found


def _suggested(s: Any, story_id: str, planned: dict[str, str]) -> str:
    """The planned day when the calendar has the post, else the simple suggestion."""
    moment = planned.get(f"{story_id}.{s.network}.{s.variant}")
    return moment[:10] if moment else s.suggested_date.isoformat()


def to_data(snippets: SnippetSet, calendar: Calendar | None = None) -> dict[str, Any]:
    """The export as plain data, in the documented schema."""
    return _document(snippets, list(_stories_data(snippets, calendar)))


def _document(snippets: SnippetSet, stories: Any) -> dict[str, Any]:
    networks = {
        net: {
            "name": rule.name, "limit": rule.limit, "unit": rule.unit,
            "byte_limit": rule.byte_limit or None, "max_hashtags": rule.max_hashtags,
            "links_clickable": rule.links_clickable, "fold": rule.fold or None,
        }
        for net, rule in snippets.rules.items() if net in snippets.options.networks
    }
    return {
        "schema": SCHEMA_ID,
        "generated": snippets.generated,
        "site_url": snippets.site_url,
        "networks": networks,
        "stories": stories,
    }


def _stories_data(snippets: SnippetSet, calendar: Calendar | None = None
                  ) -> Iterator[dict[str, Any]]:
    """Each story's entry, made when asked for: the export is written one story at a time."""
    planned, reshares = _planned(calendar), _reshares(calendar)
    for item in snippets.stories:
        yield _story_data(item, snippets.site_url, planned, reshares=reshares)


def _story_data(item: StorySnippets, site_url: str | None, planned: dict[str, str],
                intents: list[str | None] | None = None,
                reshares: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """One story's entry in ``snippets.json`` (``intents``: its posts' share intents, if
    already made)."""
    story = item.story
    if intents is None:
        intents = [s.intent for s in item.snippets]
    return {
        "slug": story.id,
        "title": story.title,
        "summary": story.summary,
        "date": story.date.isoformat(),
        "url": item.url,
        "lang": story.lang,
        "values": [{"id": i, "name": n} for i, n in item.values],
        "people": [{"id": i, "name": n} for i, n in item.people],
        "tags": list(story.tags),
        "images": _images(item, site_url),
        "snippets": [
            {
                "network": s.network, "variant": s.variant, "text": s.text,
                "count": s.measure.count, "limit": s.measure.limit, "unit": s.measure.unit,
                "bytes": s.measure.bytes if s.measure.byte_limit else None,
                "byte_limit": s.measure.byte_limit or None,
                "fits": s.fits, "shortened": s.shortened, "link": s.link,
                "intent": intent,
                "suggested_date": _suggested(s, story.id, planned),
                "planned_at": planned.get(f"{story.id}.{s.network}.{s.variant}"),
                "reshares": (reshares or {}).get(f"{story.id}.{s.network}.{s.variant}", []),
            }
            for s, intent in zip(item.snippets, intents, strict=True)
        ],
    }




def _rows(item: StorySnippets, site_url: str | None, planned: dict[str, str],
          intents: list[str | None] | None = None) -> str:
    """The story's CSV lines, one per post; every text cell through :func:`neutralise`."""
    story_id = item.story.id
    cell = neutralise
    images = {i["kind"]: (cell(i["url"]), cell(i["alt"])) for i in _images(item, site_url)}
    cards = {net: NETWORKS[net].card for net in dict.fromkeys(s.network for s in item.snippets)}
    if intents is None:
        intents = [s.intent for s in item.snippets]
    story, title = cell(story_id), cell(item.story.title)
    lines = []
    for s, intent in zip(item.snippets, intents, strict=True):
        image_url, image_alt = images.get(cards[s.network], ("", ""))
        size = s.measure
        lines.append(csv_line((
            story, title, cell(s.network), cell(s.variant),
            cell(s.text.replace("\r\n", "\n").replace("\n", "\r\n")),
            size.count, size.limit, cell(s.link), cell(intent) if intent else "",
            image_url, image_alt, cell(_suggested(s, story_id, planned)),
        )))
    return "".join(lines)


#: where a story's part is in a file the last build wrote: (offset, length)
Span = tuple[int, int]
#: a story's planned posts: (uid, moment) each
Planned = tuple[tuple[str, str], ...]


class ExportMemo(dict[str, tuple[StorySnippets, Planned, Span, Span]]):
    """A preview server's memo of what each story wrote last time: by story id, (its
    snippets, its planned posts, where its JSON entry is in ``snippets.json`` and its rows
    in ``snippets.csv``, as the last build wrote them); :attr:`files`: those two files as
    written (size, times, inode), so that a file changed or removed since is not read for
    them; :attr:`articles`: each story's article on the snippets page, by story id, with
    what it was rendered from.

    An unchanged story's part is copied from the files the last build wrote (mapped, not
    read: a story's part is tens of kilobytes, mostly share intents, 73 MB at 1,000
    stories), not made again. (Kept in memory, compressed, every part had to be
    decompressed at every rebuild: 0.08 CPU s at 1,000 stories.)"""

    def __init__(self) -> None:
        super().__init__()
        self.files: dict[str, tuple[int, int, int, int]] = {}
        self.articles: dict[str, tuple[StorySnippets, tuple[Any, ...], str]] = {}


def _identity(path: Path) -> tuple[int, int, int, int] | None:
    """What tells a file written over from the one a build wrote: its size, times and inode
    (a change time no program can set back)."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino


def _story_exports(snippets: SnippetSet, calendar: Calendar | None, table: BinaryIO,
                   memo: ExportMemo | None, last: tuple[memoryview, memoryview] | None,
                   written: dict[str, tuple[StorySnippets, Planned, Written, Span]] | None
                   ) -> Iterator[Written]:
    """Each story's ``snippets.json`` entry, its CSV rows written to ``table`` on the way:
    one pass, each post's share intent made once. With ``memo`` (a preview server's) and
    ``last`` (the files the last build wrote, mapped), a story with the same snippets (the
    same object: nothing it is made from changed) and the same planned posts copies the
    bytes it had; ``written`` (a preview's): what the next memo needs of each story (its
    snippets, its planned posts, its entry, whose offset is known once written, and where
    its rows went)."""
    planned, reshares = _planned(calendar), _reshares(calendar)
    by_story: dict[str, list[tuple[str, str]]] = {}
    for post in calendar.posts if calendar else ():
        by_story.setdefault(post.story, []).append(
            (post.uid, post.at.isoformat(timespec="seconds")))
    for item in snippets.stories:
        story_id = item.story.id
        mine = tuple(by_story.get(story_id, ()))
        found = memo.get(story_id) if memo is not None and last is not None else None
        rows: bytes | memoryview
        if found is not None and last is not None and found[0] is item and found[1] == mine:
            (entry_at, entry_size), (rows_at, rows_size) = found[2], found[3]
            entry = Written(last[0][entry_at:entry_at + entry_size])
            rows = last[1][rows_at:rows_at + rows_size]
        else:
            posts = item.snippets
            intents = [s.intent for s in posts]
            entry = Written.of(_story_data(item, snippets.site_url, planned, intents,
                                           reshares), 2)
            rows = _rows(item, snippets.site_url, planned, intents).encode("utf-8")
        if written is not None:  # (a build keeps no story's part once it is written)
            written[story_id] = (item, mine, entry, (table.tell(), len(rows)))
        table.write(rows)
        yield entry


def page_chunks(snippets: SnippetSet, *, root_prefix: str, overrides: Path | None,
                site_name: str, language: str, calendar: Calendar | None = None,
                calendar_files: list[str] | None = None,
                notes: list[str] | None = None, memo: ExportMemo | None = None
                ) -> Iterator[str]:
    """The snippets page, in pieces: standalone HTML, inline CSS and script, ``noindex``.

    It shows the ``page_stories`` newest stories (the exports hold every one), so the page
    stays quick to open however large the hub grows. With ``memo`` (a preview server's),
    an unchanged story's article is the text it had (its posts are a fifth of a preview's
    rebuild)."""
    env = html_environment(overrides)
    template = env.get_template("storyhub/snippets/page.html")
    schedule = calendar.by_story() if calendar is not None else {}
    limit = snippets.options.page_stories
    shown = snippets.stories[:limit] if limit else snippets.stories
    articles = memo.articles if memo is not None else None
    if articles is not None and len(articles) > len(shown):
        for gone in set(articles) - {item.story.id for item in shown}:
            del articles[gone]

    def article(item: StorySnippets, render: Callable[[StorySnippets], Markup]) -> Markup:
        """A story's article, ``render``-ed (the page's macro) unless a preview kept the
        one it rendered from the same snippets (the same object: nothing it is made from
        changed, the page's template included: see ``posts_key``) and the same plan."""
        if articles is None:
            return render(item)
        story_id = item.story.id
        key = (language, root_prefix, calendar is None,
               tuple((p.network, p.variant, p.at, p.reshare)
                     for p in schedule.get(story_id, ())))
        found = articles.get(story_id)
        if found is not None and found[0] is item and found[1] == key:
            return Markup(found[2])
        text = render(item)
        articles[story_id] = (item, key, str(text))
        return text

    values: dict[str, str] = {}
    people: dict[str, str] = {}
    for item in shown:
        # posts name values in their story's language: the filter takes the page's words
        # from a story in the page's language, where one shows the value
        own = primary_subtag(item.story.lang or language) == primary_subtag(language)
        for value_id, name in item.values:
            if own or value_id not in values:
                values[value_id] = name
        people.update(item.people)
    return template.generate(
        set=snippets,
        stories=shown,
        total=len(snippets.stories),
        rules=snippets.rules,
        networks=list(snippets.options.networks),
        values=sorted(values.items(), key=lambda kv: kv[1].casefold()),
        people=sorted(people.items(), key=lambda kv: kv[1].casefold()),
        root=root_prefix,
        site_name=site_name,
        lang=language,
        t=snippets.translator.scope("snippets"),
        calendar=calendar,
        schedule=schedule,
        planned=_first_posts(calendar),
        reshare_count=sum(1 for post in calendar.posts if post.reshare) if calendar else 0,
        planned_days={story: sorted({p.at.date() for p in posts})
                      for story, posts in schedule.items()},
        schedulers=_scheduler_links(calendar_files or []),
        notes=[*plan_notes(calendar, snippets.translator.scope("snippets")), *(notes or [])],
        personal=PersonalVariants(),
        article=article,
    )


def _first_posts(calendar: Calendar | None) -> dict[str, Any]:
    """Each planned text's first post (its own, else its first re-share), by
    story.network.variant."""
    found: dict[str, Any] = {}
    for post in calendar.posts if calendar else ():
        found.setdefault(_text_key(post), post)
    return found


def _scheduler_links(names: list[str]) -> list[tuple[Profile, list[str]]]:
    """The scheduler files written, by tool, in the order of the profiles table."""
    groups: list[tuple[Profile, list[str]]] = []
    for profile_id, profile in PROFILES.items():
        mine = [n for n in names if n.startswith(f"{profile_id}-") and n.endswith(".csv")]
        if mine:
            groups.append((profile, mine))
    return groups


def write_exports(
    snippets: SnippetSet,
    folder: Path,
    *,
    root_prefix: str,
    overrides: Path | None,
    site_name: str,
    language: str,
    calendar: Calendar | None = None,
    calendar_files: list[str] | None = None,
    memo: ExportMemo | None = None,
    notes: list[str] | None = None,
) -> list[Path]:
    """Write index.html, snippets.json and snippets.csv into ``folder``, streaming each
    (a hub of thousands of stories has exports of tens of megabytes). The JSON and the CSV
    are written side by side, a story at a time; ``memo``: see :func:`_story_exports`."""
    folder.mkdir(parents=True, exist_ok=True)
    page, data, table = folder / "index.html", folder / "snippets.json", folder / "snippets.csv"
    with page.open("w", encoding="utf-8", newline="") as out:
        out.writelines(page_chunks(snippets, root_prefix=root_prefix, overrides=overrides,
                                   site_name=site_name, language=language, calendar=calendar,
                                   calendar_files=calendar_files, notes=notes, memo=memo))
    # written beside, then put in place: the last files are read while these are written
    data_new, table_new = data.with_name(".snippets.json.new"), table.with_name(
        ".snippets.csv.new")
    written: dict[str, tuple[StorySnippets, Planned, Written, Span]] | None = (
        {} if memo is not None else None)
    maps = _last_written(memo, data, table)
    last = (memoryview(maps[0]), memoryview(maps[1])) if maps else None
    if memo is not None:
        memo.files = {}  # until these are written whole
    try:
        with data_new.open("wb") as out, table_new.open("wb") as rows:
            rows.write(codecs.BOM_UTF8 + csv_line(CSV_COLUMNS).encode("utf-8"))
            write_json(out, _document(snippets, _story_exports(
                snippets, calendar, rows, memo, last, written)))
    except BaseException:
        # (the mapped files are left to close when nothing points into them any more)
        data_new.unlink(missing_ok=True)
        table_new.unlink(missing_ok=True)
        raise
    if memo is not None and written is not None:  # the stories of this build, and no other
        memo.clear()
        memo.update((story_id, (item, mine, (entry.at, len(entry.data)), rows_span))
                    for story_id, (item, mine, entry, rows_span) in written.items())
        written = None  # nothing points into the mapped files now: they can be closed
    last = None
    for mapped in maps or ():
        mapped.close()
    os.replace(data_new, data)
    os.replace(table_new, table)
    if memo is not None:
        memo.files = {name: found for name, path in (("json", data), ("csv", table))
                      if (found := _identity(path)) is not None}
    return [page, data, table]


def _last_written(memo: ExportMemo | None, data: Path, table: Path) -> list[mmap.mmap] | None:
    """The JSON and the CSV the last build wrote, mapped for reading, if ``memo`` knows
    where each story's part is in them and neither changed since; else None (every story's
    part is made again)."""
    if memo is None:
        return None
    maps: list[mmap.mmap] = []
    for name, path in (("json", data), ("csv", table)):
        if not memo.files or _identity(path) != memo.files.get(name):
            break
        try:
            with path.open("rb") as handle:  # (the map keeps the file open)
                maps.append(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
        except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
            break
    if len(maps) == 2:
        return maps
    for mapped in maps:
        mapped.close()
    return None
