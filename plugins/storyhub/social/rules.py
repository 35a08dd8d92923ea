"""Each network's limit and counting rule, in one table that is easy to update.

Platforms change their rules: when one does, change its row here (and the
source comment), nothing else. Facts as published in late 2025 – 2026.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from storyhub.text.networks import NETWORK_IDS, NETWORK_NAMES

Counting = Literal["x", "bluesky", "threads", "mastodon", "utf16"]


@dataclass(frozen=True)
class NetworkRule:
    id: str
    name: str
    #: hard limit of one post, in the unit ``counting`` measures
    limit: int
    #: how a post is measured, see :mod:`storyhub.snippets.counting`
    counting: Counting
    #: what the count is called on the snippets page
    unit: str
    #: at most this many hashtags (a hard cap where the network has one, else good practice)
    max_hashtags: int
    #: are links in the text clickable? (Instagram: no, "link in bio" instead)
    links_clickable: bool = True
    #: soft limit: the text folds behind "…see more" after about this many characters;
    #: the hook should fit before it (0: no fold worth caring about)
    fold: int = 0
    #: a second hard limit in UTF-8 bytes (Bluesky)
    byte_limit: int = 0
    #: how a person is mentioned: "handle" (@name), or "name" only (the link key holds a URL)
    mentions: Literal["handle", "name"] = "handle"
    #: the network puts video first (its feed and its own guidance favour video posts): a
    #: video story's posts open with "Watch:" (catalogue key snippets.watch)
    video_first: bool = False


RULES: dict[str, NetworkRule] = {
    # LinkedIn: 3,000 characters per post; the feed folds after ~210 characters
    # ("…see more"); 3–5 hashtags recommended. Source: LinkedIn Help "Share a post"
    # (linkedin.com/help/linkedin/answer/a528176) and LinkedIn marketing guidance.
    # Counted as UTF-16 code units, as the web composer does (never fewer than characters).
    "linkedin": NetworkRule("linkedin", "LinkedIn", 3000, "utf16", "characters", 5,
                            fold=210, mentions="name", video_first=True),
    # X: 280 weighted characters. Text is NFC-normalised; code points in U+0000–U+10FF,
    # U+2000–U+200D, U+2010–U+201F and U+2032–U+2037 weigh 1, every other code point 2,
    # an emoji sequence (ZWJ family, flag, keycap, skin tone) weighs 2 in all; every URL 23.
    # Source: developer.x.com/en/docs/counting-characters and twitter-text config v3.
    "x": NetworkRule("x", "X", 280, "x", "weighted characters", 2, video_first=True),
    # Instagram: captions up to 2,200 characters, at most 5 hashtags (since December 2025),
    # links are not clickable, ~125 characters show before "more".
    # Source: Instagram Help Center and Meta's December 2025 hashtag announcement.
    "instagram": NetworkRule("instagram", "Instagram", 2200, "utf16", "characters", 5,
                             links_clickable=False, fold=125, video_first=True),
    # Facebook: 63,206 characters per post; link previews come from the page's Open Graph
    # tags. Source: Facebook Help Center / Graph API post limits.
    "facebook": NetworkRule("facebook", "Facebook", 63206, "utf16", "characters", 3,
                            fold=480, mentions="name", video_first=True),
    # video_first: LinkedIn, Instagram (Reels), Facebook and X rank native video first in
    # their feeds and recommend it in their business guidance; Threads, Bluesky and Mastodon
    # show posts in time order or without a video preference.
    # Threads: 500 characters, where an emoji counts as its UTF-8 byte length; one topic
    # tag per post. Source: developers.facebook.com/docs/threads (posts: text limits).
    "threads": NetworkRule("threads", "Threads", 500, "threads", "characters", 1),
    # Bluesky: 300 graphemes and 3,000 UTF-8 bytes; URLs count in full.
    # Source: atproto lexicon app.bsky.feed.post (text maxGraphemes 300, maxLength 3000).
    "bluesky": NetworkRule("bluesky", "Bluesky", 300, "bluesky", "graphemes", 3,
                           byte_limit=3000),
    # Mastodon: 500 characters by default, set per server; every URL counts 23 and a
    # remote mention @user@server counts as @user. Source: docs.joinmastodon.org
    # (instance configuration statuses.max_characters, characters_reserved_per_url).
    "mastodon": NetworkRule("mastodon", "Mastodon", 500, "mastodon", "characters", 4),
}

assert tuple(RULES) == NETWORK_IDS
assert all(RULES[n].name == NETWORK_NAMES[n] for n in NETWORK_IDS)


def rules_for(mastodon_limit: int | None = None) -> dict[str, NetworkRule]:
    """The table, with the Mastodon limit of the hub's server when it differs."""
    if not mastodon_limit or mastodon_limit == RULES["mastodon"].limit:
        return RULES
    table = dict(RULES)
    table["mastodon"] = replace(RULES["mastodon"], limit=mastodon_limit)
    return table
