"""Every option of ``plugins: - storyhub:`` in ``mkdocs.yml``, declared once.

This is the only schema of the plugin's options: the MkDocs adapter, the command line,
the README's option tables and the error messages all read it. Each field has its type,
its default and a description; values are checked strictly (``page_size: "24"`` is text,
not a number) and every problem is reported with the line and column it stands on
(see :mod:`storyhub.options.read`).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from storyhub.diagnostics.core import suggestion
from storyhub.i18n.catalogue import available_languages
from storyhub.options.publish import PublishOptions
from storyhub.text.dates import parse_aware_datetime
from storyhub.text.networks import NETWORK_IDS, NETWORKS, NetworkId
from storyhub.text.urls import unsafe_url, url_scheme

DEFAULT_UTM: dict[str, str] = {
    "utm_source": "{network}",
    "utm_medium": "social",
    "utm_campaign": "{slug}",
    "utm_content": "v{variant}",
}
UTM_KEYS = (*DEFAULT_UTM, "utm_term")
UTM_PLACEHOLDERS = ("network", "slug", "variant")
_FOLDER = re.compile(r"[a-z0-9_-]+(/[a-z0-9_-]+)*")
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


class Options(BaseModel):
    """Strict, frozen, no unknown keys: the base of every options group."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def _section(value: Any) -> Any:
    """``snippets: false`` switches a group off; ``snippets: true`` or empty keeps defaults."""
    if value is None or value is True:
        return {}
    if value is False:
        return {"enabled": False}
    return value


def check_color(value: Any) -> Any:
    if value is None:
        return value
    if not isinstance(value, str) or not _COLOR.fullmatch(value):
        raise PydanticCustomError(
            "color", "must be a colour \"#rrggbb\" (in quotes, or YAML reads # as a comment)"
        )
    return value.lower()


def check_file(value: Any) -> Any:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise PydanticCustomError("file_path", "must be a file path relative to the hub")
    return value


Color = Annotated[str, BeforeValidator(check_color)]
FilePath = Annotated[str, BeforeValidator(check_file)]


def _aware(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value
    if not isinstance(value, str | datetime):
        # YAML reads 2026-03-01 as a date: a day is not a moment, say which one.
        raise PydanticCustomError(
            "datetime_type", "must be a date-time with a time zone, in quotes"
        )
    return parse_aware_datetime(value)


AwareDateTime = Annotated[datetime, BeforeValidator(_aware)]


def _language(value: Any) -> Any:
    """A language storyhub has words for: the name of a catalogue file (``it``, ``en``)."""
    known = available_languages()
    if isinstance(value, str) and value in known:
        return value
    if not isinstance(value, str):
        raise PydanticCustomError(
            "language_type", "must be a language code such as it or en, not {value}",
            {"value": repr(value)})
    raise PydanticCustomError(
        "language", "unknown language '{value}'{hint}",
        {"value": value, "hint": suggestion(value.split("-")[0].split("_")[0], known,
                                            known="languages storyhub has words for")})


Language = Annotated[str, BeforeValidator(_language)]


def _local_text(value: Any) -> str | dict[str, str]:
    if isinstance(value, str):
        return value
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise PydanticCustomError(
            "local_text", "must be text, or text per language such as {it: '…', en: '…'}")
    return {_language(key): text for key, text in value.items()}


#: Text the hub writes itself, in one language or per language: ``{it: "…", en: "…"}``.
LocalText = Annotated[str | dict[str, str], PlainValidator(_local_text)]


def in_language(text: LocalText, language: str, default: str) -> str:
    """The text for ``language`` (of a per-language mapping: that language's, else the
    default language's, else the first given)."""
    if isinstance(text, str):
        return text
    return text.get(language) or text.get(default) or next(iter(text.values()), "")


class SnippetOptions(Options):
    """``snippets:`` — post text per network, the snippets page and its exports."""

    enabled: bool = Field(True, description="Write the snippets page and its exports.")
    networks: tuple[NetworkId, ...] = Field(
        NETWORK_IDS, min_length=1,
        description="Networks to write posts for, e.g. [linkedin, instagram].",
    )
    utm: dict[str, str] = Field(
        default_factory=lambda: dict(DEFAULT_UTM),
        description="Query parameters added to shared links: true (the defaults), false "
        "(none) or a mapping that overrides some (source, medium, campaign, content, term; "
        "placeholders {network}, {slug}, {variant}).",
    )
    mastodon_limit: int = Field(
        500, ge=50, le=100_000, description="Characters per post on your Mastodon server."
    )
    folder: str = Field(
        "snippets", description="Folder of the site the snippets page and exports go to."
    )
    page_stories: int = Field(
        100, ge=0, le=1_000_000,
        description="How many of the newest stories the snippets page shows (0: all); "
        "the exports always hold all.",
    )

    @field_validator("networks", mode="before")
    @classmethod
    def _one_network(cls, value: Any) -> Any:
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list):
            return tuple(dict.fromkeys(value))
        return value

    @field_validator("utm", mode="before")
    @classmethod
    def _utm(cls, value: Any) -> Any:
        if value is True or value is None:
            return dict(DEFAULT_UTM)
        if value is False:
            return {}
        if not isinstance(value, dict):
            raise PydanticCustomError(
                "utm_type", "must be true, false or a mapping such as "
                "{medium: social, campaign: '{slug}'}"
            )
        params = dict(DEFAULT_UTM)
        for key, text in value.items():
            name = str(key) if str(key).startswith("utm_") else f"utm_{key}"
            if name not in UTM_KEYS:
                raise PydanticCustomError(
                    "utm_key", "unknown UTM parameter '{key}' (use source, medium, campaign, "
                    "content or term)", {"key": str(key)},
                )
            if text is False or text is None:
                params.pop(name, None)
                continue
            text = str(text)
            for placeholder in re.findall(r"\{(\w*)\}", text):
                if placeholder not in UTM_PLACEHOLDERS:
                    raise PydanticCustomError(
                        "utm_placeholder", "'{key}': unknown placeholder {{name}} "
                        "(use {network}, {slug}, {variant})",
                        {"key": str(key), "name": placeholder},
                    )
            params[name] = text
        return params

    @field_validator("folder")
    @classmethod
    def _folder(cls, value: str) -> str:
        if not _FOLDER.fullmatch(value):
            raise PydanticCustomError(
                "folder", "must be a folder name such as 'snippets' (lower-case letters, "
                "digits, - and _, parts separated by /)"
            )
        return value


class CardOptions(Options):
    """``cards:`` — share images (Open Graph 1200×630, Instagram 1080×1350)."""

    enabled: bool = Field(True, description="Draw share images.")
    photo: bool = Field(
        True, description="Draw a story's cards over its own image when everyone in the story "
        "consented to photos and the image is large enough (never enlarged more than 1.25×); "
        "false: always the drawn cards.",
    )
    font: FilePath | None = Field(
        None, description="Font file (TTF/OTF), relative to the hub; default: DejaVu Sans."
    )
    font_bold: FilePath | None = Field(None, description="Bold font file for titles.")
    logo: FilePath | None = Field(
        None, description="Company logo (PNG with transparency works best)."
    )
    background: Color | None = Field(
        None, description="Background colour; default: the story's first value colour."
    )
    text_color: Color = Field("#ffffff", description="Colour of the text.")
    accent: Color = Field("#1b1b1b", description="Colour of the band with the company name.")
    jpeg_quality: int = Field(85, ge=40, le=95, description="JPEG quality of the images.")
    workers: int = Field(
        2, ge=1, le=64, description="Processes drawing images when many are missing."
    )


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
#: Minimum hours between two posts on the same network (a company account posting more
#: often reads as spam; X, Bluesky and Mastodon move faster than LinkedIn or Instagram).
DEFAULT_SPACING: dict[NetworkId, int] = {n.id: n.spacing for n in NETWORKS.values()}
_TIME = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")
SCHEDULER_IDS: tuple[Literal["buffer", "hootsuite"], ...] = ("buffer", "hootsuite")


def _day(value: Any) -> Any:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PydanticCustomError("date_format", "must be a date written YYYY-MM-DD")


Day = Annotated[date, BeforeValidator(_day)]


class CalendarOptions(Options):
    """``calendar:`` — when each post goes out: the posting calendar and its exports."""

    enabled: bool = Field(
        True, description="Plan posts and write calendar.ics, calendar.json and the "
        "scheduler CSV files beside the snippets page."
    )
    timezone: str = Field(
        "UTC", description="The company's time zone (IANA name), e.g. Europe/Rome; posting "
        "times are in it."
    )
    days: tuple[Weekday, ...] = Field(
        ("tue", "wed", "thu"), min_length=1,
        description="Days posts go out on: mon, tue, wed, thu, fri, sat, sun.",
    )
    times: tuple[str, ...] = Field(
        ("09:30", "12:30"), min_length=1,
        description="Posting times on those days, \"HH:MM\" in quotes, minutes a multiple of "
        "5 (Hootsuite accepts nothing else).",
    )
    spacing: dict[NetworkId, int] = Field(
        default_factory=lambda: dict(DEFAULT_SPACING),
        description="Minimum hours between two posts on the same network; a mapping that "
        "overrides some, e.g. {linkedin: 48}.",
    )
    posts_per_story: int = Field(
        2, ge=1, le=10, description="Posts per story and network: the story's own text or "
        "variant 1 first, then variant 2, …"
    )
    next_variant_days: int = Field(
        7, ge=1, le=365, description="Days between a story's posts on one network (when the "
        "second variant goes out)."
    )
    start: Day | None = Field(
        None, description="First day of the calendar, YYYY-MM-DD; default: the build's day "
        "(SOURCE_DATE_EPOCH or --as-of). Nothing is planned before it."
    )
    backlog_days: int = Field(
        30, ge=0, le=100_000, description="Stories published up to this many days before "
        "the start are still planned; older ones are not (0: only new stories)."
    )
    horizon_days: int = Field(
        90, ge=1, le=3650, description="How far ahead the calendar plans: no post later than "
        "this many days after the start. Posts that would come later wait for a later build "
        "(the report and storyhub snippets say how many)."
    )
    evergreen: bool = Field(
        True, description="Fill free slots with re-shares of older published stories "
        "(marked as re-shares in every export), so the plan never runs dry."
    )
    evergreen_after_days: int = Field(
        120, ge=7, le=3650, description="A story is re-shared on a network only when its last "
        "post there is at least this many days old (its publication counts as a post)."
    )
    evergreen_per_week: int = Field(
        2, ge=1, le=50, description="At most this many re-shares per network and week."
    )
    evergreen_balance: bool = Field(
        True, description="Spread re-shares across values: the next re-share comes from the "
        "value re-shared least so far, so one value does not dominate."
    )
    previous: str | None = Field(
        None, description="The calendar.json of the last export, to cancel posts that left "
        "the plan: a file path relative to the hub, or an https:// address. Default: "
        "calendar.json in the snippets folder of the last built site (site_dir), or in the "
        "folder storyhub snippets --out writes to."
    )
    @field_validator("previous")
    @classmethod
    def _previous_source(cls, value: str | None) -> str | None:
        if value is None:
            return value
        scheme = url_scheme(value)
        if scheme is not None and scheme != "https":
            raise PydanticCustomError(
                "previous", "'{value}' is neither an https:// address nor a file of the hub "
                "(a path relative to it, e.g. site/snippets/calendar.json)", {"value": value})
        if scheme is None and (value.startswith(("/", "\\")) or ".." in value.replace(
                "\\", "/").split("/")):
            raise PydanticCustomError(
                "previous", "'{value}' is outside the hub: give a path relative to it, e.g. "
                "site/snippets/calendar.json, or an https:// address", {"value": value})
        return value

    buffer_max_rows: int = Field(
        100, ge=1, le=10_000, description="Most posts in one Buffer file; more are split into "
        "buffer-<network>-2.csv, … (Buffer's bulk upload takes a limited number of posts per "
        "file, by plan: set your plan's figure)."
    )
    schedulers: tuple[Literal["buffer", "hootsuite"], ...] = Field(
        SCHEDULER_IDS, description="Scheduler CSV files to write: buffer, hootsuite."
    )
    hootsuite_date_format: Literal["dd/mm/yyyy hh:mm", "mm/dd/yyyy hh:mm",
                                   "yyyy-mm-dd hh:mm"] = Field(
        "dd/mm/yyyy hh:mm", description="Date format of the Hootsuite files; choose the same "
        "at upload."
    )

    @field_validator("days", "schedulers", mode="before")
    @classmethod
    def _list(cls, value: Any) -> Any:
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list):
            return tuple(dict.fromkeys(value))
        return value

    @field_validator("times", mode="before")
    @classmethod
    def _times(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list | tuple):
            raise PydanticCustomError("times_type", "must be a list of times such as "
                                      "[\"09:30\", \"12:30\"]")
        times: list[str] = []
        for item in value:
            if isinstance(item, int) and not isinstance(item, bool) and 0 <= item < 1440:
                # MkDocs' YAML 1.1 reads an unquoted 09:30 as 570 (minutes, sexagesimal).
                item = f"{item // 60:02d}:{item % 60:02d}"
            match = _TIME.fullmatch(str(item).strip()) if isinstance(item, str) else None
            if match is None:
                raise PydanticCustomError(
                    "time_format", "'{value}' is not a time: write it as \"HH:MM\", e.g. "
                    "\"09:30\"", {"value": str(item)})
            if int(match.group(2)) % 5:
                raise PydanticCustomError(
                    "time_step", "'{value}': minutes must be a multiple of 5 (schedulers such "
                    "as Hootsuite refuse other times)", {"value": str(item)})
            times.append(match.group(0))
        return tuple(sorted(set(times)))

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise PydanticCustomError(
                "timezone", "unknown time zone '{value}': use an IANA name such as "
                "Europe/Rome or UTC", {"value": value}) from None
        return value

    @field_validator("spacing", mode="before")
    @classmethod
    def _spacing(cls, value: Any) -> Any:
        if value is None or value is True:
            return dict(DEFAULT_SPACING)
        if not isinstance(value, dict):
            raise PydanticCustomError(
                "spacing_type", "must be a mapping of network to hours, e.g. {linkedin: 48}")
        merged = dict(DEFAULT_SPACING)
        for key, hours in value.items():
            if key not in DEFAULT_SPACING:
                raise PydanticCustomError(
                    "spacing_key", "unknown network '{key}' (use {known})",
                    {"key": str(key), "known": ", ".join(DEFAULT_SPACING)})
            if not isinstance(hours, int) or isinstance(hours, bool) or not 0 <= hours <= 8760:
                raise PydanticCustomError(
                    "spacing_hours", "'{key}': must be a whole number of hours from 0 to 8760",
                    {"key": str(key)})
            merged[key] = hours
        return merged


class FeedOptions(Options):
    """``feeds:`` — Atom and JSON Feed files for the hub and each value, person and team."""

    enabled: bool = Field(
        True, description="Write feed.xml (Atom) and feed.json (JSON Feed 1.1) for the hub "
        "and for each value, person and team page (needs site_url)."
    )
    items: int = Field(20, ge=1, le=10_000, description="Newest stories in each feed.")


#: Decap CMS's backends (``backend.name``)
DECAP_BACKENDS = frozenset({"github", "gitlab", "gitea", "bitbucket", "azure", "git-gateway",
                            "aws-cognito-github-proxy", "proxy", "test-repo"})
#: a repository's path on its forge: owner/name, or group/subgroup/…/name on GitLab
REPO_PATH = re.compile(r"[\w.-]+(?:/[\w.-]+)+")
#: a branch name as ``git check-ref-format --branch`` takes it (the common rules)
_BRANCH = re.compile(r"(?!/|-|.*(?:\.\.|//|@\{|\.lock(?:/|$)|/\.))"
                     r"[^\x00-\x20\x7f~^:?*\[\\]+(?<![/.])")


class EditorOptions(Options):
    """``editor:`` — the web editor at ``/admin/`` (Decap CMS), for staff without git."""

    enabled: bool = Field(True, description="Write the web editor into the site at /admin/.")
    backend: dict[str, str | bool | int] = Field(
        default_factory=dict,
        description="Where the editor commits (Decap's backend settings), e.g. {name: github, "
        "repo: company/stories, branch: main}; merged over what repo_url says.",
    )

    @field_validator("backend")
    @classmethod
    def _backend_urls(cls, value: dict[str, str | bool | int]) -> dict[str, str | bool | int]:
        for key, item in value.items():
            if isinstance(item, str) and (key.endswith(("url", "_root", "endpoint"))):
                problem = unsafe_url(item, relative=False)
                if problem is not None:
                    raise PydanticCustomError(
                        "backend_url", "'{key}' must be an https:// address: {problem}",
                        {"key": key, "problem": problem})
        name, repo, branch = value.get("name"), value.get("repo"), value.get("branch")
        if name is not None and name not in DECAP_BACKENDS:
            raise PydanticCustomError(
                "backend_name", "'name': '{name}' is not one of the editor's backends{hint}",
                {"name": name, "hint": suggestion(str(name), sorted(DECAP_BACKENDS))})
        if repo is not None and not (isinstance(repo, str) and REPO_PATH.fullmatch(repo)):
            raise PydanticCustomError(
                "backend_repo", "'repo': {repo} is not a repository's path: write it as "
                "owner/name (GitLab: group/subgroup/name), e.g. company/stories",
                {"repo": repr(repo)})
        if branch is not None and not (isinstance(branch, str) and _BRANCH.fullmatch(branch)):
            raise PydanticCustomError(
                "backend_branch", "'branch': {branch} is not a branch name git accepts "
                "(no spaces, line breaks, '..', '~', '^', ':', '?', '*', '[' or '\\'), "
                "e.g. main", {"branch": repr(branch)})
        return value


class HomeOptions(Options):
    """``home:`` — the home page's hero and call to action."""

    tagline: LocalText = Field(
        "", description="The company's line, the home page's <h1>; default: site_description, "
        "else the site name. Per language on a hub with languages: {it: '…', en: '…'}.",
        json_schema_extra={"kind": "text, or text per language"},
    )
    cta_label: LocalText = Field(
        "", description="Text of the call-to-action button, e.g. 'Work with us' (empty: no "
        "button); per language like tagline.",
        json_schema_extra={"kind": "text, or text per language"},
    )
    cta_url: str = Field(
        "", description="Where the button leads: an https:// address or a page of the site "
        "(e.g. about/)."
    )

    @field_validator("cta_url")
    @classmethod
    def _cta_url(cls, value: str) -> str:
        problem = unsafe_url(value) if value else None
        if problem is not None:
            raise PydanticCustomError(
                "cta_url", "must be an https:// address, a mailto: link or a path of the "
                "site: {problem}", {"problem": problem}
            )
        return value

    @model_validator(mode="after")
    def _pair(self) -> HomeOptions:
        if bool(self.cta_label) != bool(self.cta_url):
            raise PydanticCustomError(
                "cta_pair", "cta_label and cta_url go together: set both or neither"
            )
        return self


class QuoteOptions(Options):
    """``quotes:`` — the words of the people in a story, checked before they are published."""

    sign_off: Literal["optional", "required"] = Field(
        "optional", description="'required': quoting someone (a quotation near their name or a "
        "pull quote) needs their sign-off — a date under the story's sign_off: or, for people "
        "with a github:/gitlab: handle, their review (storyhub codeowners); else an error at "
        "the quote's line. Drafts are not checked."
    )


class CampaignOptions(Options):
    """``campaigns:`` — calls for stories (campaigns.yml) and their public series pages."""

    pages: bool = Field(
        True, description="Write a page per campaign with published stories "
        "(/campaigns/<id>/); a campaign without any has no page."
    )


class DigestOptions(Options):
    """``digest:`` — the monthly email of the month's stories (storyhub digest)."""

    tell_url: str = Field(
        "", description="Where the digest's \"tell yours\" link leads: an https:// address "
        "(say, the web editor's, site_url + admin/) or a mailto: link; default: the web editor "
        "at site_url/admin/ when it is on, else the site."
    )
    max_kb: int = Field(
        100, ge=10, le=101, description="Largest HTML digest in KB (Gmail clips messages over "
        "about 102 KB): older stories are left out, with a link, to stay under it."
    )

    @field_validator("tell_url")
    @classmethod
    def _tell_url(cls, value: str) -> str:
        if value and not value.startswith(("https://", "http://", "mailto:")):
            raise PydanticCustomError(
                "tell_url", "must be an https:// address or a mailto: link (an email is "
                "read outside the site: relative links do not work there)")
        return value


class FrameOptions(Options):
    """``frame:`` — what surrounds every reader page: the site's name in each language, the
    company's logo and the footer."""

    site_name: LocalText = Field(
        "", description="The site's name in the header and the browser's title, per language: "
        "{en: 'Our stories', it: 'Le nostre storie'}; default: site_name.",
        json_schema_extra={"kind": "text, or text per language"},
    )
    logo: str = Field(
        "", description="The company's logo in the header: an image under docs/ (e.g. "
        "assets/logo.svg); default: theme.logo, else Material's icon."
    )
    footer: LocalText = Field(
        "", description="The footer's line, per language like site_name (HTML, sanitised like "
        "a story's); default: copyright.",
        json_schema_extra={"kind": "text, or text per language"},
    )
    theme_credit: bool = Field(
        False, description="Show Material's 'Made with Material for MkDocs' in the footer."
    )

    @field_validator("logo")
    @classmethod
    def _logo(cls, value: str) -> str:
        if value and (re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", value) or value.startswith("/")
                      or ".." in value.split("/")):
            raise PydanticCustomError(
                "logo", "must be the path of an image under docs/, such as assets/logo.svg")
        return value


class StoryhubOptions(Options):
    """``plugins: - storyhub:`` in ``mkdocs.yml``."""

    content_dir: str | None = Field(
        None, description="Folder holding stories/, people/ and values.yml, relative to "
        "mkdocs.yml; default: the folder of mkdocs.yml."
    )
    company_name: str | None = Field(
        None, description="The company's name on pages, posts and images; default: site_name."
    )
    related_count: int = Field(4, ge=0, le=100, description="Related stories under a story.")
    latest_count: int = Field(6, ge=0, le=1000, description="Latest stories on the home page.")
    page_size: int = Field(24, ge=1, le=10_000, description="Stories per listing page.")
    unconsented: Literal["skip", "anonymous"] = Field(
        "skip", description="A story about someone who did not consent to their name: "
        "'skip' it, or show it with an anonymous label."
    )
    anonymous_label: str = Field(
        "", description="The label shown instead of a name (default: 'a colleague', "
        "in the site's language)."
    )
    drafts: bool = Field(
        False, description="Show drafts and embargoed stories, marked, under `mkdocs serve` "
        "(never in `mkdocs build`)."
    )
    report: bool = Field(True, description="Write the hub report, a noindex page, to report/.")
    as_of: AwareDateTime | None = Field(
        None, description="The moment embargoes and withdrawals are decided against; "
        "default: SOURCE_DATE_EPOCH, else the clock."
    )
    show_prompts: bool = Field(
        False, description="Show the staff writing prompts on value pages (for an internal "
        "build; the public site hides them)."
    )
    languages: tuple[Language, ...] | None = Field(
        None, min_length=1,
        description="The languages of the site, the first the default (it must be "
        "theme.language), e.g. [it, en]: a home page per language (/ and /en/), listings "
        "that show the reader's language first; default: theme.language only.",
        json_schema_extra={"kind": "list of languages (" + ", ".join(available_languages())
                           + ") (optional)"},
    )
    home: HomeOptions = Field(default_factory=HomeOptions)
    frame: FrameOptions = Field(default_factory=FrameOptions)
    snippets: SnippetOptions = Field(default_factory=SnippetOptions)
    cards: CardOptions = Field(default_factory=CardOptions)
    calendar: CalendarOptions = Field(default_factory=CalendarOptions)
    feeds: FeedOptions = Field(default_factory=FeedOptions)
    editor: EditorOptions = Field(default_factory=EditorOptions)
    publish: PublishOptions = Field(default_factory=PublishOptions)
    quotes: QuoteOptions = Field(default_factory=QuoteOptions)
    campaigns: CampaignOptions = Field(default_factory=CampaignOptions)
    digest: DigestOptions = Field(default_factory=DigestOptions)

    @field_validator("snippets", "cards", "calendar", "feeds", "editor", "publish", "quotes",
                     "campaigns", "digest", "frame", mode="before")
    @classmethod
    def _sections(cls, value: Any, info: ValidationInfo) -> Any:
        group = GROUPS.get(info.field_name or "")
        if value is False and group is not None and "enabled" not in group.model_fields:
            raise PydanticCustomError(
                "section_off", "cannot be switched off with false: set its options instead "
                "({options})", {"options": ", ".join(group.model_fields)})
        return _section(value)

    @field_validator("languages", mode="before")
    @classmethod
    def _languages(cls, value: Any) -> Any:
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list):
            seen: set[Any] = set()
            for item in value:
                if isinstance(item, str) and item in seen:
                    raise PydanticCustomError(
                        "language_twice", "lists '{value}' twice: each language once, the "
                        "default first", {"value": item})
                seen.add(item)
            return tuple(value)
        return value

    @field_validator("home", mode="before")
    @classmethod
    def _home(cls, value: Any) -> Any:
        if value is False:
            raise PydanticCustomError(
                "home_off", "the home page cannot be switched off: remove 'home: false', or "
                "set tagline, cta_label and cta_url under it")
        return _section(value)

    @model_validator(mode="before")
    @classmethod
    def _no_nulls(cls, data: Any) -> Any:
        """``related_count:`` with nothing after it means the default, as in MkDocs."""
        if isinstance(data, dict):
            return {k: v for k, v in data.items()
                    if v is not None or k in GROUPS}
        return data


#: Where each option group lives, for messages and documentation.
GROUPS: dict[str, type[Options] | type[PublishOptions]] = {
    "": StoryhubOptions, "snippets": SnippetOptions, "cards": CardOptions,
    "calendar": CalendarOptions, "feeds": FeedOptions, "editor": EditorOptions,
    "publish": PublishOptions, "home": HomeOptions, "quotes": QuoteOptions,
    "campaigns": CampaignOptions, "digest": DigestOptions, "frame": FrameOptions,
}


def model_for(path: tuple[str | int, ...]) -> type[Options] | type[PublishOptions]:
    """The options class owning the last key of ``path``."""
    if len(path) > 1 and isinstance(path[0], str) and path[0] in GROUPS:
        return GROUPS[path[0]]
    return StoryhubOptions
