"""Linked translations: a story says which story it translates with ``translation_of``.

A translation names its original (the story it was translated from), never another
translation: the group is the original and every story that names it. Staff write one
slug, the one of the story they started from; storyhub checks it:

* an unknown slug is an error, with the closest slug suggested;
* a story cannot translate itself, nor a story that is itself a translation (point to the
  original instead: this also rules out cycles);
* two stories of one group in the same language is an error (the language of a story
  without ``lang`` is the site's);
* a translation whose people or values differ from the original's is a warning.

Translations are published one by one: a draft or embargoed translation is left out
without affecting the others (the hub links only published stories to each other).
"""

from __future__ import annotations

from collections import defaultdict

from storyhub.content.model import Story
from storyhub.diagnostics.core import Diagnostics, did_you_mean, suggestion
from storyhub.i18n.catalogue import primary_subtag


def story_language(story: Story, site_language: str) -> str:
    """A story's language (its primary subtag, ``it`` for ``it-IT``): its ``lang``, else the
    site's. Any language a story is written in counts, with a catalogue or not."""
    return primary_subtag(story.lang or site_language) or "en"


def check_story_languages(stories: list[Story], languages: tuple[str, ...] | None,
                          diagnostics: Diagnostics) -> None:
    """With ``languages`` configured, a story written in another language is a warning
    (it is still published, its page in its own language where storyhub has the words)."""
    if not languages:
        return
    for story in stories:
        if story.lang is None or primary_subtag(story.lang) in languages:
            continue
        line, col = story.source.value_pos("lang")
        close = did_you_mean(primary_subtag(story.lang), languages)
        hint = f" — did you mean '{close}'?" if close else ""
        diagnostics.warning(
            story.source.path, line, col,
            f"'lang' is '{story.lang}', not one of the site's languages "
            f"({', '.join(languages)}){hint}; "
            "correct 'lang', or add the language to 'languages' in mkdocs.yml",
            field="lang", code="language")


def check_translations(stories: list[Story], site_language: str,
                       diagnostics: Diagnostics) -> dict[str, str]:
    """Check every ``translation_of``; return story id -> the id of its group's original,
    for the stories in a valid group (originals included)."""
    by_id = {s.id: s for s in stories}
    group_of: dict[str, str] = {}
    members: dict[str, list[Story]] = defaultdict(list)
    for story in stories:
        target = story.translation_of
        if target is None:
            continue
        line, col = story.source.value_pos("translation_of")
        path = story.source.path
        original = by_id.get(target)
        if target == story.id:
            diagnostics.error(path, line, col, "'translation_of' names this story itself: "
                              "write the slug of the story this one translates",
                              field="translation_of", code="translation")
        elif original is None:
            diagnostics.error(path, line, col, f"unknown story '{target}' in 'translation_of'"
                              + suggestion(target, by_id, known="stories"),
                              field="translation_of", code="translation")
        elif original.translation_of is not None:
            diagnostics.error(path, line, col, f"'{target}' is itself a translation (of "
                              f"'{original.translation_of}'): write translation_of: "
                              f"{original.translation_of}", field="translation_of",
                              code="translation")
        else:
            members[original.id].append(story)
    for original_id, translations in members.items():
        original = by_id[original_id]
        seen: dict[str, Story] = {story_language(original, site_language): original}
        group_of[original_id] = original_id
        for story in sorted(translations, key=lambda s: (s.source.path, s.id)):
            language = story_language(story, site_language)
            line, col = story.source.value_pos("lang" if story.lang else "translation_of")
            if language in seen:
                other = seen[language]
                diagnostics.error(
                    story.source.path, line, col,
                    f"two stories of one translation group are in '{language}': this one and "
                    f"'{other.id}' ({other.source.path}); set 'lang' to the language this "
                    "version is written in", field="lang", code="translation")
                continue
            seen[language] = story
            group_of[story.id] = original_id
            for field_name in ("people", "values"):
                mine, theirs = getattr(story, field_name), getattr(original, field_name)
                if sorted(mine) != sorted(theirs):
                    fline, fcol = story.source.value_pos(field_name)
                    diagnostics.warning(
                        story.source.path, fline, fcol,
                        f"'{field_name}' differs from the original '{original.id}' "
                        f"({', '.join(theirs)}): a translation tells the same story",
                        field=field_name, code="translation")
    return group_of


def published_translations(stories: list[Story], group_of: dict[str, str],
                           site_language: str) -> dict[str, list[tuple[str, Story]]]:
    """For each published story in a group: every published version of it, itself
    included, as (language, story), the original first."""
    groups: dict[str, list[Story]] = defaultdict(list)
    for story in stories:
        if story.id in group_of:
            groups[group_of[story.id]].append(story)
    found: dict[str, list[tuple[str, Story]]] = {}
    for original_id, versions in groups.items():
        if len(versions) < 2:
            continue
        ordered = sorted(versions, key=lambda s: (s.id != original_id,
                                                  story_language(s, site_language)))
        pairs = [(story_language(s, site_language), s) for s in ordered]
        for story in versions:
            found[story.id] = pairs
    return found


def one_version_each(stories: list[Story] | tuple[Story, ...],
                     translations: dict[str, list[tuple[str, Story]]],
                     language: str) -> list[Story]:
    """``stories`` with one version of each translated story: the one in ``language`` when
    it is among them, else the original, else the first met — in their own order. What a
    listing, a count or a feed in ``language`` shows (the other versions are linked from
    the story's page). Linear in the number of stories."""
    listed = {s.id for s in stories}
    chosen: dict[str, str] = {}  # the group's original id -> the id of the version shown
    for story in stories:
        versions = translations.get(story.id)
        if not versions:
            continue
        group = versions[0][1].id
        if group in chosen:
            continue
        present = [(lang, s) for lang, s in versions if s.id in listed]
        pick = next((s for lang, s in present if lang == language), None)
        chosen[group] = (pick or present[0][1]).id  # present[0]: the original if listed
    return [s for s in stories
            if s.id not in translations or chosen[translations[s.id][0][1].id] == s.id]
