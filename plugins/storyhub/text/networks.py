"""The social networks storyhub knows: one row per network, the only place that names them.

Everything about a network comes from its row: how a post is counted and its limits, the
defaults of the options (``snippets.networks``, ``calendar.spacing``), the share intent a
story page links to, how a person's profile is written (a URL or a handle, and its pattern),
the share image its posts carry, the scheduler tools that publish to it, and the JSON-schema
enum of network ids. Adding a network is a row here plus its post templates in
``templates/storyhub/snippets/<id>/`` (see guide/marketing.md, "Adding a network").

Platforms change their rules: when one does, change its row (and the source comment),
nothing else. Facts as published in late 2025 – 2026. This module sits in the lowest layer
(beside the text helpers) so that options and the content model can read it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

#: how a post is measured (:mod:`storyhub.social.counting`): UTF-16 code units; X's weighted
#: characters; graphemes; characters with an emoji as its UTF-8 bytes; graphemes with a URL
#: as 23 and a remote mention as its local part
Counting = Literal["utf16", "weighted", "graphemes", "emoji_bytes", "graphemes_urls23"]

#: the share image of the posts of most networks (1200×630, Open Graph)
OPEN_GRAPH_CARD = "og"
#: the 4:5 portrait share image (1080×1350), made for Instagram's feed: its name is the
#: network's, as published (card file names, the ``kind`` of snippets.json's images)
PORTRAIT_CARD = "instagram"


@dataclass(frozen=True)
class Network:
    id: str
    name: str
    #: hard limit of one post, in the unit ``counting`` measures
    limit: int
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
    #: the limit is set per server (``snippets.mastodon_limit`` replaces it)
    limit_per_server: bool = False
    #: how a person is mentioned: "handle" (@name), or "name" only (the profile is a URL)
    mentions: Literal["handle", "name"] = "handle"
    #: the network puts video first (its feed and its own guidance favour video posts): a
    #: video story's posts open with "Watch:" (catalogue key snippets.watch)
    video_first: bool = False
    #: default of ``calendar.spacing``: hours between two posts on it
    spacing: int = 24
    #: the link that opens the network's composer: ``{text}`` (the whole post, which holds
    #: the link) or ``{url}`` (the story's address; the preview comes from Open Graph tags,
    #: offered only for an absolute address); "" when there is none
    intent: str = ""
    #: a story page links to it (title and address) when snippets are off
    page_share: bool = False
    #: a person's profile (``links.<id>``): a handle matching this pattern, or "" for a URL
    handle: str = ""
    #: an example handle, in error messages
    handle_example: str = ""
    #: the share image its posts carry (a format of :mod:`storyhub.media.card_spec`)
    card: str = OPEN_GRAPH_CARD
    #: the scheduler tools (:mod:`storyhub.social.schedulers`) that publish to it
    schedulers: frozenset[str] = frozenset({"buffer", "hootsuite"})
    #: the scheduler tools that refuse its posts without an image
    image_required_by: frozenset[str] = frozenset()


NETWORKS: dict[str, Network] = {n.id: n for n in (
    # LinkedIn: 3,000 characters per post; the feed folds after ~210 characters
    # ("…see more"); 3–5 hashtags recommended. Source: LinkedIn Help "Share a post"
    # (linkedin.com/help/linkedin/answer/a528176) and LinkedIn marketing guidance.
    # Counted as UTF-16 code units, as the web composer does (never fewer than characters).
    # Share: linkedin.com/developers (Share Plugin, share-offsite).
    Network("linkedin", "LinkedIn", 3000, "utf16", "characters", 5, fold=210,
            mentions="name", video_first=True, spacing=24,
            intent="https://www.linkedin.com/sharing/share-offsite/?url={url}",
            page_share=True),
    # X: 280 weighted characters. Text is NFC-normalised; code points in U+0000–U+10FF,
    # U+2000–U+200D, U+2010–U+201F and U+2032–U+2037 weigh 1, every other code point 2,
    # an emoji sequence (ZWJ family, flag, keycap, skin tone) weighs 2 in all; every URL 23.
    # Source: developer.x.com/en/docs/counting-characters and twitter-text config v3;
    # intent: developer.x.com/en/docs/x-for-websites/tweet-button/guides/web-intent
    Network("x", "X", 280, "weighted", "weighted characters", 2, video_first=True,
            spacing=4, intent="https://x.com/intent/post?text={text}", page_share=True,
            handle=r"@?[A-Za-z0-9_]{1,15}", handle_example="giuliaferri"),
    # Instagram: captions up to 2,200 characters, at most 5 hashtags (since December 2025),
    # links are not clickable, ~125 characters show before "more"; no share intent.
    # Source: Instagram Help Center and Meta's December 2025 hashtag announcement.
    # Its posts carry the 4:5 portrait card (1080×1350, the feed's tallest).
    Network("instagram", "Instagram", 2200, "utf16", "characters", 5,
            links_clickable=False, fold=125, video_first=True, spacing=24,
            handle=r"@?[A-Za-z0-9._]{1,30}", handle_example="giulia.bakes",
            card=PORTRAIT_CARD, image_required_by=frozenset({"buffer"})),
    # Facebook: 63,206 characters per post; link previews come from the page's Open Graph
    # tags. Source: Facebook Help Center / Graph API post limits; sharer.php.
    Network("facebook", "Facebook", 63206, "utf16", "characters", 3, fold=480,
            mentions="name", video_first=True, spacing=24,
            intent="https://www.facebook.com/sharer/sharer.php?u={url}", page_share=True),
    # video_first: LinkedIn, Instagram (Reels), Facebook and X rank native video first in
    # their feeds and recommend it in their business guidance; Threads, Bluesky and Mastodon
    # show posts in time order or without a video preference.
    # Threads: 500 characters, where an emoji counts as its UTF-8 byte length; one topic
    # tag per post. Source: developers.facebook.com/docs/threads (posts: text limits;
    # threads-web-intents).
    Network("threads", "Threads", 500, "emoji_bytes", "characters", 1, spacing=12,
            intent="https://www.threads.net/intent/post?text={text}",
            handle=r"@?[A-Za-z0-9._]{1,30}", handle_example="giulia.bakes"),
    # Bluesky: 300 graphemes and 3,000 UTF-8 bytes; URLs count in full.
    # Source: atproto lexicon app.bsky.feed.post (text maxGraphemes 300, maxLength 3000);
    # intent: docs.bsky.app/docs/advanced-guides/intent-links
    Network("bluesky", "Bluesky", 300, "graphemes", "graphemes", 3, byte_limit=3000,
            spacing=4, intent="https://bsky.app/intent/compose?text={text}",
            page_share=True, handle=r"@?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+",
            handle_example="giulia.bsky.social", schedulers=frozenset({"buffer"})),
    # Mastodon: 500 characters by default, set per server; every URL counts 23 and a
    # remote mention @user@server counts as @user; no intent (one server per user).
    # Source: docs.joinmastodon.org (instance configuration statuses.max_characters,
    # characters_reserved_per_url).
    Network("mastodon", "Mastodon", 500, "graphemes_urls23", "characters", 4,
            limit_per_server=True, spacing=4,
            handle=r"@?[A-Za-z0-9_.]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+",
            handle_example="@giulia@mastodon.social", schedulers=frozenset({"buffer"})),
)}

NETWORK_IDS: tuple[str, ...] = tuple(NETWORKS)
NETWORK_NAMES: dict[str, str] = {n.id: n.name for n in NETWORKS.values()}

if TYPE_CHECKING:
    NetworkId = str
else:  # the ids as a Literal: the schema's enum and pydantic's check, from the table
    NetworkId = Literal[NETWORK_IDS]


def networks_for(server_limit: int | None = None) -> dict[str, Network]:
    """The table, with the limit of the hub's own server (``snippets.mastodon_limit``) on a
    network whose limit is set per server, when it differs."""
    if not server_limit:
        return NETWORKS
    changed = {n.id: replace(n, limit=server_limit) for n in NETWORKS.values()
               if n.limit_per_server and n.limit != server_limit}
    return {**NETWORKS, **changed} if changed else NETWORKS
