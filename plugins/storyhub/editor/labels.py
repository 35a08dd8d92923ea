"""The web editor's words, from the one string catalogue (namespace ``editor``).

``editor.fields`` holds each form field's ``[label, hint]``, keyed ``<kind>.<field>``
(``story.title``, ``person.consent.photo``) for every field the content models define, plus
a few for collections; a test fails when a model field has no label, so a new field cannot
reach the form without words for it. ``editor.page`` holds the words of the admin page and
of the preview's error page. A language is its catalogue file, as everywhere else.
"""

from __future__ import annotations

from storyhub.i18n.catalogue import load_catalogue, normalize_language

#: a field's (label, hint); the hint may be empty
Entry = tuple[str, str]

_FIELDS = "editor.fields."
_PAGE = "editor.page."


def catalogue(language: str | None) -> dict[str, Entry]:
    """Label and hint of every field, in the site's language (``it``, ``it-IT``…; a
    language without a catalogue gets English)."""
    strings = load_catalogue(normalize_language(language))
    return {key[len(_FIELDS):]: (value[0], value[1]) for key, value in strings.items()
            if key.startswith(_FIELDS)}


def page_words(language: str | None) -> dict[str, str]:
    """The admin page's and the preview error page's words in the site's language."""
    strings = load_catalogue(normalize_language(language))
    return {key[len(_PAGE):]: str(value) for key, value in strings.items()
            if key.startswith(_PAGE)}
