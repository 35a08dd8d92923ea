"""`mkdocs serve`'s own server as storyhub sets it (adapters/preview_server.py): it looks
for edits often, never while it rebuilds, and an edit made during a rebuild is not lost."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from types import SimpleNamespace

from mkdocs.livereload import LiveReloadServer
from storyhub.adapters.preview_server import GatedObserver, poll_interval, tune_server
from watchdog.events import FileSystemEvent, FileSystemEventHandler


class Seen(FileSystemEventHandler):
    def __init__(self) -> None:
        self.paths: list[str] = []
        self.arrived = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self.paths.append(str(event.src_path))
            self.arrived.set()


def test_the_server_does_not_look_while_it_builds_and_sees_the_edits_made_meanwhile(
        tmp_path: Path) -> None:
    watched = tmp_path / "stories"
    watched.mkdir()
    seen = Seen()
    during: list[list[str]] = []

    def build() -> None:  # what the server runs after an edit; someone edits meanwhile
        (watched / "new.md").write_text("title: New\n", encoding="utf-8")
        time.sleep(0.6)  # twelve looks' time
        during.append(list(seen.paths))

    docs = tmp_path / "docs"
    docs.mkdir()
    config = SimpleNamespace(docs_dir=str(docs), config_file_path=None,
                             theme=SimpleNamespace(dirs=[]))
    server = LiveReloadServer(builder=build, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        tune_server(server, config, 0.05)  # type: ignore[arg-type]
        observer = server.observer
        assert isinstance(observer, GatedObserver) and observer.timeout == 0.05
        assert server.build_delay == 0.01
        observer.schedule(seen, str(watched), recursive=True)
        observer.start()
        time.sleep(0.3)  # its first look
        server.builder()
        assert during == [[]]  # nothing looked at while the build ran
        assert seen.arrived.wait(5)  # the edit made meanwhile: seen by the next look
        assert [Path(p).name for p in seen.paths] == ["new.md"]
    finally:
        server.observer.stop()
        server.observer.join(5)
        server.server_close()


def test_a_server_set_once_is_not_set_again_and_large_hubs_are_looked_at_less_often(
        tmp_path: Path) -> None:
    config = SimpleNamespace(docs_dir=str(tmp_path), config_file_path=None,
                             theme=SimpleNamespace(dirs=[]))
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0,
                              root=str(tmp_path))
    try:
        server.watch(str(tmp_path))
        tune_server(server, config, 0.1)  # type: ignore[arg-type]
        observer, builder = server.observer, server.builder
        tune_server(server, config, 0.1)  # type: ignore[arg-type]
        assert server.observer is observer and server.builder is builder
        assert str(tmp_path) in server._watched_paths  # the docs moved to the new observer
    finally:
        server.server_close()
    assert poll_interval(50) == 0.1
    assert poll_interval(1000) == 0.3
    assert poll_interval(10_000) == 0.5
