"""The hub's own words in another language: a value's name, description and hashtags and a
person's role, from their ``translations`` (``values.yml``, ``people/<id>.md``).

The fields written at the top of a value or a profile are in the site's language (the
first of ``languages``); ``translations.<code>`` gives the words for pages, share cards,
posts and feeds in language ``<code>``, and a field it leaves out keeps the top one. The
hub hands out copies worded in one language (:meth:`storyhub.hub.graph.Hub.value_in`):
same id, same URL, same colour and consent, other words. Nothing else reads
``translations``.
"""

from __future__ import annotations

from storyhub.content.model import Person, Value
from storyhub.diagnostics.core import Diagnostics
from storyhub.i18n.catalogue import primary_subtag


def value_in(value: Value, language: str) -> Value:
    """``value`` with its words in ``language`` (itself when it has no translation)."""
    words = value.translations.get(primary_subtag(language))
    if words is None:
        return value
    update = words.model_dump(exclude_none=True)
    return value.model_copy(update=update) if update else value


def person_in(person: Person, language: str) -> Person:
    """``person`` with their role in ``language`` (themselves when it has no translation)."""
    words = person.translations.get(primary_subtag(language))
    if words is None or words.role is None:
        return person
    return person.model_copy(update={"role": words.role})


def check_content_translations(values: list[Value], people: list[Person],
                               site_language: str, diagnostics: Diagnostics) -> None:
    """A translation into the site's own language is never used (the words at the top are
    in it): a warning at its key."""
    owners: list[Value | Person] = [*values, *people]
    for owner in owners:
        if site_language not in owner.translations:
            continue
        line, col = owner.source.key_pos("translations", site_language)
        diagnostics.warning(
            owner.source.path, line, col,
            f"'translations.{site_language}' is in the site's own language, which the "
            "fields above are written in: it is never used — move its words up, or remove it",
            field="translations", code="translation")
