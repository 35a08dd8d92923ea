"""The site plan: which pages and files a hub publishes, independent of the engine.

An engine adapter (the MkDocs plugin, or any Jinja renderer) turns each
:class:`SitePage` into a page rendered with ``template`` and each :class:`Asset`
into a file. Listing pages carry the stories they list, never rendered HTML:
each story's Markdown is rendered once, on its own page.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from storyhub.content.model import Story, TagLabel, slugify
from storyhub.hub.campaigns import campaign_groups, for_reader
from storyhub.hub.graph import Hub
from storyhub.hub.translations import story_language
from storyhub.i18n import Translator
from storyhub.i18n.catalogue import available_languages, primary_subtag
from storyhub.site.addresses import AddressBook, Claim
from storyhub.site.plain import plain_text
from storyhub.text.urls import url_path

#: Storyhub's pages use the full width: Material's navigation sidebar and table of contents
#: are hidden (front matter ``hide:`` of a page in docs/ still wins).
FULL_WIDTH = ("navigation", "toc")


@dataclass
class SitePage:
    src_uri: str
    url: str
    kind: str
    title: str
    description: str = ""
    markdown: str = ""
    subject: Any = None
    items: list[Any] = field(default_factory=list)
    number: int = 1
    count: int = 1
    #: the catalogue language of the page's words when it is not the site's: a story's
    #: language, a language's home page and listing; None: the site's language
    language: str | None = None

    @property
    def template(self) -> str:
        return f"storyhub/{self.kind}.html"

    @property
    def hide(self) -> list[str]:
        return list(FULL_WIDTH)

    @property
    def newer_url(self) -> str | None:
        if self.number <= 1:
            return None
        return listing_url(self.url_base, self.number - 1)

    @property
    def older_url(self) -> str | None:
        if self.number >= self.count:
            return None
        return listing_url(self.url_base, self.number + 1)

    @property
    def url_base(self) -> str:
        return self.url.split("page/")[0]


@dataclass(frozen=True)
class Asset:
    """A file copied into the site: ``src`` in the repository, ``dest`` in the output."""

    src: Path
    dest: str
    owner: str
    kind: str  # "photo" | "story-image" | "story-file"


def listing_url(base: str, number: int) -> str:
    return base if number <= 1 else f"{base}page/{number}/"


def _src(url: str) -> str:
    return f"{url}index.md" if url else "index.md"


@dataclass(frozen=True)
class Tag:
    """A tag of published stories, with its page ``tags/<slug>/``; ``names``: its label in
    other languages (``tags.yml``)."""

    name: str
    slug: str
    stories: tuple[Story, ...]
    names: tuple[tuple[str, str], ...] = ()

    @property
    def url(self) -> str:
        return f"tags/{self.slug}/"

    def in_language(self, language: str | None) -> Tag:
        """This tag labelled in ``language`` (itself when it has no label in it)."""
        name = dict(self.names).get(language or "")
        return self if not name or name == self.name else replace(self, name=name)


def tags_of(stories: list[Story], labels: list[TagLabel] | tuple[TagLabel, ...] = ()
            ) -> dict[str, Tag]:
    """Tags of the given (published) stories by slug; spellings that slug alike merge, and
    so do the spellings of one tag of ``tags.yml`` (its id, name and translated names:
    ``forno`` and ``kiln`` are one tag), which gives it its labels."""
    declared = {spelling: label for label in labels for spelling in label.spellings()}
    names: dict[str, str] = {}
    found: dict[str, list[Story]] = {}
    # a story once per tag, however many of its spellings merge: by identity (comparing
    # models field by field made this quadratic in a tag's stories: 72,000 comparisons
    # for a 1,000-story hub)
    listed: set[tuple[str, int]] = set()
    for story in stories:
        for name in dict.fromkeys(story.tags):
            slug = slugify(name)
            if not slug:
                continue
            label = declared.get(slug)
            if label is not None:
                slug, name = label.id, label.name
            names.setdefault(slug, name)
            if (slug, id(story)) not in listed:
                listed.add((slug, id(story)))
                found.setdefault(slug, []).append(story)
    by_id = {label.id: label for label in labels}
    return {slug: Tag(names[slug], slug, tuple(found[slug]), tuple(
                (code, words.name) for code, words in by_id[slug].translations.items())
                if slug in by_id else ())
            for slug in sorted(found, key=lambda s: names[s].casefold())}


def languages_of(hub: Hub) -> dict[str, list[Story]]:
    """Stories by language (the site's for stories without ``lang``), when a hub has more
    than one language; else empty (no language listings)."""
    found: dict[str, list[Story]] = {}
    for story in hub.stories:
        found.setdefault(story.lang or hub.settings.language, []).append(story)
    return dict(sorted(found.items())) if len(found) > 1 else {}


def in_reading_order(stories: list[Story] | tuple[Story, ...], language: str,
                     site_language: str) -> list[Story]:
    """``stories`` with those in ``language`` first, each part in its own order (newest
    first): what a page in ``language`` lists first."""
    return sorted(stories, key=lambda s: story_language(s, site_language) != language)


def words_language(code: str | None) -> str | None:
    """The catalogue language a page in ``code`` is worded in (``it`` for ``it-IT``), or
    None when storyhub has no words for it (the page keeps the site's)."""
    base = primary_subtag(code)
    return base if base and base in available_languages() else None


#: The top sections of the navigation and the catalogue key of their titles.
SECTION_TITLES = {"stories/index.md": "stories", "values/index.md": "values",
                  "people/index.md": "people", "teams/index.md": "teams",
                  "tags/index.md": "tags"}


def section_titles(t: Translator) -> dict[str, str]:
    """The navigation's section titles in ``t``'s language (a page in another language
    than the site's shows the navigation in its own)."""
    return {src_uri: t(key) for src_uri, key in SECTION_TITLES.items()}


@dataclass
class SitePlan:
    pages: list[SitePage]
    assets: list[Asset]
    by_src: dict[str, SitePage]
    tags: dict[str, Tag] = field(default_factory=dict)


def plan_site(hub: Hub) -> SitePlan:
    t = hub.translator
    pages: list[SitePage] = []
    assets = plan_assets(hub)

    settings = hub.settings
    pages.append(SitePage("index.md", "", "home", t("home"), subject=settings.languages[0]))
    tagline = settings.options.home.tagline
    for code in settings.languages[1:]:
        # a home page per further language: /en/ on an Italian site; described by the home's
        # line in its language, when there is one (else the site's description, as the
        # first home's)
        line = tagline.get(code, "") if isinstance(tagline, dict) else ""
        pages.append(SitePage(f"{code}/index.md", f"{code}/", "home",
                              t.in_language(code)("home"), line, subject=code, language=code))
    for story in hub.stories:
        pages.append(
            SitePage(_src(story.url), story.url, "story", story.title, story.summary,
                     story.body, story, language=words_language(story.lang))
        )
    for person in hub.people.values():
        pages.append(
            SitePage(_src(person.url), person.url, "person", person.name,
                     f"{person.name} — {person.role}", person.bio, person)
        )
    for value in hub.values.values():
        pages.append(
            SitePage(_src(value.url), value.url, "value", value.name,
                     plain_text(value.description), value.description, value)
        )
    for team in hub.teams.values():
        pages.append(SitePage(_src(team.url), team.url, "team", team.name, "", "", team))

    size = max(hub.settings.page_size, 1)
    # each translated story once, in the listing's language (the site's) else the original
    listed = hub.one_version(hub.stories)
    count = max(math.ceil(len(listed) / size), 1)
    if settings.multilingual:
        listed = in_reading_order(listed, settings.languages[0], settings.language)
    for number in range(1, count + 1):
        url = listing_url("stories/", number)
        title = t("stories") if number == 1 else f"{t('stories')} — {number}"
        pages.append(
            SitePage(_src(url), url, "stories", title, items=listed[
                (number - 1) * size : number * size], number=number, count=count)
        )
    tags = tags_of(hub.stories, hub.content.tags)
    for tag in tags.values():
        pages.append(SitePage(_src(tag.url), tag.url, "tag", t("tag_title", name=tag.name),
                              items=hub.one_version(tag.stories), subject=tag))
    if tags:
        pages.append(SitePage("tags/index.md", "tags/", "tags", t("tags"),
                              items=list(tags.values())))
    for code, stories in languages_of(hub).items():
        url = f"stories/{code}/"
        name = t.in_language(code)("language.name")
        # a language's listing is worded in it (when storyhub has its words)
        own = code if code in settings.languages else words_language(code)
        own = None if own == settings.languages[0] else own
        title = (t.in_language(code)("stories_in_own") if code in available_languages()
                 else t("stories_in", language=name))
        pages.append(SitePage(_src(url), url, "language", title,
                              items=stories, subject=code, language=own))
    pages += campaign_pages(hub)
    pages.append(SitePage("people/index.md", "people/", "people", t("people"),
                          items=list(hub.people.values())))
    pages.append(SitePage("values/index.md", "values/", "values", t("values"),
                          items=list(hub.values.values())))
    pages.append(SitePage("teams/index.md", "teams/", "teams", t("teams"),
                          items=list(hub.teams.values())))
    return SitePlan(pages, assets, {p.src_uri: p for p in pages}, tags)


def campaign_url(campaign_id: str, language: str | None) -> str:
    """The series page of a campaign in a site language (None: the site's default)."""
    return f"{language}/campaigns/{campaign_id}/" if language else f"campaigns/{campaign_id}/"


def campaign_pages(hub: Hub) -> list[SitePage]:
    """A series page per campaign with published stories, per site language: its stories,
    one version of each (the page's language when there is one, else the original)."""
    settings = hub.settings
    if not settings.options.campaigns.pages:
        return []
    groups = campaign_groups(hub.stories, hub.translations)
    pages: list[SitePage] = []
    for campaign in hub.content.campaigns:
        if campaign.id not in groups:
            continue
        for index, code in enumerate(settings.languages):
            own = code if index else None
            url = campaign_url(campaign.id, own)
            language = words_language(code) or settings.language
            pages.append(SitePage(
                _src(url), url, "campaign", campaign.title_in(language),
                campaign.prompt_in(language), subject=campaign,
                items=for_reader(groups[campaign.id], primary_subtag(code) or code),
                language=own))
    return pages


def asset_urls(assets: list[Asset]) -> dict[tuple[str, str], str]:
    """The URL path of each photo and story image (their files keep their names)."""
    return {(a.kind, a.owner): url_path(a.dest) for a in assets
            if a.kind in ("photo", "story-image")}


def plan_assets(hub: Hub) -> list[Asset]:
    """Only files of published stories and consented photos are ever copied: the files the
    loader recorded for each story (its allowlist, no links), minus those the hub refuses."""
    assets: list[Asset] = []
    for person in hub.people.values():
        if not hub.shows_photo(person):
            continue
        found = person.source.files.get("photo")
        if found is not None:
            dest = _nfc(f"people/{person.id}/{found.name}")
            assets.append(Asset(found, dest, person.id, "photo"))
    for story in hub.stories:
        base = f"stories/{story.id}/"
        image = story.source.files.get("image")
        if image is not None and not hub.file_published(image):
            image = None
        folder_image = False
        for item in story.source.folder_files:
            if not hub.file_published(item.path):
                continue
            kind = "story-image" if image is not None and item.path == image else "story-file"
            folder_image = folder_image or kind == "story-image"
            assets.append(Asset(item.path, _nfc(base + item.relative), story.id, kind))
        if image is not None and not folder_image:
            written = PurePosixPath(story.image or image.name)
            inside = ".." not in written.parts and story.source.abs_path.name != "index.md"
            dest = base + (written.as_posix() if inside else image.name)
            assets.append(Asset(image, _nfc(dest), story.id, "story-image"))
    return assets


def _nfc(path: str) -> str:
    """Output paths in NFC, whatever the file system stored (macOS writes NFD)."""
    return unicodedata.normalize("NFC", path)


# -- every output address, claimed once (see storyhub.site.addresses) --------------------------

#: The longest suffix a responsive version adds to an image's name (``-12345w.webp``): names
#: are checked with it, so no version can exceed the file system's limit.
LONGEST_VERSION = "-99999w.webp"


@dataclass(frozen=True)
class ConfigPlace:
    """Where an option stands in ``mkdocs.yml``, for claims made by configuration."""

    label: str = "mkdocs.yml"
    line: int = 1
    col: int = 1


def _page(url: str) -> str:
    return f"{url}index.html"


def _normal(name: str) -> str:
    return " ".join(name.casefold().split())


def docs_page_address(relative: str) -> str:
    """The output address of a file in ``docs/`` as MkDocs writes it (directory URLs)."""
    if not relative.endswith(".md"):
        return relative
    stem = relative[:-3]
    if stem in ("index", "README") or stem.endswith(("/index", "/README")):
        return stem.rsplit("/", 1)[0] + "/index.html" if "/" in stem else "index.html"
    return f"{stem}/index.html"


def claim_addresses(hub: Hub, plan: SitePlan, *, docs_files: list[str],
                    snippets: ConfigPlace | None, editor: bool, report: bool,
                    feeds: bool) -> AddressBook:
    """Claim every address the build will write, storyhub's own first, then what authors
    named (stories, tags, teams, languages, files, the snippets folder, pages in docs/):
    a collision is reported at the source that came second, naming the first."""
    book = AddressBook()
    generated = "storyhub"
    # storyhub's and the theme's own addresses
    for address, what in (("404.html", "the theme's error page"),
                          ("sitemap.xml", "the sitemap"), ("sitemap.xml.gz", "the sitemap"),
                          ("search/search_index.json", "the search index")):
        book.claim(Claim(address, what, generated))
    book.claim_folder("assets/storyhub", Claim("assets/storyhub/", "storyhub's styles",
                                               generated))
    book.claim_folder("assets/cards", Claim("assets/cards/", "the share images", generated))
    if feeds:
        for name in ("feed.xml", "feed.json"):
            book.claim(Claim(name, "the hub's feed", generated))
    if report:
        book.claim(Claim("report/index.html", "the hub report", generated))
    if editor:
        book.claim_folder("admin", Claim("admin/", "the web editor", generated))
    languages = {code: stories[0] for code, stories in languages_of(hub).items()}
    for page in plan.pages:
        if page.kind in ("story", "tag", "team", "language"):
            continue  # claimed below, at the source that named them
        what = f"the {page.kind} page" if page.kind not in ("person", "value") else (
            f"the page of {page.kind} '{page.subject.id}'")
        source = getattr(getattr(page.subject, "source", None), "path", generated)
        book.claim(Claim(_page(page.url), what, source))
        if feeds and page.kind in ("person", "value"):
            for name in ("feed.xml", "feed.json"):
                book.claim(Claim(page.url + name, f"the feed of {page.kind} "
                                 f"'{page.subject.id}'", source))
    for code, story in languages.items():
        line, col = story.source.value_pos("lang")
        book.claim(Claim(_page(f"stories/{code}/"), f"the listing of stories in '{code}'",
                         story.source.path, line, col))
    teams: dict[str, str] = {}
    for person in hub.people.values():
        normal = _normal(person.team)
        if normal in teams:
            continue
        teams[normal] = person.team
        line, col = person.source.value_pos("team")
        url = f"teams/{person.team_id}/"
        if book.claim(Claim(_page(url), f"the team '{person.team}'", person.source.path, line,
                            col)) and feeds:
            for name in ("feed.xml", "feed.json"):
                book.claim(Claim(url + name, f"the feed of team '{person.team}'",
                                 person.source.path, line, col))
    seen_tags: set[str] = set()
    for story in hub.stories:
        line, col = story.source.key_pos("slug") if "slug" in story.model_fields_set else (1, 1)
        book.claim(Claim(_page(story.url), f"the story '{story.id}'", story.source.path, line,
                         col))
        for index, name in enumerate(story.tags):
            normal = _normal(name)
            if normal in seen_tags:
                continue
            seen_tags.add(normal)
            slug = slugify(name)
            if slug:
                line, col = story.source.value_pos("tags", index)
                book.claim(Claim(_page(f"tags/{slug}/"), f"the tag '{name}'",
                                 story.source.path, line, col))
    stories = {story.id: story for story in hub.stories}
    for asset in plan.assets:
        try:
            source = asset.src.relative_to(hub.settings.root).as_posix()
        except ValueError:
            source = asset.dest
        claim = Claim(asset.dest, f"the file {asset.dest}", source)
        book.claim(claim)
        if asset.kind in ("photo", "story-image"):
            named_by = (hub.people.get(asset.owner) if asset.kind == "photo"
                        else stories.get(asset.owner))
            if named_by is not None:  # the line that names the image
                line, col = named_by.source.value_pos("photo" if asset.kind == "photo"
                                                      else "image")
                claim = Claim(asset.dest, "", named_by.source.path, line, col)
            stem = asset.dest.rsplit(".", 1)[0]
            book.claim_family(stem, (".jpg", ".webp"), stem + LONGEST_VERSION, Claim(
                f"{stem}-…w.jpg", f"the smaller versions of {PurePosixPath(asset.dest).name}",
                claim.source, claim.line, claim.col))
    if snippets is not None:
        folder = hub.settings.snippets.folder
        book.claim_folder(folder, Claim(f"{folder}/", "the snippets folder "
                                        "(snippets.folder)", snippets.label, snippets.line,
                                        snippets.col))
    intros = {"index.md", *(f"{code}/index.md" for code in hub.settings.languages)}
    for relative in docs_files:
        if relative in intros:
            continue  # the intro of a home page, by design
        book.claim(Claim(docs_page_address(relative), f"the page docs/{relative}",
                         f"docs/{relative}"))
    return book


def tags_without_address(hub: Hub) -> list[tuple[Story, int, str]]:
    """(story, index, tag) of every tag that has no letter or digit, so no address."""
    return [(story, index, name) for story in hub.stories
            for index, name in enumerate(story.tags) if not slugify(name)]
