"""The posting calendar as iCalendar (RFC 5545): ``calendar.ics``.

One ``VEVENT`` per planned post, with the post's text and link, so that Outlook, Google
Calendar and Thunderbird show the plan. Written by hand, to the letter of the RFC:

* CRLF line ends; lines folded at 75 octets (never inside a UTF-8 character);
* ``UID`` stable across rebuilds (story, network, variant @ the site's host);
* ``DTSTAMP`` is the build's "now" (``SOURCE_DATE_EPOCH``), so rebuilds are identical;
* times in UTC (``…Z``), which every client converts to its own zone; the company's zone
  is named in ``X-WR-TIMEZONE`` for clients that show it;
* text escaped: backslash, ``;``, ``,`` and new lines;
* ``SEQUENCE`` raised when a post changes between two exports, and every post of the
  previous export that left the plan written as ``STATUS:CANCELLED`` with its ``UID``
  (see :func:`storyhub.social.calendar._against_previous`), so a calendar application
  that imports the file again removes it;
* always written, even with no post: then it holds a VTIMEZONE (RFC 5545 wants one
  component), so a subscribed address never answers 404.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

from storyhub.social.calendar import EVENT_MINUTES, Calendar, CancelledPost, Post

PRODID = "-//storyhub//posting calendar//EN"


def escape_text(value: str) -> str:
    """TEXT value escaping (RFC 5545 §3.3.11)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 §3.1), CRLF + space before each
    continuation; a multi-byte character is never split."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    parts: list[bytes] = []
    start, room = 0, 75  # a continuation line's leading space takes one octet of its 75
    while len(data) - start > room:
        end = start + room
        while data[end] & 0xC0 == 0x80:  # never cut inside a character: back off to its start
            end -= 1
        parts.append(data[start:end])
        start, room = end, 74
    parts.append(data[start:])
    return b"\r\n ".join(parts).decode("utf-8") + "\r\n"


def utc(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _host(site_url: str | None) -> str:
    return (urlsplit(site_url).hostname if site_url else None) or "storyhub.invalid"


def _event(post: Post, calendar: Calendar, stamp: str, host: str,
           t: Callable[..., str]) -> Iterator[str]:
    name = calendar.network_names.get(post.network, post.network)
    label = t("own_text") if post.variant == "own" else t("variant", number=post.variant)
    if post.reshare:
        label = t("reshare_label", variant=label)
    yield "BEGIN:VEVENT"
    yield f"UID:{post.uid}@{host}"
    yield f"DTSTAMP:{stamp}"
    yield f"SEQUENCE:{post.sequence}"
    yield f"DTSTART:{utc(post.at)}"
    yield f"DTEND:{utc(post.at + timedelta(minutes=EVENT_MINUTES))}"
    yield f"SUMMARY:{escape_text(t('ics_summary', network=name, title=post.title, variant=label))}"
    description = post.text if post.link in post.text else f"{post.text}\n\n{post.link}"
    if post.image_url:
        description += "\n\n" + t("ics_image", url=post.image_url)
    yield f"DESCRIPTION:{escape_text(description)}"
    if post.link.startswith("http"):
        yield f"URL:{post.link}"
    categories = [name, t("reshare")] if post.reshare else [name]
    yield f"CATEGORIES:{','.join(escape_text(c) for c in categories)}"
    yield "STATUS:CONFIRMED"
    yield "TRANSP:TRANSPARENT"
    yield "END:VEVENT"


def _cancelled(post: CancelledPost, calendar: Calendar, stamp: str, host: str,
               t: Callable[..., str]) -> Iterator[str]:
    """A post that left the plan: the same UID, a higher SEQUENCE, STATUS:CANCELLED. No
    title or text (the story may have been taken down): the network and the slug."""
    name = calendar.network_names.get(post.network, post.network)
    yield "BEGIN:VEVENT"
    yield f"UID:{post.uid}@{host}"
    yield f"DTSTAMP:{stamp}"
    yield f"SEQUENCE:{post.sequence}"
    yield f"DTSTART:{utc(post.at)}"
    yield f"DTEND:{utc(post.at + timedelta(minutes=EVENT_MINUTES))}"
    yield f"SUMMARY:{escape_text(t('ics_cancelled', network=name, story=post.story))}"
    yield f"CATEGORIES:{escape_text(name)}"
    yield "STATUS:CANCELLED"
    yield "TRANSP:TRANSPARENT"
    yield "END:VEVENT"


def _utc_zone() -> list[str]:
    """A VTIMEZONE for UTC: RFC 5545 wants at least one component in a calendar, and a
    plan with no post and nothing to cancel still answers a subscription with a valid
    (empty) calendar."""
    return ["BEGIN:VTIMEZONE", "TZID:UTC", "BEGIN:STANDARD", "DTSTART:19700101T000000",
            "TZOFFSETFROM:+0000", "TZOFFSETTO:+0000", "TZNAME:UTC", "END:STANDARD",
            "END:VTIMEZONE"]


def ics_lines(calendar: Calendar, *, name: str, t: Callable[..., str]) -> Iterator[str]:
    """The calendar file, one folded CRLF-terminated line at a time; ``t`` gives the
    words of event titles (the catalogue's ``snippets`` namespace)."""
    stamp = utc(calendar.generated)
    host = _host(calendar.site_url)
    lines: list[str] = [
        "BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH", f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{calendar.options.timezone}",
    ]
    if not calendar.posts and not calendar.cancelled:
        lines += _utc_zone()
    yield from (fold(line) for line in lines)
    for post in calendar.posts:
        for line in _event(post, calendar, stamp, host, t):
            yield fold(line)
    for gone in calendar.cancelled:
        for line in _cancelled(gone, calendar, stamp, host, t):
            yield fold(line)
    yield fold("END:VCALENDAR")
