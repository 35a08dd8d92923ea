"""Shared links: absolute story URLs with UTM parameters, and share intents."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from storyhub.social.rules import NetworkRule
from storyhub.text.urls import absolute

__all__ = ["absolute", "share_intent", "with_utm"]


def with_utm(url: str, params: dict[str, str], *, network: str, slug: str, variant: str) -> str:
    """``url`` with the UTM parameters filled in (``{network}``, ``{slug}``, ``{variant}``)."""
    if not params:
        return url
    values = {k: v.format(network=network, slug=slug, variant=variant) for k, v in params.items()}
    separator = "&" if "?" in url else "?"
    return url + separator + urlencode(values, quote_via=quote, safe="-_.~")


def share_intent(rule: NetworkRule, text: str, link: str) -> str | None:
    """A link that opens the network's composer with the post (or the link) filled in.

    X and Bluesky and Threads take the whole text (which holds the link);
    LinkedIn and Facebook take only the URL and build the preview from Open Graph
    tags. Instagram and Mastodon (one server per user) have none.
    """
    def q(value: str) -> str:
        return quote(value, safe="")

    if rule.id == "x":
        # https://developer.x.com/en/docs/x-for-websites/tweet-button/guides/web-intent
        return f"https://x.com/intent/post?text={q(text)}"
    if rule.id == "bluesky":
        # https://docs.bsky.app/docs/advanced-guides/intent-links
        return f"https://bsky.app/intent/compose?text={q(text)}"
    if rule.id == "threads":
        # https://developers.facebook.com/docs/threads/threads-web-intents
        return f"https://www.threads.net/intent/post?text={q(text)}"
    if rule.id == "linkedin" and link.startswith("http"):
        return f"https://www.linkedin.com/sharing/share-offsite/?url={q(link)}"
    if rule.id == "facebook" and link.startswith("http"):
        return f"https://www.facebook.com/sharer/sharer.php?u={q(link)}"
    return None
