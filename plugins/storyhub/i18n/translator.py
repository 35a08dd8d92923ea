"""The one :class:`Translator`: strings, counts, dates and numbers in one language.

``t("site.stories")`` names a key in full; a key without a dot is looked up in the
translator's default namespace (``site`` for pages, so templates write ``t("stories")``;
post templates get ``t.scope("snippets")`` and write ``t("new_story")``).
"""

from __future__ import annotations

import logging
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, get_month_names
from babel.numbers import format_decimal, format_percent
from markupsafe import Markup, escape

from storyhub.i18n.catalogue import (
    CATALOGUE_DIR,
    DEFAULT_LANGUAGE,
    CatalogueError,
    load_catalogue,
    normalize_language,
)

log = logging.getLogger(__name__)


def locale_of(strings: dict[str, Any], where: Path) -> Locale:
    """The Babel locale a catalogue names in ``language.locale`` (``it_IT``): its CLDR
    plural rule, month names and number symbols are Babel's."""
    name = str(strings.get("language.locale", "en_US"))
    try:
        return Locale.parse(name)
    except (UnknownLocaleError, ValueError):
        raise CatalogueError(f"{where}: unknown language.locale '{name}': write a CLDR "
                             "locale such as de_DE or pt_BR") from None


_CACHE: dict[tuple[str, Path], Translator] = {}


class Translator:
    """Every user-visible string of one language, from its catalogue file.

    Get one with :meth:`for_language` (cached: asking again costs a dictionary look-up).
    A key missing in this language falls back to English, is remembered in
    :attr:`missing` and logged (the catalogue test makes sure none is missing); a key
    missing in English too is a bug: :class:`KeyError`.
    """

    def __init__(self, language: str, strings: dict[str, Any],
                 fallback: dict[str, Any] | None = None, namespace: str = "site",
                 folder: Path = CATALOGUE_DIR) -> None:
        self.language = language
        self.namespace = namespace
        self.folder = folder
        self._strings = strings
        self._fallback = fallback if fallback is not None else strings
        self._scopes: dict[str, Translator] = {}
        self.missing: set[str] = set()
        self._locale = locale_of(strings, folder / f"{language}.yml")
        self._plural = self._locale.plural_form  # CLDR: one, few, many, other…

    @classmethod
    def for_language(cls, code: str | None, folder: Path = CATALOGUE_DIR) -> Translator:
        """The translator of ``code`` (normalised: ``it-IT`` → ``it``; unknown → English)."""
        language = normalize_language(code, folder=folder)
        found = _CACHE.get((language, folder))
        if found is None:
            strings = load_catalogue(language, folder)
            fallback = (load_catalogue(DEFAULT_LANGUAGE, folder)
                        if language != DEFAULT_LANGUAGE else None)
            found = _CACHE[(language, folder)] = cls(language, strings, fallback,
                                                     folder=folder)
        return found

    def in_language(self, code: str | None) -> Translator:
        """The translator of another language (same default namespace); ``self`` when
        ``code`` is empty, e.g. ``t.in_language(story.lang)``."""
        if not code:
            return self
        other = Translator.for_language(code, self.folder)
        return other if other.namespace == self.namespace else other.scope(self.namespace)

    def scope(self, namespace: str) -> Translator:
        """The same language, looking keys without a dot up in ``namespace``."""
        if namespace == self.namespace:
            return self
        found = self._scopes.get(namespace)
        if found is None:
            found = Translator(self.language, self._strings, self._fallback, namespace,
                               self.folder)
            found.missing = self.missing
            self._scopes[namespace] = found
        return found

    # -- strings ------------------------------------------------------------------------

    def _entry(self, key: str) -> Any:
        full = key if "." in key else f"{self.namespace}.{key}"
        if full in self._strings:
            return self._strings[full]
        if full in self._fallback:
            if full not in self.missing:
                self.missing.add(full)
                log.warning("storyhub: no '%s' in the %s catalogue; English used",
                            full, self.language)
            return self._fallback[full]
        raise KeyError(f"no string '{full}' in the storyhub catalogue")

    def __call__(self, key: str, **params: object) -> str:
        """``t("stories")``, ``t("stories_with", name="Giulia")``."""
        text = self._entry(key)
        if not isinstance(text, str):
            raise KeyError(f"'{key}' is not a plain string: use t.count() for counts")
        return text.format(**params) if params else text

    def markup(self, key: str, **params: object) -> Markup:
        """For HTML: the string escaped, parameters escaped unless they are markup."""
        return Markup(escape(self(key))).format(**params)

    def count(self, key: str, count: int, **params: object) -> str:
        """``t.count("story_count", 3)`` → "3 stories", with the language's plural rule."""
        forms = self._entry(key)
        if not isinstance(forms, dict):
            raise KeyError(f"'{key}' has no plural forms")
        text = forms.get(self._plural(count)) or forms["other"]
        return text.format(count=self.number(count), **params)

    def plural_forms(self, key: str) -> dict[str, str]:
        """A count's forms by CLDR category (``one``, ``few``, ``other``…), for scripts
        that count in the browser (``Intl.PluralRules``); ``{count}`` left in place."""
        forms = self._entry(key)
        if not isinstance(forms, dict):
            raise KeyError(f"'{key}' has no plural forms")
        return {str(k): str(v) for k, v in forms.items()}

    # -- dates and numbers --------------------------------------------------------------

    @property
    def locale(self) -> str:
        return self("language.locale")

    def month_name(self, month: int) -> str:
        return str(get_month_names("wide", locale=self._locale)[month])

    def date(self, value: date) -> str:
        """``3 March 2025`` / ``3 marzo 2025``: the CLDR pattern ``dates.format`` of the
        catalogue (``d MMMM y``) with the locale's month names."""
        return _formatted_date(value, self("dates.format"), self._locale)

    def number(self, value: float, digits: int = 0) -> str:
        """``1234.5`` → ``1,234.5`` / ``1.234,5`` (``digits`` after the decimal sign)."""
        pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
        return str(format_decimal(value, format=pattern, locale=self._locale))

    def percent(self, share: float) -> str:
        """A share 0..1 as a whole percentage: ``0.42`` → ``42%``."""
        return str(format_percent(share, locale=self._locale))

    def __repr__(self) -> str:
        return f"Translator({self.language!r}, namespace={self.namespace!r})"


@lru_cache(maxsize=8192)
def _formatted_date(value: date, pattern: str, locale: Locale) -> str:
    """Babel's date formatting, remembered: a page of story cards shows dates that a
    thousand other pages show too (about 13,000 formattings per preview rebuild of a
    1,000-story hub, 3,500 distinct at most)."""
    return str(format_date(value, pattern, locale=locale))

