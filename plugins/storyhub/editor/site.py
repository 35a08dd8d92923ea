"""What the web editor adds to a site, and the page the preview shows while content is broken.

No MkDocs here: the adapter asks :func:`admin_files` for the files of ``/admin/`` and
adds them to the build, and writes :func:`preview_error_page` when ``mkdocs serve``
meets content errors. ``admin/`` holds the pinned Decap CMS bundle shipped inside this
package (``vendor/decap-cms/``, refreshed by ``scripts/vendor_decap.py``), its licence,
``storyhub-admin.js`` and the generated ``config.yml``: nothing is fetched from another
server.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from storyhub.editor.config import EditorSettings, editor_config, render
from storyhub.editor.labels import page_words
from storyhub.options.model import EditorOptions

HERE = Path(__file__).parent
VENDOR = HERE / "vendor" / "decap-cms"
ADMIN_SCRIPT = HERE / "storyhub-admin.js"
ADMIN_DIR = "admin"
#: set by ``storyhub editor`` for ``mkdocs serve``: the local proxy's API address
PROXY_ENV = "STORYHUB_EDITOR_PROXY"
DEFAULT_PROXY = "http://localhost:8081/api/v1"
#: written beside the preview error page; the page reloads once it is gone
BROKEN_MARKER = "storyhub-preview-error.txt"


@dataclass(frozen=True)
class AdminFile:
    uri: str  # path in the site, e.g. admin/config.yml
    src: Path | None = None
    content: str | None = None


def vendor_manifest() -> dict[str, Any]:
    return json.loads((VENDOR / "manifest.json").read_text(encoding="utf-8"))


def editor_settings(*, language: str, repo_url: str | None, site_url: str | None,
                    config_dir: Path, content_root: Path, options: EditorOptions,
                    serving: bool = False, values: list[Any] | tuple[Any, ...] = (),
                    people: list[Any] | tuple[Any, ...] = (),
                    media_max_bytes: int = 50_000_000) -> EditorSettings:
    """The settings both the build and ``storyhub editor config`` use."""
    try:
        prefix = content_root.resolve().relative_to(config_dir.resolve()).as_posix()
    except ValueError:
        prefix = ""
    backend = options.backend
    return EditorSettings(
        language=language,
        repo_url=repo_url,
        site_url=site_url,
        content_prefix="" if prefix == "." else prefix,
        backend=dict(backend) if isinstance(backend, Mapping) else {},
        local_proxy=(os.environ.get(PROXY_ENV) or DEFAULT_PROXY) if serving else None,
        prompts=[(value.name, prompt) for value in values for prompt in value.prompts],
        people=[(person.id, person.name) for person in
                sorted(people, key=lambda p: (p.name.casefold(), p.id))],
        media_max_bytes=media_max_bytes,
    )


def admin_index(site_name: str, language: str) -> str:
    words = page_words(language)
    version = vendor_manifest()["version"]
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{escape(words['admin_title'].format(site=site_name))}</title>\n"
        '<link href="config.yml" type="text/yaml" rel="cms-config-url">\n'
        "</head>\n<body>\n"
        f"<noscript>{escape(words['noscript'])}</noscript>\n"
        f"<!-- Decap CMS {escape(version)} (MIT, see decap-cms/LICENSE), vendored from npm -->\n"
        '<script src="decap-cms/decap-cms.js"></script>\n'
        '<script src="storyhub-admin.js"></script>\n'
        "</body>\n</html>\n"
    )


def admin_files(settings: EditorSettings, site_name: str) -> list[AdminFile]:
    """The files of ``/admin/`` made for this hub: the page, the configuration, our script.
    The vendored bundle is copied by :func:`copy_vendor`."""
    return [
        AdminFile(f"{ADMIN_DIR}/index.html", content=admin_index(site_name, settings.language)),
        AdminFile(f"{ADMIN_DIR}/config.yml", content=render(editor_config(settings))),
        AdminFile(f"{ADMIN_DIR}/storyhub-admin.js", src=ADMIN_SCRIPT),
    ]


def copy_vendor(site_dir: Path) -> list[Path]:
    """Copy the pinned Decap CMS bundle to ``admin/decap-cms/``. The adapter does this after
    the leak scan: these bytes are npm's (``manifest.json`` holds their SHA-256, checked by
    a test), so they cannot hold hub content, and scanning 6.5 MB of JavaScript on every
    build would cost seconds."""
    target = site_dir / ADMIN_DIR / "decap-cms"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name in sorted(vendor_manifest()["files"]):
        shutil.copyfile(VENDOR / name, target / name)
        written.append(target / name)
    return written


def preview_error_page(problems: list[str], language: str, mount: str = "/", *,
                       leaks: bool = False) -> str:
    """A standalone page listing the content problems (``leaks``: the traces of unpublished
    content the leak scan found); it reloads when they are fixed (it polls for
    :data:`BROKEN_MARKER`, which only a broken build writes)."""
    words = page_words(language)
    if leaks:
        words = {**words, "preview_title": words["preview_leak_title"],
                 "preview_intro": words["preview_leak_intro"]}
    marker = json.dumps(mount.rstrip("/") + "/" + BROKEN_MARKER)
    items = "\n".join(f"<li><code>{escape(line)}</code></li>" for line in problems)
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        f"<title>{escape(words['preview_title'].format(count=len(problems)))}</title>\n"
        "<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;"
        "padding:0 1rem;color:#1b1b1b}h1{font-size:1.4rem;color:#a30000}"
        "li{margin:.4rem 0}code{white-space:pre-wrap;word-break:break-word}</style>\n"
        "</head>\n<body>\n<main>\n"
        f'<h1 id="storyhub-preview-error">'
        f"{escape(words['preview_title'].format(count=len(problems)))}</h1>\n"
        f"<p>{escape(words['preview_intro'])}</p>\n"
        f'<ul id="storyhub-problems">\n{items}\n</ul>\n</main>\n'
        "<script>\n(function () {\n"
        f"  var marker = {marker};\n"
        "  function poll() {\n"
        "    fetch(marker, {cache: 'no-store'}).then(function (response) {\n"
        "      if (response.status === 404) { location.reload(); }\n"
        "      else { setTimeout(poll, 700); }\n"
        "    }, function () { setTimeout(poll, 1500); });\n"
        "  }\n  setTimeout(poll, 700);\n})();\n</script>\n"
        "</body>\n</html>\n"
    )


def write_preview_error(site_dir: Path, problems: list[str], language: str,
                        mount: str = "/", *, leaks: bool = False) -> None:
    """Write the error page as the home page and as the 404 page (which ``mkdocs serve``
    answers for every other address), and the marker the page polls."""
    page = preview_error_page(problems, language, mount, leaks=leaks)
    site_dir.mkdir(parents=True, exist_ok=True)
    for name in _ERROR_PAGES:
        (site_dir / name).write_text(page, encoding="utf-8")
    (site_dir / BROKEN_MARKER).write_text("\n".join(problems) + "\n", encoding="utf-8")


def remove_preview_error(site_dir: Path) -> None:
    """Delete what :func:`write_preview_error` wrote."""
    for name in (*_ERROR_PAGES, BROKEN_MARKER):
        (site_dir / name).unlink(missing_ok=True)


_ERROR_PAGES = ("index.html", "404.html")
