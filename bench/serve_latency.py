"""How long `mkdocs serve` takes to show an edit: from the file write to the page served
with the change, measured like a person would see it (polling the served page).

    python bench/serve_latency.py [HUB_FOLDER] [--edits 5]
    python bench/serve_latency.py [HUB_FOLDER] --in-process [--edits 5]

HUB_FOLDER defaults to a temporary copy of the example hub. The hub is copied, never edited
in place. Prints each edit's latency and the median.

``--in-process`` measures the rebuild alone, as `mkdocs serve` runs it (config loaded again,
the plugins kept, their ``on_serve`` run after the first build), in this process: the CPU
and wall seconds of each rebuild after an edit, without the server's polling and settling.
It is what to profile, e.g.
``py-spy record -r 200 -f raw -o out.txt -- python bench/serve_latency.py --in-process``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", "replace"))
    except OSError:
        return ""


def wait_for(url: str, needle: str, timeout: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if needle in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.02)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("hub", nargs="?", type=Path, default=None)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--story", default=None, help="story file to edit (relative to hub)")
    parser.add_argument("--in-process", action="store_true",
                        help="time the rebuilds in this process, without a server")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="storyhub-serve-"))
    source = args.hub or REPO
    for name in ("mkdocs.yml", "values.yml", "tags.yml", "campaigns.yml", "stories", "people",
                 "docs", "overrides"):
        if (source / name).is_dir():
            shutil.copytree(source / name, work / name)
        elif (source / name).exists():
            shutil.copy2(source / name, work / name)
    story = work / args.story if args.story else _newest_story(work / "stories")
    text = story.read_text(encoding="utf-8")
    slug = story.stem if story.name != "index.md" else story.parent.name.split("-", 3)[-1]
    if args.in_process:
        try:
            return _in_process(work, story, text, args.edits)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # The server's log goes to a file: a pipe nobody reads fills up (64 KB) and stops it.
    log_file = (work / "serve.log").open("w", encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=log_file, text=True,
    )
    try:
        home = f"http://127.0.0.1:{port}/"
        if wait_for(home, "<html", 120) is None:
            log_file.flush()
            print("server did not start:\n" + (work / "serve.log").read_text("utf-8")[-2000:],
                  file=sys.stderr)
            return 1
        latencies = []
        for number in range(1, args.edits + 1):
            marker = _marker(number)
            edited = _retitle(text, marker)
            time.sleep(1.2)  # let the watcher settle between edits
            story.write_text(edited, encoding="utf-8")
            seconds = wait_for(f"{home}stories/{slug}/", marker, 60)
            everywhere = wait_for(f"{home}stories/", marker, 60)
            latencies.append(seconds)
            shown = f"{seconds:.2f} s" if seconds is not None else "not shown within 60 s"
            listed = "also in the listing" if everywhere is not None else "NOT in the listing"
            print(f"edit {number}: the story page shows the new title after {shown} ({listed})")
        done = [s for s in latencies if s is not None]
        if done:
            print(f"median {statistics.median(done):.2f} s over {len(done)} edits "
                  f"(story {story.relative_to(work)}, slug {slug})")
        return 0
    finally:
        server.terminate()
        server.wait(timeout=20)
        log_file.close()
        shutil.rmtree(work, ignore_errors=True)


def _in_process(work: Path, story: Path, text: str, edits: int) -> int:
    """Rebuild like `mkdocs serve` after each edit; print each rebuild's CPU and wall time."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = work / "served"
    serve_url = "http://127.0.0.1:8000/"

    def config() -> object:
        loaded = load_config(str(work / "mkdocs.yml"), site_dir=str(site))
        loaded.site_url = serve_url
        return loaded

    first = config()
    first.plugins.on_startup(command="serve", dirty=False)  # type: ignore[attr-defined]
    plugins = first.plugins  # type: ignore[attr-defined]
    build(first, serve_url=serve_url)  # type: ignore[arg-type]
    # After the first build `mkdocs serve` makes its server and runs `on_serve`: so here,
    # with a server that is never started (its socket bound, then closed).
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site))
    try:
        plugins.on_serve(server, config=first, builder=lambda: None)
    finally:
        server.server_close()
    cpu = []
    for number in range(1, edits + 1):
        story.write_text(_retitle(text, _marker(number)), encoding="utf-8")
        started, clock = time.process_time(), time.perf_counter()
        current = config()
        current.plugins = plugins  # type: ignore[attr-defined]
        build(current, serve_url=serve_url)  # type: ignore[arg-type]
        cpu.append(time.process_time() - started)
        print(f"rebuild {number}: {cpu[-1]:.2f} CPU s, {time.perf_counter() - clock:.2f} s")
    plugins.on_shutdown()
    print(f"median {statistics.median(cpu):.2f} CPU s over {edits} rebuilds "
          f"(story {story.relative_to(work)})")
    return 0


def _newest_story(folder: Path) -> Path:
    """The newest published story (no draft, no embargo): the listing's first page shows it."""
    import re

    def date(path: Path) -> str:
        found = re.search(r"^date:\s*['\"]?(\d{4}-\d{2}-\d{2})", path.read_text("utf-8"), re.M)
        return found.group(1) if found else ""

    files = [p for p in folder.rglob("*.md")
             if not re.search(r"^(draft: true|publish_at:)", p.read_text("utf-8"), re.M)]
    return max(files, key=lambda p: (date(p), str(p)))


def _marker(number: int) -> str:
    """Edit ``number``'s new title: of another length each time, as a person's edits are (an
    edit of the same length leaves every later line of the exports where it was)."""
    return f"Edited title {number} {'and again ' * number}{time.time_ns()}"


def _retitle(text: str, title: str) -> str:
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.startswith("title:"):
            lines[index] = f'title: "{title}"\n'
            break
    return "".join(lines)


if __name__ == "__main__":
    sys.exit(main())
