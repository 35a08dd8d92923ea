"""Scheduler CSV profiles: the posting calendar in the files scheduling tools import.

Each tool is one entry of :data:`PROFILES` (columns, header, date format, rows per file,
minute step, one network per file or not); a third tool is one more entry. Every text
cell goes through :func:`storyhub.social.cells.neutralise` (CSV formula injection).

Sources (checked 2025–2026; tools change their rules — update the table, not the code):

* Buffer, bulk upload: https://support.buffer.com/article/926-how-to-bulk-upload-posts
  (columns ``Text``, ``Image URL``, ``Tags``, ``Posting Time`` as ``YYYY-MM-DD HH:mm``;
  one channel per upload; the channel's own time zone).
* Hootsuite, bulk composer: https://help.hootsuite.com/hc/en-us/articles/204598140
  (no header; date-time, message, optional link; up to 350 posts per file; one social
  profile per file; times in the future, in multiples of 5 minutes; duplicates refused).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from storyhub.social.calendar import Calendar, Post
from storyhub.social.cells import csv_line, neutralise

HOOTSUITE_FORMATS = {
    "dd/mm/yyyy hh:mm": "%d/%m/%Y %H:%M",
    "mm/dd/yyyy hh:mm": "%m/%d/%Y %H:%M",
    "yyyy-mm-dd hh:mm": "%Y-%m-%d %H:%M",
}


def _without_link(post: Post) -> str:
    """The message without its link, for tools that take the link in a column of its own
    (they append it, often shortened; it would otherwise appear twice). A lead-in that only
    announced the link ("Read the story: <link>") goes with it; an arrow before it too."""
    if not post.link or post.link not in post.text:
        return post.text
    lines: list[str] = []
    for line in post.text.split("\n"):
        if post.link in line:
            before, _, after = line.partition(post.link)
            before, after = before.rstrip(), after.strip()
            if before.endswith(":"):
                before = ""
            before = before.removesuffix("→").rstrip()
            line = f"{before} {after}".strip()
        lines.append(line.rstrip())
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()


def _link(post: Post) -> str:
    return post.link if post.link.startswith("http") else ""


@dataclass(frozen=True)
class Profile:
    """How one scheduling tool wants its CSV."""

    id: str
    name: str
    #: column titles, or None for a file without a header row
    header: tuple[str, ...] | None
    #: one row's cells from a post and the date-time text
    row: Callable[[Post, str], list[str]]
    #: strftime format of the posting time
    time_format: str
    #: most rows one file may hold (None: no limit); more are split into -2, -3, … files
    max_rows: int | None
    #: posting minutes must be a multiple of this
    minute_step: int
    #: the tool's limits, for the README and the snippets page
    limits: str
    #: a byte order mark helps Excel; some importers refuse it
    bom: bool = False


PROFILES: dict[str, Profile] = {
    "buffer": Profile(
        id="buffer", name="Buffer",
        header=("Text", "Image URL", "Tags", "Posting Time"),
        row=lambda post, when: [post.text, post.image_url or "", ",".join(post.tags), when],
        time_format="%Y-%m-%d %H:%M",
        max_rows=None, minute_step=1,
        limits="one channel per upload; times in the channel's time zone; Instagram posts "
               "need an image",
    ),
    "hootsuite": Profile(
        id="hootsuite", name="Hootsuite",
        header=None,
        row=lambda post, when: [when, _without_link(post), _link(post)],
        time_format=HOOTSUITE_FORMATS["dd/mm/yyyy hh:mm"],
        max_rows=350, minute_step=5,
        limits="no header; one social profile per file; at most 350 posts per file; "
               "times in the future and in multiples of 5 minutes; identical messages are "
               "refused",
    ),
}


@dataclass(frozen=True)
class SchedulerFile:
    name: str  # e.g. "hootsuite-linkedin-2.csv"
    profile: str
    network: str
    rows: int
    data: bytes


def profile_for(profile_id: str, *, hootsuite_date_format: str | None = None) -> Profile:
    profile = PROFILES[profile_id]
    if profile_id == "hootsuite" and hootsuite_date_format:
        from dataclasses import replace

        profile = replace(profile, time_format=HOOTSUITE_FORMATS[hootsuite_date_format])
    return profile


def _when(moment: datetime, profile: Profile) -> str:
    if moment.minute % profile.minute_step or moment.second:
        raise ValueError(f"{moment.isoformat()} is not on a {profile.minute_step}-minute step "
                         f"({profile.name} refuses it)")
    return moment.strftime(profile.time_format)


def render_rows(profile: Profile, posts: list[Post]) -> bytes:
    return _file_data(profile, [_row(profile, post) for post in posts])


def _row(profile: Profile, post: Post) -> str:
    cells = profile.row(post, _when(post.at, profile))
    return csv_line([neutralise(c.replace("\r\n", "\n")) for c in cells])


def _file_data(profile: Profile, rows: list[str]) -> bytes:
    lines = rows if profile.header is None else [csv_line(profile.header), *rows]
    return (b"\xef\xbb\xbf" if profile.bom else b"") + "".join(lines).encode("utf-8")


def scheduler_files(calendar: Calendar) -> list[SchedulerFile]:
    """Every scheduler file of the calendar: per profile, per network, split at the
    profile's row limit (``hootsuite-linkedin.csv``, ``hootsuite-linkedin-2.csv``, …).

    A profile's rows are made in one pass over the calendar, in time order, where posts of
    a story come close together: a post's text is read from its story's posts, kept packed
    but for the few stories read last (:mod:`storyhub.social.posts`), and a pass per network
    would unpack each story again."""
    files: list[SchedulerFile] = []
    networks = list(dict.fromkeys(post.network for post in calendar.posts))
    for profile_id in calendar.options.schedulers:
        profile = profile_for(profile_id,
                              hootsuite_date_format=calendar.options.hootsuite_date_format)
        rows: dict[str, list[str]] = {network: [] for network in networks}
        #: per network, the first post refused, as a pass per network would have met it
        refused: dict[str, ValueError] = {}
        for post in calendar.posts:
            if post.network in refused:
                continue
            try:
                rows[post.network].append(_row(profile, post))
            except ValueError as error:
                refused[post.network] = error
        for network in networks:
            if network in refused:
                raise refused[network]
            mine = rows.pop(network)
            size = profile.max_rows or max(len(mine), 1)
            for number, first in enumerate(range(0, len(mine), size), start=1):
                chunk = mine[first:first + size]
                suffix = "" if number == 1 else f"-{number}"
                files.append(SchedulerFile(f"{profile.id}-{network}{suffix}.csv", profile.id,
                                           network, len(chunk), _file_data(profile, chunk)))
    return files


def write_calendar_files(calendar: Calendar | None, folder: Path, *, site_name: str,
                         t: Callable[..., str]) -> list[Path]:
    """``calendar.ics``, ``calendar.json`` and the scheduler CSV files, into ``folder``."""
    if calendar is None:
        return []
    from storyhub.social.calendar import to_data
    from storyhub.social.export import indented_json_chunks
    from storyhub.social.ics import ics_lines

    folder.mkdir(parents=True, exist_ok=True)
    ics, data = folder / "calendar.ics", folder / "calendar.json"
    with data.open("w", encoding="utf-8", newline="") as out:
        # json.dump(…, ensure_ascii=False, indent=2), the same text, without the encoder's
        # pure-Python generators (a post at a time)
        out.writelines(indented_json_chunks(to_data(calendar, streamed=True), stream=3))
        out.write("\n")
    written = [data]
    if calendar.posts:  # RFC 5545: a calendar holds at least one component
        with ics.open("w", encoding="utf-8", newline="") as out:
            out.writelines(ics_lines(calendar, name=site_name, t=t))
        written.insert(0, ics)
    for item in scheduler_files(calendar):
        path = folder / item.name
        path.write_bytes(item.data)
        written.append(path)
    return written
