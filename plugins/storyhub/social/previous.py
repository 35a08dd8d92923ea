"""The previous plan: the ``calendar.json`` of the last export handed to schedulers.

A build compares its plan with it (:func:`storyhub.social.calendar.plan_calendar`): posts
that left the plan are cancelled in ``calendar.ics``, changed posts get a higher SEQUENCE,
and the re-shares know what already went out. Where it is found, first match wins:

1. ``calendar.previous`` in ``mkdocs.yml``: a file inside the hub (symbolic links
   resolved; nothing outside it is read), or an https:// address (the published site's
   ``…/snippets/calendar.json``, fetched at build time);
2. the folder being written to, when it already holds one (``storyhub snippets --out``);
3. the last built site: ``<site_dir>/<snippets.folder>/calendar.json``.

No previous file is not an error (a first build); a named one that cannot be read is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from storyhub.options.read import ConfigError, read_mkdocs_yml
from storyhub.social.calendar import SCHEMA_ID


def load_previous(source: str, *, root: Path, label: str = "calendar.previous",
                  inside: bool = True) -> dict[str, Any]:
    """A storyhub ``calendar.json`` from a file (relative to ``root``, and inside it when
    ``inside``) or an address; :class:`ConfigError` naming ``label`` when it cannot be
    read or is something else."""
    try:
        if source.startswith("https://"):
            import urllib.request  # only here: it loads http, ssl and email (about 20 ms)

            with urllib.request.urlopen(source, timeout=20) as response:
                data = json.loads(response.read().decode("utf-8"))
        else:
            path = (root / source).resolve()  # symbolic links followed, then checked
            if inside and not path.is_relative_to(root.resolve()):
                raise ConfigError(f"{label} {source}: must be a file inside the hub (or an "
                                  "https:// address): no file from outside it is read")
            data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{label} {source}: cannot read it ({exc})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA_ID:
        raise ConfigError(f"{label} {source}: not a storyhub calendar.json")
    return data


def site_calendar(config_file: Path, folder: str) -> Path:
    """Where the last built site keeps its ``calendar.json``."""
    try:
        site_dir = read_mkdocs_yml(config_file).raw.get("site_dir") or "site"
    except ConfigError:
        site_dir = "site"
    return config_file.resolve().parent / str(site_dir) / folder / "calendar.json"


def find_previous(option: str | None, *, root: Path, candidates: list[Path]
                  ) -> dict[str, Any] | None:
    """The previous plan (see the module): the option's, else the first candidate file
    that is a storyhub ``calendar.json``, else None."""
    if option:
        return load_previous(option, root=root)
    for path in candidates:
        if path.is_file():
            try:
                return load_previous(str(path), root=root, label="previous calendar")
            except ConfigError:
                continue  # not ours (or half-written): as if there were none
    return None
