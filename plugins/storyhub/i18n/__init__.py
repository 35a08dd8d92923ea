"""Every user-visible string, per language, through one :class:`Translator`.

* ``catalogue/<code>.yml``: one file per language, namespaced — ``language`` (name,
  ``locale`` for og:locale, ``plural`` rule), ``site`` (pages), ``snippets`` (post texts
  and the snippets page), ``report``, ``scaffold`` (``storyhub new``), ``cards`` (share
  image descriptions), ``meta`` (rich previews), ``dates`` (month names, date format),
  ``numbers`` (decimal and group signs, percent). ``en.yml`` is the reference.
* :func:`normalize_language`: the one rule turning a language code (``it-IT``, ``it_IT``,
  ``IT``) into a catalogue language; a language without a catalogue becomes English.
* :class:`Translator`: ``t("site.stories")`` (or ``t("stories")`` in its default
  namespace), ``t.count(key, n)``, ``t.date(d)``, ``t.number(x)``, ``t.percent(share)``;
  ``Translator.for_language(code)`` is cached, so asking for another language (a story
  in Italian on an English hub) is cheap.

The pipeline makes one translator per build (``Translator.for_language`` of
``theme.language``) and gives it to ``build_hub``; from there it rides on the hub
(``hub.translator``) to every output: the site view and templates (``t``), the
snippets composer and page, share-card descriptions, page meta, the report page and
``storyhub report``. An output that needs a story's own language asks
``hub.translator.in_language(story.lang)``.

Adding a language
-----------------
Copy ``catalogue/en.yml`` to ``catalogue/<code>.yml`` (``de.yml``: the two- or
three-letter ISO 639 code, lower case), translate every value, keep every key and every
``{placeholder}``, set ``language.locale`` (``de_DE``: Babel gives its CLDR plural
rule, month names and number symbols), and give plural entries the forms that rule
uses. That is all: the languages are the files found. ``pytest
tests/test_i18n.py`` says which keys or placeholders differ from English.
"""

from storyhub.i18n.catalogue import (
    CATALOGUE_DIR,
    DEFAULT_LANGUAGE,
    available_languages,
    catalogue_problems,
    load_catalogue,
    normalize_language,
    og_locale,
)
from storyhub.i18n.translator import Translator

__all__ = [
    "CATALOGUE_DIR",
    "DEFAULT_LANGUAGE",
    "Translator",
    "available_languages",
    "catalogue_problems",
    "load_catalogue",
    "normalize_language",
    "og_locale",
]
