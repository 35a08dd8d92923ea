"""The catalogue files: which languages exist, what each one says, and the one rule that
turns a language code into one of them.

A language exists when ``catalogue/<code>.yml`` exists (``en.yml``, ``it.yml``, …): the
set of languages is the set of files found, nothing else lists them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

#: the folder of the shipped catalogue files
CATALOGUE_DIR = Path(__file__).resolve().parent / "catalogue"
#: the reference catalogue: complete by definition, and the answer for an unknown language
DEFAULT_LANGUAGE = "en"
#: CLDR plural categories: a mapping with only these keys (and ``other``) is a plural entry
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")
#: og:locale territory of a language that has no catalogue (one with a catalogue says it
#: in ``language.locale``)
_TERRITORY = {"fr": "FR", "de": "DE", "es": "ES", "pt": "PT", "nl": "NL"}
_CODE = re.compile(r"^[a-z]{2,3}$")
#: PyYAML's loader in C when it was built with libyaml (ten times quicker than the pure
#: Python one, which reads a catalogue in a tenth of a second): the same safe schema
_LOADER: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class CatalogueError(ValueError):
    """A catalogue file that cannot be read: the message names the file."""


def _subtags(code: str | None) -> list[str]:
    return (code or "").strip().replace("_", "-").split("-")


@lru_cache(maxsize=64)  # asked for each value and person a page shows
def primary_subtag(code: str | None) -> str:
    """``it-IT``, ``it_IT``, ``IT`` → ``it`` (no check that the language exists)."""
    return _subtags(code)[0].lower()


@lru_cache(maxsize=16)
def available_languages(folder: Path = CATALOGUE_DIR) -> tuple[str, ...]:
    """The languages of the catalogue files in ``folder``, sorted: ``("en", "it")``."""
    return tuple(sorted(p.stem for p in folder.glob("*.yml") if _CODE.match(p.stem)))


def normalize_language(code: str | None, *, folder: Path = CATALOGUE_DIR) -> str:
    """The catalogue language for a language code: the only place codes are normalised.

    The rule: take the primary subtag (before ``-`` or ``_``), lower-cased; if a catalogue
    file exists for it, that language; otherwise (empty, unknown, malformed) English, the
    reference catalogue. ``it-IT``, ``it_IT``, ``IT`` → ``it``; ``fr`` without ``fr.yml``
    → ``en``.
    """
    base = primary_subtag(code)
    return base if base in available_languages(folder) else DEFAULT_LANGUAGE


def og_locale(code: str) -> str:
    """Open Graph locale (``ll_TT``) for a language code as written: ``it-it`` → ``it_IT``,
    ``it`` → the catalogue's ``language.locale``."""
    base, *region = _subtags(code)
    base = base.lower()
    if region:
        return f"{base}_{'_'.join(region).upper()}"
    if base in available_languages(CATALOGUE_DIR):
        return str(load_catalogue(base)["language.locale"])
    return f"{base}_{_TERRITORY[base]}" if base in _TERRITORY else base


def is_plural(value: object) -> bool:
    return (isinstance(value, dict) and "other" in value
            and all(k in PLURAL_CATEGORIES for k in value))


def _flatten(data: dict[str, Any], prefix: str, out: dict[str, Any], path: Path) -> None:
    for key, value in data.items():
        full = f"{prefix}{key}"
        if is_plural(value):
            out[full] = {k: str(v) for k, v in value.items()}
        elif isinstance(value, dict):
            _flatten(value, f"{full}.", out, path)
        elif isinstance(value, list):
            out[full] = [str(v) for v in value]
        elif isinstance(value, str):
            out[full] = value
        else:
            raise CatalogueError(f"{path}: '{full}' must be text, not {value!r} "
                                 "(put it in quotes)")


@lru_cache(maxsize=16)
def load_catalogue(language: str, folder: Path = CATALOGUE_DIR) -> dict[str, Any]:
    """``{"site.stories": "Stories", "site.story_count": {"one": …, "other": …}, …}``."""
    path = folder / f"{language}.yml"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as error:
        raise CatalogueError(f"{path}: cannot read the catalogue: {error}") from error
    if not isinstance(data, dict):
        raise CatalogueError(f"{path}: a catalogue is a mapping of namespaces")
    flat: dict[str, Any] = {}
    _flatten(data, "", flat, path)
    return flat


def _placeholders(value: Any) -> set[str]:
    texts = value.values() if isinstance(value, dict) else value if isinstance(value, list) \
        else [value]
    return {name for text in texts for name in re.findall(r"\{(\w+)\}", text)}


def _kind(value: Any) -> str:
    return "counts" if isinstance(value, dict) else "a list" if isinstance(value, list) \
        else "text"


def catalogue_problems(folder: Path = CATALOGUE_DIR) -> list[str]:
    """Every way a catalogue differs from English: missing or extra keys, other
    placeholders, another kind of entry, a list of another length, plural forms the
    language's rule needs but the entry lacks. Empty when all is well."""
    from storyhub.i18n.translator import locale_of

    reference = load_catalogue(DEFAULT_LANGUAGE, folder)
    problems: list[str] = []
    for language in available_languages(folder):
        name = f"{language}.yml"
        try:
            strings = load_catalogue(language, folder)
        except CatalogueError as error:
            problems.append(str(error))
            continue
        problems += [f"{name}: missing '{k}'" for k in reference if k not in strings]
        problems += [f"{name}: '{k}' is not in en.yml" for k in strings if k not in reference]
        try:
            rule = locale_of(strings, folder / name).plural_form
        except CatalogueError as error:
            problems.append(str(error))
            rule = None
        needed = {rule(n) for n in range(200)} if rule else {"other"}
        for key, value in strings.items():
            if key not in reference:
                continue
            english = reference[key]
            if _kind(value) != _kind(english):
                problems.append(f"{name}: '{key}' must be {_kind(english)}, as in en.yml")
                continue
            if _placeholders(value) != _placeholders(english):
                found = ", ".join(sorted(_placeholders(value))) or "none"
                wanted = ", ".join(sorted(_placeholders(english))) or "none"
                problems.append(f"{name}: '{key}' has placeholders {found}; en.yml has {wanted}")
            if isinstance(value, list) and len(value) != len(english):
                problems.append(f"{name}: '{key}' has {len(value)} items; en.yml has "
                                f"{len(english)}")
            if isinstance(value, dict) and not needed <= set(value):
                missing = ", ".join(sorted(needed - set(value)))
                problems.append(f"{name}: '{key}' needs the plural forms {missing}")
    return problems
