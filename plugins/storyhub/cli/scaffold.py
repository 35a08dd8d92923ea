"""``storyhub new``: start a story or a profile with valid front matter.

Answers come from flags (for scripts) or from questions asked on the terminal
(``input()``, so tests and scripts can feed stdin). Existing ids are offered,
nothing is ever overwritten, and questions and guidance are in the hub's language
(the catalogue's ``scaffold`` namespace, :mod:`storyhub.i18n`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TextIO

from storyhub.content.load import PEOPLE_DIR, STORIES_DIR, Content, load_content, story_files
from storyhub.content.model import LIMITS, SLUG_RE, Campaign, parse_author_date, slugify
from storyhub.diagnostics.core import did_you_mean
from storyhub.hub.advice import GUIDANCE_MARKER
from storyhub.hub.campaigns import open_campaigns
from storyhub.hub.content_words import value_in
from storyhub.i18n import Translator, normalize_language
from storyhub.options.settings import resolve_now
from storyhub.text.controls import control_message, find_control

CONSENT_USES = ("name", "photo", "quotes", "social", "media")

class ScaffoldError(Exception):
    """Nothing was written; the message says why. ``code`` is the exit code."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def language_of(requested: str | None, hub_language: str) -> str:
    """The language of questions and guidance: ``--lang``, else the hub's."""
    return normalize_language(requested or hub_language)


def words(lang: str) -> Translator:
    """The catalogue's ``scaffold`` namespace in ``lang``: ``words("it")("title")``."""
    return Translator.for_language(lang).scope("scaffold")


@dataclass
class Asker:
    """Asks questions on a terminal, or on whatever stdin is (tests, scripts)."""

    lang: str
    out: TextIO = field(default_factory=lambda: sys.stdout)
    read: Callable[[str], str] = input

    def t(self, key: str, **params: object) -> str:
        return words(self.lang)(key, **params)

    def say(self, text: str) -> None:
        print(text, file=self.out)

    def ask(self, key: str, flag: str, default: str | None = None) -> str:
        """One answer; the default on an empty answer or at the end of stdin."""
        prompt = self.t(key) + (f" [{default}]" if default else "") + ": "
        while True:
            try:
                answer = self.read(prompt).strip()
            except EOFError:
                self.say("")
                if default is not None:
                    return default
                raise ScaffoldError(self.t("no_answer", what=self.t(key), flag=flag), 2) from None
            if answer:
                return answer
            if default is not None:
                return default

    def ask_ids(self, key: str, flag: str, known: dict[str, str]) -> list[str]:
        """Ids separated by commas or spaces, each checked against ``known``."""
        if not known:
            raise ScaffoldError(self.t("none_yet", what=self.t(f"none_yet_{key}")), 1)
        self.say(self.t(f"known_{key}"))
        self.say(listing(known))
        _complete_with(known)
        while True:
            words = split_ids(self.ask(key, flag))
            problems = [unknown_message(w, known, self.lang) for w in words if w not in known]
            if words and not problems:
                return words
            self.say("  " + ("; ".join(problems) if problems else self.t("need_one")))

    def ask_yes(self, key: str) -> bool:
        try:
            answer = self.read(f"{self.t(key)} {self.t('yes_no')} ").strip().lower()
        except EOFError:
            self.say("")
            return False
        return answer in self.t("yes_words").split()


def split_ids(text: str) -> list[str]:
    return list(dict.fromkeys(w for w in text.replace(",", " ").split() if w))


def listing(known: dict[str, str]) -> str:
    """``id  name`` lines, one per id: easy to read and to feed to shell completion."""
    width = max((len(k) for k in known), default=0)
    return "\n".join(f"  {k.ljust(width)}  {v}" for k, v in known.items())


def closest_id(word: str, known: dict[str, str]) -> str | None:
    """The id ``word`` most likely means: the closest id or name, else the id one of whose
    parts (``chiara`` of ``chiara-lanzoni``, a word of the name) is closest, when only
    one id has that part."""
    close = did_you_mean(word, [*known, *known.values()])
    if close in known.values():
        return next(k for k, v in known.items() if v == close)
    if close is not None:
        return close
    parts: dict[str, set[str]] = {}
    for key, name in known.items():
        for part in {*key.split("-"), *name.casefold().split()}:
            if len(part) > 2:
                parts.setdefault(part, set()).add(key)
    found = did_you_mean(word.casefold(), parts)
    if found is not None and len(parts[found]) == 1:
        return next(iter(parts[found]))
    return None


def unknown_message(word: str, known: dict[str, str], lang: str) -> str:
    close = closest_id(word, known)
    t = words(lang)
    return t("unknown", word=word, hint=t("did_you_mean", close=close) if close else "")


def _complete_with(words: Iterable[str]) -> None:
    """Tab completion of ids when a person types at a terminal."""
    if not sys.stdin.isatty():
        return
    try:
        import readline
    except ImportError:  # pragma: no cover - Windows without pyreadline
        return
    choices = sorted(words)

    def complete(text: str, state: int) -> str | None:
        matches = [c for c in choices if c.startswith(text)]
        return matches[state] if state < len(matches) else None

    readline.set_completer_delims(" ,")
    readline.set_completer(complete)
    readline.parse_and_bind("tab: complete")


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML): safe for any text."""
    return json.dumps(text, ensure_ascii=False)


def _comment_safe(text: str) -> str:
    return text.replace("-->", "—>").replace("<!--", "<!—")


def known_people(content: Content) -> dict[str, str]:
    return {p.id: f"{p.name} ({p.team})" for p in sorted(content.people, key=lambda p: p.id)}


def known_values(content: Content, lang: str = "en") -> dict[str, str]:
    """Value ids and their names in ``lang`` (where values.yml translates them)."""
    return {v.id: value_in(v, lang).name for v in content.values}


def known_teams(content: Content, lang: str = "en") -> dict[str, str]:
    counts: dict[str, int] = {}
    for person in content.people:
        counts[person.team] = counts.get(person.team, 0) + 1
    t = words(lang)
    return {team: t.count("team_size", count)
            for team, count in sorted(counts.items(), key=lambda item: item[0].casefold())}


def _today(as_of: date | None) -> date:
    return as_of if as_of is not None else resolve_now().date()


def _check_date(text: str | None, as_of: date | None) -> date:
    if text is None:
        return _today(as_of)
    try:
        parsed = parse_author_date(text)
    except Exception as exc:  # PydanticCustomError: a sentence for a person
        raise ScaffoldError(f"--date: {exc}", 2) from None
    assert isinstance(parsed, date)
    return parsed


# -- stories ---------------------------------------------------------------------------------


@dataclass
class StoryAnswers:
    title: str | None = None
    people: Sequence[str] = ()
    values: Sequence[str] = ()
    summary: str | None = None
    date: str | None = None
    slug: str | None = None
    author: str | None = None
    campaign: str | None = None  # None: offer the open campaigns; "": none


def new_story(root: Path, answers: StoryAnswers, asker: Asker,
              as_of: date | None = None, base_language: str = "en") -> Path:
    """Write ``stories/<date>-<slug>/index.md``; return its path. Never overwrites.
    ``base_language``: the hub's language, the one values.yml is written in."""
    content = load_content(root)
    people, values = known_people(content), known_values(content, asker.lang)
    campaigns = open_campaigns(content.campaigns, _today(as_of))
    if campaigns and answers.campaign is None:  # the questions they ask, before the title
        asker.say(asker.t("campaigns_open"))
        for open_one in campaigns:
            asker.say("  " + asker.t("campaign_line", id=open_one.id,
                                     title=open_one.title_in(asker.lang),
                                     closes=words(asker.lang).date(open_one.closes)))
            asker.say("      " + open_one.prompt_in(asker.lang))
    title = _visible(answers.title or asker.ask("title", "--title"), "--title")
    chosen_people = _checked_ids(answers.people, people, "--person", "people", asker)
    chosen_values = _checked_ids(answers.values, values, "--value", "values", asker)
    if answers.author is not None and answers.author not in people:
        raise ScaffoldError("--author: " + unknown_message(answers.author, people, asker.lang), 2)
    summary = answers.summary
    if summary is None:
        summary = asker.ask("summary", "--summary", default="") or asker.t("summary_placeholder")
    summary = _visible(summary, "--summary")
    campaign = _campaign(answers.campaign, content, campaigns, asker)
    when = _check_date(answers.date, as_of)
    if len(title) > LIMITS["title"]:
        raise ScaffoldError(asker.t("too_long", flag="--title", count=len(title),
                                    limit=LIMITS["title"]), 2)
    slug = answers.slug or short_slug(slugify(title)) or "story"
    if not SLUG_RE.match(slug):
        raise ScaffoldError(asker.t("bad_id", id=slug), 2)
    if len(slug) > MAX_SLUG:
        raise ScaffoldError(asker.t("too_long", flag="--slug", count=len(slug),
                                    limit=MAX_SLUG), 2)

    for path, existing in story_files(root):
        if existing == slug:
            raise ScaffoldError(asker.t("slug_taken", slug=slug, path=_rel(root, path)))
    folder = root / STORIES_DIR / f"{when.isoformat()}-{slug}"
    target = folder / "index.md"
    if folder.exists():
        raise ScaffoldError(asker.t("exists", path=_rel(root, folder)))

    text = story_text(
        title=title, when=when, people=chosen_people, values=chosen_values, summary=summary,
        author=answers.author, content=content, lang=asker.lang,
        base_language=normalize_language(base_language),
        campaign=next((c for c in content.campaigns if c.id == campaign), None),
    )
    folder.mkdir(parents=True)
    with target.open("x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    asker.say(asker.t("wrote", path=_rel(root, target)))
    asker.say(asker.t("story_next"))
    return target


def _campaign(given: str | None, content: Content, open_now: list[Campaign],
              asker: Asker) -> str | None:
    """The campaign the story answers: ``--campaign`` (any campaign of campaigns.yml), else
    asked when campaigns are open (Enter: none)."""
    known = {c.id: c.title_in(asker.lang) for c in content.campaigns}
    if given is None and open_now:
        while True:
            given = asker.ask("campaign", "--campaign", default="")
            if not given or given in known:
                break
            asker.say("  " + unknown_message(given, known, asker.lang))
    if not given:
        return None
    if given not in known:
        raise ScaffoldError("--campaign: " + unknown_message(given, known, asker.lang), 2)
    return given


def _visible(text: str, flag: str) -> str:
    """An answer as it goes into the file, refused when it holds a character the check
    refuses (a pasted ESC or bell): else ``storyhub new`` would write a file whose first
    ``storyhub check`` fails."""
    found = find_control(text)
    if found is not None:
        raise ScaffoldError(f"{flag}: {control_message(text[found])}", 2)
    return text


#: The longest slug (and so file or folder name part) ``storyhub new`` makes from a title or
#: a name: well inside every file system's limit of 255 bytes, with the date before it.
MAX_SLUG = 60


def short_slug(slug: str, limit: int = MAX_SLUG) -> str:
    """``slug`` cut to at most ``limit`` characters at a hyphen (a word boundary)."""
    if len(slug) <= limit:
        return slug
    cut = slug[:limit + 1]
    return (cut.rsplit("-", 1)[0] if "-" in cut else slug[:limit]).strip("-")


def _checked_ids(given: Sequence[str], known: dict[str, str], flag: str, key: str,
                 asker: Asker) -> list[str]:
    if not given:
        return asker.ask_ids(key, flag, known)
    words = split_ids(",".join(given))
    problems = [unknown_message(w, known, asker.lang) for w in words if w not in known]
    if problems:
        raise ScaffoldError(f"{flag}: " + "; ".join(problems), 2)
    return words


def story_text(*, title: str, when: date, people: list[str], values: list[str], summary: str,
               author: str | None, content: Content, lang: str,
               base_language: str = "en", campaign: Campaign | None = None) -> str:
    """The new story's file: front matter, then guidance in ``lang`` — the questions of its
    values in ``lang`` (values.yml is written in ``base_language``, the hub's; other
    languages from its ``translations``), else the catalogue's general questions; with
    ``campaign``, its question first."""
    t = words(lang)
    lines = [
        "---",
        f"title: {quoted(title)}",
        f"date: {when.isoformat()}",
        f"people: [{', '.join(people)}]",
        f"values: [{', '.join(values)}]",
        f"summary: {quoted(summary)}",
    ]
    if author:
        lines.append(f"author: {author}")
    if lang != "en":
        lines.append(f"lang: {lang}")
    if campaign is not None:
        lines.append(f"campaign: {campaign.id}")
    lines += ["draft: true", "---", ""]

    by_id = {v.id: v for v in content.values}
    names = {p.id: p.name for p in content.people}
    first = names.get(people[0], people[0]).split()[0]
    guide = [f"<!-- {GUIDANCE_MARKER}", t("guide_story"), ""]
    if campaign is not None:
        guide += [_comment_safe(t("campaign_guide", title=campaign.title_in(lang),
                                  prompt=campaign.prompt_in(lang))), ""]
    for value_id in values:
        value = by_id[value_id]
        words_in = value_in(value, lang)
        guide.append(_comment_safe(words_in.name))
        # The value's prompts in the story's language, else the first line of its
        # description in it; else the catalogue's general questions (never another
        # language's words).
        own = value.translations.get(lang) if lang != base_language else None
        description: str | None
        if lang == base_language:
            prompts, description = value.prompts, value.description
        else:
            prompts = (own.prompts or []) if own is not None else []
            description = own.description if own is not None else None
        if prompts:
            guide += [f"- {_comment_safe(q)}" for q in prompts]
        elif description:
            guide.append(f"- {_comment_safe(description.splitlines()[0])}")
        else:
            guide += [f"- {q}" for q in t("general_prompts").splitlines() if q.strip()]
        guide.append("")
    guide += [t("tips", first=_comment_safe(first)), "-->", "", ""]
    return "\n".join(lines + guide)


# -- people ----------------------------------------------------------------------------------


@dataclass
class PersonAnswers:
    name: str | None = None
    id: str | None = None
    role: str | None = None
    team: str | None = None
    consent: Sequence[str] | None = None  # uses agreed to; None: ask
    consent_date: str | None = None


def new_person(root: Path, answers: PersonAnswers, asker: Asker,
               as_of: date | None = None) -> Path:
    """Write ``people/<id>.md``; return its path. Never overwrites."""
    content = load_content(root)
    name = _visible(answers.name or asker.ask("name", "--name"), "--name")
    person_id = answers.id
    if person_id is None:
        suggested = short_slug(slugify(name))
        person_id = suggested if answers.name else asker.ask("id", "--id", default=suggested)
    if not SLUG_RE.match(person_id):
        raise ScaffoldError(asker.t("bad_id", id=person_id), 2)
    folder = root / PEOPLE_DIR
    for existing in folder.glob("*.md") if folder.is_dir() else []:
        if existing.stem.lower() == person_id.lower():
            raise ScaffoldError(asker.t("person_taken", id=person_id, path=_rel(root, existing)))
    role = _visible(answers.role or asker.ask("role", "--role"), "--role")
    team = answers.team
    if team is None:
        teams = known_teams(content, asker.lang)
        if teams:
            asker.say(asker.t("known_teams"))
            asker.say(listing(teams))
            _complete_with(teams)
        team = _known_team_spelling(asker.ask("team", "--team"), teams)
    team = _visible(team, "--team")
    if answers.consent is None:
        asker.say(asker.t("consent_intro", name=name))
        agreed = [use for use in CONSENT_USES if asker.ask_yes(f"consent_{use}")]
    else:
        agreed = split_ids(",".join(answers.consent))
        wrong = [u for u in agreed if u not in (*CONSENT_USES, "none", "all")]
        if wrong:
            raise ScaffoldError(
                f"--consent: unknown use(s) {', '.join(wrong)}: "
                f"choose from {', '.join(CONSENT_USES)}, all or none", 2)
        agreed = list(CONSENT_USES) if "all" in agreed else [u for u in agreed if u != "none"]
    when = _check_date(answers.consent_date, as_of)

    text = person_text(name=name, role=role, team=team, agreed=agreed, when=when,
                       lang=asker.lang)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{person_id}.md"
    try:
        with target.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise ScaffoldError(asker.t("exists", path=_rel(root, target))) from None
    asker.say(asker.t("wrote", path=_rel(root, target)))
    asker.say(asker.t("person_next"))
    return target


def _known_team_spelling(team: str, teams: dict[str, str]) -> str:
    """'customer care' typed for an existing 'Customer Care' becomes the existing name."""
    for existing in teams:
        if existing.casefold() == team.casefold():
            return existing
    return team


def person_text(*, name: str, role: str, team: str, agreed: list[str], when: date,
                lang: str) -> str:
    t = words(lang)
    first = name.split()[0]
    yes = {use: ("true" if use in agreed else "false") for use in CONSENT_USES}
    # Consent is all fields, no comments: the web editor rewrites YAML and drops comments.
    # What each field means goes in the guidance block below, which editors keep.
    consent = [f"  {use}: {yes[use]}" for use in CONSENT_USES]
    consent.append(f"  date: {when.isoformat()}")
    meaning = [t("c_head", first=first)]
    meaning += [f"- {use}: {t('c_' + use)}" for use in (*CONSENT_USES, "date", "withdrawn")]
    lines = [
        "---",
        f"name: {quoted(name)}",
        f"role: {quoted(role)}",
        f"team: {quoted(team)}",
        "consent:",
        *consent,
        "---",
        "",
        f"<!-- {GUIDANCE_MARKER}",
        _comment_safe(t("guide_person", first=first)),
        "",
        _comment_safe("\n".join(meaning)),
        "-->",
        "",
        "",
    ]
    return "\n".join(lines)


def _rel(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
