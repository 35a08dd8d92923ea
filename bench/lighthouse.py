"""Lighthouse on a phone profile (its default: Moto G class device, slow 4G) for the home
page, a story, the story listing and /snippets/ of a built site, with Debian's chromium.

    npm install --no-save --prefix .cache/lighthouse lighthouse   # once
    mkdocs build && python bench/lighthouse.py site/            # gzip, as hosting serves
    python bench/lighthouse.py site/ --plain                     # no compression

Serves the folder on localhost and prints the four category scores per page, and the
failing audits of the three other categories on stderr. Not part of the test suite.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / ".cache/lighthouse/node_modules/.bin/lighthouse"
PAGES = {"home": "", "story": "stories/the-repair-counter/", "listing": "stories/",
         "snippets": "snippets/"}
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _Gzip(_Quiet):
    """Text files gzip-compressed when the browser accepts it, as static hosts serve them."""

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


def main(site: Path, compressed: bool = True) -> None:
    handler = functools.partial(_Gzip if compressed else _Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    print("| page | " + " | ".join(CATEGORIES) + " |")
    print("|---|" + "---|" * len(CATEGORIES))
    try:
        for name, path in PAGES.items():
            with tempfile.TemporaryDirectory() as folder:
                report = Path(folder) / "report.json"
                subprocess.run(
                    [str(LIGHTHOUSE), base + path, "--quiet", "--output=json",
                     f"--output-path={report}", "--only-categories=" + ",".join(CATEGORIES),
                     "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                    check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
                data = json.loads(report.read_text(encoding="utf-8"))
            scores = [round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES]
            print(f"| {name} | " + " | ".join(str(s) for s in scores) + " |")
            for category in CATEGORIES[1:]:
                for ref in data["categories"][category]["auditRefs"]:
                    audit = data["audits"][ref["id"]]
                    if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                        items = audit.get("details", {}).get("items", [])
                        where = [_where(i) for i in items][:4]
                        print(f"|   | {category}: {ref['id']} {where} |", file=sys.stderr)
    finally:
        server.shutdown()


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(Path(arguments[0] if arguments else "site"), compressed="--plain" not in sys.argv)
