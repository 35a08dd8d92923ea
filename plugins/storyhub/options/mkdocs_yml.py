"""Read the ``storyhub`` plugin options from ``mkdocs.yml`` without importing MkDocs.

The command line uses this so that ``storyhub check`` sees exactly the settings
the build sees. Tags MkDocs understands (``!ENV``, ``!!python/name:``) are read
leniently: only the few top-level keys storyhub needs are used.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


class HubConfigError(Exception):
    """The configuration file is missing or unreadable."""


class _LenientLoader(yaml.SafeLoader):
    pass


def _env(loader: _LenientLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    else:
        names = [str(v) for v in loader.construct_sequence(node)]  # type: ignore[arg-type]
    default = names.pop() if len(names) > 1 else None
    for name in names:
        if name in os.environ:
            return os.environ[name]
    return default


def _ignore(loader: _LenientLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_LenientLoader.add_constructor("!ENV", _env)
_LenientLoader.add_multi_constructor("!", _ignore)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore)


@dataclass
class HubConfig:
    root: Path
    site_name: str = "Our stories"
    site_url: str | None = None
    language: str = "en"
    options: dict[str, Any] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)


def read_hub_config(config_file: Path) -> HubConfig:
    if not config_file.is_file():
        raise HubConfigError(
            f"{config_file} not found: run storyhub from the hub's folder "
            "or pass -f path/to/mkdocs.yml"
        )
    try:
        raw = yaml.load(config_file.read_text(encoding="utf-8-sig"), Loader=_LenientLoader) or {}
    except yaml.YAMLError as exc:
        raise HubConfigError(f"{config_file} is not valid YAML: {exc}") from None
    if not isinstance(raw, dict):
        raise HubConfigError(f"{config_file} must be a YAML mapping")
    options: dict[str, Any] = {}
    for entry in raw.get("plugins") or []:
        if isinstance(entry, dict) and "storyhub" in entry:
            options = dict(entry["storyhub"] or {})
    if isinstance(raw.get("plugins"), dict):
        options = dict(raw["plugins"].get("storyhub") or {})
    root = config_file.resolve().parent
    if options.get("content_dir"):
        root = (root / str(options["content_dir"])).resolve()
    theme = raw.get("theme") or {}
    language = str(theme.get("language") or "en") if isinstance(theme, dict) else "en"
    return HubConfig(
        root=root,
        site_name=str(raw.get("site_name") or "Our stories"),
        site_url=raw.get("site_url") or None,
        language=language,
        options=options,
        raw=raw,
    )
