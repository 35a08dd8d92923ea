"""The content model: values, people and stories, as authors write them.

These pydantic models are the single definition of what a valid file is: the
validator, the JSON Schemas for editors and the documentation all come from
them. They do not import MkDocs. Strict mode is on: ``draft: "false"`` is text,
not a boolean, and ``tags: a, b`` is text, not a list; both are errors.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    create_model,
)
from pydantic_core import PydanticCustomError

from storyhub.content.files import FolderFile
from storyhub.content.media_files import StoryMedia
from storyhub.diagnostics.core import did_you_mean
from storyhub.i18n import Translator, available_languages
from storyhub.i18n.catalogue import primary_subtag
from storyhub.text.dates import parse_aware_datetime
from storyhub.text.networks import NETWORKS, Network, NetworkId
from storyhub.text.urls import unsafe_url
from storyhub.text.yamlsource import Located

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
#: month names in diagnostics, which are English (the catalogue's, not a second list)
ENGLISH = Translator.for_language("en")


def _slug(value: str) -> str:
    lookalikes = [c for c in value if c in _TRANSLIT and c.isalpha()]
    if lookalikes and any(c.isascii() and c.isalpha() for c in value) and SLUG_RE.match(
        slugify(value)
    ):
        import unicodedata

        first = lookalikes[0]
        raise PydanticCustomError(
            "slug_script",
            "'{value}' mixes alphabets: '{char}' is {name}, which looks like a Latin letter "
            "but is not — write '{example}'",
            {"value": value, "char": first, "name": unicodedata.name(first, "?"),
             "example": slugify(value)},
        )
    if not SLUG_RE.match(value):
        raise PydanticCustomError(
            "slug",
            "'{value}' is not a valid id: use lower-case letters, digits and hyphens, "
            "e.g. '{example}'",
            {"value": value, "example": slugify(value) or "giulia-ferri"},
        )
    return value


def _text(value: str) -> str:
    import unicodedata

    value = value.strip()
    if not value:
        raise PydanticCustomError("empty", "must not be empty")
    if all(unicodedata.category(c) in ("Cf", "Cc", "Zs", "Zl", "Zp", "Mn", "Me") or c.isspace()
           for c in value):
        codes = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(value))
        raise PydanticCustomError(
            "invisible",
            "has only invisible characters ({codes}): write some words people can read",
            {"codes": codes},
        )
    return value


#: What one story or profile may hold: generous for people writing, and a bound on what any
#: one input costs the build (a story naming 5,000 people would put 5,000 names on every
#: page, feed and post that lists it). ``storyhub check`` reports anything beyond.
LIMITS = {
    "title": 200, "summary": 1_000, "image_alt": 1_000, "photo_alt": 1_000,
    "name": 120, "role": 200, "team": 120, "pronouns": 40, "location": 120, "tag": 60,
    "social": 5_000, "description": 10_000, "prompt": 500,
    "tags": 30, "people": 30, "values": 12, "hashtags": 30, "prompts": 30,
}

#: Dates outside these years are typing mistakes (9999-12-31, 0202-03-14); they would
#: overflow date arithmetic in the build.
from storyhub.text.dates import FIRST_YEAR, LAST_YEAR  # noqa: E402  (one definition)


def _real(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _dmy_hint(day: int, month: int, year: int) -> str:
    """What to suggest for ``day/month/year``: the ISO date it most likely means — read as
    day/month, else (a month above 12) as month/day — only when that date exists; else say
    why neither reading is a date."""
    meant = _real(year, month, day) or (_real(year, day, month) if month > 12 else None)
    if meant is not None:
        return f" — did you mean {meant.isoformat()}?"
    if 1 <= month <= 12:
        last = calendar.monthrange(year, month)[1]
        return f" ({ENGLISH.month_name(month)} {year} has {last} days: check the day)"
    return " (no month is numbered above 12: check the date)"


def parse_author_date(value: Any) -> Any:
    """Accept ``YYYY-MM-DD`` text and explain every other spelling."""
    if isinstance(value, date) and not isinstance(value, datetime):
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise PydanticCustomError(
                "date_range",
                "{value} is out of range: write a real date between {first} and {last}",
                {"value": value.isoformat(), "first": FIRST_YEAR, "last": LAST_YEAR},
            )
        return value
    if not isinstance(value, str):
        raise PydanticCustomError(
            "date_type", "must be a date written YYYY-MM-DD, e.g. 2025-03-14"
        )
    text = value.strip()
    iso = _ISO_DATE.match(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise PydanticCustomError(
                "date_range",
                "{value} is out of range: write a real date between {first} and {last}",
                {"value": text, "first": FIRST_YEAR, "last": LAST_YEAR},
            )
        if not 1 <= month <= 12:
            raise PydanticCustomError(
                "date_value", "{value} is not a real date: there is no month {month}",
                {"value": text, "month": month},
            )
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise PydanticCustomError(
                "date_value",
                "{value} is not a real date: {month_name} {year} has {last} days",
                {"value": text, "month_name": ENGLISH.month_name(month), "year": year,
                 "last": last},
            )
        return date(year, month, day)
    dmy = _DMY_DATE.match(text)
    if dmy:
        day, month, year = (int(g) for g in dmy.groups())
        hint = _dmy_hint(day, month, year)
        raise PydanticCustomError(
            "date_format",
            "'{value}' is ambiguous: write dates as YYYY-MM-DD{hint}",
            {"value": text, "hint": hint},
        )
    raise PydanticCustomError(
        "date_format",
        "'{value}' is not a date: write it as YYYY-MM-DD, e.g. 2025-03-14",
        {"value": text},
    )


def _one_or_many(value: Any) -> Any:
    """``people: giulia`` is accepted for ``people: [giulia]``; ``values: a, b`` is not
    (text with commas is left as text, so it is reported as "must be a list")."""
    return [value] if isinstance(value, str) and "," not in value else value


def _hex_color(value: str) -> str:
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise PydanticCustomError(
            "color",
            "'{value}' is not a colour: write it as \"#rrggbb\" in quotes, e.g. \"#b5651d\"",
            {"value": value},
        )
    return value.lower()


def _hashtag(value: str) -> str:
    word = value.strip().lstrip("#")
    if not re.fullmatch(r"\w+", word):
        raise PydanticCustomError(
            "hashtag",
            "'{value}' is not a hashtag: use one word of letters and digits, no spaces",
            {"value": value},
        )
    return word


_URL_FORBIDDEN = re.compile(r"[\x00-\x20\x7f\"'<>`{}|\\^]")


def _http_url(value: str) -> str:
    from urllib.parse import urlsplit

    problem = unsafe_url(value, schemes=frozenset({"http", "https"}), relative=False)
    if problem is not None and "control character" in problem:
        raise PydanticCustomError(
            "url", "'{value}' is not a safe web address: {problem}",
            {"value": value.encode("unicode_escape").decode("ascii"), "problem": problem},
        )
    value = value.strip()
    if problem is not None or not re.fullmatch(r"https?://[^\s/$.?#][^\s]*", value,
                                                flags=re.IGNORECASE):
        raise PydanticCustomError(
            "url", "'{value}' is not a web address: it must start with https://",
            {"value": value},
        )
    host = urlsplit(value).hostname or ""
    if _URL_FORBIDDEN.search(value) or "." not in host or "@" in urlsplit(value).netloc:
        raise PydanticCustomError(
            "url",
            "'{value}' is not a plain web address: write it as https://host/path, without "
            "spaces, quotes, angle brackets or user names",
            {"value": value},
        )
    return value


def _handle(pattern: str, example: str) -> Any:
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        value = value.strip()
        if "://" in value or value.lower().startswith(("javascript:", "data:", "www.")):
            raise PydanticCustomError(
                "handle_url",
                "'{value}' is a link, not a handle: write only the handle, e.g. {example}",
                {"value": value, "example": example},
            )
        if not compiled.fullmatch(value):
            raise PydanticCustomError(
                "handle", "'{value}' is not a valid handle, e.g. {example}",
                {"value": value, "example": example},
            )
        return value.lstrip("@") if not value.count("@") > 1 else value

    return AfterValidator(check)


def _catalogue_language(value: str) -> str:
    """A key of ``translations``: a language storyhub has words for (``it``, ``en``)."""
    known = available_languages()
    if value in known:
        return value
    base = primary_subtag(value)
    close = base if base in known else did_you_mean(value, known)
    hint = f" — did you mean '{close}'?" if close else ""
    raise PydanticCustomError(
        "language",
        "unknown language '{value}': write the code of a language storyhub has words for "
        "({known}){hint}",
        {"value": value, "hint": hint, "known": ", ".join(known)},
    )


Slug = Annotated[str, AfterValidator(_slug)]
LanguageCode = Annotated[str, AfterValidator(_catalogue_language)]
Text = Annotated[str, AfterValidator(_text)]
AuthorDate = Annotated[date, BeforeValidator(parse_author_date)]
AwareDatetime = Annotated[datetime, BeforeValidator(parse_aware_datetime)]
HexColor = Annotated[str, AfterValidator(_hex_color)]
Hashtag = Annotated[str, AfterValidator(_hashtag)]
HttpUrl = Annotated[str, AfterValidator(_http_url)]
SlugList = Annotated[list[Slug], BeforeValidator(_one_or_many), Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, validate_default=False)


class _Sourced(_Strict):
    """A model read from a file: where it came from is kept for diagnostics."""

    _source: Source | None = PrivateAttr(None)

    @property
    def source(self) -> Source:
        private = self.__pydantic_private__
        found = private["_source"] if private else self._source
        assert found is not None
        return found  # type: ignore[no-any-return]


class _Document(_Sourced):
    """The front matter of a Markdown file; the loader attaches its id and body."""

    _id: str = PrivateAttr("")
    _body: str = PrivateAttr("")

    def attach(self, id: str, body: str, source: Source) -> None:
        private = self.__pydantic_private__
        if private is None:
            self._id, self._body, self._source = id, body, source
        else:  # what BaseModel.__setattr__ does for private attributes, without its checks
            private.update(_id=id, _body=body, _source=source)

    # Read straight from pydantic's dict of private attributes: ``self._id`` goes through
    # ``BaseModel.__getattr__``, and a build asks for ids hundreds of thousands of times.
    @property
    def id(self) -> str:
        private = self.__pydantic_private__
        return private["_id"] if private else self._id  # type: ignore[no-any-return]

    @property
    def body(self) -> str:
        private = self.__pydantic_private__
        return private["_body"] if private else self._body  # type: ignore[no-any-return]


def _translations_field(what: str) -> Any:
    """The ``translations`` field: language code -> the words in that language."""
    return Field(
        default_factory=dict,
        description=f"{what} in other languages, by language code (it, en): used on the "
                    "pages, share cards, posts and feeds of stories in that language",
        json_schema_extra={"propertyNames": {"enum": list(available_languages())}},
    )


class ValueTranslation(_Strict):
    """A value's words in another language; a field left out keeps the value's own."""

    name: Text | None = Field(None, description="Name shown on badges and pages",
                              max_length=LIMITS["name"])
    description: Text | None = Field(None, description="What the value means (Markdown)",
                                     max_length=LIMITS["description"])
    hashtags: list[Hashtag] | None = Field(None, description="Hashtags, without #",
                                           max_length=LIMITS["hashtags"])
    prompts: list[Text] | None = Field(
        None, description="Questions that help someone write a story about it, in this "
        "language (storyhub new story --lang)", max_length=LIMITS["prompts"])


class PersonTranslation(_Strict):
    """A person's words in another language."""

    role: Text | None = Field(None, description="Job title", max_length=LIMITS["role"])
    team: Text | None = Field(None, description="Team name (the team's page and links in "
                                                "that language; the team stays one team)",
                              max_length=LIMITS["team"])


class Value(_Sourced):
    """A company value, from ``values.yml``."""

    id: Slug = Field(description="Slug used by stories and in the URL /values/<id>/")
    name: Text = Field(description="Name shown on badges and pages", max_length=LIMITS["name"])
    description: Text = Field(description="What the value means for the company (Markdown)",
                              max_length=LIMITS["description"])
    color: HexColor | None = Field(None, description='Badge and card colour, "#rrggbb"')
    icon: str | None = Field(
        None,
        pattern=r"^[a-z0-9-]+(/[a-z0-9-]+)+$",
        description="Material icon, e.g. material/hand-heart",
    )
    hashtags: list[Hashtag] = Field(default_factory=list, description="Hashtags, without #",
                                    max_length=LIMITS["hashtags"])
    prompts: list[Annotated[Text, Field(max_length=LIMITS["prompt"])]] = Field(
        default_factory=list, description="Questions that help someone write a story about it",
        max_length=LIMITS["prompts"],
    )
    translations: dict[LanguageCode, ValueTranslation] = _translations_field(
        "Name, description and hashtags")

    @property
    def url(self) -> str:
        return f"values/{self.id}/"


class TagTranslation(_Strict):
    """A tag's label in another language."""

    name: Text = Field(description="The label shown on stories and the tag's page")


class TagLabel(_Sourced):
    """A tag's labels, from ``tags.yml`` (optional): stories tagged with its id, its name or
    any of its translated names share one tag, shown in each page's language."""

    id: Slug = Field(description="Slug used in the URL /tags/<id>/ (and in stories' tags)")
    name: Text = Field(description="The label in the site's language")
    translations: dict[LanguageCode, TagTranslation] = _translations_field("The label")

    def spellings(self) -> set[str]:
        """The slugs a story's tag may have to be this tag."""
        return {self.id, slugify(self.name),
                *(slugify(words.name) for words in self.translations.values())}


def _profile(network: Network) -> tuple[Any, Any]:
    """A person's profile on a network: a handle where the network's row has a handle
    pattern (people are mentioned by it), else the profile's URL."""
    if network.handle:
        return Annotated[str, _handle(network.handle, network.handle_example)] | None, None
    return HttpUrl | None, Field(None, description="Profile URL (https://…)")


def _forge_handle(forge: str, pattern: str, example: str) -> tuple[Any, Any]:
    return Annotated[str, _handle(pattern, example)] | None, Field(
        None, description=f"{forge} user name: asked to review stories about them "
        "(storyhub codeowners); never published")


if TYPE_CHECKING:
    Links = _Strict
else:  # a field per network of the table, in its order, then the profiles that are no network
    Links = create_model(
        "Links", __base__=_Strict, __module__=__name__,
        __doc__="A person's profiles: handles where people are mentioned by handle, URLs "
        "elsewhere.",
        **{network.id: _profile(network) for network in NETWORKS.values()},
        website=(HttpUrl | None, Field(None, description="Personal site (https://…)")),
        github=_forge_handle("GitHub", r"@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}",
                             "giuliaferri"),
        gitlab=_forge_handle("GitLab", r"@?[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}", "giulia.ferri"),
    )


class Consent(_Strict):
    """What a person agreed to publish, per use, and when. Anything not given is refused."""

    name: bool = Field(False, description="Publish their name, and so stories about them")
    photo: bool = Field(False, description="Publish their photo")
    quotes: bool = Field(False, description="Quote their words")
    social: bool = Field(False, description="Mention their social handles in posts")
    media: bool = Field(
        False, description="Show or let them be heard in a story's video or audio (stories "
        "whose video or audio has them are not published without it)"
    )
    media_withdrawn: AuthorDate | None = Field(
        None, description="The day they withdrew consent to video and audio only: from then "
        "on, stories whose video or audio has them are not published"
    )
    date: AuthorDate = Field(description="When the consent was given, YYYY-MM-DD")
    withdrawn: AuthorDate | None = Field(
        None, description="The day consent was withdrawn; nothing is published from then on"
    )


_LANGUAGE_CODE = r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$"


class Video(_Strict):
    """A story's video: a file beside the story (MP4 or WebM) or a YouTube/Vimeo address."""

    file: str | None = Field(
        None, description="Video file beside the story (MP4 or WebM), e.g. clip.mp4; or url")
    url: HttpUrl | None = Field(
        None, description="A YouTube or Vimeo address instead of a file; shown as the "
        "poster until the reader presses play")
    poster: str = Field(description="Poster image beside the story (JPEG, PNG or WebP)")
    captions: dict[Annotated[str, Field(pattern=_LANGUAGE_CODE)], str] | None = Field(
        None, description="Required: a WebVTT captions file per language (en: clip.en.vtt), "
        "the story's language included")
    description: Text = Field(description="What the video shows, for people who cannot see "
                                          "it (like an image's alt text)")
    people: SlugList | None = Field(
        None, description="Ids of the people seen or heard (default: the story's people); "
                          "each needs 'media: true' under 'consent:'")


class Audio(_Strict):
    """A story's audio recording, beside the story, with its transcript."""

    file: str = Field(description="Audio file beside the story (MP3, M4A or Ogg)")
    transcript: str | None = Field(
        None, description="Required: the transcript beside the story, Markdown (.md) or "
        "WebVTT (.vtt), in the story's language")
    description: Text = Field(description="What the recording is, in a few words")
    people: SlugList | None = Field(
        None, description="Ids of the people heard (default: the story's people); each "
                          "needs 'media: true' under 'consent:'")


class Person(_Document):
    """A team member, from ``people/<id>.md``; the body is the bio."""

    name: Text = Field(description="Full name", max_length=LIMITS["name"])
    role: Text = Field(description="Job title", max_length=LIMITS["role"])
    team: Text = Field(description="Team name; people with the same team form a team page",
                       max_length=LIMITS["team"])
    photo: str | None = Field(None, description="Photo path, relative to the profile file")
    photo_alt: Text | None = Field(None, description="Description of the photo",
                                   max_length=LIMITS["photo_alt"])
    pronouns: Text | None = Field(None, max_length=LIMITS["pronouns"])
    location: Text | None = Field(None, max_length=LIMITS["location"])
    links: Links = Field(default_factory=Links)
    status: Literal["active", "alumni"] = Field("active", description="alumni: left the company")
    joined: AuthorDate | None = None
    left: AuthorDate | None = Field(None, description="The day the person left")
    consent: Consent
    translations: dict[LanguageCode, PersonTranslation] = _translations_field(
        "Role and team name")

    @property
    def bio(self) -> str:
        return self.body

    @property
    def url(self) -> str:
        return f"people/{self.id}/"

    @property
    def team_id(self) -> str:
        return slugify(self.team)


class Story(_Document):
    """A story, from ``stories/<slug>.md`` or ``stories/<slug>/index.md``."""

    title: Text = Field(description="The story's title", max_length=LIMITS["title"])
    date: AuthorDate = Field(description="When it happened or was written, YYYY-MM-DD")
    people: SlugList = Field(description="Ids of the people the story is about",
                             max_length=LIMITS["people"])
    values: SlugList = Field(description="Ids of the values it shows",
                             max_length=LIMITS["values"])
    summary: Text = Field(description="One or two sentences: the hook for listings and posts",
                          max_length=LIMITS["summary"])
    author: Slug | None = Field(None, description="Id of who wrote it, if not the person")
    image: str | None = Field(None, description="Image path, relative to the story file")
    image_alt: Text | None = Field(None, description="What the image shows",
                                   max_length=LIMITS["image_alt"])
    tags: list[Annotated[Text, Field(max_length=LIMITS["tag"])]] = Field(
        default_factory=list, description="Tags, as a list", max_length=LIMITS["tags"])
    lang: str | None = Field(
        None, pattern=r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$", description="Language, e.g. en or it"
    )
    featured: bool = Field(
        False, description="Show it in the home page's hero (default: the newest story)"
    )
    translation_of: Slug | None = Field(
        None, description="Slug of the story this one translates (the original); set lang too"
    )
    draft: bool = Field(False, description="Drafts are never published")
    publish_at: AwareDatetime | None = Field(
        None, description="Embargo: not published before this date-time (with time zone)"
    )
    slug: Slug | None = Field(None, description="Overrides the slug taken from the file name")
    social: dict[NetworkId, Annotated[Text, Field(max_length=LIMITS["social"])]] = Field(
        default_factory=dict, description="Your own post text per network"
    )
    campaign: Slug | None = Field(
        None, description="Id of the campaign (campaigns.yml) this story answers"
    )
    sign_off: dict[Slug, AuthorDate] = Field(
        default_factory=dict,
        description="Who read and approved their words, and when: person id -> YYYY-MM-DD",
    )
    video: Video | None = Field(None, description="A video: a file beside the story or a "
                                "YouTube/Vimeo address, with captions and a poster")
    audio: Audio | None = Field(None, description="An audio recording beside the story, "
                                "with its transcript")

    @property
    def url(self) -> str:
        return f"stories/{self.id}/"

    def media_people(self) -> list[str]:
        """Ids of everyone seen or heard in the story's video or audio."""
        found: list[str] = []
        for item in (self.video, self.audio):
            if item is not None:
                found.extend(item.people if item.people is not None else self.people)
        return list(dict.fromkeys(found))

    @property
    def direction(self) -> str:
        """``rtl`` for a story in a right-to-left language (Arabic, Hebrew, Persian…)."""
        return text_direction(self.lang)


class CampaignTranslation(_Strict):
    """A campaign's words in another language; a field left out keeps the campaign's own."""

    title: Text | None = Field(None, description="The campaign's title")
    prompt: Text | None = Field(None, description="The question it asks staff")


class Campaign(_Sourced):
    """A call for stories, from ``campaigns.yml``: a question staff answer with a story."""

    id: Slug = Field(description="Slug used by stories (campaign:) and in the URL "
                     "/campaigns/<id>/")
    title: Text = Field(description="The campaign's title")
    prompt: Text = Field(description="The question it asks staff, shown by storyhub new "
                         "story, the editor and the digest")
    values: SlugList = Field(description="Ids of the values it serves")
    opens: AuthorDate = Field(description="First day stories are asked for, YYYY-MM-DD")
    closes: AuthorDate = Field(description="Last day stories are asked for, YYYY-MM-DD")
    target: int | None = Field(None, ge=1, le=10_000,
                               description="How many stories it hopes for (optional)")
    translations: dict[LanguageCode, CampaignTranslation] = _translations_field(
        "Title and prompt")

    @property
    def url(self) -> str:
        return f"campaigns/{self.id}/"

    def is_open(self, today: date) -> bool:
        return self.opens <= today <= self.closes

    def title_in(self, language: str | None) -> str:
        words = self.translations.get(language or "")
        return words.title if words is not None and words.title else self.title

    def prompt_in(self, language: str | None) -> str:
        words = self.translations.get(language or "")
        return words.prompt if words is not None and words.prompt else self.prompt


@dataclass
class Source:
    """Where a model came from: for diagnostics and for files beside it."""

    path: str  # relative to the hub root, POSIX, NFC, e.g. "stories/night-oven.md"
    abs_path: Path
    located: Located = field(default_factory=lambda: Located(None))
    body_line: int = 1  # file line on which the Markdown body starts
    #: the files that path fields (``photo``, ``image``) name, resolved once by the loader;
    #: a field is absent here when its file does not exist or is not an image
    files: dict[str, Path] = field(default_factory=dict)
    #: for a story folder (``stories/<slug>/index.md``): every file beside it that may be
    #: published, decided once by the loader (allowlist, no symbolic links)
    folder_files: list[FolderFile] = field(default_factory=list)
    #: a story's video and audio as the loader checked them (files, captions, transcript)
    media: list[StoryMedia] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        return self.abs_path.parent

    def key_pos(self, *path: str | int) -> tuple[int, int]:
        return self.located.key_pos(tuple(path))

    def value_pos(self, *path: str | int) -> tuple[int, int]:
        return self.located.value_pos(tuple(path))


#: Languages written right to left (ISO 639 codes; a script subtag can say otherwise).
RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku-arab", "pa-arab",
                           "ps", "sd", "syr", "ug", "ur", "yi", "nqo", "az-arab", "uz-arab"})


def text_direction(lang: str | None) -> str:
    """``rtl`` or ``ltr`` for a language code such as ``ar``, ``he-IL`` or ``sr-Latn``."""
    if not lang:
        return "ltr"
    parts = lang.lower().split("-")
    if len(parts) > 1 and parts[1] in ("arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg"):
        return "rtl"
    if len(parts) > 1 and len(parts[1]) == 4:
        return "ltr"  # another script subtag (Latn, Cyrl…)
    return "rtl" if parts[0] in RTL_LANGUAGES else "ltr"


_SLUG_STRIP = re.compile(r"[^a-z0-9]+")
#: Cyrillic and Greek letters, transliterated (and so recognised when they pose as Latin).
_TRANSLIT = {
    **dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґјѕӏ",
               ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n",
                "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "",
                "e", "yu", "ya", "i", "i", "ie", "g", "j", "s", "l"], strict=True)),
    **dict(zip("αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰς",
               ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o",
                "p", "r", "s", "t", "y", "f", "ch", "ps", "o", "a", "e", "i", "i", "o", "y",
                "o", "i", "y", "i", "y", "s"], strict=True)),
}


@lru_cache(maxsize=4096)  # a team's or tag's slug is asked for on every page that links it
def slugify(text: str) -> str:
    """ASCII slug of a name: 'Customer Care' -> 'customer-care', 'Perché sì' -> 'perche-si',
    'Отдел продаж' -> 'otdel-prodazh'. Letters no table covers (営業, مبيعات) keep the slug
    distinct and stable with a short hash of the name: '営業' -> 'x-1c5e1c32'."""
    import hashlib
    import unicodedata

    lowered = unicodedata.normalize("NFKC", text).lower()
    mapped = "".join(_TRANSLIT.get(c, c) for c in lowered)
    decomposed = unicodedata.normalize("NFKD", mapped)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii")
    slug = _SLUG_STRIP.sub("-", ascii_text).strip("-")
    lost = any(unicodedata.category(c).startswith(("L", "N")) and not c.isascii()
               and not unicodedata.normalize("NFKD", c).encode("ascii", "ignore")
               for c in mapped)
    if lost:
        digest = hashlib.sha1(unicodedata.normalize("NFC", text.strip()).encode()).hexdigest()
        return f"{slug}-{digest[:8]}" if slug else f"x-{digest[:8]}"
    return slug


Value.model_rebuild()
Campaign.model_rebuild()
Person.model_rebuild()
Story.model_rebuild()
