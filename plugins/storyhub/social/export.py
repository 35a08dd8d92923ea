"""Where snippets leave: ``snippets.json``, ``snippets.csv`` and the snippets page.

The JSON follows ``snippets.schema.json`` (shipped beside this module); the CSV is
RFC 4180 (CRLF line ends, quoted multi-line cells) in UTF-8 with a byte order
mark, so that Excel and LibreOffice open accents and emoji correctly.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from storyhub.social.compose import SnippetSet, StorySnippets
from storyhub.social.links import absolute
from storyhub.social.templates import html_environment

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


def to_data(snippets: SnippetSet) -> dict[str, Any]:
    """The export as plain data, in the documented schema."""
    networks = {
        net: {
            "name": rule.name, "limit": rule.limit, "unit": rule.unit,
            "byte_limit": rule.byte_limit or None, "max_hashtags": rule.max_hashtags,
            "links_clickable": rule.links_clickable, "fold": rule.fold or None,
        }
        for net, rule in snippets.rules.items() if net in snippets.options.networks
    }
    stories = []
    for item in snippets.stories:
        story = item.story
        stories.append({
            "slug": story.id,
            "title": story.title,
            "summary": story.summary,
            "date": story.date.isoformat(),
            "url": item.url,
            "lang": story.lang,
            "values": [{"id": i, "name": n} for i, n in item.values],
            "people": [{"id": i, "name": n} for i, n in item.people],
            "tags": list(story.tags),
            "images": _images(item, snippets.site_url),
            "snippets": [
                {
                    "network": s.network, "variant": s.variant, "text": s.text,
                    "count": s.measure.count, "limit": s.measure.limit, "unit": s.measure.unit,
                    "bytes": s.measure.bytes if s.measure.byte_limit else None,
                    "byte_limit": s.measure.byte_limit or None,
                    "fits": s.fits, "shortened": s.shortened, "link": s.link,
                    "intent": s.intent, "suggested_date": s.suggested_date.isoformat(),
                }
                for s in item.snippets
            ],
        })
    return {
        "schema": SCHEMA_ID,
        "generated": snippets.generated,
        "site_url": snippets.site_url,
        "networks": networks,
        "stories": stories,
    }


def _escape_markup(chunk: str) -> str:
    return chunk.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def json_chunks(snippets: SnippetSet) -> Iterator[str]:
    """UTF-8 JSON, in pieces; ``<``, ``>`` and ``&`` as \\u escapes, so that a tool pasting
    it into HTML cannot have a title such as ``<script>`` read as markup (the values are
    unchanged). Each of the three is one character, so escaping piece by piece is exact."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
    for chunk in encoder.iterencode(to_data(snippets)):
        yield _escape_markup(chunk)
    yield "\n"


def write_csv(snippets: SnippetSet, out: TextIO) -> None:
    """One row per story × network × variant, written row by row to ``out``."""
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_COLUMNS)
    for item in snippets.stories:
        images = {i["kind"]: i for i in _images(item, snippets.site_url)}
        for s in item.snippets:
            image = images.get("instagram" if s.network == "instagram" else "og", {})
            writer.writerow([neutralise_cell(cell) for cell in (
                item.story.id, item.story.title, s.network, s.variant,
                s.text.replace("\r\n", "\n").replace("\n", "\r\n"),
                s.measure.count, s.measure.limit, s.link, s.intent or "",
                image.get("url", ""), image.get("alt", ""), s.suggested_date.isoformat(),
            )])


#: A cell starting with one of these is read as a formula by Excel, LibreOffice and Google
#: Sheets (OWASP "CSV injection"). Full-width forms are folded to these by some of them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise_cell(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading ``'`` (OWASP); numbers
    stay numbers. Quotes inside are escaped by the csv writer. The JSON export stays exact."""
    if not isinstance(value, str):
        return value
    if value.lstrip(" \u00a0\u200b\ufeff").startswith(FORMULA_STARTS) or value.startswith(
        FORMULA_STARTS
    ):
        return "'" + value
    return value


def page_chunks(snippets: SnippetSet, *, root_prefix: str, overrides: Path | None,
                site_name: str, language: str) -> Iterator[str]:
    """The snippets page, in pieces: standalone HTML, inline CSS and script, ``noindex``.

    It shows the ``page_stories`` newest stories (the exports hold every one), so the page
    stays quick to open however large the hub grows."""
    env = html_environment(overrides)
    template = env.get_template("storyhub/snippets/page.html")
    limit = snippets.options.page_stories
    shown = snippets.stories[:limit] if limit else snippets.stories
    values: dict[str, str] = {}
    people: dict[str, str] = {}
    for item in shown:
        values.update(item.values)
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
    )


def write_exports(
    snippets: SnippetSet,
    folder: Path,
    *,
    root_prefix: str,
    overrides: Path | None,
    site_name: str,
    language: str,
) -> list[Path]:
    """Write index.html, snippets.json and snippets.csv into ``folder``, streaming each
    (a hub of thousands of stories has exports of tens of megabytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    page, data, table = folder / "index.html", folder / "snippets.json", folder / "snippets.csv"
    with page.open("w", encoding="utf-8", newline="") as out:
        out.writelines(page_chunks(snippets, root_prefix=root_prefix, overrides=overrides,
                                   site_name=site_name, language=language))
    with data.open("w", encoding="utf-8", newline="") as out:
        out.writelines(json_chunks(snippets))
    with table.open("w", encoding="utf-8-sig", newline="") as out:
        write_csv(snippets, out)
    return [page, data, table]
