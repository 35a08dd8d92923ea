"""Scheduler CSV profiles: the posting calendar in the files scheduling tools import.

Each tool's rules are one entry of :data:`PROFILES` — columns, header, date format, posts
per file, minute step, the networks it publishes to, the networks whose posts need an
image, whether a message must be unique once its link is removed, whether the link goes
in a column of its own — and the code only reads that table: a rule that changes is one
line, a third tool one more entry. Every text cell goes through
:func:`storyhub.social.cells.neutralise` (CSV formula injection).

Sources, and what could not be confirmed (this project's builds have no web access; the
figures come from ../shared/REFERENCE.md, gathered from the tools' help centres in late
2025 – 2026 — check the pages named here when a tool changes its rules, and update the
table, not the code):

* Buffer, bulk upload — Buffer Help Center, "How to bulk upload posts"
  (https://support.buffer.com/article/926-how-to-bulk-upload-posts): header
  ``Text,Image URL,Tags,Posting Time``, ``Posting Time`` as ``YYYY-MM-DD HH:mm`` in the
  channel's time zone, one channel per upload, a per-file post limit that depends on the
  plan, Instagram posts need media. The per-file figure could not be confirmed here: it
  is the option ``calendar.buffer_max_rows`` (default 100, set your plan's figure).
  Networks: Buffer publishes to LinkedIn, X, Instagram, Facebook, Threads, Bluesky and
  Mastodon (Buffer's list of supported channels in its Help Center, support.buffer.com;
  the page's address could not be confirmed here).
* Hootsuite, bulk composer — Hootsuite Help Center, "Schedule messages in bulk"
  (https://help.hootsuite.com/hc/en-us/articles/204598140): no header; date-time,
  message, optional link; at most 350 posts per file; one social profile per file; times
  in the future and in multiples of 5 minutes; duplicate messages refused (compared
  without the link, which Hootsuite appends itself). Networks it publishes to (its list
  of supported social networks in the Help Center, help.hootsuite.com; the page's
  address could not be confirmed here): LinkedIn, X, Instagram, Facebook, Threads — not
  Mastodon; Bluesky could not be confirmed, so no file is written for it. Instagram
  captions show no clickable link ("link in bio"): no link column for it, or Hootsuite
  would append the link to the caption.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from storyhub.social.calendar import Calendar, Post, local_text
from storyhub.social.cells import csv_line, neutralise
from storyhub.text.networks import NETWORKS

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


def _buffer_row(post: Post, when: str, *, with_link: bool = True) -> list[str]:
    del with_link  # Buffer takes the text as written, link included
    tags = [*post.tags, "reshare"] if post.reshare else list(post.tags)
    return [post.text, post.image_url or "", ",".join(tags), when]


def _hootsuite_row(post: Post, when: str, *, with_link: bool = True) -> list[str]:
    if not with_link:  # the text says the link is elsewhere ("link in bio"): no link column
        return [when, post.text, ""]
    return [when, _without_link(post), _link(post)]


@dataclass(frozen=True)
class Profile:
    """How one scheduling tool wants its CSV: its rules, read by the code (see the module
    for each rule's source)."""

    id: str
    name: str
    #: column titles, or None for a file without a header row
    header: tuple[str, ...] | None
    #: one row's cells from a post and the date-time text (``with_link``: False on a
    #: network whose text says the link is elsewhere)
    row: Callable[..., list[str]]
    #: strftime format of the posting time
    time_format: str
    #: most rows one file may hold (None: no limit); more are split into -2, -3, … files
    max_rows: int | None
    #: posting minutes must be a multiple of this
    minute_step: int
    #: the tool's limits, for the README and the snippets page
    limits: str
    #: the networks the tool publishes to: no file for the others
    networks: frozenset[str]
    #: networks whose posts the tool refuses without an image: a post without one is left
    #: out, with a warning naming the story
    needs_image: frozenset[str] = frozenset()
    #: the tool refuses a message equal to another of the same profile once the link is
    #: removed: the repeat keeps its link in the text (so it differs), else is left out
    unique_messages: bool = False
    #: the link goes in a column of its own (False where the network's text says "link in
    #: bio": the tool would append it to the caption)
    link_column: bool = False
    #: a byte order mark helps Excel; some importers refuse it
    bom: bool = False


def _publishes_to(profile: str) -> frozenset[str]:
    """The networks a tool publishes to (:attr:`Network.schedulers`)."""
    return frozenset(n.id for n in NETWORKS.values() if profile in n.schedulers)


def _needs_image(profile: str) -> frozenset[str]:
    """The networks whose posts a tool refuses without an image."""
    return frozenset(n.id for n in NETWORKS.values() if profile in n.image_required_by)


PROFILES: dict[str, Profile] = {
    "buffer": Profile(
        id="buffer", name="Buffer",
        header=("Text", "Image URL", "Tags", "Posting Time"),
        row=_buffer_row,
        time_format="%Y-%m-%d %H:%M",
        # per plan; calendar.buffer_max_rows (default 100) — not confirmed, see the module
        max_rows=100, minute_step=1,
        limits="one channel per upload; times in the channel's time zone; Instagram posts "
               "need an image; a limited number of posts per file",
        networks=_publishes_to("buffer"),
        needs_image=_needs_image("buffer"),
    ),
    "hootsuite": Profile(
        id="hootsuite", name="Hootsuite",
        header=None,
        row=_hootsuite_row,
        time_format=HOOTSUITE_FORMATS["dd/mm/yyyy hh:mm"],
        max_rows=350, minute_step=5,
        limits="no header; one social profile per file; at most 350 posts per file; "
               "times in the future and in multiples of 5 minutes; identical messages are "
               "refused",
        networks=_publishes_to("hootsuite"),
        needs_image=_needs_image("hootsuite"),
        unique_messages=True, link_column=True,
    ),
}


@dataclass(frozen=True)
class SchedulerFile:
    name: str  # e.g. "hootsuite-linkedin-2.csv"
    profile: str
    network: str
    rows: int
    data: bytes


def profile_for(profile_id: str, *, hootsuite_date_format: str | None = None,
                buffer_max_rows: int | None = None) -> Profile:
    """A profile of the table, with the hub's own choices (Hootsuite's date format,
    Buffer's posts per file)."""
    from dataclasses import replace

    profile = PROFILES[profile_id]
    if profile_id == "hootsuite" and hootsuite_date_format:
        profile = replace(profile, time_format=HOOTSUITE_FORMATS[hootsuite_date_format])
    if profile_id == "buffer" and buffer_max_rows:
        profile = replace(profile, max_rows=buffer_max_rows)
    return profile


def _when(moment: datetime, profile: Profile) -> str:
    if moment.minute % profile.minute_step or moment.second:
        raise ValueError(f"{moment.isoformat()} is not on a {profile.minute_step}-minute step "
                         f"({profile.name} refuses it)")
    return moment.strftime(profile.time_format)


def _cells(profile: Profile, post: Post, *, with_link: bool = True) -> list[str]:
    return list(profile.row(post, _when(post.at, profile), with_link=with_link))


def _row(profile: Profile, post: Post, cells: list[str] | None = None) -> str:
    if cells is None:
        cells = _cells(profile, post)
    return csv_line([neutralise(c.replace("\r\n", "\n")) for c in cells])


def _file_data(profile: Profile, rows: list[str]) -> bytes:
    lines = rows if profile.header is None else [csv_line(profile.header), *rows]
    return (b"\xef\xbb\xbf" if profile.bom else b"") + "".join(lines).encode("utf-8")


#: a warning about a post left out of a scheduler file: a catalogue key of ``snippets``
#: and its values
Warning = tuple[str, dict[str, str]]
#: warnings that only say what was adjusted (nothing to do): notes, not build warnings
NOTICES = frozenset({"export_varied"})


def _profile_row(profile: Profile, post: Post, clickable: bool, seen: set[str],
                 warnings: list[Warning]) -> str | None:
    """The post's row in ``profile``'s file, or None (left out, with a warning)."""
    if post.network in profile.needs_image and not post.image_url:
        warnings.append(("export_no_image", {"tool": profile.name, "story": post.story,
                                             "title": post.title, "at": local_text(post.at)}))
        return None
    with_link = clickable or not profile.link_column
    cells = _cells(profile, post, with_link=with_link)
    if profile.unique_messages:
        message = cells[1] if profile.header is None else cells[0]
        if message in seen and with_link and _link(post):
            # Vary it: this one keeps its link (different per variant) in the text.
            varied = post.text if post.link in post.text else f"{message}\n\n{post.link}"
            cells = [cells[0], varied, ""]
            message = varied
            if message not in seen:
                warnings.append(("export_varied", {"tool": profile.name, "story": post.story,
                                                   "title": post.title,
                                                   "at": local_text(post.at)}))
        if message in seen:
            warnings.append(("export_duplicate", {"tool": profile.name, "story": post.story,
                                                  "title": post.title,
                                                  "at": local_text(post.at)}))
            return None
        seen.add(message)
    return _row(profile, post, cells)


def scheduler_files(calendar: Calendar, warnings: list[Warning] | None = None
                    ) -> list[SchedulerFile]:
    """Every scheduler file of the calendar: per profile, per network the tool publishes
    to, split at the profile's row limit (``hootsuite-linkedin.csv``,
    ``hootsuite-linkedin-2.csv``, …); posts the tool would refuse are left out and told to
    ``warnings`` (see :class:`Profile`).

    A profile's rows are made in one pass over the calendar, in time order."""
    if warnings is None:
        warnings = []
    files: list[SchedulerFile] = []
    for profile_id in calendar.options.schedulers:
        profile = profile_for(profile_id,
                              hootsuite_date_format=calendar.options.hootsuite_date_format,
                              buffer_max_rows=calendar.options.buffer_max_rows)
        networks = [n for n in dict.fromkeys(post.network for post in calendar.posts)
                    if n in profile.networks]
        rows: dict[str, list[str]] = {network: [] for network in networks}
        seen: dict[str, set[str]] = {network: set() for network in networks}
        #: per network, the first post refused, as a pass per network would have met it
        refused: dict[str, ValueError] = {}
        for post in calendar.posts:
            if post.network in refused or post.network not in rows:
                continue
            try:
                row = _profile_row(profile, post, NETWORKS[post.network].links_clickable,
                                   seen[post.network], warnings)
            except ValueError as error:
                refused[post.network] = error
                continue
            if row is not None:
                rows[post.network].append(row)
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
                         t: Callable[..., str],
                         warnings: list[Warning] | None = None) -> list[Path]:
    """``calendar.ics``, ``calendar.json`` and the scheduler CSV files, into ``folder``.
    The ``.ics`` is written even when nothing is planned (a valid, empty calendar), so a
    calendar subscribed by address never answers 404."""
    if calendar is None:
        return []
    from storyhub.social.calendar import to_data
    from storyhub.social.ics import ics_lines
    from storyhub.text.jsontext import write_json

    folder.mkdir(parents=True, exist_ok=True)
    ics, data = folder / "calendar.ics", folder / "calendar.json"
    with data.open("wb") as out:
        # json.dump(…, ensure_ascii=False, indent=2), a post at a time; <, > and & as \u
        # escapes, as in snippets.json: a tool pasting it into HTML cannot have a title read
        # as markup
        write_json(out, to_data(calendar, streamed=True))
    with ics.open("w", encoding="utf-8", newline="") as out:
        out.writelines(ics_lines(calendar, name=site_name, t=t))
    written = [ics, data]
    for item in scheduler_files(calendar, warnings):
        path = folder / item.name
        path.write_bytes(item.data)
        written.append(path)
    return written
