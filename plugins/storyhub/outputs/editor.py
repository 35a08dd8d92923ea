"""The web editor's pinned bundle (Decap CMS, npm's checksummed bytes) under ``admin/``,
copied after the leak scan: it holds no hub content. The admin page and its generated
configuration are planned with the site's files (:meth:`Pipeline.editor_files`)."""

from __future__ import annotations

from pathlib import Path

from storyhub.outputs.base import Build, Output, Target


def _write(build: Build, target: Target) -> list[Path]:
    from storyhub.editor.site import ADMIN_DIR, VENDOR, copy_vendor, vendor_manifest

    kept = target.kept
    if kept is not None:
        folder = target.site_dir / ADMIN_DIR / "decap-cms"
        pairs = [(str(VENDOR / n), str(folder / n)) for n in vendor_manifest()["files"]]
        if all(kept.unchanged_copy(src, dest) for src, dest in pairs):
            return []
    return copy_vendor(target.site_dir)


OUTPUT = Output(
    "editor",
    reads=("editor.enabled",),
    writes=("admin/decap-cms/",),
    write=_write,
    wanted=lambda build: bool(build.settings.options.editor.enabled),
    after_scan=True,
)
