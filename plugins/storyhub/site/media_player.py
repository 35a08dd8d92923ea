"""A story's video and audio as its page shows them: player sources, caption tracks,
poster and the transcript, with site-relative URLs.

The files are published under the story's folder with the names they have beside the
story (:func:`storyhub.site.plan.plan_assets`), so every URL is the story's URL plus the
file's name. A YouTube or Vimeo video is shown as its poster with a play button; the
service's privacy-enhanced player is loaded only when the reader presses it
(``storyhub.js``), so the page itself makes no request to the service.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from functools import lru_cache

from storyhub.content.media_files import Embed, StoryMedia
from storyhub.content.model import Story
from storyhub.i18n.catalogue import primary_subtag
from storyhub.site.markup_audit import may_hold_markup
from storyhub.site.sanitize import clean_html, located_removals
from storyhub.text.urls import url_path


@dataclass(frozen=True)
class Track:
    srclang: str
    label: str
    src: str  # site-relative URL path
    default: bool


@dataclass
class Player:
    """What the player partial prints for one video or audio of a story."""

    kind: str  # "video" | "audio"
    id: str  # unique on the page, for aria-describedby
    description: str
    src: str | None
    mime: str | None
    poster: str | None
    embed: Embed | None
    tracks: list[Track] = field(default_factory=list)
    #: the transcript as safe HTML (from Markdown, or the cues of the captions in the page's
    #: language), and its language when it differs from the page's
    transcript_html: str = ""
    transcript_lang: str | None = None

    @property
    def is_video(self) -> bool:
        return self.kind == "video"


@lru_cache(maxsize=256)
def language_label(code: str) -> str:
    """A captions language's name in that language ("Italiano", "English", "Português")."""
    try:
        from babel import Locale

        name = Locale.parse(code.replace("-", "_")).get_display_name()
    except Exception:  # a code Babel does not know: shown as written
        return code
    return (name[:1].upper() + name[1:]) if name else code


def players(story: Story, language: str) -> list[Player]:
    """The players of ``story``'s video and audio on a page in ``language``."""
    base = story.url
    found: list[Player] = []
    for index, media in enumerate(story.source.media):
        poster = url_path(f"{base}{media.poster_relative}") if media.poster_relative else None
        player = Player(
            kind=media.kind, id=f"sh-media-{index + 1}", description=media.description,
            src=url_path(f"{base}{media.relative}") if media.relative else None,
            mime=media.mime, poster=poster, embed=media.embed,
        )
        chosen = media.captions_in(language) or media.captions_in(story.lang or language)
        for track in media.captions:
            player.tracks.append(Track(track.language, language_label(track.language),
                                       url_path(f"{base}{track.relative}"), track is chosen))
        player.transcript_html, player.transcript_lang = _transcript(media, chosen, language)
        found.append(player)
    return found


def _transcript(media: StoryMedia, chosen: object, language: str) -> tuple[str, str | None]:
    if media.transcript_markdown is not None:
        return _markdown_html(media.transcript_markdown), None
    captions = media.transcript_captions
    lang: str | None = None
    if captions is None and chosen is not None:
        captions = chosen.captions  # type: ignore[attr-defined]
        lang = chosen.language  # type: ignore[attr-defined]
    if captions is None:
        return "", None
    paragraphs = "".join(f"<p>{html.escape(cue.text)}</p>" for cue in captions.cues)
    differs = lang is not None and primary_subtag(lang) != primary_subtag(language)
    return paragraphs, lang if differs else None


@lru_cache(maxsize=128)
def _markdown_html(text: str) -> str:
    """A Markdown transcript as sanitised HTML (the same allowlist as a story's body)."""
    return clean_html(_rendered(text))


def _rendered(text: str) -> str:
    import markdown

    return markdown.markdown(text, extensions=["sane_lists"])


def transcript_removals(text: str) -> list[tuple[int, str]]:
    """(line in ``text``, from 1, what) of each thing sanitising removes from a Markdown
    transcript, for a warning at its line: the page shows the transcript without it."""
    if not may_hold_markup(text):
        return []
    return [(line + 1, removal.what)
            for line, removal in located_removals(_rendered(text), text)]
