"""Checks run with every validation pass (`storyhub check` and every build)."""

from __future__ import annotations

from storyhub.content.load import Content
from storyhub.diagnostics.core import Diagnostics
from storyhub.text.networks import networks_for


def check_social_text(content: Content, diagnostics: Diagnostics, mastodon_limit: int) -> None:
    """A story's own post text (``social:``) must fit its network's limit."""
    if not any(story.social for story in content.stories):
        return  # nothing to count: `storyhub check` need not load the counting rules
    from storyhub.social.counting import measure

    rules = networks_for(mastodon_limit)
    for story in content.stories:
        for network, text in story.social.items():
            rule = rules[network]
            size = measure(rule, text)
            if size.ok:
                continue
            line, col = story.source.value_pos("social", network)
            over = []
            if size.count > size.limit:
                over.append(f"{size.count} {size.unit}, over {rule.name}'s limit of {size.limit}"
                            f" by {size.count - size.limit}")
            if size.byte_limit and size.bytes > size.byte_limit:
                over.append(f"{size.bytes} bytes, over {rule.name}'s limit of "
                            f"{size.byte_limit} bytes")
            diagnostics.error(
                story.source.path, line, col,
                f"social.{network} is too long: {'; '.join(over)} — shorten it "
                "(storyhub shortens generated text, never yours)",
                field=f"social.{network}", code="social-too-long",
            )
