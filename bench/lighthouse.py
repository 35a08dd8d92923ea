"""Lighthouse on a phone profile (its default: Moto G class device, slow 4G) for the home
page, a story, the story listing and /snippets/ of a built site, with Debian's chromium.

    npm install --no-save --prefix .cache/lighthouse lighthouse   # once
    mkdocs build && python bench/lighthouse.py site/            # gzip, as hosting serves
    python bench/lighthouse.py site/ --plain                     # no compression
    python bench/lighthouse.py site/ --runs=3                    # median (min-max) of 3

Serves the folder on localhost and prints the four category scores per page (with
``--runs``: the median and the range of each), the largest contentful paint element and
the failing audits of every category on stderr. Lighthouse's performance score varies
from run to run on a busy machine: compare medians. Not part of the test suite.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / ".cache/lighthouse/node_modules/.bin/lighthouse"
PAGES = {"home": "", "story": "stories/the-repair-counter/",
         "story-it": "stories/libri-aperti/", "listing": "stories/", "snippets": "snippets/"}
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class GzipHandler(_Quiet):
    """Text files gzip-compressed when the browser accepts it, as static hosts serve them
    (also the handler of tests/test_snippets_phone_browser.py's first-load measurement)."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or not path.is_file() or path.suffix not in COMPRESSED:
            return super().send_head()
        import gzip
        import io

        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def _where(item: dict[str, object]) -> str:
    """The element or address an audit's item names."""
    for key in ("node", "source"):
        found = item.get(key)
        if isinstance(found, dict):
            return str(found.get("selector") or found.get("url") or "")
    return str(item.get("url") or item.get("description") or "")[:120]


def _run(url: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json",
             f"--output-path={report}", "--only-categories=" + ",".join(CATEGORIES),
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
            check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
        data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return data


def _problems(data: dict[str, Any]) -> list[str]:
    """The failing audits that count, and what Lighthouse took for the largest paint."""
    lines = []
    for category in CATEGORIES:
        for ref in data["categories"][category]["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 0.9:
                items = audit.get("details", {}).get("items", [])
                where = [_where(i) for i in items][:4]
                value = audit.get("displayValue", "")
                lines.append(f"{category}: {ref['id']} {value} {where}")
    lcp = data["audits"].get("largest-contentful-paint-element", {}).get("details", {})
    for item in lcp.get("items", [])[:1]:
        for inner in item.get("items", [item])[:1]:
            lines.append(f"LCP element: {_where(inner)}")
    return lines


def main(site: Path, compressed: bool = True, runs: int = 1) -> None:
    handler = functools.partial(GzipHandler if compressed else _Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    print("| page | " + " | ".join(CATEGORIES) + " |")
    print("|---|" + "---|" * len(CATEGORIES))
    try:
        for name, path in PAGES.items():
            scores: list[list[int]] = []
            for _ in range(runs):
                data = _run(base + path)
                scores.append([round(100 * (data["categories"][c]["score"] or 0))
                               for c in CATEGORIES])
                for line in _problems(data):
                    print(f"|   | {name}: {line} |", file=sys.stderr)
            cells = []
            for column in zip(*scores, strict=True):
                middle = statistics.median(column)
                cells.append(f"{middle:g}" if runs == 1 else
                             f"{middle:g} ({min(column)}-{max(column)})")
            print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
    finally:
        server.shutdown()


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    runs = next((int(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--runs=")), 1)
    main(Path(arguments[0] if arguments else "site"), compressed="--plain" not in sys.argv,
         runs=runs)
