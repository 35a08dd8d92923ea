"""``storyhub init DIR`` (also ``storyhub new hub DIR``): a new hub repository of its own.

The hub holds the company's content, its pages, CI for GitHub Pages and GitLab Pages, the
web editor's configuration and a pinned dependency on storyhub, and no copy of storyhub's
code. Its files are rendered from the templates in ``templates/hub/`` (package data) with
the words of the catalogue's ``scaffold.hub`` namespace, in the hub's default language.
Answers come from flags, or are asked on the terminal (:class:`storyhub.cli.scaffold.Asker`).
"""

from __future__ import annotations

import contextlib
import html
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from storyhub import __version__
from storyhub.cli.scaffold import Asker, ScaffoldError
from storyhub.content.model import LIMITS, slugify
from storyhub.diagnostics.core import did_you_mean
from storyhub.i18n import Translator, available_languages, normalize_language
from storyhub.options.engine_config import address_problem
from storyhub.options.model import REPO_PATH
from storyhub.text.controls import find_control
from storyhub.text.jinja import PACKAGE_TEMPLATES

HUB_TEMPLATES = PACKAGE_TEMPLATES / "hub"
#: badge colours for the first values, in order (each readable with white or black text)
VALUE_COLORS = ("#b5562d", "#2e7d6b", "#5c4b9e", "#c0395a", "#1f6fa8", "#8a6d1f", "#4e6b2e")
#: the Italian and English search of the example hub, for every language of the new hub
SEARCH_SEPARATOR = r"[\s\-''’]+|&#0?39;"


@dataclass
class HubAnswers:
    """What ``storyhub init`` needs; ``None`` is asked on the terminal."""

    company: str | None = None
    site_url: str | None = None
    languages: Sequence[str] = ()
    values: Sequence[str] = ()
    your_name: str | None = None
    your_role: str | None = None
    repo: str | None = None
    host: str = "github"
    requirement: str | None = None
    timezone: str | None = None


@dataclass
class NewHub:
    """The answers, checked: what the templates are rendered with."""

    company: str
    site_url: str
    languages: list[str]
    values: list[dict[str, str]]
    person: dict[str, str]
    repo: str
    host: str
    requirement: str
    today: date
    files: list[Path] = field(default_factory=list)
    guessed_pin: bool = False  # requirement: from where this storyhub was installed
    #: the posting calendar's time zone (IANA), when not UTC
    timezone: str | None = None

    @property
    def lang(self) -> str:
        return self.languages[0]


def hub_words(lang: str) -> Callable[..., str]:
    """The words of the new hub's files and of the questions: ``scaffold.hub.<key>``."""
    translator = Translator.for_language(lang)
    return lambda key, **params: translator(f"scaffold.hub.{key}", **params)


#: the distributions that install the storyhub package: one per engine
DISTRIBUTIONS = ("storyhub", "storyhub-materialx")


def pinned_requirement() -> str:
    """Where this storyhub came from, as a requirement line a hub can install again: the
    distribution (``storyhub``, or ``storyhub-materialx`` for ProperDocs + MaterialX) and
    the git URL and commit, or the wheel's address, it was installed from (PEP 610's
    ``direct_url.json``); else the version from a package index."""
    from importlib import metadata

    found: list[str] = []
    for name in DISTRIBUTIONS:
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found.append(name)
        try:
            text = distribution.read_text("direct_url.json")
            direct = json.loads(text) if text else None
        except ValueError:
            direct = None
        line = _direct_line(name, direct)
        if line:
            return line
    return f"{(found or ['storyhub'])[0]}=={__version__}"


def pin_stays_here(line: str) -> bool:
    """Whether ``line`` (requirements.txt's) was guessed from an install CI cannot repeat:
    storyhub installed from a folder (an editable checkout: pinned by its version, which a
    package index may not have) or from a file on this machine."""
    from importlib import metadata

    if " @ file:/" in line:  # an absolute path: this machine's (a relative one is the hub's)
        return True
    name, _, version = line.partition("==")
    if not version:
        return False
    try:
        text = metadata.distribution(name.strip()).read_text("direct_url.json")
        direct = json.loads(text) if text else None
    except (metadata.PackageNotFoundError, ValueError):
        return False
    return isinstance(direct, dict) and "dir_info" in direct


def _direct_line(name: str, direct: object) -> str | None:
    if not isinstance(direct, dict) or not isinstance(direct.get("url"), str):
        return None
    url = direct["url"]
    vcs = direct.get("vcs_info")
    subdirectory = direct.get("subdirectory")
    fragment = f"#subdirectory={subdirectory}" if subdirectory else ""
    if isinstance(vcs, dict) and vcs.get("vcs") == "git":
        revision = vcs.get("requested_revision") or vcs.get("commit_id")
        base = url if url.startswith("git+") else f"git+{url}"
        return f"{name} @ {base}{'@' + revision if revision else ''}{fragment}"
    if "archive_info" in direct:
        return f"{name} @ {url}"
    return None  # a folder (an editable checkout): not something another machine can install


def check_folder(folder: Path, force: bool, t: Callable[..., str]) -> None:
    if folder.exists() and not folder.is_dir():
        raise ScaffoldError(t("is_file", path=folder), 2)
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise ScaffoldError(t("not_empty", path=folder), 1)


def _languages(text: str | Sequence[str], t: Callable[..., str], asker: Asker) -> list[str]:
    words = text.replace(",", " ").split() if isinstance(text, str) else [
        w for item in text for w in item.replace(",", " ").split()]
    known = available_languages()
    found: list[str] = []
    for word in words:
        code = word.lower().replace("_", "-").split("-")[0]
        if code not in known:
            close = did_you_mean(code, list(known))
            hint = asker.t("did_you_mean", close=close) if close else ""
            raise ScaffoldError(t("unknown_language", code=word, hint=hint,
                                  known=", ".join(known)), 2)
        if code in found:
            raise ScaffoldError(t("twice", word=word), 2)
        found.append(code)
    return found


def _values(text: str | Sequence[str], t: Callable[..., str]) -> list[dict[str, str]]:
    names = [n.strip() for n in (text.split(",") if isinstance(text, str) else
                                 [p for item in text for p in item.split(",")]) if n.strip()]
    if not names:
        raise ScaffoldError(t("need_value"), 2)
    values: list[dict[str, str]] = []
    for index, name in enumerate(names):
        name = _one_line(name, repr(name[:40]), LIMITS["name"], t)
        value_id = slugify(name)
        if not value_id:
            raise ScaffoldError(t("bad_value", word=name), 2)
        if value_id in [v["id"] for v in values]:
            raise ScaffoldError(t("twice", word=name), 2)
        values.append({"id": value_id, "name": name,
                       "color": VALUE_COLORS[index % len(VALUE_COLORS)]})
    return values


def _site_url(text: str, t: Callable[..., str]) -> str:
    """The site's address: http(s), a host, no query or fragment (pages' addresses are
    made by adding to it), a valid port, and what every page may print as it is."""
    url = text.strip()
    parts = urlsplit(url)
    try:
        parts.port  # noqa: B018  (raises on a port that is not one)
    except ValueError:
        raise ScaffoldError(t("bad_url", url=text), 2) from None
    if parts.scheme not in ("https", "http") or not parts.hostname or " " in url:
        raise ScaffoldError(t("bad_url", url=text), 2)
    if "?" in url or "#" in url:  # (a query or a fragment, even an empty one)
        raise ScaffoldError(t("url_query", url=text), 2)
    if address_problem(url) is not None:  # a quote, '<', '>', '\\': no page may print it
        raise ScaffoldError(t("bad_url", url=text), 2)
    return url if url.endswith("/") else url + "/"


def _one_line(text: str, what: str, limit: int, t: Callable[..., str]) -> str:
    """An answer written into the hub's files: one line, no invisible character, and no
    longer than the field it fills accepts (else ``storyhub check`` would refuse the hub
    ``init`` just wrote)."""
    text = text.strip()
    if "\n" in text or find_control(text) is not None:
        raise ScaffoldError(t("not_one_line", what=what), 2)
    if len(text) > limit:
        raise ScaffoldError(t("too_long", what=what, length=len(text), limit=limit), 2)
    return text


def _timezone(name: str, t: Callable[..., str]) -> str | None:
    """``--timezone``, checked: an IANA name (None for UTC, the calendar's default)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        close = did_you_mean(name, sorted(available_timezones()))
        raise ScaffoldError(t("bad_timezone", zone=name,
                              hint=f" ({close}?)" if close else ""), 2) from None
    return None if name in ("UTC", "Etc/UTC") else name


def local_zone() -> str | None:
    """This computer's time zone as an IANA name (``TZ``, ``/etc/timezone``, the zone
    ``/etc/localtime`` links to), or None when it is UTC or cannot be told: a hub made here
    plans its posts at the company's hours, not at UTC's."""
    import os
    from zoneinfo import ZoneInfo

    found = [os.environ.get("TZ", "").removeprefix(":")]
    with contextlib.suppress(OSError):
        found.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    with contextlib.suppress(OSError):
        found.append(os.readlink("/etc/localtime").partition("zoneinfo/")[2])
    for name in found:
        if not name or name in ("UTC", "Etc/UTC"):
            continue
        try:
            ZoneInfo(name)
        except (ValueError, LookupError):  # (ZoneInfoNotFoundError is a KeyError)
            continue
        return name
    return None


def _repo(text: str, t: Callable[..., str]) -> str:
    if not REPO_PATH.fullmatch(text.strip()):
        raise ScaffoldError(t("bad_repo", repo=text), 2)
    return text.strip()


T = TypeVar("T")
R = TypeVar("R")


def gather(answers: HubAnswers, asker: Asker, today: date) -> NewHub:
    """Every answer, from the flags or asked; raise :class:`ScaffoldError` on a bad one."""
    t = hub_words(asker.lang)

    def ask(key: str, flag: str, default: str | None = None) -> str:
        return ask_text(asker, t(key), flag, default)

    def answered(given: T | None, ask_it: Callable[[], str], check: Callable[[T | str], R]
                 ) -> R:
        """A flag's answer checked (a wrong one stops: exit 2); an answer typed at the
        prompt checked and, when wrong, asked again, saying what is wrong: the answers
        before it are kept."""
        if given:
            return check(given)
        while True:
            text = ask_it()  # (the end of stdin stops here, naming the flag)
            try:
                return check(text)
            except ScaffoldError as problem:
                asker.say(f"  {problem}")

    company = answered(answers.company, lambda: ask("q_company", "--company"),
                       lambda text: _one_line(str(text), t("q_company"), LIMITS["title"], t))
    site_url = answered(answers.site_url, lambda: ask("q_site_url", "--site-url"),
                        lambda text: _site_url(str(text), t))
    known = ", ".join(available_languages())
    languages = answered(answers.languages or None, lambda: ask_text(
        asker, t("q_languages", known=known), "--languages", asker.lang),
        lambda text: _languages(text, t, asker))
    # the questions that follow, and every file, are in the hub's default language
    asker.lang = languages[0]
    t = hub_words(asker.lang)
    values = answered(answers.values or None, lambda: ask("q_values", "--values"),
                      lambda text: _values(text, t))
    name = answered(answers.your_name, lambda: ask("q_your_name", "--your-name"),
                    lambda text: _one_line(str(text), t("q_your_name"), LIMITS["name"], t))
    role = answered(answers.your_role, lambda: ask(
        "q_your_role", "--your-role", t("default_role")),
        lambda text: _one_line(str(text), t("q_your_role"), LIMITS["role"], t))
    repo = answered(answers.repo, lambda: ask(
        "q_repo", "--repo", f"{slugify(company) or 'company'}/stories"),
        lambda text: _repo(str(text), t))
    person_id = slugify(name) or "first-person"
    return NewHub(
        company=company, site_url=site_url, languages=languages, values=values,
        person={"id": person_id, "name": name, "first": name.split()[0] if name else name,
                "role": role, "team": t("default_team")},
        repo=repo, host=answers.host,
        requirement=answers.requirement or pinned_requirement(), today=today,
        guessed_pin=not answers.requirement,
        timezone=_timezone(answers.timezone, t) if answers.timezone else local_zone(),
    )


def ask_text(asker: Asker, prompt: str, flag: str, default: str | None = None) -> str:
    """One answer to ``prompt`` (already in words); the default on an empty answer or at
    the end of stdin, else, with no default, :class:`ScaffoldError` naming the flag."""
    while True:
        try:
            answer = asker.read(prompt + (f" [{default}]" if default else "") + ": ").strip()
        except EOFError:
            asker.say("")
            if default is not None:
                return default
            raise ScaffoldError(asker.t("no_answer", what=prompt, flag=flag), 2) from None
        if answer:
            return answer
        if default is not None:
            return default


def _quoted(text: object) -> str:
    return json.dumps(str(text), ensure_ascii=False)


#: what Markdown would read as markup in an answer (emphasis, links, code, escapes)
_MARKDOWN_MARKS = re.compile(r"([\\`*_\[\]])")
#: '&' that starts what HTML reads as a character reference
_REFERENCE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def _markdown_text(text: object) -> str:
    """An answer (the company's or a person's name) as it reads in a Markdown body: marks
    escaped, '<' and a '&' that would start a reference written as entities, so that
    'Forno & Figli <srl>' or 'Caffè *Roma*' shows as typed and is never markup."""
    escaped = _MARKDOWN_MARKS.sub(r"\\\1", str(text))
    return _REFERENCE.sub("&amp;", escaped).replace("<", "&lt;")


def _plugin_yaml(hub: NewHub, t: Callable[..., str]) -> str:
    """``- storyhub:`` with its options, the same in mkdocs.yml and properdocs.yml."""
    lines = ["  - storyhub:", f"      company_name: {_quoted(hub.company)}"]
    if len(hub.languages) > 1:
        lines.append(f"      languages: [{', '.join(hub.languages)}]")
    backend = {"name": hub.host, "repo": hub.repo, "branch": "main"}
    if hub.host == "gitlab":
        backend["auth_type"] = "pkce"
    lines += ["      editor:", "        backend:",
              *(f"          {k}: {v}" for k, v in backend.items()),
              *(["      frame:", f"        site_name: {_per_language(hub, 'site_name')}"]
                if len(hub.languages) > 1 else []),
              *(["      calendar:", f"        timezone: {hub.timezone}"]
                if hub.timezone else []),
              "      home:", f"        tagline: {_per_language(hub, 'tagline')}",
              f"        cta_label: {_per_language(hub, 'cta_label')}", "        cta_url: about/"]
    return "\n".join(lines)


def _per_language(hub: NewHub, key: str) -> str:
    """A home page's words: one text, or one per language when the hub has several."""
    texts = {lang: hub_words(lang)(key, company=hub.company) for lang in hub.languages}
    if len(texts) == 1:
        return _quoted(texts[hub.lang])
    return "{" + ", ".join(f"{lang}: {_quoted(text)}" for lang, text in texts.items()) + "}"


def render_files(hub: NewHub) -> dict[str, str]:
    """``{relative path: text}`` of every file of the new hub (the editor's configuration
    aside, which is generated from the written mkdocs.yml)."""
    env = Environment(loader=FileSystemLoader(HUB_TEMPLATES), keep_trailing_newline=True,
                      undefined=StrictUndefined, autoescape=False)
    env.filters["q"] = _quoted
    env.filters["md"] = _markdown_text
    env.filters["html"] = lambda text: html.escape(str(text), quote=False)  # copyright: HTML
    t = hub_words(hub.lang)
    search_langs = ", ".join(hub.languages)
    context = {
        "t": t, "company": hub.company, "site_url": hub.site_url, "lang": hub.lang,
        "languages": hub.languages, "values": hub.values, "person": hub.person,
        "today": hub.today.isoformat(), "requirement": hub.requirement,
        "storyhub_plugin": _plugin_yaml(hub, t),
        "search_lunr": (f"  - search:\n      lang: [{search_langs}]\n"
                        f"      separator: '{SEARCH_SEPARATOR}'"),
        "search_pagefind": "  - search:\n      provider: pagefind",
    }
    story = f"stories/{hub.today.isoformat()}-{slugify(t('story_title'))}/index.md"
    targets = {
        "mkdocs.yml": "mkdocs.yml", "properdocs.yml": "properdocs.yml",
        "values.yml": "values.yml", "people/person.md": f"people/{hub.person['id']}.md",
        "stories/story.md": story, "docs/index.md": "docs/index.md",
        "docs/about.md": "docs/about.md",
        ".github/workflows/stories.yml": ".github/workflows/stories.yml",
        ".gitlab-ci.yml": ".gitlab-ci.yml", ".gitignore": ".gitignore",
        ".pre-commit-config.yaml": ".pre-commit-config.yaml",
        "requirements.txt": "requirements.txt",
    }
    return {target: env.get_template(source).render(context)
            for source, target in targets.items()}


def write_hub(folder: Path, hub: NewHub, asker: Asker) -> list[Path]:
    """Write the hub's files and the web editor's configuration; say what was written."""
    from storyhub.cli.editor import DEFAULT_OUT, _settings
    from storyhub.editor.config import editor_config, render

    t = hub_words(hub.lang)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for relative, text in render_files(hub).items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.rstrip("\n") + "\n", encoding="utf-8", newline="\n")
        written.append(path)
    _, settings = _settings(folder / "mkdocs.yml")
    editor = folder / DEFAULT_OUT
    editor.parent.mkdir(parents=True, exist_ok=True)
    editor.write_text(render(editor_config(settings)), encoding="utf-8", newline="\n")
    written.append(editor)
    for path in written:
        asker.say(asker.t("wrote", path=path.relative_to(folder).as_posix()))
    asker.say("")
    asker.say(t("ready", path=folder, count=len(written)))
    asker.say(t("next", path=folder))
    asker.say(t("timezone_note", zone=hub.timezone or "UTC"))
    if hub.guessed_pin and pin_stays_here(hub.requirement):
        asker.say("")
        asker.say(t("pin_stays_here", line=hub.requirement, version=__version__))
    return written


def init_hub(folder: Path, answers: HubAnswers, asker: Asker, *, force: bool = False,
             today: date | None = None) -> list[Path]:
    """Check the folder, gather the answers, write the hub. Raise :class:`ScaffoldError`."""
    check_folder(folder, force, hub_words(asker.lang))
    hub = gather(answers, asker, today or date.today())
    return write_hub(folder, hub, asker)


def default_language(requested: str | None) -> str:
    """The language of the first questions: ``--lang``, else English."""
    return normalize_language(requested or "en")
