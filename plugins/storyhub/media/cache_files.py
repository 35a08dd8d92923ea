"""Files kept in ``.cache/storyhub/``, each sealed with its content hash.

A cache file is only ever used after its bytes have been checked against the SHA-256
written beside it (``<name>.sha256``) when storyhub made it: a file damaged on disk (a
disk error, a killed copy, an edit, a pull request that commits ``.cache/``) is never
published nor trusted; the caller makes it again and says so, naming the file. Outputs
are always copies of cache files, never links to them, so a deploy step that edits the
site cannot edit the cache.

One mechanism for every cache: re-encoded images and their responsive versions
(:mod:`storyhub.media.images`), share images (:mod:`storyhub.media.cards`) and the
snippets exports (:mod:`storyhub.outputs.social`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from pathlib import Path

SEAL = ".sha256"
log = logging.getLogger("mkdocs.plugins.storyhub")


def seal_path(path: Path) -> Path:
    return path.with_name(path.name + SEAL)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_sealed(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` and its seal, each atomically (the seal last: a file
    whose seal is missing or stale is never used). False when the folder cannot be
    written (a read-only checkout still builds, only without a lasting cache)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _atomic(path, data)
        _atomic(seal_path(path), digest(data).encode("ascii"))
    except OSError:
        return False
    return True


def _atomic(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".tmp-{os.getpid()}-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def check_sealed(path: Path, data: bytes) -> bool | None:
    """Do ``data`` (read from ``path``) match the seal? ``None`` when there is no seal."""
    try:
        recorded = seal_path(path).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return recorded == digest(data)


def read_sealed(path: Path, *, what: str, source: str = "") -> bytes | None:
    """The bytes of the cache file ``path`` if they are what storyhub wrote; ``None`` if
    it is absent, unsealed (an older cache) or damaged — damaged ones are reported with a
    warning naming the cache file and what it is made again from (``source``)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    sealed = check_sealed(path, data)
    if sealed is None:
        return None
    if not sealed:
        report_damaged(path, what=what, source=source)
        return None
    return data


def report_damaged(path: Path, *, what: str, source: str = "") -> None:
    again = f" from {source}" if source else ""
    log.warning(f"storyhub: the cached {what} {path} is damaged (its content does not match "
                f"the hash storyhub recorded): not used, made again{again}")


def copy_out(source: Path, target: Path) -> None:
    """Copy a cache file into the site: a copy, never a link (see the module's note)."""
    if target.is_symlink() or target.exists():
        target.unlink()
    try:
        shutil.copyfile(source, target)
    except OSError as exc:  # name the file that could not be written, not the cache's
        raise OSError(exc.errno, exc.strerror, str(target)) from None
