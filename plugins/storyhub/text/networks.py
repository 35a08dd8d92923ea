"""The social networks storyhub knows, by id. Limits and counting rules live in
``storyhub.snippets``; this module only names them, so the content model can
validate ``links`` and per-network ``social`` text without importing the rest."""

from __future__ import annotations

from typing import Literal

NetworkId = Literal["linkedin", "x", "instagram", "facebook", "threads", "bluesky", "mastodon"]

NETWORK_IDS: tuple[NetworkId, ...] = (
    "linkedin",
    "x",
    "instagram",
    "facebook",
    "threads",
    "bluesky",
    "mastodon",
)

NETWORK_NAMES: dict[str, str] = {
    "linkedin": "LinkedIn",
    "x": "X",
    "instagram": "Instagram",
    "facebook": "Facebook",
    "threads": "Threads",
    "bluesky": "Bluesky",
    "mastodon": "Mastodon",
}
