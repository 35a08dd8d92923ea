"""``storyhub editor``: the web editor's configuration, and trying the editor locally.

``storyhub editor config`` writes (or, with ``--check``, compares) the Decap CMS
configuration generated from the content models, like ``storyhub schema`` does for the
JSON Schemas. ``storyhub editor serve`` runs ``mkdocs serve`` and Decap's local proxy
(``decap-server``, from npm) on 127.0.0.1, so /admin/ writes to the working copy.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from storyhub.cli.args import add_config_file
from storyhub.editor.config import editor_config, render
from storyhub.editor.site import PROXY_ENV, editor_settings
from storyhub.options.read import read_mkdocs_yml
from storyhub.pipeline import Pipeline

DEFAULT_OUT = Path("schemas/editor-config.yml")


def _settings(config_file: Path, **kwargs: Any) -> Any:
    pipeline = Pipeline.from_config_file(config_file)
    settings = pipeline.settings
    raw = read_mkdocs_yml(config_file).raw
    # the people who may be named give the sign-off fields (a date each), as in the site's
    # admin/config.yml; what cannot be read is left out here and reported by storyhub check
    people = list(pipeline.hub.people.values()) if settings.root.is_dir() else []
    return settings, editor_settings(
        language=settings.language, repo_url=raw.get("repo_url") or None,
        site_url=settings.site_url, config_dir=config_file.resolve().parent,
        content_root=settings.root, options=settings.options.editor, people=people,
        media_max_bytes=settings.options.publish.media_max_bytes, **kwargs,
    )


def cmd_config(args: argparse.Namespace) -> int:
    _, settings = _settings(args.config_file)
    text = render(editor_config(settings))
    out: Path = args.out
    if args.check:
        if not out.is_file() or out.read_text(encoding="utf-8") != text:
            print(f"{out}: out of date — run storyhub editor config --out {out}")
            return 1
        return 0
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8", newline="\n")
    print(f"Wrote {out}")
    return 0


def find_decap_server(config_dir: Path, given: str | None) -> str | None:
    """``--decap-server``, else the copy scripts/test.sh installs into .cache/tools, else
    ``decap-server`` on the PATH."""
    if given:
        return given
    for base in (config_dir, Path.cwd(), Path(__file__).resolve().parents[3]):
        candidate = base / ".cache/tools/node_modules/.bin/decap-server"
        if candidate.is_file():
            return str(candidate)
    return shutil.which("decap-server")


def wait_for_port(port: int, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            probe.settimeout(0.3)
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.1)
    return False


def cmd_serve(args: argparse.Namespace) -> int:
    config_file: Path = args.config_file.resolve()
    # read by storyhub first (the usual errors, exit 2): MkDocs' serve reads it with a loader
    # that runs a !!python tag, and imports hooks, before any plugin could refuse them
    pipeline = Pipeline.from_config_file(config_file)
    pipeline.refuse_site_links(pipeline.docs_dir or config_file.parent / "docs",
                               pipeline.settings.overrides)
    repo = config_file.parent
    server = find_decap_server(repo, args.decap_server)
    if server is None:
        print("storyhub editor: decap-server not found. Install it once with\n"
              "  npm install --prefix .cache/tools decap-server\n"
              "(or pass --decap-server PATH)", file=sys.stderr)
        return 2
    env = {**os.environ, "PORT": str(args.proxy_port), "BIND_HOST": "127.0.0.1",
           "MODE": "fs", "GIT_REPO_DIRECTORY": str(repo), "LOG_LEVEL": "warn"}
    proxy = subprocess.Popen([server], env=env, cwd=repo)

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        if not wait_for_port(args.proxy_port) or proxy.poll() is not None:
            print(f"storyhub editor: decap-server did not start on 127.0.0.1:{args.proxy_port}",
                  file=sys.stderr)
            return 2
        os.environ[PROXY_ENV] = f"http://127.0.0.1:{args.proxy_port}/api/v1"
        print(f"storyhub editor: the editor is at http://127.0.0.1:{args.port}/admin/ and "
              f"writes to {repo}; the preview at http://127.0.0.1:{args.port}/ "
              "(Ctrl+C stops both)", file=sys.stderr, flush=True)
        from mkdocs.commands.serve import serve

        with contextlib.suppress(KeyboardInterrupt):
            serve(config_file=str(config_file), dev_addr=f"127.0.0.1:{args.port}",
                  livereload=True)
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        proxy.terminate()
        try:
            proxy.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proxy.kill()
            proxy.wait()


def add_editor(commands: Any) -> None:
    """Register ``storyhub editor config|serve``."""
    editor = commands.add_parser(
        "editor", help="the web editor (/admin/): its configuration, or try it locally",
        description="The Decap CMS editor at /admin/. 'config' writes its configuration, "
        "generated from the content model; 'serve' runs the preview and Decap's local proxy "
        "on 127.0.0.1, writing to this working copy.",
    )
    kinds = editor.add_subparsers(dest="editor_command", required=True, metavar="COMMAND")
    config = kinds.add_parser("config", help="write the generated admin configuration")
    serve = kinds.add_parser("serve", help="preview the hub with the editor writing here")
    for sub in (config, serve):
        add_config_file(sub)
    config.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help=f"file to write (default: {DEFAULT_OUT})")
    config.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if --out is out of date")
    config.set_defaults(func=cmd_config)
    serve.add_argument("--port", type=int, default=8000, help="preview port (default 8000)")
    serve.add_argument("--proxy-port", type=int, default=8081,
                       help="decap-server port (default 8081)")
    serve.add_argument("--decap-server", help="path of the decap-server command")
    serve.set_defaults(func=cmd_serve)
