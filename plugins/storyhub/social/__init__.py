"""Social-ready text of a hub: post text per network (:mod:`.compose`), counted the way each
network counts (:mod:`.counting`), checked (:mod:`.check`) and exported (:mod:`.export`).

The pipeline (:mod:`storyhub.outputs.social`) composes and writes them; share images are
drawn by :mod:`storyhub.media.cards` and reach posts only as :mod:`storyhub.hub.share` data.
"""

from __future__ import annotations

from storyhub.hub.graph import Hub
from storyhub.social.check import check_social_text

__all__ = ["NO_SITE_URL", "check_social"]

NO_SITE_URL = (
    "site_url is not set in mkdocs.yml: share links, og:url and og:image cannot be "
    "absolute, so rich previews and the links in social snippets will not work. "
    "Set site_url to the address the hub is published at, e.g. https://stories.example.com/"
)


def check_social(hub: Hub) -> None:
    """Report over-long ``social:`` texts of stories."""
    check_social_text(hub.content, hub.diagnostics, hub.settings.snippets.mastodon_limit)
