"""Rich-preview data for pages: Open Graph, Twitter Card and JSON-LD ``Article``.

Engine-independent: a template prints :attr:`PageMeta.tags` as ``<meta>`` elements
(escaped by the template) and :attr:`PageMeta.json_ld`, which is already safe
inside ``<script type="application/ld+json">``. Absolute URLs need ``site_url``;
without it the tags that must be absolute (og:url, og:image) are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyhub.i18n import og_locale
from storyhub.text.escaping import json_for_script
from storyhub.text.urls import absolute, url_path

if TYPE_CHECKING:
    from storyhub.content.model import Person, Story
    from storyhub.hub.graph import Hub
    from storyhub.hub.share import ShareImages as StoryCards


@dataclass(frozen=True)
class MetaTag:
    attr: str  # "property" (Open Graph) or "name" (Twitter)
    key: str
    content: str


@dataclass
class PageMeta:
    tags: list[MetaTag] = field(default_factory=list)
    json_ld: str = ""
    #: (hreflang, absolute URL) of the page's language versions, itself and x-default included
    alternates: list[tuple[str, str]] = field(default_factory=list)

    def add(self, attr: str, key: str, content: str | None) -> None:
        if content:
            self.tags.append(MetaTag(attr, key, content))


def story_alternates(hub: Hub, story: Story) -> list[tuple[str, str]]:
    """(hreflang, absolute address) of every published version of ``story``, itself
    included, then ``x-default`` (the original); empty without versions or ``site_url``."""
    versions = hub.translations.get(story.id)
    site_url = hub.settings.site_url
    if not versions or not site_url:
        return []
    found = [(lang, absolute(site_url, s.url)) for lang, s in versions]
    return [*found, ("x-default", absolute(site_url, versions[0][1].url))]


def add_translations(meta: PageMeta, hub: Hub, story: Story) -> None:
    """``<link rel="alternate" hreflang>`` for every published version of ``story``
    (reciprocal: each version lists all, itself too) and ``x-default`` (the original), and
    ``og:locale:alternate``; nothing without ``site_url`` (the links must be absolute)."""
    meta.alternates = story_alternates(hub, story)
    for lang, other in hub.translations.get(story.id, []) if meta.alternates else []:
        if other.id != story.id:
            meta.add("property", "og:locale:alternate", og_locale(lang))


def story_meta(hub: Hub, story: Story, cards: StoryCards | None,
               image_path: str | None = None, image_alt: str | None = None) -> PageMeta:
    """Tags for a story page. ``cards``: its share images; else the story's own image."""
    settings = hub.settings
    site_url = settings.site_url
    meta = PageMeta()
    url = absolute(site_url, story.url) if site_url else None
    people = hub.people_of(story)
    writers = writers_of(hub, story)
    values = hub.values_of(story)
    lang = story.lang or settings.language
    t = hub.translator.in_language(story.lang)
    published = (story.publish_at.isoformat() if story.publish_at
                 else story.date.isoformat())
    image_url = width = height = alt = None
    if cards is not None:
        image_url, width, height = cards.og.path, str(cards.og.width), str(cards.og.height)
        alt = cards.og.alt
    elif image_path:
        image_url, alt = image_path, image_alt or story.title
    absolute_image = absolute(site_url, image_url) if site_url and image_url else None

    meta.add("property", "og:type", "article")
    meta.add("property", "og:title", story.title)
    meta.add("property", "og:description", story.summary)
    meta.add("property", "og:url", url)
    meta.add("property", "og:site_name", settings.site_name)
    meta.add("property", "og:locale", og_locale(lang))
    meta.add("property", "og:image", absolute_image)
    if absolute_image:
        meta.add("property", "og:image:type", "image/jpeg" if cards is not None else None)
        meta.add("property", "og:image:width", width)
        meta.add("property", "og:image:height", height)
        meta.add("property", "og:image:alt", alt)
    meta.add("property", "article:published_time", published)
    for person in writers:
        meta.add("property", "article:author",
                 absolute(site_url, person.url) if site_url else person.name)
    if values:
        meta.add("property", "article:section", values[0].name)
    for tag in dict.fromkeys([*(v.name for v in values), *story.tags]):
        meta.add("property", "article:tag", tag)
    meta.add("name", "twitter:card", "summary_large_image")
    meta.add("name", "twitter:title", story.title)
    meta.add("name", "twitter:description", story.summary)
    meta.add("name", "twitter:image", absolute_image)
    if absolute_image:
        meta.add("name", "twitter:image:alt", alt)
    if people:
        meta.add("name", "twitter:label1", t("meta.told_by"))
        meta.add("name", "twitter:data1", ", ".join(p.name for p in people))
    if values:
        meta.add("name", "twitter:label2", t("meta.values"))
        meta.add("name", "twitter:data2", ", ".join(v.name for v in values))

    article: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": story.title,
        "description": story.summary,
        "datePublished": published,
        "inLanguage": lang,
        "author": [_person_ld(p, site_url) for p in writers],
        "publisher": {"@type": "Organization", "name": settings.company,
                      **({"url": site_url} if site_url else {})},
    }
    if people:
        article["about"] = [_person_ld(p, site_url) for p in people]
    if url:
        article["mainEntityOfPage"] = {"@type": "WebPage", "@id": url}
        article["url"] = url
    if absolute_image:
        article["image"] = [absolute_image]
    keywords = [*(v.name for v in values), *story.tags]
    if keywords:
        article["keywords"] = ", ".join(dict.fromkeys(keywords))
    add_media(meta, article, story, site_url, published)
    meta.json_ld = str(json_for_script(article))
    return meta


def _iso_duration(seconds: float | None) -> str | None:
    """ISO 8601 duration (``PT1M5S``) for schema.org, or None."""
    if not seconds:
        return None
    whole = max(1, round(seconds))
    minutes, rest = divmod(whole, 60)
    return f"PT{minutes}M{rest}S" if minutes else f"PT{rest}S"


def add_media(meta: PageMeta, article: dict[str, object], story: Story,
              site_url: str | None, published: str) -> None:
    """``og:video``/``og:audio`` and schema.org ``VideoObject``/``AudioObject`` for a story's
    video and audio (absolute URLs need ``site_url``; a YouTube or Vimeo video is named
    by its privacy-enhanced player's address)."""
    for media in story.source.media:
        def here(relative: str | None) -> str | None:
            return absolute(site_url, url_path(f"{story.url}{relative}")) \
                if site_url and relative else None

        file_url = here(media.relative)
        if media.kind == "video":
            embed = media.embed
            player = embed.embed_url.split("?")[0] if embed is not None else None
            if embed is not None and embed.service == "vimeo":
                player = f"{player}?dnt=1" + (f"&h={embed.hash}" if embed.hash else "")
            meta.add("property", "og:video", file_url or player)
            meta.add("property", "og:video:secure_url",
                     (file_url or player) if (file_url or player or "").startswith("https:")
                     else None)
            meta.add("property", "og:video:type", media.mime or ("text/html" if player else None))
            obj: dict[str, object] = {
                "@type": "VideoObject", "name": story.title, "description": media.description,
                "uploadDate": published,
            }
            poster = here(media.poster_relative)
            if poster:
                obj["thumbnailUrl"] = [poster]
            if file_url:
                obj["contentUrl"] = file_url
            if player:
                obj["embedUrl"] = player
            languages = [c.language for c in media.captions]
            if languages:
                obj["subtitleLanguage"] = languages
            duration = _iso_duration(media.duration)
            if duration:
                obj["duration"] = duration
            article["video"] = obj
        else:
            meta.add("property", "og:audio", file_url)
            meta.add("property", "og:audio:type", media.mime if file_url else None)
            audio: dict[str, object] = {"@type": "AudioObject", "name": story.title,
                                        "description": media.description,
                                        "uploadDate": published}
            if file_url:
                audio["contentUrl"] = file_url
            if media.mime:
                audio["encodingFormat"] = media.mime
            duration = _iso_duration(media.duration)
            if duration:
                audio["duration"] = duration
            article["audio"] = audio


def writers_of(hub: Hub, story: Story) -> list[Person]:
    """Who wrote the story: its ``author`` when set (and published, so consented), else
    the people it is about; never someone without consent to their name."""
    if story.author is not None:
        writer = hub.people.get(story.author)
        return [writer] if writer is not None else []
    return hub.people_of(story)


def _person_ld(person: Person, site_url: str | None) -> dict[str, str]:
    return {"@type": "Person", "name": person.name,
            **({"url": absolute(site_url, person.url)} if site_url else {})}


def person_meta(hub: Hub, person: Person, photo_path: str | None) -> PageMeta:
    """``profile`` tags for a person page (photo only when they consented to it)."""
    settings = hub.settings
    site_url = settings.site_url
    meta = PageMeta()
    first, _, last = person.name.partition(" ")
    meta.add("property", "og:type", "profile")
    meta.add("property", "og:title", person.name)
    meta.add("property", "og:description", f"{person.role} · {person.team}")
    meta.add("property", "og:url", absolute(site_url, person.url) if site_url else None)
    meta.add("property", "og:site_name", settings.site_name)
    meta.add("property", "og:locale", og_locale(settings.language))
    meta.add("property", "profile:first_name", first)
    meta.add("property", "profile:last_name", last)
    if photo_path and site_url and hub.shows_photo(person):
        meta.add("property", "og:image", absolute(site_url, photo_path))
        meta.add("property", "og:image:alt", person.photo_alt or person.name)
    meta.add("name", "twitter:card", "summary")
    meta.add("name", "twitter:title", person.name)
    meta.add("name", "twitter:description", f"{person.role} · {person.team}")
    return meta
