"""The engine's own options in mkdocs.yml (outside ``plugins: - storyhub:``), checked.

A pull request may change mkdocs.yml as it may change a story. Some of the engine's options
would let it publish what storyhub must never publish, run code where the site is built, or
have every reader's browser call another server (the privacy promise: pages load nothing
from elsewhere). They are refused here, with the line, by ``storyhub check`` and by every
build, before anything is built (``!!python/`` tags, which MkDocs runs as it reads the file,
are refused by :func:`storyhub.options.read.read_mkdocs_yml`):

* ``hooks`` (Python files MkDocs runs) and ``INHERIT`` (settings read from another file);
* a ``site_dir`` outside the hub (every build empties it);
* Markdown extensions that read the files a text names (``pymdownx.snippets``: a story
  holding ``--8<-- "/etc/passwd"`` published the file; inside the hub, a hidden person's
  profile or a draft);
* scripts, stylesheets and images from another server (``extra_javascript``, ``extra_css``,
  ``extra.polyfills``, ``theme.logo``, ``theme.favicon``);
* an analytics provider (``extra.analytics``): every reader's visit sent elsewhere;
* addresses the theme prints into attributes and scripts as they are (``site_url``,
  ``theme.logo``, ``theme.favicon``, ``repo_url``, ``edit_uri``, ``extra.homepage``,
  ``extra.scope``, ``extra.social`` and ``extra.alternate`` links) that a browser would
  run (``javascript:``) or that hold a double quote, ``<``, ``>`` or a backslash; an
  alternate's language code that is not one;
* the titles of ``nav`` (Material prints them as they are) holding ``<``, and its links
  under the rule of addresses above;
* the theme's palette names, media queries and toggle labels, and its direction, that could
  end the attribute of every page's ``<body>`` or header they are printed into.

What the engine's theme prints as it is and is only words (the site's name, description
and author, the repository's name, the consent banner's title) is escaped by the adapter
instead, shown as written; the footer and the consent banner's text are HTML, sanitised.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from storyhub.diagnostics.core import Diagnostics
from storyhub.options.read import Loc, Positions
from storyhub.text.urls import unsafe_url, url_scheme

#: MkDocs options that run code or read another file's settings, none of which storyhub
#: checks (``hooks``: Python files MkDocs imports as it reads the configuration)
RUNS_OR_READS = {
    "hooks": "makes MkDocs run the Python files it names at every build (a pull request "
             "could run any code where the site is built, past every check): remove it",
    "INHERIT": "makes MkDocs read its settings from another file, which storyhub does not "
               "check: write them in this file instead (only another engine's file, such as "
               "properdocs.yml, may inherit mkdocs.yml)",
}


def _leaves_the_folder(path: str) -> bool:
    """Whether ``path``, as written in the configuration (relative to its folder), names a
    place outside that folder: absolute (any system's), a home folder, or through '..'."""
    parts = path.replace("\\", "/").split("/")
    return (path.startswith(("/", "~", "\\")) or (len(path) > 1 and path[1] == ":")
            or ".." in parts)


def _inherits_the_checked_file(value: Any, label: str) -> bool:
    """``INHERIT: mkdocs.yml`` in another engine's file: mkdocs.yml is read and checked
    as well (:meth:`storyhub.pipeline.core.Pipeline.from_options`)."""
    return (isinstance(value, str) and value.removeprefix("./") == "mkdocs.yml"
            and label.replace("\\", "/").rsplit("/", 1)[-1] != "mkdocs.yml")


#: Markdown extensions that read files named in the text, and how they are written there
FILE_READING_EXTENSIONS = {
    "pymdownx.snippets": '--8<-- "file"',
    "pymdownx.b64": "an image's path",
    "markdown_include.include": "{!file!}",
    "mdx_include": "{! file !}",
}


def engine_config_problems(raw: Mapping[str, Any], *, label: str, positions: Positions,
                           diagnostics: Diagnostics, written: Mapping[str, Any] | None = None
                           ) -> None:
    """Record an error at its line for each refused engine option of ``raw`` (mkdocs.yml
    as written, or the engine's configuration: then ``written``, the file as written, says
    where each list item stands; the engine adds items of its own)."""
    written = raw if written is None else written

    def error(loc: Loc, message: str) -> None:
        line, col = positions.in_file(loc)
        diagnostics.error(label, line, col, message, field=".".join(map(str, loc)),
                          code="engine-config")

    site_dir = written.get("site_dir")
    if isinstance(site_dir, str) and _leaves_the_folder(site_dir):
        error(("site_dir",), f"site_dir '{site_dir}' is outside the hub: every build would "
              "empty that folder and write the site there; name a folder of the hub (e.g. "
              "site), or give --site-dir to the command")
    for key, danger in RUNS_OR_READS.items():
        value = written.get(key) or raw.get(key)
        if value and not (key == "INHERIT" and _inherits_the_checked_file(value, label)):
            error((key,), f"'{key}' {danger}")
    extensions = dict((name, loc) for loc, name in reversed(list(
        _extensions(written.get("markdown_extensions")))))
    for _, name in _extensions(raw.get("markdown_extensions")):
        if name in FILE_READING_EXTENSIONS:
            error(extensions.get(name, ("markdown_extensions",)),
                  f"the Markdown extension '{name}' reads the files a text names "
                  f"({FILE_READING_EXTENSIONS[name]}): a story could publish any file of the "
                  "machine that builds the site, its secrets included, or a hidden person's "
                  "profile; remove it")
    for key in ("extra_javascript", "extra_css"):
        places = dict((path, loc) for loc, path in reversed(list(_paths(written.get(key), key))))
        for _, path in _paths(raw.get(key), key):
            if _elsewhere(path):
                error(places.get(path, (key,)), f"'{path}' is loaded from another server by "
                      "every page: each reader's visit would be told to it; copy the file "
                      "under docs/ and give its path instead")
            elif (why := address_problem(path)) is not None:
                error(places.get(path, (key,)), f"{key} '{path}' cannot be published: {why}")
    theme = raw.get("theme")
    theme = theme if isinstance(theme, Mapping) else {}
    for key in ("logo", "favicon"):
        image = theme.get(key)
        if isinstance(image, str) and _elsewhere(image):
            error(("theme", key), f"theme.{key} '{image}' is loaded from another server by "
                  "every page: each reader's visit would be told to it; put the image under "
                  "docs/ and give its path instead")
        elif isinstance(image, str) and (why := address_problem(image)) is not None:
            error(("theme", key), f"theme.{key} '{image}' cannot be published: {why}")
    extra = raw.get("extra")
    extra = extra if isinstance(extra, Mapping) else {}
    for loc, message in [*_theme_words(theme), *_extra_words(extra),
                         *_nav_problems(raw.get("nav"))]:
        error(loc, message)
    analytics = extra.get("analytics")
    if isinstance(analytics, Mapping) and analytics.get("provider"):
        error(("extra", "analytics"), f"extra.analytics sends every reader's visit to "
              f"'{analytics.get('provider')}': the hub's pages load nothing from another "
              "server; remove it")
    addresses: list[tuple[Loc, Any]] = [
        # every page's canonical link; as written (the engine adds a '/', a preview its own)
        (("site_url",), written.get("site_url", raw.get("site_url"))),
        (("repo_url",), raw.get("repo_url")), (("edit_uri",), raw.get("edit_uri")),
        (("extra", "homepage"), extra.get("homepage")), (("extra", "scope"), extra.get("scope"))]
    social = extra.get("social")
    addresses += [(("extra", "social", index, "link"), item.get("link"))
                  for index, item in enumerate(social if isinstance(social, list) else [])
                  if isinstance(item, Mapping)]
    alternate = extra.get("alternate")
    addresses += [(("extra", "alternate", index, "link"), item.get("link"))
                  for index, item in enumerate(alternate if isinstance(alternate, list) else [])
                  if isinstance(item, Mapping)]
    for loc, address in addresses:
        if not isinstance(address, str):
            continue
        why = address_problem(address)
        if why is not None:
            name = ".".join(str(part) for part in loc)
            error(loc, f"{name} '{address}' cannot be published: {why}")


def _elsewhere(path: str) -> bool:
    """Whether a page would load ``path`` from another server (an address with a scheme,
    or ``//host/…``), not from the site."""
    return url_scheme(path) is not None or path.startswith("//")


#: characters that end or break out of where the theme prints an address as written (a
#: double-quoted attribute, a double-quoted string in a script); an address holds them
#: percent-encoded
_ENDS_ATTRIBUTE = frozenset('"<>\\')


def address_problem(address: str) -> str | None:
    """Why an address of the engine's options must not be printed into pages, or None."""
    why = unsafe_url(address)
    if why is not None:
        return why
    found = next((c for c in address if c in _ENDS_ATTRIBUTE), None)
    if found is not None:
        return (f"it holds {found!r}, which would end the page's attribute or script where "
                "the theme prints it (write it percent-encoded, e.g. %22 for a quote)")
    return None


#: a language tag as BCP 47 spells it (``en``, ``pt-BR``, ``zh-Hant-TW``, ``x-default``)
LANGUAGE_TAG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
#: a name the theme makes a CSS class of (``extra.tags``' identifiers)
_IDENTIFIER = re.compile(r"[A-Za-z0-9_-]+")
#: a colour or scheme name of Material's palette: ``indigo``, ``deep orange``, ``slate``
_PALETTE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _-]*")
#: what ends a double-quoted attribute or starts markup
_ATTRIBUTE_BREAKERS = '"<>'


def _theme_words(theme: Mapping[str, Any]) -> Iterator[tuple[Loc, str]]:
    """(where, why) of each theme option Material prints into every page's ``<body>`` and
    header as it is (the palette's names, media query and toggle label; the direction)
    that could end its attribute: ``primary: 'x"onload="alert(1)'`` ran in every page."""
    direction = theme.get("direction")
    if direction is not None and direction not in ("ltr", "rtl"):
        yield ("theme", "direction"), (f"theme.direction '{direction}' must be ltr or rtl: "
                                       "the theme prints it into every page as it is")
    palette = theme.get("palette")
    options = ([((), palette)] if isinstance(palette, Mapping) else
               [((index,), item) for index, item in enumerate(palette)
                if isinstance(item, Mapping)] if isinstance(palette, list) else [])
    for at, option in options:
        where: Loc = ("theme", "palette", *at)
        for key in ("scheme", "primary", "accent"):
            name = option.get(key)
            if isinstance(name, str) and name and not _PALETTE_NAME.fullmatch(name):
                yield (*where, key), (f"theme.palette {key} '{name}' is not a colour or scheme "
                                      "name (e.g. indigo, deep orange, slate): the theme "
                                      "prints it into every page as it is")
        toggle = option.get("toggle")
        texts = [("media", option.get("media")),
                 ("toggle.name", toggle.get("name") if isinstance(toggle, Mapping) else None)]
        for key, text in texts:
            found = next((c for c in text if c in _ATTRIBUTE_BREAKERS), None) if isinstance(
                text, str) else None
            if found is not None:
                yield (*where, *key.split(".")), (
                    f"theme.palette {key} '{text}' holds {found!r}, which would end the "
                    "attribute the theme prints it into on every page; write it without")


def _extra_words(extra: Mapping[str, Any]) -> Iterator[tuple[Loc, str]]:
    """(where, why) of each ``extra`` setting Material loads or prints as it is: a polyfill
    from another server (a script on every page), a tag's class name, an alternate
    language's code."""
    polyfills = extra.get("polyfills")
    for index, path in enumerate(polyfills if isinstance(polyfills, list) else []):
        if isinstance(path, str) and _elsewhere(path):
            yield ("extra", "polyfills", index), (
                f"extra.polyfills '{path}' is loaded from another server by every page: each "
                "reader's visit would be told to it; copy the file under docs/ and give its "
                "path instead")
        elif isinstance(path, str) and (why := address_problem(path)) is not None:
            yield ("extra", "polyfills", index), (f"extra.polyfills '{path}' cannot be "
                                                  f"published: {why}")
    tags = extra.get("tags")
    for name, identifier in (tags.items() if isinstance(tags, Mapping) else []):
        if not isinstance(identifier, str) or not _IDENTIFIER.fullmatch(identifier):
            yield ("extra", "tags", str(name)), (
                f"extra.tags '{name}': '{identifier}' is not an identifier (letters, digits, "
                "'-' and '_'): the theme prints it into a class attribute as it is")
    alternate = extra.get("alternate")
    for index, item in enumerate(alternate if isinstance(alternate, list) else []):
        lang = item.get("lang") if isinstance(item, Mapping) else None
        if isinstance(lang, str) and not LANGUAGE_TAG.fullmatch(lang):
            yield ("extra", "alternate", index, "lang"), (
                f"extra.alternate.{index}.lang '{lang}' is not a language code (e.g. en, it, "
                "pt-BR): the theme prints it into every page as it is")


def _nav_problems(nav: Any) -> Iterator[tuple[Loc, str]]:
    """(where, why) of each ``nav`` title that holds markup and each link a browser would
    run or that ends its attribute: Material prints both into every page as they are."""
    for loc, title, link in _nav(nav, ("nav",)):
        if title is not None and "<" in title:
            yield loc, (f"the navigation title '{title}' holds '<': the theme prints it into "
                        "every page as it is, where markup would run; write it without")
        if link is not None and (why := address_problem(link)) is not None:
            yield loc, f"the navigation link '{link}' cannot be published: {why}"


def _nav(value: Any, loc: Loc) -> Iterator[tuple[Loc, str | None, str | None]]:
    """(where, title, page or address) of each item of MkDocs' ``nav``, at any depth (a
    section: its title, no address)."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nav(item, (*loc, index))
    elif isinstance(value, Mapping):
        for title, target in value.items():
            where = (*loc, str(title))
            if isinstance(target, str):
                yield where, str(title), target
            else:
                yield where, str(title), None
                yield from _nav(target, where)
    elif isinstance(value, str):
        yield loc, None, value


def _extensions(value: Any) -> Iterator[tuple[Loc, str]]:
    """(where, name) of each Markdown extension, listed (``- name``, ``- name: {…}``) or
    as a mapping."""
    if isinstance(value, Mapping):
        for name in value:
            yield ("markdown_extensions", str(name)), str(name)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            names = [item] if isinstance(item, str) else list(
                item) if isinstance(item, Mapping) else []
            for name in names:
                yield ("markdown_extensions", index), str(name)


def _paths(value: Any, key: str) -> Iterator[tuple[Loc, str]]:
    """(where, path) of each script or stylesheet: a path, or ``{path: …}``."""
    for index, item in enumerate(value if isinstance(value, list) else []):
        # mkdocs.yml's text: a path or {path: …}; the engine's config: an object with .path
        path = item.get("path") if isinstance(item, Mapping) else getattr(item, "path", item)
        if isinstance(path, str):
            yield (key, index), path.strip()
