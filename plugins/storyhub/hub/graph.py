"""The linked hub: who told which story about which value, and what is published.

Built once per build from validated content. Every index here is computed in
time proportional to the number of stories (times small constants such as the
number of people in a story); nothing compares every story with every other.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from storyhub.content.load import Content
from storyhub.content.media_files import check_media_languages
from storyhub.content.model import Person, Story, Value
from storyhub.diagnostics.core import Diagnostics, did_you_mean, suggestion
from storyhub.hub.campaigns import check_campaigns
from storyhub.hub.content_words import check_content_translations, person_in, value_in
from storyhub.hub.publish import (
    PhotoIndex,
    Verdict,
    file_verdict,
    handles_without_consent,
    person_verdict,
    photo_allowed,
    quote_message,
    quotes_without_consent,
    shown_anonymously,
    story_verdict,
)
from storyhub.hub.signoff import check_sign_offs
from storyhub.hub.translations import (
    check_story_languages,
    check_translations,
    one_version_each,
    published_translations,
    story_language,
)
from storyhub.i18n import Translator
from storyhub.options.settings import HubSettings
from storyhub.text.pullquotes import find_pull_quotes

#: handles on code forges: for reviews (storyhub codeowners), never published or mentioned
FORGE_HANDLES = ("github", "gitlab")


@dataclass
class Team:
    id: str
    name: str
    members: list[Person] = field(default_factory=list)
    #: the team's name in other languages (its people's ``translations.<code>.team``)
    names: dict[str, str] = field(default_factory=dict)

    def in_language(self, language: str | None) -> Team:
        """This team named in ``language`` (itself when it has no name in it)."""
        name = self.names.get(language or "")
        if not name or name == self.name:
            return self
        return Team(self.id, name, self.members, self.names)

    @property
    def url(self) -> str:
        return f"teams/{self.id}/"


def newest_first(story: Story) -> tuple[int, str]:
    return (-story.date.toordinal(), story.id)


@dataclass
class Hub:
    settings: HubSettings
    content: Content
    now: datetime
    values: dict[str, Value]
    #: every person read, published or not (for reference checks)
    all_people: dict[str, Person]
    #: people who may be named, in name order
    people: dict[str, Person]
    #: published stories, newest first
    stories: list[Story]
    hidden_stories: dict[str, Verdict]
    hidden_people: dict[str, Verdict]
    by_person: dict[str, list[Story]]
    by_author: dict[str, list[Story]]
    by_value: dict[str, list[Story]]
    teams: dict[str, Team]
    _position: dict[str, int] = field(default_factory=dict)
    #: people never named, shown under the anonymous label (``unconsented: anonymous``)
    anonymous: dict[str, Person] = field(default_factory=dict)
    #: the build's one translator (``theme.language``), handed to every output
    translator: Translator = field(default_factory=lambda: Translator.for_language(None))
    #: files of published stories that must not be published (someone's unconsented photo)
    refused_files: dict[Path, Verdict] = field(default_factory=dict)

    #: published story id -> every published version of it, (language, story), original first
    translations: dict[str, list[tuple[str, Story]]] = field(default_factory=dict)
    #: values and people worded in another language, made once: (kind, id, language) -> copy
    _worded: dict[tuple[str, str, str], Value | Person] = field(default_factory=dict)

    # -- the hub's own words in a language (values.yml and people's ``translations``) -------

    @property
    def content_language(self) -> str:
        """The language of the words at the top of values.yml and profiles: the site's."""
        return str(self.settings.languages[0])

    def value_in(self, value: Value, language: str | None) -> Value:
        """``value`` as a page, card, post or feed in ``language`` shows it: same id, URL
        and colour, its name, description and hashtags from ``translations.<language>``."""
        found = self._worded_in(value, language, value_in)
        assert isinstance(found, Value)
        return found

    def person_in(self, person: Person, language: str | None) -> Person:
        """``person`` with their role in ``language`` (``translations.<language>.role``)."""
        found = self._worded_in(person, language, person_in)
        assert isinstance(found, Person)
        return found

    def _worded_in(self, item: Value | Person, language: str | None,
                   make: Callable[[Any, str], Value | Person]) -> Value | Person:
        """``item`` in ``language``, made once per build (itself in the site's language)."""
        if not language or language == self.content_language:
            return item
        key = (type(item).__name__, item.id, language)
        found = self._worded.get(key)
        if found is None:
            found = self._worded[key] = make(item, language)
        return found

    def language_of(self, story: Story) -> str:
        """The language a story is written in (``it`` for ``it-IT``; the site's if unset)."""
        return story_language(story, self.settings.language)

    def file_published(self, path: Path) -> bool:
        """May this file of a published story be copied into the site? (The one decision.)"""
        return path not in self.refused_files

    @property
    def diagnostics(self) -> Diagnostics:
        return self.content.diagnostics

    def story(self, slug: str) -> Story | None:
        index = self._position.get(slug)
        return None if index is None else self.stories[index]

    def preview_only(self, story: Story) -> bool:
        """A draft or embargoed story, in :attr:`stories` only because a preview server
        shows drafts (``drafts: true`` under ``mkdocs serve``): never in feeds or plans."""
        return story.draft or (story.publish_at is not None and story.publish_at > self.now)

    def people_of(self, story: Story) -> list[Person]:
        """The story's named people, their roles in the story's language."""
        language = self.language_of(story)
        return [self.person_in(self.people[p], language) for p in story.people
                if p in self.people]

    @property
    def anonymous_label(self) -> str:
        return self.settings.anonymous_label or self.translator("site.anonymous")

    def display_name(self, person: Person) -> str | None:
        """The name to print for ``person``: their name, the anonymous label, or None
        when nothing of them may be shown. Every output asks here."""
        if person.id in self.people:
            return person.name
        if person.id in self.anonymous:
            return self.anonymous_label
        return None

    def names_of(self, story: Story) -> list[str]:
        """The names to print for a story's people, in order (anonymous ones as the label)."""
        names: list[str] = []
        for person_id in story.people:
            person = self.all_people.get(person_id)
            name = self.display_name(person) if person is not None else None
            if name is not None:
                names.append(name)
        return names

    def anonymous_in(self, story: Story) -> int:
        """How many of a story's people are shown only as the anonymous label."""
        return sum(1 for p in dict.fromkeys(story.people) if p in self.anonymous)

    def social_handles(self, person: Person) -> dict[str, str]:
        """A person's links, only when they are named and agreed to be mentioned."""
        if person.id not in self.people or not person.consent.social:
            return {}
        return {k: v for k, v in person.links.model_dump().items()
                if v and k not in FORGE_HANDLES}

    def values_of(self, story: Story) -> list[Value]:
        """The story's values, worded in the story's language: its page, cards, share
        images, posts and feed entries all ask here."""
        language = self.language_of(story)
        return [self.value_in(self.values[v], language) for v in story.values
                if v in self.values]

    def author_of(self, story: Story) -> Person | None:
        if story.author is None or story.author in story.people:
            return None
        return self.people.get(story.author)

    def team_of(self, person: Person) -> Team | None:
        return self.teams.get(person.team_id)

    @property
    def today(self) -> date:
        """The build's day in the hub's time zone (:attr:`HubSettings.today`)."""
        return self.settings.today

    def shows_photo(self, person: Person) -> bool:
        return person.photo is not None and photo_allowed(person, self.today)

    def previous(self, story: Story) -> Story | None:
        """The next older story."""
        index = self._position[story.id]
        return self.stories[index + 1] if index + 1 < len(self.stories) else None

    def next(self, story: Story) -> Story | None:
        """The next newer story."""
        index = self._position[story.id]
        return self.stories[index - 1] if index > 0 else None

    def related(self, story: Story, count: int | None = None) -> list[Story]:
        """Stories sharing a person, then a value, nearest in time first. A translated
        story counts once, in ``story``'s language when it has a version in it, and the
        story's own versions are never related to it."""
        count = self.settings.related_count if count is None else count
        chosen: list[Story] = []
        seen = {story.id} | self.versions_of(story)
        language = self.language_of(story)
        for groups in (
            [self.by_person.get(p, []) for p in story.people],
            [self.by_value.get(v, []) for v in story.values],
        ):
            # twice as many as missing: two versions of one story count once
            for candidate in _nearest(story, groups, 2 * (count - len(chosen)), seen):
                if len(chosen) >= count:
                    break
                if candidate.id in seen:  # a version of one chosen in this same round
                    continue
                versions = self.translations.get(candidate.id, [])
                chosen.append(next((s for lang, s in versions if lang == language), candidate))
                seen.add(candidate.id)
                seen |= self.versions_of(candidate)
            if len(chosen) >= count:
                break
        return chosen

    def one_version(self, stories: list[Story] | tuple[Story, ...],
                    language: str | None = None) -> list[Story]:
        """``stories`` with each translated story once: its version in ``language`` (the
        site's by default), else the original. Every listing, count and feed asks here."""
        if not self.translations:
            return list(stories)
        return one_version_each(stories, self.translations, language or self.content_language)

    def versions_of(self, story: Story) -> set[str]:
        """Ids of every published version of ``story`` (itself included when translated)."""
        return {s.id for _, s in self.translations.get(story.id, [])}


def _nearest(
    story: Story, groups: list[list[Story]], wanted: int, seen: set[str]
) -> list[Story]:
    """Up to ``wanted`` stories from ``groups`` (each newest first) nearest in date to ``story``."""
    if wanted <= 0:
        return []
    key = newest_first(story)
    candidates: dict[str, tuple[int, tuple[int, str], Story]] = {}
    for group in groups:
        index = bisect_left(group, key, key=newest_first)
        low, high = index - 1, index
        taken = 0
        # Walk outwards from the story's place in time; a few per group is enough.
        while taken < wanted + len(seen) and (low >= 0 or high < len(group)):
            for pos in (low, high):
                if 0 <= pos < len(group):
                    other = group[pos]
                    if other.id not in seen:
                        distance = abs(other.date.toordinal() - story.date.toordinal())
                        candidates[other.id] = (distance, newest_first(other), other)
                    taken += 1
            low -= 1
            high += 1
    ranked = sorted(candidates.values(), key=lambda item: (item[0], item[1]))
    return [item[2] for item in ranked[:wanted]]


def build_hub(content: Content, settings: HubSettings,
              translator: Translator | None = None) -> Hub:
    """Check references between files and link the published content. ``translator``:
    the build's (default: the one of ``settings.language``)."""
    diagnostics = content.diagnostics
    now = settings.now
    today = settings.today
    values = {v.id: v for v in content.values}
    all_people = {p.id: p for p in content.people}
    _check_references(content, values, all_people, diagnostics)
    _check_pull_quotes(content, all_people, diagnostics)
    check_campaigns(content, values, diagnostics)
    check_sign_offs(content.stories, all_people, invalid_people=content.invalid_people,
                    required=settings.options.quotes.sign_off == "required",
                    diagnostics=diagnostics)
    group_of = check_translations(content.stories, settings.language, diagnostics)
    check_story_languages(content.stories, settings.options.languages, diagnostics)
    check_media_languages(content.stories, settings.language, diagnostics)
    _check_media_people(content.stories, all_people, diagnostics)
    check_content_translations(content.values, content.people, settings.languages[0],
                               diagnostics)

    hidden_people: dict[str, Verdict] = {}
    people: dict[str, Person] = {}
    anonymous: dict[str, Person] = {}
    for person in sorted(content.people, key=lambda p: (p.name.casefold(), p.id)):
        verdict = person_verdict(person, today)
        if verdict:
            people[person.id] = person
        else:
            hidden_people[person.id] = verdict
            if shown_anonymously(person, today, settings.unconsented):
                anonymous[person.id] = person

    hidden_stories: dict[str, Verdict] = {}
    stories: list[Story] = []
    for story in content.stories:
        verdict = story_verdict(
            story,
            all_people,
            now,
            today=today,
            show_drafts=settings.show_drafts,
            anonymous=settings.unconsented == "anonymous",
        )
        if verdict:
            stories.append(story)
        else:
            hidden_stories[story.id] = verdict
    stories.sort(key=newest_first)

    by_person: dict[str, list[Story]] = defaultdict(list)
    by_author: dict[str, list[Story]] = defaultdict(list)
    by_value: dict[str, list[Story]] = defaultdict(list)
    for story in stories:
        for person_id in dict.fromkeys(story.people):
            by_person[person_id].append(story)
        if story.author and story.author not in story.people:
            by_author[story.author].append(story)
        for value_id in dict.fromkeys(story.values):
            by_value[value_id].append(story)

    teams: dict[str, Team] = {}
    for person in people.values():
        team = teams.setdefault(person.team_id, Team(person.team_id, person.team))
        team.members.append(person)
        for code, words in person.translations.items():
            if words.team:
                team.names.setdefault(code, words.team)
    teams = dict(sorted(teams.items(), key=lambda item: item[1].name.casefold()))
    _check_team_spelling(teams, diagnostics)
    refused = _refused_files(stories, content.people, today, diagnostics)
    _check_consent_per_use(content.stories, all_people, set(people), diagnostics)
    _check_future(content, today, diagnostics)

    return Hub(
        settings=settings,
        content=content,
        now=now,
        values=values,
        all_people=all_people,
        people=people,
        stories=stories,
        hidden_stories=hidden_stories,
        hidden_people=hidden_people,
        by_person=dict(by_person),
        by_author=dict(by_author),
        by_value=dict(by_value),
        teams=teams,
        _position={s.id: i for i, s in enumerate(stories)},
        anonymous=anonymous,
        translator=translator or Translator.for_language(settings.language),
        refused_files=refused,
        translations=published_translations(stories, group_of, settings.language),
    )


def _check_media_people(stories: list[Story], people: dict[str, Person],
                        diagnostics: Diagnostics) -> None:
    """``video.people`` and ``audio.people`` name people of the hub."""
    for story in stories:
        for field_name in ("video", "audio"):
            item = getattr(story, field_name)
            for index, person_id in enumerate(item.people or [] if item else []):
                if person_id in people:
                    continue
                close = did_you_mean(person_id, people)
                hint = f" — did you mean '{close}'?" if close else ""
                line, col = story.source.value_pos(field_name, "people", index)
                diagnostics.error(story.source.path, line, col,
                                  f"'{field_name}.people': unknown person '{person_id}'{hint}",
                                  field=field_name, code="unknown-person")


def _check_future(content: Content, today: date, diagnostics: Diagnostics) -> None:
    """A story dated in the future is most likely meant to wait: say how; a consent dated
    in the future counts from that day only (the person is not published before)."""
    for story in content.stories:
        if story.date > today and story.publish_at is None:
            line, col = story.source.value_pos("date")
            diagnostics.warning(
                story.source.path, line, col,
                f"'date': {story.date.isoformat()} is in the future — the story is published "
                "now anyway; did you mean 'publish_at: "
                f"{story.date.isoformat()}T09:00:00+01:00' to publish it on that day?",
                field="date", code="future-date",
            )
    for person in content.people:
        if person.consent.date > today:
            line, col = person.source.value_pos("consent", "date")
            diagnostics.warning(
                person.source.path, line, col,
                f"'consent.date': {person.consent.date.isoformat()} is in the future: nothing "
                "of this person is published before that day",
                field="consent", code="future-date",
            )


def _check_consent_per_use(
    stories: list[Story], all_people: dict[str, Person], named: set[str],
    diagnostics: Diagnostics,
) -> None:
    """Quotes need 'quotes' consent, handles in a story's own posts need 'social' consent:
    an error at the line, for every story (drafts too: they are meant to be published)."""
    for story in stories:
        source = story.source
        people = [all_people[p] for p in dict.fromkeys(story.people) if p in all_people]
        for index, col, person in quotes_without_consent(story.body, people):
            diagnostics.error(source.path, source.body_line + index, col,
                              quote_message(person), field="quotes", code="consent")
        for field_name in ("title", "summary"):
            for _, _, person in quotes_without_consent(getattr(story, field_name), people):
                line, col = source.value_pos(field_name)
                diagnostics.error(source.path, line, col, quote_message(person),
                                  field=field_name, code="consent")
        candidates = list(all_people.values())
        for network, text in story.social.items():
            for _, _, person in quotes_without_consent(text, people):
                line, col = source.value_pos("social", network)
                diagnostics.error(source.path, line, col, quote_message(person),
                                  field="social", code="consent")
            for handle, person in handles_without_consent(text, candidates, named):
                line, col = source.value_pos("social", network)
                why = ("is not named on the site" if person.consent.social
                       else "has not consented to being mentioned on social networks")
                diagnostics.error(
                    source.path, line, col,
                    f"'social.{network}' mentions '{handle}', a profile of {person.name} "
                    f"({person.source.path}), who {why}: remove it",
                    field="social", code="consent",
                )


def _refused_files(
    stories: list[Story], people: list[Person], today: date, diagnostics: Diagnostics
) -> dict[Path, Verdict]:
    """Files beside published stories that are someone's photo without photo consent:
    the story is published without them, and a warning says so."""
    photos = PhotoIndex(people)
    refused: dict[Path, Verdict] = {}
    for story in stories:
        files = [("image", path) for path in story.source.files.values()]
        files += [("", item.path) for item in story.source.folder_files if item.kind == "image"]
        for field_name, path in files:
            if path in refused:
                continue
            verdict = file_verdict(path, photos, today)
            if verdict:
                continue
            refused[path] = verdict
            source = story.source
            if field_name:
                line, col = source.value_pos(field_name)
                where, shown = source.path, story.image
            else:
                line, col = 1, 1
                where = source.path.rsplit("/", 1)[0] + "/" + path.name
                shown = path.name
            diagnostics.warning(
                where, line, col,
                f"{shown} is not published: {verdict.reason}",
                field=field_name or None, code="photo-consent",
            )
    return refused


def _check_references(
    content: Content,
    values: dict[str, Value],
    people: dict[str, Person],
    diagnostics: Diagnostics,
) -> None:
    refs = [(s.source, s.people, s.values, s.author) for s in content.stories]
    refs += [(r.source, r.people, r.values, r.author) for r in content.rejected]
    # A value or person whose own fields are invalid is reported in its file, once.
    known_people = people.keys() | content.invalid_people
    known_values = values.keys() | content.invalid_values
    for src, story_people, story_values, author in refs:
        for index, person_id in enumerate(story_people):
            if person_id and person_id not in known_people:
                line, col = src.value_pos("people", index)
                diagnostics.error(
                    src.path, line, col,
                    f"unknown person '{person_id}'"
                    + suggestion(person_id, people, known="people"),
                    field="people", code="unknown-person",
                )
        for index, value_id in enumerate(story_values):
            if value_id and value_id not in known_values:
                line, col = src.value_pos("values", index)
                diagnostics.error(
                    src.path, line, col,
                    f"unknown value '{value_id}'" + suggestion(value_id, values, known="values"),
                    field="values", code="unknown-value",
                )
        if author is not None and author not in known_people:
            line, col = src.value_pos("author")
            diagnostics.error(
                src.path, line, col,
                f"unknown author '{author}'" + suggestion(author, people, known="people"),
                field="author", code="unknown-person",
            )


def _check_pull_quotes(content: Content, people: dict[str, Person],
                       diagnostics: Diagnostics) -> None:
    """A pull quote names a person who exists and agreed to be quoted."""
    for story in content.stories:
        for quote in find_pull_quotes(story.body):
            line = story.source.body_line + quote.line - 1
            person = people.get(quote.person)
            if person is None:
                diagnostics.error(
                    story.source.path, line, quote.col,
                    f"pull quote of unknown person '{quote.person}'"
                    + suggestion(quote.person, people, known="people"),
                    code="unknown-person",
                )
            elif not person.consent.quotes:
                diagnostics.error(
                    story.source.path, line, quote.col,
                    f"pull quote of '{quote.person}', who has not consented to be quoted "
                    f"(consent.quotes in {person.source.path}); remove the quote or ask them",
                    code="consent",
                )
            elif not quote.body.strip():
                diagnostics.error(
                    story.source.path, line, quote.col,
                    "empty pull quote: indent the quoted words by four spaces under the "
                    "'!!! quote' line", code="pull-quote",
                )


def _check_team_spelling(teams: dict[str, Team], diagnostics: Diagnostics) -> None:
    """A team of one whose name is close to another team's is most likely a typo."""
    from storyhub.diagnostics.core import did_you_mean

    names = {t.name for t in teams.values()}
    for team in teams.values():
        if len(team.members) != 1:
            continue
        close = did_you_mean(team.name, names - {team.name}, cutoff=0.8)
        if close is not None:
            person = team.members[0]
            line, col = person.source.value_pos("team")
            diagnostics.warning(
                person.source.path, line, col,
                f"team '{team.name}' has only this person — did you mean '{close}'?",
                field="team", code="team-typo",
            )
