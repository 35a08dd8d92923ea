"""The ``snippets:`` and ``cards:`` options of the ``storyhub`` plugin, read and checked.

Both the MkDocs plugin and the command line hand the raw mappings from
``mkdocs.yml`` here, so they always agree on defaults and on what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from storyhub.text.networks import NETWORK_IDS

DEFAULT_UTM = {
    "utm_source": "{network}",
    "utm_medium": "social",
    "utm_campaign": "{slug}",
    "utm_content": "v{variant}",
}
_PLACEHOLDERS = {"network", "slug", "variant"}


class OptionError(ValueError):
    """A ``snippets``/``cards`` option in mkdocs.yml is wrong; the message says how."""


@dataclass(frozen=True)
class SnippetOptions:
    enabled: bool = True
    networks: tuple[str, ...] = NETWORK_IDS
    #: query parameters added to shared links; empty: no UTM parameters
    utm: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_UTM))
    mastodon_limit: int = 500
    #: folder of the site (and of `storyhub snippets --out`) the page and exports go to
    folder: str = "snippets"
    #: how many of the newest stories the snippets page shows (0: all); exports hold all
    page_stories: int = 100


@dataclass(frozen=True)
class CardOptions:
    enabled: bool = True
    #: font files (TTF/OTF), relative to the hub root; default: the bundled DejaVu Sans
    font: str | None = None
    font_bold: str | None = None
    #: company logo (PNG with transparency works best), relative to the hub root
    logo: str | None = None
    background: str | None = None  # default: the story's first value colour
    text_color: str = "#ffffff"
    accent: str = "#1b1b1b"
    jpeg_quality: int = 85
    #: processes drawing cards when many are missing (1: draw in the build process)
    workers: int = 2


def _mapping(raw: Any, name: str) -> dict[str, Any]:
    if raw is None or raw is True:
        return {}
    if raw is False:
        return {"enabled": False}
    if isinstance(raw, Mapping):
        return dict(raw)
    raise OptionError(f"storyhub option '{name}' must be a mapping (or true/false), "
                      f"not {raw!r}")


def _unknown(data: dict[str, Any], known: set[str], name: str) -> None:
    from storyhub.diagnostics.core import did_you_mean

    for key in data:
        if key not in known:
            close = did_you_mean(str(key), known)
            listed = ", ".join(sorted(known))
            hint = f" — did you mean '{close}'?" if close else f" (known: {listed})"
            raise OptionError(f"unknown storyhub option '{name}.{key}'{hint}")


def _bool(data: dict[str, Any], key: str, name: str, default: bool) -> bool:
    value = data.get(key, default)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise OptionError(f"storyhub option '{name}.{key}' must be true or false, not {value!r}")
    return value


def _int(data: dict[str, Any], key: str, name: str, default: int, low: int, high: int) -> int:
    value = data.get(key, default)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise OptionError(
            f"storyhub option '{name}.{key}' must be a whole number from {low} to {high}, "
            f"not {value!r}"
        )
    return value


def _color(data: dict[str, Any], key: str, default: str | None) -> str | None:
    value = data.get(key, default)
    if value is None:
        return default
    if not isinstance(value, str) or not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise OptionError(f"storyhub option 'cards.{key}' must be a colour \"#rrggbb\" "
                          f"(in quotes), not {value!r}")
    return value.lower()


def _text(data: dict[str, Any], key: str, name: str) -> str | None:
    value = data.get(key)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise OptionError(f"storyhub option '{name}.{key}' must be a file path, not {value!r}")
    return value


def snippet_options(raw: Any) -> SnippetOptions:
    data = _mapping(raw, "snippets")
    _unknown(data, {"enabled", "networks", "utm", "mastodon_limit", "folder", "page_stories"},
             "snippets")
    networks = data.get("networks")
    if networks is None:
        chosen = NETWORK_IDS
    else:
        if isinstance(networks, str):
            networks = [networks]
        if not isinstance(networks, list) or not networks:
            raise OptionError("storyhub option 'snippets.networks' must be a list of networks, "
                              f"e.g. [linkedin, x]; known: {', '.join(NETWORK_IDS)}")
        for network in networks:
            if network not in NETWORK_IDS:
                from storyhub.diagnostics.core import suggestion

                raise OptionError(f"unknown network '{network}' in 'snippets.networks'"
                                  + suggestion(str(network), NETWORK_IDS, known="networks"))
        chosen = tuple(dict.fromkeys(networks))
    folder = data.get("folder", "snippets")
    if not isinstance(folder, str) or not re.fullmatch(r"[a-z0-9_-]+(/[a-z0-9_-]+)*", folder):
        raise OptionError("storyhub option 'snippets.folder' must be a folder name such as "
                          f"'snippets', not {folder!r}")
    return SnippetOptions(
        enabled=_bool(data, "enabled", "snippets", True),
        networks=chosen,
        utm=_utm(data.get("utm", True)),
        mastodon_limit=_int(data, "mastodon_limit", "snippets", 500, 50, 100_000),
        folder=folder,
        page_stories=_int(data, "page_stories", "snippets", 100, 0, 1_000_000),
    )


def _utm(raw: Any) -> dict[str, str]:
    if raw is True or raw is None:
        return dict(DEFAULT_UTM)
    if raw is False:
        return {}
    if not isinstance(raw, Mapping):
        raise OptionError("storyhub option 'snippets.utm' must be true, false or a mapping "
                          "such as {utm_medium: social, utm_campaign: '{slug}'}")
    params = dict(DEFAULT_UTM)
    for key, value in raw.items():
        name = str(key) if str(key).startswith("utm_") else f"utm_{key}"
        if name not in DEFAULT_UTM and name != "utm_term":
            raise OptionError(f"unknown UTM parameter '{key}' in 'snippets.utm' "
                              "(use source, medium, campaign, content or term)")
        if value is False or value is None:
            params.pop(name, None)
            continue
        text = str(value)
        for placeholder in re.findall(r"\{(\w*)\}", text):
            if placeholder not in _PLACEHOLDERS:
                raise OptionError(f"'snippets.utm.{key}': unknown placeholder "
                                  f"{{{placeholder}}} (use {{network}}, {{slug}}, {{variant}})")
        params[name] = text
    return params


def card_options(raw: Any) -> CardOptions:
    data = _mapping(raw, "cards")
    known = {"enabled", "font", "font_bold", "logo", "background", "text_color", "accent",
             "jpeg_quality", "workers"}
    _unknown(data, known, "cards")
    return CardOptions(
        enabled=_bool(data, "enabled", "cards", True),
        font=_text(data, "font", "cards"),
        font_bold=_text(data, "font_bold", "cards"),
        logo=_text(data, "logo", "cards"),
        background=_color(data, "background", None),
        text_color=_color(data, "text_color", "#ffffff") or "#ffffff",
        accent=_color(data, "accent", "#1b1b1b") or "#1b1b1b",
        jpeg_quality=_int(data, "jpeg_quality", "cards", 85, 40, 95),
        workers=_int(data, "workers", "cards", 2, 1, 64),
    )
