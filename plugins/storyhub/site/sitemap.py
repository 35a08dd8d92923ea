"""Language versions in the sitemap: ``<xhtml:link rel="alternate" hreflang>`` under each
translated story's ``<url>``, as search engines read them (every version lists all,
itself included, plus ``x-default``). The engine writes ``sitemap.xml`` (and its gzip copy);
this adds the alternates and keeps the gzip copy byte-for-byte deterministic."""

from __future__ import annotations

import gzip
import io
import re
from html import escape
from pathlib import Path

XHTML = "http://www.w3.org/1999/xhtml"
_URL = re.compile(r"(<url>\s*<loc>([^<]*)</loc>)")


def add_alternates(text: str, alternates: dict[str, list[tuple[str, str]]]) -> str:
    """``text`` (a sitemap) with the alternates of each listed address; ``alternates``:
    absolute page address -> [(hreflang, absolute address)]."""
    if not alternates:
        return text

    def link(match: re.Match[str]) -> str:
        found = alternates.get(match.group(2).strip())
        if not found:
            return match.group(0)
        links = "".join(f'\n         <xhtml:link rel="alternate" hreflang="{escape(lang)}" '
                        f'href="{escape(href)}"/>' for lang, href in found)
        return match.group(1) + links

    text = _URL.sub(link, text)
    if f'xmlns:xhtml="{XHTML}"' not in text:
        text = text.replace("<urlset ", f'<urlset xmlns:xhtml="{XHTML}" ', 1)
    return text


def rewrite(site_dir: Path, alternates: dict[str, list[tuple[str, str]]]) -> bool:
    """Add the alternates to ``sitemap.xml`` and to ``sitemap.xml.gz`` (same gzip header
    time as the engine wrote, so the output stays deterministic). True if changed."""
    path = site_dir / "sitemap.xml"
    if not alternates or not path.is_file():
        return False
    before = path.read_text(encoding="utf-8")
    after = add_alternates(before, alternates)
    if after == before:
        return False
    path.write_text(after, encoding="utf-8")
    compressed = site_dir / "sitemap.xml.gz"
    if compressed.is_file():
        header = compressed.read_bytes()[:10]
        mtime = int.from_bytes(header[4:8], "little") if len(header) == 10 else 0
        buffer = io.BytesIO()
        with gzip.GzipFile(fileobj=buffer, filename=str(compressed), mode="wb",
                           mtime=mtime) as out:
            out.write(after.encode("utf-8"))
        compressed.write_bytes(buffer.getvalue())
    return True
