"""Shared fixtures: write small hubs into temporary folders and build them for real."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import sys
import textwrap
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
REPO = Path(__file__).resolve().parent.parent

VALUES = [
    {
        "id": "craft",
        "name": "Craft",
        "description": "We do things properly.",
        "color": "#b5651d",
        "hashtags": ["craftsmanship"],
        "prompts": ["When did you slow down?"],
    },
    {"id": "care", "name": "Care", "description": "We look after each other.", "color": "#c0395a"},
    {"id": "courage", "name": "Courage", "description": "We say what we think."},
]

CONSENT_ALL = {"name": True, "photo": True, "quotes": True, "social": True, "date": "2025-01-15"}


def person_text(
    name: str, team: str = "Production", role: str = "Baker", extra: str = "", bio: str = "A bio."
) -> str:
    return (
        f"---\nname: {name}\nrole: {role}\nteam: {team}\n{extra}"
        "consent:\n  name: true\n  photo: true\n  quotes: true\n  social: true\n"
        f"  date: 2025-01-15\n---\n{bio}\n"
    )


def story_text(
    title: str,
    date: str = "2025-03-14",
    people: str = "[giulia]",
    values: str = "[craft]",
    summary: str = "A short summary.",
    extra: str = "",
    body: str = "The story body.",
) -> str:
    return (
        f"---\ntitle: {title}\ndate: {date}\npeople: {people}\nvalues: {values}\n"
        f"summary: {summary}\n{extra}---\n{body}\n"
    )


@dataclass
class Hub:
    """A hub folder under tmp_path, with helpers to change it and build it."""

    root: Path

    def write(self, relative: str, content: str | bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(
                textwrap.dedent(content) if content.startswith("\n") else content, encoding="utf-8"
            )
        return path

    def config(self, **plugin_options: Any) -> Path:
        """(Re)write mkdocs.yml with the given storyhub options."""
        data = yaml.safe_load((self.root / "mkdocs.yml").read_text(encoding="utf-8"))
        data["plugins"] = ["search", {"storyhub": plugin_options} if plugin_options else "storyhub"]
        (self.root / "mkdocs.yml").write_text(
            yaml.safe_dump(data, sort_keys=False), encoding="utf-8"
        )
        return self.root / "mkdocs.yml"

    def set(self, **top_level: Any) -> None:
        data = yaml.safe_load((self.root / "mkdocs.yml").read_text(encoding="utf-8"))
        data.update(top_level)
        (self.root / "mkdocs.yml").write_text(
            yaml.safe_dump(data, sort_keys=False), encoding="utf-8"
        )

    def build(self, *, strict: bool = True, site: str = "site") -> Path:
        """Build in-process with MkDocs; raise on failure."""
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        with own_plugins():
            config = load_config(
                str(self.root / "mkdocs.yml"), site_dir=str(self.root / site), strict=strict
            )
            build(config)
        return self.root / site

    def mkdocs(
        self, *args: str, env: dict[str, str] | None = None, process: bool = False
    ) -> subprocess.CompletedProcess[str]:
        """Run the `mkdocs` command line in the hub folder (see :meth:`command`)."""
        return self.command("mkdocs", "mkdocs", args, env=env, process=process)

    def storyhub(
        self, *args: str, input: str | None = None, env: dict[str, str] | None = None,
        process: bool = False,
    ) -> subprocess.CompletedProcess[str]:
        """Run the `storyhub` command line in the hub folder (see :meth:`command`)."""
        return self.command("storyhub", "storyhub.cli.main", args, input=input, env=env,
                            process=process)

    def command(
        self, program: str, module: str, args: tuple[str, ...], *, input: str | None = None,
        env: dict[str, str] | None = None, process: bool = False,
    ) -> subprocess.CompletedProcess[str]:
        """``program`` run in the hub folder: in this process (:func:`run_cli`: what its
        console script calls, with this folder, environment, stdin, stdout and stderr), or
        with ``process`` a new Python process running ``module`` (a start of its own: about
        half a second more a call, ~150 calls in the suite)."""
        if not process:
            return run_cli(list(args), cwd=self.root, input=input, env=env or {},
                           program=program)
        return subprocess.run(
            [sys.executable, "-m", module, *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            input=input,
            env={**os.environ, **(env or {})},
            check=False,
        )


def run_cli(args: list[str], *, cwd: Path, input: str | None = None,
            env: dict[str, str] | None = None, program: str = "storyhub"
            ) -> subprocess.CompletedProcess[str]:
    """``storyhub.cli.main.main(args)`` (or with ``program="mkdocs"`` MkDocs' click command)
    as a command would run it: in ``cwd``, with ``env`` added to the environment, ``input``
    on stdin, its stdout and stderr captured, its exit status returned; log records no
    handler takes are printed on stderr, as Python's last-resort handler does in a process
    of its own (pytest's handlers are set aside; what MkDocs' command sets on its loggers
    and on warnings is undone afterwards)."""
    import io

    if program == "mkdocs":
        from mkdocs.__main__ import cli

        def main(arguments: list[str]) -> Any:
            return cli.main(args=arguments, prog_name="mkdocs", standalone_mode=True)
    else:
        from storyhub.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    saved_env = dict(os.environ)
    root = logging.getLogger()
    saved_handlers, saved_last = root.handlers[:], logging.lastResort
    engine, engine_build = logging.getLogger("mkdocs"), logging.getLogger("mkdocs.commands.build")
    saved_engine = engine.handlers[:], engine.level, engine.propagate, engine_build.filters[:]
    last = logging.StreamHandler(err)
    last.setLevel(logging.WARNING)
    os.environ.update(env or {})
    root.handlers[:] = []
    logging.lastResort = last
    try:
        # (MkDocs' command also filters repeated messages and sets how warnings show)
        with contextlib.chdir(cwd), contextlib.redirect_stdout(out), \
                contextlib.redirect_stderr(err), warnings.catch_warnings():
            saved_stdin, sys.stdin = sys.stdin, io.TextIOWrapper(
                io.BytesIO((input or "").encode("utf-8")), encoding="utf-8")
            try:
                code: Any = main(args)
            except SystemExit as exc:  # argparse: usage errors, --help, --version
                code = exc.code
            finally:
                sys.stdin = saved_stdin
    finally:
        root.handlers[:] = saved_handlers
        logging.lastResort = saved_last
        engine.handlers[:], engine.level, engine.propagate, engine_build.filters[:] = (
            saved_engine)
        os.environ.clear()
        os.environ.update(saved_env)
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=err)
        code = 1
    return subprocess.CompletedProcess([program, *args], code, out.getvalue(),
                                       err.getvalue())


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The browser tests first (``*_browser.py``; order kept otherwise): they are the longest
    files, and pytest-xdist (``--dist loadfile --no-loadscope-reorder``, scripts/test.sh)
    hands files out in this order, so no worker is left running one alone at the end."""
    items.sort(key=lambda item: not item.nodeid.split("::")[0].endswith("_browser.py"))


@pytest.fixture
def hub(tmp_path: Path) -> Hub:
    """A small valid hub: 3 values, 2 people, 2 stories."""
    return make_hub(tmp_path)


def make_hub(tmp_path: Path) -> Hub:
    """The ``hub`` fixture's hub under ``tmp_path`` (for module-scoped fixtures)."""
    root = tmp_path / "hub"
    root.mkdir()
    h = Hub(root)
    h.write("values.yml", yaml.safe_dump(VALUES, sort_keys=False, allow_unicode=True))
    h.write("people/giulia.md", person_text("Giulia Ferri", bio="Giulia bakes at night."))
    h.write("people/marco.md", person_text("Marco Bianchi", team="Customer Care", role="Agent"))
    h.write(
        "stories/first-oven.md",
        story_text("The first oven", date="2024-05-01", summary="How it started."),
    )
    h.write(
        "stories/night-shift.md",
        story_text("Night shift", people="[giulia, marco]", values="[craft, care]"),
    )
    h.write("docs/index.md", "Welcome to our stories.\n")
    h.write(
        "mkdocs.yml",
        yaml.safe_dump(
            {
                "site_name": "Test hub",
                "site_url": "https://stories.example.com/",
                "theme": {"name": "material", "font": False},
                "plugins": ["search", "storyhub"],
            },
            sort_keys=False,
        ),
    )
    return h


#: What a copy of the repository's example hub is made of (its files and folders).
EXAMPLE_FILES = ("values.yml", "tags.yml", "campaigns.yml", "mkdocs.yml")
EXAMPLE_DIRS = ("people", "stories", "docs", "overrides")


#: storyhub's cache of the shared example build (re-encoded photos, share images), once
#: :func:`example_site` has made it in this process
_EXAMPLE_CACHE: list[Path] = []


def copy_example(root: Path, *, dirs: tuple[str, ...] = EXAMPLE_DIRS) -> Hub:
    """A copy of the repository's example hub in ``root`` (made if missing). Once the
    shared example site is built, the copy starts with its cache, as a hub's second build
    would (the images are made once per test run, not once per copy: about 10 s each)."""
    root.mkdir(parents=True, exist_ok=True)
    for name in EXAMPLE_FILES:
        if (REPO / name).exists():
            shutil.copy2(REPO / name, root / name)
    for name in dirs:
        if (REPO / name).exists():
            shutil.copytree(REPO / name, root / name)
    for cache in _EXAMPLE_CACHE:  # (a file another test's build replaces may go meanwhile)
        shutil.copytree(cache, root / ".cache" / "storyhub", dirs_exist_ok=True,
                        copy_function=_copy_if_there)
    return Hub(root)


def _copy_if_there(source: str, target: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        shutil.copy2(source, target)


#: "now" for the shared example site: 2026-12-01, every dated example story in the past
EXAMPLE_EPOCH = "1796083200"


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's example hub built once per test run, for the tests that only read
    it (its folder's parent is the hub: ``example_site.parent``). Never change it.

    Built once for all of pytest-xdist's workers: the first to need it builds it in their
    shared temporary folder while the others wait (one build on an idle machine draws its
    images with both cores)."""
    import fcntl

    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    hub = Hub(shared / "example-site" / "example")
    site = hub.root / "site"
    with (shared / "example-site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not (shared / "example-site" / "built").exists():
            shutil.rmtree(shared / "example-site", ignore_errors=True)
            copy_example(hub.root)
            before = os.environ.get("SOURCE_DATE_EPOCH")
            os.environ["SOURCE_DATE_EPOCH"] = EXAMPLE_EPOCH  # the same site whatever day
            try:
                hub.build(strict=True)  # a warning fails it (test_site.py relies on it)
            finally:
                if before is None:
                    del os.environ["SOURCE_DATE_EPOCH"]
                else:
                    os.environ["SOURCE_DATE_EPOCH"] = before
            (shared / "example-site" / "built").touch()
    _EXAMPLE_CACHE[:] = [hub.root / ".cache" / "storyhub"]
    return site


@contextlib.contextmanager
def serving(folder: Path, handler: Any = None) -> Iterator[str]:
    """``folder`` served on a free loopback port for as long as the block runs (quietly;
    ``handler``: a ``SimpleHTTPRequestHandler`` class of one's own): its address."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request: Any, client_address: Any) -> None:
            import sys

            if not isinstance(sys.exc_info()[1], ConnectionError):
                super().handle_error(request, client_address)
            # (a browser that drops a connection it no longer needs: nothing to report)

    server = Server(("127.0.0.1", 0), functools.partial(handler or Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def own_plugins() -> Iterator[None]:
    """Configurations loaded meanwhile get plugin instances of their own. MkDocs keeps one
    instance of each plugin with ``on_startup`` per process (for `mkdocs serve`): without
    this, a build made while a test previews would be made by the preview's plugin, with
    its kept pages and exports, and compare the preview with itself."""
    from mkdocs.config.defaults import MkDocsConfig

    cache = MkDocsConfig.plugins.plugin_cache
    saved = dict(cache)
    cache.clear()
    try:
        yield
    finally:
        cache.clear()
        cache.update(saved)


@contextlib.contextmanager
def previewing(hub: Hub, site: Path, *, dirty: bool = False) -> Iterator[Callable[[], Path]]:
    """Builds of ``hub`` into ``site`` as `mkdocs serve` makes them (``dirty``: as `mkdocs
    serve --dirty` does): the config loaded again for every rebuild, the plugin instance
    kept (MkDocs keeps plugins that define on_startup). Yields the rebuild function;
    ``rebuild.plugin`` is storyhub's plugin."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    first = load_config(str(hub.root / "mkdocs.yml"), site_dir=str(site))
    first.plugins.on_startup(command="serve", dirty=dirty)
    plugins = first.plugins

    def rebuild() -> Path:
        config = load_config(str(hub.root / "mkdocs.yml"), site_dir=str(site))
        config.plugins = plugins
        build(config, serve_url="http://127.0.0.1:8000/", dirty=dirty)
        return site

    rebuild.plugin = plugins["storyhub"]  # type: ignore[attr-defined]
    try:
        yield rebuild
    finally:
        plugins.on_startup(command="build", dirty=False)


#: Debian's Chromium, which the browser tests drive through Playwright
CHROMIUM = Path("/usr/bin/chromium")
#: its command line: no sandbox (tests run as root in CI), no GPU, no background traffic
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for a test process (each pytest-xdist worker starts its own the
    first time a test needs it): starting Playwright and a browser costs about two seconds
    of CPU, and the suite's browser tests used to start twenty. Playwright's synchronous
    API allows one at a time in a thread, so every browser test uses this (through
    :func:`browser`): tests keep apart by their own contexts (cookies, storage, cache)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="module")
def browser(chromium: Any) -> Iterator[Any]:
    """The process's Chromium for a test module; the contexts and pages the module opened
    and left open are closed when it ends (a page left running could keep using CPU)."""
    yield chromium
    for context in chromium.contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_url() -> Iterator[str]:
    """axe-core (npm, in .cache/tools) served on a loopback port of its own: pages load it
    from there as a script, which the browser compiles once and keeps (its text injected
    into each page was parsed again every time: about a fifth of a second a page)."""
    with serving(REPO / ".cache/tools/node_modules/axe-core") as address:
        yield address + "axe.min.js"


@pytest.fixture(scope="session")
def served_example(example_site: Path) -> Iterator[str]:
    """The built example hub served on a loopback port, for the browser tests."""
    with serving(example_site) as address:
        yield address


@pytest.fixture
def example_hub(tmp_path: Path) -> Hub:
    """A copy of the repository's example hub."""
    return copy_example(tmp_path / "example")


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def mkdocs_warnings() -> Iterator[Callable[[], list[str]]]:
    """Collect warnings MkDocs and plugins log during in-process builds."""
    collector = _WarningCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        yield lambda: [r.getMessage() for r in collector.records]
    finally:
        logger.removeHandler(collector)


def image_bytes(fmt: str = "JPEG", size: tuple[int, int] = (16, 12), color: str = "orange",
                **save: Any) -> bytes:
    """A real, small image file's bytes (images are checked by content)."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, fmt, **save)
    return out.getvalue()


def read(site: Path, relative: str) -> str:
    return (site / relative).read_text(encoding="utf-8")


def all_output_text(site: Path) -> Iterator[tuple[Path, str]]:
    """Every file of a built site as text (binary files decoded leniently)."""
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                import gzip

                data = gzip.decompress(data)
            yield path, data.decode("utf-8", errors="replace")


def run_core(root: Path, **settings: Any) -> Any:
    """The core's check step on a hub folder, with default options (no mkdocs.yml read)."""
    from storyhub.pipeline import Pipeline

    pipeline = Pipeline.from_options({}, config_file=root / "mkdocs.yml", **settings)
    pipeline.check()
    return pipeline
