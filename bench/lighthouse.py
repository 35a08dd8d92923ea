"""Lighthouse on a phone profile (its default: Moto G class device, slow 4G) for the home
page, a story and the story listing of a built site, with Debian's chromium.

    npm install --no-save --prefix .cache/lighthouse lighthouse   # once
    mkdocs build && python bench/lighthouse.py site/

Serves the folder on localhost (gzip off, like a plain static host) and prints the four
category scores per page. Not part of the test suite.
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
PAGES = {"home": "", "story": "stories/the-repair-counter/", "listing": "stories/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main(site: Path) -> None:
    handler = functools.partial(_Quiet, directory=str(site))
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
            for ref in data["categories"]["accessibility"]["auditRefs"]:
                audit = data["audits"][ref["id"]]
                if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                    items = audit.get("details", {}).get("items", [])
                    where = [i.get("node", {}).get("selector", "") for i in items][:4]
                    print(f"|   | accessibility: {ref['id']} {where} |", file=sys.stderr)
    finally:
        server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
