"""The frame around the pages: navigation order and titles, and the words every page
carries (site name, footer, colour toggle) in the page's language.

An engine draws the frame (MkDocs builds a navigation tree, Material prints the header and
footer); what goes in it is decided here, from the site plan, so that every engine shows the
same navigation in the same language. The adapter asks; nothing here knows an engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from storyhub.i18n import Translator
from storyhub.options.model import in_language
from storyhub.options.settings import HubSettings
from storyhub.site.plan import SitePlan, section_titles
from storyhub.site.sanitize import clean_html, find_removals, removal_message

#: The order of the top of the navigation (the engine may list other pages after these).
NAV_ORDER = ("index.md", "stories/index.md", "values/index.md", "people/index.md",
             "teams/index.md", "tags/index.md")
#: Listing pages that stand for their whole section in the navigation.
SECTION_INDEXES = ("stories", "people", "values", "teams", "tags")


class Frame:
    """Navigation and frame words for the pages of one plan."""

    def __init__(self, plan: SitePlan, settings: HubSettings, translator: Translator) -> None:
        self._plan = plan
        self._settings = settings
        self._translator = translator
        self._default = str(settings.languages[0])

    def nav_order(self, src_uri: str) -> int:
        """Rank of a top-level navigation entry: home, stories, values, people, teams, tags."""
        return NAV_ORDER.index(src_uri) if src_uri in NAV_ORDER else len(NAV_ORDER)

    def in_nav(self, src_uri: str) -> bool:
        """False for the home pages of further languages (/en/), reached from the home page's
        language links, and for campaigns' series pages, reached from their stories."""
        page = self._plan.by_src.get(src_uri)
        return page is None or not ((page.kind == "home" and page.url) or page.kind == "campaign")

    def section_index(self, src_uri: str) -> bool:
        """True for a listing's first page, which stands for its section in the nav."""
        page = self._plan.by_src.get(src_uri)
        return page is not None and page.kind in SECTION_INDEXES and page.number == 1

    def language(self, src_uri: str | None) -> str:
        """The language a page is worded in: a storyhub page's, else the site's."""
        page = self._plan.by_src.get(src_uri) if src_uri is not None else None
        return (page.language if page is not None else None) or self._default

    def nav_titles(self, src_uri: str) -> dict[str, str]:
        """The navigation's section titles in the language of the page ``src_uri``."""
        return section_titles(self._translator.in_language(self.language(src_uri)))

    def words(self, src_uri: str | None, site_name: str, footer: str | None
              ) -> dict[str, str | None]:
        """The words around the page ``src_uri`` in its language: ``site_name`` and
        ``footer`` (the copyright), from the ``frame`` option's text for that language
        (default: the ones given); ``site_name`` is text (the engine escapes it), ``footer``
        HTML, sanitised (:func:`footer_html`); ``dark``/``light``, the colour toggle's
        names, from the catalogue on a page in another language than the site's, else None
        (the engine's configuration says them)."""
        language = self.language(src_uri)
        frame = self._settings.options.frame
        t = self._translator.in_language(language)
        other = language != self._default
        footer = in_language(frame.footer, language, self._default) or footer
        return {
            "site_name": in_language(frame.site_name, language, self._default) or site_name,
            "footer": footer_html(footer) if footer else footer,
            "dark": t("to_dark_mode") if other else None,
            "light": t("to_light_mode") if other else None,
        }


def footer_problems(settings: HubSettings, copyright: str | None
                    ) -> list[tuple[tuple[str, ...], str]]:
    """What sanitising removes from the footer: from ``copyright`` (mkdocs.yml's: pages the
    plugin does not word, such as the 404 page, show it) and from each ``frame.footer``
    text; (where: ``("copyright",)`` or the option's path, message) each."""
    footer = settings.options.frame.footer
    texts: list[tuple[tuple[str, ...], str]] = (
        [(("frame", "footer"), footer)] if isinstance(footer, str) else
        [(("frame", "footer", lang), text) for lang, text in footer.items()])
    if copyright:
        texts.insert(0, (("copyright",), copyright))
    return [(where, f"'{'.'.join(where)}': {removal_message(removal.what, 'the footer')}")
            for where, text in texts if text for removal in find_removals(text)]


@lru_cache(maxsize=64)
def footer_html(text: str) -> str:
    """The footer's line (mkdocs.yml's ``copyright``, or ``frame.footer``) as it may be
    published: HTML, as MkDocs has it (``&copy;``, a link), sanitised like a story's HTML
    (a pull request may change mkdocs.yml: no script, no handler, no style reaches the
    page's frame); plain text comes back as it was written."""
    return text if "<" not in text and "&" not in text else clean_html(text)


def docs_title(meta: Mapping[str, Any], language: str) -> str | None:
    """A docs/ page's title in ``language``, from its front matter's
    ``translations.<language>.title``; None when it has none."""
    found = meta.get("translations")
    words = found.get(language) if isinstance(found, dict) else None
    title = words.get("title") if isinstance(words, dict) else None
    return title if isinstance(title, str) and title.strip() else None
